package org.tunnelcodec.gre.wccp.control;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Check;

/**
 * A Capability Element of a Capabilities Info component ([W01] 5.7.5, [R1] 6.11).
 *
 * <pre>
 *  +--------------------+--------------------+
 *  | Capability Type(16)| Capability Length  |
 *  +--------------------+--------------------+
 *  | Capability Value (Length octets)        |
 *  +-----------------------------------------+
 * </pre>
 *
 * <p>Every defined type (1-5) has a 4-octet value; a defined type with another length is
 * {@code BAD_LENGTH} when decoding. Other types are kept as {@link Unknown} with their raw
 * value, so they encode back unchanged. An absent capability means its default ([R1] 6.11:
 * GRE forwarding, hash assignment, GRE return, TRANSMIT_T 10000 ms, TIMER_SCALE 1/1).
 */
public sealed interface WccpCapability {
    /** Capability Type 1, forwarding method. */
    int FORWARDING_METHOD = 1;
    /** Capability Type 2, assignment method. */
    int ASSIGNMENT_METHOD = 2;
    /** Capability Type 3, packet return method. */
    int PACKET_RETURN_METHOD = 3;
    /** Capability Type 4, TRANSMIT_T ([R1] 6.11.4). */
    int TRANSMIT_T = 4;
    /** Capability Type 5, TIMER_SCALE ([R1] 6.11.5). */
    int TIMER_SCALE = 5;

    /** Method bit 0x1: GRE (forwarding and return) or hash (assignment). */
    int METHOD_GRE = 0x1;
    /** Method bit 0x2: L2 rewrite (forwarding and return). */
    int METHOD_L2 = 0x2;
    /** Assignment method bit 0x1: hash. */
    int METHOD_HASH = 0x1;
    /** Assignment method bit 0x2: mask. */
    int METHOD_MASK = 0x2;

    /**
     * Returns the Capability Type, 0..65535.
     *
     * @return the Capability Type, 0..65535
     */
    int type();

    /**
     * Returns the Capability Length: the octets of the value.
     *
     * @return the Capability Length: the octets of the value
     */
    int valueLength();

    /**
     * Forwarding Method (type 1): a router lists the methods it supports, a cache the one it
     * chose.
     *
     * @param methods the 32-bit method mask, unknown bits kept: {@link #METHOD_GRE}, {@link #METHOD_L2}
     */
    record ForwardingMethod(int methods) implements WccpCapability {
        /**
         * Returns whether GRE encapsulation is in the mask.
         *
         * @return whether GRE encapsulation is in the mask
         */
        public boolean gre() {
            return (methods & METHOD_GRE) != 0;
        }

        /**
         * Returns whether L2 rewrite is in the mask.
         *
         * @return whether L2 rewrite is in the mask
         */
        public boolean l2() {
            return (methods & METHOD_L2) != 0;
        }

        @Override
        public int type() {
            return FORWARDING_METHOD;
        }

        @Override
        public int valueLength() {
            return 4;
        }
    }

    /**
     * Assignment Method (type 2).
     *
     * @param methods the 32-bit method mask, unknown bits kept: {@link #METHOD_HASH}, {@link #METHOD_MASK}
     */
    record AssignmentMethod(int methods) implements WccpCapability {
        /**
         * Returns whether hash assignment is in the mask.
         *
         * @return whether hash assignment is in the mask
         */
        public boolean hash() {
            return (methods & METHOD_HASH) != 0;
        }

        /**
         * Returns whether mask assignment is in the mask.
         *
         * @return whether mask assignment is in the mask
         */
        public boolean mask() {
            return (methods & METHOD_MASK) != 0;
        }

        @Override
        public int type() {
            return ASSIGNMENT_METHOD;
        }

        @Override
        public int valueLength() {
            return 4;
        }
    }

    /**
     * Packet Return Method (type 3).
     *
     * @param methods the 32-bit method mask, unknown bits kept: {@link #METHOD_GRE}, {@link #METHOD_L2}
     */
    record PacketReturnMethod(int methods) implements WccpCapability {
        /**
         * Returns whether GRE return is in the mask.
         *
         * @return whether GRE return is in the mask
         */
        public boolean gre() {
            return (methods & METHOD_GRE) != 0;
        }

        /**
         * Returns whether L2 return is in the mask.
         *
         * @return whether L2 return is in the mask
         */
        public boolean l2() {
            return (methods & METHOD_L2) != 0;
        }

        @Override
        public int type() {
            return PACKET_RETURN_METHOD;
        }

        @Override
        public int valueLength() {
            return 4;
        }
    }

    /**
     * TRANSMIT_T (type 4, [R1] 6.11.4): the message interval in milliseconds, as one value
     * ({@code upper} 0, {@code lower} the value) or a range.
     *
     * @param upper the first 16 bits: 0 for a single value, else the upper limit
     * @param lower the second 16 bits: the value, or the lower limit
     */
    record TransmitT(int upper, int lower) implements WccpCapability {
        /**
         * Checks the components.
         *
         * @param upper the first 16 bits: 0 for a single value, else the upper limit
         * @param lower the second 16 bits: the value, or the lower limit
         */
        public TransmitT {
            Check.inRange("upper", upper, 0, 0xFFFF);
            Check.inRange("lower", lower, 0, 0xFFFF);
        }

        /**
         * Returns a single-value TRANSMIT_T.
         *
         * @param milliseconds the interval, 0..65535
         * @return a single-value TRANSMIT_T
         */
        public static TransmitT single(int milliseconds) {
            return new TransmitT(0, milliseconds);
        }

        /**
         * Returns whether this is a range (upper limit non-zero).
         *
         * @return whether this is a range (upper limit non-zero)
         */
        public boolean isRange() {
            return upper != 0;
        }

        @Override
        public int type() {
            return TRANSMIT_T;
        }

        @Override
        public int valueLength() {
            return 4;
        }
    }

    /**
     * TIMER_SCALE (type 5, [R1] 6.11.5): four octets, {@code 0, TIMEOUT_SCALE, 0,
     * RA_TIMER_SCALE} for single values or {@code TO upper, TO lower, RA upper, RA lower} for
     * ranges. 0 is never a valid scale; the decoder keeps whatever is there.
     *
     * @param timeoutUpper   octet 0: 0 for a single value, else the timeout scale's upper limit
     * @param timeoutLower   octet 1: the timeout scale, or its lower limit
     * @param raTimerUpper   octet 2: 0 for a single value, else the RA timer scale's upper limit
     * @param raTimerLower   octet 3: the RA timer scale, or its lower limit
     */
    record TimerScale(int timeoutUpper, int timeoutLower, int raTimerUpper, int raTimerLower)
            implements WccpCapability {
        /**
         * Checks the components.
         *
         * @param timeoutUpper octet 0: 0 for a single value, else the timeout scale's upper limit
         * @param timeoutLower octet 1: the timeout scale, or its lower limit
         * @param raTimerUpper octet 2: 0 for a single value, else the RA timer scale's upper limit
         * @param raTimerLower octet 3: the RA timer scale, or its lower limit
         */
        public TimerScale {
            Check.inRange("timeoutUpper", timeoutUpper, 0, 0xFF);
            Check.inRange("timeoutLower", timeoutLower, 0, 0xFF);
            Check.inRange("raTimerUpper", raTimerUpper, 0, 0xFF);
            Check.inRange("raTimerLower", raTimerLower, 0, 0xFF);
        }

        /**
         * Returns single-value scales.
         *
         * @param timeoutScale the TIMEOUT_SCALE, 1..255
         * @param raTimerScale the RA_TIMER_SCALE, 1..255
         * @return single-value scales
         */
        public static TimerScale single(int timeoutScale, int raTimerScale) {
            return new TimerScale(0, timeoutScale, 0, raTimerScale);
        }

        @Override
        public int type() {
            return TIMER_SCALE;
        }

        @Override
        public int valueLength() {
            return 4;
        }
    }

    /**
     * A capability type this library does not define, kept raw.
     *
     * @param type  the Capability Type, 0 or 6..65535
     * @param value the Capability Value, at most 65535 octets
     */
    record Unknown(int type, ByteString value) implements WccpCapability {
        /**
         * Checks the components.
         *
         * @param type the Capability Type, 0 or 6..65535
         * @param value the Capability Value, at most 65535 octets
         */
        public Unknown {
            Check.inRange("type", type, 0, 0xFFFF);
            Check.argument(type < FORWARDING_METHOD || type > TIMER_SCALE, "type", type, "not a defined type 1..5");
            Objects.requireNonNull(value, "value");
            Check.inRange("value.length()", value.length(), 0, 0xFFFF);
        }

        @Override
        public int valueLength() {
            return value.length();
        }
    }
}
