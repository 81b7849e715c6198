package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes {@link PppHeader}. Follows the decoder contract of {@code org.tunnelcodec.core}; the
 * payload is the rest of the buffer. {@link PppEncoder} writes the header.
 *
 * <p>Address and Control are recognised by the octets 0xFF 0x03; a frame that starts with
 * 0xFF but not 0xFF 0x03 is {@code BAD_VALUE}, since 0xFF is not a valid first protocol
 * octet. A protocol whose first octet is odd is the one-octet compressed form.
 */
public final class PppDecoder {
    private static final String PROTOCOL = PppHeader.PROTOCOL;

    private PppDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the header, its length on the wire and the payload after it
     * @throws MalformedPacketException if the bytes are not a PPP header
     */
    public static Decoded<PppHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header, its length on the wire and the payload after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a PPP header
     */
    public static Decoded<PppHeader> decode(ByteBuffer src, int index, int limit) {
        int scan = scan(src, index, limit);
        int length = scan >>> 24;
        boolean compressed = (scan & 0x10000) != 0;
        PppHeader h = new PppHeader(length - (compressed ? 1 : 2) == 2, scan & 0xFFFF, compressed);
        return Decoded.of(h, length, src, index + length, limit - index - length);
    }

    /**
     * Makes every check {@link #decode(ByteBuffer, int, int)} makes, without allocating.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header length in bits 24-31, 1 in bit 16 when the Protocol field is
     *     compressed to one octet, and the Protocol in bits 0-15
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a PPP header
     */
    public static int scan(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(PROTOCOL, "Protocol", index, index, 1, limit);
        int at = index;
        if (Wire.u8(src, at) == 0xFF) {
            Wire.require(PROTOCOL, "Control", index, at, 2, limit);
            if (Wire.u8(src, at + 1) != 0x03) {
                throw MalformedPacketException.invalid(PROTOCOL, "Control", 1, Reason.BAD_VALUE, Wire.u8(src, at + 1),
                        "0x03 after Address 0xff, RFC 1662 §3.1");
            }
            at += 2;
        }
        Wire.require(PROTOCOL, "Protocol", index, at, 1, limit);
        int first = Wire.u8(src, at);
        if ((first & 1) != 0) {
            return (at + 1 - index) << 24 | 0x10000 | first;
        }
        Wire.require(PROTOCOL, "Protocol", index, at, 2, limit);
        return (at + 2 - index) << 24 | Wire.u16(src, at);
    }
}
