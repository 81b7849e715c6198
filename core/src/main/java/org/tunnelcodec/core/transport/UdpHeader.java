package org.tunnelcodec.core.transport;

import org.tunnelcodec.core.internal.Check;

/**
 * A UDP header (RFC 768). The wire's Length is derived: 8 plus {@code payloadLength}. The
 * Checksum covers the payload, so it is a component: the value on the wire, which
 * {@link UdpEncoder#fillChecksum} computes once the payload is in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |        Destination Port       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Length            |            Checksum           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param sourcePort      the Source Port, 0..65535
 * @param destinationPort the Destination Port, 0..65535
 * @param payloadLength   the bytes after the header, 0..65527
 * @param checksum        the Checksum field, 0 meaning none (IPv4)
 */
public record UdpHeader(int sourcePort, int destinationPort, int payloadLength, int checksum) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "udp";

    /** The header's length. */
    public static final int LENGTH = 8;

    /**
     * Checks the components.
     *
     * @param sourcePort the Source Port, 0..65535
     * @param destinationPort the Destination Port, 0..65535
     * @param payloadLength the bytes after the header, 0..65527
     * @param checksum the Checksum field, 0 meaning none (IPv4)
     */
    public UdpHeader {
        Check.inRange("sourcePort", sourcePort, 0, 0xFFFF);
        Check.inRange("destinationPort", destinationPort, 0, 0xFFFF);
        Check.inRange("payloadLength", payloadLength, 0, 0xFFFF - LENGTH);
        Check.inRange("checksum", checksum, 0, 0xFFFF);
    }

    /**
     * Returns the Length field: header plus payload.
     *
     * @return the Length field: header plus payload
     */
    public int length() {
        return LENGTH + payloadLength;
    }
}
