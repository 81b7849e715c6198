package org.tunnelcodec.bench;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
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
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.gre.GreDecoder;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.gre.GreView;
import org.tunnelcodec.gre.wccp.WccpDecapsulation;
import org.tunnelcodec.gre.wccp.WccpDecapsulator;
import org.tunnelcodec.gre.wccp.WccpRouter;
import org.tunnelcodec.gre.wccp.WccpVersion;

/**
 * GRE decode (K and S set) and its peeks, and WCCP decapsulation, each beside a hand-written
 * ByteBuffer baseline doing the same work in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GreBenchmark {
    /** GRE with K (0x00001234) and S (7) carrying IPv4, behind nothing: the GRE header starts at 0. */
    private static final String GRE_KEY_SEQ = "30000800" + "00001234" + "00000007"
            + "4500002000010000400163d70a0101010a020202080021041234000161626364";
    /**
     * Vector W1: router 192.0.2.254 → cache 192.0.2.10, WCCPv2 redirect header
     * (draft-wilson-wrec-wccp-v2-01 4.12.1), 40-octet TCP SYN; every field checked against
     * tshark 4.0.17's decode.
     */
    private static final String W1 = "4500004407070000ff2f2f7bc00002fec000020a" + "0000883e" + "035a7f3c"
            + "4500002804d240003f06ed140a0a0a055db8d822c030005011223344000000005002faf066210000";

    private ByteBuffer gre;
    private ByteBuffer wccp;
    private WccpDecapsulator decapsulator;
    private final WccpDecapsulation out = new WccpDecapsulation();
    private final GreView view = new GreView();
    private BaselineStrip strip;

    /** Builds the packets and checks that library and baseline agree. */
    @Setup
    public void setUp() throws Exception {
        gre = ByteBuffer.wrap(HexFormat.of().parseHex(GRE_KEY_SEQ));
        wccp = ByteBuffer.wrap(HexFormat.of().parseHex(W1));
        decapsulator = new WccpDecapsulator(List.of(WccpRouter.of("192.0.2.254", WccpVersion.V2),
                WccpRouter.of("192.0.2.253", WccpVersion.V1)));
        strip = new BaselineStrip(new int[] {0xc00002fe, 0xc00002fd}, new boolean[] {true, false});
        if (decapsulator.decapsulate(wccp, out) != WccpDecapsulator.Verdict.ACCEPTED || strip.strip(wccp) != 28
                || out.innerIndex() != 28 || strip.innerLength != out.innerLength() || strip.serviceId != out.serviceId()) {
            throw new IllegalStateException("library and baseline disagree on W1");
        }
        GreHeader h = GreDecoder.decode(gre).header();
        GreBaseline b = GreBaseline.decode(gre, 0);
        view.wrap(gre, 0, gre.limit());
        if (h.key() != b.key || h.sequenceNumber() != b.sequence || b.headerLength != 12 || view.key() != b.key
                || view.sequenceNumber() != b.sequence || view.payloadIndex() != 12) {
            throw new IllegalStateException("library and baseline disagree on the GRE header");
        }
        InetAddress.getByName("192.0.2.254"); // resolve nothing later
    }

    /** The library's full decode of a GRE header with key and sequence number, the result kept by the caller. */
    @Benchmark
    public void greDecode(Blackhole bh) {
        Decoded<GreHeader> d = GreDecoder.decode(gre, 0, gre.limit());
        bh.consume(d.header());
        bh.consume(d.payloadIndex());
    }

    /** A hand-written decode of the same fields into one small object, kept by the caller. */
    @Benchmark
    public void greDecodeBaseline(Blackhole bh) {
        bh.consume(GreBaseline.decode(gre, 0));
    }

    /**
     * The data path's use of a decode: read the fields a forwarder acts on (Protocol Type, Key,
     * Sequence Number, where the payload starts) and let the record go. Nothing escapes, so the
     * JIT may replace the record by its fields.
     */
    @Benchmark
    public void greDecodeFields(Blackhole bh) {
        Decoded<GreHeader> d = GreDecoder.decode(gre, 0, gre.limit());
        GreHeader h = d.header();
        bh.consume(h.protocolType().value());
        bh.consume(h.key());
        bh.consume(h.sequenceNumber());
        bh.consume(d.payloadIndex());
    }

    /** The data path's decode through a reused {@link GreView}: the same checks, the same fields read. */
    @Benchmark
    public void greView(Blackhole bh) {
        GreView v = view.wrap(gre, 0, gre.limit());
        bh.consume(v.protocolType());
        bh.consume(v.key());
        bh.consume(v.sequenceNumber());
        bh.consume(v.payloadIndex());
    }

    /** The hand-written decode used the same way: the same fields read, the object let go. */
    @Benchmark
    public void greDecodeFieldsBaseline(Blackhole bh) {
        GreBaseline b = GreBaseline.decode(gre, 0);
        bh.consume(b.protocolType);
        bh.consume(b.key);
        bh.consume(b.sequence);
        bh.consume(b.headerLength);
    }

    /** The library's Key peek. */
    @Benchmark
    public long peekGreKey() {
        return GreDecoder.key(gre, 0);
    }

    /** A hand-written Key read doing the peek's work: K tested, the Checksum word skipped when C or R is set. */
    @Benchmark
    public long peekGreKeyBaseline() {
        int flags = gre.getShort(0);
        return (flags & 0x2000) != 0 ? gre.getInt((flags & 0xC000) != 0 ? 8 : 4) & 0xFFFF_FFFFL : -1;
    }

    /** The library's Protocol Type peek. */
    @Benchmark
    public int peekGreProtocolType() {
        return GreDecoder.protocolType(gre, 0);
    }

    /** A hand-written Protocol Type read. */
    @Benchmark
    public int peekGreProtocolTypeBaseline() {
        return gre.getShort(2) & 0xFFFF;
    }

    /** The library's WCCP decapsulation of vector W1, the inner packet handed back as a buffer view. */
    @Benchmark
    public void wccpDecapsulate(Blackhole bh) {
        decapsulator.decapsulate(wccp, 0, wccp.limit(), out);
        bh.consume(out.packet());
        bh.consume(out.serviceId());
    }

    /**
     * A hand-written strip-and-slice of vector W1 with the same checks: the baseline the goal
     * names. It hands back the inner packet as {@code ByteBuffer.slice(index, length)}.
     */
    @Benchmark
    public void wccpStripAndSliceBaseline(Blackhole bh) {
        int at = strip.strip(wccp);
        bh.consume(wccp.slice(at, strip.innerLength));
        bh.consume(strip.serviceId);
    }

    /** The same strip without producing the inner packet's buffer: the bare parsing cost. */
    @Benchmark
    public int wccpStripOnlyBaseline() {
        return strip.strip(wccp) + strip.serviceId;
    }

    /** Hand-written GRE decode result. */
    static final class GreBaseline {
        final int flags;
        final int protocolType;
        final long key;
        final long sequence;
        final int headerLength;

        private GreBaseline(int flags, int protocolType, long key, long sequence, int headerLength) {
            this.flags = flags;
            this.protocolType = protocolType;
            this.key = key;
            this.sequence = sequence;
            this.headerLength = headerLength;
        }

        static GreBaseline decode(ByteBuffer b, int i) {
            if (b.limit() - i < 4) {
                throw new IllegalArgumentException("short");
            }
            int flags = b.getShort(i) & 0xFFFF;
            if ((flags & 7) > 1) {
                throw new IllegalArgumentException("version");
            }
            int at = i + 4;
            if ((flags & 0xC000) != 0) {
                at += 4;
            }
            long key = -1;
            if ((flags & 0x2000) != 0) {
                key = b.getInt(at) & 0xFFFF_FFFFL;
                at += 4;
            }
            long seq = -1;
            if ((flags & 0x1000) != 0) {
                seq = b.getInt(at) & 0xFFFF_FFFFL;
                at += 4;
            }
            if (at > b.limit()) {
                throw new IllegalArgumentException("short");
            }
            return new GreBaseline(flags, b.getShort(i + 2) & 0xFFFF, key, seq, at - i);
        }
    }

    /** Hand-written WCCP strip: the same checks as the decapsulator, results in fields. */
    static final class BaselineStrip {
        private final int[] routers;
        private final boolean[] v2;
        int innerLength;
        int serviceId;

        BaselineStrip(int[] routers, boolean[] v2) {
            this.routers = routers;
            this.v2 = v2;
        }

        /** @return the inner packet's index, or -1 */
        int strip(ByteBuffer b) {
            int n = b.limit();
            if (n < 20 || (b.get(0) & 0xF0) != 0x40) {
                return -1;
            }
            int ihl = (b.get(0) & 0xF) * 4;
            int total = b.getShort(2) & 0xFFFF;
            if (ihl < 20 || total < ihl || total > n || (b.getShort(6) & 0x3FFF) != 0 || (b.get(9) & 0xFF) != 47) {
                return -1;
            }
            int source = b.getInt(12);
            int r = -1;
            for (int i = 0; i < routers.length; i++) {
                if (routers[i] == source) {
                    r = i;
                    break;
                }
            }
            if (r < 0 || total - ihl < 4 || b.getInt(ihl) != 0x0000883E) {
                return -1;
            }
            int at = ihl + 4;
            if (v2[r]) {
                if (total - at < 4) {
                    return -1;
                }
                serviceId = b.get(at + 1) & 0xFF;
                at += 4;
            }
            if (total - at < 20 || (b.get(at) & 0xF0) != 0x40) {
                return -1;
            }
            int innerTotal = b.getShort(at + 2) & 0xFFFF;
            if (innerTotal > total - at) {
                return -1;
            }
            innerLength = innerTotal;
            return at;
        }
    }
}
