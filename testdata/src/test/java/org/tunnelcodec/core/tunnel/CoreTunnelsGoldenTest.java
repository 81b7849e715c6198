package org.tunnelcodec.core.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;
import org.tunnelcodec.testdata.TunnelChecks;

/**
 * Golden test of core's IP-in-IP metadata: every frame of the generated captures that carry IP
 * in IP ({@code core-layers.pcap}, {@code tunneldump-sample.pcap}) and of the shared
 * {@code pcpp-GrePackets.pcap} (4in6) is classified; the tunnel frames' outer fields and inner
 * header are compared with tshark 4.0.17's decode in the committed core golden tables
 * ({@code ip.src}, {@code ip.dst}, {@code ip.ttl}, {@code ip.dsfield.*}, {@code ip.flags.df},
 * {@code ipv6.*}); every frame is checked against the dissector ({@link TunnelChecks#check}).
 */
class CoreTunnelsGoldenTest {
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings()).build();
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).build();

    @Test
    void shouldExtractIpInIpFromCoreLayersAsTsharkDecodesIt() {
        Map<Integer, String> verdicts = classify(Captures.generated("core-layers.pcap"), "core-layers");
        assertThat(verdicts).containsEntry(15, "TUNNEL IPV4_IN_IPV4(1)").containsEntry(16, "TUNNEL IPV6_IN_IPV4(2)")
                .containsEntry(17, "TUNNEL IPV4_IN_IPV6(3)").containsEntry(18, "TUNNEL IPV6_IN_IPV6(4)")
                .containsEntry(6, "FRAGMENT NONE(0)").containsEntry(7, "FRAGMENT NONE(0)")
                .containsEntry(8, "FRAGMENT NONE(0)").containsEntry(9, "FRAGMENT NONE(0)")
                .containsEntry(1, "NOT_A_TUNNEL NONE(0)");
        assertThat(verdicts.values().stream().filter(v -> v.startsWith("TUNNEL"))).hasSize(4);
    }

    @Test
    void shouldExtractIpInIpFromTheTunneldumpSample() {
        Map<Integer, String> verdicts = classify(Captures.generated("tunneldump-sample.pcap"), "tunneldump-sample");
        assertThat(verdicts).containsEntry(3, "TUNNEL IPV4_IN_IPV4(1)").containsEntry(4, "TUNNEL IPV6_IN_IPV4(2)")
                .containsEntry(5, "TUNNEL IPV4_IN_IPV6(3)")
                .as("the atomic fragment is not a fragment").containsEntry(6, "NOT_A_TUNNEL NONE(0)")
                .as("cut by the snap length: the IPv4 Total Length is not all there").containsEntry(16, "MALFORMED NONE(0)");
        assertThat(verdicts.values().stream().filter(v -> v.startsWith("TUNNEL"))).hasSize(3);
    }

    @Test
    void shouldExtractIpv4InIpv6FromASharedCapture() {
        Map<Integer, String> verdicts = classify(Captures.shared("pcpp-GrePackets.pcap"), "pcpp-GrePackets");
        assertThat(verdicts.values().stream().filter(v -> v.startsWith("TUNNEL"))).containsExactly("TUNNEL IPV4_IN_IPV6(3)");
    }

    /** Classifies every frame, compares the tunnels with tshark, checks all against the dissector. */
    private static Map<Integer, String> classify(CaptureFile capture, String golden) {
        TsharkGolden g = TsharkGolden.of(golden);
        SoftAssertions soft = new SoftAssertions();
        Map<Integer, String> verdicts = new LinkedHashMap<>();
        TunnelMetadata m = new TunnelMetadata();
        for (CapturedFrame f : capture.frames()) {
            byte[] bytes = new byte[f.data().remaining()];
            f.data().duplicate().get(bytes);
            Verdict v = TunnelChecks.check(CLASSIFIER, DISSECTOR, capture.linkType(), bytes, m);
            verdicts.put(f.number(), v + " " + m.type());
            if (v != Verdict.TUNNEL) {
                continue;
            }
            CLASSIFIER.classify(capture.linkType(), ByteBuffer.wrap(bytes), m);
            String at = golden + " #" + f.number();
            TsharkGolden.Row row = g.frame(f.number());
            TunnelChecks.outerAsTshark(soft, at, row, m);
            ByteBuffer b = ByteBuffer.wrap(bytes);
            // The inner header is tshark's next occurrence of its version's fields.
            if (m.innerProtocol() == 0x0800) {
                int k = m.ipVersion() == 4 ? 1 : 0;
                soft.assertThat(Ipv4Address.read(b, m.innerIndex() + 12)).as(at + " inner ip.src")
                        .isEqualTo(Ipv4Address.parse(row.value("ip.src", k)));
                soft.assertThat(Ipv4Address.read(b, m.innerIndex() + 16)).as(at + " inner ip.dst")
                        .isEqualTo(Ipv4Address.parse(row.value("ip.dst", k)));
                soft.assertThat((long) m.innerLength()).as(at + " inner ip.len").isEqualTo(row.number("ip.len", k));
            } else {
                int k = m.ipVersion() == 6 ? 1 : 0;
                soft.assertThat(Ipv6Address.read(b, m.innerIndex() + 8)).as(at + " inner ipv6.src")
                        .isEqualTo(Ipv6Address.parse(row.value("ipv6.src", k)));
                soft.assertThat((long) m.innerLength()).as(at + " inner ipv6.plen + 40")
                        .isEqualTo(row.number("ipv6.plen", k) + 40);
            }
        }
        soft.assertAll();
        return verdicts;
    }
}
