package org.tunnelcodec.core.ip;

/**
 * Offsets, sizes and masks of the IPv4 header (RFC 791 §3.1).
 *
 * <p>The bit diagram is on {@link Ipv4Header}.
 */
final class Ipv4Layout {
    static final int VERSION_IHL_OFFSET = 0;
    static final int TOS_OFFSET = 1;
    static final int TOTAL_LENGTH_OFFSET = 2;
    static final int IDENTIFICATION_OFFSET = 4;
    static final int FLAGS_FRAGMENT_OFFSET = 6;
    static final int TTL_OFFSET = 8;
    static final int PROTOCOL_OFFSET = 9;
    static final int CHECKSUM_OFFSET = 10;
    static final int SOURCE_OFFSET = 12;
    static final int DESTINATION_OFFSET = 16;
    static final int MIN_LENGTH = 20;
    static final int MAX_LENGTH = 60;
    static final int MAX_OPTIONS_LENGTH = 40;
    static final int RESERVED_FLAG = 0x8000;
    static final int DONT_FRAGMENT = 0x4000;
    static final int MORE_FRAGMENTS = 0x2000;
    static final int FRAGMENT_OFFSET_MASK = 0x1FFF;

    private Ipv4Layout() {
    }
}
