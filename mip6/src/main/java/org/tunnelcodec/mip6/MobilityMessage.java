package org.tunnelcodec.mip6;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Check;

/**
 * The message of a {@link MobilityHeader}: the fixed part of the Message Data that its MH Type
 * defines, from offset 6 (after the Checksum) to where the mobility options begin. RFC 6275's
 * eight types (§6.1.2-§6.1.9) have records of their own with every field, flag and reserved bit
 * as on the wire; any other type is a {@link Raw} message that keeps all its Message Data.
 *
 * <pre>
 * offsets from the first octet of the Mobility Header
 * BRR (0)         6: Reserved (16)                        8: options
 * HoTI (1), CoTI (2)  6: Reserved (16)  8: Init Cookie (64)  16: options
 * HoT (3), CoT (4)    6: Nonce Index (16)  8: Init Cookie (64)  16: Keygen Token (64)  24: options
 * BU (5)          6: Sequence # (16)  8: A H L K M R P F T B S D, reserved (4)  10: Lifetime (16)  12: options
 * BA (6)          6: Status (8)  7: K R P T B S D, reserved (1)  8: Sequence # (16)  10: Lifetime (16)  12: options
 * BE (7)          6: Status (8)  7: Reserved (8)  8: Home Address (128)  24: options
 * </pre>
 */
public sealed interface MobilityMessage {
    /** MH Type of the Binding Refresh Request (RFC 6275 §6.1.2). */
    int BINDING_REFRESH_REQUEST = Mip6Layout.BRR;
    /** MH Type of the Home Test Init (RFC 6275 §6.1.3). */
    int HOME_TEST_INIT = Mip6Layout.HOTI;
    /** MH Type of the Care-of Test Init (RFC 6275 §6.1.4). */
    int CARE_OF_TEST_INIT = Mip6Layout.COTI;
    /** MH Type of the Home Test (RFC 6275 §6.1.5). */
    int HOME_TEST = Mip6Layout.HOT;
    /** MH Type of the Care-of Test (RFC 6275 §6.1.6). */
    int CARE_OF_TEST = Mip6Layout.COT;
    /** MH Type of the Binding Update (RFC 6275 §6.1.7). */
    int BINDING_UPDATE = Mip6Layout.BU;
    /** MH Type of the Binding Acknowledgement (RFC 6275 §6.1.8). */
    int BINDING_ACKNOWLEDGEMENT = Mip6Layout.BA;
    /** MH Type of the Binding Error (RFC 6275 §6.1.9). */
    int BINDING_ERROR = Mip6Layout.BE;

    /**
     * Returns the MH Type.
     *
     * @return the MH Type, 0..255
     */
    int type();

    /**
     * Returns the length of the message's fixed part on the wire, after the Checksum.
     *
     * @return the octets from offset 6 to the first option
     */
    int length();

    /**
     * Binding Refresh Request (RFC 6275 §6.1.2): a correspondent node or home agent asks the
     * mobile node to refresh its binding.
     *
     * @param reserved the 16-bit Reserved field, 0..65535 (0 when sent)
     */
    record BindingRefreshRequest(int reserved) implements MobilityMessage {
        /**
         * Checks the component.
         *
         * @param reserved the 16-bit Reserved field, 0..65535
         * @throws IllegalArgumentException if {@code reserved} is out of range
         */
        public BindingRefreshRequest {
            Check.inRange("reserved", reserved, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return BINDING_REFRESH_REQUEST;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.BRR);
        }
    }

    /**
     * Home Test Init (RFC 6275 §6.1.3) or Care-of Test Init (§6.1.4): the mobile node starts the
     * return routability procedure for its home or its care-of address.
     *
     * @param careOf   whether this is the Care-of Test Init (MH Type 2) rather than the Home
     *                 Test Init (1)
     * @param reserved the 16-bit Reserved field, 0..65535 (0 when sent)
     * @param cookie   the Home or Care-of Init Cookie, 64 bits
     */
    record TestInit(boolean careOf, int reserved, long cookie) implements MobilityMessage {
        /**
         * Checks the components.
         *
         * @param careOf whether this is the Care-of Test Init (MH Type 2)
         * @param reserved the 16-bit Reserved field, 0..65535
         * @param cookie the Init Cookie, 64 bits
         * @throws IllegalArgumentException if {@code reserved} is out of range
         */
        public TestInit {
            Check.inRange("reserved", reserved, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return careOf ? CARE_OF_TEST_INIT : HOME_TEST_INIT;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.HOTI);
        }
    }

    /**
     * Home Test (RFC 6275 §6.1.5) or Care-of Test (§6.1.6): the correspondent node's answer to a
     * Test Init, with the keygen token.
     *
     * @param careOf      whether this is the Care-of Test (MH Type 4) rather than the Home Test (3)
     * @param nonceIndex  the Home or Care-of Nonce Index, 0..65535
     * @param cookie      the Init Cookie echoed from the Test Init, 64 bits
     * @param keygenToken the Home or Care-of Keygen Token, 64 bits
     */
    record Test(boolean careOf, int nonceIndex, long cookie, long keygenToken) implements MobilityMessage {
        /**
         * Checks the components.
         *
         * @param careOf whether this is the Care-of Test (MH Type 4)
         * @param nonceIndex the Nonce Index, 0..65535
         * @param cookie the Init Cookie, 64 bits
         * @param keygenToken the Keygen Token, 64 bits
         * @throws IllegalArgumentException if {@code nonceIndex} is out of range
         */
        public Test {
            Check.inRange("nonceIndex", nonceIndex, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return careOf ? CARE_OF_TEST : HOME_TEST;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.HOT);
        }
    }

    /**
     * Binding Update (RFC 6275 §6.1.7): the mobile node registers a care-of address for its home
     * address. The flags are the 16-bit word at offset 8, kept whole; the accessors name the
     * bits of the IANA registry. The Lifetime is in units of 4 seconds; 0 deletes the binding.
     *
     * @param sequence the Sequence #, 0..65535, compared modulo 2^16 ({@link #isNewer})
     * @param flags    the 16-bit flag word: A 0x8000, H 0x4000, L 0x2000, K 0x1000 (RFC 6275),
     *                 M 0x0800 (RFC 4140), R 0x0400 (RFC 3963), P 0x0200 (RFC 5213), F 0x0100
     *                 (RFC 5555), T 0x0080 (RFC 5845), B 0x0040 (RFC 6602), S 0x0020 (RFC 7161),
     *                 D 0x0010 (RFC 8885), reserved 0x000F
     * @param lifetime the Lifetime in 4-second units, 0..65535
     */
    record BindingUpdate(int sequence, int flags, int lifetime) implements MobilityMessage {
        /** A: the sender asks for a Binding Acknowledgement. */
        public static final int A = 0x8000;
        /** H: home registration. */
        public static final int H = 0x4000;
        /** L: link-local address compatibility. */
        public static final int L = 0x2000;
        /** K: key management mobility capability. */
        public static final int K = 0x1000;
        /** M: MAP registration (HMIPv6, RFC 4140). */
        public static final int M = 0x0800;
        /** R: mobile router (NEMO, RFC 3963). */
        public static final int R = 0x0400;
        /** P: proxy registration (PMIPv6, RFC 5213). */
        public static final int P = 0x0200;
        /** F: forcing UDP encapsulation (DSMIPv6, RFC 5555). */
        public static final int F = 0x0100;
        /** T: TLV-header format (RFC 5845). */
        public static final int T = 0x0080;
        /** B: bulk binding update (RFC 6602). */
        public static final int B = 0x0040;
        /** S: multicast subscription (RFC 7161). */
        public static final int S = 0x0020;
        /** D: distributed mobility anchoring (RFC 8885). */
        public static final int D = 0x0010;

        /**
         * Checks the components.
         *
         * @param sequence the Sequence #, 0..65535
         * @param flags the 16-bit flag word, reserved bits included
         * @param lifetime the Lifetime in 4-second units, 0..65535
         * @throws IllegalArgumentException if a component is out of range
         */
        public BindingUpdate {
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("flags", flags, 0, 0xFFFF);
            Check.inRange("lifetime", lifetime, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return BINDING_UPDATE;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.BU);
        }

        /**
         * A home registration as RFC 6275 §11.7.1 has a mobile node send it: A and H set, the
         * other bits 0.
         *
         * @param sequence        the Sequence #, taken modulo 2^16
         * @param lifetimeSeconds the requested lifetime in seconds, rounded up to 4-second units
         *                        and saturated at 65535 units; 0 deregisters
         * @return the Binding Update
         * @throws IllegalArgumentException if {@code lifetimeSeconds} is negative
         */
        public static BindingUpdate homeRegistration(int sequence, long lifetimeSeconds) {
            return new BindingUpdate(sequence & 0xFFFF, A | H, MobilityHeader.units(lifetimeSeconds));
        }

        /**
         * Returns whether {@code candidate} is newer than {@code last} modulo 2^16, as a
         * receiver compares Sequence numbers (RFC 6275 §9.5.1: less than 32768 ahead).
         *
         * @param candidate a Sequence #, 0..65535
         * @param last the last accepted Sequence #, 0..65535
         * @return whether {@code candidate} comes after {@code last}
         */
        public static boolean isNewer(int candidate, int last) {
            int d = (candidate - last) & 0xFFFF;
            return d != 0 && d < 0x8000;
        }

        /**
         * Returns the Lifetime in seconds (R18: 4 seconds a unit).
         *
         * @return the Lifetime times 4
         */
        public long lifetimeSeconds() {
            return lifetime * 4L;
        }

        /**
         * Returns whether this is a deregistration: Lifetime 0 (RFC 6275 §6.1.7).
         *
         * @return whether the Lifetime is 0
         */
        public boolean deregistration() {
            return lifetime == 0;
        }

        /**
         * Returns whether a flag bit is set.
         *
         * @param flag one of the flag constants, {@link #A} to {@link #D}
         * @return whether it is set
         */
        public boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /**
         * Returns A: a Binding Acknowledgement is requested.
         *
         * @return whether A is set
         */
        public boolean acknowledge() {
            return has(A);
        }

        /**
         * Returns H: the receiver is asked to act as the home agent.
         *
         * @return whether H is set
         */
        public boolean homeRegistration() {
            return has(H);
        }

        /**
         * Returns the reserved bits of the flag word (RFC 6275: sent 0, ignored).
         *
         * @return the low four bits, 0..15
         */
        public int reservedFlags() {
            return flags & Mip6Layout.BU_RESERVED_MASK;
        }
    }

    /**
     * Binding Acknowledgement (RFC 6275 §6.1.8): the answer to a Binding Update. Status below
     * 128 accepts, 128 and above rejects (the IANA registry names the values; unknown ones are
     * kept). The Lifetime granted is in units of 4 seconds.
     *
     * @param status   the Status, 0..255
     * @param flags    the flag octet: K 0x80 (RFC 6275), R 0x40 (RFC 3963), P 0x20 (RFC 5213),
     *                 T 0x10 (RFC 5845), B 0x08 (RFC 6602), S 0x04 (RFC 7161), D 0x02
     *                 (RFC 8885), reserved 0x01
     * @param sequence the Sequence # of the Binding Update answered, 0..65535
     * @param lifetime the Lifetime granted in 4-second units, 0..65535
     */
    record BindingAcknowledgement(int status, int flags, int sequence, int lifetime) implements MobilityMessage {
        /** K: key management mobility capability. */
        public static final int K = 0x80;
        /** R: mobile router (RFC 3963). */
        public static final int R = 0x40;
        /** P: proxy registration (RFC 5213). */
        public static final int P = 0x20;
        /** T: TLV-header format (RFC 5845). */
        public static final int T = 0x10;
        /** B: bulk binding update (RFC 6602). */
        public static final int B = 0x08;
        /** S: multicast subscription (RFC 7161). */
        public static final int S = 0x04;
        /** D: distributed mobility anchoring (RFC 8885). */
        public static final int D = 0x02;

        /**
         * Checks the components.
         *
         * @param status the Status, 0..255
         * @param flags the flag octet, reserved bit included
         * @param sequence the Sequence #, 0..65535
         * @param lifetime the Lifetime in 4-second units, 0..65535
         * @throws IllegalArgumentException if a component is out of range
         */
        public BindingAcknowledgement {
            Check.inRange("status", status, 0, 0xFF);
            Check.inRange("flags", flags, 0, 0xFF);
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("lifetime", lifetime, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return BINDING_ACKNOWLEDGEMENT;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.BA);
        }

        /**
         * Returns whether the Status accepts the binding: below 128 (RFC 6275 §6.1.8).
         *
         * @return whether the Status is below 128
         */
        public boolean accepted() {
            return status < 128;
        }

        /**
         * Returns the Lifetime in seconds (R18: 4 seconds a unit).
         *
         * @return the Lifetime times 4
         */
        public long lifetimeSeconds() {
            return lifetime * 4L;
        }

        /**
         * Returns whether a flag bit is set.
         *
         * @param flag one of the flag constants, {@link #K} to {@link #D}
         * @return whether it is set
         */
        public boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /**
         * Returns the reserved bit of the flag octet.
         *
         * @return 0 or 1
         */
        public int reservedFlags() {
            return flags & 1;
        }
    }

    /**
     * Binding Error (RFC 6275 §6.1.9): status 1 is an unknown binding for a Home Address
     * destination option, 2 an unrecognized MH Type.
     *
     * @param status      the Status, 0..255
     * @param reserved    the Reserved octet, 0..255 (0 when sent)
     * @param homeAddress the Home Address that caused the error (the unspecified address when
     *                    there was none)
     */
    record BindingError(int status, int reserved, Ipv6Address homeAddress) implements MobilityMessage {
        /** Status 1: unknown binding for Home Address destination option. */
        public static final int UNKNOWN_BINDING = 1;
        /** Status 2: unrecognized MH Type value. */
        public static final int UNRECOGNIZED_TYPE = 2;

        /**
         * Checks the components.
         *
         * @param status the Status, 0..255
         * @param reserved the Reserved octet, 0..255
         * @param homeAddress the Home Address
         * @throws IllegalArgumentException if a component is out of range
         * @throws NullPointerException if {@code homeAddress} is null
         */
        public BindingError {
            Check.inRange("status", status, 0, 0xFF);
            Check.inRange("reserved", reserved, 0, 0xFF);
            Objects.requireNonNull(homeAddress, "homeAddress");
        }

        @Override
        public int type() {
            return BINDING_ERROR;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.BE);
        }
    }

    /**
     * A message of an MH Type this package does not decode (8 and above: fast handovers,
     * Home Agent Switch, Heartbeat, Binding Revocation, ...): its whole Message Data, options
     * included, as on the wire. A receiver that does not know the type answers with a Binding
     * Error of status 2 (RFC 6275 §9.2).
     *
     * @param type the MH Type, 8..255
     * @param data the Message Data: every octet after the Checksum
     */
    record Raw(int type, ByteString data) implements MobilityMessage {
        /**
         * Checks the components.
         *
         * @param type the MH Type, 8..255 (RFC 6275's types have records of their own)
         * @param data the Message Data
         * @throws IllegalArgumentException if {@code type} is out of range
         * @throws NullPointerException if {@code data} is null
         */
        public Raw {
            Check.inRange("type", type, Mip6Layout.BE + 1, 0xFF);
            Objects.requireNonNull(data, "data");
        }

        @Override
        public int length() {
            return data.length();
        }
    }
}
