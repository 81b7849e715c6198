package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LayerStep;
import org.tunnelcodec.core.dissect.ProtocolLayer;
import org.tunnelcodec.core.internal.Wire;

/**
 * The Mobility Header layer for the {@link org.tunnelcodec.core.dissect.Dissector}, bound to IP
 * protocol (IPv6 Next Header) 135 (RFC 6275 §6.1.1), where the core's IPv6 walk stops. The walk
 * is the decoder's own check ({@link MobilityHeaderDecoder#checked}); the Checksum is not
 * verified (a capture holds no binding state to know the Home Address substitutions, and many
 * carry a zero Checksum). The header ends the walk: its Payload Proto is 59, no next header.
 *
 * <p>And DSMIPv6's UDP encapsulation (RFC 5555 §4.1), bound to UDP port 4191
 * ({@link Ipv4CareOfTunnel#PORT}): no header of its own, the inner IPv4 or IPv6 packet right
 * after the UDP header, told apart by its version field. (IPv6 or IPv4 directly in IPv4, the
 * other DSMIPv6 tunnel, is IP in IP, which the core walks.)
 */
public final class Mip6Layers {
    /** The Mobility Header with its message and options. */
    public static final ProtocolLayer<MobilityHeader> MOBILITY_HEADER = ProtocolLayer.of(MobilityHeader.PROTOCOL,
            Mip6Layers::walk, MobilityHeaderDecoder::decode, Mip6Layers::summary);

    /** DSMIPv6's UDP encapsulation: the layer takes no octet and names the inner packet. */
    public static final ProtocolLayer<UdpEncapsulation> DSMIP6_UDP = ProtocolLayer.of(UdpEncapsulation.PROTOCOL,
            Mip6Layers::walkUdp, Mip6Layers::decodeUdp, u -> "inner ipv" + u.innerVersion());

    /**
     * What DSMIPv6's UDP encapsulation (RFC 5555 §4.1) puts between the UDP header and the inner
     * packet: nothing; the record names the inner packet's IP version, as the receiver reads it.
     *
     * @param innerVersion 4 or 6
     */
    public record UdpEncapsulation(int innerVersion) {
        /** The layer's name. */
        public static final String PROTOCOL = "dsmip6";

        /**
         * Checks the component.
         *
         * @param innerVersion 4 or 6
         * @throws IllegalArgumentException otherwise
         */
        public UdpEncapsulation {
            if (innerVersion != 4 && innerVersion != 6) {
                throw new IllegalArgumentException("innerVersion: " + innerVersion + " (expected: 4 or 6)");
            }
        }
    }

    /**
     * IP protocol 62, which drafts of Mobile IPv6 used before IANA assigned 135 (RFC 6275 §6.1.1)
     * and which tcpdump and tshark still read as a Mobility Header; IANA lists 62 as CFTP.
     */
    public static final int LEGACY_NEXT_HEADER = 62;

    private static final int ETHER_TYPE_IPV4 = 0x0800;
    private static final int ETHER_TYPE_IPV6 = 0x86DD;

    private Mip6Layers() {
    }

    /**
     * Returns the bindings, to add to a {@link org.tunnelcodec.core.dissect.Dissector.Builder}
     * beside the core ones: IP protocol 135, and UDP port 4191 (DSMIPv6).
     *
     * @return the bindings
     */
    public static List<LayerBinding> bindings() {
        return List.of(new LayerBinding(LayerKey.ipProtocol(MobilityHeader.NEXT_HEADER), MOBILITY_HEADER),
                new LayerBinding(LayerKey.udpPort(Ipv4CareOfTunnel.PORT), DSMIP6_UDP));
    }

    /**
     * Returns the bindings with IP protocol 62 as well ({@link #LEGACY_NEXT_HEADER}), for
     * captures of pre-RFC implementations.
     *
     * @return the bindings for 135, 62 and UDP port 4191
     */
    public static List<LayerBinding> legacyBindings() {
        return List.of(new LayerBinding(LayerKey.ipProtocol(MobilityHeader.NEXT_HEADER), MOBILITY_HEADER),
                new LayerBinding(LayerKey.ipProtocol(LEGACY_NEXT_HEADER), MOBILITY_HEADER),
                new LayerBinding(LayerKey.udpPort(Ipv4CareOfTunnel.PORT), DSMIP6_UDP));
    }

    /** The inner packet's version: 4 or 6, else malformed (RFC 5555 §4.1: the receiver parses it). */
    private static int innerVersion(ByteBuffer src, int index, int limit) {
        if (limit - index < 1) {
            throw MalformedPacketException.truncated(UdpEncapsulation.PROTOCOL, "Version", 0, 1, 0);
        }
        int version = Wire.u8(src, index) >>> 4;
        if (version != 4 && version != 6) {
            throw MalformedPacketException.invalid(UdpEncapsulation.PROTOCOL, "Version", 0,
                    MalformedPacketException.Reason.BAD_VALUE, version,
                    "4 or 6: the inner packet's IP version (RFC 5555 §4.1)");
        }
        return version;
    }

    /** The EtherType of the inner packet of DSMIPv6's UDP encapsulation, checked as {@link #innerVersion} does. */
    static int innerEtherType(ByteBuffer src, int index, int limit) {
        return innerVersion(src, index, limit) == 4 ? ETHER_TYPE_IPV4 : ETHER_TYPE_IPV6;
    }

    private static void walkUdp(ByteBuffer src, int index, int limit, LayerStep out) {
        out.lengths(0, limit - index).next(KeySpace.ETHER_TYPE, innerEtherType(src, index, limit));
    }

    private static Decoded<UdpEncapsulation> decodeUdp(ByteBuffer src, int index, int limit) {
        return Decoded.of(new UdpEncapsulation(innerVersion(src, index, limit)), 0, src, index, limit - index);
    }

    private static void walk(ByteBuffer src, int index, int limit, LayerStep out) {
        long lengths = MobilityHeaderDecoder.checked(src, index, limit);
        out.lengths((int) (lengths >>> 32), (int) lengths);
    }

    /**
     * Like tcpdump's: {@code BU seq#=1000 A H lifetime=600s (altcoa: 2001:db8::1)(padn)}: the
     * message, its flags as letters, lifetimes in seconds, then each option.
     */
    static String summary(MobilityHeader h) {
        StringBuilder sb = new StringBuilder();
        MobilityMessage m = h.message();
        if (m instanceof MobilityMessage.BindingRefreshRequest) {
            sb.append("BRR");
        } else if (m instanceof MobilityMessage.TestInit ti) {
            sb.append(ti.careOf() ? "CoTI" : "HoTI").append(String.format(" cookie=%016x", ti.cookie()));
        } else if (m instanceof MobilityMessage.Test t) {
            sb.append(t.careOf() ? "CoT" : "HoT").append(" nonce id=").append(t.nonceIndex())
                    .append(String.format(" cookie=%016x keygen token=%016x", t.cookie(), t.keygenToken()));
        } else if (m instanceof MobilityMessage.BindingUpdate bu) {
            sb.append("BU seq#=").append(bu.sequence());
            flags(sb, bu.flags() >>> 4, "AHLKMRPFTBSD");
            if (bu.reservedFlags() != 0) {
                sb.append(String.format(" reserved 0x%x", bu.reservedFlags()));
            }
            sb.append(" lifetime=").append(bu.lifetimeSeconds()).append('s');
        } else if (m instanceof MobilityMessage.BindingAcknowledgement ba) {
            sb.append("BA status=").append(ba.status());
            flags(sb, ba.flags() >>> 1, "KRPTBSD");
            if (ba.reservedFlags() != 0) {
                sb.append(" reserved 0x1");
            }
            sb.append(" seq#=").append(ba.sequence()).append(" lifetime=").append(ba.lifetimeSeconds()).append('s');
        } else if (m instanceof MobilityMessage.BindingError be) {
            sb.append("BE status=").append(be.status()).append(" home address ").append(be.homeAddress());
        } else if (m instanceof MobilityMessage.Raw) {
            sb.append("type-#").append(m.type()).append(" len=").append(h.length());
        } else {
            later(sb, m);
        }
        if (!h.options().isEmpty()) {
            sb.append(' ');
        }
        for (MobilityOption o : h.options()) {
            sb.append('(');
            option(sb, o);
            sb.append(')');
        }
        return sb.toString();
    }

    /**
     * The messages of MH Type 8 and above, in the same style: {@code FBU seq#=1 A H lifetime=60s},
     * {@code HI seq#=7 S U code=0}, {@code BRI seq#=100 trigger=1 P V}, {@code HB seq#=1 U R},
     * {@code HAS 2 home agents 2001:db8:a::2 2001:db8:a::3}, {@code EMH len=18}; reserved bits
     * that are set are shown as {@code reserved 0x...}.
     */
    private static void later(StringBuilder sb, MobilityMessage m) {
        if (m instanceof MobilityMessage.FastBindingUpdate fbu) {
            sb.append("FBU seq#=").append(fbu.sequence());
            flags(sb, fbu.flags() >>> 12, "AHLK");
            reserved(sb, fbu.reservedFlags());
            sb.append(" lifetime=").append(fbu.lifetimeSeconds()).append('s');
        } else if (m instanceof MobilityMessage.FastBindingAcknowledgement fback) {
            sb.append("FBack status=").append(fback.status());
            flags(sb, fback.flags() >>> 7, "K");
            reserved(sb, fback.reservedFlags());
            sb.append(" seq#=").append(fback.sequence()).append(" lifetime=").append(fback.lifetimeSeconds()).append('s');
        } else if (m instanceof MobilityMessage.FastNeighborAdvertisement fna) {
            sb.append("FNA");
            reserved(sb, fna.reserved());
        } else if (m instanceof MobilityMessage.Experimental emh) {
            sb.append("EMH len=").append(emh.data().length());
        } else if (m instanceof MobilityMessage.HomeAgentSwitch has) {
            sb.append("HAS ").append(has.homeAgents().size()).append(has.homeAgents().size() == 1 ? " home agent"
                    : " home agents");
            has.homeAgents().forEach(a -> sb.append(' ').append(a));
            reserved(sb, has.reserved());
        } else if (m instanceof MobilityMessage.Heartbeat hb) {
            sb.append("HB seq#=").append(hb.sequence());
            flags(sb, hb.flags() & 3, "UR");
            reserved(sb, hb.reservedFlags());
        } else if (m instanceof MobilityMessage.HandoverInitiate hi) {
            sb.append("HI seq#=").append(hi.sequence());
            flags(sb, hi.flags() >>> 6, "SU");
            reserved(sb, hi.reservedFlags());
            sb.append(" code=").append(hi.code());
        } else if (m instanceof MobilityMessage.HandoverAcknowledge hack) {
            sb.append("HAck seq#=").append(hack.sequence());
            reserved(sb, hack.reserved());
            sb.append(" code=").append(hack.code());
        } else if (m instanceof MobilityMessage.BindingRevocation br) {
            sb.append(br.indication() ? "BRI seq#=" : "BRA seq#=").append(br.sequence())
                    .append(br.indication() ? " trigger=" : " status=").append(br.triggerOrStatus());
            flags(sb, br.flags() >>> 13, "PVG");
            reserved(sb, br.reservedFlags());
        } else if (m instanceof MobilityMessage.LocalizedRoutingInitiation lri) {
            sb.append("LRI seq#=").append(lri.sequence());
            reserved(sb, lri.reserved());
            sb.append(" lifetime=").append(lri.infinite() ? "infinite" : lri.lifetimeSeconds() + "s");
        } else if (m instanceof MobilityMessage.LocalizedRoutingAcknowledgement lra) {
            sb.append("LRA seq#=").append(lra.sequence());
            flags(sb, lra.flags() >>> 7, "U");
            reserved(sb, lra.reservedFlags());
            sb.append(" status=").append(lra.status()).append(" lifetime=").append(lra.lifetimeSeconds()).append('s');
        } else if (m instanceof MobilityMessage.UpdateNotification un) {
            sb.append("UN seq#=").append(un.sequence()).append(" reason=").append(un.reason());
            flags(sb, un.flags() >>> 14, "AD");
            reserved(sb, un.reservedFlags());
        } else if (m instanceof MobilityMessage.UpdateNotificationAcknowledgement una) {
            sb.append("UNA seq#=").append(una.sequence()).append(" status=").append(una.status());
            reserved(sb, una.reserved());
        } else if (m instanceof MobilityMessage.FlowBinding fb) {
            sb.append(fb.indication() ? "FBI seq#=" : "FBA seq#=").append(fb.sequence())
                    .append(fb.indication() ? " trigger=" : " status=").append(fb.triggerOrStatus());
            if (fb.acknowledge()) {
                sb.append(" A");
            }
            reserved(sb, fb.reservedFlags());
        } else if (m instanceof MobilityMessage.SubscriptionQuery sq) {
            sb.append("SQ seq#=").append(sq.sequence());
            reserved(sb, sq.reserved());
        } else {
            MobilityMessage.SubscriptionResponse sr = (MobilityMessage.SubscriptionResponse) m;
            sb.append("SR seq#=").append(sr.sequence());
            flags(sb, sr.flags() >>> 7, "I");
            reserved(sb, sr.reservedFlags());
        }
    }

    private static void reserved(StringBuilder sb, int bits) {
        if (bits != 0) {
            sb.append(" reserved 0x").append(Integer.toHexString(bits));
        }
    }

    /** Appends the letters of the set bits, most significant first; {@code bits} is right-aligned. */
    private static void flags(StringBuilder sb, int bits, String letters) {
        int n = letters.length();
        for (int i = 0; i < n; i++) {
            if ((bits >>> (n - 1 - i) & 1) != 0) {
                sb.append(' ').append(letters.charAt(i));
            }
        }
    }

    private static void option(StringBuilder sb, MobilityOption o) {
        if (o instanceof MobilityOption.Pad1) {
            sb.append("pad1");
        } else if (o instanceof MobilityOption.PadN) {
            sb.append("padn");
        } else if (o instanceof MobilityOption.BindingRefreshAdvice bra) {
            sb.append("refresh: ").append(bra.refreshIntervalSeconds()).append('s');
        } else if (o instanceof MobilityOption.AlternateCareOfAddress acoa) {
            sb.append("altcoa: ").append(acoa.address());
        } else if (o instanceof MobilityOption.NonceIndices ni) {
            sb.append("ni: ho=0x").append(Integer.toHexString(ni.homeNonceIndex())).append(" co=0x")
                    .append(Integer.toHexString(ni.careOfNonceIndex()));
        } else if (o instanceof MobilityOption.BindingAuthorizationData bad) {
            sb.append("auth: ").append(bad.authenticator().length()).append(" octets");
        } else if (o instanceof MobilityOption.MobileNetworkPrefix mnp) {
            sb.append("mnp: ").append(mnp.prefix()).append('/').append(mnp.prefixLength());
        } else if (o instanceof MobilityOption.MobileNodeIdentifier mnid) {
            sb.append("mn-id: subtype ").append(mnid.subtype());
            if (mnid.subtype() == MobilityOption.MobileNodeIdentifier.NAI) {
                sb.append(' ').append(mnid.identifierText());
            }
        } else if (o instanceof MobilityOption.BindingIdentifier bid) {
            sb.append("bid: ").append(bid.bindingId());
            if (bid.status() != 0) {
                sb.append(" status=").append(bid.status());
            }
            if (bid.simultaneousHomeAndForeign()) {
                sb.append(" H");
            }
            sb.append(" pri=").append(bid.priority());
            bid.ipv6CareOfAddress().ifPresent(a -> sb.append(" coa ").append(a));
            bid.ipv4CareOfAddress().ifPresent(a -> sb.append(" coa ").append(a));
        } else {
            later(sb, o);
        }
    }

    /** The options of RFC 4285, RFC 5555 and RFC 6089. */
    private static void later(StringBuilder sb, MobilityOption o) {
        if (o instanceof MobilityOption.FlowIdentification flow) {
            sb.append("flow: fid=").append(flow.flowId()).append(" pri=").append(flow.priority());
            if (flow.status() != 0) {
                sb.append(" status=").append(flow.status());
            }
            for (FlowSubOption s : flow.subOptions()) {
                subOption(sb, s);
            }
        } else if (o instanceof MobilityOption.FlowSummary summary) {
            sb.append("flow-summary:");
            for (int i = 0; i < summary.flowIds().size(); i++) {
                sb.append(i == 0 ? " " : ",").append(summary.flowIds().get(i));
            }
        } else if (o instanceof MobilityOption.Ipv4HomeAddress hoa) {
            sb.append("ipv4-hoa: ").append(hoa.homeAddress()).append('/').append(hoa.prefixLength())
                    .append(hoa.prefixRequested() ? " P" : "");
        } else if (o instanceof MobilityOption.Ipv4AddressAcknowledgement ack) {
            sb.append("ipv4-ack: status=").append(ack.status()).append(' ').append(ack.homeAddress()).append('/')
                    .append(ack.prefixLength());
        } else if (o instanceof MobilityOption.NatDetection nat) {
            sb.append("nat:").append(nat.udpEncapsulation() ? " F" : "").append(" refresh=").append(nat.refreshTime())
                    .append('s');
        } else if (o instanceof MobilityOption.Ipv4CareOfAddress coa) {
            sb.append("ipv4-coa: ").append(coa.careOfAddress());
        } else if (o instanceof MobilityOption.MobilityMessageAuthentication auth) {
            sb.append("mesg-auth: subtype ").append(auth.subtype()).append(" spi 0x").append(Long.toHexString(auth.spi())).append(", ")
                    .append(auth.authenticationData().length()).append(" octets");
        } else if (o instanceof MobilityOption.MobilityMessageReplayProtection id) {
            sb.append(String.format("mesg-id: 0x%016x", id.timestamp()));
        } else {
            sb.append("type-").append(o.type()).append(" len=").append(o.encodedLength() - 2);
        }
    }

    /**
     * A Flow Identification sub-option (RFC 6089 §4.2): {@code bids=2,3}; a binary traffic
     * selector (RFC 6088) with the fields its flags select,
     * {@code ts=ipv4[destinationPort=5060..5061, protocol=17]}; padding is left out.
     */
    private static void subOption(StringBuilder sb, FlowSubOption s) {
        if (s instanceof FlowSubOption.BidReference ref) {
            sb.append(" bids=");
            for (int i = 0; i < ref.bindingIds().size(); i++) {
                sb.append(i == 0 ? "" : ",").append(ref.bindingIds().get(i));
            }
        } else if (s instanceof FlowSubOption.TrafficSelector ts) {
            Optional<BinaryTrafficSelector> binary = ts.binary();
            if (binary.isPresent()) {
                String text = binary.get().toString(); // "Ipv4TrafficSelector[...]"
                sb.append(" ts=").append(binary.get() instanceof Ipv4TrafficSelector ? "ipv4" : "ipv6")
                        .append(text, text.indexOf('['), text.length());
            } else {
                sb.append(" ts=format-").append(ts.format()).append(" len=").append(ts.selector().length());
            }
        } else if (s instanceof FlowSubOption.Unknown u) {
            sb.append(" sub-").append(u.type()).append(" len=").append(u.data().length());
        }
    }
}
