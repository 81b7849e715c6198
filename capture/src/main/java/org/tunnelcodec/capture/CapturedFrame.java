package org.tunnelcodec.capture;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;

/**
 * One frame of a capture file.
 *
 * @param number         the frame's number in the file, counting from 1 as tshark does
 * @param timestamp      when it was captured
 * @param originalLength the frame's length on the wire
 * @param data           the captured bytes (may be shorter than {@code originalLength})
 */
public record CapturedFrame(int number, Instant timestamp, int originalLength, ByteBuffer data) {
    /**
     * Checks the components.
     *
     * @param number         the frame's number in the file, counting from 1 as tshark does
     * @param timestamp      when it was captured
     * @param originalLength the frame's length on the wire
     * @param data           the captured bytes (may be shorter than {@code originalLength})
     */
    public CapturedFrame {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Returns a read-only big-endian view of the captured bytes, positioned at 0.
     *
     * @return a read-only big-endian view of the captured bytes, positioned at 0
     */
    @Override
    public ByteBuffer data() {
        return data.asReadOnlyBuffer();
    }

    /**
     * Returns a fresh writable copy of the captured bytes.
     *
     * @return a fresh writable copy of the captured bytes
     */
    public ByteBuffer copy() {
        ByteBuffer b = ByteBuffer.allocate(data.remaining());
        b.put(data.duplicate()).flip();
        return b;
    }

    /**
     * Returns the number of captured bytes.
     *
     * @return the number of captured bytes
     */
    public int capturedLength() {
        return data.remaining();
    }

    /**
     * Returns whether fewer bytes were captured than were on the wire.
     *
     * @return whether fewer bytes were captured than were on the wire
     */
    public boolean isTruncated() {
        return capturedLength() < originalLength;
    }
}
