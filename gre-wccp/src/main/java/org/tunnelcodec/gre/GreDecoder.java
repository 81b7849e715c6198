package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes GRE headers of every variant (see {@link GreHeader}). Follows the decoder contract
 * of {@code org.tunnelcodec.core}.
 *
 * <p>The decoder keeps every bit and rejects only what it cannot represent: a version other
 * than 0 or 1 ({@code UNSUPPORTED_VERSION}; RFC 2784 §2.3.1 defines 0, RFC 2637 §4.1 defines
 * 1), fields past the limit ({@code TRUNCATED}), more than 16 SREs ({@code LIMIT_EXCEEDED}), a
 * NULL SRE whose SRE Offset is not 0 ({@code BAD_VALUE}: it could not be re-encoded). Which
 * headers a receiver accepts is {@link GrePolicy}'s decision; the checksum is verified on
 * request with {@link #verifyChecksum}.
 *
 * <p>The payload is the rest of the buffer (the delivery header bounds it), except in version
 * 1 with a Key, where Payload Length bounds it (RFC 2637 §4.1: octets past it are padding).
 */
public final class GreDecoder {
    private static final String PROTOCOL = GreHeader.PROTOCOL;

    private GreDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the header, its length on the wire and the payload after it
     * @throws MalformedPacketException if the bytes are not a GRE header this decoder can represent
     */
    public static Decoded<GreHeader> decode(ByteBuffer src) {
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
     * @throws MalformedPacketException if the bytes are not a GRE header this decoder can represent
     */
    public static Decoded<GreHeader> decode(ByteBuffer src, int index, int limit) {
        // The view makes every check. wrap is small enough to be inlined here, and the JIT then
        // removes the view: a decode allocates its Decoded and its record (and the SREs).
        GreView v = new GreView().wrap(src, index, limit);
        int word = v.flagsAndVersion();
        List<SourceRouteEntry> routing = (word & GreLayout.R) != 0 ? routing(src, index + fixedLength(word)) : List.of();
        GreHeader h = header(word, EtherType.of(v.protocolType()), v.checksum(), v.offset(), v.key(),
                v.sequenceNumber(), v.acknowledgmentNumber(), routing);
        return Decoded.of(h, v.headerLength(), src, v.payloadIndex(), v.payloadLength());
    }

    // GreView.wrap must stay within HotSpot's FreqInlineSize (325 bytecodes) for decode to
    // allocate no view (GreViewInliningTest checks it): the checks and the cold paths live in
    // these helpers.

    /**
     * Checks the range, that the first word is there, the version, and that the fixed-position
     * fields fit.
     *
     * @return the first 32 bits: flags and version, then Protocol Type
     */
    static int fixedPart(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(PROTOCOL, "Flags", index, index, GreLayout.MIN_LENGTH, limit); // peekFailure reports it so too
        int first = Wire.i32(src, index);
        int word = first >>> 16;
        int version = word & GreLayout.VERSION_MASK;
        if (version > 1) {
            throw badVersion(version);
        }
        if (index + fixedLength(word) > limit) {
            throw truncatedFixedPart(word, index, limit);
        }
        return first;
    }

    /**
     * Makes every check {@link #decode} makes, without allocating: the fixed part, the SRE list
     * of RFC 1701 and, in version 1 with a Key, the Payload Length of RFC 2637 §4.1.
     *
     * @return the header length in the upper 32 bits, the payload length in the lower 32
     * @throws MalformedPacketException as {@link #decode} does
     */
    static long checked(ByteBuffer src, int index, int limit) {
        int word = fixedPart(src, index, limit) >>> 16;
        int at = index + fixedLength(word);
        if ((word & GreLayout.R) != 0) {
            at = routingEnd(src, index, at, limit);
        }
        int payload = limit - at;
        if ((word & GreLayout.VERSION_MASK) == 1 && (word & GreLayout.K) != 0) {
            int keyIndex = index + GreLayout.MIN_LENGTH + ((word & (GreLayout.C | GreLayout.R)) != 0 ? 4 : 0);
            payload = pptpPayloadLength(Wire.u32(src, keyIndex), at - index, payload);
        }
        return (long) (at - index) << 32 | payload;
    }

    /** The record from the first word and the fields read after it. */
    private static GreHeader header(int word, EtherType protocolType, int checksum, int offset, long key,
                                    long sequence, long ack, List<SourceRouteEntry> routing) {
        int version = word & GreLayout.VERSION_MASK;
        int reservedFlags = (word & GreLayout.RESERVED_FLAGS_MASK) >>> GreLayout.RESERVED_FLAGS_SHIFT;
        if (version == 1) {
            reservedFlags &= 0x0F; // bit 8 is A in version 1
        }
        return new GreHeader(version, (word & GreLayout.C) != 0, (word & GreLayout.R) != 0,
                (word & GreLayout.STRICT) != 0, (word & GreLayout.RECURSION_MASK) >>> GreLayout.RECURSION_SHIFT,
                reservedFlags, protocolType, checksum, offset, key, sequence, ack, routing);
    }

    /** The error for a fixed part that does not fit: names the first field past the limit. */
    static MalformedPacketException truncatedFixedPart(int word, int index, int limit) {
        int at = index + GreLayout.MIN_LENGTH;
        String[] names = {"Checksum", "Key", "Sequence Number", "Acknowledgment Number"};
        boolean[] present = {(word & (GreLayout.C | GreLayout.R)) != 0, (word & GreLayout.K) != 0,
            (word & GreLayout.S) != 0, (word & GreLayout.VERSION_MASK) == 1 && (word & GreLayout.A) != 0};
        for (int i = 0; i < names.length; i++) {
            if (present[i]) {
                if (at + 4 > limit) {
                    return MalformedPacketException.truncated(PROTOCOL, names[i], at - index, 4, Math.max(0, limit - at));
                }
                at += 4;
            }
        }
        throw new IllegalStateException("the fixed part fits");
    }

    /** RFC 2637 §4.1: Payload Length bounds the payload; octets past it are padding. */
    static int pptpPayloadLength(long key, int headerLength, int available) {
        int pptpLength = (int) (key >>> 16);
        if (pptpLength > available) {
            throw MalformedPacketException.truncated(PROTOCOL, "Payload Length", headerLength, pptpLength, available);
        }
        return pptpLength;
    }

    /**
     * Walks the SRE list (RFC 1701 §2.1) at {@code at} without allocating, checking everything
     * {@link #decode} checks, and returns the index after the NULL SRE.
     */
    static int routingEnd(ByteBuffer src, int base, int at, int limit) {
        for (int entries = 0; ; entries++) {
            Wire.require(PROTOCOL, "Address Family", base, at, 4, limit);
            int family = Wire.u16(src, at);
            int sreOffset = Wire.u8(src, at + 2);
            int sreLength = Wire.u8(src, at + 3);
            if (family == 0 && sreLength == 0) {
                if (sreOffset != 0) {
                    throw MalformedPacketException.invalid(PROTOCOL, "SRE Offset", at + 2 - base, Reason.BAD_VALUE,
                            sreOffset, "0 in the NULL SRE");
                }
                return at + 4;
            }
            if (entries == GreLayout.MAX_SOURCE_ROUTE_ENTRIES) {
                throw MalformedPacketException.invalid(PROTOCOL, "Routing", at - base, Reason.LIMIT_EXCEEDED,
                        "more than " + GreLayout.MAX_SOURCE_ROUTE_ENTRIES + " SREs");
            }
            Wire.require(PROTOCOL, "Routing Information", base, at + 4, sreLength, limit);
            at += 4 + sreLength;
        }
    }

    /** Reads an SRE list that {@link #routingEnd} has checked, leaving out the NULL SRE. */
    private static List<SourceRouteEntry> routing(ByteBuffer src, int at) {
        List<SourceRouteEntry> entries = new ArrayList<>(2);
        while (true) {
            int family = Wire.u16(src, at);
            int sreLength = Wire.u8(src, at + 3);
            if (family == 0 && sreLength == 0) {
                return entries;
            }
            entries.add(new SourceRouteEntry(family, Wire.u8(src, at + 2), ByteString.copyOf(src, at + 4, sreLength)));
            at += 4 + sreLength;
        }
    }

    static MalformedPacketException badVersion(int version) {
        return MalformedPacketException.invalid(PROTOCOL, "Ver", 1, Reason.UNSUPPORTED_VERSION, version, "0 or 1");
    }

    /**
     * Whether the GRE checksum of the {@code length} octets at {@code index} (header and
     * payload, RFC 2784 §2.5) verifies. Meaningful only when C is set.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param length the number of octets: the GRE header and its payload
     * @return whether the Internet checksum over the range, Checksum field included, verifies
     * @throws IndexOutOfBoundsException if the range is outside the buffer's limit
     */
    public static boolean verifyChecksum(ByteBuffer src, int index, int length) {
        return InternetChecksum.verifies(src, index, length, 0);
    }

    // The peeks. Each reads only what it needs and makes no check beyond the bounds of what it
    // reads; when that is past the buffer's limit it throws the TRUNCATED error decode(src,
    // index, src.limit()) would throw for the same bytes (the first field past the limit, offsets
    // from index). Their fast path has one bounds check, the buffer's own: the exception is
    // worked out in the catch block.

    /**
     * Peeks at the version (0..7; only 0 and 1 {@link #decode} accepts).
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Ver field
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first two octets are past the
     *     limit, as {@link #decode} reports a short first word
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int version(ByteBuffer src, int index) {
        try {
            return Wire.u16(src, index) & GreLayout.VERSION_MASK;
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
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first 4 octets are past the
     *     limit, as {@link #decode} reports it
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int protocolType(ByteBuffer src, int index) {
        try {
            // One read from the header's first octet: a negative index fails here, not two octets later.
            return Wire.i32(src, index) & 0xFFFF;
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the header length, walking the SRE list when R is set, without allocating. Unlike
     * the other peeks it makes every check of {@link #decode} that the header length depends on.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the header length on the wire
     * @throws MalformedPacketException if the header is truncated or malformed, as {@link #decode} says
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int headerLength(ByteBuffer src, int index) {
        int limit = src.limit();
        int word = fixedPart(src, index, limit) >>> 16;
        int at = index + fixedLength(word);
        if ((word & GreLayout.R) != 0) {
            at = routingEnd(src, index, at, limit);
        }
        return at - index;
    }

    /**
     * Peeks at the Key.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Key, unsigned, or {@link GreHeader#ABSENT} when K is clear
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first 4 octets, or the fields
     *     up to the Key when K is set, are past the limit, as {@link #decode} reports it
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static long key(ByteBuffer src, int index) {
        try {
            int word = Wire.i32(src, index) >>> 16; // flags and Protocol Type in one read
            if ((word & GreLayout.K) == 0) {
                return GreHeader.ABSENT;
            }
            return Wire.u32(src, index + GreLayout.MIN_LENGTH + ((word & (GreLayout.C | GreLayout.R)) != 0 ? 4 : 0));
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * Peeks at the Sequence Number.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the header
     * @return the Sequence Number, unsigned, or {@link GreHeader#ABSENT} when S is clear
     * @throws MalformedPacketException ({@code TRUNCATED}) if the first 4 octets, or the fields
     *     up to the Sequence Number when S is set, are past the limit, as {@link #decode} reports it
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static long sequenceNumber(ByteBuffer src, int index) {
        try {
            int word = Wire.i32(src, index) >>> 16;
            if ((word & GreLayout.S) == 0) {
                return GreHeader.ABSENT;
            }
            return Wire.u32(src, index + GreLayout.MIN_LENGTH + ((word & (GreLayout.C | GreLayout.R)) != 0 ? 4 : 0)
                    + ((word & GreLayout.K) != 0 ? 4 : 0));
        } catch (IndexOutOfBoundsException e) {
            throw peekFailure(src, index, e);
        }
    }

    /**
     * The exception of a peek whose read failed: the caller's {@link IndexOutOfBoundsException}
     * when {@code index} is outside the buffer, else decode's {@code TRUNCATED} error for the
     * bytes up to the limit: the short first word, or the first fixed-position field past the
     * limit. Cold: only failed peeks come here.
     */
    private static RuntimeException peekFailure(ByteBuffer src, int index, IndexOutOfBoundsException e) {
        int limit = src.limit();
        if (index < 0 || index > limit) {
            return e;
        }
        if (limit - index < GreLayout.MIN_LENGTH) {
            return MalformedPacketException.truncated(PROTOCOL, "Flags", 0, GreLayout.MIN_LENGTH, limit - index);
        }
        return truncatedFixedPart(Wire.i32(src, index) >>> 16, index, limit);
    }

    /** The header length without the SRE list. */
    static int fixedLength(int word) {
        int n = GreLayout.MIN_LENGTH;
        if ((word & (GreLayout.C | GreLayout.R)) != 0) {
            n += 4;
        }
        if ((word & GreLayout.K) != 0) {
            n += 4;
        }
        if ((word & GreLayout.S) != 0) {
            n += 4;
        }
        if ((word & GreLayout.VERSION_MASK) == 1 && (word & GreLayout.A) != 0) {
            n += 4;
        }
        return n;
    }
}
