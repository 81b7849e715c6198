package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.gre.GreLayers;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Golden test: every label stack entry, control word, ACH and IP header the dissector finds in
 * the project's MPLS captures ({@code mpls-variants.pcap}, and {@code gre-variants.pcap} whose
 * frame 5 is MPLS in GRE) and in every MPLS capture of the shared corpus is compared, field by
 * field, with tshark 4.0.17's decode of the same frames ({@code testdata/scripts/tshark-golden-mpls.sh}).
 * tshark lists each field's occurrences separately, outermost first, so the k-th value of a field
 * belongs to the k-th header that has it.
 *
 * <p>Where this project decodes a frame differently from tshark, the frame is listed in
 * {@link #DIFFERENT} with the reason, and only the layers before the difference are compared:
 * the label stack entries up to the first one this project did not decode, nothing after. The
 * same holds, by one rule instead of a list, for the fuzzed frames whose octets after the stack
 * tshark takes for an IP header and then finds malformed, where the plausibility check here
 * identifies nothing (R12). Every capture's stacks are reached: those behind Arista's
 * timestamp header and Cisco HDLC framing through core's layers for them.
 */
class MplsGoldenTest {
    /**
     * The label tshark was told to decode as a generic control word ({@code -d mpls.label==4004,pwmcw}),
     * bound here the same way: a caller's binding.
     */
    private static final MplsBindings VARIANT_BINDINGS = MplsBindings.builder().bind(4004, MplsPayloadType.CONTROL_WORD).build();

    private static final Dissector PLAIN = dissector(MplsBindings.NONE);
    private static final Dissector BOUND = dissector(VARIANT_BINDINGS);

    /** Frames decoded differently from tshark on purpose, with the reason; only what precedes the difference is compared. */
    static final Map<String, String> DIFFERENT = Map.ofEntries(
            Map.entry("mpls-variants.pcap#15", "33 entries: deeper than the decoder's default bound of 32 (R2); tshark has no bound"),
            Map.entry("mpls-variants.pcap#21", "GAL with S=0 (R7): both read the ACH and BFD octets as two more entries; after the"
                    + " bottom, first nibble 0 makes it a control word here, tshark's heuristic an Ethernet frame without one"),
            Map.entry("mpls-variants.pcap#26", "an Ethernet pseudowire without control word whose MAC starts with nibble 4: the"
                    + " IPv4 length check here refuses it (RAW), tshark takes it for IPv4 without a check"),
            Map.entry("mpls-variants.pcap#27", "extension label 15 then extended special-purpose label 240 (RFC 7274): no eSPL is"
                    + " known, so nothing after it is identified (R9); tshark reads on as if 240 were an ordinary label"),
            Map.entry("mpls-variants.pcap#28", "the capture cut the stack inside its second entry: the stack is one header here,"
                    + " so the frame is CAPTURE_CUT before it; tshark shows the first entry"),
            Map.entry("suri-decode-too-many-layers.pcap#1", "32 nested pseudowires: the dissector's layer cap (16) ends the"
                    + " walk, as it should for a crafted nesting; tshark has no cap"));

    private static Dissector dissector(MplsBindings bindings) {
        return Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings()).add(MplsLayers.bindings(bindings))
                .build();
    }

    static Stream<String> generated() {
        return Stream.of("mpls-variants.pcap", "gre-variants.pcap");
    }

    static Stream<String> shared() {
        return Stream.of("arista_ether.pcap", "arkime-mpls-basic.pcap", "lspping-fec-ldp.pcap", "lspping-fec-rsvp.pcap",
                "mpls-label-heapoverflow.pcap", "mpls-over-udp.pcap", "mpls-traceroute.pcap", "ndpi-BGP_redist.pcap",
                "pcpp-MplsPackets.pcap", "pcpp-ip4_bad_fragment.pcap", "suri-decode-too-many-layers.pcap",
                "tok2str-oobr-2.pcap", "wb-oobr.pcap", "zeek-mixed-vlan-mpls.pcap",
                "zeek-mpls-6in6-6in6-4in6-invalid-version-4.pcap", "zeek-mpls-6in6-6in6-4in6-trunc.pcap",
                "zeek-mpls-6in6-6in6-invalid-version-6.pcap", "zeek-mpls-6in6-broken.pcap.gz", "zeek-mpls-in-vlan.pcap");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void shouldDecodeTheGeneratedMplsCapturesAsTsharkDoes(String name) {
        int entries = check(Captures.generated(name), name, name.equals("mpls-variants.pcap") ? BOUND : PLAIN);
        assertThat(entries).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shared")
    void shouldDecodeTheSharedMplsCapturesAsTsharkDoes(String name) {
        check(Captures.shared(name), name, PLAIN);
    }

    /** Returns the label stack entries compared. */
    private static int check(CaptureFile capture, String name, Dissector dissector) {
        TsharkGolden golden = TsharkGolden.of(name.replaceFirst("\\.(pcapng|pcap|cap)(\\.gz)?$", "") + ".mpls");
        assertThat(capture.frames()).hasSameSizeAs(golden.rows());
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (CapturedFrame frame : capture.frames()) {
            TsharkGolden.Row row = golden.frame(frame.number());
            String key = name + "#" + frame.number();
            Dissection d = dissector.dissect(capture.linkType(), frame.data(), frame.originalLength(), 0);
            Ours ours = Ours.of(d);
            List<String> labels = row.values("mpls.label");
            boolean different = DIFFERENT.containsKey(key) || implausibleForUs(d, row);
            int n = different ? Math.min(ours.labels.size(), labels.size()) : labels.size();
            if (!different) {
                soft.assertThat(ours.labels).as(key + " mpls.label (ours " + summary(d) + ")").hasSize(labels.size());
            }
            for (int i = 0; i < n && i < ours.labels.size(); i++) {
                int[] e = ours.labels.get(i);
                num(soft, row, key, "mpls.label", i, e[0]);
                num(soft, row, key, "mpls.exp", i, e[1]);
                num(soft, row, key, "mpls.bottom", i, e[2]);
                num(soft, row, key, "mpls.ttl", i, e[3]);
                compared++;
            }
            if (different) {
                continue;
            }
            for (int i = 0; i < ours.ethernetSequence.size(); i++) {
                num(soft, row, key, "pweth.cw.sequence_number", i, ours.ethernetSequence.get(i));
            }
            soft.assertThat(ours.ethernetSequence).as(key + " pweth.cw").hasSameSizeAs(row.values("pweth.cw.sequence_number"));
            for (int i = 0; i < ours.genericWords.size(); i++) {
                ControlWord cw = ours.genericWords.get(i);
                num(soft, row, key, "pwmcw.flags", i, cw.flags() << 2 | cw.fragmentation()); // tshark: Flags and FRG as one field
                num(soft, row, key, "pwmcw.length", i, cw.length());
                num(soft, row, key, "pwmcw.sequence_number", i, cw.sequenceNumber());
            }
            soft.assertThat(ours.genericWords).as(key + " pwmcw").hasSameSizeAs(row.values("pwmcw.sequence_number"));
            for (int i = 0; i < ours.achs.size(); i++) {
                AchHeader a = ours.achs.get(i);
                num(soft, row, key, "pwach.ver", i, a.version());
                num(soft, row, key, "pwach.res", i, a.reserved());
                num(soft, row, key, "pwach.channel_type", i, a.channelType().value());
            }
            soft.assertThat(ours.achs).as(key + " pwach").hasSameSizeAs(row.values("pwach.channel_type"));
            // The IP headers: every one tshark shows must be ours too (tshark may go past a
            // malformed header, or decode ICMP's quoted packet, which this project does not).
            List<String> ip = row.values("ip.src");
            for (int i = 0; i < ours.ipv4.size() && i < ip.size(); i++) {
                soft.assertThat(ours.ipv4.get(i).source().toString()).as(key + " ip.src[" + i + "]").isEqualTo(ip.get(i));
                soft.assertThat(ours.ipv4.get(i).destination().toString()).as(key + " ip.dst[" + i + "]")
                        .isEqualTo(row.value("ip.dst", i));
            }
            List<String> ip6 = row.values("ipv6.src");
            for (int i = 0; i < ours.ipv6.size() && i < ip6.size(); i++) {
                soft.assertThat(ours.ipv6.get(i).source().toString()).as(key + " ipv6.src[" + i + "]").isEqualTo(ip6.get(i));
            }
            if (ours.ipv4.size() + ours.ipv6.size() < ip.size() + ip6.size() && !d.isMalformed() && !d.isCutByCapture()
                    && !icmpQuotes(row)) {
                soft.fail(key + ": tshark shows " + (ip.size() + ip6.size()) + " IP headers, ours " + summary(d));
            }
        }
        soft.assertAll();
        return compared;
    }

    /**
     * Whether tshark reads the octets after the stack as an IP header that its own checks then
     * find malformed, where this project's plausibility check (R12: IHL and Total Length, or
     * Payload Length, must fit) identifies nothing and ends the walk after the stack.
     */
    private static boolean implausibleForUs(Dissection d, TsharkGolden.Row row) {
        boolean tsharkMalformed = !row.values("_ws.malformed").isEmpty() || row.values("_ws.expert.message").stream()
                .anyMatch(m -> m.contains("Bogus") || m.contains("Bad"));
        List<DissectedLayer> layers = d.layers();
        return tsharkMalformed && !layers.isEmpty() && layers.get(layers.size() - 1).header() instanceof MplsHeader
                && d.stopReason() == Dissection.StopReason.COMPLETE;
    }

    /** Whether tshark's extra IP headers are the packet an ICMP error quotes (not a layer here). */
    private static boolean icmpQuotes(TsharkGolden.Row row) {
        return row.values("frame.protocols").stream().anyMatch(p -> p.contains("icmp:ip") || p.contains("icmpv6:ipv6"));
    }

    private static String summary(Dissection d) {
        return d.layers().stream().map(DissectedLayer::name).toList() + " " + d.stopReason();
    }

    private static void num(SoftAssertions soft, TsharkGolden.Row row, String at, String field, int occurrence, long ours) {
        soft.assertThat(ours).as(at + " " + field + "[" + occurrence + "]").isEqualTo(row.number(field, occurrence));
    }

    /** What this project decoded, per tshark field group. */
    private record Ours(List<int[]> labels, List<Integer> ethernetSequence, List<ControlWord> genericWords,
                        List<AchHeader> achs, List<Ipv4Header> ipv4, List<Ipv6Header> ipv6) {
        static Ours of(Dissection d) {
            Ours o = new Ours(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
            for (DissectedLayer l : d.layers()) {
                Object h = l.header();
                if (h instanceof MplsHeader m) {
                    for (int i = 0; i < m.depth(); i++) {
                        o.labels.add(new int[] {m.label(i), m.trafficClass(i), i == m.depth() - 1 ? 1 : 0, m.ttl(i)});
                    }
                } else if (h instanceof ControlWord cw) {
                    if (l.layer() == MplsLayers.ETHERNET_CONTROL_WORD) {
                        o.ethernetSequence.add(cw.sequenceNumber());
                    } else {
                        o.genericWords.add(cw);
                    }
                } else if (h instanceof AchHeader a) {
                    o.achs.add(a);
                } else if (h instanceof Ipv4Header v4) {
                    o.ipv4.add(v4);
                } else if (h instanceof Ipv6Header v6) {
                    o.ipv6.add(v6);
                }
            }
            return o;
        }
    }
}
