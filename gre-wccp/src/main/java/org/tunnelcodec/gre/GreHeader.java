package org.tunnelcodec.gre;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.internal.Check;

/**
 * A GRE header of any variant: RFC 2784 (C, Checksum, Reserved1), RFC 2890 (Key, Sequence
 * Number), RFC 1701 (R, strict source route, Recursion Control, Offset, the SRE list) and the
 * RFC 2637 enhanced GRE of PPTP (version 1: Payload Length and Call ID in the Key word, the
 * A flag and Acknowledgment Number).
 *
 * <p>The record keeps every bit: reserved flags and unknown protocol types round-trip. The K,
 * S and A flags are derived from the presence of {@code key}, {@code sequenceNumber} and
 * {@code acknowledgmentNumber}; the Checksum and Reserved1/Offset fields are on the wire when
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
 * @param key                 the Key (K set), unsigned 32 bits; in version 1, Payload Length in
 *                            the upper 16 bits and Call ID in the lower 16
 * @param sequenceNumber      the Sequence Number (S set), unsigned 32 bits
 * @param acknowledgmentNumber the Acknowledgment Number (version 1, A set), unsigned 32 bits
 * @param routing             the SREs (only when R is set), at most 16; the NULL SRE is implied
 */
public record GreHeader(int version, boolean checksumPresent, boolean routingPresent, boolean strictSourceRoute,
                        int recursionControl, int reservedFlags, EtherType protocolType, int checksum, int offset,
                        OptionalLong key, OptionalLong sequenceNumber, OptionalLong acknowledgmentNumber,
                        List<SourceRouteEntry> routing) {
    /** The Protocol Type of PPTP's enhanced GRE. */
    public static final EtherType PPP = EtherType.PPP;

    /** Checks the components. */
    public GreHeader {
        Check.inRange("version", version, 0, 1);
        Check.inRange("recursionControl", recursionControl, 0, 7);
        Check.inRange("reservedFlags", reservedFlags, 0, 31);
        Objects.requireNonNull(protocolType, "protocolType");
        Check.inRange("checksum", checksum, 0, 0xFFFF);
        Check.inRange("offset", offset, 0, 0xFFFF);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(acknowledgmentNumber, "acknowledgmentNumber");
        routing = List.copyOf(routing);
        if (key.isPresent()) {
            Check.inRange("key", key.getAsLong(), 0, 0xFFFF_FFFFL);
        }
        if (sequenceNumber.isPresent()) {
            Check.inRange("sequenceNumber", sequenceNumber.getAsLong(), 0, 0xFFFF_FFFFL);
        }
        if (acknowledgmentNumber.isPresent()) {
            Check.inRange("acknowledgmentNumber", acknowledgmentNumber.getAsLong(), 0, 0xFFFF_FFFFL);
            if (version != 1) {
                throw new IllegalArgumentException("acknowledgmentNumber: present (expected: only in version 1)");
            }
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
        Check.inRange("routing.size()", routing.size(), 0, GreLayout.MAX_SOURCE_ROUTE_ENTRIES);
    }

    /** @return a plain RFC 2784 header: no options, version 0 */
    public static GreHeader of(EtherType protocolType) {
        return new GreHeader(0, false, false, false, 0, 0, protocolType, 0, 0, OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), List.of());
    }

    /**
     * An RFC 2784/2890 header with the options a modern encoder emits.
     *
     * @param protocolType the Protocol Type
     * @param withChecksum whether to carry a checksum (compute it with {@link GreEncoder#fillChecksum})
     * @param key          the Key, or empty
     * @param sequence     the Sequence Number, or empty
     * @return the header
     */
    public static GreHeader of(EtherType protocolType, boolean withChecksum, OptionalLong key, OptionalLong sequence) {
        return new GreHeader(0, withChecksum, false, false, 0, 0, protocolType, 0, 0, key, sequence,
                OptionalLong.empty(), List.of());
    }

    /**
     * A PPTP enhanced GRE header (RFC 2637 §4.1): version 1, K set, Protocol Type PPP.
     *
     * @param callId          the peer's Call ID
     * @param payloadLength   the PPP payload octets after the header (0 for an ack-only packet)
     * @param sequence        the Sequence Number (empty for an ack-only packet)
     * @param acknowledgment  the Acknowledgment Number, or empty
     * @return the header
     */
    public static GreHeader pptp(int callId, int payloadLength, OptionalLong sequence, OptionalLong acknowledgment) {
        Check.inRange("callId", callId, 0, 0xFFFF);
        Check.inRange("payloadLength", payloadLength, 0, 0xFFFF);
        return new GreHeader(1, false, false, false, 0, 0, PPP, 0, 0,
                OptionalLong.of((long) payloadLength << 16 | callId), sequence, acknowledgment, List.of());
    }

    /** @return the first 16-bit word: flags and version */
    public int flagsAndVersion() {
        return (checksumPresent ? GreLayout.C : 0) | (routingPresent ? GreLayout.R : 0)
                | (key.isPresent() ? GreLayout.K : 0) | (sequenceNumber.isPresent() ? GreLayout.S : 0)
                | (strictSourceRoute ? GreLayout.STRICT : 0) | recursionControl << GreLayout.RECURSION_SHIFT
                | reservedFlags << GreLayout.RESERVED_FLAGS_SHIFT
                | (acknowledgmentNumber.isPresent() ? GreLayout.A : 0) | version;
    }

    /** @return the header length on the wire */
    public int headerLength() {
        int n = GreLayout.MIN_LENGTH;
        if (checksumPresent || routingPresent) {
            n += 4;
        }
        if (key.isPresent()) {
            n += 4;
        }
        if (sequenceNumber.isPresent()) {
            n += 4;
        }
        if (acknowledgmentNumber.isPresent()) {
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

    /** @return whether this is PPTP's enhanced GRE (version 1) */
    public boolean isPptp() {
        return version == 1;
    }

    /** @return the version 1 Payload Length (upper 16 bits of the Key word), or -1 without a key */
    public int payloadLength() {
        return version == 1 && key.isPresent() ? (int) (key.getAsLong() >>> 16) : -1;
    }

    /** @return the version 1 Call ID (lower 16 bits of the Key word), or -1 without a key */
    public int callId() {
        return version == 1 && key.isPresent() ? (int) (key.getAsLong() & 0xFFFF) : -1;
    }
}
