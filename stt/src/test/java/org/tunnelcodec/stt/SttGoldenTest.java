package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.transport.TcpHeader;
import org.tunnelcodec.core.transport.UdpHeader;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Golden test: {@code stt-segments.pcap} was made by an independent encoder (scapy with raw TCP,
 * {@code testdata/scripts/make-captures.py}) from vectors S1 and S2 and cases of its own (see the
 * captures README); the expected values are what Wireshark's STT dissector (tshark 4.0.17,
 * {@code testdata/scripts/tshark-golden-stt.sh}) decoded and reassembled from it.
 *
 * <p>Where tshark and the draft differ, the draft wins and the test says so: frame 10 has
 * version 1, which tshark decodes with a warning and a receiver must discard (draft-davie-stt-08
 * §3.1); frames 11
 * and 12 carry different Frame Lengths for one frame, which tshark leaves unreassembled and we
 * refuse, dropping the frame.
 */
class SttGoldenTest {
    private static final String NAME = "stt-segments.pcap";

    @Test
    void shouldReassembleWhereTsharkReassemblesAndDecodeTheSameFields() {
        CaptureFile capture = Captures.generated(NAME);
        TsharkGolden stt = TsharkGolden.of("stt-segments.stt");
        TsharkGolden reassembly = TsharkGolden.of("stt-segments.reassembly");
        Map<Integer, TsharkGolden.Row> completions = new HashMap<>();
        for (TsharkGolden.Row row : reassembly.rows()) {
            completions.put((int) row.number("frame.number", 0), row);
        }
        Dissector inner = Dissector.builder().add(CoreLayers.bindings()).build();
        SttReassembler r = new SttReassembler(SttReassembler.Limits.defaults());
        SttReassembly c = new SttReassembly();
        SoftAssertions soft = new SoftAssertions();
        int completed = 0;
        for (CapturedFrame frame : capture.frames()) {
            int number = frame.number();
            ByteBuffer outer = frame.data().position(14); // Ethernet, then the outer IP packet
            SttReassembler.Verdict result = r.offer(outer, number * 1_000_000L, c);
            TsharkGolden.Row row = stt.frame(number);
            String at = NAME + " #" + number;
            if (number == 10) {
                soft.assertThat(result).as(at + " version 1 (tshark: decoded with a warning)")
                        .isEqualTo(SttReassembler.Verdict.BAD_FRAME_HEADER);
                continue;
            }
            if (number == 12) {
                soft.assertThat(result).as(at + " Frame Length 600 after 500 (tshark: not reassembled)")
                        .isEqualTo(SttReassembler.Verdict.LENGTH_MISMATCH);
                continue;
            }
            boolean tsharkComplete = number == 1 || completions.containsKey(number);
            soft.assertThat(result == SttReassembler.Verdict.COMPLETE).as(at + " complete").isEqualTo(tsharkComplete);
            if (result != SttReassembler.Verdict.COMPLETE) {
                continue;
            }
            completed++;
            SttFrameHeader h = c.header();
            num(soft, row, at, "stt.pkt_len", 0, c.frame().remaining());
            num(soft, row, at, "stt.pkt_id", 0, c.frameIdentifier());
            num(soft, row, at, "stt.version", 0, h.version());
            num(soft, row, at, "stt.flags", 0, h.flags().bits());
            num(soft, row, at, "stt.l4offset", 0, h.l4Offset());
            num(soft, row, at, "stt.reserved", 0, h.reserved());
            num(soft, row, at, "stt.mss", 0, h.maxSegmentSize());
            num(soft, row, at, "stt.vlan.pcp", 0, h.priority());
            num(soft, row, at, "stt.vlan.v", 0, h.vlanPresent() ? 1 : 0);
            num(soft, row, at, "stt.vlan.id", 0, h.vlanId());
            num(soft, row, at, "stt.context_id", 0, h.contextId());
            num(soft, row, at, "stt.padding", 0, h.padding());
            if (completions.containsKey(number)) {
                num(soft, row, at, "stt.segment.count", 0, c.segments(), completions.get(number));
            }
            // The inner frame, dissected by core, against tshark's second Ethernet and IP occurrences.
            Dissection d = inner.dissect(LinkType.ETHERNET, c.innerFrame());
            List<DissectedLayer> layers = d.layers();
            EthernetHeader eth = (EthernetHeader) layers.get(0).header();
            soft.assertThat(eth.source().toString()).as(at + " inner eth.src").isEqualTo(row.value("eth.src", 1));
            soft.assertThat(eth.destination().toString()).as(at + " inner eth.dst").isEqualTo(row.value("eth.dst", 1));
            for (DissectedLayer l : layers) {
                if (l.header() instanceof Ipv4Header ip) {
                    soft.assertThat(ip.source().toString()).as(at + " inner ip.src").isEqualTo(row.value("ip.src", 1));
                    soft.assertThat(ip.destination().toString()).as(at + " inner ip.dst").isEqualTo(row.value("ip.dst", 1));
                } else if (l.header() instanceof UdpHeader u) {
                    num(soft, row, at, "udp.srcport", 0, u.sourcePort());
                    num(soft, row, at, "udp.dstport", 0, u.destinationPort());
                    num(soft, row, at, "udp.checksum", 0, u.checksum());
                } else if (l.header() instanceof TcpHeader t) {
                    num(soft, row, at, "tcp.srcport", 0, t.sourcePort());
                    num(soft, row, at, "tcp.dstport", 0, t.destinationPort());
                    num(soft, row, at, "tcp.checksum", 0, t.checksum());
                }
            }
            r.release(c);
        }
        soft.assertAll();
        assertThat(completed).isEqualTo(4);
        assertThat(r.count(SttReassembler.Verdict.LENGTH_MISMATCH)).isEqualTo(1);
    }

    private static void num(SoftAssertions soft, TsharkGolden.Row row, String at, String field, int i, long ours) {
        soft.assertThat(ours).as(at + " " + field).isEqualTo(row.number(field, i));
    }

    private static void num(SoftAssertions soft, TsharkGolden.Row unused, String at, String field, int i, long ours,
                            TsharkGolden.Row row) {
        soft.assertThat(ours).as(at + " " + field).isEqualTo(row.number(field, i));
    }
}
