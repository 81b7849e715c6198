package org.tunnelcodec.stt;

import java.util.Objects;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.transport.TcpFlags;

/**
 * The TCP-like header in front of every STT segment (draft-davie-stt-08 §3.2). Data Offset is
 * always 5 (20 octets, no options) and is not a component.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------------------------------+-------------------------------+
 * |          Source Port          |     Destination Port (7471)   |
 * +-------------------------------+-------------------------------+
 * |         Frame Length          |        Segment Offset         |  Sequence Number
 * +-------------------------------+-------------------------------+
 * |                       Frame Identifier                        |  Acknowledgment Number
 * +-------+-------+---------------+-------------------------------+
 * | DOff=5| Rsrvd |     Flags     |            Window             |
 * +-------+-------+---------------+-------------------------------+
 * |           Checksum            |        Urgent Pointer         |
 * +-------------------------------+-------------------------------+
 * </pre>
 *
 * <p>{@link SttSegmentDecoder} reads it, {@link SttSegmentEncoder} writes it.
 *
 * <p>What the draft and Open vSwitch send: ACK on every segment (so NICs look at the
 * Acknowledgment Number) and PSH on the last; Window 0 per the draft, 65535 per Open vSwitch
 * ({@link SttSegmenter} sends 65535, see there); Urgent Pointer 0; Checksum the ordinary TCP
 * checksum with the outer pseudo-header.
 *
 * @param sourcePort      the Source Port: the flow entropy, the same for every segment of a frame
 * @param destinationPort the Destination Port, 7471 unless configured otherwise
 * @param frameLength     the Frame Length (upper half of the Sequence Number): octets in the
 *                        STT frame, header included, 18..65535
 * @param segmentOffset   the Segment Offset (lower half): where this segment's payload starts
 *                        in the frame, below {@code frameLength}
 * @param frameIdentifier the Frame Identifier (the Acknowledgment Number), unsigned 32 bits
 * @param reserved        the 4 reserved bits after Data Offset, kept as on the wire
 * @param flags           the TCP control bits
 * @param window          the Window
 * @param checksum        the Checksum field as on the wire
 * @param urgentPointer   the Urgent Pointer
 */
public record SttSegmentHeader(int sourcePort, int destinationPort, int frameLength, int segmentOffset,
                               long frameIdentifier, int reserved, TcpFlags flags, int window, int checksum,
                               int urgentPointer) {
    /** The protocol's name, as the dissector's layer and {@code MalformedPacketException} give it. */
    public static final String PROTOCOL = "stt-segment";
    /** The header's length. */
    public static final int LENGTH = SttLayout.SEGMENT_HEADER_LENGTH;
    /** The STT destination port (IANA, draft-davie-stt-08 §5). */
    public static final int PORT = SttLayout.PORT;

    /**
     * Checks the components.
     *
     * @param sourcePort      the Source Port: the flow entropy, the same for every segment of a frame
     * @param destinationPort the Destination Port, 7471 unless configured otherwise
     * @param frameLength     the Frame Length (upper half of the Sequence Number): octets in the STT frame, header included, 18..65535
     * @param segmentOffset   the Segment Offset (lower half): where this segment's payload starts in the frame, below {@code frameLength}
     * @param frameIdentifier the Frame Identifier (the Acknowledgment Number), unsigned 32 bits
     * @param reserved        the 4 reserved bits after Data Offset, kept as on the wire
     * @param flags           the TCP control bits
     * @param window          the Window
     * @param checksum        the Checksum field as on the wire
     * @param urgentPointer   the Urgent Pointer
     * @throws IllegalArgumentException if one is out of range
     */
    public SttSegmentHeader {
        Check.inRange("sourcePort", sourcePort, 0, 0xFFFF);
        Check.inRange("destinationPort", destinationPort, 0, 0xFFFF);
        Check.inRange("frameLength", frameLength, SttLayout.FRAME_HEADER_LENGTH, SttLayout.MAX_FRAME_LENGTH);
        Check.inRange("segmentOffset", segmentOffset, 0, frameLength - 1);
        Check.inRange("frameIdentifier", frameIdentifier, 0, 0xFFFF_FFFFL);
        Check.inRange("reserved", reserved, 0, 15);
        Objects.requireNonNull(flags, "flags");
        Check.inRange("window", window, 0, 0xFFFF);
        Check.inRange("checksum", checksum, 0, 0xFFFF);
        Check.inRange("urgentPointer", urgentPointer, 0, 0xFFFF);
    }

    /**
     * The Sequence Number as on the wire.
     *
     * @return Frame Length in the upper 16 bits, Segment Offset in the lower
     */
    public long sequenceNumber() {
        return (long) frameLength << 16 | segmentOffset;
    }
}
