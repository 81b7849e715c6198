package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
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

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldAllocateNothingToDecapsulate() {
        ByteBuffer[] accepted = {LispDecapsulatorTest.frame(2), LispDecapsulatorTest.frame(3), LispDecapsulatorTest.frame(8),
            LispDecapsulatorTest.frame(18), LispDecapsulatorTest.frame(21)};
        LispDecapsulator etr = new LispDecapsulator(List.of(4341), List.of(2571, 100, 5000, 7, 11259375),
                List.of(address("192.0.2.1"), address("2001:db8::1")));
        LispDecapsulation out = new LispDecapsulation();
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            int n = next[0]++;
            return etr.decapsulateFrame(accepted[n % accepted.length], out).ordinal() + out.innerLength();
        });
        assertThat(etr.count(LispDecapsulator.Verdict.ACCEPTED)).isEqualTo(etr.stats().packets()).isPositive();
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
