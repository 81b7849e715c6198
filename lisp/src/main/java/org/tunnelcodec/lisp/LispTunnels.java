package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.tunnel.TunnelBinding;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;

/**
 * The LISP module's tunnel binding for a {@link org.tunnelcodec.core.tunnel.TunnelClassifier},
 * bound to UDP destination port 4341 as {@link LispLayers} is. The header is checked by the
 * decoder's own {@code checked} method, the one the dissector's layer calls, so the classifier
 * accepts what the dissector walks.
 *
 * <p>{@link TunnelType#LISP} (RFC 9300 §5.3, RFC 9305 §3). Flags: the header's first 32 bits as
 * on the wire (N, L, E, V, I, P, KK and Nonce/Map-Version, or with P the 16 ignored bits and the
 * Next Protocol). Tunnel id: the 24-bit Instance ID when I is set; with I clear
 * {@link TunnelMetadata#hasTunnelId()} is false. The inner packet runs from the end of the
 * 8-octet header to the end of the UDP datagram. Its protocol:
 * <ul>
 *   <li>with P clear, by the inner packet's version nibble (RFC 9300 has no protocol field):
 *       IPv4 (0x0800) for 4, IPv6 (0x86DD) for 6, {@link TunnelMetadata#NO_PROTOCOL} for
 *       another nibble, an empty payload or an encrypted one (KK not 0, RFC 8061);</li>
 *   <li>with P set, by the Next Protocol: IPv4, IPv6, Ethernet (0x6558), NSH (0x894F), also
 *       named as the next EtherType key; another value has none and names the key
 *       {@link LispLayers#LISP_GPE_NEXT_PROTOCOL} for the caller's binding.</li>
 * </ul>
 */
public final class LispTunnels {
    private LispTunnels() {
    }

    /**
     * Returns the bindings, to add to a {@link org.tunnelcodec.core.tunnel.TunnelClassifier.Builder}:
     * UDP destination port 4341.
     *
     * @return the bindings
     */
    public static List<TunnelBinding> bindings() {
        return List.of(new TunnelBinding(LayerKey.udpPort(LispLayers.LISP_DATA_PORT), LispTunnels::lisp));
    }

    private static void lisp(ByteBuffer src, int index, int limit, TunnelMetadata out) {
        LispDecoder.checked(src, index, limit); // the decoder's and the dissector's checks
        long words = Wire.i64(src, index);
        int first = (int) (words >>> 32);
        int flags = first >>> 24;
        out.tunnel(TunnelType.LISP, first);
        if ((flags & LispLayout.I) != 0) {
            out.id(words >>> 8 & LispLayout.MAX_INSTANCE_ID);
        }
        int inner = index + LispLayout.LENGTH;
        int length = limit - inner;
        if ((flags & LispLayout.P) != 0) {
            int nextProtocol = first & 0xFF;
            int etherType = LispLayout.etherType(nextProtocol);
            if (etherType < 0) {
                out.inner(inner, length, TunnelMetadata.NO_PROTOCOL).next(LispLayers.LISP_GPE_NEXT_PROTOCOL, nextProtocol);
            } else {
                out.inner(inner, length, etherType).next(KeySpace.ETHER_TYPE, etherType);
            }
            return;
        }
        int etherType = (flags & LispLayout.KK) != 0 || length == 0 ? -1 : LispLayout.etherTypeOfNibble(Wire.u8(src, inner));
        out.inner(inner, length, etherType);
        if (etherType >= 0) {
            out.next(KeySpace.ETHER_TYPE, etherType);
        }
    }
}
