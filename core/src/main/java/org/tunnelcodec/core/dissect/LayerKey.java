package org.tunnelcodec.core.dissect;

import java.util.Objects;

/**
 * What selects the decoder of the next layer: a {@link KeySpace} and a value in it, such as
 * EtherType 0x0800, IP protocol 47 or UDP port 4754.
 *
 * <p>The walk carries keys as primitives: {@link #pack} puts the space id in the upper 32 bits
 * and the value in the lower 32, and {@link #NONE} stands for no key. This record is the
 * form for bindings and for reports.
 *
 * @param space the name space
 * @param value the value in that space
 */
public record LayerKey(KeySpace space, int value) {
    /** The packed form of "no key". */
    public static final long NONE = -1L;

    /**
     * Checks the components.
     *
     * @param space the name space
     * @param value the value in that space
     */
    public LayerKey {
        Objects.requireNonNull(space, "space");
    }

    /**
     * Returns the key of a pcap link type.
     *
     * @param value the value in that space
     * @return the key of a pcap link type
     */
    public static LayerKey linkType(int value) {
        return new LayerKey(KeySpace.LINK_TYPE, value);
    }

    /**
     * Returns the key of an EtherType.
     *
     * @param value the value in that space
     * @return the key of an EtherType
     */
    public static LayerKey etherType(int value) {
        return new LayerKey(KeySpace.ETHER_TYPE, value);
    }

    /**
     * Returns the key of a GRE Protocol Type (falls back to the EtherType).
     *
     * @param value the value in that space
     * @return the key of a GRE Protocol Type (falls back to the EtherType)
     */
    public static LayerKey greProtocol(int value) {
        return new LayerKey(KeySpace.GRE_PROTOCOL, value);
    }

    /**
     * Returns the key of an IP protocol number.
     *
     * @param value the value in that space
     * @return the key of an IP protocol number
     */
    public static LayerKey ipProtocol(int value) {
        return new LayerKey(KeySpace.IP_PROTOCOL, value);
    }

    /**
     * Returns the key of a UDP port.
     *
     * @param value the value in that space
     * @return the key of a UDP port
     */
    public static LayerKey udpPort(int value) {
        return new LayerKey(KeySpace.UDP_PORT, value);
    }

    /**
     * Returns the key of a TCP port.
     *
     * @param value the value in that space
     * @return the key of a TCP port
     */
    public static LayerKey tcpPort(int value) {
        return new LayerKey(KeySpace.TCP_PORT, value);
    }

    /**
     * Packs a key for the walk.
     *
     * @param space the name space
     * @param value the value in that space
     * @return the space id in the upper 32 bits, the value in the lower 32
     */
    public static long pack(KeySpace space, int value) {
        return (long) space.id() << 32 | (value & 0xFFFF_FFFFL);
    }

    /**
     * Returns this key packed, as {@link #pack(KeySpace, int)}.
     *
     * @return this key packed, as {@link #pack(KeySpace, int)}
     */
    public long packed() {
        return pack(space, value);
    }

    /**
     * Returns the space id of a packed key.
     *
     * @param packed a key packed as {@link #pack}
     * @return the space id of a packed key
     */
    public static int spaceId(long packed) {
        return (int) (packed >>> 32);
    }

    /**
     * Returns the value of a packed key.
     *
     * @param packed a key packed as {@link #pack}
     * @return the value of a packed key
     */
    public static int value(long packed) {
        return (int) packed;
    }

    /**
     * Returns for example {@code "ethertype=0x0800"} or {@code "udp.port=4754"}.
     *
     * @return for example {@code "ethertype=0x0800"} or {@code "udp.port=4754"}
     */
    @Override
    public String toString() {
        return space.name() + "=" + format(space, value);
    }

    static String format(KeySpace space, int value) {
        return space == KeySpace.ETHER_TYPE || space == KeySpace.GRE_PROTOCOL
                ? String.format("0x%04X", value) : Integer.toString(value);
    }
}
