package org.tunnelcodec.tunneldump;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.gre.GreTunnels;
import org.tunnelcodec.lisp.LispTunnels;
import org.tunnelcodec.mip6.Mip6Tunnels;
import org.tunnelcodec.mpls.MplsBindings;
import org.tunnelcodec.mpls.MplsTunnels;
import org.tunnelcodec.stt.SttTunnels;
import org.tunnelcodec.vxlan.VxlanTunnels;

/**
 * The tunnel metadata of each frame, as a receive path matches on it: the frame classified with
 * every module's tunnel bindings, then the inner packet of each tunnel again, outermost first, at
 * most {@link #MAX_LEVELS} levels. The holders are reused from frame to frame.
 */
final class Tunnels {
    /** The most tunnel levels peeled from one frame. */
    static final int MAX_LEVELS = 8;

    private final TunnelClassifier classifier;
    private final TunnelMetadata[] levels = new TunnelMetadata[MAX_LEVELS];
    private int count;

    Tunnels(MplsBindings mpls) {
        this.classifier = classifier(mpls);
        for (int i = 0; i < MAX_LEVELS; i++) {
            levels[i] = new TunnelMetadata();
        }
    }

    /**
     * The classifier tunneldump uses: every module's tunnel bindings, composed explicitly. Each
     * module adds its bindings here with one {@code add}.
     */
    static TunnelClassifier classifier(MplsBindings mpls) {
        return TunnelClassifier.builder()
                .add(CoreTunnels.bindings())
                .add(GreTunnels.bindings())
                .add(MplsTunnels.bindings(mpls))
                .add(VxlanTunnels.bindings())
                .add(LispTunnels.bindings())
                .add(SttTunnels.bindings())
                .add(Mip6Tunnels.bindings())
                .build();
    }

    /**
     * Peels the frame: Ethernet and raw IP frames from their first octet, frames of another link
     * type from the first IP header the dissector found. Returns the number of levels.
     */
    int peel(LinkType linkType, ByteBuffer frame, Dissection d) {
        count = 0;
        LinkType t = linkType;
        int index = 0;
        int limit = frame.limit();
        if (!linkType.equals(LinkType.ETHERNET) && !linkType.isRawIp()) {
            t = null;
            for (DissectedLayer l : d.layers()) {
                if (l.buffer() == 0 && (l.name().equals("ipv4") || l.name().equals("ipv6"))) {
                    t = l.name().equals("ipv4") ? LinkType.IPV4 : LinkType.IPV6;
                    index = l.offset();
                    limit = Math.min(limit, l.offset() + l.length() + l.payloadLength());
                    break;
                }
            }
        }
        while (t != null && count < MAX_LEVELS) {
            TunnelMetadata m = levels[count];
            Verdict v = classifier.classify(t, frame, index, limit, m);
            if (v == Verdict.TUNNEL || v == Verdict.FRAGMENT && !m.type().equals(TunnelType.NONE)) {
                count++;
            }
            if (v != Verdict.TUNNEL) {
                break;
            }
            t = m.innerLinkType();
            index = m.innerIndex();
            limit = index + m.innerLength();
        }
        return count;
    }

    /** The number of levels the last {@link #peel} found. */
    int count() {
        return count;
    }

    /** The metadata of level {@code i} of the last {@link #peel}. */
    TunnelMetadata level(int i) {
        return levels[i];
    }

    /**
     * The text form: {@code VXLAN(11) id 100 flags 0x08000000 192.0.2.1 > 192.0.2.2 tos 0x00 ttl 64
     * ports 51234 > 4789 inner @50+98 0x6558}, with {@code in CARRIER id N} after the id when a
     * tunnel header carried this one, and {@code partial} for a piece of a larger packet.
     */
    static void text(StringBuilder sb, TunnelMetadata m) {
        sb.append(m.type());
        if (m.hasTunnelId()) {
            sb.append(" id ").append(m.tunnelId());
        }
        if (!m.carrier().equals(TunnelType.NONE)) {
            sb.append(" in ").append(m.carrier());
            if (m.hasCarrierId()) {
                sb.append(" id ").append(m.carrierId());
            }
        }
        sb.append(String.format(" flags 0x%08x", m.flags()));
        if (m.ipVersion() == 4) {
            sb.append(' ').append(m.ipv4Source()).append(" > ").append(m.ipv4Destination());
        } else if (m.ipVersion() == 6) {
            sb.append(' ').append(m.ipv6Source()).append(" > ").append(m.ipv6Destination());
        }
        if (m.ipVersion() != 0) {
            sb.append(String.format(" tos 0x%02x ttl %d", m.tos(), m.ttl()));
        }
        if (m.sourcePort() >= 0) {
            sb.append(" ports ").append(m.sourcePort()).append(" > ").append(m.destinationPort());
        }
        sb.append(" inner @").append(m.innerIndex()).append('+').append(m.innerLength());
        if (m.innerProtocol() != TunnelMetadata.NO_PROTOCOL) {
            sb.append(String.format(" 0x%04x", m.innerProtocol()));
        }
        if (m.isPartial()) {
            sb.append(" partial");
        }
    }

    /**
     * The JSON form: {@code {"type":{"value":11,"name":"VXLAN"},"carrier":null,"carrierId":null,
     * "id":100,"flags":134217728,"ipVersion":4,"source":"192.0.2.1","destination":"192.0.2.2",
     * "tos":0,"ttl":64,"flowLabel":null,"sourcePort":51234,"destinationPort":4789,"header":42,
     * "inner":50,"innerLength":98,"innerProtocol":25944,"partial":false}}; absent values null.
     */
    static void json(StringBuilder sb, TunnelMetadata m) {
        sb.append("{\"type\":");
        Json.value(sb, m.type());
        sb.append(",\"carrier\":");
        Json.value(sb, m.carrier().equals(TunnelType.NONE) ? null : m.carrier());
        sb.append(",\"carrierId\":").append(m.hasCarrierId() ? Long.toString(m.carrierId()) : "null");
        sb.append(",\"id\":").append(m.hasTunnelId() ? Long.toString(m.tunnelId()) : "null");
        sb.append(",\"flags\":").append(m.flags() & 0xFFFF_FFFFL).append(",\"ipVersion\":").append(m.ipVersion());
        sb.append(",\"source\":");
        Json.value(sb, m.ipVersion() == 4 ? m.ipv4Source() : m.ipVersion() == 6 ? m.ipv6Source() : null);
        sb.append(",\"destination\":");
        Json.value(sb, m.ipVersion() == 4 ? m.ipv4Destination() : m.ipVersion() == 6 ? m.ipv6Destination() : null);
        sb.append(",\"tos\":").append(m.ipVersion() == 0 ? "null" : Integer.toString(m.tos()));
        sb.append(",\"ttl\":").append(m.ipVersion() == 0 ? "null" : Integer.toString(m.ttl()));
        sb.append(",\"flowLabel\":").append(m.ipVersion() == 6 ? Integer.toString(m.flowLabel()) : "null");
        sb.append(",\"sourcePort\":").append(m.sourcePort() >= 0 ? Integer.toString(m.sourcePort()) : "null");
        sb.append(",\"destinationPort\":").append(m.destinationPort() >= 0 ? Integer.toString(m.destinationPort()) : "null");
        sb.append(",\"header\":").append(m.headerIndex()).append(",\"inner\":").append(m.innerIndex())
                .append(",\"innerLength\":").append(m.innerLength()).append(",\"innerProtocol\":")
                .append(m.innerProtocol() == TunnelMetadata.NO_PROTOCOL ? "null" : Integer.toString(m.innerProtocol()))
                .append(",\"partial\":").append(m.isPartial()).append('}');
    }
}
