package org.tunnelcodec.core.ip;

/**
 * Offsets and sizes of the IPv6 header (RFC 8200 §3) and of the extension headers it walks.
 *
 * <p>The bit diagrams are on {@link Ipv6Header}.
 */
final class Ipv6Layout {
    static final int PAYLOAD_LENGTH_OFFSET = 4;
    static final int NEXT_HEADER_OFFSET = 6;
    static final int HOP_LIMIT_OFFSET = 7;
    static final int SOURCE_OFFSET = 8;
    static final int DESTINATION_OFFSET = 24;
    static final int LENGTH = 40;
    /** The most extension headers the decoder walks before it reports {@code LIMIT_EXCEEDED}. */
    static final int MAX_EXTENSION_HEADERS = 8;

    private Ipv6Layout() {
    }

    /** Whether the decoder walks this Next Header value as an extension header. */
    static boolean isWalked(int nextHeader) {
        return nextHeader == 0 || nextHeader == 43 || nextHeader == 44 || nextHeader == 60;
    }

    /**
     * The Jumbo Payload Length of the first Jumbo Payload option (RFC 2675 §2) in well-formed
     * option TLVs.
     *
     * @return the value, unsigned, or -1 if there is no Jumbo option; -2 if its Opt Data Len is not 4
     */
    static long jumboPayloadLength(org.tunnelcodec.core.ByteString options) {
        int i = 0;
        int end = options.length();
        while (i < end) {
            int type = options.byteAt(i);
            if (type == 0) {
                i++;
                continue;
            }
            int dataLength = options.byteAt(i + 1);
            if (type == 0xC2) {
                if (dataLength != 4) {
                    return -2;
                }
                return (long) options.byteAt(i + 2) << 24 | options.byteAt(i + 3) << 16
                        | options.byteAt(i + 4) << 8 | options.byteAt(i + 5);
            }
            i += dataLength + 2;
        }
        return -1;
    }
}
