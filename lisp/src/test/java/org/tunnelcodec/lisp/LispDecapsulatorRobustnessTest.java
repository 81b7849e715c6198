package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.testdata.Captures;

/**
 * Bad bytes are verdicts, never exceptions, and the buffer is left untouched: every prefix of
 * every frame of {@code lisp-data-variants.pcap}, and 300 seeded random mutations of each (1 to
 * 4 octets changed, some cut), go through {@link LispDecapsulator#decapsulateFrame} and, from
 * offset 14, {@link LispDecapsulator#decapsulate}; each call returns a verdict, counted once,
 * and leaves the bytes, position and limit as they were; an accepted inner packet is within the
 * range and starts with the version nibble reported.
 */
class LispDecapsulatorRobustnessTest {
    private final LispDecapsulator etr = new LispDecapsulator();
    private final LispDecapsulator strict = new LispDecapsulator(List.of(4341, 4789), List.of(5000, 100),
            List.of(InetAddress.getLoopbackAddress()));
    private final LispDecapsulator other = new LispDecapsulator();
    private final LispDecapsulation out = new LispDecapsulation();
    private long calls;

    private void check(ByteBuffer b) {
        byte[] before = b.array().clone();
        int position = b.position();
        int limit = b.limit();
        if (etr.decapsulateFrame(b, out) == LispDecapsulator.Verdict.ACCEPTED) {
            // An accepted inner packet lies within the UDP payload and starts with its version.
            assertThat(out.innerIndex() + out.innerLength()).isLessThanOrEqualTo(limit);
            assertThat(b.get(out.innerIndex()) >> 4 & 0xF).isEqualTo(out.innerVersion());
        }
        assertThat(strict.decapsulateFrame(b, out)).isNotNull();
        calls++;
        if (limit >= 14) {
            assertThat(etr.decapsulate(b, 14, limit, out)).isNotNull();
            assertThat(strict.decapsulate(b, 14, limit, out)).isNotNull();
            calls++;
        }
        assertThat(b.array()).isEqualTo(before);
        assertThat(b.position()).isEqualTo(position);
        assertThat(b.limit()).isEqualTo(limit);
        sameInEveryKindOfBuffer(b);
    }

    /**
     * The same octets give the same verdict and result in a heap buffer, a slice of a larger
     * array (the decapsulator reads a heap buffer through its array, from its array offset), a
     * read-only buffer and a direct one (both read through the buffer).
     */
    private void sameInEveryKindOfBuffer(ByteBuffer b) {
        LispDecapsulator.Verdict verdict = other.decapsulateFrame(b, out);
        String expected = result(verdict);
        int shift = 1 + (int) (calls % 7);
        byte[] backing = new byte[shift + b.limit() + 3];
        java.util.Arrays.fill(backing, (byte) 0x45); // what a read from the wrong offset would see
        System.arraycopy(b.array(), 0, backing, shift, b.limit());
        ByteBuffer slice = ByteBuffer.wrap(backing, shift, b.limit()).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(b.limit()).put(0, b.array(), 0, b.limit());
        for (ByteBuffer other : new ByteBuffer[] {slice, b.asReadOnlyBuffer(), direct}) {
            assertThat(result(this.other.decapsulateFrame(other, out))).as(other.toString()).isEqualTo(expected);
        }
    }

    private String result(LispDecapsulator.Verdict verdict) {
        if (verdict != LispDecapsulator.Verdict.ACCEPTED) {
            return verdict.toString();
        }
        return verdict + " inner " + out.innerIndex() + "+" + out.innerLength() + " v" + out.innerVersion()
                + " flags " + out.flags() + " iid " + out.instanceId() + " nonce " + out.nonce() + " lsb "
                + out.locatorStatusBits() + " outer " + out.outerIpv6() + " " + out.outerSourceHigh() + "/"
                + out.outerSourceLow() + " > " + out.outerDestinationHigh() + "/" + out.outerDestinationLow() + " tos "
                + out.outerTos() + " ttl " + out.outerTtl() + " ports " + out.udpSourcePort() + ">"
                + out.udpDestinationPort() + " gpe " + out.gpeNextProtocol() + " ecn " + out.innerEcn();
    }

    @Test
    void shouldGiveOnlyVerdictsForEveryPrefixAndRandomMutations() {
        CaptureFile capture = Captures.generated("lisp-data-variants.pcap");
        Random random = new Random(9300);
        for (CapturedFrame frame : capture.frames()) {
            for (int cut = 0; cut <= frame.capturedLength(); cut++) {
                check(frame.copy().limit(cut));
            }
            for (int i = 0; i < 300; i++) {
                ByteBuffer b = frame.copy();
                int changes = 1 + random.nextInt(4);
                for (int c = 0; c < changes; c++) {
                    b.put(random.nextInt(b.limit()), (byte) random.nextInt(256));
                }
                if (random.nextInt(4) == 0) {
                    b.limit(random.nextInt(b.limit() + 1));
                }
                check(b);
            }
        }
        assertThat(etr.stats().packets()).isEqualTo(calls);
        assertThat(strict.stats().packets()).isEqualTo(calls);
    }
}
