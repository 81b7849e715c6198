package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.testdata.Captures;

/**
 * The STT module's dissector layers on the generated STT capture (made by scapy from vectors S1
 * and S2 and cases of its own, see the captures README): stateless, a whole one-segment frame is
 * dissected through to the inner layers and a first segment shows its frame header; with the
 * reassembling bindings, frames complete where the reassembler completes them and the walk
 * continues in the reassembled frame.
 */
class SttLayersTest {
    private static List<String> names(Dissection d) {
        return d.layers().stream().map(DissectedLayer::name).toList();
    }

    @Test
    void shouldDissectWholeFramesAndShowFirstSegmentsFrameHeaderWithoutAReassembler() {
        Dissector d = Dissector.builder().add(CoreLayers.bindings()).add(SttLayers.bindings()).build();
        CaptureFile capture = Captures.generated("stt-segments.pcap");
        int whole = 0;
        int firsts = 0;
        for (CapturedFrame f : capture.frames()) {
            Dissection r = d.dissect(capture.linkType(), f.data());
            List<String> names = names(r);
            int segment = names.indexOf("stt-segment");
            if (segment < 0) {
                continue;
            }
            SttSegmentHeader h = (SttSegmentHeader) r.layers().get(segment).header();
            int payload = r.layers().get(segment).payloadLength();
            if (h.segmentOffset() == 0 && h.frameLength() == payload && !r.isMalformed()) {
                assertThat(names.subList(segment, names.size())).startsWith("stt-segment", "stt", "ethernet");
                whole++;
            } else if (h.segmentOffset() == 0 && !r.isMalformed()) {
                assertThat(names.subList(segment, names.size())).containsExactly("stt-segment", "stt");
                firsts++;
            } else if (!r.isMalformed()) {
                assertThat(names.get(names.size() - 1)).isEqualTo("stt-segment");
            }
        }
        assertThat(whole).isPositive();
        assertThat(firsts).isPositive();
    }

    @Test
    void shouldContinueInTheReassembledFrameWhereTheReassemblerCompletesIt() {
        CaptureFile capture = Captures.generated("stt-segments.pcap");
        SttLayers.Reassembly stt = SttLayers.reassembling(new SttReassembler(SttReassembler.Limits.defaults()));
        Dissector d = Dissector.builder().add(CoreLayers.bindings()).add(stt.bindings()).build();
        // The same segments offered straight to a reassembler of their own, as the reference.
        SttReassembler reference = new SttReassembler(SttReassembler.Limits.defaults());
        SttReassembly c = new SttReassembly();
        int completed = 0;
        long now = 0;
        for (CapturedFrame f : capture.frames()) {
            now += 1_000_000;
            Dissection r = d.dissect(capture.linkType(), f.data(), f.originalLength(), now);
            List<String> names = names(r);
            int segment = names.indexOf("stt-segment");
            if (segment < 0) {
                continue;
            }
            DissectedLayer tcp = r.layers().get(segment - 1);
            DissectedLayer ip = r.layers().get(segment - 2);
            ByteBuffer data = f.data();
            SttReassembler.Verdict expected = reference.offer(data, ip.offset(), ip.offset() + ip.length()
                    + ip.payloadLength(), now, c);
            assertThat(tcp.name()).isEqualTo("tcp");
            assertThat(stt.lastVerdict()).isEqualTo(expected);
            if (expected == SttReassembler.Verdict.COMPLETE) {
                completed++;
                assertThat(names.subList(segment, names.size())).startsWith("stt-segment", "stt", "ethernet");
                DissectedLayer header = r.layers().get(segment + 1);
                assertThat(header.buffer()).isEqualTo(1);
                assertThat(header.offset()).isZero();
                assertThat(header.header()).isEqualTo(c.header()).isEqualTo(stt.lastFrame().header());
                assertThat(r.layers().get(segment + 2).offset()).isEqualTo(18);
                reference.release(c);
            } else {
                assertThat(names.get(names.size() - 1)).isEqualTo("stt-segment");
            }
        }
        assertThat(completed).isPositive();
        assertThat(stt.reassembler().stats().completed()).isEqualTo(reference.stats().completed());
    }
}
