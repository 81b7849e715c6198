package org.tunnelcodec.core;

import java.util.Map;

/**
 * An EtherType (IEEE 802 / IANA registry), also the GRE Protocol Type (RFC 2784 §2.4).
 *
 * <p>An open value type: any value in 0..65535 is legal, and the constants below name
 * the ones this library knows. {@link #toString()} gives {@code NAME(0x...)} for a known
 * value and the bare hexadecimal for an unknown one.
 *
 * @param value the code point as it is on the wire
 */
public record EtherType(int value) implements CodePoint {
    /** Internet Protocol version 4. */
    public static final EtherType IPV4 = new EtherType(0x0800);
    /** Address Resolution Protocol. */
    public static final EtherType ARP = new EtherType(0x0806);
    /** Cisco Discovery Protocol (seen as a GRE protocol type). */
    public static final EtherType CISCO_CDP = new EtherType(0x2000);
    /** Next Hop Resolution Protocol (RFC 2332) over GRE. */
    public static final EtherType NHRP = new EtherType(0x2001);
    /** ERSPAN type III. */
    public static final EtherType ERSPAN_TYPE_III = new EtherType(0x22EB);
    /** Transparent Ethernet Bridging (RFC 1701), an Ethernet frame inside GRE. */
    public static final EtherType TRANSPARENT_ETHERNET_BRIDGING = new EtherType(0x6558);
    /** IEEE 802.1Q customer VLAN tag. */
    public static final EtherType VLAN = new EtherType(0x8100);
    /** Internet Protocol version 6. */
    public static final EtherType IPV6 = new EtherType(0x86DD);
    /** Point-to-Point Protocol (RFC 2637 enhanced GRE). */
    public static final EtherType PPP = new EtherType(0x880B);
    /** MPLS unicast (RFC 3032). */
    public static final EtherType MPLS_UNICAST = new EtherType(0x8847);
    /** MPLS multicast (RFC 5332). */
    public static final EtherType MPLS_MULTICAST = new EtherType(0x8848);
    /** WCCP redirection inside GRE. */
    public static final EtherType WCCP = new EtherType(0x883E);
    /** IEEE 802.1ad service VLAN tag. */
    public static final EtherType QINQ = new EtherType(0x88A8);
    /** ERSPAN type II (and type I without a sequence number). */
    public static final EtherType ERSPAN_TYPE_II = new EtherType(0x88BE);
    /** Cisco MetaData (SGT) over GRE. */
    public static final EtherType CISCO_METADATA = new EtherType(0x8909);
    /** Network Service Header (RFC 8300). */
    public static final EtherType NSH = new EtherType(0x894F);
    /** Legacy double-tagging TPID 0x9100. */
    public static final EtherType VLAN_9100 = new EtherType(0x9100);
    /** Protocol type 0, used by GRE keepalives. */
    public static final EtherType KEEPALIVE = new EtherType(0x0000);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x0800, "IPV4"),
            Map.entry(0x0806, "ARP"),
            Map.entry(0x2000, "CISCO_CDP"),
            Map.entry(0x2001, "NHRP"),
            Map.entry(0x22EB, "ERSPAN_TYPE_III"),
            Map.entry(0x6558, "TRANSPARENT_ETHERNET_BRIDGING"),
            Map.entry(0x8100, "VLAN"),
            Map.entry(0x86DD, "IPV6"),
            Map.entry(0x880B, "PPP"),
            Map.entry(0x8847, "MPLS_UNICAST"),
            Map.entry(0x8848, "MPLS_MULTICAST"),
            Map.entry(0x883E, "WCCP"),
            Map.entry(0x88A8, "QINQ"),
            Map.entry(0x88BE, "ERSPAN_TYPE_II"),
            Map.entry(0x8909, "CISCO_METADATA"),
            Map.entry(0x894F, "NSH"),
            Map.entry(0x9100, "VLAN_9100"),
            Map.entry(0x0000, "KEEPALIVE"));

    /**
     * Checks the value's range.
     *
     * @param value the code point as it is on the wire
     */
    public EtherType {
        org.tunnelcodec.core.internal.Check.inRange("value", value, 0, 65535);
    }

    /**
     * Returns the code point with this value; known values give their shared constant.
     *
     * @param value the code point as it is on the wire
     * @return the code point with this value; known values give their shared constant
     */
    public static EtherType of(int value) {
        return switch (value) {
            case 0x0800 -> IPV4;
            case 0x0806 -> ARP;
            case 0x2000 -> CISCO_CDP;
            case 0x2001 -> NHRP;
            case 0x22EB -> ERSPAN_TYPE_III;
            case 0x6558 -> TRANSPARENT_ETHERNET_BRIDGING;
            case 0x8100 -> VLAN;
            case 0x86DD -> IPV6;
            case 0x880B -> PPP;
            case 0x8847 -> MPLS_UNICAST;
            case 0x8848 -> MPLS_MULTICAST;
            case 0x883E -> WCCP;
            case 0x88A8 -> QINQ;
            case 0x88BE -> ERSPAN_TYPE_II;
            case 0x8909 -> CISCO_METADATA;
            case 0x894F -> NSH;
            case 0x9100 -> VLAN_9100;
            case 0x0000 -> KEEPALIVE;
            default -> new EtherType(value);
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
        String hex = String.format("0x%04X", value);
        String name = NAMES.get(value);
        return name == null ? hex : name + "(" + hex + ")";
    }
}
