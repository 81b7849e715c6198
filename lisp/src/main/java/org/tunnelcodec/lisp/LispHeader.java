package org.tunnelcodec.lisp;

import org.tunnelcodec.core.internal.Check;

/**
 * A LISP data header (RFC 9300 §5.3): the 8 octets between the UDP header (destination port
 * 4341) and the inner packet.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |N|L|E|V|I|R|K|K|            Nonce/Map-Version                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Instance ID/Locator-Status-Bits               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The flags say how the other fields read. With N set the 24 bits after the flags are a
 * Nonce; with V set (and N clear) they are the Source Map-Version (12 bits) and the Destination
 * Map-Version (12 bits, RFC 9302 §3). With I set the second word is a 24-bit Instance ID and 8
 * Locator-Status-Bits; with I clear it is 32 Locator-Status-Bits. L says whether the
 * Locator-Status-Bits are in use. KK (RFC 8061) is the key of an encrypted payload, 0 for a
 * plain one. Bit 5 is reserved in RFC 9300 ("MUST be set to 0 on transmit and MUST be ignored
 * on receipt"); RFC 9305 names it P, and a header with P set is a {@link LispGpeHeader}.
 *
 * <p>The record keeps every bit as on the wire, so that what a receiver ignores round-trips: a
 * Nonce field with N and V clear, Locator-Status-Bits with L clear, E without N, N and V together
 * (which a receiver reads as a Nonce, RFC 9300 §5.3), bit 5. The accessors ({@link #nonce()},
 * {@link #mapVersionPresent()}, ...) give the receiver's reading. The {@link Builder} gives what
 * RFC 9300 §5.3 lets a sender send.
 *
 * @param flags             the first octet: N (0x80), L (0x40), E (0x20), V (0x10), I (0x08), bit
 *                          5 (0x04, reserved) and KK (0x03), as on the wire
 * @param nonceMapVersion   bits 8-31 as on the wire: the Nonce, or the two Map-Versions, or
 *                          unused bits; 0..16777215
 * @param instanceId        with I set, the Instance ID, 0..16777215; with I clear, 0 (the bits
 *                          are Locator-Status-Bits)
 * @param locatorStatusBits the Locator-Status-Bits field as on the wire, whether L is set or
 *                          not: 8 bits (0..255) with I set, 32 bits (0..4294967295) with I clear
 */
public record LispHeader(int flags, int nonceMapVersion, int instanceId, long locatorStatusBits) {
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "lisp";

    /** The header's length on the wire: 8 octets. */
    public static final int LENGTH = LispLayout.LENGTH;

    /** The N flag in {@link #flags()}: the Nonce is present. */
    public static final int FLAG_N = LispLayout.N;

    /** The L flag in {@link #flags()}: the Locator-Status-Bits are in use. */
    public static final int FLAG_L = LispLayout.L;

    /** The E flag in {@link #flags()}: echo-nonce request, meaningful only with N. */
    public static final int FLAG_E = LispLayout.E;

    /** The V flag in {@link #flags()}: the Map-Version is present (RFC 9302). */
    public static final int FLAG_V = LispLayout.V;

    /** The I flag in {@link #flags()}: the Instance ID is present. */
    public static final int FLAG_I = LispLayout.I;

    /** Bit 5 of {@link #flags()}: reserved in RFC 9300, P (LISP-GPE) in RFC 9305 §3. */
    public static final int FLAG_P = LispLayout.P;

    /** The KK bits of {@link #flags()}: the key of LISP data-plane confidentiality (RFC 8061). */
    public static final int KEY_ID_MASK = LispLayout.KK;

    /** The largest Instance ID: 24 bits. */
    public static final int MAX_INSTANCE_ID = LispLayout.MAX_INSTANCE_ID;

    /** The largest Map-Version: 12 bits. */
    public static final int MAX_MAP_VERSION = LispLayout.MAX_MAP_VERSION;

    /**
     * Checks the components.
     *
     * @param flags the first octet, as on the wire
     * @param nonceMapVersion bits 8-31 as on the wire, 0..16777215
     * @param instanceId with I set, the Instance ID, 0..16777215; with I clear, 0
     * @param locatorStatusBits the Locator-Status-Bits field: 0..255 with I set, 0..4294967295 with I clear
     * @throws IllegalArgumentException if a component is out of range, or {@code instanceId} is
     *     not 0 with I clear
     */
    public LispHeader {
        Check.inRange("flags", flags, 0, 0xFF);
        Check.inRange("nonceMapVersion", nonceMapVersion, 0, LispLayout.MAX_NONCE);
        Check.inRange("instanceId", instanceId, 0, LispLayout.MAX_INSTANCE_ID);
        boolean iid = (flags & LispLayout.I) != 0;
        Check.argument(iid || instanceId == 0, "instanceId", instanceId,
                "0 with I clear: the second word is then Locator-Status-Bits (RFC 9300 §5.3)");
        Check.inRange("locatorStatusBits", locatorStatusBits, 0, iid ? LispLayout.MAX_LSB_WITH_IID : LispLayout.MAX_LSB);
    }

    /**
     * Returns a builder of a header RFC 9300 §5.3 lets a sender send.
     *
     * @return a builder with no flag set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns whether N is set: bits 8-31 are a Nonce (RFC 9300 §5.3), V or not.
     *
     * @return whether N is set
     */
    public boolean noncePresent() {
        return (flags & FLAG_N) != 0;
    }

    /**
     * Returns the Nonce: bits 8-31, meaningful when {@link #noncePresent()}.
     *
     * @return bits 8-31, 0..16777215
     */
    public int nonce() {
        return nonceMapVersion;
    }

    /**
     * Returns whether the sender asks for its Nonce to be echoed: E with N. "This bit MUST be
     * ignored and has no meaning when the N-bit is set to 0" (RFC 9300 §5.3).
     *
     * @return whether E and N are set
     */
    public boolean echoNonceRequested() {
        return (flags & (FLAG_N | FLAG_E)) == (FLAG_N | FLAG_E);
    }

    /**
     * Returns whether bits 8-31 are the Map-Versions: V set and N clear. With both set a
     * receiver reads a Nonce (RFC 9300 §5.3).
     *
     * @return whether V is set and N clear
     */
    public boolean mapVersionPresent() {
        return (flags & (FLAG_N | FLAG_V)) == FLAG_V;
    }

    /**
     * Returns the Source Map-Version: bits 8-19, meaningful when {@link #mapVersionPresent()};
     * 0 means no version (RFC 9302 §3).
     *
     * @return bits 8-19, 0..4095
     */
    public int sourceMapVersion() {
        return nonceMapVersion >>> 12;
    }

    /**
     * Returns the Destination Map-Version: bits 20-31, meaningful when
     * {@link #mapVersionPresent()}; 0 means no version (RFC 9302 §3).
     *
     * @return bits 20-31, 0..4095
     */
    public int destinationMapVersion() {
        return nonceMapVersion & LispLayout.MAX_MAP_VERSION;
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
     * Returns whether L is set: the Locator-Status-Bits are in use. With L clear a receiver
     * ignores them.
     *
     * @return whether L is set
     */
    public boolean locatorStatusBitsEnabled() {
        return (flags & FLAG_L) != 0;
    }

    /**
     * Returns the KK bits: 0 for a plain payload, 1..3 for a payload encrypted with that key
     * (RFC 8061 §3), which is then not an IP packet.
     *
     * @return the key id, 0..3
     */
    public int keyId() {
        return flags & KEY_ID_MASK;
    }

    /**
     * Returns whether bit 5 is set: reserved in RFC 9300, the P bit of a LISP-GPE header
     * (RFC 9305 §3).
     *
     * @return whether bit 5 is set
     */
    public boolean nextProtocolPresent() {
        return (flags & FLAG_P) != 0;
    }

    /**
     * Returns the flag bits RFC 9300 does not name, in place: bit 5 (0x04).
     *
     * @return the reserved flag bits, in place
     */
    public int reservedFlags() {
        return flags & ~LispLayout.KNOWN_FLAGS;
    }

    /**
     * Returns the second word as on the wire.
     *
     * @return bits 32-63, 0..4294967295
     */
    public long secondWord() {
        return instanceIdPresent() ? (long) instanceId << 8 | locatorStatusBits : locatorStatusBits;
    }

    /**
     * Builds a header by the sender's rules of RFC 9300 §5.3: N and V never together, E only
     * with N, every unused field 0, bit 5 clear, an Instance ID of 24 bits and
     * Locator-Status-Bits of 8 bits with an Instance ID. Choosing the Nonce (24 random bits,
     * different per destination RLOC, RFC 9300 §5.3) is the caller's part.
     */
    public static final class Builder {
        private int flags;
        private int nonceMapVersion;
        private int instanceId;
        private long locatorStatusBits;

        private Builder() {
        }

        /**
         * Sets N and the Nonce.
         *
         * @param nonce the Nonce, 0..16777215
         * @return this builder
         * @throws IllegalArgumentException if {@code nonce} is out of range
         * @throws IllegalStateException if a Map-Version is set: "When this bit is set to 1,
         *     the N-bit MUST be 0" (V, RFC 9300 §5.3)
         */
        public Builder nonce(int nonce) {
            Check.inRange("nonce", nonce, 0, LispLayout.MAX_NONCE);
            if ((flags & FLAG_V) != 0) {
                throw new IllegalStateException("a Map-Version is set: N and V are never sent together (RFC 9300 §5.3)");
            }
            flags |= FLAG_N;
            nonceMapVersion = nonce;
            return this;
        }

        /**
         * Sets E: asks the receiver to echo the Nonce. Needs a Nonce.
         *
         * @return this builder
         * @throws IllegalStateException if no Nonce is set: E has no meaning without N (RFC 9300 §5.3)
         */
        public Builder echoNonceRequest() {
            if ((flags & FLAG_N) == 0) {
                throw new IllegalStateException("no Nonce: E is sent only with N (RFC 9300 §5.3)");
            }
            flags |= FLAG_E;
            return this;
        }

        /**
         * Sets V and the two Map-Versions (RFC 9302 §3).
         *
         * @param source      the Source Map-Version, 0..4095 (0: none)
         * @param destination the Destination Map-Version, 0..4095 (0: none)
         * @return this builder
         * @throws IllegalArgumentException if a version is out of range
         * @throws IllegalStateException if a Nonce is set: N and V are never sent together (RFC 9300 §5.3)
         */
        public Builder mapVersion(int source, int destination) {
            Check.inRange("source", source, 0, LispLayout.MAX_MAP_VERSION);
            Check.inRange("destination", destination, 0, LispLayout.MAX_MAP_VERSION);
            if ((flags & FLAG_N) != 0) {
                throw new IllegalStateException("a Nonce is set: N and V are never sent together (RFC 9300 §5.3)");
            }
            flags |= FLAG_V;
            nonceMapVersion = source << 12 | destination;
            return this;
        }

        /**
         * Sets I and the Instance ID.
         *
         * @param instanceId the Instance ID, 0..16777215 (24 bits on the data plane)
         * @return this builder
         * @throws IllegalArgumentException if {@code instanceId} is out of range
         * @throws IllegalStateException if Locator-Status-Bits wider than 8 bits are set
         */
        public Builder instanceId(int instanceId) {
            Check.inRange("instanceId", instanceId, 0, LispLayout.MAX_INSTANCE_ID);
            if ((flags & FLAG_L) != 0 && locatorStatusBits > LispLayout.MAX_LSB_WITH_IID) {
                throw new IllegalStateException("Locator-Status-Bits wider than 8 bits: with I they are 8 (RFC 9300 §5.3)");
            }
            flags |= FLAG_I;
            this.instanceId = instanceId;
            return this;
        }

        /**
         * Sets L and the Locator-Status-Bits: bit i (from the least significant) says whether
         * the sender's locator i is up.
         *
         * @param bits the Locator-Status-Bits: 0..255 with an Instance ID, else 0..4294967295
         * @return this builder
         * @throws IllegalArgumentException if {@code bits} is out of range
         */
        public Builder locatorStatusBits(long bits) {
            Check.inRange("locatorStatusBits", bits, 0,
                    (flags & FLAG_I) != 0 ? LispLayout.MAX_LSB_WITH_IID : LispLayout.MAX_LSB);
            flags |= FLAG_L;
            locatorStatusBits = bits;
            return this;
        }

        /**
         * Sets KK: the payload is encrypted with this key (RFC 8061 §3).
         *
         * @param keyId the key id, 0..3 (0: not encrypted)
         * @return this builder
         * @throws IllegalArgumentException if {@code keyId} is out of range
         */
        public Builder keyId(int keyId) {
            Check.inRange("keyId", keyId, 0, KEY_ID_MASK);
            flags = flags & ~KEY_ID_MASK | keyId;
            return this;
        }

        /**
         * Builds the header.
         *
         * @return the header
         */
        public LispHeader build() {
            return new LispHeader(flags, nonceMapVersion, instanceId, locatorStatusBits);
        }
    }
}
