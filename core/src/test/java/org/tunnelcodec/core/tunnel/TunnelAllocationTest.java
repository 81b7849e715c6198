package org.tunnelcodec.core.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.AllocationCounter;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * Classification allocates nothing: after warm-up, classifying IP-in-IP frames, frames that are
 * not tunnels, an outer fragment and an outer IP header {@code IpScan} refuses allocates 0 bytes
 * per call, directly and from a {@link FrameWalk}, as {@link AllocationCounter} counts them.
 * Skipped on a JVM that cannot count.
 */
class TunnelAllocationTest {
    @Test
    void shouldAllocateNothingToClassifyAnyVerdictThatNeedsNoException() {
        TunnelClassifier c = TunnelClassifier.builder().add(CoreTunnels.bindings()).build();
        byte[] fragment = TunnelVectors.bytes(TunnelVectors.IPV4_IN_IPV4);
        fragment[20] |= 0x20;
        byte[] badIpv4 = TunnelVectors.bytes(TunnelVectors.IPV4_IN_IPV4);
        badIpv4[14] = 0x43;
        ByteBuffer[] frames = {TunnelVectors.frame(TunnelVectors.IPV4_IN_IPV4), TunnelVectors.frame(TunnelVectors.IPV6_IN_IPV4),
            TunnelVectors.frame(TunnelVectors.IPV4_IN_IPV6), TunnelVectors.frame(TunnelVectors.IPV6_IN_IPV6),
            TunnelVectors.frame(TunnelVectors.IPV4_UDP_DNS), TunnelVectors.frame(TunnelVectors.QINQ_IPV6_UDP),
            ByteBuffer.wrap(fragment), ByteBuffer.wrap(badIpv4)};
        TunnelMetadata m = new TunnelMetadata();
        int[] next = {0};
        long bytes = AllocationCounter.fewestBytesPerRound(() -> {
            ByteBuffer f = frames[next[0]++ % frames.length];
            int v = c.classify(LinkType.ETHERNET, f, 0, f.limit(), m).ordinal();
            return v + m.type().value() + m.innerIndex() + m.innerLength() + m.ttl() + m.tos() + m.ipv4SourceBits()
                    + (int) m.ipv6SourceLow() + m.flowLabel() + m.innerProtocol() + (m.hasTunnelId() ? 1 : 0);
        });
        assertThat(bytes).as("bytes allocated by %d classifications", AllocationCounter.CALLS).isZero();
    }

    @Test
    void shouldAllocateNothingToClassifyFromAWalk() {
        TunnelClassifier c = TunnelClassifier.builder().add(CoreTunnels.bindings()).build();
        FrameWalk walk = Dissector.builder().add(CoreLayers.bindings()).build().newWalk();
        ByteBuffer f = TunnelVectors.frame(TunnelVectors.IPV6_IN_IPV6);
        TunnelMetadata m = new TunnelMetadata();
        long bytes = AllocationCounter.fewestBytesPerRound(() -> {
            walk.wrap(LinkType.ETHERNET, f);
            int sum = 0;
            while (walk.next()) {
                if (walk.layer() == CoreLayers.IPV6) {
                    sum += c.classify(walk, m).ordinal() + m.innerIndex();
                }
            }
            return sum;
        });
        assertThat(bytes).isZero();
    }

    @Test
    void shouldCountTheExceptionOfAMalformedHeaderThatADecoderThrows() {
        // The measurement is not blind: a malformed Ethernet header makes EthernetDecoder throw,
        // and the classifier's MALFORMED costs that exception (no stack trace), as the walk's does.
        TunnelClassifier c = TunnelClassifier.builder().add(CoreTunnels.bindings()).build();
        ByteBuffer runt = ByteBuffer.wrap(new byte[10]);
        TunnelMetadata m = new TunnelMetadata();
        long bytes = AllocationCounter.fewestBytesPerRound(() -> c.classify(LinkType.ETHERNET, runt, m).ordinal());
        assertThat(bytes).isGreaterThanOrEqualTo(AllocationCounter.CALLS * 16L);
    }
}
