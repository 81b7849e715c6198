package org.tunnelcodec.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.core.Rejections.assertTruncated;
import static org.tunnelcodec.core.Rejections.hex;
import static org.tunnelcodec.core.Rejections.prefix;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * The headers that sit between a link header and the packet: Cisco HDLC framing (the
 * LINKTYPE_C_HDLC description of pcap-linktype(7): Address, Control, Protocol), Arista's
 * timestamp header (the layout Arista registered with EtherType 0xD28B: Subtype 1, Version
 * 0x0010/0x0110 with 32-bit seconds or 0x0020/0x0120 with 16-bit seconds, 32-bit nanoseconds,
 * then the frame's EtherType) and an 802.1Q tag after another header (IEEE 802.1Q: PCP 3 bits,
 * DEI 1, VID 12, then the EtherType or an 802.3 Length). Any value of any field is kept; the
 * errors are bytes cut short.
 */
class TagHeaderDecoderTest {
    /** Cisco HDLC, unicast, IPv4. */
    private static final String CHDLC = "0f" + "00" + "0800";
    /** A 64-bit TAI timestamp: 2020-01-01T00:00:00 (0x5e0be100 seconds) and 500000000 ns, then MPLS. */
    private static final String AVSP_64 = "0001" + "0010" + "5e0be100" + "1dcd6500" + "8847";
    /** A 48-bit UTC timestamp: 57600 seconds and 999999999 ns, then IPv4. */
    private static final String AVSP_48 = "0001" + "0120" + "e100" + "3b9ac9ff" + "0800";
    /** PCP 1, DEI 0, VID 100, then IPv4. */
    private static final String VLAN = "2064" + "0800";

    @Test
    void shouldDecodeCiscoHdlcFieldsAndKeepAnyValue() {
        CiscoHdlcHeader h = CiscoHdlcDecoder.decode(hex(CHDLC + "45")).header();
        assertThat(h).isEqualTo(new CiscoHdlcHeader(CiscoHdlcHeader.UNICAST, 0, EtherType.IPV4));
        assertThat(CiscoHdlcDecoder.decode(hex("8f008035")).header())
                .isEqualTo(new CiscoHdlcHeader(CiscoHdlcHeader.BROADCAST, 0, EtherType.of(0x8035))); // SLARP
        assertThat(CiscoHdlcDecoder.decode(hex("ffee1234")).header()).isEqualTo(new CiscoHdlcHeader(0xFF, 0xEE,
                EtherType.of(0x1234)));
        ByteBuffer out = ByteBuffer.allocate(4);
        assertThat(CiscoHdlcEncoder.encode(h, out)).isEqualTo(4);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(CHDLC);
    }

    @Test
    void shouldRejectACiscoHdlcHeaderCutShortAtEveryPrefixLength() {
        for (int length = 0; length < 4; length++) {
            ByteBuffer b = prefix(CHDLC, length);
            assertTruncated(() -> CiscoHdlcDecoder.decode(b), "chdlc", "Address", 0, 4, length, null);
            assertTruncated(() -> CiscoHdlcDecoder.protocol(b, 0, b.limit()), "chdlc", "Address", 0, 4, length, null);
        }
    }

    @Test
    void shouldReportACutHeaderAsMalformedInTheDissectorAndTheWalk() {
        Dissector dissector = Dissector.builder().add(CoreLayers.bindings()).build();
        FrameWalk walk = dissector.newWalk();
        String ethernet = "020000000001" + "020000000002";
        String[][] cases = {
            {"C_HDLC", "", CHDLC, "chdlc"},
            {"ETHERNET", ethernet + "d28b", AVSP_64, "avsp"},
            {"ETHERNET", ethernet + "d28b" + AVSP_64.substring(0, 24) + "8100", VLAN, "vlan"},
        };
        for (String[] c : cases) {
            LinkType linkType = c[0].equals("C_HDLC") ? LinkType.C_HDLC : LinkType.ETHERNET;
            for (int cut = 1; cut < c[2].length() / 2; cut++) {
                ByteBuffer frame = hex(c[1] + c[2].substring(0, 2 * cut));
                Dissection d = dissector.dissect(linkType, frame);
                assertThat(d.stopReason()).as(c[3] + " cut at " + cut).isEqualTo(Dissection.StopReason.MALFORMED);
                assertThat(d.error().protocol()).as(c[3] + " cut at " + cut).isEqualTo(c[3]);
                walk.wrap(linkType, frame);
                while (walk.next()) {
                    assertThat(walk.layer().name()).isNotEqualTo(c[3]);
                }
                assertThat(walk.stopReason()).as(c[3] + " walk cut at " + cut).isEqualTo(Dissection.StopReason.MALFORMED);
            }
        }
    }

    @Test
    void shouldDecodeBothTimestampWidthsAndTheTypeAfterThem() {
        Decoded<AvspHeader> wide = AvspDecoder.decode(hex(AVSP_64 + "00003140"));
        assertThat(wide.header()).isEqualTo(new AvspHeader(1, 0x0010, 1_577_836_800L, 500_000_000L,
                EtherType.MPLS_UNICAST));
        assertThat(wide.headerLength()).isEqualTo(14);
        assertThat(wide.payloadLength()).isEqualTo(4);
        assertThat(wide.header().utc()).isFalse();
        Decoded<AvspHeader> narrow = AvspDecoder.decode(hex(AVSP_48));
        assertThat(narrow.header()).isEqualTo(new AvspHeader(1, 0x0120, 57_600L, 999_999_999L, EtherType.IPV4));
        assertThat(narrow.headerLength()).isEqualTo(12);
        assertThat(narrow.header().utc()).isTrue();
        ByteBuffer out = ByteBuffer.allocate(14);
        assertThat(AvspEncoder.encode(wide.header(), out)).isEqualTo(14);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(AVSP_64);
        out = ByteBuffer.allocate(12);
        assertThat(AvspEncoder.encode(narrow.header(), out)).isEqualTo(12);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(AVSP_48);
    }

    @Test
    void shouldKeepAnUnknownVersionOrSubtypeWithItsFirstFourOctetsAndNoType() {
        for (String head : new String[] {"00010011", "00010111", "00010021", "00010121", "cafe0001", "00000010"}) {
            Decoded<AvspHeader> d = AvspDecoder.decode(hex(head + "0800450000"));
            assertThat(d.headerLength()).as(head).isEqualTo(4);
            assertThat(d.payloadLength()).as(head).isEqualTo(5);
            assertThat(d.header().isTimestamp()).as(head).isFalse();
            assertThat(d.header().protocol()).as(head).isNull();
            assertThat(d.header().seconds()).as(head).isEqualTo(AvspHeader.ABSENT);
            ByteBuffer out = ByteBuffer.allocate(4);
            assertThat(AvspEncoder.encode(d.header(), out)).isEqualTo(4);
            assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(head);
        }
    }

    @Test
    void shouldRejectATimestampHeaderCutShortAtEveryPrefixLength() {
        for (int length = 0; length < 14; length++) {
            ByteBuffer b = prefix(AVSP_64, length);
            int n = length;
            if (length < 2) {
                assertTruncated(() -> AvspDecoder.decode(b), "avsp", "Subtype", 0, 2, n, null);
            } else if (length < 4) {
                assertTruncated(() -> AvspDecoder.decode(b), "avsp", "Version", 2, 2, n - 2, null);
            } else if (length < 12) {
                assertTruncated(() -> AvspDecoder.decode(b), "avsp", "Timestamp", 4, 8, n - 4, null);
            } else {
                assertTruncated(() -> AvspDecoder.decode(b), "avsp", "Type", 12, 2, n - 12, null);
            }
        }
        for (int length = 4; length < 12; length++) {
            ByteBuffer b = prefix(AVSP_48, length);
            int n = length;
            if (length < 10) {
                assertTruncated(() -> AvspDecoder.headerLength(b, 0, b.limit()), "avsp", "Timestamp", 4, 6, n - 4, null);
            } else {
                assertTruncated(() -> AvspDecoder.headerLength(b, 0, b.limit()), "avsp", "Type", 10, 2, n - 10, null);
            }
        }
    }

    @Test
    void shouldDecodeATagAfterAnotherHeader() {
        Decoded<VlanHeader> d = VlanDecoder.decode(hex(VLAN + "4500"));
        assertThat(d.header()).isEqualTo(new VlanHeader(1, false, 100, EtherType.IPV4));
        assertThat(d.payloadLength()).isEqualTo(2);
        assertThat(VlanDecoder.decode(hex("f0018847")).header()).isEqualTo(new VlanHeader(7, true, 1,
                EtherType.MPLS_UNICAST));
        ByteBuffer out = ByteBuffer.allocate(4);
        assertThat(VlanEncoder.encode(new VlanHeader(7, true, 1, EtherType.MPLS_UNICAST), out)).isEqualTo(4);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo("f0018847");
    }

    @Test
    void shouldBoundThePayloadByAnEightOhTwoThreeLength() {
        String tag = "000a" + "0003";
        Decoded<VlanHeader> d = VlanDecoder.decode(hex(tag + "aaaa03" + "ffff"));
        assertThat(d.header().isLength()).isTrue();
        assertThat(d.payloadLength()).isEqualTo(3);
        ByteBuffer cut = hex(tag + "aaaa");
        assertTruncated(() -> VlanDecoder.decode(cut), "vlan", "Length", 4, 3, 2, null);
        for (int length = 0; length < 4; length++) {
            ByteBuffer b = prefix(VLAN, length);
            assertTruncated(() -> VlanDecoder.decode(b), "vlan", "Tag Control Information", 0, 4, length, null);
        }
    }
}
