package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LayerStep;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.dissect.ProtocolLayer;
import org.tunnelcodec.core.internal.Wire;

/**
 * The VXLAN and Geneve layers for the {@link org.tunnelcodec.core.dissect.Dissector}, by UDP
 * port (the core's UDP layer names the destination port, then the source port):
 * <ul>
 *   <li>4789, VXLAN (RFC 7348 §5): the payload is an Ethernet frame ({@link LinkType#ETHERNET})
 *       whatever the flags say, as tshark reads it (whether a receiver accepts the header is
 *       {@link VxlanPolicy}'s decision, not the dissector's);</li>
 *   <li>4790, VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe-13 §3.2): with P set, the Next Protocol
 *       chooses: IPv4 and IPv6 by EtherType, Ethernet by link type, NSH by EtherType 0x894F,
 *       MPLS (5) by EtherType 0x8847; another value is named in {@link #VXLAN_GPE_NEXT_PROTOCOL}
 *       for the caller to bind. With P clear the payload is Ethernet (§3.2);</li>
 *   <li>6081, Geneve (RFC 8926 §3.3): the Protocol Type is an EtherType
 *       ({@link KeySpace#ETHER_TYPE}); 0x6558 reaches the core's Ethernet layer.</li>
 * </ul>
 * Other ports (Linux's historical VXLAN port 8472, say) are the caller's to bind to
 * {@link #VXLAN}. The walks are the decoders' own checks ({@code checked}); a header the
 * decoder refuses (a VXLAN-GPE or Geneve version other than 0) stops the walk as malformed.
 */
public final class VxlanLayers {
    /** What follows a VXLAN-GPE header whose Next Protocol this module does not map: the value. */
    public static final KeySpace VXLAN_GPE_NEXT_PROTOCOL = KeySpace.of(112, "vxlan-gpe.next");

    /** The IANA-assigned VXLAN destination port (RFC 7348 §5). */
    public static final int VXLAN_PORT = VxlanLayout.UDP_PORT;

    /** The IANA-assigned VXLAN-GPE destination port (draft-ietf-nvo3-vxlan-gpe-13 §3.2). */
    public static final int VXLAN_GPE_PORT = VxlanGpeLayout.UDP_PORT;

    /** The IANA-assigned Geneve destination port (RFC 8926 §3.3). */
    public static final int GENEVE_PORT = GeneveLayout.UDP_PORT;

    /** VXLAN, followed by an Ethernet frame. */
    public static final ProtocolLayer<VxlanHeader> VXLAN = ProtocolLayer.of(VxlanHeader.PROTOCOL, VxlanLayers::walkVxlan,
            VxlanDecoder::decode, VxlanLayers::vxlanSummary);

    /** VXLAN-GPE, followed by what its Next Protocol names. */
    public static final ProtocolLayer<VxlanGpeHeader> VXLAN_GPE = ProtocolLayer.of(VxlanGpeHeader.PROTOCOL,
            VxlanLayers::walkVxlanGpe, VxlanGpeDecoder::decode, VxlanLayers::vxlanGpeSummary);

    /** Geneve with its options, followed by what its Protocol Type names. */
    public static final ProtocolLayer<GeneveHeader> GENEVE = ProtocolLayer.of(GeneveHeader.PROTOCOL,
            VxlanLayers::walkGeneve, GeneveDecoder::decode, VxlanLayers::geneveSummary);

    private VxlanLayers() {
    }

    /**
     * Returns the bindings, to add to a {@link org.tunnelcodec.core.dissect.Dissector.Builder}
     * beside the core ones: UDP 4789, 4790 and 6081.
     *
     * @return the bindings
     */
    public static List<LayerBinding> bindings() {
        return List.of(
                new LayerBinding(LayerKey.udpPort(VXLAN_PORT), VXLAN),
                new LayerBinding(LayerKey.udpPort(VXLAN_GPE_PORT), VXLAN_GPE),
                new LayerBinding(LayerKey.udpPort(GENEVE_PORT), GENEVE));
    }

    private static void walkVxlan(ByteBuffer src, int index, int limit, LayerStep out) {
        long lengths = VxlanDecoder.checked(src, index, limit);
        out.lengths((int) (lengths >>> 32), (int) lengths).next(KeySpace.LINK_TYPE, LinkType.ETHERNET.value());
    }

    private static void walkVxlanGpe(ByteBuffer src, int index, int limit, LayerStep out) {
        long lengths = VxlanGpeDecoder.checked(src, index, limit);
        out.lengths((int) (lengths >>> 32), (int) lengths);
        int first = Wire.i32(src, index);
        if ((first >>> 24 & VxlanGpeLayout.P) == 0) {
            out.next(KeySpace.LINK_TYPE, LinkType.ETHERNET.value()); // §3.2: P clear, the payload is Ethernet
            return;
        }
        int nextProtocol = first & 0xFF;
        int etherType = VxlanGpeLayout.etherType(nextProtocol);
        if (etherType == EtherType.TRANSPARENT_ETHERNET_BRIDGING.value()) {
            out.next(KeySpace.LINK_TYPE, LinkType.ETHERNET.value());
        } else if (etherType >= 0) {
            out.next(KeySpace.ETHER_TYPE, etherType);
        } else {
            out.next(VXLAN_GPE_NEXT_PROTOCOL, nextProtocol);
        }
    }

    private static void walkGeneve(ByteBuffer src, int index, int limit, LayerStep out) {
        long lengths = GeneveDecoder.checked(src, index, limit);
        out.lengths((int) (lengths >>> 32), (int) lengths).next(KeySpace.ETHER_TYPE, Wire.i32(src, index) & 0xFFFF);
    }

    /** Like tcpdump's: {@code vni 100 flags [I]}, the Group Policy ID when G is set, unknown bits in hexadecimal. */
    static String vxlanSummary(VxlanHeader h) {
        StringBuilder sb = new StringBuilder("vni ").append(h.vni()).append(" flags [");
        int mark = sb.length();
        if (h.groupPolicy()) {
            sb.append('G');
        }
        if (h.vniValid()) {
            sb.append('I');
        }
        if (h.dontLearn()) {
            sb.append('D');
        }
        if (h.policyApplied()) {
            sb.append('A');
        }
        if (sb.length() == mark) {
            sb.append("none");
        }
        sb.append(']');
        if (h.reservedFlags() != 0) {
            sb.append(String.format(" (0x%04x)", h.flags()));
        }
        if (h.groupPolicy()) {
            sb.append(" group ").append(h.groupPolicyId());
        } else if (h.groupPolicyId() != 0) {
            sb.append(String.format(" reserved 0x%04x", h.groupPolicyId()));
        }
        if (h.reservedOctet() != 0) {
            sb.append(String.format(" reserved8 0x%02x", h.reservedOctet()));
        }
        return sb.toString();
    }

    /** Like tcpdump's: {@code vni 16777215 flags [IP] next NSH(0x04)}. */
    static String vxlanGpeSummary(VxlanGpeHeader h) {
        StringBuilder sb = new StringBuilder("vni ").append(h.vni()).append(" flags [");
        int mark = sb.length();
        if (h.vniValid()) {
            sb.append('I');
        }
        if (h.nextProtocolPresent()) {
            sb.append('P');
        }
        if (h.bum()) {
            sb.append('B');
        }
        if (h.oam()) {
            sb.append('O');
        }
        if (sb.length() == mark) {
            sb.append("none");
        }
        sb.append(']');
        if (h.reservedFlags() != 0) {
            sb.append(String.format(" (0x%02x)", h.flags()));
        }
        sb.append(" next ").append(h.nextProtocol());
        if (h.reserved() != 0 || h.reservedOctet() != 0) {
            sb.append(String.format(" reserved 0x%04x/0x%02x", h.reserved(), h.reservedOctet()));
        }
        return sb.toString();
    }

    /**
     * Like tcpdump's: {@code vni 0xa proto TEB flags [C] opts 1: class 0x0000 type 0x80 len 4},
     * where len is each option's data in octets.
     */
    static String geneveSummary(GeneveHeader h) {
        StringBuilder sb = new StringBuilder(String.format("vni 0x%x proto ", h.vni()));
        int type = h.protocolType().value();
        sb.append(type == EtherType.TRANSPARENT_ETHERNET_BRIDGING.value() ? "TEB" : h.protocolType().toString());
        if (h.controlPacket() || h.criticalOptionsPresent()) {
            sb.append(" flags [").append(h.controlPacket() ? "O" : "").append(h.criticalOptionsPresent() ? "C" : "")
                    .append(']');
        }
        if (h.reservedFlags() != 0 || h.reservedOctet() != 0) {
            sb.append(String.format(" reserved 0x%02x/0x%02x", h.reservedFlags(), h.reservedOctet()));
        }
        List<GeneveOption> options = h.options();
        if (!options.isEmpty()) {
            sb.append(" opts ").append(options.size()).append(':');
            for (int i = 0; i < options.size(); i++) {
                GeneveOption o = options.get(i);
                sb.append(i == 0 ? " " : ", ").append(String.format("class 0x%04x type 0x%02x len %d", o.optionClass(),
                        o.type(), o.data().length()));
                if (o.reserved() != 0) {
                    sb.append(" R ").append(o.reserved());
                }
            }
        }
        return sb.toString();
    }
}
