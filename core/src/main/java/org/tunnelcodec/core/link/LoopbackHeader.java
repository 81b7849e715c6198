package org.tunnelcodec.core.link;

import org.tunnelcodec.core.EtherType;

/**
 * The 4-byte address-family header of BSD loopback captures: pcap link types
 * {@code LINKTYPE_NULL} (0, family in the capturing host's byte order) and
 * {@code LINKTYPE_LOOP} (108, network byte order).
 *
 * @param familyField the 32-bit field read big-endian, exactly as on the wire
 */
public record LoopbackHeader(int familyField) {
    /** The header's length. */
    public static final int LENGTH = 4;

    /**
     * The address family, with the byte order resolved as libpcap documents it: a value with
     * any of its upper 16 bits set was written little-endian and is swapped.
     *
     * @return the {@code AF_} value, for example 2 for IPv4 or 24, 28, 30 for IPv6
     */
    public int family() {
        return (familyField & 0xFFFF_0000) != 0 ? Integer.reverseBytes(familyField) : familyField;
    }

    /**
     * @return the EtherType of the payload: IPv4 for family 2, IPv6 for 24, 28 or 30 (the BSD
     *     values of {@code AF_INET6}), or {@code null} for any other family
     */
    public EtherType payloadType() {
        return switch (family()) {
            case 2 -> EtherType.IPV4;
            case 24, 28, 30 -> EtherType.IPV6;
            default -> null;
        };
    }
}
