package org.tunnelcodec.lisp;

import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * A LISP-GPE header (RFC 9305 §3): the LISP data header of RFC 9300 with bit 5, P, set and the
 * last 8 bits of the first word a Next Protocol.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |N|L|E|V|I|P|K|K|    Nonce/Map-Version (bits 8-23) | Next Protocol |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Instance ID/Locator-Status-Bits               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>With P set, N, E, V and bits 8-23 "MUST be set to zero on transmission and MUST be ignored
 * on receipt" (RFC 9305 §3; echo-noncing and map-versioning would come back as shim headers):
 * the record keeps them as on the wire ({@code flags} and {@code reserved}) and gives them no
 * meaning. L, I, the Instance ID, the Locator-Status-Bits and KK read as in RFC 9300 §5.3. P is
 * always set: a header with P clear is an RFC 9300 {@link LispHeader}.
 *
 * @param flags             the first octet, P (0x04) set: N (0x80), L (0x40), E (0x20), V (0x10),
 *                          I (0x08), KK (0x03), as on the wire
 * @param reserved          bits 8-23 as on the wire, 0..65535 (0 from a sender)
 * @param nextProtocol      the Next Protocol
 * @param instanceId        with I set, the Instance ID, 0..16777215; with I clear, 0
 * @param locatorStatusBits the Locator-Status-Bits field as on the wire, whether L is set or
 *                          not: 8 bits (0..255) with I set, 32 bits (0..4294967295) with I clear
 */
public record LispGpeHeader(int flags, int reserved, LispGpeNextProtocol nextProtocol, int instanceId,
                            long locatorStatusBits) {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "lisp-gpe";

    /** The header's length on the wire: 8 octets. */
    public static final int LENGTH = LispLayout.LENGTH;

    /** The P flag in {@link #flags()}: the Next Protocol field is present; always set here. */
    public static final int FLAG_P = LispLayout.P;

    /** The L flag in {@link #flags()}: the Locator-Status-Bits are in use. */
    public static final int FLAG_L = LispLayout.L;

    /** The I flag in {@link #flags()}: the Instance ID is present. */
    public static final int FLAG_I = LispLayout.I;

    /** The flags a LISP-GPE receiver ignores (RFC 9305 §3): N, E and V. */
    public static final int IGNORED_FLAGS = LispLayout.N | LispLayout.E | LispLayout.V;

    /**
     * Checks the components.
     *
     * @param flags the first octet with P set, as on the wire
     * @param reserved bits 8-23, 0..65535
     * @param nextProtocol the Next Protocol
     * @param instanceId with I set, the Instance ID, 0..16777215; with I clear, 0
     * @param locatorStatusBits the Locator-Status-Bits field: 0..255 with I set, 0..4294967295 with I clear
     * @throws IllegalArgumentException if a component is out of range, P is clear, or
     *     {@code instanceId} is not 0 with I clear
     * @throws NullPointerException if {@code nextProtocol} is null
     */
    public LispGpeHeader {
        Check.inRange("flags", flags, 0, 0xFF);
        Check.argument((flags & LispLayout.P) != 0, "flags", String.format("0x%02x", flags),
                "P (0x04) set: without it the header is an RFC 9300 header (RFC 9305 §3)");
        Check.inRange("reserved", reserved, 0, 0xFFFF);
        Objects.requireNonNull(nextProtocol, "nextProtocol");
        Check.inRange("instanceId", instanceId, 0, LispLayout.MAX_INSTANCE_ID);
        boolean iid = (flags & LispLayout.I) != 0;
        Check.argument(iid || instanceId == 0, "instanceId", instanceId,
                "0 with I clear: the second word is then Locator-Status-Bits (RFC 9300 §5.3)");
        Check.inRange("locatorStatusBits", locatorStatusBits, 0, iid ? LispLayout.MAX_LSB_WITH_IID : LispLayout.MAX_LSB);
    }

    /**
     * The header a sender builds without an Instance ID: P set, N, E, V and bits 8-23 zero
     * (RFC 9305 §3), no Locator-Status-Bits.
     *
     * @param nextProtocol the Next Protocol
     * @return the header
     * @throws NullPointerException if {@code nextProtocol} is null
     */
    public static LispGpeHeader of(LispGpeNextProtocol nextProtocol) {
        return new LispGpeHeader(FLAG_P, 0, nextProtocol, 0, 0);
    }

    /**
     * The header a sender builds with an Instance ID: P and I set, N, E, V and bits 8-23 zero
     * (RFC 9305 §3), no Locator-Status-Bits.
     *
     * @param nextProtocol the Next Protocol
     * @param instanceId   the Instance ID, 0..16777215
     * @return the header
     * @throws IllegalArgumentException if {@code instanceId} is out of range
     * @throws NullPointerException if {@code nextProtocol} is null
     */
    public static LispGpeHeader of(LispGpeNextProtocol nextProtocol, int instanceId) {
        return new LispGpeHeader(FLAG_P | FLAG_I, 0, nextProtocol, instanceId, 0);
    }

    /**
     * The header a sender builds with an Instance ID and 8 Locator-Status-Bits: P, I and L set,
     * N, E, V and bits 8-23 zero (RFC 9305 §3).
     *
     * @param nextProtocol      the Next Protocol
     * @param instanceId        the Instance ID, 0..16777215
     * @param locatorStatusBits the Locator-Status-Bits, 0..255
     * @return the header
     * @throws IllegalArgumentException if {@code instanceId} or {@code locatorStatusBits} is out of range
     * @throws NullPointerException if {@code nextProtocol} is null
     */
    public static LispGpeHeader of(LispGpeNextProtocol nextProtocol, int instanceId, int locatorStatusBits) {
        return new LispGpeHeader(FLAG_P | FLAG_I | FLAG_L, 0, nextProtocol, instanceId, locatorStatusBits);
    }

    /**
     * Returns whether I is set: the second word holds an Instance ID.
     *
     * @return whether I is set
     */
    public boolean instanceIdPresent() {
        return (flags & FLAG_I) != 0;
    }

    /**
     * Returns whether L is set: the Locator-Status-Bits are in use.
     *
     * @return whether L is set
     */
    public boolean locatorStatusBitsEnabled() {
        return (flags & FLAG_L) != 0;
    }

    /**
     * Returns the KK bits: 0 for a plain payload (RFC 8061 §3).
     *
     * @return the key id, 0..3
     */
    public int keyId() {
        return flags & LispLayout.KK;
    }

    /**
     * Returns N, E and V as on the wire, in place: a LISP-GPE receiver ignores them (RFC 9305 §3).
     *
     * @return the ignored flag bits, in place
     */
    public int ignoredFlags() {
        return flags & IGNORED_FLAGS;
    }

    /**
     * Returns the second word as on the wire.
     *
     * @return bits 32-63, 0..4294967295
     */
    public long secondWord() {
        return instanceIdPresent() ? (long) instanceId << 8 | locatorStatusBits : locatorStatusBits;
    }
}
