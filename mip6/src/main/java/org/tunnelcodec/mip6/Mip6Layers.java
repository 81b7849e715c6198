package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LayerStep;
import org.tunnelcodec.core.dissect.ProtocolLayer;

/**
 * The Mobility Header layer for the {@link org.tunnelcodec.core.dissect.Dissector}, bound to IP
 * protocol (IPv6 Next Header) 135 (RFC 6275 §6.1.1), where the core's IPv6 walk stops. The walk
 * is the decoder's own check ({@link MobilityHeaderDecoder#checked}); the Checksum is not
 * verified (a capture holds no binding state to know the Home Address substitutions, and many
 * carry a zero Checksum). The header ends the walk: its Payload Proto is 59, no next header.
 */
public final class Mip6Layers {
    /** The Mobility Header with its message and options. */
    public static final ProtocolLayer<MobilityHeader> MOBILITY_HEADER = ProtocolLayer.of(MobilityHeader.PROTOCOL,
            Mip6Layers::walk, MobilityHeaderDecoder::decode, Mip6Layers::summary);

    /**
     * IP protocol 62, which drafts of Mobile IPv6 used before IANA assigned 135 (RFC 6275 §6.1.1)
     * and which tcpdump and tshark still read as a Mobility Header; IANA lists 62 as CFTP.
     */
    public static final int LEGACY_NEXT_HEADER = 62;

    private Mip6Layers() {
    }

    /**
     * Returns the bindings, to add to a {@link org.tunnelcodec.core.dissect.Dissector.Builder}
     * beside the core ones: IP protocol 135.
     *
     * @return the bindings
     */
    public static List<LayerBinding> bindings() {
        return List.of(new LayerBinding(LayerKey.ipProtocol(MobilityHeader.NEXT_HEADER), MOBILITY_HEADER));
    }

    /**
     * Returns the bindings with IP protocol 62 as well ({@link #LEGACY_NEXT_HEADER}), for
     * captures of pre-RFC implementations.
     *
     * @return the bindings for 135 and 62
     */
    public static List<LayerBinding> legacyBindings() {
        return List.of(new LayerBinding(LayerKey.ipProtocol(MobilityHeader.NEXT_HEADER), MOBILITY_HEADER),
                new LayerBinding(LayerKey.ipProtocol(LEGACY_NEXT_HEADER), MOBILITY_HEADER));
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
        } else {
            sb.append("type-#").append(m.type()).append(" len=").append(h.length());
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
            sb.append("type-").append(o.type()).append(" len=").append(o.encodedLength() - 2);
        }
    }
}
