package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.lisp.EidRecord;
import org.tunnelcodec.lisp.LispAddress;
import org.tunnelcodec.lisp.LispMessage;
import org.tunnelcodec.lisp.LispMessageDecoder;
import org.tunnelcodec.lisp.LispMessageEncoder;
import org.tunnelcodec.lisp.LocatorRecord;
import org.tunnelcodec.lisp.MapReply;

/**
 * Map-Reply decoding as the record count grows: 1, 10 and 100 EID-records, each an IPv4
 * EID-prefix with two locators (one IPv4, one IPv6), decoded into records by
 * {@link LispMessageDecoder#decode}. The cost per record is {@code ns/op / records}; the check
 * is that it stays flat (linear time, no quadratic re-scan of the records).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 12, time = 1) // the decoder's methods take long to settle in the JIT: shorter warm-ups vary tenfold
@Measurement(iterations = 5, time = 1)
public class LispMapReplyBenchmark {
    /** The number of EID-records in the Map-Reply. */
    @Param({"1", "10", "100"})
    public int records;

    private ByteBuffer message;

    /** Encodes the Map-Reply and checks that it decodes to the same records. */
    @Setup
    public void setUp() {
        List<EidRecord> list = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            List<LocatorRecord> locators = List.of(
                    LocatorRecord.of(1, 50, false, new LispAddress.Ipv4(Ipv4Address.of(0xC633_6400 + i))),
                    LocatorRecord.of(1, 50, false, new LispAddress.Ipv6(Ipv6Address.of(0x2001_0db8L << 32, i))));
            list.add(EidRecord.of(1440, new LispAddress.Ipv4(Ipv4Address.of(0x0A00_0000 + (i << 8))), 24, true, locators));
        }
        MapReply reply = new MapReply(false, false, false, 0, 0x0123_4567_89AB_CDEFL, list);
        message = ByteBuffer.allocate(LispMessageEncoder.encodedLength(reply));
        LispMessageEncoder.encode(reply, message.duplicate());
        if (!decode().equals(reply)) {
            throw new IllegalStateException("the Map-Reply does not decode to what was encoded");
        }
    }

    /** Decodes the whole message into records. */
    @Benchmark
    public LispMessage decode() {
        return LispMessageDecoder.decode(message, 0, message.limit()).header();
    }
}
