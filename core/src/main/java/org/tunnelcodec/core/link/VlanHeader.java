package org.tunnelcodec.core.link;

import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.internal.Check;

/**
 * An IEEE 802.1Q tag as a header of its own: the Tag Control Information and the EtherType
 * after it, 4 bytes, where the tag's TPID (0x8100, 0x88A8 or 0x9100) was the EtherType of the
 * header before it. Tags right after an Ethernet header's source address belong to
 * {@link EthernetHeader#tags()}; this header is a tag that follows another header, as after
 * Arista's timestamp header ({@link AvspHeader}) or a GRE header.
 *
 * <pre>
 * +-----+---+--------------------+---------------------------+
 * | PCP | D | VLAN ID (12)       | EtherType (2)             |
 * | (3) |(1)|                    |                           |
 * +-----+---+--------------------+---------------------------+
 * </pre>
 *
 * <p>An EtherType of 1500 or less is an 802.3 Length, as in {@link EthernetHeader}: it bounds
 * the payload, and no layer is named for it.
 *
 * @param priority     the Priority Code Point, 0..7
 * @param dropEligible the Drop Eligible Indicator
 * @param vlanId       the VLAN Identifier, 0..4095
 * @param protocol     the EtherType after the tag (or the 802.3 Length)
 */
public record VlanHeader(int priority, boolean dropEligible, int vlanId, EtherType protocol) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "vlan";

    /** The header's length. */
    public static final int LENGTH = 4;

    /**
     * Checks the components.
     *
     * @param priority the Priority Code Point, 0..7
     * @param dropEligible the Drop Eligible Indicator
     * @param vlanId the VLAN Identifier, 0..4095
     * @param protocol the EtherType after the tag (or the 802.3 Length)
     */
    public VlanHeader {
        Check.inRange("priority", priority, 0, 7);
        Check.inRange("vlanId", vlanId, 0, 4095);
        Objects.requireNonNull(protocol, "protocol");
    }

    /**
     * Returns whether the EtherType field is an 802.3 Length (1500 or less).
     *
     * @return whether the EtherType field is an 802.3 Length
     */
    public boolean isLength() {
        return protocol.value() <= EthernetLayout.MAX_LENGTH_FIELD;
    }
}
