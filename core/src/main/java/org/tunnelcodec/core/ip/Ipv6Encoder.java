package org.tunnelcodec.core.ip;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes IPv6 headers and their extension headers (RFC 8200), computing Payload Length and
 * each Hdr Ext Len. Follows the <a href="../package-summary.html#encoder-contract">encoder contract</a>.
 *
 * <p>Mobile IPv6 (RFC 6275): a {@link Ipv6ExtensionHeader.Type2RoutingHeader} is written as its
 * 24 bytes (Hdr Ext Len 2, Routing Type 2, Segments Left 1, Reserved, Home Address); a Home
 * Address option is written with its Destination Options header's options, where
 * {@link Ipv6ExtensionHeader.DestinationOptions#withHomeAddress(org.tunnelcodec.core.IpProtocol,
 * HomeAddressOption) DestinationOptions.withHomeAddress} placed it at its alignment, 8n+6.
 */
public final class Ipv6Encoder {
    private Ipv6Encoder() {
    }

    /**
     * Returns the exact encoded length: 40 plus the extension headers.
     *
     * @param header the header
     * @return the exact encoded length: 40 plus the extension headers
     */
    public static int encodedLength(Ipv6Header header) {
        return header.headerLength();
    }

    /**
     * Writes the header and its extension headers at {@code dst.position()}.
     *
     * @param h the header
     * @param dst the destination
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     */
    public static int encode(Ipv6Header h, ByteBuffer dst) {
        int length = h.headerLength();
        Wire.requireRoom(dst, length);
        int p = dst.position();
        Wire.put32(dst, p, 6L << 28 | (long) h.trafficClass() << 20 | h.flowLabel());
        Wire.put16(dst, p + Ipv6Layout.PAYLOAD_LENGTH_OFFSET, h.wirePayloadLength());
        Wire.put8(dst, p + Ipv6Layout.NEXT_HEADER_OFFSET, h.nextHeader().value());
        Wire.put8(dst, p + Ipv6Layout.HOP_LIMIT_OFFSET, h.hopLimit());
        h.source().write(dst, p + Ipv6Layout.SOURCE_OFFSET);
        h.destination().write(dst, p + Ipv6Layout.DESTINATION_OFFSET);
        int i = p + Ipv6Layout.LENGTH;
        for (Ipv6ExtensionHeader e : h.extensionHeaders()) {
            Wire.put8(dst, i, e.nextHeader().value());
            if (e instanceof Ipv6ExtensionHeader.FragmentHeader f) {
                Wire.put8(dst, i + 1, f.reserved());
                Wire.put16(dst, i + 2, f.fragmentOffset() << 3 | f.reservedBits() << 1 | (f.moreFragments() ? 1 : 0));
                Wire.put32(dst, i + 4, f.identification());
            } else {
                Wire.put8(dst, i + 1, e.length() / 8 - 1);
                if (e instanceof Ipv6ExtensionHeader.HopByHopOptions o) {
                    o.options().writeTo(dst, i + 2);
                } else if (e instanceof Ipv6ExtensionHeader.DestinationOptions o) {
                    o.options().writeTo(dst, i + 2);
                } else if (e instanceof Ipv6ExtensionHeader.RoutingHeader r) {
                    Wire.put8(dst, i + 2, r.routingType());
                    Wire.put8(dst, i + 3, r.segmentsLeft());
                    r.data().writeTo(dst, i + 4);
                } else if (e instanceof Ipv6ExtensionHeader.Type2RoutingHeader r) {
                    Wire.put8(dst, i + 2, r.routingType());
                    Wire.put8(dst, i + 3, r.segmentsLeft());
                    Wire.put32(dst, i + 4, r.reserved());
                    r.homeAddress().write(dst, i + Ipv6Layout.TYPE_2_ADDRESS_OFFSET);
                }
            }
            i += e.length();
        }
        return length;
    }
}
