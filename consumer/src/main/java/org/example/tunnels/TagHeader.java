package org.example.tunnels;

/**
 * A 4-byte shim header of this application: a 16-bit tag (1..65535) and the 16-bit length of
 * the payload that follows.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              Tag              |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param tag           the tag, 1..65535
 * @param payloadLength the payload length, 0..65535
 */
public record TagHeader(int tag, int payloadLength) {
    /** The protocol name used in errors. */
    public static final String PROTOCOL = "tag";
    /** The header's length in bytes. */
    public static final int LENGTH = 4;

    /**
     * Checks the ranges.
     *
     * @param tag           the tag, 1..65535
     * @param payloadLength the payload length, 0..65535
     */
    public TagHeader {
        if (tag < 1 || tag > 0xFFFF) {
            throw new IllegalArgumentException("tag: " + tag + " (expected: 1..65535)");
        }
        if (payloadLength < 0 || payloadLength > 0xFFFF) {
            throw new IllegalArgumentException("payloadLength: " + payloadLength + " (expected: 0..65535)");
        }
    }
}
