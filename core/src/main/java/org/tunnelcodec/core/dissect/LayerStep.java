package org.tunnelcodec.core.dissect;

import java.nio.ByteBuffer;

/**
 * What one layer's walk reports to the dissector: its header and payload lengths, the keys
 * of its payload, and, where the protocol needs it, the context of the walk around it. One
 * instance is reused for every layer of every frame a walk visits, so a layer's
 * {@link ProtocolLayer#walk walk} allocates nothing.
 *
 * <p>A layer calls {@link #lengths} once, then {@link #next} for each candidate key of its
 * payload, most specific first (UDP names its destination port, then its source port). A
 * layer that names no key ends the walk: its payload is not a layer it can name.
 */
public final class LayerStep {
    // Length field names are kept by the walk, once each, as small ids.
    int headerLength;
    int payloadLength;
    int lengthFieldId;
    /** The candidate keys, packed, most specific first; a space's fallback follows the key it backs. */
    final long[] keys = new long[MAX_KEYS];
    /**
     * The spaces of the keys whose bit is set in {@link #foreign}: spaces the dissector does
     * not know by their id. A key in a space the dissector knows stores no reference, as a
     * reference store per key costs the walk about a tenth of its time.
     */
    private final KeySpace[] spaces = new KeySpace[MAX_KEYS];
    private int foreign;
    int keyCount;
    static final int MAX_KEYS = 4;
    /** The walk's context, for layers that look outside their own bytes. */
    final FrameWalk walk;
    /** The dissector's spaces by id. */
    private final KeySpace[] known;

    LayerStep(FrameWalk walk, KeySpace[] known) {
        this.walk = walk;
        this.known = known;
    }

    void reset() {
        headerLength = -1;
        payloadLength = -1;
        lengthFieldId = 0;
        keyCount = 0;
        foreign = 0;
    }

    /**
     * Returns the space of the {@code i}-th key.
     *
     * @param i the key's index, below {@link #keyCount}
     * @return the space the layer named it in, or {@code null} for the first key of a frame that
     *     no layer named, when the dissector does not know its space
     */
    KeySpace space(int i) {
        if ((foreign & 1 << i) != 0) {
            return spaces[i];
        }
        int id = LayerKey.spaceId(keys[i]);
        return id > 0 && id < known.length ? known[id] : null;
    }

    /**
     * Reports the header length and the payload that follows it directly, bounded by the rest
     * of the layer's range (no length field of its own).
     *
     * @param headerLength the header's length in bytes
     * @param payloadLength the payload's length in bytes
     * @return this step
     */
    public LayerStep lengths(int headerLength, int payloadLength) {
        return lengths(headerLength, payloadLength, null);
    }

    /**
     * Reports the header length and a payload length taken from the header's own length
     * field, named as the RFC spells it ({@code "Total Length"}), so that a payload this field
     * cut short is reported as bounded by it.
     *
     * @param headerLength the header's length in bytes
     * @param payloadLength the payload's length in bytes, as the length field gives it
     * @param lengthField the length field, as the RFC spells it
     * @return this step
     */
    public LayerStep lengths(int headerLength, int payloadLength, String lengthField) {
        if (headerLength < 0 || payloadLength < 0) {
            throw new IllegalArgumentException("lengths: " + headerLength + ", " + payloadLength
                    + " (expected: >= 0)");
        }
        this.headerLength = headerLength;
        this.payloadLength = payloadLength;
        this.lengthFieldId = lengthField == null ? 0 : walk.fieldId(lengthField);
        return this;
    }

    /**
     * Names a key that may select the payload's decoder; call again for an alternative (at
     * most two). When the space has a fallback, the same value in the fallback space is tried
     * right after it.
     *
     * @param space the key's space
     * @param value the key's value in that space
     * @return this step
     */
    public LayerStep next(KeySpace space, int value) {
        int needed = space.fallback() == null ? 1 : 2;
        if (keyCount + needed > MAX_KEYS) {
            throw new IllegalStateException("next: too many keys (expected: at most two per layer)");
        }
        add(space, value);
        if (needed == 2) {
            add(space.fallback(), value);
        }
        return this;
    }

    private void add(KeySpace space, int value) {
        int i = keyCount++;
        KeySpace k = known[space.id()];
        if (k != space && !space.equals(k)) {
            spaces[i] = space;
            foreign |= 1 << i;
        }
        keys[i] = LayerKey.pack(space, value);
    }

    /**
     * The absolute index of an enclosing layer's first byte, for protocols whose state is
     * keyed by an outer header (STT reassembly needs the IP header around its segment).
     *
     * @param layersBack 1 for the layer that named this one, 2 for the one before it, ...
     * @return the index, or -1 when there is no such layer in this buffer
     */
    public int outerIndex(int layersBack) {
        return walk.outerIndex(layersBack);
    }

    /**
     * The end (exclusive) of an enclosing layer's range, as its own length field bounds it.
     *
     * @param layersBack as {@link #outerIndex}
     * @return the index, or -1 when there is no such layer in this buffer
     */
    public int outerEnd(int layersBack) {
        return walk.outerEnd(layersBack);
    }

    /**
     * The {@link Dissector#layerId layer id} of an enclosing layer.
     *
     * @param layersBack as {@link #outerIndex}
     * @return the id, or -1 when there is no such layer in this buffer
     */
    public int outerLayerId(int layersBack) {
        return walk.outerLayerId(layersBack);
    }

    /**
     * An enclosing layer, for protocols whose framing depends on what carries them (WCCP
     * expects a redirect header whenever GRE came over IPv6).
     *
     * @param layersBack as {@link #outerIndex}
     * @return the layer, or {@code null} when there is no such layer in this buffer
     */
    public ProtocolLayer<?> outerLayer(int layersBack) {
        int id = walk.outerLayerId(layersBack);
        return id < 0 ? null : walk.dissector().layer(id);
    }

    /**
     * The end of the bytes the capture holds in the current buffer. Past it, a frame cut by the
     * capture's snap length reads as zeros: a layer that keeps bytes (a reassembler) must take
     * none from there.
     *
     * @return the absolute index where the captured bytes end
     */
    public int capturedEnd() {
        return walk.capturedEnd();
    }

    /**
     * Returns the capture time the walk was given, in nanoseconds, or 0.
     *
     * @return the capture time the walk was given, in nanoseconds, or 0
     */
    public long timestampNanos() {
        return walk.timestampNanos();
    }

    /**
     * Continues the walk in another buffer after this layer: the payload is the
     * {@code length} bytes at {@code index} of {@code buffer} (a reassembled frame, say), and
     * the keys this layer names choose its decoder. Offsets of the layers after this one
     * count in that buffer.
     *
     * @param buffer the buffer that holds the payload
     * @param index the absolute index of the payload's first byte
     * @param length the payload's length in bytes
     * @return this step
     */
    public LayerStep continueIn(ByteBuffer buffer, int index, int length) {
        walk.continueIn(buffer, index, length);
        return this;
    }
}
