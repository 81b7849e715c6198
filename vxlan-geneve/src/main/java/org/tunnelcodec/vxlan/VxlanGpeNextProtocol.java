package org.tunnelcodec.vxlan;

import java.util.Map;
import org.tunnelcodec.core.CodePoint;
import org.tunnelcodec.core.internal.Check;

/**
 * The Next Protocol of a VXLAN-GPE header (draft-ietf-nvo3-vxlan-gpe-13 §3.2 and its IANA
 * considerations): what follows the header when P is set.
 *
 * <p>An open value type: any value in 0..255 is legal, and the constants below name the values
 * this library knows. 1-4 are the draft's; 5 (MPLS) comes from its earlier revisions and is how
 * Wireshark ({@code packet-vxlan.c}) and tcpdump ({@code print-vxlan-gpe.c}) decode it.
 * {@link #toString()} gives {@code NAME(0x..)} for a known value and the bare hexadecimal for an
 * unknown one.
 *
 * @param value the code point as it is on the wire
 */
public record VxlanGpeNextProtocol(int value) implements CodePoint {
    /** IPv4. */
    public static final VxlanGpeNextProtocol IPV4 = new VxlanGpeNextProtocol(1);
    /** IPv6. */
    public static final VxlanGpeNextProtocol IPV6 = new VxlanGpeNextProtocol(2);
    /** Ethernet. */
    public static final VxlanGpeNextProtocol ETHERNET = new VxlanGpeNextProtocol(3);
    /** Network Service Header (RFC 8300). */
    public static final VxlanGpeNextProtocol NSH = new VxlanGpeNextProtocol(4);
    /** MPLS (earlier revisions of the draft; Wireshark and tcpdump). */
    public static final VxlanGpeNextProtocol MPLS = new VxlanGpeNextProtocol(5);

    private static final Map<Integer, String> NAMES = Map.of(1, "IPV4", 2, "IPV6", 3, "ETHERNET", 4, "NSH", 5, "MPLS");

    /**
     * Checks the value's range.
     *
     * @param value the code point as it is on the wire
     * @throws IllegalArgumentException if {@code value} is outside 0..255
     */
    public VxlanGpeNextProtocol {
        Check.inRange("value", value, 0, 0xFF);
    }

    /**
     * Returns the code point with this value; known values give their shared constant.
     *
     * @param value the code point as it is on the wire
     * @return the code point with this value; known values give their shared constant
     * @throws IllegalArgumentException if {@code value} is outside 0..255
     */
    public static VxlanGpeNextProtocol of(int value) {
        return switch (value) {
            case 1 -> IPV4;
            case 2 -> IPV6;
            case 3 -> ETHERNET;
            case 4 -> NSH;
            case 5 -> MPLS;
            default -> new VxlanGpeNextProtocol(value);
        };
    }

    @Override
    public boolean isKnown() {
        return NAMES.containsKey(value);
    }

    @Override
    public String knownName() {
        return NAMES.get(value);
    }

    @Override
    public String toString() {
        String hex = String.format("0x%02X", value);
        String name = NAMES.get(value);
        return name == null ? hex : name + "(" + hex + ")";
    }
}
