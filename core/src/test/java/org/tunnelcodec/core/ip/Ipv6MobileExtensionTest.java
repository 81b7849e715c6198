package org.tunnelcodec.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunnelcodec.core.Rejections.assertInvalid;
import static org.tunnelcodec.core.Rejections.assertTruncated;
import static org.tunnelcodec.core.Rejections.hex;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.AllocationCounter;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * The Mobile IPv6 pieces of the IPv6 walk: the Home Address destination option (RFC 6275 §6.3)
 * and the Type 2 Routing Header (RFC 6275 §6.4). Two packets built with scapy 2.5 and decoded
 * by tshark 4.0.17, from outside the project, give the expected values: M1, a Binding Update
 * from care-of address 2001:db8:c0a::100 to home agent 2001:db8:a::1 whose Destination Options
 * header holds a PadN and the Home Address option for 2001:db8:a::100; M3, a Binding
 * Acknowledgement back through a Type 2 Routing Header with the same home address. The tests
 * prove that the decoder names both with their fields, that the encoder writes them back to
 * the same bytes, that the allocation-free peeks find both addresses, and that every receiver
 * rule is a malformed packet with its exact exception while other options and Routing Types
 * are walked as before.
 */
class Ipv6MobileExtensionTest {
    private static final Ipv6Address HOME_AGENT = Ipv6Address.parse("2001:db8:a::1");
    private static final Ipv6Address HOME = Ipv6Address.parse("2001:db8:a::100");
    private static final Ipv6Address CARE_OF = Ipv6Address.parse("2001:db8:c0a::100");
    private static final String HOME_HEX = "20010db8000a00000000000000000100";

    /** M1: IPv6 CoA → HA, Destination Options (PadN, Home Address option), Mobility Header at 64. */
    private static final String M1 = "6000000000383c40" + "20010db80c0a00000000000000000100"
            + "20010db8000a00000000000000000001" + "870201020000c910" + HOME_HEX
            + "3b03050041301234d00000960100031020010db80c0a00000000000000000100";
    /** M3: IPv6 HA → CoA, Type 2 Routing Header with the home address, Mobility Header at 64. */
    private static final String M3 = "6000000000482b40" + "20010db8000a00000000000000000001"
            + "20010db80c0a00000000000000000100" + "8702020100000000" + HOME_HEX
            + "3b0506002d06044012350096010400000000230400010001010023040002a60201002d06000a00010083010400000000";

    /** An IPv6 header with the given extension headers (hex), Next Header {@code first}, then 8 bytes of UDP. */
    private static String packet(int first, String extensions) {
        int payload = extensions.length() / 2 + 8;
        return String.format("60000000%04x%02x40", payload, first) + "20010db8000000000000000000000001"
                + "20010db8000000000000000000000002" + extensions + "d5f1003500080000";
    }

    @Test
    void shouldDecodeTheHomeAddressOptionOfVectorM1() {
        Ipv6Header h = Ipv6Decoder.decode(hex(M1)).header();
        assertThat(h.source()).isEqualTo(CARE_OF);
        assertThat(h.destination()).isEqualTo(HOME_AGENT);
        assertThat(h.headerLength()).isEqualTo(64);
        assertThat(h.upperLayerProtocol().value()).isEqualTo(135);
        assertThat(h.extensionHeaders()).singleElement().isInstanceOfSatisfying(
                Ipv6ExtensionHeader.DestinationOptions.class, o -> {
                    assertThat(o.nextHeader().value()).isEqualTo(135);
                    assertThat(o.length()).isEqualTo(24);
                    // the PadN of 2 data bytes, then the option at offset 6 (8n+6)
                    assertThat(o.options().toHex()).isEqualTo("01020000c910" + HOME_HEX);
                    assertThat(o.homeAddressOption()).contains(new HomeAddressOption(HOME));
                });
        assertThat(h.homeAddressOption()).contains(new HomeAddressOption(HOME));
        assertThat(h.type2RoutingHeader()).isEmpty();
    }

    @Test
    void shouldDecodeTheType2RoutingHeaderOfVectorM3() {
        Ipv6Header h = Ipv6Decoder.decode(hex(M3)).header();
        assertThat(h.source()).isEqualTo(HOME_AGENT);
        assertThat(h.destination()).isEqualTo(CARE_OF);
        assertThat(h.headerLength()).isEqualTo(64);
        Ipv6ExtensionHeader.Type2RoutingHeader rh2 = new Ipv6ExtensionHeader.Type2RoutingHeader(IpProtocol.of(135), 0,
                HOME);
        assertThat(h.extensionHeaders()).containsExactly(rh2);
        assertThat(rh2.routingType()).isEqualTo(2);
        assertThat(rh2.segmentsLeft()).isEqualTo(1);
        assertThat(rh2.length()).isEqualTo(24);
        assertThat(rh2.type()).isEqualTo(IpProtocol.IPV6_ROUTE);
        assertThat(h.type2RoutingHeader()).contains(rh2);
        assertThat(h.homeAddressOption()).isEmpty();
    }

    @Test
    void shouldKeepTheReservedFieldOfAType2RoutingHeader() {
        String m3 = M3.replace("8702020100000000", "87020201deadbeef");
        Ipv6Header h = Ipv6Decoder.decode(hex(m3)).header();
        assertThat(h.type2RoutingHeader().orElseThrow().reserved()).isEqualTo(0xDEADBEEFL);
        assertThat(encode(h, 64)).isEqualTo(m3.substring(0, 128));
    }

    @Test
    void shouldEncodeBothVectorsFromTheirRecords() {
        Ipv6Header m1 = new Ipv6Header(0, 0, 32, IpProtocol.IPV6_OPTS, 64, CARE_OF, HOME_AGENT,
                List.of(Ipv6ExtensionHeader.DestinationOptions.withHomeAddress(IpProtocol.of(135),
                        new HomeAddressOption(HOME))));
        assertThat(encode(m1, 64)).isEqualTo(M1.substring(0, 128));
        Ipv6Header m3 = new Ipv6Header(0, 0, 48, IpProtocol.IPV6_ROUTE, 64, HOME_AGENT, CARE_OF,
                List.of(Ipv6ExtensionHeader.Type2RoutingHeader.of(IpProtocol.of(135), HOME)));
        assertThat(encode(m3, 64)).isEqualTo(M3.substring(0, 128));
        assertThat(Ipv6Decoder.decode(hex(M1)).header()).isEqualTo(m1);
        assertThat(Ipv6Decoder.decode(hex(M3)).header()).isEqualTo(m3);
    }

    @Test
    void shouldPadTheHomeAddressOptionToItsAlignmentAfterOtherOptions() {
        // Options of 0 to 9 bytes before it: the option lands at 8n+6 from the start of the header.
        for (int n = 0; n < 10; n++) {
            String before = n == 0 ? "" : n == 1 ? "00" : "01" + String.format("%02x", n - 2) + "00".repeat(n - 2);
            Ipv6ExtensionHeader.DestinationOptions o = Ipv6ExtensionHeader.DestinationOptions.withHomeAddress(
                    IpProtocol.UDP, ByteString.fromHex(before), new HomeAddressOption(HOME));
            String options = o.options().toHex();
            int at = 2 + options.indexOf("c910" + HOME_HEX) / 2;
            assertThat(at % 8).as("option offset with %d bytes before", n).isEqualTo(6);
            assertThat(o.length() % 8).isZero();
            assertThat(options).startsWith(before).endsWith("c910" + HOME_HEX);
            assertThat(o.homeAddressOption()).contains(new HomeAddressOption(HOME));
            int pad = at - 2 - n;
            String padding = options.substring(2 * n, 2 * (n + pad));
            assertThat(padding).isEqualTo(pad == 0 ? "" : pad == 1 ? "00"
                    : "01" + String.format("%02x", pad - 2) + "00".repeat(pad - 2));
        }
    }

    @Test
    void shouldFindBothAddressesWithTheAllocationFreePeeks() {
        ByteBuffer m1 = hex(M1);
        ByteBuffer m3 = hex(M3);
        assertThat(Ipv6Decoder.homeAddressIndex(m1, 0, m1.limit())).isEqualTo(48);
        assertThat(Ipv6Decoder.type2HomeAddressIndex(m1, 0, m1.limit())).isEqualTo(-1);
        assertThat(Ipv6Decoder.homeAddressIndex(m3, 0, m3.limit())).isEqualTo(-1);
        assertThat(Ipv6Decoder.type2HomeAddressIndex(m3, 0, m3.limit())).isEqualTo(48);
        assertThat(Ipv6Address.read(m1, 48)).isEqualTo(HOME);
        // In a larger buffer, at an offset: the indexes are absolute.
        ByteBuffer framed = hex("00".repeat(14) + M3);
        long scan = IpScan.ipv6(framed, 14, framed.limit());
        assertThat(IpScan.type2HomeAddressIndex(framed, 14, scan)).isEqualTo(62);
        assertThat(IpScan.homeAddressIndex(framed, 14, scan)).isEqualTo(-1);
        // No extension header at all, and other headers only.
        ByteBuffer plain = hex(packet(17, ""));
        assertThat(Ipv6Decoder.homeAddressIndex(plain, 0, plain.limit())).isEqualTo(-1);
        ByteBuffer others = hex(packet(0, "3c00010400000000" + "2b000104000000001100000200000000"));
        assertThat(Ipv6Decoder.homeAddressIndex(others, 0, others.limit())).isEqualTo(-1);
        assertThat(Ipv6Decoder.type2HomeAddressIndex(others, 0, others.limit())).isEqualTo(-1);
    }

    @Test
    void shouldFindTheHomeAddressOptionBehindOtherHeadersAndOptions() {
        // Hop-by-Hop (PadN), Routing type 0 with Segments Left 0, then Destination Options with a
        // Pad1, a PadN, an unknown option (0x1e) and a PadN before the Home Address option at offset 14.
        String dstopts = "1103" + "00" + "0100" + "1e0100" + "010400000000" + "c910" + HOME_HEX;
        String packet = packet(0, "2b00010400000000" + "3c02000000000000" + "0000000000000000" + "0000000000000000"
                + dstopts);
        ByteBuffer b = hex(packet);
        int at = Ipv6Decoder.homeAddressIndex(b, 0, b.limit());
        assertThat(Ipv6Address.read(b, at)).isEqualTo(HOME);
        assertThat(at).isEqualTo(40 + 8 + 24 + 16);
        Ipv6Header h = Ipv6Decoder.decode(b).header();
        assertThat(h.homeAddressOption()).contains(new HomeAddressOption(HOME));
        assertThat(h.extensionHeaders().get(1)).isInstanceOf(Ipv6ExtensionHeader.RoutingHeader.class);
        assertThat(h.upperLayerProtocol()).isEqualTo(IpProtocol.UDP);
    }

    @Test
    void shouldSumThePseudoHeaderInPlaceAsFromTheAddresses() {
        ByteBuffer m1 = hex(M1);
        int source = Ipv6Decoder.homeAddressIndex(m1, 0, m1.limit());
        assertThat(InternetChecksum.ipv6PseudoHeaderSum(m1, source, 24, 135, 32))
                .isEqualTo(InternetChecksum.ipv6PseudoHeaderSum(HOME, HOME_AGENT, 135, 32));
        // M1's Mobility Header checksum (0x4130) verifies with the home address as the source.
        assertThat(InternetChecksum.verifies(m1, 64, 32, InternetChecksum.ipv6PseudoHeaderSum(m1, source, 24, 135, 32)))
                .isTrue();
        assertThat(InternetChecksum.verifies(m1, 64, 32, InternetChecksum.ipv6PseudoHeaderSum(m1, 8, 24, 135, 32)))
                .isFalse();
        ByteBuffer m3 = hex(M3);
        int destination = Ipv6Decoder.type2HomeAddressIndex(m3, 0, m3.limit());
        assertThat(InternetChecksum.verifies(m3, 64, 48, InternetChecksum.ipv6PseudoHeaderSum(m3, 8, destination, 135,
                48))).isTrue();
    }

    @Test
    void shouldAllocateNothingToFindTheAddressesAndSumThePseudoHeader() {
        ByteBuffer[] packets = {hex(M1), hex(M3)};
        int[] next = {0};
        long bytes = AllocationCounter.fewestBytesPerRound(() -> {
            ByteBuffer b = packets[next[0]++ & 1];
            long scan = IpScan.ipv6(b, 0, b.limit());
            int source = IpScan.homeAddressIndex(b, 0, scan);
            int destination = IpScan.type2HomeAddressIndex(b, 0, scan);
            return InternetChecksum.ipv6PseudoHeaderSum(b, source < 0 ? 8 : source, destination < 0 ? 24 : destination,
                    135, IpScan.payloadLength(scan)) + Ipv6Decoder.homeAddressIndex(b, 0, b.limit());
        });
        assertThat(bytes).as("bytes allocated by %d peeks", AllocationCounter.CALLS).isZero();
    }

    @Test
    void shouldRefuseAPeekAtAnInvalidOrIpv4Result() {
        ByteBuffer m1 = hex(M1);
        ByteBuffer v4 = hex("450000140000000040110000c0000201c6336402");
        long ipv4 = IpScan.ipv4(v4, 0, v4.limit());
        assertThat(IpScan.isValid(ipv4)).isTrue();
        assertThatThrownBy(() -> IpScan.homeAddressIndex(v4, 0, ipv4)).isInstanceOf(IllegalArgumentException.class);
        long invalid = IpScan.ipv6(m1, 0, 20);
        assertThatThrownBy(() -> IpScan.type2HomeAddressIndex(m1, 0, invalid))
                .isInstanceOf(IllegalArgumentException.class);
        ByteBuffer cut = hex(M1.substring(0, 100));
        assertTruncated(() -> Ipv6Decoder.homeAddressIndex(cut, 0, cut.limit()), "ipv6", "Payload Length", 0, 96, 50,
                null);
    }

    @Test
    void shouldRefuseAHomeAddressOptionWhoseLengthIsNot16() {
        // Option Length 15: 17 bytes, then a Pad1 (the address's last byte) ends the header.
        assertInvalid(() -> Ipv6Decoder.decode(hex(M1.replace("c910", "c90f"))), "ipv6", "Home Address Option Length", 47,
                Reason.BAD_LENGTH, 15, "16, RFC 6275 §6.3");
        // Option Length 1, as in Zeek's capture: the rest of the header parses as other options.
        assertInvalid(() -> Ipv6Decoder.decode(hex(M1.replace("c910" + HOME_HEX, "c9012001" + "0d" + "00".repeat(13)))),
                "ipv6", "Home Address Option Length", 47, Reason.BAD_LENGTH, 1, "16, RFC 6275 §6.3");
        // Option Length 17 runs past its header: the overrun is reported first (RFC 8200 §4.2).
        assertTruncated(() -> Ipv6Decoder.decode(hex(M1.replace("c910", "c911"))), "ipv6", "Option Data", 48, 17, 16,
                "ipv6 Destination Options Hdr Ext Len");
    }

    @Test
    void shouldRefuseAMulticastOrUnspecifiedHomeAddress() {
        for (String address : List.of("ff020000000000000000000000000001", "00".repeat(16))) {
            assertInvalid(() -> Ipv6Decoder.decode(hex(M1.replace(HOME_HEX, address))), "ipv6", "Home Address", 48,
                    Reason.BAD_VALUE, Long.MIN_VALUE, "a unicast address, not multicast or unspecified, RFC 6275 §6.3");
        }
        // Loopback and link-local are unicast: no rule of the option refuses them.
        ByteBuffer linkLocal = hex(M1.replace(HOME_HEX, "fe800000000000000000000000000001"));
        assertThat(Ipv6Decoder.decode(linkLocal).header().homeAddressOption()).isPresent();
    }

    @Test
    void shouldRefuseASecondHomeAddressOption() {
        // In the same header: PadN(2), option, PadN(4), option: 48 bytes.
        String twice = "3b05" + "01020000" + "c910" + HOME_HEX + "01040000" + "0000" + "c910" + HOME_HEX;
        assertInvalid(() -> Ipv6Decoder.decode(hex(packet(60, twice.replace("3b05", "1105")))), "ipv6",
                "Home Address Option Type", 70, Reason.BAD_VALUE, 0xC9, "one Home Address option in a packet, RFC 6275 §6.3");
        // In two Destination Options headers (one before a routing header, one after it).
        String first = "2b02" + "01020000" + "c910" + HOME_HEX;
        String routing = "3c00010000000000";
        String second = "1102" + "01020000" + "c910" + HOME_HEX;
        assertInvalid(() -> Ipv6Decoder.decode(hex(packet(60, first + routing + second))), "ipv6",
                "Home Address Option Type", 40 + 24 + 8 + 6, Reason.BAD_VALUE, 0xC9,
                "one Home Address option in a packet, RFC 6275 §6.3");
    }

    @Test
    void shouldRefuseAType2RoutingHeaderWhoseHdrExtLenIsNot2() {
        // Hdr Ext Len 4: 40 bytes that fit in Payload Length.
        String longer = packet(43, "1104020100000000" + HOME_HEX + "00".repeat(16));
        assertInvalid(() -> Ipv6Decoder.decode(hex(longer)), "ipv6", "Type 2 Routing Header Hdr Ext Len", 41,
                Reason.BAD_LENGTH, 4, "2, RFC 6275 §6.4");
        String shorter = packet(43, "1100020100000000");
        assertInvalid(() -> Ipv6Decoder.decode(hex(shorter)), "ipv6", "Type 2 Routing Header Hdr Ext Len", 41,
                Reason.BAD_LENGTH, 0, "2, RFC 6275 §6.4");
    }

    @Test
    void shouldRefuseAType2RoutingHeaderWhoseSegmentsLeftIsNot1() {
        for (int segmentsLeft : new int[] {0, 2, 255}) {
            String m3 = M3.replace("87020201", "870202" + String.format("%02x", segmentsLeft));
            assertInvalid(() -> Ipv6Decoder.decode(hex(m3)), "ipv6", "Type 2 Routing Header Segments Left", 43,
                    Reason.BAD_VALUE, segmentsLeft, "1, RFC 6275 §6.4");
            ByteBuffer b = hex(m3);
            assertInvalid(() -> Ipv6Decoder.type2HomeAddressIndex(b, 0, b.limit()), "ipv6",
                    "Type 2 Routing Header Segments Left", 43, Reason.BAD_VALUE, segmentsLeft, "1, RFC 6275 §6.4");
        }
    }

    @Test
    void shouldWalkOtherRoutingTypesAndOtherOptionsAsBefore() {
        // Routing type 0 with Segments Left 0 and type 3 with Hdr Ext Len 4: no rule of RFC 6275 applies.
        Ipv6Header h = Ipv6Decoder.decode(hex(packet(43, "2b02000000000000" + "00".repeat(16)
                + "1104030100000000" + "00".repeat(32)))).header();
        assertThat(h.extensionHeaders()).allSatisfy(e -> assertThat(e).isInstanceOf(Ipv6ExtensionHeader.RoutingHeader.class));
        assertThat(h.type2RoutingHeader()).isEmpty();
        // Option 201 in a Hop-by-Hop header is no Home Address option: any length, any address.
        Ipv6Header hop = Ipv6Decoder.decode(hex(packet(0, "1100c904ffffffff"))).header();
        assertThat(hop.homeAddressOption()).isEmpty();
        // Unknown destination options (0xca, as in Zeek's capture, but within the header) are kept.
        Ipv6Header unknown = Ipv6Decoder.decode(hex(packet(60, "1102" + "01020000" + "ca10" + HOME_HEX))).header();
        assertThat(unknown.homeAddressOption()).isEmpty();
        assertThat(((Ipv6ExtensionHeader.DestinationOptions) unknown.extensionHeaders().get(0)).options().toHex())
                .isEqualTo("01020000ca10" + HOME_HEX);
    }

    @Test
    void shouldRefuseRecordsThatBreakTheReceiverRules() {
        IpProtocol udp = IpProtocol.UDP;
        assertThatThrownBy(() -> new Ipv6ExtensionHeader.RoutingHeader(udp, 2, 1, ByteString.fromHex("00".repeat(20))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Type2RoutingHeader");
        assertThatThrownBy(() -> new HomeAddressOption(Ipv6Address.parse("ff02::1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 6275 §6.3");
        assertThatThrownBy(() -> new HomeAddressOption(Ipv6Address.ANY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ipv6ExtensionHeader.DestinationOptions(udp,
                ByteString.fromHex("01020000c90f" + HOME_HEX.substring(0, 30) + "00"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Home Address Option Length");
        assertThatThrownBy(() -> new Ipv6ExtensionHeader.DestinationOptions(udp,
                ByteString.fromHex("01020000c910" + "ff020000000000000000000000000001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Home Address");
        Ipv6ExtensionHeader.DestinationOptions hao = Ipv6ExtensionHeader.DestinationOptions.withHomeAddress(udp,
                new HomeAddressOption(HOME));
        assertThatThrownBy(() -> Ipv6ExtensionHeader.DestinationOptions.withHomeAddress(udp, hao.options(),
                new HomeAddressOption(HOME))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6ExtensionHeader.DestinationOptions.withHomeAddress(udp, ByteString.fromHex("0105"),
                new HomeAddressOption(HOME))).isInstanceOf(IllegalArgumentException.class);
        Ipv6ExtensionHeader.DestinationOptions first = Ipv6ExtensionHeader.DestinationOptions.withHomeAddress(
                IpProtocol.IPV6_OPTS, new HomeAddressOption(HOME));
        assertThatThrownBy(() -> new Ipv6Header(0, 0, 8, IpProtocol.IPV6_OPTS, 64, CARE_OF, HOME_AGENT, List.of(first,
                hao))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a second Home Address option");
        assertThatThrownBy(() -> new Ipv6ExtensionHeader.Type2RoutingHeader(udp, 0x1_0000_0000L, HOME))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameBothInTheIpv6LayersSummary() {
        Dissector core = Dissector.builder().add(CoreLayers.bindings()).build();
        Dissection m1 = core.dissect(LinkType.RAW, hex(M1));
        assertThat(m1.layers().get(0).summary()).startsWith("2001:db8:c0a::100 > 2001:db8:a::1 ")
                .endsWith(" plen 56 +dstopts(HAO 2001:db8:a::100)");
        Dissection m3 = core.dissect(LinkType.RAW, hex(M3));
        assertThat(m3.layers().get(0).summary()).startsWith("2001:db8:a::1 > 2001:db8:c0a::100 ")
                .endsWith(" plen 72 +routing(type 2 left 1 home 2001:db8:a::100)");
        Dissection plain = core.dissect(LinkType.RAW, hex(packet(60, "1100010400000000")));
        assertThat(plain.layers().get(0).summary()).endsWith(" +dstopts");
    }

    private static String encode(Ipv6Header h, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        assertThat(Ipv6Encoder.encode(h, b)).isEqualTo(length);
        return HexFormat.of().formatHex(b.array());
    }
}
