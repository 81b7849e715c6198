package org.tunnelcodec.capture;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * Reads a pcap or pcapng capture one frame at a time, in pure Java (no libpcap), from a file
 * or any stream such as standard input. It holds one frame in memory at a time, so a capture of
 * millions of frames streams in constant memory, and a capture cut off in the middle of a record
 * gives every complete frame before the error.
 *
 * <p>Formats: pcap with the four magic numbers (microsecond and nanosecond timestamps, either
 * byte order); pcapng with Section Header Blocks of either byte order (several sections in one
 * file), Interface Description Blocks with the {@code if_tsresol} (base 10 and base 2) and
 * {@code if_tsoffset} options, Enhanced, Simple and the obsolete Packet blocks; other block
 * types are skipped. A gzip-compressed capture is decompressed on the fly, recognised by its
 * magic bytes {@code 1f 8b}, whatever its name.
 *
 * <p>Errors: a capture that ends cleanly between two records gives {@code null} from
 * {@link #next()}; one that ends inside a record or block gives an {@link EOFException} that
 * names the frame, the byte offset (of the decompressed stream) and the part that was cut, after
 * all complete frames were returned. Other damage gives an {@link IOException} with the offset.
 *
 * <p>Snapshot length, as libpcap: a record longer than the file's (pcapng: the interface's)
 * snapshot length, or than 262144 bytes when that is 0 or larger, keeps only its first
 * snapshot-length bytes; the rest is skipped. (tshark keeps them all; fuzzed captures of other
 * projects have such records. This reader follows libpcap, so that it gives what tcpdump gives.)
 *
 * <p>Resource limits and hostile input: a record or block is never trusted for an allocation.
 * A frame allocates at most its snapshot length (at most 262144 bytes). A captured length above
 * the larger of the snapshot length and 262144, plus {@value #SNAPLEN_SLACK} bytes of slack, or
 * above {@value #MAX_CAPTURED_LENGTH} bytes (256 MiB), is rejected with an {@link IOException}
 * before anything is read. pcapng blocks other than packet blocks are skipped without being held,
 * except Interface Description Blocks, which are limited to {@value #MAX_HEADER_BLOCK} bytes.
 *
 * <p>Not thread-safe. Each frame's data is its own array, safe to keep after the next call.
 */
public final class CaptureStream implements AutoCloseable {
    /** The largest captured length of one frame this reader accepts (256 MiB). */
    public static final int MAX_CAPTURED_LENGTH = 256 << 20;
    /** Bytes a captured length may exceed the snapshot length (or 262144) by. */
    public static final int SNAPLEN_SLACK = 65536;
    /** The largest Interface Description or Section Header Block this reader holds (1 MiB). */
    public static final int MAX_HEADER_BLOCK = 1 << 20;

    private static final int LIBPCAP_DEFAULT_MAX_SNAPLEN = 262144;
    private static final int CHUNK = 1 << 20;
    private static final int BUFFER = 1 << 16;
    private static final int PCAPNG_SECTION = 0x0A0D0D0A;
    private static final int PCAPNG_BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int PCAPNG_IDB = 1;
    private static final int PCAPNG_PB = 2;
    private static final int PCAPNG_SPB = 3;
    private static final int PCAPNG_EPB = 6;

    private final InputStream in;
    private final String name;
    private final boolean pcapng;
    private final byte[] scratch = new byte[64];
    private final ByteBuffer header = ByteBuffer.wrap(scratch);
    private long offset;
    private int number;
    private LinkType firstLinkType;
    private boolean oneLinkType = true;
    private CapturedFrame lastFrame;
    private LinkType lastLinkType;
    private int cutAfter;

    // pcap
    private long pcapNanosPerUnit;
    private long pcapCapturedLimit;
    private int pcapSnapshot;

    // pcapng: the interfaces of the current section
    private final List<Interface> interfaces = new ArrayList<>();

    private record Interface(LinkType linkType, long capturedLimit, int snapshot, int resolution, boolean base2,
                             long offsetSeconds) {
    }

    private CaptureStream(InputStream in, String name) throws IOException {
        this.in = in;
        this.name = name;
        if (readUpTo(scratch, 0, 4) < 4) {
            throw new EOFException(name + ": too short for a capture file (" + offset + " bytes)");
        }
        int magic = header.order(ByteOrder.BIG_ENDIAN).getInt(0);
        pcapng = magic == PCAPNG_SECTION;
        if (pcapng) {
            readSectionHeader(0);
            while (firstLinkType == null) {
                if (!readBlockUntilFrame()) {
                    throw new EOFException(name + ": the pcapng capture ends at byte offset " + offset
                            + " before its first Interface Description Block");
                }
            }
        } else {
            readPcapHeader(magic);
        }
    }

    /**
     * Opens a capture file; a gzip-compressed one (magic {@code 1f 8b}) is decompressed on the fly.
     *
     * @param file the capture file
     * @return the capture, named after the file, positioned before its first frame
     * @throws IOException if the file cannot be read or is not a pcap or pcapng capture
     */
    public static CaptureStream open(Path file) throws IOException {
        Path fileName = file.getFileName();
        InputStream raw = Files.newInputStream(file);
        try {
            return open(raw, fileName == null ? file.toString() : fileName.toString());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Reads a capture from a stream, for example {@code System.in}; a gzip-compressed stream
     * (magic {@code 1f 8b}) is decompressed on the fly. Closing the capture closes the stream.
     *
     * @param in   the stream, positioned at the capture's first byte
     * @param name the name to use in messages, for example {@code "-"}
     * @return the capture, positioned before its first frame
     * @throws IOException if the stream cannot be read or is not a pcap or pcapng capture
     */
    public static CaptureStream open(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        InputStream buffered = new BufferedInputStream(in, BUFFER);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = b0 < 0 ? -1 : buffered.read();
        buffered.reset();
        if (b0 == 0x1F && b1 == 0x8B) {
            buffered = new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER);
        }
        return new CaptureStream(buffered, name);
    }

    /**
     * Returns the name given to {@link #open(InputStream, String)}, or the file's name.
     *
     * @return the name given to {@link #open(InputStream, String)}, or the file's name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the link type of the capture (pcapng: of its first interface).
     *
     * @return the link type of the capture (pcapng: of its first interface)
     */
    public LinkType linkType() {
        return firstLinkType;
    }

    /**
     * The link type of the interface that captured a frame (pcapng files may mix link types).
     *
     * @param frame a frame of this capture: the one {@link #next()} returned last, or any if all
     *              interfaces seen so far have the same link type
     * @return its link type
     * @throws IllegalArgumentException for another frame of a capture with several link types
     */
    public LinkType linkType(CapturedFrame frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame == lastFrame) {
            return lastLinkType;
        }
        if (oneLinkType && frame.number() >= 1 && frame.number() <= number) {
            return firstLinkType;
        }
        throw new IllegalArgumentException("frame: " + frame.number()
                + " (expected: the frame next() returned last, " + number + ", in a capture with several link types)");
    }

    /**
     * Returns the next frame, numbered from 1, or {@code null} at a clean end of the capture.
     *
     * @return the next frame, numbered from 1, or {@code null} at a clean end of the capture
     * @throws EOFException if the capture ends inside a record or block (after all complete frames)
     * @throws IOException  if it cannot be read or a record is damaged or hostile
     */
    public CapturedFrame next() throws IOException {
        if (pcapng) {
            lastFrame = null;
            while (lastFrame == null) {
                if (!readBlockUntilFrame()) {
                    return null;
                }
            }
            return lastFrame;
        }
        return nextPcap();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ---------------------------------------------------------------- pcap

    private void readPcapHeader(int magic) throws IOException {
        ByteOrder order;
        switch (magic) {
            case 0xA1B2C3D4 -> {
                order = ByteOrder.BIG_ENDIAN;
                pcapNanosPerUnit = 1000;
            }
            case 0xD4C3B2A1 -> {
                order = ByteOrder.LITTLE_ENDIAN;
                pcapNanosPerUnit = 1000;
            }
            case 0xA1B23C4D -> {
                order = ByteOrder.BIG_ENDIAN;
                pcapNanosPerUnit = 1;
            }
            case 0x4D3CB2A1 -> {
                order = ByteOrder.LITTLE_ENDIAN;
                pcapNanosPerUnit = 1;
            }
            default -> throw new IOException(name + ": not a pcap or pcapng capture (magic 0x"
                    + Integer.toHexString(magic) + ")");
        }
        header.order(order);
        int got = readUpTo(scratch, 4, 20);
        if (got < 20) {
            throw new EOFException(name + ": cut off in the pcap file header at byte offset " + offset
                    + ": " + (4 + got) + " of 24 bytes");
        }
        long snaplen = header.getInt(16) & 0xFFFF_FFFFL;
        pcapCapturedLimit = capturedLimit(snaplen);
        pcapSnapshot = snapshot(snaplen);
        firstLinkType = LinkType.of(header.getInt(20) & 0xFFFF); // the upper bits hold FCS information
        lastLinkType = firstLinkType;
    }

    private CapturedFrame nextPcap() throws IOException {
        long recordAt = offset;
        int frame = number + 1;
        int got = readUpTo(scratch, 0, 16);
        if (got == 0) {
            return null;
        }
        if (got < 16) {
            throw new EOFException(name + ": cut off in the record header of frame " + frame + " at byte offset "
                    + recordAt + ": " + got + " of 16 bytes");
        }
        long seconds = header.getInt(0) & 0xFFFF_FFFFL;
        long fraction = header.getInt(4) & 0xFFFF_FFFFL;
        long captured = header.getInt(8) & 0xFFFF_FFFFL;
        long original = header.getInt(12) & 0xFFFF_FFFFL;
        checkCaptured(captured, pcapCapturedLimit, frame, recordAt);
        byte[] data = readData((int) captured, pcapSnapshot, frame, recordAt + 16, "the data");
        number = frame;
        lastFrame = new CapturedFrame(frame, Instant.ofEpochSecond(seconds, fraction * pcapNanosPerUnit),
                (int) Math.min(original, Integer.MAX_VALUE), ByteBuffer.wrap(data).asReadOnlyBuffer());
        return lastFrame;
    }

    // ---------------------------------------------------------------- pcapng

    /** Reads the rest of a Section Header Block whose type (4 bytes) is already in the scratch buffer. */
    private void readSectionHeader(long blockAt) throws IOException {
        int got = readUpTo(scratch, 4, 8);
        if (got < 8) {
            throw new EOFException(name + ": cut off in the Section Header Block at byte offset " + blockAt + ": "
                    + (4 + got) + " of 12 bytes of its header");
        }
        header.order(ByteOrder.BIG_ENDIAN);
        int byteOrderMagic = header.getInt(8);
        if (byteOrderMagic != PCAPNG_BYTE_ORDER_MAGIC) {
            header.order(ByteOrder.LITTLE_ENDIAN);
            if (header.getInt(8) != PCAPNG_BYTE_ORDER_MAGIC) {
                throw new IOException(name + ": bad pcapng byte-order magic 0x" + Integer.toHexString(byteOrderMagic)
                        + " at byte offset " + (blockAt + 8));
            }
        }
        long length = header.getInt(4) & 0xFFFF_FFFFL;
        checkBlockLength(length, 28, MAX_HEADER_BLOCK, "the Section Header Block", blockAt);
        skipOrCut(length - 12, blockAt, length, "the Section Header Block", 0);
        interfaces.clear();
    }

    /**
     * Reads one pcapng block.
     *
     * @return false at a clean end of the capture; true after a block, with {@link #lastFrame}
     *         set if it was a packet block
     */
    private boolean readBlockUntilFrame() throws IOException {
        long blockAt = offset;
        int got = readUpTo(scratch, 0, 4);
        if (got == 0) {
            return false;
        }
        if (got < 4) {
            throw new EOFException(name + ": cut off in a block header at byte offset " + blockAt + ": " + got
                    + " of 8 bytes (after frame " + number + ")");
        }
        ByteOrder sectionOrder = header.order();
        if (header.order(ByteOrder.BIG_ENDIAN).getInt(0) == PCAPNG_SECTION) { // a palindrome: either order
            readSectionHeader(blockAt);
            return true;
        }
        header.order(sectionOrder);
        got = readUpTo(scratch, 4, 4);
        int type = header.getInt(0);
        String what = blockName(type);
        if (got < 4) {
            throw new EOFException(name + ": cut off in the header of " + what + " at byte offset " + blockAt + ": "
                    + (4 + got) + " of 8 bytes (after frame " + number + ")");
        }
        long length = header.getInt(4) & 0xFFFF_FFFFL;
        switch (type) {
            case PCAPNG_IDB -> readInterface(blockAt, length);
            case PCAPNG_EPB, PCAPNG_PB -> readPacketBlock(type, blockAt, length);
            case PCAPNG_SPB -> readSimplePacketBlock(blockAt, length);
            default -> {
                checkBlockLength(length, 12, (long) MAX_CAPTURED_LENGTH + 4096, what, blockAt);
                skipOrCut(length - 8, blockAt, length, what, 0);
            }
        }
        return true;
    }

    private void readInterface(long blockAt, long length) throws IOException {
        String what = "an Interface Description Block";
        checkBlockLength(length, 20, MAX_HEADER_BLOCK, what, blockAt);
        byte[] body = new byte[(int) length - 8];
        readOrCut(body, 0, body.length, blockAt, length, what, 0);
        checkTrailer(body, body.length - 4, length, what, blockAt);
        ByteBuffer b = ByteBuffer.wrap(body).order(header.order());
        LinkType linkType = LinkType.of(b.getShort(0) & 0xFFFF);
        long snaplen = b.getInt(4) & 0xFFFF_FFFFL;
        int resolution = 6;
        boolean base2 = false;
        long offsetSeconds = 0;
        int at = 8;
        int end = body.length - 4;
        while (at + 4 <= end) {
            int code = b.getShort(at) & 0xFFFF;
            int optionLength = b.getShort(at + 2) & 0xFFFF;
            if (code == 0) {
                break;
            }
            if (at + 4 + optionLength > end) {
                throw new IOException(name + ": option " + code + " of " + what + " at byte offset " + blockAt
                        + " runs past the block");
            }
            if (code == 9 && optionLength >= 1) { // if_tsresol
                int v = b.get(at + 4) & 0xFF;
                base2 = (v & 0x80) != 0;
                resolution = v & 0x7F;
                if (base2 ? resolution > 63 : resolution > 18) {
                    throw new IOException(name + ": unsupported if_tsresol 0x" + Integer.toHexString(v)
                            + " in " + what + " at byte offset " + blockAt);
                }
            } else if (code == 14 && optionLength >= 8) { // if_tsoffset, seconds
                offsetSeconds = b.getLong(at + 4);
            }
            at += 4 + (optionLength + 3) / 4 * 4;
        }
        interfaces.add(new Interface(linkType, capturedLimit(snaplen), snapshot(snaplen), resolution, base2,
                offsetSeconds));
        if (firstLinkType == null) {
            firstLinkType = linkType;
        } else if (!firstLinkType.equals(linkType)) {
            oneLinkType = false;
        }
    }

    private void readPacketBlock(int type, long blockAt, long length) throws IOException {
        String what = blockName(type);
        int frame = number + 1;
        checkBlockLength(length, 32, (long) MAX_CAPTURED_LENGTH + SNAPLEN_SLACK, what, blockAt);
        readOrCut(scratch, 8, 20, blockAt, length, what, frame);
        int iface = type == PCAPNG_EPB ? header.getInt(8) : header.getShort(8) & 0xFFFF;
        long ts = (header.getInt(12) & 0xFFFF_FFFFL) << 32 | (header.getInt(16) & 0xFFFF_FFFFL);
        long captured = header.getInt(20) & 0xFFFF_FFFFL;
        long original = header.getInt(24) & 0xFFFF_FFFFL;
        if (iface < 0 || iface >= interfaces.size()) {
            throw new IOException(name + ": frame " + frame + " (" + what + " at byte offset " + blockAt
                    + ") names interface " + Integer.toUnsignedString(iface) + " of " + interfaces.size());
        }
        Interface in = interfaces.get(iface);
        checkCaptured(captured, in.capturedLimit(), frame, blockAt);
        if (28 + captured + 4 > length) {
            throw new IOException(name + ": frame " + frame + " (" + what + " at byte offset " + blockAt
                    + ") has captured length " + captured + ", more than its block length " + length + " holds");
        }
        byte[] data = readDataOrCut((int) captured, in.snapshot(), blockAt, length, what, frame);
        finishBlock(blockAt, length, 28 + captured, what, frame);
        emit(frame, timestamp(in, ts), original, data, in.linkType());
    }

    private void readSimplePacketBlock(long blockAt, long length) throws IOException {
        String what = blockName(PCAPNG_SPB);
        int frame = number + 1;
        checkBlockLength(length, 16, (long) MAX_CAPTURED_LENGTH + SNAPLEN_SLACK, what, blockAt);
        readOrCut(scratch, 8, 4, blockAt, length, what, frame);
        long original = header.getInt(8) & 0xFFFF_FFFFL;
        if (interfaces.isEmpty()) {
            throw new IOException(name + ": frame " + frame + " (" + what + " at byte offset " + blockAt
                    + ") comes before any Interface Description Block");
        }
        Interface in = interfaces.get(0);
        // the block holds the captured bytes, padded; as libpcap, no more than the snapshot length
        long captured = Math.min(original, Math.min(length - 16, in.snapshot()));
        byte[] data = readDataOrCut((int) captured, in.snapshot(), blockAt, length, what, frame);
        finishBlock(blockAt, length, 12 + captured, what, frame);
        emit(frame, Instant.EPOCH, original, data, in.linkType());
    }

    private void emit(int frame, Instant timestamp, long original, byte[] data, LinkType linkType) {
        number = frame;
        lastLinkType = linkType;
        lastFrame = new CapturedFrame(frame, timestamp, (int) Math.min(original, Integer.MAX_VALUE),
                ByteBuffer.wrap(data).asReadOnlyBuffer());
    }

    /** Skips padding and options after the data and checks the trailing block length. */
    private void finishBlock(long blockAt, long length, long consumed, String what, int frame) throws IOException {
        skipOrCut(length - consumed - 4, blockAt, length, what, frame);
        readOrCut(scratch, 0, 4, blockAt, length, what, frame);
        checkTrailer(scratch, 0, length, what, blockAt);
    }

    private void checkTrailer(byte[] b, int at, long length, String what, long blockAt) throws IOException {
        long trailer = ByteBuffer.wrap(b, at, 4).order(header.order()).getInt(at) & 0xFFFF_FFFFL;
        if (trailer != length) {
            throw new IOException(name + ": " + what + " at byte offset " + blockAt + " ends with block length "
                    + trailer + ", not " + length);
        }
    }

    private static Instant timestamp(Interface in, long ts) {
        long seconds;
        long nanos;
        if (in.base2()) {
            int shift = in.resolution();
            seconds = shift == 64 ? 0 : ts >>> shift;
            long fraction = shift == 0 ? 0 : ts & (-1L >>> (64 - shift));
            nanos = BigInteger.valueOf(fraction).multiply(BigInteger.valueOf(1_000_000_000L)).shiftRight(shift)
                    .longValue();
        } else {
            long units = pow10(in.resolution());
            seconds = Long.divideUnsigned(ts, units);
            long fraction = Long.remainderUnsigned(ts, units);
            nanos = in.resolution() <= 9 ? fraction * pow10(9 - in.resolution()) : fraction / pow10(in.resolution() - 9);
        }
        return Instant.ofEpochSecond(seconds + in.offsetSeconds(), nanos);
    }

    private static long pow10(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 10;
        }
        return v;
    }

    private static String blockName(int type) {
        return switch (type) {
            case PCAPNG_IDB -> "an Interface Description Block";
            case PCAPNG_PB -> "a Packet Block";
            case PCAPNG_SPB -> "a Simple Packet Block";
            case PCAPNG_EPB -> "an Enhanced Packet Block";
            case 4 -> "a Name Resolution Block";
            case 5 -> "an Interface Statistics Block";
            default -> "a block of type 0x" + Integer.toHexString(type);
        };
    }

    // ---------------------------------------------------------------- limits

    /**
     * The snapshot length libpcap applies: the file's, or 262144 when the file says 0 or more.
     * libpcap keeps only that many bytes of a longer record (tshark keeps them all).
     */
    private static int snapshot(long snaplen) {
        return snaplen == 0 || snaplen > LIBPCAP_DEFAULT_MAX_SNAPLEN ? LIBPCAP_DEFAULT_MAX_SNAPLEN : (int) snaplen;
    }

    private static long capturedLimit(long snaplen) {
        return Math.min(MAX_CAPTURED_LENGTH, Math.max(snaplen, LIBPCAP_DEFAULT_MAX_SNAPLEN) + SNAPLEN_SLACK);
    }

    private void checkCaptured(long captured, long limit, int frame, long recordAt) throws IOException {
        if (captured > limit) {
            throw new IOException(name + ": frame " + frame + " at byte offset " + recordAt + " claims a captured length of "
                    + captured + " bytes (expected: at most " + limit
                    + ", the snapshot length or 262144 plus slack, and never above 256 MiB)");
        }
    }

    private void checkBlockLength(long length, long min, long max, String what, long blockAt) throws IOException {
        if (length < min || length > max || length % 4 != 0) {
            throw new IOException(name + ": " + what + " at byte offset " + blockAt + " has block length " + length
                    + " (expected: a multiple of 4 in " + min + ".." + max + ")");
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads up to {@code n} bytes; fewer only at the end of the stream. */
    private int readUpTo(byte[] b, int at, int n) throws IOException {
        int done = 0;
        while (done < n) {
            int r;
            try {
                r = in.read(b, at + done, n - done);
            } catch (EOFException e) {
                throw new EOFException(name + ": the compressed stream is cut off at byte offset " + (offset + done)
                        + " of the decompressed capture, after frame " + number + " (" + e.getMessage() + ")");
            }
            if (r < 0) {
                break;
            }
            done += r;
        }
        offset += done;
        return done;
    }

    private void readOrCut(byte[] b, int at, int n, long blockAt, long length, String what, int frame)
            throws IOException {
        if (readUpTo(b, at, n) < n) {
            throw cutBlock(blockAt, length, what, frame);
        }
    }

    /** @param frame the frame the block holds, or 0 for a block that holds none */
    private EOFException cutBlock(long blockAt, long length, String what, int frame) {
        String which = frame == 0 ? "after frame " + number : "frame " + frame;
        return new EOFException(name + ": cut off in " + what + " at byte offset " + blockAt + " (" + which
                + "): the block has " + length + " bytes, the capture ends after " + (offset - blockAt));
    }

    private void skipOrCut(long n, long blockAt, long length, String what, int frame) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw cutBlock(blockAt, length, what, frame);
                }
                s = 1;
            }
            left -= s;
            offset += s;
        }
    }

    private byte[] readDataOrCut(int captured, int keep, long blockAt, long length, String what, int frame)
            throws IOException {
        byte[] data = readChunked(captured, keep);
        if (data == null) {
            throw cutBlock(blockAt, length, what, frame);
        }
        return data;
    }

    private byte[] readData(int captured, int keep, int frame, long dataAt, String what) throws IOException {
        byte[] data = readChunked(captured, keep);
        if (data == null) {
            throw new EOFException(name + ": cut off in " + what + " of frame " + frame + " at byte offset " + dataAt
                    + ": " + cutAfter + " of " + captured + " captured bytes");
        }
        return data;
    }

    /**
     * Reads {@code n} bytes and keeps the first {@code keep} of them.
     *
     * @return the kept bytes, or null if the capture ended first (then {@link #cutAfter} says how many came)
     */
    private byte[] readChunked(int n, int keep) throws IOException {
        if (keep >= n) {
            return readChunked(n);
        }
        byte[] data = readChunked(keep);
        if (data == null) {
            return null;
        }
        long left = n - keep;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    cutAfter = (int) (n - left);
                    return null;
                }
                s = 1;
            }
            left -= s;
            offset += s;
        }
        return data;
    }

    /**
     * Reads {@code n} bytes, allocating at most {@link #CHUNK} bytes ahead of what actually arrived.
     *
     * @return the bytes, or null if the capture ended first (then {@link #cutAfter} says how many came)
     */
    private byte[] readChunked(int n) throws IOException {
        if (n <= CHUNK) {
            byte[] data = new byte[n];
            int got = readUpTo(data, 0, n);
            cutAfter = got;
            return got < n ? null : data;
        }
        byte[] data = new byte[CHUNK];
        int have = 0;
        while (have < n) {
            if (have == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(n, 2L * data.length));
            }
            int want = Math.min(data.length, n) - have;
            int got = readUpTo(data, have, want);
            have += got;
            if (got < want) {
                cutAfter = have;
                return null;
            }
        }
        return data;
    }
}
