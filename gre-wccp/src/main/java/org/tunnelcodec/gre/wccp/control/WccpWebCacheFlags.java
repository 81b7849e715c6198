package org.tunnelcodec.gre.wccp.control;

import org.tunnelcodec.core.internal.Check;

/**
 * The 16-bit Flags of a Web-Cache Identity Element ([R1] 6.4; [W03]) over their raw value.
 *
 * <pre>
 *   15                              4   3   2   1   0
 *  +-------------------------------+---+---+---+---+
 *  |        Reserved (0xFFF0)      | V |  Type | U |
 *  +-------------------------------+---+---+---+---+
 * </pre>
 *
 * <p>[R1] numbers these bits 0-3 without a ruler; this library follows the implementations
 * (Squid sends 0x0002 for mask assignment, Wireshark masks 0x1/0x6/0x8): U = 0x0001,
 * assignment type = {@code (bits >> 1) & 3}, V = 0x0008. [W01] drew U as the first bit after
 * the Hash Revision (0x8000 if read literally); this library does not follow that reading.
 * Reserved bits are kept.
 *
 * @param bits the flags as they are on the wire, 0..0xFFFF
 */
public record WccpWebCacheFlags(int bits) {
    /** U: the assignment data is historical; the cache has no current assignment. */
    public static final int U = 0x0001;
    /** The two assignment-type bits. */
    public static final int TYPE_MASK = 0x0006;
    /** V: version negotiation ([R1] 3.4). */
    public static final int V = 0x0008;
    /** The reserved bits. */
    public static final int RESERVED_MASK = 0xFFF0;

    /** Assignment type 0: Hash Assignment Data follows ([R1] 6.6). */
    public static final int TYPE_HASH = 0;
    /** Assignment type 1: Mask Assignment Data follows ([R1] 6.7). */
    public static final int TYPE_MASK_ASSIGNMENT = 1;
    /** Assignment type 2: no assignment data follows ([R1] 6.4; 2.01). */
    public static final int TYPE_NONE = 2;
    /** Assignment type 3: Extended Assignment Data follows ([R1] 6.10; 2.01). */
    public static final int TYPE_EXTENDED = 3;

    /**
     * Checks the range.
     *
     * @param bits the flags as they are on the wire, 0..0xFFFF
     */
    public WccpWebCacheFlags {
        Check.inRange("bits", bits, 0, 0xFFFF);
    }

    /**
     * Returns the flags with these bits.
     *
     * @param bits the raw flags, 0..0xFFFF
     * @return the flags with these bits
     */
    public static WccpWebCacheFlags of(int bits) {
        return new WccpWebCacheFlags(bits);
    }

    /**
     * Flags with the given assignment type and U and V bits, reserved bits zero.
     *
     * @param assignmentType 0..3 ({@link #TYPE_HASH} ...)
     * @param historical     the U bit
     * @param version        the V bit
     * @return the flags
     */
    public static WccpWebCacheFlags of(int assignmentType, boolean historical, boolean version) {
        Check.inRange("assignmentType", assignmentType, 0, 3);
        return new WccpWebCacheFlags(assignmentType << 1 | (historical ? U : 0) | (version ? V : 0));
    }

    /**
     * Returns the U bit: the assignment data is historical, not current.
     *
     * @return the U bit: the assignment data is historical, not current
     */
    public boolean historical() {
        return (bits & U) != 0;
    }

    /**
     * Returns the assignment type, 0..3: hash, mask, none, extended.
     *
     * @return the assignment type, 0..3: hash, mask, none, extended
     */
    public int assignmentType() {
        return (bits & TYPE_MASK) >>> 1;
    }

    /**
     * The V bit ([R1] 3.4): set means the message header's version is the lowest version the
     * cache supports, clear means it is the highest (this library's reading of [R1] 3.4;
     * Wireshark 4.0's label says the opposite, so check against your peer).
     *
     * @return the V bit
     */
    public boolean versionFlag() {
        return (bits & V) != 0;
    }

    /**
     * Returns the reserved bits (zero on a conforming sender).
     *
     * @return the reserved bits (zero on a conforming sender)
     */
    public int reservedBits() {
        return bits & RESERVED_MASK;
    }

    /**
     * Returns these flags with the assignment-type bits replaced.
     *
     * @param assignmentType 0..3
     * @return these flags with the assignment-type bits replaced
     */
    public WccpWebCacheFlags withAssignmentType(int assignmentType) {
        Check.inRange("assignmentType", assignmentType, 0, 3);
        return new WccpWebCacheFlags(bits & ~TYPE_MASK | assignmentType << 1);
    }

    /**
     * Returns for example {@code "0x000a(type=1, V)"}.
     *
     * @return for example {@code "0x000a(type=1, V)"}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(24).append(String.format("0x%04x(type=%d", bits, assignmentType()));
        if (historical()) {
            sb.append(", U");
        }
        if (versionFlag()) {
            sb.append(", V");
        }
        return sb.append(')').toString();
    }
}
