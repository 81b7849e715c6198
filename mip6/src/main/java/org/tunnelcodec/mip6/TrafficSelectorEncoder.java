package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes the binary traffic selectors of RFC 6088 (see {@link BinaryTrafficSelector}): the
 * 32-bit flags word as the selector holds it (its Reserved bits included, 0 unless set), then
 * each field its flags set, in the order of the flags (RFC 6088 §3.1 Figure 1, §3.2 Figure 2).
 * The sub-option's alignment requirement (4n, 2n or n for IPv4, 8n, 4n, 2n or n for IPv6,
 * by the widest field present) is met by the caller with Pad1 and PadN sub-options. A Traffic Selector sub-option
 * carries the octets after its TS Format and Reserved octets
 * ({@link FlowSubOption.TrafficSelector#of}).
 */
public final class TrafficSelectorEncoder {
    private TrafficSelectorEncoder() {
    }

    /**
     * Returns the exact encoded length.
     *
     * @param selector the selector
     * @return the octets of the flags word and the fields present: 4..40 for IPv4, 4..96 for IPv6
     * @throws NullPointerException if {@code selector} is null
     */
    public static int encodedLength(BinaryTrafficSelector selector) {
        return selector.length();
    }

    /**
     * Writes the selector at {@code dst.position()}.
     *
     * @param selector the selector
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(BinaryTrafficSelector selector, ByteBuffer dst) {
        int length = selector.length();
        Wire.requireRoom(dst, length);
        write(selector, dst, dst.position());
        return length;
    }

    /**
     * Returns the selector's octets.
     *
     * @param selector the selector
     * @return the flags word and the fields present
     * @throws NullPointerException if {@code selector} is null
     */
    public static ByteString toBytes(BinaryTrafficSelector selector) {
        ByteBuffer b = ByteBuffer.allocate(selector.length());
        write(selector, b, 0);
        return ByteString.of(b.array());
    }

    /** Writes the selector at absolute {@code index}; the caller has checked there is room. */
    static void write(BinaryTrafficSelector selector, ByteBuffer dst, int index) {
        Objects.requireNonNull(selector, "selector");
        if (selector instanceof Ipv4TrafficSelector v4) {
            v4.write(dst, index);
        } else {
            ((Ipv6TrafficSelector) selector).write(dst, index);
        }
    }
}
