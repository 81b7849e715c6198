package org.tunnelcodec.core.encap;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.ip.Ipv4Encoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Encoder;
import org.tunnelcodec.core.ip.Ipv6Header;

/** Inner packets for push tests, and buffers that show whatever a push wrote outside its range. */
final class EncapPackets {
    /** What fills a test buffer around the packet: any octet a push writes outside its range shows. */
    static final byte SENTINEL = (byte) 0xA5;

    static final Ipv4Address LOCAL4 = Ipv4Address.parse("192.0.2.1");
    static final Ipv4Address REMOTE4 = Ipv4Address.parse("198.51.100.2");
    static final Ipv6Address LOCAL6 = Ipv6Address.parse("2001:db8::1");
    static final Ipv6Address REMOTE6 = Ipv6Address.parse("2001:db8:ffff::2");

    private EncapPackets() {
    }

    /** An IPv4 packet (RFC 791) with this TOS and TTL carrying a UDP datagram 40000 > 80. */
    static byte[] ipv4(int tos, int ttl, int payloadLength) {
        return ipv4(tos, ttl, 17, payloadLength, 40000);
    }

    static byte[] ipv4(int tos, int ttl, int protocol, int payloadLength, int sourcePort) {
        Ipv4Header h = new Ipv4Header(tos >>> 2, tos & 3, payloadLength, 0x1234, false, false, false, 0, ttl,
                IpProtocol.of(protocol), Ipv4Address.parse("10.1.1.1"), Ipv4Address.parse("20.1.1.7"), ByteString.EMPTY);
        ByteBuffer b = ByteBuffer.allocate(h.totalLength());
        Ipv4Encoder.encode(h, b);
        fillPayload(b, 20, sourcePort);
        return b.array();
    }

    /** An IPv6 packet (RFC 8200) with this Traffic Class, Hop Limit and flow label carrying UDP. */
    static byte[] ipv6(int trafficClass, int hopLimit, int payloadLength) {
        return ipv6(trafficClass, hopLimit, 17, payloadLength, 40000);
    }

    static byte[] ipv6(int trafficClass, int hopLimit, int nextHeader, int payloadLength, int sourcePort) {
        Ipv6Header h = new Ipv6Header(trafficClass, 0x12345, payloadLength, IpProtocol.of(nextHeader), hopLimit,
                Ipv6Address.parse("2001:db8:1::10"), Ipv6Address.parse("2001:db8:2::20"), List.of());
        ByteBuffer b = ByteBuffer.allocate(40 + payloadLength);
        Ipv6Encoder.encode(h, b);
        fillPayload(b, 40, sourcePort);
        return b.array();
    }

    /** An Ethernet frame (no FCS) carrying {@code payload} with {@code etherType}, behind {@code vlanTags} 802.1Q tags. */
    static byte[] ethernet(int etherType, int vlanTags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlanTags + payload.length);
        b.put(new byte[] {0x02, 0, 0, 0, 0, 0x0A, 0x02, 0, 0, 0, 0, 0x0B});
        for (int i = 0; i < vlanTags; i++) {
            b.putShort((short) 0x8100).putShort((short) (100 + i));
        }
        b.putShort((short) etherType).put(payload);
        return b.array();
    }

    /** A label stack (RFC 3032) with these TTLs, bottom last, in front of {@code payload}. */
    static byte[] labelled(int[] ttls, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 * ttls.length + payload.length);
        for (int i = 0; i < ttls.length; i++) {
            b.putInt((1000 + i) << 12 | (i == ttls.length - 1 ? 0x100 : 0) | ttls[i]);
        }
        b.put(payload);
        return b.array();
    }

    private static void fillPayload(ByteBuffer b, int at, int sourcePort) {
        for (int i = at; i < b.limit(); i++) {
            b.put(i, (byte) (i * 7));
        }
        if (b.limit() - at >= 4) {
            b.putShort(at, (short) sourcePort);
            b.putShort(at + 2, (short) 80);
        }
        if (b.limit() - at >= 8) { // a UDP header (RFC 768) with its Length and no checksum
            b.putShort(at + 4, (short) (b.limit() - at));
            b.putShort(at + 6, (short) 0);
        }
    }

    /** A buffer of {@code headroom} sentinel octets, the packet, then {@code tailroom} sentinel octets. */
    static ByteBuffer buffer(int headroom, byte[] packet, int tailroom) {
        ByteBuffer b = ByteBuffer.allocate(headroom + packet.length + tailroom);
        for (int i = 0; i < b.limit(); i++) {
            b.put(i, SENTINEL);
        }
        b.put(headroom, packet);
        return b;
    }

    /** The IPv4 pseudo-header sum for a UDP datagram of {@code length} octets (RFC 768). */
    static int udpPseudo4(ByteBuffer b, int ip, int length) {
        return InternetChecksum.ipv4PseudoHeaderSum(Ipv4Address.read(b, ip + 12), Ipv4Address.read(b, ip + 16), 17,
                length);
    }

    /** The IPv6 pseudo-header sum for a UDP datagram of {@code length} octets (RFC 8200 §8.1). */
    static int udpPseudo6(ByteBuffer b, int ip, int length) {
        return InternetChecksum.ipv6PseudoHeaderSum(Ipv6Address.read(b, ip + 8), Ipv6Address.read(b, ip + 24), 17,
                length);
    }
}
