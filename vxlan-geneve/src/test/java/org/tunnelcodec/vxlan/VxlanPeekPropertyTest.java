package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * The static peeks and {@code checked} of the three decoders agree with decode on every prefix
 * of valid, mutated and random packets placed behind junk and before poison: a peek that reads
 * returns decode's value when decode succeeds, a peek whose field runs past the limit throws
 * decode's own {@code TRUNCATED} error, {@code checked} returns decode's lengths or throws its
 * error, and the buffer is left alone.
 */
class VxlanPeekPropertyTest {
    @Provide
    Arbitrary<byte[]> vxlanPackets() {
        return Arbitraries.oneOf(VxlanArbitraries.vxlanPackets(), VxlanArbitraries.mutated(VxlanArbitraries.vxlanPackets()));
    }

    @Provide
    Arbitrary<byte[]> gpePackets() {
        return Arbitraries.oneOf(VxlanArbitraries.gpePackets(), VxlanArbitraries.mutated(VxlanArbitraries.gpePackets()));
    }

    @Provide
    Arbitrary<byte[]> genevePackets() {
        return Arbitraries.oneOf(VxlanArbitraries.genevePackets(), VxlanArbitraries.mutated(VxlanArbitraries.genevePackets()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40));
    }

    /** A peek and the value decode's record gives for it. */
    private record Peek<H>(String name, ToIntBiFunction<ByteBuffer, Integer> peek, Function<H, Integer> expected) {
    }

    private interface Decode<H> {
        Decoded<H> decode(ByteBuffer src, int index, int limit);
    }

    private interface Checked {
        long checked(ByteBuffer src, int index, int limit);
    }

    private static ByteBuffer placed(byte[] bytes, int at, boolean littleEndian) {
        ByteBuffer b = ByteBuffer.allocate(at + bytes.length + 8);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) (i < at ? 0xA5 : 0x5A));
        }
        b.put(at, bytes);
        return b.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    @SafeVarargs
    private static <H> void check(byte[] bytes, int at, boolean littleEndian, Decode<H> decode, Checked checked,
                                  Peek<H>... peeks) {
        ByteBuffer src = placed(bytes, at, littleEndian);
        byte[] before = src.array().clone();
        for (int limit = at; limit <= at + bytes.length; limit++) {
            int end = limit;
            Decoded<H> d = null;
            MalformedPacketException refusal = null;
            try {
                d = decode.decode(src, at, limit);
                assertThat(checked.checked(src, at, limit)).isEqualTo((long) d.headerLength() << 32 | d.payloadLength());
            } catch (MalformedPacketException e) {
                refusal = e;
                assertThatThrownBy(() -> checked.checked(src, at, end)).hasMessage(e.getMessage());
            } catch (RuntimeException e) {
                fail("decode threw " + e, e);
            }
            ByteBuffer ranged = src.duplicate().limit(limit).order(src.order());
            for (Peek<H> p : peeks) {
                try {
                    int value = p.peek().applyAsInt(ranged, at);
                    if (d != null) {
                        assertThat(value).as(p.name()).isEqualTo(p.expected().apply(d.header()));
                    }
                } catch (MalformedPacketException e) {
                    assertThat(refusal).as("%s refused what decode accepts", p.name()).isNotNull();
                    assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
                    assertThat(e.getMessage()).as(p.name()).isEqualTo(refusal.getMessage());
                } catch (RuntimeException e) {
                    fail(p.name() + " threw " + e, e);
                }
            }
        }
        assertThat(src.array()).isEqualTo(before);
        assertThat(src.position()).isZero();
    }

    @Property(tries = 1000)
    void shouldPeekAtVxlanAsDecodeReadsIt(@ForAll("vxlanPackets") byte[] bytes, @ForAll @IntRange(max = 7) int at,
                                          @ForAll boolean littleEndian) {
        check(bytes, at, littleEndian, VxlanDecoder::decode, VxlanDecoder::checked,
                new Peek<VxlanHeader>("flags", VxlanDecoder::flags, VxlanHeader::flags),
                new Peek<VxlanHeader>("groupPolicyId", VxlanDecoder::groupPolicyId, VxlanHeader::groupPolicyId),
                new Peek<VxlanHeader>("vni", VxlanDecoder::vni, VxlanHeader::vni));
    }

    @Property(tries = 1000)
    void shouldPeekAtVxlanGpeAsDecodeReadsIt(@ForAll("gpePackets") byte[] bytes, @ForAll @IntRange(max = 7) int at,
                                             @ForAll boolean littleEndian) {
        check(bytes, at, littleEndian, VxlanGpeDecoder::decode, VxlanGpeDecoder::checked,
                new Peek<VxlanGpeHeader>("flags", VxlanGpeDecoder::flags, VxlanGpeHeader::flags),
                new Peek<VxlanGpeHeader>("nextProtocol", VxlanGpeDecoder::nextProtocol, h -> h.nextProtocol().value()),
                new Peek<VxlanGpeHeader>("vni", VxlanGpeDecoder::vni, VxlanGpeHeader::vni));
    }

    @Property(tries = 1000)
    void shouldPeekAtGeneveAsDecodeReadsIt(@ForAll("genevePackets") byte[] bytes, @ForAll @IntRange(max = 7) int at,
                                           @ForAll boolean littleEndian) {
        check(bytes, at, littleEndian, GeneveDecoder::decode, GeneveDecoder::checked,
                new Peek<GeneveHeader>("version", GeneveDecoder::version, h -> 0),
                new Peek<GeneveHeader>("optionsLength", GeneveDecoder::optionsLength, GeneveHeader::optionsLength),
                new Peek<GeneveHeader>("protocolType", GeneveDecoder::protocolType, h -> h.protocolType().value()),
                new Peek<GeneveHeader>("vni", GeneveDecoder::vni, GeneveHeader::vni));
    }

    @Property(tries = 200)
    void shouldTreatAnIndexOutsideTheBufferAsACallerError(@ForAll("vxlanPackets") byte[] bytes,
                                                          @ForAll @IntRange(min = 1, max = 1000) int outside) {
        ByteBuffer src = ByteBuffer.wrap(bytes);
        for (int index : new int[] {-outside, bytes.length + outside}) {
            for (ToIntBiFunction<ByteBuffer, Integer> peek : java.util.List.<ToIntBiFunction<ByteBuffer, Integer>>of(
                    VxlanDecoder::flags, VxlanDecoder::vni, VxlanDecoder::groupPolicyId, VxlanGpeDecoder::flags,
                    VxlanGpeDecoder::nextProtocol, VxlanGpeDecoder::vni, GeneveDecoder::version, GeneveDecoder::optionsLength,
                    GeneveDecoder::protocolType, GeneveDecoder::vni)) {
                assertThatThrownBy(() -> peek.applyAsInt(src, index)).isInstanceOf(IndexOutOfBoundsException.class);
            }
            assertThatThrownBy(() -> VxlanDecoder.checked(src, index, bytes.length)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> VxlanGpeDecoder.checked(src, index, bytes.length)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> GeneveDecoder.checked(src, index, bytes.length)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }
}
