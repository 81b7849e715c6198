package org.tunnelcodec.core.link;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MacAddress;

/**
 * An Ethernet II header with its 802.1Q / 802.1ad tags, outermost first.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Destination Address (6 bytes)                |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+       Source Address          +
 * |                           (6 bytes)                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  TPID (0x8100, 0x88A8, 0x9100) | PCP |D|        VLAN ID        |  0..8 tags
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      EtherType / Length       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>An {@code etherType} of 1500 or less is an IEEE 802.3 length field: the decoder then
 * bounds the payload (an LLC frame) by it.
 *
 * @param destination the destination MAC address
 * @param source      the source MAC address
 * @param tags        the VLAN tags, outermost first, at most 8
 * @param etherType   the EtherType (or 802.3 length) after the last tag; never a tag TPID
 */
public record EthernetHeader(MacAddress destination, MacAddress source, List<VlanTag> tags,
                             EtherType etherType) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "ethernet";

    /**
     * Checks the components and copies the tag list.
     *
     * @param destination the destination MAC address
     * @param source the source MAC address
     * @param tags the VLAN tags, outermost first, at most 8
     * @param etherType the EtherType (or 802.3 length) after the last tag; never a tag TPID
     */
    public EthernetHeader {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        tags = List.copyOf(tags);
        Objects.requireNonNull(etherType, "etherType");
        if (tags.size() > EthernetLayout.MAX_TAGS) {
            throw new IllegalArgumentException("tags.size(): " + tags.size() + " (expected: 0.."
                    + EthernetLayout.MAX_TAGS + ")");
        }
        if (EthernetLayout.isTagProtocol(etherType.value())) {
            throw new IllegalArgumentException("etherType: " + etherType
                    + " (expected: not a tag TPID; put the tag in tags)");
        }
    }

    /**
     * Returns an untagged header.
     *
     * @param destination the destination MAC address
     * @param source the source MAC address
     * @param etherType the EtherType (or 802.3 length) after the last tag; never a tag TPID
     * @return an untagged header
     */
    public static EthernetHeader of(MacAddress destination, MacAddress source, EtherType etherType) {
        return new EthernetHeader(destination, source, List.of(), etherType);
    }

    /**
     * Returns whether {@link #etherType()} is an IEEE 802.3 length rather than a type.
     *
     * @return whether {@link #etherType()} is an IEEE 802.3 length rather than a type
     */
    public boolean isLengthField() {
        return etherType.value() <= EthernetLayout.MAX_LENGTH_FIELD;
    }
}
