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
 * array: the buffer path), a direct one, either byte order. The array-path writes store the
 * big-endian octets there and nothing else.
 */
class WireArrayPathPropertyTest {
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

    @Property(tries = 500)
    void shouldWriteTheBigEndianOctetsAtABufferIndexAndNothingElse(@ForAll long value,
                                                                   @ForAll @IntRange(min = 0, max = 13) int sliceOffset,
                                                                   @ForAll @IntRange(min = 0, max = 32) int index,
                                                                   @ForAll @IntRange(min = 0, max = 3) int width,
                                                                   @ForAll boolean direct, @ForAll boolean littleEndian) {
        int size = 1 << width; // 1, 2, 4 or 8 octets
        int length = 40;
        byte[] backing = new byte[sliceOffset + length + 5];
        java.util.Arrays.fill(backing, (byte) 0xA5);
        ByteBuffer b = direct ? ByteBuffer.allocateDirect(length)
                : ByteBuffer.wrap(backing, sliceOffset, length).slice();
        for (int i = 0; i < length; i++) {
            b.put(i, (byte) 0xA5);
        }
        b.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        byte[] a = Wire.array(b);
        int shift = Wire.shift(b, a);
        switch (size) {
            case 1 -> Wire.put8(b, a, shift, index, (int) value);
            case 2 -> Wire.put16(b, a, shift, index, (int) value);
            case 4 -> Wire.put32(b, a, shift, index, value);
            default -> Wire.put64(b, a, shift, index, value);
        }
        byte[] expected = new byte[length];
        java.util.Arrays.fill(expected, (byte) 0xA5);
        for (int i = 0; i < size; i++) {
            expected[index + i] = (byte) (value >>> 8 * (size - 1 - i));
        }
        byte[] written = new byte[length];
        b.get(0, written);
        assertThat(written).isEqualTo(expected);
        if (!direct) { // nothing outside the slice
            for (int i = 0; i < backing.length; i++) {
                if (i < sliceOffset || i >= sliceOffset + length) {
                    assertThat(backing[i]).as("octet %d of the array", i).isEqualTo((byte) 0xA5);
                }
            }
        }
    }
}
