package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes an 802.1Q tag that follows another header ({@link VlanHeader}). Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>. Every value of
 * every field is accepted and kept; the errors are a header cut short and an 802.3 Length
 * past the bytes ({@code TRUNCATED}). The payload is the rest of the bytes, or the Length's
 * octets.
 */
public final class VlanDecoder {
    private VlanDecoder() {
    }

    /**
     * Decodes the tag at {@code src.position()}.
     *
     * @param src the bytes, from position to limit
     * @return the header, its length (4) and the payload
     * @throws MalformedPacketException if fewer than 4 bytes remain, or an 802.3 Length runs past them
     */
    public static Decoded<VlanHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the tag at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src   the buffer
     * @param index the absolute index of the tag's first byte (its Tag Control Information)
     * @param limit the end (exclusive) of the bytes that belong to this header and its payload
     * @return the header, its length (4) and the payload
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 4 bytes lie before {@code limit}, or an
     *     802.3 Length runs past it
     */
    public static Decoded<VlanHeader> decode(ByteBuffer src, int index, int limit) {
        int payloadLength = payloadLength(src, index, limit);
        int tci = Wire.u16(src, index);
        VlanHeader h = new VlanHeader(tci >>> 13, (tci & 0x1000) != 0, tci & 0xFFF,
                EtherType.of(Wire.u16(src, index + 2)));
        return Decoded.of(h, VlanHeader.LENGTH, src, index + VlanHeader.LENGTH, payloadLength);
    }

    /**
     * Checks the tag at absolute {@code index} as {@link #decode(ByteBuffer, int, int)} does and
     * returns its payload's length, without allocating: the rest of the bytes, or an 802.3
     * Length's octets.
     *
     * @param src   the buffer
     * @param index the absolute index of the tag's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the payload's length
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 4 bytes lie before {@code limit}, or an
     *     802.3 Length runs past it
     */
    public static int payloadLength(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(VlanHeader.PROTOCOL, "Tag Control Information", index, index, VlanHeader.LENGTH, limit);
        int type = Wire.u16(src, index + 2);
        int payloadIndex = index + VlanHeader.LENGTH;
        if (type <= EthernetLayout.MAX_LENGTH_FIELD) {
            Wire.require(VlanHeader.PROTOCOL, "Length", index, payloadIndex, type, limit);
            return type;
        }
        return limit - payloadIndex;
    }
}
