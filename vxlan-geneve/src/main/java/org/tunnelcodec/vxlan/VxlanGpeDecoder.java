package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes VXLAN-GPE headers (see {@link VxlanGpeHeader}). Follows the decoder contract of
 * {@code org.tunnelcodec.core}.
 *
 * <p>The decoder refuses fewer than 8 octets ({@code TRUNCATED}, named after the first field,
 * Flags) and a Ver other than 0 ({@code UNSUPPORTED_VERSION}, field "Ver": "If a receiver does
 * not support the version indicated it MUST drop the packet", draft-ietf-nvo3-vxlan-gpe-13 §3.1;
 * Linux {@code vxlan_parse_gpe_proto} drops it too, while tshark decodes it as version 0). It
 * keeps everything else: I clear, P clear, O set, reserved bits and unknown Next Protocols. The
 * payload is the rest of the range.
 */
public final class VxlanGpeDecoder {
    private static final String PROTOCOL = VxlanGpeHeader.PROTOCOL;

    private VxlanGpeDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the header, its length on the wire (8) and the payload after it
     * @throws MalformedPacketException if fewer than 8 octets remain or Ver is not 0
     */
    public static Decoded<VxlanGpeHeader> decode(ByteBuffer src) {
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
     * @throws MalformedPacketException if fewer than 8 octets remain or Ver is not 0
     */
    public static Decoded<VxlanGpeHeader> decode(ByteBuffer src, int index, int limit) {
        int payloadLength = (int) checked(src, index, limit);
        int first = Wire.i32(src, index);
        int second = Wire.i32(src, index + 4);
        VxlanGpeHeader h = new VxlanGpeHeader(first >>> 24, first >>> 8 & 0xFFFF, VxlanGpeNextProtocol.of(first & 0xFF),
                second >>> 8, second & 0xFF);
        return Decoded.of(h, VxlanGpeLayout.LENGTH, src, index + VxlanGpeLayout.LENGTH, payloadLength);
    }

    /**
     * Makes every check {@link #decode} makes, without allocating. The decoder and the
     * dissector's walk are built on it.
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
        if (available < VxlanGpeLayout.LENGTH) {
            throw truncated(available);
        }
        int version = (Wire.u8(src, index) & VxlanGpeLayout.VERSION_MASK) >>> VxlanGpeLayout.VERSION_SHIFT;
        if (version != VxlanGpeHeader.VERSION) {
            throw MalformedPacketException.invalid(PROTOCOL, "Ver", 0, Reason.UNSUPPORTED_VERSION, version,
                    "0, draft-ietf-nvo3-vxlan-gpe-13 §3.1: a receiver drops a version it does not support");
        }
        return (long) VxlanGpeLayout.LENGTH << 32 | available - VxlanGpeLayout.LENGTH;
    }

    // The peeks read only what they need and check nothing beyond the bounds of what they read
    // (not the version). A read past the buffer's limit throws the TRUNCATED error
    // decode(src, index, src.limit()) throws for the same bytes.

    /**
     * Peeks at the first octet: the flags, Ver included.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the first octet, 0..255
     * @throws MalformedPacketException ({@code TRUNCATED}) if the octet is past the limit, as
     *     {@link #decode} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int flags(ByteBuffer src, int index) {
        try {
            return Wire.u8(src, index);
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the Next Protocol, without looking at P or Ver.
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
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the VNI, without looking at I or Ver.
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
            return (int) (Wire.i64(src, index) >>> 8) & VxlanLayout.MAX_VNI;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    private static RuntimeException peekFailure(ByteBuffer src, int index, IndexOutOfBoundsException e) {
        int limit = src.limit();
        if (index < 0 || index > limit) {
            return e;
        }
        return truncated(limit - index);
    }

    private static MalformedPacketException truncated(int available) {
        return MalformedPacketException.truncated(PROTOCOL, "Flags", 0, VxlanGpeLayout.LENGTH, available);
    }
}
