package org.tunnelcodec.stt;

import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * The STT frame header (draft-davie-stt-08 §3.1), in front of the inner Ethernet frame.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+---------------+---------------+
 * |    Version    |     Flags     |   L4 Offset   |   Reserved    |
 * +---------------+---------------+-----+-+-------+---------------+
 * |    Max. Segment Size          | PCP |V|       VLAN ID         |
 * +-------------------------------+-----+-+-----------------------+
 * |                     Context ID (64 bits)                      |
 * +                                                               +
 * |                                                               |
 * +-------------------------------+-------------------------------+
 * |     Padding                   |  inner Ethernet frame ...
 * +-------------------------------+
 * </pre>
 *
 * <p>18 octets; the Flags octet's bits are in {@link SttFlags}. {@link SttFrameDecoder} reads it,
 * {@link SttFrameEncoder} writes it.
 *
 * @param version         the Version, 0 (a receiver must discard any other, draft-davie-stt-08 §3.1)
 * @param flags           the Flags octet
 * @param l4Offset        the L4 Offset: octets from the inner Ethernet header to the inner L4 header
 * @param reserved        the Reserved octet, kept as on the wire
 * @param maxSegmentSize  the Max. Segment Size (0 unless the sender used segmentation offload)
 * @param priority        the PCP, 0..7
 * @param vlanPresent     V: a VLAN tag is to be applied on egress with PCP and VLAN ID
 * @param vlanId          the VLAN ID, 0..4095
 * @param contextId       the 64-bit Context ID (the virtual network)
 * @param padding         the 16-bit Padding, kept as on the wire
 */
public record SttFrameHeader(int version, SttFlags flags, int l4Offset, int reserved, int maxSegmentSize, int priority,
                             boolean vlanPresent, int vlanId, long contextId, int padding) {
    /** The protocol's name, as the dissector's layer and {@code MalformedPacketException} give it. */
    public static final String PROTOCOL = "stt";
    /** The header's length. */
    public static final int LENGTH = SttLayout.FRAME_HEADER_LENGTH;

    /**
     * Checks the components.
     *
     * @param version        the Version, 0 (a receiver must discard any other, draft-davie-stt-08 §3.1)
     * @param flags          the Flags octet
     * @param l4Offset       the L4 Offset: octets from the inner Ethernet header to the inner L4 header
     * @param reserved       the Reserved octet, kept as on the wire
     * @param maxSegmentSize the Max. Segment Size (0 unless the sender used segmentation offload)
     * @param priority       the PCP, 0..7
     * @param vlanPresent    V: a VLAN tag is to be applied on egress with PCP and VLAN ID
     * @param vlanId         the VLAN ID, 0..4095
     * @param contextId      the 64-bit Context ID (the virtual network)
     * @param padding        the 16-bit Padding, kept as on the wire
     * @throws IllegalArgumentException if one is out of range
     */
    public SttFrameHeader {
        Check.inRange("version", version, 0, 255);
        Objects.requireNonNull(flags, "flags");
        Check.inRange("l4Offset", l4Offset, 0, 255);
        Check.inRange("reserved", reserved, 0, 255);
        Check.inRange("maxSegmentSize", maxSegmentSize, 0, 0xFFFF);
        Check.inRange("priority", priority, 0, 7);
        Check.inRange("vlanId", vlanId, 0, 4095);
        Check.inRange("padding", padding, 0, 0xFFFF);
    }

    /**
     * A version 0 header for a frame that is not offloaded: no flags, no VLAN.
     *
     * @param contextId the Context ID
     * @return the header
     */
    public static SttFrameHeader of(long contextId) {
        return new SttFrameHeader(0, SttFlags.NONE, 0, 0, 0, 0, false, 0, contextId, 0);
    }

    /**
     * The 16-bit word after Max. Segment Size.
     *
     * @return PCP, V and VLAN ID as on the wire
     */
    public int tagControl() {
        return priority << 13 | (vlanPresent ? 0x1000 : 0) | vlanId;
    }
}
