package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes LISP-GPE headers (see {@link LispGpeHeader}). Follows the decoder contract of
 * {@code org.tunnelcodec.core}.
 *
 * <p>A receiver tells LISP-GPE from plain LISP by the P bit alone (RFC 9305 §3: "If the P-bit is
 * clear (0), the LISP header is bit-by-bit equivalent to the definition in RFC 9300"). The
 * decoder refuses fewer than 8 octets ({@code TRUNCATED}, named after Flags) and a header whose
 * P is clear ({@code BAD_VALUE}, field "P": decode it with {@link LispDecoder}). It keeps the
 * rest as on the wire: N, E, V and bits 8-23, which a receiver ignores (RFC 9305 §3), and Next
 * Protocols no registry assigns. What to do with an unknown Next Protocol (drop the packet: its
 * payload cannot be delimited) is the receiver's decision, not the decoder's.
 */
public final class LispGpeDecoder {
    private static final String PROTOCOL = LispGpeHeader.PROTOCOL;

    private LispGpeDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the header, its length on the wire (8) and the payload after it
     * @throws MalformedPacketException if fewer than 8 octets remain or P is clear
     */
    public static Decoded<LispGpeHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit}.
     * Offsets in errors count from {@code index}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header, its length on the wire (8) and the payload after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 8 octets remain or P is clear
     */
    public static Decoded<LispGpeHeader> decode(ByteBuffer src, int index, int limit) {
        int payloadLength = (int) checked(src, index, limit);
        LispGpeHeader h = header(Wire.i32(src, index), Wire.i32(src, index + 4));
        return Decoded.of(h, LispLayout.LENGTH, src, index + LispLayout.LENGTH, payloadLength);
    }

    /** The record of the two words of a header with P set, as the decoder and the view build it. */
    static LispGpeHeader header(int first, int second) {
        int flags = first >>> 24;
        LispGpeNextProtocol next = LispGpeNextProtocol.of(first & 0xFF);
        long word = second & 0xFFFF_FFFFL;
        if ((flags & LispLayout.I) != 0) {
            return new LispGpeHeader(flags, first >>> 8 & 0xFFFF, next, (int) (word >>> 8), word & 0xFF);
        }
        return new LispGpeHeader(flags, first >>> 8 & 0xFFFF, next, 0, word);
    }

    /**
     * Makes every check {@link #decode} makes, without allocating. The decoder, the dissector's
     * walk and the tunnel extractor are built on it.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header length (always 8) in the upper 32 bits, the payload length (the rest of
     *         the range) in the lower 32
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long checked(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int available = limit - index;
        if (available < LispLayout.LENGTH) {
            throw LispDecoder.truncated(PROTOCOL, available);
        }
        if ((Wire.u8(src, index) & LispLayout.P) == 0) {
            throw MalformedPacketException.invalid(PROTOCOL, "P", 0, Reason.BAD_VALUE, 0,
                    "1, RFC 9305 §3: with P clear the header is an RFC 9300 LISP header, not LISP-GPE");
        }
        return (long) LispLayout.LENGTH << 32 | available - LispLayout.LENGTH;
    }

    /**
     * Peeks at the Next Protocol, the last 8 bits of the first word, without looking at P.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Next Protocol value, 0..255
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first 4 octets run past the
     *     limit, as {@link #decode} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int nextProtocol(ByteBuffer src, int index) {
        try {
            return Wire.i32(src, index) & 0xFF;
        } catch (IndexOutOfBoundsException e) {
            int limit = src.limit();
            if (index < 0 || index > limit) {
                throw e;
            }
            throw LispDecoder.truncated(PROTOCOL, limit - index);
        }
    }
}
