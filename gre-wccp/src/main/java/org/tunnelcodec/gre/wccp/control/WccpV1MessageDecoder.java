package org.tunnelcodec.gre.wccp.control;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes WCCP version 1 control messages ([V1] "Format of Protocol Packets"). Follows the
 * decoder contract of {@link org.tunnelcodec.core}.
 *
 * <p>WCCP v1 has no Length field: the header is the message's fixed layout (52, 20 + 44n or
 * 12 + 4n + 256 octets) and the payload is whatever follows it up to the limit (normally
 * nothing; a datagram carries one message). Receiver checks: Type 7, 8 or 9 (10-13 are
 * {@code UNSUPPORTED_VERSION}: WCCP v2, {@link WccpMessageDecoder}; anything else
 * {@code BAD_VALUE}); Protocol Version 4 for HERE_I_AM and I_SEE_YOU
 * ({@code UNSUPPORTED_VERSION}); all octets of the layout present ({@code TRUNCATED}, also
 * when a web-cache count promises more than the datagram holds); at most
 * {@value WccpV1Message#MAX_WEB_CACHES} web-caches ({@code LIMIT_EXCEEDED}, [V1]).
 */
public final class WccpV1MessageDecoder {
    private static final String PROTOCOL = WccpMessage.PROTOCOL;

    private WccpV1MessageDecoder() {
    }

    /**
     * Decodes the message at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the message, its length and the octets after it as payload
     * @throws MalformedPacketException if the bytes are not a valid WCCP v1 message
     */
    public static Decoded<WccpV1Message> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the message at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the message, its length and the octets after it up to {@code limit} as payload
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid WCCP v1 message
     */
    public static Decoded<WccpV1Message> decode(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(PROTOCOL, "Type", index, index, 4, limit);
        int type = Wire.i32(src, index);
        WccpV1Message message;
        switch (type) {
            case 7:
                message = hereIAm(src, index, limit);
                break;
            case 8:
                message = iSeeYou(src, index, limit);
                break;
            case 9:
                message = assignBucket(src, index, limit);
                break;
            default:
                throw badType(type);
        }
        int end = index + message.encodedLength();
        return Decoded.of(message, end - index, src, end, limit - end);
    }

    private static WccpV1Message.HereIAm hereIAm(ByteBuffer src, int index, int limit) {
        Wire.require(PROTOCOL, "Protocol Version", index, index, 8, limit);
        checkVersion(src, index);
        Wire.require(PROTOCOL, "Received ID", index, index, WccpV1Message.HereIAm.LENGTH, limit);
        return new WccpV1Message.HereIAm(Wire.u32(src, index + 8),
                ByteString.copyOf(src, index + 12, WccpBuckets.VECTOR_LENGTH),
                Wire.i32(src, index + 44), Wire.u32(src, index + 48));
    }

    private static WccpV1Message.ISeeYou iSeeYou(ByteBuffer src, int index, int limit) {
        Wire.require(PROTOCOL, "Protocol Version", index, index, 8, limit);
        checkVersion(src, index);
        Wire.require(PROTOCOL, "Number of WCs", index, index, 20, limit);
        long n = Wire.u32(src, index + 16);
        Wire.require(PROTOCOL, "Web-Cache List Entry", index, index + 20, n * WccpV1Message.WebCacheEntry.LENGTH,
                limit);
        checkCap("Number of WCs", n, 16);
        List<WccpV1Message.WebCacheEntry> entries = new ArrayList<>((int) n);
        for (int i = 0, at = index + 20; i < n; i++, at += WccpV1Message.WebCacheEntry.LENGTH) {
            entries.add(new WccpV1Message.WebCacheEntry(Ipv4Address.read(src, at), Wire.u32(src, at + 4),
                    ByteString.copyOf(src, at + 8, WccpBuckets.VECTOR_LENGTH), Wire.i32(src, at + 40)));
        }
        return new WccpV1Message.ISeeYou(Wire.u32(src, index + 8), Wire.u32(src, index + 12), entries);
    }

    private static WccpV1Message.AssignBucket assignBucket(ByteBuffer src, int index, int limit) {
        Wire.require(PROTOCOL, "Number of Web Caches", index, index, 12, limit);
        long n = Wire.u32(src, index + 8);
        Wire.require(PROTOCOL, "Web Cache IP Address", index, index + 12, n * 4 + WccpBuckets.COUNT, limit);
        checkCap("Number of Web Caches", n, 8);
        List<Ipv4Address> caches = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            caches.add(Ipv4Address.read(src, index + 12 + 4 * i));
        }
        int buckets = index + 12 + 4 * (int) n;
        return new WccpV1Message.AssignBucket(Wire.u32(src, index + 4), caches,
                ByteString.copyOf(src, buckets, WccpBuckets.COUNT));
    }

    private static void checkVersion(ByteBuffer src, int index) {
        long version = Wire.u32(src, index + 4);
        if (version != WccpV1Message.VERSION) {
            throw MalformedPacketException.invalid(PROTOCOL, "Protocol Version", 4, Reason.UNSUPPORTED_VERSION,
                    version, "4");
        }
    }

    private static void checkCap(String field, long n, int offset) {
        if (n > WccpV1Message.MAX_WEB_CACHES) {
            throw MalformedPacketException.invalid(PROTOCOL, field, offset, Reason.LIMIT_EXCEEDED, n,
                    "at most " + WccpV1Message.MAX_WEB_CACHES + " web-caches");
        }
    }

    private static MalformedPacketException badType(int type) {
        boolean v2 = type >= 10 && type <= 13;
        return MalformedPacketException.invalid(PROTOCOL, "Type", 0,
                v2 ? Reason.UNSUPPORTED_VERSION : Reason.BAD_VALUE, Integer.toUnsignedLong(type),
                v2 ? "a v1 Type, 7, 8 or 9; 10 to 13 are v2, for WccpMessageDecoder" : "7, 8 or 9");
    }
}
