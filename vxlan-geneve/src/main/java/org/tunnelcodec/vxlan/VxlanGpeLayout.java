package org.tunnelcodec.vxlan;

/**
 * Offsets and masks of the VXLAN-GPE header (draft-ietf-nvo3-vxlan-gpe-13 §3.1); the bit diagram
 * is on {@link VxlanGpeHeader}. The flag masks apply to the first octet.
 */
final class VxlanGpeLayout {
    /** The header's length: 8 octets, always. */
    static final int LENGTH = 8;
    /** The two reserved bits R of the first octet. */
    static final int RESERVED_FLAGS = 0xC0;
    /** Ver, bits 2-3. */
    static final int VERSION_MASK = 0x30;
    static final int VERSION_SHIFT = 4;
    /** I, bit 4: the VNI is valid. */
    static final int I = 0x08;
    /** P, bit 5: the Next Protocol field is present. */
    static final int P = 0x04;
    /** B, bit 6: ingress-replicated BUM traffic. */
    static final int B = 0x02;
    /** O, bit 7: OAM packet. */
    static final int O = 0x01;
    /** The IANA-assigned VXLAN-GPE destination port (draft-ietf-nvo3-vxlan-gpe-13 §3.2). */
    static final int UDP_PORT = 4790;

    private VxlanGpeLayout() {
    }

    /**
     * The EtherType of what a Next Protocol value names (draft-ietf-nvo3-vxlan-gpe-13 §3.2 and
     * §11.2: IPv4 1, IPv6 2, Ethernet 3, NSH 4, MPLS 5), or -1 for a value without one.
     */
    static int etherType(int nextProtocol) {
        return switch (nextProtocol) {
            case 1 -> 0x0800;
            case 2 -> 0x86DD;
            case 3 -> 0x6558;
            case 4 -> 0x894F;
            case 5 -> 0x8847;
            default -> -1;
        };
    }
}
