package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes the Linux "cooked" capture header, version 2 ({@link LinuxSll2Header}). Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>. Every value of
 * every field is accepted and kept, the Reserved field included; the only error is a header
 * cut short ({@code TRUNCATED}). The payload is the rest of the bytes.
 */
public final class LinuxSll2Decoder {
    private LinuxSll2Decoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the bytes, from position to limit
     * @return the header, its length (20) and the payload
     * @throws MalformedPacketException if fewer than 20 bytes remain
     */
    public static Decoded<LinuxSll2Header> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src   the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that belong to this header and its payload
     * @return the header, its length (20) and the payload, which runs to {@code limit}
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 20 bytes lie before {@code limit}
     */
    public static Decoded<LinuxSll2Header> decode(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(LinuxSll2Header.PROTOCOL, "Protocol Type", index, index, LinuxSll2Header.LENGTH, limit);
        LinuxSll2Header h = new LinuxSll2Header(EtherType.of(Wire.u16(src, index)), Wire.u16(src, index + 2),
                Wire.u32(src, index + 4), Wire.u16(src, index + 8), Wire.u8(src, index + 10),
                Wire.u8(src, index + 11), ByteString.copyOf(src, index + 12, 8));
        return Decoded.of(h, LinuxSll2Header.LENGTH, src, index + LinuxSll2Header.LENGTH,
                limit - index - LinuxSll2Header.LENGTH);
    }
}
