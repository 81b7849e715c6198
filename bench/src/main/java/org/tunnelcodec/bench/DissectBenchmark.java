package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.gre.GreLayers;
import org.tunnelcodec.lisp.LispControlLayers;
import org.tunnelcodec.lisp.LispLayers;
import org.tunnelcodec.mip6.Mip6Layers;
import org.tunnelcodec.mpls.MplsLayers;
import org.tunnelcodec.stt.SttLayers;
import org.tunnelcodec.vxlan.VxlanLayers;
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
import org.openjdk.jmh.infra.Blackhole;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.Packet;

/**
 * Walking every layer of the six shared benchmark frames ({@code shared/bench/frames.tsv}):
 * pcap4j 1.8.2 beside a hand-written walk ({@link HandWrittenWalk}) in the same run. The layers
 * each side reaches, and the check that the hand-written walk reaches every layer listed for
 * the frame, are in {@link DissectLayers}; {@link #setUp()} runs that check, and the check that
 * tunnelcodec's {@code dissect} and {@link FrameWalk} reach the layers they are known to reach
 * (on {@code c_mpls3}, through the label stack to the inner UDP), so a wrong walk fails the
 * benchmark instead of timing less work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DissectBenchmark {
    /** The frame, by its name in {@code frames.tsv}. */
    @Param({"a_gre_key_seq", "b_gre_wccpv2", "c_mpls3", "d_lisp", "e_mip6_bu", "f_stt_first_segment"})
    public String frame;

    /** The frame's bytes, for the APIs that take an array. */
    private byte[] bytes;
    /** The frame wrapped once, big-endian, position 0, limit its length. Never moved. */
    private ByteBuffer buffer;
    /** The hand-written walk's output, {@link HandWrittenWalk#STRIDE} ints per layer. */
    private final int[] layers = HandWrittenWalk.newLayers();

    /** Loads the frame and checks that the hand-written walk and the dissector reach every layer they should. */
    @Setup
    public void setUp() throws IllegalRawDataException {
        bytes = Frames.shared(frame);
        buffer = ByteBuffer.wrap(bytes);
        DissectLayers.checkHandWritten(frame, buffer);
        DissectLayers.checkDissector(frame, buffer);
        DissectLayers.pcap4jLayers(bytes); // fails here, not in the timed loop, if pcap4j rejects the frame
    }

    /**
     * pcap4j: build the packet, then walk its payload chain so any part built on demand is
     * built; the packet and its layer count go to the blackhole.
     */
    @Benchmark
    public int pcap4j(Blackhole bh) throws IllegalRawDataException {
        Packet packet = EthernetPacket.newPacket(bytes, 0, bytes.length);
        int n = 0;
        for (Packet p = packet; p != null; p = p.getPayload()) {
            n++;
        }
        bh.consume(packet);
        return n;
    }

    /** The hand-written walk: every layer's id, offset, header and payload length into an int array. */
    @Benchmark
    public int handWritten() {
        return HandWrittenWalk.walk(buffer, layers);
    }

    // ---- The project's Dissector ----------------------------------------------------------

    /** Every module's layers, composed as tunneldump composes them (STT without a reassembler). */
    static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .add(SttLayers.bindings()).add(MplsLayers.bindings()).add(VxlanLayers.bindings()).add(LispLayers.bindings())
            .add(LispControlLayers.bindings()).add(Mip6Layers.bindings()).build();

    /** The allocation-free walk, one per benchmark thread as a data path keeps one per thread. */
    private final FrameWalk walk = DISSECTOR.newWalk();

    /** {@code Dissector.dissect}: every layer with its record, in an immutable result. */
    @Benchmark
    public Dissection dissect() {
        return DISSECTOR.dissect(LinkType.ETHERNET, buffer);
    }

    /**
     * The allocation-free walk: every layer's id, offset, header length and payload length,
     * what the hand-written walk records per layer; the sum goes to the caller so nothing is
     * left unread.
     */
    @Benchmark
    public long walk() {
        FrameWalk w = walk.wrap(LinkType.ETHERNET, buffer, 0, buffer.limit(), 0);
        long sum = 0;
        while (w.next()) {
            sum += w.layerId() + w.offset() + w.headerLength() + w.payloadLength();
        }
        return sum;
    }

    /** {@code dissect} and then every layer's summary line, as a dump prints it. */
    @Benchmark
    public void dissectAndSummarize(Blackhole bh) {
        for (DissectedLayer l : DISSECTOR.dissect(LinkType.ETHERNET, buffer).layers()) {
            bh.consume(l.summary());
        }
    }
}
