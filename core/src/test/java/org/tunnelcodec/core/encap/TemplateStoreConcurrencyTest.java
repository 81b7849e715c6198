package org.tunnelcodec.core.encap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL6;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;

/**
 * One writer replaces templates (of other lengths too, so space is freed and reused) while three
 * readers push from random handles: every pushed header must be one of the versions ever
 * written for that handle, never a mixture of two.
 */
class TemplateStoreConcurrencyTest {
    private static final int HANDLES = 48;
    private static final int READERS = 3;
    private static final long RUN_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final int HEADROOM = 160;
    private static final byte[] FRAME = EncapPackets.ethernet(0x86DD, 1, EncapPackets.ipv6(0x5C, 44, 100));

    /** Version {@code v} of handle {@code h}: one of three shapes, 36 to 76 octets, unique content. */
    private static EncapTemplate version(int h, int v) {
        return switch (v % 3) {
            case 0 -> EncapTemplate.of(Ipv4TemplateHeader.of(EncapPackets.LOCAL4, Ipv4Address.of(h << 20 | v)),
                    UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), OpaqueHeader.vxlan(v));
            case 1 -> EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, Ipv6Address.of(h, v)).withDscp(Ipv6TemplateHeader.COPY),
                    UdpTemplateHeader.flowHash(4789, UdpChecksumMode.COMPUTE), OpaqueHeader.ofLength(8 + 4 * (v % 8), v));
            default -> EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, Ipv6Address.of(h, v)),
                    Ipv4TemplateHeader.of(EncapPackets.LOCAL4, Ipv4Address.of(v)),
                    UdpTemplateHeader.flowHash(4789, UdpChecksumMode.COMPUTE), OpaqueHeader.vxlan(h));
        };
    }

    private static ByteString pushed(EncapTemplate t) {
        ByteBuffer b = EncapPackets.buffer(HEADROOM, FRAME, 0);
        int start = t.push(b, HEADROOM, b.limit(), InnerType.ETHERNET);
        return ByteString.copyOf(b, start, b.limit() - start);
    }

    @Test
    void shouldNeverPushATornTemplateWhileOneWriterReplacesThem() throws InterruptedException {
        TemplateStore store = new TemplateStore(8); // six handles a stripe: readers collide with the writer often
        List<Set<ByteString>> versions = new ArrayList<>();
        int[] next = new int[HANDLES];
        for (int h = 0; h < HANDLES; h++) {
            Set<ByteString> s = ConcurrentHashMap.newKeySet();
            EncapTemplate t = version(h, 0);
            s.add(pushed(t));
            versions.add(s);
            assertThat(store.add(t)).isEqualTo(h);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        AtomicLong pushes = new AtomicLong();
        CountDownLatch started = new CountDownLatch(READERS);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            long seed = 17 + r;
            Thread t = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                ByteBuffer buf = EncapPackets.buffer(HEADROOM, FRAME, 0);
                started.countDown();
                long n = 0;
                try {
                    while (!stop.get()) {
                        int h = random.nextInt(HANDLES);
                        int start = store.push(h, buf, HEADROOM, buf.limit(), InnerType.ETHERNET);
                        ByteString got = ByteString.copyOf(buf, start, buf.limit() - start);
                        if (!versions.get(h).contains(got)) {
                            torn.compareAndSet(null, "handle " + h + ": " + got.toHex());
                        }
                        for (int i = start; i < HEADROOM; i++) {
                            buf.put(i, EncapPackets.SENTINEL);
                        }
                        n++;
                    }
                } catch (Throwable e) {
                    crash.compareAndSet(null, e);
                }
                pushes.addAndGet(n);
            }, "reader-" + r);
            readers.add(t);
            t.start();
        }
        started.await();
        SplittableRandom random = new SplittableRandom(5);
        long replaces = 0;
        long deadline = System.nanoTime() + RUN_NANOS;
        List<Integer> scratch = new ArrayList<>();
        while (System.nanoTime() < deadline && torn.get() == null && crash.get() == null) {
            int h = random.nextInt(HANDLES);
            EncapTemplate t = version(h, ++next[h]);
            versions.get(h).add(pushed(t)); // known before any reader can see it
            store.replace(h, t);
            replaces++;
            if (replaces % 7 == 0) { // churn: free space of every length for the next replaces to reuse
                scratch.add(store.add(version(HANDLES + (int) replaces, (int) replaces)));
                if (scratch.size() > 20) {
                    store.remove(scratch.remove(random.nextInt(scratch.size())));
                }
            }
        }
        stop.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertThat(crash.get()).isNull();
        assertThat(torn.get()).as("a pushed header that no version of its handle has").isNull();
        assertThat(replaces).isGreaterThan(10_000);
        assertThat(pushes.get()).isGreaterThan(10_000);
        System.out.printf("TemplateStore stress: %d replaces, %d pushes by %d readers in %d ms%n", replaces, pushes.get(),
                READERS, TimeUnit.NANOSECONDS.toMillis(RUN_NANOS));
    }
}
