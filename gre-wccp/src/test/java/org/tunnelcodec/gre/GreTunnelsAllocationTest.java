package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.testdata.AllocationMeter;
import org.tunnelcodec.testdata.Captures;

/**
 * Classifying GRE allocates nothing: every frame of {@code gre-variants.pcap} (GRE with and
 * without key, checksum and routing, over IPv4 and IPv6, GRE-in-UDP, PPTP, WCCPv1 and v2 over
 * IPv4 and IPv6), after warm-up, 0 bytes per classification ({@link AllocationMeter}).
 */
class GreTunnelsAllocationTest {
    @Test
    void shouldAllocateNothingToClassifyEveryGreVariant() {
        TunnelClassifier c = TunnelClassifier.builder().add(CoreTunnels.bindings()).add(GreTunnels.bindings()).build();
        List<CapturedFrame> frames = Captures.generated("gre-variants.pcap").frames();
        ByteBuffer[] buffers = frames.stream().map(f -> {
            ByteBuffer b = ByteBuffer.allocate(f.data().remaining()).put(f.data().duplicate());
            return b.flip();
        }).toArray(ByteBuffer[]::new);
        TunnelMetadata m = new TunnelMetadata();
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            ByteBuffer f = buffers[next[0]++ % buffers.length];
            int v = c.classify(LinkType.ETHERNET, f, 0, f.limit(), m).ordinal();
            return v + m.type().value() + (int) m.tunnelId() + m.flags() + m.innerIndex() + m.innerLength()
                    + m.innerProtocol() + m.carrier().value() + m.ttl() + m.destinationPort();
        });
        assertThat(bytes).as("bytes allocated by %d classifications", AllocationMeter.CALLS).isZero();
    }
}
