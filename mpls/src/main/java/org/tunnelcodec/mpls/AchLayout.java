package org.tunnelcodec.mpls;

/**
 * Offsets, masks and shifts of the Associated Channel Header (RFC 4385 §5, RFC 5586 §2), as
 * bits of the big-endian 32-bit word; the bit diagram is on {@link AchHeader}.
 */
final class AchLayout {
    /** The first nibble: 0001 for an ACH (RFC 4385 §5). */
    static final int NIBBLE_SHIFT = 28;
    static final int NIBBLE = 1;
    static final int VERSION_SHIFT = 24;
    static final int VERSION_MASK = 0x0F;
    static final int RESERVED_SHIFT = 16;
    static final int RESERVED_MASK = 0xFF;
    static final int CHANNEL_TYPE_MASK = 0xFFFF;

    private AchLayout() {
    }
}
