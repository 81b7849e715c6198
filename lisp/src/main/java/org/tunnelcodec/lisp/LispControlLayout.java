package org.tunnelcodec.lisp;

/** Wire constants of the LISP control plane (RFC 9301 §5) and of LCAF (RFC 8060). Not API. */
final class LispControlLayout {
    /** The protocol's name in errors and the dissector. */
    static final String PROTOCOL = "lisp-control";
    /** The control-plane UDP port (RFC 9301 §5.1). */
    static final int UDP_PORT = 4342;
    /** The bound every LCAF body puts on what it holds. */
    static final String LCAF_BOUND = PROTOCOL + " LCAF Length";
    /** The bound the inner UDP Length of an ECM puts on the inner message. */
    static final String ECM_UDP_BOUND = PROTOCOL + " inner UDP Length";

    static final int TYPE_MAP_REQUEST = 1;
    static final int TYPE_MAP_REPLY = 2;
    static final int TYPE_MAP_REGISTER = 3;
    static final int TYPE_MAP_NOTIFY = 4;
    static final int TYPE_MAP_NOTIFY_ACK = 5;
    static final int TYPE_MAP_REFERRAL = 6;
    static final int TYPE_INFO = 7;
    static final int TYPE_ECM = 8;

    /** EID-record and locator-record fixed parts (RFC 9301 §5.4). */
    static final int EID_RECORD_FIXED = 10;
    static final int LOCATOR_FIXED = 6;
    /** Map-Register, Map-Notify: type word, nonce, Key ID, Algorithm ID, Authentication Data Length. */
    static final int AUTH_HEADER = 16;
    /** The xTR-ID and Site-ID trailer (RFC 9301 §5.6). */
    static final int XTR_TRAILER = 24;
    /** Info-Request and Info-Reply after the Authentication Data: TTL, Reserved, EID mask-len. */
    static final int INFO_FIXED = 6;

    private LispControlLayout() {
    }

    /** The widest mask-len of an AFI's prefixes: 32, 128, 48, or 255 for the others. */
    static int maxMaskLength(int afi) {
        switch (afi) {
            case LispAddress.AFI_IPV4:
                return 32;
            case LispAddress.AFI_IPV6:
                return 128;
            case LispAddress.AFI_MAC:
            case LispAddress.AFI_MAC_48:
                return 48;
            default:
                return 0xFF;
        }
    }
}
