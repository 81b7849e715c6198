package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.stt.SttReassembler.Verdict;

/** The engine's contract: verdicts and their counts, the caller's holder, giving buffers back. */
class SttReassemblerTest {
    private static final SttSegmenter SEGMENTER = SttSegmenter.ipv4(Ipv4Address.parse("192.0.2.1"),
            Ipv4Address.parse("192.0.2.9"), 64, 0);

    /** The segments of a frame of {@code innerLength} octets, Context ID and Frame Identifier {@code id}, 500 per segment. */
    private static ByteBuffer[] frame(int innerLength, long id) {
        ByteBuffer inner = ByteBuffer.allocate(innerLength);
        for (int i = 0; i < innerLength; i++) {
            inner.put(i, (byte) (i * 7 + id));
        }
        ByteBuffer[] out = SttTestSupport.buffers(SttSegmenter.segmentCount(innerLength, 500), 600);
        SEGMENTER.segment(SttFrameHeader.of(id), inner, id, 500, 0, out);
        return out;
    }

    @Test
    void shouldCountEveryVerdictAndSnapshotTheCounters() {
        SttReassembler r = new SttReassembler(SttReassembler.Limits.defaults());
        SttReassembly out = new SttReassembly();
        ByteBuffer[] segments = frame(1200, 5);
        assertThat(r.offer(segments[0], 0, out)).isEqualTo(Verdict.INCOMPLETE);
        assertThat(r.offer(segments[0], 0, out)).isEqualTo(Verdict.DUPLICATE);
        assertThat(out.frame()).as("the holder is filled only by COMPLETE").isNull();
        assertThat(r.offer(ByteBuffer.allocate(10), 0, out)).isEqualTo(Verdict.MALFORMED_OUTER);
        assertThat(r.offer(segments[1], 0, out)).isEqualTo(Verdict.INCOMPLETE);
        assertThat(r.offer(segments[2], 0, out)).isEqualTo(Verdict.COMPLETE);
        assertThat(r.count(Verdict.INCOMPLETE)).isEqualTo(2);
        assertThat(r.count(Verdict.DUPLICATE)).isEqualTo(1);
        assertThat(r.count(Verdict.COMPLETE)).isEqualTo(1);
        assertThat(r.count(Verdict.MALFORMED_OUTER)).isEqualTo(1);
        SttReassembler.Stats s = r.stats();
        assertThat(s.segments()).isEqualTo(5);
        assertThat(s.completed()).isEqualTo(1);
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(s.rejected()).isEqualTo(1);
        assertThat(s.verdicts()).hasSize(Verdict.values().length).containsEntry(Verdict.NOT_STT, 0L);
        assertThat(s.framesInFlight()).isZero();
        assertThat(s.bytesHeld()).isEqualTo(r.bytesHeld());
        assertThatThrownBy(() -> s.verdicts().put(Verdict.NOT_STT, 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new SttReassembler.Stats(Map.of(Verdict.COMPLETE, 2L), 0, 0, 0, 0).count(Verdict.NOT_STT)).isZero();
        for (Verdict v : Verdict.values()) {
            assertThat(v.rejected()).as(v.name())
                    .isEqualTo(v != Verdict.INCOMPLETE && v != Verdict.DUPLICATE && v != Verdict.COMPLETE);
        }
    }

    @Test
    void shouldHoldTheCompleteFrameAndGiveItsBufferBackOnce() {
        SttReassembler r = new SttReassembler(SttReassembler.Limits.defaults());
        SttReassembly out = new SttReassembly();
        ByteBuffer[] segments = frame(1200, 5);
        for (ByteBuffer s : segments) {
            r.offer(s, 0, out);
        }
        assertThat(out.pooled()).isTrue();
        assertThat(out.frameLength()).isEqualTo(1218).isEqualTo(out.frame().remaining());
        assertThat(out.innerFrame().remaining()).isEqualTo(1200);
        assertThat(out.innerFrame().get(out.innerFrame().position() + 1)).isEqualTo((byte) 12);
        assertThat(out.frameIdentifier()).isEqualTo(5);
        assertThat(out.contextId()).isEqualTo(5);
        assertThat(out.segments()).isEqualTo(3);
        assertThat(out.congestionExperienced()).isFalse();
        long held = r.bytesHeld();
        r.release(out);
        assertThat(out.pooled()).isFalse();
        long pooled = r.bytesHeld();
        assertThat(pooled).isGreaterThan(held);
        r.release(out);
        out.release();
        assertThat(r.bytesHeld()).as("a second release gives nothing back").isEqualTo(pooled);
        // The next frame of the same size reuses the pooled buffer.
        for (ByteBuffer s : frame(1200, 6)) {
            r.offer(s, 0, out);
        }
        assertThat(r.bytesHeld()).isEqualTo(held);
        assertThat(out.contextId()).isEqualTo(6);
    }

    @Test
    void shouldGiveThePreviousFrameBackWhenTheHolderTakesTheNext() {
        SttReassembler r = new SttReassembler(SttReassembler.Limits.defaults());
        SttReassembly out = new SttReassembly();
        for (ByteBuffer s : frame(1200, 5)) {
            r.offer(s, 0, out);
        }
        SttFrameHeader first = out.header();
        long held = r.bytesHeld(); // the holder's buffer is the caller's, not counted
        for (ByteBuffer s : frame(1200, 5)) {
            r.offer(s, 0, out);
        }
        assertThat(out.header()).as("the same header octets give the same record").isSameAs(first);
        assertThat(r.bytesHeld()).as("the first frame's buffer went back to the pool")
                .isEqualTo(held + SttBufferPool.cost(SttBufferPool.sizeClass(1218)));
        SttReassembler other = new SttReassembler(SttReassembler.Limits.defaults());
        assertThatThrownBy(() -> other.release(out)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldHandBackASingleSegmentFrameAsAViewOfThePacket() {
        SttReassembler r = new SttReassembler(SttReassembler.Limits.defaults());
        SttReassembly out = new SttReassembly();
        ByteBuffer[] one = frame(300, 9);
        assertThat(one).hasSize(1);
        ByteBuffer packet = ByteBuffer.allocate(one[0].limit() + 10);
        packet.put(10, one[0], 0, one[0].limit());
        assertThat(r.offer(packet, 10, packet.limit(), 0, out)).isEqualTo(Verdict.COMPLETE);
        assertThat(out.pooled()).isFalse();
        assertThat(out.frame().position()).isEqualTo(10 + 40);
        assertThat(out.innerFrame().position()).isEqualTo(10 + 40 + 18);
        assertThat(out.innerFrame().limit()).isEqualTo(packet.limit());
        assertThat(out.header()).isEqualTo(SttFrameHeader.of(9));
        assertThat(r.framesInFlight()).isZero();
    }

    @Test
    void shouldRefuseACompleteFrameWithABadHeaderAndKeepItsBuffer() {
        SttReassembler r = new SttReassembler(SttReassembler.Limits.defaults());
        SttReassembly out = new SttReassembly();
        ByteBuffer[] segments = frame(1200, 5);
        segments[0].put(40, (byte) 1); // Version 1, which also breaks the segment's TCP checksum
        SttReassembler lax = new SttReassembler(new SttReassembler.Limits(4L << 20, 256, 64, 1_000_000_000L, false, 7471));
        Verdict last = null;
        for (ByteBuffer s : segments) {
            last = lax.offer(s, 0, out);
        }
        assertThat(last).isEqualTo(Verdict.BAD_FRAME_HEADER);
        assertThat(out.frame()).isNull();
        assertThat(lax.framesInFlight()).isZero();
        assertThat(lax.count(Verdict.BAD_FRAME_HEADER)).isEqualTo(1);
        assertThat(r.offer(segments[0], 0, out)).isEqualTo(Verdict.BAD_CHECKSUM);
    }
}
