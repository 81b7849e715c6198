package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;
import org.tunnelcodec.testdata.TunnelChecks;

/**
 * Golden test of the STT module's tunnel metadata on every frame of {@code stt-segments.pcap}.
 *
 * <p>From the committed golden table {@code golden/stt/stt-segments.stt.tsv} (tshark 4.0.17,
 * reassembling): {@code ip.src}/{@code ip.dst}, {@code ipv6.src}/{@code ipv6.dst},
 * {@code stt.stream_id} (the source port), {@code stt.dport}, {@code stt.seg_off},
 * {@code stt.pkt_len}, and the Context ID and Flags tshark shows on the frames where it completed
 * a reassembly, which are those of the frame's first segment. The values no committed table
 * holds were read with TShark 4.0.17 by this command, run for this test, and are written in
 * below as {@link #TSHARK_FIRST_SEGMENTS}:
 * <pre>
 * tshark -r stt-segments.pcap -n -o ip.try_heuristic_first:TRUE -o ipv6.try_heuristic_first:TRUE \
 *   -o stt.reassemble:FALSE -T fields -E occurrence=f -e frame.number -e ip.ttl -e ip.dsfield \
 *   -e ip.flags.df -e ipv6.hlim -e ipv6.tclass -e ipv6.flow -e stt.context_id -e stt.flags
 * </pre>
 * (without reassembly tshark reads the frame header of every segment at offset 0).
 */
class SttTunnelsGoldenTest {
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(SttTunnels.bindings()).build();
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(SttLayers.bindings())
            .build();

    /**
     * tshark's values by frame, from the command above: TTL or hop limit, TOS or Traffic Class,
     * DF (IPv4), Flow Label (IPv6), and for the segments at offset 0 the Context ID and Flags;
     * -1 where tshark shows none.
     */
    private static final long[][] TSHARK_FIRST_SEGMENTS = {
        // frame, ttl, tos, df, flow, context id, flags
        {1, 64, 0, 1, 0, 0x64, 0x01},
        {2, 64, 0, 1, 0, 0xabcdef, 0x0e},
        {3, 64, 0, 1, 0, -1, -1},
        {4, 64, 0, 1, 0, -1, -1},
        {5, 64, 0, 1, 0, 0x1122334455667788L, 0x00},
        {6, 64, 0, 1, 0, -1, -1},
        {7, 64, 0, 1, 0, 0x1122334455667788L, 0x00},
        {8, 64, 0, -1, 0, 0x30, 0x0a},
        {9, 64, 0, -1, 0, -1, -1},
        {10, 64, 0, 1, 0, 0x40, 0x01},
        {11, 64, 0, 1, 0, 0x20, 0x00},
        {12, 64, 0, 1, 0, -1, -1},
    };

    @Test
    void shouldExtractTheContextIdOfEverySegmentThatCarriesTheFrameHeader() {
        CaptureFile capture = Captures.generated("stt-segments.pcap");
        TsharkGolden golden = TsharkGolden.of("stt-segments.stt");
        SoftAssertions soft = new SoftAssertions();
        List<String> verdicts = new ArrayList<>();
        for (CapturedFrame f : capture.frames()) {
            byte[] bytes = new byte[f.data().remaining()];
            f.data().duplicate().get(bytes);
            TunnelMetadata m = new TunnelMetadata();
            Verdict v = TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, bytes, m);
            CLASSIFIER.classify(LinkType.ETHERNET, ByteBuffer.wrap(bytes), m);
            verdicts.add(f.number() + " " + v + (m.hasTunnelId() ? String.format(" 0x%x", m.tunnelId()) : ""));
            if (v == Verdict.MALFORMED) {
                continue;
            }
            String at = "stt-segments #" + f.number();
            TsharkGolden.Row row = golden.frame(f.number());
            long[] t = TSHARK_FIRST_SEGMENTS[f.number() - 1];
            soft.assertThat(m.type()).as(at).isEqualTo(TunnelType.STT);
            if (m.ipVersion() == 4) {
                soft.assertThat(m.ipv4Source()).as(at + " ip.src").isEqualTo(Ipv4Address.parse(row.value("ip.src", 0)));
                soft.assertThat(m.ipv4Destination()).as(at + " ip.dst").isEqualTo(Ipv4Address.parse(row.value("ip.dst", 0)));
                soft.assertThat(m.dontFragment() ? 1L : 0L).as(at + " ip.flags.df").isEqualTo(t[3]);
            } else {
                soft.assertThat(m.ipv6Source()).as(at + " ipv6.src").isEqualTo(Ipv6Address.parse(row.value("ipv6.src", 0)));
                soft.assertThat(m.ipv6Destination()).as(at + " ipv6.dst")
                        .isEqualTo(Ipv6Address.parse(row.value("ipv6.dst", 0)));
                soft.assertThat((long) m.flowLabel()).as(at + " ipv6.flow").isEqualTo(t[4]);
            }
            soft.assertThat((long) m.ttl()).as(at + " ip.ttl / ipv6.hlim").isEqualTo(t[1]);
            soft.assertThat((long) m.tos()).as(at + " ip.dsfield / ipv6.tclass").isEqualTo(t[2]);
            soft.assertThat((long) m.sourcePort()).as(at + " stt.stream_id").isEqualTo(row.number("stt.stream_id", 0));
            soft.assertThat((long) m.destinationPort()).as(at + " stt.dport").isEqualTo(row.number("stt.dport", 0));
            long offset = row.number("stt.seg_off", 0);
            boolean whole = offset == 0 && row.number("stt.pkt_len", 0) == bytes.length - m.transportIndex() - 20;
            soft.assertThat(v).as(at + " a whole frame or a piece").isEqualTo(whole ? Verdict.TUNNEL : Verdict.FRAGMENT);
            soft.assertThat(m.isPartial()).as(at).isEqualTo(!whole);
            if (offset == 0) {
                soft.assertThat(m.tunnelId()).as(at + " stt.context_id").isEqualTo(t[5]);
                soft.assertThat((long) m.flags()).as(at + " stt.flags").isEqualTo(t[6]);
                soft.assertThat(m.innerProtocol()).as(at).isEqualTo(0x6558);
                soft.assertThat(m.innerIndex()).as(at + " after the 18-octet frame header")
                        .isEqualTo(m.transportIndex() + 20 + 18);
            } else {
                soft.assertThat(m.hasTunnelId()).as(at + " a later segment has no Context ID").isFalse();
                soft.assertThat(m.flags()).as(at).isZero();
                soft.assertThat(m.innerIndex()).as(at).isEqualTo(m.transportIndex() + 20);
                soft.assertThat(m.innerProtocol()).as(at).isEqualTo(TunnelMetadata.NO_PROTOCOL);
            }
            if (!row.values("stt.context_id").isEmpty()) {
                // tshark completed a reassembly here: its frame header is the first segment's.
                soft.assertThat(row.number("stt.context_id", 0)).as(at + " reassembled stt.context_id")
                        .isEqualTo(f.number() == 1 || f.number() == 10 ? t[5] : firstSegmentContext(f.number()));
            }
        }
        soft.assertAll();
        assertThat(verdicts).containsExactly("1 TUNNEL 0x64", "2 FRAGMENT 0xabcdef", "3 FRAGMENT", "4 FRAGMENT",
                "5 FRAGMENT 0x1122334455667788", "6 FRAGMENT", "7 FRAGMENT 0x1122334455667788", "8 FRAGMENT 0x30",
                "9 FRAGMENT", "10 MALFORMED", "11 FRAGMENT 0x20", "12 FRAGMENT");
    }

    /** The Context ID of the first segment of the frame tshark reassembled on {@code frame} (golden reassembly table). */
    private static long firstSegmentContext(int frame) {
        TsharkGolden reassembly = TsharkGolden.of("stt-segments.reassembly");
        for (TsharkGolden.Row r : reassembly.rows()) {
            if (r.number("frame.number", 0) == frame) {
                return TSHARK_FIRST_SEGMENTS[(int) r.number("stt.segment", 0) - 1][5]; // in offset order: offset 0 first
            }
        }
        throw new AssertionError("frame " + frame + " completes no reassembly");
    }

    @Test
    void shouldCallAFrameHeaderOfAnotherVersionMalformedAsTheDecoderDoes() {
        // Frame 10 carries STT version 1: tshark decodes it with a warning; draft-davie-stt-08 §3.1
        // says a receiver discards it, and SttFrameDecoder refuses it.
        CapturedFrame f = Captures.generated("stt-segments.pcap").frames().get(9);
        assertThat(CLASSIFIER.classify(LinkType.ETHERNET, f.data(), new TunnelMetadata())).isEqualTo(Verdict.MALFORMED);
    }
}
