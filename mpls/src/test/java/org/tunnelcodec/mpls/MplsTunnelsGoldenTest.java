package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.gre.GreLayers;
import org.tunnelcodec.gre.GreTunnels;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;
import org.tunnelcodec.testdata.TunnelChecks;

/**
 * Golden test of the MPLS module's tunnel metadata, over Ethernet (with VLAN tags), GRE, UDP and
 * IP: every frame of {@code mpls-variants.pcap}, {@code gre-variants.pcap} (frame 5, MPLS in GRE)
 * and the shared MPLS captures whose link header leads to Ethernet or IP is peeled tunnel by
 * tunnel with core's, the GRE module's and this module's bindings, and each MPLS level is
 * compared with the stack tshark 4.0.17 shows at the same position ({@code golden/mpls/NAME.mpls.tsv}):
 * the tunnel id is {@code mpls.label} of the top entry, the flags' TC, S and TTL its
 * {@code mpls.exp}, {@code mpls.bottom} and {@code mpls.ttl}, the inner packet starts after as
 * many entries as tshark reads to the first {@code mpls.bottom} 1, and the payload type is what
 * {@code frame.protocols} names after {@code mpls} ({@code ip}, {@code ipv6}, {@code pwach},
 * {@code pwethheuristic:pwethcw}, {@code pwethheuristic:pwethnocw}, {@code data} for the label
 * tshark was told to decode as a generic control word, as the binding here does). Where a core
 * golden table exists, the outer IP header's fields and ports too. Every level is checked
 * against the dissector ({@link TunnelChecks#check}): the inner range is the payload of its
 * {@code mpls} layer.
 *
 * <p>Frames this project decodes differently from tshark on purpose ({@link MplsGoldenTest#DIFFERENT})
 * are compared as far as both agree: the labels, not the payload type; so are frames where
 * tshark takes the octets after the stack for an IP header it then finds malformed and the
 * rules here identify nothing (pcpp-ip4_bad_fragment, after an unassigned special-purpose
 * label), and the fuzzed {@code zeek-mpls-6in6-broken} frames.
 */
class MplsTunnelsGoldenTest {
    /** The binding tshark was given as {@code -d mpls.label==4004,pwmcw} for mpls-variants.pcap. */
    private static final MplsBindings VARIANT_BINDINGS = MplsBindings.builder().bind(4004, MplsPayloadType.CONTROL_WORD).build();
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .add(MplsLayers.bindings(VARIANT_BINDINGS)).build();
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(GreTunnels.bindings()).add(MplsTunnels.bindings(VARIANT_BINDINGS)).build();

    static Stream<String> shared() {
        return Stream.of("arkime-mpls-basic.pcap", "mpls-label-heapoverflow.pcap", "mpls-over-udp.pcap",
                "pcpp-MplsPackets.pcap", "pcpp-ip4_bad_fragment.pcap", "suri-decode-too-many-layers.pcap",
                "tok2str-oobr-2.pcap", "zeek-mixed-vlan-mpls.pcap", "zeek-mpls-6in6-6in6-4in6-invalid-version-4.pcap",
                "zeek-mpls-6in6-6in6-4in6-trunc.pcap", "zeek-mpls-6in6-6in6-invalid-version-6.pcap",
                "zeek-mpls-in-vlan.pcap", "lspping-fec-ldp.pcap", "mpls-traceroute.pcap");
    }

    @Test
    void shouldExtractEveryCarrierOfTheGeneratedCaptureAsTsharkDecodesIt() {
        List<String> found = check(Captures.generated("mpls-variants.pcap"), "mpls-variants", true, true);
        assertThat(found).containsExactly(
                "1 MPLS(10) 100 IPV4", "2 MPLS(10) 1000 IPV6", "3 MPLS(10) 2000 PW_ETHERNET_CONTROL_WORD in GRE(5)",
                "4 MPLS(10) 500 ACH", "5 MPLS(10) 1000 IPV4", "6 MPLS(10) 1001 ACH", "7 MPLS(10) 1100 IPV4",
                "9 MPLS(10) 1200 IPV4 in GRE(5)", "10 MPLS(10) 1300 IPV6 in GRE(5) 100", "11 MPLS(10) 1400 IPV4",
                "12 MPLS(10) 1402 IPV6", "13 MPLS(10) 1001 PW_ETHERNET_CONTROL_WORD", "14 MPLS(10) 10001 IPV4",
                "16 MPLS(10) 2 IPV6", "17 MPLS(10) 1500 IPV4", "18 MPLS(10) 0 IPV4", "19 MPLS(10) 1 IPV4",
                "20 MPLS(10) 3 IPV4", "21 MPLS(10) 500 PW_ETHERNET_CONTROL_WORD", "22 MPLS(10) 1503 IPV4",
                "23 MPLS(10) 1001 CONTROL_WORD", "24 MPLS(10) 1700 IPV4", "25 MPLS(10) 1600 IPV4",
                "26 MPLS(10) 1001 RAW", "27 MPLS(10) 15 RAW");
    }

    @Test
    void shouldExtractMplsInGreWithGreAsItsCarrier() {
        List<String> found = check(Captures.generated("gre-variants.pcap"), "gre-variants", true, true);
        assertThat(found).filteredOn(s -> s.contains("MPLS")).containsExactly("5 MPLS(10) 100 IPV4 in GRE(5)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shared")
    void shouldExtractTheSharedMplsCapturesAsTsharkDecodesThem(String name) {
        String base = name.replaceFirst("\\.(pcapng|pcap|cap)(\\.gz)?$", "");
        List<String> found = check(Captures.shared(name), base, base.equals("pcpp-MplsPackets"), true);
        if (!name.startsWith("lspping") && !name.startsWith("mpls-traceroute")) {
            assertThat(found).as("MPLS over Ethernet or IP is reached").isNotEmpty();
        }
    }

    @Test
    void shouldExtractTheFuzzedStacksOfAFuzzCaptureAsFarAsTsharkAgrees() {
        List<String> found = check(Captures.shared("zeek-mpls-6in6-broken.pcap.gz"), "zeek-mpls-6in6-broken", false, false);
        assertThat(found).hasSizeGreaterThan(100);
    }

    /** Peels and compares every frame; returns, per frame with an MPLS level, a description of the first one. */
    private static List<String> check(CaptureFile capture, String name, boolean coreGolden, boolean payloadTypes) {
        TsharkGolden mpls = TsharkGolden.of(name + ".mpls");
        TsharkGolden core = coreGolden ? TsharkGolden.of(name) : null;
        SoftAssertions soft = new SoftAssertions();
        List<String> found = new ArrayList<>();
        for (CapturedFrame f : capture.frames()) {
            byte[] captured = new byte[f.data().remaining()];
            f.data().duplicate().get(captured);
            TunnelChecks.Start start = TunnelChecks.start(DISSECTOR, capture.linkType(), captured);
            if (start == null) {
                continue; // MPLS over PPP or Cisco HDLC: the classifier starts at Ethernet or IP
            }
            List<TunnelMetadata> levels = TunnelChecks.peel(CLASSIFIER, DISSECTOR, start.linkType(), start.octets());
            String at = name + " #" + f.number();
            String key = name + ".pcap#" + f.number();
            boolean different = MplsGoldenTest.DIFFERENT.containsKey(key) || !payloadTypes;
            TsharkGolden.Row row = mpls.frame(f.number());
            int entry = 0;
            String first = null;
            for (TunnelMetadata m : levels) {
                if (!m.type().equals(TunnelType.MPLS)) {
                    continue;
                }
                int depth = (m.innerIndex() - m.headerIndex()) / 4;
                String here = at + " MPLS@" + m.headerIndex();
                num(soft, here, row, "mpls.label", entry, m.tunnelId());
                num(soft, here, row, "mpls.exp", entry, m.flags() >>> 9 & 7);
                num(soft, here, row, "mpls.bottom", entry, m.flags() >>> 8 & 1);
                num(soft, here, row, "mpls.ttl", entry, m.flags() & 0xFF);
                int bottom = entry;
                while (bottom < row.values("mpls.bottom").size() && row.number("mpls.bottom", bottom) == 0) {
                    bottom++;
                }
                soft.assertThat(depth).as(here + " entries to the first mpls.bottom 1").isEqualTo(bottom - entry + 1);
                MplsPayloadType type = MplsTunnels.payloadType(m);
                // As MplsGoldenTest: where tshark takes the octets after the stack for IP and then
                // finds that IP header malformed, the rules here identified nothing (RAW).
                boolean implausible = type == MplsPayloadType.RAW && !row.values("_ws.malformed").isEmpty();
                if (!different && !implausible && entry == 0) {
                    soft.assertThat(type).as(here + " after the stack: " + row.value("frame.protocols", 0))
                            .isEqualTo(tsharkPayload(row.value("frame.protocols", 0), m.tunnelId(), depth));
                }
                soft.assertThat(m.innerProtocol()).as(here).isEqualTo(switch (type) {
                    case IPV4 -> 0x0800;
                    case IPV6 -> 0x86DD;
                    case PW_ETHERNET -> 0x6558;
                    default -> TunnelMetadata.NO_PROTOCOL;
                });
                if (first == null) {
                    first = f.number() + " " + m.type() + " " + m.tunnelId() + " " + type
                            + (m.carrier().equals(TunnelType.NONE) ? "" : " in " + m.carrier()
                            + (m.hasCarrierId() ? " " + m.carrierId() : ""));
                    if (core != null && m.ipVersion() != 0) {
                        TunnelChecks.outerAsTshark(soft, here, core.frame(f.number()), m);
                    }
                    if (m.ipVersion() == 0) {
                        List<String> outer = Arrays.asList(row.value("frame.protocols", 0).split(":"));
                        long tags = outer.subList(0, outer.indexOf("mpls")).stream().filter("vlan"::equals).count();
                        soft.assertThat(m.headerIndex()).as(here + " straight after Ethernet and its VLAN tags")
                                .isEqualTo(14 + 4 * (int) tags);
                    }
                }
                entry = bottom + 1;
            }
            if (first != null) {
                found.add(first);
            }
        }
        soft.assertAll();
        return found;
    }

    /** What tshark identified after a stack, from the part of frame.protocols after the first {@code mpls}. */
    private static MplsPayloadType tsharkPayload(String protocols, long topLabel, int depth) {
        List<String> layers = Arrays.asList(protocols.split(":"));
        int i = layers.indexOf("mpls");
        String next = i + 1 < layers.size() ? layers.get(i + 1) : "";
        String after = i + 2 < layers.size() ? layers.get(i + 2) : "";
        return switch (next) {
            case "ip" -> MplsPayloadType.IPV4;
            case "ipv6" -> MplsPayloadType.IPV6;
            case "pwach" -> MplsPayloadType.ACH;
            case "pwethheuristic" -> after.equals("pwethnocw") ? MplsPayloadType.PW_ETHERNET
                    : MplsPayloadType.PW_ETHERNET_CONTROL_WORD;
            case "data" -> MplsPayloadType.CONTROL_WORD; // only the label bound as tshark's -d says
            case "" -> MplsPayloadType.NONE;
            default -> throw new AssertionError("tshark's " + next + " after label " + topLabel + " (" + depth + " entries)");
        };
    }

    private static void num(SoftAssertions soft, String at, TsharkGolden.Row row, String field, int occurrence, long ours) {
        soft.assertThat(ours).as(at + " " + field + "[" + occurrence + "]").isEqualTo(row.number(field, occurrence));
    }
}
