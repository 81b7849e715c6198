package org.tunnelcodec.core;

import java.util.Objects;

/**
 * Thrown by every decoder when the bytes from the wire are not a valid instance of the
 * protocol, and by nothing else. It never means a caller mistake: a null argument, an
 * out-of-range record component or a destination buffer that is too small throw the
 * standard unchecked exceptions instead.
 *
 * <p>The exception carries its details as fields: the protocol, the field name as the RFC
 * spells it, the offset, a {@link Reason}, and for {@link Reason#TRUNCATED} the byte counts
 * that were required and available. The message is built from those fields on demand; it
 * never contains packet bytes.
 *
 * <p>The offset counts from the first byte the decoder was given ({@code src.position()} at
 * the call). Code that decodes nested layers re-bases it with {@link #withOffset(int)}, so
 * the dissector reports offsets from the start of the frame.
 *
 * <p>Hostile traffic raises this exception on the hot path, so it records no stack trace
 * and is cheap to create.
 */
public final class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the bytes are malformed. */
    public enum Reason {
        /** Fewer bytes than the field or a length field requires. */
        TRUNCATED,
        /** A length field contradicts the structure or another length. */
        BAD_LENGTH,
        /** A field holds a value the protocol forbids. */
        BAD_VALUE,
        /** The version field names a version this decoder does not implement. */
        UNSUPPORTED_VERSION,
        /** Reserved bits are set where the RFC says a receiver must discard the packet. */
        RESERVED_NONZERO,
        /** A repeated or nested structure exceeds its documented cap. */
        LIMIT_EXCEEDED
    }

    private final String protocol;
    private final String field;
    private final long offset;
    private final Reason reason;
    private final long required;
    private final long available;
    private final String detail;

    private MalformedPacketException(String protocol, String field, long offset, Reason reason,
                                     long required, long available, String detail) {
        super(null, null, false, false);
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.field = Objects.requireNonNull(field, "field");
        this.offset = offset;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.required = required;
        this.available = available;
        this.detail = detail;
    }

    /**
     * A field does not fit in the bytes that are left.
     *
     * @param protocol  the protocol, for example {@code "GRE"}
     * @param field     the field as the RFC names it, for example {@code "Key"}
     * @param offset    where the field starts
     * @param required  bytes the field needs from {@code offset}
     * @param available bytes there are from {@code offset}
     * @return the exception
     */
    public static MalformedPacketException truncated(String protocol, String field, long offset,
                                                     long required, long available) {
        return new MalformedPacketException(protocol, field, offset, Reason.TRUNCATED,
                required, available, null);
    }

    /**
     * A field holds a value the decoder must refuse.
     *
     * @param protocol the protocol
     * @param field    the field as the RFC names it
     * @param offset   where the field starts
     * @param reason   any reason but {@link Reason#TRUNCATED}
     * @param detail   a short description of the value and what was expected, without bytes
     * @return the exception
     */
    public static MalformedPacketException invalid(String protocol, String field, long offset,
                                                   Reason reason, String detail) {
        if (reason == Reason.TRUNCATED) {
            throw new IllegalArgumentException("use truncated(...) for TRUNCATED");
        }
        return new MalformedPacketException(protocol, field, offset, reason, -1, -1, detail);
    }

    /**
     * Returns a copy whose offset is moved by {@code base}, for errors found in a nested layer.
     *
     * @param base the offset of the nested layer in the outer buffer
     * @return the re-based exception
     */
    public MalformedPacketException withOffset(int base) {
        return new MalformedPacketException(protocol, field, offset + base, reason, required,
                available, detail);
    }

    /** @return the protocol whose bytes are malformed, for example {@code "IPv4"} */
    public String protocol() {
        return protocol;
    }

    /** @return the field as the RFC spells it, for example {@code "Total Length"} */
    public String field() {
        return field;
    }

    /** @return the offset of the field from the start of the decoded region */
    public long offset() {
        return offset;
    }

    /** @return why the bytes are malformed */
    public Reason reason() {
        return reason;
    }

    /** @return the bytes required from {@link #offset()}, or -1 unless {@link Reason#TRUNCATED} */
    public long required() {
        return required;
    }

    /** @return the bytes available from {@link #offset()}, or -1 unless {@link Reason#TRUNCATED} */
    public long available() {
        return available;
    }

    /** @return the description of a bad value, or {@code null} for truncation */
    public String detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(96).append(protocol).append(' ').append(field);
        if (reason == Reason.TRUNCATED) {
            sb.append(" truncated at offset ").append(offset).append(": ").append(available)
                    .append(" bytes available (expected: ").append(required).append(')');
        } else {
            sb.append(' ').append(reason).append(" at offset ").append(offset);
            if (detail != null) {
                sb.append(": ").append(detail);
            }
        }
        return sb.toString();
    }
}
