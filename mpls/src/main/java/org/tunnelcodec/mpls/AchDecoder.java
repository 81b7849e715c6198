package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes Associated Channel Headers (see {@link AchHeader}). Follows the decoder contract of
 * {@code org.tunnelcodec.core}.
 *
 * <p>The decoder refuses only what is not an ACH: fewer than 4 octets ({@code TRUNCATED}) and a
 * first nibble other than 0001 ({@code BAD_VALUE}, RFC 4385 §5, RFC 5586 §2). It keeps the rest
 * as it is:
 * <ul>
 *   <li>a Version other than 0 is exposed, not refused: the caller sees
 *       {@link AchHeader#isKnownVersion()} false and must not parse the channel payload, which
 *       this decoder never does (it returns it as raw bytes);</li>
 *   <li>a non-zero Reserved octet is accepted and kept (RFC 5586 §2: receivers ignore it);</li>
 *   <li>any Channel Type is accepted, known or not.</li>
 * </ul>
 *
 * <p>The payload is the rest of the bytes: the ACH has no length field, and the ACH TLVs that
 * RFC 5586 allowed between the header and the payload were retired by RFC 7026.
 */
public final class AchDecoder {
    private static final String PROTOCOL = AchHeader.PROTOCOL;

    private AchDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the header, its length on the wire (4) and the channel payload after it
     * @throws MalformedPacketException if the bytes are not an Associated Channel Header
     */
    public static Decoded<AchHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit}.
     * Offsets in errors count from {@code index}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header, its length on the wire (4) and the channel payload after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not an Associated Channel Header
     */
    public static Decoded<AchHeader> decode(ByteBuffer src, int index, int limit) {
        int payloadLength = (int) checked(src, index, limit);
        int w = Wire.i32(src, index);
        AchHeader h = new AchHeader(w >>> AchLayout.VERSION_SHIFT & AchLayout.VERSION_MASK,
                w >>> AchLayout.RESERVED_SHIFT & AchLayout.RESERVED_MASK,
                AchChannelType.of(w & AchLayout.CHANNEL_TYPE_MASK));
        return Decoded.of(h, AchHeader.LENGTH, src, index + AchHeader.LENGTH, payloadLength);
    }

    /**
     * Makes every check {@link #decode} makes, without allocating.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header length (always 4) in the upper 32 bits, the payload length (the rest of
     *         the bytes) in the lower 32
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long checked(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int available = limit - index;
        if (available < AchHeader.LENGTH) {
            throw truncatedHeader(available); // R13
        }
        int nibble = Wire.i32(src, index) >>> AchLayout.NIBBLE_SHIFT;
        if (nibble != AchLayout.NIBBLE) {
            throw MalformedPacketException.invalid(PROTOCOL, "first nibble", 0, Reason.BAD_VALUE, nibble,
                    "1 (0001b) in an Associated Channel Header, RFC 4385 §5, RFC 5586 §2");
        }
        return (long) AchHeader.LENGTH << 32 | available - AchHeader.LENGTH;
    }

    /**
     * Peeks at the Channel Type. Like every peek it reads only what it needs and makes no check
     * beyond the bounds of what it reads: not the first nibble, not the Version.
     *
     * @param src the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Channel Type, 0..65535
     * @throws MalformedPacketException ({@code TRUNCATED}) if the 4 octets run past the limit, as
     *     {@link #decode} reports it
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int channelType(ByteBuffer src, int index) {
        try {
            return Wire.i32(src, index) & AchLayout.CHANNEL_TYPE_MASK;
        } catch (IndexOutOfBoundsException e) {
            int limit = src.limit();
            if (index < 0 || index > limit) {
                throw e;
            }
            throw truncatedHeader(limit - index);
        }
    }

    /** R13: fewer than 4 octets. Named after the first field, as GRE names its short first word. */
    private static MalformedPacketException truncatedHeader(int available) {
        return MalformedPacketException.truncated(PROTOCOL, "Version", 0, AchHeader.LENGTH, available);
    }
}
