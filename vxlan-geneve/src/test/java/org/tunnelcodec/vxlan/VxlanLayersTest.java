package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.testdata.Captures;

/**
 * The module's dissector layers over the core ones: the corpus frames reach their inner layers
 * as tshark 4.0.17 decodes them (the expected values below are tshark's, as each test notes),
 * VXLAN-GPE follows its Next Protocol, Geneve its Protocol Type, and a header the decoder refuses
 * stops the walk as malformed.
 */
class VxlanLayersTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(VxlanLayers.bindings()).build();

    /** A corpus frame, with its length on the wire: a frame the capture cut is reported as cut. */
    private static Dissection dissect(String capture, int frame) {
        CapturedFrame f = Captures.shared(capture).frame(frame);
        return DISSECTOR.dissect(LinkType.ETHERNET, f.data(), f.originalLength(), 0);
    }

    private static List<String> names(Dissection d) {
        return d.layers().stream().map(DissectedLayer::name).toList();
    }

    private static String ipv4(Dissection d, int layer) {
        Ipv4Header h = (Ipv4Header) d.layers().get(layer).header();
        return h.source() + " > " + h.destination();
    }

    /** Ethernet, IPv4 (20 octets, protocol 17) and UDP (checksum 0) around {@code payload}. */
    private static ByteBuffer udpFrame(int sourcePort, int destinationPort, String payload) {
        int udpLength = 8 + payload.length() / 2;
        String udp = String.format("%04x%04x%04x0000", sourcePort, destinationPort, udpLength);
        String ip = String.format("4500%04x00010000401100000a0000010a000002", 20 + udpLength);
        return VxlanVectors.buffer("020000000002" + "020000000001" + "0800" + ip + udp + payload);
    }

    private static final String INNER_ETHERNET = "0200000000bb" + "0200000000aa" + "0800";
    private static final String INNER_IPV4 = "450000140001000040" + "3b" + "0000" + "c0000201" + "c0000202";
    private static final String INNER_IPV6 = "6000000000003b40" + "20010db8000000000000000000000001" + "20010db8000000000000000000000002";

    @Test
    void shouldDecodeVxlanPcapThroughToTheInnerIpv4AsTsharkDoes() {
        // tshark -r vxlan.pcap frame 1: eth:ethertype:ip:udp:vxlan:eth:ethertype:ip:icmp, vxlan.vni 100,
        // inner ip.src 192.168.203.3, ip.dst 192.168.203.5, then ICMP, which ends the walk.
        Dissection d = dissect("vxlan.pcap", 1);
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "vxlan", "ethernet", "ipv4", "icmp");
        assertThat(d.layers().get(3).offset()).isEqualTo(42);
        assertThat(d.layers().get(3).summary()).isEqualTo("vni 100 flags [I]");
        assertThat(ipv4(d, 5)).isEqualTo("192.168.203.3 > 192.168.203.5");
        assertThat(d.nextKeys()).isEmpty();
    }

    @Test
    void shouldSummarizeTheGroupPolicyHeaderOfPcapPlusPlusVxlan1() {
        // tshark: vxlan.flags 0x8848 (G, I, D, A), vxlan.gbp 100, vxlan.vni 3000001.
        Dissection d = dissect("pcpp-Vxlan1.pcap", 1);
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "vxlan", "ethernet", "ipv4", "icmp");
        assertThat(d.layers().get(3).summary()).isEqualTo("vni 3000001 flags [GIDA] group 100");
    }

    @Test
    void shouldDecodeVxlanInVxlanInVxlanOfZeeksTripleCaptureAsTsharkDoes() {
        // tshark -r zeek-vxlan-triple-v2.pcap: eth:ethertype:ip:udp:vxlan three times, then
        // eth:ethertype:ip:udp:dns; vxlan.vni 1, 2, 3; ip.src 1.1.1.1, 2.2.2.2, 3.3.3.3, 4.4.4.4 and
        // ip.dst 1.1.1.9, 2.2.2.9, 3.3.3.9, 4.4.4.9; udp.dstport 4789, 4789, 4789, 53.
        Dissection d = dissect("zeek-vxlan-triple-v2.pcap", 1);
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "vxlan", "ethernet", "ipv4", "udp", "vxlan",
                "ethernet", "ipv4", "udp", "vxlan", "ethernet", "ipv4", "udp");
        int[] vxlan = {3, 7, 11};
        for (int i = 0; i < 3; i++) {
            DissectedLayer l = d.layers().get(vxlan[i]);
            assertThat(l.offset()).isEqualTo(42 + 50 * i);
            assertThat(((VxlanHeader) l.header()).vni()).isEqualTo(i + 1);
            assertThat(l.summary()).isEqualTo("vni " + (i + 1) + " flags [I] (0x0c00) reserved 0x0003");
        }
        for (int i = 0; i < 4; i++) {
            int n = i + 1;
            assertThat(ipv4(d, 1 + 4 * i)).isEqualTo(n + "." + n + "." + n + "." + n + " > " + n + "." + n + "." + n + ".9");
        }
        assertThat(d.nextKeys()).contains(LayerKey.udpPort(53));
    }

    @Test
    void shouldFollowTheNshCapturesNextProtocolToTheNshEtherType() {
        // tshark -r nsh-over-vxlan-gpe.pcap: vxlan.next_proto 4, then nsh; no NSH layer is bound here,
        // so the walk stops with the NSH EtherType as its key.
        Dissection d = dissect("nsh-over-vxlan-gpe.pcap", 1);
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "vxlan-gpe");
        assertThat(d.layers().get(3).summary()).isEqualTo("vni 16777215 flags [IP] next NSH(0x04)");
        assertThat(d.nextKeys()).containsExactly(LayerKey.etherType(0x894F));
        assertThat(d.remaining()).isEqualTo(56);
    }

    @Test
    void shouldFollowEachVxlanGpeNextProtocol() {
        String ethernetPayload = INNER_ETHERNET + INNER_IPV4;
        assertThat(names(DISSECTOR.dissect(LinkType.ETHERNET, udpFrame(1000, 4790, "0c000001000064" + "00" + INNER_IPV4))))
                .containsExactly("ethernet", "ipv4", "udp", "vxlan-gpe", "ipv4");
        assertThat(names(DISSECTOR.dissect(LinkType.ETHERNET, udpFrame(1000, 4790, "0c000002000064" + "00" + INNER_IPV6))))
                .containsExactly("ethernet", "ipv4", "udp", "vxlan-gpe", "ipv6");
        assertThat(names(DISSECTOR.dissect(LinkType.ETHERNET, udpFrame(1000, 4790, "0c000003000064" + "00" + ethernetPayload))))
                .containsExactly("ethernet", "ipv4", "udp", "vxlan-gpe", "ethernet", "ipv4");
        Dissection mpls = DISSECTOR.dissect(LinkType.ETHERNET, udpFrame(1000, 4790, "0c000005000064" + "00" + "000641ff"));
        assertThat(mpls.nextKeys()).containsExactly(LayerKey.etherType(0x8847));
        Dissection unknown = DISSECTOR.dissect(LinkType.ETHERNET, udpFrame(1000, 4790, "0c00007e000064" + "00" + "00000000"));
        assertThat(unknown.nextKeys()).containsExactly(new LayerKey(VxlanLayers.VXLAN_GPE_NEXT_PROTOCOL, 0x7e));
        // draft-ietf-nvo3-vxlan-gpe-13 §3.2: with P clear the payload is Ethernet, whatever the field holds
        assertThat(names(DISSECTOR.dissect(LinkType.ETHERNET, udpFrame(1000, 4790, "08000001000064" + "00" + ethernetPayload))))
                .containsExactly("ethernet", "ipv4", "udp", "vxlan-gpe", "ethernet", "ipv4");
    }

    @Test
    void shouldDecodeGenevePcapWithItsCriticalOptionAsTsharkDoes() {
        // tshark -r geneve.pcap frame 1: eth:ethertype:ip:udp:geneve:eth:ethertype:ip:icmp, geneve.vni
        // 0x00000a, geneve.flags 0x40 (C), one option class 0x0000 type 0x80 with 4 octets of data;
        // inner ip.src 30.0.0.1, ip.dst 30.0.0.2.
        Dissection d = dissect("geneve.pcap", 1);
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "geneve", "ethernet", "ipv4", "icmp");
        assertThat(d.layers().get(3).length()).isEqualTo(16);
        assertThat(d.layers().get(3).summary()).isEqualTo("vni 0xa proto TEB flags [C] opts 1: class 0x0000 type 0x80 len 4");
        assertThat(d.layers().get(4).offset()).isEqualTo(58);
        assertThat(ipv4(d, 5)).isEqualTo("30.0.0.1 > 30.0.0.2");
    }

    @Test
    void shouldFollowTheProtocolTypeOfGeneveGcpToTheInnerTcp() {
        // tshark -r geneve-gcp.pcap: eth:ethertype:ip:udp:geneve:ip:tcp, geneve.proto_type 0x0800,
        // three Google options of 4, 16 and 8 octets of data; inner ip.src 192.168.100.2.
        Dissection d = dissect("geneve-gcp.pcap", 1);
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "geneve", "ipv4", "tcp");
        assertThat(d.layers().get(3).summary()).isEqualTo("vni 0x0 proto IPV4(0x0800) opts 3: class 0x0132 type 0x01 len 4, "
                + "class 0x0132 type 0x02 len 16, class 0x0132 type 0x03 len 8");
        assertThat(ipv4(d, 4)).isEqualTo("192.168.100.2 > 192.168.100.1");
    }

    @Test
    void shouldDecodeVxlanInsideGeneveAsTsharkDoes() {
        // tshark -r zeek-geneve-vxlan-dns-truncated.pcap: eth:ethertype:ip:udp:geneve:ip:udp:vxlan:eth:
        // ethertype:ip:udp:dns, geneve.vni 0x001092, vxlan.vni 4242. The capture cut the frame in the
        // DNS message: without its length on the wire the outer IPv4 Total Length would be malformed.
        Dissection d = dissect("zeek-geneve-vxlan-dns-truncated.pcap", 1);
        assertThat(d.isCutByCapture()).isTrue();
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "geneve", "ipv4", "udp", "vxlan", "ethernet", "ipv4",
                "udp");
        assertThat(((GeneveHeader) d.layers().get(3).header()).vni()).isEqualTo(0x1092);
        assertThat(((VxlanHeader) d.layers().get(6).header()).vni()).isEqualTo(4242);
    }

    @Test
    void shouldFollowGeneveToIpv6AndToArp() {
        // tshark: zeek-geneve-ipv6.pcap is geneve:ipv6:udp (proto_type 0x86dd), zeek-geneve-arp.pcap
        // geneve:arp (proto_type 0x0806), for which the core has no layer.
        assertThat(names(dissect("zeek-geneve-ipv6.pcap", 1))).containsExactly("ethernet", "ipv4", "udp", "geneve", "ipv6",
                "udp");
        Dissection arp = dissect("zeek-geneve-arp.pcap", 1);
        assertThat(names(arp)).containsExactly("ethernet", "ipv4", "udp", "geneve");
        assertThat(arp.nextKeys()).containsExactly(LayerKey.etherType(0x0806));
    }

    @Test
    void shouldStopAtAGeneveVersionItDoesNotKnowAsMalformed() {
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, udpFrame(1000, 6081, "40006558" + "00000100" + INNER_ETHERNET));
        assertThat(d.isMalformed()).isTrue();
        assertThat(d.failedLayer()).isEqualTo("geneve");
        assertThat(d.error().reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(d.error().offset()).isEqualTo(42);
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp");
    }

    @Test
    void shouldReportAnOptionPastOptLenAsMalformed() {
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, udpFrame(1000, 6081, "01006558" + "00000100" + "00000002" + "00000000"));
        assertThat(d.isMalformed()).isTrue();
        assertThat(d.error().boundedBy()).isEqualTo("geneve Opt Len");
    }

    @Test
    void shouldEndTheWalkAtGeneveWhenItsPayloadIsEmpty() {
        // zeek-geneve-truncated.pcapng: UDP Length 24 leaves Geneve 16 octets, all header (one option
        // of 4 octets of data), so the inner Ethernet frame has none; tshark reports the empty frame as
        // "Malformed Packet", the dissector ends the walk at Geneve.
        Dissection d = dissect("zeek-geneve-truncated.pcapng", 1);
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "geneve");
        assertThat(d.layers().get(3).payloadLength()).isZero();
    }

    @Test
    void shouldLeaveLinuxsOldPort8472ToTheCaller() {
        // tshark -r vxlan_port_8472.pcap: eth:ethertype:ip:udp:data, as here without a binding.
        assertThat(names(dissect("vxlan_port_8472.pcap", 1))).containsExactly("ethernet", "ipv4", "udp");
        Dissector bound = Dissector.builder().add(CoreLayers.bindings()).add(VxlanLayers.bindings())
                .add(List.of(new LayerBinding(LayerKey.udpPort(8472), VxlanLayers.VXLAN))).build();
        Dissection d = bound.dissect(LinkType.ETHERNET, VxlanVectors.frame("vxlan_port_8472.pcap", 1));
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "vxlan", "ethernet", "ipv4", "icmp");
        assertThat(((EthernetHeader) d.layers().get(4).header()).source().toString()).isEqualTo("00:16:3e:37:f6:04");
    }

    @Test
    void shouldReportAVxlanHeaderCutByTheCaptureAsCutNotMalformed() {
        ByteBuffer frame = VxlanVectors.frame("vxlan.pcap", 1);
        ByteBuffer cut = frame.duplicate().limit(46).slice();
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, cut, 148, 0);
        assertThat(d.isCutByCapture()).isTrue();
        assertThat(d.isMalformed()).isFalse();
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp");
    }

    @Test
    void shouldSummarizeEveryFlagAndReservedField() {
        assertThat(VxlanLayers.vxlanSummary(new VxlanHeader(0, 0, 5, 0))).isEqualTo("vni 5 flags [none]");
        assertThat(VxlanLayers.vxlanSummary(new VxlanHeader(0xff01, 53746, 11, 1)))
                .isEqualTo("vni 11 flags [GI] (0xff01) group 53746 reserved8 0x01");
        assertThat(VxlanLayers.vxlanGpeSummary(new VxlanGpeHeader(0xc3, 1, VxlanGpeNextProtocol.of(0x7e), 9, 2)))
                .isEqualTo("vni 9 flags [BO] (0xc3) next 0x7E reserved 0x0001/0x02");
        assertThat(VxlanLayers.geneveSummary(new GeneveHeader(true, false, 1, org.tunnelcodec.core.EtherType.IPV6, 0x10, 0,
                List.of(new GeneveOption(0xffff, 1, 3, org.tunnelcodec.core.ByteString.EMPTY)))))
                .isEqualTo("vni 0x10 proto IPV6(0x86DD) flags [O] reserved 0x01/0x00 opts 1: class 0xffff type 0x01 len 0 R 3");
    }
}
