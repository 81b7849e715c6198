package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LayerStep;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.dissect.ProtocolLayer;

/**
 * The STT module's layers for the {@link org.tunnelcodec.core.dissect.Dissector}: an STT segment
 * behind TCP port 7471, then the STT frame header and the inner Ethernet frame.
 *
 * <p><b>The segment layer.</b> STT reuses TCP's header as its segment header (draft-davie-stt-08
 * §3.2, Data Offset 5), so the dissector's TCP layer has already read those 20 octets. The
 * {@code "stt-segment"} layer is bound behind TCP port 7471; its header is empty and its record
 * is the STT reading of the TCP header just before it ({@link SttSegmentHeader}: Frame Length,
 * Segment Offset, Frame Identifier). Its checks are {@link SttSegmentDecoder}'s, plus that the
 * segment's payload ends within the frame.
 *
 * <p><b>Without a reassembler</b> ({@link #bindings()}), a segment that holds a whole frame
 * goes on to the {@code "stt"} frame header and the inner Ethernet frame; the first segment of
 * a larger frame shows the frame header and stops there, and a later segment ends the walk,
 * its payload undecoded, as an IP fragment does.
 *
 * <p><b>With a reassembler</b> ({@link #reassembling}), each segment is offered to the
 * caller's {@link SttReassembler} with the outer IP packet around it and the capture time the
 * walk was given; the segment that completes a frame continues the walk in the reassembled
 * frame (layer offsets then count in that buffer). That binding is stateful, as the reassembler
 * is: one per reassembler, on one thread.
 */
public final class SttLayers {
    /** The space of the STT frame key: the frame header follows a segment that starts or completes a frame. */
    public static final KeySpace STT_FRAME = KeySpace.of(80, "stt.frame");

    /** The STT segment, stateless: whole frames only. */
    public static final ProtocolLayer<SttSegmentHeader> SEGMENT = ProtocolLayer.of(SttSegmentHeader.PROTOCOL,
            SttLayers::walkWholeSegment, SttLayers::decodeSegment, SttLayers::segmentSummary);

    /** The STT frame header, followed by the inner Ethernet frame. */
    public static final ProtocolLayer<SttFrameHeader> FRAME = ProtocolLayer.of(SttFrameHeader.PROTOCOL, SttLayers::walkFrame,
            SttFrameDecoder::decode, SttLayers::frameSummary);

    /**
     * The STT frame header at the start of the first segment of a frame that goes on in later
     * segments: the header is whole, the inner frame is not, so nothing after it is decoded.
     */
    public static final ProtocolLayer<SttFrameHeader> FRAME_START = ProtocolLayer.of(SttFrameHeader.PROTOCOL, SttLayers::walkFrameStart,
            SttFrameDecoder::decode, SttLayers::frameSummary);

    private SttLayers() {
    }

    /**
     * Returns the stateless bindings: a segment that is a whole frame is dissected through.
     *
     * @return the stateless bindings: a segment that is a whole frame is dissected through
     */
    public static List<LayerBinding> bindings() {
        return List.of(new LayerBinding(LayerKey.tcpPort(SttSegmentHeader.PORT), SEGMENT),
                new LayerBinding(new LayerKey(STT_FRAME, 0), FRAME),
                new LayerBinding(new LayerKey(STT_FRAME, 1), FRAME_START));
    }

    /**
     * Bindings that reassemble STT frames across segments with the caller's reassembler.
     *
     * @param reassembler the reassembler; the bindings offer it every segment the dissector sees
     * @return the reassembling bindings and what the last segment led to
     */
    public static Reassembly reassembling(SttReassembler reassembler) {
        return new Reassembly(reassembler);
    }

    /**
     * STT bindings around a caller's {@link SttReassembler}. Stateful and not thread-safe, like
     * the reassembler: one per reassembler, used by one thread.
     *
     * <p>A completed frame's buffer stays valid until the next segment is offered through these
     * bindings, which gives it back to the reassembler's pool; {@link #release()} gives it back
     * sooner.
     */
    public static final class Reassembly {
        private final SttReassembler reassembler;
        private final ProtocolLayer<SttSegmentHeader> segment;
        private final SttReassembly frame = new SttReassembly();
        private SttReassembler.Verdict last;

        private Reassembly(SttReassembler reassembler) {
            this.reassembler = Objects.requireNonNull(reassembler, "reassembler");
            this.segment = ProtocolLayer.of(SttSegmentHeader.PROTOCOL, this::walkSegment, SttLayers::decodeSegment,
                    SttLayers::segmentSummary);
        }

        /**
         * Returns the bindings, to add to a dissector beside the core ones.
         *
         * @return the bindings, to add to a dissector beside the core ones
         */
        public List<LayerBinding> bindings() {
            return List.of(new LayerBinding(LayerKey.tcpPort(SttSegmentHeader.PORT), segment),
                    new LayerBinding(new LayerKey(STT_FRAME, 0), FRAME));
        }

        /**
         * Returns the reassembler.
         *
         * @return the reassembler
         */
        public SttReassembler reassembler() {
            return reassembler;
        }

        /**
         * What the last segment the dissector saw led to.
         *
         * @return the verdict, or {@code null} before the first segment and when the last one
         *     was not offered (no outer IP header to key it by, or cut by the capture)
         */
        public SttReassembler.Verdict lastVerdict() {
            return last;
        }

        /**
         * The frame the last segment completed, when {@link #lastVerdict()} is
         * {@link SttReassembler.Verdict#COMPLETE}; the holder is reused for every frame.
         *
         * @return the holder of the last complete frame
         */
        public SttReassembly lastFrame() {
            return frame;
        }

        /** Gives the last completed frame's buffer back to the reassembler's pool now. */
        public void release() {
            reassembler.release(frame);
        }

        private void walkSegment(ByteBuffer src, int index, int limit, LayerStep out) {
            checkSegment(src, index, limit);
            out.lengths(0, limit - index);
            release();
            last = null;
            int ip = out.outerIndex(2);
            if (ip < 0 || out.outerEnd(2) > out.capturedEnd()) {
                // No IP header to key the frame by, or a segment the capture cut: not offered.
                return;
            }
            last = reassembler.offer(src, ip, out.outerEnd(2), out.timestampNanos(), frame);
            if (last == SttReassembler.Verdict.COMPLETE) {
                ByteBuffer f = frame.frame();
                if (f.position() != 0) {
                    f = f.slice(); // a frame that came in one segment: offsets count from the frame, as for the others
                }
                out.next(STT_FRAME, 0).continueIn(f, 0, f.remaining());
            }
        }
    }

    /**
     * The checks of the segment header in the 20 octets before {@code index}, exactly as
     * {@link #decodeSegment} makes them; returns the header's first word.
     */
    private static long checkSegment(ByteBuffer src, int index, int limit) {
        int tcp = index - SttLayout.SEGMENT_HEADER_LENGTH;
        if (tcp < 0) {
            throw MalformedPacketException.truncated(SttSegmentHeader.PROTOCOL, "Source Port", -SttLayout.SEGMENT_HEADER_LENGTH,
                    SttLayout.SEGMENT_HEADER_LENGTH, index);
        }
        try {
            long w0 = SttSegmentDecoder.checked(src, tcp, limit);
            SttSegmentDecoder.checkPayload((int) (w0 >>> 16) & 0xFFFF, (int) w0 & 0xFFFF, limit - index);
            return w0;
        } catch (MalformedPacketException e) {
            throw e.withOffset(tcp - index); // offsets from this layer's index, as the walk expects
        }
    }

    private static void walkWholeSegment(ByteBuffer src, int index, int limit, LayerStep out) {
        long w0 = checkSegment(src, index, limit);
        int frameLength = (int) (w0 >>> 16) & 0xFFFF;
        out.lengths(0, limit - index);
        if ((w0 & 0xFFFF) == 0) { // the first segment: the frame header is here
            out.next(STT_FRAME, frameLength == limit - index ? 0 : 1);
        }
    }

    /** The segment header is the 20 octets before the segment's payload (Data Offset 5). */
    private static Decoded<SttSegmentHeader> decodeSegment(ByteBuffer src, int index, int limit) {
        checkSegment(src, index, limit);
        SttSegmentHeader h = SttSegmentDecoder.decode(src, index - SttLayout.SEGMENT_HEADER_LENGTH, limit).header();
        return Decoded.of(h, 0, src, index, limit - index);
    }

    private static void walkFrame(ByteBuffer src, int index, int limit, LayerStep out) {
        SttFrameDecoder.checked(src, index, limit);
        out.lengths(SttLayout.FRAME_HEADER_LENGTH, limit - index - SttLayout.FRAME_HEADER_LENGTH)
                .next(KeySpace.LINK_TYPE, LinkType.ETHERNET.value());
    }

    private static void walkFrameStart(ByteBuffer src, int index, int limit, LayerStep out) {
        SttFrameDecoder.checked(src, index, limit);
        out.lengths(SttLayout.FRAME_HEADER_LENGTH, limit - index - SttLayout.FRAME_HEADER_LENGTH);
    }

    private static String segmentSummary(SttSegmentHeader h) {
        return String.format("id 0x%x offset %d of %d", h.frameIdentifier(), h.segmentOffset(), h.frameLength());
    }

    private static String frameSummary(SttFrameHeader h) {
        StringBuilder sb = new StringBuilder(String.format("context 0x%x flags %s", h.contextId(), h.flags()));
        if (h.vlanPresent()) {
            sb.append(" vlan ").append(h.vlanId()).append(" p ").append(h.priority());
        }
        if (h.flags().checksumPartial()) {
            sb.append(" l4 offset ").append(h.l4Offset()).append(" mss ").append(h.maxSegmentSize());
        }
        return sb.toString();
    }
}
