package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes and encodes {@link PppHeader}. Follows the decoder and encoder contracts of
 * {@code org.tunnelcodec.core}; the payload is the rest of the buffer.
 *
 * <p>Address and Control are recognised by the octets 0xFF 0x03; a frame that starts with
 * 0xFF but not 0xFF 0x03 is {@code BAD_VALUE}, since 0xFF is not a valid first protocol
 * octet. A protocol whose first octet is odd is the one-octet compressed form.
 */
public final class PppCodec {
    static final String PROTOCOL = "PPP";

    private PppCodec() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @throws MalformedPacketException if the bytes are not a PPP header
     */
    public static Decoded<PppHeader> decode(ByteBuffer src) {
        int p = src.position();
        int limit = src.limit();
        Wire.require(PROTOCOL, "Protocol", p, p, 1, limit);
        int at = p;
        boolean ac = false;
        if (Wire.u8(src, at) == 0xFF) {
            Wire.require(PROTOCOL, "Control", p, at, 2, limit);
            if (Wire.u8(src, at + 1) != 0x03) {
                throw MalformedPacketException.invalid(PROTOCOL, "Control", 1, Reason.BAD_VALUE,
                        String.format("0x%02x after Address 0xff (expected: 0x03, RFC 1662 §3.1)", Wire.u8(src, at + 1)));
            }
            ac = true;
            at += 2;
        }
        Wire.require(PROTOCOL, "Protocol", p, at, 1, limit);
        int first = Wire.u8(src, at);
        PppHeader h;
        if ((first & 1) != 0) {
            h = new PppHeader(ac, first, true);
        } else {
            Wire.require(PROTOCOL, "Protocol", p, at, 2, limit);
            h = new PppHeader(ac, Wire.u16(src, at), false);
        }
        int length = h.length();
        return Decoded.of(h, length, src, p + length, limit - p - length);
    }

    /** @return the exact encoded length */
    public static int encodedLength(PppHeader h) {
        return h.length();
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     */
    public static int encode(PppHeader h, ByteBuffer dst) {
        int length = h.length();
        Wire.requireRoom(dst, length);
        int at = dst.position();
        if (h.addressAndControl()) {
            Wire.put8(dst, at, 0xFF);
            Wire.put8(dst, at + 1, 0x03);
            at += 2;
        }
        if (h.protocolCompressed()) {
            Wire.put8(dst, at, h.protocol());
        } else {
            Wire.put16(dst, at, h.protocol());
        }
        return length;
    }
}
