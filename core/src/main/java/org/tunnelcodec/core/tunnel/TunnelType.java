package org.tunnelcodec.core.tunnel;

import java.util.Map;
import org.tunnelcodec.core.CodePoint;
import org.tunnelcodec.core.internal.Check;

/**
 * The kind of tunnel a {@link TunnelMetadata} describes, the "tunnel type" a receive-side rule
 * matches on. Each constant says what the metadata's tunnel id and {@link TunnelMetadata#flags()
 * flags} hold for that kind.
 *
 * <p>An open value type, like the project's code points, not an enum: no registry assigns these
 * numbers, the library does, and the set grows with the modules. The constants below cover
 * every encapsulation the project has or plans (VXLAN, VXLAN-GPE, Geneve and LISP included, so
 * those modules need no change here); an extractor outside the library may use a value from
 * {@link #FIRST_PRIVATE} up for a tunnel of its own without a change to core, and it is then
 * just a value ({@link #isKnown()} false, {@code toString} the bare number). Values below
 * {@code FIRST_PRIVATE} that have no constant are reserved for the library.
 *
 * @param value the type's number, 0..65535
 */
public record TunnelType(int value) implements CodePoint {
    /** No tunnel: the type of a metadata holder whose packet was not classified as a tunnel. */
    public static final TunnelType NONE = new TunnelType(0);
    /**
     * IPv4 in IPv4 (RFC 2003; Linux {@code ipip}): IP protocol 4 over IPv4. No tunnel id; flags 0.
     */
    public static final TunnelType IPV4_IN_IPV4 = new TunnelType(1);
    /**
     * IPv6 in IPv4 (RFC 4213 §3.5, "6in4"; Linux {@code sit}): IP protocol 41 over IPv4. No
     * tunnel id; flags 0.
     */
    public static final TunnelType IPV6_IN_IPV4 = new TunnelType(2);
    /**
     * IPv4 in IPv6 (RFC 2473; Linux {@code ip6tnl} mode ipip6): Next Header 4 over IPv6. No
     * tunnel id; flags 0.
     */
    public static final TunnelType IPV4_IN_IPV6 = new TunnelType(3);
    /**
     * IPv6 in IPv6 (RFC 2473; Linux {@code ip6tnl} mode ip6ip6): Next Header 41 over IPv6. No
     * tunnel id; flags 0.
     */
    public static final TunnelType IPV6_IN_IPV6 = new TunnelType(4);
    /**
     * GRE version 0 over IP (RFC 2784, RFC 2890; IP protocol 47). Tunnel id: the Key (RFC 2890
     * §2.1) when K is set. Flags: the first 16 bits of the GRE header as on the wire (C, R, K,
     * S, s, Recur, Flags, Ver).
     */
    public static final TunnelType GRE = new TunnelType(5);
    /** GRE-in-UDP (RFC 8086, UDP destination port 4754): id and flags as {@link #GRE}. */
    public static final TunnelType GRE_IN_UDP = new TunnelType(6);
    /**
     * PPTP's enhanced GRE, GRE version 1 (RFC 2637 §4.1). Tunnel id: the Call ID (the low 16
     * bits of the Key field). Flags as {@link #GRE}.
     */
    public static final TunnelType PPTP = new TunnelType(7);
    /**
     * WCCP GRE redirection (draft-wilson-wrec-wccp-v2-01 §4.12, GRE Protocol Type 0x883E).
     * Tunnel id: the Service ID of a WCCPv2 redirect header; none for WCCPv1, which has no
     * redirect header. Flags: the redirect header's 32 bits as on the wire (flags octet,
     * Service ID, Alternate Bucket, Primary Bucket), 0 for WCCPv1.
     */
    public static final TunnelType WCCP = new TunnelType(8);
    /**
     * STT (draft-davie-stt-08, TCP destination port 7471). Tunnel id: the 64-bit Context ID of
     * the frame header (§3.1), found in the segment at offset 0 only. Flags: the frame header's
     * Flags octet as on the wire, 0 for a later segment.
     */
    public static final TunnelType STT = new TunnelType(9);
    /**
     * MPLS (RFC 3032) over Ethernet, GRE (RFC 4023), UDP (RFC 7510) or IP (RFC 4023). Tunnel id:
     * the top entry's Label. Flags: bits 11-0 the top entry's TC, S and TTL as on the wire
     * (RFC 3032 §2.1), bits 23-16 the ordinal of the payload type the MPLS module identified.
     */
    public static final TunnelType MPLS = new TunnelType(10);
    /**
     * VXLAN (RFC 7348, UDP destination port 4789). Tunnel id: the 24-bit VNI, present only when
     * the I flag is set (RFC 7348 §5: it marks the VNI valid). Flags: the header's first 32 bits
     * as on the wire (the I flag and, with the Group Policy extension, G, D, A and the Group
     * Policy ID).
     */
    public static final TunnelType VXLAN = new TunnelType(11);
    /**
     * VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe, UDP destination port 4790). Tunnel id: the VNI,
     * present only when the I flag is set.
     * Flags: the header's first 32 bits as on the wire (flags, Ver, I, P, B, O and Next
     * Protocol).
     */
    public static final TunnelType VXLAN_GPE = new TunnelType(12);
    /**
     * Geneve (RFC 8926, UDP destination port 6081). Tunnel id: the 24-bit VNI. Flags: the
     * header's first 32 bits as on the wire (Ver, Opt Len, O, C, Rsvd, Protocol Type); the
     * options are the octets from {@link TunnelMetadata#headerIndex()} + 8 to
     * {@link TunnelMetadata#innerIndex()}.
     */
    public static final TunnelType GENEVE = new TunnelType(13);
    /**
     * LISP data plane (RFC 9300, UDP destination port 4341). Tunnel id: the 24-bit Instance
     * ID when I is set. Flags: the header's first 32 bits as on the wire (N, L, E, V, I, the
     * reserved flags and Nonce/Map-Version).
     */
    public static final TunnelType LISP = new TunnelType(14);
    /**
     * DSMIPv6's UDP encapsulation (RFC 5555 §4.1, UDP port 4191): the inner IPv4 or IPv6 packet
     * right after the UDP header. No tunnel id; flags 0 (it has no header).
     */
    public static final TunnelType DSMIP6_UDP = new TunnelType(15);

    /** The first value free for extractors outside the library. */
    public static final int FIRST_PRIVATE = 0x8000;

    private static final TunnelType[] KNOWN = {NONE, IPV4_IN_IPV4, IPV6_IN_IPV4, IPV4_IN_IPV6, IPV6_IN_IPV6, GRE,
        GRE_IN_UDP, PPTP, WCCP, STT, MPLS, VXLAN, VXLAN_GPE, GENEVE, LISP, DSMIP6_UDP};

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "NONE"),
            Map.entry(1, "IPV4_IN_IPV4"),
            Map.entry(2, "IPV6_IN_IPV4"),
            Map.entry(3, "IPV4_IN_IPV6"),
            Map.entry(4, "IPV6_IN_IPV6"),
            Map.entry(5, "GRE"),
            Map.entry(6, "GRE_IN_UDP"),
            Map.entry(7, "PPTP"),
            Map.entry(8, "WCCP"),
            Map.entry(9, "STT"),
            Map.entry(10, "MPLS"),
            Map.entry(11, "VXLAN"),
            Map.entry(12, "VXLAN_GPE"),
            Map.entry(13, "GENEVE"),
            Map.entry(14, "LISP"),
            Map.entry(15, "DSMIP6_UDP"));

    /**
     * Checks the range.
     *
     * @param value the type's number, 0..65535
     */
    public TunnelType {
        Check.inRange("value", value, 0, 0xFFFF);
    }

    /**
     * Returns the type with this value; a known value gives its shared constant.
     *
     * @param value the type's number, 0..65535
     * @return the type with this value; a known value gives its shared constant
     */
    public static TunnelType of(int value) {
        return value >= 0 && value < KNOWN.length ? KNOWN[value] : new TunnelType(value);
    }

    @Override
    public boolean isKnown() {
        return NAMES.containsKey(value);
    }

    @Override
    public String knownName() {
        return NAMES.get(value);
    }

    /**
     * Returns {@code NAME(value)} for a known type, the bare number for another.
     *
     * @return {@code NAME(value)} for a known type, the bare number for another
     */
    @Override
    public String toString() {
        String name = NAMES.get(value);
        return name == null ? Integer.toString(value) : name + "(" + value + ")";
    }
}
