package org.tunnelcodec.mpls;

import org.tunnelcodec.core.internal.Check;

/**
 * A pseudowire MPLS Control Word in the preferred form of RFC 4385 §4 (the generic form of §3
 * fixes only the first nibble, 0000, which tells a control word from an IP packet and from an
 * {@link AchHeader Associated Channel Header}).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------+-------+---+-----------+-------------------------------+
 * |0 0 0 0| Flags |FRG|  Length   |        Sequence Number        |
 * +-------+-------+---+-----------+-------------------------------+
 * </pre>
 *
 * <p>Flags (bits 4-7) are defined by the PW type; FRG (bits 8-9) are the fragmentation bits of
 * RFC 4623 (00 unfragmented, 01 first fragment, 10 last, 11 intermediate); Length (bits 10-15)
 * is the length of the control word and its payload when that is shorter than 64 octets, so
 * that a receiver can remove link-layer padding, and 0 otherwise ({@link #lengthFor}); the
 * Sequence Number (bits 16-31) is 0 when sequencing is not used (RFC 4385 §4.1-4.2,
 * {@link #nextSequenceNumber}, {@link #sequenceNumberInOrder}). The Ethernet PW of RFC 4448
 * §4.6 leaves bits 4-15 reserved, sent as 0 ({@link #ethernet}).
 *
 * <p>The record holds every value a decoder accepts and nothing else: a Length of 1, 2 or 3 is
 * shorter than the control word itself and is refused, by the decoder as by this constructor.
 *
 * @param flags          the Flags, bits 4-7, 0..15
 * @param fragmentation  FRG, bits 8-9, 0..3 (RFC 4623)
 * @param length         the Length, bits 10-15: 0, or 4..63 (the control word and its payload)
 * @param sequenceNumber the Sequence Number, 0..65535; 0 when sequencing is not used
 */
public record ControlWord(int flags, int fragmentation, int length, int sequenceNumber) {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "pw-cw";

    /** The control word's length on the wire, in octets. */
    public static final int LENGTH = 4;

    /** Half the sequence number space: the window of RFC 4385 §4.2 in which a packet is in order. */
    private static final int HALF_SEQUENCE_SPACE = 32768;

    /**
     * Checks the components.
     *
     * @param flags the Flags, bits 4-7, 0..15
     * @param fragmentation FRG, bits 8-9, 0..3 (RFC 4623)
     * @param length the Length, bits 10-15: 0, or 4..63 (the control word and its payload)
     * @param sequenceNumber the Sequence Number, 0..65535; 0 when sequencing is not used
     * @throws IllegalArgumentException if a component is out of its range, or Length is 1..3
     */
    public ControlWord {
        Check.inRange("flags", flags, 0, ControlWordLayout.FLAGS_MASK);
        Check.inRange("fragmentation", fragmentation, 0, ControlWordLayout.FRG_MASK);
        Check.inRange("length", length, 0, ControlWordLayout.LENGTH_MASK);
        Check.argument(length == 0 || length >= LENGTH, "length", length,
                "0 or 4..63: the control word and its payload, RFC 4385 §4");
        Check.inRange("sequenceNumber", sequenceNumber, 0, ControlWordLayout.SEQUENCE_MASK);
    }

    /**
     * The control word of an Ethernet pseudowire (RFC 4448 §4.6): bits 4-15 zero, then the
     * Sequence Number.
     *
     * @param sequenceNumber the Sequence Number, 0 when sequencing is not used
     * @return the control word
     * @throws IllegalArgumentException if {@code sequenceNumber} is outside 0..65535
     */
    public static ControlWord ethernet(int sequenceNumber) {
        return new ControlWord(0, 0, 0, sequenceNumber);
    }

    /**
     * Returns the payload length this control word's Length field gives (Length - 4), or -1 when
     * Length is 0 and the payload is the rest of the packet.
     *
     * @return the payload length this control word's Length field gives (Length - 4), or -1
     *         when Length is 0 and the payload is the rest of the packet
     */
    public int payloadLength() {
        return length == 0 ? -1 : length - LENGTH;
    }

    /**
     * Returns the Length field for a control word followed by {@code payloadLength} octets (the
     * PW payload and any further PW headers): the control word and its payload when they are
     * shorter than 64 octets, else 0 (RFC 4385 §4).
     *
     * @param payloadLength the octets after the control word
     * @return the Length field to send, 4..63 or 0
     * @throws IllegalArgumentException if {@code payloadLength} is negative
     */
    public static int lengthFor(int payloadLength) {
        Check.inRange("payloadLength", payloadLength, 0, Integer.MAX_VALUE);
        long total = (long) LENGTH + payloadLength;
        return total < ControlWordLayout.LENGTH_FIELD_LIMIT ? (int) total : 0;
    }

    /**
     * Returns the Sequence Number a sender puts on the packet after one that carried
     * {@code previous} (RFC 4385 §4.1): the first packet carries 1, each next one the previous
     * plus 1, and 65535 is followed by 1, since 0 means that sequencing is not used. A receiver
     * that found a packet in order ({@link #sequenceNumberInOrder}) expects this successor of
     * its Sequence Number next (RFC 4385 §4.2).
     *
     * <p>The sequence space of the TDM pseudowires (SAToP, CESoPSN, TDMoIP) includes 0 (RFC
     * 4385 verified erratum 1743); this method is for every other PW type.
     *
     * @param previous the Sequence Number of the previous packet, 1..65535, or 0 before the
     *                 first packet
     * @return the next Sequence Number, 1..65535
     * @throws IllegalArgumentException if {@code previous} is outside 0..65535
     */
    public static int nextSequenceNumber(int previous) {
        Check.inRange("previous", previous, 0, ControlWordLayout.SEQUENCE_MASK);
        return previous == ControlWordLayout.SEQUENCE_MASK ? 1 : previous + 1;
    }

    /**
     * Returns whether a receiver that expects Sequence Number {@code expected} takes a packet
     * carrying {@code received} as in order (RFC 4385 §4.2):
     * <ul>
     *   <li>a Sequence Number of 0 says nothing of the packet's order: it is in order;</li>
     *   <li>otherwise, if {@code received >= expected}, it is in order when
     *       {@code received - expected < 32768};</li>
     *   <li>otherwise ({@code received < expected}), it is in order when
     *       {@code expected - received >= 32768}: the sender's numbers have wrapped past
     *       65535;</li>
     *   <li>anything else is out of order: the receiver may drop or reorder it.</li>
     * </ul>
     * After an in-order packet with a non-zero Sequence Number, the receiver expects
     * {@link #nextSequenceNumber nextSequenceNumber(received)}; its first expected number is 1.
     * As {@link #nextSequenceNumber}, this is the rule for PW types other than TDM.
     *
     * @param expected the Sequence Number the receiver expects, 1..65535
     * @param received the Sequence Number of the packet, 0..65535
     * @return whether the packet is in order
     * @throws IllegalArgumentException if {@code expected} is outside 1..65535 or
     *         {@code received} outside 0..65535
     */
    public static boolean sequenceNumberInOrder(int expected, int received) {
        Check.inRange("expected", expected, 1, ControlWordLayout.SEQUENCE_MASK);
        Check.inRange("received", received, 0, ControlWordLayout.SEQUENCE_MASK);
        if (received == 0) {
            return true; // RFC 4385 §4.2: sequence integrity cannot be determined
        }
        if (received >= expected) {
            return received - expected < HALF_SEQUENCE_SPACE;
        }
        return expected - received >= HALF_SEQUENCE_SPACE;
    }
}
