package org.tunnelcodec.lisp;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.transport.UdpHeader;

/**
 * An Encapsulated Control Message (type 8, RFC 9301 §5.8): a 4-octet header, then an inner
 * IPv4 or IPv6 header, an inner UDP header and a control message (normally a Map-Request).
 *
 * <pre>
 * |Type=8 |S|D|E|M|            Reserved                           |
 * |                  IPv4 or IPv6 header                          |
 * |                  UDP header                                   |
 * |                  LISP control message                         |
 * </pre>
 *
 * S (LISP-SEC data after the header, RFC 9303) is not decoded: the inner header cannot be found
 * without it, so the decoder refuses S. The inner lengths are consistent by construction: the
 * IP payload is the UDP datagram, the UDP payload is the inner message and {@code trailing}
 * (what the inner message leaves, LISP-SEC data of a Map-Reply say). An ECM does not nest.
 * Exactly one of {@code ipv4} and {@code ipv6} is present.
 *
 * @param ddt      D: the sender asks for a Map-Referral (RFC 8111)
 * @param toEtr    E: the Map-Server forwards the ECM to an ETR
 * @param toMs     M: for the Map-Server of a co-located Map-Resolver
 * @param reserved the 24 reserved bits
 * @param ipv4     the inner IPv4 header, or null
 * @param ipv6     the inner IPv6 header, or null
 * @param udp      the inner UDP header
 * @param message  the inner control message, not an ECM
 * @param trailing the octets after the inner message within the inner UDP payload
 */
public record EncapsulatedControlMessage(boolean ddt, boolean toEtr, boolean toMs, int reserved, Ipv4Header ipv4,
                                         Ipv6Header ipv6, UdpHeader udp, LispMessage message, ByteString trailing)
        implements LispMessage {
    /**
     * Checks the components.
     *
     * @param ddt      D: the sender asks for a Map-Referral (RFC 8111)
     * @param toEtr    E: the Map-Server forwards the ECM to an ETR
     * @param toMs     M: for the Map-Server of a co-located Map-Resolver
     * @param reserved the 24 reserved bits
     * @param ipv4     the inner IPv4 header, or null
     * @param ipv6     the inner IPv6 header, or null
     * @param udp      the inner UDP header
     * @param message  the inner control message, not an ECM
     * @param trailing the octets after the inner message within the inner UDP payload
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public EncapsulatedControlMessage {
        Check.inRange("reserved", reserved, 0, 0xFF_FFFF);
        Check.argument((ipv4 == null) != (ipv6 == null), "ipv4/ipv6", ipv4 == null ? ipv6 : ipv4, "exactly one");
        Objects.requireNonNull(udp, "udp");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(trailing, "trailing");
        Check.argument(!(message instanceof EncapsulatedControlMessage), "message", message.type(), "not an ECM");
        int udpPayload = message.encodedLength() + trailing.length();
        Check.argument(udp.payloadLength() == udpPayload, "udp.payloadLength()", udp.payloadLength(),
                udpPayload + ", the inner message and the trailing octets");
        if (ipv4 != null) {
            Check.argument(ipv4.protocol().equals(IpProtocol.UDP), "ipv4.protocol()", ipv4.protocol(), "UDP");
            Check.argument(ipv4.payloadLength() == UdpHeader.LENGTH + udpPayload, "ipv4.payloadLength()",
                    ipv4.payloadLength(), "the UDP datagram's length");
        } else {
            Check.argument(ipv6.payloadLength() == UdpHeader.LENGTH + udpPayload, "ipv6.payloadLength()",
                    ipv6.payloadLength(), "the UDP datagram's length");
        }
    }

    /**
     * Returns the inner IP header's length on the wire.
     *
     * @return 20..60 for IPv4, 40 and the extension headers for IPv6
     */
    public int ipHeaderLength() {
        return ipv4 != null ? org.tunnelcodec.core.ip.Ipv4Encoder.encodedLength(ipv4)
                : org.tunnelcodec.core.ip.Ipv6Encoder.encodedLength(ipv6);
    }

    @Override
    public int type() {
        return LispControlLayout.TYPE_ECM;
    }

    @Override
    public int encodedLength() {
        return 4 + ipHeaderLength() + UdpHeader.LENGTH + udp.payloadLength();
    }
}
