package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.tunnel.TunnelBinding;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.gre.wccp.WccpRedirectDecoder;
import org.tunnelcodec.gre.wccp.WccpRedirectHeader;
import org.tunnelcodec.gre.wccp.WccpVersion;

/**
 * The GRE module's tunnel bindings for a {@link org.tunnelcodec.core.tunnel.TunnelClassifier},
 * bound to the keys of {@link GreLayers}: GRE over IPv4 and IPv6 (IP protocol 47), GRE-in-UDP
 * (RFC 8086, UDP destination port 4754) and WCCP redirection (GRE Protocol Type 0x883E).
 *
 * <p><b>GRE</b> ({@link TunnelType#GRE}, {@link TunnelType#GRE_IN_UDP}; {@link TunnelType#PPTP}
 * for version 1). The header is checked by the decoder's own {@code GreDecoder.checked} (the
 * dissector's GRE walk): version 0 or 1, every field present, the SRE list of RFC 1701, PPTP's
 * Payload Length. Tunnel id: the Key (RFC 2890 §2.1) when K is set; for version 1 the Call ID
 * (RFC 2637 §4.1, the Key field's low 16 bits). Flags: the first 16 bits of the header (C, R, K,
 * S, s, Recur, Flags, Ver; RFC 2784 §2, RFC 1701 §2.1). The inner packet is the GRE payload,
 * named by the Protocol Type (an EtherType, RFC 2784 §2.4: 0x0800, 0x86DD, 0x6558 Ethernet,
 * 0x880B PPP, ...), up to the end of the delivery header's range, or of the Payload Length in
 * version 1. The Protocol Type is named as the next key in {@link KeySpace#GRE_PROTOCOL}, so
 * an extractor bound to it continues with GRE as its carrier: MPLS (EtherType 0x8847/0x8848,
 * RFC 4023 §3) and WCCP (0x883E). Checksum (C) and Sequence Number (S) are not verified or
 * tracked: the flags say whether they are there, and {@code GreDecoder.verifyChecksum} and
 * {@code GreDecoder.sequenceNumber} read them at {@code headerIndex()}.
 *
 * <p><b>WCCP</b> ({@link TunnelType#WCCP}, carried by GRE). Whether a redirect header follows
 * GRE is decided by {@link WccpRedirectDecoder#hasRedirectHeader}, the one decision the
 * dissector's GRE layer and the cache-side decapsulator share, with the version given to
 * {@link #bindings(WccpVersion)} ({@link WccpVersion#AUTO} by default, as the dissector: over
 * IPv6 delivery always, over IPv4 unless the first octet after GRE starts an IPv4 header). With
 * one (WCCPv2, draft-wilson-wrec-wccp-v2-01 §4.12.1), it is checked by
 * {@link WccpRedirectDecoder#checked}; tunnel id: its Service ID; flags: its 32 bits (flags
 * octet, Service ID, Alternate Bucket, Primary Bucket); the inner packet follows it, IPv4 or
 * IPv6 by its version nibble. Without one (WCCPv1, draft-forster-wrec-wccp-v1-00): no id, flags
 * 0, the inner IPv4 packet right after GRE. This is the dissector's reading of any GRE header
 * with type 0x883E; {@link org.tunnelcodec.gre.wccp.WccpDecapsulator} is the stricter cache-side
 * engine (configured routers only, the 4-octet GRE header WCCP uses, the inner packet's length).
 */
public final class GreTunnels {
    private static final int IPV4 = EtherType.IPV4.value();
    private static final int IPV6 = EtherType.IPV6.value();

    private GreTunnels() {
    }

    /**
     * Returns the bindings, with WCCP's redirect header detected per packet
     * ({@link WccpVersion#AUTO}), as the dissector does.
     *
     * @return the bindings of IP protocol 47, UDP port 4754 and GRE Protocol Type 0x883E
     */
    public static List<TunnelBinding> bindings() {
        return bindings(WccpVersion.AUTO);
    }

    /**
     * Returns the bindings, with the WCCP version every router of this receiver uses.
     *
     * @param wccp the WCCP version: {@link WccpVersion#V1} (no redirect header),
     *             {@link WccpVersion#V2} (always one) or {@link WccpVersion#AUTO}
     * @return the bindings of IP protocol 47, UDP port 4754 and GRE Protocol Type 0x883E
     */
    public static List<TunnelBinding> bindings(WccpVersion wccp) {
        Objects.requireNonNull(wccp, "wccp");
        return List.of(
                new TunnelBinding(LayerKey.ipProtocol(47), (src, index, limit, out) ->
                        gre(TunnelType.GRE, src, index, limit, out)),
                new TunnelBinding(LayerKey.udpPort(GreLayers.GRE_IN_UDP_PORT), (src, index, limit, out) ->
                        gre(TunnelType.GRE_IN_UDP, src, index, limit, out)),
                new TunnelBinding(LayerKey.greProtocol(EtherType.WCCP.value()), (src, index, limit, out) ->
                        wccp(wccp, src, index, limit, out)));
    }

    private static void gre(TunnelType type, ByteBuffer src, int index, int limit, TunnelMetadata out) {
        long lengths = GreDecoder.checked(src, index, limit); // the decoder's and the dissector's checks
        int headerLength = (int) (lengths >>> 32);
        int first = Wire.i32(src, index);
        int word = first >>> 16;
        int protocolType = first & 0xFFFF;
        boolean pptp = (word & GreLayout.VERSION_MASK) == 1;
        out.tunnel(pptp ? TunnelType.PPTP : type, word);
        if ((word & GreLayout.K) != 0) { // checked: the Key is within the header, after the Checksum word if C or R
            long key = Wire.u32(src, index + GreLayout.MIN_LENGTH + ((word & (GreLayout.C | GreLayout.R)) != 0 ? 4 : 0));
            out.id(pptp ? key & 0xFFFF : key); // RFC 2637 §4.1: Payload Length, then Call ID
        }
        out.inner(index + headerLength, (int) lengths, protocolType);
        if (protocolType != IPV4 && protocolType != IPV6) {
            // An IP payload is the inner packet itself: no classifier binds those two types.
            out.next(KeySpace.GRE_PROTOCOL, protocolType);
        }
    }

    private static void wccp(WccpVersion version, ByteBuffer src, int index, int limit, TunnelMetadata out) {
        // GRE came over IPv6 when the IP header carried it directly (the dissector asks the same
        // of the layer before GRE).
        boolean ipv6Delivery = out.ipVersion() == 6 && out.transportIndex() < 0;
        int at = index;
        int protocol = EtherType.IPV4.value();
        if (WccpRedirectDecoder.hasRedirectHeader(version, ipv6Delivery, src, index, limit)) {
            int word = WccpRedirectDecoder.checked(src, index, limit);
            out.tunnel(TunnelType.WCCP, word).id(word >>> 16 & 0xFF); // the Service ID
            at += WccpRedirectHeader.LENGTH;
            int nibble = at < limit ? Wire.u8(src, at) >>> 4 : 0;
            protocol = nibble == 4 ? EtherType.IPV4.value()
                    : nibble == 6 ? EtherType.IPV6.value() : TunnelMetadata.NO_PROTOCOL;
        } else {
            out.tunnel(TunnelType.WCCP, 0); // WCCPv1: the original IPv4 packet follows GRE
        }
        out.inner(at, limit - at, protocol);
    }
}
