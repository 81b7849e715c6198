package org.tunnelcodec.mpls;

import java.util.Map;
import org.tunnelcodec.core.CodePoint;
import org.tunnelcodec.core.internal.Check;

/**
 * An MPLS label value (RFC 3032 §2.1), 0..1048575, as an open code point: the special-purpose
 * labels 0-15 (RFC 7274 §2, IANA "Special-Purpose MPLS Label Values") have names, every other
 * value is just a value.
 *
 * <table>
 *   <caption>Special-purpose labels</caption>
 *   <tr><th>value</th><th>name</th><th>where it may stand</th></tr>
 *   <tr><td>0</td><td>IPv4 Explicit NULL</td><td>anywhere (RFC 4182); at the bottom the payload is IPv4</td></tr>
 *   <tr><td>1</td><td>Router Alert</td><td>anywhere but the bottom (RFC 3032 §2.1)</td></tr>
 *   <tr><td>2</td><td>IPv6 Explicit NULL</td><td>anywhere (RFC 4182); at the bottom the payload is IPv6</td></tr>
 *   <tr><td>3</td><td>Implicit NULL</td><td>never on the wire (RFC 3032 §2.1)</td></tr>
 *   <tr><td>7</td><td>Entropy Label Indicator</td><td>never the bottom; the next entry is an entropy label (RFC 6790 §4)</td></tr>
 *   <tr><td>13</td><td>Generic Associated Channel Label (GAL)</td><td>only the bottom, once; an ACH follows (RFC 5586 §4)</td></tr>
 *   <tr><td>14</td><td>OAM Alert</td><td>historic (RFC 3429)</td></tr>
 *   <tr><td>15</td><td>Extension Label</td><td>never the bottom; the next entry holds an extended special-purpose label (RFC 7274 §3)</td></tr>
 * </table>
 * 4-6 and 8-12 are unassigned.
 *
 * @param value the label as it is on the wire
 */
public record MplsLabel(int value) implements CodePoint {
    /** IPv4 Explicit NULL (RFC 3032 §2.1, RFC 4182). */
    public static final MplsLabel IPV4_EXPLICIT_NULL = new MplsLabel(0);
    /** Router Alert (RFC 3032 §2.1). */
    public static final MplsLabel ROUTER_ALERT = new MplsLabel(1);
    /** IPv6 Explicit NULL (RFC 3032 §2.1, RFC 4182). */
    public static final MplsLabel IPV6_EXPLICIT_NULL = new MplsLabel(2);
    /** Implicit NULL (RFC 3032 §2.1): only in label distribution, never on the wire. */
    public static final MplsLabel IMPLICIT_NULL = new MplsLabel(3);
    /** Entropy Label Indicator (RFC 6790 §4). */
    public static final MplsLabel ENTROPY_LABEL_INDICATOR = new MplsLabel(7);
    /** Generic Associated Channel Label, GAL (RFC 5586 §4). */
    public static final MplsLabel GAL = new MplsLabel(13);
    /** OAM Alert Label (RFC 3429). */
    public static final MplsLabel OAM_ALERT = new MplsLabel(14);
    /** Extension Label, XL (RFC 7274 §3). */
    public static final MplsLabel EXTENSION = new MplsLabel(15);

    /** The largest label value (20 bits). */
    public static final int MAX_VALUE = MplsLayout.MAX_LABEL;
    /** The smallest label value that is not special-purpose, also the smallest legal entropy label (RFC 6790 §4). */
    public static final int FIRST_UNRESERVED = 16;

    private static final Map<Integer, String> NAMES = Map.of(0, "IPV4_EXPLICIT_NULL", 1, "ROUTER_ALERT",
            2, "IPV6_EXPLICIT_NULL", 3, "IMPLICIT_NULL", 7, "ENTROPY_LABEL_INDICATOR", 13, "GAL", 14, "OAM_ALERT",
            15, "EXTENSION");

    /**
     * Checks the range.
     *
     * @param value the label as it is on the wire
     */
    public MplsLabel {
        Check.inRange("value", value, 0, MAX_VALUE);
    }

    /**
     * Returns the label with this value; known special-purpose values give their shared constant.
     *
     * @param value the label, 0..1048575
     * @return the label
     */
    public static MplsLabel of(int value) {
        return switch (value) {
            case 0 -> IPV4_EXPLICIT_NULL;
            case 1 -> ROUTER_ALERT;
            case 2 -> IPV6_EXPLICIT_NULL;
            case 3 -> IMPLICIT_NULL;
            case 7 -> ENTROPY_LABEL_INDICATOR;
            case 13 -> GAL;
            case 14 -> OAM_ALERT;
            case 15 -> EXTENSION;
            default -> new MplsLabel(value);
        };
    }

    /**
     * Returns whether a label value is special-purpose (0..15, RFC 7274 §2).
     *
     * @param label the label value
     * @return whether it is 0..15
     */
    public static boolean isSpecialPurpose(int label) {
        return label >= 0 && label < FIRST_UNRESERVED;
    }

    /**
     * Returns whether a label value is special-purpose but unassigned (4-6, 8-12): a receiver
     * cannot know what follows it (RFC 7274 §2).
     *
     * @param label the label value
     * @return whether it is 4..6 or 8..12
     */
    public static boolean isUnassignedSpecialPurpose(int label) {
        return label >= 4 && label <= 6 || label >= 8 && label <= 12;
    }

    /**
     * Returns the short name tools print for a special-purpose label ({@code "IPv4 Explicit NULL"},
     * {@code "ELI"}, {@code "GAL"}...), {@code "unassigned special"} for 4-6 and 8-12, or
     * {@code null} for a label of 16 or more.
     *
     * @param label the label value
     * @return the name, or {@code null}
     */
    public static String specialName(int label) {
        return switch (label) {
            case 0 -> "IPv4 Explicit NULL";
            case 1 -> "Router Alert";
            case 2 -> "IPv6 Explicit NULL";
            case 3 -> "Implicit NULL";
            case 7 -> "ELI";
            case 13 -> "GAL";
            case 14 -> "OAM Alert";
            case 15 -> "XL";
            default -> isSpecialPurpose(label) ? "unassigned special" : null;
        };
    }

    /**
     * Returns whether this label is special-purpose (0..15).
     *
     * @return whether this label is special-purpose
     */
    public boolean isSpecialPurpose() {
        return isSpecialPurpose(value);
    }

    @Override
    public boolean isKnown() {
        return NAMES.containsKey(value);
    }

    @Override
    public String knownName() {
        return NAMES.get(value);
    }

    @Override
    public String toString() {
        String name = knownName();
        return name != null ? name + "(" + value + ")" : Integer.toString(value);
    }
}
