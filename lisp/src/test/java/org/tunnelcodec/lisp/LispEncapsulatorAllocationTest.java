package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * {@link LispEncapsulator#push} allocates nothing: after warm-up, each of its four forms (the
 * template's header, the caller's flow hash, a nonce drawn from the caller's generator, the
 * caller's nonce and echo request) over IPv4 and IPv6 outer headers, with a computed UDP
 * checksum too, costs 0 bytes per call as {@link AllocationMeter} counts them (skipped on a JVM
 * that cannot count).
 */
class LispEncapsulatorAllocationTest {

    @Test
    void shouldAllocateNothingToPush() {
        LispEncapsulator v4 = LispEncapsulator.ipv4(LispEncapsulatorTest.ITR4, LispEncapsulatorTest.ETR4).build();
        LispEncapsulator v6 = LispEncapsulator.ipv6(LispEncapsulatorTest.ITR6, LispEncapsulatorTest.ETR6)
                .udpChecksum(UdpChecksumMode.COMPUTE).flowLabelFromFlowHash().build();
        ByteBuffer a = LispEncapsulatorTest.behindHeadroom(LispEncapsulatorTest.ipv4Packet(0xB8, 64));
        ByteBuffer b = LispEncapsulatorTest.behindHeadroom(LispEncapsulatorTest.ipv6Packet(0x01, 64));
        int h = LispEncapsulatorTest.HEADROOM;
        SplittableRandom random = new SplittableRandom(7);
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            int n = next[0]++;
            return switch (n & 3) {
                case 0 -> v4.push(a, h, a.limit());
                case 1 -> v6.push(b, h, b.limit(), n);
                case 2 -> v4.push(a, h, a.limit(), random);
                default -> v6.push(b, h, b.limit(), n, n & 0xFFFF, (n & 4) != 0);
            };
        });
        assertThat(bytes).isZero();
    }
}
