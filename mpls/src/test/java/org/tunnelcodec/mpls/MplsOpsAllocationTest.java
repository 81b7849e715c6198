package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tunnelcodec.mpls.OpsPackets.hex;
import static org.tunnelcodec.mpls.OpsPackets.ipv4;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.mpls.MplsLabelOps.Result;

/**
 * The per-packet operations allocate nothing once warm: measured with the JDK's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}),
 * skipped where the JVM has none. The tests are compiled into the module, which reads neither
 * {@code java.management} nor {@code jdk.management}, so the counter is looked up at run time
 * (the tests run on the class path, where both are readable). Timings and bytes per operation under JMH are the benchmarks' business; this test
 * only guards against an allocation creeping onto the data path.
 */
class MplsOpsAllocationTest {
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 20_000;

    @Test
    void shouldAllocateNothingPerPacketToPushSwapAndPop() throws Throwable {
        MethodHandle allocatedBytes = allocationCounter();
        byte[] ip = ipv4(64, hex("04d2162e000a0000"));
        MplsPush route = MplsPush.builder(MplsTtlModel.uniform()).label(100, 5).label(200).entropyLabelAfter(1).build();
        MplsPush stitch = MplsPush.builder(MplsTtlModel.pipe(255)).label(300).entropyLabelAfter(1).build();
        MplsBindings bindings = MplsBindings.builder().bind(200, MplsPayloadType.IPV4).build();
        int headroom = route.length() + stitch.length();
        ByteBuffer heap = ByteBuffer.allocate(headroom + ip.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(headroom + ip.length);

        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += packet(heap, ip, headroom, route, stitch, bindings) + packet(direct, ip, headroom, route, stitch, bindings);
        }
        long before = (long) allocatedBytes.invokeExact();
        for (int i = 0; i < MEASURED; i++) {
            sink += packet(heap, ip, headroom, route, stitch, bindings) + packet(direct, ip, headroom, route, stitch, bindings);
        }
        long allocated = (long) allocatedBytes.invokeExact() - before;

        assertThat(sink).isPositive();
        // any object per packet would be at least 16 bytes x 40,000 operations' worth
        assertThat(allocated).as("bytes allocated by %d packets", 2 * MEASURED).isLessThan(MEASURED);
    }

    /** One packet through an ingress, a transit with a stitched LSP, and an egress. */
    private static int packet(ByteBuffer buf, byte[] ip, int headroom, MplsPush route, MplsPush stitch,
                              MplsBindings bindings) {
        buf.put(headroom, ip); // the IP TTL and checksum as they arrived
        int end = headroom + ip.length;
        int at = route.push(buf, headroom, end, MplsPayloadType.IPV4);          // 100, ELI, EL, 200
        int r = MplsLabelOps.swap(buf, at, end, 101).ordinal();                    // 101, ELI, EL, 200
        at = stitch.pushOntoStack(buf, at, end);                                   // 300, ELI, EL, 101, ...
        r += MplsLabelOps.pop(buf, at, end, MplsTtlModel.pipe(255), bindings).ordinal();
        r += MplsLabelOps.popEntropyLabel(buf, at + 4, end, MplsTtlModel.pipe(255), bindings).ordinal();
        at += 12;
        r += MplsLabelOps.pop(buf, at, end, MplsTtlModel.uniform(), bindings).ordinal();
        r += MplsLabelOps.popEntropyLabel(buf, at + 4, end, MplsTtlModel.uniform(), bindings).ordinal();
        at += 12;
        Result last = MplsLabelOps.pop(buf, at, end, MplsTtlModel.uniform(), bindings); // IPv4 TTL and checksum written
        return r + last.ordinal() + buf.get(at + 4 + 8);
    }

    /** Returns {@code getCurrentThreadAllocatedBytes} bound to the platform's thread bean, as {@code ()long}. */
    private static MethodHandle allocationCounter() throws Throwable {
        Class<?> sunBean;
        try {
            sunBean = Class.forName("com.sun.management.ThreadMXBean");
        } catch (ClassNotFoundException e) {
            sunBean = null;
        }
        assumeTrue(sunBean != null, "no com.sun.management.ThreadMXBean");
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        assumeTrue(sunBean.isInstance(bean), "the thread bean counts no allocations");
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle supported = lookup.findVirtual(sunBean, "isThreadAllocatedMemorySupported",
                MethodType.methodType(boolean.class)).bindTo(bean);
        assumeTrue((boolean) supported.invoke(), "thread allocation counting unsupported");
        MethodHandle enabled = lookup.findVirtual(sunBean, "isThreadAllocatedMemoryEnabled",
                MethodType.methodType(boolean.class)).bindTo(bean);
        if (!(boolean) enabled.invoke()) {
            lookup.findVirtual(sunBean, "setThreadAllocatedMemoryEnabled", MethodType.methodType(void.class, boolean.class))
                    .bindTo(bean).invoke(true);
        }
        return lookup.findVirtual(sunBean, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
                .bindTo(bean);
    }
}
