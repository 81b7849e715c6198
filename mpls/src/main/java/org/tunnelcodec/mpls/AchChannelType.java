package org.tunnelcodec.mpls;

import java.util.Map;
import org.tunnelcodec.core.CodePoint;
import org.tunnelcodec.core.internal.Check;

/**
 * The Channel Type of an Associated Channel Header: a value of the IANA registry "MPLS
 * Generalized Associated Channel (G-ACh) Types (including Pseudowire Associated Channel Types)"
 * (RFC 4385 §5, RFC 5586 §2, RFC 7214), which says what the channel payload is.
 *
 * <p>An open value type: any value in 0..65535 is legal, and the constants below name the
 * values IANA has assigned (the registry as updated 2025-06-02); 0x7FF8-0x7FFF are reserved for
 * experimental use ({@link #isExperimental()}, RFC 5586). {@link #toString()} gives
 * {@code NAME(0x...)} for a known value and the bare hexadecimal for an unknown one.
 *
 * @param value the code point as it is on the wire
 */
public record AchChannelType(int value) implements CodePoint {
    /** Management Communication Channel, MCC (RFC 5718). */
    public static final AchChannelType MCC = new AchChannelType(0x0001);
    /** Signaling Communication Channel, SCC (RFC 5718). */
    public static final AchChannelType SCC = new AchChannelType(0x0002);
    /** BFD Control, PW-ACH encapsulation, without IP/UDP headers (RFC 5885). */
    public static final AchChannelType BFD_CONTROL = new AchChannelType(0x0007);
    /** S-BFD Control, PW-ACH/L2SS encapsulation, without IP/UDP headers (RFC 7885). */
    public static final AchChannelType S_BFD_CONTROL = new AchChannelType(0x0008);
    /** MPLS-TP Dual-Homing Coordination message (RFC 8185). */
    public static final AchChannelType DUAL_HOMING_COORDINATION = new AchChannelType(0x0009);
    /** MPLS Direct Loss Measurement, DLM (RFC 6374). */
    public static final AchChannelType DIRECT_LOSS_MEASUREMENT = new AchChannelType(0x000A);
    /** MPLS Inferred Loss Measurement, ILM (RFC 6374). */
    public static final AchChannelType INFERRED_LOSS_MEASUREMENT = new AchChannelType(0x000B);
    /** MPLS Delay Measurement, DM (RFC 6374). */
    public static final AchChannelType DELAY_MEASUREMENT = new AchChannelType(0x000C);
    /** MPLS Direct Loss and Delay Measurement, DLM+DM (RFC 6374). */
    public static final AchChannelType DIRECT_LOSS_AND_DELAY_MEASUREMENT = new AchChannelType(0x000D);
    /** MPLS Inferred Loss and Delay Measurement, ILM+DM (RFC 6374). */
    public static final AchChannelType INFERRED_LOSS_AND_DELAY_MEASUREMENT = new AchChannelType(0x000E);
    /** Residence Time Measurement (RFC 8169). */
    public static final AchChannelType RESIDENCE_TIME_MEASUREMENT = new AchChannelType(0x000F);
    /** Time Bucket Jitter Measurement (RFC 9571). */
    public static final AchChannelType TIME_BUCKET_JITTER_MEASUREMENT = new AchChannelType(0x0010);
    /** Multi-packet Delay Measurement (RFC 9571). */
    public static final AchChannelType MULTI_PACKET_DELAY_MEASUREMENT = new AchChannelType(0x0011);
    /** Average Delay Measurement (RFC 9571). */
    public static final AchChannelType AVERAGE_DELAY_MEASUREMENT = new AchChannelType(0x0012);
    /** Multipoint BFD Session (RFC 9780). */
    public static final AchChannelType MULTIPOINT_BFD_SESSION = new AchChannelType(0x0013);
    /** The associated channel carries an IPv4 packet (RFC 4385 §5). */
    public static final AchChannelType IPV4 = new AchChannelType(0x0021);
    /** MPLS-TP Continuity Check message, BFD based (RFC 6428). */
    public static final AchChannelType MPLS_TP_CC = new AchChannelType(0x0022);
    /** MPLS-TP Connectivity Verification message, BFD based (RFC 6428). */
    public static final AchChannelType MPLS_TP_CV = new AchChannelType(0x0023);
    /** Protection State Coordination Protocol, PSC-CT (RFC 6378). */
    public static final AchChannelType PSC = new AchChannelType(0x0024);
    /** On-Demand Connectivity Verification (RFC 6426). */
    public static final AchChannelType ON_DEMAND_CV = new AchChannelType(0x0025);
    /** Lock Instruct, LI (RFC 6435). */
    public static final AchChannelType LI = new AchChannelType(0x0026);
    /** PW OAM Message (RFC 6478). */
    public static final AchChannelType PW_OAM = new AchChannelType(0x0027);
    /** MAC Withdraw OAM Message (RFC 7769). */
    public static final AchChannelType MAC_WITHDRAW_OAM = new AchChannelType(0x0028);
    /** PW Status Refresh Reduction (RFC 8237). */
    public static final AchChannelType PW_STATUS_REFRESH_REDUCTION = new AchChannelType(0x0029);
    /** Ring Protection Switching protocol, RPS (RFC 8227). */
    public static final AchChannelType RING_PROTECTION_SWITCHING = new AchChannelType(0x002A);
    /** The associated channel carries an IPv6 packet (RFC 4385 §5). */
    public static final AchChannelType IPV6 = new AchChannelType(0x0057);
    /** Fault OAM (RFC 6427). */
    public static final AchChannelType FAULT_OAM = new AchChannelType(0x0058);
    /** G-ACh Advertisement Protocol (RFC 7212). */
    public static final AchChannelType GACH_ADVERTISEMENT = new AchChannelType(0x0059);
    /** ITU-T G.8113.1 OAM (RFC 6671). */
    public static final AchChannelType G_8113_1_OAM = new AchChannelType(0x8902);

    /** The first value reserved for experimental use (RFC 5586). */
    private static final int EXPERIMENTAL_FIRST = 0x7FF8;
    /** The last value reserved for experimental use (RFC 5586). */
    private static final int EXPERIMENTAL_LAST = 0x7FFF;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x0001, "MCC"),
            Map.entry(0x0002, "SCC"),
            Map.entry(0x0007, "BFD_CONTROL"),
            Map.entry(0x0008, "S_BFD_CONTROL"),
            Map.entry(0x0009, "DUAL_HOMING_COORDINATION"),
            Map.entry(0x000A, "DIRECT_LOSS_MEASUREMENT"),
            Map.entry(0x000B, "INFERRED_LOSS_MEASUREMENT"),
            Map.entry(0x000C, "DELAY_MEASUREMENT"),
            Map.entry(0x000D, "DIRECT_LOSS_AND_DELAY_MEASUREMENT"),
            Map.entry(0x000E, "INFERRED_LOSS_AND_DELAY_MEASUREMENT"),
            Map.entry(0x000F, "RESIDENCE_TIME_MEASUREMENT"),
            Map.entry(0x0010, "TIME_BUCKET_JITTER_MEASUREMENT"),
            Map.entry(0x0011, "MULTI_PACKET_DELAY_MEASUREMENT"),
            Map.entry(0x0012, "AVERAGE_DELAY_MEASUREMENT"),
            Map.entry(0x0013, "MULTIPOINT_BFD_SESSION"),
            Map.entry(0x0021, "IPV4"),
            Map.entry(0x0022, "MPLS_TP_CC"),
            Map.entry(0x0023, "MPLS_TP_CV"),
            Map.entry(0x0024, "PSC"),
            Map.entry(0x0025, "ON_DEMAND_CV"),
            Map.entry(0x0026, "LI"),
            Map.entry(0x0027, "PW_OAM"),
            Map.entry(0x0028, "MAC_WITHDRAW_OAM"),
            Map.entry(0x0029, "PW_STATUS_REFRESH_REDUCTION"),
            Map.entry(0x002A, "RING_PROTECTION_SWITCHING"),
            Map.entry(0x0057, "IPV6"),
            Map.entry(0x0058, "FAULT_OAM"),
            Map.entry(0x0059, "GACH_ADVERTISEMENT"),
            Map.entry(0x8902, "G_8113_1_OAM"));

    /**
     * Checks the value's range.
     *
     * @param value the code point as it is on the wire
     * @throws IllegalArgumentException if {@code value} is outside 0..65535
     */
    public AchChannelType {
        Check.inRange("value", value, 0, AchLayout.CHANNEL_TYPE_MASK);
    }

    /**
     * Returns the code point with this value; known values give their shared constant.
     *
     * @param value the code point as it is on the wire
     * @return the code point with this value; known values give their shared constant
     * @throws IllegalArgumentException if {@code value} is outside 0..65535
     */
    public static AchChannelType of(int value) {
        return switch (value) {
            case 0x0001 -> MCC;
            case 0x0002 -> SCC;
            case 0x0007 -> BFD_CONTROL;
            case 0x0008 -> S_BFD_CONTROL;
            case 0x0009 -> DUAL_HOMING_COORDINATION;
            case 0x000A -> DIRECT_LOSS_MEASUREMENT;
            case 0x000B -> INFERRED_LOSS_MEASUREMENT;
            case 0x000C -> DELAY_MEASUREMENT;
            case 0x000D -> DIRECT_LOSS_AND_DELAY_MEASUREMENT;
            case 0x000E -> INFERRED_LOSS_AND_DELAY_MEASUREMENT;
            case 0x000F -> RESIDENCE_TIME_MEASUREMENT;
            case 0x0010 -> TIME_BUCKET_JITTER_MEASUREMENT;
            case 0x0011 -> MULTI_PACKET_DELAY_MEASUREMENT;
            case 0x0012 -> AVERAGE_DELAY_MEASUREMENT;
            case 0x0013 -> MULTIPOINT_BFD_SESSION;
            case 0x0021 -> IPV4;
            case 0x0022 -> MPLS_TP_CC;
            case 0x0023 -> MPLS_TP_CV;
            case 0x0024 -> PSC;
            case 0x0025 -> ON_DEMAND_CV;
            case 0x0026 -> LI;
            case 0x0027 -> PW_OAM;
            case 0x0028 -> MAC_WITHDRAW_OAM;
            case 0x0029 -> PW_STATUS_REFRESH_REDUCTION;
            case 0x002A -> RING_PROTECTION_SWITCHING;
            case 0x0057 -> IPV6;
            case 0x0058 -> FAULT_OAM;
            case 0x0059 -> GACH_ADVERTISEMENT;
            case 0x8902 -> G_8113_1_OAM;
            default -> new AchChannelType(value);
        };
    }

    /**
     * Returns whether the value lies in 0x7FF8-0x7FFF, reserved for experimental use (RFC 5586).
     * Experimental values have no name: {@link #isKnown()} is false for them.
     *
     * @return whether the value lies in 0x7FF8-0x7FFF, reserved for experimental use
     */
    public boolean isExperimental() {
        return value >= EXPERIMENTAL_FIRST && value <= EXPERIMENTAL_LAST;
    }

    @Override
    public boolean isKnown() {
        return NAMES.containsKey(value);
    }

    @Override
    public String knownName() {
        return NAMES.get(value);
    }

    @Override
    public String toString() {
        String hex = String.format("0x%04X", value);
        String name = NAMES.get(value);
        return name == null ? hex : name + "(" + hex + ")";
    }
}
