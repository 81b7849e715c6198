package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.tunnel.TunnelBinding;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;

/**
 * The STT module's tunnel binding for a {@link org.tunnelcodec.core.tunnel.TunnelClassifier}:
 * TCP destination port 7471 (draft-davie-stt-08 §5), as {@link SttLayers} binds the segment.
 * Stateless: it reads one segment and never reassembles.
 *
 * <p>The classifier has checked the TCP header's length and recorded its ports (the Source
 * Port is the flow entropy, draft-davie-stt-08 §3.2). The segment header, which is that TCP
 * header, is checked by the decoder's own {@code SttSegmentDecoder.checked} and
 * {@code checkPayload} (Data Offset 5, Frame Length at least 18, Segment Offset below it, the
 * payload within the frame), as the dissector's segment layer checks it. Then, by Segment
 * Offset:
 * <ul>
 *   <li><b>0, the segment that carries the frame header.</b> The 18-octet frame header is
 *       checked by {@code SttFrameDecoder.checked} (Version 0, C and P not both set, §3.1).
 *       Tunnel id: the 64-bit Context ID; flags: the Flags octet as on the wire (0x01 C, 0x02 P,
 *       0x04 IPv4, 0x08 TCP, the masks Open vSwitch sends). The inner packet is the Ethernet
 *       frame after the header (0x6558). When Frame Length equals the segment's payload, the
 *       segment is the whole frame and the verdict is {@code TUNNEL}; otherwise the inner range
 *       is the start of the frame only, marked {@link TunnelMetadata#isPartial()}, and the
 *       verdict is {@code FRAGMENT}: the Context ID is known from the first segment on, so a
 *       receiver can refuse an unknown virtual network before it reassembles.</li>
 *   <li><b>Any other, a later segment.</b> It has no frame header, so no Context ID and flags 0:
 *       the verdict is {@code FRAGMENT}, type {@link TunnelType#STT}, with the outer fields and
 *       ports, and the inner range is the segment's piece of the frame (from Segment Offset
 *       on), with no protocol ({@link TunnelMetadata#NO_PROTOCOL}). Offer the packet (from
 *       {@link TunnelMetadata#ipIndex()}) to an {@link SttReassembler}; the frame it completes
 *       gives the Context ID ({@link SttReassembly#contextId()}) and the inner Ethernet frame
 *       ({@link SttReassembly#innerFrame()}).</li>
 * </ul>
 * A Version other than 0 or C with P is {@code MALFORMED}, as the decoder refuses it.
 */
public final class SttTunnels {
    private SttTunnels() {
    }

    /**
     * Returns the binding of TCP destination port 7471.
     *
     * @return the binding, to add to a {@link org.tunnelcodec.core.tunnel.TunnelClassifier.Builder}
     */
    public static List<TunnelBinding> bindings() {
        return List.of(new TunnelBinding(LayerKey.tcpPort(SttSegmentHeader.PORT), SttTunnels::segment));
    }

    private static void segment(ByteBuffer src, int index, int limit, TunnelMetadata out) {
        int tcp = out.transportIndex();
        if (tcp < 0) {
            throw new IllegalStateException("the STT extractor is bound to a TCP port (expected: a TCP header before "
                    + index + ")");
        }
        long w0 = SttSegmentDecoder.checked(src, tcp, limit); // Data Offset 5: the payload starts at tcp + 20
        int frameLength = (int) (w0 >>> 16) & 0xFFFF;
        int segmentOffset = (int) w0 & 0xFFFF;
        int payloadLength = limit - index;
        SttSegmentDecoder.checkPayload(frameLength, segmentOffset, payloadLength);
        if (segmentOffset != 0) {
            out.tunnel(TunnelType.STT, 0).inner(index, payloadLength, TunnelMetadata.NO_PROTOCOL).partial();
            return;
        }
        long f0 = SttFrameDecoder.checked(src, index, limit);
        int inner = index + SttLayout.FRAME_HEADER_LENGTH;
        out.tunnel(TunnelType.STT, (int) (f0 >>> 48) & 0xFF).id(Wire.i64(src, index + 8)) // Flags, Context ID
                .inner(inner, limit - inner, EtherType.TRANSPARENT_ETHERNET_BRIDGING.value());
        if (frameLength != payloadLength) {
            out.partial();
        }
    }
}
