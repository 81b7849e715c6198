package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Wire;

/**
 * Offsets, sizes and type numbers of the Mobility Header (RFC 6275 §6.1.1), its messages
 * (§6.1.2-§6.1.9 and the MH Types 8 to 23 of later RFCs) and its options (§6.2); the bit
 * diagrams are on {@link MobilityHeader}, {@link MobilityMessage} and {@link MobilityOption}.
 */
final class Mip6Layout {
    /** The IPv6 Next Header value of the Mobility Header (RFC 6275 §6.1.1). */
    static final int NEXT_HEADER = 135;
    /** Payload Proto: IPPROTO_NONE, the only value sent (RFC 6275 §6.1.1). */
    static final int PAYLOAD_PROTO = 59;
    /** Payload Proto, Header Len, MH Type, Reserved and Checksum: where the message starts. */
    static final int MESSAGE_OFFSET = 6;
    /** Offset of Header Len. */
    static final int HEADER_LEN_OFFSET = 1;
    /** Offset of MH Type. */
    static final int TYPE_OFFSET = 2;
    /** Offset of Reserved. */
    static final int RESERVED_OFFSET = 3;
    /** Offset of Checksum. */
    static final int CHECKSUM_OFFSET = 4;
    /** The header is a multiple of 8 octets; Header Len counts them after the first 8. */
    static final int UNIT = 8;
    /** The shortest header: Header Len 0. */
    static final int MIN_LENGTH = 8;
    /** The longest header: Header Len 255. */
    static final int MAX_LENGTH = 256 * UNIT;

    static final int BRR = 0;
    static final int HOTI = 1;
    static final int COTI = 2;
    static final int HOT = 3;
    static final int COT = 4;
    static final int BU = 5;
    static final int BA = 6;
    static final int BE = 7;
    static final int FBU = 8;
    static final int FBACK = 9;
    static final int FNA = 10;
    static final int EMH = 11;
    static final int HAS = 12;
    static final int HB = 13;
    static final int HI = 14;
    static final int HACK = 15;
    static final int BR = 16;
    static final int LRI = 17;
    static final int LRA = 18;
    static final int UN = 19;
    static final int UNA = 20;
    static final int FB = 21;
    static final int SQ = 22;
    static final int SR = 23;
    /** The last MH Type with a record of its own. */
    static final int LAST_DECODED = SR;

    /** Binding Revocation Types with a layout (RFC 5846 §5.1, §5.2): Indication and Acknowledgement. */
    static final int BR_INDICATION = 1;
    static final int BR_ACKNOWLEDGEMENT = 2;
    /** Flow Binding Types with a layout (RFC 7109 §6.1.1, §6.1.2): Indication and Acknowledgement. */
    static final int FB_INDICATION = 1;
    static final int FB_ACKNOWLEDGEMENT = 2;
    /** Home Agent Switch: # of Addresses and Reserved before the addresses (RFC 5142 §4). */
    static final int HAS_HEADER_LENGTH = 2;
    static final int HAS_ADDRESS_LENGTH = 16;

    /**
     * The fixed part of each message after the Checksum, in octets, by MH Type 0..23; -1 for the
     * Experimental Mobility Header (RFC 5096 §3: Message Data only), and for the Home Agent
     * Switch the part before its addresses. The least Header Len of a type is the one whose
     * header holds its fixed part: for RFC 6275's types that is the table of RFC 6275 §9.2,
     * Linux's {@code mip6_mh_len()} and tcpdump's {@code ip6m_hdrlen[]} (BRR 0; HoTI, CoTI, BU,
     * BA 1; HoT, CoT, BE 2); neither table goes past MH Type 7.
     */
    private static final int[] FIXED = {2, 10, 10, 18, 18, 6, 6, 18,
            6, 6, 2, -1, HAS_HEADER_LENGTH, 6, 4, 4, 6, 6, 6, 6, 6, 6, 2, 2};
    /** The section of each type's layout, for error messages. */
    private static final String[] SECTION = {"RFC 6275 §9.2", "RFC 6275 §9.2", "RFC 6275 §9.2", "RFC 6275 §9.2",
            "RFC 6275 §9.2", "RFC 6275 §9.2", "RFC 6275 §9.2", "RFC 6275 §9.2",
            "RFC 5568 §6.2.2", "RFC 5568 §6.2.3", "RFC 4068 §6.3.3", "RFC 5096 §3", "RFC 5142 §4", "RFC 5847 §3.3",
            "RFC 5568 §6.2.1.1", "RFC 5568 §6.2.1.2", "RFC 5846 §5.1", "RFC 6705 §10.1", "RFC 6705 §10.2",
            "RFC 7077 §4.1", "RFC 7077 §4.2", "RFC 7109 §6.1.1", "RFC 7161 §4.3.1.2", "RFC 7161 §4.3.2.2"};

    static final int PAD1 = 0;
    static final int PADN = 1;
    static final int BINDING_REFRESH_ADVICE = 2;
    static final int ALTERNATE_CARE_OF_ADDRESS = 3;
    static final int NONCE_INDICES = 4;
    static final int BINDING_AUTHORIZATION_DATA = 5;
    static final int MOBILE_NETWORK_PREFIX = 6;
    static final int MOBILE_NODE_IDENTIFIER = 8;
    static final int MOBILITY_MESSAGE_AUTHENTICATION = 9;
    static final int MOBILITY_MESSAGE_REPLAY_PROTECTION = 10;
    static final int IPV4_HOME_ADDRESS = 29;
    static final int IPV4_ADDRESS_ACKNOWLEDGEMENT = 30;
    static final int NAT_DETECTION = 31;
    static final int IPV4_CARE_OF_ADDRESS = 32;
    static final int BINDING_IDENTIFIER = 35;
    static final int FLOW_SUMMARY = 44;
    static final int FLOW_IDENTIFICATION = 45;
    /** An option's Type and Length. */
    static final int OPTION_HEADER_LENGTH = 2;
    /** The most data an option carries: Length is one octet. */
    static final int MAX_OPTION_DATA = 255;

    /** BU flags, the 16-bit word at offset 8 (RFC 6275 §6.1.7 and the IANA registry). */
    static final int BU_RESERVED_MASK = 0x000F;
    /** Flow Identification sub-options (RFC 6089 §4.2.1). */
    static final int FLOW_PAD1 = 0;
    static final int FLOW_PADN = 1;
    static final int FLOW_BID_REFERENCE = 2;
    static final int FLOW_TRAFFIC_SELECTOR = 3;
    /** FID, FID-PRI, Reserved and Status: where the Flow Identification sub-options start. */
    static final int FLOW_FIXED_LENGTH = 6;

    /** BID: the H flag of the octet after Status (RFC 5648). */
    static final int BID_H = 0x80;

    /** TS Format 1: the IPv4 binary traffic selector (RFC 6088 §3.1). */
    static final int TS_IPV4 = 1;
    /** TS Format 2: the IPv6 binary traffic selector (RFC 6088 §3.2). */
    static final int TS_IPV6 = 2;
    /** The TS Format and Reserved octets before the selector in a Traffic Selector sub-option. */
    static final int TS_HEADER_LENGTH = 2;
    /**
     * The 32-bit word that starts a binary selector (RFC 6088 §3.1 Figure 1, §3.2 Figure 2): the
     * flags in its first bits (A..N, 14, for IPv4; A..P, 16, for IPv6), Reserved in the rest.
     */
    static final int TS_FLAGS_LENGTH = 4;
    /** IPv4: the Start flags A, C, E, G, I, K, M (RFC 6088 §3.1). */
    static final int TS_V4_STARTS = 0xAAA8;
    /** IPv4: the End flags B, D, F, H, J, L, N, each the bit after its Start flag. */
    static final int TS_V4_ENDS = 0x5554;
    /** IPv4: the two Reserved bits after flag N in the first 16 bits of the word (16 more follow them). */
    static final int TS_V4_RESERVED = 0x0003;
    /** IPv6: the Start flags A, C, E, G, I, K, M, O (RFC 6088 §3.2). */
    static final int TS_V6_STARTS = 0xAAAA;
    /** IPv6: the End flags B, D, F, H, J, L, N, P. */
    static final int TS_V6_ENDS = 0x5555;

    /** IPv4 flags of the 4-octet fields (addresses A-D, SPI E-F), the 2-octet ones (ports G-J), the octets (K-N). */
    private static final int TS_V4_QUADS = 0xFC00;
    private static final int TS_V4_PAIRS = 0x03C0;
    private static final int TS_V4_OCTETS = 0x003C;
    /** IPv6 flags of the 16-octet addresses (A-D), the 4-octet SPI and flow label (E-H), ports (I-L), octets (M-P). */
    private static final int TS_V6_ADDRESSES = 0xF000;
    private static final int TS_V6_QUADS = 0x0F00;
    private static final int TS_V6_PAIRS = 0x00F0;
    private static final int TS_V6_OCTETS = 0x000F;

    private Mip6Layout() {
    }

    /** The fixed part after the Checksum of a message of MH Type 0..23 but 11, in octets (HAS: without addresses). */
    static int fixedLength(int type) {
        return FIXED[type];
    }

    /**
     * The fixed part after the Checksum of the message whose Message Data starts at absolute
     * {@code m} (at least 2 octets readable there), in octets; -1 when the message is kept as
     * octets with its options inside: the Experimental Mobility Header, MH Types 24 and above,
     * and the Binding Revocation and Flow Binding messages of a type other than Indication and
     * Acknowledgement, whose layout no RFC gives.
     */
    static int fixedLength(ByteBuffer src, int m, int type) {
        return switch (type) {
            case EMH -> -1;
            case HAS -> HAS_HEADER_LENGTH + HAS_ADDRESS_LENGTH * Wire.u8(src, m);
            case BR -> revocationType(Wire.u8(src, m)) ? FIXED[BR] : -1;
            case FB -> flowBindingType(Wire.u16(src, m)) ? FIXED[FB] : -1;
            default -> type <= LAST_DECODED ? FIXED[type] : -1;
        };
    }

    /** Whether a B.R. Type has a layout: Indication (1) or Acknowledgement (2), RFC 5846 §5.1, §5.2. */
    static boolean revocationType(int brType) {
        return brType == BR_INDICATION || brType == BR_ACKNOWLEDGEMENT;
    }

    /** Whether a Flow Binding Type has a layout: Indication (1) or Acknowledgement (2), RFC 7109 §6.1. */
    static boolean flowBindingType(int fbType) {
        return fbType == FB_INDICATION || fbType == FB_ACKNOWLEDGEMENT;
    }

    /**
     * Whether a message of MH Type {@code type} with Message Data {@code data} is one the decoder
     * keeps raw ({@link #fixedLength(ByteBuffer, int, int)} is -1 for it), the
     * Experimental Mobility Header aside, which has a record of its own.
     */
    static boolean raw(int type, ByteString data) {
        return switch (type) {
            case BR -> data.length() >= 1 && !revocationType(data.byteAt(0));
            case FB -> data.length() >= 2 && !flowBindingType(data.byteAt(0) << 8 | data.byteAt(1));
            default -> type > LAST_DECODED;
        };
    }

    /** The least Header Len whose header holds {@code fixed} octets after the Checksum. */
    static int minHeaderLen(int fixed) {
        return (MESSAGE_OFFSET + fixed + UNIT - 1) / UNIT - 1;
    }

    /** The section that lays out MH Type {@code type} (0..23), the B.R. or Flow Binding Type {@code subtype} for 16 and 21. */
    static String section(int type, int subtype) {
        if (type == BR && subtype == BR_ACKNOWLEDGEMENT) {
            return "RFC 5846 §5.2";
        }
        if (type == FB && subtype == FB_ACKNOWLEDGEMENT) {
            return "RFC 7109 §6.1.2";
        }
        return SECTION[type];
    }

    /**
     * The octets of a binary traffic selector (RFC 6088 §3.1, §3.2): the flags word and each
     * field whose flag {@code flags} sets; -1 for a TS Format other than 1 and 2.
     */
    static int tsLength(int format, int flags) {
        if (format == TS_IPV4) {
            return TS_FLAGS_LENGTH + 4 * Integer.bitCount(flags & TS_V4_QUADS)
                    + 2 * Integer.bitCount(flags & TS_V4_PAIRS) + Integer.bitCount(flags & TS_V4_OCTETS);
        }
        if (format == TS_IPV6) {
            return TS_FLAGS_LENGTH + 16 * Integer.bitCount(flags & TS_V6_ADDRESSES)
                    + 4 * Integer.bitCount(flags & TS_V6_QUADS) + 2 * Integer.bitCount(flags & TS_V6_PAIRS)
                    + Integer.bitCount(flags & TS_V6_OCTETS);
        }
        return -1;
    }

    /**
     * Whether {@code flags} sets an End flag without its Start flag, which RFC 6088 rules out
     * (each End field only with its Start field, §3.1, §3.2).
     */
    static boolean tsEndWithoutStart(int format, int flags) {
        int starts = format == TS_IPV4 ? TS_V4_STARTS : TS_V6_STARTS;
        int ends = format == TS_IPV4 ? TS_V4_ENDS : TS_V6_ENDS;
        return (flags & ends & ~((flags & starts) >>> 1)) != 0;
    }

    /** The RFC 6088 section of a binary TS Format, for error messages. */
    static String tsSection(int format) {
        return format == TS_IPV4 ? "RFC 6088 §3.1" : "RFC 6088 §3.2";
    }

    /** Whether an Option Type has a record of its own in {@link MobilityOption}. */
    static boolean hasRecord(int optionType) {
        return optionType <= MOBILE_NETWORK_PREFIX
                || optionType >= MOBILE_NODE_IDENTIFIER && optionType <= MOBILITY_MESSAGE_REPLAY_PROTECTION
                || optionType >= IPV4_HOME_ADDRESS && optionType <= IPV4_CARE_OF_ADDRESS
                || optionType == BINDING_IDENTIFIER || optionType == FLOW_SUMMARY
                || optionType == FLOW_IDENTIFICATION;
    }

    /**
     * The alignment an encoder gives an option (RFC 6275 §6.2.1 "xn+y"), as {@code x << 8 | y}:
     * BRA 2n, Alternate CoA 8n+6, Nonce Indices 2n, Binding Authorization Data 8n+2 (RFC 6275
     * §6.2.4-§6.2.7), Mobile Network Prefix 8n+4 (RFC 3963), Binding Identifier 8n+2 (satisfies
     * the 2n its BID needs and 8-aligns an IPv6 care-of address), the DSMIPv6 options (RFC 5555)
     * 8n+4, Flow Identification (RFC 6089) 8n+2, Flow Summary 2n; none for the others.
     */
    static int alignment(int optionType) {
        return switch (optionType) {
            case BINDING_REFRESH_ADVICE, NONCE_INDICES -> 2 << 8;
            case ALTERNATE_CARE_OF_ADDRESS -> 8 << 8 | 6;
            case BINDING_AUTHORIZATION_DATA, BINDING_IDENTIFIER -> 8 << 8 | 2;
            case MOBILE_NETWORK_PREFIX, IPV4_HOME_ADDRESS, IPV4_ADDRESS_ACKNOWLEDGEMENT, NAT_DETECTION,
                    IPV4_CARE_OF_ADDRESS -> 8 << 8 | 4;
            case FLOW_IDENTIFICATION -> 8 << 8 | 2;
            case FLOW_SUMMARY -> 2 << 8;
            default -> 1 << 8;
        };
    }
}
