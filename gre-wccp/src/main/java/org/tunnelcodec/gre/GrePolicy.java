package org.tunnelcodec.gre;

import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * What a GRE receiver accepts. The decoder keeps every bit; a policy decides.
 *
 * <table>
 *   <caption>Version 0</caption>
 *   <tr><th>policy</th><th>discards</th><th>ignores</th></tr>
 *   <tr><td>{@link #RFC_2784}</td><td>R, s, the top Recursion Control bit: {@code (w & 0x4C00) != 0}
 *       (RFC 2784 §2.3 as amended by RFC 2890 §2)</td><td>bits 6-12 (RFC 2784 §2.3), Reserved1 (§2.6)</td></tr>
 *   <tr><td>{@link #LINUX}</td><td>R (Linux {@code gre_parse_header}); any of bits 9-12, since Linux
 *       takes {@code octet1 & 0x7F} as the version ({@code gre_rcv})</td><td>s, Recursion Control, bit 8</td></tr>
 *   <tr><td>{@link #RFC_1701}</td><td>nothing: R, s, Recursion Control and the SREs are honoured</td><td>—</td></tr>
 * </table>
 * Version 1 (PPTP, RFC 2637 §4.1) is checked the same way under every policy, as Linux
 * {@code pptp.c} does: Protocol Type 0x880B, C, R, s, Recursion Control and bits 9-12 clear, K set.
 *
 * <p>The C bit's checksum is verified separately, with the payload, by
 * {@link GreDecoder#verifyChecksum}; a receiver must discard on failure (RFC 2784 §2.2).
 */
public enum GrePolicy {
    /** An RFC 2784 / RFC 2890 receiver that does not implement RFC 1701. */
    RFC_2784,
    /** What Linux accepts: stricter than RFC 2784 on bits 9-12, looser on s and Recursion Control. */
    LINUX,
    /** An RFC 1701 receiver. */
    RFC_1701;

    /**
     * Throws if a receiver following this policy must discard the header.
     *
     * @param h the header
     * @throws MalformedPacketException with {@code RESERVED_NONZERO} or {@code BAD_VALUE}
     */
    public void check(GreHeader h) {
        Objects.requireNonNull(h, "h");
        if (h.version() == 1) {
            checkPptp(h);
            return;
        }
        int w = h.flagsAndVersion();
        switch (this) {
            case RFC_2784 -> {
                if ((w & 0x4C00) != 0) {
                    throw reserved("C R K S s Recur", w, "R, s and the top Recursion bit clear (0x4c00), RFC 2784 §2.3");
                }
            }
            case LINUX -> {
                if (h.routingPresent()) {
                    throw reserved("R", 1, "0: Linux drops R=1");
                }
                if ((w & 0x0078) != 0) {
                    throw reserved("Flags", w, "bits 9-12 clear (0x0078): Linux drops them");
                }
            }
            case RFC_1701 -> {
                // everything is honoured
            }
        }
    }

    /**
     * Returns whether a receiver following this policy accepts the header.
     *
     * @param h the header
     * @return whether a receiver following this policy accepts the header
     */
    public boolean accepts(GreHeader h) {
        try {
            check(h);
            return true;
        } catch (MalformedPacketException e) {
            return false;
        }
    }

    private static void checkPptp(GreHeader h) {
        if (!h.protocolType().equals(GreHeader.PPP)) {
            throw MalformedPacketException.invalid(GreHeader.PROTOCOL, "Protocol Type", 2, Reason.BAD_VALUE,
                    h.protocolType().value(), "PPP(0x880B) in version 1, RFC 2637 §4.1");
        }
        if (h.checksumPresent() || h.routingPresent() || h.strictSourceRoute() || h.recursionControl() != 0
                || h.reservedFlags() != 0) {
            throw reserved("C R s Recur Flags", h.flagsAndVersion(),
                    "C, R, s, Recur and Flags clear in version 1, RFC 2637 §4.1");
        }
        if (!h.hasKey()) {
            throw MalformedPacketException.invalid(GreHeader.PROTOCOL, "K", 0, Reason.BAD_VALUE, 0,
                    "1 in version 1, RFC 2637 §4.1");
        }
    }

    /** A reserved-bits error carrying the flags word (or the one flag) that holds them. */
    private static MalformedPacketException reserved(String field, int value, String expected) {
        return MalformedPacketException.invalid(GreHeader.PROTOCOL, field, 0, Reason.RESERVED_NONZERO, value, expected);
    }
}
