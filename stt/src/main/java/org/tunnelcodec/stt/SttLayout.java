package org.tunnelcodec.stt;

/**
 * Offsets and sizes of STT (draft-davie-stt-08 §3).
 *
 * <pre>
 * STT frame header (§3.1), 18 octets, then the inner Ethernet frame:
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
 *
 * TCP-like segment header (§3.2), 20 octets:
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
 */
final class SttLayout {
    static final int FRAME_HEADER_LENGTH = 18;
    static final int SEGMENT_HEADER_LENGTH = 20;
    static final int PORT = 7471;
    static final int MAX_FRAME_LENGTH = 0xFFFF;

    private SttLayout() {
    }
}
