package org.tunnelcodec.core.dissect;

import java.util.Map;
import org.tunnelcodec.core.CodePoint;
import org.tunnelcodec.core.internal.Check;

/**
 * A pcap link type ({@code LINKTYPE_} value of the pcap and pcapng file formats): what the
 * first byte of each captured frame is.
 *
 * @param value the link type as stored in the capture file
 */
public record LinkType(int value) implements CodePoint {
    /** BSD loopback, address family in host byte order. */
    public static final LinkType NULL = new LinkType(0);
    /** Ethernet. */
    public static final LinkType ETHERNET = new LinkType(1);
    /** PPP, with the HDLC-like framing of RFC 1662. */
    public static final LinkType PPP = new LinkType(9);
    /** Raw IPv4 or IPv6, told apart by the version nibble. */
    public static final LinkType RAW = new LinkType(101);
    /** Cisco HDLC framing ({@link org.tunnelcodec.core.link.CiscoHdlcHeader}). */
    public static final LinkType C_HDLC = new LinkType(104);
    /** OpenBSD loopback, address family in network byte order. */
    public static final LinkType LOOP = new LinkType(108);
    /** Linux cooked capture, version 1. */
    public static final LinkType LINUX_SLL = new LinkType(113);
    /** Raw IPv4. */
    public static final LinkType IPV4 = new LinkType(228);
    /** Raw IPv6. */
    public static final LinkType IPV6 = new LinkType(229);
    /** Linux cooked capture, version 2. */
    public static final LinkType LINUX_SLL2 = new LinkType(276);

    private static final Map<Integer, String> NAMES = Map.of(0, "NULL", 1, "ETHERNET", 9, "PPP", 101, "RAW",
            104, "C_HDLC", 108, "LOOP", 113, "LINUX_SLL", 228, "IPV4", 229, "IPV6", 276, "LINUX_SLL2");

    /**
     * Checks the range.
     *
     * @param value the link type as stored in the capture file
     */
    public LinkType {
        Check.inRange("value", value, 0, 0xFFFF);
    }

    /**
     * Returns the link type with this value.
     *
     * @param value the link type as stored in the capture file
     * @return the link type with this value
     */
    public static LinkType of(int value) {
        return new LinkType(value);
    }

    /**
     * Returns whether frames of this type start directly with an IP header.
     *
     * @return whether frames of this type start directly with an IP header
     */
    public boolean isRawIp() {
        return value == 101 || value == 228 || value == 229;
    }

    @Override
    public boolean isKnown() {
        return NAMES.containsKey(value);
    }

    @Override
    public String knownName() {
        return NAMES.get(value);
    }

    @Override
    public String toString() {
        String name = NAMES.get(value);
        return name == null ? Integer.toString(value) : name + "(" + value + ")";
    }
}
