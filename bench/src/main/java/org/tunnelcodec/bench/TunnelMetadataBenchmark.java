package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.gre.GreTunnels;
import org.tunnelcodec.vxlan.VxlanTunnels;

/**
 * Tunnel metadata extraction from an Ethernet / IPv4 / GRE-with-Key frame (frame 4 of the
 * generated {@code gre-variants.pcap}: key 0xdeadbeef, an IPv6 packet inside), by the
 * {@link TunnelClassifier} with core's and the GRE module's bindings, beside a hand-written walk
 * that reads the same fields with the checks a careful receiver makes (Ethernet type, IPv4
 * version, IHL, Total Length, fragment bits, protocol 47, GRE version and the lengths of its
 * optional fields). The goal: within 1.5 times the hand-written walk, 0 B/op.
 *
 * <p>The same for a VXLAN frame ({@link Frames#vxlan}: Ethernet / IPv4 / UDP to 4789 / VXLAN with
 * the I flag and VNI 0x5a1e00 / an inner Ethernet / IPv4 / UDP frame of 74 octets), by a
 * classifier with core's and the VXLAN module's bindings ({@link VxlanTunnels}: flags the first
 * 32 bits, the VNI as tunnel id when I is set, the inner frame after the 8-octet header), beside
 * a hand-written walk with the UDP checks ({@code UdpDecoder.checkedLength}'s: Length at least
 * 8 and within the IP payload) and VXLAN's (8 octets present).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TunnelMetadataBenchmark {
    /** gre-variants #4: IPv4 203.0.113.1 → .2 / GRE K (0xdeadbeef), type 0x86DD / IPv6 / UDP. */
    private static final String GRE_KEY = "02005e10000202005e10000108004500005c90040000402f726acb007101cb007102"
            + "200086dddeadbeef600000000018113f20010db800010000000000000000001020010db80002000000000000000000209c6c"
            + "00090018b17a74756e6e656c636f6465632074756e6e";

    /** The VXLAN frame's VNI. */
    private static final int VNI = 0x5A1E00;

    private ByteBuffer frame;
    private ByteBuffer vxlanFrame;
    /**
     * 0, read from a field: where a frame starts is data on a receive path, so neither side's
     * index arithmetic may fold into constants (the hand-written walks are inlined into the
     * benchmark method, the classifier, compiled on its own, is not).
     */
    private int frameIndex;
    private final TunnelClassifier vxlanClassifier = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(VxlanTunnels.bindings()).build();
    private final HandWrittenVxlan vxlanBaseline = new HandWrittenVxlan();
    private final TunnelClassifier classifier = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(GreTunnels.bindings()).build();
    private final TunnelMetadata metadata = new TunnelMetadata();
    private final HandWritten baseline = new HandWritten();

    /** Builds the frame and checks that library and baseline agree. */
    @Setup
    public void setUp() {
        frame = ByteBuffer.wrap(HexFormat.of().parseHex(GRE_KEY));
        if (classifier.classify(LinkType.ETHERNET, frame, 0, frame.limit(), metadata) != TunnelClassifier.Verdict.TUNNEL
                || !baseline.walk(frame, 0, frame.limit()) || baseline.key != metadata.tunnelId()
                || baseline.innerIndex != metadata.innerIndex() || baseline.innerLength != metadata.innerLength()
                || baseline.source != metadata.ipv4SourceBits() || baseline.ttl != metadata.ttl()) {
            throw new IllegalStateException("library and baseline disagree: " + metadata);
        }
        vxlanFrame = ByteBuffer.wrap(Frames.vxlan(VNI, Frames.ethernetIpv4Udp()));
        HandWrittenVxlan v = vxlanBaseline;
        if (vxlanClassifier.classify(LinkType.ETHERNET, vxlanFrame, 0, vxlanFrame.limit(), metadata)
                != TunnelClassifier.Verdict.TUNNEL || !v.walk(vxlanFrame, 0, vxlanFrame.limit())
                || metadata.tunnelId() != VNI || v.vni != VNI || metadata.flags() != 0x0800_0000
                || v.flags != metadata.flags() || v.source != metadata.ipv4SourceBits()
                || v.destination != metadata.ipv4DestinationBits() || v.tos != metadata.tos() || v.ttl != metadata.ttl()
                || v.sourcePort != metadata.sourcePort() || v.sourcePort != Frames.VXLAN_SOURCE_PORT
                || v.destinationPort != metadata.destinationPort() || v.innerIndex != metadata.innerIndex()
                || v.innerIndex != 14 + 20 + 8 + 8 || v.innerLength != metadata.innerLength()
                || v.innerLength != Frames.IPV4_FRAME_LENGTH || metadata.innerProtocol() != 0x6558) {
            throw new IllegalStateException("VXLAN: library and baseline disagree: " + metadata);
        }
    }

    /** The classifier: verdict and the fields a receive-side rule matches on. */
    @Benchmark
    public void classify(Blackhole bh) {
        bh.consume(classifier.classify(LinkType.ETHERNET, frame, frameIndex, frame.limit(), metadata));
        bh.consume(metadata.tunnelId());
        bh.consume(metadata.ipv4SourceBits());
        bh.consume(metadata.ipv4DestinationBits());
        bh.consume(metadata.tos());
        bh.consume(metadata.ttl());
        bh.consume(metadata.innerIndex());
        bh.consume(metadata.innerLength());
    }

    /** The hand-written walk, the same fields consumed. */
    @Benchmark
    public void handWritten(Blackhole bh) {
        bh.consume(baseline.walk(frame, frameIndex, frame.limit()));
        bh.consume(baseline.key);
        bh.consume(baseline.source);
        bh.consume(baseline.destination);
        bh.consume(baseline.tos);
        bh.consume(baseline.ttl);
        bh.consume(baseline.innerIndex);
        bh.consume(baseline.innerLength);
    }

    /** The classifier on the VXLAN frame: verdict and the fields a receive-side rule matches on. */
    @Benchmark
    public void classifyVxlan(Blackhole bh) {
        bh.consume(vxlanClassifier.classify(LinkType.ETHERNET, vxlanFrame, frameIndex, vxlanFrame.limit(), metadata));
        bh.consume(metadata.tunnelId());
        bh.consume(metadata.flags());
        bh.consume(metadata.ipv4SourceBits());
        bh.consume(metadata.ipv4DestinationBits());
        bh.consume(metadata.tos());
        bh.consume(metadata.ttl());
        bh.consume(metadata.sourcePort());
        bh.consume(metadata.destinationPort());
        bh.consume(metadata.innerIndex());
        bh.consume(metadata.innerLength());
    }

    /** The hand-written VXLAN walk, the same fields consumed. */
    @Benchmark
    public void handWrittenVxlan(Blackhole bh) {
        HandWrittenVxlan v = vxlanBaseline;
        bh.consume(v.walk(vxlanFrame, frameIndex, vxlanFrame.limit()));
        bh.consume(v.vni);
        bh.consume(v.flags);
        bh.consume(v.source);
        bh.consume(v.destination);
        bh.consume(v.tos);
        bh.consume(v.ttl);
        bh.consume(v.sourcePort);
        bh.consume(v.destinationPort);
        bh.consume(v.innerIndex);
        bh.consume(v.innerLength);
    }

    /**
     * A receiver's hand-written Ethernet / IPv4 / UDP / VXLAN walk into reused fields: the IPv4
     * checks of {@link HandWritten}, protocol 17, the UDP Length at least 8 and within the IP
     * payload, Destination Port 4789, 8 octets of VXLAN header; the VNI when I (0x08 of the first
     * octet, RFC 7348 §5) is set, else 0.
     */
    static final class HandWrittenVxlan extends HandWrittenOuter {
        long vni;
        int flags;
        int sourcePort;
        int destinationPort;
        int innerIndex;
        int innerLength;

        boolean walk(ByteBuffer b, int index, int limit) {
            long range = outerIpv4(b, index, limit, 17);
            if (range < 0) {
                return false;
            }
            int udp = (int) (range >>> 32);
            int end = (int) range;
            if (end - udp < 8) {
                return false;
            }
            int ports = b.getInt(udp);
            int udpLength = b.getShort(udp + 4) & 0xFFFF;
            if (udpLength < 8 || udpLength > end - udp) {
                return false;
            }
            sourcePort = ports >>> 16;
            destinationPort = ports & 0xFFFF;
            if (destinationPort != 4789) {
                return false;
            }
            int vxlan = udp + 8;
            int datagramEnd = udp + udpLength;
            if (datagramEnd - vxlan < 8) {
                return false;
            }
            flags = b.getInt(vxlan);
            vni = (flags & 0x0800_0000) != 0 ? b.getInt(vxlan + 4) >>> 8 : 0;
            innerIndex = vxlan + 8;
            innerLength = datagramEnd - innerIndex;
            return true;
        }
    }

    /** A receiver's hand-written Ethernet / IPv4 / GRE walk into reused fields. */
    static final class HandWritten extends HandWrittenOuter {
        long key;
        int innerIndex;
        int innerLength;

        boolean walk(ByteBuffer b, int index, int limit) {
            long range = outerIpv4(b, index, limit, 47);
            if (range < 0) {
                return false;
            }
            int gre = (int) (range >>> 32);
            int end = (int) range;
            if (end - gre < 4) {
                return false;
            }
            int flags = b.getShort(gre) & 0xFFFF;
            if ((flags & 7) != 0 || (flags & 0x4000) != 0) {
                return false; // version 0 without routing only
            }
            int at = gre + 4 + ((flags & 0x8000) != 0 ? 4 : 0);
            key = -1;
            if ((flags & 0x2000) != 0) {
                if (end - at < 4) {
                    return false;
                }
                key = b.getInt(at) & 0xFFFF_FFFFL;
                at += 4;
            }
            if ((flags & 0x1000) != 0) {
                at += 4;
            }
            if (at > end) {
                return false;
            }
            innerIndex = at;
            innerLength = end - at;
            return true;
        }
    }

    /**
     * The outer Ethernet / IPv4 part both hand-written walks share: EtherType 0x0800, version 4,
     * IHL and Total Length within the frame, not a fragment, the given protocol; records TOS,
     * TTL and addresses.
     */
    abstract static class HandWrittenOuter {
        int source;
        int destination;
        int tos;
        int ttl;

        /** The IP payload's start in the upper 32 bits and its end in the lower, or -1. */
        final long outerIpv4(ByteBuffer b, int index, int limit, int protocol) {
            if (limit - index < 14 || b.getShort(index + 12) != 0x0800) {
                return -1;
            }
            int ip = index + 14;
            if (limit - ip < 20) {
                return -1;
            }
            int versionIhl = b.get(ip) & 0xFF;
            int ihl = (versionIhl & 0xF) * 4;
            int total = b.getShort(ip + 2) & 0xFFFF;
            if (versionIhl >>> 4 != 4 || ihl < 20 || total < ihl || total > limit - ip
                    || (b.getShort(ip + 6) & 0x3FFF) != 0 || b.get(ip + 9) != protocol) {
                return -1;
            }
            tos = b.get(ip + 1) & 0xFF;
            ttl = b.get(ip + 8) & 0xFF;
            source = b.getInt(ip + 12);
            destination = b.getInt(ip + 16);
            return (long) (ip + ihl) << 32 | ip + total;
        }
    }
}
