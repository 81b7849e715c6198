package org.tunnelcodec.core.encap;

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
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MacAddress;

/**
 * Random chains of core's template headers (IP in IP to any depth, UDP with an explicit port or
 * a VXLAN stand-in, inner Ethernet) pushed onto random packets of every type the chain accepts:
 * every header checks out field by field, the packet is unchanged, nothing outside the pushed
 * range is written, and a store pushes the same octets as the template.
 */
class EncapPropertyTest {
    /** One generated case; its seed reproduces it. */
    record Case(long seed, List<TemplateHeader> chain, InnerType inner, byte[] packet, int extraHeadroom,
                Integer flowHash) {
        @Override
        public String toString() {
            return "Case[seed=" + seed + ", inner=" + inner + ", chain=" + chain + "]";
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.longs().map(EncapPropertyTest::generate);
    }

    @Property(tries = 2000)
    void shouldPushEveryRandomChainOntoEveryPacketItAcceptsFieldByField(@ForAll("cases") Case c) {
        EncapTemplate t = EncapTemplate.of(c.chain());
        assertThat(t.accepts(c.inner())).as("%s accepts %s", t, c.inner()).isTrue();
        int headroom = t.length() + c.extraHeadroom();
        ByteBuffer buf = EncapPackets.buffer(headroom, c.packet(), 5);
        int end = headroom + c.packet().length;
        int start = c.flowHash() == null ? t.push(buf, headroom, end, c.inner())
                : t.push(buf, headroom, end, c.inner(), c.flowHash());
        assertThat(start).isEqualTo(c.extraHeadroom());
        ChainVerifier.verify(c.chain(), buf, start, headroom, end, c.inner(), c.packet(), c.flowHash());

        TemplateStore store = new TemplateStore(2);
        store.add(EncapTemplate.of(Ipv4TemplateHeader.of(EncapPackets.LOCAL4, EncapPackets.REMOTE4)));
        int handle = store.add(c.chain());
        ByteBuffer again = EncapPackets.buffer(headroom, c.packet(), 5);
        int storeStart = c.flowHash() == null ? store.push(handle, again, headroom, end, c.inner())
                : store.push(handle, again, headroom, end, c.inner(), c.flowHash());
        assertThat(storeStart).isEqualTo(start);
        assertThat(again.array()).isEqualTo(buf.array());
        assertThat(store.template(handle)).isEqualTo(t);
    }

    static Case generate(long seed) {
        Random r = new Random(seed);
        List<TemplateHeader> chain = new ArrayList<>();
        InnerType inner;
        chain.add(ip(r));
        while (true) {
            int choice = chain.size() > 6 ? 0 : r.nextInt(5);
            if (choice == 0) {
                inner = pick(r, InnerType.IPV4, InnerType.IPV6, InnerType.MPLS);
                break;
            }
            if (choice == 1) {
                chain.add(ip(r));
                continue;
            }
            boolean overIpv6 = chain.get(chain.size() - 1) instanceof Ipv6TemplateHeader;
            UdpChecksumMode mode = overIpv6 ? pick(r, UdpChecksumMode.COMPUTE, UdpChecksumMode.ZERO_CHECKSUM_MODE)
                    : pick(r, UdpChecksumMode.values());
            int min = r.nextBoolean() ? 49152 : r.nextInt(65536);
            int max = r.nextInt(4) == 0 ? min : min + r.nextInt(65536 - min);
            if (choice == 2) {
                chain.add(new UdpTemplateHeader(min, max, r.nextInt(65536), mode));
                inner = pick(r, InnerType.values());
                break;
            }
            chain.add(new UdpTemplateHeader(min, max, UdpTemplateHeader.FROM_CHAIN, mode));
            chain.add(OpaqueHeader.vxlan(r.nextInt(1 << 24)));
            if (r.nextBoolean()) {
                inner = InnerType.ETHERNET;
                break;
            }
            chain.add(EthernetTemplateHeader.of(MacAddress.of(r.nextLong() & 0xFFFF_FFFF_FFFFL),
                    MacAddress.of(r.nextLong() & 0xFFFF_FFFF_FFFFL)));
            if (r.nextBoolean()) {
                inner = pick(r, InnerType.values());
                break;
            }
            chain.add(ip(r));
        }
        return new Case(seed, chain, inner, packet(r, inner, 0), r.nextInt(3) == 0 ? r.nextInt(40) : 0,
                r.nextInt(4) == 0 ? r.nextInt() : null);
    }

    private static TemplateHeader ip(Random r) {
        EcnMode ecn = pick(r, EcnMode.values());
        if (r.nextBoolean()) {
            return new Ipv4TemplateHeader(Ipv4Address.of(r.nextInt()), Ipv4Address.of(r.nextInt()),
                    r.nextInt(3) == 0 ? Ipv4TemplateHeader.INHERIT : 1 + r.nextInt(255),
                    r.nextInt(3) == 0 ? Ipv4TemplateHeader.COPY : r.nextInt(64), ecn, r.nextBoolean(), r.nextInt(65536));
        }
        return new Ipv6TemplateHeader(Ipv6Address.of(r.nextLong(), r.nextLong()), Ipv6Address.of(r.nextLong(), r.nextLong()),
                r.nextInt(3) == 0 ? Ipv6TemplateHeader.INHERIT : 1 + r.nextInt(255),
                r.nextInt(3) == 0 ? Ipv6TemplateHeader.COPY : r.nextInt(64), ecn,
                r.nextBoolean() ? Ipv6TemplateHeader.FLOW_HASH : r.nextInt(0x100000));
    }

    private static byte[] packet(Random r, InnerType type, int depth) {
        int payload = r.nextInt(4) == 0 ? r.nextInt(1400) : r.nextInt(64);
        int protocol = pickInt(r, 17, 6, 50, 132);
        return switch (type) {
            case IPV4 -> EncapPackets.ipv4(r.nextInt(256), r.nextInt(256), protocol, payload, r.nextInt(65536));
            case IPV6 -> EncapPackets.ipv6(r.nextInt(256), r.nextInt(256), protocol, Math.max(1, payload), r.nextInt(65536));
            case ETHERNET -> {
                int etherType = pickInt(r, 0x0800, 0x86DD, 0x0806);
                byte[] in = etherType == 0x0806 ? new byte[28]
                        : packet(r, etherType == 0x0800 ? InnerType.IPV4 : InnerType.IPV6, depth + 1);
                yield EncapPackets.ethernet(etherType, r.nextInt(3), in);
            }
            case MPLS -> {
                int[] ttls = new int[1 + r.nextInt(3)];
                for (int i = 0; i < ttls.length; i++) {
                    ttls[i] = r.nextInt(256);
                }
                yield EncapPackets.labelled(ttls, packet(r, r.nextBoolean() ? InnerType.IPV4 : InnerType.IPV6, depth + 1));
            }
        };
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    private static int pickInt(Random r, int... values) {
        return values[r.nextInt(values.length)];
    }
}
