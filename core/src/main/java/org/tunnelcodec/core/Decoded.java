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
 * ends, so link-layer padding is not payload. {@link #payload()} creates a fresh slice on
 * each call (the decode itself allocates none), so moving its position changes neither this
 * value nor its equality.
 *
 * <p>Two values are equal when their headers, header lengths and payload bytes are equal.
 *
 * @param <H> the header type
 */
public final class Decoded<H> {
    private final H header;
    private final int headerLength;
    private final ByteBuffer source;
    private final int payloadIndex;
    private final int payloadLength;

    private Decoded(H header, int headerLength, ByteBuffer source, int payloadIndex, int payloadLength) {
        this.header = Objects.requireNonNull(header, "header");
        if (headerLength < 0) {
            throw new IllegalArgumentException("headerLength: " + headerLength + " (expected: >= 0)");
        }
        this.headerLength = headerLength;
        this.source = Objects.requireNonNull(source, "source");
        Objects.checkFromIndexSize(payloadIndex, payloadLength, source.capacity());
        this.payloadIndex = payloadIndex;
        this.payloadLength = payloadLength;
    }

    /**
     * A result whose payload is {@code payloadLength} bytes of {@code source} at absolute
     * {@code payloadIndex}; nothing is copied or sliced until {@link #payload()} is called.
     *
     * @param <H> the header type
     * @param header the header
     * @param headerLength the number of bytes the header occupies on the wire
     * @param source the buffer the payload lies in
     * @param payloadIndex the absolute index of the payload's first byte
     * @param payloadLength the payload's length in bytes
     * @return the result
     * @throws IndexOutOfBoundsException if the range lies outside the source's capacity
     */
    public static <H> Decoded<H> of(H header, int headerLength, ByteBuffer source, int payloadIndex,
                                    int payloadLength) {
        return new Decoded<>(header, headerLength, source, payloadIndex, payloadLength);
    }

    /**
     * A result whose payload is all of {@code payload}'s remaining bytes.
     *
     * @param <H> the header type
     * @param header the header
     * @param headerLength the number of bytes the header occupies on the wire
     * @param payload the payload, from its position to its limit
     * @return the result
     */
    public static <H> Decoded<H> of(H header, int headerLength, ByteBuffer payload) {
        return new Decoded<>(header, headerLength, payload, payload.position(), payload.remaining());
    }

    /**
     * Returns the decoded header.
     *
     * @return the decoded header
     */
    public H header() {
        return header;
    }

    /**
     * Returns the number of bytes the header occupies on the wire.
     *
     * @return the number of bytes the header occupies on the wire
     */
    public int headerLength() {
        return headerLength;
    }

    /**
     * Returns a new big-endian slice over the payload bytes, positioned at its first byte.
     *
     * @return a new big-endian slice over the payload bytes, positioned at its first byte
     */
    public ByteBuffer payload() {
        if ((long) payloadIndex + payloadLength <= source.limit()) {
            return source.slice(payloadIndex, payloadLength);
        }
        // The caller lowered the source's limit since the decode; slice from its capacity.
        return source.duplicate().clear().slice(payloadIndex, payloadLength);
    }

    /**
     * The absolute index of the payload's first byte in the buffer that was decoded, for
     * chaining decoders without a slice: {@code Ipv4Decoder.decode(buf, eth.payloadIndex(),
     * eth.payloadIndex() + eth.payloadLength())}.
     *
     * @return the payload's index in the decoded buffer
     */
    public int payloadIndex() {
        return payloadIndex;
    }

    /**
     * Returns the number of payload bytes.
     *
     * @return the number of payload bytes
     */
    public int payloadLength() {
        return payloadLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decoded<?> d && header.equals(d.header) && headerLength == d.headerLength
                && payload().equals(d.payload());
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, headerLength, payload());
    }

    @Override
    public String toString() {
        return "Decoded[header=" + header + ", headerLength=" + headerLength + ", payloadLength=" + payloadLength + "]";
    }
}
