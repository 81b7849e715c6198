package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LayerStep;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.dissect.ProtocolLayer;
import org.tunnelcodec.core.internal.Wire;

/**
 * The MPLS module's layers for the {@link org.tunnelcodec.core.dissect.Dissector}.
 *
 * <p><b>Carriers.</b> The label stack is bound to EtherTypes 0x8847 and 0x8848 (RFC 3032 §5,
 * RFC 5332), which also serves GRE Protocol Types 0x8847/0x8848 (RFC 4023 §3; GRE's key space
 * falls back to EtherTypes) and PPP's MPLS protocols (the GRE module maps them), to UDP
 * destination port 6635 (MPLS-in-UDP, RFC 7510 §3) and to IP protocol 137 (MPLS-in-IP, RFC 4023
 * §2). Port 6636 carries MPLS-in-UDP inside DTLS (RFC 7510 §4): its payload is DTLS records, not
 * a label stack, so it is not bound.
 *
 * <p><b>After the bottom of stack.</b> The layer names its payload by
 * {@link MplsBindings#identify}: IPv4 and IPv6 go to the core IP layers, an Ethernet pseudowire
 * without control word to an Ethernet layer, a control word to the {@code "pw-cw"} layer (then
 * the Ethernet frame when the pseudowire is Ethernet's), an ACH to the {@code "ach"} layer (then
 * IPv4 or IPv6 for channel types 0x0021 and 0x0057). The caller's label bindings are passed at
 * construction ({@link #bindings(MplsBindings)}); {@link #bindings()} has none. The stack's
 * depth bound is the decoder's default, 32 entries.
 */
public final class MplsLayers {
    /** The space of what follows a label stack: the ordinal of an {@link MplsPayloadType}. */
    public static final KeySpace MPLS_PAYLOAD = KeySpace.of(96, "mpls.payload");

    /** MPLS-in-UDP destination port (RFC 7510 §3). */
    public static final int MPLS_IN_UDP_PORT = MplsInUdp.PORT;

    /** MPLS-in-UDP with DTLS (RFC 7510 §4): not a bare label stack, never bound. */
    public static final int MPLS_IN_UDP_DTLS_PORT = MplsInUdp.DTLS_PORT;

    /** IP protocol number of MPLS-in-IP (RFC 4023 §2). */
    public static final int MPLS_IN_IP_PROTOCOL = 137;

    /** The space of what follows an ACH: its Channel Type (RFC 5586 §2). */
    public static final KeySpace ACH_CHANNEL = KeySpace.of(97, "ach.channel");

    /** The label stack, with no label bindings. */
    public static final ProtocolLayer<MplsHeader> MPLS = stackLayer(MplsBindings.NONE);

    /** An Ethernet pseudowire's control word (RFC 4448 §4.6), followed by the Ethernet frame. */
    public static final ProtocolLayer<ControlWord> ETHERNET_CONTROL_WORD = ProtocolLayer.of(ControlWord.PROTOCOL,
            MplsLayers::walkEthernetControlWord, ControlWordDecoder::decode, MplsLayers::controlWordSummary);

    /** Another pseudowire type's control word (RFC 4385 §3): its payload is not decoded here. */
    public static final ProtocolLayer<ControlWord> CONTROL_WORD = ProtocolLayer.of(ControlWord.PROTOCOL,
            MplsLayers::walkControlWord, ControlWordDecoder::decode, MplsLayers::controlWordSummary);

    /** The Associated Channel Header (RFC 4385 §5, RFC 5586 §2), followed by its channel's message. */
    public static final ProtocolLayer<AchHeader> ACH = ProtocolLayer.of(AchHeader.PROTOCOL, MplsLayers::walkAch,
            AchDecoder::decode, MplsLayers::achSummary);

    private MplsLayers() {
    }

    /**
     * Returns the bindings with no label bindings: the payload is identified by Explicit NULL,
     * GAL and first nibble.
     *
     * @return the bindings, to add to a {@link org.tunnelcodec.core.dissect.Dissector.Builder} beside the core ones
     */
    public static List<LayerBinding> bindings() {
        return bindings(MPLS);
    }

    /**
     * Returns the bindings with the caller's label bindings, which decide first what follows a
     * stack.
     *
     * @param labelBindings the caller's label → payload type bindings
     * @return the bindings, to add to a {@link org.tunnelcodec.core.dissect.Dissector.Builder} beside the core ones
     */
    public static List<LayerBinding> bindings(MplsBindings labelBindings) {
        Objects.requireNonNull(labelBindings, "labelBindings");
        return bindings(labelBindings == MplsBindings.NONE ? MPLS : stackLayer(labelBindings));
    }

    private static List<LayerBinding> bindings(ProtocolLayer<MplsHeader> stack) {
        return List.of(
                new LayerBinding(LayerKey.etherType(EtherType.MPLS_UNICAST.value()), stack),
                new LayerBinding(LayerKey.etherType(EtherType.MPLS_MULTICAST.value()), stack),
                new LayerBinding(LayerKey.udpPort(MPLS_IN_UDP_PORT), stack),
                new LayerBinding(LayerKey.ipProtocol(MPLS_IN_IP_PROTOCOL), stack),
                new LayerBinding(payloadKey(MplsPayloadType.PW_ETHERNET), CoreLayers.ETHERNET),
                new LayerBinding(payloadKey(MplsPayloadType.PW_ETHERNET_CONTROL_WORD), ETHERNET_CONTROL_WORD),
                new LayerBinding(payloadKey(MplsPayloadType.CONTROL_WORD), CONTROL_WORD),
                new LayerBinding(payloadKey(MplsPayloadType.ACH), ACH),
                new LayerBinding(new LayerKey(ACH_CHANNEL, AchChannelType.IPV4.value()), CoreLayers.IPV4),
                new LayerBinding(new LayerKey(ACH_CHANNEL, AchChannelType.IPV6.value()), CoreLayers.IPV6));
    }

    private static LayerKey payloadKey(MplsPayloadType type) {
        return new LayerKey(MPLS_PAYLOAD, type.ordinal());
    }

    private static ProtocolLayer<MplsHeader> stackLayer(MplsBindings labelBindings) {
        return ProtocolLayer.of(MplsHeader.PROTOCOL, (src, index, limit, out) -> walkStack(labelBindings, src, index, limit, out),
                MplsDecoder::decode, MplsLayers::stackSummary);
    }

    private static void walkStack(MplsBindings labelBindings, ByteBuffer src, int index, int limit, LayerStep out) {
        int depth = MplsDecoder.scan(src, index, limit, MplsDecoder.DEFAULT_MAX_DEPTH);
        int headerLength = depth * MplsLayout.ENTRY_LENGTH;
        out.lengths(headerLength, limit - index - headerLength);
        MplsPayloadType type = labelBindings.identify(src, index, depth, limit).type();
        switch (type) {
            case IPV4 -> out.next(KeySpace.ETHER_TYPE, EtherType.IPV4.value());
            case IPV6 -> out.next(KeySpace.ETHER_TYPE, EtherType.IPV6.value());
            case RAW, NONE -> {
                // nothing identified: the walk ends here
            }
            default -> out.next(MPLS_PAYLOAD, type.ordinal());
        }
    }

    private static void walkEthernetControlWord(ByteBuffer src, int index, int limit, LayerStep out) {
        controlWordLengths(src, index, limit, out).next(KeySpace.LINK_TYPE, LinkType.ETHERNET.value());
    }

    private static void walkControlWord(ByteBuffer src, int index, int limit, LayerStep out) {
        controlWordLengths(src, index, limit, out);
    }

    private static LayerStep controlWordLengths(ByteBuffer src, int index, int limit, LayerStep out) {
        long lengths = ControlWordDecoder.checked(src, index, limit);
        boolean lengthSet = (Wire.u8(src, index + 1) & 0x3F) != 0; // RFC 4385 §4: Length bounds the payload when set
        return out.lengths((int) (lengths >>> 32), (int) lengths, lengthSet ? "Length" : null);
    }

    private static void walkAch(ByteBuffer src, int index, int limit, LayerStep out) {
        long lengths = AchDecoder.checked(src, index, limit);
        out.lengths((int) (lengths >>> 32), (int) lengths);
        if ((Wire.u8(src, index) & 0x0F) == AchHeader.VERSION) { // an unknown version's channel is not parsed (R14)
            out.next(ACH_CHANNEL, Wire.u16(src, index + 2));
        }
    }

    private static String controlWordSummary(ControlWord h) {
        StringBuilder sb = new StringBuilder("seq ").append(h.sequenceNumber());
        if (h.flags() != 0 || h.fragmentation() != 0) {
            sb.append(" flags 0x").append(Integer.toHexString(h.flags())).append(" frg ").append(h.fragmentation());
        }
        if (h.length() != 0) {
            sb.append(" length ").append(h.length());
        }
        return sb.toString();
    }

    private static String achSummary(AchHeader h) {
        StringBuilder sb = new StringBuilder("v").append(h.version()).append(" channel ").append(h.channelType());
        if (h.reserved() != 0) {
            sb.append(String.format(" reserved 0x%02x", h.reserved()));
        }
        return sb.toString();
    }

    static String stackSummary(MplsHeader h) {
        StringBuilder sb = new StringBuilder();
        int entropy = h.entropyLabelIndex();
        for (int i = 0; i < h.depth(); i++) {
            sb.append(i == 0 ? "" : ", ");
            int label = h.label(i);
            sb.append("label ").append(label);
            String special = i == entropy ? "entropy" : MplsLabel.specialName(label);
            if (special != null) {
                sb.append(' ').append(special);
            }
            sb.append(" tc ").append(h.trafficClass(i)).append(" ttl ").append(h.ttl(i));
        }
        return sb.toString();
    }
}
