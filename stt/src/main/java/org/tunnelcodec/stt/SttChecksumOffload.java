package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * The checksum-offload flags of a reassembled STT frame (draft-davie-stt-08 §3.1; the project's
 * STT digest §5).
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
        int ipEnd;
        if (ipv4) {
            require(ip + 20 <= end && (Wire.u8(frame, ip) >>> 4) == 4, "inner IPv4 header");
            ipEnd = ip + Wire.u16(frame, ip + 2);
            require(l4 >= ip + 20, "L4 Offset below the inner IPv4 header");
        } else {
            require(ip + 40 <= end && (Wire.u8(frame, ip) >>> 4) == 6, "inner IPv6 header");
            ipEnd = ip + 40 + Wire.u16(frame, ip + 4);
            require(l4 >= ip + 40, "L4 Offset below the inner IPv6 header");
        }
        boolean tcp = header.flags().tcp();
        int field = l4 + (tcp ? 16 : 6);
        require(ipEnd <= end && field + 2 <= ipEnd, "inner packet length or L4 Offset past the frame");
        // The field holds the pseudo-header sum; summing it with the rest completes the checksum.
        int c = ~InternetChecksum.sum(frame, l4, ipEnd - l4) & 0xFFFF;
        if (!tcp && c == 0) {
            c = 0xFFFF;
        }
        Wire.put16(frame, field, c);
        return c;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw MalformedPacketException.invalid(SttFrameCodec.PROTOCOL, "L4 Offset", 2, Reason.BAD_VALUE,
                    what + " does not fit the frame (checksum partial)");
        }
    }
}
