package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Examples for {@link AchEncoder} and the header records, and rule E5. */
class AchEncoderTest {
    private static byte[] encode(AchHeader h) {
        byte[] out = new byte[AchEncoder.encodedLength(h)];
        assertThat(AchEncoder.encode(h, ByteBuffer.wrap(out))).isEqualTo(4);
        return out;
    }

    @Test
    void shouldEncodeTheAchThatFollowsAGal() {
        // E5: after the GAL, a 4-octet ACH 0x1, 0x0, 0x00, then the channel type; vector P4.
        byte[] p4 = MplsVectors.bytes(MplsVectors.P4);
        assertThat(encode(AchHeader.of(AchChannelType.BFD_CONTROL)))
                .isEqualTo(Arrays.copyOfRange(p4, MplsVectors.P4_ACH, MplsVectors.P4_ACH + 4));
        assertThat(encode(AchHeader.of(AchChannelType.FAULT_OAM))).isEqualTo(MplsVectors.bytes("10000058"));
        assertThat(encode(AchHeader.of(AchChannelType.of(0xBEEF)))).isEqualTo(MplsVectors.bytes("1000beef"));
    }

    @Test
    void shouldBuildHeadersWithVersionZeroAndReservedZero() {
        // E5; RFC 5586 §2: senders use version 0 and Reserved 0.
        AchHeader h = AchHeader.of(AchChannelType.PSC);
        assertThat(h.version()).isZero();
        assertThat(h.reserved()).isZero();
        assertThat(h.isKnownVersion()).isTrue();
        assertThatThrownBy(() -> AchHeader.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldWriteWhatTheRecordHoldsWhateverTheVersionAndReserved() {
        // R14 and R15 the other way round: what decodes re-encodes byte for byte.
        assertThat(encode(new AchHeader(15, 255, AchChannelType.of(0xFFFF)))).isEqualTo(MplsVectors.bytes("1fffffff"));
        assertThat(encode(new AchHeader(2, 0x5A, AchChannelType.IPV6))).isEqualTo(MplsVectors.bytes("125a0057"));
    }

    @Test
    void shouldRefuseComponentsOutsideTheirFields() {
        assertThatThrownBy(() -> new AchHeader(16, 0, AchChannelType.MCC)).hasMessage("version: 16 (expected: 0..15)");
        assertThatThrownBy(() -> new AchHeader(0, 256, AchChannelType.MCC)).hasMessage("reserved: 256 (expected: 0..255)");
        assertThatThrownBy(() -> new AchHeader(0, 0, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldWriteAtThePositionInNetworkOrderWithoutMovingIt() {
        ByteBuffer dst = ByteBuffer.allocateDirect(9).order(ByteOrder.LITTLE_ENDIAN).position(5);
        assertThat(AchEncoder.encode(AchHeader.of(AchChannelType.IPV4), dst)).isEqualTo(4);
        assertThat(dst.position()).isEqualTo(5);
        byte[] written = new byte[4];
        dst.get(5, written);
        assertThat(written).isEqualTo(MplsVectors.bytes("10000021"));
    }

    @Test
    void shouldRefuseADestinationTooSmallOrReadOnlyBeforeWritingAByte() {
        ByteBuffer small = ByteBuffer.allocate(3);
        assertThatThrownBy(() -> AchEncoder.encode(AchHeader.of(AchChannelType.MCC), small))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dst.remaining(): 3 (expected: >= 4)");
        assertThat(small.array()).isEqualTo(new byte[3]);
        assertThatThrownBy(() -> AchEncoder.encode(AchHeader.of(AchChannelType.MCC), ByteBuffer.allocate(4).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> AchEncoder.encodedLength(null)).isInstanceOf(NullPointerException.class);
    }
}
