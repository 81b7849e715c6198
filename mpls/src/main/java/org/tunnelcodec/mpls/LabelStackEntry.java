package org.tunnelcodec.mpls;

import org.tunnelcodec.core.internal.Check;

/**
 * One label stack entry (RFC 3032 §2.1) without its Bottom of Stack bit, which its position in
 * an {@link MplsHeader} gives.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Label                  | TC  |S|      TTL      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   label (20 bits)                 trafficClass  (S)   ttl
 * </pre>
 * TC was "EXP" before RFC 5462 (tshark still calls it {@code mpls.exp}).
 *
 * @param label        the label, 0..1048575 (0-15 are special-purpose, see {@link MplsLabel})
 * @param trafficClass the Traffic Class, 0..7 (RFC 5462 §2)
 * @param ttl          the Time to Live, 0..255 (RFC 3032 §2.4); 0 and 1 are legal on the wire
 */
public record LabelStackEntry(int label, int trafficClass, int ttl) {
    /**
     * Checks the ranges.
     *
     * @param label        the label, 0..1048575
     * @param trafficClass the Traffic Class, 0..7
     * @param ttl          the Time to Live, 0..255
     */
    public LabelStackEntry {
        Check.inRange("label", label, 0, MplsLayout.MAX_LABEL);
        Check.inRange("trafficClass", trafficClass, 0, 7);
        Check.inRange("ttl", ttl, 0, 255);
    }

    /**
     * Returns the entry of a 32-bit word as on the wire (its S bit is dropped).
     *
     * @param word the entry in network byte order, as {@code ByteBuffer.getInt} reads it
     * @return the entry
     */
    public static LabelStackEntry of(int word) {
        return new LabelStackEntry(MplsLayout.label(word), MplsLayout.trafficClass(word), MplsLayout.ttl(word));
    }

    /**
     * Returns the 32-bit word of this entry with the given Bottom of Stack bit.
     *
     * @param bottomOfStack the S bit
     * @return the word as {@code ByteBuffer.putInt} writes it
     */
    public int word(boolean bottomOfStack) {
        return MplsLayout.word(label, trafficClass, bottomOfStack, ttl);
    }

    /**
     * Returns the label as an open code point, with its special-purpose name if it has one.
     *
     * @return the label as a code point
     */
    public MplsLabel labelCode() {
        return MplsLabel.of(label);
    }

    @Override
    public String toString() {
        String special = MplsLabel.specialName(label);
        return "label " + label + (special != null ? " (" + special + ")" : "") + " tc " + trafficClass + " ttl " + ttl;
    }
}
