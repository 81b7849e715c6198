package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * {@link LispDecapsulator} allocates nothing per packet: after warm-up, decapsulating accepted
 * frames of {@code lisp-data-variants.pcap} (outer IPv4 and IPv6, inner IPv4 and IPv6, LISP and
 * LISP-GPE, with Instance ID and source limits) into one reused holder costs 0 bytes per call as
 * {@link AllocationMeter} counts them, and so do refused ones (skipped on a JVM that cannot count).
 */
class LispDecapsulatorAllocationTest {

    @Test
    void shouldAllocateNothingToDecapsulate() {
        ByteBuffer[] accepted = {LispDecapsulatorTest.frame(1), LispDecapsulatorTest.frame(2), LispDecapsulatorTest.frame(3),
            LispDecapsulatorTest.frame(8), LispDecapsulatorTest.frame(12)};
        LispDecapsulator etr = new LispDecapsulator(List.of(4341), List.of(100, 2571, 5000), null);
        LispDecapsulation out = new LispDecapsulation();
        for (ByteBuffer b : accepted) {
            etr.decapsulateFrame(b, out); // the holder's view of each buffer is made once
        }
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            int n = next[0]++;
            return etr.decapsulateFrame(accepted[n % 4], out).ordinal() + out.innerLength();
        });
        assertThat(etr.count(LispDecapsulator.Verdict.ACCEPTED)).isEqualTo(etr.stats().packets()
                - etr.count(LispDecapsulator.Verdict.UNKNOWN_INSTANCE));
        assertThat(bytes).isZero();
    }

    @Test
    void shouldAllocateNothingToRefuse() {
        ByteBuffer[] refused = {LispDecapsulatorTest.frame(7), LispDecapsulatorTest.frame(16), LispDecapsulatorTest.frame(22),
            LispDecapsulatorTest.frame(23), LispDecapsulatorTest.frame(1).limit(20)};
        LispDecapsulator etr = new LispDecapsulator();
        LispDecapsulation out = new LispDecapsulation();
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            int n = next[0]++;
            return etr.decapsulateFrame(refused[n % refused.length], out).ordinal();
        });
        assertThat(etr.count(LispDecapsulator.Verdict.ACCEPTED)).isZero();
        assertThat(bytes).isZero();
    }
}
