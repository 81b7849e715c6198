package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * {@link MplsView} as a data path uses it: one view reused for every packet, each packet behind
 * junk octets and before poison octets, in either byte order, in a heap or direct buffer,
 * read-only or writable, a heap one also as a slice into its array, against a decode of the
 * exact bytes. Every accessor, the identification and the policy
 * agree with the decoded record; a refused stack fails the wrap with the decoder's exception and
 * leaves the view empty.
 */
class MplsViewPropertyTest {
    /** One view for every try, as a data path would keep it: state must not leak between packets. */
    private final MplsView view = new MplsView();

    private static final MplsBindings BINDINGS = MplsBindings.builder().bind(16, MplsPayloadType.IPV6)
            .bind(1000, MplsPayloadType.PW_ETHERNET).bind(1001, MplsPayloadType.CONTROL_WORD).bind(0xFFFFF, MplsPayloadType.RAW)
            .build();

    @Provide
    Arbitrary<byte[]> packets() {
        return MplsArbitraries.packets();
    }

    @Provide
    Arbitrary<Integer> depthBounds() {
        return Arbitraries.oneOf(Arbitraries.just(MplsDecoder.DEFAULT_MAX_DEPTH), Arbitraries.integers().between(1, 48),
                Arbitraries.just(MplsDecoder.MAX_DEPTH_BOUND));
    }

    /** {@code bytes} at index {@code at}, junk before, poison after, the buffer's limit past the poison. */
    private static ByteBuffer place(byte[] bytes, int at, boolean direct, boolean littleEndian) {
        return place(bytes, at, direct, littleEndian, false, 0);
    }

    /**
     * As {@link #place(byte[], int, boolean, boolean)}, writable or read-only, and for a heap
     * buffer a slice that starts {@code arrayOffset} octets into its array (the view reads a
     * writable heap buffer's array directly).
     */
    private static ByteBuffer place(byte[] bytes, int at, boolean direct, boolean littleEndian, boolean writable,
                                    int arrayOffset) {
        int capacity = at + bytes.length + 16;
        ByteBuffer whole = direct ? ByteBuffer.allocateDirect(arrayOffset + capacity)
                : ByteBuffer.allocate(arrayOffset + capacity);
        for (int i = 0; i < arrayOffset + capacity; i++) {
            whole.put(i, (byte) 0xFE); // S clear, and no stack ends in the poison
        }
        ByteBuffer b = whole.slice(arrayOffset, capacity);
        b.put(at, bytes);
        return (writable ? b : b.asReadOnlyBuffer()).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    @Property(tries = 3000)
    void shouldAgreeWithTheDecoderOnEveryInput(@ForAll("packets") byte[] bytes, @ForAll("depthBounds") int maxDepth,
                                               @ForAll @IntRange(max = 7) int at, @ForAll boolean direct,
                                               @ForAll boolean littleEndian, @ForAll boolean writable,
                                               @ForAll @IntRange(max = 5) int arrayOffset) {
        ByteBuffer exact = ByteBuffer.wrap(bytes);
        ByteBuffer src = place(bytes, at, direct, littleEndian, writable, arrayOffset);
        int limit = at + bytes.length;
        Decoded<MplsHeader> d;
        try {
            d = MplsDecoder.decode(exact, 0, bytes.length, maxDepth);
        } catch (MalformedPacketException expected) {
            assertThatThrownBy(() -> view.wrap(src, at, limit, maxDepth)).isInstanceOfSatisfying(
                    MalformedPacketException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo(expected.getMessage());
                        assertThat(e.reason()).isEqualTo(expected.reason());
                        assertThat(e.field()).isEqualTo(expected.field());
                        assertThat(e.offset()).isEqualTo(expected.offset());
                    });
            assertEmpty(view);
            return;
        }
        MplsHeader h = d.header();
        assertThat(view.wrap(src, at, limit, maxDepth)).isSameAs(view);
        int depth = h.depth();
        assertThat(view.depth()).isEqualTo(depth);
        for (int i = 0; i < depth; i++) {
            assertThat(view.word(i)).isEqualTo(h.word(i));
            assertThat(view.label(i)).isEqualTo(h.entries().get(i).label());
            assertThat(view.trafficClass(i)).isEqualTo(h.entries().get(i).trafficClass());
            assertThat(view.ttl(i)).isEqualTo(h.entries().get(i).ttl());
        }
        assertThat(view.topLabel()).isEqualTo(h.top().label());
        assertThat(view.bottomLabel()).isEqualTo(h.bottom().label());
        assertThat(view.entropyLabelIndex()).isEqualTo(h.entropyLabelIndex());
        assertThat(view.index()).isEqualTo(at);
        assertThat(view.headerLength()).isEqualTo(d.headerLength()).isEqualTo(h.length());
        assertThat(view.payloadIndex()).isEqualTo(at + d.payloadIndex());
        assertThat(view.payloadLength()).isEqualTo(d.payloadLength());
        assertThat(view.buffer()).isSameAs(src);
        assertThat(view.toHeader()).isEqualTo(h);
        assertThat(view.toString()).startsWith("MplsView[").contains(h.top().toString());
        for (MplsBindings b : List.of(MplsBindings.NONE, BINDINGS)) {
            assertThat(view.payload(b)).isSameAs(b.identify(h, exact, d.payloadIndex(), bytes.length));
        }
        for (MplsPolicy p : MplsPolicy.values()) {
            assertThat(p.firstViolation(view)).isEqualTo(p.firstViolation(h));
        }
        assertThat(src.position()).isZero();
        assertThat(src.limit()).isEqualTo(src.capacity());
    }

    @Property(tries = 1000)
    void shouldWrapAtThePositionUpToTheLimitAsTheIndexedWrapDoes(@ForAll("packets") byte[] bytes,
                                                                  @ForAll @IntRange(max = 7) int at) {
        ByteBuffer src = place(bytes, at, false, false).position(at).limit(at + bytes.length);
        MplsView byIndex = new MplsView();
        String expected;
        try {
            byIndex.wrap(src, at, at + bytes.length);
            expected = null;
        } catch (MalformedPacketException e) {
            expected = e.getMessage();
        }
        try {
            view.wrap(src);
            assertThat(expected).isNull();
            assertThat(view.toHeader()).isEqualTo(byIndex.toHeader());
            assertThat(view.payloadIndex()).isEqualTo(byIndex.payloadIndex());
            assertThat(view.payloadLength()).isEqualTo(byIndex.payloadLength());
        } catch (MalformedPacketException e) {
            assertThat(e.getMessage()).isEqualTo(expected);
        }
        assertThat(src.position()).isEqualTo(at);
        assertThat(src.limit()).isEqualTo(at + bytes.length);
    }

    private static void assertEmpty(MplsView v) {
        List<Consumer<MplsView>> accessors = List.of(MplsView::depth, x -> x.word(0), x -> x.label(0), x -> x.ttl(0),
                x -> x.trafficClass(0), MplsView::topLabel, MplsView::bottomLabel, MplsView::index, MplsView::headerLength,
                MplsView::payloadIndex, MplsView::payloadLength, MplsView::buffer, MplsView::toHeader,
                MplsView::entropyLabelIndex, x -> x.payload(MplsBindings.NONE), MplsPolicy.STRICT::firstViolation);
        for (Consumer<MplsView> a : accessors) {
            assertThatThrownBy(() -> a.accept(v)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(v).hasToString("MplsView[empty]");
    }

    @Test
    void shouldBeEmptyBeforeTheFirstWrap() {
        assertEmpty(new MplsView());
    }

    @Test
    void shouldEmptyTheViewWhenAWrapFailsForAnyReason() {
        ByteBuffer p1 = ByteBuffer.wrap(MplsVectors.bytes(MplsVectors.P1));
        ByteBuffer cut = ByteBuffer.wrap(MplsArbitraries.hex("00064040 000c81"));
        ByteBuffer deep = ByteBuffer.wrap(MplsArbitraries.run(40, false));
        List<Runnable> failures = List.of(() -> view.wrap(cut), () -> view.wrap(deep),
                () -> view.wrap(p1, MplsVectors.P1_STACK, p1.limit(), 0), () -> view.wrap(p1, -1, p1.limit()),
                () -> view.wrap(p1, 0, p1.limit() + 1), () -> view.wrap(p1, MplsVectors.P1_STACK, p1.limit(), 1));
        for (Runnable failure : failures) {
            view.wrap(p1, MplsVectors.P1_STACK, p1.limit());
            assertThat(view.depth()).isEqualTo(2);
            assertThatThrownBy(failure::run).isInstanceOfAny(MalformedPacketException.class, IllegalArgumentException.class,
                    IndexOutOfBoundsException.class);
            assertEmpty(view);
        }
        // and the next wrap works again
        assertThat(view.wrap(p1, MplsVectors.P1_STACK, p1.limit()).topLabel()).isEqualTo(100);
    }

    @Test
    void shouldReflectWritesToTheBuffer() {
        // a label swap and a TTL decrement in place, as a forwarding path does them
        ByteBuffer b = ByteBuffer.wrap(MplsVectors.bytes(MplsVectors.P1));
        view.wrap(b, MplsVectors.P1_STACK, b.limit());
        assertThat(view.ttl(0)).isEqualTo(64);
        b.put(MplsVectors.P1_STACK + 3, (byte) 63);
        assertThat(view.ttl(0)).isEqualTo(63);
        b.putInt(MplsVectors.P1_STACK, new LabelStackEntry(300, 5, 63).word(false));
        assertThat(view.topLabel()).isEqualTo(300);
        assertThat(view.trafficClass(0)).isEqualTo(5);
        assertThat(view.toHeader()).isEqualTo(MplsHeader.of(new LabelStackEntry(300, 5, 63), new LabelStackEntry(200, 0, 64)));
        // the depth is the wrap's: a later wrap reads the bytes again
        assertThat(view.depth()).isEqualTo(2);
    }

    @Test
    void shouldTreatAnEntryOutsideTheStackAsACallerMistake() {
        ByteBuffer b = ByteBuffer.wrap(MplsVectors.bytes(MplsVectors.P2));
        view.wrap(b, MplsVectors.P2_STACK, b.limit());
        assertThat(view.word(2)).isEqualTo(0x5a5a5100);
        assertThatThrownBy(() -> view.word(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.label(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        MplsHeader h = view.toHeader();
        assertThatThrownBy(() -> h.word(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> h.label(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldReadTheVectorsAsTheDecoderDoes() {
        String[] vectors = {MplsVectors.P1, MplsVectors.P2, MplsVectors.P3, MplsVectors.P4};
        int[] stacks = {MplsVectors.P1_STACK, MplsVectors.P2_STACK, MplsVectors.P3_STACK, MplsVectors.P4_STACK};
        MplsPayloadType[] types = {MplsPayloadType.IPV4, MplsPayloadType.IPV6, MplsPayloadType.PW_ETHERNET_CONTROL_WORD,
            MplsPayloadType.ACH};
        for (int i = 0; i < vectors.length; i++) {
            ByteBuffer b = ByteBuffer.wrap(MplsVectors.bytes(vectors[i])).position(stacks[i]);
            view.wrap(b);
            assertThat(view.toHeader()).isEqualTo(MplsDecoder.decode(b).header());
            assertThat(view.payload(MplsBindings.NONE).type()).isEqualTo(types[i]);
            assertThat(MplsPolicy.STRICT.accepts(view)).isTrue();
        }
    }
}
