package org.tunnelcodec.vxlan;

import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * What a VXLAN receiver accepts. The decoder keeps every bit, I clear included, as tshark
 * decodes it; a policy decides, the way {@code GrePolicy} does for GRE.
 *
 * <table>
 *   <caption>The rules</caption>
 *   <tr><th>policy</th><th>discards</th><th>ignores</th></tr>
 *   <tr><td>{@link #RFC_7348}</td><td>I clear: "the I flag MUST be set to 1 for a valid VXLAN
 *       Network ID (VNI)" (RFC 7348 §5)</td><td>every reserved bit: "MUST be set to zero on
 *       transmission and ignored on receipt" (RFC 7348 §5)</td></tr>
 *   <tr><td>{@link #LINUX}</td><td>I clear; any other bit set in the first 32 bits or in the
 *       Reserved octet (Linux {@code vxlan_rcv} drops a header with unprocessed flags, on purpose
 *       diverging from RFC 7348)</td><td>—</td></tr>
 *   <tr><td>{@link #LINUX_GBP}</td><td>I clear; a reserved bit of the first octet (mask 0x77 of
 *       it) or of the Reserved octet</td><td>G, D, A and the Group Policy ID, which the Group
 *       Policy extension consumes (Linux {@code vxlan_parse_gbp_hdr})</td></tr>
 * </table>
 */
public enum VxlanPolicy {
    /** An RFC 7348 receiver: only I matters. */
    RFC_7348,
    /** A Linux VXLAN device without extensions: exactly I, every other bit 0. */
    LINUX,
    /** A Linux VXLAN device with the Group Policy extension ({@code gbp}). */
    LINUX_GBP;

    private static final String PROTOCOL = VxlanHeader.PROTOCOL;
    private static final int NONE = 0;
    private static final int I_CLEAR = 1;
    private static final int RESERVED_FLAGS = 2;
    private static final int RESERVED_WORD = 3;
    private static final int RESERVED_OCTET = 4;
    /** The bits of the first 16 that Linux's Group Policy parsing does not consume: bits 1-3 and 5-7. */
    private static final int GBP_UNUSED = 0x7700;

    /**
     * Throws if a receiver following this policy must discard the header.
     *
     * @param h the header
     * @throws MalformedPacketException with {@code BAD_VALUE} (I clear) or {@code RESERVED_NONZERO}
     */
    public void check(VxlanHeader h) {
        Objects.requireNonNull(h, "h");
        int v = violation(h.flags(), h.groupPolicyId(), h.reservedOctet());
        switch (v) {
            case NONE -> {
                // accepted
            }
            case I_CLEAR -> throw MalformedPacketException.invalid(PROTOCOL, "I", 0, Reason.BAD_VALUE, 0,
                    "1 for a valid VXLAN Network ID, RFC 7348 §5");
            case RESERVED_FLAGS -> throw MalformedPacketException.invalid(PROTOCOL, "Flags", 0, Reason.RESERVED_NONZERO,
                    h.flags(), this == LINUX ? "exactly I (0x0800): Linux drops unprocessed flags"
                            : "reserved bits 0x7700 clear: Linux with gbp drops unprocessed flags");
            case RESERVED_WORD -> throw MalformedPacketException.invalid(PROTOCOL, "Reserved", 2, Reason.RESERVED_NONZERO,
                    h.groupPolicyId(), "0: Linux without gbp drops unprocessed bits");
            default -> throw MalformedPacketException.invalid(PROTOCOL, "Reserved", 7, Reason.RESERVED_NONZERO,
                    h.reservedOctet(), "0: Linux drops unprocessed bits");
        }
    }

    /**
     * Returns whether a receiver following this policy accepts the header.
     *
     * @param h the header
     * @return whether it is accepted
     */
    public boolean accepts(VxlanHeader h) {
        Objects.requireNonNull(h, "h");
        return violation(h.flags(), h.groupPolicyId(), h.reservedOctet()) == NONE;
    }

    /**
     * Returns whether a receiver following this policy accepts the wrapped header, without
     * allocating.
     *
     * @param v a view with a header wrapped
     * @return whether it is accepted
     * @throws IllegalStateException if the view has no header wrapped
     */
    public boolean accepts(VxlanView v) {
        return violation(v.flags(), v.groupPolicyId(), v.reservedOctet()) == NONE;
    }

    private int violation(int flags, int groupPolicyId, int reservedOctet) {
        if ((flags & VxlanLayout.I) == 0) {
            return I_CLEAR;
        }
        return switch (this) {
            case RFC_7348 -> NONE;
            case LINUX -> flags != VxlanLayout.I ? RESERVED_FLAGS
                    : groupPolicyId != 0 ? RESERVED_WORD : reservedOctet != 0 ? RESERVED_OCTET : NONE;
            case LINUX_GBP -> (flags & GBP_UNUSED) != 0 ? RESERVED_FLAGS : reservedOctet != 0 ? RESERVED_OCTET : NONE;
        };
    }
}
