package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.InnerType;
import org.tunnelcodec.core.encap.Ipv4TemplateHeader;
import org.tunnelcodec.core.encap.Ipv6TemplateHeader;
import org.tunnelcodec.core.encap.TemplateHeader;
import org.tunnelcodec.core.encap.TemplateStore;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.core.encap.UdpTemplateHeader;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Encoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Encoder;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.transport.UdpHeader;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.gre.GreLayers;
import org.tunnelcodec.gre.GreTemplates;

/**
 * Label stacks as template headers: the same entries {@link MplsPush} writes, and MPLS over GRE,
 * UDP and IP pushed and dissected back with the core, GRE and MPLS layers, field by field.
 */
class MplsTemplatesTest {
    static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .add(MplsLayers.bindings()).build();
    static final Ipv6Address LOCAL6 = Ipv6Address.parse("2001:db8::1");
    static final Ipv6Address REMOTE6 = Ipv6Address.parse("2001:db8::2");
    static final Ipv4Address LOCAL4 = Ipv4Address.parse("192.0.2.1");
    static final Ipv4Address REMOTE4 = Ipv4Address.parse("198.51.100.2");

    /** An IPv4 packet with this TTL carrying a UDP datagram with {@code data} octets. */
    static byte[] ipv4(int ttl, int data) {
        Ipv4Header h = new Ipv4Header(0, 2, 8 + data, 99, false, true, false, 0, ttl, IpProtocol.UDP,
                Ipv4Address.parse("10.9.8.7"), Ipv4Address.parse("10.1.2.3"), ByteString.EMPTY);
        ByteBuffer b = ByteBuffer.allocate(h.totalLength());
        Ipv4Encoder.encode(h, b);
        b.putShort(20, (short) (1000 + ttl)).putShort(22, (short) 53).putShort(24, (short) (8 + data));
        return b.array();
    }

    /** An IPv6 packet with this Hop Limit carrying a UDP datagram with {@code data} octets. */
    static byte[] ipv6(int hopLimit, int data) {
        Ipv6Header h = new Ipv6Header(0x21, 0xABCDE, 8 + data, IpProtocol.UDP, hopLimit, Ipv6Address.parse("2001:db8:9::7"),
                Ipv6Address.parse("2001:db8:1::3"), List.of());
        ByteBuffer b = ByteBuffer.allocate(48 + data);
        Ipv6Encoder.encode(h, b);
        b.putShort(40, (short) 4444).putShort(42, (short) 443).putShort(44, (short) (8 + data));
        return b.array();
    }

    static byte[] ethernet(byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(14 + ip.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2}).putShort((short) 0x0800).put(ip);
        return b.array();
    }

    static byte[] labelled(int ttl, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(500 << 12 | ttl).putInt(600 << 12 | 0x100 | 1).put(payload)
                .array();
    }

    private static ByteBuffer withHeadroom(int headroom, byte[] packet) {
        ByteBuffer b = ByteBuffer.allocate(headroom + packet.length);
        b.put(headroom, packet);
        return b;
    }

    private static final List<MplsPush> PUSHES = List.of(
            MplsPush.of(MplsTtlModel.uniform(), 100, 200),
            MplsPush.of(MplsTtlModel.pipe(255), 16),
            MplsPush.builder(MplsTtlModel.uniform()).label(1000, 5).label(2000, 3).entropyLabelAfter(1).build(),
            MplsPush.builder(MplsTtlModel.pipe(64)).label(0xFFFFF, 7).entropyLabelAfter(1).label(17, 1).build(),
            MplsPush.builder(MplsTtlModel.linux(0)).label(0).label(2, 2).label(99).entropyLabelAfter(3).build());

    @Test
    void shouldWriteTheSameEntriesAsMplsPushOverEveryPacket() {
        byte[] v4 = ipv4(17, 20);
        byte[] v6 = ipv6(99, 30);
        byte[] pw = ethernet(ipv4(3, 10));
        byte[] stack = labelled(42, ipv6(7, 5));
        for (MplsPush push : PUSHES) {
            EncapTemplate t = EncapTemplate.of(MplsTemplates.labelStack(push));
            assertThat(t.length()).isEqualTo(push.length());
            assertThat(t.usesFlowHash()).isEqualTo(push.entropyLabelIndex() >= 0);
            Object[][] cases = {{v4, InnerType.IPV4, MplsPayloadType.IPV4}, {v6, InnerType.IPV6, MplsPayloadType.IPV6},
                {pw, InnerType.ETHERNET, MplsPayloadType.PW_ETHERNET}, {stack, InnerType.MPLS, null}};
            for (Object[] c : cases) {
                byte[] packet = (byte[]) c[0];
                InnerType inner = (InnerType) c[1];
                MplsPayloadType type = (MplsPayloadType) c[2];
                ByteBuffer byTemplate = withHeadroom(64, packet);
                ByteBuffer byPush = withHeadroom(64, packet);
                int start = t.push(byTemplate, 64, byTemplate.limit(), inner);
                int expected = type == null ? push.pushOntoStack(byPush, 64, byPush.limit())
                        : push.push(byPush, 64, byPush.limit(), type);
                assertThat(start).isEqualTo(expected);
                assertThat(byTemplate.array()).as("%s over %s", push, inner).isEqualTo(byPush.array());

                ByteBuffer hashed = withHeadroom(64, packet);
                ByteBuffer hashedByPush = withHeadroom(64, packet);
                t.push(hashed, 64, hashed.limit(), inner, 0x5EED);
                if (type == null) {
                    push.pushOntoStack(hashedByPush, 64, hashedByPush.limit(), 0x5EED);
                } else {
                    push.push(hashedByPush, 64, hashedByPush.limit(), type, 0x5EED);
                }
                assertThat(hashed.array()).as("%s over %s, hash given", push, inner).isEqualTo(hashedByPush.array());
            }
        }
    }

    @Test
    void shouldPushMplsOverGreOverIpv6AndDissectItBackFieldByField() {
        MplsPush push = MplsPush.builder(MplsTtlModel.uniform()).label(1000, 5).entropyLabelAfter(1).label(2000).build();
        List<TemplateHeader> chain = List.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6).withHopLimit(Ipv6TemplateHeader.INHERIT),
                GreTemplates.gre(0x1234), MplsTemplates.labelStack(push));
        EncapTemplate t = EncapTemplate.of(chain);
        assertThat(t.length()).isEqualTo(40 + 8 + 16);
        byte[] packet = ipv4(63, 40);
        ByteBuffer buf = withHeadroom(t.length(), packet);
        assertThat(t.push(buf, t.length(), buf.limit(), InnerType.IPV4)).isZero();

        Dissection d = DISSECTOR.dissect(LinkType.RAW, buf);
        assertThat(d.isMalformed()).as("%s", d).isFalse();
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv6", "gre", "mpls", "ipv4", "udp");
        Ipv6Header ip6 = (Ipv6Header) d.layers().get(0).header();
        assertThat(ip6.nextHeader()).isEqualTo(IpProtocol.GRE);
        assertThat(ip6.wirePayloadLength()).isEqualTo(24 + packet.length);
        assertThat(ip6.hopLimit()).as("inherited from the stack, which took the packet's").isEqualTo(63);
        GreHeader gre = (GreHeader) d.layers().get(1).header();
        assertThat(gre).isEqualTo(GreHeader.of(EtherType.MPLS_UNICAST, false, 0x1234, GreHeader.ABSENT));
        MplsHeader mpls = (MplsHeader) d.layers().get(2).header();
        assertThat(mpls.depth()).isEqualTo(4);
        int el = MplsPush.entropyLabel(FlowHash.ofIpPacket(ByteBuffer.wrap(packet), 0, packet.length));
        assertThat(el).isGreaterThanOrEqualTo(16);
        assertThat(mpls.entries()).containsExactly(new LabelStackEntry(1000, 5, 63), new LabelStackEntry(7, 5, 63),
                new LabelStackEntry(el, 0, 0), new LabelStackEntry(2000, 0, 63));
        assertThat(mpls.entropyLabelIndex()).isEqualTo(2);
        for (int i = 0; i < 4; i++) {
            assertThat(MplsLayout.bottom(mpls.word(i))).isEqualTo(i == 3);
        }
        assertThat(d.layers().get(3).header()).isEqualTo(Ipv4Decoder.decode(ByteBuffer.wrap(packet)).header());
    }

    @Test
    void shouldPushMplsInUdpWithTheSourcePortMplsInUdpChooses() {
        List<TemplateHeader> chain = List.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO),
                MplsTemplates.labelStack(MplsTtlModel.pipe(64), 300));
        byte[] packet = ipv6(5, 12);
        EncapTemplate t = EncapTemplate.of(chain);
        ByteBuffer buf = withHeadroom(t.length(), packet);
        t.push(buf, t.length(), buf.limit(), InnerType.IPV6);
        Dissection d = DISSECTOR.dissect(LinkType.RAW, buf);
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv4", "udp", "mpls", "ipv6", "udp");
        UdpHeader udp = (UdpHeader) d.layers().get(1).header();
        assertThat(udp.destinationPort()).isEqualTo(MplsInUdp.PORT);
        assertThat(udp.sourcePort()).isEqualTo(MplsInUdp.sourcePort(ByteBuffer.wrap(packet), 0, packet.length,
                MplsPayloadType.IPV6));
        assertThat(((MplsHeader) d.layers().get(2).header()).entries()).containsExactly(new LabelStackEntry(300, 0, 64));
    }

    @Test
    void shouldPushMplsInIpWhoseTtlTheOuterHeaderInherits() {
        EncapTemplate t = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4).withTimeToLive(Ipv4TemplateHeader.INHERIT),
                MplsTemplates.labelStack(MplsTtlModel.uniform(), 50));
        byte[] packet = ipv4(9, 0);
        ByteBuffer buf = withHeadroom(24, packet);
        t.push(buf, 24, buf.limit(), InnerType.IPV4);
        Dissection d = DISSECTOR.dissect(LinkType.RAW, buf);
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv4", "mpls", "ipv4", "udp");
        Ipv4Header outer = (Ipv4Header) d.layers().get(0).header();
        assertThat(outer.protocol().value()).isEqualTo(MplsLayers.MPLS_IN_IP_PROTOCOL); // RFC 4023 §2
        assertThat(outer.timeToLive()).isEqualTo(9);
        assertThat(Ipv4Decoder.verifyChecksum(buf, 0)).isTrue();
    }

    @Test
    void shouldClearBottomOfStackOverALabelledPacketOrAnotherStack() {
        EncapTemplate two = EncapTemplate.of(MplsTemplates.labelStack(MplsTtlModel.pipe(200), 40, 41),
                MplsTemplates.labelStack(MplsTtlModel.uniform(), 60));
        byte[] stack = labelled(77, ipv4(1, 0));
        ByteBuffer buf = withHeadroom(12, stack);
        two.push(buf, 12, buf.limit(), InnerType.MPLS);
        MplsHeader h = MplsDecoder.decode(buf.duplicate().position(0)).header();
        assertThat(h.entries()).containsExactly(new LabelStackEntry(40, 0, 200), new LabelStackEntry(41, 0, 200),
                new LabelStackEntry(60, 0, 77), new LabelStackEntry(500, 0, 77), new LabelStackEntry(600, 0, 1));
        ByteBuffer overIp = withHeadroom(12, ipv4(33, 0));
        two.push(overIp, 12, overIp.limit(), InnerType.IPV4);
        assertThat(MplsDecoder.decode(overIp.duplicate().position(0)).header().entries()).containsExactly(
                new LabelStackEntry(40, 0, 200), new LabelStackEntry(41, 0, 200), new LabelStackEntry(60, 0, 33));
    }

    @Test
    void shouldPushTheSameFromAStore() {
        TemplateStore store = new TemplateStore();
        for (MplsPush push : PUSHES) {
            List<TemplateHeader> chain = List.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4), GreTemplates.gre(),
                    MplsTemplates.labelStack(push));
            int h = store.add(chain);
            ByteBuffer a = withHeadroom(80, ipv6(12, 3));
            ByteBuffer b = withHeadroom(80, ipv6(12, 3));
            assertThat(store.push(h, a, 80, a.limit(), InnerType.IPV6))
                    .isEqualTo(EncapTemplate.of(chain).push(b, 80, b.limit(), InnerType.IPV6));
            assertThat(a.array()).isEqualTo(b.array());
        }
        assertThat(store.programCount()).isEqualTo(PUSHES.size());
    }

    @Test
    void shouldRefuseWhatAStackCannotCarryAndWhatMplsPushRefuses() {
        assertThatThrownBy(() -> EncapTemplate.of(MplsTemplates.labelStack(MplsTtlModel.uniform(), 20), GreTemplates.gre()))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("chain[0] LabelStack cannot carry chain[1] Gre: it has a code this header has none for"
                        + " (EtherType -1)");
        assertThatThrownBy(() -> MplsTemplates.labelStack(MplsTtlModel.uniform(), 3))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("label: 3");
        assertThat(EncapTemplate.of(MplsTemplates.labelStack(MplsTtlModel.uniform(), 20)).acceptedInnerTypes())
                .containsExactly(InnerType.values());
    }

    @Test
    void shouldNotWriteAStackPastTheBuffersLimit() {
        // The heap buffer's array reaches further than its limit: the limit still holds.
        ByteBuffer dst = ByteBuffer.allocate(16).limit(8);
        assertThatThrownBy(() -> MplsTemplates.labelStack(MplsTtlModel.pipe(64), 100, 200, 300).write(dst, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(dst.array()).containsOnly(0);
    }
}
