package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes LISP data headers (see {@link LispHeader}). Follows the encoder contract of
 * {@code org.tunnelcodec.core}: every bit is written as the record holds it, so that a decoded
 * header round-trips whatever its sender did. The sender's rules of RFC 9300 §5.3 (N and V never
 * together, E only with N, unused fields 0, bit 5 clear, a 24-bit Instance ID) are
 * {@link LispHeader.Builder}'s; {@link #senderRuleBroken} says which one a record breaks.
 */
public final class LispEncoder {
    private LispEncoder() {
    }

    /**
     * Returns the exact encoded length, always {@value LispHeader#LENGTH}.
     *
     * @param header the header
     * @return the exact encoded length, always {@value LispHeader#LENGTH}
     * @throws NullPointerException if {@code header} is null
     */
    public static int encodedLength(LispHeader header) {
        Objects.requireNonNull(header, "header");
        return LispLayout.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param header the header
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written, {@value LispHeader#LENGTH}
     * @throws IllegalArgumentException if {@code dst} has fewer than 8 bytes remaining
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(LispHeader header, ByteBuffer dst) {
        Objects.requireNonNull(header, "header");
        Wire.requireRoom(dst, LispLayout.LENGTH);
        int p = dst.position();
        Wire.put32(dst, p, (long) header.flags() << 24 | header.nonceMapVersion());
        Wire.put32(dst, p + 4, header.secondWord());
        return LispLayout.LENGTH;
    }

    /**
     * Returns the sender's rule of RFC 9300 §5.3 the header breaks, or {@code null} for a header
     * a sender may send ({@link LispHeader.Builder} builds only those): N and V together, E
     * without N, a Nonce / Map-Version field that is not 0 while N and V are clear,
     * Locator-Status-Bits that are not 0 while L is clear, bit 5 set (a LISP-GPE header is a
     * {@link LispGpeHeader}).
     *
     * @param header the header
     * @return the rule broken, or {@code null}
     * @throws NullPointerException if {@code header} is null
     */
    public static String senderRuleBroken(LispHeader header) {
        int flags = header.flags();
        if ((flags & (LispLayout.N | LispLayout.V)) == (LispLayout.N | LispLayout.V)) {
            return "N and V set together (RFC 9300 §5.3: with V set, N MUST be 0)";
        }
        if ((flags & (LispLayout.N | LispLayout.E)) == LispLayout.E) {
            return "E set without N (RFC 9300 §5.3: E has no meaning without N)";
        }
        if ((flags & (LispLayout.N | LispLayout.V)) == 0 && header.nonceMapVersion() != 0) {
            return "Nonce/Map-Version not 0 with N and V clear (RFC 9300 §5.3)";
        }
        if ((flags & LispLayout.L) == 0 && header.locatorStatusBits() != 0) {
            return "Locator-Status-Bits not 0 with L clear (RFC 9300 §5.3)";
        }
        if ((flags & LispLayout.P) != 0) {
            return "reserved bit 5 set (RFC 9300 §5.3: MUST be set to 0 on transmit; RFC 9305 §3 makes it P)";
        }
        return null;
    }
}
