package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The free frame buffers of one {@link SttReassembler}, by power-of-two size class (64 octets
 * to 64 KiB). Each buffer is a {@link Block}: the array and the two views a complete frame is
 * handed out through, made once, so that reusing a block allocates nothing. Not thread-safe;
 * the reassembler decides what the pool may keep (its byte limit), the pool only keeps count.
 */
final class SttBufferPool {
    static final int MIN_CLASS = 6;
    static final int MAX_CLASS = 16;
    /** What a block costs beyond its octets: the array header, the block and its two views. */
    static final int BLOCK_OVERHEAD = 160;

    /** A frame buffer and its two views, {@link #frame} and {@link #innerFrame}. */
    static final class Block {
        final byte[] bytes;
        final ByteBuffer frame;
        final ByteBuffer innerFrame;

        private Block(int size) {
            bytes = new byte[size];
            frame = ByteBuffer.wrap(bytes);
            innerFrame = ByteBuffer.wrap(bytes);
        }

        /**
         * Returns the bytes this block counts for in the reassembler's limit.
         *
         * @return the bytes this block counts for in the reassembler's limit
         */
        long cost() {
            return bytes.length + BLOCK_OVERHEAD;
        }

        int sizeClass() {
            return Integer.numberOfTrailingZeros(bytes.length);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of generic deques, one per size class
    private final ArrayDeque<Block>[] free = new ArrayDeque[MAX_CLASS + 1];
    private long bytes;

    SttBufferPool() {
        for (int c = MIN_CLASS; c <= MAX_CLASS; c++) {
            free[c] = new ArrayDeque<>();
        }
    }

    /**
     * Returns the size class that holds a frame of {@code length} octets, 1..65535.
     *
     * @return the size class that holds a frame of {@code length} octets, 1..65535
     */
    static int sizeClass(int length) {
        return Math.max(MIN_CLASS, 32 - Integer.numberOfLeadingZeros(length - 1));
    }

    /**
     * Returns what a block of the class costs, octets and overhead.
     *
     * @return what a block of the class costs, octets and overhead
     */
    static long cost(int sizeClass) {
        return (1L << sizeClass) + BLOCK_OVERHEAD;
    }

    /**
     * Returns a new block of the class (its cost is the caller's to count).
     *
     * @return a new block of the class (its cost is the caller's to count)
     */
    static Block allocate(int sizeClass) {
        return new Block(1 << sizeClass);
    }

    /**
     * Returns a free block of the class, no longer counted here, or {@code null} if there is none.
     *
     * @return a free block of the class, no longer counted here, or {@code null} if there is none
     */
    Block take(int sizeClass) {
        Block b = free[sizeClass].poll();
        if (b != null) {
            bytes -= b.cost();
        }
        return b;
    }

    /** Keeps a free block for reuse. */
    void put(Block b) {
        free[b.sizeClass()].push(b);
        bytes += b.cost();
    }

    /** Lets the largest free block go to the garbage collector; {@code false} if the pool is empty. */
    boolean dropLargest() {
        for (int c = MAX_CLASS; c >= MIN_CLASS; c--) {
            if (take(c) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the bytes the free blocks cost.
     *
     * @return the bytes the free blocks cost
     */
    long bytes() {
        return bytes;
    }
}
