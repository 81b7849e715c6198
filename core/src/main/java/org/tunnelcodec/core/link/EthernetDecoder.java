package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes Ethernet II headers with up to 8 VLAN tags. Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>: reads
 * {@code [src.position(), src.limit())} only, never changes {@code src}, and throws only
 * {@link MalformedPacketException}.
 *
 * <p>The payload is the rest of the buffer, except for an IEEE 802.3 frame (EtherType of
 * 1500 or less), whose payload is bounded by that length.
 */
public final class EthernetDecoder {
    private EthernetDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer
     * @return the header, its length and the payload slice
     * @throws MalformedPacketException if the bytes are not a valid header
     */
    public static Decoded<EthernetHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the header, its length and the payload slice
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid header
     */
    public static Decoded<EthernetHeader> decode(ByteBuffer src, int index, int limit) {
        long scan = scan(src, index, limit);
        int headerLength = (int) (scan >>> 48);
        int type = (int) (scan >>> 32) & 0xFFFF;
        List<VlanTag> tags = headerLength == EthernetLayout.MIN_LENGTH ? List.of() : tags(src, index, headerLength);
        long w0 = Wire.i64(src, index); // destination and the first two bytes of source
        long w1 = Wire.u32(src, index + 8);
        EthernetHeader header = new EthernetHeader(MacAddress.of(w0 >>> 16), MacAddress.of((w0 & 0xFFFF) << 32 | w1),
                tags, EtherType.of(type));
        return Decoded.of(header, headerLength, src, index + headerLength, (int) scan);
    }

    /**
     * Makes every check {@link #decode(ByteBuffer, int, int)} makes, without allocating: the
     * VLAN tags fit and are at most 8, and an 802.3 Length is
     * within the frame.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the header length in bits 48-63, the EtherType (or 802.3 length) in bits 32-47
     *     and the payload length in bits 0-31
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long scan(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        if (limit - index >= EthernetLayout.MIN_LENGTH) {
            // The common frame, untagged with an EtherType: one read decides it.
            int type = Wire.u16(src, index + EthernetLayout.TYPE_OFFSET);
            if (type > EthernetLayout.MAX_LENGTH_FIELD && !EthernetLayout.isTagProtocol(type)) {
                return (long) EthernetLayout.MIN_LENGTH << 48 | (long) type << 32
                        | limit - index - EthernetLayout.MIN_LENGTH;
            }
        }
        int headerLength = headerLength(src, index, limit);
        int type = Wire.u16(src, index + headerLength - 2);
        int payloadIndex = index + headerLength;
        int payloadLength = limit - payloadIndex;
        if (type <= EthernetLayout.MAX_LENGTH_FIELD) {
            Wire.require(EthernetHeader.PROTOCOL, "Length", index, payloadIndex, type, limit);
            payloadLength = type;
        }
        return (long) headerLength << 48 | (long) type << 32 | payloadLength;
    }

    /** The tags of a header already checked by {@link #scan}. */
    private static List<VlanTag> tags(ByteBuffer src, int index, int headerLength) {
        int count = (headerLength - EthernetLayout.MIN_LENGTH) / EthernetLayout.TAG_LENGTH;
        VlanTag[] tags = new VlanTag[count];
        int typeIndex = index + EthernetLayout.TYPE_OFFSET;
        for (int i = 0; i < count; i++, typeIndex += EthernetLayout.TAG_LENGTH) {
            int tci = Wire.u16(src, typeIndex + 2);
            tags[i] = new VlanTag(EtherType.of(Wire.u16(src, typeIndex)), tci >>> 13, (tci & 0x1000) != 0, tci & 0xFFF);
        }
        return List.of(tags);
    }

    private static MalformedPacketException tooManyTags(int offset) {
        return MalformedPacketException.invalid(EthernetHeader.PROTOCOL, "TPID", offset, MalformedPacketException.Reason.LIMIT_EXCEEDED,
                "more than " + EthernetLayout.MAX_TAGS + " VLAN tags");
    }

    /**
     * Peeks at the EtherType after any VLAN tags, without allocating.
     *
     * @param src   the buffer
     * @param index the absolute index of the frame's first byte
     * @return the EtherType (or 802.3 length) value
     * @throws MalformedPacketException if the tags run past the limit or exceed the cap
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int etherType(ByteBuffer src, int index) {
        Objects.checkFromToIndex(index, src.limit(), src.limit());
        return Wire.u16(src, index + headerLength(src, index, src.limit()) - 2);
    }

    /**
     * Peeks at the header length (14 plus 4 per VLAN tag), without allocating.
     *
     * @param src   the buffer
     * @param index the absolute index of the frame's first byte
     * @return the header length in bytes
     * @throws MalformedPacketException if the tags run past the limit or exceed the cap
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int headerLength(ByteBuffer src, int index) {
        Objects.checkFromToIndex(index, src.limit(), src.limit());
        return headerLength(src, index, src.limit());
    }

    private static int headerLength(ByteBuffer src, int index, int limit) {
        Wire.require(EthernetHeader.PROTOCOL, "Destination Address", index, index, EthernetLayout.MIN_LENGTH, limit);
        int typeIndex = index + EthernetLayout.TYPE_OFFSET;
        for (int tags = 0; EthernetLayout.isTagProtocol(Wire.u16(src, typeIndex)); tags++) {
            if (tags == EthernetLayout.MAX_TAGS) {
                throw tooManyTags(typeIndex - index);
            }
            Wire.require(EthernetHeader.PROTOCOL, "Tag Control Information", index, typeIndex + 2,
                    EthernetLayout.TAG_LENGTH, limit);
            typeIndex += EthernetLayout.TAG_LENGTH;
        }
        return typeIndex + 2 - index;
    }
}
