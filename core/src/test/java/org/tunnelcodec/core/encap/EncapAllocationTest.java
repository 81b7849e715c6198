package org.tunnelcodec.core.encap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL6;
import static org.tunnelcodec.core.encap.EncapPackets.REMOTE6;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.AllocationCounter;
import org.tunnelcodec.core.Ipv4Address;

/**
 * Push allocates nothing: after warm-up, {@link EncapTemplate#push} and {@link TemplateStore#push}
 * allocate 0 bytes per call, as {@link org.tunnelcodec.core.AllocationCounter} counts them.
 * Skipped on a JVM that cannot count.
 */
class EncapAllocationTest {
    @Test
    void shouldAllocateNothingToPushATemplate() {
        EncapTemplate vxlan = EncapTemplate.of(Ipv4TemplateHeader.of(EncapPackets.LOCAL4, EncapPackets.REMOTE4)
                        .withTimeToLive(Ipv4TemplateHeader.INHERIT).withDscp(Ipv4TemplateHeader.COPY),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), OpaqueHeader.vxlan(1));
        EncapTemplate v6 = EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6).withHopLimit(Ipv6TemplateHeader.INHERIT),
                UdpTemplateHeader.flowHash(4789, UdpChecksumMode.COMPUTE), OpaqueHeader.vxlan(1));
        ByteBuffer frame = EncapPackets.buffer(128, EncapPackets.ethernet(0x0800, 1, EncapPackets.ipv4(3, 4, 200)), 0);
        ByteBuffer direct = ByteBuffer.allocateDirect(frame.limit()).put(0, frame, 0, frame.limit());
        int end = frame.limit();
        int[] n = {0};
        long bytes = AllocationCounter.fewestBytesPerRound(() -> {
            int i = n[0]++;
            return (i & 1) == 0 ? vxlan.push(frame, 128, end, InnerType.ETHERNET)
                    : v6.push(direct, 128, end, InnerType.ETHERNET, i);
        });
        assertThat(bytes).as("bytes allocated by %d pushes", AllocationCounter.CALLS).isZero();
    }

    @Test
    void shouldAllocateNothingToPushFromAStoreByHandle() {
        TemplateStore store = new TemplateStore();
        for (int i = 0; i < 10_000; i++) {
            store.add(EncapTemplate.of(Ipv4TemplateHeader.of(EncapPackets.LOCAL4, Ipv4Address.of(i)),
                    UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), OpaqueHeader.vxlan(i)));
        }
        ByteBuffer frame = EncapPackets.buffer(64, EncapPackets.ethernet(0x86DD, 0, EncapPackets.ipv6(3, 4, 100)), 0);
        int end = frame.limit();
        int[] n = {0};
        long bytes = AllocationCounter.fewestBytesPerRound(() -> store.push((n[0]++ * 7919) % 10_000, frame, 64, end,
                InnerType.ETHERNET));
        assertThat(bytes).as("bytes allocated by %d pushes from random handles", AllocationCounter.CALLS).isZero();
    }
}
