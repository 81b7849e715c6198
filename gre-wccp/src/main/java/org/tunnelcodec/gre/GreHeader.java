package org.tunnelcodec.gre;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.internal.Check;

/**
 * A GRE header of any variant: RFC 2784 (C, Checksum, Reserved1), RFC 2890 (Key, Sequence
 * Number), RFC 1701 (R, strict source route, Recursion Control, Offset, the SRE list) and the
 * RFC 2637 enhanced GRE of PPTP (version 1: Payload Length and Call ID in the Key word, the
 * A flag and Acknowledgment Number).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-----+-+-------+-----+-------------------------------+
 * |C|R|K|S|s|Recur|A| Flags | Ver |         Protocol Type         |
 * +-+-+-+-+-+-----+-+-------+-----+-------------------------------+
 * |    Checksum (if C or R)       | Reserved1 / Offset (if C or R)|
 * +-------------------------------+-------------------------------+
 * |                          Key (if K)                           |
 * |         (version 1: Payload Length, then Call ID)             |
 * +---------------------------------------------------------------+
 * |                  Sequence Number (if S)                       |
 * +---------------------------------------------------------------+
 * |          Acknowledgment Number (version 1, if A)              |
 * +---------------------------------------------------------------+
 * |     Routing: SREs, then the NULL SRE 0x0000 00 00 (if R)      |
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>A is bit 8: the Acknowledgment Number flag in version 1 (RFC 2637 §4.1), a reserved flag
 * in version 0. Each SRE is an Address Family (16 bits), an SRE Offset (8), an SRE Length (8)
 * and SRE Length octets of Routing Information ({@link SourceRouteEntry}).
 *
 * <p>The record keeps every bit: reserved flags and unknown protocol types round-trip. The K,
 * S and A flags are derived from the presence of {@code key}, {@code sequenceNumber} and
 * {@code acknowledgmentNumber}, each an unsigned 32-bit value held in a {@code long}, or
 * {@link #ABSENT} (-1) when the field is not on the wire ({@link #hasKey()} and its siblings
 * say so by name). They are primitives rather than {@code OptionalLong}s so that a decode whose
 * result does not escape the caller allocates nothing: the JIT can then replace the record by
 * its fields. The Checksum and Reserved1/Offset fields are on the wire when
 * C or R is set, and must be 0 here otherwise. Whether a header is acceptable is a policy
 * decision, made by {@link GrePolicy}, not by the record or the decoder.
 *
 * @param version             the Ver field, 0 (GRE) or 1 (PPTP enhanced GRE)
 * @param checksumPresent     C: the Checksum field is present and valid
 * @param routingPresent      R (RFC 1701): the Offset and Routing fields are present
 * @param strictSourceRoute   s (RFC 1701): every SRE is a strict source route
 * @param recursionControl    Recur (RFC 1701), 0..7
 * @param reservedFlags       flag bits 8-12 as a 5-bit value (bit 8 is 0x10, bit 12 is 0x01);
 *                            in version 1 bit 8 is A, derived, so 0x10 must be clear here
 * @param protocolType        the Protocol Type, an EtherType
 * @param checksum            the Checksum field as on the wire (0 when neither C nor R)
 * @param offset              the Reserved1 field (RFC 2784) or Offset (RFC 1701), as on the wire
 *                            (0 when neither C nor R)
 * @param key                 the Key (K set), unsigned 32 bits, or {@link #ABSENT}; in version
 *                            1, Payload Length in the upper 16 bits and Call ID in the lower 16
 * @param sequenceNumber      the Sequence Number (S set), unsigned 32 bits, or {@link #ABSENT}
 * @param acknowledgmentNumber the Acknowledgment Number (version 1, A set), unsigned 32 bits, or
 *                            {@link #ABSENT}
 * @param routing             the SREs (only when R is set), at most 16; the NULL SRE is implied
 */
public record GreHeader(int version, boolean checksumPresent, boolean routingPresent, boolean strictSourceRoute,
                        int recursionControl, int reservedFlags, EtherType protocolType, int checksum, int offset,
                        long key, long sequenceNumber, long acknowledgmentNumber, List<SourceRouteEntry> routing) {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "gre";

    /** The Protocol Type of PPTP's enhanced GRE. */
    public static final EtherType PPP = EtherType.PPP;

    /** The value of {@code key}, {@code sequenceNumber} or {@code acknowledgmentNumber} when it is not on the wire. */
    public static final long ABSENT = -1;

    /**
     * Checks the components.
     *
     * @param version the Ver field, 0 (GRE) or 1 (PPTP enhanced GRE)
     * @param checksumPresent C: the Checksum field is present and valid
     * @param routingPresent R (RFC 1701): the Offset and Routing fields are present
     * @param strictSourceRoute s (RFC 1701): every SRE is a strict source route
     * @param recursionControl Recur (RFC 1701), 0..7
     * @param reservedFlags flag bits 8-12 as a 5-bit value (bit 8 is 0x10, bit 12 is 0x01); in version 1 bit 8 is A, derived, so 0x10 must be clear here
     * @param protocolType the Protocol Type, an EtherType
     * @param checksum the Checksum field as on the wire (0 when neither C nor R)
     * @param offset the Reserved1 field (RFC 2784) or Offset (RFC 1701), as on the wire (0 when neither C nor R)
     * @param key the Key (K set), unsigned 32 bits, or {@link #ABSENT}; in version 1, Payload Length in the upper 16 bits and Call ID in the lower 16
     * @param sequenceNumber the Sequence Number (S set), unsigned 32 bits, or {@link #ABSENT}
     * @param acknowledgmentNumber the Acknowledgment Number (version 1, A set), unsigned 32 bits, or {@link #ABSENT}
     * @param routing the SREs (only when R is set), at most 16; the NULL SRE is implied
     */
    public GreHeader {
        Check.inRange("version", version, 0, 1);
        Check.inRange("recursionControl", recursionControl, 0, 7);
        Check.inRange("reservedFlags", reservedFlags, 0, 31);
        Objects.requireNonNull(protocolType, "protocolType");
        Check.inRange("checksum", checksum, 0, 0xFFFF);
        Check.inRange("offset", offset, 0, 0xFFFF);
        routing = List.copyOf(routing);
        Check.inRange("key", key, ABSENT, 0xFFFF_FFFFL);
        Check.inRange("sequenceNumber", sequenceNumber, ABSENT, 0xFFFF_FFFFL);
        Check.inRange("acknowledgmentNumber", acknowledgmentNumber, ABSENT, 0xFFFF_FFFFL);
        checkPresence(version, checksumPresent, routingPresent, reservedFlags, checksum, offset, acknowledgmentNumber,
                routing);
        Check.inRange("routing.size()", routing.size(), 0, GreLayout.MAX_SOURCE_ROUTE_ENTRIES);
    }

    // The checks between components live here, not in the constructor, so that the constructor
    // stays small enough for the JIT to inline into a decode whose result does not escape.
    private static void checkPresence(int version, boolean checksumPresent, boolean routingPresent, int reservedFlags,
                                      int checksum, int offset, long acknowledgmentNumber, List<SourceRouteEntry> routing) {
        if (acknowledgmentNumber != ABSENT && version != 1) {
            throw new IllegalArgumentException("acknowledgmentNumber: present (expected: only in version 1)");
        }
        if (version == 1 && (reservedFlags & 0x10) != 0) {
            throw new IllegalArgumentException("reservedFlags: " + reservedFlags
                    + " (expected: bit 0x10 clear in version 1, where it is A; set acknowledgmentNumber instead)");
        }
        if (!checksumPresent && !routingPresent && (checksum != 0 || offset != 0)) {
            throw new IllegalArgumentException("checksum/offset: " + checksum + "/" + offset
                    + " (expected: 0 when neither C nor R is set; the fields are not on the wire)");
        }
        if (!routingPresent && !routing.isEmpty()) {
            throw new IllegalArgumentException("routing: " + routing.size() + " entries (expected: none when R is clear)");
        }
    }

    /**
     * A plain RFC 2784 header.
     *
     * @param protocolType the Protocol Type
     * @return the header: no options, version 0
     */
    public static GreHeader of(EtherType protocolType) {
        return new GreHeader(0, false, false, false, 0, 0, protocolType, 0, 0, ABSENT, ABSENT, ABSENT, List.of());
    }

    /**
     * An RFC 2784/2890 header with the options a modern encoder emits.
     *
     * @param protocolType the Protocol Type
     * @param withChecksum whether to carry a checksum (compute it with {@link GreEncoder#fillChecksum})
     * @param key          the Key, or {@link #ABSENT}
     * @param sequence     the Sequence Number, or {@link #ABSENT}
     * @return the header
     */
    public static GreHeader of(EtherType protocolType, boolean withChecksum, long key, long sequence) {
        return new GreHeader(0, withChecksum, false, false, 0, 0, protocolType, 0, 0, key, sequence, ABSENT, List.of());
    }

    /**
     * A PPTP enhanced GRE header (RFC 2637 §4.1): version 1, K set, Protocol Type PPP.
     *
     * @param callId          the peer's Call ID
     * @param payloadLength   the PPP payload octets after the header (0 for an ack-only packet)
     * @param sequence        the Sequence Number ({@link #ABSENT} for an ack-only packet)
     * @param acknowledgment  the Acknowledgment Number, or {@link #ABSENT}
     * @return the header
     */
    public static GreHeader pptp(int callId, int payloadLength, long sequence, long acknowledgment) {
        Check.inRange("callId", callId, 0, 0xFFFF);
        Check.inRange("payloadLength", payloadLength, 0, 0xFFFF);
        return new GreHeader(1, false, false, false, 0, 0, PPP, 0, 0,
                (long) payloadLength << 16 | callId, sequence, acknowledgment, List.of());
    }

    /**
     * Returns the first 16-bit word: flags and version.
     *
     * @return the first 16-bit word: flags and version
     */
    public int flagsAndVersion() {
        return (checksumPresent ? GreLayout.C : 0) | (routingPresent ? GreLayout.R : 0)
                | (key != ABSENT ? GreLayout.K : 0) | (sequenceNumber != ABSENT ? GreLayout.S : 0)
                | (strictSourceRoute ? GreLayout.STRICT : 0) | recursionControl << GreLayout.RECURSION_SHIFT
                | reservedFlags << GreLayout.RESERVED_FLAGS_SHIFT
                | (acknowledgmentNumber != ABSENT ? GreLayout.A : 0) | version;
    }

    /**
     * Returns the header length on the wire.
     *
     * @return the header length on the wire
     */
    public int headerLength() {
        int n = GreLayout.MIN_LENGTH;
        if (checksumPresent || routingPresent) {
            n += 4;
        }
        if (key != ABSENT) {
            n += 4;
        }
        if (sequenceNumber != ABSENT) {
            n += 4;
        }
        if (acknowledgmentNumber != ABSENT) {
            n += 4;
        }
        if (routingPresent) {
            for (SourceRouteEntry e : routing) {
                n += e.length();
            }
            n += 4; // the NULL SRE
        }
        return n;
    }

    /**
     * Returns whether K is set: the Key is on the wire.
     *
     * @return whether K is set: the Key is on the wire
     */
    public boolean hasKey() {
        return key != ABSENT;
    }

    /**
     * Returns whether S is set: the Sequence Number is on the wire.
     *
     * @return whether S is set: the Sequence Number is on the wire
     */
    public boolean hasSequenceNumber() {
        return sequenceNumber != ABSENT;
    }

    /**
     * Returns whether A is set (version 1): the Acknowledgment Number is on the wire.
     *
     * @return whether A is set (version 1): the Acknowledgment Number is on the wire
     */
    public boolean hasAcknowledgmentNumber() {
        return acknowledgmentNumber != ABSENT;
    }

    /**
     * Returns whether this is PPTP's enhanced GRE (version 1).
     *
     * @return whether this is PPTP's enhanced GRE (version 1)
     */
    public boolean isPptp() {
        return version == 1;
    }

    /**
     * Returns the version 1 Payload Length (upper 16 bits of the Key word), or -1 without a key.
     *
     * @return the version 1 Payload Length (upper 16 bits of the Key word), or -1 without a key
     */
    public int payloadLength() {
        return version == 1 && key != ABSENT ? (int) (key >>> 16) : -1;
    }

    /**
     * Returns the version 1 Call ID (lower 16 bits of the Key word), or -1 without a key.
     *
     * @return the version 1 Call ID (lower 16 bits of the Key word), or -1 without a key
     */
    public int callId() {
        return version == 1 && key != ABSENT ? (int) (key & 0xFFFF) : -1;
    }
}
