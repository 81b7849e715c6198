package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.gre.wccp.WccpRedirectHeader;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Golden test: every GRE, PPP and WCCP redirect header the dissector finds in the project's
 * generated GRE captures and in every GRE, NHRP, PPTP, ERSPAN and WCCP capture of the shared
 * corpus is compared, field by field and checksum verdict by checksum verdict, with tshark
 * 4.0.17's decode of the same frames ({@code testdata/scripts/tshark-golden-gre.sh}).
 *
 * <p>tshark lists each field's occurrences separately, so the k-th value of a field belongs
 * to the k-th header that has that field; the counters below follow that rule.
 * {@code pcpp-GrePackets.pcap}, which libpcap refuses, is read by the test kit's plain reader.
 */
class GreGoldenTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings())
            .add(GreLayers.bindings()).build();

    static Stream<String> generated() {
        return Stream.of("gre-variants.pcap", "tunneldump-sample.pcap");
    }

    static Stream<String> shared() {
        return Stream.of("NHRP-responder-address.pcap", "NHRP_registration.pcap", "arkime-gre-erspan-vxlan.pcap",
                "erspan-type-i-1.pcap", "erspan-type-i-2.pcap", "erspan-type-i-3.pcap", "erspan-type-i-4.pcap",
                "erspan-type-ii-1.pcap", "erspan-type-ii-2.pcap", "erspan-type-ii-3.pcap", "erspan-type-iii-ft-0.pcap",
                "erspan-type-iii-ft-7.pcap", "erspan-type-iii-pb-1.pcap", "gre-heapoverflow-1.pcap",
                "gre-heapoverflow-2.pcap", "ios_nhrp.pcap", "isis-infinite-loop.pcap", "ndpi-gre.pcapng",
                "nhrp-trace.pcap", "pcpp-GrePackets.pcap", "nhrp.pcapng", "pcpp-GrePackets-pptp.cap", "pptp.pcap", "suri-bug-2576-01.pcap",
                "suri-bug-2576-02.pcap", "suri-bug-5437-01.pcap", "suri-bug-5633-gre-01.pcap", "suri-decode-arp-3.pcap",
                "suri-decode-erspan-typeI-02.pcap", "suri-decode-erspan-typeII-01.pcap", "suri-decode-too-small.pcap",
                "suri-defrag-eth-ip-gre-ppp.pcap", "suri-security-8550.pcap", "various_gre.pcap",
                "wccp_redirect_gre.pcap", "zeek-erspan.pcap", "zeek-erspanI.pcap", "zeek-erspanII.pcap",
                "zeek-erspanIII.pcap", "zeek-gre-aruba-amsdu.pcap", "zeek-gre-aruba-ccmp.pcap", "zeek-gre-aruba.pcap",
                "zeek-gre-erspan3-dot1q.pcap", "zeek-gre-over-udp-4754.pcap", "zeek-gre-pptp.pcap",
                "zeek-gre-sample.pcap", "zeek-gre-within-gre.pcap", "zeek-tunnel-direct-bypass.pcap");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generated")
    void shouldDecodeTheGeneratedGreCapturesAsTsharkDoes(String name) {
        int checked = check(Captures.generated(name), name);
        assertThat(checked).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shared")
    void shouldDecodeTheSharedGreCapturesAsTsharkDoes(String name) {
        check(Captures.shared(name), name);
    }

    /** @return the GRE headers compared */
    private static int check(CaptureFile capture, String name) {
        TsharkGolden golden = TsharkGolden.of(name.replaceFirst("\\.(pcapng|pcap|cap)$", "") + ".gre");
        assertThat(capture.frames()).hasSameSizeAs(golden.rows());
        SoftAssertions soft = new SoftAssertions();
        int greHeaders = 0;
        for (CapturedFrame frame : capture.frames()) {
            TsharkGolden.Row row = golden.frame(frame.number());
            ByteBuffer data = frame.data();
            Dissection d = DISSECTOR.dissect(capture.linkType(), data);
            Counters n = new Counters();
            for (DissectedLayer l : d.layers()) {
                String at = name + " #" + frame.number() + " " + l.name() + "@" + l.offset();
                if (l.header() instanceof GreHeader h) {
                    greHeaders++;
                    compareGre(soft, row, n, at, h, data, l);
                } else if (l.header() instanceof WccpRedirectHeader w) {
                    num(soft, row, at, "gre.wccp.dynamic_service", n.wccp, w.dynamicService() ? 1 : 0);
                    num(soft, row, at, "gre.wccp.alternative_bucket_used", n.wccp, w.alternateBucketUsed() ? 1 : 0);
                    // tshark's "redirect_header_valid" is the U bit: 1 means "ignore contents".
                    num(soft, row, at, "gre.wccp.redirect_header_valid", n.wccp, w.contentsUnavailable() ? 1 : 0);
                    num(soft, row, at, "gre.wccp.service_id", n.wccp, w.serviceId());
                    num(soft, row, at, "gre.wccp.alternative_bucket", n.wccp, w.alternateBucket());
                    num(soft, row, at, "gre.wccp.primary_bucket", n.wccp++, w.primaryBucket());
                } else if (l.header() instanceof PppHeader p) {
                    num(soft, row, at, "ppp.protocol", n.ppp++, p.protocol());
                }
            }
        }
        soft.assertAll();
        return greHeaders;
    }

    private static void compareGre(SoftAssertions soft, TsharkGolden.Row row, Counters n, String at, GreHeader h,
                                   ByteBuffer data, DissectedLayer l) {
        int k = n.gre++;
        num(soft, row, at, "gre.flags_and_version", k, h.flagsAndVersion());
        num(soft, row, at, "gre.flags.checksum", k, h.checksumPresent() ? 1 : 0);
        num(soft, row, at, "gre.flags.routing", k, h.routingPresent() ? 1 : 0);
        num(soft, row, at, "gre.flags.key", k, h.hasKey() ? 1 : 0);
        num(soft, row, at, "gre.flags.sequence_number", k, h.hasSequenceNumber() ? 1 : 0);
        num(soft, row, at, "gre.flags.strict_source_route", k, h.strictSourceRoute() ? 1 : 0);
        num(soft, row, at, "gre.flags.recursion_control", k, h.recursionControl());
        num(soft, row, at, "gre.flags.reserved", k, h.reservedFlags());
        num(soft, row, at, "gre.flags.version", k, h.version());
        num(soft, row, at, "gre.proto", k, h.protocolType().value());
        if (h.isPptp()) {
            num(soft, row, at, "gre.flags.ack", n.v1++, h.hasAcknowledgmentNumber() ? 1 : 0);
        }
        if (h.checksumPresent() || h.routingPresent()) {
            int c = n.checksum++;
            num(soft, row, at, "gre.checksum", c, h.checksum());
            num(soft, row, at, "gre.offset", c, h.offset());
            long status = row.number("gre.checksum.status", c);
            if (status == 0 || status == 1) {
                soft.assertThat(GreDecoder.verifyChecksum(data, l.offset(), l.length() + l.payloadLength()))
                        .as(at + " gre.checksum.status").isEqualTo(status == 1);
            }
        }
        if (h.hasKey()) {
            if (h.isPptp()) {
                num(soft, row, at, "gre.key.payload_length", n.pptpKey, h.payloadLength());
                num(soft, row, at, "gre.key.call_id", n.pptpKey++, h.callId());
            } else {
                num(soft, row, at, "gre.key", n.key++, h.key());
            }
        }
        if (h.hasSequenceNumber()) {
            num(soft, row, at, "gre.sequence_number", n.sequence++, h.sequenceNumber());
        }
        if (h.hasAcknowledgmentNumber()) {
            num(soft, row, at, "gre.ack_number", n.ack++, h.acknowledgmentNumber());
        }
        if (h.routingPresent()) {
            for (SourceRouteEntry e : h.routing()) {
                num(soft, row, at, "gre.routing.address_family", n.sre, e.addressFamily());
                num(soft, row, at, "gre.routing.sre_offset", n.sre, e.sreOffset());
                num(soft, row, at, "gre.routing.src_length", n.sre++, e.sreLength());
            }
            num(soft, row, at, "gre.routing.address_family", n.sre, 0); // the NULL SRE
            num(soft, row, at, "gre.routing.src_length", n.sre++, 0);
        }
    }

    private static void num(SoftAssertions soft, TsharkGolden.Row row, String at, String field, int occurrence, long ours) {
        soft.assertThat(ours).as(at + " " + field + "[" + occurrence + "]").isEqualTo(row.number(field, occurrence));
    }

    /** Occurrence counters, one per tshark field group. */
    private static final class Counters {
        int gre;
        int v1;
        int checksum;
        int key;
        int pptpKey;
        int sequence;
        int ack;
        int sre;
        int wccp;
        int ppp;
    }
}
