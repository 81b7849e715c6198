package org.tunnelcodec.core.tunnel;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.dissect.LayerKey;

/**
 * Core's tunnel bindings: IP in IP, the tunnels core's own layers carry. IP protocol 4 carries
 * an IPv4 packet (RFC 2003 over IPv4, RFC 2473 over IPv6) and IP protocol 41 an IPv6 packet
 * (RFC 4213 §3.5 over IPv4, RFC 2473 over IPv6): the type is {@link TunnelType#IPV4_IN_IPV4},
 * {@link TunnelType#IPV4_IN_IPV6}, {@link TunnelType#IPV6_IN_IPV4} or
 * {@link TunnelType#IPV6_IN_IPV6} by the outer IP version; there is no tunnel id; the inner
 * packet is the outer header's payload, as far as its Total Length or Payload Length reaches,
 * exactly the range the dissector's inner IP layer is walked in ({@code CoreLayers} binds IP
 * protocols 4 and 41 the same way). The inner header itself is not checked: it is the packet
 * the caller delivers, or classifies again for a tunnel within.
 */
public final class CoreTunnels {
    private static final int IPV4_IN_IP = 4;
    private static final int IPV6_IN_IP = 41;

    private CoreTunnels() {
    }

    /**
     * Returns the IP-in-IP bindings, to add to a {@link TunnelClassifier.Builder}.
     *
     * @return the bindings of IP protocols 4 and 41
     */
    public static List<TunnelBinding> bindings() {
        return List.of(new TunnelBinding(LayerKey.ipProtocol(IPV4_IN_IP), CoreTunnels::ipv4InIp),
                new TunnelBinding(LayerKey.ipProtocol(IPV6_IN_IP), CoreTunnels::ipv6InIp));
    }

    private static void ipv4InIp(ByteBuffer src, int index, int limit, TunnelMetadata out) {
        out.tunnel(out.ipVersion() == 6 ? TunnelType.IPV4_IN_IPV6 : TunnelType.IPV4_IN_IPV4, 0)
                .inner(index, limit - index, 0x0800);
    }

    private static void ipv6InIp(ByteBuffer src, int index, int limit, TunnelMetadata out) {
        out.tunnel(out.ipVersion() == 6 ? TunnelType.IPV6_IN_IPV6 : TunnelType.IPV6_IN_IPV4, 0)
                .inner(index, limit - index, 0x86DD);
    }
}
