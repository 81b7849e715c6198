package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes the Cisco HDLC framing header ({@link CiscoHdlcHeader}). Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>. Every value of
 * every field is accepted and kept; the only error is a header cut short ({@code TRUNCATED}).
 * The payload is the rest of the bytes.
 */
public final class CiscoHdlcDecoder {
    private CiscoHdlcDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the bytes, from position to limit
     * @return the header, its length (4) and the payload
     * @throws MalformedPacketException if fewer than 4 bytes remain
     */
    public static Decoded<CiscoHdlcHeader> decode(ByteBuffer src) {
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
    public static Decoded<CiscoHdlcHeader> decode(ByteBuffer src, int index, int limit) {
        int protocol = protocol(src, index, limit);
        CiscoHdlcHeader h = new CiscoHdlcHeader(Wire.u8(src, index), Wire.u8(src, index + 1), EtherType.of(protocol));
        return Decoded.of(h, CiscoHdlcHeader.LENGTH, src, index + CiscoHdlcHeader.LENGTH,
                limit - index - CiscoHdlcHeader.LENGTH);
    }

    /**
     * Checks the header at absolute {@code index} as {@link #decode(ByteBuffer, int, int)} does
     * and returns its Protocol field, without allocating.
     *
     * @param src   the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the Protocol field, 0..65535
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 4 bytes lie before {@code limit}
     */
    public static int protocol(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(CiscoHdlcHeader.PROTOCOL, "Address", index, index, CiscoHdlcHeader.LENGTH, limit);
        return Wire.u16(src, index + CiscoHdlcHeader.PROTOCOL_OFFSET);
    }
}
