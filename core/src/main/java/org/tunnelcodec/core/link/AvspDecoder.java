package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes Arista's vendor-specific protocol header ({@link AvspHeader}), from its Subtype (the
 * EtherType {@code 0xD28B} belongs to the header before it). Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>. Every value of
 * every field is accepted and kept; the only error is a header cut short ({@code TRUNCATED}).
 * The payload is the rest of the bytes.
 */
public final class AvspDecoder {
    private AvspDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the bytes, from position to limit
     * @return the header, its length and the payload
     * @throws MalformedPacketException if the header is cut short
     */
    public static Decoded<AvspHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src   the buffer
     * @param index the absolute index of the header's first byte (its Subtype)
     * @param limit the end (exclusive) of the bytes that belong to this header and its payload
     * @return the header, its length and the payload, which runs to {@code limit}
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the header is cut short
     */
    public static Decoded<AvspHeader> decode(ByteBuffer src, int index, int limit) {
        int length = headerLength(src, index, limit);
        int subtype = Wire.u16(src, index);
        int version = Wire.u16(src, index + 2);
        AvspHeader h;
        if (length == AvspHeader.BASE_LENGTH) {
            h = new AvspHeader(subtype, version, AvspHeader.ABSENT, AvspHeader.ABSENT, null);
        } else {
            int at = index + AvspHeader.TIMESTAMP_OFFSET;
            boolean wide = length == AvspHeader.length(AvspHeader.SUBTYPE_TIMESTAMP, AvspHeader.TIMESTAMP_64_TAI);
            long seconds = wide ? Wire.u32(src, at) : Wire.u16(src, at);
            long nanoseconds = Wire.u32(src, at + (wide ? 4 : 2));
            h = new AvspHeader(subtype, version, seconds, nanoseconds, EtherType.of(Wire.u16(src, index + length - 2)));
        }
        return Decoded.of(h, length, src, index + length, limit - index - length);
    }

    /**
     * Checks the header at absolute {@code index} as {@link #decode(ByteBuffer, int, int)} does
     * and returns its length, without allocating: 14 or 12 for a timestamp of a known format,
     * whose Type is then in the last two octets, otherwise 4.
     *
     * @param src   the buffer
     * @param index the absolute index of the header's first byte (its Subtype)
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the header's length
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the header is cut short
     */
    public static int headerLength(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(AvspHeader.PROTOCOL, "Subtype", index, index, 2, limit);
        Wire.require(AvspHeader.PROTOCOL, "Version", index, index + 2, 2, limit);
        int length = AvspHeader.length(Wire.u16(src, index), Wire.u16(src, index + 2));
        if (length > AvspHeader.BASE_LENGTH) {
            int timestamp = length - AvspHeader.BASE_LENGTH - 2;
            Wire.require(AvspHeader.PROTOCOL, "Timestamp", index, index + AvspHeader.TIMESTAMP_OFFSET, timestamp,
                    limit);
            Wire.require(AvspHeader.PROTOCOL, "Type", index, index + length - 2, 2, limit);
        }
        return length;
    }
}
