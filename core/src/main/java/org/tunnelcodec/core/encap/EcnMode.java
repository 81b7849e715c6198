package org.tunnelcodec.core.encap;

/**
 * How a tunnel ingress sets the ECN field of an outer IP header: the two encapsulation modes of
 * RFC 6040 §4.1 (Figure 3), which RFC 9601 extends to tunnels with shim headers between the IP
 * headers (UDP, VXLAN, GRE, Geneve...).
 *
 * <table>
 *   <caption>Outer ECN field by mode (RFC 6040 §4.1, Figure 3)</caption>
 *   <tr><th>arriving inner header</th><th>compatibility mode</th><th>normal mode</th></tr>
 *   <tr><td>Not-ECT</td><td>Not-ECT</td><td>Not-ECT</td></tr>
 *   <tr><td>ECT(0)</td><td>Not-ECT</td><td>ECT(0)</td></tr>
 *   <tr><td>ECT(1)</td><td>Not-ECT</td><td>ECT(1)</td></tr>
 *   <tr><td>CE</td><td>Not-ECT</td><td>CE</td></tr>
 * </table>
 *
 * <p>Normal mode copies CE as CE. Linux's {@code INET_ECN_encapsulate} still follows the older
 * full-functionality rule of RFC 3168 §9.1.1 and sends CE as ECT(0); RFC 6040 §4.1 brought
 * every IP-in-IP tunnel in line with RFC 4301 IPsec, which copies it. An inner packet with no
 * ECN field (an Ethernet frame that carries no IP packet, a labelled packet) counts as Not-ECT.
 */
public enum EcnMode {
    /**
     * Normal mode, which every RFC 6040 ingress implements: the outer ECN field is a copy of
     * the inner one.
     */
    NORMAL,
    /**
     * Compatibility mode, for an egress that does not understand ECN: the outer ECN field is
     * Not-ECT (0) whatever the inner one is.
     */
    COMPATIBILITY
}
