package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.InnerType;
import org.tunnelcodec.core.encap.Ipv4TemplateHeader;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.core.encap.UdpTemplateHeader;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.transport.UdpHeader;

/** VXLAN, VXLAN-GPE and Geneve template headers: pushed onto packets, then dissected back field by field. */
class VxlanTemplatesTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(VxlanLayers.bindings())
            .build();
    /** An inner Ethernet frame carrying IPv4/UDP (the P1-style ping's addresses). */
    private static final byte[] INNER_ETHERNET = HexFormat.of().parseHex("0200000000020200000000010800"
            + "450000240001000040110000c0000201c6336401" + "9c4000350010000068656c6c6f212121");
    private static final byte[] INNER_IPV4 = HexFormat.of().parseHex(
            "450000240001000040110000c0000201c6336401" + "9c4000350010000068656c6c6f212121");

    private static ByteBuffer packet(byte[] inner, int headroom) {
        ByteBuffer buf = ByteBuffer.allocate(headroom + inner.length);
        buf.put(headroom, inner);
        return buf;
    }

    private static List<String> names(Dissection d) {
        return d.layers().stream().map(DissectedLayer::name).toList();
    }

    @Test
    void shouldPushVxlanOverIpv4AndDissectItBack() {
        EncapTemplate t = EncapTemplate.of(Ipv4TemplateHeader.of(Ipv4Address.of(192, 0, 2, 1), Ipv4Address.of(198, 51, 100, 7)),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), VxlanTemplates.vxlan(5000));
        assertThat(t.length()).isEqualTo(36);
        ByteBuffer buf = packet(INNER_ETHERNET, 64);
        int start = t.push(buf, 64, buf.limit(), InnerType.ETHERNET);
        assertThat(start).isEqualTo(28);
        Dissection d = DISSECTOR.dissect(LinkType.RAW, buf.duplicate().position(start).slice());
        assertThat(names(d)).containsExactly("ipv4", "udp", "vxlan", "ethernet", "ipv4", "udp");
        Ipv4Header outer = (Ipv4Header) d.layers().get(0).header();
        assertThat(outer.totalLength()).isEqualTo(36 + INNER_ETHERNET.length);
        assertThat(Ipv4Decoder.verifyChecksum(buf, start)).isTrue();
        UdpHeader udp = (UdpHeader) d.layers().get(1).header();
        assertThat(udp.destinationPort()).isEqualTo(4789);
        assertThat(udp.sourcePort()).isEqualTo(FlowHash.sourcePort(FlowHash.ofEthernetFrame(buf, 64, INNER_ETHERNET.length)));
        VxlanHeader vxlan = (VxlanHeader) d.layers().get(2).header();
        assertThat(vxlan.vni()).isEqualTo(5000);
        assertThat(vxlan.vniValid()).isTrue();
    }

    @Test
    void shouldRefuseAPacketVxlanCannotCarry() {
        // RFC 7348 §5: VXLAN carries Ethernet frames only.
        EncapTemplate t = EncapTemplate.of(Ipv4TemplateHeader.of(Ipv4Address.of(192, 0, 2, 1), Ipv4Address.of(198, 51, 100, 7)),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), VxlanTemplates.vxlan(1));
        assertThat(t.accepts(InnerType.ETHERNET)).isTrue();
        assertThat(t.accepts(InnerType.IPV4)).isFalse();
        ByteBuffer buf = packet(INNER_IPV4, 64);
        byte[] before = buf.array().clone();
        assertThatThrownBy(() -> t.push(buf, 64, buf.limit(), InnerType.IPV4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(buf.array()).isEqualTo(before);
    }

    @Test
    void shouldSetTheGpeNextProtocolPerPush() {
        // draft-ietf-nvo3-vxlan-gpe §3: Next Protocol 1 IPv4, 3 Ethernet.
        EncapTemplate t = EncapTemplate.of(Ipv4TemplateHeader.of(Ipv4Address.of(192, 0, 2, 1), Ipv4Address.of(198, 51, 100, 7)),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), VxlanTemplates.vxlanGpe(77));
        ByteBuffer v4 = packet(INNER_IPV4, 64);
        int start = t.push(v4, 64, v4.limit(), InnerType.IPV4);
        Dissection d = DISSECTOR.dissect(LinkType.RAW, v4.duplicate().position(start).slice());
        assertThat(names(d)).containsExactly("ipv4", "udp", "vxlan-gpe", "ipv4", "udp");
        assertThat(((VxlanGpeHeader) d.layers().get(2).header()).nextProtocol()).isEqualTo(VxlanGpeNextProtocol.IPV4);
        ByteBuffer eth = packet(INNER_ETHERNET, 64);
        start = t.push(eth, 64, eth.limit(), InnerType.ETHERNET);
        d = DISSECTOR.dissect(LinkType.RAW, eth.duplicate().position(start).slice());
        assertThat(names(d)).containsExactly("ipv4", "udp", "vxlan-gpe", "ethernet", "ipv4", "udp");
    }

    @Test
    void shouldPushGeneveWithOptionsAndItsProtocolTypeFromThePacket() {
        // RFC 8926 §3.4: Protocol Type is the payload's EtherType; options kept as given.
        GeneveOption option = GeneveOption.of(0x0102, 0x80, ByteString.of(new byte[] {1, 2, 3, 4}));
        EncapTemplate t = EncapTemplate.of(Ipv4TemplateHeader.of(Ipv4Address.of(192, 0, 2, 1), Ipv4Address.of(198, 51, 100, 7)),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.COMPUTE),
                VxlanTemplates.geneve(0xABCDE, List.of(option)));
        ByteBuffer buf = packet(INNER_IPV4, 96);
        int start = t.push(buf, 96, buf.limit(), InnerType.IPV4);
        Dissection d = DISSECTOR.dissect(LinkType.RAW, buf.duplicate().position(start).slice());
        assertThat(names(d)).containsExactly("ipv4", "udp", "geneve", "ipv4", "udp");
        GeneveHeader g = (GeneveHeader) d.layers().get(2).header();
        assertThat(g.vni()).isEqualTo(0xABCDE);
        assertThat(g.protocolType().value()).isEqualTo(0x0800);
        assertThat(g.options()).containsExactly(option);
        assertThat(g.criticalOptionsPresent()).isTrue();
    }
}
