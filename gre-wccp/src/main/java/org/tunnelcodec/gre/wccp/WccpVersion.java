package org.tunnelcodec.gre.wccp;

/** How a router's redirected packets are framed after the GRE header. */
public enum WccpVersion {
    /** WCCPv1: the original IPv4 packet follows the GRE header directly. */
    V1,
    /** WCCPv2: a 4-octet redirect header comes first. */
    V2,
    /**
     * Decide per packet, as Linux and current FreeBSD do: over IPv4 delivery, an octet after
     * the GRE header whose top nibble is 4 starts an IPv4 packet (v1), anything else a
     * redirect header (v2). Over IPv6 delivery a redirect header is always expected. The
     * guess is ambiguous for a v2 header whose flags octet has 0x40 set (a reserved bit),
     * which it takes for v1; configure the version when the control plane knows it. The
     * decision is {@link WccpRedirectDecoder#hasRedirectHeader}, which the decapsulator and the
     * dissector's GRE layer share.
     */
    AUTO
}
