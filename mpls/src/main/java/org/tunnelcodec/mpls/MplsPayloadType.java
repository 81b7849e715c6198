package org.tunnelcodec.mpls;

/**
 * What follows the bottom of an MPLS label stack. MPLS has no next-protocol field (RFC 3032
 * §2.2): the type comes from the label's binding or is guessed, see {@link MplsBindings#identify}.
 */
public enum MplsPayloadType {
    /** An IPv4 packet. */
    IPV4,
    /** An IPv6 packet. */
    IPV6,
    /** An Ethernet pseudowire without control word: an Ethernet frame (RFC 4448 §4.4). */
    PW_ETHERNET,
    /** An Ethernet pseudowire with a control word (RFC 4448 §4.6), then the Ethernet frame. */
    PW_ETHERNET_CONTROL_WORD,
    /** A pseudowire control word of another pseudowire type (RFC 4385 §3), then that type's payload. */
    CONTROL_WORD,
    /** An Associated Channel Header (RFC 4385 §5, RFC 5586 §2). */
    ACH,
    /** Octets no rule identifies. */
    RAW,
    /** Nothing: the stack ends the packet (legal on the wire). */
    NONE
}
