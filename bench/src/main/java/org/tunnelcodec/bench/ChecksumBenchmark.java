package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tunnelcodec.core.InternetChecksum;

/**
 * {@link InternetChecksum} (eight bytes at a time) against the plain RFC 1071 loop that
 * assembles each 16-bit word from two byte reads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChecksumBenchmark {
    @Param({"1500", "65536"})
    public int size;

    private ByteBuffer buf;

    @Setup
    public void setup() {
        byte[] data = new byte[size];
        SplittableRandom random = new SplittableRandom(0x7C0DECL);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        buf = ByteBuffer.wrap(data);
        int library = InternetChecksum.checksum(buf, 0, size, 0);
        int baseline = byteAtATime(buf, 0, size);
        if (library != baseline) {
            throw new IllegalStateException("checksums differ at size " + size + ": library 0x"
                    + Integer.toHexString(library) + ", byte loop 0x" + Integer.toHexString(baseline));
        }
        // Also an odd length, which exercises the library's tail path.
        int odd = size - 1;
        if (InternetChecksum.checksum(buf, 0, odd, 0) != byteAtATime(buf, 0, odd)) {
            throw new IllegalStateException("checksums differ at odd size " + odd);
        }
    }

    @Benchmark
    public int internetChecksum() {
        return InternetChecksum.checksum(buf, 0, size, 0);
    }

    @Benchmark
    public int byteAtATimeBaseline() {
        return byteAtATime(buf, 0, size);
    }

    /** RFC 1071 §4.1, with each 16-bit word assembled from two byte reads. */
    static int byteAtATime(ByteBuffer b, int index, int length) {
        long sum = 0;
        int i = index;
        int end = index + length;
        for (; i + 1 < end; i += 2) {
            sum += (b.get(i) & 0xFF) << 8 | (b.get(i + 1) & 0xFF);
        }
        if (i < end) {
            sum += (b.get(i) & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) ~sum & 0xFFFF;
    }
}
