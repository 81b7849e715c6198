package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * The caller's label bindings (label → payload type) and the identification of what follows a
 * label stack. MPLS has no next-protocol field: RFC 3032 §2.2 leaves the payload type to the
 * label's binding in the control plane, or to the bottom label being an Explicit NULL. A
 * receiver without that state guesses; this class applies, in this order (the order Wireshark
 * uses):
 * <ol>
 *   <li>{@link MplsPayloadRule#BINDING}: the lowest label of the stack that the caller bound
 *       (special-purpose labels, entropy labels and extended special-purpose labels are never
 *       looked up), so a pseudowire label above a flow label (RFC 6391) still decides;</li>
 *   <li>{@link MplsPayloadRule#EXPLICIT_NULL}: bottom label 0 is IPv4, 2 is IPv6 (RFC 3032 §2.1);</li>
 *   <li>{@link MplsPayloadRule#GAL}: bottom label 13 is followed by an ACH (RFC 5586 §4);</li>
 *   <li>nothing after an unassigned or extended special-purpose label anywhere in the stack: its
 *       meaning is unknown, so nothing beyond it is guessed (RFC 7274 §2);</li>
 *   <li>{@link MplsPayloadRule#FIRST_NIBBLE}: 4 is IPv4 if IHL ≥ 5 and the Total Length fits
 *       what is left (trailing link padding allowed); 6 is IPv6 if 40 + Payload Length fits; 0
 *       is a control word, taken as an Ethernet pseudowire's as Wireshark does; 1 is an ACH if
 *       its version nibble is 0 (RFC 4385 §2, §5; RFC 4928 §3).</li>
 * </ol>
 * A binding, an Explicit NULL or the GAL names the payload even when it is empty; otherwise an
 * empty payload is {@link MplsPayloadType#NONE}, and bytes no rule claims are
 * {@link MplsPayloadType#RAW}. There is no global state: a caller makes one instance and passes
 * it (the dissector layer takes it at construction).
 *
 * <p>Immutable and thread-safe. Lookups allocate nothing: the bindings sit in an open-addressing
 * table of two arrays.
 */
public final class MplsBindings {
    /** No bindings: identification by the Explicit NULL, GAL and first-nibble rules only. */
    public static final MplsBindings NONE = new MplsBindings(Map.of());

    private static final int EMPTY = -1;
    private static final MplsPayloadType[] TYPES = MplsPayloadType.values();

    private final int[] labels;
    private final byte[] types;
    private final int mask;
    private final int size;

    private MplsBindings(Map<Integer, MplsPayloadType> bindings) {
        int capacity = Integer.highestOneBit(Math.max(2, bindings.size() * 2 - 1)) << 1;
        labels = new int[capacity];
        types = new byte[capacity];
        Arrays.fill(labels, EMPTY);
        mask = capacity - 1;
        for (Map.Entry<Integer, MplsPayloadType> e : bindings.entrySet()) {
            int slot = slot(e.getKey());
            while (labels[slot] != EMPTY) {
                slot = slot + 1 & mask;
            }
            labels[slot] = e.getKey();
            types[slot] = (byte) e.getValue().ordinal();
        }
        size = bindings.size();
    }

    /**
     * Returns bindings from a map.
     *
     * @param bindings label (16..1048575) → payload type (any but {@link MplsPayloadType#NONE})
     * @return the bindings
     * @throws IllegalArgumentException if a label or type is out of range
     */
    public static MplsBindings of(Map<Integer, MplsPayloadType> bindings) {
        Builder b = builder();
        bindings.forEach(b::bind);
        return b.build();
    }

    /**
     * Returns a builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the number of bound labels.
     *
     * @return how many labels are bound
     */
    public int size() {
        return size;
    }

    /**
     * Returns the type bound to a label, without allocating.
     *
     * @param label the label
     * @return the type, or {@code null} if the label is not bound
     */
    public MplsPayloadType lookup(int label) {
        if (size == 0 || label < MplsLabel.FIRST_UNRESERVED || label > MplsLabel.MAX_VALUE) {
            return null; // never bound (and -1 marks an empty slot)
        }
        for (int slot = slot(label); ; slot = slot + 1 & mask) {
            int l = labels[slot];
            if (l == label) {
                return TYPES[types[slot]];
            }
            if (l == EMPTY) {
                return null;
            }
        }
    }

    private int slot(int label) {
        // Fibonacci hashing: the top bits of the product, as many as the table has slot bits.
        return (label * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask) & mask;
    }

    /**
     * Identifies what follows a stack, by the rules in the class description, without allocating.
     *
     * @param stack        the stack ({@link MplsHeader} or a wrapped {@link MplsView})
     * @param src          the buffer holding the payload
     * @param payloadIndex the absolute index of the first octet after the bottom entry
     * @param limit        the end of the payload: nothing at or past it is read
     * @return the payload's type and the rule that decided it
     * @throws IndexOutOfBoundsException if {@code [payloadIndex, limit)} is not within {@code src.limit()}
     */
    public MplsPayload identify(LabelStack stack, ByteBuffer src, int payloadIndex, int limit) {
        Objects.requireNonNull(stack, "stack");
        return identify(stack, null, 0, stack.depth(), src, payloadIndex, limit);
    }

    /**
     * Identifies what follows a stack whose entries are read from the buffer, by the rules in the
     * class description, without allocating: for a caller that has {@link MplsDecoder#scan}ned
     * the stack and holds no view.
     *
     * @param src        the buffer holding the stack and its payload
     * @param stackIndex the absolute index of the top entry
     * @param depth      the stack's depth, as {@link MplsDecoder#scan} returned it
     * @param limit      the end of the payload: nothing at or past it is read
     * @return the payload's type and the rule that decided it
     * @throws IndexOutOfBoundsException if the stack and payload are not within {@code src.limit()}
     */
    public MplsPayload identify(ByteBuffer src, int stackIndex, int depth, int limit) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth: " + depth + " (expected: >= 1)");
        }
        int payloadIndex = stackIndex + depth * MplsLayout.ENTRY_LENGTH;
        Objects.checkFromToIndex(stackIndex, payloadIndex, limit);
        return identify(null, src, stackIndex, depth, src, payloadIndex, limit);
    }

    /** The label of entry {@code i}, from the stack or, when it is null, from the buffer. */
    private static int label(LabelStack stack, ByteBuffer words, int stackIndex, int i) {
        return stack != null ? stack.label(i) : Wire.i32(words, stackIndex + i * MplsLayout.ENTRY_LENGTH) >>> MplsLayout.LABEL_SHIFT;
    }

    private MplsPayload identify(LabelStack stack, ByteBuffer words, int stackIndex, int depth, ByteBuffer src,
                                 int payloadIndex, int limit) {
        Objects.checkFromToIndex(payloadIndex, limit, src.limit());
        boolean unknownSpecial = false;
        int previous = -1;
        int bottomKind = 0; // 0: a label to read as such; 1: an entropy or extended special-purpose label
        MplsPayloadType bound = null;
        for (int i = 0; i < depth; i++) {
            int label = label(stack, words, stackIndex, i);
            boolean carried = previous == MplsLabel.ENTROPY_LABEL_INDICATOR.value() || previous == MplsLabel.EXTENSION.value();
            if (carried) {
                unknownSpecial |= previous == MplsLabel.EXTENSION.value(); // no extended special-purpose label is known here
            } else if (MplsLabel.isUnassignedSpecialPurpose(label)) {
                unknownSpecial = true;
            } else if (size != 0 && label >= MplsLabel.FIRST_UNRESERVED) {
                MplsPayloadType t = lookup(label);
                if (t != null) {
                    bound = t; // the lowest bound label wins
                }
            }
            bottomKind = carried ? 1 : 0;
            previous = carried ? -1 : label;
        }
        if (bound != null) {
            return MplsPayload.of(bound, MplsPayloadRule.BINDING);
        }
        if (bottomKind == 0) {
            int bottom = label(stack, words, stackIndex, depth - 1);
            if (bottom == MplsLabel.IPV4_EXPLICIT_NULL.value()) {
                return MplsPayload.of(MplsPayloadType.IPV4, MplsPayloadRule.EXPLICIT_NULL);
            }
            if (bottom == MplsLabel.IPV6_EXPLICIT_NULL.value()) {
                return MplsPayload.of(MplsPayloadType.IPV6, MplsPayloadRule.EXPLICIT_NULL);
            }
            if (bottom == MplsLabel.GAL.value()) {
                return MplsPayload.of(MplsPayloadType.ACH, MplsPayloadRule.GAL);
            }
        }
        int remaining = limit - payloadIndex;
        if (remaining == 0) {
            return MplsPayload.of(MplsPayloadType.NONE, MplsPayloadRule.NONE);
        }
        if (unknownSpecial) {
            return MplsPayload.of(MplsPayloadType.RAW, MplsPayloadRule.NONE);
        }
        int first = Wire.u8(src, payloadIndex);
        MplsPayloadType guess = switch (first >>> 4) {
            case 4 -> plausibleIpv4(src, payloadIndex, first, remaining) ? MplsPayloadType.IPV4 : null;
            case 6 -> remaining >= 40 && 40 + Wire.u16(src, payloadIndex + 4) <= remaining ? MplsPayloadType.IPV6 : null;
            case 0 -> remaining >= 4 ? MplsPayloadType.PW_ETHERNET_CONTROL_WORD : null;
            case 1 -> remaining >= 4 && (first & 0x0F) == 0 ? MplsPayloadType.ACH : null;
            default -> null;
        };
        return guess != null ? MplsPayload.of(guess, MplsPayloadRule.FIRST_NIBBLE)
                : MplsPayload.of(MplsPayloadType.RAW, MplsPayloadRule.NONE);
    }

    private static boolean plausibleIpv4(ByteBuffer src, int at, int first, int remaining) {
        int ihl = (first & 0x0F) * 4;
        if (ihl < 20 || remaining < 20) {
            return false;
        }
        int totalLength = Wire.u16(src, at + 2);
        return totalLength >= ihl && totalLength <= remaining;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MplsBindings{");
        boolean first = true;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != EMPTY) {
                sb.append(first ? "" : ", ").append(labels[i]).append('=').append(TYPES[types[i]]);
                first = false;
            }
        }
        return sb.append('}').toString();
    }

    /** Collects bindings; not thread-safe. */
    public static final class Builder {
        private final Map<Integer, MplsPayloadType> bindings = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Binds a label to a payload type; a later binding of the same label replaces it.
         *
         * @param label the label, 16..1048575 (special-purpose labels have their own meaning)
         * @param type  the payload type, any but {@link MplsPayloadType#NONE}
         * @return this builder
         * @throws IllegalArgumentException if the label or type is out of range
         */
        public Builder bind(int label, MplsPayloadType type) {
            Objects.requireNonNull(type, "type");
            if (label < MplsLabel.FIRST_UNRESERVED || label > MplsLabel.MAX_VALUE) {
                throw new IllegalArgumentException("label: " + label + " (expected: 16..1048575)");
            }
            if (type == MplsPayloadType.NONE) {
                throw new IllegalArgumentException("type: NONE (expected: a payload type)");
            }
            bindings.put(label, type);
            return this;
        }

        /**
         * Returns the bindings collected so far.
         *
         * @return immutable bindings
         */
        public MplsBindings build() {
            return bindings.isEmpty() ? NONE : new MplsBindings(bindings);
        }
    }
}
