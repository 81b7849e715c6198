package org.tunnelcodec.stt;

import org.tunnelcodec.core.internal.Check;

/**
 * The STT frame header's Flags octet (draft-davie-stt-08 §3.1), over its raw bits.
 *
 * <p>The draft's Figure 4 draws {@code C P V T Res} over bit labels 0..7, which an IETF
 * reading would make C = 0x80. Open vSwitch (written by a co-author of the draft) and
 * Wireshark put C in the least significant bit, and that is what is on the wire; this class
 * follows them: C = 0x01, P = 0x02, IPv4 = 0x04, TCP = 0x08, reserved 0xF0 (kept).
 *
 * @param bits the octet as on the wire
 */
public record SttFlags(int bits) {
    /** C: the sender verified the inner L4 checksum. */
    public static final int CHECKSUM_VERIFIED = 0x01;
    /** P: the inner L4 checksum holds only the pseudo-header sum (offload). */
    public static final int CHECKSUM_PARTIAL = 0x02;
    /** V: the inner L3 protocol is IPv4 (else IPv6); meaningful with P. */
    public static final int IPV4 = 0x04;
    /** T: the inner L4 protocol is TCP (else UDP); meaningful with P. */
    public static final int TCP = 0x08;
    /** The reserved bits. */
    public static final int RESERVED = 0xF0;
    /** No flag set. */
    public static final SttFlags NONE = new SttFlags(0);

    /**
     * Checks the range.
     *
     * @param bits the octet as on the wire
     * @throws IllegalArgumentException if {@code bits} is not 0..255
     */
    public SttFlags {
        Check.inRange("bits", bits, 0, 255);
    }

    /**
     * The flags with these bits, {@link #NONE} for 0.
     *
     * @param bits the octet as on the wire
     * @return the flags
     */
    public static SttFlags of(int bits) {
        return bits == 0 ? NONE : new SttFlags(bits);
    }

    /**
     * Returns whether C is set.
     *
     * @return whether C is set
     */
    public boolean checksumVerified() {
        return (bits & CHECKSUM_VERIFIED) != 0;
    }

    /**
     * Returns whether P is set.
     *
     * @return whether P is set
     */
    public boolean checksumPartial() {
        return (bits & CHECKSUM_PARTIAL) != 0;
    }

    /**
     * Returns whether the IPv4 bit is set.
     *
     * @return whether the IPv4 bit is set
     */
    public boolean ipv4() {
        return (bits & IPV4) != 0;
    }

    /**
     * Returns whether the TCP bit is set.
     *
     * @return whether the TCP bit is set
     */
    public boolean tcp() {
        return (bits & TCP) != 0;
    }

    /**
     * Returns the reserved bits as on the wire.
     *
     * @return the reserved bits as on the wire
     */
    public int reserved() {
        return bits & RESERVED;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (checksumVerified()) {
            sb.append("C ");
        }
        if (checksumPartial()) {
            sb.append("P ");
        }
        if (ipv4()) {
            sb.append("IPv4 ");
        }
        if (tcp()) {
            sb.append("TCP ");
        }
        if (reserved() != 0) {
            sb.append(String.format("reserved 0x%02x ", reserved()));
        }
        return sb.length() == 0 ? "none" : sb.toString().trim();
    }
}
