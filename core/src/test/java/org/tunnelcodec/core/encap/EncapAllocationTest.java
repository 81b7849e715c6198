package org.tunnelcodec.core.encap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL6;
import static org.tunnelcodec.core.encap.EncapPackets.REMOTE6;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Ipv4Address;

/**
 * Push allocates nothing: after warm-up, {@link EncapTemplate#push} and {@link TemplateStore#push}
 * allocate 0 bytes per call, as {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes}
 * counts them for the calling thread (looked up by name and called through a method handle: the
 * test sources belong to {@code org.tunnelcodec.core}, which reads no management module).
 * Skipped on a JVM that cannot count.
 */
class EncapAllocationTest {
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

    /** The fewest bytes any of {@link #ROUNDS} rounds of {@link #CALLS} calls allocated, after warm-up. */
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
        long bytes = fewestBytesPerRound(() -> {
            int i = n[0]++;
            return (i & 1) == 0 ? vxlan.push(frame, 128, end, InnerType.ETHERNET)
                    : v6.push(direct, 128, end, InnerType.ETHERNET, i);
        });
        assertThat(bytes).as("bytes allocated by %d pushes", CALLS).isZero();
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
        long bytes = fewestBytesPerRound(() -> store.push((n[0]++ * 7919) % 10_000, frame, 64, end, InnerType.ETHERNET));
        assertThat(bytes).as("bytes allocated by %d pushes from random handles", CALLS).isZero();
    }
}
