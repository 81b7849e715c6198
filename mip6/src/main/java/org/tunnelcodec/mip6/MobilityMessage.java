package org.tunnelcodec.mip6;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Check;

/**
 * The message of a {@link MobilityHeader}: the fixed part of the Message Data that its MH Type
 * defines, from offset 6 (after the Checksum) to where the mobility options begin. Every MH Type
 * of the IANA registry up to 23 has a record of its own with every field, flag and reserved bit
 * as on the wire: RFC 6275's eight (§6.1.2-§6.1.9), the fast handover messages (RFC 5568, RFC
 * 4068), the Experimental Mobility Header (RFC 5096), Home Agent Switch (RFC 5142), Heartbeat
 * (RFC 5847), Binding Revocation (RFC 5846), Localized Routing (RFC 6705), Update Notification
 * (RFC 7077), Flow Binding (RFC 7109) and Subscription Query and Response (RFC 7161). Any
 * other type, and a Binding Revocation or Flow Binding message of a type no RFC lays out, is a
 * {@link Raw} message that keeps all its Message Data. Lifetimes are kept in their wire unit,
 * with a view in seconds; flag fields are kept whole, reserved bits included.
 *
 * <pre>
 * offsets from the first octet of the Mobility Header
 * BRR (0)         6: Reserved (16)                        8: options
 * HoTI (1), CoTI (2)  6: Reserved (16)  8: Init Cookie (64)  16: options
 * HoT (3), CoT (4)    6: Nonce Index (16)  8: Init Cookie (64)  16: Keygen Token (64)  24: options
 * BU (5)          6: Sequence # (16)  8: A H L K M R P F T B S D, reserved (4)  10: Lifetime (16)  12: options
 * BA (6)          6: Status (8)  7: K R P T B S D, reserved (1)  8: Sequence # (16)  10: Lifetime (16)  12: options
 * BE (7)          6: Status (8)  7: Reserved (8)  8: Home Address (128)  24: options
 * FBU (8)         6: Sequence # (16)  8: A H L K, reserved (12)  10: Lifetime (16)  12: options
 * FBack (9)       6: Status (8)  7: K, reserved (7)  8: Sequence # (16)  10: Lifetime (16)  12: options
 * FNA (10)        6: Reserved (16)                        8: options
 * EMH (11)        6: Message Data, to the end (no options of its own)
 * HAS (12)        6: # of Addresses (8)  7: Reserved (8)  8: Home Agent Addresses (128 each)  then options
 * HB (13)         6: reserved (14), U, R  8: Sequence Number (32)  12: options
 * HI (14)         6: Sequence # (16)  8: S U, reserved (6)  9: Code (8)  10: options
 * HAck (15)       6: Sequence # (16)  8: Reserved (8)  9: Code (8)  10: options
 * BRI, BRA (16)   6: B.R. Type (8)  7: R. Trigger or Status (8)  8: Sequence # (16)  10: P V G, reserved (13)  12: options
 * LRI (17)        6: Sequence # (16)  8: Reserved (16)  10: Lifetime (16)  12: options
 * LRA (18)        6: Sequence # (16)  8: U, reserved (7)  9: Status (8)  10: Lifetime (16)  12: options
 * UN (19)         6: Sequence # (16)  8: Notification Reason (16)  10: A D, reserved (14)  12: options
 * UNA (20)        6: Sequence # (16)  8: Status Code (8)  9: Reserved (24)  12: options
 * FBI, FBA (21)   6: Flow Binding Type (16)  8: Sequence # (16)  10: Trigger or Status (8)  11: A, reserved (7)  12: options
 * SQ (22)         6: Sequence # (8)  7: Reserved (8)  8: options
 * SR (23)         6: Sequence # (8)  7: I, reserved (7)  8: options
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
    /** MH Type of the Fast Binding Update (RFC 5568 §6.2.2). */
    int FAST_BINDING_UPDATE = Mip6Layout.FBU;
    /** MH Type of the Fast Binding Acknowledgment (RFC 5568 §6.2.3). */
    int FAST_BINDING_ACKNOWLEDGEMENT = Mip6Layout.FBACK;
    /** MH Type of the Fast Neighbor Advertisement (RFC 4068 §6.3.3; deprecated by RFC 5568 §6.2). */
    int FAST_NEIGHBOR_ADVERTISEMENT = Mip6Layout.FNA;
    /** MH Type of the Experimental Mobility Header (RFC 5096 §3). */
    int EXPERIMENTAL = Mip6Layout.EMH;
    /** MH Type of the Home Agent Switch (RFC 5142 §4). */
    int HOME_AGENT_SWITCH = Mip6Layout.HAS;
    /** MH Type of the Heartbeat (RFC 5847 §3.3). */
    int HEARTBEAT = Mip6Layout.HB;
    /** MH Type of the Handover Initiate (RFC 5568 §6.2.1.1). */
    int HANDOVER_INITIATE = Mip6Layout.HI;
    /** MH Type of the Handover Acknowledge (RFC 5568 §6.2.1.2). */
    int HANDOVER_ACKNOWLEDGE = Mip6Layout.HACK;
    /** MH Type of the Binding Revocation messages (RFC 5846 §5). */
    int BINDING_REVOCATION = Mip6Layout.BR;
    /** MH Type of the Localized Routing Initiation (RFC 6705 §10.1). */
    int LOCALIZED_ROUTING_INITIATION = Mip6Layout.LRI;
    /** MH Type of the Localized Routing Acknowledgment (RFC 6705 §10.2). */
    int LOCALIZED_ROUTING_ACKNOWLEDGEMENT = Mip6Layout.LRA;
    /** MH Type of the Update Notification (RFC 7077 §4.1). */
    int UPDATE_NOTIFICATION = Mip6Layout.UN;
    /** MH Type of the Update Notification Acknowledgement (RFC 7077 §4.2). */
    int UPDATE_NOTIFICATION_ACKNOWLEDGEMENT = Mip6Layout.UNA;
    /** MH Type of the Flow Binding messages (RFC 7109 §6.1). */
    int FLOW_BINDING = Mip6Layout.FB;
    /** MH Type of the Subscription Query (RFC 7161 §4.3.1). */
    int SUBSCRIPTION_QUERY = Mip6Layout.SQ;
    /** MH Type of the Subscription Response (RFC 7161 §4.3.2). */
    int SUBSCRIPTION_RESPONSE = Mip6Layout.SR;

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
     * Fast Binding Update (RFC 5568 §6.2.2): the mobile node asks its previous access router to
     * forward its traffic to the new care-of address. The layout is the Binding Update's: the
     * flags are the 16-bit word at offset 8, kept whole, of which RFC 5568 defines A, H, L and K;
     * the other twelve bits are Reserved (the Binding Update's later flags "are not relevant in
     * this message, and MUST be set to zero").
     *
     * <p>The Lifetime's unit is uncertain: RFC 5568 §6.2.2 calls it "the requested time in
     * seconds" while calling the message identical to the Binding Update (4-second units, RFC
     * 6275 §6.1.7), and RFC 4068 §6.3.1, which it obsoletes by way of RFC 5268, referred to RFC
     * 3775 for it; tshark 4.0 shows it in 4-second units. The field is kept as on the wire and
     * {@link #lifetimeSeconds()} follows RFC 5568's text.
     *
     * @param sequence the Sequence #, 0..65535, compared as the Binding Update's
     *                 ({@link BindingUpdate#isNewer})
     * @param flags    the 16-bit flag word: A 0x8000, H 0x4000, L 0x2000, K 0x1000, reserved 0x0FFF
     * @param lifetime the Lifetime as on the wire, 0..65535
     */
    record FastBindingUpdate(int sequence, int flags, int lifetime) implements MobilityMessage {
        /** A: the sender asks for a Fast Binding Acknowledgment (set by RFC 5568 senders). */
        public static final int A = 0x8000;
        /** H: home registration (set by RFC 5568 senders). */
        public static final int H = 0x4000;
        /** L: link-local address compatibility. */
        public static final int L = 0x2000;
        /** K: key management mobility capability. */
        public static final int K = 0x1000;
        /** The twelve Reserved bits after K. */
        public static final int RESERVED = 0x0FFF;

        /**
         * Checks the components.
         *
         * @param sequence the Sequence #, 0..65535
         * @param flags the 16-bit flag word, reserved bits included
         * @param lifetime the Lifetime, 0..65535
         * @throws IllegalArgumentException if a component is out of range
         */
        public FastBindingUpdate {
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("flags", flags, 0, 0xFFFF);
            Check.inRange("lifetime", lifetime, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return FAST_BINDING_UPDATE;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.FBU);
        }

        /**
         * Returns whether a flag bit is set.
         *
         * @param flag one of the flag constants, {@link #A} to {@link #K}
         * @return whether it is set
         */
        public boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /**
         * Returns the Lifetime in seconds as RFC 5568 §6.2.2 describes the field (one second a
         * unit; see the record's description for the 4-second reading).
         *
         * @return the Lifetime, 0..65535
         */
        public long lifetimeSeconds() {
            return lifetime;
        }

        /**
         * Returns the Reserved bits of the flag word (RFC 5568: set to zero).
         *
         * @return the low twelve bits, 0..0xFFF
         */
        public int reservedFlags() {
            return flags & RESERVED;
        }
    }

    /**
     * Fast Binding Acknowledgment (RFC 5568 §6.2.3): the previous access router's answer to a
     * Fast Binding Update, with the Binding Acknowledgement's layout. Status below 128 accepts
     * (0 accepted, 1 accepted but use the supplied new care-of address), 128 and above rejects
     * (128 reason unspecified, 129 administratively prohibited, 130 insufficient resources, 131
     * incorrect interface identifier length); unknown values are kept. The flag octet has K and
     * seven Reserved bits. The Lifetime's unit is uncertain as the Fast Binding Update's (RFC
     * 5568 §6.2.3: "the granted lifetime in seconds"; tshark 4.0 shows 4-second units).
     *
     * @param status   the Status, 0..255
     * @param flags    the flag octet: K 0x80, reserved 0x7F
     * @param sequence the Sequence # copied from the Fast Binding Update, 0..65535
     * @param lifetime the Lifetime as on the wire, 0..65535
     */
    record FastBindingAcknowledgement(int status, int flags, int sequence, int lifetime) implements MobilityMessage {
        /** K: key management mobility capability. */
        public static final int K = 0x80;
        /** The seven Reserved bits after K. */
        public static final int RESERVED = 0x7F;
        /** Status 0: Fast Binding Update accepted. */
        public static final int ACCEPTED = 0;
        /** Status 1: accepted, but the new care-of address is invalid: use the Alternate Care-of Address. */
        public static final int ACCEPTED_USE_SUPPLIED_NCOA = 1;

        /**
         * Checks the components.
         *
         * @param status the Status, 0..255
         * @param flags the flag octet, reserved bits included
         * @param sequence the Sequence #, 0..65535
         * @param lifetime the Lifetime, 0..65535
         * @throws IllegalArgumentException if a component is out of range
         */
        public FastBindingAcknowledgement {
            Check.inRange("status", status, 0, 0xFF);
            Check.inRange("flags", flags, 0, 0xFF);
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("lifetime", lifetime, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return FAST_BINDING_ACKNOWLEDGEMENT;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.FBACK);
        }

        /**
         * Returns whether the Status accepts the Fast Binding Update: below 128 (RFC 5568 §6.2.3).
         *
         * @return whether the Status is below 128
         */
        public boolean accepted() {
            return status < 128;
        }

        /**
         * Returns K: key management mobility capability.
         *
         * @return whether K is set
         */
        public boolean keyManagement() {
            return (flags & K) != 0;
        }

        /**
         * Returns the Lifetime in seconds as RFC 5568 §6.2.3 describes the field (one second a unit).
         *
         * @return the Lifetime, 0..65535
         */
        public long lifetimeSeconds() {
            return lifetime;
        }

        /**
         * Returns the Reserved bits of the flag octet (RFC 5568: set to zero).
         *
         * @return the low seven bits, 0..0x7F
         */
        public int reservedFlags() {
            return flags & RESERVED;
        }
    }

    /**
     * Fast Neighbor Advertisement (RFC 4068 §6.3.3): the mobile node announces itself to the new
     * access router. RFC 5568 deprecates the message (§6.2, in favour of the ICMPv6 Unsolicited
     * Neighbor Advertisement, §6.3) but keeps its MH Type. RFC 4068 lets its Payload Proto be 41
     * to carry a Fast Binding Update after it; the decoder refuses any Payload Proto but 59, as
     * RFC 6275 §9.2 has a receiver do, so such a message is refused.
     *
     * @param reserved the 16-bit Reserved field, 0..65535 (0 when sent)
     */
    record FastNeighborAdvertisement(int reserved) implements MobilityMessage {
        /**
         * Checks the component.
         *
         * @param reserved the 16-bit Reserved field, 0..65535
         * @throws IllegalArgumentException if {@code reserved} is out of range
         */
        public FastNeighborAdvertisement {
            Check.inRange("reserved", reserved, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return FAST_NEIGHBOR_ADVERTISEMENT;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.FNA);
        }
    }

    /**
     * Experimental Mobility Header (RFC 5096 §3): no fields "beyond the required fields in the
     * Mobility Header"; the Message Data carries the experiment's data, whatever it is, to the
     * end of the header (the header takes no options of its own, so none are parsed). A message
     * without data has two octets of padding (Header Len 0).
     *
     * @param data the Message Data: every octet after the Checksum
     */
    record Experimental(ByteString data) implements MobilityMessage {
        /**
         * Checks the component.
         *
         * @param data the Message Data
         * @throws NullPointerException if {@code data} is null
         */
        public Experimental {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public int type() {
            return EXPERIMENTAL;
        }

        @Override
        public int length() {
            return data.length();
        }
    }

    /**
     * Home Agent Switch (RFC 5142 §4): the home agent asks the mobile node to find another home
     * agent, and may suggest some. The # of Addresses field is derived from the list (0: the
     * mobile node discovers a home agent itself); the options follow the addresses.
     *
     * @param reserved   the Reserved octet, 0..255 (0 when sent)
     * @param homeAgents the Home Agent Addresses, in wire order, at most 255
     */
    record HomeAgentSwitch(int reserved, List<Ipv6Address> homeAgents) implements MobilityMessage {
        /**
         * Checks the components.
         *
         * @param reserved the Reserved octet, 0..255
         * @param homeAgents the Home Agent Addresses
         * @throws IllegalArgumentException if {@code reserved} is out of range or there are more
         *     than 255 addresses
         * @throws NullPointerException if {@code homeAgents} or an address is null
         */
        public HomeAgentSwitch {
            Check.inRange("reserved", reserved, 0, 0xFF);
            homeAgents = List.copyOf(homeAgents);
            Check.inRange("homeAgents.size()", homeAgents.size(), 0, 0xFF);
        }

        @Override
        public int type() {
            return HOME_AGENT_SWITCH;
        }

        @Override
        public int length() {
            return Mip6Layout.HAS_HEADER_LENGTH + Mip6Layout.HAS_ADDRESS_LENGTH * homeAgents.size();
        }
    }

    /**
     * Heartbeat (RFC 5847 §3.3): a mobile access gateway and a local mobility anchor check that
     * the other is alive. The first 16 bits are fourteen Reserved bits, U and R, kept whole.
     *
     * @param flags    the 16-bit word: U 0x0002 (unsolicited response), R 0x0001 (response),
     *                 reserved 0xFFFC
     * @param sequence the 32-bit Sequence Number that matches a response to its request,
     *                 0..4294967295
     */
    record Heartbeat(int flags, long sequence) implements MobilityMessage {
        /** U: set in an unsolicited Heartbeat Response. */
        public static final int U = 0x0002;
        /** R: a response (clear: a request). */
        public static final int R = 0x0001;
        /** The fourteen Reserved bits before U. */
        public static final int RESERVED = 0xFFFC;

        /**
         * Checks the components.
         *
         * @param flags the 16-bit word, reserved bits included
         * @param sequence the Sequence Number, 0..4294967295
         * @throws IllegalArgumentException if a component is out of range
         */
        public Heartbeat {
            Check.inRange("flags", flags, 0, 0xFFFF);
            Check.inRange("sequence", sequence, 0, 0xFFFF_FFFFL);
        }

        @Override
        public int type() {
            return HEARTBEAT;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.HB);
        }

        /**
         * Returns R: whether this is a Heartbeat Response.
         *
         * @return whether R is set
         */
        public boolean response() {
            return (flags & R) != 0;
        }

        /**
         * Returns U: whether this is an unsolicited Heartbeat Response.
         *
         * @return whether U is set
         */
        public boolean unsolicited() {
            return (flags & U) != 0;
        }

        /**
         * Returns the Reserved bits (RFC 5847: set to 0, ignored).
         *
         * @return the bits other than U and R
         */
        public int reservedFlags() {
            return flags & RESERVED;
        }
    }

    /**
     * Handover Initiate (RFC 5568 §6.2.1.1): the previous access router starts a mobile node's
     * handover with the new one. The flag octet has S (assigned address configuration), U
     * (buffer) and six Reserved bits; Code 0 when the Fast Binding Update came from the previous
     * care-of address, 1 otherwise.
     *
     * @param sequence the Sequence #, 0..65535, which the Handover Acknowledge copies
     * @param flags    the flag octet: S 0x80, U 0x40, reserved 0x3F
     * @param code     the Code, 0..255
     */
    record HandoverInitiate(int sequence, int flags, int code) implements MobilityMessage {
        /** S: the sender asks the new access router for a care-of address. */
        public static final int S = 0x80;
        /** U: the new access router should buffer the mobile node's packets. */
        public static final int U = 0x40;
        /** The six Reserved bits after U. */
        public static final int RESERVED = 0x3F;

        /**
         * Checks the components.
         *
         * @param sequence the Sequence #, 0..65535
         * @param flags the flag octet, reserved bits included
         * @param code the Code, 0..255
         * @throws IllegalArgumentException if a component is out of range
         */
        public HandoverInitiate {
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("flags", flags, 0, 0xFF);
            Check.inRange("code", code, 0, 0xFF);
        }

        @Override
        public int type() {
            return HANDOVER_INITIATE;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.HI);
        }

        /**
         * Returns whether a flag bit is set.
         *
         * @param flag {@link #S} or {@link #U}
         * @return whether it is set
         */
        public boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /**
         * Returns the Reserved bits of the flag octet (RFC 5568: set to zero, ignored).
         *
         * @return the low six bits, 0..0x3F
         */
        public int reservedFlags() {
            return flags & RESERVED;
        }
    }

    /**
     * Handover Acknowledge (RFC 5568 §6.2.1.2): the new access router's answer to a Handover
     * Initiate. Code below 128 accepts (0 new care-of address valid, 1 not valid or in use, 2
     * assigned, 3 use the previous care-of address, 4 unsolicited), 128 and above refuses.
     *
     * @param sequence the Sequence # copied from the Handover Initiate, 0..65535
     * @param reserved the Reserved octet, 0..255 (0 when sent)
     * @param code     the Code, 0..255
     */
    record HandoverAcknowledge(int sequence, int reserved, int code) implements MobilityMessage {
        /**
         * Checks the components.
         *
         * @param sequence the Sequence #, 0..65535
         * @param reserved the Reserved octet, 0..255
         * @param code the Code, 0..255
         * @throws IllegalArgumentException if a component is out of range
         */
        public HandoverAcknowledge {
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("reserved", reserved, 0, 0xFF);
            Check.inRange("code", code, 0, 0xFF);
        }

        @Override
        public int type() {
            return HANDOVER_ACKNOWLEDGE;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.HACK);
        }

        /**
         * Returns whether the Code accepts the handover: below 128 (RFC 5568 §6.2.1.2).
         *
         * @return whether the Code is below 128
         */
        public boolean accepted() {
            return code < 128;
        }
    }

    /**
     * Binding Revocation Indication (B.R. Type 1, RFC 5846 §5.1) or Acknowledgement (B.R. Type 2,
     * §5.2). The octet after the B.R. Type is the Revocation Trigger of an Indication (per mobile
     * node below 128, global from 128, 250-255 for testing) or the Status of an Acknowledgement
     * (below 128 success, 128 and above rejected). The 16 bits after the Sequence # are P, V, G
     * and thirteen Reserved bits, kept whole. B.R. Types other than 1 and 2 have no layout in
     * RFC 5846 (§5: 0 reserved, the others unassigned): such messages are {@link Raw}.
     *
     * @param revocationType  the B.R. Type, {@link #INDICATION} or {@link #ACKNOWLEDGEMENT}
     * @param triggerOrStatus the Revocation Trigger (Indication) or Status (Acknowledgement), 0..255
     * @param sequence        the Sequence #, 0..65535, which the Acknowledgement copies
     * @param flags           the 16-bit word: P 0x8000, V 0x4000, G 0x2000, reserved 0x1FFF
     */
    record BindingRevocation(int revocationType, int triggerOrStatus, int sequence, int flags)
            implements MobilityMessage {
        /** B.R. Type 1: Binding Revocation Indication. */
        public static final int INDICATION = Mip6Layout.BR_INDICATION;
        /** B.R. Type 2: Binding Revocation Acknowledgement. */
        public static final int ACKNOWLEDGEMENT = Mip6Layout.BR_ACKNOWLEDGEMENT;
        /** P: the revoked bindings are Proxy Mobile IPv6 bindings. */
        public static final int P = 0x8000;
        /** V: only the IPv4 home address binding is revoked. */
        public static final int V = 0x4000;
        /** G: global revocation. */
        public static final int G = 0x2000;
        /** The thirteen Reserved bits after G. */
        public static final int RESERVED = 0x1FFF;

        /**
         * Checks the components.
         *
         * @param revocationType the B.R. Type, 1 or 2
         * @param triggerOrStatus the Revocation Trigger or Status, 0..255
         * @param sequence the Sequence #, 0..65535
         * @param flags the 16-bit word, reserved bits included
         * @throws IllegalArgumentException if a component is out of range
         */
        public BindingRevocation {
            Check.argument(Mip6Layout.revocationType(revocationType), "revocationType", revocationType,
                    "1 (Indication) or 2 (Acknowledgement); other B.R. Types are Raw");
            Check.inRange("triggerOrStatus", triggerOrStatus, 0, 0xFF);
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("flags", flags, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return BINDING_REVOCATION;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.BR);
        }

        /**
         * Returns whether this is a Binding Revocation Indication (B.R. Type 1).
         *
         * @return whether the B.R. Type is 1
         */
        public boolean indication() {
            return revocationType == INDICATION;
        }

        /**
         * Returns whether a flag bit is set.
         *
         * @param flag {@link #P}, {@link #V} or {@link #G}
         * @return whether it is set
         */
        public boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /**
         * Returns the Reserved bits (RFC 5846: initialized to zero, ignored).
         *
         * @return the low thirteen bits, 0..0x1FFF
         */
        public int reservedFlags() {
            return flags & RESERVED;
        }
    }

    /**
     * Localized Routing Initiation (RFC 6705 §10.1): a local mobility anchor or mobile access
     * gateway asks for local forwarding between two mobile nodes. The Lifetime is in seconds;
     * 0xFFFF is infinite and 0 stops localized routing.
     *
     * @param sequence the Sequence #, 0..65535, which the acknowledgment copies
     * @param reserved the 16-bit Reserved field, 0..65535 (0 when sent)
     * @param lifetime the Lifetime in seconds, 0..65535
     */
    record LocalizedRoutingInitiation(int sequence, int reserved, int lifetime) implements MobilityMessage {
        /** Lifetime 0xFFFF: infinite (RFC 6705 §10.1). */
        public static final int INFINITE = 0xFFFF;

        /**
         * Checks the components.
         *
         * @param sequence the Sequence #, 0..65535
         * @param reserved the Reserved field, 0..65535
         * @param lifetime the Lifetime in seconds, 0..65535
         * @throws IllegalArgumentException if a component is out of range
         */
        public LocalizedRoutingInitiation {
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("reserved", reserved, 0, 0xFFFF);
            Check.inRange("lifetime", lifetime, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return LOCALIZED_ROUTING_INITIATION;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.LRI);
        }

        /**
         * Returns the Lifetime in seconds (RFC 6705 §10.1: one second a unit); 65535 means
         * infinite ({@link #infinite()}).
         *
         * @return the Lifetime, 0..65535
         */
        public long lifetimeSeconds() {
            return lifetime;
        }

        /**
         * Returns whether the Lifetime is infinite: 0xFFFF.
         *
         * @return whether the Lifetime is 0xFFFF
         */
        public boolean infinite() {
            return lifetime == INFINITE;
        }
    }

    /**
     * Localized Routing Acknowledgment (RFC 6705 §10.2): the answer to a Localized Routing
     * Initiation. The flag octet has U (sent unsolicited) and seven Reserved bits; Status below
     * 128 succeeds (0), 128 and above fails (128 not allowed, 129 mobile node not attached). The
     * Lifetime is in seconds, typically the initiation's.
     *
     * @param sequence the Sequence # copied from the initiation, 0..65535
     * @param flags    the flag octet: U 0x80, reserved 0x7F
     * @param status   the Status, 0..255
     * @param lifetime the Lifetime in seconds, 0..65535
     */
    record LocalizedRoutingAcknowledgement(int sequence, int flags, int status, int lifetime)
            implements MobilityMessage {
        /** U: the acknowledgment is sent unsolicited. */
        public static final int U = 0x80;
        /** The seven Reserved bits after U. */
        public static final int RESERVED = 0x7F;

        /**
         * Checks the components.
         *
         * @param sequence the Sequence #, 0..65535
         * @param flags the flag octet, reserved bits included
         * @param status the Status, 0..255
         * @param lifetime the Lifetime in seconds, 0..65535
         * @throws IllegalArgumentException if a component is out of range
         */
        public LocalizedRoutingAcknowledgement {
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("flags", flags, 0, 0xFF);
            Check.inRange("status", status, 0, 0xFF);
            Check.inRange("lifetime", lifetime, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return LOCALIZED_ROUTING_ACKNOWLEDGEMENT;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.LRA);
        }

        /**
         * Returns U: whether the acknowledgment is unsolicited.
         *
         * @return whether U is set
         */
        public boolean unsolicited() {
            return (flags & U) != 0;
        }

        /**
         * Returns whether the Status succeeds: below 128 (RFC 6705 §10.2).
         *
         * @return whether the Status is below 128
         */
        public boolean accepted() {
            return status < 128;
        }

        /**
         * Returns the Lifetime in seconds (RFC 6705 §10.2: one second a unit).
         *
         * @return the Lifetime, 0..65535
         */
        public long lifetimeSeconds() {
            return lifetime;
        }

        /**
         * Returns the Reserved bits of the flag octet (RFC 6705: set to zero).
         *
         * @return the low seven bits, 0..0x7F
         */
        public int reservedFlags() {
            return flags & RESERVED;
        }
    }

    /**
     * Update Notification (RFC 7077 §4.1): a local mobility anchor tells a mobile access gateway
     * that a session changed. The Notification Reason is 16 bits in the figure and the text of
     * §4.1 ("This 16-bit unsigned integer"), although the values defined (1 to 4, reserved 0 and
     * 255) fit in an octet; it is kept as 16 bits. The 16 bits after it are A, D and fourteen
     * Reserved bits, kept whole.
     *
     * @param sequence the Sequence #, 0..65535, which the acknowledgement copies
     * @param reason   the Notification Reason, 0..65535 (1 force re-registration, 2 update
     *                 session parameters, 3 vendor-specific, 4 ANI parameters requested)
     * @param flags    the 16-bit word: A 0x8000, D 0x4000, reserved 0x3FFF
     */
    record UpdateNotification(int sequence, int reason, int flags) implements MobilityMessage {
        /** A: the sender asks for an Update Notification Acknowledgement. */
        public static final int A = 0x8000;
        /** D: a retransmission. */
        public static final int D = 0x4000;
        /** The fourteen Reserved bits after D. */
        public static final int RESERVED = 0x3FFF;

        /**
         * Checks the components.
         *
         * @param sequence the Sequence #, 0..65535
         * @param reason the Notification Reason, 0..65535
         * @param flags the 16-bit word, reserved bits included
         * @throws IllegalArgumentException if a component is out of range
         */
        public UpdateNotification {
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("reason", reason, 0, 0xFFFF);
            Check.inRange("flags", flags, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return UPDATE_NOTIFICATION;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.UN);
        }

        /**
         * Returns whether a flag bit is set.
         *
         * @param flag {@link #A} or {@link #D}
         * @return whether it is set
         */
        public boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /**
         * Returns the Reserved bits (RFC 7077: initialized to 0, ignored).
         *
         * @return the low fourteen bits, 0..0x3FFF
         */
        public int reservedFlags() {
            return flags & RESERVED;
        }
    }

    /**
     * Update Notification Acknowledgement (RFC 7077 §4.2): the mobile access gateway's answer.
     * Status Code below 128 succeeds (0), 128 and above fails (128 failed to update session
     * parameters, 129 missing vendor-specific option). The Reserved field is 24 bits.
     *
     * @param sequence the Sequence # copied from the Update Notification, 0..65535
     * @param status   the Status Code, 0..255
     * @param reserved the 24-bit Reserved field, 0..0xFFFFFF (0 when sent)
     */
    record UpdateNotificationAcknowledgement(int sequence, int status, int reserved) implements MobilityMessage {
        /**
         * Checks the components.
         *
         * @param sequence the Sequence #, 0..65535
         * @param status the Status Code, 0..255
         * @param reserved the Reserved field, 0..0xFFFFFF
         * @throws IllegalArgumentException if a component is out of range
         */
        public UpdateNotificationAcknowledgement {
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("status", status, 0, 0xFF);
            Check.inRange("reserved", reserved, 0, 0xFF_FFFF);
        }

        @Override
        public int type() {
            return UPDATE_NOTIFICATION_ACKNOWLEDGEMENT;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.UNA);
        }

        /**
         * Returns whether the Status Code succeeds: below 128 (RFC 7077 §4.2).
         *
         * @return whether the Status Code is below 128
         */
        public boolean accepted() {
            return status < 128;
        }
    }

    /**
     * Flow Binding Indication (Flow Binding Type 1, RFC 7109 §6.1.1) or Acknowledgement (Flow
     * Binding Type 2, §6.1.2): a home agent asks the mobile node to add, delete, modify, refresh,
     * move or revoke flow bindings, and the mobile node acknowledges. The octet after the
     * Sequence # is the Trigger of an Indication (1 unspecified, 2 administrative reason, 3
     * possible out-of-sync state, 250-255 testing) or the Status of an Acknowledgement (below 128
     * success); the next octet is A and seven Reserved bits in an Indication, eight Reserved bits
     * in an Acknowledgement, kept whole either way.
     *
     * <p>The Flow Binding Type is 16 bits wide as the figures of §6.1.1 and §6.1.2 draw it (it
     * fills the two octets before the Sequence #); the text gives no width. Flow Binding Types
     * other than 1 and 2 have no layout: such messages are {@link Raw}.
     *
     * @param bindingType     the Flow Binding Type, {@link #INDICATION} or {@link #ACKNOWLEDGEMENT}
     * @param sequence        the Sequence #, 0..65535, which the Acknowledgement copies
     * @param triggerOrStatus the Trigger (Indication) or Status (Acknowledgement), 0..255
     * @param flags           the octet after it: A 0x80 and reserved 0x7F in an Indication,
     *                        reserved in an Acknowledgement
     */
    record FlowBinding(int bindingType, int sequence, int triggerOrStatus, int flags) implements MobilityMessage {
        /** Flow Binding Type 1: Flow Binding Indication. */
        public static final int INDICATION = Mip6Layout.FB_INDICATION;
        /** Flow Binding Type 2: Flow Binding Acknowledgement. */
        public static final int ACKNOWLEDGEMENT = Mip6Layout.FB_ACKNOWLEDGEMENT;
        /** A: the home agent asks for a Flow Binding Acknowledgement (Indication only). */
        public static final int A = 0x80;

        /**
         * Checks the components.
         *
         * @param bindingType the Flow Binding Type, 1 or 2
         * @param sequence the Sequence #, 0..65535
         * @param triggerOrStatus the Trigger or Status, 0..255
         * @param flags the octet after it, reserved bits included
         * @throws IllegalArgumentException if a component is out of range
         */
        public FlowBinding {
            Check.argument(Mip6Layout.flowBindingType(bindingType), "bindingType", bindingType,
                    "1 (Indication) or 2 (Acknowledgement); other Flow Binding Types are Raw");
            Check.inRange("sequence", sequence, 0, 0xFFFF);
            Check.inRange("triggerOrStatus", triggerOrStatus, 0, 0xFF);
            Check.inRange("flags", flags, 0, 0xFF);
        }

        @Override
        public int type() {
            return FLOW_BINDING;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.FB);
        }

        /**
         * Returns whether this is a Flow Binding Indication (Flow Binding Type 1).
         *
         * @return whether the Flow Binding Type is 1
         */
        public boolean indication() {
            return bindingType == INDICATION;
        }

        /**
         * Returns A of an Indication: an acknowledgement is requested.
         *
         * @return whether this is an Indication with A set
         */
        public boolean acknowledge() {
            return indication() && (flags & A) != 0;
        }

        /**
         * Returns the Reserved bits of the octet: all but A in an Indication, all of it in an
         * Acknowledgement (RFC 7109: initialized to zero, ignored).
         *
         * @return the Reserved bits
         */
        public int reservedFlags() {
            return indication() ? flags & ~A : flags;
        }
    }

    /**
     * Subscription Query (RFC 7161 §4.3.1): a local mobility anchor or mobile access gateway asks
     * for a mobile node's active multicast subscriptions. The Sequence # is 8 bits, compared
     * modulo 2^8 ({@link #isNewer}).
     *
     * @param sequence the Sequence #, 0..255
     * @param reserved the Reserved octet, 0..255 (0 when sent)
     */
    record SubscriptionQuery(int sequence, int reserved) implements MobilityMessage {
        /**
         * Checks the components.
         *
         * @param sequence the Sequence #, 0..255
         * @param reserved the Reserved octet, 0..255
         * @throws IllegalArgumentException if a component is out of range
         */
        public SubscriptionQuery {
            Check.inRange("sequence", sequence, 0, 0xFF);
            Check.inRange("reserved", reserved, 0, 0xFF);
        }

        @Override
        public int type() {
            return SUBSCRIPTION_QUERY;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.SQ);
        }

        /**
         * Returns whether {@code candidate} is newer than {@code last} modulo 2^8 (RFC 7161
         * §4.3.1.2: a number is less than or equal to the last one when it is the last one or
         * among the 128 before it).
         *
         * @param candidate a Sequence #, 0..255
         * @param last the last received Sequence #, 0..255
         * @return whether {@code candidate} comes after {@code last}
         */
        public static boolean isNewer(int candidate, int last) {
            int d = (candidate - last) & 0xFF;
            return d != 0 && d < 0x80;
        }
    }

    /**
     * Subscription Response (RFC 7161 §4.3.2): the answer to a Subscription Query. The flag octet
     * has I (multicast subscription information follows, in Active Multicast Subscription
     * options) and seven Reserved bits.
     *
     * @param sequence the Sequence # copied from the query, 0..255
     * @param flags    the flag octet: I 0x80, reserved 0x7F
     */
    record SubscriptionResponse(int sequence, int flags) implements MobilityMessage {
        /** I: multicast subscription information is available. */
        public static final int I = 0x80;
        /** The seven Reserved bits after I. */
        public static final int RESERVED = 0x7F;

        /**
         * Checks the components.
         *
         * @param sequence the Sequence #, 0..255
         * @param flags the flag octet, reserved bits included
         * @throws IllegalArgumentException if a component is out of range
         */
        public SubscriptionResponse {
            Check.inRange("sequence", sequence, 0, 0xFF);
            Check.inRange("flags", flags, 0, 0xFF);
        }

        @Override
        public int type() {
            return SUBSCRIPTION_RESPONSE;
        }

        @Override
        public int length() {
            return Mip6Layout.fixedLength(Mip6Layout.SR);
        }

        /**
         * Returns I: whether multicast subscription information is available.
         *
         * @return whether I is set
         */
        public boolean information() {
            return (flags & I) != 0;
        }

        /**
         * Returns the Reserved bits of the flag octet (RFC 7161: initialized to 0).
         *
         * @return the low seven bits, 0..0x7F
         */
        public int reservedFlags() {
            return flags & RESERVED;
        }
    }

    /**
     * A message the decoder keeps as octets: an MH Type without a record (24 and above), or a
     * Binding Revocation (16) whose B.R. Type is not 1 or 2, or a Flow Binding (21) whose Flow
     * Binding Type is not 1 or 2, whose layouts no RFC gives. It holds its whole Message Data,
     * options included, as on the wire. A receiver that does not know the type answers with a
     * Binding Error of status 2 (RFC 6275 §9.2).
     *
     * @param type the MH Type: 24..255, or 16 or 21
     * @param data the Message Data: every octet after the Checksum
     */
    record Raw(int type, ByteString data) implements MobilityMessage {
        /**
         * Checks the components.
         *
         * @param type the MH Type: 24..255, or 16 with a first octet (B.R. Type) other than 1
         *             and 2, or 21 with a first 16 bits (Flow Binding Type) other than 1 and 2;
         *             the other types have records of their own
         * @param data the Message Data
         * @throws IllegalArgumentException if {@code type} is out of range or has a record for
         *     this data
         * @throws NullPointerException if {@code data} is null
         */
        public Raw {
            Check.inRange("type", type, 0, 0xFF);
            Objects.requireNonNull(data, "data");
            Check.argument(Mip6Layout.raw(type, data), "type", type,
                    "24..255, or 16 or 21 with a B.R. or Flow Binding Type other than 1 and 2");
        }

        @Override
        public int length() {
            return data.length();
        }
    }
}
