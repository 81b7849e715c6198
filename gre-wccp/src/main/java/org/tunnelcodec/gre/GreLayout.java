package org.tunnelcodec.gre;

/**
 * Offsets and masks of the GRE header (RFC 2784 §2, RFC 2890 §2, RFC 1701 §2.1, RFC 2637 §4.1);
 * the bit diagram is on {@link GreHeader}.
 */
final class GreLayout {
    static final int C = 0x8000;
    static final int R = 0x4000;
    static final int K = 0x2000;
    static final int S = 0x1000;
    static final int STRICT = 0x0800;
    static final int RECURSION_SHIFT = 8;
    static final int RECURSION_MASK = 0x0700;
    static final int A = 0x0080;
    /** Bits 8-12, held in {@code GreHeader.reservedFlags} as 5 bits (bit 8 is its 0x10). */
    static final int RESERVED_FLAGS_MASK = 0x00F8;
    static final int RESERVED_FLAGS_SHIFT = 3;
    static final int VERSION_MASK = 0x0007;
    static final int MIN_LENGTH = 4;
    /** The most Source Route Entries the decoder reads before it reports {@code LIMIT_EXCEEDED}. */
    static final int MAX_SOURCE_ROUTE_ENTRIES = 16;
    /** GRE-in-UDP destination port (RFC 8086 §3). */
    static final int GRE_IN_UDP_PORT = 4754;

    private GreLayout() {
    }
}
