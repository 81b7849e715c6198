package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes Geneve headers with their options (see {@link GeneveHeader}). Follows the decoder
 * contract of {@code org.tunnelcodec.core}.
 *
 * <p>The decoder refuses:
 * <ul>
 *   <li>fewer than 8 octets ({@code TRUNCATED}, named after the first field, Ver);</li>
 *   <li>a Ver other than 0 ({@code UNSUPPORTED_VERSION}: "Packets received by a tunnel endpoint
 *       with an unknown version MUST be dropped", RFC 8926 §3.4; tshark flags it and decodes on,
 *       and Linux {@code geneve_rcv} drops it);</li>
 *   <li>options that the range cuts ({@code TRUNCATED}, field "Variable-Length Options": Opt
 *       Len announces more octets than there are);</li>
 *   <li>an option whose Length runs past the end Opt Len gives the options ({@code TRUNCATED},
 *       field "Variable-Length Option Data", {@linkplain MalformedPacketException#boundedBy()
 *       bounded by} "geneve Opt Len", as the core bounds an IPv6 option by its header's length):
 *       "Packets in which the total length of all options is not equal to the 'Opt Len' in the
 *       base header are invalid and MUST be silently dropped" (RFC 8926 §3.5). tshark marks the
 *       option ({@code geneve.option.length.invalid}) and still decodes the payload after Opt
 *       Len.</li>
 * </ul>
 * Everything else is kept: O and C as on the wire (C is not checked against the options'
 * critical bits), the reserved bits, unknown Protocol Types and every option, known or not,
 * with its data as it is. Options need no separate cap: Opt Len allows 252 octets and an option
 * takes at least 4, so a header has at most 63.
 *
 * <p>The payload is the rest of the range after the options: Geneve has no length field of its
 * own, the UDP Length bounds it.
 */
public final class GeneveDecoder {
    private static final String PROTOCOL = GeneveHeader.PROTOCOL;
    private static final String OPT_LEN_BOUND = PROTOCOL + " Opt Len";

    private GeneveDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the header, its length on the wire (options included) and the payload after it
     * @throws MalformedPacketException if the bytes are not a version 0 Geneve header
     */
    public static Decoded<GeneveHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit}.
     * Offsets in errors count from {@code index}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header, its length on the wire (options included) and the payload after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a version 0 Geneve header
     */
    public static Decoded<GeneveHeader> decode(ByteBuffer src, int index, int limit) {
        long lengths = checked(src, index, limit);
        int headerLength = (int) (lengths >>> 32);
        int first = Wire.i32(src, index);
        int second = Wire.i32(src, index + 4);
        List<GeneveOption> options = options(src, index + GeneveLayout.MIN_LENGTH, index + headerLength);
        GeneveHeader h = new GeneveHeader((first >>> 16 & GeneveLayout.O) != 0, (first >>> 16 & GeneveLayout.C) != 0,
                first >>> 16 & GeneveLayout.RESERVED_FLAGS_MASK, EtherType.of(first & 0xFFFF), second >>> 8,
                second & 0xFF, options);
        return Decoded.of(h, headerLength, src, index + headerLength, (int) lengths);
    }

    /**
     * Makes every check {@link #decode} makes, without allocating: the fixed part, the version,
     * the options' presence and every option's Length. The decoder, {@link GeneveView} and the
     * dissector's walk are built on it.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header length (8 plus the options) in the upper 32 bits, the payload length
     *         (the rest of the range) in the lower 32
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long checked(ByteBuffer src, int index, int limit) {
        int headerLength = fixedPart(src, index, limit);
        walkOptions(src, index, index + headerLength, null);
        return (long) headerLength << 32 | limit - index - headerLength;
    }

    /**
     * Checks the range, the fixed part, the version and that the options are within the range.
     *
     * @return the header length: 8 plus Opt Len times 4
     */
    static int fixedPart(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        if (limit - index < GeneveLayout.MIN_LENGTH) {
            throw truncatedFixedPart(limit - index);
        }
        int first = Wire.u8(src, index);
        int version = first >>> GeneveLayout.VERSION_SHIFT;
        if (version != GeneveHeader.VERSION) {
            throw MalformedPacketException.invalid(PROTOCOL, "Ver", 0, Reason.UNSUPPORTED_VERSION, version,
                    "0, RFC 8926 §3.4: an endpoint drops an unknown version");
        }
        int optionsLength = (first & GeneveLayout.OPT_LEN_MASK) * 4;
        Wire.require(PROTOCOL, "Variable-Length Options", index, index + GeneveLayout.MIN_LENGTH, optionsLength, limit);
        return GeneveLayout.MIN_LENGTH + optionsLength;
    }

    /**
     * Walks the options from {@code index + 8} to {@code end}, checking that each one's data ends
     * within Opt Len, and records the index of each option's header in {@code offsets} when it is
     * not null. At most 63 options fit, so {@code offsets} needs 63 entries.
     *
     * @return the number of options
     */
    static int walkOptions(ByteBuffer src, int index, int end, int[] offsets) {
        int count = 0;
        for (int at = index + GeneveLayout.MIN_LENGTH; at < end; count++) {
            // Opt Len and every option are whole 4-octet words, so an option's header always fits.
            int dataLength = (Wire.u8(src, at + 3) & GeneveLayout.OPTION_LENGTH_MASK) * 4;
            int data = at + GeneveLayout.OPTION_HEADER_LENGTH;
            if (dataLength > end - data) {
                throw MalformedPacketException.truncated(PROTOCOL, "Variable-Length Option Data", data - index,
                        dataLength, end - data, OPT_LEN_BOUND);
            }
            if (offsets != null) {
                offsets[count] = at;
            }
            at = data + dataLength;
        }
        return count;
    }

    /** Reads options that {@link #walkOptions} has checked. */
    private static List<GeneveOption> options(ByteBuffer src, int at, int end) {
        if (at == end) {
            return List.of();
        }
        List<GeneveOption> options = new ArrayList<>(4);
        while (at < end) {
            int word = Wire.i32(src, at);
            int dataLength = (word & GeneveLayout.OPTION_LENGTH_MASK) * 4;
            options.add(new GeneveOption(word >>> 16, word >>> 8 & 0xFF, (word & 0xFF) >>> GeneveLayout.OPTION_RESERVED_SHIFT,
                    ByteString.copyOf(src, at + GeneveLayout.OPTION_HEADER_LENGTH, dataLength)));
            at += GeneveLayout.OPTION_HEADER_LENGTH + dataLength;
        }
        return options;
    }

    // The peeks read only what they need, within the fixed part, and check nothing beyond the
    // bounds of what they read (not the version, not the options). A read past the buffer's
    // limit throws the TRUNCATED error decode(src, index, src.limit()) throws for the same bytes.

    /**
     * Peeks at the version (0..3; only 0 {@link #decode} accepts).
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Ver field
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first octet is past the limit,
     *     as {@link #decode} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int version(ByteBuffer src, int index) {
        try {
            return Wire.u8(src, index) >>> GeneveLayout.VERSION_SHIFT;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the options' length in octets (Opt Len times 4), without checking them; the
     * payload starts {@code 8 +} this many octets after {@code index}.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the option octets, 0..252
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first octet is past the limit,
     *     as {@link #decode} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int optionsLength(ByteBuffer src, int index) {
        try {
            return (Wire.u8(src, index) & GeneveLayout.OPT_LEN_MASK) * 4;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the Protocol Type.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Protocol Type, an EtherType value
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first 4 octets run past the
     *     limit, as {@link #decode} reports the short header
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int protocolType(ByteBuffer src, int index) {
        try {
            return Wire.i32(src, index) & 0xFFFF;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the VNI.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Virtual Network Identifier, 0..16777215
     * @throws MalformedPacketException ({@code TRUNCATED}) if the 8 octets of the fixed part run
     *     past the limit, as {@link #decode} reports it
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
        return truncatedFixedPart(limit - index);
    }

    private static MalformedPacketException truncatedFixedPart(int available) {
        return MalformedPacketException.truncated(PROTOCOL, "Ver", 0, GeneveLayout.MIN_LENGTH, available);
    }
}
