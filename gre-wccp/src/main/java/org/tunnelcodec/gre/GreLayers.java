package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.dissect.ProtocolLayer;
import org.tunnelcodec.gre.wccp.WccpComponent;
import org.tunnelcodec.gre.wccp.WccpControl;
import org.tunnelcodec.gre.wccp.WccpMessage;
import org.tunnelcodec.gre.wccp.WccpMessageDecoder;
import org.tunnelcodec.gre.wccp.WccpRedirectDecoder;
import org.tunnelcodec.gre.wccp.WccpV1Message;
import org.tunnelcodec.gre.wccp.WccpV1MessageDecoder;
import org.tunnelcodec.gre.wccp.WccpRedirectHeader;

/**
 * The GRE module's layers for the {@link org.tunnelcodec.core.dissect.Dissector}: GRE over IPv4
 * and IPv6 (IP protocol 47) and over UDP (RFC 8086, port 4754); PPP for PPTP (Protocol Type
 * 0x880B) and for the PPP link type; the WCCPv2 redirect header (Protocol Type 0x883E); the WCCP
 * control messages (UDP 2048).
 *
 * <p>The payload of GRE is chosen by its Protocol Type as an EtherType key, so IPv4, IPv6 and
 * transparent Ethernet bridging go on to the core layers, and MPLS goes on to whatever the
 * caller binds for 0x8847. For 0x883E the dissector cannot know the router's WCCP version, so
 * it guesses as Linux does ({@link org.tunnelcodec.gre.wccp.WccpVersion#AUTO}): an octet
 * whose top nibble is 4 starts IPv4 (WCCPv1), anything else a redirect header.
 */
public final class GreLayers {
    /** GRE. */
    public static final ProtocolLayer<GreHeader> GRE = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "gre";
        }

        @Override
        public Decoded<GreHeader> decode(ByteBuffer src) {
            return GreDecoder.decode(src);
        }

        @Override
        public List<LayerKey> next(GreHeader h, ByteBuffer payload) {
            int type = h.protocolType().value();
            if (type == EtherType.WCCP.value() && payload.hasRemaining()
                    && (payload.get(payload.position()) & 0xF0) == 0x40) {
                return List.of(LayerKey.etherType(EtherType.IPV4.value())); // WCCPv1: IPv4 follows GRE
            }
            return List.of(LayerKey.etherType(type));
        }

        @Override
        public String summary(GreHeader h) {
            StringBuilder sb = new StringBuilder();
            if (h.isPptp()) {
                sb.append("v1 PPTP call ").append(h.callId()).append(" len ").append(h.payloadLength());
            } else {
                sb.append("v0 proto ").append(h.protocolType());
            }
            if (h.hasKey() && !h.isPptp()) {
                sb.append(String.format(" key 0x%08x", h.key()));
            }
            if (h.hasSequenceNumber()) {
                sb.append(" seq ").append(h.sequenceNumber());
            }
            if (h.hasAcknowledgmentNumber()) {
                sb.append(" ack ").append(h.acknowledgmentNumber());
            }
            if (h.checksumPresent()) {
                sb.append(String.format(" cksum 0x%04x", h.checksum()));
            }
            if (h.routingPresent()) {
                sb.append(" routing ").append(h.routing().size()).append(" SRE").append(h.strictSourceRoute() ? " strict" : "");
            }
            if (h.recursionControl() != 0 || h.reservedFlags() != 0) {
                sb.append(" recur ").append(h.recursionControl()).append(" flags 0x").append(Integer.toHexString(h.reservedFlags()));
            }
            return sb.toString();
        }
    };

    /** PPP (HDLC-like framing, RFC 1662), as PPTP carries it. */
    public static final ProtocolLayer<PppHeader> PPP = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "ppp";
        }

        @Override
        public Decoded<PppHeader> decode(ByteBuffer src) {
            return PppCodec.decode(src);
        }

        @Override
        public List<LayerKey> next(PppHeader h, ByteBuffer payload) {
            return switch (h.protocol()) {
                case PppHeader.IPV4 -> List.of(LayerKey.etherType(EtherType.IPV4.value()));
                case PppHeader.IPV6 -> List.of(LayerKey.etherType(EtherType.IPV6.value()));
                case PppHeader.MPLS_UNICAST -> List.of(LayerKey.etherType(EtherType.MPLS_UNICAST.value()));
                case PppHeader.MPLS_MULTICAST -> List.of(LayerKey.etherType(EtherType.MPLS_MULTICAST.value()));
                default -> List.of(new LayerKey("ppp.protocol", h.protocol()));
            };
        }

        @Override
        public String summary(PppHeader h) {
            return String.format("protocol 0x%04x%s", h.protocol(), h.addressAndControl() ? "" : " (no address/control)");
        }
    };

    /** The WCCPv2 redirect header. */
    public static final ProtocolLayer<WccpRedirectHeader> WCCP = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "wccp";
        }

        @Override
        public Decoded<WccpRedirectHeader> decode(ByteBuffer src) {
            return WccpRedirectDecoder.decode(src);
        }

        @Override
        public List<LayerKey> next(WccpRedirectHeader h, ByteBuffer payload) {
            if (!payload.hasRemaining()) {
                return List.of();
            }
            return switch ((payload.get(payload.position()) & 0xF0) >>> 4) {
                case 4 -> List.of(LayerKey.etherType(EtherType.IPV4.value()));
                case 6 -> List.of(LayerKey.etherType(EtherType.IPV6.value()));
                default -> List.of();
            };
        }

        @Override
        public String summary(WccpRedirectHeader h) {
            return "service " + h.serviceId() + (h.dynamicService() ? " dynamic" : " well-known")
                    + " alt bucket " + h.alternateBucket() + " pri bucket " + h.primaryBucket()
                    + (h.alternateBucketUsed() ? " A" : "") + (h.contentsUnavailable() ? " U" : "")
                    + (h.reservedFlags() != 0 ? String.format(" reserved 0x%02x", h.reservedFlags()) : "");
        }
    };

    /**
     * WCCP control messages on UDP 2048, v2 ({@link WccpMessage}) or v1 ({@link WccpV1Message})
     * by their Type; a message is the whole datagram, so nothing follows it.
     */
    public static final ProtocolLayer<Object> WCCP_CONTROL = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "wccp-control";
        }

        @Override
        public Decoded<Object> decode(ByteBuffer src) {
            Decoded<?> d = WccpControl.version(src, src.position()) == 1
                    ? WccpV1MessageDecoder.decode(src) : WccpMessageDecoder.decode(src);
            return Decoded.of(d.header(), d.headerLength(), src, d.payloadIndex(), d.payloadLength());
        }

        @Override
        public List<LayerKey> next(Object h, ByteBuffer payload) {
            return List.of();
        }

        @Override
        public String summary(Object h) {
            if (h instanceof WccpMessage m) {
                StringBuilder sb = new StringBuilder().append(m.type()).append(String.format(" version 0x%04x", m.version()));
                for (WccpComponent c : m.components()) {
                    sb.append(' ').append(c.getClass().getSimpleName());
                }
                return sb.toString();
            }
            return "v1 " + h.getClass().getSimpleName();
        }
    };

    /** The WCCP control port (draft-wilson §5.1). */
    public static final int WCCP_CONTROL_PORT = 2048;

    /** GRE-in-UDP destination port (RFC 8086 §3). */
    public static final int GRE_IN_UDP_PORT = GreLayout.GRE_IN_UDP_PORT;

    private GreLayers() {
    }

    /** @return the bindings, to add to a {@link org.tunnelcodec.core.dissect.Dissector.Builder} beside the core ones */
    public static List<LayerBinding> bindings() {
        return List.of(
                new LayerBinding(LayerKey.ipProtocol(47), GRE),
                new LayerBinding(LayerKey.udpPort(GRE_IN_UDP_PORT), GRE),
                new LayerBinding(LayerKey.etherType(EtherType.PPP.value()), PPP),
                new LayerBinding(LayerKey.linkType(LinkType.PPP.value()), PPP),
                new LayerBinding(LayerKey.etherType(EtherType.WCCP.value()), WCCP),
                new LayerBinding(LayerKey.udpPort(WCCP_CONTROL_PORT), WCCP_CONTROL));
    }
}
