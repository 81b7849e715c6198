package org.tunnelcodec.tunneldump;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6ExtensionHeader;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.transport.ChecksumStatus;
import org.tunnelcodec.core.transport.TcpDecoder;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;
import org.tunnelcodec.gre.GreDecoder;
import org.tunnelcodec.gre.GreHeader;

/**
 * The checksum verdict of each layer that carries one, as tshark gives it: the IPv4 Header
 * Checksum, the UDP and TCP checksums over their pseudo-headers, and the GRE checksum when C is
 * set. A checksum whose bytes the capture does not hold whole is not verified.
 */
final class Checksums {
    /** The verdicts, printed as they are named. */
    enum Verdict {
        /** The checksum verifies. */
        GOOD,
        /** It does not. */
        BAD,
        /** A zero UDP checksum: none was computed; acceptable over IPv4 (RFC 768). */
        NONE,
        /** A zero UDP checksum over IPv6, which RFC 8200 §8.1 forbids outside RFC 6935 tunnels. */
        ZERO_OVER_IPV6,
        /** The capture does not hold every byte the checksum covers. */
        UNVERIFIED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private Checksums() {
    }

    /**
     * Returns one verdict per layer of {@code d}, {@code null} where the layer has no checksum or lies
     * in a buffer other than the frame.
     *
     * @return one verdict per layer of {@code d}, {@code null} where the layer has no checksum
     *     or lies in a buffer other than the frame
     */
    static Verdict[] of(Dissection d, ByteBuffer frame) {
        List<DissectedLayer> layers = d.layers();
        Verdict[] out = new Verdict[layers.size()];
        int captured = frame.remaining();
        int base = frame.position();
        for (int i = 0; i < layers.size(); i++) {
            DissectedLayer l = layers.get(i);
            if (l.buffer() != 0) {
                continue;
            }
            Object h = l.header();
            int end = l.offset() + l.length() + l.payloadLength();
            boolean whole = end <= captured;
            DissectedLayer ip = i > 0 && layers.get(i - 1).buffer() == 0 ? layers.get(i - 1) : null;
            if (h instanceof Ipv4Header) {
                out[i] = l.offset() + l.length() > captured ? Verdict.UNVERIFIED
                        : Ipv4Decoder.verifyChecksum(frame, base + l.offset()) ? Verdict.GOOD : Verdict.BAD;
            } else if (h instanceof UdpHeader u && ip != null && isIp(ip)) {
                if (u.checksum() == 0) {
                    out[i] = ip.header() instanceof Ipv6Header ? Verdict.ZERO_OVER_IPV6 : Verdict.NONE;
                } else if (!whole) {
                    out[i] = Verdict.UNVERIFIED;
                } else {
                    ChecksumStatus s = UdpDecoder.checksumStatus(frame, base + l.offset(), u.length(),
                            pseudoHeaderSum(ip, 17, u.length()));
                    out[i] = s == ChecksumStatus.VALID ? Verdict.GOOD : Verdict.BAD;
                }
            } else if (h instanceof org.tunnelcodec.core.transport.TcpHeader && ip != null && isIp(ip)) {
                int length = l.length() + l.payloadLength();
                out[i] = !whole ? Verdict.UNVERIFIED
                        : TcpDecoder.verifyChecksum(frame, base + l.offset(), length, pseudoHeaderSum(ip, 6, length))
                        ? Verdict.GOOD : Verdict.BAD;
            } else if (h instanceof GreHeader g && g.checksumPresent()) {
                // RFC 2784 §2.5: over the GRE header and the payload.
                out[i] = !whole ? Verdict.UNVERIFIED
                        : GreDecoder.verifyChecksum(frame, base + l.offset(), l.length() + l.payloadLength())
                        ? Verdict.GOOD : Verdict.BAD;
            }
        }
        return out;
    }

    private static boolean isIp(DissectedLayer l) {
        return l.header() instanceof Ipv4Header || l.header() instanceof Ipv6Header;
    }

    private static int pseudoHeaderSum(DissectedLayer ip, int protocol, int length) {
        if (ip.header() instanceof Ipv4Header v4) {
            return InternetChecksum.ipv4PseudoHeaderSum(v4.source(), v4.destination(), protocol, length);
        }
        Ipv6Header v6 = (Ipv6Header) ip.header();
        Ipv6Address destination = v6.destination();
        for (Ipv6ExtensionHeader e : v6.extensionHeaders()) {
            // RFC 8200 §8.1: with a Routing header, the pseudo-header has the final destination:
            // the last address of a type 0 header, the home address of a type 2 (RFC 6275 §6.4).
            if (e instanceof Ipv6ExtensionHeader.RoutingHeader r && r.routingType() == 0 && r.segmentsLeft() > 0) {
                ByteBuffer data = r.data().asReadOnlyBuffer();
                destination = Ipv6Address.read(data, data.limit() - 16);
            } else if (e instanceof Ipv6ExtensionHeader.Type2RoutingHeader r) {
                destination = r.homeAddress();
            }
        }
        // RFC 6275 §6.3: with a Home Address option, the pseudo-header has the home address as
        // the source, as the mobile node computed it (tshark does the same).
        Ipv6Address source = v6.homeAddressOption().map(o -> o.homeAddress()).orElse(v6.source());
        return InternetChecksum.ipv6PseudoHeaderSum(source, destination, protocol, length);
    }
}
