package org.tunnelcodec.core.ip;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Check;

/**
 * An IPv6 extension header that {@link Ipv6Decoder} walks (RFC 8200 §4): Hop-by-Hop Options,
 * Routing (the Type 2 Routing Header of Mobile IPv6 as a {@link Type2RoutingHeader}, every
 * other Routing Type as a {@link RoutingHeader}), Fragment, Destination Options (whose Home
 * Address option, RFC 6275 §6.3, {@link DestinationOptions#homeAddressOption()} reads). Each
 * keeps its Next Header; Hdr Ext Len is derived from the data's length.
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
 * <p>Type 2 Routing Header (RFC 6275 §6.4), 24 bytes:
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  | Hdr Ext Len=2 | Routing Type=2|Segments Left=1|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Reserved                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                         Home Address                          +
 * |                           (16 bytes)                          |
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
     * Destination Options header (RFC 8200 §4.6). A Home Address option (RFC 6275 §6.3) among
     * its options is read by {@link #homeAddressOption()}; it must have Option Length 16 and a
     * unicast address, and there may be only one (the {@link Ipv6Header} checks that the packet
     * has at most one). {@link #withHomeAddress(IpProtocol, HomeAddressOption)} makes the usual
     * 24-byte header that carries one.
     *
     * @param nextHeader the Next Header
     * @param options    the option TLVs with their padding: 6, 14, 22, ... bytes (at most 2046);
     *                   no option may run past the end (RFC 8200 §4.2); at most one Home Address
     *                   option, of Option Length 16, with a unicast address (RFC 6275 §6.3)
     */
    record DestinationOptions(IpProtocol nextHeader, ByteString options) implements Ipv6ExtensionHeader {
        /**
         * Checks the components.
         *
         * @param nextHeader the Next Header
         * @param options the option TLVs with their padding: 6, 14, 22, ... bytes (at most 2046); no option
         *     may run past the end (RFC 8200 §4.2); at most one Home Address option, of Option Length 16,
         *     with a unicast address (RFC 6275 §6.3)
         */
        public DestinationOptions {
            Objects.requireNonNull(nextHeader, "nextHeader");
            checkOptions(options);
            checkHomeAddressOption(options);
        }

        /**
         * Returns the header a mobile node sends away from home (RFC 6275 §6.3): a PadN of two
         * data bytes, then the Home Address option at offset 6 (its alignment, 8n+6): 24 bytes.
         *
         * @param nextHeader the Next Header
         * @param option the Home Address option
         * @return the header
         * @throws NullPointerException if an argument is null
         */
        public static DestinationOptions withHomeAddress(IpProtocol nextHeader, HomeAddressOption option) {
            return withHomeAddress(nextHeader, ByteString.EMPTY, option);
        }

        /**
         * Returns a header with the given options, then the padding the Home Address option's
         * alignment asks for (8n+6 from the start of the header, RFC 6275 §6.3: Pad1 for one
         * byte, PadN for more), then the option. The header then ends on a multiple of 8.
         *
         * @param nextHeader the Next Header
         * @param options the option TLVs to put first, whole (no option may run past their end),
         *     without a Home Address option; may be empty
         * @param option the Home Address option
         * @return the header
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if an option of {@code options} runs past their end,
         *     if they hold a Home Address option, or if the header would exceed 2048 bytes
         */
        public static DestinationOptions withHomeAddress(IpProtocol nextHeader, ByteString options,
                                                         HomeAddressOption option) {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(option, "option");
            Check.argument(optionOverrun(options) < 0, "options", options,
                    "whole option TLVs (RFC 8200 §4.2)");
            int n = options.length();
            // The option starts at 2 + n + pad from the start of the header: 6 modulo 8.
            int pad = Math.floorMod(HomeAddressOption.ALIGNMENT_OFFSET - 2 - n, 8);
            Check.argument(2 + n + pad + HomeAddressOption.ENCODED_LENGTH <= 2048, "options.length()", n,
                    "at most " + (2046 - HomeAddressOption.ENCODED_LENGTH - pad) + " bytes beside the option");
            byte[] b = new byte[n + pad + HomeAddressOption.ENCODED_LENGTH];
            System.arraycopy(options.toByteArray(), 0, b, 0, n);
            if (pad >= 2) {
                b[n] = 1; // PadN
                b[n + 1] = (byte) (pad - 2);
            } // a pad of 1 is Pad1, the zero byte already there
            int at = n + pad;
            b[at] = (byte) HomeAddressOption.OPTION_TYPE;
            b[at + 1] = (byte) HomeAddressOption.OPTION_LENGTH;
            System.arraycopy(option.homeAddress().toByteArray(), 0, b, at + 2, 16);
            return new DestinationOptions(Objects.requireNonNull(nextHeader, "nextHeader"), ByteString.of(b));
        }

        /**
         * Returns the Home Address option (RFC 6275 §6.3) among the options, if there is one.
         *
         * @return the Home Address option, or empty
         */
        public java.util.Optional<HomeAddressOption> homeAddressOption() {
            int i = Ipv6Layout.homeAddressOption(options);
            if (i < 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new HomeAddressOption(
                    Ipv6Address.read(options.asReadOnlyBuffer(), i + 2)));
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
     * Routing header of any Routing Type but 2 (RFC 8200 §4.4): type 0 (deprecated, RFC 5095),
     * type 4 (SRv6, RFC 8754) and any other keep their type-specific data as bytes. Type 2, the
     * Mobile IPv6 one, is a {@link Type2RoutingHeader}.
     *
     * @param nextHeader   the Next Header
     * @param routingType  the Routing Type, 0..255 but 2
     * @param segmentsLeft the Segments Left, 0..255
     * @param data         the type-specific data: 4, 12, 20, ... bytes (at most 2044)
     */
    record RoutingHeader(IpProtocol nextHeader, int routingType, int segmentsLeft, ByteString data)
            implements Ipv6ExtensionHeader {
        /**
         * Checks the components.
         *
         * @param nextHeader the Next Header
         * @param routingType the Routing Type, 0..255 but 2
         * @param segmentsLeft the Segments Left, 0..255
         * @param data the type-specific data: 4, 12, 20, ... bytes (at most 2044)
         */
        public RoutingHeader {
            Objects.requireNonNull(nextHeader, "nextHeader");
            Check.inRange("routingType", routingType, 0, 255);
            Check.argument(routingType != Ipv6Layout.TYPE_2_ROUTING, "routingType", routingType,
                    "not 2 (a Type 2 Routing Header is a Type2RoutingHeader)");
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
     * Type 2 Routing Header of Mobile IPv6 (RFC 6275 §6.4), 24 bytes: Hdr Ext Len 2, Routing
     * Type 2, Segments Left 1, a 32-bit Reserved field, the home address of the mobile node the
     * packet is for. The IPv6 Destination Address is the node's care-of address; the home
     * address is the final destination, which transport checksums cover (RFC 8200 §8.1).
     *
     * <p>Receiver rules, applied by the IPv6 decoder and {@link IpScan}: Hdr Ext Len other than 2
     * is malformed ({@code BAD_LENGTH}), Segments Left other than 1 is malformed ({@code BAD_VALUE}),
     * both RFC 6275 §6.4. Reserved is kept as on the wire (the receiver ignores it).
     *
     * @param nextHeader  the Next Header
     * @param reserved    the 32-bit Reserved field, unsigned, kept as on the wire (0 when sent)
     * @param homeAddress the Home Address: the mobile node's home address, the final destination
     */
    record Type2RoutingHeader(IpProtocol nextHeader, long reserved, Ipv6Address homeAddress)
            implements Ipv6ExtensionHeader {
        /** The Routing Type, 2. */
        public static final int ROUTING_TYPE = Ipv6Layout.TYPE_2_ROUTING;
        /** The Segments Left, always 1 (RFC 6275 §6.4). */
        public static final int SEGMENTS_LEFT = 1;
        /** The header's length, 24 bytes (Hdr Ext Len 2). */
        public static final int LENGTH = Ipv6Layout.TYPE_2_LENGTH;

        /**
         * Checks the components.
         *
         * @param nextHeader the Next Header
         * @param reserved the 32-bit Reserved field, unsigned, kept as on the wire (0 when sent)
         * @param homeAddress the Home Address: the mobile node's home address, the final destination
         */
        public Type2RoutingHeader {
            Objects.requireNonNull(nextHeader, "nextHeader");
            Check.inRange("reserved", reserved, 0, 0xFFFF_FFFFL);
            Objects.requireNonNull(homeAddress, "homeAddress");
        }

        /**
         * Returns the header a sender builds (RFC 6275 §6.4): Reserved 0.
         *
         * @param nextHeader the Next Header
         * @param homeAddress the Home Address
         * @return the header
         * @throws NullPointerException if an argument is null
         */
        public static Type2RoutingHeader of(IpProtocol nextHeader, Ipv6Address homeAddress) {
            return new Type2RoutingHeader(nextHeader, 0, homeAddress);
        }

        /**
         * Returns the Routing Type, {@value #ROUTING_TYPE}.
         *
         * @return the Routing Type, {@value #ROUTING_TYPE}
         */
        public int routingType() {
            return ROUTING_TYPE;
        }

        /**
         * Returns the Segments Left, {@value #SEGMENTS_LEFT}: the decoder refuses any other.
         *
         * @return the Segments Left, {@value #SEGMENTS_LEFT}
         */
        public int segmentsLeft() {
            return SEGMENTS_LEFT;
        }

        @Override
        public IpProtocol type() {
            return IpProtocol.IPV6_ROUTE;
        }

        @Override
        public int length() {
            return LENGTH;
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
     * The rules of the Home Address option that {@link IpScan} applies to a Destination Options
     * header (RFC 6275 §6.3): Option Length 16, a unicast address, at most one. Runs after
     * {@link #checkOptions}, on options that are whole.
     */
    private static void checkHomeAddressOption(ByteString options) {
        int i = 0;
        int end = options.length();
        boolean seen = false;
        while (i < end) {
            int type = options.byteAt(i);
            if (type == 0) {
                i++;
                continue;
            }
            int dataLength = options.byteAt(i + 1);
            if (type == Ipv6Layout.HOME_ADDRESS_OPTION) {
                Check.argument(dataLength == Ipv6Layout.HOME_ADDRESS_OPTION_LENGTH, "Home Address Option Length",
                        dataLength, "16 (RFC 6275 §6.3)");
                Check.argument(!seen, "options", options, "at most one Home Address option (RFC 6275 §6.3)");
                seen = true;
                java.nio.ByteBuffer b = options.asReadOnlyBuffer();
                if (!Ipv6Layout.isUnicast(b.getLong(i + 2), b.getLong(i + 10))) {
                    Check.argument(false, "Home Address", Ipv6Address.read(b, i + 2),
                            "a unicast address, not multicast or unspecified (RFC 6275 §6.3)");
                }
            }
            i += dataLength + 2;
        }
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
