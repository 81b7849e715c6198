package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.transport.TcpEncoder;
import org.tunnelcodec.core.transport.TcpFlags;

/**
 * Decodes and encodes the STT segment header. Follows the decoder and encoder contracts of
 * {@code org.tunnelcodec.core}; the payload is the rest of the buffer (the outer IP header
 * bounds it): the slice {@code [segmentOffset, segmentOffset + payload)} of the STT frame.
 *
 * <p>Receiver checks: Data Offset must be 5, a 20-octet header with no options
 * ({@code BAD_LENGTH}); Frame Length at least 18, the frame header's length
 * ({@code BAD_LENGTH}); Segment Offset below Frame Length ({@code BAD_LENGTH}). Whether the
 * payload fits ({@code segmentOffset + payload <= frameLength}, payload not empty) depends on
 * the payload's length, which the delivery header gives: {@link #checkPayload} checks it, and
 * the reassembler does.
 */
public final class SttSegmentCodec {
    static final String PROTOCOL = "STT";

    private SttSegmentCodec() {
    }

    /**
     * Decodes the segment header at {@code src.position()}.
     *
     * @throws MalformedPacketException if the bytes are not a valid STT segment header
     */
    public static Decoded<SttSegmentHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the segment header at absolute {@code index}, reading nothing at or past {@code limit}.
     *
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
        Wire.require(PROTOCOL, "Source Port", index, index, SttLayout.SEGMENT_HEADER_LENGTH, limit);
        long w0 = Wire.i64(src, index);
        long w1 = Wire.i64(src, index + 8);
        int check = check(w0, w1);
        if (check != 0) {
            throw failure(check, w0, w1);
        }
        return w0;
    }

    /** 0 when the header words are acceptable, else a code for {@link #failure}. */
    static int check(long w0, long w1) {
        int frameLength = (int) (w0 >>> 16) & 0xFFFF;
        int offset = (int) w0 & 0xFFFF;
        int dataOffset = (int) (w1 >>> 28) & 0xF;
        if (dataOffset != 5) {
            return 1;
        }
        if (frameLength < SttLayout.FRAME_HEADER_LENGTH) {
            return 2;
        }
        return offset >= frameLength ? 3 : 0;
    }

    private static MalformedPacketException failure(int code, long w0, long w1) {
        return switch (code) {
            case 1 -> MalformedPacketException.invalid(PROTOCOL, "Data Offset", 12, Reason.BAD_LENGTH,
                    "data offset " + ((w1 >>> 28) & 0xF) + " (expected: 5, a 20-octet header, draft-davie-stt §3.2)");
            case 2 -> MalformedPacketException.invalid(PROTOCOL, "Frame Length", 4, Reason.BAD_LENGTH,
                    "frame length " + ((w0 >>> 16) & 0xFFFF) + " (expected: >= 18, the frame header)");
            default -> MalformedPacketException.invalid(PROTOCOL, "Segment Offset", 6, Reason.BAD_LENGTH,
                    "segment offset " + (w0 & 0xFFFF) + " (expected: below the frame length " + ((w0 >>> 16) & 0xFFFF) + ")");
        };
    }

    /**
     * Checks a segment's payload length against its header: not empty, and
     * {@code segmentOffset + payloadLength <= frameLength}.
     *
     * @throws MalformedPacketException ({@code BAD_LENGTH}) if they contradict each other
     */
    public static void checkPayload(SttSegmentHeader h, int payloadLength) {
        checkPayload(h.frameLength(), h.segmentOffset(), payloadLength);
    }

    static void checkPayload(int frameLength, int segmentOffset, int payloadLength) {
        if (payloadLength <= 0 || (long) segmentOffset + payloadLength > frameLength) {
            throw MalformedPacketException.invalid(PROTOCOL, "Segment Offset", 6, Reason.BAD_LENGTH,
                    "segment of " + payloadLength + " octets at offset " + segmentOffset
                            + " (expected: 1 or more octets ending within frame length " + frameLength + ")");
        }
    }

    /** @return 20 */
    public static int encodedLength(SttSegmentHeader header) {
        return SttLayout.SEGMENT_HEADER_LENGTH;
    }

    /**
     * Writes the segment header at {@code dst.position()}; the checksum is written as the
     * record holds it ({@link #fillChecksum} computes it).
     *
     * @return 20
     * @throws IllegalArgumentException if {@code dst} has fewer than 20 bytes remaining
     */
    public static int encode(SttSegmentHeader h, ByteBuffer dst) {
        Wire.requireRoom(dst, SttLayout.SEGMENT_HEADER_LENGTH);
        write(h, dst, dst.position());
        return SttLayout.SEGMENT_HEADER_LENGTH;
    }

    static void write(SttSegmentHeader h, ByteBuffer dst, int p) {
        Wire.put64(dst, p, (long) h.sourcePort() << 48 | (long) h.destinationPort() << 32 | h.sequenceNumber());
        Wire.put64(dst, p + 8, h.frameIdentifier() << 32 | 0x5000L << 16 | (long) h.reserved() << 24
                | (long) h.flags().bits() << 16 | h.window());
        Wire.put32(dst, p + 16, (long) h.checksum() << 16 | h.urgentPointer());
    }

    /**
     * Computes the TCP checksum of the {@code length}-octet segment (header and payload) at
     * {@code index} and writes it.
     *
     * @param pseudoHeaderSum the outer IPv4 or IPv6 pseudo-header sum for protocol 6 and this length
     * @return the checksum written
     */
    public static int fillChecksum(ByteBuffer buf, int index, int length, int pseudoHeaderSum) {
        return TcpEncoder.fillChecksum(buf, index, length, pseudoHeaderSum);
    }
}
