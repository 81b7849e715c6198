package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.IpScan;

/**
 * Stateful and not thread-safe: reassembles STT frames from their segments; use one per
 * receive queue.
 *
 * <p>{@link #offer(ByteBuffer, int, int, long, SttReassembly)} takes one outer IPv4 or IPv6
 * packet carrying an STT segment and returns a {@link Verdict}: {@link Verdict#INCOMPLETE} or
 * {@link Verdict#DUPLICATE} while the frame waits for more, {@link Verdict#COMPLETE} with the
 * frame in the caller's {@link SttReassembly} (its decoded {@link SttFrameHeader}, the frame and
 * the inner Ethernet frame as views), or the reason the segment was refused. It never throws for
 * a bad segment, and counts every verdict ({@link #count(Verdict)}, {@link #stats()}). Time is
 * an argument, never read from a clock.
 *
 * <h2>Frames</h2>
 * A frame is keyed by the outer source and destination addresses (IPv4 or IPv6), the source
 * and destination ports and the Frame Identifier. Segments arrive in any order. A segment whose
 * octets are all held already is an exact (or contained) duplicate and is ignored. A segment
 * that overlaps held octets with different bytes, that carries another Frame Length than the
 * frame's first segment, or that ends past the Frame Length drops the whole frame. A frame is
 * complete when its octets {@code [0, Frame Length)} are all held. ECN Congestion Experienced on
 * any of its segments' outer headers is carried to the result (draft-davie-stt-08 §3.3.1). A
 * frame in a single segment is handed back at once as views of that segment, with no state.
 *
 * <h2>Resource limits and hostile input</h2>
 * Every limit comes through {@link Limits}: the bytes held, the frames in flight, the segments
 * per frame, the frame timeout.
 * <ul>
 *   <li>The bytes held are the fixed bookkeeping (every table is allocated in the constructor,
 *       sized by the limits, and counted), the frame buffers of frames in flight, and the free
 *       buffers kept for reuse. They never exceed {@code maxBytes}: a new frame that would
 *       exceed it first frees the pooled buffers, then evicts the oldest frames (counted as
 *       evicted); a frame that cannot fit even then is refused ({@link Verdict#FRAME_TOO_LARGE}).</li>
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
 * {@link #release(SttReassembly)} or {@link SttReassembly#release()} when done with the frame,
 * or by letting the holder take the next complete frame; then no segment allocates once the
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
     * @param verifyChecksums     whether each segment's TCP checksum is verified (draft-davie-stt-08
     *                            §3.3: the receiver verifies it, as for TCP)
     * @param port                the STT destination port, 7471 by default
     */
    public record Limits(long maxBytes, int maxFrames, int maxSegmentsPerFrame, long frameTimeoutNanos,
                         boolean verifyChecksums, int port) {
        /**
         * Checks the components.
         *
         * @param maxBytes            the most bytes held, bookkeeping, frame buffers and free buffers together
         * @param maxFrames           the most frames in flight, 1..65536
         * @param maxSegmentsPerFrame the most distinct segments of one frame, 1..65535
         * @param frameTimeoutNanos   how long a frame may wait for its last segment, from its first
         * @param verifyChecksums     whether each segment's TCP checksum is verified (draft-davie-stt-08 §3.3: the receiver verifies it, as for TCP)
         * @param port                the STT destination port, 7471 by default
         * @throws IllegalArgumentException if one is out of range
         */
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

    /** What one segment led to. A verdict that {@linkplain #rejected() rejects} the segment says why. */
    public enum Verdict {
        /** The segment was kept; its frame is not complete yet. */
        INCOMPLETE(false),
        /** Every octet of the segment is held already, with the same bytes: ignored; the frame is not complete yet. */
        DUPLICATE(false),
        /** The segment completed a frame, or held a whole frame: the caller's {@link SttReassembly} has it. */
        COMPLETE(false),
        /** The outer IP header is malformed, truncated or a fragment. */
        MALFORMED_OUTER(true),
        /** Not TCP to the STT port. */
        NOT_STT(true),
        /** The TCP-like header is not 20 octets, or its Frame Length or Segment Offset is impossible. */
        BAD_SEGMENT_HEADER(true),
        /** The TCP checksum does not verify. */
        BAD_CHECKSUM(true),
        /** The segment carries no payload. */
        EMPTY_SEGMENT(true),
        /** The segment ends past the Frame Length; its frame is dropped. */
        SEGMENT_PAST_END(true),
        /** The Frame Length differs from the frame's first segment; the frame is dropped. */
        LENGTH_MISMATCH(true),
        /** The segment overlaps held octets with different bytes; the frame is dropped. */
        OVERLAP_CONFLICT(true),
        /** The frame has more distinct segments than the limit; it is dropped. */
        TOO_MANY_SEGMENTS(true),
        /** The frame cannot fit in the byte limit even with everything else evicted. */
        FRAME_TOO_LARGE(true),
        /** The complete frame's header is invalid (version, or C with P); the frame is dropped. */
        BAD_FRAME_HEADER(true);

        private final boolean rejected;

        Verdict(boolean rejected) {
            this.rejected = rejected;
        }

        /**
         * Returns whether the segment was refused (every verdict but INCOMPLETE, DUPLICATE and
         * COMPLETE).
         *
         * @return whether the segment was refused (every verdict but INCOMPLETE, DUPLICATE and COMPLETE)
         */
        public boolean rejected() {
            return rejected;
        }
    }

    /**
     * A snapshot of the counters and the current holdings.
     *
     * @param verdicts       segments offered, by verdict (every verdict present)
     * @param timedOut       frames dropped by the timeout
     * @param evicted        frames evicted to make room
     * @param bytesHeld      bytes held when the snapshot was taken, bookkeeping included
     * @param framesInFlight frames in flight when the snapshot was taken
     */
    public record Stats(Map<Verdict, Long> verdicts, long timedOut, long evicted, long bytesHeld, int framesInFlight) {
        /**
         * Copies the counts, every verdict present (0 where the map has none).
         *
         * @param verdicts       segments offered, by verdict (every verdict present)
         * @param timedOut       frames dropped by the timeout
         * @param evicted        frames evicted to make room
         * @param bytesHeld      bytes held when the snapshot was taken, bookkeeping included
         * @param framesInFlight frames in flight when the snapshot was taken
         * @throws NullPointerException if the map or a count is null
         */
        public Stats {
            EnumMap<Verdict, Long> copy = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                copy.put(v, 0L);
            }
            copy.putAll(verdicts);
            if (copy.containsValue(null)) {
                throw new NullPointerException("verdicts: a null count");
            }
            verdicts = Collections.unmodifiableMap(copy);
        }

        /**
         * Returns the segments that got it.
         *
         * @param verdict a verdict
         * @return the segments that got it
         */
        public long count(Verdict verdict) {
            return verdicts.get(verdict);
        }

        /**
         * Returns the segments offered, all verdicts together.
         *
         * @return the segments offered, all verdicts together
         */
        public long segments() {
            long n = 0;
            for (long c : verdicts.values()) {
                n += c;
            }
            return n;
        }

        /**
         * Returns the frames completed.
         *
         * @return the frames completed
         */
        public long completed() {
            return count(Verdict.COMPLETE);
        }

        /**
         * Returns the segments ignored as duplicates.
         *
         * @return the segments ignored as duplicates
         */
        public long duplicates() {
            return count(Verdict.DUPLICATE);
        }

        /**
         * Returns the segments refused, all reasons together.
         *
         * @return the segments refused, all reasons together
         */
        public long rejected() {
            long n = 0;
            for (Map.Entry<Verdict, Long> e : verdicts.entrySet()) {
                if (e.getKey().rejected()) {
                    n += e.getValue();
                }
            }
            return n;
        }
    }

    private static final int TCP = 6;

    private final Limits limits;
    private final long fixedBytes;
    private final SttFrameTable frames;
    private final SttBufferPool pool = new SttBufferPool();
    /** What the buffers of the frames in flight cost. */
    private long inFlightBytes;
    private final long[] counts = new long[Verdict.values().length];
    private long timedOut;
    private long evicted;

    /**
     * A reassembler whose tables are allocated now, from the limits, and counted in the bytes held.
     *
     * @param limits the limits
     * @throws IllegalArgumentException if the bookkeeping alone exceeds {@code maxBytes}
     */
    public SttReassembler(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        long fixed = SttFrameTable.bookkeepingBytes(limits.maxFrames(), limits.maxSegmentsPerFrame());
        if (fixed > limits.maxBytes()) {
            throw new IllegalArgumentException("limits: bookkeeping of " + fixed + " bytes exceeds maxBytes "
                    + limits.maxBytes() + " (expected: fewer frames or segments, or more bytes)");
        }
        this.fixedBytes = fixed;
        this.frames = new SttFrameTable(limits.maxFrames(), limits.maxSegmentsPerFrame());
    }

    /**
     * Returns the limits.
     *
     * @return the limits
     */
    public Limits limits() {
        return limits;
    }

    /**
     * Offers the outer IP packet from {@code packet.position()} to its limit; see
     * {@link #offer(ByteBuffer, int, int, long, SttReassembly)}.
     *
     * @param packet   the buffer; its position and limit do not move
     * @param nowNanos the current time, from any monotonic clock the caller keeps
     * @param out      the holder a complete frame is put in
     * @return what the segment led to
     */
    public Verdict offer(ByteBuffer packet, long nowNanos, SttReassembly out) {
        return offer(packet, packet.position(), packet.limit(), nowNanos, out);
    }

    /**
     * Offers one outer IPv4 or IPv6 packet carrying an STT segment. The packet is not modified
     * and not kept: its payload octets are copied into the frame's buffer (a single-segment
     * frame is handed back as views of it instead). On {@link Verdict#COMPLETE} {@code out}
     * holds the frame; on any other verdict it is unchanged.
     *
     * @param packet   the buffer
     * @param index    the absolute index of the outer IP header
     * @param limit    the end of the packet
     * @param nowNanos the current time, from any monotonic clock the caller keeps
     * @param out      the holder a complete frame is put in
     * @return what the segment led to
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code packet.limit()}
     */
    public Verdict offer(ByteBuffer packet, int index, int limit, long nowNanos, SttReassembly out) {
        Objects.checkFromToIndex(index, limit, packet.limit());
        Objects.requireNonNull(out, "out");
        expire(nowNanos);
        Verdict v = reassemble(packet, index, limit, nowNanos, out);
        counts[v.ordinal()]++;
        return v;
    }

    private Verdict reassemble(ByteBuffer packet, int index, int limit, long nowNanos, SttReassembly out) {
        // The outer header is checked as core's decoders check it (IPv6 extension headers
        // walked to TCP); a fragment is refused (reassemble first).
        long scan = IpScan.ip(packet, index, limit);
        if (!IpScan.isValid(scan) || IpScan.isFragment(scan)) {
            return Verdict.MALFORMED_OUTER;
        }
        if (IpScan.protocol(scan) != TCP) {
            return Verdict.NOT_STT;
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
            return Verdict.MALFORMED_OUTER;
        }
        long t0 = Wire.i64(packet, tcp);
        long t1 = Wire.i64(packet, tcp + 8);
        int ports = (int) (t0 >>> 32);
        if ((ports & 0xFFFF) != limits.port()) {
            return Verdict.NOT_STT;
        }
        if (SttSegmentDecoder.check(t0, t1) != 0) {
            return Verdict.BAD_SEGMENT_HEADER;
        }
        int length = (int) (t0 >>> 16) & 0xFFFF;
        int offset = (int) t0 & 0xFFFF;
        long id = t1 >>> 32;
        int data = tcp + SttLayout.SEGMENT_HEADER_LENGTH;
        int n = end - data;
        if (n == 0) {
            return Verdict.EMPTY_SEGMENT;
        }
        if (limits.verifyChecksums() && !InternetChecksum.verifies(packet, tcp, end - tcp, pseudo)) {
            return Verdict.BAD_CHECKSUM;
        }
        long e = (long) ports << 32 | id;
        int slot = frames.find(a, b, c, d, e);
        if (offset + n > length) {
            if (slot >= 0) {
                drop(slot);
            }
            return Verdict.SEGMENT_PAST_END;
        }
        if (offset == 0 && n == length && slot < 0) {
            return single(packet, data, length, id, ce, out);
        }
        if (slot < 0) {
            slot = open(a, b, c, d, e, length, nowNanos);
            if (slot < 0) {
                return Verdict.FRAME_TOO_LARGE;
            }
        } else if (frames.frameLength(slot) != length) {
            drop(slot);
            return Verdict.LENGTH_MISMATCH;
        }
        switch (frames.add(slot, packet, data, offset, n, ce)) {
            case SttFrameTable.ADDED:
                return Verdict.INCOMPLETE;
            case SttFrameTable.DUPLICATE:
                return Verdict.DUPLICATE;
            case SttFrameTable.CONFLICT:
                drop(slot);
                return Verdict.OVERLAP_CONFLICT;
            case SttFrameTable.TOO_MANY:
                drop(slot);
                return Verdict.TOO_MANY_SEGMENTS;
            default:
                return finish(slot, out);
        }
    }

    private static Verdict single(ByteBuffer packet, int data, int length, long id, boolean ce, SttReassembly out) {
        // length >= 18: the segment header check made sure of it.
        if (!SttFrameDecoder.acceptable(Wire.i64(packet, data))) {
            return Verdict.BAD_FRAME_HEADER;
        }
        out.fillSingle(packet, data, length, id, ce);
        return Verdict.COMPLETE;
    }

    private Verdict finish(int slot, SttReassembly out) {
        int length = frames.frameLength(slot);
        long id = frames.frameIdentifier(slot);
        int count = frames.segments(slot);
        boolean ce = frames.congestionExperienced(slot);
        SttBufferPool.Block block = frames.remove(slot);
        inFlightBytes -= block.cost(); // the caller owns it now, until it is given back
        if (!SttFrameDecoder.acceptable(Wire.i64(block.frame.clear(), 0))) {
            giveBack(block);
            return Verdict.BAD_FRAME_HEADER;
        }
        out.fillPooled(this, block, length, id, count, ce);
        return Verdict.COMPLETE;
    }

    /**
     * Gives a complete frame's pool buffer back, as {@link SttReassembly#release()} does. The
     * frame and its views must not be used afterwards. A frame that was not pooled (one
     * segment), or was given back already, is left alone.
     *
     * @param reassembly the holder this reassembler filled
     * @throws IllegalArgumentException if another reassembler filled it with a pooled frame
     */
    public void release(SttReassembly reassembly) {
        if (reassembly.pooled() && reassembly.owner() != this) {
            throw new IllegalArgumentException("reassembly: holds a frame of another reassembler");
        }
        reassembly.release();
    }

    /** Takes back a block the caller held: kept for reuse if the byte limit allows. */
    void giveBack(SttBufferPool.Block block) {
        if (held() + block.cost() <= limits.maxBytes()) {
            pool.put(block);
        }
    }

    /** Opens a frame slot, making room within the limits; -1 if it cannot fit. */
    private int open(long a, long b, long c, long d, long e, int length, long now) {
        int sizeClass = SttBufferPool.sizeClass(length);
        long need = SttBufferPool.cost(sizeClass);
        if (fixedBytes + need > limits.maxBytes()) {
            return -1;
        }
        SttBufferPool.Block block = pool.take(sizeClass); // no longer counted as free; counted below as in flight
        while (frames.full() || held() + need > limits.maxBytes()) {
            if (pool.dropLargest()) {
                continue;
            }
            if (frames.oldest() < 0) {
                if (block != null) {
                    giveBack(block);
                }
                return -1;
            }
            drop(frames.oldest());
            evicted++;
        }
        if (block == null) {
            block = SttBufferPool.allocate(sizeClass);
        }
        inFlightBytes += need;
        return frames.open(a, b, c, d, e, length, block, now);
    }

    private void expire(long now) {
        int oldest;
        while ((oldest = frames.oldest()) >= 0 && now - frames.firstSeen(oldest) >= limits.frameTimeoutNanos()) {
            drop(oldest);
            timedOut++;
        }
    }

    /** Drops a frame in flight: its buffer goes back to the pool. */
    private void drop(int slot) {
        SttBufferPool.Block block = frames.remove(slot);
        inFlightBytes -= block.cost();
        giveBack(block);
    }

    private long held() {
        return fixedBytes + inFlightBytes + pool.bytes();
    }

    /** The pseudo-header sum for TCP (RFC 9293 §3.1, RFC 8200 §8.1) from pre-summed address words, allocation-free. */
    private static int pseudoSum(long addressWords, int tcpLength) {
        // The length is 32 bits in the IPv6 pseudo-header (a jumbogram's may exceed 65535).
        return InternetChecksum.fold(addressWords + TCP + (tcpLength >>> 16) + (tcpLength & 0xFFFF));
    }

    private static long halves(long w) {
        return (w >>> 32) + (w & 0xFFFF_FFFFL);
    }

    /**
     * Returns how many segments got it.
     *
     * @param verdict a verdict
     * @return how many segments got it
     */
    public long count(Verdict verdict) {
        return counts[verdict.ordinal()];
    }

    /**
     * Returns a snapshot of the counters and the current holdings.
     *
     * @return a snapshot of the counters and the current holdings
     */
    public Stats stats() {
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, counts[v.ordinal()]);
        }
        return new Stats(verdicts, timedOut, evicted, held(), frames.inFlight());
    }

    /**
     * Returns the bytes held now, bookkeeping included (never above {@code maxBytes}).
     *
     * @return the bytes held now, bookkeeping included (never above {@code maxBytes})
     */
    public long bytesHeld() {
        return held();
    }

    /**
     * Returns the frames in flight now.
     *
     * @return the frames in flight now
     */
    public int framesInFlight() {
        return frames.inFlight();
    }
}
