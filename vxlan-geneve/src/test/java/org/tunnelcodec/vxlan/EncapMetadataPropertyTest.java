package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.EthernetTemplateHeader;
import org.tunnelcodec.core.encap.InnerType;
import org.tunnelcodec.core.encap.Ipv4TemplateHeader;
import org.tunnelcodec.core.encap.Ipv6TemplateHeader;
import org.tunnelcodec.core.encap.TemplateHeader;
import org.tunnelcodec.core.encap.TemplateStore;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.core.encap.UdpTemplateHeader;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.gre.GreTemplates;
import org.tunnelcodec.gre.GreTunnels;
import org.tunnelcodec.mpls.MplsPush;
import org.tunnelcodec.mpls.MplsTemplates;
import org.tunnelcodec.mpls.MplsTtlModel;
import org.tunnelcodec.mpls.MplsTunnels;

/**
 * Transmit and receive agree: random inner packets (IPv4, IPv6, Ethernet) pushed through random
 * chains of every template header kind, nested up to three tunnels deep (GRE with and without a
 * key, MPLS over GRE, UDP with VXLAN, VXLAN-GPE, Geneve with options, MPLS-in-UDP, MPLS-in-IP, IP
 * in IP, an Ethernet header between VXLAN and the next level), then peeled with the
 * {@link TunnelClassifier} composed from core's and the GRE, MPLS and VXLAN modules' bindings:
 * each level gives back the template's tunnel type, tunnel id (GRE Key, VNI, top label), carrier
 * and carrier id, outer addresses and UDP ports (the source port the inner packet's flow hash
 * chose), and the innermost level's inner range is the packet, octet for octet, pushed through a
 * {@link TemplateStore} the same way.
 */
class EncapMetadataPropertyTest {
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(GreTunnels.bindings()).add(MplsTunnels.bindings()).add(VxlanTunnels.bindings()).build();

    /** What one level of the chain must classify as. */
    record Level(TunnelType type, Long id, TunnelType carrier, Long carrierId, TemplateHeader ip, int udpPort) {
    }

    /** A generated case. */
    record Case(long seed, List<TemplateHeader> chain, List<Level> levels, InnerType inner, byte[] packet) {
        @Override
        public String toString() {
            return "Case[seed=" + seed + ", inner=" + inner + ", chain=" + chain + "]";
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.longs().map(EncapMetadataPropertyTest::generate);
    }

    @Property(tries = 1500)
    void shouldGiveBackEveryLevelsTunnelIdAndAddressesAndThePacket(@ForAll("cases") Case c) {
        EncapTemplate t = EncapTemplate.of(c.chain());
        int headroom = t.length() + 5;
        ByteBuffer buf = ByteBuffer.allocate(headroom + c.packet().length + 3);
        buf.put(headroom, c.packet());
        int innerEnd = headroom + c.packet().length;
        int start = t.push(buf, headroom, innerEnd, c.inner());
        assertThat(start).isEqualTo(5);
        int hash = EncapTemplate.flowHash(ByteBuffer.wrap(c.packet()), 0, c.packet().length, c.inner());

        List<TunnelMetadata> peeled = new ArrayList<>();
        LinkType linkType = c.chain().get(0) instanceof Ipv4TemplateHeader ? LinkType.IPV4 : LinkType.IPV6;
        int index = start;
        int limit = innerEnd;
        while (linkType != null && peeled.size() < 8) {
            TunnelMetadata m = new TunnelMetadata();
            Verdict v = CLASSIFIER.classify(linkType, buf, index, limit, m);
            if (v != Verdict.TUNNEL) {
                assertThat(v).as("after %d levels of %s", peeled.size(), c).isEqualTo(Verdict.NOT_A_TUNNEL);
                break;
            }
            peeled.add(m);
            linkType = m.innerLinkType();
            index = m.innerIndex();
            limit = index + m.innerLength();
        }
        assertThat(peeled).as("levels of %s", c).hasSameSizeAs(c.levels());
        for (int i = 0; i < peeled.size(); i++) {
            TunnelMetadata m = peeled.get(i);
            Level want = c.levels().get(i);
            String as = "level " + i + " " + m + " of " + c;
            assertThat(m.type()).as(as).isEqualTo(want.type());
            assertThat(m.hasTunnelId()).as(as).isEqualTo(want.id() != null);
            if (want.id() != null) {
                assertThat(m.tunnelId()).as(as).isEqualTo(want.id());
            }
            assertThat(m.carrier()).as(as).isEqualTo(want.carrier());
            assertThat(m.hasCarrierId()).as(as).isEqualTo(want.carrierId() != null);
            if (want.carrierId() != null) {
                assertThat(m.carrierId()).as(as).isEqualTo(want.carrierId());
            }
            if (want.ip() instanceof Ipv4TemplateHeader v4) {
                assertThat(m.ipVersion()).as(as).isEqualTo(4);
                assertThat(m.ipv4Source()).as(as).isEqualTo(v4.source());
                assertThat(m.ipv4Destination()).as(as).isEqualTo(v4.destination());
            } else {
                Ipv6TemplateHeader v6 = (Ipv6TemplateHeader) want.ip();
                assertThat(m.ipVersion()).as(as).isEqualTo(6);
                assertThat(m.ipv6Source()).as(as).isEqualTo(v6.source());
                assertThat(m.ipv6Destination()).as(as).isEqualTo(v6.destination());
            }
            if (want.udpPort() < 0) {
                assertThat(m.transportIndex()).as(as).isNegative();
            } else {
                assertThat(m.destinationPort()).as(as).isEqualTo(want.udpPort());
                assertThat(m.sourcePort()).as(as).isEqualTo(FlowHash.sourcePort(hash));
            }
        }
        TunnelMetadata last = peeled.get(peeled.size() - 1);
        assertThat(last.innerIndex()).as("the packet starts the innermost inner range, %s", c).isEqualTo(headroom);
        assertThat(last.innerLength()).as("%s", c).isEqualTo(c.packet().length);
        assertThat(last.innerProtocol()).as("%s", c).isEqualTo(c.inner().etherType());
        assertThat(Arrays.copyOfRange(buf.array(), headroom, innerEnd)).as("the packet, unchanged").isEqualTo(c.packet());

        TemplateStore store = new TemplateStore(1);
        int handle = store.add(c.chain());
        ByteBuffer again = ByteBuffer.allocate(buf.capacity());
        again.put(headroom, c.packet());
        assertThat(store.push(handle, again, headroom, innerEnd, c.inner())).isEqualTo(start);
        assertThat(again.array()).as("the store pushes the same octets").isEqualTo(buf.array());
    }

    static Case generate(long seed) {
        Random r = new Random(seed);
        List<TemplateHeader> chain = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        int depth = 1 + r.nextInt(3);
        boolean ethernetNext = false; // whether what follows the last header must be an Ethernet frame
        boolean ipNext = false;       // whether it must be an IP packet (IP in IP, MPLS: no Ethernet)
        for (int level = 0; level < depth; level++) {
            if (ethernetNext) {
                chain.add(EthernetTemplateHeader.of(MacAddress.of(r.nextLong() & 0xFEFF_FFFF_FFFFL),
                        MacAddress.of(r.nextLong() & 0xFEFF_FFFF_FFFFL)));
            }
            TemplateHeader ip = ip(r);
            chain.add(ip);
            TunnelType ipInIp = ip instanceof Ipv4TemplateHeader ? TunnelType.IPV4_IN_IPV4 : TunnelType.IPV4_IN_IPV6;
            boolean v4 = ip instanceof Ipv4TemplateHeader;
            ethernetNext = false;
            ipNext = false;
            switch (r.nextInt(9)) {
                case 0 -> { // GRE, then an IP packet or an Ethernet frame
                    long key = r.nextBoolean() ? GreHeader.ABSENT : r.nextInt() & 0xFFFF_FFFFL;
                    chain.add(GreTemplates.gre(key, r.nextBoolean()));
                    levels.add(new Level(TunnelType.GRE, key == GreHeader.ABSENT ? null : key, TunnelType.NONE, null, ip, -1));
                    ethernetNext = r.nextBoolean();
                }
                case 1 -> { // MPLS over GRE
                    long key = r.nextBoolean() ? GreHeader.ABSENT : r.nextInt() & 0xFFFF_FFFFL;
                    chain.add(GreTemplates.gre(key, false));
                    int top = stack(r, chain);
                    levels.add(new Level(TunnelType.MPLS, (long) top, TunnelType.GRE, key == GreHeader.ABSENT ? null : key,
                            ip, -1));
                    ipNext = true;
                }
                case 2 -> { // VXLAN: an Ethernet frame follows
                    int vni = r.nextInt(1 << 24);
                    chain.add(udp(v4));
                    chain.add(VxlanTemplates.vxlan(vni));
                    levels.add(new Level(TunnelType.VXLAN, (long) vni, TunnelType.NONE, null, ip, VxlanLayers.VXLAN_PORT));
                    ethernetNext = true;
                }
                case 3 -> { // VXLAN-GPE with IP, Ethernet or MPLS after it
                    int vni = r.nextInt(1 << 24);
                    chain.add(udp(v4));
                    chain.add(VxlanTemplates.vxlanGpe(vni));
                    if (r.nextInt(3) == 0) {
                        int top = stack(r, chain);
                        levels.add(new Level(TunnelType.MPLS, (long) top, TunnelType.VXLAN_GPE, (long) vni, ip,
                                VxlanLayers.VXLAN_GPE_PORT));
                        ipNext = true;
                    } else {
                        levels.add(new Level(TunnelType.VXLAN_GPE, (long) vni, TunnelType.NONE, null, ip,
                                VxlanLayers.VXLAN_GPE_PORT));
                        ethernetNext = r.nextBoolean();
                    }
                }
                case 4 -> { // Geneve with options, IP, Ethernet or MPLS after it
                    int vni = r.nextInt(1 << 24);
                    chain.add(udp(v4));
                    chain.add(VxlanTemplates.geneve(vni, options(r)));
                    if (r.nextInt(3) == 0) {
                        int top = stack(r, chain);
                        levels.add(new Level(TunnelType.MPLS, (long) top, TunnelType.GENEVE, (long) vni, ip,
                                VxlanLayers.GENEVE_PORT));
                        ipNext = true;
                    } else {
                        levels.add(new Level(TunnelType.GENEVE, (long) vni, TunnelType.NONE, null, ip,
                                VxlanLayers.GENEVE_PORT));
                        ethernetNext = r.nextBoolean();
                    }
                }
                case 5 -> { // MPLS-in-UDP (RFC 7510)
                    chain.add(udp(v4));
                    int top = stack(r, chain);
                    levels.add(new Level(TunnelType.MPLS, (long) top, TunnelType.NONE, null, ip, 6635));
                    ipNext = true;
                }
                case 6 -> { // MPLS-in-IP (RFC 4023)
                    int top = stack(r, chain);
                    levels.add(new Level(TunnelType.MPLS, (long) top, TunnelType.NONE, null, ip, -1));
                    ipNext = true;
                }
                default -> { // IP in IP: the type depends on the inner version, fixed below
                    levels.add(new Level(ipInIp, null, TunnelType.NONE, null, ip, -1));
                    ipNext = true;
                }
            }
        }
        InnerType inner = ethernetNext ? InnerType.ETHERNET
                : ipNext || r.nextInt(3) > 0 ? (r.nextBoolean() ? InnerType.IPV4 : InnerType.IPV6) : InnerType.ETHERNET;
        byte[] packet = switch (inner) {
            case IPV4 -> ipv4(r);
            case IPV6 -> ipv6(r);
            default -> ethernet(r, ipv4(r));
        };
        // IP in IP: the type names the inner IP version, which the next level's header (or the packet) gives.
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            if (l.type().equals(TunnelType.IPV4_IN_IPV4) || l.type().equals(TunnelType.IPV4_IN_IPV6)) {
                boolean outer4 = l.ip() instanceof Ipv4TemplateHeader;
                boolean inner4 = i + 1 < levels.size() ? levels.get(i + 1).ip() instanceof Ipv4TemplateHeader
                        : inner == InnerType.IPV4;
                TunnelType type = outer4 ? (inner4 ? TunnelType.IPV4_IN_IPV4 : TunnelType.IPV6_IN_IPV4)
                        : (inner4 ? TunnelType.IPV4_IN_IPV6 : TunnelType.IPV6_IN_IPV6);
                levels.set(i, new Level(type, null, TunnelType.NONE, null, l.ip(), -1));
            }
        }
        return new Case(seed, List.copyOf(chain), List.copyOf(levels), inner, packet);
    }

    private static TemplateHeader ip(Random r) {
        if (r.nextBoolean()) {
            return new Ipv4TemplateHeader(Ipv4Address.of(r.nextInt()), Ipv4Address.of(r.nextInt()),
                    r.nextBoolean() ? Ipv4TemplateHeader.INHERIT : 1 + r.nextInt(255), r.nextInt(64),
                    EcnMode.values()[r.nextInt(EcnMode.values().length)], r.nextBoolean(), 0);
        }
        return new Ipv6TemplateHeader(Ipv6Address.of(r.nextLong(), r.nextLong()), Ipv6Address.of(r.nextLong(), r.nextLong()),
                r.nextBoolean() ? Ipv6TemplateHeader.INHERIT : 1 + r.nextInt(255), r.nextInt(64),
                EcnMode.values()[r.nextInt(EcnMode.values().length)],
                r.nextBoolean() ? Ipv6TemplateHeader.FLOW_HASH : r.nextInt(1 << 20));
    }

    private static UdpTemplateHeader udp(boolean v4) {
        return UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN,
                v4 ? UdpChecksumMode.ZERO : UdpChecksumMode.ZERO_CHECKSUM_MODE);
    }

    /** Adds a label stack of 1-4 labels, sometimes with an entropy label; returns the top label. */
    private static int stack(Random r, List<TemplateHeader> chain) {
        MplsPush.Builder b = MplsPush.builder(r.nextBoolean() ? MplsTtlModel.uniform() : MplsTtlModel.pipe(1 + r.nextInt(255)));
        int labels = 1 + r.nextInt(4);
        int top = 16 + r.nextInt((1 << 20) - 16);
        b.label(top, r.nextInt(8));
        for (int i = 1; i < labels; i++) {
            b.label(16 + r.nextInt((1 << 20) - 16), r.nextInt(8));
        }
        if (r.nextBoolean()) {
            b.entropyLabelAfter(1 + r.nextInt(labels));
        }
        chain.add(MplsTemplates.labelStack(b.build()));
        return top;
    }

    private static List<GeneveOption> options(Random r) {
        List<GeneveOption> options = new ArrayList<>();
        for (int n = r.nextInt(4); n > 0; n--) {
            byte[] data = new byte[4 * r.nextInt(4)];
            r.nextBytes(data);
            options.add(GeneveOption.of(r.nextInt(1 << 16), r.nextInt(256), ByteString.of(data)));
        }
        return options;
    }

    /** An IPv4 packet with a TCP-numbered payload (no extractor is bound to TCP), its lengths right. */
    private static byte[] ipv4(Random r) {
        byte[] p = new byte[20 + 20 + r.nextInt(60)];
        r.nextBytes(p);
        p[0] = 0x45;
        p[2] = (byte) (p.length >>> 8);
        p[3] = (byte) p.length;
        p[6] = 0x40; // DF, no fragment offset
        p[7] = 0;
        p[9] = 6;
        return p;
    }

    private static byte[] ipv6(Random r) {
        byte[] p = new byte[40 + 20 + r.nextInt(60)];
        r.nextBytes(p);
        p[0] = (byte) (0x60 | p[0] & 0x0F);
        p[4] = (byte) ((p.length - 40) >>> 8);
        p[5] = (byte) (p.length - 40);
        p[6] = 6;
        return p;
    }

    private static byte[] ethernet(Random r, byte[] ip) {
        byte[] f = new byte[14 + ip.length];
        r.nextBytes(f);
        f[12] = 0x08;
        f[13] = 0x00;
        System.arraycopy(ip, 0, f, 14, ip.length);
        return f;
    }
}
