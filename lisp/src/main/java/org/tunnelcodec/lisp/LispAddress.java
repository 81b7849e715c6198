package org.tunnelcodec.lisp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.internal.Check;

/**
 * An address as LISP control messages carry it: a 16-bit AFI (IANA Address Family Numbers)
 * followed by the address, whose length the AFI implies (RFC 9301 §5.2, RFC 8060 §3).
 *
 * <p>The families: AFI 0, no address ({@link None}); 1, IPv4; 2, IPv6; 6 or 16389, a 48-bit
 * MAC address (both AFIs are in use and each is kept); 17, a Distinguished Name, NUL-terminated
 * octets; 16387, an LCAF (RFC 8060), whose body ({@link LcafBody}) may hold further addresses.
 * An AFI outside this list has no known length: the decoder refuses it.
 */
public sealed interface LispAddress
        permits LispAddress.None, LispAddress.Ipv4, LispAddress.Ipv6, LispAddress.Mac,
        LispAddress.DistinguishedName, LispAddress.Lcaf {
    /** AFI 0: no address. */
    int AFI_NONE = 0;
    /** AFI 1: IPv4. */
    int AFI_IPV4 = 1;
    /** AFI 2: IPv6. */
    int AFI_IPV6 = 2;
    /** AFI 6: IEEE 802 MAC address, as lispers.net sends it. */
    int AFI_MAC = 6;
    /** AFI 17: Distinguished Name. */
    int AFI_DISTINGUISHED_NAME = 17;
    /** AFI 16387: LISP Canonical Address Format (RFC 8060). */
    int AFI_LCAF = 16387;
    /** AFI 16389: 48-bit MAC address, as OpenDaylight sends it. */
    int AFI_MAC_48 = 16389;

    /**
     * Returns the AFI on the wire.
     *
     * @return the Address Family Identifier, 0..65535
     */
    int afi();

    /**
     * Returns the address's length on the wire, its 2-octet AFI included.
     *
     * @return the encoded length
     */
    int encodedLength();

    /** The no-address value, AFI 0. */
    None NONE = new None();

    /**
     * AFI 0: no address (an unknown Source EID, an absent NAT-Traversal address, an
     * Instance-ID LCAF without a prefix). Nothing follows the AFI.
     */
    record None() implements LispAddress {
        @Override
        public int afi() {
            return AFI_NONE;
        }

        @Override
        public int encodedLength() {
            return 2;
        }

        @Override
        public String toString() {
            return "no-address";
        }
    }

    /**
     * AFI 1: an IPv4 address.
     *
     * @param address the address
     */
    record Ipv4(Ipv4Address address) implements LispAddress {
        /**
         * Checks the component.
         *
         * @param address the address
         * @throws NullPointerException if {@code address} is null
         */
        public Ipv4 {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int afi() {
            return AFI_IPV4;
        }

        @Override
        public int encodedLength() {
            return 6;
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }

    /**
     * AFI 2: an IPv6 address.
     *
     * @param address the address
     */
    record Ipv6(Ipv6Address address) implements LispAddress {
        /**
         * Checks the component.
         *
         * @param address the address
         * @throws NullPointerException if {@code address} is null
         */
        public Ipv6 {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int afi() {
            return AFI_IPV6;
        }

        @Override
        public int encodedLength() {
            return 18;
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }

    /**
     * A 48-bit MAC address under AFI 6 (lispers.net) or AFI 16389 (OpenDaylight); the AFI is
     * kept so that a decoded address is encoded as it came.
     *
     * @param afi     {@link #AFI_MAC} or {@link #AFI_MAC_48}
     * @param address the address
     */
    record Mac(int afi, MacAddress address) implements LispAddress {
        /**
         * Checks the components.
         *
         * @param afi     {@link #AFI_MAC} or {@link #AFI_MAC_48}
         * @param address the address
         * @throws IllegalArgumentException if {@code afi} is neither MAC AFI
         * @throws NullPointerException if {@code address} is null
         */
        public Mac {
            Check.argument(afi == AFI_MAC || afi == AFI_MAC_48, "afi", afi, "6 or 16389");
            Objects.requireNonNull(address, "address");
        }

        /**
         * A MAC address under AFI 6.
         *
         * @param address the address
         * @return the address
         */
        public static Mac of(MacAddress address) {
            return new Mac(AFI_MAC, address);
        }

        @Override
        public int encodedLength() {
            return 8;
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }

    /**
     * AFI 17: a Distinguished Name, the octets before the terminating NUL
     * (draft-farinacci-lisp-name-encoding, referenced by RFC 8060). The length on the wire is
     * counted in octets, the NUL included, never in characters.
     *
     * @param name the octets of the name, without the NUL; none of them is 0
     */
    record DistinguishedName(ByteString name) implements LispAddress {
        /**
         * Checks the component.
         *
         * @param name the octets of the name, without the NUL
         * @throws IllegalArgumentException if an octet is 0 or the name exceeds 65533 octets
         * @throws NullPointerException if {@code name} is null
         */
        public DistinguishedName {
            Objects.requireNonNull(name, "name");
            Check.inRange("name.length()", name.length(), 0, 0xFFFF - 2);
            for (int i = 0; i < name.length(); i++) {
                Check.argument(name.byteAt(i) != 0, "name", name, "no NUL octet");
            }
        }

        /**
         * A name from text, encoded in UTF-8.
         *
         * @param text the name
         * @return the address
         * @throws IllegalArgumentException if the text holds U+0000
         */
        public static DistinguishedName of(String text) {
            return new DistinguishedName(ByteString.of(text.getBytes(StandardCharsets.UTF_8)));
        }

        /**
         * Returns the name as text, decoded as UTF-8.
         *
         * @return the name
         */
        public String text() {
            return new String(name.toByteArray(), StandardCharsets.UTF_8);
        }

        @Override
        public int afi() {
            return AFI_DISTINGUISHED_NAME;
        }

        @Override
        public int encodedLength() {
            return 2 + name.length() + 1;
        }

        @Override
        public String toString() {
            return "'" + text() + "'";
        }
    }

    /**
     * AFI 16387: an LCAF (RFC 8060 §3), the common header and a typed body.
     *
     * <pre>
     *  0                   1                   2                   3
     *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |           AFI = 16387         |     Rsvd1     |     Flags     |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |    Type       |     Rsvd2     |            Length             |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * </pre>
     *
     * Type and Rsvd2 belong to the body (several types give Rsvd2 a meaning); Length is the
     * body's length, derived from it as a full 16-bit value. Rsvd1 and Flags have no meaning
     * and are kept as on the wire.
     *
     * @param reserved1 Rsvd1, 0..255
     * @param flags     Flags, 0..255
     * @param body      the typed body
     */
    record Lcaf(int reserved1, int flags, LcafBody body) implements LispAddress {
        /** The most octets a body can have: Length is 16 bits. */
        public static final int MAX_BODY_LENGTH = 0xFFFF;

        /** How deep LCAFs may nest inside one another (RFC 8060 bounds nothing; a decoder must). */
        public static final int MAX_NESTING = 8;

        /**
         * Checks the components.
         *
         * @param reserved1 Rsvd1, 0..255
         * @param flags     Flags, 0..255
         * @param body      the typed body
         * @throws IllegalArgumentException if a field is out of range or the body exceeds 65535 octets
         * @throws NullPointerException if {@code body} is null
         */
        public Lcaf {
            Check.inRange("reserved1", reserved1, 0, 0xFF);
            Check.inRange("flags", flags, 0, 0xFF);
            Objects.requireNonNull(body, "body");
            Check.inRange("body.bodyLength()", body.bodyLength(), 0, MAX_BODY_LENGTH);
        }

        /**
         * An LCAF with Rsvd1 and Flags 0.
         *
         * @param body the body
         * @return the address
         */
        public static Lcaf of(LcafBody body) {
            return new Lcaf(0, 0, body);
        }

        @Override
        public int afi() {
            return AFI_LCAF;
        }

        /**
         * Returns the LCAF type of the body.
         *
         * @return the type, 0..255
         */
        public int type() {
            return body.type();
        }

        @Override
        public int encodedLength() {
            return 8 + body.bodyLength();
        }

        @Override
        public String toString() {
            return body.toString();
        }
    }
}
