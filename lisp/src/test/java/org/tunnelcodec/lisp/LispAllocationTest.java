package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * The data path allocates nothing: after warm-up, {@link LispView#wrap} with its accessors (the
 * LISP-GPE ones included), {@code checked} and the static peeks, and the control plane's
 * {@code LispMessageDecoder.checked} (Info messages included), allocate 0 bytes per call, as
 * {@link AllocationMeter} counts them for the calling thread (skipped on a JVM that cannot count).
 */
class LispAllocationTest {
    private static final ByteBuffer[] PACKETS = {LispVectors.buffer(LispVectors.D1), LispVectors.buffer(LispVectors.D2),
        LispVectors.buffer(LispVectors.D7)};

    @Test
    void shouldAllocateNothingToWrapAndReadAHeader() {
        LispView view = new LispView();
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            ByteBuffer b = PACKETS[next[0]++ % 3];
            view.wrap(b, LispVectors.IN_IPV4, b.limit());
            return view.flags() + view.nonce() + view.instanceId() + (int) view.locatorStatusBits() + view.keyId()
                    + view.sourceMapVersion() + view.destinationMapVersion() + view.gpeNextProtocol() + view.payloadIndex()
                    + view.payloadLength() + view.reservedFlags() + (view.echoNonceRequested() ? 1 : 0)
                    + (view.mapVersionPresent() ? 1 : 0);
        });
        assertThat(bytes).isZero();
    }

    @Test
    void shouldAllocateNothingToCheckAndPeek() {
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            ByteBuffer b = PACKETS[next[0]++ % 3];
            int i = LispVectors.IN_IPV4;
            return (int) LispDecoder.checked(b, i, b.limit()) + LispDecoder.flags(b, i) + LispDecoder.nonce(b, i)
                    + LispDecoder.instanceId(b, i) + (int) LispDecoder.locatorStatusBits(b, i)
                    + LispGpeDecoder.nextProtocol(b, i);
        });
        assertThat(bytes).isZero();
    }

    @Test
    void shouldAllocateNothingToCheckAControlMessage() {
        ByteBuffer[] messages = {ByteBuffer.wrap(LispControlVectors.MREG1), ByteBuffer.wrap(LispControlVectors.MREP3),
            ByteBuffer.wrap(LispControlVectors.MREF1), ByteBuffer.wrap(LispControlVectors.INFO1),
            ByteBuffer.wrap(LispControlVectors.INFO2)};
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            ByteBuffer b = messages[next[0]++ % messages.length];
            return (int) (LispMessageDecoder.checked(b, 0, b.limit()) >>> 32) + LispMessageDecoder.type(b, 0);
        });
        assertThat(bytes).isZero();
    }
}
