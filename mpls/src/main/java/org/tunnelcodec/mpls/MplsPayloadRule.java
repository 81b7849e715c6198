package org.tunnelcodec.mpls;

/**
 * Which rule of {@link MplsBindings#identify} decided a payload's type, in the order the rules
 * are tried. The last one is a guess: an Ethernet pseudowire without control word begins with
 * a MAC address whose first nibble may be anything (RFC 4928 §3), so a caller that knows its
 * pseudowires binds their labels.
 */
public enum MplsPayloadRule {
    /** The caller bound a label of the stack to the payload type. */
    BINDING,
    /** The bottom entry is an IPv4 or IPv6 Explicit NULL (RFC 3032 §2.1, RFC 4182). */
    EXPLICIT_NULL,
    /** The bottom entry is the GAL: an ACH follows (RFC 5586 §4). */
    GAL,
    /** The payload's first nibble, with the IP length checks (RFC 4385 §2, RFC 4928 §3). */
    FIRST_NIBBLE,
    /**
     * No rule applied: the payload is empty, follows an unassigned or extended special-purpose
     * label (whose meaning a receiver cannot know, RFC 7274 §2), or its first octets fit no type.
     */
    NONE
}
