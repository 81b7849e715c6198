package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes and encodes the STT frame header. Follows the decoder and encoder contracts of
 * {@code org.tunnelcodec.core}; the payload is the inner Ethernet frame, the rest of the frame.
 *
 * <p>Receiver checks: a Version other than 0 is {@code UNSUPPORTED_VERSION} (§3.1: a receiver
 * must discard it); C and P together are {@code BAD_VALUE} (§3.1 forbids them together). The
 * reserved bits, Reserved octet and Padding are kept, not checked; the offload fields that §3.1.1
 * says must be zero without offload are ignored on receipt, as it says.
 */
public final class SttFrameCodec {
    static final String PROTOCOL = "STT";

    private SttFrameCodec() {
    }

    /**
     * Decodes the frame header at {@code src.position()}.
     *
     * @throws MalformedPacketException if the bytes are not a valid STT frame header
     */
    public static Decoded<SttFrameHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the frame header at absolute {@code index}, reading nothing at or past {@code limit}.
     *
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid STT frame header
     */
    public static Decoded<SttFrameHeader> decode(ByteBuffer src, int index, int limit) {
        long w0 = checked(src, index, limit);
        int tci = (int) w0 & 0xFFFF;
        SttFrameHeader h = new SttFrameHeader((int) (w0 >>> 56), SttFlags.of((int) (w0 >>> 48) & 0xFF),
                (int) (w0 >>> 40) & 0xFF, (int) (w0 >>> 32) & 0xFF, (int) (w0 >>> 16) & 0xFFFF, tci >>> 13,
                (tci & 0x1000) != 0, tci & 0xFFF, Wire.i64(src, index + 8), Wire.u16(src, index + 16));
        return Decoded.of(h, SttLayout.FRAME_HEADER_LENGTH, src, index + SttLayout.FRAME_HEADER_LENGTH,
                limit - index - SttLayout.FRAME_HEADER_LENGTH);
    }

    /**
     * Makes every check {@link #decode(ByteBuffer, int, int)} makes, without allocating.
     *
     * @return the header's first 64 bits
     * @throws MalformedPacketException as {@code decode} does
     */
    static long checked(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(PROTOCOL, "Version", index, index, SttLayout.FRAME_HEADER_LENGTH, limit);
        long w0 = Wire.i64(src, index);
        int version = (int) (w0 >>> 56);
        if (version != 0) {
            throw MalformedPacketException.invalid(PROTOCOL, "Version", 0, Reason.UNSUPPORTED_VERSION,
                    "version " + version + " (expected: 0, draft-davie-stt §3.1)");
        }
        int flags = (int) (w0 >>> 48) & 0xFF;
        if ((flags & (SttFlags.CHECKSUM_VERIFIED | SttFlags.CHECKSUM_PARTIAL))
                == (SttFlags.CHECKSUM_VERIFIED | SttFlags.CHECKSUM_PARTIAL)) {
            throw MalformedPacketException.invalid(PROTOCOL, "Flags", 1, Reason.BAD_VALUE,
                    "checksum verified and checksum partial both set (draft-davie-stt §3.1 forbids it)");
        }
        return w0;
    }

    /** @return 18 */
    public static int encodedLength(SttFrameHeader header) {
        return SttLayout.FRAME_HEADER_LENGTH;
    }

    /**
     * Writes the frame header at {@code dst.position()}.
     *
     * @return 18
     * @throws IllegalArgumentException if {@code dst} has fewer than 18 bytes remaining
     */
    public static int encode(SttFrameHeader h, ByteBuffer dst) {
        Wire.requireRoom(dst, SttLayout.FRAME_HEADER_LENGTH);
        write(h, dst, dst.position());
        return SttLayout.FRAME_HEADER_LENGTH;
    }

    static void write(SttFrameHeader h, ByteBuffer dst, int p) {
        Wire.put64(dst, p, (long) h.version() << 56 | (long) h.flags().bits() << 48 | (long) h.l4Offset() << 40
                | (long) h.reserved() << 32 | (long) h.maxSegmentSize() << 16 | h.tagControl());
        Wire.put64(dst, p + 8, h.contextId());
        Wire.put16(dst, p + 16, h.padding());
    }
}
