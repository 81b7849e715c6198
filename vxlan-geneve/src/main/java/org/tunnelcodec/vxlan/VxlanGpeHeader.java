package org.tunnelcodec.vxlan;

import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * A VXLAN-GPE header (draft-ietf-nvo3-vxlan-gpe-13 §3.1), version 0.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|R|Ver|I|P|B|O|           Reserved            | Next Protocol |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          VXLAN Network Identifier (VNI)       |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Ver is 0, the only version defined: the decoder refuses another one ("If a receiver does
 * not support the version indicated it MUST drop the packet", §3.1), so the record holds version
 * 0 only and {@code flags} has the Ver bits clear. I says the VNI is valid, P that the Next
 * Protocol field is present (with P clear the payload is Ethernet, §3.2), B that the packet is
 * ingress-replicated BUM traffic, O that it is an OAM packet. The record keeps every other bit,
 * so reserved bits round-trip.
 *
 * @param flags         the first octet with Ver 0: R (0xC0), I (0x08), P (0x04), B (0x02), O
 *                      (0x01), as on the wire
 * @param reserved      the 16 reserved bits after the flags, 0..65535
 * @param nextProtocol  the Next Protocol
 * @param vni           the VXLAN Network Identifier, 0..16777215
 * @param reservedOctet the Reserved octet after the VNI, 0..255
 */
public record VxlanGpeHeader(int flags, int reserved, VxlanGpeNextProtocol nextProtocol, int vni, int reservedOctet) {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "vxlan-gpe";

    /** The header's length on the wire: 8 octets. */
    public static final int LENGTH = VxlanGpeLayout.LENGTH;

    /** The only version defined (draft-ietf-nvo3-vxlan-gpe-13 §3.1), the only one decoded. */
    public static final int VERSION = 0;

    /** The I flag in {@link #flags()}: the VNI is valid. */
    public static final int FLAG_I = VxlanGpeLayout.I;

    /** The P flag in {@link #flags()}: the Next Protocol field is present. */
    public static final int FLAG_P = VxlanGpeLayout.P;

    /** The B flag in {@link #flags()}: ingress-replicated BUM traffic. */
    public static final int FLAG_B = VxlanGpeLayout.B;

    /** The O flag in {@link #flags()}: OAM packet. */
    public static final int FLAG_O = VxlanGpeLayout.O;

    /**
     * Checks the components.
     *
     * @param flags the first octet with Ver 0: R (0xC0), I (0x08), P (0x04), B (0x02), O (0x01), as on the wire
     * @param reserved the 16 reserved bits after the flags, 0..65535
     * @param nextProtocol the Next Protocol
     * @param vni the VXLAN Network Identifier, 0..16777215
     * @param reservedOctet the Reserved octet after the VNI, 0..255
     * @throws IllegalArgumentException if a component is out of range, or {@code flags} has Ver bits set
     * @throws NullPointerException if {@code nextProtocol} is null
     */
    public VxlanGpeHeader {
        Check.inRange("flags", flags, 0, 0xFF);
        Check.argument((flags & VxlanGpeLayout.VERSION_MASK) == 0, "flags", String.format("0x%02x", flags),
                "the Ver bits 0x30 clear: version 0 is the only one");
        Check.inRange("reserved", reserved, 0, 0xFFFF);
        Objects.requireNonNull(nextProtocol, "nextProtocol");
        Check.inRange("vni", vni, 0, VxlanLayout.MAX_VNI);
        Check.inRange("reservedOctet", reservedOctet, 0, 0xFF);
    }

    /**
     * The header a sender builds: I and P set, the given Next Protocol, every reserved bit 0.
     *
     * @param nextProtocol the Next Protocol
     * @param vni          the VXLAN Network Identifier, 0..16777215
     * @return the header
     * @throws IllegalArgumentException if {@code vni} is out of range
     */
    public static VxlanGpeHeader of(VxlanGpeNextProtocol nextProtocol, int vni) {
        return new VxlanGpeHeader(FLAG_I | FLAG_P, 0, nextProtocol, vni, 0);
    }

    /**
     * Returns whether I is set: the VNI is valid.
     *
     * @return whether I is set
     */
    public boolean vniValid() {
        return (flags & FLAG_I) != 0;
    }

    /**
     * Returns whether P is set: the Next Protocol field is present; when clear the payload is
     * Ethernet (draft-ietf-nvo3-vxlan-gpe-13 §3.2).
     *
     * @return whether P is set
     */
    public boolean nextProtocolPresent() {
        return (flags & FLAG_P) != 0;
    }

    /**
     * Returns whether B is set: ingress-replicated BUM traffic.
     *
     * @return whether B is set
     */
    public boolean bum() {
        return (flags & FLAG_B) != 0;
    }

    /**
     * Returns whether O is set: an OAM packet.
     *
     * @return whether O is set
     */
    public boolean oam() {
        return (flags & FLAG_O) != 0;
    }

    /**
     * Returns the two reserved bits R of the first octet, in place (mask 0xC0).
     *
     * @return the reserved flag bits, in place
     */
    public int reservedFlags() {
        return flags & VxlanGpeLayout.RESERVED_FLAGS;
    }
}
