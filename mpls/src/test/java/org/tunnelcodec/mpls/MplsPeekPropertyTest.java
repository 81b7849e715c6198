package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * The static peeks ({@link MplsDecoder#topLabel}, {@link MplsDecoder#topWord},
 * {@link MplsDecoder#depth}, {@link MplsDecoder#bottomOfStack}) and {@link MplsDecoder#scan} on
 * hostile input: they return or throw {@link MalformedPacketException} and nothing else, leave
 * the buffer alone, agree with {@link MplsDecoder#decode} wherever it accepts the stack, and fail
 * with its exception (reason, field, offset) where it does not, except the top-entry peeks, which
 * need only the top entry.
 */
class MplsPeekPropertyTest {
    @Provide
    Arbitrary<byte[]> packets() {
        return MplsArbitraries.packets();
    }

    /** The peeks by name, each reading the stack at {@code index} up to the buffer's limit. */
    private static List<Peek> peeks() {
        return List.of(new Peek("topLabel", MplsDecoder::topLabel, true), new Peek("topWord", MplsDecoder::topWord, true),
                new Peek("depth", MplsDecoder::depth, false), new Peek("bottomOfStack", MplsDecoder::bottomOfStack, false));
    }

    private record Peek(String name, IndexedPeek peek, boolean topOnly) {
    }

    @FunctionalInterface
    private interface IndexedPeek {
        int at(ByteBuffer src, int index);
    }

    private static ByteBuffer behindJunk(byte[] bytes, int at, boolean littleEndian) {
        ByteBuffer src = ByteBuffer.allocate(at + bytes.length).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < at; i++) {
            src.put(i, (byte) 0xA5);
        }
        return src.put(at, bytes);
    }

    @Property(tries = 3000)
    void shouldReturnOrThrowOnlyMalformedPacketAndAgreeWithDecode(@ForAll("packets") byte[] bytes,
                                                                  @ForAll @IntRange(max = 7) int at,
                                                                  @ForAll boolean littleEndian) {
        // the stack sits at index `at` behind junk, and the buffer ends where the packet does
        ByteBuffer src = behindJunk(bytes, at, littleEndian);
        Decoded<MplsHeader> d = null;
        MalformedPacketException refusal = null;
        try {
            d = MplsDecoder.decode(src, at, src.limit());
        } catch (MalformedPacketException rejected) {
            refusal = rejected;
        }
        int topWord = bytes.length >= 4 ? ByteBuffer.wrap(bytes).getInt(0) : 0;
        for (Peek p : peeks()) {
            int value;
            try {
                value = p.peek().at(src, at);
            } catch (MalformedPacketException e) {
                assertThat(d).as(p.name() + " refused a stack decode accepts: " + e.getMessage()).isNull();
                if (p.topOnly()) {
                    assertThat(bytes.length).as(p.name()).isLessThan(4);
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                }
                assertThat(e.getMessage()).as(p.name()).isEqualTo(refusal.getMessage());
                assertThat(e.reason()).isEqualTo(refusal.reason());
                assertThat(e.field()).isEqualTo(refusal.field());
                assertThat(e.offset()).isEqualTo(refusal.offset());
                continue;
            }
            if (p.topOnly()) {
                assertThat(bytes.length).as(p.name() + " answered for less than an entry").isGreaterThanOrEqualTo(4);
                assertThat(value).as(p.name()).isEqualTo(p.name().equals("topWord") ? topWord : topWord >>> 12);
            } else {
                assertThat(d).as(p.name() + " answered for a stack decode refuses").isNotNull();
            }
            if (d != null) {
                MplsHeader h = d.header();
                int expected = switch (p.name()) {
                    case "topLabel" -> h.top().label();
                    case "topWord" -> h.word(0);
                    case "depth" -> h.depth();
                    default -> at + 4 * (h.depth() - 1);
                };
                assertThat(value).as(p.name()).isEqualTo(expected);
            }
        }
        assertThat(src.position()).isZero();
        assertThat(src.limit()).isEqualTo(at + bytes.length);
        assertThat(src.order()).isEqualTo(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    @Property(tries = 2000)
    void shouldScanAsDecodeDoesForAnyBound(@ForAll("packets") byte[] bytes, @ForAll @IntRange(min = 1, max = 48) int maxDepth,
                                          @ForAll @IntRange(max = 7) int at, @ForAll @IntRange(max = 9) int cut) {
        ByteBuffer src = behindJunk(bytes, at, false);
        int limit = Math.max(at, src.limit() - cut); // a range ending before the buffer does
        String expected;
        int depth = -1;
        try {
            Decoded<MplsHeader> d = MplsDecoder.decode(src, at, limit, maxDepth);
            depth = d.header().depth();
            expected = null;
        } catch (MalformedPacketException e) {
            expected = e.getMessage();
        }
        try {
            assertThat(MplsDecoder.scan(src, at, limit, maxDepth)).isEqualTo(depth);
            assertThat(expected).isNull();
        } catch (MalformedPacketException e) {
            assertThat(e.getMessage()).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<Integer> outside() {
        return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(-1), Arbitraries.just(-1), Arbitraries.just(Integer.MIN_VALUE));
    }

    @Property(tries = 300)
    void shouldTreatAnIndexOutsideTheBufferAsACallerMistake(@ForAll("packets") byte[] bytes, @ForAll("outside") int negative,
                                                            @ForAll @IntRange(min = 1, max = 1000) int past) {
        ByteBuffer src = ByteBuffer.wrap(bytes);
        for (Peek p : peeks()) {
            assertThatThrownBy(() -> p.peek().at(src, negative)).as(p.name()).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> p.peek().at(src, bytes.length + past)).as(p.name())
                    .isInstanceOf(IndexOutOfBoundsException.class);
            // at the limit itself, or less than an entry before it: a truncated stack
            for (int index = Math.max(0, bytes.length - 3); index <= bytes.length; index++) {
                int i = index;
                assertThatThrownBy(() -> p.peek().at(src, i)).as(p.name()).isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                            assertThat(e.available()).isEqualTo(bytes.length - i);
                        });
            }
        }
    }
}
