package org.tunnelcodec.testdata;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.ip.HomeAddressOption;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6ExtensionHeader;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.link.AvspHeader;
import org.tunnelcodec.core.link.CiscoHdlcHeader;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.link.LinuxSll2Header;
import org.tunnelcodec.core.link.LinuxSllHeader;
import org.tunnelcodec.core.link.LoopbackHeader;
import org.tunnelcodec.core.link.VlanHeader;
import org.tunnelcodec.core.link.VlanTag;
import org.tunnelcodec.core.transport.TcpFlags;
import org.tunnelcodec.core.transport.TcpHeader;
import org.tunnelcodec.core.transport.UdpHeader;

/**
 * jqwik arbitraries for the core types: every value they produce is valid for its record,
 * and together they reach every field's extremes (edge cases are jqwik's).
 */
public final class CoreArbitraries {
    private static final int[] TAG_TPIDS = {0x8100, 0x88A8, 0x9100};
    private static final int[] WALKED = {0, 43, 44, 60};

    private CoreArbitraries() {
    }

    /**
     * Returns any MAC address.
     *
     * @return any MAC address
     */
    public static Arbitrary<MacAddress> macAddresses() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL).map(MacAddress::of);
    }

    /**
     * Returns any IPv4 address.
     *
     * @return any IPv4 address
     */
    public static Arbitrary<Ipv4Address> ipv4Addresses() {
        return Arbitraries.integers().map(Ipv4Address::of);
    }

    /**
     * Returns any IPv6 address.
     *
     * @return any IPv6 address
     */
    public static Arbitrary<Ipv6Address> ipv6Addresses() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(Ipv6Address::of);
    }

    /**
     * Returns any EtherType value, known ones favoured.
     *
     * @return any EtherType value, known ones favoured
     */
    public static Arbitrary<EtherType> etherTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of(EtherType.IPV4, EtherType.IPV6, EtherType.MPLS_UNICAST, EtherType.WCCP,
                        EtherType.TRANSPARENT_ETHERNET_BRIDGING, EtherType.PPP),
                Arbitraries.integers().between(0, 0xFFFF).map(EtherType::of));
    }

    /**
     * Returns any IP protocol number.
     *
     * @return any IP protocol number
     */
    public static Arbitrary<IpProtocol> ipProtocols() {
        return Arbitraries.integers().between(0, 255).map(IpProtocol::of);
    }

    /**
     * Byte strings of a length in a range.
     *
     * @param min the shortest length
     * @param max the longest length
     * @return byte strings of {@code min..max} bytes
     */
    public static Arbitrary<ByteString> byteStrings(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(ByteString::of);
    }

    /**
     * Byte strings whose length is a multiple of a unit.
     *
     * @param unit the unit, for example 4 for fields counted in 32-bit words
     * @param max  the longest length
     * @return byte strings whose length is a multiple of {@code unit}, at most {@code max}
     */
    public static Arbitrary<ByteString> byteStringsInUnits(int unit, int max) {
        return Arbitraries.integers().between(0, max / unit)
                .flatMap(n -> byteStrings(n * unit, n * unit));
    }

    /**
     * Returns any VLAN tag.
     *
     * @return any VLAN tag
     */
    public static Arbitrary<VlanTag> vlanTags() {
        return Combinators.combine(Arbitraries.of(0, 1, 2).map(i -> EtherType.of(TAG_TPIDS[i])),
                Arbitraries.integers().between(0, 7), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 4095)).as(VlanTag::new);
    }

    /**
     * Returns Ethernet headers with 0..8 tags and any EtherType that is not a tag TPID.
     *
     * @return Ethernet headers with 0..8 tags and any EtherType that is not a tag TPID
     */
    public static Arbitrary<EthernetHeader> ethernetHeaders() {
        Arbitrary<EtherType> types = Arbitraries.oneOf(etherTypes(),
                Arbitraries.integers().between(0, 1500).map(EtherType::of))
                .filter(t -> t.value() != 0x8100 && t.value() != 0x88A8 && t.value() != 0x9100);
        return Combinators.combine(macAddresses(), macAddresses(), vlanTags().list().ofMaxSize(8), types)
                .as(EthernetHeader::new)
                .filter(h -> !h.isLengthField() || h.etherType().value() <= 600);
    }

    /**
     * Returns any IPv4 header, with up to 40 option bytes and a payload of at most 300 bytes.
     *
     * @return any IPv4 header, with up to 40 option bytes and a payload of at most 300 bytes
     */
    public static Arbitrary<Ipv4Header> ipv4Headers() {
        Arbitrary<int[]> small = Combinators.combine(Arbitraries.integers().between(0, 63),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 8191), Arbitraries.integers().between(0, 255))
                .as((a, b, c, d, e, f, g) -> new int[] {a, b, c, d, e, f, g});
        return Combinators.combine(small, ipProtocols(), ipv4Addresses(), ipv4Addresses(),
                byteStringsInUnits(4, 40)).as((v, proto, s, d, opts) -> new Ipv4Header(v[0], v[1], v[2], v[3],
                (v[4] & 4) != 0, (v[4] & 2) != 0, (v[4] & 1) != 0, v[5], v[6], proto, s, d, opts));
    }

    /**
     * Returns unicast IPv6 addresses, the ones a Home Address option may carry (RFC 6275 §6.3):
     * neither multicast nor unspecified.
     *
     * @return unicast IPv6 addresses
     */
    public static Arbitrary<Ipv6Address> ipv6UnicastAddresses() {
        return ipv6Addresses().filter(a -> a.high() >>> 56 != 0xFF && (a.high() | a.low()) != 0);
    }

    /**
     * Returns IPv6 headers with a consistent chain of 0..5 walked extension headers, Mobile IPv6's
     * among them: the first Destination Options header may carry a Home Address option after other
     * options (RFC 6275 §6.3), and the Routing headers may be Type 2 Routing Headers (§6.4).
     *
     * @return IPv6 headers with a consistent chain of 0..5 walked extension headers
     */
    public static Arbitrary<Ipv6Header> ipv6Headers() {
        Arbitrary<List<Integer>> chain = Arbitraries.integers().between(0, 3).map(i -> WALKED[i]).list().ofMaxSize(5);
        Arbitrary<Integer> upper = ipProtocols().map(IpProtocol::value)
                .filter(v -> v != 0 && v != 43 && v != 44 && v != 60);
        return Combinators.combine(chain, upper, Arbitraries.integers().between(0, 8191),
                        byteStrings(0, 60).list().ofSize(5), Arbitraries.integers().between(0, 255),
                        Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 3),
                        ipv6UnicastAddresses())
                .as((types, last, fragmentOffset, blobs, small, id, mobile, home) -> {
                    List<Ipv6ExtensionHeader> headers = new ArrayList<>();
                    boolean homeAddressOption = (mobile & 1) != 0;
                    for (int i = 0; i < types.size(); i++) {
                        int next = i + 1 < types.size() ? types.get(i + 1) : last;
                        boolean isLast = i == types.size() - 1;
                        // only the last fragment header may have a non-zero offset
                        int offset = isLast ? fragmentOffset : 0;
                        IpProtocol nextHeader = IpProtocol.of(next);
                        if (types.get(i) == 60 && homeAddressOption) {
                            homeAddressOption = false; // at most one in a packet
                            headers.add(Ipv6ExtensionHeader.DestinationOptions.withHomeAddress(nextHeader,
                                    optionsBefore(blobs.get(i)), new HomeAddressOption(home)));
                        } else if (types.get(i) == 43 && (mobile & 2) != 0) {
                            headers.add(new Ipv6ExtensionHeader.Type2RoutingHeader(nextHeader, id, home));
                        } else {
                            headers.add(extension(types.get(i), nextHeader, blobs.get(i), small, offset, id));
                        }
                    }
                    return headers;
                })
                .flatMap(exts -> Combinators.combine(Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(0, 0xFFFFF), Arbitraries.integers().between(1, 300),
                        Arbitraries.integers().between(0, 255), ipv6Addresses(), ipv6Addresses(),
                        upper.map(IpProtocol::of))
                        .as((tc, flow, len, hop, s, d, firstIfEmpty) -> new Ipv6Header(tc, flow, len,
                                exts.isEmpty() ? firstIfEmpty : exts.get(0).type(), hop, s, d, exts)));
    }

    private static Ipv6ExtensionHeader extension(int type, IpProtocol next, ByteString blob, int small,
                                                 int fragmentOffset, long id) {
        byte[] b = blob.toByteArray();
        return switch (type) {
            case 0 -> new Ipv6ExtensionHeader.HopByHopOptions(next, oneOption(padded(b, 6)));
            case 60 -> new Ipv6ExtensionHeader.DestinationOptions(next, oneOption(padded(b, 6)));
            // Routing Type 2 is a Type2RoutingHeader
            case 43 -> new Ipv6ExtensionHeader.RoutingHeader(next, small == 2 ? 3 : small, small ^ 0x5A, padded(b, 4));
            default -> new Ipv6ExtensionHeader.FragmentHeader(next, small, fragmentOffset, small & 3,
                    (small & 4) != 0, id);
        };
    }

    /**
     * Whole option TLVs to put before a Home Address option, of any length up to 60: none, a
     * Pad1, or one option that fills the bytes.
     */
    private static ByteString optionsBefore(ByteString bytes) {
        return bytes.length() == 0 ? ByteString.EMPTY : bytes.length() == 1 ? ByteString.of((byte) 0) : oneOption(bytes);
    }

    /**
     * Makes the bytes one option TLV that fills them (RFC 8200 §4.2): the first byte is the
     * Option Type (PadN where it would be Pad1, a Jumbo Payload option or a Home Address
     * option, whose lengths are fixed), the second its Opt Data Len.
     */
    private static ByteString oneOption(ByteString bytes) {
        byte[] b = bytes.toByteArray();
        if (b[0] == 0 || (b[0] & 0xFF) == 0xC2 || (b[0] & 0xFF) == 0xC9) {
            b[0] = 1;
        }
        b[1] = (byte) (b.length - 2);
        return ByteString.of(b);
    }

    /** Pads to the next length that is {@code residue} modulo 8. */
    private static ByteString padded(byte[] b, int residue) {
        int length = b.length;
        while (length % 8 != residue) {
            length++;
        }
        return ByteString.of(java.util.Arrays.copyOf(b, length));
    }

    /**
     * Returns any UDP header with a payload of at most 300 bytes.
     *
     * @return any UDP header with a payload of at most 300 bytes
     */
    public static Arbitrary<UdpHeader> udpHeaders() {
        Arbitrary<Integer> ports = Arbitraries.integers().between(0, 0xFFFF);
        return Combinators.combine(ports, ports, Arbitraries.integers().between(0, 300), ports).as(UdpHeader::new);
    }

    /**
     * Returns any TCP header.
     *
     * @return any TCP header
     */
    public static Arbitrary<TcpHeader> tcpHeaders() {
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        return Combinators.combine(u16, u16, u32, u32, Arbitraries.integers().between(0, 15),
                        Arbitraries.integers().between(0, 255).map(TcpFlags::of), u16,
                        Combinators.combine(u16, u16, byteStringsInUnits(4, 40)).as(List::of))
                .as((sp, dp, seq, ack, res, flags, win, rest) -> new TcpHeader(sp, dp, seq, ack, res, flags, win,
                        (Integer) rest.get(0), (Integer) rest.get(1), (ByteString) rest.get(2)));
    }

    /**
     * Returns any Linux SLL header.
     *
     * @return any Linux SLL header
     */
    public static Arbitrary<LinuxSllHeader> linuxSllHeaders() {
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        return Combinators.combine(u16, u16, u16, byteStrings(8, 8), etherTypes()).as(LinuxSllHeader::new);
    }

    /**
     * Returns any Linux SLL2 header.
     *
     * @return any Linux SLL2 header
     */
    public static Arbitrary<LinuxSll2Header> linuxSll2Headers() {
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 0xFF);
        return Combinators.combine(etherTypes(), u16, Arbitraries.longs().between(0, 0xFFFF_FFFFL), u16, u8, u8,
                byteStrings(8, 8)).as(LinuxSll2Header::new);
    }

    /**
     * Returns any loopback header.
     *
     * @return any loopback header
     */
    public static Arbitrary<LoopbackHeader> loopbackHeaders() {
        return Arbitraries.integers().map(LoopbackHeader::fromWire);
    }

    /**
     * Returns any Cisco HDLC header: the usual Address and Control values and any others.
     *
     * @return any Cisco HDLC header
     */
    public static Arbitrary<CiscoHdlcHeader> ciscoHdlcHeaders() {
        Arbitrary<Integer> address = Arbitraries.oneOf(Arbitraries.of(CiscoHdlcHeader.UNICAST, CiscoHdlcHeader.BROADCAST),
                Arbitraries.integers().between(0, 0xFF));
        return Combinators.combine(address, Arbitraries.integers().between(0, 0xFF), etherTypes())
                .as(CiscoHdlcHeader::new);
    }

    /**
     * Returns any Arista timestamp header: each of the four timestamp formats with any time, and
     * headers of other subtypes and versions (kept with their first four octets).
     *
     * @return any Arista timestamp header
     */
    public static Arbitrary<AvspHeader> avspHeaders() {
        Arbitrary<AvspHeader> wide = Combinators.combine(
                Arbitraries.of(AvspHeader.TIMESTAMP_64_TAI, AvspHeader.TIMESTAMP_64_UTC),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.longs().between(0, 0xFFFF_FFFFL), etherTypes())
                .as(AvspHeader::timestamp);
        Arbitrary<AvspHeader> narrow = Combinators.combine(
                Arbitraries.of(AvspHeader.TIMESTAMP_48_TAI, AvspHeader.TIMESTAMP_48_UTC),
                Arbitraries.longs().between(0, 0xFFFF), Arbitraries.longs().between(0, 0xFFFF_FFFFL), etherTypes())
                .as(AvspHeader::timestamp);
        Arbitrary<AvspHeader> other = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 0xFFFF))
                .filter((subtype, version) -> AvspHeader.timestampBits(subtype, version) == 0)
                .as((subtype, version) -> new AvspHeader(subtype, version, AvspHeader.ABSENT, AvspHeader.ABSENT, null));
        return Arbitraries.oneOf(wide, narrow, other);
    }

    /**
     * Returns any 802.1Q tag that follows another header, an 802.3 Length in place of the
     * EtherType included.
     *
     * @return any 802.1Q tag
     */
    public static Arbitrary<VlanHeader> vlanHeaders() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.of(false, true),
                Arbitraries.integers().between(0, 4095),
                Arbitraries.oneOf(etherTypes(), Arbitraries.integers().between(0, 1500).map(EtherType::of)))
                .as(VlanHeader::new);
    }
}
