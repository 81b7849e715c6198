package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Header;

/**
 * The labels an ingress pushes for one route or FEC, compiled once and applied to each packet
 * without allocating: the stack is written into the headroom in front of a packet already in
 * the buffer, so the packet itself is neither copied nor moved.
 *
 * <pre>{@code
 * MplsPush push = MplsPush.of(MplsTtlModel.linuxDefault(), 100, 200); // per route
 * int start = push.push(buf, ipIndex, ipEnd, MplsPayloadType.IPV4);   // per packet
 * // [start, ipEnd) is now  LSE(100, S=0) LSE(200, S=1) and the unchanged IP packet
 * }</pre>
 *
 * <h2>What is written</h2>
 * <ul>
 *   <li>The labels top first (the first given is the outermost, as in Linux's
 *       {@code encap mpls 100/200}), with their Traffic Class (0 unless given; Linux always
 *       writes 0).</li>
 *   <li>S=1 on the last entry only when the packet was not labelled before (RFC 3032 §2.1);
 *       pushed onto a labelled packet ({@link #pushOntoStack}), every pushed entry has S=0.</li>
 *   <li>Every pushed label gets the same TTL, from the {@link MplsTtlModel}: the inner packet's
 *       (already decremented) TTL for the uniform model, the constant for a pipe model.</li>
 *   <li>With an entropy label ({@link Builder#entropyLabelAfter}), an Entropy Label Indicator
 *       (label 7) and an Entropy Label below the label they belong to (RFC 6790 §4.2). The EL's
 *       value is the inner flow's hash ({@link FlowHash#ofIpPacket}, or
 *       {@link FlowHash#ofEthernetFrame} for an Ethernet pseudowire) mapped onto 16..1048575, so
 *       it is never a special-purpose label (RFC 6790 §4); its TTL is 0, so no router forwards
 *       on it, and its TC 0. The ELI takes the TC and TTL of the label above it: if a
 *       penultimate hop pops that label, the ELI on top carries the LSP's TTL to the egress.</li>
 * </ul>
 *
 * <h2>What is refused</h2>
 * Checked once, when the push is built: label 3 (Implicit NULL is never on the wire, RFC 3032
 * §2.1; Linux refuses it too), labels 7 and 15 given as plain labels (an ELI without its EL, an
 * XL without its extended special-purpose label; the entropy option writes the ELI), no label,
 * or more than {@link #MAX_LABELS} (Linux's {@code MAX_NEW_LABELS}); the entropy pair comes on
 * top of them. The other special-purpose labels (0, 1, 2, 13, 14) are written as given, as
 * Linux does; {@link MplsPolicy#STRICT} tells whether the resulting stack is well placed.
 *
 * <h2>Errors</h2>
 * A range outside the buffer, or fewer octets of headroom than {@link #length()}, is the
 * caller's mistake: {@link IndexOutOfBoundsException}. A packet too short to hold what the push
 * must read (the IP TTL, the top entry) is bad bytes: {@link MalformedPacketException}. Every
 * check is made before the first octet is written, so a failed push leaves the buffer as it was.
 *
 * <p>Immutable and thread-safe: share one instance among the threads that use the route.
 */
public final class MplsPush {
    /** The most labels one push takes, besides the entropy pair: Linux's {@code MAX_NEW_LABELS}. */
    public static final int MAX_LABELS = 30;

    /** The smallest entropy label value (RFC 6790 §4: never a special-purpose label). */
    public static final int MIN_ENTROPY_LABEL = MplsLabel.FIRST_UNRESERVED;

    private static final int NO_ENTROPY = -1;

    /** Label and TC bits of every entry, top first; the EL's slot holds 0 (its value is per packet). */
    private final int[] words;
    private final int entropyIndex;
    private final int length;
    private final MplsTtlModel ttlModel;

    private MplsPush(int[] words, int entropyIndex, MplsTtlModel ttlModel) {
        this.words = words;
        this.entropyIndex = entropyIndex;
        this.length = words.length * MplsLayout.ENTRY_LENGTH;
        this.ttlModel = ttlModel;
    }

    /**
     * Returns a push of these labels, top first, each with TC 0.
     *
     * @param ttlModel how the pushed entries get their TTL
     * @param labels   the labels, top first, 1..{@link #MAX_LABELS} of them
     * @return the push
     * @throws IllegalArgumentException if a label is out of range or refused (see the class
     *     description), or there are none or too many
     */
    public static MplsPush of(MplsTtlModel ttlModel, int... labels) {
        Builder b = builder(ttlModel);
        for (int label : labels) {
            b.label(label);
        }
        return b.build();
    }

    /**
     * Returns a builder.
     *
     * @param ttlModel how the pushed entries get their TTL
     * @return an empty builder
     */
    public static Builder builder(MplsTtlModel ttlModel) {
        return new Builder(ttlModel);
    }

    /**
     * Returns the octets the push writes: 4 per entry, the entropy pair included.
     *
     * @return the stack's length, the headroom a packet needs
     */
    public int length() {
        return length;
    }

    /**
     * Returns the number of entries the push writes, the entropy pair included.
     *
     * @return the number of entries
     */
    public int depth() {
        return words.length;
    }

    /**
     * Returns the TTL model.
     *
     * @return how the pushed entries get their TTL
     */
    public MplsTtlModel ttlModel() {
        return ttlModel;
    }

    /**
     * Returns the position of the entropy label among the pushed entries (0 is the top), or
     * -1 if the push has none; the ELI is just above it.
     *
     * @return the entropy label's position, or -1
     */
    public int entropyLabelIndex() {
        return entropyIndex;
    }

    /**
     * Pushes the stack in front of an unlabelled packet, into the headroom before
     * {@code packetIndex}; the bottom pushed entry gets S=1. The TTL comes from the packet (if
     * the model propagates) and the entropy label from its flow hash (if the push has one).
     *
     * @param buf         the buffer; its position, limit, mark and byte order are not changed
     * @param packetIndex the absolute index of the packet's first octet
     * @param packetEnd   the end of the packet: nothing at or past it is read
     * @param payload     what the packet is: {@link MplsPayloadType#IPV4} and
     *                    {@link MplsPayloadType#IPV6} give their TTL or Hop Limit to a
     *                    propagating model, the others (which have none) {@link MplsTtlModel#MAX_TTL}
     * @return the absolute index of the new first octet, {@code packetIndex - length()}
     * @throws IndexOutOfBoundsException if {@code [packetIndex, packetEnd)} is not within
     *     {@code buf.limit()}, or fewer than {@link #length()} octets precede {@code packetIndex}
     * @throws MalformedPacketException if the model propagates and an IP packet is too short to
     *     hold its TTL or Hop Limit
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public int push(ByteBuffer buf, int packetIndex, int packetEnd, MplsPayloadType payload) {
        Objects.requireNonNull(payload, "payload");
        int start = checkRoom(buf, packetIndex, packetEnd);
        int ttl = ttlModel.propagates() ? innerTtl(buf, packetIndex, packetEnd, payload) : 0;
        int hash = entropyIndex != NO_ENTROPY ? flowHash(buf, packetIndex, packetEnd, payload) : 0;
        write(buf, start, ttlModel.pushedTtl(ttl), hash, true);
        return start;
    }

    /**
     * Pushes the stack in front of an unlabelled packet with the caller's flow hash for the
     * entropy label (one computed on receive, for instance); otherwise as
     * {@link #push(ByteBuffer, int, int, MplsPayloadType)}.
     *
     * @param buf         the buffer; its position, limit, mark and byte order are not changed
     * @param packetIndex the absolute index of the packet's first octet
     * @param packetEnd   the end of the packet: nothing at or past it is read
     * @param payload     what the packet is
     * @param flowHash    the flow's 32-bit hash, mapped by {@link #entropyLabel(int)}; ignored
     *                    if the push has no entropy label
     * @return the absolute index of the new first octet, {@code packetIndex - length()}
     * @throws IndexOutOfBoundsException if the range or the headroom is outside the buffer
     * @throws MalformedPacketException if the model propagates and an IP packet is too short to
     *     hold its TTL or Hop Limit
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public int push(ByteBuffer buf, int packetIndex, int packetEnd, MplsPayloadType payload, int flowHash) {
        Objects.requireNonNull(payload, "payload");
        int start = checkRoom(buf, packetIndex, packetEnd);
        int ttl = ttlModel.propagates() ? innerTtl(buf, packetIndex, packetEnd, payload) : 0;
        write(buf, start, ttlModel.pushedTtl(ttl), flowHash, true);
        return start;
    }

    /**
     * Pushes the stack onto a labelled packet, into the headroom before its top entry; every
     * pushed entry gets S=0 (RFC 3032 §2.1). A propagating model copies the current top entry's
     * TTL, which the caller has already decremented (after a {@link MplsLabelOps#swap}, for
     * instance; RFC 3032 §2.4.2). The entropy label hashes the payload after the stack, as an IP
     * packet if its first nibble says so.
     *
     * @param buf        the buffer; its position, limit, mark and byte order are not changed
     * @param stackIndex the absolute index of the packet's top entry
     * @param packetEnd  the end of the packet: nothing at or past it is read
     * @return the absolute index of the new top entry, {@code stackIndex - length()}
     * @throws IndexOutOfBoundsException if the range or the headroom is outside the buffer
     * @throws MalformedPacketException if the range holds no whole top entry, or (with an
     *     entropy label) the stack has no bottom within it
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public int pushOntoStack(ByteBuffer buf, int stackIndex, int packetEnd) {
        int start = checkRoom(buf, stackIndex, packetEnd);
        int ttl = topTtl(buf, stackIndex, packetEnd);
        int hash = 0;
        if (entropyIndex != NO_ENTROPY) {
            int payload = stackIndex + MplsDecoder.scan(buf, stackIndex, packetEnd, MplsDecoder.MAX_DEPTH_BOUND)
                    * MplsLayout.ENTRY_LENGTH;
            hash = FlowHash.ofIpPacket(buf, payload, packetEnd - payload);
        }
        write(buf, start, ttlModel.pushedTtl(ttl), hash, false);
        return start;
    }

    /**
     * Pushes the stack onto a labelled packet with the caller's flow hash for the entropy
     * label; otherwise as {@link #pushOntoStack(ByteBuffer, int, int)}.
     *
     * @param buf        the buffer; its position, limit, mark and byte order are not changed
     * @param stackIndex the absolute index of the packet's top entry
     * @param packetEnd  the end of the packet: nothing at or past it is read
     * @param flowHash   the flow's 32-bit hash, mapped by {@link #entropyLabel(int)}; ignored
     *                   if the push has no entropy label
     * @return the absolute index of the new top entry, {@code stackIndex - length()}
     * @throws IndexOutOfBoundsException if the range or the headroom is outside the buffer
     * @throws MalformedPacketException if the range holds no whole top entry
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public int pushOntoStack(ByteBuffer buf, int stackIndex, int packetEnd, int flowHash) {
        int start = checkRoom(buf, stackIndex, packetEnd);
        int ttl = topTtl(buf, stackIndex, packetEnd);
        write(buf, start, ttlModel.pushedTtl(ttl), flowHash, false);
        return start;
    }

    /**
     * Writes the stack at {@code dst.position()} without moving it, for a caller that builds
     * the packet in a fresh buffer and writes the payload after it.
     *
     * @param dst           the buffer
     * @param innerTtl      the TTL a propagating model copies (the payload's decremented IP TTL,
     *                      or {@link MplsTtlModel#MAX_TTL} for a payload without one), 0..255;
     *                      ignored by a pipe model
     * @param flowHash      the flow's 32-bit hash for the entropy label; ignored if the push has none
     * @param bottomOfStack whether the last entry gets S=1: true unless the payload is itself labelled
     * @return the number of octets written, {@link #length()}
     * @throws IllegalArgumentException if {@code innerTtl} is out of range or {@code dst} has too
     *     little room; nothing is then written
     * @throws ReadOnlyBufferException if {@code dst} is read-only
     */
    public int encode(ByteBuffer dst, int innerTtl, int flowHash, boolean bottomOfStack) {
        Check.inRange("innerTtl", innerTtl, 0, MplsTtlModel.MAX_TTL);
        Wire.requireRoom(dst, length);
        write(dst, dst.position(), ttlModel.pushedTtl(innerTtl), flowHash, bottomOfStack);
        return length;
    }

    /**
     * Maps a 32-bit flow hash onto the entropy label values 16..1048575 (RFC 6790 §4: an EL is
     * never a special-purpose label), as {@code 16 + ((hash & 0xffffffffL) * 1048560 >>> 32)}.
     *
     * @param flowHash the flow's hash
     * @return the entropy label, 16..1048575
     */
    public static int entropyLabel(int flowHash) {
        return FlowHash.scale(flowHash, MIN_ENTROPY_LABEL, MplsLayout.MAX_LABEL);
    }

    /**
     * Returns the flow hash {@link #push(ByteBuffer, int, int, MplsPayloadType)} takes for the
     * entropy label of a packet: {@link FlowHash#ofEthernetFrame} for an Ethernet pseudowire
     * (after its control word), {@link FlowHash#ofIpPacket} for everything else (which hashes an
     * IP packet's flow, or the first octets of anything else).
     *
     * @param buf         the buffer
     * @param packetIndex the absolute index of the packet's first octet
     * @param packetEnd   the end of the packet: nothing at or past it is read
     * @param payload     what the packet is
     * @return the 32-bit flow hash
     * @throws IndexOutOfBoundsException if the range is not within {@code buf.limit()}
     */
    public static int flowHash(ByteBuffer buf, int packetIndex, int packetEnd, MplsPayloadType payload) {
        Objects.checkFromToIndex(packetIndex, packetEnd, buf.limit());
        int length = packetEnd - packetIndex;
        return switch (payload) {
            case PW_ETHERNET -> FlowHash.ofEthernetFrame(buf, packetIndex, length);
            case PW_ETHERNET_CONTROL_WORD -> length >= 4
                    ? FlowHash.ofEthernetFrame(buf, packetIndex + 4, length - 4)
                    : FlowHash.ofIpPacket(buf, packetIndex, length);
            default -> FlowHash.ofIpPacket(buf, packetIndex, length);
        };
    }

    private int checkRoom(ByteBuffer buf, int packetIndex, int packetEnd) {
        Objects.checkFromToIndex(packetIndex, packetEnd, buf.limit());
        if (packetIndex < length) {
            throw new IndexOutOfBoundsException("headroom: " + packetIndex + " (expected: >= " + length + ")");
        }
        if (buf.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        return packetIndex - length;
    }

    private static int innerTtl(ByteBuffer buf, int index, int end, MplsPayloadType payload) {
        return switch (payload) {
            case IPV4 -> {
                Wire.require(Ipv4Header.PROTOCOL, "Time to Live", index, index + 8, 1, end); // RFC 791 §3.1
                yield Wire.u8(buf, index + 8);
            }
            case IPV6 -> {
                Wire.require(Ipv6Header.PROTOCOL, "Hop Limit", index, index + 7, 1, end); // RFC 8200 §3
                yield Wire.u8(buf, index + 7);
            }
            default -> MplsTtlModel.MAX_TTL;
        };
    }

    private static int topTtl(ByteBuffer buf, int index, int end) {
        if (end - index < MplsLayout.ENTRY_LENGTH) {
            throw MalformedPacketException.truncated(MplsHeader.PROTOCOL, "Label", 0, MplsLayout.ENTRY_LENGTH,
                    end - index);
        }
        return Wire.u8(buf, index + 3);
    }

    /**
     * Writes the entries at {@code at}: every entry gets {@code ttl} but the entropy label, which
     * gets the mapped {@code flowHash} and TTL 0; S=1 on the last if {@code bottomOfStack}. The
     * one piece of code that lays out a push, shared by {@link MplsTemplates}.
     */
    void write(ByteBuffer buf, int at, int ttl, int flowHash, boolean bottomOfStack) {
        int[] w = words;
        int last = w.length - 1;
        int el = entropyIndex != NO_ENTROPY ? entropyLabel(flowHash) << MplsLayout.LABEL_SHIFT : 0; // RFC 6790 §4.2: EL TTL 0
        int bottom = entry(w, last, el, ttl);
        // A heap buffer is written through its array: one range check the JIT can share. The
        // array reaches past the buffer's limit, so the limit is checked here, once.
        Objects.checkFromIndexSize(at, w.length * MplsLayout.ENTRY_LENGTH, buf.limit());
        byte[] a = buf.hasArray() ? buf.array() : null;
        int o = a != null ? buf.arrayOffset() + at : at;
        put(buf, a, o + last * MplsLayout.ENTRY_LENGTH, bottomOfStack ? bottom | MplsLayout.S : bottom);
        // The entries above the bottom, written without a loop up to four entries in all: for so
        // few iterations the loop cost about as much again as the stores.
        if (last <= 3) {
            if (last == 3) {
                put(buf, a, o + 2 * MplsLayout.ENTRY_LENGTH, entry(w, 2, el, ttl));
            }
            if (last >= 2) {
                put(buf, a, o + MplsLayout.ENTRY_LENGTH, entry(w, 1, el, ttl));
            }
            if (last >= 1) {
                put(buf, a, o, entry(w, 0, el, ttl));
            }
        } else {
            for (int i = 0; i < last; i++) {
                put(buf, a, o + i * MplsLayout.ENTRY_LENGTH, entry(w, i, el, ttl));
            }
        }
    }

    /** A big-endian word at {@code index}: of the array {@code a} when there is one, else of the buffer. */
    private static void put(ByteBuffer buf, byte[] a, int index, int word) {
        if (a != null) {
            MplsLayout.ENTRY.set(a, index, word);
        } else {
            Wire.put32(buf, index, word);
        }
    }

    /** Entry {@code i}'s word without S: the entropy label's, or the label and TC bits with the TTL. */
    private int entry(int[] w, int i, int entropyWord, int ttl) {
        return i == entropyIndex ? entropyWord : w[i] | ttl;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MplsPush[");
        for (int i = 0; i < words.length; i++) {
            sb.append(i == 0 ? "" : ", ");
            if (i == entropyIndex) {
                sb.append("EL");
            } else {
                int label = MplsLayout.label(words[i]);
                sb.append(label == MplsLabel.ENTROPY_LABEL_INDICATOR.value() ? "ELI" : Integer.toString(label))
                        .append(" tc ").append(MplsLayout.trafficClass(words[i]));
            }
        }
        return sb.append("; ").append(ttlModel).append(']').toString();
    }

    /** Collects the labels of a push; not thread-safe. */
    public static final class Builder {
        private final MplsTtlModel ttlModel;
        private final List<int[]> labels = new ArrayList<>();
        private int entropyAfter = NO_ENTROPY;

        private Builder(MplsTtlModel ttlModel) {
            this.ttlModel = Objects.requireNonNull(ttlModel, "ttlModel");
        }

        /**
         * Adds a label below those added before, with TC 0.
         *
         * @param label the label, 0..1048575, not 3, 7 or 15
         * @return this builder
         * @throws IllegalArgumentException if the label is out of range or refused
         */
        public Builder label(int label) {
            return label(label, 0);
        }

        /**
         * Adds a label below those added before.
         *
         * @param label        the label, 0..1048575, not 3, 7 or 15
         * @param trafficClass its Traffic Class, 0..7 (RFC 5462 §2)
         * @return this builder
         * @throws IllegalArgumentException if a value is out of range or the label refused
         */
        public Builder label(int label, int trafficClass) {
            checkPushable("label", label);
            Check.inRange("trafficClass", trafficClass, 0, 7);
            if (labels.size() == MAX_LABELS) {
                throw new IllegalArgumentException("labels: " + (MAX_LABELS + 1) + " (expected: at most " + MAX_LABELS
                        + ", Linux's MAX_NEW_LABELS)");
            }
            labels.add(new int[] {label, trafficClass});
            return this;
        }

        /**
         * Adds an Entropy Label Indicator and an Entropy Label (RFC 6790 §4.2) below the first
         * {@code labelsAbove} labels: below the label of the LSP whose transit routers are to
         * balance on it. The ELI takes that label's TC and TTL; the EL's value is the flow hash
         * mapped by {@link MplsPush#entropyLabel(int)}, its TC and TTL 0.
         *
         * @param labelsAbove how many of the pushed labels stand above the ELI, at least 1 and
         *                    at most the number of labels (checked by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if {@code labelsAbove} is below 1
         */
        public Builder entropyLabelAfter(int labelsAbove) {
            Check.inRange("labelsAbove", labelsAbove, 1, MAX_LABELS);
            entropyAfter = labelsAbove;
            return this;
        }

        /**
         * Returns the push of the labels added so far.
         *
         * @return an immutable push
         * @throws IllegalArgumentException if no label was added, or the entropy label's position
         *     is below the last label
         */
        public MplsPush build() {
            int n = labels.size();
            if (n == 0) {
                throw new IllegalArgumentException("labels: 0 (expected: 1.." + MAX_LABELS + ")");
            }
            if (entropyAfter > n) {
                throw new IllegalArgumentException("labelsAbove: " + entropyAfter + " (expected: 1.." + n
                        + ", the number of labels)");
            }
            boolean entropy = entropyAfter != NO_ENTROPY;
            int[] words = new int[n + (entropy ? 2 : 0)];
            int w = 0;
            for (int i = 0; i < n; i++) {
                int[] l = labels.get(i);
                words[w++] = MplsLayout.word(l[0], l[1], false, 0);
                if (entropy && i + 1 == entropyAfter) {
                    // RFC 6790 §4.2: the ELI under its LSP's label, with that label's TC (and TTL, per packet)
                    words[w++] = MplsLayout.word(MplsLabel.ENTROPY_LABEL_INDICATOR.value(), l[1], false, 0);
                    words[w++] = 0; // the EL: value per packet, TC 0, TTL 0
                }
            }
            return new MplsPush(words, entropy ? entropyAfter + 1 : NO_ENTROPY, ttlModel);
        }
    }

    static void checkPushable(String name, int label) {
        Check.inRange(name, label, 0, MplsLayout.MAX_LABEL);
        if (label == MplsLabel.IMPLICIT_NULL.value()) {
            throw new IllegalArgumentException(name + ": 3 (expected: not Implicit NULL, which is never on the wire,"
                    + " RFC 3032 §2.1)");
        }
        if (label == MplsLabel.ENTROPY_LABEL_INDICATOR.value() || label == MplsLabel.EXTENSION.value()) {
            throw new IllegalArgumentException(name + ": " + label + " (expected: not " + MplsLabel.specialName(label)
                    + " as a plain label; it must be followed by the label it announces, RFC 6790 §4, RFC 7274 §3)");
        }
    }
}
