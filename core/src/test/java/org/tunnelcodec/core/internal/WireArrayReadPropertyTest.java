package org.tunnelcodec.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The array-path reads ({@link Wire#array}, {@link Wire#shift} and the reads that take them)
 * give the big-endian value of the octets at a buffer index, whatever the buffer: a heap
 * buffer that is a slice of a larger array (a non-zero array offset), a read-only one (no
 * array: the buffer path), a direct one, either byte order.
 */
class WireArrayReadPropertyTest {
    @Property(tries = 500)
    void shouldReadTheOctetsAtABufferIndexInEveryKindOfBuffer(@ForAll @Size(min = 8, max = 40) byte[] octets,
                                                               @ForAll @IntRange(min = 0, max = 13) int sliceOffset,
                                                               @ForAll @IntRange(min = 0, max = 32) int at,
                                                               @ForAll boolean littleEndian) {
        int index = at % (octets.length - 7);
        byte[] backing = new byte[sliceOffset + octets.length + 5];
        java.util.Arrays.fill(backing, (byte) 0xA5); // octets outside the slice that a wrong shift would read
        System.arraycopy(octets, 0, backing, sliceOffset, octets.length);
        ByteBuffer heap = ByteBuffer.wrap(backing, sliceOffset, octets.length).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(octets.length).put(0, octets);
        ByteOrder order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        long expected = 0;
        for (int i = 0; i < 8; i++) {
            expected = expected << 8 | octets[index + i] & 0xFF;
        }
        for (ByteBuffer b : new ByteBuffer[] {heap, heap.asReadOnlyBuffer(), direct}) {
            b.order(order);
            byte[] a = Wire.array(b);
            int shift = Wire.shift(b, a);
            assertThat(a == null).as("array path for " + b).isEqualTo(b.isReadOnly() || b.isDirect());
            assertThat(Wire.i64(b, a, shift, index)).isEqualTo(expected);
            assertThat(Wire.i32(b, a, shift, index)).isEqualTo((int) (expected >>> 32));
            assertThat(Wire.u16(b, a, shift, index)).isEqualTo((int) (expected >>> 48));
            assertThat(Wire.u8(b, a, shift, index)).isEqualTo((int) (expected >>> 56));
        }
    }
}
