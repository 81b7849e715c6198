package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.IpScan;

/**
 * Stateful and not thread-safe: reassembles STT frames from their segments; use one per
 * receive queue.
 *
 * <p>{@link #offer(ByteBuffer, long)} takes one outer IPv4 or IPv6 packet carrying an STT
 * segment and returns a {@link Result}: {@link Incomplete}, {@link Complete} with the frame,
 * its decoded {@link SttFrameHeader} and the inner Ethernet frame as a slice, or
 * {@link Rejected} with a {@link RejectReason}. It never throws for a bad segment, and counts
 * every outcome ({@link #stats()}). Time is an argument, never read from a clock.
 *
 * <h2>Frames</h2>
 * A frame is keyed by the outer source and destination addresses (IPv4 or IPv6), the source
 * and destination ports and the Frame Identifier. Segments arrive in any order. A segment whose
 * octets are all held already is an exact (or contained) duplicate and is ignored. A segment
 * that overlaps held octets with different bytes, that carries another Frame Length than the
 * frame's first segment, or that ends past the Frame Length drops the whole frame. A frame is
 * complete when its octets {@code [0, Frame Length)} are all held. ECN Congestion Experienced on
 * any of its segments' outer headers is carried to the result (draft-davie-stt §3.3.1). A frame
 * in a single segment is handed back at once as slices of that segment, with no state.
 *
 * <h2>Resource limits and hostile input</h2>
 * Every limit comes through {@link Limits}: the bytes held, the frames in flight, the segments
 * per frame, the frame timeout.
 * <ul>
 *   <li>The bytes held are the fixed bookkeeping (every table is allocated in the constructor,
 *       sized by the limits, and counted), the frame buffers of frames in flight, and the free
 *       buffers kept for reuse. They never exceed {@code maxBytes}: a new frame that would
 *       exceed it first frees the pooled buffers, then evicts the oldest frames (counted as
 *       evicted); a frame that cannot fit even then is refused ({@link RejectReason#FRAME_TOO_LARGE}).</li>
 *   <li>A new frame beyond {@code maxFrames} evicts the oldest one.</li>
 *   <li>A frame whose distinct segments exceed {@code maxSegmentsPerFrame} is dropped.</li>
 *   <li>A frame whose first segment is older than {@code frameTimeoutNanos} is dropped (counted
 *       as timed out) by the next call that passes a later time.</li>
 *   <li>Lookups use an open-addressing table of primitive keys: a flood of new Frame
 *       Identifiers costs constant time per segment and allocates nothing beyond the frames'
 *       buffers, which the limits bound.</li>
 *   <li>Every length is checked before it is used; no segment is trusted to fit its frame.</li>
 * </ul>
 *
 * <h2>Buffers</h2>
 * A frame reassembled from several segments lives in a buffer from the reassembler's pool
 * (power-of-two sizes, 64 octets to 64 KiB). The caller gives it back with
 * {@link #release(Complete)} when done with the frame; then no segment allocates once the
 * pool is warm. A buffer never given back is simply left to the garbage collector.
 */
public final class SttReassembler {
    /**
     * The reassembler's limits.
     *
     * @param maxBytes            the most bytes held, bookkeeping, frame buffers and free buffers together
     * @param maxFrames           the most frames in flight, 1..65536
     * @param maxSegmentsPerFrame the most distinct segments of one frame, 1..65535
     * @param frameTimeoutNanos   how long a frame may wait for its last segment, from its first
     * @param verifyChecksums     whether each segment's TCP checksum is verified (draft §3.3: verify)
     * @param port                the STT destination port, 7471 by default
     */
    public record Limits(long maxBytes, int maxFrames, int maxSegmentsPerFrame, long frameTimeoutNanos,
                         boolean verifyChecksums, int port) {
        /** Checks the components. */
        public Limits {
            Check.inRange("maxBytes", maxBytes, 1, Long.MAX_VALUE);
            Check.inRange("maxFrames", maxFrames, 1, 1 << 16);
            Check.inRange("maxSegmentsPerFrame", maxSegmentsPerFrame, 1, 0xFFFF);
            Check.inRange("frameTimeoutNanos", frameTimeoutNanos, 1, Long.MAX_VALUE);
            Check.inRange("port", port, 0, 0xFFFF);
        }

        /**
         * Open vSwitch's choices: 4 MiB, 30 s; 256 frames of at most 64 segments; checksums verified.
         *
         * @return the defaults
         */
        public static Limits defaults() {
            return new Limits(4L << 20, 256, 64, 30_000_000_000L, true, SttLayout.PORT);
        }
    }

    /** What one segment led to. */
    public sealed interface Result permits Incomplete, Complete, Rejected {
    }

    /** The segment was kept (or ignored as a duplicate); its frame is not complete yet. */
    public enum Incomplete implements Result {
        /** The only value. */
        INSTANCE
    }

    /**
     * A complete frame.
     *
     * @param header                the decoded STT frame header
     * @param frame                 the whole STT frame (header first), position 0
     * @param innerFrame            the inner Ethernet frame: a slice of {@code frame}
     * @param frameIdentifier       the Frame Identifier
     * @param segments              how many segments it came in
     * @param congestionExperienced whether any segment's outer header carried ECN CE
     * @param pooled                whether {@code frame} is a pool buffer to give back with {@link #release}
     */
    public record Complete(SttFrameHeader header, ByteBuffer frame, ByteBuffer innerFrame, long frameIdentifier,
                           int segments, boolean congestionExperienced, boolean pooled) implements Result {
        /** Checks the components. */
        public Complete {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(frame, "frame");
            Objects.requireNonNull(innerFrame, "innerFrame");
        }
    }

    /**
     * A refused segment; when the reason drops a frame, the frame's state is gone.
     *
     * @param reason why
     */
    public record Rejected(RejectReason reason) implements Result {
        /** Checks the component. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a segment was refused. */
    public enum RejectReason {
        /** The outer IP header is malformed, truncated or a fragment. */
        MALFORMED_OUTER,
        /** Not TCP to the STT port. */
        NOT_STT,
        /** The TCP-like header is not 20 octets, or its Frame Length or Segment Offset is impossible. */
        BAD_SEGMENT_HEADER,
        /** The TCP checksum does not verify. */
        BAD_CHECKSUM,
        /** The segment carries no payload. */
        EMPTY_SEGMENT,
        /** The segment ends past the Frame Length; its frame is dropped. */
        SEGMENT_PAST_END,
        /** The Frame Length differs from the frame's first segment; the frame is dropped. */
        LENGTH_MISMATCH,
        /** The segment overlaps held octets with different bytes; the frame is dropped. */
        OVERLAP_CONFLICT,
        /** The frame has more distinct segments than the limit; it is dropped. */
        TOO_MANY_SEGMENTS,
        /** The frame cannot fit in the byte limit even with everything else evicted. */
        FRAME_TOO_LARGE,
        /** The complete frame's header is invalid (version, or C with P); the frame is dropped. */
        BAD_FRAME_HEADER
    }

    /**
     * The counters and the current holdings.
     *
     * @param segments       segments offered
     * @param completed      frames completed
     * @param timedOut       frames dropped by the timeout
     * @param evicted        frames evicted to make room
     * @param duplicates     segments ignored as duplicates
     * @param rejected       segments refused, by reason
     * @param bytesHeld      bytes held now, bookkeeping included
     * @param framesInFlight frames in flight now
     */
    public record Stats(long segments, long completed, long timedOut, long evicted, long duplicates,
                        Map<RejectReason, Long> rejected, long bytesHeld, int framesInFlight) {
        /** Copies the map. */
        public Stats {
            rejected = Map.copyOf(rejected);
        }

        /** @return the segments refused, all reasons together */
        public long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final int TCP = 6;
    private static final int MIN_CLASS = 6;
    private static final int MAX_CLASS = 16;
    private static final Rejected[] REJECTED;

    static {
        RejectReason[] reasons = RejectReason.values();
        REJECTED = new Rejected[reasons.length];
        for (RejectReason r : reasons) {
            REJECTED[r.ordinal()] = new Rejected(r);
        }
    }

    private final Limits limits;
    private final long fixedBytes;

    // Frames in flight, struct of arrays, slot-indexed.
    private final long[] keyA;
    private final long[] keyB;
    private final long[] keyC;
    private final long[] keyD;
    private final long[] keyE; // ports << 32 | frame identifier
    private final int[] frameLength;
    private final int[] intervalCount;
    private final int[] segmentCount;
    private final int[][] starts;
    private final int[][] ends;
    private final byte[][] buffer;
    private final long[] firstSeen;
    private final boolean[] congestion;
    private final int[] older;
    private final int[] newer;
    private int oldest = -1;
    private int newest = -1;
    private final int[] freeSlots;
    private int freeCount;
    private int inFlight;

    // Open-addressing index: slot + 1, 0 when empty.
    private final int[] table;
    private final int mask;

    // Pool of free frame buffers by power-of-two class.
    @SuppressWarnings("unchecked")
    private final ArrayDeque<byte[]>[] pool = new ArrayDeque[MAX_CLASS + 1];
    private long bufferBytes;

    private long segments;
    private long completed;
    private long timedOut;
    private long evicted;
    private long duplicates;
    private final long[] rejectedCounts = new long[RejectReason.values().length];

    /**
     * @param limits the limits
     * @throws IllegalArgumentException if the bookkeeping alone exceeds {@code maxBytes}
     */
    public SttReassembler(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        int n = limits.maxFrames();
        int segs = limits.maxSegmentsPerFrame();
        int tableSize = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        long perFrame = 5 * 8 + 4 * 4 + 8 + 1 + 2 * 4 + 4 // keys, lengths and counts, firstSeen, congestion, links, free
                + 2 * (16 + 4L * (segs + 1)) + 8 + 8; // interval arrays, buffer reference, array slots
        long fixed = 512 + n * perFrame + 4L * tableSize;
        if (fixed > limits.maxBytes()) {
            throw new IllegalArgumentException("limits: bookkeeping of " + fixed + " bytes exceeds maxBytes "
                    + limits.maxBytes() + " (expected: fewer frames or segments, or more bytes)");
        }
        this.fixedBytes = fixed;
        keyA = new long[n];
        keyB = new long[n];
        keyC = new long[n];
        keyD = new long[n];
        keyE = new long[n];
        frameLength = new int[n];
        intervalCount = new int[n];
        segmentCount = new int[n];
        starts = new int[n][segs + 1];
        ends = new int[n][segs + 1];
        buffer = new byte[n][];
        firstSeen = new long[n];
        congestion = new boolean[n];
        older = new int[n];
        newer = new int[n];
        freeSlots = new int[n];
        for (int i = 0; i < n; i++) {
            freeSlots[i] = n - 1 - i;
        }
        freeCount = n;
        table = new int[tableSize];
        mask = tableSize - 1;
        for (int c = MIN_CLASS; c <= MAX_CLASS; c++) {
            pool[c] = new ArrayDeque<>();
        }
    }

    /** @return the limits */
    public Limits limits() {
        return limits;
    }

    /** Offers the outer IP packet from {@code packet.position()} to its limit; see {@link #offer(ByteBuffer, int, int, long)}. */
    public Result offer(ByteBuffer packet, long nowNanos) {
        return offer(packet, packet.position(), packet.limit(), nowNanos);
    }

    /**
     * Offers one outer IPv4 or IPv6 packet carrying an STT segment. The packet is not modified
     * and not kept: its payload octets are copied into the frame's buffer (a single-segment
     * frame is returned as slices of it instead).
     *
     * @param packet   the buffer
     * @param index    the absolute index of the outer IP header
     * @param limit    the end of the packet
     * @param nowNanos the current time, from any monotonic clock the caller keeps
     * @return what the segment led to
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code packet.limit()}
     */
    public Result offer(ByteBuffer packet, int index, int limit, long nowNanos) {
        Objects.checkFromToIndex(index, limit, packet.limit());
        segments++;
        expire(nowNanos);
        // The outer header is checked as core's decoders check it (IPv6 extension headers
        // walked to TCP); a fragment is refused (reassemble first).
        long scan = IpScan.ip(packet, index, limit);
        if (!IpScan.isValid(scan) || IpScan.isFragment(scan)) {
            return reject(RejectReason.MALFORMED_OUTER);
        }
        if (IpScan.protocol(scan) != TCP) {
            return reject(RejectReason.NOT_STT);
        }
        long a;
        long b;
        long c;
        long d;
        int tcp = index + IpScan.headerLength(scan);
        int tcpLength = IpScan.payloadLength(scan);
        int end = tcp + tcpLength;
        boolean ce;
        int pseudo;
        if (IpScan.version(scan) == 4) {
            int src = Wire.i32(packet, index + 12);
            int dst = Wire.i32(packet, index + 16);
            a = 4;
            b = src & 0xFFFF_FFFFL;
            c = 0;
            d = dst & 0xFFFF_FFFFL;
            ce = (Wire.u8(packet, index + 1) & 3) == 3;
            pseudo = limits.verifyChecksums() ? pseudoSum(b + d, tcpLength) : 0;
        } else {
            a = Wire.i64(packet, index + 8);
            b = Wire.i64(packet, index + 16);
            c = Wire.i64(packet, index + 24);
            d = Wire.i64(packet, index + 32);
            ce = (Wire.i32(packet, index) >>> 20 & 3) == 3;
            // RFC 8200 §8.1: the pseudo-header's Upper-Layer Packet Length excludes extension headers.
            pseudo = limits.verifyChecksums() ? pseudoSum(halves(a) + halves(b) + halves(c) + halves(d), tcpLength) : 0;
        }
        if (end - tcp < SttLayout.SEGMENT_HEADER_LENGTH) {
            return reject(RejectReason.MALFORMED_OUTER);
        }
        long t0 = Wire.i64(packet, tcp);
        long t1 = Wire.i64(packet, tcp + 8);
        int ports = (int) (t0 >>> 32);
        if ((ports & 0xFFFF) != limits.port()) {
            return reject(RejectReason.NOT_STT);
        }
        if (SttSegmentCodec.check(t0, t1) != 0) {
            return reject(RejectReason.BAD_SEGMENT_HEADER);
        }
        int length = (int) (t0 >>> 16) & 0xFFFF;
        int offset = (int) t0 & 0xFFFF;
        long id = t1 >>> 32;
        int data = tcp + SttLayout.SEGMENT_HEADER_LENGTH;
        int n = end - data;
        if (n == 0) {
            return reject(RejectReason.EMPTY_SEGMENT);
        }
        if (limits.verifyChecksums() && !InternetChecksum.verifies(packet, tcp, end - tcp, pseudo)) {
            return reject(RejectReason.BAD_CHECKSUM);
        }
        long e = (long) ports << 32 | id;
        int slot = find(a, b, c, d, e);
        if (offset + n > length) {
            if (slot >= 0) {
                drop(slot);
            }
            return reject(RejectReason.SEGMENT_PAST_END);
        }
        if (offset == 0 && n == length && slot < 0) {
            return single(packet, data, length, id, ce);
        }
        if (slot < 0) {
            slot = open(a, b, c, d, e, length, nowNanos);
            if (slot < 0) {
                return reject(RejectReason.FRAME_TOO_LARGE);
            }
        } else if (frameLength[slot] != length) {
            drop(slot);
            return reject(RejectReason.LENGTH_MISMATCH);
        }
        return add(slot, packet, data, offset, n, ce);
    }

    private Result single(ByteBuffer packet, int data, int length, long id, boolean ce) {
        Decoded<SttFrameHeader> header;
        try {
            header = SttFrameCodec.decode(packet, data, data + length);
        } catch (MalformedPacketException e) {
            return reject(RejectReason.BAD_FRAME_HEADER);
        }
        completed++;
        return new Complete(header.header(), packet.slice(data, length), header.payload(), id, 1, ce, false);
    }

    private Result add(int slot, ByteBuffer packet, int data, int offset, int n, boolean ce) {
        byte[] buf = buffer[slot];
        int[] s = starts[slot];
        int[] en = ends[slot];
        int count = intervalCount[slot];
        int end = offset + n;
        // The first interval that ends at or after the new start (intervals are sorted and disjoint).
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (en[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int i = lo;
        // Compare every overlapping octet; note whether the new range is wholly held.
        int covered = 0;
        for (int j = i; j < count && s[j] <= end; j++) {
            int from = Math.max(s[j], offset);
            int to = Math.min(en[j], end);
            for (int k = from; k < to; k++) {
                if (buf[k] != packet.get(data + k - offset)) {
                    drop(slot);
                    return reject(RejectReason.OVERLAP_CONFLICT);
                }
            }
            covered += Math.max(0, to - from);
        }
        if (covered == n) {
            duplicates++;
            return Incomplete.INSTANCE;
        }
        if (segmentCount[slot] == limits.maxSegmentsPerFrame()) {
            drop(slot);
            return reject(RejectReason.TOO_MANY_SEGMENTS);
        }
        segmentCount[slot]++;
        congestion[slot] |= ce;
        packet.get(data, buf, offset, n);
        // Merge [offset, end) with every interval it touches, [i, j).
        int j = i;
        int mergedStart = offset;
        int mergedEnd = end;
        while (j < count && s[j] <= end) {
            mergedStart = Math.min(mergedStart, s[j]);
            mergedEnd = Math.max(mergedEnd, en[j]);
            j++;
        }
        int removed = j - i;
        if (removed == 0) {
            System.arraycopy(s, i, s, i + 1, count - i);
            System.arraycopy(en, i, en, i + 1, count - i);
            count++;
        } else if (removed > 1) {
            System.arraycopy(s, j, s, i + 1, count - j);
            System.arraycopy(en, j, en, i + 1, count - j);
            count -= removed - 1;
        }
        s[i] = mergedStart;
        en[i] = mergedEnd;
        intervalCount[slot] = count;
        if (count == 1 && s[0] == 0 && en[0] == frameLength[slot]) {
            return finish(slot);
        }
        return Incomplete.INSTANCE;
    }

    private Result finish(int slot) {
        int length = frameLength[slot];
        byte[] buf = buffer[slot];
        long id = keyE[slot] & 0xFFFF_FFFFL;
        int count = segmentCount[slot];
        boolean ce = congestion[slot];
        buffer[slot] = null;
        bufferBytes -= buf.length; // the caller owns it now, until release
        unlink(slot);
        ByteBuffer frame = ByteBuffer.wrap(buf, 0, length).slice();
        Decoded<SttFrameHeader> header;
        try {
            header = SttFrameCodec.decode(frame);
        } catch (MalformedPacketException e) {
            giveBack(buf);
            return reject(RejectReason.BAD_FRAME_HEADER);
        }
        completed++;
        return new Complete(header.header(), frame, header.payload(), id, count, ce, true);
    }

    /**
     * Gives a complete frame's buffer back to the pool. The frame and its slices must not be
     * used afterwards. A frame that was not pooled (one segment) is left alone.
     */
    public void release(Complete complete) {
        if (complete.pooled() && complete.frame().hasArray()) {
            giveBack(complete.frame().array());
        }
    }

    private void giveBack(byte[] buf) {
        int cls = Integer.numberOfTrailingZeros(buf.length);
        if (buf.length != 1 << cls || cls < MIN_CLASS || cls > MAX_CLASS) {
            return; // not one of ours
        }
        if (held() + buf.length <= limits.maxBytes()) {
            pool[cls].push(buf);
            bufferBytes += buf.length;
        }
    }

    /** Opens a frame slot, making room within the limits; -1 if it cannot fit. */
    private int open(long a, long b, long c, long d, long e, int length, long now) {
        int cls = Math.max(MIN_CLASS, 32 - Integer.numberOfLeadingZeros(length - 1));
        int need = 1 << cls;
        if (fixedBytes + need > limits.maxBytes()) {
            return -1;
        }
        byte[] buf = pool[cls].poll();
        if (buf != null) {
            bufferBytes -= need; // counted again below as in flight
        }
        while (inFlight == limits.maxFrames() || held() + need > limits.maxBytes()) {
            if (freePooledBuffer()) {
                continue;
            }
            if (oldest < 0) {
                return -1;
            }
            drop(oldest);
            evicted++;
        }
        if (buf == null) {
            buf = new byte[need];
        }
        bufferBytes += need;
        int slot = freeSlots[--freeCount];
        keyA[slot] = a;
        keyB[slot] = b;
        keyC[slot] = c;
        keyD[slot] = d;
        keyE[slot] = e;
        frameLength[slot] = length;
        intervalCount[slot] = 0;
        segmentCount[slot] = 0;
        buffer[slot] = buf;
        firstSeen[slot] = now;
        congestion[slot] = false;
        older[slot] = newest;
        newer[slot] = -1;
        if (newest >= 0) {
            newer[newest] = slot;
        } else {
            oldest = slot;
        }
        newest = slot;
        inFlight++;
        insert(slot);
        return slot;
    }

    private boolean freePooledBuffer() {
        for (int cls = MAX_CLASS; cls >= MIN_CLASS; cls--) {
            byte[] b = pool[cls].poll();
            if (b != null) {
                bufferBytes -= b.length;
                return true;
            }
        }
        return false;
    }

    private void expire(long now) {
        while (oldest >= 0 && now - firstSeen[oldest] >= limits.frameTimeoutNanos()) {
            drop(oldest);
            timedOut++;
        }
    }

    /** Drops a frame in flight: its buffer goes back to the pool. */
    private void drop(int slot) {
        byte[] buf = buffer[slot];
        buffer[slot] = null;
        bufferBytes -= buf.length;
        unlink(slot);
        giveBack(buf);
    }

    private void unlink(int slot) {
        remove(slot);
        int o = older[slot];
        int nw = newer[slot];
        if (o >= 0) {
            newer[o] = nw;
        } else {
            oldest = nw;
        }
        if (nw >= 0) {
            older[nw] = o;
        } else {
            newest = o;
        }
        freeSlots[freeCount++] = slot;
        inFlight--;
    }

    private long held() {
        return fixedBytes + bufferBytes;
    }

    private Rejected reject(RejectReason reason) {
        rejectedCounts[reason.ordinal()]++;
        return REJECTED[reason.ordinal()];
    }

    // ---- the index: linear probing over slot numbers, backward-shift deletion ----

    private int hash(long a, long b, long c, long d, long e) {
        long h = a * 0x9E3779B97F4A7C15L;
        h = (h ^ b) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ c) * 0x165667B19E3779F9L;
        h = (h ^ d) * 0x9E3779B97F4A7C15L;
        h = (h ^ e) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ h >>> 32) & mask;
    }

    private int find(long a, long b, long c, long d, long e) {
        for (int i = hash(a, b, c, d, e); ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                return -1;
            }
            int s = v - 1;
            if (keyE[s] == e && keyB[s] == b && keyD[s] == d && keyA[s] == a && keyC[s] == c) {
                return s;
            }
        }
    }

    private void insert(int slot) {
        int i = hash(keyA[slot], keyB[slot], keyC[slot], keyD[slot], keyE[slot]);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = slot + 1;
    }

    private void remove(int slot) {
        int i = hash(keyA[slot], keyB[slot], keyC[slot], keyD[slot], keyE[slot]);
        while (table[i] != slot + 1) {
            i = (i + 1) & mask;
        }
        table[i] = 0;
        // Shift back the entries of the cluster that follows, so that lookups still find them.
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int s = table[j] - 1;
            int home = hash(keyA[s], keyB[s], keyC[s], keyD[s], keyE[s]);
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                table[i] = table[j];
                table[j] = 0;
                i = j;
            }
        }
    }

    /** The pseudo-header sum for TCP (RFC 9293 §3.1, RFC 8200 §8.1) from pre-summed address words, allocation-free. */
    private static int pseudoSum(long addressWords, int tcpLength) {
        // The length is 32 bits in the IPv6 pseudo-header (a jumbogram's may exceed 65535).
        return InternetChecksum.fold(addressWords + TCP + (tcpLength >>> 16) + (tcpLength & 0xFFFF));
    }

    private static long halves(long w) {
        return (w >>> 32) + (w & 0xFFFF_FFFFL);
    }

    /** @return a snapshot of the counters */
    public Stats stats() {
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, rejectedCounts[r.ordinal()]);
        }
        return new Stats(segments, completed, timedOut, evicted, duplicates, rejected, held(), inFlight);
    }

    /** @return the bytes held now, bookkeeping included (never above {@code maxBytes}) */
    public long bytesHeld() {
        return held();
    }

    /** @return the frames in flight now */
    public int framesInFlight() {
        return inFlight;
    }
}
