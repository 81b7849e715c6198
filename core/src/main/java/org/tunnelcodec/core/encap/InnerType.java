package org.tunnelcodec.core.encap;

/**
 * What a packet pushed under a template is, and so what the template's innermost header must
 * name as its payload: the value of an IP header's Protocol or Next Header, of a GRE Protocol
 * Type or Ethernet EtherType, of an MPLS Bottom of Stack bit. Push also reads the packet by its
 * type: its flow hash, and the TTL and DSCP/ECN an outer header copies.
 *
 * <p>A template built from a chain accepts the types its innermost header can carry
 * ({@link EncapTemplate#accepts}); a chain that ends with an IPv4 header accepts {@link #IPV4},
 * {@link #IPV6} and {@link #MPLS} (IP protocols 4, 41 and 137) but not {@link #ETHERNET}, which IP
 * does not carry directly.
 */
public enum InnerType {
    /** An IPv4 packet: IP protocol 4 (RFC 2003), EtherType 0x0800. */
    IPV4(4, 0x0800, -1),
    /** An IPv6 packet: IP protocol 41 (RFC 2473), EtherType 0x86DD. */
    IPV6(41, 0x86DD, -1),
    /**
     * An Ethernet frame, without FCS: EtherType 0x6558 (transparent Ethernet bridging, as GRE
     * carries it, RFC 1701 §3.3); IP does not carry it directly.
     */
    ETHERNET(-1, 0x6558, -1),
    /**
     * A labelled packet, starting with its top label stack entry: IP protocol 137 (RFC 4023
     * §2), EtherType 0x8847 (RFC 3032 §5), UDP port 6635 (RFC 7510 §3). Labels pushed onto it
     * all get S=0 (RFC 3032 §2.1).
     */
    MPLS(137, 0x8847, 6635);

    private final int ipProtocol;
    private final int etherType;
    private final int udpPort;

    InnerType(int ipProtocol, int etherType, int udpPort) {
        this.ipProtocol = ipProtocol;
        this.etherType = etherType;
        this.udpPort = udpPort;
    }

    /**
     * Returns the IP protocol number an IPv4 or IPv6 header carrying this packet names.
     *
     * @return the IP protocol number, or -1 if IP does not carry this packet directly
     */
    public int ipProtocol() {
        return ipProtocol;
    }

    /**
     * Returns the EtherType a GRE or Ethernet header carrying this packet names.
     *
     * @return the EtherType
     */
    public int etherType() {
        return etherType;
    }

    /**
     * Returns the UDP destination port that announces this packet directly after a UDP header.
     *
     * @return the port, or -1 if no port is assigned to this packet bare in UDP
     */
    public int udpPort() {
        return udpPort;
    }
}
