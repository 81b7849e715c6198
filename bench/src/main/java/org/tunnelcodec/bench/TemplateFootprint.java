package org.tunnelcodec.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.tunnelcodec.core.encap.TemplateStore;

/**
 * The footprint and build time of a {@link TemplateStore} of a million VXLAN-over-IPv4 routes,
 * each to its own destination with its own VNI ({@link EncapBenchmark#route(int)}: outer Ethernet,
 * IPv4, UDP, VXLAN, 50 octets). The goals: at most 64 octets retained per template beyond its
 * octets, the million built in under 2 s.
 *
 * <p>Build time: one build to warm up the JIT, then the best of three, each compiling and adding
 * every template ({@code System.nanoTime}, and the thread's CPU time). Retained heap: the heap in
 * use after collecting until two readings agree ({@code MemoryMXBean}, the method of core's
 * {@code TemplateStoreMemoryTest}), before a fourth build and after it, the store strongly held.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.tunnelcodec.bench.TemplateFootprint [routes]}.
 */
public final class TemplateFootprint {
    private static final int DEFAULT_ROUTES = 1_000_000;

    private TemplateFootprint() {
    }

    /**
     * Builds the stores and prints the figures.
     *
     * @param args an optional number of routes (default 1,000,000)
     * @throws InterruptedException if interrupted while waiting for a collection
     */
    public static void main(String[] args) throws InterruptedException {
        int routes = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROUTES;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%s %s, max heap %,d MiB, collectors %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")));

        long warmUp = System.nanoTime();
        build(routes);
        System.out.printf("warm-up build: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - warmUp));
        long best = Long.MAX_VALUE;
        long bestCpu = 0;
        for (int run = 1; run <= 3; run++) {
            usedAfterGc(memory); // each build starts from a collected heap
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            TemplateStore store = build(routes);
            long nanos = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            Reference.reachabilityFence(store);
            System.out.printf("build %d: %d ms (%d ms of the thread's CPU)%n", run, TimeUnit.NANOSECONDS.toMillis(nanos),
                    TimeUnit.NANOSECONDS.toMillis(cpu));
            if (nanos < best) {
                best = nanos;
                bestCpu = cpu;
            }
        }

        long before = usedAfterGc(memory);
        TemplateStore store = build(routes);
        long after = usedAfterGc(memory);
        long retained = after - before;
        double perTemplate = (double) retained / routes;
        System.out.printf("%,d VXLAN-over-IPv4 templates (%d handles, %d stored, %d program(s), %,d octets of pages)%n",
                routes, store.size(), store.templateCount(), store.programCount(), store.pageBytes());
        System.out.printf("build, best of 3: %d ms (%d ms of the thread's CPU); goal < 2000 ms%n",
                TimeUnit.NANOSECONDS.toMillis(best), TimeUnit.NANOSECONDS.toMillis(bestCpu));
        System.out.printf("retained heap: %,d B in total, %.1f B per template%n", retained, perTemplate);
        System.out.printf("header octets per template: %d%n", EncapBenchmark.VXLAN_LENGTH);
        System.out.printf("beyond the octets: %.1f B per template; goal <= 64%n",
                perTemplate - EncapBenchmark.VXLAN_LENGTH);
        Reference.reachabilityFence(store);
    }

    private static TemplateStore build(int routes) {
        TemplateStore store = new TemplateStore();
        for (int i = 0; i < routes; i++) {
            store.add(EncapBenchmark.route(i));
        }
        return store;
    }

    /** Heap in use after collecting until two readings agree within 64 KiB (as {@code TemplateStoreMemoryTest}). */
    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(50);
            long now = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(now - last) < 64 * 1024) {
                return Math.min(now, last);
            }
            last = now;
        }
        return last;
    }
}
