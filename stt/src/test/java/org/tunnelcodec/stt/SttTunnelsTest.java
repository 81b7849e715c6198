package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.TunnelBinding;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.testdata.AllocationMeter;
import org.tunnelcodec.testdata.Captures;

/**
 * What the STT binding does with the segments that do not carry the frame header, as its class
 * documents: a {@code FRAGMENT} whose packet the caller offers to an {@link SttReassembler},
 * whose completed frame has the Context ID; the binding only behind a TCP header; no allocation.
 */
class SttTunnelsTest {
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(SttTunnels.bindings()).build();
    private static final List<CapturedFrame> FRAMES = Captures.generated("stt-segments.pcap").frames();

    @Test
    void shouldHandLaterSegmentsToTheReassemblerWhoseFrameHasTheContextId() {
        SttReassembler reassembler = new SttReassembler(SttReassembler.Limits.defaults());
        SttReassembly frame = new SttReassembly();
        TunnelMetadata m = new TunnelMetadata();
        long firstContext = -1;
        // Frames 4, 5, 6: the last segment first, then the first (which has the frame header), then the middle.
        for (int n : new int[] {4, 5, 6}) {
            ByteBuffer packet = FRAMES.get(n - 1).data();
            assertThat(CLASSIFIER.classify(LinkType.ETHERNET, packet, m)).isEqualTo(Verdict.FRAGMENT);
            assertThat(m.type()).isEqualTo(TunnelType.STT);
            assertThat(m.isPartial()).isTrue();
            if (m.hasTunnelId()) {
                firstContext = m.tunnelId();
            }
            SttReassembler.Verdict r = reassembler.offer(packet, m.ipIndex(), packet.limit(), n * 1_000_000L, frame);
            assertThat(r).isEqualTo(n == 6 ? SttReassembler.Verdict.COMPLETE : SttReassembler.Verdict.INCOMPLETE);
        }
        assertThat(firstContext).isEqualTo(0x1122334455667788L);
        assertThat(frame.contextId()).isEqualTo(firstContext);
        assertThat(frame.frameLength()).isEqualTo(3000);
        reassembler.release(frame);
    }

    @Test
    void shouldDescribeAWholeFrameSegment() {
        TunnelMetadata m = new TunnelMetadata();
        assertThat(CLASSIFIER.classify(LinkType.ETHERNET, FRAMES.get(0).data(), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.tunnelId()).isEqualTo(0x64);
        assertThat(m.flags()).as("C").isEqualTo(0x01);
        assertThat(m.transportIndex()).isEqualTo(34);
        assertThat(m.headerIndex()).as("the frame header after the TCP-like header").isEqualTo(54);
        assertThat(m.innerIndex()).isEqualTo(72);
        assertThat(m.innerLength()).isEqualTo(46);
        assertThat(m.innerLinkType()).isEqualTo(LinkType.ETHERNET);
    }

    @Test
    void shouldRefuseToRunWithoutATcpHeaderBeforeIt() {
        TunnelBinding stt = SttTunnels.bindings().get(0);
        TunnelClassifier wrong = TunnelClassifier.builder().add(new TunnelBinding(LayerKey.ipProtocol(253), stt.extractor()))
                .build();
        byte[] experimental = new byte[FRAMES.get(0).data().remaining()];
        FRAMES.get(0).data().duplicate().get(experimental);
        experimental[14 + 9] = (byte) 253; // IP protocol 253 (RFC 3692): no TCP header is read before the extractor
        assertThatThrownBy(() -> wrong.classify(LinkType.ETHERNET, ByteBuffer.wrap(experimental), new TunnelMetadata()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TCP");
    }

    @Test
    void shouldAllocateNothingToClassifySegments() {
        // Every segment but frame 10, whose version 1 frame header is MALFORMED through
        // SttFrameDecoder's exception (a malformed packet costs its exception).
        ByteBuffer[] buffers = FRAMES.stream().filter(f -> f.number() != 10)
                .map(f -> ByteBuffer.allocate(f.data().remaining()).put(f.data().duplicate()).flip())
                .toArray(ByteBuffer[]::new);
        TunnelMetadata m = new TunnelMetadata();
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            ByteBuffer f = buffers[next[0]++ % buffers.length];
            return CLASSIFIER.classify(LinkType.ETHERNET, f, 0, f.limit(), m).ordinal() + (int) m.tunnelId() + m.innerIndex()
                    + m.sourcePort() + m.flags();
        });
        assertThat(bytes).isZero();
    }
}
