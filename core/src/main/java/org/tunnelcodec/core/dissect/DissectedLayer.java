package org.tunnelcodec.core.dissect;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * One layer of a {@link Dissection}: which layer it is, where it lies and how long its header
 * and payload are, and its header record, decoded on first use.
 *
 * <p>The dissection keeps a private copy of the bytes it walked, so a layer can decode its
 * record whenever it is asked, after the caller has reused the frame's buffer. The walk made
 * every check the decoder makes, so the decode succeeds. Immutable in what it shows: the record
 * is made at most once per thread that asks first, and every copy is equal.
 */
public final class DissectedLayer {
    private final ProtocolLayer<?> layer;
    private final int offset;
    private final int length;
    private final int payloadLength;
    private final int buffer;
    private final ByteBuffer bytes;
    private final int limit;
    private volatile Object header;

    DissectedLayer(ProtocolLayer<?> layer, int offset, int length, int payloadLength, int buffer, ByteBuffer bytes,
                   int limit) {
        this.layer = layer;
        this.offset = offset;
        this.length = length;
        this.payloadLength = payloadLength;
        this.buffer = buffer;
        this.bytes = bytes;
        this.limit = limit;
    }

    /**
     * A layer with its record already decoded.
     *
     * @param layer         the layer that decoded it
     * @param offset        where it starts, as {@link #offset()}
     * @param length        the header's length
     * @param payloadLength the payload's length
     * @param header        the header record
     * @param buffer        as {@link #buffer()}
     * @return the layer
     */
    public static DissectedLayer of(ProtocolLayer<?> layer, int offset, int length, int payloadLength, Object header,
                                    int buffer) {
        DissectedLayer l = new DissectedLayer(Objects.requireNonNull(layer, "layer"), offset, length, payloadLength,
                buffer, null, 0);
        l.header = Objects.requireNonNull(header, "header");
        return l;
    }

    /**
     * Returns the layer that decoded it.
     *
     * @return the layer that decoded it
     */
    public ProtocolLayer<?> layer() {
        return layer;
    }

    /**
     * Returns the layer's name, for example {@code "ipv4"}.
     *
     * @return the layer's name, for example {@code "ipv4"}
     */
    public String name() {
        return layer.name();
    }

    /**
     * Returns the offset of the layer's first byte: in the frame (counted from the frame's position)
     * when {@link #buffer()} is 0, else in the buffer a layer continued the walk in (a reassembled STT
     * frame).
     *
     * @return the offset of the layer's first byte: in the frame (counted from the frame's
     *     position) when {@link #buffer()} is 0, else in the buffer a layer continued the walk
     *     in (a reassembled STT frame)
     */
    public int offset() {
        return offset;
    }

    /**
     * Returns the header's length on the wire.
     *
     * @return the header's length on the wire
     */
    public int length() {
        return length;
    }

    /**
     * Returns the length of the payload the header bounds.
     *
     * @return the length of the payload the header bounds
     */
    public int payloadLength() {
        return payloadLength;
    }

    /**
     * Returns 0 for the frame itself, n for the n-th buffer the walk continued in.
     *
     * @return 0 for the frame itself, n for the n-th buffer the walk continued in
     */
    public int buffer() {
        return buffer;
    }

    /**
     * The header record, decoded from the dissection's copy of the bytes the first time it is
     * asked for.
     *
     * @return the record
     */
    public Object header() {
        Object h = header;
        if (h == null) {
            try {
                h = layer.decode(bytes, offset, limit).header();
            } catch (MalformedPacketException e) {
                throw new IllegalStateException("layer " + layer.name() + ": its walk accepted what its decoder refuses",
                        e);
            }
            header = h;
        }
        return h;
    }

    /**
     * The layer's one-line summary of its key fields, made on each call (the dissection does
     * not build it).
     *
     * @return the summary
     */
    @SuppressWarnings("unchecked")
    public String summary() {
        return ((ProtocolLayer<Object>) layer).summary(header());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DissectedLayer l && layer.equals(l.layer) && offset == l.offset && length == l.length
                && payloadLength == l.payloadLength && buffer == l.buffer && header().equals(l.header());
    }

    @Override
    public int hashCode() {
        return Objects.hash(layer.name(), offset, length, payloadLength, buffer, header());
    }

    @Override
    public String toString() {
        return "DissectedLayer[" + layer.name() + " @" + (buffer == 0 ? "" : buffer + ":") + offset + " header " + length
                + " payload " + payloadLength + "]";
    }
}
