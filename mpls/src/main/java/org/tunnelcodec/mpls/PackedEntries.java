package org.tunnelcodec.mpls;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The entries of an {@link MplsHeader}, held as their wire words (S bit on the last one only):
 * one array for the whole stack instead of a record per entry, so that a decode allocates a
 * fixed number of objects whatever the depth. Immutable; an entry record is made when asked for.
 */
final class PackedEntries extends AbstractList<LabelStackEntry> implements RandomAccess {
    private final int[] words;

    /** Takes {@code words} without copying: the caller gives up the array. */
    PackedEntries(int[] words) {
        this.words = words;
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
            words[i] = e.word(i == n - 1);
            i++;
        }
        if (i != n) {
            throw new IllegalArgumentException("entries changed while being copied");
        }
        return new PackedEntries(words);
    }

    int word(int i) {
        return words[i];
    }

    @Override
    public LabelStackEntry get(int index) {
        return LabelStackEntry.of(words[index]);
    }

    @Override
    public int size() {
        return words.length;
    }
}
