package org.tunnelcodec.gre.wccp;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.Ipv4Encoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Encoder;
import org.tunnelcodec.core.ip.Ipv6Header;

/**
 * The cache's GRE return path (draft-wilson-wrec-wccp-v2-01 §4.13, draft-mclaggan-wccp-v2rev1-00 §3.13.1):
 * encapsulates a declined packet back to its router, in GRE 0x883E with the redirect header
 * it arrived with (or {@link WccpRedirectHeader#UNAVAILABLE} / {@link WccpRedirectHeader#NULL}
 * when it had none), by writing into headroom in front of the packet. Nothing is copied: the
 * packet stays where it is and the headers are written before it.
 */
public final class WccpReturn {
    /** GRE (4) plus the redirect header (4). */
    public static final int GRE_RETURN_LENGTH = 8;

    private WccpReturn() {
    }

    /**
     * Writes the GRE header and the redirect header in the 8 octets before {@code packetIndex}.
     *
     * @param buf         the buffer holding the packet, with headroom before it
     * @param packetIndex the absolute index of the packet's first octet
     * @param header      the redirect header to send the packet back with
     * @return the index of the GRE header's first octet ({@code packetIndex - 8})
     * @throws IndexOutOfBoundsException if there are fewer than 8 octets of headroom
     */
    public static int writeGreReturn(ByteBuffer buf, int packetIndex, WccpRedirectHeader header) {
        Objects.requireNonNull(header, "header");
        int start = packetIndex - GRE_RETURN_LENGTH;
        Objects.checkFromIndexSize(start, GRE_RETURN_LENGTH, buf.limit());
        Wire.put32(buf, start, 0x0000_883EL);
        WccpRedirectEncoder.write(header, buf, start + 4);
        return start;
    }

    /**
     * Writes an outer IPv4 header (protocol 47, DF clear, the given TTL), GRE and the
     * redirect header in the 28 octets before {@code packetIndex}.
     *
     * @param buf          the buffer holding the packet, with headroom before it
     * @param packetIndex  the absolute index of the packet's first octet
     * @param packetLength the returned packet's length
     * @param cache        the outer source: the cache's address
     * @param router       the outer destination: the router's address
     * @param header       the redirect header to send the packet back with
     * @param timeToLive   the outer Time to Live
     * @return the index of the outer IPv4 header's first octet
     * @throws IndexOutOfBoundsException if there are fewer than 28 octets of headroom; nothing
     *     is written then
     * @throws IllegalArgumentException if the Time to Live or the length is out of range;
     *     nothing is written then
     */
    public static int writeIpv4GreReturn(ByteBuffer buf, int packetIndex, int packetLength, Ipv4Address cache,
                                         Ipv4Address router, WccpRedirectHeader header, int timeToLive) {
        Objects.requireNonNull(header, "header");
        // The outer header is built and the whole headroom checked before any octet is written.
        Ipv4Header outer = new Ipv4Header(0, 0, GRE_RETURN_LENGTH + packetLength, 0, false, false, false, 0,
                timeToLive, IpProtocol.GRE, cache, router, org.tunnelcodec.core.ByteString.EMPTY);
        int start = packetIndex - GRE_RETURN_LENGTH - outer.headerLength();
        Objects.checkFromIndexSize(start, outer.headerLength() + GRE_RETURN_LENGTH, buf.limit());
        writeGreReturn(buf, packetIndex, header);
        Ipv4Encoder.encode(outer, buf.duplicate().position(start));
        return start;
    }

    /**
     * Writes an outer IPv6 header (Next Header 47, the given hop limit), GRE and the redirect
     * header in the 48 octets before {@code packetIndex}.
     *
     * @param buf          the buffer holding the packet, with headroom before it
     * @param packetIndex  the absolute index of the packet's first octet
     * @param packetLength the returned packet's length
     * @param cache        the outer source: the cache's address
     * @param router       the outer destination: the router's address
     * @param header       the redirect header to send the packet back with
     * @param hopLimit     the outer Hop Limit
     * @return the index of the outer IPv6 header's first octet
     * @throws IndexOutOfBoundsException if there are fewer than 48 octets of headroom; nothing
     *     is written then
     * @throws IllegalArgumentException if the Hop Limit or the length is out of range; nothing
     *     is written then
     */
    public static int writeIpv6GreReturn(ByteBuffer buf, int packetIndex, int packetLength, Ipv6Address cache,
                                         Ipv6Address router, WccpRedirectHeader header, int hopLimit) {
        Objects.requireNonNull(header, "header");
        // The outer header is built and the whole headroom checked before any octet is written.
        Ipv6Header outer = new Ipv6Header(0, 0, GRE_RETURN_LENGTH + packetLength, IpProtocol.GRE, hopLimit, cache,
                router, java.util.List.of());
        int start = packetIndex - GRE_RETURN_LENGTH - 40;
        Objects.checkFromIndexSize(start, 40 + GRE_RETURN_LENGTH, buf.limit());
        writeGreReturn(buf, packetIndex, header);
        Ipv6Encoder.encode(outer, buf.duplicate().position(start));
        return start;
    }
}
