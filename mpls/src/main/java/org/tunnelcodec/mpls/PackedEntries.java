package org.tunnelcodec.mpls;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The entries of an {@link MplsHeader}, held as their wire words (S bit on the last one only)
 * instead of a record per entry. A stack of up to {@link #INLINE} entries, what almost every
 * packet carries, is held in fields of this object, so that its decode allocates one object for
 * the entries; a deeper stack holds its words in one array. Immutable; an entry record is made
 * when asked for.
 */
final class PackedEntries extends AbstractList<LabelStackEntry> implements RandomAccess {
    /** The most entries held in fields. */
    static final int INLINE = 4;

    private final int depth;
    private final int w0;
    private final int w1;
    private final int w2;
    private final int w3;
    /** Every word of a stack deeper than {@link #INLINE}; {@code null} otherwise. */
    private final int[] words;

    private PackedEntries(int depth, int w0, int w1, int w2, int w3, int[] words) {
        this.depth = depth;
        this.w0 = w0;
        this.w1 = w1;
        this.w2 = w2;
        this.w3 = w3;
        this.words = words;
    }

    /**
     * The entries of a stack of 1 to {@link #INLINE} words; the words past {@code depth} are
     * ignored (pass 0).
     */
    static PackedEntries inline(int depth, int w0, int w1, int w2, int w3) {
        return new PackedEntries(depth, w0, depth > 1 ? w1 : 0, depth > 2 ? w2 : 0, depth > 3 ? w3 : 0, null);
    }

    /** Takes {@code words} (at least one) without copying: the caller gives up the array. */
    static PackedEntries of(int[] words) {
        int n = words.length;
        if (n > INLINE) {
            return new PackedEntries(n, 0, 0, 0, 0, words);
        }
        return inline(n, words[0], n > 1 ? words[1] : 0, n > 2 ? words[2] : 0, n > 3 ? words[3] : 0);
    }

    static PackedEntries of(List<LabelStackEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries instanceof PackedEntries p) {
            return p;
        }
        int n = entries.size();
        if (n == 0) {
            throw new IllegalArgumentException("entries: empty (expected: at least one label stack entry)");
        }
        int[] words = new int[n];
        int i = 0;
        for (LabelStackEntry e : entries) {
            Objects.requireNonNull(e, "entries contains null");
            if (i == n) {
                throw new IllegalArgumentException("entries changed while being copied");
            }
            words[i] = e.word(i == n - 1);
            i++;
        }
        if (i != n) {
            throw new IllegalArgumentException("entries changed while being copied");
        }
        return of(words);
    }

    int word(int i) {
        Objects.checkIndex(i, depth);
        if (words != null) {
            return words[i];
        }
        switch (i) {
            case 0:
                return w0;
            case 1:
                return w1;
            case 2:
                return w2;
            default:
                return w3;
        }
    }

    @Override
    public LabelStackEntry get(int index) {
        return LabelStackEntry.of(word(index));
    }

    @Override
    public int size() {
        return depth;
    }
}
