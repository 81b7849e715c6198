package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Examples for {@link ControlWordEncoder}, and rule E7. */
class ControlWordEncoderTest {
    private static byte[] encode(ControlWord cw) {
        byte[] out = new byte[ControlWordEncoder.encodedLength(cw)];
        assertThat(ControlWordEncoder.encode(cw, ByteBuffer.wrap(out))).isEqualTo(4);
        return out;
    }

    @Test
    void shouldEncodeTheControlWordOfVectorP3() {
        byte[] p3 = MplsVectors.bytes(MplsVectors.P3);
        assertThat(encode(ControlWord.ethernet(1)))
                .isEqualTo(Arrays.copyOfRange(p3, MplsVectors.P3_CONTROL_WORD, MplsVectors.P3_CONTROL_WORD + 4));
    }

    @Test
    void shouldWriteFirstNibbleZeroAndTheEthernetBitsZero() {
        // E7: first nibble 0 (RFC 4385 §3); Ethernet PW: bits 4-15 zero (RFC 4448 §4.6).
        for (int s : new int[] {0, 1, 0x00FF, 0x8000, 65535}) {
            byte[] b = encode(ControlWord.ethernet(s));
            assertThat(b[0]).isZero();
            assertThat(b[1]).isZero();
            assertThat((b[2] & 0xFF) << 8 | b[3] & 0xFF).isEqualTo(s);
        }
        assertThat(encode(new ControlWord(15, 3, 63, 65535))[0] & 0xF0).as("first nibble").isZero();
    }

    @Test
    void shouldWriteTheLengthThatLengthForGives() {
        // E7: Length only when the control word and payload are shorter than 64 octets.
        assertThat(encode(new ControlWord(0, 0, ControlWord.lengthFor(10), 7))).isEqualTo(MplsVectors.bytes("000e0007"));
        assertThat(encode(new ControlWord(0, 0, ControlWord.lengthFor(60), 7))).isEqualTo(MplsVectors.bytes("00000007"));
    }

    @Test
    void shouldWriteEveryFieldAtItsBits() {
        // 0000 1010 | 10 101011 | 0x1234
        assertThat(encode(new ControlWord(0xA, 2, 0x2B, 0x1234))).isEqualTo(MplsVectors.bytes("0aab1234"));
        assertThat(encode(new ControlWord(0, 1, 0, 0))).isEqualTo(MplsVectors.bytes("00400000"));
    }

    @Test
    void shouldWriteAtThePositionInNetworkOrderWithoutMovingIt() {
        ByteBuffer dst = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).position(3);
        assertThat(ControlWordEncoder.encode(new ControlWord(0, 0, 0, 0x0102), dst)).isEqualTo(4);
        assertThat(dst.position()).isEqualTo(3);
        assertThat(dst.array()).isEqualTo(MplsVectors.bytes("000000 00000102 000000"));
    }

    @Test
    void shouldRefuseADestinationTooSmallOrReadOnlyBeforeWritingAByte() {
        ByteBuffer small = ByteBuffer.allocate(5).position(2);
        assertThatThrownBy(() -> ControlWordEncoder.encode(ControlWord.ethernet(1), small))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dst.remaining(): 3 (expected: >= 4)");
        assertThat(small.array()).isEqualTo(new byte[5]);
        assertThatThrownBy(() -> ControlWordEncoder.encode(ControlWord.ethernet(1), ByteBuffer.allocate(4).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> ControlWordEncoder.encodedLength(null)).isInstanceOf(NullPointerException.class);
    }
}
