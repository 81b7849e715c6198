package org.tunnelcodec.core;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What a decoder returns: the header record, the header's length on the wire, and the
 * payload that follows it.
 *
 * <p>The payload is a zero-copy slice of the decoded buffer: it shares its bytes (writes
 * through it are visible in the source, and it is writable if the source was), its byte
 * order is big-endian, and it ends where the protocol's own length field says the payload
 * ends, so link-layer padding is not payload. {@link #payload()} returns a fresh duplicate
 * each time, so moving its position changes neither this record nor its equality.
 *
 * @param header       the decoded header
 * @param headerLength the number of bytes the header occupies on the wire
 * @param payload      the bytes after the header, bounded by the protocol's length field
 * @param <H>          the header type
 */
public record Decoded<H>(H header, int headerLength, ByteBuffer payload) {
    /** Checks the components. */
    public Decoded {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        if (headerLength < 0) {
            throw new IllegalArgumentException("headerLength: " + headerLength + " (expected: >= 0)");
        }
    }

    /** @return a duplicate of the payload slice, positioned at its first byte */
    @Override
    public ByteBuffer payload() {
        return payload.duplicate();
    }

    /** @return the number of payload bytes */
    public int payloadLength() {
        return payload.remaining();
    }
}
