package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.transport.TcpFlags;

/**
 * Decodes the STT segment header. Follows the decoder contract of {@code org.tunnelcodec.core};
 * the payload is the rest of the buffer (the outer IP header bounds it): the slice
 * {@code [segmentOffset, segmentOffset + payload)} of the STT frame.
 *
 * <p>Receiver checks: Data Offset must be 5, a 20-octet header with no options
 * ({@code BAD_LENGTH}, draft-davie-stt-08 §3.2); Frame Length at least 18, the frame header's
 * length ({@code BAD_LENGTH}); Segment Offset below Frame Length ({@code BAD_LENGTH}). Whether
 * the payload fits ({@code segmentOffset + payload <= frameLength}, payload not empty) depends
 * on the payload's length, which the delivery header gives: {@link #checkPayload} checks it,
 * and the reassembler does.
 */
public final class SttSegmentDecoder {
    private static final int BAD_DATA_OFFSET = 1;
    private static final int BAD_FRAME_LENGTH = 2;
    private static final int BAD_SEGMENT_OFFSET = 3;

    private SttSegmentDecoder() {
    }

    /**
     * Decodes the segment header at {@code src.position()}.
     *
     * @param src the buffer, read from its position to its limit
     * @return the header, its length and the segment's payload
     * @throws MalformedPacketException if the bytes are not a valid STT segment header
     */
    public static Decoded<SttSegmentHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the segment header at absolute {@code index}, reading nothing at or past {@code limit}.
     *
     * @param src   the buffer
     * @param index the absolute index of the header's first octet
     * @param limit the end of the segment
     * @return the header, its length and the segment's payload
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid STT segment header
     */
    public static Decoded<SttSegmentHeader> decode(ByteBuffer src, int index, int limit) {
        long w0 = checked(src, index, limit);
        long w1 = Wire.i64(src, index + 8);
        int w2 = Wire.i32(src, index + 16);
        int offsetFlags = (int) (w1 >>> 16) & 0xFFFF;
        SttSegmentHeader h = new SttSegmentHeader((int) (w0 >>> 48), (int) (w0 >>> 32) & 0xFFFF,
                (int) (w0 >>> 16) & 0xFFFF, (int) w0 & 0xFFFF, w1 >>> 32, (offsetFlags >>> 8) & 0xF,
                TcpFlags.of(offsetFlags & 0xFF), (int) w1 & 0xFFFF, w2 >>> 16, w2 & 0xFFFF);
        return Decoded.of(h, SttLayout.SEGMENT_HEADER_LENGTH, src, index + SttLayout.SEGMENT_HEADER_LENGTH,
                limit - index - SttLayout.SEGMENT_HEADER_LENGTH);
    }

    /**
     * Makes every check {@link #decode(ByteBuffer, int, int)} makes, without allocating.
     *
     * @return the header's first 64 bits: ports, Frame Length and Segment Offset
     * @throws MalformedPacketException as {@code decode} does
     */
    static long checked(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(SttSegmentHeader.PROTOCOL, "Source Port", index, index, SttLayout.SEGMENT_HEADER_LENGTH, limit);
        long w0 = Wire.i64(src, index);
        long w1 = Wire.i64(src, index + 8);
        int check = check(w0, w1);
        if (check != 0) {
            throw failure(check, w0, w1);
        }
        return w0;
    }

    /** 0 when the header words are acceptable, else a code for {@link #failure}; allocates nothing. */
    static int check(long w0, long w1) {
        int frameLength = (int) (w0 >>> 16) & 0xFFFF;
        int offset = (int) w0 & 0xFFFF;
        int dataOffset = (int) (w1 >>> 28) & 0xF;
        if (dataOffset != 5) {
            return BAD_DATA_OFFSET;
        }
        if (frameLength < SttLayout.FRAME_HEADER_LENGTH) {
            return BAD_FRAME_LENGTH;
        }
        return offset >= frameLength ? BAD_SEGMENT_OFFSET : 0;
    }

    private static MalformedPacketException failure(int code, long w0, long w1) {
        long frameLength = (w0 >>> 16) & 0xFFFF;
        return switch (code) {
            case BAD_DATA_OFFSET -> MalformedPacketException.invalid(SttSegmentHeader.PROTOCOL, "Data Offset", 12,
                    Reason.BAD_LENGTH, (w1 >>> 28) & 0xF, "5, a 20-octet header, draft-davie-stt-08 §3.2");
            case BAD_FRAME_LENGTH -> MalformedPacketException.invalid(SttSegmentHeader.PROTOCOL, "Frame Length", 4,
                    Reason.BAD_LENGTH, frameLength, "at least 18, the frame header's length");
            default -> MalformedPacketException.invalid(SttSegmentHeader.PROTOCOL, "Segment Offset", 6,
                    Reason.BAD_LENGTH, w0 & 0xFFFF, "below the Frame Length " + frameLength);
        };
    }

    /**
     * Checks a segment's payload length against its header: not empty, and
     * {@code segmentOffset + payloadLength <= frameLength}.
     *
     * @param header        the segment header
     * @param payloadLength the octets after the header, as the delivery header bounds them
     * @throws MalformedPacketException ({@code BAD_LENGTH}) if they contradict each other
     */
    public static void checkPayload(SttSegmentHeader header, int payloadLength) {
        checkPayload(header.frameLength(), header.segmentOffset(), payloadLength);
    }

    static void checkPayload(int frameLength, int segmentOffset, int payloadLength) {
        if (payloadLength <= 0) {
            throw MalformedPacketException.invalid(SttSegmentHeader.PROTOCOL, "payload", SttLayout.SEGMENT_HEADER_LENGTH,
                    Reason.BAD_LENGTH, payloadLength, "at least 1 octet");
        }
        long end = (long) segmentOffset + payloadLength;
        if (end > frameLength) {
            throw MalformedPacketException.invalid(SttSegmentHeader.PROTOCOL, "Frame Length", 4, Reason.BAD_LENGTH,
                    frameLength, "at least " + end + ", where this segment's " + payloadLength
                            + " octets at Segment Offset " + segmentOffset + " end");
        }
    }
}
