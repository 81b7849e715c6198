package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes the STT frame header. Follows the decoder contract of {@code org.tunnelcodec.core};
 * the payload is the inner Ethernet frame, the rest of the frame.
 *
 * <p>Receiver checks: a Version other than 0 is {@code UNSUPPORTED_VERSION} (draft-davie-stt-08
 * §3.1: a receiver must discard it); C and P together are {@code BAD_VALUE} (§3.1 forbids them
 * together). The reserved bits, Reserved octet and Padding are kept, not checked; the offload
 * fields that §3.1.1 says must be zero without offload are ignored on receipt, as it says.
 */
public final class SttFrameDecoder {
    private static final int BOTH_CHECKSUM_FLAGS = SttFlags.CHECKSUM_VERIFIED | SttFlags.CHECKSUM_PARTIAL;

    private SttFrameDecoder() {
    }

    /**
     * Decodes the frame header at {@code src.position()}.
     *
     * @param src the buffer, read from its position to its limit
     * @return the header, its length and the inner Ethernet frame
     * @throws MalformedPacketException if the bytes are not a valid STT frame header
     */
    public static Decoded<SttFrameHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the frame header at absolute {@code index}, reading nothing at or past {@code limit}.
     *
     * @param src   the buffer
     * @param index the absolute index of the header's first octet
     * @param limit the end of the frame
     * @return the header, its length and the inner Ethernet frame
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid STT frame header
     */
    public static Decoded<SttFrameHeader> decode(ByteBuffer src, int index, int limit) {
        long w0 = checked(src, index, limit);
        SttFrameHeader h = header(w0, Wire.i64(src, index + 8), Wire.u16(src, index + 16));
        return Decoded.of(h, SttLayout.FRAME_HEADER_LENGTH, src, index + SttLayout.FRAME_HEADER_LENGTH,
                limit - index - SttLayout.FRAME_HEADER_LENGTH);
    }

    /** The record of a header whose first 64 bits, Context ID and Padding are these. */
    static SttFrameHeader header(long w0, long contextId, int padding) {
        int tci = (int) w0 & 0xFFFF;
        return new SttFrameHeader((int) (w0 >>> 56), SttFlags.of((int) (w0 >>> 48) & 0xFF),
                (int) (w0 >>> 40) & 0xFF, (int) (w0 >>> 32) & 0xFF, (int) (w0 >>> 16) & 0xFFFF, tci >>> 13,
                (tci & 0x1000) != 0, tci & 0xFFF, contextId, padding);
    }

    /**
     * Makes every check {@link #decode(ByteBuffer, int, int)} makes, without allocating.
     *
     * @return the header's first 64 bits
     * @throws MalformedPacketException as {@code decode} does
     */
    static long checked(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(SttFrameHeader.PROTOCOL, "Version", index, index, SttLayout.FRAME_HEADER_LENGTH, limit);
        long w0 = Wire.i64(src, index);
        if (!acceptable(w0)) {
            throw failure(w0);
        }
        return w0;
    }

    /** Whether a header whose first 64 bits are these passes the receiver checks; allocates nothing. */
    static boolean acceptable(long w0) {
        return w0 >>> 56 == 0 && ((int) (w0 >>> 48) & BOTH_CHECKSUM_FLAGS) != BOTH_CHECKSUM_FLAGS;
    }

    private static MalformedPacketException failure(long w0) {
        int version = (int) (w0 >>> 56);
        if (version != 0) {
            return MalformedPacketException.invalid(SttFrameHeader.PROTOCOL, "Version", 0,
                    Reason.UNSUPPORTED_VERSION, version, "0, draft-davie-stt-08 §3.1");
        }
        return MalformedPacketException.invalid(SttFrameHeader.PROTOCOL, "Flags", 1, Reason.BAD_VALUE,
                (w0 >>> 48) & 0xFF, "C and P not both set, draft-davie-stt-08 §3.1");
    }
}
