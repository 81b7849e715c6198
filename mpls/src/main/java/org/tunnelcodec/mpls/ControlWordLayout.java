package org.tunnelcodec.mpls;

/**
 * Offsets, masks and shifts of the preferred PW MPLS Control Word (RFC 4385 §3-4), as bits of
 * the big-endian 32-bit word; the bit diagram is on {@link ControlWord}.
 */
final class ControlWordLayout {
    /** The first nibble: 0000 for a control word (RFC 4385 §3). */
    static final int NIBBLE_SHIFT = 28;
    static final int FLAGS_SHIFT = 24;
    static final int FLAGS_MASK = 0x0F;
    static final int FRG_SHIFT = 22;
    static final int FRG_MASK = 0x03;
    static final int LENGTH_SHIFT = 16;
    static final int LENGTH_MASK = 0x3F;
    static final int SEQUENCE_MASK = 0xFFFF;
    /** The offset of the octet that holds FRG and Length. */
    static final int LENGTH_OFFSET = 1;
    /**
     * The Length field is set when the control word and its payload are shorter than this
     * (RFC 4385 §4).
     */
    static final int LENGTH_FIELD_LIMIT = 64;

    private ControlWordLayout() {
    }
}
