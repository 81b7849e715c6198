package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;

/**
 * The reassembler against a simple model, as a jqwik action chain: segments of several frames
 * from several sources, offered in any order with duplicates, with time passing and garbage in
 * between. The model says, for every segment, whether its frame is now complete, and with which
 * bytes; the limits are set so that nothing is evicted, which makes the model exact. After every
 * action: the bytes held stay within the limit and the frames in flight are the model's.
 */
class SttReassemblerPropertyTest {
    static final long TIMEOUT = 1000;
    static final SttReassembler.Limits LIMITS = new SttReassembler.Limits(1L << 20, 8, 64, TIMEOUT, true, 7471);

    /** One frame of the model: its bytes, its segments, and what has been delivered since it last reset. */
    static final class ModelFrame {
        final ByteBuffer inner;
        final long contextId;
        final List<ByteBuffer> segments = new ArrayList<>();
        final BitSet delivered = new BitSet();
        long firstSeen = -1;

        ModelFrame(int index, int length, int mss, int sourceKind) {
            byte[] b = new byte[length];
            new Random(index * 31L + length).nextBytes(b);
            inner = ByteBuffer.wrap(b);
            contextId = index;
            SttSegmenter s = switch (sourceKind) {
                case 0 -> SttSegmenter.ipv4(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("192.0.2.9"), 64, 0);
                case 1 -> SttSegmenter.ipv4(Ipv4Address.parse("192.0.2.2"), Ipv4Address.parse("192.0.2.9"), 64, 3); // CE
                default -> SttSegmenter.ipv6(Ipv6Address.parse("2001:db8::1"), Ipv6Address.parse("2001:db8::9"), 64, 0);
            };
            ByteBuffer[] out = SttTestSupport.buffers(SttSegmenter.segmentCount(length, mss), mss + 60);
            // Frame identifiers repeat across the three sources on purpose: the key must tell them apart.
            s.segment(SttFrameHeader.of(contextId), inner, index / 3, mss, 0, out);
            segments.addAll(List.of(out));
        }

        boolean singleSegment() {
            return segments.size() == 1;
        }

        boolean ceSource() {
            return contextId % 3 == 1;
        }
    }

    /** The reassembler and its model. */
    static final class World {
        final SttReassembler reassembler = new SttReassembler(LIMITS);
        final SttReassembly out = new SttReassembly();
        final List<ModelFrame> frames = new ArrayList<>();
        long now;

        World(List<ModelFrame> frames) {
            this.frames.addAll(frames);
        }

        int modelInFlight() {
            int n = 0;
            for (ModelFrame f : frames) {
                if (!f.delivered.isEmpty()) {
                    n++;
                }
            }
            return n;
        }

        void expireModel() {
            for (ModelFrame f : frames) {
                if (f.firstSeen >= 0 && now - f.firstSeen >= TIMEOUT) {
                    f.delivered.clear();
                    f.firstSeen = -1;
                }
            }
        }

        void offer(int frameIndex, int segmentIndex) {
            ModelFrame f = frames.get(frameIndex);
            expireModel();
            SttReassembler.Verdict verdict = reassembler.offer(f.segments.get(segmentIndex).duplicate(), now, out);
            if (f.singleSegment()) {
                assertComplete(verdict, f);
                return;
            }
            if (f.delivered.isEmpty()) {
                f.firstSeen = now;
            }
            boolean duplicate = f.delivered.get(segmentIndex);
            f.delivered.set(segmentIndex);
            if (f.delivered.cardinality() == f.segments.size()) {
                assertComplete(verdict, f);
                f.delivered.clear();
                f.firstSeen = -1;
            } else {
                assertThat(verdict).isEqualTo(duplicate ? SttReassembler.Verdict.DUPLICATE : SttReassembler.Verdict.INCOMPLETE);
            }
        }

        private void assertComplete(SttReassembler.Verdict verdict, ModelFrame f) {
            assertThat(verdict).isEqualTo(SttReassembler.Verdict.COMPLETE);
            assertThat(out.innerFrame()).isEqualTo(f.inner);
            assertThat(out.header().contextId()).isEqualTo(f.contextId);
            assertThat(out.congestionExperienced()).isEqualTo(f.ceSource());
            assertThat(out.pooled()).isEqualTo(!f.singleSegment());
            // Given back here, or left for the holder to give back when it takes the next frame.
            if (f.contextId % 2 == 0) {
                reassembler.release(out);
            }
        }

        @Override
        public String toString() {
            return "World[now=" + now + ", frames=" + frames.size() + "]";
        }
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        Arbitrary<List<ModelFrame>> frames = Combinators.combine(Arbitraries.integers().between(1, 4000),
                        Arbitraries.integers().between(100, 1500), Arbitraries.integers().between(0, 2))
                .as((length, mss, source) -> new int[] {length, mss, source}).list().ofMinSize(1).ofMaxSize(6)
                .map(specs -> {
                    List<ModelFrame> list = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        int[] s = specs.get(i);
                        list.add(new ModelFrame(i, s[0], s[1], (i % 3)));
                    }
                    return list;
                });
        return frames.flatMap(list -> ActionChain.startWith(() -> new World(list))
                .withAction(5, new OfferSegment())
                .withAction(1, new AdvanceTime())
                .withAction(1, new OfferGarbage())
                .withMaxTransformations(60));
    }

    /** Offers any segment of any frame: in order, out of order, or again. */
    static final class OfferSegment implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Arbitraries.integers().between(0, w.frames.size() - 1).flatMap(f ->
                    Arbitraries.integers().between(0, w.frames.get(f).segments.size() - 1).map(s ->
                            Transformer.mutate("offer frame " + f + " segment " + s, world -> world.offer(f, s))));
        }
    }

    /** Lets time pass, sometimes past the frame timeout. */
    static final class AdvanceTime implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.longs().between(0, 1500).map(d -> Transformer.mutate("advance " + d, w -> w.now += d));
        }
    }

    /** Offers bytes that are no STT segment; they must be refused and change nothing. */
    static final class OfferGarbage implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.bytes().array(byte[].class).ofMaxSize(120).map(bytes -> Transformer.mutate(
                    "garbage of " + bytes.length, w -> assertThat(w.reassembler.offer(ByteBuffer.wrap(bytes), w.now, w.out).rejected())
                            .isTrue()));
        }
    }

    @Property(tries = 300)
    void shouldReassembleLikeTheModelWithinItsLimits(@ForAll("chains") ActionChain<World> chain) {
        chain.withInvariant("bytes held within the limit",
                        w -> assertThat(w.reassembler.bytesHeld()).isLessThanOrEqualTo(LIMITS.maxBytes()))
                .withInvariant("frames in flight as the model says", w -> {
                    // The reassembler expires lazily, at its next offer: compare only when nothing is due.
                    boolean due = w.frames.stream().anyMatch(f -> f.firstSeen >= 0 && w.now - f.firstSeen >= TIMEOUT);
                    if (!due) {
                        assertThat(w.reassembler.framesInFlight()).isEqualTo(w.modelInFlight());
                    }
                })
                .run();
    }
}
