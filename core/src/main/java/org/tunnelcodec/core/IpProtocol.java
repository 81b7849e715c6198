package org.tunnelcodec.core;

import java.util.Map;

/**
 * An IP protocol number, the IPv4 Protocol and IPv6 Next Header field (IANA Assigned Internet Protocol Numbers).
 *
 * <p>An open value type: any value in 0..255 is legal, and the constants below name
 * the ones this library knows. {@link #toString()} gives {@code NAME(decimal)} for a known
 * value and the bare decimal number for an unknown one.
 *
 * @param value the code point as it is on the wire
 */
public record IpProtocol(int value) implements CodePoint {
    /** IPv6 Hop-by-Hop Options (RFC 8200 §4.3). */
    public static final IpProtocol HOPOPT = new IpProtocol(0);
    /** ICMP for IPv4. */
    public static final IpProtocol ICMP = new IpProtocol(1);
    /** IGMP. */
    public static final IpProtocol IGMP = new IpProtocol(2);
    /** IPv4 encapsulation (IP-in-IP, RFC 2003). */
    public static final IpProtocol IPV4 = new IpProtocol(4);
    /** Transmission Control Protocol. */
    public static final IpProtocol TCP = new IpProtocol(6);
    /** User Datagram Protocol. */
    public static final IpProtocol UDP = new IpProtocol(17);
    /** IPv6 encapsulation (RFC 2473, RFC 4213). */
    public static final IpProtocol IPV6 = new IpProtocol(41);
    /** IPv6 Routing header (RFC 8200 §4.4). */
    public static final IpProtocol IPV6_ROUTE = new IpProtocol(43);
    /** IPv6 Fragment header (RFC 8200 §4.5). */
    public static final IpProtocol IPV6_FRAG = new IpProtocol(44);
    /** Generic Routing Encapsulation. */
    public static final IpProtocol GRE = new IpProtocol(47);
    /** Encapsulating Security Payload. */
    public static final IpProtocol ESP = new IpProtocol(50);
    /** Authentication Header. */
    public static final IpProtocol AH = new IpProtocol(51);
    /** ICMP for IPv6. */
    public static final IpProtocol ICMPV6 = new IpProtocol(58);
    /** No Next Header for IPv6. */
    public static final IpProtocol IPV6_NONXT = new IpProtocol(59);
    /** IPv6 Destination Options (RFC 8200 §4.6). */
    public static final IpProtocol IPV6_OPTS = new IpProtocol(60);
    /** Protocol Independent Multicast. */
    public static final IpProtocol PIM = new IpProtocol(103);
    /** Layer Two Tunneling Protocol v3. */
    public static final IpProtocol L2TP = new IpProtocol(115);
    /** Stream Control Transmission Protocol. */
    public static final IpProtocol SCTP = new IpProtocol(132);
    /** Mobility Header (RFC 6275). */
    public static final IpProtocol MOBILITY_HEADER = new IpProtocol(135);
    /** UDP-Lite. */
    public static final IpProtocol UDPLITE = new IpProtocol(136);
    /** MPLS in IP (RFC 4023). */
    public static final IpProtocol MPLS_IN_IP = new IpProtocol(137);
    /** Host Identity Protocol. */
    public static final IpProtocol HIP = new IpProtocol(139);
    /** Shim6 protocol. */
    public static final IpProtocol SHIM6 = new IpProtocol(140);
    /** Ethernet (RFC 8986). */
    public static final IpProtocol ETHERNET = new IpProtocol(143);
    /** Experimentation and testing (RFC 3692). */
    public static final IpProtocol EXPERIMENT_253 = new IpProtocol(253);
    /** Experimentation and testing (RFC 3692). */
    public static final IpProtocol EXPERIMENT_254 = new IpProtocol(254);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "HOPOPT"),
            Map.entry(1, "ICMP"),
            Map.entry(2, "IGMP"),
            Map.entry(4, "IPV4"),
            Map.entry(6, "TCP"),
            Map.entry(17, "UDP"),
            Map.entry(41, "IPV6"),
            Map.entry(43, "IPV6_ROUTE"),
            Map.entry(44, "IPV6_FRAG"),
            Map.entry(47, "GRE"),
            Map.entry(50, "ESP"),
            Map.entry(51, "AH"),
            Map.entry(58, "ICMPV6"),
            Map.entry(59, "IPV6_NONXT"),
            Map.entry(60, "IPV6_OPTS"),
            Map.entry(103, "PIM"),
            Map.entry(115, "L2TP"),
            Map.entry(132, "SCTP"),
            Map.entry(135, "MOBILITY_HEADER"),
            Map.entry(136, "UDPLITE"),
            Map.entry(137, "MPLS_IN_IP"),
            Map.entry(139, "HIP"),
            Map.entry(140, "SHIM6"),
            Map.entry(143, "ETHERNET"),
            Map.entry(253, "EXPERIMENT_253"),
            Map.entry(254, "EXPERIMENT_254"));

    /**
     * Checks the value's range.
     *
     * @param value the code point as it is on the wire
     */
    public IpProtocol {
        org.tunnelcodec.core.internal.Check.inRange("value", value, 0, 255);
    }

    private static final IpProtocol[] ALL = new IpProtocol[256];

    static {
        for (int i = 0; i < ALL.length; i++) {
            ALL[i] = new IpProtocol(i);
        }
    }

    /**
     * Returns the code point with this value, a shared instance.
     *
     * @param value the code point as it is on the wire
     * @return the code point with this value, a shared instance
     */
    public static IpProtocol of(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("value: " + value + " (expected: 0..255)");
        }
        return ALL[value];
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
        String hex = Integer.toString(value);
        String name = NAMES.get(value);
        return name == null ? hex : name + "(" + hex + ")";
    }

    /**
     * Returns whether this is an IPv6 extension header type (RFC 8200 §4, IANA "IPv6 Extension Header
     * Types"), walked or not.
     *
     * @return whether this is an IPv6 extension header type (RFC 8200 §4, IANA "IPv6
     *     Extension Header Types"), walked or not
     */
    public boolean isIpv6ExtensionHeader() {
        return switch (value) {
            case 0, 43, 44, 50, 51, 60, 135, 139, 140, 253, 254 -> true;
            default -> false;
        };
    }
}
