package org.tunnelcodec.core.transport;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes the first eight octets of an ICMP or ICMPv6 message ({@link IcmpHeader}). A message
 * shorter than eight octets is malformed (RFC 792 gives every message at least them; RFC 4443
 * §2.1 a 32-bit header that every message of §3 and §4 follows with at least 32 bits). The
 * checksum is not verified: it is the receiving stack's.
 */
public final class IcmpDecoder {
    private IcmpDecoder() {
    }

    /**
     * Decodes an ICMP message at absolute {@code index}, reading no byte at or past {@code limit}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header and the message body after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than eight octets are available
     */
    public static Decoded<IcmpHeader> decode(ByteBuffer src, int index, int limit) {
        return decode(src, index, limit, false);
    }

    /**
     * Decodes an ICMPv6 message at absolute {@code index}, reading no byte at or past {@code limit}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return the header and the message body after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than eight octets are available
     */
    public static Decoded<IcmpHeader> decodeV6(ByteBuffer src, int index, int limit) {
        return decode(src, index, limit, true);
    }

    private static Decoded<IcmpHeader> decode(ByteBuffer src, int index, int limit, boolean ipv6) {
        checked(src, index, limit, ipv6);
        IcmpHeader h = new IcmpHeader(ipv6, Wire.u8(src, index), Wire.u8(src, index + 1), Wire.u16(src, index + 2),
                Wire.i32(src, index + 4));
        return Decoded.of(h, IcmpHeader.LENGTH, src, index + IcmpHeader.LENGTH, limit - index - IcmpHeader.LENGTH);
    }

    /**
     * Makes every check the decoder makes, without allocating.
     *
     * @param src the buffer
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range
     * @param ipv6 whether the message is ICMPv6 (for the error's protocol name)
     * @return the length of the body after the eight octets
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than eight octets are available
     */
    public static int checked(ByteBuffer src, int index, int limit, boolean ipv6) {
        Objects.checkFromToIndex(index, limit, src.limit());
        if (limit - index < IcmpHeader.LENGTH) {
            throw MalformedPacketException.truncated(ipv6 ? IcmpHeader.PROTOCOL_V6 : IcmpHeader.PROTOCOL, "Type", 0,
                    IcmpHeader.LENGTH, limit - index);
        }
        return limit - index - IcmpHeader.LENGTH;
    }
}
