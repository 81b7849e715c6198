package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.tunnel.TunnelBinding;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;

/**
 * The VXLAN module's tunnel bindings for a {@link org.tunnelcodec.core.tunnel.TunnelClassifier},
 * bound to the UDP destination ports of {@link VxlanLayers}: 4789 VXLAN, 4790 VXLAN-GPE, 6081
 * Geneve. Each header is checked by its decoder's own {@code checked} method, the one the
 * dissector's layer calls, so the classifier accepts what the dissector walks.
 *
 * <ul>
 *   <li><b>VXLAN</b> ({@link TunnelType#VXLAN}, RFC 7348 §5). Flags: the first 32 bits as on the
 *       wire (I, the Group Policy extension's G, D, A and Group Policy ID, reserved bits). Tunnel
 *       id: the VNI, present only when I is set ("the I flag MUST be set to 1 for a valid VXLAN
 *       Network ID"); with I clear {@link TunnelMetadata#hasTunnelId()} is false. The inner
 *       packet is an Ethernet frame (0x6558). The reserved bits are not judged here: a receiver
 *       that applies a {@link VxlanPolicy} tests the flags word.</li>
 *   <li><b>VXLAN-GPE</b> ({@link TunnelType#VXLAN_GPE}, draft-ietf-nvo3-vxlan-gpe-13 §3). Flags:
 *       the first 32 bits (flags octet with Ver, I, P, B, O; reserved; Next Protocol). Tunnel id:
 *       the VNI when I is set. The inner packet's protocol: with P set, the EtherType of the Next
 *       Protocol (IPv4, IPv6, Ethernet 0x6558, NSH 0x894F, MPLS 0x8847; another value has none,
 *       {@link TunnelMetadata#NO_PROTOCOL}, and names the key
 *       {@link VxlanLayers#VXLAN_GPE_NEXT_PROTOCOL} for the caller's binding); with P clear an
 *       Ethernet frame (§3.2). MPLS and NSH are named as EtherType keys, so a classifier with
 *       MPLS bindings reads the label stack with VXLAN-GPE as its carrier.</li>
 *   <li><b>Geneve</b> ({@link TunnelType#GENEVE}, RFC 8926 §3.4). Flags: the first 32 bits (Ver,
 *       Opt Len, O, C, reserved, Protocol Type). Tunnel id: the VNI, always (Geneve has no
 *       validity flag). The options, checked by the decoder's walk (every option's length within
 *       Opt Len), lie between {@link TunnelMetadata#headerIndex()} + 8 and
 *       {@link TunnelMetadata#innerIndex()}; read them with {@link GeneveView}. The inner
 *       packet's protocol is the Protocol Type, an EtherType, also named as the next key. A
 *       control packet (O set, RFC 8926 §3.4: "control messages ... MUST NOT be forwarded") is
 *       described like any other; its flags say so.</li>
 * </ul>
 * The inner packet runs from the end of the header (with Geneve's options) to the end of the UDP
 * datagram.
 */
public final class VxlanTunnels {
    private static final int TEB = EtherType.TRANSPARENT_ETHERNET_BRIDGING.value();

    private VxlanTunnels() {
    }

    /**
     * Returns the bindings, to add to a {@link org.tunnelcodec.core.tunnel.TunnelClassifier.Builder}:
     * UDP destination ports 4789, 4790 and 6081.
     *
     * @return the bindings
     */
    public static List<TunnelBinding> bindings() {
        return List.of(new TunnelBinding(LayerKey.udpPort(VxlanLayers.VXLAN_PORT), VxlanTunnels::vxlan),
                new TunnelBinding(LayerKey.udpPort(VxlanLayers.VXLAN_GPE_PORT), VxlanTunnels::vxlanGpe),
                new TunnelBinding(LayerKey.udpPort(VxlanLayers.GENEVE_PORT), VxlanTunnels::geneve));
    }

    /**
     * Returns the binding of VXLAN to another UDP destination port (Linux's historical 8472,
     * say), to add beside {@link #bindings()} or instead of them.
     *
     * @param port the UDP destination port, 0..65535
     * @return the binding
     * @throws IllegalArgumentException if the port is out of range
     */
    public static TunnelBinding vxlanOn(int port) {
        return new TunnelBinding(LayerKey.udpPort(port), VxlanTunnels::vxlan);
    }

    private static void vxlan(ByteBuffer src, int index, int limit, TunnelMetadata out) {
        VxlanDecoder.checked(src, index, limit); // the decoder's and the dissector's checks
        long words = Wire.i64(src, index);
        int first = (int) (words >>> 32);
        out.tunnel(TunnelType.VXLAN, first);
        if ((first >>> 16 & VxlanLayout.I) != 0) {
            out.id(words >>> 8 & VxlanLayout.MAX_VNI);
        }
        int inner = index + VxlanLayout.LENGTH;
        out.inner(inner, limit - inner, TEB);
    }

    private static void vxlanGpe(ByteBuffer src, int index, int limit, TunnelMetadata out) {
        VxlanGpeDecoder.checked(src, index, limit); // the version, as the decoder and the dissector check it
        long words = Wire.i64(src, index);
        int first = (int) (words >>> 32);
        int flags = first >>> 24;
        out.tunnel(TunnelType.VXLAN_GPE, first);
        if ((flags & VxlanGpeLayout.I) != 0) {
            out.id(words >>> 8 & VxlanLayout.MAX_VNI);
        }
        int inner = index + VxlanGpeLayout.LENGTH;
        if ((flags & VxlanGpeLayout.P) == 0) {
            out.inner(inner, limit - inner, TEB); // §3.2: without P the payload is Ethernet
            return;
        }
        int nextProtocol = first & 0xFF;
        int etherType = VxlanGpeLayout.etherType(nextProtocol);
        if (etherType < 0) {
            out.inner(inner, limit - inner, TunnelMetadata.NO_PROTOCOL).next(VxlanLayers.VXLAN_GPE_NEXT_PROTOCOL,
                    nextProtocol);
        } else {
            out.inner(inner, limit - inner, etherType).next(KeySpace.ETHER_TYPE, etherType);
        }
    }

    private static void geneve(ByteBuffer src, int index, int limit, TunnelMetadata out) {
        long lengths = GeneveDecoder.checked(src, index, limit); // the options' walk included
        long words = Wire.i64(src, index);
        int first = (int) (words >>> 32);
        int protocol = first & 0xFFFF;
        int inner = index + (int) (lengths >>> 32);
        out.tunnel(TunnelType.GENEVE, first).id(words >>> 8 & VxlanLayout.MAX_VNI)
                .inner(inner, (int) lengths, protocol).next(KeySpace.ETHER_TYPE, protocol);
    }
}
