package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LayerStep;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.dissect.ProtocolLayer;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.gre.wccp.control.WccpComponent;
import org.tunnelcodec.gre.wccp.control.WccpControl;
import org.tunnelcodec.gre.wccp.control.WccpMessage;
import org.tunnelcodec.gre.wccp.control.WccpMessageDecoder;
import org.tunnelcodec.gre.wccp.WccpRedirectDecoder;
import org.tunnelcodec.gre.wccp.WccpRedirectHeader;
import org.tunnelcodec.gre.wccp.control.WccpV1MessageDecoder;
import org.tunnelcodec.gre.wccp.WccpVersion;

/**
 * The GRE module's layers for the {@link org.tunnelcodec.core.dissect.Dissector}: GRE over IPv4
 * and IPv6 (IP protocol 47) and over UDP (RFC 8086, port 4754); PPP for PPTP (Protocol Type
 * 0x880B) and for the PPP link type; the WCCPv2 redirect header (GRE Protocol Type 0x883E);
 * the WCCP control messages (UDP 2048).
 *
 * <p>GRE names its payload in {@link KeySpace#GRE_PROTOCOL}, which falls back to EtherTypes:
 * IPv4, IPv6, transparent Ethernet bridging (0x6558) and MPLS reach the layers bound to those
 * EtherTypes, while WCCP's 0x883E is bound in the GRE space only, so an Ethernet frame of type
 * 0x883E is not taken for a redirect header. Whether a redirect header follows is the
 * decapsulator's own decision, {@link WccpRedirectDecoder#hasRedirectHeader} with
 * {@link WccpVersion#AUTO}: the dissector cannot know the router's configured version.
 */
public final class GreLayers {
    /** The PPP protocol numbers, for PPP payloads this module does not map to an EtherType. */
    public static final KeySpace PPP_PROTOCOL = KeySpace.of(64, "ppp.protocol");

    /** GRE. */
    public static final ProtocolLayer<GreHeader> GRE = ProtocolLayer.of(GreHeader.PROTOCOL, GreLayers::walkGre,
            GreDecoder::decode, GreLayers::greSummary);

    /** PPP (HDLC-like framing, RFC 1662), as PPTP carries it. */
    public static final ProtocolLayer<PppHeader> PPP = ProtocolLayer.of(PppHeader.PROTOCOL, GreLayers::walkPpp, PppDecoder::decode,
            h -> String.format("protocol 0x%04x%s", h.protocol(), h.addressAndControl() ? "" : " (no address/control)"));

    /** The WCCPv2 redirect header. */
    public static final ProtocolLayer<WccpRedirectHeader> WCCP = ProtocolLayer.of(WccpRedirectHeader.PROTOCOL, GreLayers::walkWccp,
            WccpRedirectDecoder::decode,
            h -> "service " + h.serviceId() + (h.dynamicService() ? " dynamic" : " well-known")
                    + " alt bucket " + h.alternateBucket() + " pri bucket " + h.primaryBucket()
                    + (h.alternateBucketUsed() ? " A" : "") + (h.contentsUnavailable() ? " U" : "")
                    + (h.reservedFlags() != 0 ? String.format(" reserved 0x%02x", h.reservedFlags()) : ""));

    /**
     * WCCP control messages on UDP 2048, v2 ({@link WccpMessage}) or v1 by their Type; a
     * message is the whole datagram, so nothing follows it. A control message is not on a data
     * path: its walk decodes the message, so walk and decoder check the same.
     */
    public static final ProtocolLayer<Object> WCCP_CONTROL = ProtocolLayer.of(WccpMessage.PROTOCOL,
            GreLayers::walkControl,
            GreLayers::decodeControl, GreLayers::controlSummary);

    /** The WCCP control port (draft-wilson-wrec-wccp-v2-01 §5.1). */
    public static final int WCCP_CONTROL_PORT = WccpControl.UDP_PORT;

    /** GRE-in-UDP destination port (RFC 8086 §3). */
    public static final int GRE_IN_UDP_PORT = GreLayout.GRE_IN_UDP_PORT;

    private GreLayers() {
    }

    /**
     * Returns the bindings, to add to a {@link org.tunnelcodec.core.dissect.Dissector.Builder} beside
     * the core ones.
     *
     * @return the bindings, to add to a {@link org.tunnelcodec.core.dissect.Dissector.Builder} beside the core ones
     */
    public static List<LayerBinding> bindings() {
        return List.of(
                new LayerBinding(LayerKey.ipProtocol(47), GRE),
                new LayerBinding(LayerKey.udpPort(GRE_IN_UDP_PORT), GRE),
                new LayerBinding(LayerKey.etherType(EtherType.PPP.value()), PPP),
                new LayerBinding(LayerKey.linkType(LinkType.PPP.value()), PPP),
                new LayerBinding(LayerKey.greProtocol(EtherType.WCCP.value()), WCCP),
                new LayerBinding(LayerKey.udpPort(WCCP_CONTROL_PORT), WCCP_CONTROL));
    }

    private static void walkGre(ByteBuffer src, int index, int limit, LayerStep out) {
        long lengths = GreDecoder.checked(src, index, limit);
        int headerLength = (int) (lengths >>> 32);
        int payloadLength = (int) lengths;
        int first = Wire.i32(src, index);
        boolean pptp = (first >>> 16 & GreLayout.VERSION_MASK) == 1 && (first >>> 16 & GreLayout.K) != 0;
        out.lengths(headerLength, payloadLength, pptp ? "Payload Length" : null);
        int type = first & 0xFFFF;
        int payload = index + headerLength;
        if (type == EtherType.WCCP.value() && !WccpRedirectDecoder.hasRedirectHeader(WccpVersion.AUTO,
                out.outerLayer(1) == CoreLayers.IPV6, src, payload, payload + payloadLength)) {
            out.next(KeySpace.ETHER_TYPE, EtherType.IPV4.value()); // WCCPv1: the IPv4 packet follows GRE
        } else {
            out.next(KeySpace.GRE_PROTOCOL, type);
        }
    }

    private static void walkPpp(ByteBuffer src, int index, int limit, LayerStep out) {
        int scan = PppDecoder.scan(src, index, limit);
        int length = scan >>> 24;
        out.lengths(length, limit - index - length);
        int protocol = scan & 0xFFFF;
        switch (protocol) {
            case PppHeader.IPV4 -> out.next(KeySpace.ETHER_TYPE, EtherType.IPV4.value());
            case PppHeader.IPV6 -> out.next(KeySpace.ETHER_TYPE, EtherType.IPV6.value());
            case PppHeader.MPLS_UNICAST -> out.next(KeySpace.ETHER_TYPE, EtherType.MPLS_UNICAST.value());
            case PppHeader.MPLS_MULTICAST -> out.next(KeySpace.ETHER_TYPE, EtherType.MPLS_MULTICAST.value());
            default -> out.next(PPP_PROTOCOL, protocol);
        }
    }

    private static void walkWccp(ByteBuffer src, int index, int limit, LayerStep out) {
        WccpRedirectDecoder.checked(src, index, limit);
        int at = index + WccpRedirectHeader.LENGTH;
        out.lengths(WccpRedirectHeader.LENGTH, limit - at);
        if (at < limit) {
            switch (Wire.u8(src, at) >>> 4) {
                case 4 -> out.next(KeySpace.ETHER_TYPE, EtherType.IPV4.value());
                case 6 -> out.next(KeySpace.ETHER_TYPE, EtherType.IPV6.value());
                default -> {
                    // the redirected packet is IP; anything else names no layer
                }
            }
        }
    }

    private static void walkControl(ByteBuffer src, int index, int limit, LayerStep out) {
        Decoded<Object> d = decodeControl(src, index, limit);
        out.lengths(d.headerLength(), d.payloadLength());
    }

    private static Decoded<Object> decodeControl(ByteBuffer src, int index, int limit) {
        ByteBuffer range = src.duplicate().limit(limit).position(index);
        Decoded<?> d = WccpControl.version(range, index) == 1
                ? WccpV1MessageDecoder.decode(range) : WccpMessageDecoder.decode(range);
        return Decoded.of(d.header(), d.headerLength(), src, d.payloadIndex(), d.payloadLength());
    }

    private static String controlSummary(Object h) {
        if (h instanceof WccpMessage m) {
            StringBuilder sb = new StringBuilder().append(m.type()).append(String.format(" version 0x%04x", m.version()));
            for (WccpComponent c : m.components()) {
                sb.append(' ').append(c.getClass().getSimpleName());
            }
            return sb.toString();
        }
        return "v1 " + h.getClass().getSimpleName();
    }

    private static String greSummary(GreHeader h) {
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
}
