package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * Hostile bytes through every entry point of the label stack codec: decode, the view, the peeks,
 * identification and both policies never throw anything but {@link MalformedPacketException} on
 * any range of any buffer (every cut of every vector from every start, every octet value at every
 * octet of the stacks, random mutations, random bytes), and never touch the buffer. The
 * exceptions for caller mistakes (an index range outside the buffer, a depth bound out of range,
 * an entry outside the stack) are the documented ones.
 */
class MplsHostileInputTest {
    private static final String[] VECTORS = {MplsVectors.P1, MplsVectors.P2, MplsVectors.P3, MplsVectors.P4};
    private static final int[] STACKS = {MplsVectors.P1_STACK, MplsVectors.P2_STACK, MplsVectors.P3_STACK, MplsVectors.P4_STACK};
    private static final MplsBindings BINDINGS = MplsBindings.builder().bind(100, MplsPayloadType.IPV4).bind(200, MplsPayloadType.IPV6)
            .bind(2000, MplsPayloadType.PW_ETHERNET_CONTROL_WORD).bind(500, MplsPayloadType.ACH).build();
    /** One view for everything, as a data path keeps it. */
    private final MplsView view = new MplsView();

    /**
     * Runs every entry point on {@code [index, limit)} of {@code src} and fails on any exception
     * but {@link MalformedPacketException}, or on a change to the buffer.
     */
    private void exercise(ByteBuffer src, int index, int limit, int maxDepth) {
        byte[] before = new byte[src.capacity()];
        src.duplicate().clear().get(before);
        int position = src.position();
        int bufferLimit = src.limit();
        try {
            run(src, index, limit, maxDepth);
        } catch (MalformedPacketException e) {
            fail("escaped the per-call checks: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            fail(e + " for [" + index + ", " + limit + ") of " + HexFormat.of().formatHex(before), e);
        }
        byte[] after = new byte[src.capacity()];
        src.duplicate().clear().get(after);
        assertThat(after).isEqualTo(before);
        assertThat(src.position()).isEqualTo(position);
        assertThat(src.limit()).isEqualTo(bufferLimit);
    }

    private void run(ByteBuffer src, int index, int limit, int maxDepth) {
        MplsHeader h = null;
        try {
            Decoded<MplsHeader> d = MplsDecoder.decode(src, index, limit, maxDepth);
            h = d.header();
            assertThat(d.payloadIndex() + d.payloadLength()).isEqualTo(limit);
            judge(h, src, d.payloadIndex(), limit);
            assertThat(h.toString()).isNotBlank();
            for (LabelStackEntry e : h.entries()) {
                assertThat(e.toString()).isNotBlank();
                assertThat(e.labelCode()).isNotNull();
            }
        } catch (MalformedPacketException e) {
            assertSane(e, index, limit);
        }
        try {
            view.wrap(src, index, limit, maxDepth);
            assertThat(h).as("the view wrapped what decode refused").isNotNull();
            judge(view, src, view.payloadIndex(), limit);
            assertThat(view.toString()).isNotBlank();
        } catch (MalformedPacketException e) {
            assertThat(h).as("the view refused what decode accepted").isNull();
            assertSane(e, index, limit);
        }
        ByteBuffer ranged = src.duplicate().limit(limit); // the peeks read to the buffer's limit
        for (int peek = 0; peek < 4; peek++) {
            try {
                switch (peek) {
                    case 0 -> MplsDecoder.topLabel(ranged, index);
                    case 1 -> MplsDecoder.topWord(ranged, index);
                    case 2 -> MplsDecoder.depth(ranged, index);
                    default -> MplsDecoder.bottomOfStack(ranged, index);
                }
            } catch (MalformedPacketException e) {
                assertSane(e, index, limit);
            }
        }
    }

    /** Identification and both policies on a stack that decoded. */
    private static void judge(LabelStack s, ByteBuffer src, int payloadIndex, int limit) {
        for (MplsBindings b : List.of(MplsBindings.NONE, BINDINGS)) {
            assertThat(b.identify(s, src, payloadIndex, limit)).isNotNull();
        }
        s.entropyLabelIndex();
        for (MplsPolicy p : MplsPolicy.values()) {
            int first = p.firstViolation(s);
            assertThat(p.accepts(s)).isEqualTo(first < 0);
            try {
                p.check(s);
                assertThat(first).isNegative();
            } catch (MalformedPacketException e) {
                assertThat(first).isNotNegative();
                assertThat(e.offset()).isEqualTo(4L * first);
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    private static void assertSane(MalformedPacketException e, int index, int limit) {
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.protocol()).isEqualTo(MplsHeader.PROTOCOL);
        assertThat(e.offset()).isBetween(0L, (long) limit - index);
    }

    // ---------------------------------------------------------------- the vectors

    @Test
    void shouldSurviveEveryRangeOfEveryVector() {
        // every cut from every start: the stack start, the link header read as a stack, the payload...
        for (String vector : VECTORS) {
            ByteBuffer src = ByteBuffer.wrap(MplsVectors.bytes(vector)).asReadOnlyBuffer();
            for (int index = 0; index <= src.limit(); index++) {
                for (int limit = index; limit <= src.limit(); limit++) {
                    exercise(src, index, limit, MplsDecoder.DEFAULT_MAX_DEPTH);
                }
            }
        }
    }

    @Test
    void shouldSurviveEveryOctetValueAtEveryOctetOfEveryStack() {
        for (int v = 0; v < VECTORS.length; v++) {
            byte[] original = MplsVectors.bytes(VECTORS[v]);
            int stack = STACKS[v];
            int end = stack + 4 * MplsDecoder.depth(ByteBuffer.wrap(original), stack) + 4; // the stack and the first payload word
            for (int at = stack; at < end; at++) {
                for (int value = 0; value < 256; value++) {
                    byte[] mutated = original.clone();
                    mutated[at] = (byte) value;
                    exercise(ByteBuffer.wrap(mutated), stack, mutated.length, MplsDecoder.DEFAULT_MAX_DEPTH);
                }
            }
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedVectors() {
        return Arbitraries.integers().between(0, VECTORS.length - 1).flatMap(v -> {
            byte[] original = MplsVectors.bytes(VECTORS[v]);
            return Combinators.combine(Arbitraries.integers().between(0, original.length - 1).list().ofMaxSize(6),
                            Arbitraries.bytes().list().ofSize(6), Arbitraries.integers().between(0, original.length))
                    .as((positions, values, cut) -> {
                        byte[] b = Arrays.copyOf(original, cut);
                        for (int i = 0; i < positions.size(); i++) {
                            if (positions.get(i) < b.length) {
                                b[positions.get(i)] = values.get(i);
                            }
                        }
                        return b;
                    });
        });
    }

    @Provide
    Arbitrary<Integer> depthBounds() {
        return Arbitraries.oneOf(Arbitraries.just(MplsDecoder.DEFAULT_MAX_DEPTH), Arbitraries.integers().between(1, 40),
                Arbitraries.just(MplsDecoder.MAX_DEPTH_BOUND));
    }

    @Property(tries = 3000)
    void shouldSurviveMutatedVectorsFromAnyStart(@ForAll("mutatedVectors") byte[] bytes, @ForAll @IntRange(max = 120) int start,
                                                @ForAll("depthBounds") int maxDepth, @ForAll boolean direct) {
        ByteBuffer src = direct ? ByteBuffer.allocateDirect(bytes.length).put(0, bytes) : ByteBuffer.wrap(bytes);
        for (int index : new int[] {Math.min(start, bytes.length), Math.min(14, bytes.length), Math.min(38, bytes.length),
            Math.min(42, bytes.length)}) {
            exercise(src, index, bytes.length, maxDepth);
        }
    }

    @Property(tries = 3000)
    void shouldSurviveArbitraryBytes(@ForAll @Size(max = 200) byte[] bytes, @ForAll("depthBounds") int maxDepth,
                                     @ForAll @IntRange(max = 200) int index, @ForAll @IntRange(max = 200) int cut) {
        int i = Math.min(index, bytes.length);
        int limit = Math.max(i, bytes.length - cut);
        exercise(ByteBuffer.wrap(bytes), i, limit, maxDepth);
    }

    @Property(tries = 3000)
    void shouldSurviveTheArbitraryPackets(@ForAll("packets") byte[] bytes, @ForAll("depthBounds") int maxDepth) {
        exercise(ByteBuffer.wrap(bytes), 0, bytes.length, maxDepth);
    }

    @Provide
    Arbitrary<byte[]> packets() {
        return MplsArbitraries.packets();
    }

    // ---------------------------------------------------------------- caller mistakes, as documented

    @Test
    void shouldThrowOnlyTheDocumentedExceptionsForCallerMistakes() {
        ByteBuffer b = ByteBuffer.wrap(MplsVectors.bytes(MplsVectors.P1));
        int n = b.limit();
        // an index range outside the buffer: IndexOutOfBoundsException
        for (int[] range : new int[][] {{-1, n}, {0, n + 1}, {20, 19}, {n + 1, n + 1}, {Integer.MIN_VALUE, 0}}) {
            assertThatThrownBy(() -> MplsDecoder.decode(b, range[0], range[1])).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> MplsDecoder.scan(b, range[0], range[1], 32)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> view.wrap(b, range[0], range[1])).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> MplsBindings.NONE.identify(MplsHeader.of(new LabelStackEntry(16, 0, 0)), b, range[0], range[1]))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
        // a depth bound out of range: IllegalArgumentException
        assertThatThrownBy(() -> MplsDecoder.decode(b, 14, n, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> view.wrap(b, 14, n, 4097)).isInstanceOf(IllegalArgumentException.class);
        // an entry outside the stack: IndexOutOfBoundsException
        view.wrap(b, 14, n);
        assertThatThrownBy(() -> view.word(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.word(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.word(Integer.MIN_VALUE)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsDecoder.decode(b, 14, n).header().ttl(2)).isInstanceOf(IndexOutOfBoundsException.class);
        // a view used before a wrap: IllegalStateException
        assertThatThrownBy(() -> new MplsView().depth()).isInstanceOf(IllegalStateException.class);
    }
}
