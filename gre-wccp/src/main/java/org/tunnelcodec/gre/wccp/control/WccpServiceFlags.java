package org.tunnelcodec.gre.wccp.control;

/**
 * The 32-bit Service Flags of a Service Info component ([W01] 5.6.2, [R1] 5.1.2) over their
 * raw value. Every bit is kept, defined or reserved, so the value encodes back unchanged.
 *
 * <p>The masks are the drafts' own hexadecimal values (they are not the "drawn left to right"
 * flags of the redirect header, see the package documentation). Bits 0x0080 and 0xFFFFF000
 * are reserved ({@link #reservedBits()}).
 *
 * @param bits the flags as they are on the wire
 */
public record WccpServiceFlags(int bits) {
    /** Source IP address in the primary hash. */
    public static final int SOURCE_IP_HASH = 0x0001;
    /** Destination IP address in the primary hash. */
    public static final int DESTINATION_IP_HASH = 0x0002;
    /** Source port in the primary hash. */
    public static final int SOURCE_PORT_HASH = 0x0004;
    /** Destination port in the primary hash. */
    public static final int DESTINATION_PORT_HASH = 0x0008;
    /** The Port fields hold the ports to redirect. */
    public static final int PORTS_DEFINED = 0x0010;
    /** The ports are source ports (clear: destination ports). */
    public static final int PORTS_SOURCE = 0x0020;
    /** Redirect only IP protocol 0 when Protocol is 0 ([R1] 5.1.2; WCCP 2.01). */
    public static final int REDIRECT_ONLY_PROTOCOL_0 = 0x0040;
    /** Source IP address in the alternate hash. */
    public static final int SOURCE_IP_ALTERNATE_HASH = 0x0100;
    /** Destination IP address in the alternate hash. */
    public static final int DESTINATION_IP_ALTERNATE_HASH = 0x0200;
    /** Source port in the alternate hash. */
    public static final int SOURCE_PORT_ALTERNATE_HASH = 0x0400;
    /** Destination port in the alternate hash. */
    public static final int DESTINATION_PORT_ALTERNATE_HASH = 0x0800;
    /** Every bit the drafts define. */
    public static final int DEFINED = 0x0F7F;

    /** No flag set. */
    public static final WccpServiceFlags NONE = new WccpServiceFlags(0);

    private static final String[] NAMES = {"SOURCE_IP_HASH", "DESTINATION_IP_HASH", "SOURCE_PORT_HASH",
        "DESTINATION_PORT_HASH", "PORTS_DEFINED", "PORTS_SOURCE", "REDIRECT_ONLY_PROTOCOL_0", null,
        "SOURCE_IP_ALTERNATE_HASH", "DESTINATION_IP_ALTERNATE_HASH", "SOURCE_PORT_ALTERNATE_HASH",
        "DESTINATION_PORT_ALTERNATE_HASH"};

    /**
     * Returns the flags with these bits.
     *
     * @param bits the raw flags
     * @return the flags with these bits
     */
    public static WccpServiceFlags of(int bits) {
        return new WccpServiceFlags(bits);
    }

    /**
     * Returns whether the source IP address is in the primary hash.
     *
     * @return whether the source IP address is in the primary hash
     */
    public boolean sourceIpHash() {
        return (bits & SOURCE_IP_HASH) != 0;
    }

    /**
     * Returns whether the destination IP address is in the primary hash.
     *
     * @return whether the destination IP address is in the primary hash
     */
    public boolean destinationIpHash() {
        return (bits & DESTINATION_IP_HASH) != 0;
    }

    /**
     * Returns whether the source port is in the primary hash.
     *
     * @return whether the source port is in the primary hash
     */
    public boolean sourcePortHash() {
        return (bits & SOURCE_PORT_HASH) != 0;
    }

    /**
     * Returns whether the destination port is in the primary hash.
     *
     * @return whether the destination port is in the primary hash
     */
    public boolean destinationPortHash() {
        return (bits & DESTINATION_PORT_HASH) != 0;
    }

    /**
     * Returns whether the Port fields are defined.
     *
     * @return whether the Port fields are defined
     */
    public boolean portsDefined() {
        return (bits & PORTS_DEFINED) != 0;
    }

    /**
     * Returns whether the ports are source ports (otherwise destination ports).
     *
     * @return whether the ports are source ports (otherwise destination ports)
     */
    public boolean portsSource() {
        return (bits & PORTS_SOURCE) != 0;
    }

    /**
     * Returns whether only IP protocol 0 is redirected when Protocol is 0 ([R1] 5.1.2).
     *
     * @return whether only IP protocol 0 is redirected when Protocol is 0 ([R1] 5.1.2)
     */
    public boolean redirectOnlyProtocol0() {
        return (bits & REDIRECT_ONLY_PROTOCOL_0) != 0;
    }

    /**
     * Returns whether the source IP address is in the alternate hash.
     *
     * @return whether the source IP address is in the alternate hash
     */
    public boolean sourceIpAlternateHash() {
        return (bits & SOURCE_IP_ALTERNATE_HASH) != 0;
    }

    /**
     * Returns whether the destination IP address is in the alternate hash.
     *
     * @return whether the destination IP address is in the alternate hash
     */
    public boolean destinationIpAlternateHash() {
        return (bits & DESTINATION_IP_ALTERNATE_HASH) != 0;
    }

    /**
     * Returns whether the source port is in the alternate hash.
     *
     * @return whether the source port is in the alternate hash
     */
    public boolean sourcePortAlternateHash() {
        return (bits & SOURCE_PORT_ALTERNATE_HASH) != 0;
    }

    /**
     * Returns whether the destination port is in the alternate hash.
     *
     * @return whether the destination port is in the alternate hash
     */
    public boolean destinationPortAlternateHash() {
        return (bits & DESTINATION_PORT_ALTERNATE_HASH) != 0;
    }

    /**
     * Returns the set bits the drafts do not define (zero on a conforming sender).
     *
     * @return the set bits the drafts do not define (zero on a conforming sender)
     */
    public int reservedBits() {
        return bits & ~DEFINED;
    }

    /**
     * Returns these flags with {@code mask} set as well.
     *
     * @param mask one or more of the constants
     * @return these flags with {@code mask} set as well
     */
    public WccpServiceFlags with(int mask) {
        return new WccpServiceFlags(bits | mask);
    }

    /**
     * Returns the set flags joined by {@code |}, reserved bits in hexadecimal, for example {@code
     * "DESTINATION_IP_HASH|PORTS_DEFINED"}, or {@code "none"}.
     *
     * @return the set flags joined by {@code |}, reserved bits in hexadecimal, for example
     *     {@code "DESTINATION_IP_HASH|PORTS_DEFINED"}, or {@code "none"}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i] != null && (bits & 1 << i) != 0) {
                sb.append(sb.length() == 0 ? "" : "|").append(NAMES[i]);
            }
        }
        if (reservedBits() != 0) {
            sb.append(sb.length() == 0 ? "" : "|").append("0x").append(Integer.toHexString(reservedBits()));
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
