package org.tunnelcodec.core.link;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.internal.Check;

/**
 * The Linux "cooked" capture header, version 2 (pcap link type {@code LINKTYPE_LINUX_SLL2},
 * 276), 20 bytes.
 *
 * <pre>
 * +---------------------------+---------------------------+
 * | Protocol Type (2)         | Reserved (2)              |
 * +---------------------------+---------------------------+
 * | Interface Index (4)                                   |
 * +---------------------------+-------------+-------------+
 * | ARPHRD Type (2)           | Packet Type | Addr Length |
 * +---------------------------+-------------+-------------+
 * | Link-layer Address (8, zero-padded)                   |
 * +-------------------------------------------------------+
 * </pre>
 *
 * @param protocol       the Protocol Type
 * @param reserved       the Reserved field, kept as on the wire
 * @param interfaceIndex the interface index, unsigned 32 bits
 * @param arphrdType     the {@code ARPHRD_} device type
 * @param packetType     the packet type, as in version 1
 * @param addressLength  the Link-layer Address Length field as on the wire
 * @param address        the 8-byte Link-layer Address field, padding included
 */
public record LinuxSll2Header(EtherType protocol, int reserved, long interfaceIndex, int arphrdType,
                              int packetType, int addressLength, ByteString address) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "linux-sll2";

    /** The header's length. */
    public static final int LENGTH = 20;

    /**
     * Checks the components.
     *
     * @param protocol the Protocol Type
     * @param reserved the Reserved field, kept as on the wire
     * @param interfaceIndex the interface index, unsigned 32 bits
     * @param arphrdType the {@code ARPHRD_} device type
     * @param packetType the packet type, as in version 1
     * @param addressLength the Link-layer Address Length field as on the wire
     * @param address the 8-byte Link-layer Address field, padding included
     */
    public LinuxSll2Header {
        Objects.requireNonNull(protocol, "protocol");
        Check.inRange("reserved", reserved, 0, 0xFFFF);
        Check.inRange("interfaceIndex", interfaceIndex, 0, 0xFFFF_FFFFL);
        Check.inRange("arphrdType", arphrdType, 0, 0xFFFF);
        Check.inRange("packetType", packetType, 0, 0xFF);
        Check.inRange("addressLength", addressLength, 0, 0xFF);
        Objects.requireNonNull(address, "address");
        Check.argument(address.length() == 8, "address.length()", address.length(), "8");
    }
}
