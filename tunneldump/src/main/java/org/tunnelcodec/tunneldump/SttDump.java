package org.tunnelcodec.tunneldump;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.transport.TcpHeader;
import org.tunnelcodec.stt.SttFrameHeader;
import org.tunnelcodec.stt.SttReassembler;
import org.tunnelcodec.stt.SttSegmentHeader;

/**
 * STT in tunneldump: a segment is a TCP segment to port 7471, so the stateless dissector stops
 * at it; this class feeds each one to an {@link SttReassembler} (the default limits) and, when
 * a frame completes, dissects its inner Ethernet frame.
 */
final class SttDump {
    private final Dissector dissector;
    private final SttReassembler reassembler = new SttReassembler(SttReassembler.Limits.defaults());

    SttDump(Dissector dissector) {
        this.dissector = dissector;
    }

    /**
     * What the reassembler made of a frame's STT segment.
     *
     * @param segment the segment's STT view of its TCP header
     * @param result  the reassembler's result
     * @param inner   the inner frame's dissection when the result is complete, else null
     */
    record Outcome(SttSegmentHeader segment, SttReassembler.Result result, Dissection inner) {
        String text() {
            StringBuilder sb = new StringBuilder(String.format("  %-11s @-    id 0x%x offset %d of %d: ", "stt",
                    segment.frameIdentifier(), segment.segmentOffset(), segment.frameLength()));
            if (result instanceof SttReassembler.Complete c) {
                SttFrameHeader h = c.header();
                sb.append("frame complete from ").append(c.segments()).append(" segment").append(c.segments() == 1 ? "" : "s")
                        .append(c.congestionExperienced() ? ", CE" : "");
                sb.append(System.lineSeparator()).append(String.format("  %-11s @0    context 0x%x flags %s", "stt-frame",
                        h.contextId(), h.flags()));
                if (h.vlanPresent()) {
                    sb.append(" vlan ").append(h.vlanId()).append(" p ").append(h.priority());
                }
                if (h.flags().checksumPartial()) {
                    sb.append(" l4 offset ").append(h.l4Offset()).append(" mss ").append(h.maxSegmentSize());
                }
                for (DissectedLayer l : inner.layers()) {
                    sb.append(System.lineSeparator()).append(String.format("  %-11s @%-4d %s", l.name(), 18 + l.offset(),
                            l.summary()));
                }
                if (inner.isMalformed()) {
                    sb.append(System.lineSeparator()).append("  !! malformed ").append(inner.failedLayer()).append(": ")
                            .append(inner.error().getMessage());
                }
            } else if (result instanceof SttReassembler.Rejected r) {
                sb.append("!! rejected: ").append(r.reason());
            } else {
                sb.append("waiting for the rest of the frame");
            }
            return sb.toString();
        }
    }

    /** @return the outcome when the frame carries an STT segment, else null */
    Outcome offer(org.tunnelcodec.testdata.CapturedFrame frame, Dissection d) {
        List<DissectedLayer> layers = d.layers();
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).header() instanceof TcpHeader t && t.destinationPort() == SttSegmentHeader.PORT) {
                DissectedLayer ip = layers.get(i - 1);
                if (!(ip.header() instanceof Ipv4Header) && !(ip.header() instanceof Ipv6Header)) {
                    return null;
                }
                ByteBuffer data = frame.data();
                int start = ip.offset();
                int end = ip.offset() + ip.length() + ip.payloadLength();
                SttSegmentHeader segment;
                try {
                    segment = org.tunnelcodec.stt.SttSegmentCodec.decode(data, layers.get(i).offset(), end).header();
                } catch (org.tunnelcodec.core.MalformedPacketException e) {
                    return null; // the dissection already shows the TCP header
                }
                long now = frame.timestamp().getEpochSecond() * 1_000_000_000L + frame.timestamp().getNano();
                SttReassembler.Result result = reassembler.offer(data, start, end, now);
                Dissection inner = null;
                if (result instanceof SttReassembler.Complete c) {
                    inner = dissector.dissect(LinkType.ETHERNET, c.innerFrame());
                }
                return new Outcome(segment, result, inner);
            }
        }
        return null;
    }
}
