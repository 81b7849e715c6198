package org.tunnelcodec.core.dissect;

import java.util.Objects;

/**
 * One decoded layer of a frame.
 *
 * @param name          the layer's name, for example {@code "ipv4"}
 * @param offset        the offset of the layer's first byte in the frame
 * @param length        the header's length on the wire
 * @param payloadLength the length of the payload the header bounds
 * @param header        the decoded header record
 * @param summary       the layer's one-line summary of its key fields
 */
public record DissectedLayer(String name, int offset, int length, int payloadLength, Object header,
                             String summary) {
    /** Checks the components. */
    public DissectedLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(summary, "summary");
    }
}
