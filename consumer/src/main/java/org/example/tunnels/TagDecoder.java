package org.example.tunnels;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/** Decodes {@link TagHeader}s, following tunnelcodec's decoder contract. */
public final class TagDecoder {
    private TagDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}; reads big-endian whatever {@code src.order()}
     * is and moves nothing.
     *
     * @param src the bytes, from the header to the end of the packet
     * @return the header and its payload, bounded by Payload Length
     * @throws MalformedPacketException if the bytes are not a valid header
     */
    public static Decoded<TagHeader> decode(ByteBuffer src) {
        int index = src.position();
        int available = src.limit() - index;
        if (available < TagHeader.LENGTH) {
            throw MalformedPacketException.truncated(TagHeader.PROTOCOL, "Tag", 0, TagHeader.LENGTH, available);
        }
        int tag = u16(src, index);
        if (tag == 0) {
            throw MalformedPacketException.invalid(TagHeader.PROTOCOL, "Tag", 0,
                    MalformedPacketException.Reason.BAD_VALUE, tag, "1..65535");
        }
        int payloadLength = u16(src, index + 2);
        if (payloadLength > available - TagHeader.LENGTH) {
            throw MalformedPacketException.truncated(TagHeader.PROTOCOL, "Payload", TagHeader.LENGTH, payloadLength,
                    available - TagHeader.LENGTH);
        }
        return Decoded.of(new TagHeader(tag, payloadLength), TagHeader.LENGTH, src, index + TagHeader.LENGTH,
                payloadLength);
    }

    private static int u16(ByteBuffer src, int index) {
        return (src.get(index) & 0xFF) << 8 | src.get(index + 1) & 0xFF;
    }
}
