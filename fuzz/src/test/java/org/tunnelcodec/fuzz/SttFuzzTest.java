package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tunnelcodec.stt.SttReassembler;
import org.tunnelcodec.stt.SttReassembly;

/**
 * Fuzz tests of the STT module: the frame and segment header decoders and the reassembler.
 */
class SttFuzzTest {
    @FuzzTest
    void sttFrame(byte[] data) {
        Contract.decoder(data, Decoders.STT_FRAME, Decoders.STT_FRAME_AT);
    }

    @FuzzTest
    void sttSegment(byte[] data) {
        Contract.decoder(data, Decoders.STT_SEGMENT, Decoders.STT_SEGMENT_AT);
    }

    /**
     * A sequence of outer IP packets through one reassembler with small limits. The input is
     * a flags octet (bit 0: verify checksums), then records of a time step octet (in units of
     * 2^16 ns; the frame timeout is 2^22 ns), a 2-octet length and that many octets of packet.
     * After every segment the limits hold and the counters agree with the results; a complete
     * frame decodes; and the whole sequence gives the same results when each packet lies in a
     * direct little-endian buffer with other bytes past its limit.
     */
    @FuzzTest
    void sttReassembler(byte[] data) {
        List<Object> heap = Reassembly.run(data, false);
        List<Object> direct = Reassembly.run(data, true);
        check(heap.equals(direct), "the reassembly depends on bytes past the limit, the byte order or the buffer kind",
                data, heap + " vs " + direct);
    }

    /** One reassembly run over a fuzz input. */
    private static final class Reassembly {
        private static final long TIMEOUT = 1L << 22;
        private static final long MAX_BYTES = 24 * 1024;
        private static final int MAX_FRAMES = 8;
        private static final int MAX_SEGMENTS = 16;

        /** A complete frame, in comparable form. */
        record Frame(Object header, String frame, int innerLength, long identifier, int segments,
                     boolean congestion) {
        }

        static List<Object> run(byte[] data, boolean direct) {
            if (data.length == 0) {
                return List.of();
            }
            SttReassembler.Limits limits = new SttReassembler.Limits(MAX_BYTES, MAX_FRAMES, MAX_SEGMENTS, TIMEOUT,
                    (data[0] & 1) != 0, SttReassembler.Limits.defaults().port());
            SttReassembler r = new SttReassembler(limits);
            SttReassembly out = new SttReassembly();
            List<Object> results = new ArrayList<>();
            Map<SttReassembler.Verdict, Long> verdicts = new EnumMap<>(SttReassembler.Verdict.class);
            long completed = 0;
            long now = 0;
            int at = 1;
            while (at + 3 <= data.length) {
                now += (data[at] & 0xFFL) << 16;
                int length = Math.min((data[at + 1] & 0xFF) << 8 | data[at + 2] & 0xFF, data.length - at - 3);
                byte[] packet = Arrays.copyOfRange(data, at + 3, at + 3 + length);
                at += 3 + length;
                ByteBuffer src = Contract.place(packet, direct);
                byte[] before = Contract.contentOf(src);
                SttReassembler.Verdict verdict = r.offer(src, Contract.INDEX, Contract.INDEX + length, now, out);
                check(Arrays.equals(Contract.contentOf(src), before) && src.position() == Contract.INDEX,
                        "the reassembler changed the packet", data, "");
                verdicts.merge(verdict, 1L, Long::sum);
                if (verdict == SttReassembler.Verdict.COMPLETE) {
                    completed++;
                    results.add(frame(data, out));
                    out.release();
                } else {
                    results.add(verdict);
                }
                SttReassembler.Stats stats = r.stats();
                check(r.bytesHeld() <= MAX_BYTES && stats.bytesHeld() == r.bytesHeld(), "bytes held above the limit",
                        data, stats.toString());
                check(r.framesInFlight() <= MAX_FRAMES && stats.framesInFlight() == r.framesInFlight(),
                        "frames in flight above the limit", data, stats.toString());
                check(stats.segments() == results.size() && stats.completed() == completed,
                        "the counters disagree with the results", data, stats.toString());
                for (SttReassembler.Verdict v : SttReassembler.Verdict.values()) {
                    check(stats.count(v) == verdicts.getOrDefault(v, 0L) && r.count(v) == stats.count(v),
                            "the verdict counters disagree with the results", data, stats.toString());
                }
            }
            return results;
        }

        private static Frame frame(byte[] data, SttReassembly c) {
            byte[] bytes = new byte[c.frameLength()];
            c.frame().duplicate().get(bytes);
            byte[] inner = new byte[c.innerFrame().remaining()];
            c.innerFrame().duplicate().get(inner);
            Object decoded = Contract.outcome(bytes, src -> Contract.Accepted.of(
                    Decoders.STT_FRAME_AT.decode(src, src.position(), src.limit()), src.position()));
            check(decoded instanceof Contract.Accepted a && a.header().equals(c.header())
                    && Arrays.equals(inner, Arrays.copyOfRange(bytes, a.headerLength(), bytes.length))
                    && c.segments() >= 1 && c.segments() <= MAX_SEGMENTS,
                    "a complete frame does not decode to its header and inner frame", data, decoded.toString());
            return new Frame(c.header(), Contract.hex(bytes), inner.length, c.frameIdentifier(), c.segments(),
                    c.congestionExperienced());
        }
    }
}
