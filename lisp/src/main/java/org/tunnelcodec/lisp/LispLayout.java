package org.tunnelcodec.lisp;

/**
 * Offsets and masks of the LISP data header (RFC 9300 §5.3) and of the LISP-GPE header
 * (RFC 9305 §3); the bit diagrams are on {@link LispHeader} and {@link LispGpeHeader}. The flag
 * masks apply to the first octet.
 */
final class LispLayout {
    /** The header's length: 8 octets, always (RFC 9300 §5.1). */
    static final int LENGTH = 8;
    /** N, bit 0: the Nonce is present. */
    static final int N = 0x80;
    /** L, bit 1: the Locator-Status-Bits are in use. */
    static final int L = 0x40;
    /** E, bit 2: echo-nonce request (meaningful only with N). */
    static final int E = 0x20;
    /** V, bit 3: the Map-Version is present (RFC 9302). */
    static final int V = 0x10;
    /** I, bit 4: the Instance ID is present. */
    static final int I = 0x08;
    /** Bit 5: R in RFC 9300 (reserved), P in RFC 9305 (the Next Protocol field is present). */
    static final int P = 0x04;
    /** KK, bits 6-7: the key of LISP data-plane confidentiality (RFC 8061), 0 when not encrypted. */
    static final int KK = 0x03;
    /** The flags RFC 9300 names (N, L, E, V, I, KK): the rest, bit 5, is reserved there. */
    static final int KNOWN_FLAGS = N | L | E | V | I | KK;
    /** The largest Instance ID on the data plane: 24 bits. */
    static final int MAX_INSTANCE_ID = 0xFF_FFFF;
    /** The largest 24-bit Nonce / Map-Version field. */
    static final int MAX_NONCE = 0xFF_FFFF;
    /** The largest Map-Version: 12 bits (RFC 9302 §3). */
    static final int MAX_MAP_VERSION = 0xFFF;
    /** The largest 32-bit Locator-Status-Bits field (I clear). */
    static final long MAX_LSB = 0xFFFF_FFFFL;
    /** The largest 8-bit Locator-Status-Bits field (I set). */
    static final int MAX_LSB_WITH_IID = 0xFF;
    /** The IANA-assigned LISP data destination port (RFC 9300 §5.3). */
    static final int UDP_PORT = 4341;

    private LispLayout() {
    }

    /**
     * The EtherType of what a LISP-GPE Next Protocol value names (RFC 9305 §3 and §7: IPv4 1,
     * IPv6 2, Ethernet 3, NSH 4), or -1 for a value without one.
     */
    static int etherType(int nextProtocol) {
        return switch (nextProtocol) {
            case 1 -> 0x0800;
            case 2 -> 0x86DD;
            case 3 -> 0x6558;
            case 4 -> 0x894F;
            default -> -1;
        };
    }

    /**
     * The EtherType of an RFC 9300 payload by the version nibble of its first octet (RFC 9300
     * §5.3: 4 IPv4, 6 IPv6), or -1 for another nibble.
     */
    static int etherTypeOfNibble(int firstOctet) {
        return switch (firstOctet >>> 4) {
            case 4 -> 0x0800;
            case 6 -> 0x86DD;
            default -> -1;
        };
    }
}
