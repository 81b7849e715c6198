package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;
import org.tunnelcodec.testdata.TunnelChecks;

/**
 * Golden test of the GRE module's tunnel metadata: every frame of the generated GRE captures and
 * of the shared GRE, PPTP, NHRP, ERSPAN and WCCP captures is peeled tunnel by tunnel (GRE in GRE,
 * PPTP in IPv4-in-IPv6) with core's and this module's bindings, and each GRE, PPTP and WCCP level
 * is compared with the header tshark 4.0.17 shows at the same position
 * ({@code golden/gre/NAME.gre.tsv}): {@code gre.flags_and_version}, {@code gre.proto},
 * {@code gre.key}, {@code gre.key.call_id} and {@code gre.key.payload_length},
 * {@code gre.wccp.*}, the outer {@code ip.src}/{@code ip.dst} or {@code ipv6.src}/{@code ipv6.dst},
 * and GRE-in-UDP's {@code udp.dstport}; where a core golden table exists
 * ({@code golden/core/NAME.tsv}), the outermost header's TTL, TOS, DF, flow label and ports too.
 * Each level is also checked against the dissector ({@link TunnelChecks#check}): the inner range
 * is the payload of the dissector's GRE or WCCP layer.
 *
 * <p>tshark lists each field's occurrences separately, so the k-th value of a field belongs to
 * the k-th header that has it (the counters below follow that rule, as {@code GreGoldenTest}).
 */
class GreTunnelsGoldenTest {
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(GreTunnels.bindings()).build();
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .build();

    static Stream<String> shared() {
        return Stream.of("NHRP-responder-address.pcap", "NHRP_registration.pcap", "arkime-gre-erspan-vxlan.pcap",
                "erspan-type-i-1.pcap", "erspan-type-i-4.pcap", "erspan-type-ii-1.pcap", "erspan-type-ii-3.pcap",
                "erspan-type-iii-ft-7.pcap", "erspan-type-iii-pb-1.pcap", "gre-heapoverflow-1.pcap",
                "gre-heapoverflow-2.pcap", "ios_nhrp.pcap", "isis-infinite-loop.pcap", "ndpi-gre.pcapng",
                "nhrp-trace.pcap", "pcpp-GrePackets.pcap", "nhrp.pcapng", "pcpp-GrePackets-pptp.cap", "pptp.pcap",
                "suri-bug-2576-01.pcap", "suri-bug-5437-01.pcap", "suri-bug-5633-gre-01.pcap", "suri-decode-arp-3.pcap",
                "suri-decode-too-small.pcap", "suri-defrag-eth-ip-gre-ppp.pcap", "suri-security-8550.pcap",
                "various_gre.pcap", "wccp_redirect_gre.pcap", "zeek-erspan.pcap", "zeek-gre-aruba.pcap",
                "zeek-gre-erspan3-dot1q.pcap", "zeek-gre-over-udp-4754.pcap", "zeek-gre-pptp.pcap",
                "zeek-gre-sample.pcap", "zeek-gre-within-gre.pcap", "zeek-tunnel-direct-bypass.pcap");
    }

    @Test
    void shouldExtractEveryGreVariantOfTheGeneratedCaptureAsTsharkDecodesIt() {
        List<String> types = check(Captures.generated("gre-variants.pcap"), "gre-variants", true);
        assertThat(types).containsExactly("1 GRE(5)", "2 GRE(5) 4660", "3 GRE(5) 4660", "4 GRE(5) 3735928559",
                "5 GRE(5)", "6 GRE(5) 43981", "7 GRE(5)", "8 GRE_IN_UDP(6)", "9 GRE(5)", "10 GRE(5)", "11 GRE(5)",
                "12 PPTP(7) 16384", "13 PPTP(7) 16384", "14 PPTP(7) 16384", "15 WCCP(8) 90", "16 WCCP(8)",
                "17 WCCP(8) 0", "18 WCCP(8) 123");
    }

    @Test
    void shouldExtractTheGreFramesOfTheTunneldumpSample() {
        List<String> types = check(Captures.generated("tunneldump-sample.pcap"), "tunneldump-sample", true);
        assertThat(types).containsExactly("3 IPV4_IN_IPV4(1)", "4 IPV6_IN_IPV4(2)", "5 IPV4_IN_IPV6(3)", "7 GRE(5)",
                "8 GRE(5) 256", "9 GRE(5)", "10 GRE_IN_UDP(6)", "11 PPTP(7) 256", "12 WCCP(8) 90", "13 WCCP(8)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shared")
    void shouldExtractTheSharedGreCapturesAsTsharkDecodesThem(String name) {
        String base = name.replaceFirst("\\.(pcapng|pcap|cap)$", "");
        check(Captures.shared(name), base, base.equals("pcpp-GrePackets"));
    }

    @Test
    void shouldPeelGreWithinGreAndPptpWithinIpv4InIpv6() {
        List<String> nested = check(Captures.shared("zeek-gre-within-gre.pcap"), "zeek-gre-within-gre", false);
        assertThat(nested).allMatch(s -> s.endsWith("GRE(5) > GRE(5)")).hasSize(628);
        List<String> pptp = check(Captures.shared("zeek-gre-pptp.pcap"), "zeek-gre-pptp", false);
        assertThat(pptp).hasSize(2).allMatch(s -> s.contains("IPV4_IN_IPV6(3) > PPTP(7)"));
        List<String> wccp = check(Captures.shared("wccp_redirect_gre.pcap"), "wccp_redirect_gre", false);
        assertThat(wccp).containsExactly("1 WCCP(8) 89");
    }

    /**
     * Peels and compares every frame; returns, per frame with a tunnel, its number and levels
     * (a single level with its id, or the chain of types).
     */
    private static List<String> check(CaptureFile capture, String name, boolean coreGolden) {
        TsharkGolden gre = TsharkGolden.of(name + ".gre");
        TsharkGolden core = coreGolden ? TsharkGolden.of(name) : null;
        SoftAssertions soft = new SoftAssertions();
        List<String> found = new ArrayList<>();
        for (CapturedFrame f : capture.frames()) {
            byte[] captured = new byte[f.data().remaining()];
            f.data().duplicate().get(captured);
            TunnelChecks.Start start = TunnelChecks.start(DISSECTOR, capture.linkType(), captured);
            if (start == null) {
                continue; // a link header that leads to no IP header
            }
            byte[] bytes = start.octets();
            List<TunnelMetadata> levels = TunnelChecks.peel(CLASSIFIER, DISSECTOR, start.linkType(), bytes);
            if (levels.isEmpty()) {
                continue;
            }
            String at = name + " #" + f.number();
            TsharkGolden.Row row = gre.frame(f.number());
            if (core != null) {
                TunnelChecks.outerAsTshark(soft, at, core.frame(f.number()), levels.get(0));
            }
            compare(soft, at, row, levels, ByteBuffer.wrap(bytes));
            found.add(f.number() + " " + describe(levels));
        }
        soft.assertAll();
        return found;
    }

    private static String describe(List<TunnelMetadata> levels) {
        if (levels.size() == 1) {
            TunnelMetadata m = levels.get(0);
            return m.type() + (m.hasTunnelId() ? " " + m.tunnelId() : "");
        }
        return String.join(" > ", levels.stream().map(m -> m.type().toString()).toList());
    }

    private static void compare(SoftAssertions soft, String at, TsharkGolden.Row row, List<TunnelMetadata> levels,
                                ByteBuffer frame) {
        int gre = 0;
        int key = 0;
        int callId = 0;
        int wccp = 0;
        int ipv4 = 0;
        int ipv6 = 0;
        for (TunnelMetadata m : levels) {
            String here = at + " " + m.type();
            // Each level's outer header is the next IP header of its version in tshark's order.
            if (m.ipVersion() == 4) {
                soft.assertThat(m.ipv4Source()).as(here + " ip.src").isEqualTo(Ipv4Address.parse(row.value("ip.src", ipv4)));
                soft.assertThat(m.ipv4Destination()).as(here + " ip.dst")
                        .isEqualTo(Ipv4Address.parse(row.value("ip.dst", ipv4++)));
            } else if (m.ipVersion() == 6) {
                soft.assertThat(m.ipv6Source()).as(here + " ipv6.src")
                        .isEqualTo(Ipv6Address.parse(row.value("ipv6.src", ipv6)));
                soft.assertThat(m.ipv6Destination()).as(here + " ipv6.dst")
                        .isEqualTo(Ipv6Address.parse(row.value("ipv6.dst", ipv6++)));
            }
            TunnelType t = m.type();
            if (t.equals(TunnelType.GRE) || t.equals(TunnelType.GRE_IN_UDP) || t.equals(TunnelType.PPTP)) {
                int k = gre++;
                soft.assertThat((long) m.flags()).as(here + " gre.flags_and_version").isEqualTo(row.number("gre.flags_and_version", k));
                soft.assertThat((long) m.innerProtocol()).as(here + " gre.proto").isEqualTo(row.number("gre.proto", k));
                soft.assertThat(m.headerIndex()).as(here + " GRE header").isGreaterThan(m.ipIndex());
                if (t.equals(TunnelType.PPTP)) {
                    soft.assertThat(m.tunnelId()).as(here + " gre.key.call_id").isEqualTo(row.number("gre.key.call_id", callId));
                    soft.assertThat((long) m.innerLength()).as(here + " gre.key.payload_length")
                            .isEqualTo(row.number("gre.key.payload_length", callId++));
                } else if ((m.flags() & 0x2000) != 0) {
                    soft.assertThat(m.hasTunnelId()).as(here).isTrue();
                    soft.assertThat(m.tunnelId()).as(here + " gre.key").isEqualTo(row.number("gre.key", key++));
                } else {
                    soft.assertThat(m.hasTunnelId()).as(here + " no K, no id").isFalse();
                }
                if (t.equals(TunnelType.GRE_IN_UDP)) {
                    soft.assertThat((long) m.destinationPort()).as(here + " udp.dstport").isEqualTo(row.number("udp.dstport", 0));
                }
            } else if (t.equals(TunnelType.WCCP)) {
                soft.assertThat(m.carrier()).as(here).isEqualTo(TunnelType.GRE);
                soft.assertThat(row.number("gre.proto", gre++)).as(here + " gre.proto").isEqualTo(0x883E);
                if (m.hasTunnelId()) {
                    int w = m.flags();
                    int k = wccp++;
                    soft.assertThat(m.tunnelId()).as(here + " gre.wccp.service_id").isEqualTo(row.number("gre.wccp.service_id", k));
                    soft.assertThat((long) (w >>> 8 & 0xFF)).as(here + " gre.wccp.alternative_bucket")
                            .isEqualTo(row.number("gre.wccp.alternative_bucket", k));
                    soft.assertThat((long) (w & 0xFF)).as(here + " gre.wccp.primary_bucket")
                            .isEqualTo(row.number("gre.wccp.primary_bucket", k));
                    soft.assertThat((long) (w >>> 24 & 1)).as(here + " gre.wccp.dynamic_service")
                            .isEqualTo(row.number("gre.wccp.dynamic_service", k));
                    soft.assertThat((long) (w >>> 25 & 1)).as(here + " gre.wccp.alternative_bucket_used")
                            .isEqualTo(row.number("gre.wccp.alternative_bucket_used", k));
                    soft.assertThat((long) (w >>> 26 & 1)).as(here + " gre.wccp.redirect_header_valid")
                            .isEqualTo(row.number("gre.wccp.redirect_header_valid", k));
                } else {
                    soft.assertThat(m.innerProtocol()).as(here + " WCCPv1 carries IPv4").isEqualTo(0x0800);
                    soft.assertThat(frame.get(m.innerIndex()) >>> 4).as(here).isEqualTo(4);
                }
            }
        }
    }
}
