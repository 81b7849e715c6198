package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * The checksum-offload flags of a reassembled STT frame (draft-davie-stt-08 §3.1 and §3.3; the
 * flag masks are those Open vSwitch and Wireshark use on the wire, see {@link SttFlags}).
 *
 * <ul>
 *   <li>C (checksum verified): the sender verified the inner L4 checksum, the receiver may skip
 *       it: {@link SttFlags#checksumVerified()}.</li>
 *   <li>P (checksum partial): the inner L4 checksum field holds only the pseudo-header sum, and
 *       must be completed before the frame goes to a consumer that checks it:
 *       {@link #completePartialChecksum}.</li>
 * </ul>
 */
public final class SttChecksumOffload {
    private static final int ETHERNET_HEADER = 14;

    private SttChecksumOffload() {
    }

    /**
     * Completes the inner L4 checksum of a frame whose flags have P set, in place: sums the L4
     * header and data, starting at frame octet {@code 18 + L4 Offset} and ending where the inner
     * IP packet ends (its Total Length or Payload Length), including the stored partial sum;
     * stores the complement at L4 start + 16 (T set, TCP) or + 6 (UDP), a UDP result of 0 as
     * 0xFFFF. A frame without P is left as it is.
     *
     * @param frame      the reassembled frame, STT header first, at {@code frameIndex}
     * @param frameIndex the absolute index of the frame's first octet
     * @param frameLength the frame's length
     * @param header     the decoded frame header
     * @return the checksum written, or -1 if P was not set
     * @throws MalformedPacketException if the inner headers do not agree with L4 Offset and the flags
     * @throws IndexOutOfBoundsException if the frame is not within the buffer's limit
     */
    public static int completePartialChecksum(ByteBuffer frame, int frameIndex, int frameLength, SttFrameHeader header) {
        Objects.checkFromIndexSize(frameIndex, frameLength, frame.limit());
        if (!header.flags().checksumPartial()) {
            return -1;
        }
        int ethernet = frameIndex + SttLayout.FRAME_HEADER_LENGTH;
        int end = frameIndex + frameLength;
        int ip = ethernet + ETHERNET_HEADER;
        int l4 = ethernet + header.l4Offset();
        boolean ipv4 = header.flags().ipv4();
        int ipHeader = ipv4 ? 20 : 40;
        if (ip + ipHeader > end || (Wire.u8(frame, ip) >>> 4) != (ipv4 ? 4 : 6)) {
            throw MalformedPacketException.invalid(SttFrameHeader.PROTOCOL, "Flags", 1, Reason.BAD_VALUE,
                    header.flags().bits(), (ipv4 ? "an inner IPv4" : "an inner IPv6")
                            + " header after the inner Ethernet header, as V says (checksum partial)");
        }
        int ipEnd = ipv4 ? ip + Wire.u16(frame, ip + 2) : ip + 40 + Wire.u16(frame, ip + 4);
        if (l4 < ip + ipHeader) {
            throw MalformedPacketException.invalid(SttFrameHeader.PROTOCOL, "L4 Offset", 2, Reason.BAD_VALUE,
                    header.l4Offset(), "at least " + (ETHERNET_HEADER + ipHeader) + ", past the inner IP header");
        }
        if (ipEnd > end) {
            throw MalformedPacketException.truncated(SttFrameHeader.PROTOCOL, "inner IP packet", ip - frameIndex,
                    ipEnd - ip, end - ip, "stt-segment Frame Length");
        }
        boolean tcp = header.flags().tcp();
        int field = l4 + (tcp ? 16 : 6);
        if (field + 2 > ipEnd) {
            throw MalformedPacketException.invalid(SttFrameHeader.PROTOCOL, "L4 Offset", 2, Reason.BAD_VALUE,
                    header.l4Offset(), "an L4 header whose checksum field ends within the inner IP packet");
        }
        // The field holds the pseudo-header sum; summing it with the rest completes the checksum.
        int c = ~InternetChecksum.sum(frame, l4, ipEnd - l4) & 0xFFFF;
        if (!tcp && c == 0) {
            c = 0xFFFF;
        }
        Wire.put16(frame, field, c);
        return c;
    }
}
