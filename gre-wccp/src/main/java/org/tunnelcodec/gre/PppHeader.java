package org.tunnelcodec.gre;

import org.tunnelcodec.core.internal.Check;

/**
 * The PPP header as PPTP's enhanced GRE carries it (RFC 2637 §4.1) and as pcap's PPP link
 * type frames it: the HDLC-like Address and Control octets (RFC 1662 §3.1), unless Address
 * and Control Field Compression removed them, then the Protocol field (RFC 1661 §2), one
 * octet under Protocol Field Compression.
 *
 * <pre>
 * +----------+----------+----------+----------+
 * | Address  | Control  |      Protocol       |   Address 0xFF, Control 0x03:
 * |   0xFF   |   0x03   |  (8 or 16 bits)     |   both absent under ACFC
 * +----------+----------+----------+----------+
 * </pre>
 *
 * @param addressAndControl  whether the Address (0xFF) and Control (0x03) octets are present
 * @param protocol           the Protocol field, for example 0x0021 IPv4, 0x0057 IPv6, 0xC021 LCP
 * @param protocolCompressed whether the Protocol field is one octet (RFC 1661 §6.5); only for
 *                           odd values below 0x100
 */
public record PppHeader(boolean addressAndControl, int protocol, boolean protocolCompressed) {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "ppp";

    /** PPP protocol number of IPv4 (RFC 1332). */
    public static final int IPV4 = 0x0021;
    /** PPP protocol number of IPv6 (RFC 5072). */
    public static final int IPV6 = 0x0057;
    /** PPP protocol number of MPLS unicast (RFC 3032 §5). */
    public static final int MPLS_UNICAST = 0x0281;
    /** PPP protocol number of MPLS multicast (RFC 3032 §5). */
    public static final int MPLS_MULTICAST = 0x0283;

    /**
     * Checks the components.
     *
     * @param addressAndControl whether the Address (0xFF) and Control (0x03) octets are present
     * @param protocol the Protocol field, for example 0x0021 IPv4, 0x0057 IPv6, 0xC021 LCP
     * @param protocolCompressed whether the Protocol field is one octet (RFC 1661 §6.5); only for odd values below 0x100
     */
    public PppHeader {
        Check.inRange("protocol", protocol, 0, 0xFFFF);
        if (protocolCompressed && (protocol > 0xFF || (protocol & 1) == 0)) {
            throw new IllegalArgumentException("protocol: " + protocol
                    + " (expected: an odd value below 0x100 when compressed, RFC 1661 §6.5)");
        }
        if (protocolCompressed && protocol == 0xFF && !addressAndControl) {
            throw new IllegalArgumentException("protocol: 255 (expected: not 0xff compressed without Address and"
                    + " Control, where it reads as the Address octet)");
        }
        if (!protocolCompressed && (protocol >>> 8 & 1) != 0) {
            throw new IllegalArgumentException("protocol: " + protocol
                    + " (expected: the first octet even, RFC 1661 §2)");
        }
    }

    /**
     * Returns the header length: 0 or 2 for Address and Control, plus 1 or 2 for Protocol.
     *
     * @return the header length: 0 or 2 for Address and Control, plus 1 or 2 for Protocol
     */
    public int length() {
        return (addressAndControl ? 2 : 0) + (protocolCompressed ? 1 : 2);
    }
}
