package org.tunnelcodec.core.encap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL4;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL6;
import static org.tunnelcodec.core.encap.EncapPackets.REMOTE4;
import static org.tunnelcodec.core.encap.EncapPackets.REMOTE6;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.InternetChecksum;

/**
 * The vocabulary as a module uses it: headers written here the way a protocol module writes its
 * own, each declaring its fields through {@link Fixups} only.
 */
class FixupsTest {
    /** A module-like header: its octets are zero, its fixups and codes are the test's. */
    record Custom(int length, int ipProtocol, int etherType, int udpPort, BiConsumer<Fixups, Integer> declare)
            implements TemplateHeader {
        @Override
        public void write(ByteBuffer dst, int index) {
        }

        @Override
        public void fixups(Fixups out, int offset) {
            declare.accept(out, offset);
        }
    }

    /** VXLAN-GPE's Next Protocol (draft-ietf-nvo3-vxlan-gpe §3.2) by EtherType. */
    private static int gpeNextProtocol(int etherType) {
        return switch (etherType) {
            case 0x0800 -> 1;
            case 0x86DD -> 2;
            case 0x6558 -> 3;
            case 0x8847 -> 5;
            default -> -1;
        };
    }

    private static Custom gpe() {
        return new Custom(8, -1, -1, 4790, (out, at) -> out.nextProtocol(at + 2, 0x00FF, FixupsTest::gpeNextProtocol));
    }

    @Test
    void shouldSetAModulesOwnNextProtocolCodeFromTheChainOrThePacket() {
        EncapTemplate innermost = EncapTemplate.of(gpe());
        byte[] packet = EncapPackets.ipv6(0, 64, 8);
        ByteBuffer buf = EncapPackets.buffer(8, packet, 0);
        innermost.push(buf, 8, buf.limit(), InnerType.IPV6);
        assertThat(buf.get(3)).isEqualTo((byte) 2);
        innermost.push(buf, 8, buf.limit(), InnerType.MPLS);
        assertThat(buf.get(3)).isEqualTo((byte) 5);

        EncapTemplate overIp = EncapTemplate.of(gpe(), Ipv4TemplateHeader.of(LOCAL4, REMOTE4));
        assertThat(overIp.bytes().byteAt(3)).isEqualTo(1);
        assertThatThrownBy(() -> EncapTemplate.of(gpe(), new Custom(4, 47, -1, 4754, (out, at) -> { })))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("chain[0] Custom cannot carry chain[1] Custom: it has a code this header has none for"
                        + " (EtherType -1)");
        EncapTemplate udp = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), gpe());
        assertThat(udp.bytes().byteAt(22) << 8 | udp.bytes().byteAt(23)).isEqualTo(4790);
    }

    @Test
    void shouldChecksumFromAModulesHeaderToThePacketsEnd() {
        // A GRE-like header with the RFC 2784 §2.5 checksum at offset 4, over itself and the payload.
        Custom greLike = new Custom(8, 47, -1, -1, (out, at) -> out.nextEtherType(at + 2).checksum(at + 4, at));
        EncapTemplate t = EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6), greLike);
        byte[] packet = EncapPackets.ipv4(7, 8, 99);
        ByteBuffer buf = EncapPackets.buffer(48, packet, 3);
        int end = 48 + packet.length;
        t.push(buf, 48, end, InnerType.IPV4);
        assertThat(buf.getShort(42)).isEqualTo((short) 0x0800);
        assertThat(InternetChecksum.verifies(buf, 40, end - 40, 0)).isTrue();
        assertThat(buf.get(6) & 0xFF).isEqualTo(47);
    }

    @Test
    void shouldGiveEntriesTheTtlOfWhatTheyArePushedOntoButTheSkippedOne() {
        Custom labels = new Custom(12, 137, 0x8847, 6635, (out, at) -> out.mplsTtl(at, 3, 1));
        EncapTemplate t = EncapTemplate.of(labels);
        byte[] packet = EncapPackets.ipv4(0, 77, 8);
        ByteBuffer buf = EncapPackets.buffer(12, packet, 0);
        t.push(buf, 12, buf.limit(), InnerType.IPV4);
        assertThat(new int[] {buf.get(3), buf.get(7), buf.get(11)}).containsExactly(77, 0, 77);
        ByteBuffer ethernet = EncapPackets.buffer(12, EncapPackets.ethernet(0x0800, 0, packet), 0);
        t.push(ethernet, 12, ethernet.limit(), InnerType.ETHERNET);
        assertThat(ethernet.get(3) & 0xFF).as("a pseudowire has no TTL: 255").isEqualTo(255);
        // An IPv4 header over the stack inherits the stack's TTL, which inherited the packet's.
        EncapTemplate over = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4).withTimeToLive(Ipv4TemplateHeader.INHERIT),
                labels);
        ByteBuffer b = EncapPackets.buffer(32, packet, 0);
        over.push(b, 32, b.limit(), InnerType.IPV4);
        assertThat(b.get(8)).isEqualTo((byte) 77);
        assertThat(b.get(9) & 0xFF).isEqualTo(137);
    }

    @Test
    void shouldWriteTheFlowHashIntoAnyBitsOfAWord() {
        Custom field = new Custom(8, -1, -1, -1, (out, at) -> out.flowHashField(at + 4, 8, 24, 100, 0xFFFFFF));
        EncapTemplate t = EncapTemplate.of(field);
        ByteBuffer buf = ByteBuffer.allocate(8 + 20);
        buf.put(8, EncapPackets.ipv4(0, 1, 0));
        buf.put(7 - 4, (byte) 0);
        t.push(buf, 8, 28, InnerType.IPV4, 0xDEADBEEF);
        assertThat(buf.getInt(4) >>> 8).isEqualTo(FlowHash.scale(0xDEADBEEF, 100, 0xFFFFFF));
        assertThat(buf.get(7)).as("the bits below the field keep the header's value").isZero();
        assertThat(t.usesFlowHash()).isTrue();
    }

    @Test
    void shouldTellAHeaderWhereItStandsInTheChain() {
        List<String> seen = new ArrayList<>();
        BiConsumer<Fixups, Integer> probe = (out, at) -> seen.add(at + ":" + out.enclosingIpVersion() + ":" + out.innermost());
        EncapTemplate.of(new Custom(4, 200, -1, -1, probe), Ipv6TemplateHeader.of(LOCAL6, REMOTE6),
                new Custom(4, 200, -1, -1, probe), Ipv4TemplateHeader.of(LOCAL4, REMOTE4), new Custom(2, 200, -1, -1, probe));
        assertThat(seen).containsExactly("0:0:false", "44:6:false", "68:4:true");
    }

    @Test
    void shouldSetAOneOctetNextProtocolFieldAtTheEndOfAHeader() {
        Custom lastOctet = new Custom(3, -1, -1, -1, (out, at) -> out.nextIpProtocol(at + 2));
        EncapTemplate t = EncapTemplate.of(lastOctet, Ipv6TemplateHeader.of(LOCAL6, REMOTE6));
        assertThat(t.bytes().byteAt(2)).isEqualTo(41);
        assertThat(t.bytes().byteAt(1)).isZero();
    }

    @Test
    void shouldRefuseFixupsOutsideTheDeclaringHeader() {
        Custom outside = new Custom(4, -1, -1, -1, (out, at) -> out.nextEtherType(at + 3));
        assertThatThrownBy(() -> EncapTemplate.of(outside)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("nextEtherType offset: 3..4 (expected: within 0..3, chain[0] Custom)");
        Custom before = new Custom(4, 200, -1, -1, (out, at) -> out.udpLength(at - 1));
        assertThatThrownBy(() -> EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4), before))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("UDP header: 19..26 (expected: within 20..23, chain[1] Custom)");
        Custom notIp = new Custom(40, -1, -1, -1, (out, at) -> out.ipHeader(at));
        assertThatThrownBy(() -> EncapTemplate.of(notIp)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("chain[0] Custom: version nibble at offset 0: 0 (expected: an IPv4 or IPv6 header written there)");
        assertThatThrownBy(() -> EncapTemplate.of(new Custom(8, -1, -1, -1, (out, at) -> out.flowHashField(at, 0, 8, 0, 256))))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("max: 256 (expected: 0..255)");
        assertThatThrownBy(() -> EncapTemplate.of(new Custom(8, -1, -1, -1, (out, at) -> out.mplsTtl(at, 2, 2))))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("skipEntry: 2 (expected: -1..1)");
    }

    @Test
    void shouldRefuseAnIpv4FieldFixupWhoseChecksumIsNotKept() {
        TemplateHeader ipv4NoHeader = new TemplateHeader() {
            @Override
            public int length() {
                return 20;
            }

            @Override
            public void write(ByteBuffer dst, int index) {
                dst.put(index, (byte) 0x45);
            }

            @Override
            public void fixups(Fixups out, int offset) {
                out.ipTimeToLive(offset);
            }
        };
        assertThatThrownBy(() -> EncapTemplate.of(ipv4NoHeader)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an IPv4 TTL or DSCP/ECN fixup at offset 0 (expected: ipHeader(0) declared too");
    }

    @Test
    void shouldRefuseAnInnermostHeaderThatCarriesNothing() {
        Custom nothing = new Custom(4, -1, -1, -1, (out, at) -> out.nextProtocol(at, 0xFF00, type -> -1));
        assertThatThrownBy(() -> EncapTemplate.of(nothing)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("chain[0] Custom: the innermost header carries no packet type (expected: at least one of"
                        + " IPV4, IPV6, ETHERNET, MPLS)");
        Custom onlyMpls = new Custom(4, -1, -1, -1, (out, at) -> out.carriesOnly(0x8847));
        assertThat(EncapTemplate.of(onlyMpls).acceptedInnerTypes()).containsExactly(InnerType.MPLS);
    }
}
