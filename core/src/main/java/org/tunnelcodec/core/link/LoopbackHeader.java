package org.tunnelcodec.core.link;

import org.tunnelcodec.core.EtherType;

/**
 * The 4-byte address-family header of BSD loopback captures: pcap link types
 * {@code LINKTYPE_NULL} (0, family in the capturing host's byte order) and
 * {@code LINKTYPE_LOOP} (108, network byte order).
 *
 * <p>The decoder resolves the byte order as libpcap and tshark do: a 32-bit word with any of
 * its upper 16 bits set was written little-endian. {@code littleEndian} records which, so the
 * encoder writes the same four bytes back.
 *
 * @param family       the address family, for example 2 for IPv4 or 24, 28, 30 for IPv6; with
 *                     {@code littleEndian} false 0..0xFFFF, with it true any value whose low 16
 *                     bits are not all zero (otherwise the word reads as big-endian)
 * @param littleEndian whether the word is in little-endian byte order on the wire
 */
public record LoopbackHeader(int family, boolean littleEndian) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "loopback";

    /** The header's length. */
    public static final int LENGTH = 4;

    /**
     * Checks that the family reads back in the same byte order.
     *
     * @param family the address family, for example 2 for IPv4 or 24, 28, 30 for IPv6; with {@code
     *     littleEndian} false 0..0xFFFF, with it true any value whose low 16 bits are not all zero
     *     (otherwise the word reads as big-endian)
     * @param littleEndian whether the word is in little-endian byte order on the wire
     */
    public LoopbackHeader {
        if (littleEndian ? (family & 0xFFFF) == 0 : (family & 0xFFFF_0000) != 0) {
            throw new IllegalArgumentException("family: " + Integer.toUnsignedString(family)
                    + (littleEndian ? " (expected: low 16 bits not all zero when little-endian)"
                            : " (expected: 0..65535 when big-endian)"));
        }
    }

    /**
     * Returns a big-endian ({@code LINKTYPE_LOOP}) header for the family.
     *
     * @param family the address family, for example 2 for IPv4 or 24, 28, 30 for IPv6; with {@code
     *     littleEndian} false 0..0xFFFF, with it true any value whose low 16 bits are not all zero
     *     (otherwise the word reads as big-endian)
     * @return a big-endian ({@code LINKTYPE_LOOP}) header for the family
     */
    public static LoopbackHeader of(int family) {
        return new LoopbackHeader(family, false);
    }

    /**
     * Returns the header read from the 32-bit word as it is on the wire, read big-endian.
     *
     * @param word the 32-bit word, read big-endian
     * @return the header read from the 32-bit word as it is on the wire, read big-endian
     */
    public static LoopbackHeader fromWire(int word) {
        return (word & 0xFFFF_0000) != 0 ? new LoopbackHeader(Integer.reverseBytes(word), true)
                : new LoopbackHeader(word, false);
    }

    /**
     * Returns the 32-bit word as it is on the wire, read big-endian.
     *
     * @return the 32-bit word as it is on the wire, read big-endian
     */
    public int wireValue() {
        return littleEndian ? Integer.reverseBytes(family) : family;
    }

    /**
     * Returns the EtherType of the payload: IPv4 for family 2, IPv6 for 24, 28 or 30 (the BSD values
     * of {@code AF_INET6}), or {@code null} for any other family.
     *
     * @return the EtherType of the payload: IPv4 for family 2, IPv6 for 24, 28 or 30 (the BSD
     *     values of {@code AF_INET6}), or {@code null} for any other family
     */
    public EtherType payloadType() {
        return switch (family) {
            case 2 -> EtherType.IPV4;
            case 24, 28, 30 -> EtherType.IPV6;
            default -> null;
        };
    }
}
