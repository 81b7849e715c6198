package org.tunnelcodec.vxlan;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.internal.Check;

/**
 * A Geneve header (RFC 8926 §3.4) with its options (§3.5), version 0.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Virtual Network Identifier (VNI)       |    Reserved   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                    Variable-Length Options                    ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Ver is 0, the only version defined: the decoder refuses another ("Packets received by a
 * tunnel endpoint with an unknown version MUST be dropped", §3.4), so the record holds none. Opt
 * Len is derived from the options: their octets in 4-octet words, at most 63 (252 octets), which
 * bounds the options to 63. The options are kept in wire order, each with its data as it is
 * ({@link GeneveOption}); the record does not interpret any option class.
 *
 * <p>O and C are kept as on the wire. RFC 8926 §3.5 has a sender set C exactly when an option
 * is critical; a received header may disagree, which {@link #hasCriticalOption()} lets a receiver
 * see. Rsvd. and Reserved round-trip.
 *
 * @param controlPacket          O: the packet carries a control message
 * @param criticalOptionsPresent C: one or more options are critical
 * @param reservedFlags          Rsvd., the six bits after C, 0..63
 * @param protocolType           the Protocol Type of the payload, an EtherType (0x6558 for Ethernet)
 * @param vni                    the Virtual Network Identifier, 0..16777215
 * @param reservedOctet          the Reserved octet after the VNI, 0..255
 * @param options                the options in wire order, together at most 252 octets
 */
public record GeneveHeader(boolean controlPacket, boolean criticalOptionsPresent, int reservedFlags,
                           EtherType protocolType, int vni, int reservedOctet, List<GeneveOption> options) {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "geneve";

    /** The only version defined (RFC 8926 §3.4), the only one decoded. */
    public static final int VERSION = 0;

    /** The length of the fixed part: 8 octets. */
    public static final int MIN_LENGTH = GeneveLayout.MIN_LENGTH;

    /** The most option octets a header carries: Opt Len is 6 bits of 4-octet words. */
    public static final int MAX_OPTIONS_LENGTH = GeneveLayout.MAX_OPTIONS_LENGTH;

    /** The most options a header carries: 63, each taking at least its 4-octet header. */
    public static final int MAX_OPTIONS = GeneveLayout.MAX_OPTIONS;

    /**
     * Checks the components.
     *
     * @param controlPacket O: the packet carries a control message
     * @param criticalOptionsPresent C: one or more options are critical
     * @param reservedFlags Rsvd., the six bits after C, 0..63
     * @param protocolType the Protocol Type of the payload, an EtherType (0x6558 for Ethernet)
     * @param vni the Virtual Network Identifier, 0..16777215
     * @param reservedOctet the Reserved octet after the VNI, 0..255
     * @param options the options in wire order, together at most 252 octets
     * @throws IllegalArgumentException if a component is out of range or the options exceed 252 octets
     * @throws NullPointerException if {@code protocolType}, {@code options} or an option is null
     */
    public GeneveHeader {
        Check.inRange("reservedFlags", reservedFlags, 0, GeneveLayout.RESERVED_FLAGS_MASK);
        Objects.requireNonNull(protocolType, "protocolType");
        Check.inRange("vni", vni, 0, VxlanLayout.MAX_VNI);
        Check.inRange("reservedOctet", reservedOctet, 0, 0xFF);
        options = List.copyOf(options);
        Check.inRange("optionsLength()", optionsLength(options), 0, MAX_OPTIONS_LENGTH);
    }

    private static int optionsLength(List<GeneveOption> options) {
        int n = 0;
        for (GeneveOption o : options) {
            n += o.encodedLength();
        }
        return n;
    }

    /**
     * A header without options: O and C clear, every reserved bit 0.
     *
     * @param protocolType the Protocol Type of the payload
     * @param vni          the Virtual Network Identifier, 0..16777215
     * @return the header
     * @throws IllegalArgumentException if {@code vni} is out of range
     */
    public static GeneveHeader of(EtherType protocolType, int vni) {
        return new GeneveHeader(false, false, 0, protocolType, vni, 0, List.of());
    }

    /**
     * A header with options, as RFC 8926 §3.5 has a sender build it: C set exactly when one of
     * the options is critical, O clear, every reserved bit 0.
     *
     * @param protocolType the Protocol Type of the payload
     * @param vni          the Virtual Network Identifier, 0..16777215
     * @param options      the options, together at most 252 octets
     * @return the header
     * @throws IllegalArgumentException if {@code vni} is out of range or the options exceed 252 octets
     */
    public static GeneveHeader of(EtherType protocolType, int vni, List<GeneveOption> options) {
        boolean critical = false;
        for (GeneveOption o : options) {
            critical |= o.critical();
        }
        return new GeneveHeader(false, critical, 0, protocolType, vni, 0, options);
    }

    /**
     * Returns the options' length on the wire, Opt Len times 4.
     *
     * @return the option octets, 0..252
     */
    public int optionsLength() {
        return optionsLength(options);
    }

    /**
     * Returns the Opt Len field: the options in 4-octet words.
     *
     * @return Opt Len, 0..63
     */
    public int optLen() {
        return optionsLength() / 4;
    }

    /**
     * Returns the header's length on the wire: 8 octets and the options.
     *
     * @return the header length, 8..260
     */
    public int headerLength() {
        return GeneveLayout.MIN_LENGTH + optionsLength();
    }

    /**
     * Returns whether one of the options has its critical bit set. RFC 8926 §3.5 has C set
     * exactly then; compare with {@link #criticalOptionsPresent()} to see a sender that did not.
     *
     * @return whether an option is critical
     */
    public boolean hasCriticalOption() {
        for (GeneveOption o : options) {
            if (o.critical()) {
                return true;
            }
        }
        return false;
    }
}
