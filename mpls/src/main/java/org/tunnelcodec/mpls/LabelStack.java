package org.tunnelcodec.mpls;

/**
 * A label stack as 32-bit entries, top first: what {@link MplsHeader} (a record) and
 * {@link MplsView} (a reusable view of a buffer) have in common, so that {@link MplsPolicy} and
 * {@link MplsBindings} apply the same code to both.
 */
public sealed interface LabelStack permits MplsHeader, MplsView {
    /**
     * Returns the number of entries (at least 1).
     *
     * @return the number of entries
     */
    int depth();

    /**
     * Returns entry {@code i} (0 is the top) as the 32-bit word on the wire, S bit included.
     *
     * @param i the entry's position, 0..depth()-1
     * @return the word
     * @throws IndexOutOfBoundsException if {@code i} is not a position of the stack
     */
    int word(int i);

    /**
     * Returns the label of entry {@code i}.
     *
     * @param i the entry's position, 0 is the top
     * @return the label, 0..1048575
     */
    default int label(int i) {
        return MplsLayout.label(word(i));
    }

    /**
     * Returns the Traffic Class of entry {@code i}.
     *
     * @param i the entry's position, 0 is the top
     * @return the Traffic Class, 0..7
     */
    default int trafficClass(int i) {
        return MplsLayout.trafficClass(word(i));
    }

    /**
     * Returns the TTL of entry {@code i}.
     *
     * @param i the entry's position, 0 is the top
     * @return the TTL, 0..255
     */
    default int ttl(int i) {
        return MplsLayout.ttl(word(i));
    }

    /**
     * Returns the bottom entry's label.
     *
     * @return the label of the entry with S=1
     */
    default int bottomLabel() {
        return label(depth() - 1);
    }

    /**
     * Returns the position of the entropy label (RFC 6790 §4: the entry after an Entropy Label
     * Indicator), or -1 if the stack has none. The first ELI counts.
     *
     * @return the entropy label's position, or -1
     */
    default int entropyLabelIndex() {
        int depth = depth();
        for (int i = 0; i + 1 < depth; i++) {
            int label = label(i);
            if (label == MplsLabel.ENTROPY_LABEL_INDICATOR.value()) {
                return i + 1;
            }
            if (label == MplsLabel.EXTENSION.value()) {
                i++; // the next entry is an extended special-purpose label, not a label to read as such
            }
        }
        return -1;
    }
}
