package org.tunnelcodec.gre;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Check;

/**
 * One Source Route Entry of an RFC 1701 §2.1 routing field. The NULL SRE that ends the list
 * is not an entry: the encoder writes it and the decoder consumes it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------------------------------+---------------+---------------+
 * |       Address Family          |  SRE Offset   |  SRE Length   |
 * +-------------------------------+---------------+---------------+
 * |        Routing Information (SRE Length octets) ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param addressFamily      the Address Family: 0x0800 for IPv4 addresses, 0xFFFE for AS
 *                           numbers (RFC 1702), any other value kept as it is
 * @param sreOffset          the SRE Offset: the octet in the Routing Information of the next hop
 * @param routingInformation the Routing Information, 0..255 octets; SRE Length is derived
 */
public record SourceRouteEntry(int addressFamily, int sreOffset, ByteString routingInformation) {
    /** Address Family of a list of IPv4 addresses (RFC 1702). */
    public static final int IPV4_ADDRESSES = 0x0800;
    /** Address Family of a list of 2-octet AS numbers (RFC 1702). */
    public static final int AS_NUMBERS = 0xFFFE;

    /**
     * Checks the components.
     *
     * @param addressFamily the Address Family: 0x0800 for IPv4 addresses, 0xFFFE for AS numbers (RFC 1702), any other value kept as it is
     * @param sreOffset the SRE Offset: the octet in the Routing Information of the next hop
     * @param routingInformation the Routing Information, 0..255 octets; SRE Length is derived
     */
    public SourceRouteEntry {
        Check.inRange("addressFamily", addressFamily, 0, 0xFFFF);
        Check.inRange("sreOffset", sreOffset, 0, 0xFF);
        Objects.requireNonNull(routingInformation, "routingInformation");
        Check.inRange("routingInformation.length()", routingInformation.length(), 0, 0xFF);
        if (addressFamily == 0 && routingInformation.isEmpty()) {
            throw new IllegalArgumentException("addressFamily: 0 with no routing information (expected: not the NULL SRE,"
                    + " which the encoder adds)");
        }
    }

    /**
     * Returns the SRE Length field.
     *
     * @return the SRE Length field
     */
    public int sreLength() {
        return routingInformation.length();
    }

    /**
     * Returns the entry's length on the wire: 4 plus the routing information.
     *
     * @return the entry's length on the wire: 4 plus the routing information
     */
    public int length() {
        return 4 + routingInformation.length();
    }
}
