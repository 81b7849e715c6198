package org.tunnelcodec.core;

import java.util.Objects;

/**
 * Thrown by every decoder when the bytes from the wire are not a valid instance of the
 * protocol, and by nothing else. It never means a caller mistake: a null argument, an
 * out-of-range record component or a destination buffer that is too small throw the
 * standard unchecked exceptions instead.
 *
 * <p>The exception carries its details as fields: the protocol, the field name as the RFC
 * spells it, the offset, a {@link Reason}; for {@link Reason#TRUNCATED} the byte counts that
 * were required and available and which length ran out ({@link #boundedBy()}: the end of the
 * bytes the decoder was given, or a length field of the packet); for the other reasons the
 * offending value as a number ({@link #value()}) where the field has one, and what was
 * expected. The message is built from those fields on demand; it never contains packet bytes.
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

    /**
     * {@link #value()} when the exception carries no offending value: truncation, or a
     * problem that is not one field's number.
     */
    public static final long NO_VALUE = Long.MIN_VALUE;

    /** The protocol, as {@link #protocol()} returns it. */
    private final String protocol;
    /** The field, as {@link #field()} returns it. */
    private final String field;
    /** The offset, as {@link #offset()} returns it. */
    private final long offset;
    /** The reason, as {@link #reason()} returns it. */
    private final Reason reason;
    /** The bytes required, as {@link #required()} returns them. */
    private final long required;
    /** The bytes available, as {@link #available()} returns them. */
    private final long available;
    /** The length field that ran out, as {@link #boundedBy()} returns it. */
    private final String boundedBy;
    /** The offending value, as {@link #value()} returns it. */
    private final long value;
    /** The expected value or description, as {@link #detail()} returns it. */
    private final String detail;

    private MalformedPacketException(String protocol, String field, long offset, Reason reason,
                                     long required, long available, String boundedBy, long value,
                                     String detail) {
        super(null, null, false, false);
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.field = Objects.requireNonNull(field, "field");
        this.offset = offset;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.required = required;
        this.available = available;
        this.boundedBy = boundedBy;
        this.value = value;
        this.detail = detail;
    }

    /**
     * A field does not fit in the bytes the decoder was given: the capture, or the slice the
     * caller passed, ended first.
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
                required, available, null, NO_VALUE, null);
    }

    /**
     * A field does not fit inside a length field of the packet itself, although the buffer
     * may hold more bytes: an IPv4 option that runs past the IHL, a UDP header longer than
     * its Length, a payload that a GRE Payload Length cuts short.
     *
     * @param protocol  the protocol, for example {@code "IPv4"}
     * @param field     the field that does not fit, for example {@code "Options"}
     * @param offset    where the field starts
     * @param required  bytes the field needs from {@code offset}
     * @param available bytes the length field leaves from {@code offset}
     * @param boundedBy the length field that ran out, with its protocol, for example
     *                  {@code "IPv4 IHL"}
     * @return the exception
     */
    public static MalformedPacketException truncated(String protocol, String field, long offset,
                                                     long required, long available, String boundedBy) {
        return new MalformedPacketException(protocol, field, offset, Reason.TRUNCATED,
                required, available, Objects.requireNonNull(boundedBy, "boundedBy"), NO_VALUE, null);
    }

    /**
     * A field holds a value the decoder must refuse, with the value as a number.
     *
     * @param protocol the protocol
     * @param field    the field as the RFC names it
     * @param offset   where the field starts
     * @param reason   any reason but {@link Reason#TRUNCATED}
     * @param value    the value the field holds, as an unsigned number
     * @param expected what the decoder accepts, for example {@code "at least 5"}, without bytes
     * @return the exception
     */
    public static MalformedPacketException invalid(String protocol, String field, long offset,
                                                   Reason reason, long value, String expected) {
        if (reason == Reason.TRUNCATED) {
            throw new IllegalArgumentException("use truncated(...) for TRUNCATED");
        }
        return new MalformedPacketException(protocol, field, offset, reason, -1, -1, null, value,
                Objects.requireNonNull(expected, "expected"));
    }

    /**
     * A field holds a value the decoder must refuse.
     *
     * @param protocol the protocol
     * @param field    the field as the RFC names it
     * @param offset   where the field starts
     * @param reason   any reason but {@link Reason#TRUNCATED}
     * @param detail   a short description of the problem, without bytes; use
     *                 {@link #invalid(String, String, long, Reason, long, String)} when the
     *                 problem is one field's number
     * @return the exception
     */
    public static MalformedPacketException invalid(String protocol, String field, long offset,
                                                   Reason reason, String detail) {
        if (reason == Reason.TRUNCATED) {
            throw new IllegalArgumentException("use truncated(...) for TRUNCATED");
        }
        return new MalformedPacketException(protocol, field, offset, reason, -1, -1, null, NO_VALUE,
                detail);
    }

    /**
     * Returns a copy whose offset is moved by {@code base}, for errors found in a nested layer.
     *
     * @param base the offset of the nested layer in the outer buffer
     * @return the re-based exception
     */
    public MalformedPacketException withOffset(int base) {
        return new MalformedPacketException(protocol, field, offset + base, reason, required,
                available, boundedBy, value, detail);
    }

    /**
     * Returns the protocol whose bytes are malformed, for example {@code "IPv4"}.
     *
     * @return the protocol whose bytes are malformed, for example {@code "IPv4"}
     */
    public String protocol() {
        return protocol;
    }

    /**
     * Returns the field as the RFC spells it, for example {@code "Total Length"}.
     *
     * @return the field as the RFC spells it, for example {@code "Total Length"}
     */
    public String field() {
        return field;
    }

    /**
     * Returns the offset of the field from the start of the decoded region.
     *
     * @return the offset of the field from the start of the decoded region
     */
    public long offset() {
        return offset;
    }

    /**
     * Returns why the bytes are malformed.
     *
     * @return why the bytes are malformed
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the bytes required from {@link #offset()}, or -1 unless {@link Reason#TRUNCATED}.
     *
     * @return the bytes required from {@link #offset()}, or -1 unless {@link Reason#TRUNCATED}
     */
    public long required() {
        return required;
    }

    /**
     * Returns the bytes available from {@link #offset()}, or -1 unless {@link Reason#TRUNCATED}.
     *
     * @return the bytes available from {@link #offset()}, or -1 unless {@link Reason#TRUNCATED}
     */
    public long available() {
        return available;
    }

    /**
     * Which length ran out, for {@link Reason#TRUNCATED}.
     *
     * @return the packet's length field that bounded the field (for example
     *         {@code "IPv4 IHL"}), or {@code null} when the bytes the decoder was given ended
     *         first (the capture, or the caller's slice) and for every other reason
     */
    public String boundedBy() {
        return boundedBy;
    }

    /**
     * The offending value, for reasons other than {@link Reason#TRUNCATED}.
     *
     * @return the value the field holds, or {@link #NO_VALUE} when the exception carries none
     */
    public long value() {
        return value;
    }

    /**
     * Whether {@link #value()} holds the offending value.
     *
     * @return {@code true} when the exception carries the field's value
     */
    public boolean hasValue() {
        return value != NO_VALUE;
    }

    /**
     * What was expected of a bad value, or the description of the problem.
     *
     * @return the text, or {@code null} for truncation
     */
    public String detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(96).append(protocol).append(' ').append(field);
        if (reason == Reason.TRUNCATED) {
            sb.append(" truncated at offset ").append(offset).append(": ").append(available)
                    .append(boundedBy == null ? " bytes available" : " bytes left by " + boundedBy)
                    .append(" (expected: ").append(required).append(')');
        } else {
            sb.append(' ').append(reason).append(" at offset ").append(offset);
            if (value != NO_VALUE) {
                sb.append(": ").append(value);
                if (detail != null) {
                    sb.append(" (expected: ").append(detail).append(')');
                }
            } else if (detail != null) {
                sb.append(": ").append(detail);
            }
        }
        return sb.toString();
    }
}
