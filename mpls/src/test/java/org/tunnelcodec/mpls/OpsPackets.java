package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.tunnelcodec.core.InternetChecksum;

/** Packets for the label-operation tests: IP packets with valid checksums, and hex. */
final class OpsPackets {
    private OpsPackets() {
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static String hex(ByteBuffer b, int from, int to) {
        byte[] out = new byte[to - from];
        b.get(from, out);
        return HexFormat.of().formatHex(out);
    }

    static byte[] copy(ByteBuffer b) {
        byte[] out = new byte[b.capacity()];
        b.duplicate().clear().get(out);
        return out;
    }

    /** An IPv4 packet (IHL 5, protocol 17) with this TTL and a correct header checksum. */
    static byte[] ipv4(int ttl, byte[] payload) {
        byte[] p = new byte[20 + payload.length];
        ByteBuffer b = ByteBuffer.wrap(p);
        b.put(0, (byte) 0x45).putShort(2, (short) p.length).putShort(4, (short) 0x1234);
        b.put(8, (byte) ttl).put(9, (byte) 17);
        b.putInt(12, 0xC0000201).putInt(16, 0xC6336402);
        b.putShort(10, (short) InternetChecksum.checksum(b, 0, 20, 0));
        System.arraycopy(payload, 0, p, 20, payload.length);
        return p;
    }

    /** An IPv6 packet (Next Header 17) with this Hop Limit. */
    static byte[] ipv6(int hopLimit, byte[] payload) {
        byte[] p = new byte[40 + payload.length];
        ByteBuffer b = ByteBuffer.wrap(p);
        b.putInt(0, 0x6000_0000 | 0x12345).putShort(4, (short) payload.length);
        b.put(6, (byte) 17).put(7, (byte) hopLimit);
        b.putLong(8, 0x20010db800000000L).putLong(16, 1).putLong(24, 0x20010db800000000L).putLong(32, 2);
        System.arraycopy(payload, 0, p, 40, payload.length);
        return p;
    }

    /** A buffer of {@code headroom} octets of 0xEE, the packet, then {@code tailroom} octets of 0xDD. */
    static ByteBuffer withRoom(int headroom, byte[] packet, int tailroom) {
        byte[] all = new byte[headroom + packet.length + tailroom];
        Arrays.fill(all, 0, headroom, (byte) 0xEE);
        System.arraycopy(packet, 0, all, headroom, packet.length);
        Arrays.fill(all, headroom + packet.length, all.length, (byte) 0xDD);
        return ByteBuffer.wrap(all);
    }

    /** One label stack entry. */
    static byte[] entry(int label, int tc, boolean bottom, int ttl) {
        return ByteBuffer.allocate(4).putInt(0, MplsLayout.word(label, tc, bottom, ttl)).array();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
