package org.tunnelcodec.core.link;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.internal.Check;

/**
 * The Linux "cooked" capture header, version 1 (pcap link type {@code LINKTYPE_LINUX_SLL},
 * 113), 16 bytes.
 *
 * <pre>
 * +---------------------------+---------------------------+
 * | Packet Type (2)           | ARPHRD Type (2)           |
 * +---------------------------+---------------------------+
 * | Link-layer Address Length (2)                         |
 * +-------------------------------------------------------+
 * | Link-layer Address (8, zero-padded)                   |
 * +---------------------------+---------------------------+
 * | Protocol Type (2)         |
 * +---------------------------+
 * </pre>
 *
 * @param packetType    0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us
 * @param arphrdType    the {@code ARPHRD_} device type, for example 1 for Ethernet
 * @param addressLength the Link-layer Address Length field as on the wire
 * @param address       the 8-byte Link-layer Address field, padding included
 * @param protocol      the Protocol Type (an EtherType for most devices)
 */
public record LinuxSllHeader(int packetType, int arphrdType, int addressLength, ByteString address,
                             EtherType protocol) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "linux-sll";

    /** The header's length. */
    public static final int LENGTH = 16;
    static final int PROTOCOL_TYPE_OFFSET = 14;

    /**
     * Checks the components.
     *
     * @param packetType 0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us
     * @param arphrdType the {@code ARPHRD_} device type, for example 1 for Ethernet
     * @param addressLength the Link-layer Address Length field as on the wire
     * @param address the 8-byte Link-layer Address field, padding included
     * @param protocol the Protocol Type (an EtherType for most devices)
     */
    public LinuxSllHeader {
        Check.inRange("packetType", packetType, 0, 0xFFFF);
        Check.inRange("arphrdType", arphrdType, 0, 0xFFFF);
        Check.inRange("addressLength", addressLength, 0, 0xFFFF);
        Objects.requireNonNull(address, "address");
        Check.argument(address.length() == 8, "address.length()", address.length(), "8");
        Objects.requireNonNull(protocol, "protocol");
    }
}
