package org.tunnelcodec.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.testdata.Codec;

/**
 * The decoder contract as the fuzz tests check it, on one fuzz input at a time.
 *
 * <p>{@link #outcome} runs a probe twice on the same bytes placed differently: at the same
 * index, once in a heap buffer in big-endian order with zero bytes after the limit, once in a
 * read-only direct buffer in little-endian order with 0xFF bytes after the limit. Each run may
 * only return or throw {@link MalformedPacketException}; anything else escapes to the fuzzer as
 * a finding. Each run must leave the buffer as it was (position, limit, mark, order and every
 * byte, those past the limit included), and both runs must have the same outcome: a result that
 * depends on bytes past the limit, on the byte order or on the kind of buffer is a finding.
 */
final class Contract {
    /** Where the fuzz bytes start in the buffers: not 0, so that absolute and relative offsets differ. */
    static final int INDEX = 5;
    /** How many poison bytes follow the limit. */
    private static final int POISON = 64;

    private Contract() {
    }

    /** An operation on the bytes from {@code src.position()} to {@code src.limit()}. */
    @FunctionalInterface
    interface Probe {
        /**
         * @return the outcome, in a form with value equality
         * @throws MalformedPacketException for bad bytes, the only exception allowed
         */
        Object apply(ByteBuffer src);
    }

    /** An index-based decode entry: {@code decode(src, index, limit)}. */
    @FunctionalInterface
    interface IndexDecoder<H> {
        /** @return the decoded header */
        Decoded<H> decode(ByteBuffer src, int index, int limit);
    }

    /** A refused input: the exception's message, which names protocol, field, offset and values. */
    record Refused(String message) {
    }

    /** An accepted input: the header and where the payload lies, relative to the header's start. */
    record Accepted(Object header, int headerLength, int payloadOffset, int payloadLength) {
        static Accepted of(Decoded<?> d, int start) {
            return new Accepted(d.header(), d.headerLength(), d.payloadIndex() - start, d.payloadLength());
        }
    }

    /**
     * Runs the probe on both placements and checks the contract.
     *
     * @return the outcome: the probe's result, or a {@link Refused}
     */
    static Object outcome(byte[] data, Probe probe) {
        Object heap = run(data, false, probe);
        Object direct = run(data, true, probe);
        check(heap.equals(direct), "the outcome depends on bytes past the limit, the byte order or the buffer kind",
                data, heap + " vs " + direct);
        return heap;
    }

    /**
     * The whole contract for a decoder: {@link #outcome}; the index-based entry, when there is
     * one, agrees with the buffer one; and a header that decodes encodes to the same bytes (after
     * {@link Codec#canonicalize} of derived fields).
     *
     * @return the outcome of {@code codec.decode}: an {@link Accepted} or a {@link Refused}
     */
    static <H> Object decoder(byte[] data, Codec<H> codec, IndexDecoder<H> indexed) {
        Object byBuffer = outcome(data, src -> Accepted.of(codec.decode(src), src.position()));
        if (indexed != null) {
            Object byIndex = outcome(data, src -> Accepted.of(indexed.decode(src, src.position(), src.limit()),
                    src.position()));
            check(byIndex.equals(byBuffer), "decode(src, index, limit) disagrees with decode(src)", data,
                    byIndex + " vs " + byBuffer);
        }
        if (byBuffer instanceof Accepted a) {
            roundTrip(data, codec, a);
        }
        return byBuffer;
    }

    private static <H> void roundTrip(byte[] data, Codec<H> codec, Accepted accepted) {
        @SuppressWarnings("unchecked")
        H header = (H) accepted.header();
        int length = codec.encodedLength(header);
        check(length == accepted.headerLength(), "encodedLength differs from the decoded header length", data,
                length + " vs " + accepted.headerLength());
        byte[] encoded = new byte[length];
        int written = codec.encode(header, ByteBuffer.wrap(encoded));
        check(written == length, "encode wrote another length than encodedLength", data, written + " vs " + length);
        ByteBuffer canonical = ByteBuffer.wrap(data.clone());
        codec.canonicalize(canonical);
        byte[] expected = Arrays.copyOf(canonical.array(), length);
        check(Arrays.equals(encoded, expected), "decode then encode does not give the bytes back", data,
                hex(encoded) + " vs " + hex(expected));
    }

    /**
     * Places the bytes at {@link #INDEX}: in a heap buffer, big-endian, zeros past the limit; or
     * in a read-only direct buffer, little-endian, 0xFF past the limit.
     */
    static ByteBuffer place(byte[] data, boolean direct) {
        int capacity = INDEX + data.length + POISON;
        ByteBuffer writable = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        byte poison = direct ? (byte) 0xFF : 0;
        for (int i = 0; i < capacity; i++) {
            writable.put(i, poison);
        }
        writable.put(INDEX, data);
        writable.limit(INDEX + data.length).position(INDEX);
        return direct ? writable.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN) : writable;
    }

    private static Object run(byte[] data, boolean direct, Probe probe) {
        ByteBuffer src = place(data, direct);
        ByteOrder order = src.order();
        byte[] before = contentOf(src);
        src.mark();
        Object result;
        try {
            result = probe.apply(src);
        } catch (MalformedPacketException e) {
            check(e.getMessage() != null && !e.getMessage().isBlank(), "blank exception message", data, "");
            result = new Refused(e.getMessage());
        }
        check(src.position() == INDEX && src.limit() == INDEX + data.length && src.order() == order,
                "the input buffer's position, limit or order changed", data,
                src.position() + "/" + src.limit() + "/" + src.order());
        check(Arrays.equals(contentOf(src), before), "the input buffer's content changed", data, "");
        src.reset(); // the mark survives
        return result;
    }

    /** @return every byte of the buffer, from 0 to its capacity */
    static byte[] contentOf(ByteBuffer b) {
        byte[] all = new byte[b.capacity()];
        b.duplicate().clear().get(0, all);
        return all;
    }

    /** Fails with the input in hex, so that a finding can be read from the report alone. */
    static void check(boolean condition, String what, byte[] data, String detail) {
        if (!condition) {
            throw new AssertionError(what + (detail.isEmpty() ? "" : ": " + detail) + "; input " + hex(data));
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
