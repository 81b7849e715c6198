package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes VXLAN headers (see {@link VxlanHeader}). Follows the decoder contract of
 * {@code org.tunnelcodec.core}.
 *
 * <p>The header is 8 octets and has no version, length or checksum: the only malformation is
 * fewer than 8 octets ({@code TRUNCATED}, named after the first field, Flags). Every bit is
 * kept, I clear included (RFC 7348 §5 asks receivers to ignore the reserved bits; what to do
 * with a clear I is {@link VxlanPolicy}'s decision, not the decoder's). The payload is the rest
 * of the range: an Ethernet frame without its FCS (RFC 7348 §5).
 */
public final class VxlanDecoder {
    private static final String PROTOCOL = VxlanHeader.PROTOCOL;

    private VxlanDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the header, its length on the wire (8) and the inner frame after it
     * @throws MalformedPacketException if fewer than 8 octets remain
     */
    public static Decoded<VxlanHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit}.
     * Offsets in errors count from {@code index}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header, its length on the wire (8) and the inner frame after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 8 octets remain
     */
    public static Decoded<VxlanHeader> decode(ByteBuffer src, int index, int limit) {
        int payloadLength = (int) checked(src, index, limit);
        int first = Wire.i32(src, index);
        int second = Wire.i32(src, index + 4);
        VxlanHeader h = new VxlanHeader(first >>> 16, first & 0xFFFF, second >>> 8, second & 0xFF);
        return Decoded.of(h, VxlanLayout.LENGTH, src, index + VxlanLayout.LENGTH, payloadLength);
    }

    /**
     * Makes every check {@link #decode} makes, without allocating. The decoder, {@link VxlanView}
     * and the dissector's walk are built on it.
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
        if (available < VxlanLayout.LENGTH) {
            throw truncated(available);
        }
        return (long) VxlanLayout.LENGTH << 32 | available - VxlanLayout.LENGTH;
    }

    // The peeks read only what they need and check nothing beyond the bounds of what they read.
    // A read past the buffer's limit throws the TRUNCATED error decode(src, index, src.limit())
    // throws for the same bytes; an index outside the buffer is the caller's mistake.

    /**
     * Peeks at the first 16 bits: the flags.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the flags word, as {@link VxlanHeader#flags()} holds it
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first two octets run past the
     *     limit, as {@link #decode} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int flags(ByteBuffer src, int index) {
        try {
            return Wire.u16(src, index);
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the Group Policy ID (the second 16 bits).
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Group Policy ID, 0..65535, whether G is set or not
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first 4 octets run past the
     *     limit, as {@link #decode} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int groupPolicyId(ByteBuffer src, int index) {
        try {
            return Wire.i32(src, index) & 0xFFFF;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the VNI, without looking at I.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the VXLAN Network Identifier, 0..16777215
     * @throws MalformedPacketException ({@code TRUNCATED}) if the 8 octets run past the limit, as
     *     {@link #decode} reports it
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int vni(ByteBuffer src, int index) {
        try {
            // One 8-octet read from the header's first octet: a negative index fails here.
            return (int) (Wire.i64(src, index) >>> 8) & VxlanLayout.MAX_VNI;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * The exception of a peek whose read failed: the caller's {@link IndexOutOfBoundsException}
     * when {@code index} is outside the buffer, else decode's {@code TRUNCATED} error. Cold.
     */
    private static RuntimeException peekFailure(ByteBuffer src, int index, IndexOutOfBoundsException e) {
        int limit = src.limit();
        if (index < 0 || index > limit) {
            return e;
        }
        return truncated(limit - index);
    }

    /** Fewer than 8 octets: named after the first field, as GRE names its short first word. */
    static MalformedPacketException truncated(int available) {
        return MalformedPacketException.truncated(PROTOCOL, "Flags", 0, VxlanLayout.LENGTH, available);
    }
}
