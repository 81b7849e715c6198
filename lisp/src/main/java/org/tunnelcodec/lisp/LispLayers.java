package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LayerStep;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.dissect.ProtocolLayer;
import org.tunnelcodec.core.internal.Wire;

/**
 * The LISP data-plane layers for the {@link org.tunnelcodec.core.dissect.Dissector}, bound to
 * UDP destination port 4341 (RFC 9300 §5.3; the core's UDP layer names the destination port,
 * then the source port). The control plane (UDP 4342) is another class's.
 * <ul>
 *   <li>{@link #LISP}, "lisp": the 8-octet header of RFC 9300 §5.3. With bit 5 (P) clear, the
 *       payload is an IPv4 or IPv6 packet told apart by its version nibble (RFC 9300 §5.1-§5.2:
 *       the header has no protocol field, RFC 9305 §1): 4 and 6 name EtherTypes 0x0800 and
 *       0x86DD, any other nibble names nothing (the payload is data). A payload encrypted with
 *       RFC 8061 (KK not 0) is not an IP packet: nothing is named after it either. With P set
 *       the header is a LISP-GPE header: this layer takes no octet (length 0) and names
 *       {@link #LISP_GPE_HEADER}, which the {@link #LISP_GPE} layer is bound to.</li>
 *   <li>{@link #LISP_GPE}, "lisp-gpe" (RFC 9305 §3): the 8 octets, then by Next Protocol: IPv4 and
 *       IPv6 by EtherType, Ethernet by link type, NSH by EtherType 0x894F; another value is named
 *       in {@link #LISP_GPE_NEXT_PROTOCOL} for the caller to bind.</li>
 * </ul>
 * The walks are the decoders' own checks ({@code checked}): only a header shorter than 8 octets
 * stops the walk as malformed.
 */
public final class LispLayers {
    /** What follows a LISP header with P set: value 1, the LISP-GPE header ({@link #LISP_GPE}). */
    public static final KeySpace LISP_GPE_HEADER = KeySpace.of(129, "lisp.gpe");

    /** What follows a LISP-GPE header whose Next Protocol this module does not map: the value. */
    public static final KeySpace LISP_GPE_NEXT_PROTOCOL = KeySpace.of(128, "lisp-gpe.next");

    /** The IANA-assigned LISP data destination port (RFC 9300 §5.3). */
    public static final int LISP_DATA_PORT = LispLayout.UDP_PORT;

    /** The LISP data header, followed by an IPv4 or IPv6 packet, or by a LISP-GPE header when P is set. */
    public static final ProtocolLayer<LispHeader> LISP = ProtocolLayer.of(LispHeader.PROTOCOL, LispLayers::walkLisp,
            LispLayers::decodeLisp, LispLayers::lispSummary);

    /** The LISP-GPE header, followed by what its Next Protocol names. */
    public static final ProtocolLayer<LispGpeHeader> LISP_GPE = ProtocolLayer.of(LispGpeHeader.PROTOCOL,
            LispLayers::walkGpe, LispGpeDecoder::decode, LispLayers::gpeSummary);

    private static final int TEB = EtherType.TRANSPARENT_ETHERNET_BRIDGING.value();

    private LispLayers() {
    }

    /**
     * Returns the bindings, to add to a {@link org.tunnelcodec.core.dissect.Dissector.Builder}
     * beside the core ones: UDP 4341, and the LISP-GPE header after a LISP header with P set.
     *
     * @return the bindings
     */
    public static List<LayerBinding> bindings() {
        return List.of(new LayerBinding(LayerKey.udpPort(LISP_DATA_PORT), LISP),
                new LayerBinding(new LayerKey(LISP_GPE_HEADER, 1), LISP_GPE));
    }

    private static void walkLisp(ByteBuffer src, int index, int limit, LayerStep out) {
        long lengths = LispDecoder.checked(src, index, limit);
        int flags = Wire.u8(src, index);
        if ((flags & LispLayout.P) != 0) {
            out.lengths(0, limit - index).next(LISP_GPE_HEADER, 1); // RFC 9305 §3: P set, a LISP-GPE header
            return;
        }
        int payloadLength = (int) lengths;
        out.lengths(LispLayout.LENGTH, payloadLength);
        if ((flags & LispLayout.KK) != 0 || payloadLength == 0) {
            return; // RFC 8061: an encrypted payload is not an IP packet
        }
        int etherType = LispLayout.etherTypeOfNibble(Wire.u8(src, index + LispLayout.LENGTH));
        if (etherType >= 0) {
            out.next(KeySpace.ETHER_TYPE, etherType);
        }
    }

    /** The record of a LISP header; with P set the layer takes no octet, as its walk says. */
    private static Decoded<LispHeader> decodeLisp(ByteBuffer src, int index, int limit) {
        Decoded<LispHeader> d = LispDecoder.decode(src, index, limit);
        if (d.header().nextProtocolPresent()) {
            return Decoded.of(d.header(), 0, src, index, limit - index);
        }
        return d;
    }

    private static void walkGpe(ByteBuffer src, int index, int limit, LayerStep out) {
        long lengths = LispGpeDecoder.checked(src, index, limit);
        out.lengths(LispLayout.LENGTH, (int) lengths);
        int nextProtocol = Wire.u8(src, index + 3);
        int etherType = LispLayout.etherType(nextProtocol);
        if (etherType == TEB) {
            out.next(KeySpace.LINK_TYPE, LinkType.ETHERNET.value());
        } else if (etherType >= 0) {
            out.next(KeySpace.ETHER_TYPE, etherType);
        } else {
            out.next(LISP_GPE_NEXT_PROTOCOL, nextProtocol);
        }
    }

    /**
     * A tcpdump-like line: {@code flags [NLI] nonce 0xabcdef iid 2571 lsb 0x01}, the Map-Versions
     * with V, the key with KK, the ignored fields when not 0; {@code LISP-GPE} with P.
     */
    static String lispSummary(LispHeader h) {
        StringBuilder sb = new StringBuilder("flags [");
        flagLetters(sb, h.flags());
        sb.append(']');
        if (h.nextProtocolPresent()) {
            return sb.append(" LISP-GPE").toString();
        }
        if (h.noncePresent()) {
            sb.append(String.format(" nonce 0x%06x", h.nonce()));
            if (h.echoNonceRequested()) {
                sb.append(" echo-request");
            }
        } else if (h.mapVersionPresent()) {
            sb.append(" map-version ").append(h.sourceMapVersion()).append('/').append(h.destinationMapVersion());
        } else if (h.nonceMapVersion() != 0) {
            sb.append(String.format(" unused 0x%06x", h.nonceMapVersion()));
        }
        secondWord(sb, h.instanceIdPresent(), h.instanceId(), h.locatorStatusBitsEnabled(), h.locatorStatusBits());
        if (h.keyId() != 0) {
            sb.append(" encrypted key ").append(h.keyId());
        }
        return sb.toString();
    }

    /** A tcpdump-like line: {@code flags [IP] next ETHERNET(0x03) iid 200}. */
    static String gpeSummary(LispGpeHeader h) {
        StringBuilder sb = new StringBuilder("flags [");
        flagLetters(sb, h.flags());
        sb.append("] next ").append(h.nextProtocol());
        if (h.reserved() != 0) {
            sb.append(String.format(" reserved 0x%04x", h.reserved()));
        }
        secondWord(sb, h.instanceIdPresent(), h.instanceId(), h.locatorStatusBitsEnabled(), h.locatorStatusBits());
        if (h.keyId() != 0) {
            sb.append(" encrypted key ").append(h.keyId());
        }
        return sb.toString();
    }

    private static void flagLetters(StringBuilder sb, int flags) {
        int mark = sb.length();
        String letters = "NLEVIP";
        for (int i = 0; i < letters.length(); i++) {
            if ((flags & 0x80 >>> i) != 0) {
                sb.append(letters.charAt(i));
            }
        }
        if (sb.length() == mark) {
            sb.append("none");
        }
    }

    private static void secondWord(StringBuilder sb, boolean iid, int instanceId, boolean lsbEnabled, long lsb) {
        if (iid) {
            sb.append(" iid ").append(instanceId);
        }
        if (lsbEnabled) {
            sb.append(String.format(iid ? " lsb 0x%02x" : " lsb 0x%08x", lsb));
        } else if (lsb != 0) {
            sb.append(String.format(" unused-lsb 0x%x", lsb));
        }
    }
}
