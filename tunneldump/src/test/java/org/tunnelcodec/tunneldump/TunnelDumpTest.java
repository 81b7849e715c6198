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
        return runWithInput(new byte[0], args);
    }

    private static Result runWithInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TunnelDump.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new java.io.ByteArrayInputStream(stdin));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintEveryLayerOfTheBundledSample() {
        Result r = run();
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("# tunneldump-sample.pcap: link type ETHERNET(1)")
                .contains("frame 1 2024-01-01T00:11:40.000000000Z: 58 bytes")
                .contains("frame 16 2024-01-01T00:11:55.015000000Z: 60 bytes (of 166 on the wire)")
                .contains("ipv4        @34   192.0.2.10 > 198.51.100.20") // IPv4 in IPv4
                .contains("ipv6        @34   2001:db8:1::10 > 2001:db8:2::20") // IPv6 in IPv4
                .contains("ipv4        @54") // IPv4 in IPv6
                .contains("vlan 42 p 3")
                .contains("+hbh +frag(off 0")
                .contains("gre         @34   v0 proto IPV6(0x86DD) key 0x00000100 seq 1 cksum 0x56f2 [cksum good]")
                .contains("gre         @54   v0 proto IPV4(0x0800)") // GRE over IPv6
                .contains("udp         @34   49153 > 4754") // GRE-in-UDP
                .contains("gre         @34   v1 PPTP call 256 len 48 seq 1 ack 0")
                .contains("ppp         @50   protocol 0x0021")
                .contains("wccp        @38   service 90 dynamic alt bucket 0 pri bucket 60")
                .contains("ipv4        @38   192.0.2.10 > 198.51.100.20 proto TCP(6)") // WCCPv1: IPv4 right after GRE
                .contains("stt-segment @54   id 0x100 offset 400 of 600: waiting for the rest of the frame")
                .contains("stt-segment @54   id 0x100 offset 0 of 600: frame complete from 2 segments")
                .contains("stt         @r0   context 0x99 flags none")
                .contains("ethernet    @r18  02:00:00:00:0b:01 > 02:00:00:00:0b:02")
                .contains("udp         @r52  40040 > 9 len 548")
                .contains("tcp header at @34 cut by the capture (60 of 166 bytes captured)")
                .doesNotContain("!! malformed");
        assertThat(r.out()).contains("[cksum good]").doesNotContain("[cksum bad]");
    }

    @Test
    void shouldPrintOneJsonObjectPerFrame() {
        Result r = run("--json");
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(16).allSatisfy(l -> assertThat(l).startsWith("{\"frame\":").endsWith("}"));
        assertThat(lines.get(0)).startsWith("{\"frame\":1,\"time\":\"2024-01-01T00:11:40.000000000Z\",\"length\":58,")
                .contains("{\"layer\":\"ipv4\",\"offset\":14,\"length\":20,")
                .contains("\"protocol\":{\"value\":17,\"name\":\"UDP\"}").contains("\"checksum\":\"good\"")
                .contains("\"next\":[{\"space\":\"udp.port\",\"value\":9},{\"space\":\"udp.port\",\"value\":40030}]")
                .contains("\"error\":null");
        assertThat(lines.get(11)).contains("{\"layer\":\"wccp\",\"offset\":38,\"length\":4,\"payloadLength\":40,"
                + "\"fields\":{\"flags\":1,\"serviceId\":90,\"alternateBucket\":0,\"primaryBucket\":60}}");
        assertThat(lines.get(13)).contains("\"reassembly\":{\"result\":\"incomplete\"}");
        assertThat(lines.get(14)).contains("\"reassembly\":{\"result\":\"complete\",\"segments\":2,\"frameLength\":600")
                .contains("\"contextId\":153").contains("\"buffer\":1");
        assertThat(lines.get(15)).contains("\"stop\":\"CAPTURE_CUT\"")
                .contains("\"cutAt\":{\"layer\":\"tcp\",\"offset\":34}").contains("\"error\":null");
    }

    @Test
    void shouldTellACaptureCutFromMalformedBytes(@TempDir Path dir) throws IOException {
        byte[] good = HexFormat.of().parseHex(GOOD);
        byte[] cut = java.util.Arrays.copyOf(good, 30); // the capture ends inside the IPv4 header
        byte[] lying = good.clone();
        lying[14 + 3] = 60; // Total Length 60 on a 28-octet packet that was captured whole
        Path file = dir.resolve("cut.pcap");
        Files.write(file, pcap(new int[] {42, 42, 42}, good, cut, lying));

        Result text = run(file.toString());
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("2023-11-14T22:13:21.000000000Z: 30 bytes (of 42 on the wire)")
                .contains("ipv4 header at @14 cut by the capture (30 of 42 bytes captured)")
                .contains("!! malformed ipv4: ipv4 Total Length truncated at offset 14: 28 bytes available (expected: 60)"
                        + " [TRUNCATED]");
        assertThat(text.out().lines().filter(l -> l.startsWith("  udp "))).hasSize(1);

        List<String> json = run("--json", file.toString()).out().lines().toList();
        assertThat(json).hasSize(3);
        assertThat(json.get(1)).contains("\"stop\":\"CAPTURE_CUT\"").contains("\"error\":null");
        assertThat(json.get(2)).contains("\"stop\":\"MALFORMED\"").contains("\"reason\":\"TRUNCATED\"");
    }

    @Test
    void shouldNameTheOuterLengthFieldThatCutAnInnerHeaderShort(@TempDir Path dir) throws IOException {
        // IPv4 / GRE v1 (PPTP, K and S, RFC 2637 §4.1) whose Payload Length says 10 / PPP / IPv4 of 20.
        String inner = "4500001400010000401100000a0000010a000002";
        String gre = "3001880b" + "000a0100" + "00000001";
        String ppp = "ff030021";
        int total = 20 + gre.length() / 2 + ppp.length() / 2 + inner.length() / 2;
        String outer = "4500" + String.format("%04x", total) + "00010000402f0000c0000201c6336414";
        byte[] frame = HexFormat.of().parseHex("020000000002020000000001" + "0800" + outer + gre + ppp + inner);
        Path file = dir.resolve("pptp.pcap");
        Files.write(file, pcap(new int[] {frame.length}, frame));

        Result text = run(file.toString());
        assertThat(text.out()).contains("!! malformed ipv4: ipv4 Version truncated at offset 50: 6 bytes available"
                + " (expected: 20) [TRUNCATED] (bounded by gre Payload Length)");
        assertThat(run("--json", file.toString()).out()).contains("\"boundedBy\":\"gre Payload Length\"");
    }

    @Test
    void shouldPrintTheGoodFramesOfAFileCutOffMidRecordThenTheError(@TempDir Path dir) throws IOException {
        byte[] good = HexFormat.of().parseHex(GOOD);
        byte[] whole = pcap(new int[] {42, 42, 42}, good, good, good);
        Path file = dir.resolve("cut-off.pcap");
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 10)); // the third record is cut off

        Result r = run(file.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("frame 1 ").contains("frame 2 ").doesNotContain("frame 3 ");
        assertThat(r.err()).startsWith("tunneldump: cut-off.pcap: ");
    }

    @Test
    void shouldReadStandardInputAndStopAfterCount() {
        byte[] good = HexFormat.of().parseHex(GOOD);
        byte[] file = pcap(new int[] {42, 42, 42}, good, good, good);
        Result r = runWithInput(file, "-c", "2", "--json", "-");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).hasSize(2);
        Result all = runWithInput(file, "-r", "-");
        assertThat(all.out().lines().filter(l -> l.startsWith("frame "))).hasSize(3);
    }

    @Test
    void shouldRefuseAMissingFileAndABadOption() {
        Result missing = run("/nonexistent/capture.pcap");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read /nonexistent/capture.pcap");
        Result bad = run("--max-depth", "zero");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("usage:");
        assertThat(run("-c", "0").status()).isEqualTo(2);
        assertThat(run("-r").status()).isEqualTo(2);
        assertThat(run("--help").out()).contains("-c COUNT");
    }

    @Test
    void shouldPrintTheVersionTheBuildWroteAndTheHelp() {
        Result version = run("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out().strip()).isEqualTo("tunneldump " + TunnelDump.version())
                .matches("tunneldump \\d+\\.\\d+\\.\\d+.*");
        assertThat(TunnelDump.version()).doesNotContain("${");
        assertThat(run("-V").out()).isEqualTo(version.out());
        Result help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("usage: tunneldump", "--version", "--json");
        assertThat(help.err()).isEmpty();
    }

    /** A classic little-endian pcap file (microsecond timestamps, link type Ethernet). */
    private static byte[] pcap(int[] wireLengths, byte[]... frames) {
        int size = 24;
        for (byte[] f : frames) {
            size += 16 + f.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        int second = 1_700_000_000;
        for (int i = 0; i < frames.length; i++) {
            b.putInt(second++).putInt(0).putInt(frames[i].length).putInt(wireLengths[i]).put(frames[i]);
        }
        return b.array();
    }

    @Test
    void shouldShowMplsLabelsControlWordsAchsAndInnerLayersOverEveryCarrier() {
        String capture = "../testdata/src/main/resources/org/tunnelcodec/testdata/captures/mpls-variants.pcap";
        Result r = run(capture);
        assertThat(r.status()).isZero();
        assertThat(r.out())
                // P2: MPLS-in-UDP, ELI and entropy label named
                .contains("udp         @34   54321 > 6635 len 72 cksum 0x0000 [cksum none]")
                .contains("mpls        @42   label 1000 tc 5 ttl 63, label 7 ELI tc 5 ttl 0, label 370085 entropy tc 0 ttl 0")
                .contains("ipv6        @54   2001:db8::1 > 2001:db8::2")
                // P3: MPLS over GRE, an Ethernet pseudowire's control word, the customer frame
                .contains("gre         @34   v0 proto MPLS_UNICAST(0x8847)")
                .contains("mpls        @38   label 2000 tc 0 ttl 255")
                .contains("pw-cw       @42   seq 1")
                .contains("ethernet    @46   00:11:22:33:44:55 > 66:77:88:99:aa:bb type IPV4(0x0800)")
                // P4: GAL and the ACH with its channel type
                .contains("mpls        @14   label 500 tc 0 ttl 255, label 13 GAL tc 0 ttl 1")
                .contains("ach         @22   v0 channel BFD_CONTROL(0x0007)")
                .contains("gre         @34   v0 proto MPLS_MULTICAST(0x8848)")
                .contains("proto MPLS_IN_IP(137)")
                .contains("label 2 IPv6 Explicit NULL tc 0 ttl 64")
                .contains("label 1 Router Alert tc 0 ttl 64")
                .contains("udp         @34   49154 > 6636 len 53") // DTLS: not a label stack
                .contains("!! malformed mpls: mpls S LIMIT_EXCEEDED at offset 138"); // 33 entries
        String json = run("--json", capture).out().lines().toList().get(3);
        assertThat(json).contains("{\"layer\":\"ach\",\"offset\":22,\"length\":4,");
    }

    @Test
    void shouldFollowAnMplsLabelBindingGivenOnTheCommandLine() {
        // Frame 23 carries a PPP pseudowire with a generic control word under label 4004: without a
        // binding the first-nibble rule takes it for an Ethernet pseudowire, as tshark's heuristic does.
        String capture = "../testdata/src/main/resources/org/tunnelcodec/testdata/captures/mpls-variants.pcap";
        String frame23 = run(capture).out().split("frame 23 ")[1].split("frame 24 ")[0];
        assertThat(frame23).contains("pw-cw       @22   seq 7 length 34").contains("ethernet    @26");
        Result bound = run("--mpls-label", "4004=cw", capture);
        assertThat(bound.status()).isZero();
        String boundFrame23 = bound.out().split("frame 23 ")[1].split("frame 24 ")[0];
        assertThat(boundFrame23).contains("pw-cw       @22   seq 7 length 34").doesNotContain("ethernet    @26");
        Result bad = run("--mpls-label", "3=ipv4", capture);
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--mpls-label needs LABEL=TYPE with LABEL 16..1048575 and TYPE one of ach, cw, ethernet");
    }

    @Test
    void shouldPrintTheTunnelMetadataOfEveryTunnelledFrame() {
        // The VNIs, addresses, ports and the label are tshark's decode of the same frames
        // (golden/vxlan/vxlan-variants.vxlan.tsv, golden/core/vxlan-variants.tsv).
        String capture = "../testdata/src/main/resources/org/tunnelcodec/testdata/captures/vxlan-variants.pcap";
        Result r = run(capture);
        assertThat(r.status()).isZero();
        assertThat(r.out())
                .contains("  tunnel      @42   VXLAN(11) id 1 flags 0x08000000 203.0.113.1 > 203.0.113.2 tos 0x00 ttl 64"
                        + " ports 49154 > 4789 inner @50+58 0x6558")
                .contains("  tunnel      @42   VXLAN(11) flags 0x00000000 203.0.113.1") // I clear: no VNI
                .contains("  tunnel      @42   VXLAN_GPE(12) id 1010 flags 0x0c000002")
                .contains("  tunnel      @50   MPLS(10) id 3005 in VXLAN_GPE(12) id 1013 flags 0x00000140")
                .contains("  tunnel      @42   GENEVE(13) id 103 flags 0x3f006558")
                .contains("  tunnel      @62   GENEVE(13) id 110 flags 0x02006558 2001:db8:ffff::1 > 2001:db8:ffff::2");
        String frame24 = r.out().split("frame 24 ")[1].split("frame 25 ")[0];
        assertThat(frame24).as("Geneve version 1 is malformed: no metadata").contains("!! malformed").doesNotContain("tunnel ");
        String json = run("--json", capture).out().lines().toList().get(12);
        assertThat(json).contains("\"tunnels\":[{\"type\":{\"value\":10,\"name\":\"MPLS\"},\"carrier\":{\"value\":12,"
                + "\"name\":\"VXLAN_GPE\"},\"carrierId\":1013,\"id\":3005,");
        assertThat(run("--json", capture).out().lines().toList().get(0)).contains("\"id\":0,\"flags\":134217728,"
                + "\"ipVersion\":4,\"source\":\"203.0.113.1\",\"destination\":\"203.0.113.2\",\"tos\":0,\"ttl\":64,"
                + "\"flowLabel\":null,\"sourcePort\":49153,\"destinationPort\":4789,\"header\":42,\"inner\":50,");
    }

    @Test
    void shouldNameTheMobileIpv6HeadersAndCheckTransportChecksumsWithTheHomeAddress() {
        // Zeek's captures: the expected addresses and checksum verdicts are tshark 4.0.17's
        // (golden/mip6/*.mip6.tsv), which verifies with the home address in the pseudo-header.
        Path corpus = org.tunnelcodec.testdata.Captures.sharedCorpus();
        String good = run(corpus.resolve("zeek-ip6-hoa-tcp-good-chksum.pcap").toString()).out();
        assertThat(good).contains("+dstopts(HAO 2001:78:1:32::1)").contains("[cksum good]").doesNotContain("[cksum bad]");
        String bad = run(corpus.resolve("zeek-ip6-hoa-tcp-bad-chksum.pcap").toString()).out();
        assertThat(bad).contains("+dstopts(HAO 2001:78:1:32::1)").contains("[cksum bad]");
        String udp = run(corpus.resolve("zeek-ipv6-mobile-hoa.pcap").toString()).out();
        assertThat(udp).contains("+dstopts(HAO 2001:78:1:32::1)").contains("[cksum good]");
        String routing = run(corpus.resolve("zeek-ipv6-mobile-routing.pcap").toString()).out();
        assertThat(routing).contains("+routing(type 2 left 1 home 2001:78:1:32::1)").contains("[cksum good]");
        assertThat(run("--json", corpus.resolve("zeek-ipv6-mobile-routing.pcap").toString()).out())
                .contains("{\"kind\":\"Type2RoutingHeader\",\"nextHeader\":{\"value\":17,\"name\":\"UDP\"},"
                        + "\"reserved\":0,\"homeAddress\":\"2001:78:1:32::1\"}");
        // A Home Address option of Option Length 1 (RFC 6275 §6.3), which tshark marks malformed too.
        String dstopts = run(corpus.resolve("zeek-ipv6-mobility-dst-opts.pcap").toString()).out();
        assertThat(dstopts.split("frame 3 ")[1]).contains("!! malformed ipv6: ipv6 Home Address Option Length");
    }

    @Test
    void shouldPrintLispDataAndLispGpeHeadersAndTheirTunnels() {
        // The flags, Nonces, Instance IDs, addresses and ports are tshark's decode of the same
        // frames (golden/lisp/lisp-data-variants.lisp.tsv); tshark has no LISP-GPE (frame 7).
        String capture = "../testdata/src/main/resources/org/tunnelcodec/testdata/captures/lisp-data-variants.pcap";
        Result r = run(capture);
        assertThat(r.status()).isZero();
        assertThat(r.out())
                .contains("  lisp        @42   flags [NL] nonce 0xabcdef lsb 0x00000003")
                .contains("  tunnel      @42   LISP(14) id 2571 flags 0xc8123456 192.0.2.1 > 198.51.100.2 tos 0x00 ttl 64"
                        + " ports 51000 > 4341 inner @50+48 0x86dd")
                .contains("  lisp        @62   flags [VI] map-version 5/10 iid 100")
                .contains("  lisp-gpe    @42   flags [NIP] next ETHERNET(0x03) reserved 0x1234 iid 200")
                .contains("  tunnel      @42   LISP(14) id 200 flags 0x8c123403");
        String frame22 = r.out().split("frame 22 ")[1].split("frame 23 ")[0];
        assertThat(frame22).as("5 octets after UDP 4341: a short LISP header").contains("!! malformed")
                .doesNotContain("tunnel ");
    }
}
