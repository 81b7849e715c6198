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

/**
 * Tunnel metadata extraction from an Ethernet / IPv4 / GRE-with-Key frame (frame 4 of the
 * generated {@code gre-variants.pcap}: key 0xdeadbeef, an IPv6 packet inside), by the
 * {@link TunnelClassifier} with core's and the GRE module's bindings, beside a hand-written walk
 * that reads the same fields with the checks a careful receiver makes (Ethernet type, IPv4
 * version, IHL, Total Length, fragment bits, protocol 47, GRE version and the lengths of its
 * optional fields). The goal: within 1.5 times the hand-written walk, 0 B/op.
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

    private ByteBuffer frame;
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
    }

    /** The classifier: verdict and the fields a receive-side rule matches on. */
    @Benchmark
    public void classify(Blackhole bh) {
        bh.consume(classifier.classify(LinkType.ETHERNET, frame, 0, frame.limit(), metadata));
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
        bh.consume(baseline.walk(frame, 0, frame.limit()));
        bh.consume(baseline.key);
        bh.consume(baseline.source);
        bh.consume(baseline.destination);
        bh.consume(baseline.tos);
        bh.consume(baseline.ttl);
        bh.consume(baseline.innerIndex);
        bh.consume(baseline.innerLength);
    }

    /** A receiver's hand-written Ethernet / IPv4 / GRE walk into reused fields. */
    static final class HandWritten {
        long key;
        int source;
        int destination;
        int tos;
        int ttl;
        int innerIndex;
        int innerLength;

        boolean walk(ByteBuffer b, int index, int limit) {
            if (limit - index < 14 || b.getShort(index + 12) != 0x0800) {
                return false;
            }
            int ip = index + 14;
            if (limit - ip < 20) {
                return false;
            }
            int versionIhl = b.get(ip) & 0xFF;
            int ihl = (versionIhl & 0xF) * 4;
            int total = b.getShort(ip + 2) & 0xFFFF;
            if (versionIhl >>> 4 != 4 || ihl < 20 || total < ihl || total > limit - ip
                    || (b.getShort(ip + 6) & 0x3FFF) != 0 || b.get(ip + 9) != 47) {
                return false;
            }
            tos = b.get(ip + 1) & 0xFF;
            ttl = b.get(ip + 8) & 0xFF;
            source = b.getInt(ip + 12);
            destination = b.getInt(ip + 16);
            int gre = ip + ihl;
            int end = ip + total;
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
}
