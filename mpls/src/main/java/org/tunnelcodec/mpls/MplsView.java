package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * A reusable view of one label stack in a buffer, for a per-packet data path that must not
 * allocate: {@link #wrap} makes exactly the checks {@link MplsDecoder#decode} makes (both are
 * built on {@link MplsDecoder#scan}) and throws the same {@link MalformedPacketException}; the
 * accessors then read the entries from the buffer without building an {@link MplsHeader}.
 *
 * <p>Mutable and not thread-safe: keep one per thread and wrap each packet in turn. The view
 * reads the buffer when asked, so it reflects later writes to it (a swap in place, for
 * instance). After a failed {@code wrap} the view is empty and its accessors throw
 * {@link IllegalStateException} until the next successful one.
 */
public final class MplsView implements LabelStack {
    private ByteBuffer source;
    // A heap buffer's array and the array index of the top entry: entries are read from the
    // array itself (still the buffer's current octets), which the JIT can read once per entry.
    private byte[] array;
    private int arrayIndex;
    private int index;
    private int limit;
    /** The number of entries, at least 1; 0 while the view is empty (never wrapped, or a wrap failed). */
    private int depth;

    /** An empty view: wrap a packet before reading it. */
    public MplsView() {
    }

    /**
     * Wraps the stack at {@code src.position()}, reading up to {@code src.limit()}, at most
     * {@link MplsDecoder#DEFAULT_MAX_DEPTH} entries.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return this view
     * @throws MalformedPacketException as {@link MplsDecoder#decode(ByteBuffer)} would
     */
    public MplsView wrap(ByteBuffer src) {
        return wrap(src, src.position(), src.limit(), MplsDecoder.DEFAULT_MAX_DEPTH);
    }

    /**
     * Wraps the stack at absolute {@code index}, reading no byte at or past {@code limit}, at most
     * {@link MplsDecoder#DEFAULT_MAX_DEPTH} entries.
     *
     * @param src   the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the top entry
     * @param limit the end of the readable range: nothing at or past it is read
     * @return this view
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link MplsDecoder#decode(ByteBuffer, int, int)} would
     */
    public MplsView wrap(ByteBuffer src, int index, int limit) {
        return wrap(src, index, limit, MplsDecoder.DEFAULT_MAX_DEPTH);
    }

    /**
     * Wraps the stack at absolute {@code index}, reading no byte at or past {@code limit}, at most
     * {@code maxDepth} entries.
     *
     * @param src      the buffer; its position, limit, mark and byte order are not changed
     * @param index    the absolute index of the top entry
     * @param limit    the end of the readable range: nothing at or past it is read
     * @param maxDepth the most entries to read, 1..{@link MplsDecoder#MAX_DEPTH_BOUND}
     * @return this view
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws IllegalArgumentException if {@code maxDepth} is out of range
     * @throws MalformedPacketException as {@link MplsDecoder#decode(ByteBuffer, int, int, int)} would
     */
    public MplsView wrap(ByteBuffer src, int index, int limit, int maxDepth) {
        depth = 0; // empty until the checks pass
        int d = MplsDecoder.scan(src, index, limit, maxDepth);
        this.index = index;
        this.limit = limit;
        // The references are stored only when they change: a data path wraps the same buffer
        // frame after frame, and every reference store costs a GC write barrier.
        if (source != src) {
            source = src;
        }
        byte[] a = src.hasArray() ? src.array() : null;
        if (array != a) {
            array = a;
        }
        arrayIndex = a != null ? src.arrayOffset() + index : 0;
        this.depth = d;
        return this;
    }

    private ByteBuffer source() {
        if (depth == 0) {
            throw empty();
        }
        return source;
    }

    private static IllegalStateException empty() {
        return new IllegalStateException("no stack wrapped (a wrap failed, or none was made)");
    }

    @Override
    public int depth() {
        source();
        return depth;
    }

    @Override
    public int word(int i) {
        int d = depth;
        if (i < 0 || i >= d) { // one test for both mistakes: an empty view has depth 0
            throw d == 0 ? empty() : new IndexOutOfBoundsException("Index " + i + " out of bounds for length " + d);
        }
        byte[] a = array;
        return a != null ? (int) MplsLayout.ENTRY.get(a, arrayIndex + i * MplsLayout.ENTRY_LENGTH)
                : Wire.i32(source, index + i * MplsLayout.ENTRY_LENGTH);
    }

    /**
     * Returns the top entry's label.
     *
     * @return the label of the first entry
     */
    public int topLabel() {
        return label(0);
    }

    /**
     * Returns the absolute index of the top entry.
     *
     * @return where the stack starts in the buffer
     */
    public int index() {
        source();
        return index;
    }

    /**
     * Returns the stack's length on the wire.
     *
     * @return 4 octets per entry
     */
    public int headerLength() {
        source();
        return depth * MplsLayout.ENTRY_LENGTH;
    }

    /**
     * Returns the absolute index of the first octet after the bottom entry.
     *
     * @return where the payload starts
     */
    public int payloadIndex() {
        source();
        return index + depth * MplsLayout.ENTRY_LENGTH;
    }

    /**
     * Returns the payload's length: the rest of the wrapped range.
     *
     * @return the octets from {@link #payloadIndex()} to the limit
     */
    public int payloadLength() {
        source();
        return limit - index - depth * MplsLayout.ENTRY_LENGTH;
    }

    /**
     * Returns the buffer the view reads.
     *
     * @return the wrapped buffer
     */
    public ByteBuffer buffer() {
        return source();
    }

    /**
     * Identifies the payload by the rules of {@link MplsBindings#identify}, without allocating.
     *
     * @param bindings the caller's label bindings ({@link MplsBindings#NONE} for none)
     * @return the payload's type and the rule that decided it
     */
    public MplsPayload payload(MplsBindings bindings) {
        return bindings.identify(source(), index, depth, limit);
    }

    /**
     * Builds the record of the wrapped stack.
     *
     * @return the stack as a record
     */
    public MplsHeader toHeader() {
        int[] words = new int[depth()];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(i);
        }
        return new MplsHeader(PackedEntries.of(words));
    }

    @Override
    public String toString() {
        if (depth == 0) {
            return "MplsView[empty]";
        }
        StringBuilder sb = new StringBuilder("MplsView[");
        for (int i = 0; i < depth; i++) {
            sb.append(i == 0 ? "" : ", ").append(LabelStackEntry.of(word(i)));
        }
        return sb.append(']').toString();
    }
}
