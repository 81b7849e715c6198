package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes LISP data headers (see {@link LispHeader}). Follows the decoder contract of
 * {@code org.tunnelcodec.core}.
 *
 * <p>The header is 8 octets and has no version, length or checksum: the only malformation is
 * fewer than 8 octets ({@code TRUNCATED}, named after the first field, Flags). No flag
 * combination is refused, because RFC 9300 §5.3 tells a receiver what to do with each:
 * <ul>
 *   <li>N and V together: "a decapsulating ETR MUST treat the 'Nonce/Map-Version' field as
 *       having a Nonce value present" ({@link LispHeader#nonce()}, and
 *       {@link LispHeader#mapVersionPresent()} is false);</li>
 *   <li>E without N: "This bit MUST be ignored and has no meaning when the N-bit is set to 0"
 *       ({@link LispHeader#echoNonceRequested()} is false);</li>
 *   <li>bit 5 (R): "MUST be ignored on receipt" (it is kept; with RFC 9305 it is P, and
 *       {@link LispGpeDecoder} reads the header);</li>
 *   <li>L clear: the Locator-Status-Bits carry nothing (they are kept);</li>
 *   <li>KK not 0: the payload is encrypted (RFC 8061 §3) and is not an IP packet; the decoder
 *       keeps it as the payload, the dissector names no layer after it.</li>
 * </ul>
 * The payload is the rest of the range: the inner IPv4 or IPv6 packet, told apart by its
 * version nibble (RFC 9300 has no protocol field, RFC 9305 §1).
 */
public final class LispDecoder {
    private static final String PROTOCOL = LispHeader.PROTOCOL;

    private LispDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the header, its length on the wire (8) and the inner packet after it
     * @throws MalformedPacketException if fewer than 8 octets remain
     */
    public static Decoded<LispHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit}.
     * Offsets in errors count from {@code index}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header, its length on the wire (8) and the inner packet after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 8 octets remain
     */
    public static Decoded<LispHeader> decode(ByteBuffer src, int index, int limit) {
        int payloadLength = (int) checked(src, index, limit);
        LispHeader h = header(Wire.i32(src, index), Wire.i32(src, index + 4));
        return Decoded.of(h, LispLayout.LENGTH, src, index + LispLayout.LENGTH, payloadLength);
    }

    /** The record of the two words, as the decoder and the view build it. */
    static LispHeader header(int first, int second) {
        int flags = first >>> 24;
        long word = second & 0xFFFF_FFFFL;
        if ((flags & LispLayout.I) != 0) {
            return new LispHeader(flags, first & LispLayout.MAX_NONCE, (int) (word >>> 8), word & 0xFF);
        }
        return new LispHeader(flags, first & LispLayout.MAX_NONCE, 0, word);
    }

    /**
     * Makes every check {@link #decode} makes, without allocating. The decoder, {@link LispView},
     * {@link LispGpeDecoder}, the dissector's walk and the tunnel extractor are built on it.
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
            throw truncated(PROTOCOL, available);
        }
        return (long) LispLayout.LENGTH << 32 | available - LispLayout.LENGTH;
    }

    // The peeks need only the octets of their field and check nothing beyond the bounds of
    // those; when the buffer holds the whole 8-octet header they read all of it, the same read
    // for every peek. A read past the buffer's limit throws the TRUNCATED error
    // decode(src, index, src.limit()) throws for the same bytes; an index outside the buffer is
    // the caller's mistake.

    /**
     * Peeks at the first octet: the flags.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the flags, as {@link LispHeader#flags()} holds them
     * @throws MalformedPacketException ({@code TRUNCATED}) if the octet is past the limit, as
     *     {@link #decode} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int flags(ByteBuffer src, int index) {
        try {
            // With the whole header in the buffer, the peeks all make the same 8-octet read,
            // which the JIT makes once for a caller that peeks at several fields.
            return src.limit() - index >= LispLayout.LENGTH ? (int) (Wire.i64(src, index) >>> 56)
                    : Wire.u8(src, index);
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at bits 8-31, the Nonce when N is set, without looking at the flags.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return bits 8-31, 0..16777215
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first 4 octets run past the
     *     limit, as {@link #decode} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int nonce(ByteBuffer src, int index) {
        try {
            return (src.limit() - index >= LispLayout.LENGTH ? (int) (Wire.i64(src, index) >>> 32)
                    : Wire.i32(src, index)) & LispLayout.MAX_NONCE; // the same read as flags
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the Instance ID: bits 32-55, or -1 when I is clear.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Instance ID, 0..16777215, or -1 when I is clear
     * @throws MalformedPacketException ({@code TRUNCATED}) if the 8 octets run past the limit,
     *     as {@link #decode} reports it
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int instanceId(ByteBuffer src, int index) {
        try {
            long words = Wire.i64(src, index);
            return (words >>> 56 & LispLayout.I) == 0 ? -1 : (int) (words >>> 8) & LispLayout.MAX_INSTANCE_ID;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the Locator-Status-Bits as the flags lay them out: the last octet with I set, the
     * second word with I clear; whether L is set or not.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Locator-Status-Bits, as {@link LispHeader#locatorStatusBits()} holds them
     * @throws MalformedPacketException ({@code TRUNCATED}) if the 8 octets run past the limit,
     *     as {@link #decode} reports it
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static long locatorStatusBits(ByteBuffer src, int index) {
        try {
            long words = Wire.i64(src, index);
            return (words >>> 56 & LispLayout.I) == 0 ? words & LispLayout.MAX_LSB : words & 0xFF;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * The exception of a peek whose read failed: the caller's {@link IndexOutOfBoundsException}
     * when {@code index} is outside the buffer, else decode's {@code TRUNCATED} error. Cold.
     */
    static RuntimeException peekFailure(ByteBuffer src, int index, IndexOutOfBoundsException e) {
        int limit = src.limit();
        if (index < 0 || index > limit) {
            return e;
        }
        return truncated(PROTOCOL, limit - index);
    }

    /** Fewer than 8 octets: named after the first field, as VXLAN names its short header. */
    static MalformedPacketException truncated(String protocol, int available) {
        return MalformedPacketException.truncated(protocol, "Flags", 0, LispLayout.LENGTH, available);
    }
}
