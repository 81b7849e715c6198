package org.tunnelcodec.gre.wccp;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes the WCCPv2 redirect header. Follows the decoder contract of
 * {@code org.tunnelcodec.core}: every flag and reserved bit is kept; the payload is the rest
 * of the buffer (the original IP packet).
 */
public final class WccpRedirectDecoder {
    private static final String PROTOCOL = WccpRedirectHeader.PROTOCOL;

    private WccpRedirectDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the header, its length on the wire and the payload after it
     * @throws MalformedPacketException if fewer than 4 bytes remain
     */
    public static Decoded<WccpRedirectHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header, its length on the wire and the payload after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 4 bytes remain
     */
    public static Decoded<WccpRedirectHeader> decode(ByteBuffer src, int index, int limit) {
        int w = checked(src, index, limit);
        WccpRedirectHeader h = new WccpRedirectHeader(w >>> 24, w >>> 16 & 0xFF, w >>> 8 & 0xFF, w & 0xFF);
        return Decoded.of(h, WccpRedirectHeader.LENGTH, src, index + WccpRedirectHeader.LENGTH,
                limit - index - WccpRedirectHeader.LENGTH);
    }

    /**
     * Makes every check {@link #decode(ByteBuffer, int, int)} makes, without allocating: the
     * dissector's WCCP layer and the tunnel classifier are built on it.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the redirect header's 32 bits as on the wire: flags, Service ID, Alt Bucket, Pri Bucket
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 4 bytes remain
     */
    public static int checked(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(PROTOCOL, "Redirect Header", index, index, WccpRedirectHeader.LENGTH, limit);
        return Wire.i32(src, index);
    }

    /**
     * The one decision of whether a WCCPv2 redirect header follows a GRE header of Protocol
     * Type 0x883E, shared by the cache-side {@link WccpDecapsulator} and the dissector's GRE
     * layer. {@link WccpVersion#AUTO} decides per packet, as Linux and FreeBSD do: over IPv6
     * delivery a redirect header always follows (WCCPv1 is IPv4-only); over IPv4, an octet
     * after GRE whose top nibble is 4 starts the original IPv4 packet of WCCPv1, anything else
     * (an empty payload too) a redirect header.
     *
     * @param version      the router's configured version, or AUTO
     * @param ipv6Delivery whether the GRE packet came over IPv6
     * @param src          the buffer; nothing is read at or past {@code limit}
     * @param index        the absolute index of the first octet after the GRE header
     * @param limit        the end of the GRE payload
     * @return whether a redirect header follows
     */
    public static boolean hasRedirectHeader(WccpVersion version, boolean ipv6Delivery, ByteBuffer src, int index,
                                            int limit) {
        return switch (version) {
            case V1 -> false;
            case V2 -> true;
            case AUTO -> ipv6Delivery || index >= limit || Wire.u8(src, index) >>> 4 != 4;
        };
    }
}
