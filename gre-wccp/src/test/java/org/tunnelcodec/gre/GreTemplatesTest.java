package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.EthernetTemplateHeader;
import org.tunnelcodec.core.encap.InnerType;
import org.tunnelcodec.core.encap.Ipv4TemplateHeader;
import org.tunnelcodec.core.encap.Ipv6TemplateHeader;
import org.tunnelcodec.core.encap.TemplateStore;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.core.encap.UdpTemplateHeader;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Encoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.transport.ChecksumStatus;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;

/** GRE template headers pushed and dissected back with the core and GRE layers, field by field. */
class GreTemplatesTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .build();
    private static final Ipv4Address LOCAL4 = Ipv4Address.parse("192.0.2.1");
    private static final Ipv4Address REMOTE4 = Ipv4Address.parse("198.51.100.2");
    private static final Ipv6Address LOCAL6 = Ipv6Address.parse("2001:db8::1");
    private static final Ipv6Address REMOTE6 = Ipv6Address.parse("2001:db8::2");

    /** An IPv4 packet with this TTL carrying an empty UDP datagram with 16 octets of data. */
    private static byte[] ipv4(int ttl) {
        Ipv4Header h = new Ipv4Header(10, 1, 24, 7, false, true, false, 0, ttl, IpProtocol.UDP,
                Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2"), ByteString.EMPTY);
        ByteBuffer b = ByteBuffer.allocate(44);
        Ipv4Encoder.encode(h, b);
        b.putShort(20, (short) 5000).putShort(22, (short) 53).putShort(24, (short) 24);
        return b.array();
    }

    /** Pushes the chain onto the packet with headroom and returns the frame from the template's start. */
    private static ByteBuffer push(EncapTemplate t, byte[] packet, InnerType inner) {
        ByteBuffer buf = ByteBuffer.allocate(100 + packet.length);
        buf.put(100, packet);
        int start = t.push(buf, 100, buf.limit(), inner);
        assertThat(start).isEqualTo(100 - t.length());
        byte[] after = new byte[packet.length];
        buf.get(100, after);
        assertThat(after).as("the packet is unchanged").isEqualTo(packet);
        return buf.slice(start, buf.limit() - start);
    }

    private static Dissection dissect(LinkType link, ByteBuffer frame) {
        Dissection d = DISSECTOR.dissect(link, frame);
        assertThat(d.isMalformed()).as("%s", d).isFalse();
        return d;
    }

    @Test
    void shouldPushGreWithAKeyOverIpv4AndDissectItBack() {
        EncapTemplate t = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4), GreTemplates.gre(0xCAFE_F00DL));
        assertThat(t.length()).isEqualTo(28);
        byte[] packet = ipv4(64);
        ByteBuffer frame = push(t, packet, InnerType.IPV4);
        Dissection d = dissect(LinkType.RAW, frame);
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv4", "gre", "ipv4", "udp");
        Ipv4Header outer = (Ipv4Header) d.layers().get(0).header();
        assertThat(outer.protocol()).isEqualTo(IpProtocol.GRE);
        assertThat(outer.totalLength()).isEqualTo(28 + packet.length);
        assertThat(Ipv4Decoder.verifyChecksum(frame, 0)).isTrue();
        GreHeader gre = (GreHeader) d.layers().get(1).header();
        assertThat(gre).isEqualTo(GreHeader.of(EtherType.IPV4, false, 0xCAFE_F00DL, GreHeader.ABSENT));
        assertThat(d.layers().get(2).header()).isEqualTo(Ipv4Decoder.decode(ByteBuffer.wrap(packet)).header());
    }

    @Test
    void shouldChecksumGreOverItsHeaderAndPayloadPerPush() {
        EncapTemplate t = EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6), GreTemplates.gre(7, true));
        for (int ttl : new int[] {1, 64, 255}) {
            byte[] packet = ipv4(ttl);
            ByteBuffer frame = push(t, packet, InnerType.IPV4);
            Dissection d = dissect(LinkType.RAW, frame);
            assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv6", "gre", "ipv4", "udp");
            Ipv6Header outer = (Ipv6Header) d.layers().get(0).header();
            assertThat(outer.nextHeader()).isEqualTo(IpProtocol.GRE);
            assertThat(outer.wirePayloadLength()).isEqualTo(12 + packet.length);
            GreHeader gre = (GreHeader) d.layers().get(1).header();
            assertThat(gre.checksumPresent()).isTrue();
            assertThat(gre.key()).isEqualTo(7);
            assertThat(GreDecoder.verifyChecksum(frame, 40, frame.limit() - 40)).as("RFC 2784 §2.5").isTrue();
        }
    }

    @Test
    void shouldCarryEthernetWithTransparentEthernetBridgingAndAnInnerEthernetHeader() {
        MacAddress a = MacAddress.parse("02:00:00:00:00:0a");
        MacAddress b = MacAddress.parse("02:00:00:00:00:0b");
        EncapTemplate teb = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4), GreTemplates.gre(1),
                EthernetTemplateHeader.of(a, b));
        ByteBuffer frame = push(teb, ipv4(9), InnerType.IPV4);
        Dissection d = dissect(LinkType.RAW, frame);
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv4", "gre", "ethernet", "ipv4", "udp");
        assertThat(((GreHeader) d.layers().get(1).header()).protocolType()).isEqualTo(EtherType.TRANSPARENT_ETHERNET_BRIDGING);
        EthernetHeader e = (EthernetHeader) d.layers().get(2).header();
        assertThat(e.destination()).isEqualTo(a);
        assertThat(e.etherType()).isEqualTo(EtherType.IPV4);
    }

    @Test
    void shouldNameThePacketsEtherTypeInTheProtocolTypeAtEachPush() {
        EncapTemplate t = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4), GreTemplates.gre());
        assertThat(t.acceptedInnerTypes()).containsExactly(InnerType.values());
        for (InnerType inner : InnerType.values()) {
            ByteBuffer frame = push(t, ipv4(3), inner);
            assertThat(frame.getShort(22) & 0xFFFF).isEqualTo(inner.etherType());
            assertThat(Ipv4Decoder.verifyChecksum(frame, 0)).isTrue();
        }
    }

    @Test
    void shouldPushGreInUdpWithAFlowHashSourcePort() {
        EncapTemplate t = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.COMPUTE), GreTemplates.gre());
        byte[] packet = ipv4(33);
        ByteBuffer frame = push(t, packet, InnerType.IPV4);
        Dissection d = dissect(LinkType.RAW, frame);
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv4", "udp", "gre", "ipv4", "udp");
        UdpHeader udp = (UdpHeader) d.layers().get(1).header();
        assertThat(udp.destinationPort()).isEqualTo(GreLayers.GRE_IN_UDP_PORT); // RFC 8086 §3
        assertThat(udp.sourcePort()).isEqualTo(FlowHash.sourcePort(FlowHash.ofIpPacket(ByteBuffer.wrap(packet), 0,
                packet.length)));
        int pseudo = InternetChecksum.ipv4PseudoHeaderSum(LOCAL4, REMOTE4, 17, frame.limit() - 20);
        assertThat(UdpDecoder.checksumStatus(frame, 20, frame.limit() - 20, pseudo)).isEqualTo(ChecksumStatus.VALID);
    }

    @Test
    void shouldPushTheSameFromAStore() {
        TemplateStore store = new TemplateStore();
        EncapTemplate t = EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6), GreTemplates.gre(99, true));
        int h = store.add(List.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6), GreTemplates.gre(99, true)));
        ByteBuffer a = ByteBuffer.allocate(144).put(100, ipv4(5));
        ByteBuffer b = ByteBuffer.allocate(144).put(100, ipv4(5));
        assertThat(store.push(h, a, 100, 144, InnerType.IPV4)).isEqualTo(t.push(b, 100, 144, InnerType.IPV4));
        assertThat(a.array()).isEqualTo(b.array());
    }

    @Test
    void shouldRefuseWhatATemplateCannotHold() {
        assertThatThrownBy(() -> GreTemplates.gre(1L << 32)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("key: 4294967296 (expected: -1..4294967295)");
        assertThatThrownBy(() -> EncapTemplate.of(GreTemplates.gre(), UdpTemplateHeader.fixed(1, 2, UdpChecksumMode.ZERO)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot carry chain[1] UdpTemplateHeader: it has no EtherType");
    }
}
