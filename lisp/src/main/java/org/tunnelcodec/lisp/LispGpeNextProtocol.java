package org.tunnelcodec.lisp;

import java.util.Map;
import org.tunnelcodec.core.CodePoint;
import org.tunnelcodec.core.internal.Check;

/**
 * The Next Protocol of a LISP-GPE header (RFC 9305 §3, IANA "LISP-GPE Next Protocol" registry,
 * RFC 9305 §7): what follows the header when P is set.
 *
 * <p>An open value type: any value in 0..255 is legal, and the constants below name the values
 * the registry assigns: IPv4 1, IPv6 2, Ethernet 3, NSH 4. RFC 9305 reserves 0x80-0xFF for shim
 * headers that carry a Next Protocol of their own; none is assigned, and none is named here.
 * MPLS has no LISP-GPE value (VXLAN-GPE's 5 is not in this registry). {@link #toString()} gives
 * {@code NAME(0x..)} for a known value and the bare hexadecimal for an unknown one.
 *
 * @param value the code point as it is on the wire
 */
public record LispGpeNextProtocol(int value) implements CodePoint {
    /** IPv4. */
    public static final LispGpeNextProtocol IPV4 = new LispGpeNextProtocol(1);
    /** IPv6. */
    public static final LispGpeNextProtocol IPV6 = new LispGpeNextProtocol(2);
    /** Ethernet: a frame from its destination address, without FCS. */
    public static final LispGpeNextProtocol ETHERNET = new LispGpeNextProtocol(3);
    /** Network Service Header (RFC 8300). */
    public static final LispGpeNextProtocol NSH = new LispGpeNextProtocol(4);

    private static final Map<Integer, String> NAMES = Map.of(1, "IPV4", 2, "IPV6", 3, "ETHERNET", 4, "NSH");

    /**
     * Checks the value's range.
     *
     * @param value the code point as it is on the wire
     * @throws IllegalArgumentException if {@code value} is outside 0..255
     */
    public LispGpeNextProtocol {
        Check.inRange("value", value, 0, 0xFF);
    }

    /**
     * Returns the code point with this value; known values give their shared constant.
     *
     * @param value the code point as it is on the wire
     * @return the code point with this value; known values give their shared constant
     * @throws IllegalArgumentException if {@code value} is outside 0..255
     */
    public static LispGpeNextProtocol of(int value) {
        return switch (value) {
            case 1 -> IPV4;
            case 2 -> IPV6;
            case 3 -> ETHERNET;
            case 4 -> NSH;
            default -> new LispGpeNextProtocol(value);
        };
    }

    /**
     * Returns the EtherType of what this value names: 0x0800, 0x86DD, 0x6558 (Ethernet) or
     * 0x894F (NSH), or -1 for a value without one.
     *
     * @return the EtherType, or -1
     */
    public int etherType() {
        return LispLayout.etherType(value);
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
