package org.tunnelcodec.core.transport;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes TCP headers (RFC 9293). Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>.
 *
 * <p>Receiver checks: Data Offset at least 5 ({@code BAD_LENGTH}) and the whole header
 * present ({@code TRUNCATED}). TCP has no length field: the payload is the rest of the
 * buffer, which the IP layer has already bounded. The options are kept as bytes.
 */
public final class TcpDecoder {
    private TcpDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer
     * @return the header and the payload (the rest of the buffer)
     * @throws MalformedPacketException if the bytes are not a valid TCP header
     */
    public static Decoded<TcpHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit};
     * the payload runs to {@code limit}. Offsets in errors count from {@code index}.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the header and the payload, which runs to {@code limit}
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid TCP header
     */
    public static Decoded<TcpHeader> decode(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int headerLength = headerLength(src, index, limit);
        int offsetFlags = Wire.u16(src, index + 12);
        ByteString options = headerLength == TcpHeader.MIN_LENGTH ? ByteString.EMPTY
                : ByteString.copyOf(src, index + TcpHeader.MIN_LENGTH, headerLength - TcpHeader.MIN_LENGTH);
        TcpHeader h = new TcpHeader(Wire.u16(src, index), Wire.u16(src, index + 2), Wire.u32(src, index + 4),
                Wire.u32(src, index + 8), (offsetFlags >>> 8) & 0xF, TcpFlags.of(offsetFlags & 0xFF),
                Wire.u16(src, index + 14), Wire.u16(src, index + 16), Wire.u16(src, index + 18), options);
        return Decoded.of(h, headerLength, src, index + headerLength, limit - index - headerLength);
    }

    /**
     * Peeks at the header length (Data Offset times 4), checking it is at least 20 and present.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return Data Offset times 4, 20 to 60
     * @throws MalformedPacketException as {@link #decode} does
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int headerLength(ByteBuffer src, int index) {
        return headerLength(src, index, src.limit());
    }

    /**
     * As {@link #headerLength(ByteBuffer, int)}, reading nothing at or past {@code limit}.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return Data Offset times 4, 20 to 60
     * @throws MalformedPacketException as {@link #decode} does
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     */
    public static int headerLength(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(TcpHeader.PROTOCOL, "Source Port", index, index, TcpHeader.MIN_LENGTH, limit);
        int headerLength = (Wire.u8(src, index + 12) >>> 4) * 4;
        if (headerLength < TcpHeader.MIN_LENGTH) {
            throw badDataOffset(headerLength / 4);
        }
        Wire.require(TcpHeader.PROTOCOL, "Options", index, index + TcpHeader.MIN_LENGTH,
                headerLength - TcpHeader.MIN_LENGTH, limit);
        return headerLength;
    }

    private static MalformedPacketException badDataOffset(int dataOffset) {
        return MalformedPacketException.invalid(TcpHeader.PROTOCOL, "Data Offset", 12, Reason.BAD_LENGTH, dataOffset,
                "at least 5");
    }

    /**
     * Peeks at the Source Port.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the Source Port
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int sourcePort(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u16(src, index);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(TcpHeader.PROTOCOL, "Source Port", src, index, 2, e);
        }
    }

    /**
     * Peeks at the Destination Port.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the Destination Port
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int destinationPort(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u16(src, index + 2);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(TcpHeader.PROTOCOL, "Destination Port", src, index, 4, e);
        }
    }

    /**
     * Whether the Checksum of the {@code length}-byte segment at {@code index} verifies.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param length the segment's length in bytes, header and payload
     * @param pseudoHeaderSum the IPv4 or IPv6 pseudo-header sum with the TCP length
     * @return whether the one's complement sum of the segment and the pseudo-header is 0xFFFF
     * @throws IndexOutOfBoundsException if the segment is not within the buffer's limit
     */
    public static boolean verifyChecksum(ByteBuffer src, int index, int length, int pseudoHeaderSum) {
        return TransportChecksum.verifies(src, index, length, pseudoHeaderSum);
    }
}
