package org.tunnelcodec.core.ip;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;

/**
 * An IPv4 header (RFC 791 §3.1). The wire's Version, IHL, Total Length and Header Checksum
 * are derived: the encoder writes them from the components, and the checksum is checked on
 * request with {@link Ipv4Decoder#verifyChecksum}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |   DSCP    |ECN|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |R|D|M|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (0..40 bytes)      |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param dscp           the Differentiated Services Code Point, 0..63 (RFC 2474)
 * @param ecn            the ECN field, 0..3 (RFC 3168)
 * @param payloadLength  Total Length minus the header length: the bytes after the header
 * @param identification the Identification field, 0..65535
 * @param reservedFlag   the reserved flag bit (must be zero on send, RFC 791; kept on receive)
 * @param dontFragment   the DF flag
 * @param moreFragments  the MF flag
 * @param fragmentOffset the Fragment Offset in 8-byte units, 0..8191
 * @param timeToLive     the Time to Live, 0..255
 * @param protocol       the Protocol of the payload
 * @param source         the Source Address
 * @param destination    the Destination Address
 * @param options        the option bytes including padding, a multiple of 4, at most 40
 */
public record Ipv4Header(int dscp, int ecn, int payloadLength, int identification, boolean reservedFlag,
                         boolean dontFragment, boolean moreFragments, int fragmentOffset, int timeToLive,
                         IpProtocol protocol, Ipv4Address source, Ipv4Address destination,
                         ByteString options) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "ipv4";

    /**
     * Checks the components.
     *
     * @param dscp the Differentiated Services Code Point, 0..63 (RFC 2474)
     * @param ecn the ECN field, 0..3 (RFC 3168)
     * @param payloadLength Total Length minus the header length: the bytes after the header
     * @param identification the Identification field, 0..65535
     * @param reservedFlag the reserved flag bit (must be zero on send, RFC 791; kept on receive)
     * @param dontFragment the DF flag
     * @param moreFragments the MF flag
     * @param fragmentOffset the Fragment Offset in 8-byte units, 0..8191
     * @param timeToLive the Time to Live, 0..255
     * @param protocol the Protocol of the payload
     * @param source the Source Address
     * @param destination the Destination Address
     * @param options the option bytes including padding, a multiple of 4, at most 40
     */
    public Ipv4Header {
        Check.inRange("dscp", dscp, 0, 63);
        Check.inRange("ecn", ecn, 0, 3);
        Objects.requireNonNull(options, "options");
        Check.argument(options.length() % 4 == 0 && options.length() <= Ipv4Layout.MAX_OPTIONS_LENGTH,
                "options.length()", options.length(), "a multiple of 4 in 0..40");
        Check.inRange("payloadLength", payloadLength, 0, 0xFFFF - Ipv4Layout.MIN_LENGTH - options.length());
        Check.inRange("identification", identification, 0, 0xFFFF);
        Check.inRange("fragmentOffset", fragmentOffset, 0, Ipv4Layout.FRAGMENT_OFFSET_MASK);
        Check.inRange("timeToLive", timeToLive, 0, 255);
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }

    /**
     * A header with no options, no fragmentation, DSCP and ECN zero, TTL 64.
     *
     * @param source the Source Address
     * @param destination the Destination Address
     * @param protocol the Protocol of the payload
     * @param payloadLength Total Length minus the header length: the bytes after the header
     * @return the header
     */
    public static Ipv4Header of(Ipv4Address source, Ipv4Address destination, IpProtocol protocol,
                                int payloadLength) {
        return new Ipv4Header(0, 0, payloadLength, 0, false, false, false, 0, 64, protocol, source,
                destination, ByteString.EMPTY);
    }

    /**
     * Returns the header length in bytes (IHL times 4).
     *
     * @return the header length in bytes (IHL times 4)
     */
    public int headerLength() {
        return Ipv4Layout.MIN_LENGTH + options.length();
    }

    /**
     * Returns the Total Length field: header plus payload.
     *
     * @return the Total Length field: header plus payload
     */
    public int totalLength() {
        return headerLength() + payloadLength;
    }

    /**
     * Returns whether this packet is a fragment (MF set or a non-zero offset).
     *
     * @return whether this packet is a fragment (MF set or a non-zero offset)
     */
    public boolean isFragment() {
        return moreFragments || fragmentOffset != 0;
    }

    /**
     * Returns a copy with another payload length.
     *
     * @param newPayloadLength the new payload length
     * @return a copy with another payload length
     */
    public Ipv4Header withPayloadLength(int newPayloadLength) {
        return new Ipv4Header(dscp, ecn, newPayloadLength, identification, reservedFlag, dontFragment,
                moreFragments, fragmentOffset, timeToLive, protocol, source, destination, options);
    }
}
