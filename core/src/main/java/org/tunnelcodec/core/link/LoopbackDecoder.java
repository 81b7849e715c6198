package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes the BSD loopback header ({@link LoopbackHeader}) of pcap link types
 * {@code LINKTYPE_NULL} and {@code LINKTYPE_LOOP}. Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>. Every 32-bit word
 * is a valid header (its byte order is resolved as {@link LoopbackHeader} describes); the
 * only error is a header cut short ({@code TRUNCATED}). The payload is the rest of the bytes.
 */
public final class LoopbackDecoder {
    private LoopbackDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the bytes, from position to limit
     * @return the header, its length (4) and the payload
     * @throws MalformedPacketException if fewer than 4 bytes remain
     */
    public static Decoded<LoopbackHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src   the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that belong to this header and its payload
     * @return the header, its length (4) and the payload, which runs to {@code limit}
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 4 bytes lie before {@code limit}
     */
    public static Decoded<LoopbackHeader> decode(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(LoopbackHeader.PROTOCOL, "Family", index, index, LoopbackHeader.LENGTH, limit);
        return Decoded.of(LoopbackHeader.fromWire(Wire.i32(src, index)), LoopbackHeader.LENGTH, src,
                index + LoopbackHeader.LENGTH, limit - index - LoopbackHeader.LENGTH);
    }
}
