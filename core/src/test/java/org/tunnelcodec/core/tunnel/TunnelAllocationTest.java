package org.tunnelcodec.core.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * Classification allocates nothing: after warm-up, classifying IP-in-IP frames, frames that are
 * not tunnels, an outer fragment and an outer IP header {@code IpScan} refuses allocates 0 bytes
 * per call, directly and from a {@link FrameWalk}, as
 * {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes} counts them (through a method
 * handle: core's test sources read no management module; see the MPLS module's
 * {@code MplsAllocationTest}). Skipped on a JVM that cannot count.
 */
class TunnelAllocationTest {
    private static final int WARM_UP = 50_000;
    private static final int CALLS = 10_000;
    private static final int ROUNDS = 5;
    private static MethodHandle allocatedBytes;

    @BeforeAll
    static void allocationCounting() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Class<?> counting;
        try {
            counting = Class.forName("com.sun.management.ThreadMXBean");
        } catch (ClassNotFoundException e) {
            counting = null;
        }
        assumeTrue(counting != null && counting.isInstance(bean), "no com.sun.management.ThreadMXBean");
        assumeTrue((Boolean) counting.getMethod("isThreadAllocatedMemorySupported").invoke(bean),
                "thread allocation counting not supported");
        if (!(Boolean) counting.getMethod("isThreadAllocatedMemoryEnabled").invoke(bean)) {
            counting.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
        }
        allocatedBytes = MethodHandles.publicLookup()
                .findVirtual(counting, "getThreadAllocatedBytes", MethodType.methodType(long.class, long.class)).bindTo(bean);
    }

    private static long allocated(long threadId) {
        try {
            return (long) allocatedBytes.invokeExact(threadId);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static long fewestBytesPerRound(IntSupplier call) {
        long id = Thread.currentThread().getId();
        int sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += call.getAsInt();
        }
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long before = allocated(id);
            for (int i = 0; i < CALLS; i++) {
                sink += call.getAsInt();
            }
            fewest = Math.min(fewest, allocated(id) - before);
        }
        assertThat(sink).isNotEqualTo(42);
        return fewest;
    }

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
        long bytes = fewestBytesPerRound(() -> {
            ByteBuffer f = frames[next[0]++ % frames.length];
            int v = c.classify(LinkType.ETHERNET, f, 0, f.limit(), m).ordinal();
            return v + m.type().value() + m.innerIndex() + m.innerLength() + m.ttl() + m.tos() + m.ipv4SourceBits()
                    + (int) m.ipv6SourceLow() + m.flowLabel() + m.innerProtocol() + (m.hasTunnelId() ? 1 : 0);
        });
        assertThat(bytes).as("bytes allocated by %d classifications", CALLS).isZero();
    }

    @Test
    void shouldAllocateNothingToClassifyFromAWalk() {
        TunnelClassifier c = TunnelClassifier.builder().add(CoreTunnels.bindings()).build();
        FrameWalk walk = Dissector.builder().add(CoreLayers.bindings()).build().newWalk();
        ByteBuffer f = TunnelVectors.frame(TunnelVectors.IPV6_IN_IPV6);
        TunnelMetadata m = new TunnelMetadata();
        long bytes = fewestBytesPerRound(() -> {
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
        long bytes = fewestBytesPerRound(() -> c.classify(LinkType.ETHERNET, runt, m).ordinal());
        assertThat(bytes).isGreaterThanOrEqualTo(CALLS * 16L);
    }
}
