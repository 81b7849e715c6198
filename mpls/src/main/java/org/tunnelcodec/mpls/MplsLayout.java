package org.tunnelcodec.mpls;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Offsets and masks of the MPLS label stack entry (RFC 3032 §2.1):
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Label                  | TC  |S|      TTL      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class MplsLayout {
    /** Octets per label stack entry. */
    static final int ENTRY_LENGTH = 4;
    /** Label: bits 0-19 of the entry. */
    static final int LABEL_SHIFT = 12;
    /** Largest label value. */
    static final int MAX_LABEL = 0xFFFFF;
    /** Traffic Class (RFC 5462): bits 20-22. */
    static final int TC_SHIFT = 9;
    /** Bottom of Stack: bit 23. */
    static final int S = 0x100;
    /** Time to Live: bits 24-31. */
    static final int TTL_MASK = 0xFF;
    /** The bound on the stack depth when the caller gives none: at least the 30 labels Linux pushes. */
    static final int DEFAULT_MAX_DEPTH = 32;
    /** The largest bound a caller may set. */
    static final int MAX_MAX_DEPTH = 4096;
    /**
     * An entry read or written in a heap buffer's array, big-endian: one bounds check per entry
     * instead of the buffer's own index and state checks.
     */
    static final VarHandle ENTRY = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private MplsLayout() {
    }

    static int label(int word) {
        return word >>> LABEL_SHIFT;
    }

    static int trafficClass(int word) {
        return word >>> TC_SHIFT & 7;
    }

    static boolean bottom(int word) {
        return (word & S) != 0;
    }

    static int ttl(int word) {
        return word & TTL_MASK;
    }

    static int word(int label, int trafficClass, boolean bottom, int ttl) {
        return label << LABEL_SHIFT | trafficClass << TC_SHIFT | (bottom ? S : 0) | ttl;
    }
}
