package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes MPLS label stacks (see {@link MplsHeader}). Follows the decoder contract of
 * {@code org.tunnelcodec.core}.
 *
 * <p>The decoder reads 4-octet entries until the one with S=1 (RFC 3032 §2.1) and rejects only
 * what it cannot represent: an entry cut by the limit ({@code TRUNCATED}) and a stack deeper
 * than the bound ({@code LIMIT_EXCEEDED}; no RFC bounds the depth, so every decode has one: 32
 * entries unless the caller passes another, at least the 30 labels Linux pushes). Special-purpose
 * labels are kept wherever they stand, TTL 0 and 1 included; {@link MplsPolicy} decides what a
 * receiver accepts, {@link MplsBindings#identify} what the payload is.
 *
 * <p>The payload is the rest of the range after the bottom entry (MPLS has no length field);
 * it may be empty (an MPLS packet with no payload is legal on the wire).
 */
public final class MplsDecoder {
    private static final String PROTOCOL = MplsHeader.PROTOCOL;

    /** The depth bound of the decode methods that take none: 32 entries. */
    public static final int DEFAULT_MAX_DEPTH = MplsLayout.DEFAULT_MAX_DEPTH;

    /** The largest depth bound a caller may pass. */
    public static final int MAX_DEPTH_BOUND = MplsLayout.MAX_MAX_DEPTH;

    private MplsDecoder() {
    }

    /**
     * Decodes the stack at {@code src.position()}, at most {@link #DEFAULT_MAX_DEPTH} entries.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the stack, its length on the wire and the payload after it
     * @throws MalformedPacketException if the stack is truncated or deeper than the bound
     */
    public static Decoded<MplsHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit(), DEFAULT_MAX_DEPTH);
    }

    /**
     * Decodes the stack at absolute {@code index}, reading no byte at or past {@code limit}, at
     * most {@link #DEFAULT_MAX_DEPTH} entries.
     *
     * @param src   the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the top entry
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the stack, its length on the wire and the payload after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the stack is truncated or deeper than the bound
     */
    public static Decoded<MplsHeader> decode(ByteBuffer src, int index, int limit) {
        return decode(src, index, limit, DEFAULT_MAX_DEPTH);
    }

    /**
     * Decodes the stack at absolute {@code index}, reading no byte at or past {@code limit}, at
     * most {@code maxDepth} entries.
     *
     * @param src      the buffer; its position, limit, mark and byte order are not changed
     * @param index    the absolute index of the top entry
     * @param limit    the end of the readable range: nothing at or past it is read
     * @param maxDepth the most entries to read before the bottom of stack, 1..{@link #MAX_DEPTH_BOUND}
     * @return the stack, its length on the wire and the payload after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws IllegalArgumentException if {@code maxDepth} is out of range
     * @throws MalformedPacketException if the stack is truncated or deeper than {@code maxDepth}
     */
    public static Decoded<MplsHeader> decode(ByteBuffer src, int index, int limit, int maxDepth) {
        checkRange(src, index, limit, maxDepth);
        // One pass for the stacks of up to four entries, each word read once and kept: the
        // checks are scan's, in the same order.
        byte[] a = src.hasArray() ? src.array() : null;
        int shift = a != null ? src.arrayOffset() : 0;
        int w0 = 0;
        int w1 = 0;
        int w2 = 0;
        int at = index;
        for (int depth = 1; depth <= PackedEntries.INLINE && depth <= maxDepth; depth++) {
            if (limit - at < MplsLayout.ENTRY_LENGTH) {
                throw truncated(index, at, limit);
            }
            int w = a != null ? (int) MplsLayout.ENTRY.get(a, shift + at) : Wire.i32(src, at);
            if ((w & MplsLayout.S) != 0) {
                int payload = at + MplsLayout.ENTRY_LENGTH;
                PackedEntries entries = PackedEntries.inline(depth, depth == 1 ? w : w0, depth == 2 ? w : w1,
                        depth == 3 ? w : w2, w);
                return Decoded.of(new MplsHeader(entries), payload - index, src, payload, limit - payload);
            }
            switch (depth) {
                case 1 -> w0 = w;
                case 2 -> w1 = w;
                default -> w2 = w;
            }
            at += MplsLayout.ENTRY_LENGTH;
        }
        // Deeper: the checks of the whole stack, then its words into one array.
        int depth = scan(src, index, limit, maxDepth);
        int[] words = new int[depth];
        for (int i = 0; i < depth; i++) {
            words[i] = Wire.i32(src, index + i * MplsLayout.ENTRY_LENGTH);
        }
        int payload = index + depth * MplsLayout.ENTRY_LENGTH;
        return Decoded.of(new MplsHeader(PackedEntries.of(words)), payload - index, src, payload, limit - payload);
    }

    /**
     * Makes every check {@link #decode(ByteBuffer, int, int, int)} makes, without allocating, and
     * returns the stack's depth; the header length is 4 octets per entry. The decoder, the view
     * and the dissector's walk are built on it.
     *
     * @param src      the buffer
     * @param index    the absolute index of the top entry
     * @param limit    the end of the readable range
     * @param maxDepth the most entries to read, 1..{@link #MAX_DEPTH_BOUND}
     * @return the number of entries, the last one having S=1
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws IllegalArgumentException if {@code maxDepth} is out of range
     * @throws MalformedPacketException if the stack is truncated or deeper than {@code maxDepth}
     */
    public static int scan(ByteBuffer src, int index, int limit, int maxDepth) {
        checkRange(src, index, limit, maxDepth);
        int at = index;
        // A heap buffer's array is read directly: one bounds check per octet instead of the
        // buffer's own index and state checks.
        byte[] a = src.hasArray() ? src.array() : null;
        int shift = a != null ? src.arrayOffset() : 0;
        for (int depth = 1; depth <= maxDepth; depth++) {
            if (limit - at < MplsLayout.ENTRY_LENGTH) {
                throw truncated(index, at, limit);
            }
            int third = a != null ? a[shift + at + 2] : Wire.u8(src, at + 2);
            if ((third & 1) != 0) { // S, bit 23 (RFC 3032 §2.1)
                return depth;
            }
            at += MplsLayout.ENTRY_LENGTH;
        }
        throw tooDeep(index, at, maxDepth);
    }

    /**
     * Peeks at the top entry's label, without allocating and without checking the rest of the
     * stack.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the top entry
     * @return the label, 0..1048575
     * @throws MalformedPacketException if fewer than 4 octets are left, as {@link #decode} says
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int topLabel(ByteBuffer src, int index) {
        return MplsLayout.label(topWord(src, index));
    }

    /**
     * Peeks at the top entry as its 32-bit word, without allocating.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the top entry
     * @return the word as on the wire (label, TC, S, TTL)
     * @throws MalformedPacketException if fewer than 4 octets are left, as {@link #decode} says
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int topWord(ByteBuffer src, int index) {
        try {
            return Wire.i32(src, index);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(PROTOCOL, "Label", src, index, MplsLayout.ENTRY_LENGTH, e);
        }
    }

    /**
     * Peeks at the stack's depth, reading entries up to the buffer's limit, at most
     * {@link #DEFAULT_MAX_DEPTH}; the checks are those of {@link #decode}.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the top entry
     * @return the number of entries
     * @throws MalformedPacketException as {@link #decode} does
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int depth(ByteBuffer src, int index) {
        return scan(src, index, src.limit(), DEFAULT_MAX_DEPTH);
    }

    /**
     * Peeks at the absolute index of the bottom entry (S=1), reading up to the buffer's limit,
     * at most {@link #DEFAULT_MAX_DEPTH} entries; the checks are those of {@link #decode}. The
     * payload starts 4 octets after it.
     *
     * @param src   the buffer; nothing is read at or past its limit
     * @param index the absolute index of the top entry
     * @return the absolute index of the bottom entry
     * @throws MalformedPacketException as {@link #decode} does
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int bottomOfStack(ByteBuffer src, int index) {
        return index + (scan(src, index, src.limit(), DEFAULT_MAX_DEPTH) - 1) * MplsLayout.ENTRY_LENGTH;
    }

    private static void checkRange(ByteBuffer src, int index, int limit, int maxDepth) {
        Objects.checkFromToIndex(index, limit, src.limit());
        if (maxDepth < 1 || maxDepth > MAX_DEPTH_BOUND) {
            throw new IllegalArgumentException("maxDepth: " + maxDepth + " (expected: 1.." + MAX_DEPTH_BOUND + ")");
        }
    }

    private static MalformedPacketException truncated(int index, int at, int limit) {
        return MalformedPacketException.truncated(PROTOCOL, "Label", at - index, MplsLayout.ENTRY_LENGTH, limit - at);
    }

    private static MalformedPacketException tooDeep(int index, int at, int maxDepth) {
        return MalformedPacketException.invalid(PROTOCOL, "S", at - index - MplsLayout.ENTRY_LENGTH, Reason.LIMIT_EXCEEDED,
                maxDepth, "a bottom of stack within " + maxDepth + " entries (the decoder's bound; RFC 3032 §2.1 sets none)");
    }
}
