package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * The data path allocates nothing: after warm-up, {@link MplsView#wrap} with the accessors,
 * {@link MplsBindings#identify}, {@link MplsPolicy#accepts} and the static peeks allocate 0 bytes
 * per call, as {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes} counts them for
 * the calling thread. Skipped on a JVM that cannot count.
 *
 * <p>Measured with the test kit's {@code AllocationMeter}.
 *
 * <p>No inlining guard (as {@code GreViewInliningTest} has for GRE) is needed here: the view and
 * the peeks allocate nothing in the first place, and {@link MplsDecoder#decode} does not go
 * through a view whose allocation escape analysis would have to remove; it calls
 * {@link MplsDecoder#scan}, a static method, and allocates only its result.
 */
class MplsAllocationTest {
    private static ByteBuffer vector(String hex) {
        return ByteBuffer.wrap(MplsVectors.bytes(hex));
    }

    @Test
    void shouldAllocateNothingToWrapReadIdentifyAndJudgeAStack() {
        ByteBuffer[] packets = {vector(MplsVectors.P1), vector(MplsVectors.P2), vector(MplsVectors.P3), vector(MplsVectors.P4),
            ByteBuffer.wrap(MplsArbitraries.run(29, true))};
        int[] stacks = {MplsVectors.P1_STACK, MplsVectors.P2_STACK, MplsVectors.P3_STACK, MplsVectors.P4_STACK, 0};
        MplsBindings bindings = MplsBindings.builder().bind(2000, MplsPayloadType.PW_ETHERNET_CONTROL_WORD)
                .bind(500, MplsPayloadType.ACH).bind(1000, MplsPayloadType.IPV6).build();
        MplsView view = new MplsView();
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            int p = next[0]++ % packets.length;
            ByteBuffer b = packets[p];
            view.wrap(b, stacks[p], b.limit());
            int sum = view.depth() + view.topLabel() + view.bottomLabel() + view.headerLength() + view.payloadIndex()
                    + view.payloadLength() + view.index() + view.entropyLabelIndex();
            for (int i = 0; i < view.depth(); i++) {
                sum += view.label(i) + view.trafficClass(i) + view.ttl(i) + view.word(i);
            }
            sum += view.payload(bindings).type().ordinal() + view.payload(MplsBindings.NONE).rule().ordinal();
            sum += bindings.identify(view, b, view.payloadIndex(), b.limit()).type().ordinal();
            sum += MplsPolicy.STRICT.accepts(view) ? 1 : 0;
            sum += MplsPolicy.LENIENT.accepts(view) ? 1 : 0;
            sum += MplsPolicy.STRICT.firstViolation(view);
            return sum;
        });
        assertThat(bytes).as("bytes allocated by %d wraps with accessors, identification and policy", AllocationMeter.CALLS).isZero();
    }

    @Test
    void shouldAllocateNothingToPeek() {
        ByteBuffer p2 = vector(MplsVectors.P2);
        long bytes = AllocationMeter.fewestBytesPerRound(() -> MplsDecoder.topLabel(p2, MplsVectors.P2_STACK)
                + MplsDecoder.topWord(p2, MplsVectors.P2_STACK) + MplsDecoder.depth(p2, MplsVectors.P2_STACK)
                + MplsDecoder.bottomOfStack(p2, MplsVectors.P2_STACK) + MplsDecoder.scan(p2, MplsVectors.P2_STACK, p2.limit(), 32));
        assertThat(bytes).as("bytes allocated by %d rounds of peeks", AllocationMeter.CALLS).isZero();
    }

    @Test
    void shouldAllocateNothingToJudgeOrIdentifyADecodedHeader() {
        // the record's entries are one int array: reading and judging it allocates nothing either
        ByteBuffer p4 = vector(MplsVectors.P4);
        MplsHeader h = MplsDecoder.decode(p4.duplicate().position(MplsVectors.P4_STACK)).header();
        long bytes = AllocationMeter.fewestBytesPerRound(() -> MplsBindings.NONE.identify(h, p4, 22, p4.limit()).type().ordinal()
                + (MplsPolicy.STRICT.accepts(h) ? 1 : 0) + h.label(1) + h.ttl(0) + h.depth() + h.entropyLabelIndex());
        assertThat(bytes).isZero();
    }

    @Test
    void shouldCountAnAllocationWhenThereIsOne() {
        // the measurement sees a decode's record: it is not blind
        ByteBuffer p1 = vector(MplsVectors.P1).position(MplsVectors.P1_STACK);
        long bytes = AllocationMeter.fewestBytesPerRound(() -> MplsDecoder.decode(p1).headerLength());
        assertThat(bytes).isGreaterThanOrEqualTo(AllocationMeter.CALLS * 16L);
    }
}
