package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes LISP-GPE headers (see {@link LispGpeHeader}). Follows the encoder contract of
 * {@code org.tunnelcodec.core}: every bit is written as the record holds it; the
 * {@link LispGpeHeader#of} factories give what RFC 9305 §3 senders send (N, E, V and bits 8-23
 * zero).
 */
public final class LispGpeEncoder {
    private LispGpeEncoder() {
    }

    /**
     * Returns the exact encoded length, always {@value LispGpeHeader#LENGTH}.
     *
     * @param header the header
     * @return the exact encoded length, always {@value LispGpeHeader#LENGTH}
     * @throws NullPointerException if {@code header} is null
     */
    public static int encodedLength(LispGpeHeader header) {
        Objects.requireNonNull(header, "header");
        return LispLayout.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param header the header
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written, {@value LispGpeHeader#LENGTH}
     * @throws IllegalArgumentException if {@code dst} has fewer than 8 bytes remaining
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(LispGpeHeader header, ByteBuffer dst) {
        Objects.requireNonNull(header, "header");
        Wire.requireRoom(dst, LispLayout.LENGTH);
        int p = dst.position();
        Wire.put32(dst, p, (long) header.flags() << 24 | header.reserved() << 8 | header.nextProtocol().value());
        Wire.put32(dst, p + 4, header.secondWord());
        return LispLayout.LENGTH;
    }

    /**
     * Returns the sender's rule of RFC 9305 §3 (and RFC 9300 §5.3 for the second word) the
     * header breaks, or {@code null} for a header a sender may send: N, E or V set, bits 8-23
     * not 0, Locator-Status-Bits that are not 0 while L is clear.
     *
     * @param header the header
     * @return the rule broken, or {@code null}
     * @throws NullPointerException if {@code header} is null
     */
    public static String senderRuleBroken(LispGpeHeader header) {
        if (header.ignoredFlags() != 0) {
            return "N, E or V set with P (RFC 9305 §3: MUST be set to zero on transmission)";
        }
        if (header.reserved() != 0) {
            return "bits 8-23 not 0 with P (RFC 9305 §3: MUST be set to zero on transmission)";
        }
        if (!header.locatorStatusBitsEnabled() && header.locatorStatusBits() != 0) {
            return "Locator-Status-Bits not 0 with L clear (RFC 9300 §5.3)";
        }
        return null;
    }
}
