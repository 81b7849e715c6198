package org.tunnelcodec.mpls;

import java.util.List;

/**
 * An MPLS label stack (RFC 3032 §2.1): the entries from the top (the first on the wire) to the
 * bottom (the one with S=1). The S bits are not components: the wire sets S on the last entry
 * only, and the decoder reads entries until it finds it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Label                  | TC  |0|      TTL      |  entries().get(0), the top
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               ...                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Label                  | TC  |1|      TTL      |  the bottom of stack
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * MPLS has no next-protocol field: what follows the bottom entry is known from the label's
 * binding or guessed ({@link MplsBindings#identify}).
 *
 * <p>The record keeps special-purpose labels wherever they stand; whether a receiver accepts
 * the stack is {@link MplsPolicy}'s decision.
 *
 * @param entries the entries, top first, at least one; an immutable list (a copy of the argument)
 */
public record MplsHeader(List<LabelStackEntry> entries) implements LabelStack {
    /** The layer's name in a dissection and in errors. */
    public static final String PROTOCOL = "mpls";

    /**
     * Copies the entries.
     *
     * @param entries the entries, top first, at least one
     */
    public MplsHeader {
        entries = PackedEntries.of(entries);
    }

    /**
     * Returns a stack of these entries, top first.
     *
     * @param entries the entries, top first, at least one
     * @return the stack
     */
    public static MplsHeader of(LabelStackEntry... entries) {
        return new MplsHeader(List.of(entries));
    }

    @Override
    public int depth() {
        return entries.size();
    }

    @Override
    public int word(int i) {
        return ((PackedEntries) entries).word(i);
    }

    /**
     * Returns the top entry, the one a label switching router forwards on.
     *
     * @return the first entry on the wire
     */
    public LabelStackEntry top() {
        return entries.get(0);
    }

    /**
     * Returns the bottom entry (S=1).
     *
     * @return the last entry on the wire
     */
    public LabelStackEntry bottom() {
        return entries.get(entries.size() - 1);
    }

    /**
     * Returns the stack's length on the wire, 4 octets per entry.
     *
     * @return the stack's length in octets
     */
    public int length() {
        return entries.size() * MplsLayout.ENTRY_LENGTH;
    }
}
