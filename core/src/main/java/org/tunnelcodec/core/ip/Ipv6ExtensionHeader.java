package org.tunnelcodec.core.ip;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.internal.Check;

/**
 * An IPv6 extension header that {@link Ipv6Decoder} walks (RFC 8200 §4): Hop-by-Hop Options,
 * Routing (any type), Fragment, Destination Options. Each keeps its Next Header; Hdr Ext Len
 * is derived from the data's length.
 *
 * <p>Hop-by-Hop Options (RFC 8200 §4.3) and Destination Options (RFC 8200 §4.6) headers,
 * 8 * (Hdr Ext Len + 1) bytes:
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |          Options ...          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Options (type-length-value, RFC 8200 §4.2) ...        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Routing header (RFC 8200 §4.4), 8 * (Hdr Ext Len + 1) bytes:
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |  Routing Type | Segments Left |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     type-specific data ...                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Fragment header (RFC 8200 §4.5), 8 bytes:
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |    Reserved   |     Fragment Offset     |Res|M|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Identification                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public sealed interface Ipv6ExtensionHeader {
    /**
     * Returns the protocol number that identifies this header type.
     *
     * @return the protocol number that identifies this header type
     */
    IpProtocol type();

    /**
     * Returns the Next Header field.
     *
     * @return the Next Header field
     */
    IpProtocol nextHeader();

    /**
     * Returns the header's length on the wire, a multiple of 8.
     *
     * @return the header's length on the wire, a multiple of 8
     */
    int length();

    /**
     * Hop-by-Hop Options header (RFC 8200 §4.3).
     *
     * @param nextHeader the Next Header
     * @param options    the option TLVs with their padding: 6, 14, 22, ... bytes (at most 2046);
     *                   no option may run past the end (RFC 8200 §4.2). A Jumbo Payload option
     *                   (RFC 2675) must agree with the {@link Ipv6Header} that carries it.
     */
    record HopByHopOptions(IpProtocol nextHeader, ByteString options) implements Ipv6ExtensionHeader {
        /**
         * Checks the components.
         *
         * @param nextHeader the Next Header
         * @param options the option TLVs with their padding: 6, 14, 22, ... bytes (at most 2046); no option
         *     may run past the end (RFC 8200 §4.2). A Jumbo Payload option (RFC 2675) must agree with the
         *     {@link Ipv6Header} that carries it.
         */
        public HopByHopOptions {
            Objects.requireNonNull(nextHeader, "nextHeader");
            checkOptions(options);
        }

        @Override
        public IpProtocol type() {
            return IpProtocol.HOPOPT;
        }

        @Override
        public int length() {
            return options.length() + 2;
        }
    }

    /**
     * Destination Options header (RFC 8200 §4.6).
     *
     * @param nextHeader the Next Header
     * @param options    the option TLVs with their padding: 6, 14, 22, ... bytes (at most 2046);
     *                   no option may run past the end (RFC 8200 §4.2)
     */
    record DestinationOptions(IpProtocol nextHeader, ByteString options) implements Ipv6ExtensionHeader {
        /**
         * Checks the components.
         *
         * @param nextHeader the Next Header
         * @param options the option TLVs with their padding: 6, 14, 22, ... bytes (at most 2046); no option
         *     may run past the end (RFC 8200 §4.2)
         */
        public DestinationOptions {
            Objects.requireNonNull(nextHeader, "nextHeader");
            checkOptions(options);
        }

        @Override
        public IpProtocol type() {
            return IpProtocol.IPV6_OPTS;
        }

        @Override
        public int length() {
            return options.length() + 2;
        }
    }

    /**
     * Routing header of any Routing Type (RFC 8200 §4.4): type 0 (deprecated, RFC 5095),
     * type 2 (Mobile IPv6, RFC 6275 §6.4), type 4 (SRv6, RFC 8754) and any other all keep
     * their type-specific data as bytes.
     *
     * @param nextHeader   the Next Header
     * @param routingType  the Routing Type, 0..255
     * @param segmentsLeft the Segments Left, 0..255
     * @param data         the type-specific data: 4, 12, 20, ... bytes (at most 2044)
     */
    record RoutingHeader(IpProtocol nextHeader, int routingType, int segmentsLeft, ByteString data)
            implements Ipv6ExtensionHeader {
        /**
         * Checks the components.
         *
         * @param nextHeader the Next Header
         * @param routingType the Routing Type, 0..255
         * @param segmentsLeft the Segments Left, 0..255
         * @param data the type-specific data: 4, 12, 20, ... bytes (at most 2044)
         */
        public RoutingHeader {
            Objects.requireNonNull(nextHeader, "nextHeader");
            Check.inRange("routingType", routingType, 0, 255);
            Check.inRange("segmentsLeft", segmentsLeft, 0, 255);
            Objects.requireNonNull(data, "data");
            Check.argument(data.length() % 8 == 4 && data.length() <= 2044, "data.length()", data.length(),
                    "4, 12, 20, ... 2044");
        }

        @Override
        public IpProtocol type() {
            return IpProtocol.IPV6_ROUTE;
        }

        @Override
        public int length() {
            return data.length() + 4;
        }
    }

    /**
     * Fragment header (RFC 8200 §4.5), 8 bytes.
     *
     * @param nextHeader     the Next Header
     * @param reserved       the 8-bit Reserved field, kept as on the wire
     * @param fragmentOffset the Fragment Offset in 8-byte units, 0..8191
     * @param reservedBits   the 2-bit Res field, kept as on the wire
     * @param moreFragments  the M flag
     * @param identification the Identification, unsigned 32 bits
     */
    record FragmentHeader(IpProtocol nextHeader, int reserved, int fragmentOffset, int reservedBits,
                          boolean moreFragments, long identification) implements Ipv6ExtensionHeader {
        /**
         * Checks the components.
         *
         * @param nextHeader the Next Header
         * @param reserved the 8-bit Reserved field, kept as on the wire
         * @param fragmentOffset the Fragment Offset in 8-byte units, 0..8191
         * @param reservedBits the 2-bit Res field, kept as on the wire
         * @param moreFragments the M flag
         * @param identification the Identification, unsigned 32 bits
         */
        public FragmentHeader {
            Objects.requireNonNull(nextHeader, "nextHeader");
            Check.inRange("reserved", reserved, 0, 255);
            Check.inRange("fragmentOffset", fragmentOffset, 0, 8191);
            Check.inRange("reservedBits", reservedBits, 0, 3);
            Check.inRange("identification", identification, 0, 0xFFFF_FFFFL);
        }

        @Override
        public IpProtocol type() {
            return IpProtocol.IPV6_FRAG;
        }

        @Override
        public int length() {
            return 8;
        }
    }

    private static void checkOptions(ByteString options) {
        Objects.requireNonNull(options, "options");
        Check.argument(options.length() % 8 == 6 && options.length() <= 2046, "options.length()",
                options.length(), "6, 14, 22, ... 2046");
        int overrun = optionOverrun(options);
        Check.argument(overrun < 0, "options", options, "option TLVs within the header (RFC 8200 §4.2)");
    }

    /**
     * Walks the option TLVs the way {@link IpScan} walks them on the wire (RFC 8200 §4.2).
     *
     * @return the index of the first option that runs past the end, or -1
     */
    private static int optionOverrun(ByteString options) {
        int i = 0;
        int end = options.length();
        while (i < end) {
            if (options.byteAt(i) == 0) { // Pad1
                i++;
                continue;
            }
            if (end - i < 2 || options.byteAt(i + 1) + 2 > end - i) {
                return i;
            }
            i += options.byteAt(i + 1) + 2;
        }
        return -1;
    }
}
