package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.transport.TcpFlags;

/**
 * A million random and adversarial segments against small limits: every one with a valid
 * checksum, so that it reaches the reassembly logic. Overlaps with other bytes, lying and
 * changing Frame Lengths, segments past the end, floods of new Frame Identifiers, garbage. The
 * reassembler never throws and never holds more than its limits, after every segment.
 */
class SttReassemblerHostileTest {
    /** Writes an outer IPv4 packet with an STT segment of {@code payload} octets; returns its length. */
    private static int segment(ByteBuffer packet, int source, long id, int frameLength, int offset, int payload, byte fill) {
        int length = 40 + payload;
        packet.putInt(0, 0x45000000 | length).putInt(4, 0x4000).putInt(8, 0x40060000);
        packet.putInt(12, 0xC0000201 + source).putInt(16, 0xC0000209);
        packet.putShort(10, (short) 0).putShort(10, (short) InternetChecksum.checksum(packet, 0, 20, 0));
        SttSegmentHeader h = new SttSegmentHeader(50000, 7471, frameLength, offset, id, 0, TcpFlags.of(TcpFlags.ACK),
                65535, 0, 0);
        SttSegmentEncoder.encode(h, packet.position(20));
        packet.position(0);
        for (int k = 0; k < payload; k++) {
            packet.put(40 + k, (byte) (fill + k));
        }
        SttSegmentEncoder.fillChecksum(packet, 20, 20 + payload, InternetChecksum.ipv4PseudoHeaderSum(
                Ipv4Address.of(0xC0000201 + source), Ipv4Address.of(0xC0000209), 6, 20 + payload));
        return length;
    }

    @Test
    void shouldStayWithinItsLimitsAndNeverThrowUnderAMillionHostileSegments() {
        SttReassembler.Limits limits = SttTestSupport.SMALL_LIMITS;
        SttReassembler r = new SttReassembler(limits);
        SttReassembly out = new SttReassembly();
        SplittableRandom random = new SplittableRandom(20261121);
        ByteBuffer packet = ByteBuffer.allocate(20 + 20 + 1500);
        long now = 0;
        int complete = 0;
        // A frame split into more distinct segments than the limit is dropped at the 17th.
        for (int j = 0; j < 16; j++) {
            assertThat(r.offer(packet, 0, segment(packet, 0, 0x4000_0000, 1000, j * 2, 1, (byte) 7), now, out))
                    .isEqualTo(SttReassembler.Verdict.INCOMPLETE);
        }
        assertThat(r.offer(packet, 0, segment(packet, 0, 0x4000_0000, 1000, 40, 1, (byte) 7), now, out))
                .isEqualTo(SttReassembler.Verdict.TOO_MANY_SEGMENTS);
        for (int i = 0; i < 1_000_000; i++) {
            int kind = random.nextInt(100);
            int length;
            if (kind < 3) {
                // garbage
                length = random.nextInt(1, 80);
                for (int k = 0; k < length; k++) {
                    packet.put(k, (byte) random.nextInt());
                }
            } else {
                int source = random.nextInt(4);
                long id = kind < 40 ? random.nextInt(1 << 30) : random.nextInt(8); // flood, or a few frames
                int frameLength = kind < 60 ? 18 + random.nextInt(4000) : 1000 + (int) id * 100;
                int offset = random.nextInt(frameLength);
                int size = kind % 7 == 0 ? 1 + random.nextInt(8) : 1 + random.nextInt(1500);
                int payload = Math.min(size, kind < 80 ? frameLength - offset : 1500);
                byte fill = (byte) (kind < 90 ? offset : random.nextInt()); // same bytes, or different ones
                length = segment(packet, source, id, frameLength, offset, payload, fill);
            }
            now += random.nextInt(200) == 0 ? 6_000 : random.nextInt(3); // now and then, past the timeout
            SttReassembler.Verdict verdict = r.offer(packet, 0, length, now, out);
            if (verdict == SttReassembler.Verdict.COMPLETE) {
                complete++;
                if (random.nextBoolean()) {
                    r.release(out); // else the holder gives it back when it takes the next frame
                }
            }
            assertThat(r.bytesHeld()).isLessThanOrEqualTo(limits.maxBytes());
            assertThat(r.framesInFlight()).isLessThanOrEqualTo(limits.maxFrames());
        }
        SttReassembler.Stats s = r.stats();
        assertThat(s.segments()).isEqualTo(1_000_017);
        assertThat(s.completed()).isEqualTo(complete).isPositive();
        assertThat(s.evicted()).isPositive();
        assertThat(s.timedOut()).isPositive();
        assertThat(s.duplicates()).isPositive();
        for (SttReassembler.Verdict verdict : new SttReassembler.Verdict[] {SttReassembler.Verdict.MALFORMED_OUTER,
                SttReassembler.Verdict.SEGMENT_PAST_END, SttReassembler.Verdict.LENGTH_MISMATCH,
                SttReassembler.Verdict.OVERLAP_CONFLICT, SttReassembler.Verdict.TOO_MANY_SEGMENTS,
                SttReassembler.Verdict.INCOMPLETE}) {
            assertThat(s.count(verdict)).as(verdict.name()).isPositive().isEqualTo(r.count(verdict));
        }
        assertThat(s.completed() + s.duplicates() + s.count(SttReassembler.Verdict.INCOMPLETE) + s.rejected())
                .isEqualTo(s.segments());
    }
}
