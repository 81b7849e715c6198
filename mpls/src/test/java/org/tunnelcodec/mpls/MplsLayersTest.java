package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.ip.Ipv4Header;

/**
 * The MPLS module's dissector layers: the carriers that select the label stack, what follows
 * its bottom, the control word and ACH layers, and the carriers that must not select it.
 * Vectors P1, P2 and P4 are the frames whose fields tshark 4.0 decodes as annotated in the
 * comments (RFC 3032, RFC 7510, RFC 5586 + RFC 5885 layouts).
 */
class MplsLayersTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(MplsLayers.bindings())
            .build();

    static final String P1 = MplsVectors.P1;
    static final String P2 = MplsVectors.P2;
    static final String P4 = MplsVectors.P4;

    private static ByteBuffer hex(String h) {
        return MplsVectors.buffer(h);
    }

    private static List<String> names(Dissection d) {
        return d.layers().stream().map(DissectedLayer::name).toList();
    }

    @Test
    void shouldDecodeVectorP1ThroughTheStackToTheInnerIpv4() {
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, hex(P1));
        assertThat(names(d)).containsExactly("ethernet", "mpls", "ipv4", "icmp");
        MplsHeader stack = (MplsHeader) d.layers().get(1).header();
        assertThat(stack.entries()).containsExactly(new LabelStackEntry(100, 0, 64), new LabelStackEntry(200, 0, 64));
        assertThat(d.layers().get(1).offset()).isEqualTo(14);
        assertThat(d.layers().get(2).offset()).isEqualTo(22);
        assertThat(d.layers().get(1).summary()).isEqualTo("label 100 tc 0 ttl 64, label 200 tc 0 ttl 64");
    }

    @Test
    void shouldDecodeVectorP2AsMplsInUdpWithAnEntropyLabelAndAnIpv6Payload() {
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, hex(P2));
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "mpls", "ipv6", "icmpv6");
        MplsHeader stack = (MplsHeader) d.layers().get(3).header();
        assertThat(stack.entries()).containsExactly(new LabelStackEntry(1000, 5, 63), new LabelStackEntry(7, 5, 0),
                new LabelStackEntry(370085, 0, 0));
        assertThat(stack.entropyLabelIndex()).isEqualTo(2);
        assertThat(d.layers().get(3).summary()).isEqualTo(
                "label 1000 tc 5 ttl 63, label 7 ELI tc 5 ttl 0, label 370085 entropy tc 0 ttl 0");
    }

    @Test
    void shouldDecodeVectorP4AsGalThenAnAchWithTheBfdChannel() {
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, hex(P4));
        assertThat(names(d)).containsExactly("ethernet", "mpls", "ach");
        AchHeader ach = (AchHeader) d.layers().get(2).header();
        assertThat(ach.channelType()).isEqualTo(AchChannelType.BFD_CONTROL);
        assertThat(d.layers().get(2).offset()).isEqualTo(22);
        // No BFD layer is bound: the walk stops at the channel key, the 24 octets of BFD left.
        assertThat(d.nextKeys()).containsExactly(new LayerKey(MplsLayers.ACH_CHANNEL, 0x0007));
        assertThat(d.remaining()).isEqualTo(24);
    }

    @Test
    void shouldDecodeMplsInIpOverIpv4AndIpv6() {
        // RFC 4023 §2: IP protocol / Next Header 137, the stack right after the IP header.
        String stack = "0003e0ff" + "000641ff"; // label 62 S=0, label 100 S=1
        String inner = "450000140001000040" + "3b" + "0000" + "0a000001" + "0a000002";
        String v4 = "4500" + String.format("%04x", 20 + (stack + inner).length() / 2) + "00010000" + "40" + "89" + "0000"
                + "c0000201" + "c0000202" + stack + inner;
        assertThat(names(DISSECTOR.dissect(LinkType.RAW, hex(v4)))).containsExactly("ipv4", "mpls", "ipv4");
        String v6 = "60000000" + String.format("%04x", (stack + inner).length() / 2) + "89" + "40"
                + "20010db8000000000000000000000001" + "20010db8000000000000000000000002" + stack + inner;
        assertThat(names(DISSECTOR.dissect(LinkType.RAW, hex(v6)))).containsExactly("ipv6", "mpls", "ipv4");
    }

    @Test
    void shouldNotDecodeDtlsOnPort6636AsALabelStack() {
        // R16: UDP 6636 carries MPLS-in-UDP inside DTLS records (RFC 7510 §4), not a bare stack.
        String udp = "d431" + "19ec" + "0010" + "0000" + "0003e1ff" + "16fefd00";
        String ip = "4500" + String.format("%04x", 20 + udp.length() / 2) + "000140004011" + "0000" + "c0000201" + "c0000202";
        Dissection d = DISSECTOR.dissect(LinkType.RAW, hex(ip + udp));
        assertThat(names(d)).containsExactly("ipv4", "udp");
        assertThat(MplsInUdp.carriesLabelStack(6636)).isFalse();
        assertThat(MplsInUdp.carriesLabelStack(6635)).isTrue();
    }

    @Test
    void shouldAcceptAZeroUdpChecksumOverIpv6OnlyInZeroChecksumMode() {
        // R17: RFC 7510 §3/§5 with RFC 6935/6936; over IPv4 zero is allowed (tcpdump's mpls-over-udp.pcap uses it).
        assertThat(MplsInUdp.acceptsChecksumField(false, 0, false)).isTrue();
        assertThat(MplsInUdp.acceptsChecksumField(true, 0, false)).isFalse();
        assertThat(MplsInUdp.acceptsChecksumField(true, 0, true)).isTrue();
        assertThat(MplsInUdp.acceptsChecksumField(true, 0x1234, false)).isTrue();
    }

    @Test
    void shouldPickTheMplsInUdpSourcePortFromTheInnerFlowInTheDynamicRange() {
        // E8: RFC 7510 §3, entropy in the source port, 49152..65535.
        ByteBuffer p1 = hex(P1);
        int port = MplsInUdp.sourcePort(p1, 22, p1.limit() - 22, MplsPayloadType.IPV4);
        assertThat(port).isBetween(49152, 65535);
        assertThat(MplsInUdp.sourcePort(hex(P1), 22, p1.limit() - 22, MplsPayloadType.IPV4)).isEqualTo(port);
    }

    @Test
    void shouldFollowTheCallersBindingBeforeTheFirstNibble() {
        // P1 with label 200 bound to an Ethernet pseudowire without control word: the binding wins over
        // the IPv4-looking first nibble (RFC 3032 §2.2: the binding is what the label means).
        Dissector bound = Dissector.builder().add(CoreLayers.bindings())
                .add(MplsLayers.bindings(MplsBindings.builder().bind(200, MplsPayloadType.PW_ETHERNET).build())).build();
        Dissection d = bound.dissect(LinkType.ETHERNET, hex(P1));
        assertThat(names(d)).startsWith("ethernet", "mpls", "ethernet");
    }

    @Test
    void shouldDecodeAControlWordWhoseLengthBoundsThePayloadAndLeavesThePadding() {
        // RFC 4385 §4: Length = control word + payload when under 64 octets; the rest is link padding.
        String inner = "66778899aabb001122334455" + "0800" + "450000140001000040" + "3b" + "0000" + "0a000001" + "0a000002";
        int cwLength = 4 + inner.length() / 2;
        String frame = "020000000002020000000001" + "8847" + "007d01ff" + String.format("00%02x0007", cwLength) + inner
                + "000000000000";
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, hex(frame));
        assertThat(names(d)).containsExactly("ethernet", "mpls", "pw-cw", "ethernet", "ipv4");
        assertThat(((ControlWord) d.layers().get(2).header()).sequenceNumber()).isEqualTo(7);
        assertThat(d.layers().get(2).payloadLength()).isEqualTo(cwLength - 4);
    }

    @Test
    void shouldDecodeAPseudowireAchCarryingIpv4() {
        // RFC 4385 §5: the ACH in place of the control word; channel 0x0021 carries IPv4.
        String inner = "450000140001000040" + "3b" + "0000" + "0a000001" + "0a000002";
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET,
                hex("020000000002020000000001" + "8847" + "007d01ff" + "10000021" + inner));
        assertThat(names(d)).containsExactly("ethernet", "mpls", "ach", "ipv4");
        assertThat(((Ipv4Header) d.layers().get(3).header()).protocol().value()).isEqualTo(59);
    }

    @Test
    void shouldReportAStackCutByTheCaptureAsCutNotMalformed() {
        // The capture kept 20 of P1's octets: the stack's second entry is cut.
        ByteBuffer cut = ByteBuffer.wrap(MplsVectors.bytes(P1), 0, 20).slice();
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, cut, 58, 0);
        assertThat(d.isCutByCapture()).isTrue();
        assertThat(d.isMalformed()).isFalse();
        assertThat(names(d)).containsExactly("ethernet");
    }
}
