package org.tunnelcodec.gre.wccp.control;

import java.util.Objects;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;

/**
 * A Value Element ([W01] 5.7.8, [R1] 6.16): masked packet values and the web-cache that
 * receives the packets matching them.
 *
 * <pre>
 *  +------------------------------------------+
 *  | Source Address Value (32)                |
 *  +------------------------------------------+
 *  | Destination Address Value (32)           |
 *  +---------------------+--------------------+
 *  | Source Port (16)    | Destination Port(16)|
 *  +---------------------+--------------------+
 *  | Web-Cache IP Address (address element)   |
 *  +------------------------------------------+
 * </pre>
 *
 * @param sourceAddress      the Source Address Value (already masked)
 * @param destinationAddress the Destination Address Value
 * @param sourcePort         the Source Port Value, 0..65535
 * @param destinationPort    the Destination Port Value, 0..65535
 * @param webCache           the web-cache's address element
 */
public record WccpValueElement(Ipv4Address sourceAddress, Ipv4Address destinationAddress, int sourcePort,
                               int destinationPort, Ipv4Address webCache) {
    /** The encoded length in octets. */
    public static final int LENGTH = 16;

    /**
     * Checks the components.
     *
     * @param sourceAddress the Source Address Value (already masked)
     * @param destinationAddress the Destination Address Value
     * @param sourcePort the Source Port Value, 0..65535
     * @param destinationPort the Destination Port Value, 0..65535
     * @param webCache the web-cache's address element
     */
    public WccpValueElement {
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(destinationAddress, "destinationAddress");
        Check.inRange("sourcePort", sourcePort, 0, 0xFFFF);
        Check.inRange("destinationPort", destinationPort, 0, 0xFFFF);
        Objects.requireNonNull(webCache, "webCache");
    }
}
