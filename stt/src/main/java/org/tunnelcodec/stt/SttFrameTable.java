package org.tunnelcodec.stt;

import java.nio.ByteBuffer;

/**
 * The frames in flight of one {@link SttReassembler}: per frame its key, Frame Length, the
 * octet ranges held, its segment count, its buffer, when its first segment came and whether any
 * segment carried ECN CE; the frames in order of arrival (oldest first, for timeouts and
 * eviction); and an index from key to frame.
 *
 * <p>Everything is allocated in the constructor, sized by the limits: struct-of-arrays state
 * indexed by slot, and an open-addressing table of slot numbers (linear probing, backward-shift
 * deletion) over primitive keys, so a flood of new Frame Identifiers costs constant time per
 * segment and allocates nothing. Not thread-safe.
 */
final class SttFrameTable {
    /** {@link #add}: the segment brought new octets; the frame is not complete. */
    static final int ADDED = 0;
    /** {@link #add}: every octet of the segment was held already, with the same bytes. */
    static final int DUPLICATE = 1;
    /** {@link #add}: the segment overlaps held octets with different bytes; nothing was changed. */
    static final int CONFLICT = 2;
    /** {@link #add}: the segment would be one more distinct segment than the limit; nothing was changed. */
    static final int TOO_MANY = 3;
    /** {@link #add}: the segment completed the frame. */
    static final int COMPLETE = 4;

    private final int maxSegments;
    // Frames in flight, struct of arrays, slot-indexed. The key: a..d the outer addresses, e the ports and Frame Identifier.
    private final long[] keyA;
    /** The slot {@link #find} found last, or -1; reset when that slot's frame is removed. */
    private int lastFound = -1;
    private final long[] keyB;
    private final long[] keyC;
    private final long[] keyD;
    private final long[] keyE;
    private final int[] frameLength;
    private final int[] intervalCount;
    private final int[] segmentCount;
    private final int[][] starts;
    private final int[][] ends;
    private final SttBufferPool.Block[] block;
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

    SttFrameTable(int maxFrames, int maxSegmentsPerFrame) {
        int n = maxFrames;
        this.maxSegments = maxSegmentsPerFrame;
        keyA = new long[n];
        keyB = new long[n];
        keyC = new long[n];
        keyD = new long[n];
        keyE = new long[n];
        frameLength = new int[n];
        intervalCount = new int[n];
        segmentCount = new int[n];
        starts = new int[n][maxSegmentsPerFrame + 1];
        ends = new int[n][maxSegmentsPerFrame + 1];
        block = new SttBufferPool.Block[n];
        firstSeen = new long[n];
        congestion = new boolean[n];
        older = new int[n];
        newer = new int[n];
        freeSlots = new int[n];
        for (int i = 0; i < n; i++) {
            freeSlots[i] = n - 1 - i;
        }
        freeCount = n;
        table = new int[tableSize(n)];
        mask = table.length - 1;
    }

    private static int tableSize(int maxFrames) {
        return Integer.highestOneBit(Math.max(2, maxFrames) * 2 - 1) << 1;
    }

    /**
     * Returns the bytes the table allocates for these limits, a close upper estimate.
     *
     * @return the bytes the table allocates for these limits, a close upper estimate
     */
    static long bookkeepingBytes(int maxFrames, int maxSegmentsPerFrame) {
        long perFrame = 5 * 8 + 4 * 4 + 8 + 1 + 2 * 4 + 4 // keys, lengths and counts, firstSeen, congestion, links, free
                + 2 * (16 + 4L * (maxSegmentsPerFrame + 1)) + 8 + 8; // interval arrays, block reference, array slots
        return 512 + maxFrames * perFrame + 4L * tableSize(maxFrames);
    }

    int inFlight() {
        return inFlight;
    }

    boolean full() {
        return freeCount == 0;
    }

    /**
     * Returns the slot of the frame that came first, or -1 if there is none.
     *
     * @return the slot of the frame that came first, or -1 if there is none
     */
    int oldest() {
        return oldest;
    }

    long firstSeen(int slot) {
        return firstSeen[slot];
    }

    int frameLength(int slot) {
        return frameLength[slot];
    }

    SttBufferPool.Block block(int slot) {
        return block[slot];
    }

    long frameIdentifier(int slot) {
        return keyE[slot] & 0xFFFF_FFFFL;
    }

    int segments(int slot) {
        return segmentCount[slot];
    }

    boolean congestionExperienced(int slot) {
        return congestion[slot];
    }

    /**
     * Returns the slot of the frame with this key, or -1.
     *
     * @return the slot of the frame with this key, or -1
     */
    int find(long a, long b, long c, long d, long e) {
        // The segments of one frame mostly arrive together: try the last frame found before
        // hashing the key (five dependent multiplies).
        int last = lastFound;
        if (last >= 0 && keyE[last] == e && keyB[last] == b && keyD[last] == d && keyA[last] == a
                && keyC[last] == c) {
            return last;
        }
        for (int i = hash(a, b, c, d, e); ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                return -1;
            }
            int s = v - 1;
            if (keyE[s] == e && keyB[s] == b && keyD[s] == d && keyA[s] == a && keyC[s] == c) {
                lastFound = s;
                return s;
            }
        }
    }

    /** Opens a frame with no octets held yet, as the newest; the table must not be {@link #full()}. */
    int open(long a, long b, long c, long d, long e, int length, SttBufferPool.Block buffer, long now) {
        int slot = freeSlots[--freeCount];
        keyA[slot] = a;
        keyB[slot] = b;
        keyC[slot] = c;
        keyD[slot] = d;
        keyE[slot] = e;
        frameLength[slot] = length;
        intervalCount[slot] = 0;
        segmentCount[slot] = 0;
        block[slot] = buffer;
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

    /** Forgets a frame; its slot is free again. @return its buffer, now the caller's */
    SttBufferPool.Block remove(int slot) {
        SttBufferPool.Block b = block[slot];
        block[slot] = null;
        delete(slot);
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
        return b;
    }

    /**
     * Adds the {@code n} payload octets at {@code data} in {@code packet}, frame octets
     * {@code [offset, offset + n)}, which the caller has checked end within the Frame Length.
     *
     * @return {@link #ADDED}, {@link #DUPLICATE}, {@link #CONFLICT}, {@link #TOO_MANY} or {@link #COMPLETE}
     */
    int add(int slot, ByteBuffer packet, int data, int offset, int n, boolean ce) {
        byte[] buf = block[slot].bytes;
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
                    return CONFLICT;
                }
            }
            covered += Math.max(0, to - from);
        }
        if (covered == n) {
            return DUPLICATE;
        }
        if (segmentCount[slot] == maxSegments) {
            return TOO_MANY;
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
        return count == 1 && s[0] == 0 && en[0] == frameLength[slot] ? COMPLETE : ADDED;
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

    private void insert(int slot) {
        int i = hash(keyA[slot], keyB[slot], keyC[slot], keyD[slot], keyE[slot]);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = slot + 1;
    }

    private void delete(int slot) {
        if (lastFound == slot) {
            lastFound = -1; // the slot's keys stay in the arrays until it is opened again
        }
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
}
