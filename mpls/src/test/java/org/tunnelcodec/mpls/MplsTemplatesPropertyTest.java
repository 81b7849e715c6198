package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.InnerType;
import org.tunnelcodec.core.encap.Ipv4TemplateHeader;
import org.tunnelcodec.core.encap.Ipv6TemplateHeader;
import org.tunnelcodec.core.encap.TemplateHeader;
import org.tunnelcodec.core.encap.TemplateStore;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.core.encap.UdpTemplateHeader;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;
import org.tunnelcodec.gre.GreDecoder;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.gre.GreTemplates;

/**
 * Random chains of IPv4, IPv6, GRE, UDP and label stacks (MPLS over GRE, over UDP, over IP, IP over
 * MPLS, nested) pushed onto random packets: every header checks out with its module's decoder,
 * each label stack equals what {@link MplsPush#encode} writes for the same TTL and flow hash, the
 * packet is unchanged, and a store pushes the same octets.
 */
class MplsTemplatesPropertyTest {
    /** A generated case: the chain with, for each label stack, its push (else null). */
    record Case(long seed, List<TemplateHeader> chain, List<MplsPush> pushes, List<Long> greKeys, InnerType inner,
                byte[] packet) {
        @Override
        public String toString() {
            return "Case[seed=" + seed + ", inner=" + inner + ", chain=" + chain + "]";
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.longs().map(MplsTemplatesPropertyTest::generate);
    }

    @Property(tries = 300)
    void shouldPushTheSameOctetsIntoAHeapSliceAndADirectBufferAsIntoAHeapBuffer(@ForAll("cases") Case c) {
        // a heap buffer is written through its array (at its array offset), others through the buffer
        EncapTemplate t = EncapTemplate.of(c.chain());
        int length = t.length() + c.packet().length;
        ByteBuffer heap = ByteBuffer.allocate(length).put(t.length(), c.packet());
        assertThat(t.push(heap, t.length(), length, c.inner())).isZero();
        ByteBuffer slice = ByteBuffer.allocate(length + 11).slice(7, length).put(t.length(), c.packet());
        assertThat(t.push(slice, t.length(), length, c.inner())).isZero();
        ByteBuffer direct = ByteBuffer.allocateDirect(length).put(t.length(), c.packet());
        assertThat(t.push(direct, t.length(), length, c.inner())).isZero();
        byte[] fromSlice = new byte[length];
        slice.get(0, fromSlice);
        byte[] fromDirect = new byte[length];
        direct.get(0, fromDirect);
        assertThat(fromSlice).as("%s", c).isEqualTo(heap.array());
        assertThat(fromDirect).as("%s", c).isEqualTo(heap.array());
        assertThat(slice.array()).as("outside the slice").startsWith(new byte[7]).endsWith(new byte[4]);
    }

    @Property(tries = 1000)
    void shouldPushRandomChainsWithLabelStacksFieldByField(@ForAll("cases") Case c) {
        EncapTemplate t = EncapTemplate.of(c.chain());
        ByteBuffer buf = ByteBuffer.allocate(t.length() + c.packet().length);
        buf.put(t.length(), c.packet());
        int end = buf.limit();
        assertThat(t.push(buf, t.length(), end, c.inner())).isZero();
        byte[] after = new byte[c.packet().length];
        buf.get(t.length(), after);
        assertThat(after).isEqualTo(c.packet());
        int hash = EncapTemplate.flowHash(ByteBuffer.wrap(c.packet()), 0, c.packet().length, c.inner());

        int[] offsets = new int[c.chain().size()];
        for (int i = 1; i < offsets.length; i++) {
            offsets[i] = offsets[i - 1] + c.chain().get(i - 1).length();
        }
        for (int i = c.chain().size() - 1; i >= 0; i--) {
            TemplateHeader h = c.chain().get(i);
            TemplateHeader next = i + 1 < offsets.length ? c.chain().get(i + 1) : null;
            int o = offsets[i];
            String as = "chain[" + i + "] " + h + " in " + c;
            if (h instanceof Ipv4TemplateHeader v4) {
                Ipv4Header ip = Ipv4Decoder.decode(buf, o, end).header();
                assertThat(Ipv4Decoder.verifyChecksum(buf, o)).as(as).isTrue();
                assertThat(ip.totalLength()).as(as).isEqualTo(end - o);
                assertThat(ip.protocol().value()).as(as).isEqualTo(next != null ? next.ipProtocol() : c.inner().ipProtocol());
                assertThat(ip.timeToLive()).as(as).isEqualTo(v4.timeToLive() != Ipv4TemplateHeader.INHERIT ? v4.timeToLive()
                        : innerTtl(c, offsets, i, buf, true, Ipv4TemplateHeader.DEFAULT_TIME_TO_LIVE));
            } else if (h instanceof Ipv6TemplateHeader v6) {
                Ipv6Header ip = Ipv6Decoder.decode(buf, o, end).header();
                assertThat(ip.wirePayloadLength()).as(as).isEqualTo(end - o - 40);
                assertThat(ip.nextHeader().value()).as(as).isEqualTo(next != null ? next.ipProtocol() : c.inner().ipProtocol());
                assertThat(ip.hopLimit()).as(as).isEqualTo(v6.hopLimit() != Ipv6TemplateHeader.INHERIT ? v6.hopLimit()
                        : innerTtl(c, offsets, i, buf, true, Ipv6TemplateHeader.DEFAULT_HOP_LIMIT));
                assertThat(ip.flowLabel()).as(as).isEqualTo(FlowHash.scale(hash, 1, 0xFFFFF));
            } else if (h instanceof UdpTemplateHeader) {
                UdpHeader udp = UdpDecoder.decode(buf, o, end).header();
                assertThat(udp.length()).as(as).isEqualTo(end - o);
                assertThat(udp.destinationPort()).as(as).isEqualTo(MplsInUdp.PORT);
                assertThat(udp.sourcePort()).as(as).isEqualTo(FlowHash.sourcePort(hash));
                assertThat(udp.checksum()).as(as).isZero();
            } else if (c.pushes().get(i) != null) {
                MplsPush push = c.pushes().get(i);
                int ttl = innerTtl(c, offsets, i, buf, false, MplsTtlModel.MAX_TTL);
                boolean bottom = next != null ? next.etherType() != 0x8847 : c.inner() != InnerType.MPLS;
                ByteBuffer expected = ByteBuffer.allocate(push.length());
                push.encode(expected, ttl, hash, bottom);
                byte[] got = new byte[push.length()];
                buf.get(o, got);
                assertThat(got).as(as).isEqualTo(expected.array());
            } else {
                GreHeader gre = GreDecoder.decode(buf, o, end).header();
                assertThat(gre.key()).as(as).isEqualTo(c.greKeys().get(i));
                assertThat(gre.protocolType().value()).as(as).isEqualTo(next != null ? next.etherType() : c.inner().etherType());
                if (gre.checksumPresent()) {
                    assertThat(GreDecoder.verifyChecksum(buf, o, end - o)).as(as).isTrue();
                }
            }
        }

        TemplateStore store = new TemplateStore(1);
        int handle = store.add(c.chain());
        ByteBuffer again = ByteBuffer.allocate(buf.limit());
        again.put(t.length(), c.packet());
        assertThat(store.push(handle, again, t.length(), end, c.inner())).isZero();
        assertThat(again.array()).isEqualTo(buf.array());
    }

    /**
     * The TTL a header inheriting it takes: of the nearest IP header or label stack after it in the
     * chain (as it is in the buffer), else the packet's, else {@code none}; an Ethernet packet gives
     * the TTL of its IP packet to an IP header, none to a label stack.
     */
    private static int innerTtl(Case c, int[] offsets, int i, ByteBuffer buf, boolean ip, int none) {
        for (int j = i + 1; j < offsets.length; j++) {
            int type = c.chain().get(j).etherType();
            if (type == 0x0800) {
                return buf.get(offsets[j] + 8) & 0xFF;
            }
            if (type == 0x86DD) {
                return buf.get(offsets[j] + 7) & 0xFF;
            }
            if (type == 0x8847) {
                return buf.get(offsets[j] + 3) & 0xFF;
            }
        }
        byte[] p = c.packet();
        return switch (c.inner()) {
            case IPV4 -> p[8] & 0xFF;
            case IPV6 -> p[7] & 0xFF;
            case MPLS -> p[3] & 0xFF;
            case ETHERNET -> ip ? p[14 + 8] & 0xFF : none;
        };
    }

    static Case generate(long seed) {
        Random r = new Random(seed);
        List<TemplateHeader> chain = new ArrayList<>();
        List<MplsPush> pushes = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        int levels = 1 + r.nextInt(3);
        for (int level = 0; level < levels; level++) {
            add(chain, pushes, keys, r.nextBoolean()
                    ? new Ipv4TemplateHeader(Ipv4Address.of(r.nextInt()), Ipv4Address.of(r.nextInt()),
                    r.nextBoolean() ? Ipv4TemplateHeader.INHERIT : 1 + r.nextInt(255), r.nextInt(64), EcnMode.NORMAL, true, 0)
                    : new Ipv6TemplateHeader(Ipv6Address.of(r.nextLong(), r.nextLong()), Ipv6Address.of(r.nextLong(), 1),
                    r.nextBoolean() ? Ipv6TemplateHeader.INHERIT : 1 + r.nextInt(255), 0, EcnMode.NORMAL,
                    Ipv6TemplateHeader.FLOW_HASH), null, null);
            switch (r.nextInt(3)) {
                case 0 -> {
                    long key = r.nextBoolean() ? GreHeader.ABSENT : r.nextInt() & 0xFFFF_FFFFL;
                    add(chain, pushes, keys, GreTemplates.gre(key, r.nextBoolean()), null, key);
                }
                case 1 -> add(chain, pushes, keys, UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN,
                        chain.get(chain.size() - 1) instanceof Ipv4TemplateHeader ? UdpChecksumMode.ZERO
                                : UdpChecksumMode.ZERO_CHECKSUM_MODE), null, null);
                default -> {
                    // MPLS-in-IP, straight after the IP header
                }
            }
            for (int stacks = 1 + r.nextInt(2); stacks > 0; stacks--) {
                MplsPush push = push(r);
                add(chain, pushes, keys, MplsTemplates.labelStack(push), push, null);
            }
        }
        InnerType inner = InnerType.values()[r.nextInt(4)];
        byte[] ip = r.nextBoolean() ? MplsTemplatesTest.ipv4(r.nextInt(256), r.nextInt(200))
                : MplsTemplatesTest.ipv6(r.nextInt(256), r.nextInt(200));
        byte[] packet = switch (inner) {
            case IPV4 -> MplsTemplatesTest.ipv4(r.nextInt(256), r.nextInt(300));
            case IPV6 -> MplsTemplatesTest.ipv6(r.nextInt(256), r.nextInt(300));
            case ETHERNET -> MplsTemplatesTest.ethernet(MplsTemplatesTest.ipv4(r.nextInt(256), r.nextInt(100)));
            case MPLS -> MplsTemplatesTest.labelled(r.nextInt(256), ip);
        };
        return new Case(seed, chain, pushes, keys, inner, packet);
    }

    private static void add(List<TemplateHeader> chain, List<MplsPush> pushes, List<Long> keys, TemplateHeader h,
                            MplsPush push, Long key) {
        chain.add(h);
        pushes.add(push);
        keys.add(key);
    }

    private static MplsPush push(Random r) {
        MplsTtlModel model = r.nextBoolean() ? MplsTtlModel.uniform() : MplsTtlModel.pipe(1 + r.nextInt(255));
        MplsPush.Builder b = MplsPush.builder(model);
        int labels = 1 + r.nextInt(4);
        for (int i = 0; i < labels; i++) {
            b.label(16 + r.nextInt(MplsLabel.MAX_VALUE - 15), r.nextInt(8));
        }
        if (r.nextBoolean()) {
            b.entropyLabelAfter(1 + r.nextInt(labels));
        }
        return b.build();
    }
}
