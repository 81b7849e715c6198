package org.tunnelcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * Assertions on the exact {@link MalformedPacketException} a decoder throws: every field of
 * it, not only its type or message.
 */
public final class Rejections {
    private Rejections() {
    }

    /** A decode call that is expected to throw. */
    @FunctionalInterface
    public interface Decode {
        /**
         * Runs the decode.
         *
         * @throws Throwable whatever the decoder throws
         */
        void run() throws Throwable;
    }

    /** @return the bytes of a hex string, in a heap buffer of exactly that size */
    public static ByteBuffer hex(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    /** @return the first {@code length} bytes of a hex string, in a buffer of exactly that size */
    public static ByteBuffer prefix(String hex, int length) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex), 0, length).slice();
    }

    /**
     * Asserts that {@code decode} throws a truncation.
     *
     * @param boundedBy the length field that ran out, or {@code null} when the bytes ended
     */
    public static MalformedPacketException assertTruncated(Decode decode, String protocol, String field,
                                                           long offset, long required, long available,
                                                           String boundedBy) {
        MalformedPacketException e = caught(decode, protocol, field, offset, Reason.TRUNCATED);
        String m = e.getMessage();
        assertThat(e.required()).as(m).isEqualTo(required);
        assertThat(e.available()).as(m).isEqualTo(available);
        assertThat(e.boundedBy()).as(m).isEqualTo(boundedBy);
        assertThat(e.hasValue()).as(m).isFalse();
        return e;
    }

    /** Asserts that {@code decode} refuses one field's number, and carries it. */
    public static MalformedPacketException assertInvalid(Decode decode, String protocol, String field,
                                                         long offset, Reason reason, long value, String expected) {
        MalformedPacketException e = caught(decode, protocol, field, offset, reason);
        String m = e.getMessage();
        assertThat(e.value()).as(m).isEqualTo(value);
        assertThat(e.detail()).as(m).isEqualTo(expected);
        assertThat(e.boundedBy()).as(m).isNull();
        assertThat(e.required()).as(m).isEqualTo(-1);
        return e;
    }

    private static MalformedPacketException caught(Decode decode, String protocol, String field, long offset,
                                                   Reason reason) {
        MalformedPacketException e = catchThrowableOfType(MalformedPacketException.class, decode::run);
        assertThat(e).as("decode threw no MalformedPacketException").isNotNull();
        String m = e.getMessage();
        assertThat(e.protocol()).as(m).isEqualTo(protocol);
        assertThat(e.field()).as(m).isEqualTo(field);
        assertThat(e.offset()).as(m).isEqualTo(offset);
        assertThat(e.reason()).as(m).isEqualTo(reason);
        return e;
    }
}
