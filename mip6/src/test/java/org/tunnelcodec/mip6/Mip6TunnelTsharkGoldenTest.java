package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Golden test of the Mobile IPv6 tunnels: {@link Mip6Tunnel} (RFC 2473: IPv6 and IPv4 in IPv6,
 * with and without the Tunnel Encapsulation Limit) and {@link Ipv4CareOfTunnel} (RFC 5555 §4.1,
 * §4.2: IPv6 and IPv4 in IPv4, IPv6 and IPv4 in UDP to and from port 4191) push onto one inner IPv6 and
 * one inner IPv4 packet. The frames must be byte for byte those of the committed
 * {@code mip6-tunnels-pushed.pcap}, and tshark 4.0.17's decode of that capture
 * ({@code testdata/scripts/tshark-golden-mip6-tunnels.sh}, which decodes UDP port 4191 as IP;
 * {@code golden/mip6/mip6-tunnels-pushed.mip6-tunnels.tsv}) must show, header by header, what
 * each tunnel's definition promises: the addresses, the outer lengths to the frame's end, a
 * valid IPv4 header checksum, DF and Identification 0, the TTL or Hop Limit, the DSCP and ECN
 * copied or set, the outer Protocol or Next Header, the Tunnel Encapsulation Limit, the UDP
 * ports, length and zero checksum, and the inner packet unchanged behind them.
 *
 * <p>The expected values are worked out here from the tunnels' definitions (the RFCs their
 * javadoc cites) and the inner packets, never from the project's decoders.
 */
class Mip6TunnelTsharkGoldenTest {
    static final String CAPTURE = "mip6-tunnels-pushed.pcap";
    static final Path TARGET = Path.of("target", CAPTURE);
    /** The slot after {@code mip6-scenarios.pcap} (1704068800). */
    static final long T0 = 1704068900L;

    static final Ipv6Address HA = Ipv6Address.parse("2001:db8:a::1");
    static final Ipv6Address COA = Ipv6Address.parse("2001:db8:c0a::100");
    static final Ipv6Address HOA = Ipv6Address.parse("2001:db8:a::100");
    static final Ipv6Address CN = Ipv6Address.parse("2001:db8:ff::1");
    static final Ipv4Address HA4 = Ipv4Address.parse("192.0.2.1");
    static final Ipv4Address COA4 = Ipv4Address.parse("198.51.100.7");
    static final Ipv4Address NAT = Ipv4Address.parse("203.0.113.50");
    static final Ipv4Address HOA4 = Ipv4Address.parse("192.0.2.100");
    static final Ipv4Address CN4 = Ipv4Address.parse("198.51.100.200");
    /** The inner packets' Traffic Class / TOS: DSCP 46 (EF), ECN ECT(1). */
    static final int INNER_TOS = 0xB9;
    static final int FLOW_LABEL = 0x12345;
    static final int PAYLOAD = 8;

    /** One frame: what was pushed onto which inner packet, and the octets. */
    record Frame(String caseName, Object tunnel, int innerVersion, byte[] bytes) {
    }

    /** The inner IPv6 packet: Next Header 59 (no next header), 8 octets after it. */
    static byte[] innerIpv6() {
        ByteBuffer b = ByteBuffer.allocate(40 + PAYLOAD);
        b.putInt(0, 6 << 28 | INNER_TOS << 20 | FLOW_LABEL).putShort(4, (short) PAYLOAD).put(6, (byte) 59)
                .put(7, (byte) 64).putLong(8, HOA.high()).putLong(16, HOA.low()).putLong(24, CN.high())
                .putLong(32, CN.low()).putLong(40, 0x0102030405060708L);
        return b.array();
    }

    /** The inner IPv4 packet: Protocol 253 (experimentation, RFC 3692), 8 octets after it. */
    static byte[] innerIpv4() {
        ByteBuffer b = ByteBuffer.allocate(20 + PAYLOAD);
        b.putShort(0, (short) (0x4500 | INNER_TOS)).putShort(2, (short) (20 + PAYLOAD)).putShort(4, (short) 0x1234)
                .put(8, (byte) 64).put(9, (byte) 253).putInt(12, HOA4.bits()).putInt(16, CN4.bits())
                .putLong(20, 0x0102030405060708L);
        b.putShort(10, (short) InternetChecksum.checksum(b, 0, 20, 0));
        return b.array();
    }

    record Case(String name, Object tunnel, int innerVersion) {
    }

    static List<Case> cases() {
        return List.of(
                new Case("ipv6-in-ipv6", Mip6Tunnel.builder(HA, COA).build(), 6),
                new Case("ipv6-in-ipv6-limit", Mip6Tunnel.builder(HA, COA).encapsulationLimit(4).hopLimit(30)
                        .trafficClass(Mip6Tunnel.COPY).build(), 6),
                new Case("ipv4-in-ipv6", Mip6Tunnel.builder(COA, HA).build(), 4),
                new Case("ipv6-in-ipv4", Ipv4CareOfTunnel.builder(HA4, COA4).build(), 6),
                new Case("ipv4-in-ipv4", Ipv4CareOfTunnel.builder(COA4, HA4).build(), 4),
                new Case("ipv6-in-udp", Ipv4CareOfTunnel.builder(HA4, NAT).udp(Ipv4CareOfTunnel.PORT, 61000).build(), 6),
                new Case("ipv6-in-udp-tos", Ipv4CareOfTunnel.builder(NAT, HA4).udp(61000, Ipv4CareOfTunnel.PORT).ttl(30)
                        .tos(0x28).ecnMode(EcnMode.COMPATIBILITY).build(), 6),
                new Case("ipv4-in-udp", Ipv4CareOfTunnel.builder(HA4, NAT).udp(Ipv4CareOfTunnel.PORT, 61000).build(), 4));
    }

    /** Each case's frame: Ethernet (locally administered addresses), then the pushed packet. */
    static List<Frame> frames() {
        List<Frame> frames = new ArrayList<>();
        for (Case c : cases()) {
            byte[] inner = c.innerVersion() == 6 ? innerIpv6() : innerIpv4();
            ByteBuffer b = ByteBuffer.allocate(128 + inner.length).put(128, inner);
            int start = c.tunnel() instanceof Mip6Tunnel t ? t.push(b, 128, b.limit())
                    : ((Ipv4CareOfTunnel) c.tunnel()).push(b, 128, b.limit());
            boolean outer6 = c.tunnel() instanceof Mip6Tunnel;
            b.putLong(start - 14, 0x0200_0000_0002_0200L).putInt(start - 6, 0x0000_0001)
                    .putShort(start - 2, (short) (outer6 ? 0x86DD : 0x0800));
            byte[] bytes = new byte[b.limit() - (start - 14)];
            b.get(start - 14, bytes);
            frames.add(new Frame(c.name(), c.tunnel(), c.innerVersion(), bytes));
        }
        return frames;
    }

    @Test
    void shouldPushTheFramesOfTheCommittedCapture() throws IOException {
        Captures.assertCommitted(frames().stream().map(Frame::bytes).toList(), T0, TARGET,
                "testdata/scripts/tshark-golden-mip6-tunnels.sh");
    }

    @Test
    void shouldBeDecodedByTsharkAsEachTunnelPromises() {
        List<Frame> frames = frames();
        TsharkGolden golden = TsharkGolden.of("mip6-tunnels-pushed.mip6-tunnels");
        assertThat(golden.rows()).hasSameSizeAs(frames);
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            TsharkGolden.Row row = golden.frame(i + 1);
            for (Map.Entry<String, List<String>> e : expectedFields(f).entrySet()) {
                soft.assertThat(row.values(e.getKey())).as("#%d %s: %s", i + 1, f.caseName(), e.getKey())
                        .isEqualTo(e.getValue());
            }
            soft.assertThat(row.values("_ws.malformed")).as("#%d %s: _ws.malformed", i + 1, f.caseName()).isEmpty();
            soft.assertThat(row.values("_ws.expert.message")).as("#%d %s: expert items", i + 1, f.caseName()).isEmpty();
        }
        soft.assertAll();
    }

    /**
     * The dissector (core and Mobile IPv6 bindings) walks every frame to its innermost IP packet,
     * layer for layer as tshark does (its {@code frame.protocols}), with DSMIPv6's UDP
     * encapsulation (port 4191, RFC 5555 §4.1) as a layer of no octets where tshark, told to read
     * the port as IPv6, names none; an IPv6 layer holds its extension headers.
     */
    @Test
    void shouldBeDissectedLayerForLayerAsTsharkShowsIt() {
        Dissector dissector = Dissector.builder().add(CoreLayers.bindings()).add(Mip6Layers.bindings()).build();
        TsharkGolden golden = TsharkGolden.of("mip6-tunnels-pushed.mip6-tunnels");
        List<Frame> frames = frames();
        for (int i = 0; i < frames.size(); i++) {
            byte[] bytes = frames.get(i).bytes();
            Dissection d = dissector.dissect(LinkType.ETHERNET, ByteBuffer.wrap(bytes), bytes.length, 0);
            List<String> tshark = new ArrayList<>();
            // "udp:ip:ipv6": the "ip" dissector tshark reads UDP 4191 with, handing IPv6 on
            String protocols = golden.frame(i + 1).value("frame.protocols", 0).replace(":udp:ip:ipv6", ":udp:ipv6");
            for (String p : protocols.split(":")) {
                switch (p) {
                    case "eth" -> tshark.add("ethernet");
                    case "ip" -> tshark.add("ipv4");
                    case "udp" -> {
                        tshark.add("udp");
                        tshark.add(Mip6Layers.UdpEncapsulation.PROTOCOL);
                    }
                    case "ipv6", "data" -> tshark.add(p);
                    default -> { } // ethertype, ipv6.dstopts: no layer of their own here
                }
            }
            tshark.remove("data");
            assertThat(d.layers().stream().map(DissectedLayer::name).toList()).as("frame #%d", i + 1).isEqualTo(tshark);
        }
    }

    /**
     * The tunnel classifier (core and Mobile IPv6 bindings) gives each frame's metadata: IP in IP
     * by the outer Next Header or Protocol (the core's), DSMIPv6's UDP encapsulation by port 4191
     * ({@link Mip6Tunnels}); the outer addresses, the ports, and the inner packet where the
     * tunnel's definition puts it.
     */
    @Test
    void shouldGiveEachFramesTunnelMetadata() {
        org.tunnelcodec.core.tunnel.TunnelClassifier classifier = org.tunnelcodec.core.tunnel.TunnelClassifier.builder()
                .add(org.tunnelcodec.core.tunnel.CoreTunnels.bindings()).add(Mip6Tunnels.bindings()).build();
        org.tunnelcodec.core.tunnel.TunnelMetadata m = new org.tunnelcodec.core.tunnel.TunnelMetadata();
        for (Frame f : frames()) {
            ByteBuffer b = ByteBuffer.wrap(f.bytes());
            org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict v = classifier.classify(LinkType.ETHERNET, b, 0, b.limit(), m);
            if (f.tunnel() instanceof Ipv4CareOfTunnel t && t.udp() && t.localPort() == Ipv4CareOfTunnel.PORT) {
                // from the home agent's port to the mobile node's (a NAT's): the classifier keys on
                // the destination port, so only the way to the home agent is its
                assertThat(v).as(f.caseName()).isEqualTo(org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict.NOT_A_TUNNEL);
                continue;
            }
            assertThat(v).as(f.caseName()).isEqualTo(org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict.TUNNEL);
            int innerLength = f.innerVersion() == 6 ? 40 + PAYLOAD : 20 + PAYLOAD;
            assertThat(m.innerLength()).as(f.caseName()).isEqualTo(innerLength);
            assertThat(m.innerIndex()).as(f.caseName()).isEqualTo(f.bytes().length - innerLength);
            assertThat(m.innerProtocol()).as(f.caseName()).isEqualTo(f.innerVersion() == 6 ? 0x86DD : 0x0800);
            if (f.tunnel() instanceof Mip6Tunnel t) {
                assertThat(m.type()).as(f.caseName()).isEqualTo(f.innerVersion() == 6
                        ? org.tunnelcodec.core.tunnel.TunnelType.IPV6_IN_IPV6 : org.tunnelcodec.core.tunnel.TunnelType.IPV4_IN_IPV6);
                assertThat(m.ipv6Source()).isEqualTo(t.local());
                assertThat(m.ipv6Destination()).isEqualTo(t.remote());
            } else {
                Ipv4CareOfTunnel t = (Ipv4CareOfTunnel) f.tunnel();
                assertThat(m.type()).as(f.caseName()).isEqualTo(t.udp() ? org.tunnelcodec.core.tunnel.TunnelType.DSMIP6_UDP
                        : f.innerVersion() == 6 ? org.tunnelcodec.core.tunnel.TunnelType.IPV6_IN_IPV4
                        : org.tunnelcodec.core.tunnel.TunnelType.IPV4_IN_IPV4);
                assertThat(m.ipv4Source()).isEqualTo(t.local());
                assertThat(m.ipv4Destination()).isEqualTo(t.remote());
                if (t.udp()) {
                    assertThat(m.sourcePort()).isEqualTo(t.localPort());
                    assertThat(m.destinationPort()).isEqualTo(t.remotePort());
                    assertThat(m.hasTunnelId()).isFalse();
                }
            }
        }
    }

    /** A UDP datagram to port 4191 whose payload is not IPv4 or IPv6: malformed for both the layer and the extractor. */
    @Test
    void shouldCallAnotherVersionAfterUdp4191Malformed() {
        byte[] bytes = frames().get(6).bytes().clone(); // IPv6 in UDP to 4191
        bytes[14 + 28] = 0x50; // version 5
        Dissection d = Dissector.builder().add(CoreLayers.bindings()).add(Mip6Layers.bindings()).build()
                .dissect(LinkType.ETHERNET, ByteBuffer.wrap(bytes), bytes.length, 0);
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.MALFORMED);
        assertThat(d.failedLayer()).isEqualTo(Mip6Layers.UdpEncapsulation.PROTOCOL);
        assertThat(org.tunnelcodec.core.tunnel.TunnelClassifier.builder().add(Mip6Tunnels.bindings()).build()
                .classify(LinkType.ETHERNET, ByteBuffer.wrap(bytes), 0, bytes.length, new org.tunnelcodec.core.tunnel.TunnelMetadata()))
                .isEqualTo(org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict.MALFORMED);
    }

    private static String hex(int value, int digits) {
        return String.format("0x%0" + digits + "x", value);
    }

    /** Every field's expected occurrences in a frame, outermost first, as tshark 4.0 prints them. */
    static Map<String, List<String>> expectedFields(Frame f) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        Function<String, List<String>> at = k -> m.computeIfAbsent(k, x -> new ArrayList<>());
        int innerLength = f.innerVersion() == 6 ? 40 + PAYLOAD : 20 + PAYLOAD;
        at.apply("frame.len").add(Integer.toString(f.bytes().length));
        if (f.tunnel() instanceof Mip6Tunnel t) {
            boolean limit = t.encapsulationLimit() != Mip6Tunnel.NO_LIMIT;
            // RFC 2473 §3, §5.1, §6.3-§6.5: Next Header 41 or 4 (60 before a Destination Options
            // header with the limit), Payload Length = inner packet (+ 8), Traffic Class 0 with
            // the ECN copied (RFC 6040 normal mode) or the inner one copied, Flow Label 0
            at.apply("frame.protocols").add("eth:ethertype:ipv6" + (limit ? ":ipv6.dstopts" : "")
                    + (f.innerVersion() == 6 ? ":ipv6" : ":ip") + ":data");
            at.apply("eth.type").add("0x86dd");
            at.apply("ipv6.src").add(t.local().toString());
            at.apply("ipv6.dst").add(t.remote().toString());
            at.apply("ipv6.plen").add(Integer.toString(innerLength + (limit ? 8 : 0)));
            // (the case with the limit also copies the DSCP and sets Hop Limit 30)
            at.apply("ipv6.tclass").add(hex(limit ? INNER_TOS : INNER_TOS & 3, 8));
            at.apply("ipv6.flow").add("0x000000");
            at.apply("ipv6.nxt").add(limit ? "60" : f.innerVersion() == 6 ? "41" : "4");
            at.apply("ipv6.hlim").add(limit ? "30" : "64");
            if (limit) {
                at.apply("ipv6.dstopts.nxt").add("41");
                at.apply("ipv6.opt.tel").add("4");
            }
        } else {
            Ipv4CareOfTunnel t = (Ipv4CareOfTunnel) f.tunnel();
            boolean tosSet = t.remote().equals(HA4) && t.udp();
            // RFC 791 §3.1, RFC 5555 §4.1-§4.2: Total Length to the frame's end, DSCP and ECN
            // copied (or DSCP set, ECN Not-ECT in compatibility mode), DF, Identification 0, TTL,
            // Protocol 41, 4 or 17, a valid header checksum
            // (tshark reads UDP 4191 with its "ip" dissector, which hands IPv6 on to "ipv6")
            at.apply("frame.protocols").add("eth:ethertype:ip" + (t.udp() ? ":udp:ip" : "")
                    + (f.innerVersion() == 6 ? ":ipv6" : t.udp() ? "" : ":ip") + ":data");
            at.apply("eth.type").add("0x0800");
            at.apply("ip.src").add(t.local().toString());
            at.apply("ip.dst").add(t.remote().toString());
            at.apply("ip.len").add(Integer.toString(innerLength + t.headerLength()));
            at.apply("ip.dsfield").add(hex(tosSet ? 0x28 : INNER_TOS, 2));
            at.apply("ip.flags.df").add("1");
            at.apply("ip.id").add("0x0000");
            at.apply("ip.ttl").add(tosSet ? "30" : "64");
            at.apply("ip.proto").add(t.udp() ? "17" : f.innerVersion() == 6 ? "41" : "4");
            at.apply("ip.checksum.status").add("1"); // Good
            if (t.udp()) {
                at.apply("udp.srcport").add(Integer.toString(t.localPort()));
                at.apply("udp.dstport").add(Integer.toString(t.remotePort()));
                at.apply("udp.length").add(Integer.toString(8 + innerLength));
                at.apply("udp.checksum").add("0x0000");
            }
        }
        // the inner packet as it was
        if (f.innerVersion() == 6) {
            at.apply("ipv6.src").add(HOA.toString());
            at.apply("ipv6.dst").add(CN.toString());
            at.apply("ipv6.plen").add(Integer.toString(PAYLOAD));
            at.apply("ipv6.tclass").add(hex(INNER_TOS, 8));
            at.apply("ipv6.flow").add(hex(FLOW_LABEL, 6));
            at.apply("ipv6.nxt").add("59");
            at.apply("ipv6.hlim").add("64");
        } else {
            at.apply("ip.src").add(HOA4.toString());
            at.apply("ip.dst").add(CN4.toString());
            at.apply("ip.len").add(Integer.toString(20 + PAYLOAD));
            at.apply("ip.dsfield").add(hex(INNER_TOS, 2));
            at.apply("ip.flags.df").add("0");
            at.apply("ip.id").add("0x1234");
            at.apply("ip.ttl").add("64");
            at.apply("ip.proto").add("253");
            at.apply("ip.checksum.status").add("1"); // Good
        }
        return m;
    }
}
