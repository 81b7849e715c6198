package org.tunnelcodec.vxlan;

import org.tunnelcodec.core.internal.Check;

/**
 * A VXLAN header (RFC 7348 §5), read with the Group Policy extension of
 * draft-smith-vxlan-group-policy §2 as tshark reads it: the first 16 bits are flags, the next
 * 16 the Group Policy ID.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |G|R|R|R|I|R|R|R|R|D|R|R|A|R|R|R|        Group Policy ID        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          VXLAN Network Identifier (VNI)       |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Without the extension (RFC 7348) the first octet is the flags, with I the only one defined,
 * and the next 24 bits are reserved: here they are the low 8 bits of {@code flags} and the
 * {@code groupPolicyId}, which a header without G carries as 0. The record keeps every bit, so
 * reserved bits round-trip.
 *
 * <p>RFC 7348 §5: "the I flag MUST be set to 1 for a valid VXLAN Network ID (VNI)"; the other
 * bits "MUST be set to zero on transmission and ignored on receipt". The decoder keeps a header
 * whose I is clear, as tshark decodes it ({@link #vniValid()} says so); Linux drops it.
 * Whether to accept it is {@link VxlanPolicy}'s decision.
 *
 * @param flags         the first 16 bits: G (0x8000), I (0x0800), D (0x0040), A (0x0008) and
 *                      the reserved bits, as on the wire
 * @param groupPolicyId the Group Policy ID (draft-smith-vxlan-group-policy §2), 0..65535; in a
 *                      plain RFC 7348 header, reserved bits
 * @param vni           the VXLAN Network Identifier, 0..16777215
 * @param reservedOctet the Reserved octet after the VNI, 0..255
 */
public record VxlanHeader(int flags, int groupPolicyId, int vni, int reservedOctet) {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "vxlan";

    /** The header's length on the wire: 8 octets. */
    public static final int LENGTH = VxlanLayout.LENGTH;

    /** The I flag in {@link #flags()}: the VNI is valid (RFC 7348 §5). */
    public static final int FLAG_I = VxlanLayout.I;

    /** The G flag in {@link #flags()}: the Group Policy ID is present (draft-smith-vxlan-group-policy §2). */
    public static final int FLAG_G = VxlanLayout.G;

    /** The D flag in {@link #flags()}: Don't Learn (draft-smith-vxlan-group-policy §2). */
    public static final int FLAG_D = VxlanLayout.D;

    /** The A flag in {@link #flags()}: Group Policy Applied (draft-smith-vxlan-group-policy §2). */
    public static final int FLAG_A = VxlanLayout.A;

    /** The largest VNI: 24 bits. */
    public static final int MAX_VNI = VxlanLayout.MAX_VNI;

    /**
     * Checks the components.
     *
     * @param flags the first 16 bits: G (0x8000), I (0x0800), D (0x0040), A (0x0008) and the reserved bits, as on the wire
     * @param groupPolicyId the Group Policy ID (draft-smith-vxlan-group-policy §2), 0..65535; in a plain RFC 7348 header, reserved bits
     * @param vni the VXLAN Network Identifier, 0..16777215
     * @param reservedOctet the Reserved octet after the VNI, 0..255
     * @throws IllegalArgumentException if a component is out of range
     */
    public VxlanHeader {
        Check.inRange("flags", flags, 0, 0xFFFF);
        Check.inRange("groupPolicyId", groupPolicyId, 0, 0xFFFF);
        Check.inRange("vni", vni, 0, MAX_VNI);
        Check.inRange("reservedOctet", reservedOctet, 0, 0xFF);
    }

    /**
     * The header RFC 7348 §5 senders build: I set, every reserved bit 0.
     *
     * @param vni the VXLAN Network Identifier, 0..16777215
     * @return the header
     * @throws IllegalArgumentException if {@code vni} is out of range
     */
    public static VxlanHeader of(int vni) {
        return new VxlanHeader(FLAG_I, 0, vni, 0);
    }

    /**
     * A header with the Group Policy extension (draft-smith-vxlan-group-policy §2): G and I set,
     * D and A as given, the other bits 0.
     *
     * @param vni           the VXLAN Network Identifier, 0..16777215
     * @param groupPolicyId the Group Policy ID, 0..65535
     * @param dontLearn     D: the egress VTEP must not learn the inner source address
     * @param policyApplied A: the group policy has already been applied
     * @return the header
     * @throws IllegalArgumentException if {@code vni} or {@code groupPolicyId} is out of range
     */
    public static VxlanHeader withGroupPolicy(int vni, int groupPolicyId, boolean dontLearn, boolean policyApplied) {
        return new VxlanHeader(FLAG_G | FLAG_I | (dontLearn ? FLAG_D : 0) | (policyApplied ? FLAG_A : 0), groupPolicyId,
                vni, 0);
    }

    /**
     * Returns whether I is set: the VNI is valid (RFC 7348 §5).
     *
     * @return whether I is set: the VNI is valid
     */
    public boolean vniValid() {
        return (flags & FLAG_I) != 0;
    }

    /**
     * Returns whether G is set: the header carries a Group Policy ID.
     *
     * @return whether G is set: the header carries a Group Policy ID
     */
    public boolean groupPolicy() {
        return (flags & FLAG_G) != 0;
    }

    /**
     * Returns whether D (Don't Learn) is set; a receiver reads it only when G is set.
     *
     * @return whether D (Don't Learn) is set
     */
    public boolean dontLearn() {
        return (flags & FLAG_D) != 0;
    }

    /**
     * Returns whether A (Group Policy Applied) is set; draft-smith-vxlan-group-policy §2 defines
     * it only when G is set.
     *
     * @return whether A (Group Policy Applied) is set
     */
    public boolean policyApplied() {
        return (flags & FLAG_A) != 0;
    }

    /**
     * Returns the bits of {@link #flags()} that neither RFC 7348 nor the Group Policy extension
     * defines, in place (mask 0x77b7, tshark's {@code vxlan.flags_reserved}).
     *
     * @return the reserved flag bits, in place
     */
    public int reservedFlags() {
        return flags & ~VxlanLayout.KNOWN_FLAGS;
    }
}
