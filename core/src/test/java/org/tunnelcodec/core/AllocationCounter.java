package org.tunnelcodec.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Counts the bytes a piece of data-path code allocates per call, for core's own tests, as
 * {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes} counts them for the calling
 * thread. (The test kit's {@code AllocationMeter} does the same for the protocol modules; core's
 * tests cannot depend on the kit, which depends on core.) The test sources belong to
 * {@code org.tunnelcodec.core}, which reads no management module: the bean is looked up by name
 * and its method called through a method handle. On a JVM that cannot count, the calling test
 * is aborted as a failed assumption (reported skipped).
 */
public final class AllocationCounter {
    /** Warm-up calls before measuring. */
    public static final int WARM_UP = 50_000;
    /** Calls per measured round. */
    public static final int CALLS = 10_000;
    /** Measured rounds; the fewest bytes of any round count. */
    public static final int ROUNDS = 5;

    private static MethodHandle allocatedBytes;
    private static String unavailable;

    private AllocationCounter() {
    }

    private static synchronized MethodHandle handle() {
        if (allocatedBytes == null && unavailable == null) {
            try {
                Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                        .invoke(null);
                Class<?> counting = Class.forName("com.sun.management.ThreadMXBean");
                if (!counting.isInstance(bean)
                        || !(Boolean) counting.getMethod("isThreadAllocatedMemorySupported").invoke(bean)) {
                    unavailable = "thread allocation counting not supported";
                } else {
                    if (!(Boolean) counting.getMethod("isThreadAllocatedMemoryEnabled").invoke(bean)) {
                        counting.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
                    }
                    allocatedBytes = MethodHandles.publicLookup().findVirtual(counting, "getThreadAllocatedBytes",
                            MethodType.methodType(long.class, long.class)).bindTo(bean);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                unavailable = "no com.sun.management.ThreadMXBean: " + e;
            }
        }
        Assumptions.assumeTrue(allocatedBytes != null, unavailable);
        return allocatedBytes;
    }

    private static long allocated(MethodHandle h, long threadId) {
        try {
            return (long) h.invokeExact(threadId);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The fewest bytes any of {@link #ROUNDS} rounds of {@link #CALLS} calls allocated, after
     * {@link #WARM_UP} calls: a round can catch a one-off, a call that allocates shows in every round.
     *
     * @param call the code to measure; its results are summed so that the JIT keeps it
     * @return the bytes allocated by the least-allocating round
     */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+, the project targets 17
    public static long fewestBytesPerRound(IntSupplier call) {
        MethodHandle h = handle();
        long id = Thread.currentThread().getId();
        int sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += call.getAsInt();
        }
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long before = allocated(h, id);
            for (int i = 0; i < CALLS; i++) {
                sink += call.getAsInt();
            }
            fewest = Math.min(fewest, allocated(h, id) - before);
        }
        if (sink == 0x5EED_1E55) {
            System.out.print(""); // keeps the sum, and so the calls, alive
        }
        return fewest;
    }
}
