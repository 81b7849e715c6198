package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes the binary traffic selectors of RFC 6088 (see {@link BinaryTrafficSelector}): the
 * octets of a Traffic Selector sub-option after its TS Format and Reserved octets, whose length
 * the sub-option gives. {@link MobilityHeaderDecoder} applies the same rules to each Traffic
 * Selector sub-option of TS Format 1 or 2, and {@link FlowSubOption.TrafficSelector#binary()}
 * decodes with this class.
 *
 * <p>The decoder refuses:
 * <ul>
 *   <li>fewer than the 4 octets of the flags word ({@code TRUNCATED}, field "TS Flags": RFC 6088
 *       §3.1 Figure 1 and §3.2 Figure 2 give the flags and their Reserved bits a 32-bit word);</li>
 *   <li>a length other than the flags word plus the fields its flags set ({@code BAD_LENGTH},
 *       field "Traffic Selector": RFC 6088 §3.1, §3.2 place the fields one after another, and
 *       the sub-option's length is theirs);</li>
 *   <li>an End flag without its Start flag ({@code BAD_VALUE}, field "TS Flags": RFC 6088
 *       §3.1, §3.2: each End field "MUST NOT be included unless the Start ... field is
 *       included").</li>
 * </ul>
 * The Reserved bits of the flags word (to be "ignored by the receiver", §3.1, §3.2), a start
 * above its end (a range that matches nothing) and the first 8 bits of a flow label field are
 * kept as received. The sub-option's alignment requirement (§3.1, §3.2) is not checked, as no
 * option alignment is on receipt.
 */
public final class TrafficSelectorDecoder {
    private static final String PROTOCOL = MobilityHeader.PROTOCOL;

    private TrafficSelectorDecoder() {
    }

    /**
     * Returns whether a TS Format is one of the binary formats this class decodes.
     *
     * @param format the TS Format, 0..255
     * @return whether it is 1 (IPv4 binary) or 2 (IPv6 binary)
     */
    public static boolean isBinary(int format) {
        return format == Mip6Layout.TS_IPV4 || format == Mip6Layout.TS_IPV6;
    }

    /**
     * Decodes the selector of TS Format {@code format} in the {@code length} octets at
     * {@code index}. Offsets in errors count from {@code index}.
     *
     * @param format the TS Format, 1 or 2
     * @param src    the buffer; its position, limit, mark and byte order are not changed
     * @param index  the absolute index of the flags word
     * @param length the selector's octets (the sub-option's Length less 2)
     * @return the selector, an {@link Ipv4TrafficSelector} or an {@link Ipv6TrafficSelector}
     * @throws IllegalArgumentException if {@code format} is neither 1 nor 2
     * @throws IndexOutOfBoundsException if {@code [index, index + length)} is not within
     *     {@code src.limit()}
     * @throws MalformedPacketException if the octets are not a selector a receiver accepts
     */
    public static BinaryTrafficSelector decode(int format, ByteBuffer src, int index, int length) {
        checked(format, src, index, length);
        return format == Mip6Layout.TS_IPV4 ? Ipv4TrafficSelector.read(src, index) : Ipv6TrafficSelector.read(src, index);
    }

    /**
     * Makes every check {@link #decode} makes, without allocating.
     *
     * @param format the TS Format, 1 or 2
     * @param src    the buffer; its position, limit, mark and byte order are not changed
     * @param index  the absolute index of the flags word
     * @param length the selector's octets
     * @return {@code length}
     * @throws IllegalArgumentException if {@code format} is neither 1 nor 2
     * @throws IndexOutOfBoundsException if {@code [index, index + length)} is not within
     *     {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static int checked(int format, ByteBuffer src, int index, int length) {
        if (!isBinary(format)) {
            throw new IllegalArgumentException("format: " + format + " (expected: 1 or 2)");
        }
        Objects.checkFromIndexSize(index, length, src.limit());
        if (length < Mip6Layout.TS_FLAGS_LENGTH) {
            throw MalformedPacketException.truncated(PROTOCOL, "TS Flags", 0, Mip6Layout.TS_FLAGS_LENGTH, length);
        }
        int flags = Wire.u16(src, index);
        int required = Mip6Layout.tsLength(format, flags);
        if (length != required) {
            throw MalformedPacketException.invalid(PROTOCOL, "Traffic Selector", 0, Reason.BAD_LENGTH, length,
                    required + " for TS Flags " + hex(flags) + ", " + Mip6Layout.tsSection(format));
        }
        if (Mip6Layout.tsEndWithoutStart(format, flags)) {
            throw endWithoutStart(format, flags, 0);
        }
        return length;
    }

    /** The error for an End flag set without its Start flag, at {@code offset}. */
    static MalformedPacketException endWithoutStart(int format, int flags, int offset) {
        return MalformedPacketException.invalid(PROTOCOL, "TS Flags", offset, Reason.BAD_VALUE, flags,
                "each End flag with its Start flag, " + Mip6Layout.tsSection(format));
    }

    /** A flags word as {@code 0x00C8}. */
    static String hex(int flags) {
        return String.format("0x%04X", flags);
    }
}
