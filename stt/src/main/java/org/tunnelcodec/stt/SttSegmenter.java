package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.transport.TcpFlags;

/**
 * Splits an STT frame (the 18-octet frame header and an inner Ethernet frame) into segments
 * of at most {@code mss} payload octets, each a complete outer IPv4 or IPv6 packet with the
 * TCP-like header, checksums filled, written into buffers the caller provides. Each frame
 * octet is copied once, into its segment; nothing else is allocated.
 *
 * <h2>What goes on the wire</h2>
 * <ul>
 *   <li>Source Port: {@link FlowHash#ofEthernetFrame} of the inner frame, mapped into
 *       49152..65535, so every segment of a frame, and every frame of an inner flow, shares it
 *       (draft-davie-stt §3.2). Destination Port 7471.</li>
 *   <li>Sequence Number: Frame Length in the upper 16 bits, Segment Offset in the lower;
 *       Acknowledgment Number: the caller's Frame Identifier.</li>
 *   <li>Flags: ACK on every segment, PSH on the last (the draft's recommendation; Open vSwitch
 *       sends the same after GSO).</li>
 *   <li>Window: 65535. The draft says it SHOULD be 0; Open vSwitch, the only production
 *       implementation, sends 65535, and a zero window makes middleboxes and analysers see a
 *       stalled receiver. This follows Open vSwitch.</li>
 *   <li>Outer IPv4: DF set, the Identification counting up from the caller's value per
 *       segment, as segmentation offload does; outer IPv6 has no fragmentation fields.</li>
 * </ul>
 * Checksums: the outer IPv4 header checksum and each segment's TCP checksum are computed, unless
 * {@link #withChecksumOffload()} leaves the TCP checksum to the NIC.
 *
 * <p>Frames longer than 65,535 octets (frame header included) cannot be described by the 16-bit
 * Frame Length and are refused with {@link IllegalArgumentException}.
 */
public final class SttSegmenter {
    private final boolean ipv6;
    private final Ipv4Address source4;
    private final Ipv4Address destination4;
    private final Ipv6Address source6;
    private final Ipv6Address destination6;
    private final int timeToLive;
    private final int trafficClass;
    private final int destinationPort;
    private final boolean checksumOffload;

    private SttSegmenter(boolean ipv6, Ipv4Address s4, Ipv4Address d4, Ipv6Address s6, Ipv6Address d6, int ttl,
                         int trafficClass, int destinationPort, boolean checksumOffload) {
        this.ipv6 = ipv6;
        this.source4 = s4;
        this.destination4 = d4;
        this.source6 = s6;
        this.destination6 = d6;
        this.timeToLive = Check.inRange("timeToLive", ttl, 0, 255);
        this.trafficClass = Check.inRange("trafficClass", trafficClass, 0, 255);
        this.destinationPort = Check.inRange("destinationPort", destinationPort, 0, 0xFFFF);
        this.checksumOffload = checksumOffload;
    }

    /**
     * A copy that leaves each segment's TCP checksum to the NIC: it writes the pseudo-header
     * sum (folded, not complemented) in the Checksum field, as Linux does for a
     * {@code CHECKSUM_PARTIAL} packet, and the NIC completes it over the segment. The outer
     * IPv4 header checksum is still computed. Use it only when the device really offloads.
     *
     * @return the segmenter with checksum offload
     */
    public SttSegmenter withChecksumOffload() {
        return new SttSegmenter(ipv6, source4, destination4, source6, destination6, timeToLive, trafficClass,
                destinationPort, true);
    }

    /**
     * Returns a segmenter with outer IPv4 to port 7471.
     *
     * @param source      the outer source
     * @param destination the outer destination
     * @param timeToLive  the outer TTL
     * @param tos         the outer DSCP and ECN octet
     * @return a segmenter with outer IPv4 to port 7471
     */
    public static SttSegmenter ipv4(Ipv4Address source, Ipv4Address destination, int timeToLive, int tos) {
        return new SttSegmenter(false, Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(destination, "destination"), null, null, timeToLive, tos, SttLayout.PORT, false);
    }

    /**
     * Returns a segmenter with outer IPv6 to port 7471.
     *
     * @param source       the outer source
     * @param destination  the outer destination
     * @param hopLimit     the outer hop limit
     * @param trafficClass the outer traffic class
     * @return a segmenter with outer IPv6 to port 7471
     */
    public static SttSegmenter ipv6(Ipv6Address source, Ipv6Address destination, int hopLimit, int trafficClass) {
        return new SttSegmenter(true, null, null, Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(destination, "destination"), hopLimit, trafficClass, SttLayout.PORT, false);
    }

    /**
     * Returns the outer IP header length: 20 or 40.
     *
     * @return the outer IP header length: 20 or 40
     */
    public int outerHeaderLength() {
        return ipv6 ? 40 : 20;
    }

    /**
     * Returns how many segments {@link #segment} writes.
     *
     * @param innerLength the inner Ethernet frame's length
     * @param mss         the most frame octets per segment, at least 18 (the frame header)
     * @return how many segments {@link #segment} writes
     * @throws IllegalArgumentException if the frame is too long or {@code mss} is below 18
     */
    public static int segmentCount(int innerLength, int mss) {
        long frameLength = checkedFrameLength(innerLength);
        Check.inRange("mss", mss, SttLayout.FRAME_HEADER_LENGTH, SttLayout.MAX_FRAME_LENGTH);
        return (int) ((frameLength + mss - 1) / mss);
    }

    /**
     * Writes the segments of one frame, segment {@code i} into {@code out[i]} from its position,
     * and sets each buffer's limit after its segment (its position does not move).
     *
     * @param header          the STT frame header
     * @param inner           the inner Ethernet frame, from its position to its limit (untagged, no FCS); not moved
     * @param frameIdentifier the Frame Identifier, unique on this tunnel for longer than a frame lives
     * @param mss             the most frame octets per segment (path MTU minus outer IP and 20)
     * @param firstIpId       the outer IPv4 Identification of the first segment (ignored for IPv6)
     * @param out             at least {@link #segmentCount} buffers, each with room for a segment
     * @return the number of segments written
     * @throws IllegalArgumentException if the frame is longer than 65,535 octets, there are too
     *     few buffers or one is too small (checked before anything is written)
     */
    public int segment(SttFrameHeader header, ByteBuffer inner, long frameIdentifier, int mss, int firstIpId,
                       ByteBuffer[] out) {
        Objects.requireNonNull(header, "header");
        Check.inRange("frameIdentifier", frameIdentifier, 0, 0xFFFF_FFFFL);
        Check.inRange("firstIpId", firstIpId, 0, 0xFFFF);
        int innerLength = inner.remaining();
        int count = segmentCount(innerLength, mss);
        int frameLength = innerLength + SttLayout.FRAME_HEADER_LENGTH;
        if (out.length < count) {
            throw new IllegalArgumentException("out.length: " + out.length + " (expected: >= " + count + " segments)");
        }
        int overhead = outerHeaderLength() + SttLayout.SEGMENT_HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            int payload = Math.min(mss, frameLength - i * mss);
            Wire.requireRoom(out[i], overhead + payload);
        }
        int sourcePort = FlowHash.sourcePort(FlowHash.ofEthernetFrame(inner, inner.position(), innerLength));
        // IPv4: only Total Length and Identification change between segments, so the sum of the
        // other header words is taken once (RFC 1071: the sum is order-independent).
        long ipv4Constant = ipv6 ? 0 : (0x4500L | trafficClass) + 0x4000 + ((long) timeToLive << 8 | 6)
                + (source4.bits() >>> 16) + (source4.bits() & 0xFFFF)
                + (destination4.bits() >>> 16) + (destination4.bits() & 0xFFFF);
        for (int i = 0; i < count; i++) {
            int offset = i * mss;
            int payload = Math.min(mss, frameLength - offset);
            ByteBuffer dst = out[i];
            int p = dst.position();
            int tcp = p + outerHeaderLength();
            int data = tcp + SttLayout.SEGMENT_HEADER_LENGTH;
            // Frame octets [offset, offset + payload): the frame header occupies frame octets 0..17.
            int written = 0;
            if (offset == 0) { // mss >= 18, so the whole frame header is in the first segment
                SttFrameEncoder.write(header, dst, data);
                written = SttLayout.FRAME_HEADER_LENGTH;
            }
            int innerStart = Math.max(0, offset - SttLayout.FRAME_HEADER_LENGTH);
            Wire.copy(inner, inner.position() + innerStart, dst, data + written, payload - written);
            boolean last = i == count - 1;
            // The TCP-like header, written directly: data offset 5, ACK (+PSH on the last), window 65535.
            Wire.put64(dst, tcp, (long) sourcePort << 48 | (long) destinationPort << 32 | (long) frameLength << 16 | offset);
            Wire.put64(dst, tcp + 8, frameIdentifier << 32 | 0x5000L << 16
                    | (long) (TcpFlags.ACK | (last ? TcpFlags.PSH : 0)) << 16 | 0xFFFF);
            Wire.put32(dst, tcp + 16, 0);
            int tcpLength = SttLayout.SEGMENT_HEADER_LENGTH + payload;
            int pseudo;
            if (ipv6) {
                writeIpv6(dst, p, tcpLength);
                pseudo = InternetChecksum.ipv6PseudoHeaderSum(source6, destination6, 6, tcpLength);
            } else {
                writeIpv4(dst, p, tcpLength, (firstIpId + i) & 0xFFFF, ipv4Constant);
                pseudo = InternetChecksum.ipv4PseudoHeaderSum(source4, destination4, 6, tcpLength);
            }
            if (checksumOffload) {
                Wire.put16(dst, tcp + 16, pseudo);
            } else {
                SttSegmentEncoder.fillChecksum(dst, tcp, tcpLength, pseudo);
            }
            dst.limit(p + outerHeaderLength() + tcpLength);
        }
        return count;
    }

    private static long checkedFrameLength(int innerLength) {
        long frameLength = (long) innerLength + SttLayout.FRAME_HEADER_LENGTH;
        if (innerLength < 0 || frameLength > SttLayout.MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("inner frame: " + innerLength + " octets (expected: at most "
                    + (SttLayout.MAX_FRAME_LENGTH - SttLayout.FRAME_HEADER_LENGTH)
                    + ", so that the STT frame fits the 16-bit Frame Length)");
        }
        return frameLength;
    }

    private void writeIpv4(ByteBuffer dst, int p, int tcpLength, int id, long constantSum) {
        int totalLength = 20 + tcpLength;
        int checksum = ~InternetChecksum.fold(constantSum + totalLength + id) & 0xFFFF;
        Wire.put32(dst, p, 0x4500_0000L | (long) trafficClass << 16 | totalLength);
        Wire.put32(dst, p + 4, (long) id << 16 | 0x4000); // DF
        Wire.put32(dst, p + 8, (long) timeToLive << 24 | 6L << 16 | checksum);
        source4.write(dst, p + 12);
        destination4.write(dst, p + 16);
    }

    private void writeIpv6(ByteBuffer dst, int p, int tcpLength) {
        Wire.put32(dst, p, 6L << 28 | (long) trafficClass << 20);
        Wire.put32(dst, p + 4, (long) tcpLength << 16 | 6L << 8 | timeToLive);
        source6.write(dst, p + 8);
        destination6.write(dst, p + 24);
    }
}
