package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes the binary traffic selectors of RFC 6088 (see {@link BinaryTrafficSelector}): the
 * flags word as the selector holds it (the IPv4 Reserved bits included), then each field its
 * flags set, in the order of the flags (RFC 6088 §3.1, §3.2). A Traffic Selector sub-option
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
     * @return the octets of the flags word and the fields present: 2..38 for IPv4, 2..94 for IPv6
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
