package org.tunnelcodec.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;

/**
 * Builds the frames the benchmarks decode (valid lengths and valid checksums), and reads the
 * shared benchmark frames of {@code ../shared/bench/frames.tsv}.
 */
final class Frames {
    static final int ETHERNET_LENGTH = 14;
    static final int UDP_PAYLOAD_LENGTH = 32;

    /** Ethernet (14) + IPv4 (20) + UDP (8) + 32 payload bytes = 74 bytes. */
    static final int IPV4_FRAME_LENGTH = ETHERNET_LENGTH + 20 + 8 + UDP_PAYLOAD_LENGTH;

    /** Ethernet (14) + IPv6 (40) + Hop-by-Hop (8) + Destination Options (8) + UDP (8) + 32 = 110 bytes. */
    static final int IPV6_FRAME_LENGTH = ETHERNET_LENGTH + 40 + 8 + 8 + 8 + UDP_PAYLOAD_LENGTH;

    private Frames() {
    }

    private static void ethernet(ByteBuffer b, int etherType) {
        b.put(0, new byte[] {0x00, 0x1b, 0x21, 0x3a, 0x4f, 0x5e}); // destination
        b.put(6, new byte[] {0x02, 0x42, (byte) 0xac, 0x11, 0x00, 0x02}); // source
        b.putShort(12, (short) etherType);
    }

    private static void payload(ByteBuffer b, int index) {
        for (int i = 0; i < UDP_PAYLOAD_LENGTH; i++) {
            b.put(index + i, (byte) (i * 7 + 3));
        }
    }

    /** @return the frame bytes: Ethernet, IPv4 (no options, DF, TTL 64), UDP 40000 -> 4789 */
    static byte[] ethernetIpv4Udp() {
        return ethernetIpv4Udp(UDP_PAYLOAD_LENGTH, 4789);
    }

    /**
     * @param payloadLength the UDP payload's length
     * @param destinationPort the UDP Destination Port
     * @return the frame bytes: Ethernet, IPv4 (no options, DF, TTL 64) 192.0.2.1 -> 198.51.100.7,
     *     UDP 40000 -> {@code destinationPort}, {@code payloadLength} payload octets
     */
    static byte[] ethernetIpv4Udp(int payloadLength, int destinationPort) {
        byte[] bytes = new byte[ETHERNET_LENGTH + 20 + 8 + payloadLength];
        ByteBuffer b = ByteBuffer.wrap(bytes);
        ethernet(b, 0x0800);
        int ip = ETHERNET_LENGTH;
        int udpLength = 8 + payloadLength;
        b.put(ip, (byte) 0x45);
        b.put(ip + 1, (byte) 0xB8); // DSCP 46 (EF), ECN 0
        b.putShort(ip + 2, (short) (20 + udpLength));
        b.putShort(ip + 4, (short) 0x1c46);
        b.putShort(ip + 6, (short) 0x4000); // DF
        b.put(ip + 8, (byte) 64);
        b.put(ip + 9, (byte) 17);
        b.putInt(ip + 12, Ipv4Address.parse("192.0.2.1").bits());
        b.putInt(ip + 16, Ipv4Address.parse("198.51.100.7").bits());
        b.putShort(ip + 10, (short) InternetChecksum.checksum(b, ip, 20, 0));
        int udp = ip + 20;
        b.putShort(udp, (short) 40000);
        b.putShort(udp + 2, (short) destinationPort);
        b.putShort(udp + 4, (short) udpLength);
        for (int i = 0; i < payloadLength; i++) {
            b.put(udp + 8 + i, (byte) (i * 7 + 3));
        }
        int pseudo = InternetChecksum.ipv4PseudoHeaderSum(Ipv4Address.parse("192.0.2.1"),
                Ipv4Address.parse("198.51.100.7"), 17, udpLength);
        int c = InternetChecksum.checksum(b, udp, udpLength, pseudo);
        b.putShort(udp + 6, (short) (c == 0 ? 0xFFFF : c));
        return bytes;
    }

    /** The outer UDP Source Port of {@link #vxlan}. */
    static final int VXLAN_SOURCE_PORT = 52000;

    /**
     * A VXLAN frame as RFC 7348 §5 lays it out, assembled by hand: outer Ethernet, IPv4 (no
     * options, DF, TOS 0, TTL 64) 203.0.113.1 -> 203.0.113.2 with its Header Checksum, UDP
     * {@value #VXLAN_SOURCE_PORT} -> 4789 with a zero checksum (RFC 7348 §5 allows it over IPv4),
     * the VXLAN header (flags 0x08, the I flag; the VNI), then {@code inner}.
     *
     * @param vni the VNI
     * @param inner the inner Ethernet frame
     * @return the frame bytes
     */
    static byte[] vxlan(int vni, byte[] inner) {
        int udpLength = 8 + 8 + inner.length;
        byte[] bytes = new byte[ETHERNET_LENGTH + 20 + udpLength];
        ByteBuffer b = ByteBuffer.wrap(bytes);
        ethernet(b, 0x0800);
        int ip = ETHERNET_LENGTH;
        b.put(ip, (byte) 0x45);
        b.putShort(ip + 2, (short) (20 + udpLength));
        b.putShort(ip + 4, (short) 0x2a17);
        b.putShort(ip + 6, (short) 0x4000); // DF
        b.put(ip + 8, (byte) 64);
        b.put(ip + 9, (byte) 17);
        b.putInt(ip + 12, Ipv4Address.parse("203.0.113.1").bits());
        b.putInt(ip + 16, Ipv4Address.parse("203.0.113.2").bits());
        b.putShort(ip + 10, (short) InternetChecksum.checksum(b, ip, 20, 0));
        int udp = ip + 20;
        b.putShort(udp, (short) VXLAN_SOURCE_PORT);
        b.putShort(udp + 2, (short) 4789);
        b.putShort(udp + 4, (short) udpLength);
        int vxlan = udp + 8;
        b.putInt(vxlan, 0x0800_0000); // I flag, reserved bits 0
        b.putInt(vxlan + 4, vni << 8);
        b.put(vxlan + 8, inner);
        return bytes;
    }

    /**
     * @return the frame bytes: Ethernet, IPv6 (next header 0), Hop-by-Hop Options (PadN,
     *     next 60), Destination Options (PadN, next 17), UDP 40000 -> 4789
     */
    static byte[] ethernetIpv6TwoExtUdp() {
        byte[] bytes = new byte[IPV6_FRAME_LENGTH];
        ByteBuffer b = ByteBuffer.wrap(bytes);
        ethernet(b, 0x86DD);
        int ip = ETHERNET_LENGTH;
        int udpLength = 8 + UDP_PAYLOAD_LENGTH;
        Ipv6Address src = Ipv6Address.parse("2001:db8::1");
        Ipv6Address dst = Ipv6Address.parse("2001:db8:0:1::2a");
        b.putInt(ip, 6 << 28 | 0x12 << 20 | 0xABCDE); // version, traffic class, flow label
        b.putShort(ip + 4, (short) (8 + 8 + udpLength));
        b.put(ip + 6, (byte) 0); // Hop-by-Hop
        b.put(ip + 7, (byte) 64);
        b.putLong(ip + 8, src.high());
        b.putLong(ip + 16, src.low());
        b.putLong(ip + 24, dst.high());
        b.putLong(ip + 32, dst.low());
        int hbh = ip + 40;
        b.put(hbh, (byte) 60); // next: Destination Options
        b.put(hbh + 1, (byte) 0); // 8 bytes
        b.put(hbh + 2, (byte) 1); // PadN
        b.put(hbh + 3, (byte) 4); // 4 bytes of padding
        int dopt = hbh + 8;
        b.put(dopt, (byte) 17); // next: UDP
        b.put(dopt + 1, (byte) 0);
        b.put(dopt + 2, (byte) 1);
        b.put(dopt + 3, (byte) 4);
        int udp = dopt + 8;
        b.putShort(udp, (short) 40000);
        b.putShort(udp + 2, (short) 4789);
        b.putShort(udp + 4, (short) udpLength);
        payload(b, udp + 8);
        int pseudo = InternetChecksum.ipv6PseudoHeaderSum(src, dst, 17, udpLength);
        int c = InternetChecksum.checksum(b, udp, udpLength, pseudo);
        b.putShort(udp + 6, (short) (c == 0 ? 0xFFFF : c));
        return bytes;
    }

    /** The system property that names the shared {@code frames.tsv}, if it is not found next to the tree. */
    static final String SHARED_FRAMES_PROPERTY = "tunnelcodec.frames";

    /**
     * Reads the shared benchmark frames, {@code name<TAB>hex} per line, from the file named by
     * the {@value #SHARED_FRAMES_PROPERTY} system property, or else from {@code shared/bench/frames.tsv}
     * beside the repository, seen from the repository root ({@code ../shared}) or from
     * {@code bench/} ({@code ../../shared}).
     *
     * @return the frames by name, in file order
     * @throws IllegalStateException if the file is not found or a line is not {@code name<TAB>hex}
     */
    static Map<String, byte[]> shared() {
        Path file = sharedFramesFile();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, byte[]> frames = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\t");
            if (f.length != 2) {
                throw new IllegalStateException(file + ": not name<TAB>hex: " + line);
            }
            frames.put(f[0], HexFormat.of().parseHex(f[1]));
        }
        return frames;
    }

    /** @return the bytes of the shared frame {@code name} */
    static byte[] shared(String name) {
        byte[] frame = shared().get(name);
        if (frame == null) {
            throw new IllegalStateException("no frame " + name + " in " + sharedFramesFile());
        }
        return frame;
    }

    private static Path sharedFramesFile() {
        List<Path> tried = new ArrayList<>();
        String property = System.getProperty(SHARED_FRAMES_PROPERTY);
        if (property != null) {
            tried.add(Path.of(property));
        }
        tried.add(Path.of("..", "shared", "bench", "frames.tsv"));
        tried.add(Path.of("..", "..", "shared", "bench", "frames.tsv"));
        for (Path p : tried) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("frames.tsv not found; tried " + tried.stream()
                .map(p -> p.toAbsolutePath().normalize().toString()).toList()
                + " (set -D" + SHARED_FRAMES_PROPERTY + "=...)");
    }
}
