package org.tunnelcodec.vxlan;

/**
 * Offsets and masks of the Geneve header and its options (RFC 8926 §3.4, §3.5); the bit
 * diagrams are on {@link GeneveHeader} and {@link GeneveOption}.
 */
final class GeneveLayout {
    /** The fixed part: 8 octets. */
    static final int MIN_LENGTH = 8;
    /** Ver: the top two bits of the first octet. */
    static final int VERSION_SHIFT = 6;
    /** Opt Len: the low six bits of the first octet, in 4-octet words. */
    static final int OPT_LEN_MASK = 0x3F;
    /** O, in the second octet: control packet. */
    static final int O = 0x80;
    /** C, in the second octet: critical options present. */
    static final int C = 0x40;
    /** Rsvd., the low six bits of the second octet. */
    static final int RESERVED_FLAGS_MASK = 0x3F;
    /** The most option octets Opt Len can announce: 63 words. */
    static final int MAX_OPTIONS_LENGTH = OPT_LEN_MASK * 4;
    /** The most options that fit: each takes at least its 4-octet header. */
    static final int MAX_OPTIONS = MAX_OPTIONS_LENGTH / 4;
    /** An option's header: Option Class, Type, R and Length. */
    static final int OPTION_HEADER_LENGTH = 4;
    /** The critical bit of an option's Type. */
    static final int OPTION_CRITICAL = 0x80;
    /** An option's R bits: the top three bits of its fourth octet. */
    static final int OPTION_RESERVED_SHIFT = 5;
    /** An option's Length: the low five bits of its fourth octet, in 4-octet words. */
    static final int OPTION_LENGTH_MASK = 0x1F;
    /** The most data octets an option can carry: 31 words. */
    static final int MAX_OPTION_DATA = OPTION_LENGTH_MASK * 4;
    /** The IANA-assigned Geneve destination port (RFC 8926 §3.3). */
    static final int UDP_PORT = 6081;

    private GeneveLayout() {
    }
}
