package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes pseudowire control words (see {@link ControlWord}). Follows the decoder contract of
 * {@code org.tunnelcodec.core}.
 *
 * <p>The decoder refuses only what is not a control word: fewer than 4 octets
 * ({@code TRUNCATED}), a first nibble other than 0000 ({@code BAD_VALUE}, RFC 4385 §3), a Length
 * of 1, 2 or 3, shorter than the control word itself ({@code BAD_LENGTH}), and a Length past the
 * end of the bytes ({@code TRUNCATED}, field {@code Length}). Flags and FRG are kept as they
 * are: their meaning belongs to the PW type, which the caller knows from the label binding.
 *
 * <p>When Length is not 0 it bounds the payload: the payload is Length - 4 octets and what
 * follows is link-layer padding (RFC 4385 §4). When Length is 0 the payload is the rest of the
 * bytes.
 */
public final class ControlWordDecoder {
    private static final String PROTOCOL = ControlWord.PROTOCOL;

    private ControlWordDecoder() {
    }

    /**
     * Decodes the control word at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the control word, its length on the wire (4) and the payload after it
     * @throws MalformedPacketException if the bytes are not a control word
     */
    public static Decoded<ControlWord> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the control word at absolute {@code index}, reading no byte at or past
     * {@code limit}. Offsets in errors count from {@code index}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the control word, its length on the wire (4) and the payload after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a control word
     */
    public static Decoded<ControlWord> decode(ByteBuffer src, int index, int limit) {
        int payloadLength = (int) checked(src, index, limit);
        int w = Wire.i32(src, index);
        ControlWord cw = new ControlWord(w >>> ControlWordLayout.FLAGS_SHIFT & ControlWordLayout.FLAGS_MASK,
                w >>> ControlWordLayout.FRG_SHIFT & ControlWordLayout.FRG_MASK,
                w >>> ControlWordLayout.LENGTH_SHIFT & ControlWordLayout.LENGTH_MASK,
                w & ControlWordLayout.SEQUENCE_MASK);
        return Decoded.of(cw, ControlWord.LENGTH, src, index + ControlWord.LENGTH, payloadLength);
    }

    /**
     * Makes every check {@link #decode} makes, without allocating: for a data path that needs
     * only the payload's bounds.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header length (always 4) in the upper 32 bits, the payload length in the
     *         lower 32: Length - 4 when Length is set, else the rest of the bytes
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long checked(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int available = limit - index;
        if (available < ControlWord.LENGTH) {
            throw truncatedWord(available); // R13
        }
        int w = Wire.i32(src, index);
        int nibble = w >>> ControlWordLayout.NIBBLE_SHIFT;
        if (nibble != 0) {
            throw MalformedPacketException.invalid(PROTOCOL, "first nibble", 0, Reason.BAD_VALUE, nibble,
                    "0 (0000b) in a control word, RFC 4385 §3");
        }
        int length = w >>> ControlWordLayout.LENGTH_SHIFT & ControlWordLayout.LENGTH_MASK;
        int payloadLength;
        if (length == 0) {
            payloadLength = available - ControlWord.LENGTH;
        } else if (length < ControlWord.LENGTH) {
            throw MalformedPacketException.invalid(PROTOCOL, "Length", ControlWordLayout.LENGTH_OFFSET,
                    Reason.BAD_LENGTH, length, "0, or 4..63: the control word and its payload, RFC 4385 §4");
        } else if (length > available) {
            // Length covers the control word and its payload, from offset 0, as UDP's Length does.
            throw MalformedPacketException.truncated(PROTOCOL, "Length", 0, length, available);
        } else {
            payloadLength = length - ControlWord.LENGTH; // RFC 4385 §4: the rest is padding
        }
        return (long) ControlWord.LENGTH << 32 | payloadLength;
    }

    /**
     * Peeks at the Sequence Number. Like every peek it reads only what it needs and makes no
     * check beyond the bounds of what it reads: not the first nibble, not Length.
     *
     * @param src the buffer; nothing is read at or past its limit
     * @param index the absolute index of the control word
     * @return the Sequence Number, 0..65535 (0: sequencing not used)
     * @throws MalformedPacketException ({@code TRUNCATED}) if the 4 octets run past the limit, as
     *     {@link #decode} reports it
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int sequenceNumber(ByteBuffer src, int index) {
        try {
            return Wire.i32(src, index) & ControlWordLayout.SEQUENCE_MASK;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * The exception of a peek whose read failed: the caller's {@link IndexOutOfBoundsException}
     * when {@code index} is outside the buffer, else decode's {@code TRUNCATED} error.
     */
    private static RuntimeException peekFailure(ByteBuffer src, int index, IndexOutOfBoundsException e) {
        int limit = src.limit();
        if (index < 0 || index > limit) {
            return e;
        }
        return truncatedWord(limit - index);
    }

    /** R13: fewer than 4 octets. Named after the first field, as GRE names its short first word. */
    private static MalformedPacketException truncatedWord(int available) {
        return MalformedPacketException.truncated(PROTOCOL, "Flags", 0, ControlWord.LENGTH, available);
    }
}
