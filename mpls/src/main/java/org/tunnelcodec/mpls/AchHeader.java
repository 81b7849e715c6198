package org.tunnelcodec.mpls;

import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * An Associated Channel Header (ACH): the PW-ACH of RFC 4385 §5, which takes the place of the
 * control word after a pseudowire label, and the G-ACh header of RFC 5586 §2, which follows the
 * GAL (label 13) on an LSP or a section. A first nibble of 0001 tells it from a control word
 * (0000) and from IP (4, 6).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------+-------+---------------+-------------------------------+
 * |0 0 0 1|Version|   Reserved    |         Channel Type          |
 * +-------+-------+---------------+-------------------------------+
 * </pre>
 *
 * <p>Version 0 is the only one defined ({@link #isKnownVersion()}); Reserved is sent as 0 and
 * ignored by receivers; the Channel Type (an {@link AchChannelType}) says what the channel
 * payload after the header is. RFC 5586 also allowed ACH TLVs between the header and the
 * payload; RFC 7026 retired them, so the payload starts right after these 4 octets.
 *
 * <p>The record keeps every value: an unknown version or a non-zero Reserved field round-trips.
 * A receiver must not interpret the channel payload of an unknown version.
 *
 * @param version     the Version, 0..15; 0 is the only one defined
 * @param reserved    the Reserved octet, 0..255, as on the wire
 * @param channelType the Channel Type
 */
public record AchHeader(int version, int reserved, AchChannelType channelType) {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "ach";

    /** The header's length on the wire, in octets. */
    public static final int LENGTH = 4;

    /** The Version RFC 4385 §5 and RFC 5586 §2 define, and the only one a receiver understands. */
    public static final int VERSION = 0;

    /**
     * Checks the components.
     *
     * @param version the Version, 0..15; 0 is the only one defined
     * @param reserved the Reserved octet, 0..255, as on the wire
     * @param channelType the Channel Type
     * @throws IllegalArgumentException if {@code version} or {@code reserved} is out of range
     * @throws NullPointerException if {@code channelType} is null
     */
    public AchHeader {
        Check.inRange("version", version, 0, AchLayout.VERSION_MASK);
        Check.inRange("reserved", reserved, 0, AchLayout.RESERVED_MASK);
        Objects.requireNonNull(channelType, "channelType");
    }

    /**
     * The header senders build: Version 0, Reserved 0 (RFC 5586 §2), the given Channel Type.
     * After a GAL this is the whole of what follows the label stack before the channel
     * payload: {@code 10 00} and the Channel Type.
     *
     * @param channelType the Channel Type
     * @return the header
     * @throws NullPointerException if {@code channelType} is null
     */
    public static AchHeader of(AchChannelType channelType) {
        return new AchHeader(VERSION, 0, channelType);
    }

    /**
     * Returns whether the Version is 0, the only version defined. For any other version the
     * header is exposed as it is, and the channel payload must not be interpreted.
     *
     * @return whether the Version is 0, the only version defined
     */
    public boolean isKnownVersion() {
        return version == VERSION;
    }
}
