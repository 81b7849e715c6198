package org.tunnelcodec.core.link;

import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.internal.Check;

/**
 * The Cisco HDLC framing header (pcap link type {@code LINKTYPE_C_HDLC}, 104), 4 bytes: the
 * framing Cisco routers use on serial links and in captures of them.
 *
 * <pre>
 * +-------------+-------------+---------------------------+
 * | Address (1) | Control (1) | Protocol (2)              |
 * +-------------+-------------+---------------------------+
 * </pre>
 *
 * <p>Address is 0x0F for a unicast frame and 0x8F for a broadcast one, Control is 0; the
 * Protocol is an EtherType (0x0800 IPv4, 0x86DD IPv6, 0x8847 MPLS), or one of Cisco's own codes
 * (0x8035 SLARP, 0x2000 CDP). The decoder keeps every value as it is on the wire.
 *
 * @param address  the Address octet
 * @param control  the Control octet
 * @param protocol the Protocol field
 */
public record CiscoHdlcHeader(int address, int control, EtherType protocol) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "chdlc";

    /** The header's length. */
    public static final int LENGTH = 4;
    /** The Address of a unicast frame. */
    public static final int UNICAST = 0x0F;
    /** The Address of a broadcast frame. */
    public static final int BROADCAST = 0x8F;
    static final int PROTOCOL_OFFSET = 2;

    /**
     * Checks the components.
     *
     * @param address  the Address octet, 0..255
     * @param control  the Control octet, 0..255
     * @param protocol the Protocol field
     */
    public CiscoHdlcHeader {
        Check.inRange("address", address, 0, 0xFF);
        Check.inRange("control", control, 0, 0xFF);
        Objects.requireNonNull(protocol, "protocol");
    }

    /**
     * Returns a unicast header (Address 0x0F, Control 0) for the protocol.
     *
     * @param protocol the Protocol field
     * @return the header
     */
    public static CiscoHdlcHeader of(EtherType protocol) {
        return new CiscoHdlcHeader(UNICAST, 0, protocol);
    }
}
