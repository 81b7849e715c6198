package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.tunnel.TunnelBinding;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;

/**
 * The MPLS module's tunnel bindings for a {@link org.tunnelcodec.core.tunnel.TunnelClassifier},
 * bound to the keys of {@link MplsLayers}: EtherTypes 0x8847 and 0x8848 (MPLS straight over
 * Ethernet, RFC 3032 §5 and RFC 5332; the same keys serve GRE Protocol Types 0x8847/0x8848,
 * RFC 4023 §3, through the GRE key space's fallback, so MPLS over GRE is
 * {@link TunnelType#MPLS} with GRE as its carrier), UDP destination port 6635 (MPLS-in-UDP, RFC
 * 7510 §3; 6636 carries DTLS and is not bound) and IP protocol 137 (MPLS-in-IP, RFC 4023 §2).
 *
 * <p>The stack is checked by the decoder's own {@link MplsDecoder#scan} (every entry present, a
 * bottom of stack within {@link MplsDecoder#DEFAULT_MAX_DEPTH} entries), as the dissector's
 * layer checks it. Tunnel id: the top entry's Label (RFC 3032 §2.1), the label a receiving LSR
 * looks up. Flags: bits 11-0 the top entry's TC, S and TTL as on the wire; bits 23-16 the
 * ordinal of the {@link MplsPayloadType} that the caller's {@link MplsBindings} identify
 * ({@link MplsBindings#identify}, the rules the dissector uses), read back with
 * {@link #payloadType(TunnelMetadata)}. The inner packet starts at the end of the label stack
 * and runs to the end of the carrier's range; its protocol is 0x0800 for IPv4, 0x86DD for
 * IPv6, 0x6558 for an Ethernet pseudowire without control word (RFC 4448 §4.4), and
 * {@link TunnelMetadata#NO_PROTOCOL} for what no EtherType names: a control word (RFC 4385 §3,
 * RFC 4448 §4.6), an ACH (RFC 5586), octets no rule identifies, or nothing.
 */
public final class MplsTunnels {
    private static final MplsPayloadType[] PAYLOAD_TYPES = MplsPayloadType.values();

    private MplsTunnels() {
    }

    /**
     * Returns the bindings with no label bindings: the payload is identified by Explicit NULL,
     * GAL and first nibble.
     *
     * @return the bindings of EtherTypes 0x8847 and 0x8848, UDP port 6635 and IP protocol 137
     */
    public static List<TunnelBinding> bindings() {
        return bindings(MplsBindings.NONE);
    }

    /**
     * Returns the bindings with the caller's label bindings, which decide first what follows a
     * stack.
     *
     * @param labels the caller's label → payload type bindings
     * @return the bindings of EtherTypes 0x8847 and 0x8848, UDP port 6635 and IP protocol 137
     */
    public static List<TunnelBinding> bindings(MplsBindings labels) {
        Objects.requireNonNull(labels, "labels");
        return List.of(
                new TunnelBinding(LayerKey.etherType(EtherType.MPLS_UNICAST.value()),
                        (src, index, limit, out) -> stack(labels, src, index, limit, out)),
                new TunnelBinding(LayerKey.etherType(EtherType.MPLS_MULTICAST.value()),
                        (src, index, limit, out) -> stack(labels, src, index, limit, out)),
                new TunnelBinding(LayerKey.udpPort(MplsInUdp.PORT),
                        (src, index, limit, out) -> stack(labels, src, index, limit, out)),
                new TunnelBinding(LayerKey.ipProtocol(MplsLayers.MPLS_IN_IP_PROTOCOL),
                        (src, index, limit, out) -> stack(labels, src, index, limit, out)));
    }

    /**
     * Returns the payload type an MPLS tunnel's metadata recorded in its flags.
     *
     * @param metadata the metadata of an {@link TunnelType#MPLS} tunnel
     * @return what follows the stack, as the label bindings identified it
     * @throws IllegalArgumentException if the metadata is not an MPLS tunnel's
     */
    public static MplsPayloadType payloadType(TunnelMetadata metadata) {
        if (!metadata.type().equals(TunnelType.MPLS)) {
            throw new IllegalArgumentException("metadata: type " + metadata.type() + " (expected: MPLS(10))");
        }
        return PAYLOAD_TYPES[metadata.flags() >>> 16 & 0xFF];
    }

    private static void stack(MplsBindings labels, ByteBuffer src, int index, int limit, TunnelMetadata out) {
        int depth = MplsDecoder.scan(src, index, limit, MplsDecoder.DEFAULT_MAX_DEPTH); // the decoder's checks
        int top = Wire.i32(src, index);
        int payload = index + depth * MplsLayout.ENTRY_LENGTH;
        MplsPayloadType type = labels.identify(src, index, depth, limit).type();
        int protocol = switch (type) {
            case IPV4 -> EtherType.IPV4.value();
            case IPV6 -> EtherType.IPV6.value();
            case PW_ETHERNET -> EtherType.TRANSPARENT_ETHERNET_BRIDGING.value();
            default -> TunnelMetadata.NO_PROTOCOL;
        };
        out.tunnel(TunnelType.MPLS, type.ordinal() << 16 | top & 0xFFF).id(MplsLayout.label(top))
                .inner(payload, limit - payload, protocol);
    }
}
