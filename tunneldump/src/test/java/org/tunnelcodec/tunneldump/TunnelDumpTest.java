package org.tunnelcodec.tunneldump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunnelDumpTest {
    /** Ethernet + IPv4 (total length 28) + UDP 40000 > 53, length 8: a whole frame (RFC 791 / 768 layout). */
    private static final String GOOD = "020000000002" + "020000000001" + "0800"
            + "4500001c00010000401100000a0000010a000002" + "9c400035" + "00080000";

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TunnelDump.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintEveryLayerOfTheBundledSample() {
        Result r = run();
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("tunneldump-sample.pcap: 16 frames")
                .contains("frame 16: 60 bytes (of 166 on the wire)")
                .contains("ipv4        @34   192.0.2.10 > 198.51.100.20") // IPv4 in IPv4
                .contains("ipv6        @34   2001:db8:1::10 > 2001:db8:2::20") // IPv6 in IPv4
                .contains("ipv4        @54") // IPv4 in IPv6
                .contains("vlan 42 p 3")
                .contains("+hbh +frag(off 0")
                .contains("gre         @34   v0 proto IPV6(0x86DD) key 0x00000100 seq 1 cksum 0x56f2")
                .contains("gre         @54   v0 proto IPV4(0x0800)") // GRE over IPv6
                .contains("udp         @34   49153 > 4754") // GRE-in-UDP
                .contains("gre         @34   v1 PPTP call 256 len 48 seq 1 ack 0")
                .contains("ppp         @50   protocol 0x0021")
                .contains("wccp        @38   service 90 dynamic alt bucket 0 pri bucket 60")
                .contains("ipv4        @38   192.0.2.10 > 198.51.100.20 proto TCP(6)") // WCCPv1: IPv4 right after GRE
                .contains("stt         @-    id 0x100 offset 400 of 600: waiting for the rest of the frame")
                .contains("stt         @-    id 0x100 offset 0 of 600: frame complete from 2 segments")
                .contains("stt-frame   @0    context 0x99 flags none")
                .contains("udp         @52   40040 > 9 len 548");
    }

    @Test
    void shouldPrintOneJsonObjectPerFrame() {
        Result r = run("--json");
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(16).allSatisfy(l -> assertThat(l).startsWith("{\"frame\":").endsWith("}"));
        assertThat(lines.get(0)).contains("{\"layer\":\"ipv4\",\"offset\":14,\"length\":20,")
                .contains("\"protocol\":{\"value\":17,\"name\":\"UDP\"}").contains("\"error\":null");
        assertThat(lines.get(11)).contains("{\"layer\":\"wccp\",\"offset\":38,\"length\":4,\"payloadLength\":40,"
                + "\"fields\":{\"flags\":1,\"serviceId\":90,\"alternateBucket\":0,\"primaryBucket\":60}}");
        assertThat(lines.get(13)).contains("\"stt\":{").contains("\"result\":\"incomplete\"");
        assertThat(lines.get(14)).contains("\"result\":\"complete\",\"segments\":2,\"frameLength\":600")
                .contains("\"contextId\":153");
        assertThat(lines.get(15)).contains("\"error\":{\"layer\":\"ipv4\",\"protocol\":\"IPv4\",\"field\":\"Total Length\","
                + "\"offset\":14,\"reason\":\"TRUNCATED\",\"required\":152,\"available\":46");
    }

    @Test
    void shouldReportATruncatedFrameAndGoOn(@TempDir Path dir) throws IOException {
        byte[] good = HexFormat.of().parseHex(GOOD);
        byte[] cut = java.util.Arrays.copyOf(good, 30); // cut inside the IPv4 header
        Path file = dir.resolve("cut.pcap");
        Files.write(file, pcap(good, cut, good));

        Result text = run(file.toString());
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("frame 2: 30 bytes (of 42 on the wire)")
                .contains("!! malformed ipv4: IPv4 Version truncated at offset 14: 16 bytes available (expected: 20) [TRUNCATED]")
                .contains("frame 3: 42 bytes");
        assertThat(text.out().lines().filter(l -> l.startsWith("  udp "))).hasSize(2);

        List<String> json = run("--json", file.toString()).out().lines().toList();
        assertThat(json).hasSize(3);
        assertThat(json.get(1)).contains("\"reason\":\"TRUNCATED\"");
        assertThat(json.get(2)).contains("\"layer\":\"udp\"").contains("\"error\":null");
    }

    @Test
    void shouldRefuseAMissingFileAndABadOption() {
        assertThat(run("/nonexistent/capture.pcap").status()).isEqualTo(2);
        Result bad = run("--max-depth", "zero");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("usage:");
    }

    /** A classic little-endian pcap file (microsecond timestamps, link type Ethernet). */
    private static byte[] pcap(byte[]... frames) {
        int size = 24;
        for (byte[] f : frames) {
            size += 16 + f.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        int second = 1_700_000_000;
        for (byte[] f : frames) {
            b.putInt(second++).putInt(0).putInt(f.length).putInt(42).put(f);
        }
        return b.array();
    }
}
