package org.tunnelcodec.mpls;

import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * What an MPLS receiver accepts among the stacks the decoder reads. The decoder keeps every
 * special-purpose label wherever it stands; a policy decides, the way {@code GrePolicy} does for
 * GRE.
 *
 * <table>
 *   <caption>The rules {@link #STRICT} enforces</caption>
 *   <tr><th>entry</th><th>rejected when</th><th>source</th></tr>
 *   <tr><td>Implicit NULL (3)</td><td>anywhere: it is never on the wire</td><td>RFC 3032 §2.1</td></tr>
 *   <tr><td>Router Alert (1)</td><td>at the bottom of the stack</td><td>RFC 3032 §2.1</td></tr>
 *   <tr><td>ELI (7)</td><td>at the bottom: no entropy label follows</td><td>RFC 6790 §4</td></tr>
 *   <tr><td>the entry after an ELI</td><td>a special-purpose value (below 16)</td><td>RFC 6790 §4</td></tr>
 *   <tr><td>GAL (13)</td><td>not at the bottom (S=0), and so a second GAL too</td><td>RFC 5586 §4</td></tr>
 *   <tr><td>XL (15)</td><td>at the bottom: no extended special-purpose label follows</td><td>RFC 7274 §3</td></tr>
 * </table>
 * Unassigned special-purpose labels (4-6, 8-12) and extended special-purpose labels are accepted
 * and exposed: a forwarder drops them, a decoder identifies nothing beyond them
 * ({@link MplsBindings#identify}). TTL and TC are never checked: entropy labels carry TTL 0 by
 * design (RFC 6790 §4), GAL entries commonly carry 1, and a capture taken at the expiring hop
 * shows 1; what a TTL of 0 or 1 means is for the forwarding logic.
 */
public enum MplsPolicy {
    /** Rejects the placements the RFCs forbid (the table above). */
    STRICT,
    /** Accepts every stack the decoder reads, as Wireshark and tcpdump display them. */
    LENIENT;

    private static final int NO_VIOLATION = -1;

    /**
     * Throws if a receiver following this policy must discard the stack.
     *
     * @param stack the stack ({@link MplsHeader} or a wrapped {@link MplsView})
     * @throws MalformedPacketException ({@code BAD_VALUE}, field "Label" at the offending entry's
     *     offset from the top) if it must
     */
    public void check(LabelStack stack) {
        Objects.requireNonNull(stack, "stack");
        int found = violationOf(stack);
        if (found != NO_VIOLATION) {
            throw violation(stack, found & ~EL_RULE, (found & EL_RULE) != 0);
        }
    }

    /**
     * Returns whether a receiver following this policy accepts the stack, without allocating.
     *
     * @param stack the stack
     * @return whether it is accepted
     */
    public boolean accepts(LabelStack stack) {
        return firstViolation(stack) == NO_VIOLATION;
    }

    /**
     * Returns the position of the first entry this policy rejects, or -1, without allocating.
     *
     * @param stack the stack
     * @return the offending entry's position (0 is the top), or -1 if the stack is accepted
     */
    public int firstViolation(LabelStack stack) {
        int found = violationOf(stack);
        return found == NO_VIOLATION ? NO_VIOLATION : found & ~EL_RULE;
    }

    /** The rule an entropy label below 16 breaks (the other rules are named by the label). */
    private static final int EL_RULE = 1 << 30;

    /**
     * The first violation: the entry's position, with {@link #EL_RULE} set when
     * the entry is an entropy label, or -1.
     */
    private int violationOf(LabelStack stack) {
        if (this == LENIENT) {
            return NO_VIOLATION;
        }
        int depth = stack.depth();
        int previous = -1;
        for (int i = 0; i < depth; i++) {
            int label = stack.label(i);
            boolean bottom = i == depth - 1;
            if (previous == MplsLabel.ENTROPY_LABEL_INDICATOR.value()) {
                if (label < MplsLabel.FIRST_UNRESERVED) {
                    return EL_RULE | i;
                }
                previous = -1; // an entropy label is opaque
                continue;
            }
            if (previous == MplsLabel.EXTENSION.value()) {
                previous = -1; // an extended special-purpose label
                continue;
            }
            if (label == MplsLabel.IMPLICIT_NULL.value()
                    || label == MplsLabel.GAL.value() && !bottom
                    || bottom && (label == MplsLabel.ROUTER_ALERT.value()
                            || label == MplsLabel.ENTROPY_LABEL_INDICATOR.value()
                            || label == MplsLabel.EXTENSION.value())) {
                return i;
            }
            previous = label;
        }
        return NO_VIOLATION;
    }

    private static MalformedPacketException violation(LabelStack stack, int i, boolean afterEli) {
        int label = stack.label(i);
        String expected;
        if (afterEli) {
            expected = "an entropy label of 16 or more after an ELI, RFC 6790 §4";
        } else {
            expected = switch (label) {
                case 3 -> "no Implicit NULL on the wire, RFC 3032 §2.1";
                case 1 -> "Router Alert above the bottom of stack, RFC 3032 §2.1";
                case 7 -> "an entropy label after the ELI (ELI not at the bottom), RFC 6790 §4";
                case 13 -> "GAL only at the bottom of stack, RFC 5586 §4";
                case 15 -> "an extended special-purpose label after the XL (XL not at the bottom), RFC 7274 §3";
                default -> throw new IllegalStateException("no rule for label " + label);
            };
        }
        return MalformedPacketException.invalid(MplsHeader.PROTOCOL, "Label", (long) i * MplsLayout.ENTRY_LENGTH,
                Reason.BAD_VALUE, label, expected);
    }
}
