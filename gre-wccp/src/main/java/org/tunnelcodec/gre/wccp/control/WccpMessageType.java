package org.tunnelcodec.gre.wccp.control;

import org.tunnelcodec.core.CodePoint;

/**
 * The 32-bit Type of a WCCP control message ([W01] 5.5, [R1] 4.6; [V1] "Format of Protocol
 * Packets").
 *
 * <p>An open value type: every 32-bit value is legal and is held as the {@code int} with the
 * same bits (so {@code 0xFFFFFFFF} is {@code -1}); the constants name the values the drafts
 * define. Types 7-9 are WCCP version 1 ({@link WccpV1Message}), 10-13 version 2
 * ({@link WccpMessage}). {@link #toString()} gives {@code NAME(decimal)} for a known value,
 * for example {@code HERE_I_AM(10)}, and the unsigned decimal number for an unknown one.
 *
 * @param value the Type as it is on the wire, read as a signed {@code int}
 */
public record WccpMessageType(int value) implements CodePoint {
    /** WCCP v1 HERE_I_AM, web-cache to router ([V1] "Here I Am"). */
    public static final WccpMessageType V1_HERE_I_AM = new WccpMessageType(7);
    /** WCCP v1 I_SEE_YOU, router to web-caches ([V1] "I See You"). */
    public static final WccpMessageType V1_I_SEE_YOU = new WccpMessageType(8);
    /** WCCP v1 ASSIGN_BUCKET, designated web-cache to router ([V1] "Assign Buckets"). */
    public static final WccpMessageType V1_ASSIGN_BUCKET = new WccpMessageType(9);
    /** WCCP2_HERE_I_AM, web-cache to router ([W01] 5.1, [R1] 4.2). */
    public static final WccpMessageType HERE_I_AM = new WccpMessageType(10);
    /** WCCP2_I_SEE_YOU, router to web-cache ([W01] 5.2, [R1] 4.3). */
    public static final WccpMessageType I_SEE_YOU = new WccpMessageType(11);
    /** WCCP2_REDIRECT_ASSIGN, designated web-cache to routers ([W01] 5.3, [R1] 4.4). */
    public static final WccpMessageType REDIRECT_ASSIGN = new WccpMessageType(12);
    /** WCCP2_REMOVAL_QUERY, router to web-cache ([W01] 5.4, [R1] 4.5). */
    public static final WccpMessageType REMOVAL_QUERY = new WccpMessageType(13);

    private static final String[] NAMES = {"V1_HERE_I_AM", "V1_I_SEE_YOU", "V1_ASSIGN_BUCKET",
        "HERE_I_AM", "I_SEE_YOU", "REDIRECT_ASSIGN", "REMOVAL_QUERY"};

    /**
     * Returns the code point with this value.
     *
     * @param value the Type's 32 bits
     * @return the code point with this value
     */
    public static WccpMessageType of(int value) {
        return new WccpMessageType(value);
    }

    /**
     * Returns whether this is a WCCP version 1 type (7, 8 or 9).
     *
     * @return whether this is a WCCP version 1 type (7, 8 or 9)
     */
    public boolean isV1() {
        return value >= 7 && value <= 9;
    }

    /**
     * Returns whether this is a type WCCP version 2 defines (10 to 13).
     *
     * @return whether this is a type WCCP version 2 defines (10 to 13)
     */
    public boolean isV2() {
        return value >= 10 && value <= 13;
    }

    /**
     * Returns the Type as the unsigned number on the wire.
     *
     * @return the Type as the unsigned number on the wire
     */
    public long unsignedValue() {
        return Integer.toUnsignedLong(value);
    }

    @Override
    public boolean isKnown() {
        return value >= 7 && value <= 13;
    }

    @Override
    public String knownName() {
        return isKnown() ? NAMES[value - 7] : null;
    }

    @Override
    public String toString() {
        String number = Integer.toUnsignedString(value);
        return isKnown() ? NAMES[value - 7] + "(" + number + ")" : number;
    }
}
