package org.tunnelcodec.core.ip;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Check;

/**
 * An IPv6 header (RFC 8200 §3) with the extension headers the decoder walked after it
 * ({@link Ipv6ExtensionHeader} shows theirs).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Source Address (16 bytes)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Destination Address (16 bytes)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@code nextHeader} is the fixed header's Next Header; each extension header carries its
 * own. The chain must be consistent: the fixed header names the first extension header,
 * each names the next, and the last names the upper-layer protocol, which may not itself be
 * a walked extension type (Hop-by-Hop, Routing, Fragment, Destination Options) unless the
 * last header is a non-first fragment. The wire's Payload Length is derived: the extension
 * headers' length plus {@code payloadLength}, at most 65535, and not 0 unless the packet is
 * empty with No Next Header (59). A jumbogram (RFC 2675) is a header whose first extension
 * header is a Hop-by-Hop Options header with a Jumbo Payload option: its Jumbo Payload Length
 * must equal the extension headers' length plus {@code payloadLength} and exceed 65535, there
 * may be no Fragment header, and the wire's Payload Length is 0. At most one Destination
 * Options header may carry a Home Address option (RFC 6275 §6.3; {@link #homeAddressOption()}).
 *
 * @param trafficClass     the Traffic Class, 0..255
 * @param flowLabel        the Flow Label, 0..0xFFFFF
 * @param payloadLength    the bytes after the walked extension headers (more than 65535 only in a jumbogram)
 * @param nextHeader       the fixed header's Next Header
 * @param hopLimit         the Hop Limit, 0..255
 * @param source           the Source Address
 * @param destination      the Destination Address
 * @param extensionHeaders the walked extension headers, in wire order, at most 8
 */
public record Ipv6Header(int trafficClass, int flowLabel, int payloadLength, IpProtocol nextHeader,
                         int hopLimit, Ipv6Address source, Ipv6Address destination,
                         List<Ipv6ExtensionHeader> extensionHeaders) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "ipv6";

    /**
     * Checks the components and the extension header chain.
     *
     * @param trafficClass the Traffic Class, 0..255
     * @param flowLabel the Flow Label, 0..0xFFFFF
     * @param payloadLength the bytes after the walked extension headers (more than 65535 only in a jumbogram)
     * @param nextHeader the fixed header's Next Header
     * @param hopLimit the Hop Limit, 0..255
     * @param source the Source Address
     * @param destination the Destination Address
     * @param extensionHeaders the walked extension headers, in wire order, at most 8
     */
    public Ipv6Header {
        Check.inRange("trafficClass", trafficClass, 0, 255);
        Check.inRange("flowLabel", flowLabel, 0, 0xFFFFF);
        Objects.requireNonNull(nextHeader, "nextHeader");
        Check.inRange("hopLimit", hopLimit, 0, 255);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        extensionHeaders = List.copyOf(extensionHeaders);
        Check.inRange("extensionHeaders.size()", extensionHeaders.size(), 0, Ipv6Layout.MAX_EXTENSION_HEADERS);
        int extLength = 0;
        boolean homeAddress = false;
        IpProtocol expected = nextHeader;
        int last = extensionHeaders.size() - 1;
        for (int i = 0; i <= last; i++) {
            Ipv6ExtensionHeader e = extensionHeaders.get(i);
            // Messages are built only on failure: this constructor runs on every decode.
            if (!e.type().equals(expected)) {
                throw new IllegalArgumentException("extensionHeaders[" + i + "]: " + e.type()
                        + " (expected: the type the previous Next Header names, " + expected + ")");
            }
            if (i != last && isNonFirstFragment(e)) {
                throw new IllegalArgumentException("extensionHeaders[" + i
                        + "]: a non-first fragment (expected: only as the last extension header)");
            }
            if (e instanceof Ipv6ExtensionHeader.DestinationOptions o
                    && Ipv6Layout.homeAddressOption(o.options()) >= 0) {
                if (homeAddress) {
                    throw new IllegalArgumentException("extensionHeaders[" + i
                            + "]: a second Home Address option (expected: at most one in a packet, RFC 6275 §6.3)");
                }
                homeAddress = true;
            }
            extLength += e.length();
            expected = e.nextHeader();
        }
        boolean lastIsNonFirstFragment = last >= 0 && isNonFirstFragment(extensionHeaders.get(last));
        if (!lastIsNonFirstFragment && Ipv6Layout.isWalked(expected.value())) {
            throw new IllegalArgumentException("upper-layer protocol: " + expected
                    + " (expected: not an extension header the decoder walks; list it in extensionHeaders)");
        }
        long jumbo = last >= 0 && extensionHeaders.get(0) instanceof Ipv6ExtensionHeader.HopByHopOptions o
                ? Ipv6Layout.jumboPayloadLength(o.options()) : -1;
        if (jumbo == -1) {
            Check.inRange("payloadLength", payloadLength, 0, 0xFFFF - extLength);
            if (extLength + payloadLength == 0 && nextHeader.value() != NO_NEXT_HEADER) {
                // RFC 2675 §3: Payload Length 0 is a jumbogram's; only an empty packet with
                // No Next Header (RFC 8200 §4.7) may have it otherwise.
                throw new IllegalArgumentException("payloadLength: 0 (expected: 1..65535 without extension "
                        + "headers, unless nextHeader is " + NO_NEXT_HEADER + ")");
            }
        } else {
            checkJumbogram(jumbo, extLength, payloadLength, extensionHeaders);
        }
    }

    private static final int NO_NEXT_HEADER = 59;

    private static void checkJumbogram(long jumbo, int extLength, int payloadLength,
                                       List<Ipv6ExtensionHeader> extensionHeaders) {
        Check.argument(jumbo != -2, "Jumbo Payload option", "Opt Data Len not 4", "Opt Data Len 4 (RFC 2675 §2)");
        Check.inRange("payloadLength", payloadLength, 0x10000 - extLength, Integer.MAX_VALUE - extLength);
        Check.argument(jumbo == (long) extLength + payloadLength, "Jumbo Payload Length", jumbo,
                "extension headers plus payloadLength, " + ((long) extLength + payloadLength));
        for (Ipv6ExtensionHeader e : extensionHeaders) {
            Check.argument(!(e instanceof Ipv6ExtensionHeader.FragmentHeader), "extensionHeaders", e,
                    "no Fragment header in a jumbogram (RFC 2675 §3)");
        }
    }

    /**
     * Returns a header with no extension headers, traffic class and flow label zero, hop limit 64.
     *
     * @param source the Source Address
     * @param destination the Destination Address
     * @param nextHeader the fixed header's Next Header
     * @param payloadLength the bytes after the walked extension headers (more than 65535 only in a jumbogram)
     * @return a header with no extension headers, traffic class and flow label zero, hop limit 64
     */
    public static Ipv6Header of(Ipv6Address source, Ipv6Address destination, IpProtocol nextHeader,
                                int payloadLength) {
        return new Ipv6Header(0, 0, payloadLength, nextHeader, 64, source, destination, List.of());
    }

    private static boolean isNonFirstFragment(Ipv6ExtensionHeader e) {
        return e instanceof Ipv6ExtensionHeader.FragmentHeader f && f.fragmentOffset() != 0;
    }

    /**
     * Returns the bytes of all walked extension headers.
     *
     * @return the bytes of all walked extension headers
     */
    public int extensionHeadersLength() {
        int n = 0;
        for (Ipv6ExtensionHeader e : extensionHeaders) {
            n += e.length();
        }
        return n;
    }

    /**
     * Returns the header length on the wire: 40 plus the extension headers.
     *
     * @return the header length on the wire: 40 plus the extension headers
     */
    public int headerLength() {
        return Ipv6Layout.LENGTH + extensionHeadersLength();
    }

    /**
     * Returns the Payload Length field: extension headers plus payload, or 0 for a jumbogram (RFC 2675
     * §2), whose length is in the Jumbo Payload option.
     *
     * @return the Payload Length field: extension headers plus payload, or 0 for a jumbogram
     *     (RFC 2675 §2), whose length is in the Jumbo Payload option
     */
    public int wirePayloadLength() {
        return isJumbogram() ? 0 : extensionHeadersLength() + payloadLength;
    }

    /**
     * Returns whether the first extension header is a Hop-by-Hop Options header with a Jumbo Payload
     * option (RFC 2675 §2); its Jumbo Payload Length is then the extension headers plus {@code
     * payloadLength}, more than 65535.
     *
     * @return whether the first extension header is a Hop-by-Hop Options header with a Jumbo
     *     Payload option (RFC 2675 §2); its Jumbo Payload Length is then the extension headers
     *     plus {@code payloadLength}, more than 65535
     */
    public boolean isJumbogram() {
        return !extensionHeaders.isEmpty() && extensionHeaders.get(0) instanceof Ipv6ExtensionHeader.HopByHopOptions o
                && Ipv6Layout.jumboPayloadLength(o.options()) >= 0;
    }

    /**
     * Returns the Next Header of the last walked header: the protocol of the payload (for a non-first
     * fragment, of the fragmented packet).
     *
     * @return the Next Header of the last walked header: the protocol of the payload (for a
     *     non-first fragment, of the fragmented packet)
     */
    public IpProtocol upperLayerProtocol() {
        return extensionHeaders.isEmpty() ? nextHeader
                : extensionHeaders.get(extensionHeaders.size() - 1).nextHeader();
    }

    /**
     * Returns whether the payload is a fragment whose offset is not 0 (so not an upper-layer header).
     *
     * @return whether the payload is a fragment whose offset is not 0 (so not an upper-layer header)
     */
    public boolean isNonFirstFragment() {
        return !extensionHeaders.isEmpty() && isNonFirstFragment(extensionHeaders.get(extensionHeaders.size() - 1));
    }

    /**
     * Returns the Home Address option (RFC 6275 §6.3) of the walked Destination Options headers,
     * if one has it: the address upper layers take as the packet's source.
     *
     * @return the Home Address option, or empty
     */
    public java.util.Optional<HomeAddressOption> homeAddressOption() {
        for (Ipv6ExtensionHeader e : extensionHeaders) {
            if (e instanceof Ipv6ExtensionHeader.DestinationOptions o) {
                java.util.Optional<HomeAddressOption> found = o.homeAddressOption();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Returns the first Type 2 Routing Header (RFC 6275 §6.4), if one was walked: its Home Address
     * is the packet's final destination.
     *
     * @return the Type 2 Routing Header, or empty
     */
    public java.util.Optional<Ipv6ExtensionHeader.Type2RoutingHeader> type2RoutingHeader() {
        for (Ipv6ExtensionHeader e : extensionHeaders) {
            if (e instanceof Ipv6ExtensionHeader.Type2RoutingHeader r) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Returns the Fragment header, if one was walked.
     *
     * @return the Fragment header, if one was walked
     */
    public java.util.Optional<Ipv6ExtensionHeader.FragmentHeader> fragmentHeader() {
        for (Ipv6ExtensionHeader e : extensionHeaders) {
            if (e instanceof Ipv6ExtensionHeader.FragmentHeader f) {
                return java.util.Optional.of(f);
            }
        }
        return java.util.Optional.empty();
    }
}
