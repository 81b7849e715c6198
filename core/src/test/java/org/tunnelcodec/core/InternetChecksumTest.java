package org.tunnelcodec.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {
    private static ByteBuffer hex(String s) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(s));
    }

    @Test
    void shouldSumTheRfc1071Section3Example() {
        // RFC 1071 §3: the bytes 00 01 f2 03 f4 f5 f6 f7 sum to ddf2 (so the checksum is 220d).
        ByteBuffer b = hex("0001f203f4f5f6f7");
        assertThat(InternetChecksum.sum(b, 0, 8)).isEqualTo(0xddf2);
        assertThat(InternetChecksum.checksum(b, 0, 8, 0)).isEqualTo(0x220d);
        assertThat(InternetChecksum.sum(b.duplicate().order(ByteOrder.LITTLE_ENDIAN), 0, 8)).isEqualTo(0xddf2);
    }

    @Test
    void shouldUpdateIncrementallyAsRfc1624Section4Shows() {
        // RFC 1624 §4: m = 0x5555 becomes 0x3285, HC = 0xDD2F, and eqn. 3 gives HC' = 0x0000.
        assertThat(InternetChecksum.update(0xDD2F, 0x5555, 0x3285)).isEqualTo(0x0000);
    }

    @Test
    void shouldVerifyAWellKnownIpv4HeaderChecksum() {
        // The IPv4 header 4500 0073 0000 4000 4011 [b861] c0a8 0001 c0a8 00c7 (checksum b861),
        // the example used by Wikipedia's "IPv4 header checksum" article.
        ByteBuffer header = hex("450000730000400040110000c0a80001c0a800c7");
        assertThat(InternetChecksum.checksum(header, 0, 20, 0)).isEqualTo(0xb861);
        header.put(10, (byte) 0xb8).put(11, (byte) 0x61);
        assertThat(InternetChecksum.verifies(header, 0, 20, 0)).isTrue();
    }

    @Property(tries = 2000)
    void shouldAgreeWithTheByteAtATimeDefinition(@ForAll @Size(max = 3000) byte[] data,
                                                 @ForAll @IntRange(max = 7) int offset, @ForAll boolean littleEndian,
                                                 @ForAll boolean direct) {
        ByteBuffer b = direct ? ByteBuffer.allocateDirect(offset + data.length) : ByteBuffer.allocate(offset + data.length);
        b.put(offset, data);
        if (littleEndian) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        }
        long sum = 0;
        for (int i = 0; i < data.length; i += 2) {
            sum += (data[i] & 0xFF) << 8 | (i + 1 < data.length ? data[i + 1] & 0xFF : 0);
        }
        while (sum > 0xFFFF) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        assertThat(InternetChecksum.sum(b, offset, data.length)).isEqualTo((int) sum);
        assertThat(b.position()).isZero();
        // A heap slice at a non-zero array offset, with other octets around it in its array.
        byte[] backing = new byte[offset + 1 + data.length + 9];
        java.util.Arrays.fill(backing, (byte) 0x77);
        System.arraycopy(data, 0, backing, offset + 1, data.length);
        ByteBuffer slice = ByteBuffer.wrap(backing, offset + 1, data.length).slice();
        assertThat(InternetChecksum.sum(slice, 0, data.length)).isEqualTo((int) sum);
        assertThat(InternetChecksum.sum(slice.asReadOnlyBuffer(), 0, data.length)).isEqualTo((int) sum);
        assertThat(InternetChecksum.sum(backing, offset + 1, data.length)).isEqualTo((int) sum);
    }

    @Property(tries = 2000)
    void shouldUpdateAsARecomputationWould(@ForAll @Size(min = 2, max = 64) byte[] data, @ForAll int word,
                                           @ForAll @IntRange(max = 31) int at) {
        byte[] even = java.util.Arrays.copyOf(data, data.length & ~1);
        if (even.length == 0) {
            return;
        }
        int i = (at * 2) % even.length;
        ByteBuffer b = ByteBuffer.wrap(even);
        int before = InternetChecksum.checksum(b, 0, even.length, 0);
        int oldWord = b.getShort(i) & 0xFFFF;
        int newWord = word & 0xFFFF;
        b.putShort(i, (short) newWord);
        int recomputed = InternetChecksum.checksum(b, 0, even.length, 0);
        int updated = InternetChecksum.update(before, oldWord, newWord);
        // RFC 1624 §3: eqn. 3 may give 0xFFFF where recomputation gives 0x0000 and vice versa
        // only when the data sums to zero; both are the same one's complement value.
        assertThat(updated == recomputed || (updated ^ recomputed) == 0xFFFF && (updated == 0 || recomputed == 0))
                .as("updated %04x recomputed %04x", updated, recomputed).isTrue();
    }
}
