package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LayerStep;
import org.tunnelcodec.core.dissect.ProtocolLayer;
import org.tunnelcodec.core.internal.Wire;

/**
 * The LISP control-plane layer for the {@link org.tunnelcodec.core.dissect.Dissector}: UDP port
 * 4342 (RFC 9301 §5.1). The core's UDP layer names the destination port, then the source port,
 * so requests (to 4342) and answers (from 4342, to the requester's port) both reach it.
 *
 * <p>The walk is the decoder's own check ({@link LispMessageDecoder#checked}). A message is one
 * layer whose payload is what its fields leave (LISP-SEC data, say), not decoded further. An
 * Encapsulated Control Message is the exception: its layer is the 4-octet ECM header, and its
 * inner IPv4 or IPv6 header, UDP header and control message follow as layers of their own (the
 * inner UDP destination port is 4342). Its record is still the whole ECM.
 */
public final class LispControlLayers {
    /** The control-plane UDP port. */
    public static final int CONTROL_PORT = LispControlLayout.UDP_PORT;

    /** A LISP control message. */
    public static final ProtocolLayer<LispMessage> LISP_CONTROL = ProtocolLayer.of(LispMessage.PROTOCOL,
            LispControlLayers::walk, LispMessageDecoder::decode, LispControlLayers::summary);

    private LispControlLayers() {
    }

    /**
     * Returns the bindings, to add to a {@link org.tunnelcodec.core.dissect.Dissector.Builder}
     * beside the core ones: UDP 4342.
     *
     * @return the bindings
     */
    public static List<LayerBinding> bindings() {
        return List.of(new LayerBinding(LayerKey.udpPort(CONTROL_PORT), LISP_CONTROL));
    }

    private static void walk(ByteBuffer src, int index, int limit, LayerStep out) {
        long lengths = LispMessageDecoder.checked(src, index, limit);
        if (Wire.u8(src, index) >>> 4 == LispControlLayout.TYPE_ECM) {
            int end = index + (int) (lengths >>> 32);
            out.lengths(4, end - index - 4);
            int version = Wire.u8(src, index + 4) >>> 4;
            out.next(KeySpace.ETHER_TYPE, version == 4 ? EtherType.IPV4.value() : EtherType.IPV6.value());
            return;
        }
        out.lengths((int) (lengths >>> 32), (int) lengths);
    }

    /**
     * Like tcpdump's: the message name, the flags set, the record count, the nonce in
     * hexadecimal and, for authenticated messages, the Key ID and Algorithm ID; for Info
     * messages the TTL, the EID-prefix and, in a reply, the NAT-Traversal addresses and ports.
     */
    static String summary(LispMessage m) {
        StringBuilder sb = new StringBuilder();
        if (m instanceof MapRequest r) {
            sb.append("Map-Request");
            flags(sb, r.authoritative() ? "A" : "", r.mapDataPresent() ? "M" : "", r.probe() ? "P" : "", r.smr() ? "S" : "",
                    r.pitr() ? "p" : "", r.smrInvoked() ? "s" : "", r.localXtr() ? "L" : "", r.dontMapReply() ? "D" : "");
            sb.append(' ').append(r.records().size()).append(r.records().size() == 1 ? " record" : " records");
            nonce(sb, r.nonce());
            sb.append(" itr-rlocs ").append(r.itrRlocs().size());
            sb.append(" eid ").append(r.records().get(0).eid()).append('/').append(r.records().get(0).maskLength());
        } else if (m instanceof MapReply r) {
            sb.append("Map-Reply");
            flags(sb, r.probe() ? "P" : "", r.echoNonce() ? "E" : "", r.security() ? "S" : "");
            records(sb, r.records().size());
            nonce(sb, r.nonce());
        } else if (m instanceof MapRegister r) {
            sb.append("Map-Register");
            flags(sb, r.proxyReply() ? "P" : "", r.security() ? "S" : "", r.xtrIdPresent() ? "I" : "",
                    r.eidNotify() ? "E" : "", r.useTtl() ? "T" : "", r.merge() ? "a" : "", r.reservedR() ? "R" : "",
                    r.wantMapNotify() ? "M" : "");
            records(sb, r.records().size());
            nonce(sb, r.nonce());
            key(sb, r.keyId(), r.algorithmId(), r.authenticationData().length());
        } else if (m instanceof MapNotify r) {
            sb.append("Map-Notify");
            flags(sb, r.xtrIdPresent() ? "I" : "", r.rtrAuthentication() ? "R" : "");
            records(sb, r.records().size());
            nonce(sb, r.nonce());
            key(sb, r.keyId(), r.algorithmId(), r.authenticationData().length());
        } else if (m instanceof MapNotifyAck r) {
            sb.append("Map-Notify-Ack");
            flags(sb, r.xtrIdPresent() ? "I" : "", r.rtrAuthentication() ? "R" : "");
            records(sb, r.records().size());
            nonce(sb, r.nonce());
            key(sb, r.keyId(), r.algorithmId(), r.authenticationData().length());
        } else if (m instanceof MapReferral r) {
            sb.append("Map-Referral");
            records(sb, r.records().size());
            nonce(sb, r.nonce());
        } else if (m instanceof InfoMessage r) {
            sb.append(r.reply() ? "Info-Reply" : "Info-Request");
            nonce(sb, r.nonce());
            key(sb, r.keyId(), r.algorithmId(), r.authenticationData().length());
            sb.append(" ttl ").append(r.ttl());
            sb.append(" eid ").append(r.eid()).append('/').append(r.maskLength());
            LcafBody.NatTraversal n = r.natTraversal();
            if (n != null) {
                sb.append(" global-etr ").append(n.globalEtrRloc()).append(':').append(n.etrPort());
                sb.append(" ms ").append(n.msRloc()).append(':').append(n.msPort());
                sb.append(" rtrs ").append(n.rtrRlocs().size());
            } else if (r.natInfo().afi() != LispAddress.AFI_NONE) {
                sb.append(" then ").append(r.natInfo());
            }
        } else if (m instanceof EncapsulatedControlMessage r) {
            sb.append("Encapsulated-Control-Message");
            flags(sb, r.ddt() ? "D" : "", r.toEtr() ? "E" : "", r.toMs() ? "M" : "");
            sb.append(" inner ").append(summary(r.message()));
        } else {
            sb.append("type ").append(m.type());
        }
        return sb.toString();
    }

    private static void flags(StringBuilder sb, String... set) {
        StringBuilder f = new StringBuilder();
        for (String s : set) {
            f.append(s);
        }
        sb.append(" flags [").append(f.length() == 0 ? "none" : f).append(']');
    }

    private static void records(StringBuilder sb, int n) {
        sb.append(' ').append(n).append(n == 1 ? " record" : " records");
    }

    private static void nonce(StringBuilder sb, long nonce) {
        sb.append(" nonce 0x").append(String.format("%016x", nonce));
    }

    private static void key(StringBuilder sb, int keyId, int algorithmId, int authLength) {
        sb.append(" key-id ").append(keyId).append(" alg ").append(algorithmId).append(" auth-len ").append(authLength);
    }
}
