package org.tunnelcodec.core.transport;

import org.tunnelcodec.core.internal.Check;

/**
 * The first eight octets of an ICMP (RFC 792) or ICMPv6 (RFC 4443 §2.1) message: Type, Code,
 * Checksum, and the 32 bits after them, which each type defines (identifier and sequence number
 * of an echo, the pointer of a parameter problem, the MTU of a packet too big, unused...). The
 * message body after them is the payload.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 the type's 32 bits (rest of header)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param ipv6 whether this is ICMPv6 (IP protocol 58) rather than ICMP (1)
 * @param type the Type, 0..255
 * @param code the Code, 0..255
 * @param checksum the Checksum as on the wire
 * @param restOfHeader the 32 bits after the Checksum
 */
public record IcmpHeader(boolean ipv6, int type, int code, int checksum, int restOfHeader) {
    /** The name of ICMP: its dissector layer and the protocol of its decoder's errors. */
    public static final String PROTOCOL = "icmp";
    /** The name of ICMPv6. */
    public static final String PROTOCOL_V6 = "icmpv6";
    /** The octets this record holds. */
    public static final int LENGTH = 8;

    /**
     * Checks the components.
     *
     * @param ipv6 whether this is ICMPv6
     * @param type the Type, 0..255
     * @param code the Code, 0..255
     * @param checksum the Checksum, 0..65535
     * @param restOfHeader the 32 bits after the Checksum
     * @throws IllegalArgumentException if a component is out of range
     */
    public IcmpHeader {
        Check.inRange("type", type, 0, 0xFF);
        Check.inRange("code", code, 0, 0xFF);
        Check.inRange("checksum", checksum, 0, 0xFFFF);
    }

    /**
     * Returns whether the message is an echo request or reply (ICMP 8 and 0, ICMPv6 128 and 129).
     *
     * @return whether the rest of the header is an identifier and a sequence number
     */
    public boolean echo() {
        return ipv6 ? type == 128 || type == 129 : type == 8 || type == 0;
    }

    /**
     * Returns the echo's Identifier: the first 16 bits of the rest of the header.
     *
     * @return the identifier, 0..65535
     */
    public int identifier() {
        return restOfHeader >>> 16;
    }

    /**
     * Returns the echo's Sequence Number: the last 16 bits of the rest of the header.
     *
     * @return the sequence number, 0..65535
     */
    public int sequenceNumber() {
        return restOfHeader & 0xFFFF;
    }

    /**
     * Returns a short description, as the dissector prints it.
     *
     * @return the type's name when it is an echo, and the fields
     */
    public String summary() {
        String name = echo() ? (type == 8 || type == 128 ? "echo request" : "echo reply") + " id 0x"
                + Integer.toHexString(identifier()) + " seq " + sequenceNumber()
                : "type " + type + " code " + code;
        return name + String.format(" cksum 0x%04x", checksum);
    }
}
