package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes the Linux "cooked" capture header, version 1 ({@link LinuxSllHeader}). Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>. Every value of
 * every field is accepted and kept; the only error is a header cut short ({@code TRUNCATED}).
 * The payload is the rest of the bytes.
 */
public final class LinuxSllDecoder {
    private LinuxSllDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the bytes, from position to limit
     * @return the header, its length (16) and the payload
     * @throws MalformedPacketException if fewer than 16 bytes remain
     */
    public static Decoded<LinuxSllHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src   the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that belong to this header and its payload
     * @return the header, its length (16) and the payload, which runs to {@code limit}
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 16 bytes lie before {@code limit}
     */
    public static Decoded<LinuxSllHeader> decode(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(LinuxSllHeader.PROTOCOL, "Packet Type", index, index, LinuxSllHeader.LENGTH, limit);
        LinuxSllHeader h = new LinuxSllHeader(Wire.u16(src, index), Wire.u16(src, index + 2),
                Wire.u16(src, index + 4), ByteString.copyOf(src, index + 6, 8),
                EtherType.of(Wire.u16(src, index + LinuxSllHeader.PROTOCOL_TYPE_OFFSET)));
        return Decoded.of(h, LinuxSllHeader.LENGTH, src, index + LinuxSllHeader.LENGTH,
                limit - index - LinuxSllHeader.LENGTH);
    }
}
