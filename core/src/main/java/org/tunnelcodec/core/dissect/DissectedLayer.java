package org.tunnelcodec.core.dissect;

import java.util.Objects;

/**
 * One decoded layer of a frame.
 *
 * @param layer         the layer that decoded it
 * @param offset        the offset of the layer's first byte: in the frame (counted from the
 *                      frame's position) when {@code buffer} is 0, else in the buffer a layer
 *                      continued the walk in (a reassembled STT frame)
 * @param length        the header's length on the wire
 * @param payloadLength the length of the payload the header bounds
 * @param header        the decoded header record
 * @param buffer        0 for the frame itself, n for the n-th buffer the walk continued in
 */
public record DissectedLayer(ProtocolLayer<?> layer, int offset, int length, int payloadLength, Object header,
                             int buffer) {
    /** Checks the components. */
    public DissectedLayer {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(header, "header");
    }

    /** @return the layer's name, for example {@code "ipv4"} */
    public String name() {
        return layer.name();
    }

    /**
     * The layer's one-line summary of its key fields, made on each call (the dissection does
     * not build it).
     *
     * @return the summary
     */
    @SuppressWarnings("unchecked")
    public String summary() {
        return ((ProtocolLayer<Object>) layer).summary(header);
    }
}
