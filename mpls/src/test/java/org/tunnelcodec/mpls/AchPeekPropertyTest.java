package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * Hostile input through the index-based decode, {@code checked} and the Channel Type peek:
 * every prefix of valid, mutated and random bytes, behind junk and before poison. Only
 * {@link MalformedPacketException} escapes, nothing is read past the limit, the buffer is left
 * alone, and the peek agrees with decode.
 */
class AchPeekPropertyTest {
    @Provide
    Arbitrary<byte[]> packets() {
        return AchArbitraries.packets();
    }

    private static ByteBuffer placed(byte[] bytes, int at, boolean littleEndian) {
        ByteBuffer b = ByteBuffer.allocate(at + bytes.length + 8);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) (i < at ? 0xA5 : 0x5A));
        }
        b.put(at, bytes);
        return b.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    @Property(tries = 2000)
    void shouldThrowOnlyMalformedPacketExceptionForEveryPrefix(@ForAll("packets") byte[] bytes,
                                                               @ForAll @IntRange(max = 7) int at,
                                                               @ForAll boolean littleEndian) {
        ByteBuffer src = placed(bytes, at, littleEndian);
        byte[] before = src.array().clone();
        for (int end = at; end <= at + bytes.length; end++) {
            int limit = end;
            Decoded<AchHeader> d = null;
            MalformedPacketException refusal = null;
            try {
                d = AchDecoder.decode(src, at, limit);
                assertThat(d.payloadIndex() + d.payloadLength()).isEqualTo(limit);
                assertThat(AchDecoder.checked(src, at, limit)).isEqualTo((long) d.headerLength() << 32 | d.payloadLength());
            } catch (MalformedPacketException e) {
                refusal = e;
                assertThatThrownBy(() -> AchDecoder.checked(src, at, limit)).hasMessage(e.getMessage());
            } catch (RuntimeException e) {
                fail("decode threw " + e, e);
            }
            ByteBuffer view = src.duplicate().limit(limit).order(src.order());
            try {
                int type = AchDecoder.channelType(view, at);
                assertThat(limit - at).isGreaterThanOrEqualTo(AchHeader.LENGTH);
                if (d != null) {
                    assertThat(type).isEqualTo(d.header().channelType().value());
                }
            } catch (MalformedPacketException e) {
                assertThat(d).as("the peek refused what decode accepts").isNull();
                assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
                assertThat(e.getMessage()).isEqualTo(refusal.getMessage()); // R13 both ways
            } catch (RuntimeException e) {
                fail("the peek threw " + e, e);
            }
        }
        assertThat(src.array()).isEqualTo(before);
        assertThat(src.position()).isZero();
    }

    @Property(tries = 300)
    void shouldTreatANegativeIndexAsACallerError(@ForAll("packets") byte[] bytes, @ForAll @IntRange(min = 1) int minus) {
        ByteBuffer src = ByteBuffer.wrap(bytes);
        assertThatThrownBy(() -> AchDecoder.channelType(src, -minus)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> AchDecoder.decode(src, -minus, bytes.length)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
