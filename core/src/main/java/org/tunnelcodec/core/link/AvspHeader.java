package org.tunnelcodec.core.link;

import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.internal.Check;

/**
 * Arista's vendor-specific protocol header (EtherType {@code 0xD28B}, assigned to Arista in
 * 2016), which Arista switches insert after the source MAC address to carry a hardware
 * timestamp; the frame's own EtherType follows it.
 *
 * <pre>
 * +---------------------------+---------------------------+
 * | EtherType 0xD28B (2)      | Subtype (2)               |   the EtherType is the
 * +---------------------------+---------------------------+   previous header's
 * | Version (2)               | Seconds (4, or 2 in the   |
 * +---------------------------+   48-bit formats)         |
 * | Nanoseconds (4)                                       |
 * +---------------------------+---------------------------+
 * | Type (2): the frame's EtherType                       |
 * +---------------------------+
 * </pre>
 *
 * <p>Subtype 1 is the timestamp header. Its Version names the timestamp's format: 0x0010 a
 * 64-bit TAI timestamp, 0x0110 a 64-bit UTC one (32-bit seconds), 0x0020 and 0x0120 the same
 * in 48 bits (16-bit seconds); the nanoseconds are always 32 bits. Those four formats are
 * decoded and the frame goes on at the Type. Any other subtype or version is kept with its
 * first four octets only: its length is unknown, so the rest of the frame is its payload and
 * nothing after it is decoded (as tshark reports "Unknown timestamp version" and stops).
 *
 * @param subtype     the Subtype, 0..65535
 * @param version     the Version, 0..65535
 * @param seconds     the timestamp's seconds, or {@link #ABSENT} when the header is not a
 *                    timestamp of a known format
 * @param nanoseconds the timestamp's nanoseconds field as on the wire (0..2^32-1), or
 *                    {@link #ABSENT}
 * @param protocol    the Type (the frame's EtherType), or {@code null} when the header is not a
 *                    timestamp of a known format
 */
public record AvspHeader(int subtype, int version, long seconds, long nanoseconds, EtherType protocol) {
    /**
     * The protocol's name: the dissector's layer name and the protocol of every
     * {@link org.tunnelcodec.core.MalformedPacketException} its decoder throws.
     */
    public static final String PROTOCOL = "avsp";

    /** The EtherType that announces the header: Arista's vendor-specific protocol. */
    public static final int ETHER_TYPE = 0xD28B;
    /** The value of {@link #seconds()} and {@link #nanoseconds()} for a header without a timestamp. */
    public static final long ABSENT = -1;
    /** The Subtype of the timestamp header. */
    public static final int SUBTYPE_TIMESTAMP = 0x0001;
    /** Version: a 64-bit TAI timestamp. */
    public static final int TIMESTAMP_64_TAI = 0x0010;
    /** Version: a 64-bit UTC timestamp. */
    public static final int TIMESTAMP_64_UTC = 0x0110;
    /** Version: a 48-bit TAI timestamp. */
    public static final int TIMESTAMP_48_TAI = 0x0020;
    /** Version: a 48-bit UTC timestamp. */
    public static final int TIMESTAMP_48_UTC = 0x0120;
    /** The length of Subtype and Version, all a header of another subtype or version has. */
    public static final int BASE_LENGTH = 4;
    static final int TIMESTAMP_OFFSET = 4;

    /**
     * Checks the components: a timestamp of a known format has its seconds within its width,
     * nanoseconds and a Type; any other header has neither.
     *
     * @param subtype the Subtype, 0..65535
     * @param version the Version, 0..65535
     * @param seconds the timestamp's seconds, or {@link #ABSENT}
     * @param nanoseconds the timestamp's nanoseconds field, or {@link #ABSENT}
     * @param protocol the Type, or {@code null}
     */
    public AvspHeader {
        Check.inRange("subtype", subtype, 0, 0xFFFF);
        Check.inRange("version", version, 0, 0xFFFF);
        int bits = timestampBits(subtype, version);
        if (bits == 0) {
            Check.argument(seconds == ABSENT, "seconds", seconds, "ABSENT (-1) without a timestamp of a known format");
            Check.argument(nanoseconds == ABSENT, "nanoseconds", nanoseconds,
                    "ABSENT (-1) without a timestamp of a known format");
            Check.argument(protocol == null, "protocol", protocol, "null without a timestamp of a known format");
        } else {
            Check.inRange("seconds", seconds, 0, bits == 64 ? 0xFFFF_FFFFL : 0xFFFF);
            Check.inRange("nanoseconds", nanoseconds, 0, 0xFFFF_FFFFL);
            Objects.requireNonNull(protocol, "protocol");
        }
    }

    /**
     * Returns a timestamp header.
     *
     * @param version     one of the four timestamp versions ({@link #TIMESTAMP_64_TAI}...)
     * @param seconds     the seconds, within the format's width
     * @param nanoseconds the nanoseconds field
     * @param protocol    the frame's EtherType
     * @return the header
     * @throws IllegalArgumentException if the version is not a known timestamp format or a
     *     value is out of range
     */
    public static AvspHeader timestamp(int version, long seconds, long nanoseconds, EtherType protocol) {
        Check.argument(timestampBits(SUBTYPE_TIMESTAMP, version) != 0, "version", version,
                "0x0010, 0x0110, 0x0020 or 0x0120");
        return new AvspHeader(SUBTYPE_TIMESTAMP, version, seconds, nanoseconds, protocol);
    }

    /**
     * Returns the width of the timestamp a Subtype and Version describe: 64, 48, or 0 when they
     * are not a timestamp of a known format.
     *
     * @param subtype the Subtype
     * @param version the Version
     * @return 64, 48 or 0
     */
    public static int timestampBits(int subtype, int version) {
        if (subtype != SUBTYPE_TIMESTAMP) {
            return 0;
        }
        return switch (version) {
            case TIMESTAMP_64_TAI, TIMESTAMP_64_UTC -> 64;
            case TIMESTAMP_48_TAI, TIMESTAMP_48_UTC -> 48;
            default -> 0;
        };
    }

    /**
     * Returns the header's length for a Subtype and Version: 14 for a 64-bit timestamp, 12 for
     * a 48-bit one (Subtype, Version, timestamp, Type), 4 otherwise.
     *
     * @param subtype the Subtype
     * @param version the Version
     * @return the length in octets, not counting the EtherType before it
     */
    public static int length(int subtype, int version) {
        int bits = timestampBits(subtype, version);
        return bits == 0 ? BASE_LENGTH : BASE_LENGTH + bits / 8 + 2;
    }

    /**
     * Returns the header's length: 14, 12 or 4 ({@link #length(int, int)}).
     *
     * @return the length in octets
     */
    public int length() {
        return length(subtype, version);
    }

    /**
     * Returns whether the header is a timestamp of a known format, so that a Type follows.
     *
     * @return whether it is a timestamp of a known format
     */
    public boolean isTimestamp() {
        return protocol != null;
    }

    /**
     * Returns whether the timestamp is UTC (versions 0x0110 and 0x0120) rather than TAI.
     *
     * @return whether the timestamp is UTC
     */
    public boolean utc() {
        return isTimestamp() && (version & 0x0100) != 0;
    }
}
