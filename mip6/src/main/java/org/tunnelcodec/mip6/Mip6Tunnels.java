package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.tunnel.TunnelBinding;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;

/**
 * Tunnel metadata on receive ({@link org.tunnelcodec.core.tunnel.TunnelClassifier}) for the
 * Mobile IPv6 tunnel the core does not walk itself: DSMIPv6's UDP encapsulation (RFC 5555 §4.1,
 * UDP port 4191), type {@link TunnelType#DSMIP6_UDP}: no tunnel id, the inner IPv4 or IPv6
 * packet right after the UDP header, its version checked as the dissector layer checks it. The
 * classifier keys on the destination port, so it classifies the packets toward the home agent
 * (to port 4191); those from it go to the mobile node's port (or its NAT's), where the mobile
 * node's own {@link Ipv4CareOfTunnel#decapsulate} takes them (the dissector's layer matches
 * either port). IPv6 and IPv4 in IPv6 or in IPv4, the other Mobile IPv6 tunnels, are IP in IP,
 * which the core's bindings classify.
 */
public final class Mip6Tunnels {
    private Mip6Tunnels() {
    }

    /**
     * Returns the bindings, to add to a {@link org.tunnelcodec.core.tunnel.TunnelClassifier.Builder}
     * beside the core ones: UDP port 4191.
     *
     * @return the bindings
     */
    public static List<TunnelBinding> bindings() {
        return List.of(new TunnelBinding(LayerKey.udpPort(Ipv4CareOfTunnel.PORT), Mip6Tunnels::dsmip6Udp));
    }

    private static void dsmip6Udp(ByteBuffer src, int index, int limit, TunnelMetadata out) {
        int etherType = Mip6Layers.innerEtherType(src, index, limit);
        out.tunnel(TunnelType.DSMIP6_UDP, 0).inner(index, limit - index, etherType).next(KeySpace.ETHER_TYPE, etherType);
    }
}
