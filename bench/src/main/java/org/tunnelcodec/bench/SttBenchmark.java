package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.stt.SttFrameHeader;
import org.tunnelcodec.stt.SttReassembler;
import org.tunnelcodec.stt.SttReassembly;
import org.tunnelcodec.stt.SttSegmenter;

/**
 * STT: reassembling one 65,535-octet frame from its 46 segments of 1,448 octets, in order and
 * shuffled, and segmenting it, each beside a plain copy of the same bytes in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SttBenchmark {
    private static final int MSS = 1448;
    private static final int INNER = 65535 - 18;

    /** Whether the reassembler verifies each segment's TCP checksum (it does by default). */
    @Param({"true", "false"})
    public boolean verifyChecksums;

    private ByteBuffer inner;
    private ByteBuffer[] inOrder;
    private ByteBuffer[] shuffled;
    private ByteBuffer[] out;
    private byte[] copyTarget;
    private SttReassembler reassembler;
    private final SttReassembly frame = new SttReassembly();
    private SttSegmenter segmenter;
    private SttSegmenter offloading;
    private long now;

    /** Builds the segments once. */
    @Setup
    public void setUp() {
        byte[] b = new byte[INNER];
        new Random(7).nextBytes(b);
        inner = ByteBuffer.wrap(b);
        segmenter = SttSegmenter.ipv4(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("192.0.2.2"), 64, 0);
        offloading = segmenter.withChecksumOffload();
        int n = SttSegmenter.segmentCount(INNER, MSS);
        inOrder = new ByteBuffer[n];
        out = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            inOrder[i] = ByteBuffer.allocate(MSS + 40);
            out[i] = ByteBuffer.allocate(MSS + 40);
        }
        segmenter.segment(SttFrameHeader.of(1), inner, 1, MSS, 0, inOrder);
        List<ByteBuffer> list = new ArrayList<>(List.of(inOrder));
        Collections.shuffle(list, new Random(3));
        shuffled = list.toArray(new ByteBuffer[0]);
        copyTarget = new byte[65536];
        reassembler = new SttReassembler(new SttReassembler.Limits(4L << 20, 256, 64, Long.MAX_VALUE, verifyChecksums, 7471));
        if (reassemble(inOrder) != SttReassembler.Verdict.COMPLETE) {
            throw new IllegalStateException("the frame did not reassemble");
        }
    }

    private SttReassembler.Verdict reassemble(ByteBuffer[] segments) {
        SttReassembler.Verdict v = null;
        for (ByteBuffer s : segments) {
            v = reassembler.offer(s, 0, s.limit(), now++, frame);
        }
        if (v == SttReassembler.Verdict.COMPLETE) {
            reassembler.release(frame);
        }
        return v;
    }

    /** Reassembly, segments in order; the frame buffer goes back to the pool each time. */
    @Benchmark
    public SttReassembler.Verdict reassembleInOrder() {
        return reassemble(inOrder);
    }

    /** Reassembly, segments shuffled. */
    @Benchmark
    public SttReassembler.Verdict reassembleShuffled() {
        return reassemble(shuffled);
    }

    /** The baseline: copy the same 46 segment payloads into one buffer, at their offsets. */
    @Benchmark
    public byte[] copyPayloadsBaseline() {
        int at = 0;
        for (ByteBuffer s : inOrder) {
            int payload = s.limit() - 40;
            s.get(40, copyTarget, at, payload);
            at += payload;
        }
        return copyTarget;
    }

    /** Segmentation of the 64 KiB frame into 46 segments, checksums filled. */
    @Benchmark
    public ByteBuffer[] segment() {
        for (ByteBuffer o : out) {
            o.clear();
        }
        segmenter.segment(SttFrameHeader.of(1), inner, 1, MSS, 0, out);
        return out;
    }

    /** Segmentation with the TCP checksum left to the NIC ({@code withChecksumOffload}). */
    @Benchmark
    public ByteBuffer[] segmentWithChecksumOffload() {
        for (ByteBuffer o : out) {
            o.clear();
        }
        offloading.segment(SttFrameHeader.of(1), inner, 1, MSS, 0, out);
        return out;
    }

    /** The baseline: copy the frame's bytes into the same 46 buffers. */
    @Benchmark
    public ByteBuffer[] copyIntoSegmentsBaseline() {
        int at = 0;
        for (ByteBuffer o : out) {
            int n = Math.min(MSS, INNER - at);
            if (n <= 0) {
                break;
            }
            o.put(40, inner, at, n);
            at += n;
        }
        return out;
    }
}
