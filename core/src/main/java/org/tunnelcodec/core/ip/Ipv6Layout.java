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
    /** The Option Type of the Home Address destination option (RFC 6275 §6.3). */
    static final int HOME_ADDRESS_OPTION = 0xC9;
    /** The Option Length of the Home Address option: the address alone (RFC 6275 §6.3). */
    static final int HOME_ADDRESS_OPTION_LENGTH = 16;
    /** The Routing Type of the Type 2 Routing Header (RFC 6275 §6.4). */
    static final int TYPE_2_ROUTING = 2;
    /** The length of a Type 2 Routing Header, Hdr Ext Len 2 (RFC 6275 §6.4). */
    static final int TYPE_2_LENGTH = 24;
    /** The offset of the Home Address in a Type 2 Routing Header, after the 32-bit Reserved. */
    static final int TYPE_2_ADDRESS_OFFSET = 8;

    private Ipv6Layout() {
    }

    /** Whether the decoder walks this Next Header value as an extension header. */
    static boolean isWalked(int nextHeader) {
        return nextHeader == 0 || nextHeader == 43 || nextHeader == 44 || nextHeader == 60;
    }

    /**
     * Whether an address may be a home address: not multicast (ff00::/8) and not the
     * unspecified address (RFC 6275 §6.3: "a unicast routable address").
     */
    static boolean isUnicast(long high, long low) {
        return high >>> 56 != 0xFF && (high | low) != 0;
    }

    /**
     * The index of the first Home Address option (RFC 6275 §6.3) in well-formed option TLVs
     * of a Destination Options header, or -1.
     */
    static int homeAddressOption(org.tunnelcodec.core.ByteString options) {
        int i = 0;
        int end = options.length();
        while (i < end) {
            int type = options.byteAt(i);
            if (type == 0) {
                i++;
                continue;
            }
            if (type == HOME_ADDRESS_OPTION) {
                return i;
            }
            i += options.byteAt(i + 1) + 2;
        }
        return -1;
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
