package org.tunnelcodec.core.transport;

import org.tunnelcodec.core.internal.Check;

/**
 * The eight TCP control bits (RFC 9293 §3.1, RFC 3168 §23.2) over their raw value.
 *
 * @param bits the control bits, 0..255: CWR 0x80, ECE 0x40, URG 0x20, ACK 0x10, PSH 0x08,
 *             RST 0x04, SYN 0x02, FIN 0x01
 */
public record TcpFlags(int bits) {
    /** FIN. */
    public static final int FIN = 0x01;
    /** SYN. */
    public static final int SYN = 0x02;
    /** RST. */
    public static final int RST = 0x04;
    /** PSH. */
    public static final int PSH = 0x08;
    /** ACK. */
    public static final int ACK = 0x10;
    /** URG. */
    public static final int URG = 0x20;
    /** ECE. */
    public static final int ECE = 0x40;
    /** CWR. */
    public static final int CWR = 0x80;

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    /**
     * Checks the range.
     *
     * @param bits the control bits, 0..255: CWR 0x80, ECE 0x40, URG 0x20, ACK 0x10, PSH 0x08, RST 0x04, SYN
     *     0x02, FIN 0x01
     */
    public TcpFlags {
        Check.inRange("bits", bits, 0, 0xFF);
    }

    /**
     * Returns the flags with these bits.
     *
     * @param bits the control bits, 0..255: CWR 0x80, ECE 0x40, URG 0x20, ACK 0x10, PSH 0x08, RST 0x04, SYN
     *     0x02, FIN 0x01
     * @return the flags with these bits
     */
    public static TcpFlags of(int bits) {
        return new TcpFlags(bits);
    }

    /**
     * Returns whether FIN is set.
     *
     * @return whether FIN is set
     */
    public boolean fin() {
        return (bits & FIN) != 0;
    }

    /**
     * Returns whether SYN is set.
     *
     * @return whether SYN is set
     */
    public boolean syn() {
        return (bits & SYN) != 0;
    }

    /**
     * Returns whether RST is set.
     *
     * @return whether RST is set
     */
    public boolean rst() {
        return (bits & RST) != 0;
    }

    /**
     * Returns whether PSH is set.
     *
     * @return whether PSH is set
     */
    public boolean psh() {
        return (bits & PSH) != 0;
    }

    /**
     * Returns whether ACK is set.
     *
     * @return whether ACK is set
     */
    public boolean ack() {
        return (bits & ACK) != 0;
    }

    /**
     * Returns whether URG is set.
     *
     * @return whether URG is set
     */
    public boolean urg() {
        return (bits & URG) != 0;
    }

    /**
     * Returns whether ECE is set.
     *
     * @return whether ECE is set
     */
    public boolean ece() {
        return (bits & ECE) != 0;
    }

    /**
     * Returns whether CWR is set.
     *
     * @return whether CWR is set
     */
    public boolean cwr() {
        return (bits & CWR) != 0;
    }

    /**
     * Returns the set flags joined by {@code |}, for example {@code "SYN|ACK"}, or {@code "none"}.
     *
     * @return the set flags joined by {@code |}, for example {@code "SYN|ACK"}, or {@code "none"}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if ((bits & 1 << i) != 0) {
                sb.append(sb.length() == 0 ? "" : "|").append(NAMES[i]);
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }
}
