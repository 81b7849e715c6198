package org.tunnelcodec.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CaptureStream;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * {@link CaptureStream} against libpcap (through pcap4j, the independent reader) on
 * every shared and generated capture, and on hand-built pcap and pcapng files for what the
 * corpus lacks: other byte orders and magics, several sections, skipped blocks, cut-off and
 * hostile files.
 */
class CaptureStreamTest {
    @TempDir
    Path temp;

    // ---------------------------------------------------------------- helpers

    private static Path generatedDirectory() {
        try {
            return Path.of(Captures.class.getResource(Captures.GENERATED_ROOT).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> captures(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?"))
                    .sorted().toList();
        }
    }

    private static List<CapturedFrame> readAll(CaptureStream s) throws IOException {
        List<CapturedFrame> frames = new ArrayList<>();
        for (CapturedFrame f = s.next(); f != null; f = s.next()) {
            frames.add(f);
        }
        assertThat(s.next()).as("next() after the end").isNull();
        return frames;
    }

    private static CaptureFile readAll(Path file) throws IOException {
        try (CaptureStream s = CaptureStream.open(file)) {
            List<CapturedFrame> frames = readAll(s);
            return new CaptureFile(s.name(), s.linkType(), frames);
        }
    }

    private static void assertSameFrames(CaptureFile actual, CaptureFile expected) {
        String name = expected.name();
        assertThat(actual.linkType()).as(name + " link type").isEqualTo(expected.linkType());
        assertThat(actual.frames()).as(name + " frame count").hasSameSizeAs(expected.frames());
        for (int i = 0; i < expected.frames().size(); i++) {
            CapturedFrame a = actual.frames().get(i);
            CapturedFrame e = expected.frames().get(i);
            String what = name + " #" + (i + 1);
            assertThat(a.number()).as(what + " number").isEqualTo(i + 1).isEqualTo(e.number());
            assertThat(a.timestamp()).as(what + " timestamp").isEqualTo(e.timestamp());
            assertThat(a.originalLength()).as(what + " original length").isEqualTo(e.originalLength());
            assertThat(a.data()).as(what + " bytes").isEqualTo(e.data());
        }
    }

    /** The end offsets of the records (pcap) or blocks (pcapng) of a well-formed capture, header first. */
    private static List<long[]> units(byte[] file) {
        List<long[]> out = new ArrayList<>(); // {end offset, 1 if it holds a frame}
        ByteBuffer b = ByteBuffer.wrap(file);
        if (b.order(ByteOrder.BIG_ENDIAN).getInt(0) == 0x0A0D0D0A) {
            int at = 0;
            while (at < file.length) {
                b.order(sectionOrder(file, at));
                int type = b.getInt(at);
                at += b.getInt(at + 4);
                out.add(new long[] {at, type == 6 || type == 3 || type == 2 ? 1 : 0});
            }
        } else {
            b.order(b.getInt(0) == 0xA1B2C3D4 || b.getInt(0) == 0xA1B23C4D ? ByteOrder.BIG_ENDIAN
                    : ByteOrder.LITTLE_ENDIAN);
            out.add(new long[] {24, 0});
            int at = 24;
            while (at < file.length) {
                at += 16 + b.getInt(at + 8);
                out.add(new long[] {at, 1});
            }
        }
        return out;
    }

    /** The byte order of the pcapng section the block at {@code at} belongs to. */
    private static ByteOrder sectionOrder(byte[] file, int at) {
        ByteBuffer b = ByteBuffer.wrap(file);
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        int p = 0;
        while (p <= at) {
            if (b.order(ByteOrder.BIG_ENDIAN).getInt(p) == 0x0A0D0D0A) {
                order = b.getInt(p + 8) == 0x1A2B3C4D ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            }
            p += b.order(order).getInt(p + 4);
        }
        return order;
    }

    /**
     * Cuts {@code file} at every offset from {@code from} on and checks that the complete frames
     * come back, then an EOFException naming the byte offset (or a clean end at a boundary).
     */
    private static void assertEveryCutGivesTheGoodFramesThenEof(String name, byte[] file, int from) throws IOException {
        List<CapturedFrame> all;
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(file), name)) {
            all = readAll(s);
        }
        List<long[]> units = units(file);
        long headerEnd = units.get(0)[0];
        for (int cut = Math.max(from, 1); cut < file.length; cut++) {
            int complete = 0;
            boolean boundary = false;
            for (long[] u : units) {
                if (u[0] <= cut) {
                    complete += (int) u[1];
                }
                boundary |= u[0] == cut;
            }
            byte[] prefix = java.util.Arrays.copyOf(file, cut);
            String what = name + " cut at " + cut;
            if (cut < headerEnd) {
                assertThatThrownBy(() -> CaptureStream.open(new ByteArrayInputStream(prefix), name).close())
                        .as(what).isInstanceOf(IOException.class);
                continue;
            }
            CaptureStream s;
            try {
                s = CaptureStream.open(new ByteArrayInputStream(prefix), name);
            } catch (EOFException e) {
                // a pcapng cut before its first Interface Description Block is complete
                assertThat(complete).as(what).isZero();
                continue;
            }
            try (s) {
                for (int i = 0; i < complete; i++) {
                    CapturedFrame f = s.next();
                    assertThat(f).as(what + " frame " + (i + 1)).isNotNull();
                    assertThat(f.data()).as(what + " frame " + (i + 1)).isEqualTo(all.get(i).data());
                }
                if (boundary) {
                    assertThat(s.next()).as(what + ": a clean end").isNull();
                } else {
                    assertThatThrownBy(s::next).as(what).isInstanceOf(EOFException.class)
                            .hasMessageContaining(name).hasMessageContaining("cut off").hasMessageContaining("byte offset");
                }
            }
        }
    }

    private static byte[] generatedBytes(String name) throws IOException {
        try (InputStream in = Captures.class.getResourceAsStream(Captures.GENERATED_ROOT + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Rewrites a little-endian microsecond pcap in another byte order and timestamp unit. */
    private static byte[] convertPcap(byte[] le, ByteOrder order, boolean nanos) {
        ByteBuffer in = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(le.length).order(order);
        out.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4);
        out.putShort(in.getShort(4)).putShort(in.getShort(6));
        out.putInt(in.getInt(8)).putInt(in.getInt(12)).putInt(in.getInt(16)).putInt(in.getInt(20));
        int at = 24;
        while (at < le.length) {
            int captured = in.getInt(at + 8);
            out.putInt(in.getInt(at));
            out.putInt(nanos ? in.getInt(at + 4) * 1000 + 7 : in.getInt(at + 4));
            out.putInt(captured).putInt(in.getInt(at + 12));
            out.put(le, at + 16, captured);
            at += 16 + captured;
        }
        return out.array();
    }

    /** Writes pcapng blocks in one byte order. */
    private static final class Pcapng {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private ByteOrder order;

        Pcapng section(ByteOrder order) {
            this.order = order;
            return block(0x0A0D0D0A, b -> b.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1));
        }

        Pcapng iface(int linkType, int snaplen, int tsresol) {
            return block(1, b -> {
                b.putShort((short) linkType).putShort((short) 0).putInt(snaplen);
                if (tsresol >= 0) {
                    b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
                    b.putShort((short) 0).putShort((short) 0);
                }
            });
        }

        Pcapng epb(int iface, long ts, byte[] data, int original) {
            return block(6, b -> {
                b.putInt(iface).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(data.length).putInt(original);
                b.put(data).put(new byte[(4 - data.length % 4) % 4]);
                b.putShort((short) 1).putShort((short) 4).putInt(0x01020304); // an epb_flags option
                b.putShort((short) 0).putShort((short) 0);
            });
        }

        Pcapng spb(byte[] data, int original) {
            return block(3, b -> b.putInt(original).put(data).put(new byte[(4 - data.length % 4) % 4]));
        }

        Pcapng other(int type, int bodyLength) {
            return block(type, b -> b.put(new byte[bodyLength]));
        }

        Pcapng block(int type, java.util.function.Consumer<ByteBuffer> body) {
            ByteBuffer b = ByteBuffer.allocate(65536).order(order);
            b.putInt(type).putInt(0);
            body.accept(b);
            int length = b.position() + 4;
            b.putInt(length).putInt(4, length);
            out.write(b.array(), 0, length);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }

    // ---------------------------------------------------------------- against libpcap

    @TestFactory
    Stream<DynamicTest> shouldReturnTheSameFramesAsLibpcapForEverySharedCapture() throws IOException {
        return captures(Captures.sharedCorpus()).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            CaptureFile expected;
            try {
                expected = Libpcap.read(p);
            } catch (IOException libpcapRefused) {
                if (String.valueOf(libpcapRefused.getMessage()).contains("snapshot length")) {
                    // libpcap 1.10 refuses a pcapng file whose interfaces have different snapshot
                    // lengths; tshark and this reader read it (CapturesTest checks the frames)
                    assertThat(readAll(p).frames()).as(p.toString()).isNotEmpty();
                } else {
                    assertThatThrownBy(() -> readAll(p)).as(p + ": libpcap refused it: " + libpcapRefused.getMessage())
                            .isInstanceOf(IOException.class);
                }
                return;
            }
            assertSameFrames(readAll(p), expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldReturnTheSameFramesAsLibpcapForEveryGeneratedCapture() throws IOException {
        List<Path> generated = captures(generatedDirectory());
        assertThat(generated).hasSizeGreaterThanOrEqualTo(10);
        return generated.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String name = p.getFileName().toString();
            CaptureFile expected = Libpcap.generated(name);
            assertSameFrames(Captures.generated(name), expected);
            try (InputStream in = Captures.class.getResourceAsStream(Captures.GENERATED_ROOT + name);
                 CaptureStream s = CaptureStream.open(in, name)) {
                assertThat(s.name()).isEqualTo(name);
                assertSameFrames(new CaptureFile(name, s.linkType(), readAll(s)), expected);
            }
        }));
    }

    @Test
    void shouldReadEveryPcapMagicAndByteOrderAsLibpcapDoes() throws IOException {
        byte[] le = generatedBytes("core-layers.pcap");
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (boolean nanos : new boolean[] {false, true}) {
                Path p = temp.resolve("core-layers-" + order + (nanos ? "-ns" : "-us") + ".pcap");
                Files.write(p, convertPcap(le, order, nanos));
                CaptureFile mine = readAll(p);
                assertSameFrames(mine, Libpcap.read(p));
                if (nanos) {
                    assertThat(mine.frame(2).timestamp().getNano() % 1000).isEqualTo(7);
                }
            }
        }
    }

    // ---------------------------------------------------------------- pcapng

    @Test
    void shouldReadSeveralPcapngSectionsOfBothByteOrdersAndSkipOtherBlocks() throws IOException {
        byte[] a = bytes(60, 1);
        byte[] b = bytes(61, 2);
        byte[] c = bytes(62, 3);
        byte[] d = bytes(63, 4);
        byte[] file = new Pcapng()
                .section(ByteOrder.LITTLE_ENDIAN)
                .other(0x0BAD, 12) // a custom block before the first interface
                .iface(1, 65535, -1)                // microseconds by default
                .iface(101, 65535, 9)               // nanoseconds
                .epb(0, 1_700_000_000_123_456L, a, 60)
                .other(5, 24)                       // an Interface Statistics Block
                .epb(1, 1_700_000_001_000_000_009L, b, 1500)
                .other(4, 8)                        // a Name Resolution Block
                .section(ByteOrder.BIG_ENDIAN)
                .iface(113, 0, 0x80 | 10)           // 1/1024 s
                .epb(0, (1_700_000_002L << 10) | 512, c, 63)
                .spb(d, 63)
                .bytes();
        Path p = temp.resolve("sections.pcapng");
        Files.write(p, file);
        try (CaptureStream s = CaptureStream.open(p)) {
            assertThat(s.linkType()).isEqualTo(LinkType.ETHERNET);
            CapturedFrame f1 = s.next();
            assertThat(s.linkType(f1)).isEqualTo(LinkType.ETHERNET);
            CapturedFrame f2 = s.next();
            assertThat(s.linkType(f2)).isEqualTo(LinkType.RAW);
            CapturedFrame f3 = s.next();
            assertThat(s.linkType(f3)).isEqualTo(LinkType.LINUX_SLL);
            assertThatThrownBy(() -> s.linkType(f1)).isInstanceOf(IllegalArgumentException.class);
            CapturedFrame f4 = s.next();
            assertThat(s.linkType(f4)).isEqualTo(LinkType.LINUX_SLL);
            assertThat(s.next()).isNull();

            assertThat(List.of(f1.number(), f2.number(), f3.number(), f4.number())).containsExactly(1, 2, 3, 4);
            assertThat(f1.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_000));
            assertThat(f2.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_001L, 9));
            assertThat(f3.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_002L, 500_000_000));
            assertThat(f4.timestamp()).isEqualTo(Instant.EPOCH);
            assertThat(f1.data()).isEqualTo(ByteBuffer.wrap(a));
            assertThat(f2.data()).isEqualTo(ByteBuffer.wrap(b));
            assertThat(f2.originalLength()).isEqualTo(1500);
            assertThat(f3.data()).isEqualTo(ByteBuffer.wrap(c));
            assertThat(f4.data()).isEqualTo(ByteBuffer.wrap(d));
            assertThat(f4.originalLength()).isEqualTo(63);
        }
        assertEveryCutGivesTheGoodFramesThenEof("sections.pcapng", file, 0);
    }

    @Test
    void shouldAgreeWithLibpcapOnABigEndianPcapng() throws IOException {
        byte[] file = new Pcapng().section(ByteOrder.BIG_ENDIAN).iface(1, 262144, 6)
                .epb(0, 1_600_000_000_000_001L, bytes(64, 9), 64)
                .other(5, 24)
                .epb(0, 1_600_000_000_500_000L, bytes(99, 8), 1514)
                .bytes();
        Path p = temp.resolve("big-endian.pcapng");
        Files.write(p, file);
        assertSameFrames(readAll(p), Libpcap.read(p));
    }

    // ---------------------------------------------------------------- cut-off files

    @Test
    void shouldReturnTheGoodFramesThenEofForAPcapCutAtEveryOffset() throws IOException {
        for (String name : new String[] {"core-layers.pcap", "linktype-sll2.pcap", "core-truncated.pcap"}) {
            assertEveryCutGivesTheGoodFramesThenEof(name, generatedBytes(name), 0);
        }
    }

    @Test
    void shouldSayWhichFrameAndOffsetWereCutOff() throws IOException {
        byte[] file = generatedBytes("core-layers.pcap");
        List<long[]> units = units(file);
        long lastStart = units.get(units.size() - 2)[0];
        int frames = units.size() - 1;
        byte[] inHeader = java.util.Arrays.copyOf(file, (int) lastStart + 5);
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(inHeader), "x.pcap")) {
            for (int i = 1; i < frames; i++) {
                assertThat(s.next().number()).isEqualTo(i);
            }
            assertThatThrownBy(s::next).isInstanceOf(EOFException.class)
                    .hasMessage("x.pcap: cut off in the record header of frame " + frames + " at byte offset " + lastStart
                            + ": 5 of 16 bytes");
        }
        byte[] inData = java.util.Arrays.copyOf(file, (int) lastStart + 16 + 3);
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(inData), "x.pcap")) {
            for (int i = 1; i < frames; i++) {
                s.next();
            }
            assertThatThrownBy(s::next).isInstanceOf(EOFException.class)
                    .hasMessageStartingWith("x.pcap: cut off in the data of frame " + frames + " at byte offset "
                            + (lastStart + 16) + ": 3 of ");
        }
    }

    @Test
    void shouldSayWhichPcapngBlockWasCutOff() throws IOException {
        byte[] file = new Pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(1, 1500, -1)
                .epb(0, 0, bytes(60, 0), 60).epb(0, 0, bytes(40, 0), 40).other(5, 24).bytes();
        int isbAt = file.length - 36;
        int secondAt = isbAt - (32 + 40 + 12);
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(java.util.Arrays.copyOf(file, secondAt + 50)),
                "x.pcapng")) {
            assertThat(s.next().number()).isEqualTo(1);
            assertThatThrownBy(s::next).isInstanceOf(EOFException.class).hasMessage("x.pcapng: cut off in an Enhanced "
                    + "Packet Block at byte offset " + secondAt + " (frame 2): the block has 84 bytes, the capture ends after 50");
        }
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(java.util.Arrays.copyOf(file, isbAt + 20)),
                "x.pcapng")) {
            s.next();
            s.next();
            assertThatThrownBy(s::next).isInstanceOf(EOFException.class).hasMessage("x.pcapng: cut off in an Interface "
                    + "Statistics Block at byte offset " + isbAt + " (after frame 2): the block has 36 bytes, the capture ends after 20");
        }
    }

    @Test
    void shouldReturnTheGoodFramesThenEofForASharedPcapngCutAtEveryOffset() throws IOException {
        Path dir = Captures.sharedCorpus();
        for (String name : new String[] {"nhrp.pcapng", "ndpi-gre.pcapng", "zeek-geneve-truncated.pcapng"}) {
            byte[] file = Files.readAllBytes(dir.resolve(name));
            assertEveryCutGivesTheGoodFramesThenEof(name, file, 0);
        }
    }

    // ---------------------------------------------------------------- gzip and streams

    @Test
    void shouldDecompressGzipByItsMagicNotItsName() throws IOException {
        byte[] plain = generatedBytes("gre-variants.pcap");
        Path p = temp.resolve("gre-variants.pcap"); // gzip content, no .gz in the name
        Files.write(p, gzip(plain));
        assertSameFrames(readAll(p), Libpcap.generated("gre-variants.pcap"));
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(gzip(plain)), "-")) {
            assertThat(s.name()).isEqualTo("-");
            assertSameFrames(new CaptureFile("gre-variants.pcap", s.linkType(), readAll(s)),
                    Libpcap.generated("gre-variants.pcap"));
        }
    }

    @Test
    void shouldReturnTheGoodFramesThenAnIoExceptionForACutGzipFile() throws IOException {
        byte[] plain = generatedBytes("stt-segments.pcap");
        byte[] gz = gzip(plain);
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length * 2 / 3);
        int good = 0;
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(cut), "cut.pcap.gz")) {
            assertThatThrownBy(() -> {
                while (s.next() != null) {
                    // read until the error
                }
            }).isInstanceOf(EOFException.class);
        }
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(cut), "cut.pcap.gz")) {
            try {
                while (s.next() != null) {
                    good++;
                }
            } catch (EOFException expected) {
                // counted the good frames
            }
        }
        assertThat(good).isPositive().isLessThan(Libpcap.generated("stt-segments.pcap").frames().size());
    }

    @Test
    void shouldReadFromAStreamThatDeliversOneByteAtATime() throws IOException {
        byte[] plain = generatedBytes("tunneldump-sample.pcap");
        InputStream trickle = new ByteArrayInputStream(plain) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }

            @Override
            public synchronized long skip(long n) {
                return 0;
            }
        };
        try (CaptureStream s = CaptureStream.open(trickle, "-")) {
            assertSameFrames(new CaptureFile("tunneldump-sample.pcap", s.linkType(), readAll(s)),
                    Libpcap.generated("tunneldump-sample.pcap"));
        }
    }

    @Test
    void shouldReadTheSharedGzipCaptureAsLibpcapDoes() throws IOException {
        Path p = Captures.sharedCorpus().resolve("zeek-mpls-6in6-broken.pcap.gz");
        Assumptions.assumeTrue(Files.exists(p));
        assertSameFrames(readAll(p), Libpcap.read(p));
    }

    @Test
    void shouldGiveEachFrameItsOwnBytes() throws IOException {
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(generatedBytes("core-layers.pcap")), "-")) {
            CapturedFrame first = s.next();
            ByteBuffer before = first.copy();
            readAll(s);
            assertThat(first.data()).isEqualTo(before);
            assertThat(first.data().capacity()).isEqualTo(first.capturedLength());
        }
    }

    // ---------------------------------------------------------------- hostile headers

    @Test
    void shouldRejectAHugeCapturedLengthWithoutAllocatingIt() throws IOException {
        byte[] file = generatedBytes("core-layers.pcap");
        for (int claimed : new int[] {0x7FFF_FFFF, -1, 300 << 20, 262144 + 65536 + 1}) {
            ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 8, claimed);
            try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(file), "hostile.pcap")) {
                assertThatThrownBy(s::next).isInstanceOf(IOException.class).isNotInstanceOf(EOFException.class)
                        .hasMessageContaining("frame 1").hasMessageContaining("captured length of "
                                + Integer.toUnsignedString(claimed));
            }
        }
    }

    @Test
    void shouldReadALargeClaimedLengthThatIsCutOffWithoutAllocatingIt() throws IOException {
        // snaplen 256 MiB: 200 MiB is allowed, but only 100 bytes follow
        byte[] file = new byte[24 + 16 + 100];
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(256 << 20).putInt(1);
        b.putInt(0).putInt(0).putInt(200 << 20).putInt(200 << 20);
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(file), "big.pcap")) {
            assertThatThrownBy(s::next).isInstanceOf(EOFException.class)
                    .hasMessage("big.pcap: cut off in the data of frame 1 at byte offset 40: 100 of 209715200 captured bytes");
        }
    }

    @Test
    void shouldRejectHostilePcapngBlocks() throws IOException {
        byte[] good = new Pcapng().section(ByteOrder.LITTLE_ENDIAN).iface(1, 1500, -1)
                .epb(0, 0, bytes(60, 0), 60).bytes();
        int epbAt = good.length - (32 + 60 + 12);
        // a block length that is not a multiple of 4, a huge one, one too small
        for (int length : new int[] {106, 0x7FFF_FFFC, 8}) {
            byte[] file = good.clone();
            ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(epbAt + 4, length);
            try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(file), "hostile.pcapng")) {
                assertThatThrownBy(s::next).isInstanceOf(IOException.class)
                        .hasMessageContaining("byte offset " + epbAt).hasMessageContaining("block length");
            }
        }
        // a captured length above what the block holds, and one above the snaplen
        for (int captured : new int[] {61 + 12, 1 << 30}) {
            byte[] file = good.clone();
            ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(epbAt + 20, captured);
            try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(file), "hostile.pcapng")) {
                assertThatThrownBy(s::next).isInstanceOf(IOException.class).hasMessageContaining("frame 1")
                        .hasMessageContaining("captured length");
            }
        }
        // an interface that does not exist
        byte[] file = good.clone();
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(epbAt + 8, 3);
        try (CaptureStream s = CaptureStream.open(new ByteArrayInputStream(file), "hostile.pcapng")) {
            assertThatThrownBy(s::next).isInstanceOf(IOException.class).hasMessageContaining("interface 3 of 1");
        }
    }

    @Test
    void shouldRejectWhatIsNotACapture() {
        assertThatThrownBy(() -> CaptureStream.open(new ByteArrayInputStream("hello, world".getBytes()), "x"))
                .isInstanceOf(IOException.class).hasMessageContaining("not a pcap or pcapng");
        assertThatThrownBy(() -> CaptureStream.open(new ByteArrayInputStream(new byte[2]), "x"))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> CaptureStream.open(new ByteArrayInputStream(new byte[0]), "x"))
                .isInstanceOf(EOFException.class);
    }
}
