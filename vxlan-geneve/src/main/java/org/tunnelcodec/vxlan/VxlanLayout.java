package org.tunnelcodec.vxlan;

/**
 * Offsets and masks of the VXLAN header (RFC 7348 §5) with the Group Policy extension
 * (draft-smith-vxlan-group-policy §2); the bit diagram is on {@link VxlanHeader}. The flag masks
 * apply to the first 16 bits of the header, as tshark reads them ({@code vxlan.flags}).
 */
final class VxlanLayout {
    /** The header's length: 8 octets, always. */
    static final int LENGTH = 8;
    /** G, bit 0: Group Based Policy extension (draft-smith-vxlan-group-policy §2). */
    static final int G = 0x8000;
    /** I, bit 4: the VNI is valid (RFC 7348 §5). */
    static final int I = 0x0800;
    /** D, bit 9: Don't Learn (draft-smith-vxlan-group-policy §2). */
    static final int D = 0x0040;
    /** A, bit 12: Group Policy Applied (draft-smith-vxlan-group-policy §2). */
    static final int A = 0x0008;
    /** The flags this library names; the others are reserved. */
    static final int KNOWN_FLAGS = G | I | D | A;
    /** The largest VNI: 24 bits. */
    static final int MAX_VNI = 0xFF_FFFF;
    /** The IANA-assigned VXLAN destination port (RFC 7348 §5). */
    static final int UDP_PORT = 4789;

    private VxlanLayout() {
    }
}
