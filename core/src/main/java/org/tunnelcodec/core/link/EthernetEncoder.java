package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes Ethernet II headers with their VLAN tags. Follows the
 * <a href="../package-summary.html#encoder-contract">encoder contract</a>: writes at
 * {@code dst.position()} without moving it, returns the byte count, and writes nothing if
 * {@code dst} is too small.
 */
public final class EthernetEncoder {
    private EthernetEncoder() {
    }

    /**
     * Returns the exact encoded length: 14 plus 4 per tag.
     *
     * @param header the header
     * @return the exact encoded length: 14 plus 4 per tag
     */
    public static int encodedLength(EthernetHeader header) {
        return EthernetLayout.MIN_LENGTH + EthernetLayout.TAG_LENGTH * header.tags().size();
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param header the header
     * @param dst the destination
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} has fewer than
     *     {@link #encodedLength(EthernetHeader)} bytes remaining
     */
    public static int encode(EthernetHeader header, ByteBuffer dst) {
        int length = encodedLength(header);
        Wire.requireRoom(dst, length);
        int p = dst.position();
        header.destination().write(dst, p + EthernetLayout.DESTINATION_OFFSET);
        header.source().write(dst, p + EthernetLayout.SOURCE_OFFSET);
        int typeIndex = p + EthernetLayout.TYPE_OFFSET;
        List<VlanTag> tags = header.tags();
        for (VlanTag tag : tags) {
            Wire.put16(dst, typeIndex, tag.tpid().value());
            Wire.put16(dst, typeIndex + 2, tag.tagControl());
            typeIndex += EthernetLayout.TAG_LENGTH;
        }
        Wire.put16(dst, typeIndex, header.etherType().value());
        return length;
    }
}
