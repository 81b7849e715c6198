package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunnelcodec.stt.SttTestSupport.buffers;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.transport.TcpDecoder;

class SttSegmenterTest {
    static final Ipv4Address A = Ipv4Address.parse("192.0.2.1");
    static final Ipv4Address B = Ipv4Address.parse("192.0.2.2");

    /** An inner Ethernet frame: addresses, EtherType 0x0800 and a patterned body. */
    static ByteBuffer inner(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        if (length >= 14) {
            b[12] = 0x08;
            b[13] = 0x00;
        }
        return ByteBuffer.wrap(b);
    }

    @Test
    void shouldSegmentWithTheHeadersRealImplementationsSend() {
        ByteBuffer inner = inner(3000, 1);
        SttSegmenter s = SttSegmenter.ipv4(A, B, 64, 0);
        ByteBuffer[] out = buffers(4, 1500);
        int n = s.segment(SttFrameHeader.of(7), inner, 0x1234, 1448, 100, out);
        assertThat(n).isEqualTo(3).isEqualTo(SttSegmenter.segmentCount(3000, 1448));
        int expectedPort = FlowHash.sourcePort(FlowHash.ofEthernetFrame(inner, 0, 3000));
        for (int i = 0; i < n; i++) {
            ByteBuffer seg = out[i];
            assertThat(seg.position()).isZero();
            assertThat(Ipv4Decoder.verifyChecksum(seg, 0)).isTrue();
            assertThat(seg.getShort(4) & 0xFFFF).isEqualTo(100 + i); // IPv4 Identification
            assertThat(seg.get(6) & 0x40).isEqualTo(0x40); // DF
            SttSegmentHeader h = SttSegmentDecoder.decode(seg, 20, seg.limit()).header();
            assertThat(h.sourcePort()).isEqualTo(expectedPort);
            assertThat(h.destinationPort()).isEqualTo(7471);
            assertThat(h.frameLength()).isEqualTo(3018);
            assertThat(h.segmentOffset()).isEqualTo(1448 * i);
            assertThat(h.frameIdentifier()).isEqualTo(0x1234);
            assertThat(h.flags().ack()).isTrue();
            assertThat(h.flags().psh()).isEqualTo(i == n - 1);
            assertThat(h.window()).isEqualTo(65535);
            int tcpLength = seg.limit() - 20;
            assertThat(tcpLength - 20).isLessThanOrEqualTo(1448);
            assertThat(TcpDecoder.verifyChecksum(seg, 20, tcpLength, InternetChecksum.ipv4PseudoHeaderSum(A, B, 6, tcpLength)))
                    .isTrue();
        }
    }

    @Test
    void shouldLeaveThePseudoHeaderSumForTheNicWithChecksumOffload() {
        ByteBuffer inner = inner(2000, 3);
        ByteBuffer[] out = buffers(2, 1500);
        SttSegmenter.ipv4(A, B, 64, 0).withChecksumOffload().segment(SttFrameHeader.of(7), inner, 9, 1448, 0, out);
        for (ByteBuffer seg : out) {
            int tcpLength = seg.limit() - 20;
            int pseudo = InternetChecksum.ipv4PseudoHeaderSum(A, B, 6, tcpLength);
            assertThat(seg.getShort(20 + 16) & 0xFFFF).isEqualTo(pseudo);
            // What the NIC does: sum the segment with the field as it is, store the complement.
            int completed = ~InternetChecksum.sum(seg, 20, tcpLength) & 0xFFFF;
            seg.putShort(20 + 16, (short) completed);
            assertThat(TcpDecoder.verifyChecksum(seg, 20, tcpLength, pseudo)).isTrue();
        }
    }

    @Test
    void shouldRefuseAFrameLongerThan65535Octets() {
        SttSegmenter s = SttSegmenter.ipv4(A, B, 64, 0);
        assertThatThrownBy(() -> s.segment(SttFrameHeader.of(1), ByteBuffer.allocate(65535 - 17), 1, 1448, 0,
                buffers(46, 1500))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 65517");
        assertThatThrownBy(() -> SttSegmenter.segmentCount(100, 17)).isInstanceOf(IllegalArgumentException.class);
        ByteBuffer[] tooFew = buffers(1, 1500);
        assertThatThrownBy(() -> s.segment(SttFrameHeader.of(1), inner(3000, 2), 1, 1448, 0, tooFew))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tooFew[0].position()).isZero();
        assertThat(tooFew[0].array()).containsOnly(0);
    }

    @Property(tries = 300)
    void shouldReassembleWhatItSegmentsInAnyOrder(@ForAll @IntRange(min = 1, max = 20000) int length,
                                                   @ForAll @IntRange(min = 18, max = 9000) int mss,
                                                   @ForAll long seed, @ForAll boolean ipv6) {
        ByteBuffer inner = inner(length, (int) seed);
        SttSegmenter s = ipv6 ? SttSegmenter.ipv6(Ipv6Address.parse("2001:db8::1"), Ipv6Address.parse("2001:db8::2"), 64, 0)
                : SttSegmenter.ipv4(A, B, 64, 0);
        int n = SttSegmenter.segmentCount(length, mss);
        ByteBuffer[] out = buffers(n, mss + 60);
        s.segment(SttFrameHeader.of(seed), inner, seed & 0xFFFF_FFFFL, mss, 0, out);
        List<ByteBuffer> order = new ArrayList<>(List.of(out));
        Collections.shuffle(order, new Random(seed));
        // Up to 65535 / 18 segments per frame: room for all of them.
        SttReassembler r = new SttReassembler(new SttReassembler.Limits(16L << 20, 4, 3700, 1_000_000_000L, true, 7471));
        SttReassembly c = new SttReassembly();
        SttReassembler.Verdict last = null;
        for (ByteBuffer seg : order) {
            last = r.offer(seg, 0, c);
        }
        assertThat(last).isEqualTo(SttReassembler.Verdict.COMPLETE);
        assertThat(c.innerFrame()).isEqualTo(inner);
        assertThat(c.header().contextId()).isEqualTo(seed);
        assertThat(c.segments()).isEqualTo(n);
        assertThat(r.framesInFlight()).isZero();
        r.release(c);
        assertThat(c.pooled()).isFalse();
    }
}
