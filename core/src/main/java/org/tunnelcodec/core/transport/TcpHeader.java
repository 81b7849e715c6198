package org.tunnelcodec.core.transport;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Check;

/**
 * A TCP header (RFC 9293 §3.1). Data Offset is derived from the options. The Checksum covers
 * the payload, so it is a component holding the value on the wire; {@link TcpEncoder#fillChecksum}
 * computes it once the segment is in place.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |        Destination Port       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Acknowledgment Number                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data | Rsrvd |C|E|U|A|P|R|S|F|             Window            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Checksum           |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |               Options (0..40 bytes) and padding               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Data is the Data Offset; C, E, U, A, P, R, S, F are the control bits CWR, ECE, URG, ACK,
 * PSH, RST, SYN and FIN ({@link TcpFlags}).
 *
 * @param sourcePort           the Source Port
 * @param destinationPort      the Destination Port
 * @param sequenceNumber       the Sequence Number, unsigned 32 bits
 * @param acknowledgmentNumber the Acknowledgment Number, unsigned 32 bits
 * @param reserved             the 4 Rsrvd bits (bit 0x1 is AE in accurate ECN), kept as on the wire
 * @param flags                the eight control bits
 * @param window               the Window
 * @param checksum             the Checksum field as on the wire
 * @param urgentPointer        the Urgent Pointer
 * @param options              the option bytes including padding, a multiple of 4, at most 40
 */
public record TcpHeader(int sourcePort, int destinationPort, long sequenceNumber, long acknowledgmentNumber,
                        int reserved, TcpFlags flags, int window, int checksum, int urgentPointer,
                        ByteString options) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "tcp";

    /** The length of a header without options. */
    public static final int MIN_LENGTH = 20;

    /**
     * Checks the components.
     *
     * @param sourcePort the Source Port
     * @param destinationPort the Destination Port
     * @param sequenceNumber the Sequence Number, unsigned 32 bits
     * @param acknowledgmentNumber the Acknowledgment Number, unsigned 32 bits
     * @param reserved the 4 Rsrvd bits (bit 0x1 is AE in accurate ECN), kept as on the wire
     * @param flags the eight control bits
     * @param window the Window
     * @param checksum the Checksum field as on the wire
     * @param urgentPointer the Urgent Pointer
     * @param options the option bytes including padding, a multiple of 4, at most 40
     */
    public TcpHeader {
        Check.inRange("sourcePort", sourcePort, 0, 0xFFFF);
        Check.inRange("destinationPort", destinationPort, 0, 0xFFFF);
        Check.inRange("sequenceNumber", sequenceNumber, 0, 0xFFFF_FFFFL);
        Check.inRange("acknowledgmentNumber", acknowledgmentNumber, 0, 0xFFFF_FFFFL);
        Check.inRange("reserved", reserved, 0, 15);
        Objects.requireNonNull(flags, "flags");
        Check.inRange("window", window, 0, 0xFFFF);
        Check.inRange("checksum", checksum, 0, 0xFFFF);
        Check.inRange("urgentPointer", urgentPointer, 0, 0xFFFF);
        Objects.requireNonNull(options, "options");
        Check.argument(options.length() % 4 == 0 && options.length() <= 40, "options.length()",
                options.length(), "a multiple of 4 in 0..40");
    }

    /**
     * Returns the header length in bytes: Data Offset times 4.
     *
     * @return the header length in bytes: Data Offset times 4
     */
    public int headerLength() {
        return MIN_LENGTH + options.length();
    }
}
