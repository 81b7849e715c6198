package org.tunnelcodec.mip6;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Check;

/**
 * A mobility option (RFC 6275 §6.2.1): a TLV after the message's fixed part. Pad1 is the one
 * octet 0; every other option has a Type, a Length (the data octets) and its data.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- - - - - - - - -
 * |  Option Type  | Option Length |   Option Data...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- - - - - - - - -
 * </pre>
 *
 * <p>The options with records of their own, with the alignment {@link MobilityHeader#of} gives
 * them ("xn+y": the Type octet at an offset from the start of the Mobility Header that is y
 * modulo x, RFC 6275 §6.2.1): Pad1 and PadN (RFC 6275 §6.2.2, §6.2.3), Binding Refresh Advice
 * (2n, §6.2.4), Alternate Care-of Address (8n+6, §6.2.5), Nonce Indices (2n, §6.2.6), Binding
 * Authorization Data (8n+2, §6.2.7), Mobile Network Prefix (8n+4, RFC 3963), Mobile Node
 * Identifier (none, RFC 4283), Mobility Message Authentication and Replay Protection (none,
 * RFC 4285), the DSMIPv6 options 29 to 32 (placed at 8n+4, RFC 5555), Binding Identifier
 * (placed at 8n+2, RFC 5648), Flow Summary (placed at 2n, RFC 6089) and Flow Identification
 * (placed at 8n+2, RFC 6089). Any other type is an {@link Unknown} option with its data as it
 * is, placed without alignment: a receiver skips it by its Length (RFC 6275 §6.2.1).
 */
public sealed interface MobilityOption {
    /**
     * Returns the Option Type.
     *
     * @return the Option Type, 0..255
     */
    int type();

    /**
     * Returns the option's length on the wire: 1 for Pad1, else 2 plus the Option Length.
     *
     * @return the octets the option takes
     */
    int encodedLength();

    /**
     * Pad1 (RFC 6275 §6.2.2): one octet of padding, the octet 0.
     */
    record Pad1() implements MobilityOption {
        @Override
        public int type() {
            return Mip6Layout.PAD1;
        }

        @Override
        public int encodedLength() {
            return 1;
        }
    }

    /**
     * PadN (RFC 6275 §6.2.3): two or more octets of padding. The data is kept as on the wire
     * (zeros when sent; a receiver ignores it).
     *
     * @param data the padding data, 0..255 octets
     */
    record PadN(ByteString data) implements MobilityOption {
        /**
         * Checks the component.
         *
         * @param data the padding data, 0..255 octets
         * @throws IllegalArgumentException if {@code data} is longer than 255 octets
         * @throws NullPointerException if {@code data} is null
         */
        public PadN {
            Objects.requireNonNull(data, "data");
            Check.inRange("data.length()", data.length(), 0, Mip6Layout.MAX_OPTION_DATA);
        }

        /**
         * PadN of zero octets, taking {@code length} octets on the wire in all.
         *
         * @param length the octets the option takes, 2..257
         * @return the option
         * @throws IllegalArgumentException if {@code length} is out of range
         */
        public static PadN ofLength(int length) {
            Check.inRange("length", length, 2, Mip6Layout.MAX_OPTION_DATA + 2);
            return new PadN(ByteString.of(new byte[length - 2]));
        }

        @Override
        public int type() {
            return Mip6Layout.PADN;
        }

        @Override
        public int encodedLength() {
            return Mip6Layout.OPTION_HEADER_LENGTH + data.length();
        }
    }

    /**
     * Binding Refresh Advice (RFC 6275 §6.2.4, type 2, Length 2): in a Binding
     * Acknowledgement, when the mobile node should refresh its binding.
     *
     * @param refreshInterval the Refresh Interval in 4-second units, 0..65535
     */
    record BindingRefreshAdvice(int refreshInterval) implements MobilityOption {
        /**
         * Checks the component.
         *
         * @param refreshInterval the Refresh Interval in 4-second units, 0..65535
         * @throws IllegalArgumentException if {@code refreshInterval} is out of range
         */
        public BindingRefreshAdvice {
            Check.inRange("refreshInterval", refreshInterval, 0, 0xFFFF);
        }

        /**
         * Returns the Refresh Interval in seconds.
         *
         * @return the Refresh Interval times 4
         */
        public long refreshIntervalSeconds() {
            return refreshInterval * 4L;
        }

        @Override
        public int type() {
            return Mip6Layout.BINDING_REFRESH_ADVICE;
        }

        @Override
        public int encodedLength() {
            return 4;
        }
    }

    /**
     * Alternate Care-of Address (RFC 6275 §6.2.5, type 3, Length 16): in a Binding Update, the
     * care-of address to register instead of the IPv6 Source Address.
     *
     * @param address the Alternate Care-of Address
     */
    record AlternateCareOfAddress(Ipv6Address address) implements MobilityOption {
        /**
         * Checks the component.
         *
         * @param address the Alternate Care-of Address
         * @throws NullPointerException if {@code address} is null
         */
        public AlternateCareOfAddress {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int type() {
            return Mip6Layout.ALTERNATE_CARE_OF_ADDRESS;
        }

        @Override
        public int encodedLength() {
            return 18;
        }
    }

    /**
     * Nonce Indices (RFC 6275 §6.2.6, type 4, Length 4): in a Binding Update to a correspondent
     * node, the nonces the keygen tokens were made with.
     *
     * @param homeNonceIndex   the Home Nonce Index, 0..65535
     * @param careOfNonceIndex the Care-of Nonce Index, 0..65535
     */
    record NonceIndices(int homeNonceIndex, int careOfNonceIndex) implements MobilityOption {
        /**
         * Checks the components.
         *
         * @param homeNonceIndex the Home Nonce Index, 0..65535
         * @param careOfNonceIndex the Care-of Nonce Index, 0..65535
         * @throws IllegalArgumentException if a component is out of range
         */
        public NonceIndices {
            Check.inRange("homeNonceIndex", homeNonceIndex, 0, 0xFFFF);
            Check.inRange("careOfNonceIndex", careOfNonceIndex, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return Mip6Layout.NONCE_INDICES;
        }

        @Override
        public int encodedLength() {
            return 6;
        }
    }

    /**
     * Binding Authorization Data (RFC 6275 §6.2.7, type 5): the authenticator of the message,
     * 12 octets for return routability. It is the last option of a message.
     *
     * @param authenticator the Authenticator, 0..255 octets
     */
    record BindingAuthorizationData(ByteString authenticator) implements MobilityOption {
        /**
         * Checks the component.
         *
         * @param authenticator the Authenticator, 0..255 octets
         * @throws IllegalArgumentException if it is longer than 255 octets
         * @throws NullPointerException if {@code authenticator} is null
         */
        public BindingAuthorizationData {
            Objects.requireNonNull(authenticator, "authenticator");
            Check.inRange("authenticator.length()", authenticator.length(), 0, Mip6Layout.MAX_OPTION_DATA);
        }

        @Override
        public int type() {
            return Mip6Layout.BINDING_AUTHORIZATION_DATA;
        }

        @Override
        public int encodedLength() {
            return Mip6Layout.OPTION_HEADER_LENGTH + authenticator.length();
        }
    }

    /**
     * Mobile Network Prefix (RFC 3963 §4.3, type 6, Length 18): in a Binding Update of a mobile
     * router, one prefix of the network it serves; it may repeat.
     *
     * <pre>
     * | Type = 6 | Length = 18 | Reserved | Prefix Length | Mobile Network Prefix (128) |
     * </pre>
     *
     * @param reserved     the Reserved octet, 0..255 (0 when sent)
     * @param prefixLength the Prefix Length in bits, 0..255 as on the wire (0..128 is meaningful)
     * @param prefix       the Mobile Network Prefix
     */
    record MobileNetworkPrefix(int reserved, int prefixLength, Ipv6Address prefix) implements MobilityOption {
        /**
         * Checks the components.
         *
         * @param reserved the Reserved octet, 0..255
         * @param prefixLength the Prefix Length, 0..255
         * @param prefix the Mobile Network Prefix
         * @throws IllegalArgumentException if a component is out of range
         * @throws NullPointerException if {@code prefix} is null
         */
        public MobileNetworkPrefix {
            Check.inRange("reserved", reserved, 0, 0xFF);
            Check.inRange("prefixLength", prefixLength, 0, 0xFF);
            Objects.requireNonNull(prefix, "prefix");
        }

        @Override
        public int type() {
            return Mip6Layout.MOBILE_NETWORK_PREFIX;
        }

        @Override
        public int encodedLength() {
            return 20;
        }
    }

    /**
     * Mobile Node Identifier (RFC 4283 §3, type 8): the mobile node's identity, a Network
     * Access Identifier for subtype 1.
     *
     * <pre>
     * | Type = 8 | Length | Subtype | Identifier (Length - 1 octets) |
     * </pre>
     *
     * @param subtype    the Subtype, 0..255 (1: NAI; later IANA values: 2 IPv6 address, 3 IMSI, ...)
     * @param identifier the Identifier, 1..254 octets
     */
    record MobileNodeIdentifier(int subtype, ByteString identifier) implements MobilityOption {
        /** Subtype 1: a Network Access Identifier (RFC 4283 §3). */
        public static final int NAI = 1;

        /**
         * Checks the components.
         *
         * @param subtype the Subtype, 0..255
         * @param identifier the Identifier, 1..254 octets
         * @throws IllegalArgumentException if a component is out of range
         * @throws NullPointerException if {@code identifier} is null
         */
        public MobileNodeIdentifier {
            Check.inRange("subtype", subtype, 0, 0xFF);
            Objects.requireNonNull(identifier, "identifier");
            Check.inRange("identifier.length()", identifier.length(), 1, Mip6Layout.MAX_OPTION_DATA - 1);
        }

        /**
         * An identifier of subtype NAI.
         *
         * @param nai the Network Access Identifier, 1..254 octets in UTF-8
         * @return the option
         * @throws IllegalArgumentException if the identifier is empty or too long
         */
        public static MobileNodeIdentifier ofNai(String nai) {
            return new MobileNodeIdentifier(NAI, ByteString.of(nai.getBytes(StandardCharsets.UTF_8)));
        }

        /**
         * Returns the identifier as text (UTF-8), as a NAI is written.
         *
         * @return the identifier decoded as UTF-8
         */
        public String identifierText() {
            return new String(identifier.toByteArray(), StandardCharsets.UTF_8);
        }

        @Override
        public int type() {
            return Mip6Layout.MOBILE_NODE_IDENTIFIER;
        }

        @Override
        public int encodedLength() {
            return Mip6Layout.OPTION_HEADER_LENGTH + 1 + identifier.length();
        }
    }

    /**
     * Binding Identifier (RFC 5648 §6.1, type 35, Length 4, 8 or 20): names one of several
     * bindings of a home address, with an IPv4 or IPv6 care-of address in a Binding Update, and
     * in a Binding Acknowledgement the Status of that binding.
     *
     * <pre>
     *                                 +---------------+---------------+
     *                                 |   Type = 35   |    Length     |
     * +---------------+---------------+---------------+---------------+
     * |        Binding ID (BID)       |    Status     |H|   BID-PRI   |
     * +---------------+---------------+---------------+-+-------------+
     * :      optional care-of address: IPv4 (32 bits) or IPv6 (128)    :
     * </pre>
     *
     * <p>The octet after Status is kept whole in {@code flags}: H (0x80, simultaneous home and
     * foreign binding) and seven bits that RFC 5648 leaves reserved and RFC 6089 §4.1 makes the
     * binding priority (BID-PRI). No other flag (an "O", overwrite, flag of the drafts) is
 * defined there: bit 0x40 is the top bit of BID-PRI. The address family follows from the Length
 * alone.
     *
     * @param bindingId     the Binding ID, 0..65535 (0 is reserved)
     * @param status        the Status, 0..255 (0 in a Binding Update)
     * @param flags         the octet after Status: H 0x80, BID-PRI 0x7F
     * @param careOfAddress the care-of address: empty, 4 octets (IPv4) or 16 (IPv6)
     */
    record BindingIdentifier(int bindingId, int status, int flags, ByteString careOfAddress)
            implements MobilityOption {
        /** H: simultaneous home and foreign binding. */
        public static final int H = Mip6Layout.BID_H;

        /**
         * Checks the components.
         *
         * @param bindingId the Binding ID, 0..65535
         * @param status the Status, 0..255
         * @param flags the octet after Status, 0..255
         * @param careOfAddress the care-of address: empty, 4 or 16 octets
         * @throws IllegalArgumentException if a component is out of range
         * @throws NullPointerException if {@code careOfAddress} is null
         */
        public BindingIdentifier {
            Check.inRange("bindingId", bindingId, 0, 0xFFFF);
            Check.inRange("status", status, 0, 0xFF);
            Check.inRange("flags", flags, 0, 0xFF);
            Objects.requireNonNull(careOfAddress, "careOfAddress");
            int n = careOfAddress.length();
            Check.argument(n == 0 || n == 4 || n == 16, "careOfAddress.length()", n, "0, 4 or 16");
        }

        /**
         * A Binding Identifier with an IPv6 care-of address, as a Binding Update carries it:
         * Status 0, H clear.
         *
         * @param bindingId the Binding ID, 0..65535
         * @param priority the BID-PRI, 0..127
         * @param careOfAddress the care-of address
         * @return the option
         * @throws IllegalArgumentException if a value is out of range
         */
        public static BindingIdentifier of(int bindingId, int priority, Ipv6Address careOfAddress) {
            Check.inRange("priority", priority, 0, 0x7F);
            return new BindingIdentifier(bindingId, 0, priority, ByteString.of(careOfAddress.toByteArray()));
        }

        /**
         * A Binding Identifier with an IPv4 care-of address, as a Binding Update carries it:
         * Status 0, H clear.
         *
         * @param bindingId the Binding ID, 0..65535
         * @param priority the BID-PRI, 0..127
         * @param careOfAddress the care-of address
         * @return the option
         * @throws IllegalArgumentException if a value is out of range
         */
        public static BindingIdentifier of(int bindingId, int priority, Ipv4Address careOfAddress) {
            Check.inRange("priority", priority, 0, 0x7F);
            return new BindingIdentifier(bindingId, 0, priority, ByteString.of(careOfAddress.toByteArray()));
        }

        /**
         * Returns H: the mobile node registers while one interface is on the home link.
         *
         * @return whether H is set
         */
        public boolean simultaneousHomeAndForeign() {
            return (flags & H) != 0;
        }

        /**
         * Returns the BID-PRI (RFC 6089 §4.1): the seven bits after H; lower is preferred, 0
         * is reserved.
         *
         * @return the binding priority, 0..127
         */
        public int priority() {
            return flags & 0x7F;
        }

        /**
         * Returns the IPv4 care-of address, when the Length is 8.
         *
         * @return the address, or empty
         */
        public Optional<Ipv4Address> ipv4CareOfAddress() {
            return careOfAddress.length() == 4 ? Optional.of(Ipv4Address.read(careOfAddress.asReadOnlyBuffer(), 0))
                    : Optional.empty();
        }

        /**
         * Returns the IPv6 care-of address, when the Length is 20.
         *
         * @return the address, or empty
         */
        public Optional<Ipv6Address> ipv6CareOfAddress() {
            return careOfAddress.length() == 16 ? Optional.of(Ipv6Address.read(careOfAddress.asReadOnlyBuffer(), 0))
                    : Optional.empty();
        }

        @Override
        public int type() {
            return Mip6Layout.BINDING_IDENTIFIER;
        }

        @Override
        public int encodedLength() {
            return 6 + careOfAddress.length();
        }
    }

    /**
     * Mobility Message Authentication (RFC 4285 §5, type 9): authenticates the message to the
     * home agent (subtype 1, MN-HA) or to an AAA server (subtype 2, MN-AAA). It is the last
     * option of the message. The Authentication Data is kept as it is (with HMAC-SHA1 MN-HA, 12
     * octets).
     *
     * <pre>
     * | Type = 9 | Length | Subtype (8) | Mobility SPI (32) | Authentication Data (Length - 5) |
     * </pre>
     *
     * @param subtype            the Subtype, 0..255 (1 MN-HA, 2 MN-AAA)
     * @param spi                the Mobility SPI, 0..2^32-1
     * @param authenticationData the Authentication Data, 0..250 octets
     */
    record MobilityMessageAuthentication(int subtype, long spi, ByteString authenticationData)
            implements MobilityOption {
        /** Subtype 1: MN-HA authentication (RFC 4285 §5.1). */
        public static final int MN_HA = 1;
        /** Subtype 2: MN-AAA authentication (RFC 4285 §5.2). */
        public static final int MN_AAA = 2;

        /**
         * Checks the components.
         *
         * @param subtype the Subtype, 0..255
         * @param spi the Mobility SPI, 0..2^32-1
         * @param authenticationData the Authentication Data, 0..250 octets
         * @throws IllegalArgumentException if a component is out of range
         * @throws NullPointerException if {@code authenticationData} is null
         */
        public MobilityMessageAuthentication {
            Check.inRange("subtype", subtype, 0, 0xFF);
            Check.argument(spi >= 0 && spi <= 0xFFFF_FFFFL, "spi", spi, "0..2^32-1");
            Objects.requireNonNull(authenticationData, "authenticationData");
            Check.inRange("authenticationData.length()", authenticationData.length(), 0,
                    Mip6Layout.MAX_OPTION_DATA - 5);
        }

        @Override
        public int type() {
            return Mip6Layout.MOBILITY_MESSAGE_AUTHENTICATION;
        }

        @Override
        public int encodedLength() {
            return Mip6Layout.OPTION_HEADER_LENGTH + 5 + authenticationData.length();
        }
    }

    /**
     * Mobility Message Replay Protection, "MESG-ID" (RFC 4285 §6, type 10, Length 8): a 64-bit
     * timestamp against replayed messages.
     *
     * @param timestamp the Timestamp, all 64 bits (seconds and fraction, as NTP writes them)
     */
    record MobilityMessageReplayProtection(long timestamp) implements MobilityOption {
        @Override
        public int type() {
            return Mip6Layout.MOBILITY_MESSAGE_REPLAY_PROTECTION;
        }

        @Override
        public int encodedLength() {
            return 10;
        }
    }

    /**
     * IPv4 Home Address (RFC 5555, type 29, Length 6): in a Binding Update, the IPv4
     * home address the mobile node registers, or 0.0.0.0 to have one assigned.
     *
     * <pre>
     * | Type = 29 | Length = 6 | Prefix-len (6) |P| Reserved (9) | IPv4 home address (32) |
     * </pre>
     *
     * @param prefixLength the Prefix-len, 0..63 as on the wire (0..32 is meaningful)
     * @param flags        the 10 bits after Prefix-len: P 0x200, Reserved 0x1FF (0 when sent)
     * @param homeAddress  the IPv4 home address
     */
    record Ipv4HomeAddress(int prefixLength, int flags, Ipv4Address homeAddress) implements MobilityOption {
        /** P: the mobile node asks for an IPv4 mobile network prefix. */
        public static final int P = 0x200;

        /**
         * Checks the components.
         *
         * @param prefixLength the Prefix-len, 0..63
         * @param flags the 10 bits after Prefix-len, 0..0x3FF
         * @param homeAddress the IPv4 home address
         * @throws IllegalArgumentException if a component is out of range
         * @throws NullPointerException if {@code homeAddress} is null
         */
        public Ipv4HomeAddress {
            Check.inRange("prefixLength", prefixLength, 0, 0x3F);
            Check.inRange("flags", flags, 0, 0x3FF);
            Objects.requireNonNull(homeAddress, "homeAddress");
        }

        /**
         * Returns P: the mobile node asks for an IPv4 mobile network prefix.
         *
         * @return whether P is set
         */
        public boolean prefixRequested() {
            return (flags & P) != 0;
        }

        @Override
        public int type() {
            return Mip6Layout.IPV4_HOME_ADDRESS;
        }

        @Override
        public int encodedLength() {
            return 8;
        }
    }

    /**
     * IPv4 Address Acknowledgement (RFC 5555, type 30, Length 6): in a Binding
     * Acknowledgement, the result of the IPv4 home address registration.
     *
     * <pre>
     * | Type = 30 | Length = 6 | Status (8) | Pref-len (6) | Res (2) | IPv4 home address (32) |
     * </pre>
     *
     * @param status       the Status, 0..255 (below 128: success)
     * @param prefixLength the Pref-len, 0..63 as on the wire (0..32 is meaningful)
     * @param reserved     the two Reserved bits, 0..3 (0 when sent)
     * @param homeAddress  the IPv4 home address
     */
    record Ipv4AddressAcknowledgement(int status, int prefixLength, int reserved, Ipv4Address homeAddress)
            implements MobilityOption {
        /**
         * Checks the components.
         *
         * @param status the Status, 0..255
         * @param prefixLength the Pref-len, 0..63
         * @param reserved the two Reserved bits, 0..3
         * @param homeAddress the IPv4 home address
         * @throws IllegalArgumentException if a component is out of range
         * @throws NullPointerException if {@code homeAddress} is null
         */
        public Ipv4AddressAcknowledgement {
            Check.inRange("status", status, 0, 0xFF);
            Check.inRange("prefixLength", prefixLength, 0, 0x3F);
            Check.inRange("reserved", reserved, 0, 3);
            Objects.requireNonNull(homeAddress, "homeAddress");
        }

        @Override
        public int type() {
            return Mip6Layout.IPV4_ADDRESS_ACKNOWLEDGEMENT;
        }

        @Override
        public int encodedLength() {
            return 8;
        }
    }

    /**
     * NAT Detection (RFC 5555, type 31, Length 6): in a Binding Acknowledgement, whether
     * the mobile node is to encapsulate in UDP, and how often to refresh the NAT binding.
     *
     * <pre>
     * | Type = 31 | Length = 6 |F| Reserved (15) | Refresh time (32, seconds) |
     * </pre>
     *
     * @param flags       the 16 bits before Refresh time: F 0x8000, Reserved 0x7FFF (0 when sent)
     * @param refreshTime the Refresh time in seconds, 0..2^32-1
     */
    record NatDetection(int flags, long refreshTime) implements MobilityOption {
        /** F: the mobile node must encapsulate in UDP. */
        public static final int F = 0x8000;

        /**
         * Checks the components.
         *
         * @param flags the 16 bits before Refresh time, 0..65535
         * @param refreshTime the Refresh time, 0..2^32-1
         * @throws IllegalArgumentException if a component is out of range
         */
        public NatDetection {
            Check.inRange("flags", flags, 0, 0xFFFF);
            Check.argument(refreshTime >= 0 && refreshTime <= 0xFFFF_FFFFL, "refreshTime", refreshTime,
                    "0..2^32-1");
        }

        /**
         * Returns F: the mobile node must use UDP encapsulation.
         *
         * @return whether F is set
         */
        public boolean udpEncapsulation() {
            return (flags & F) != 0;
        }

        @Override
        public int type() {
            return Mip6Layout.NAT_DETECTION;
        }

        @Override
        public int encodedLength() {
            return 8;
        }
    }

    /**
     * IPv4 Care-of Address (RFC 5555, type 32, Length 6): in a Binding Update, the
     * mobile node's IPv4 care-of address.
     *
     * <pre>
     * | Type = 32 | Length = 6 | Reserved (16) | IPv4 care-of address (32) |
     * </pre>
     *
     * @param reserved      the Reserved field, 0..65535 (0 when sent)
     * @param careOfAddress the IPv4 care-of address
     */
    record Ipv4CareOfAddress(int reserved, Ipv4Address careOfAddress) implements MobilityOption {
        /**
         * Checks the components.
         *
         * @param reserved the Reserved field, 0..65535
         * @param careOfAddress the IPv4 care-of address
         * @throws IllegalArgumentException if {@code reserved} is out of range
         * @throws NullPointerException if {@code careOfAddress} is null
         */
        public Ipv4CareOfAddress {
            Check.inRange("reserved", reserved, 0, 0xFFFF);
            Objects.requireNonNull(careOfAddress, "careOfAddress");
        }

        @Override
        public int type() {
            return Mip6Layout.IPV4_CARE_OF_ADDRESS;
        }

        @Override
        public int encodedLength() {
            return 8;
        }
    }

    /**
     * Flow Summary (RFC 6089 §4.2.2, type 44, Length 2 x count): the Flow IDs of flow bindings the
     * mobile node refreshes without describing them again.
     *
     * <pre>
     * | Type = 44 | Length = 2k | FID 1 (16) | ... | FID k (16) |
     * </pre>
     *
     * @param flowIds the Flow IDs, 1..127 of them, each 0..65535
     */
    record FlowSummary(List<Integer> flowIds) implements MobilityOption {
        /**
         * Checks and copies the component.
         *
         * @param flowIds the Flow IDs, 1..127 of them, each 0..65535
         * @throws IllegalArgumentException if there are none or too many, or one is out of range
         * @throws NullPointerException if {@code flowIds} or one of them is null
         */
        public FlowSummary {
            flowIds = List.copyOf(flowIds);
            Check.inRange("flowIds.size()", flowIds.size(), 1, Mip6Layout.MAX_OPTION_DATA / 2);
            for (int fid : flowIds) {
                Check.inRange("flowId", fid, 0, 0xFFFF);
            }
        }

        @Override
        public int type() {
            return Mip6Layout.FLOW_SUMMARY;
        }

        @Override
        public int encodedLength() {
            return Mip6Layout.OPTION_HEADER_LENGTH + 2 * flowIds.size();
        }
    }

    /**
     * Flow Identification (RFC 6089 §4.2, type 45, Length 6 plus the sub-options): one flow
     * binding, with its description and bindings in sub-options ({@link FlowSubOption}) in a
     * Binding Update, and its Status in a Binding Acknowledgement.
     *
     * <pre>
     *                                 +---------------+---------------+
     *                                 |   Type = 45   |    Length     |
     * +---------------+---------------+---------------+---------------+
     * |              FID              |            FID-PRI            |
     * +---------------+---------------+---------------+---------------+
     * |   Reserved    |    Status     |      sub-options ...
     * +---------------+---------------+-------------------------------
     * </pre>
     *
     * @param flowId     the FID, 0..65535 (0 is reserved)
     * @param priority   the FID-PRI, 0..65535 (lower is preferred; 0 is reserved)
     * @param reserved   the Reserved octet, 0..255 (0 when sent)
     * @param status     the Status, 0..255 (0 in a Binding Update; 128 and up: rejected)
     * @param subOptions the sub-options, padding included, at most 249 octets in all
     */
    record FlowIdentification(int flowId, int priority, int reserved, int status, List<FlowSubOption> subOptions)
            implements MobilityOption {
        /**
         * Checks and copies the components.
         *
         * @param flowId the FID, 0..65535
         * @param priority the FID-PRI, 0..65535
         * @param reserved the Reserved octet, 0..255
         * @param status the Status, 0..255
         * @param subOptions the sub-options, at most 249 octets in all
         * @throws IllegalArgumentException if a component is out of range
         * @throws NullPointerException if {@code subOptions} or one of them is null
         */
        public FlowIdentification {
            Check.inRange("flowId", flowId, 0, 0xFFFF);
            Check.inRange("priority", priority, 0, 0xFFFF);
            Check.inRange("reserved", reserved, 0, 0xFF);
            Check.inRange("status", status, 0, 0xFF);
            subOptions = List.copyOf(subOptions);
            int n = 0;
            for (FlowSubOption s : subOptions) {
                n += s.encodedLength();
            }
            Check.inRange("sub-option octets", n, 0, Mip6Layout.MAX_OPTION_DATA - Mip6Layout.FLOW_FIXED_LENGTH);
        }

        @Override
        public int type() {
            return Mip6Layout.FLOW_IDENTIFICATION;
        }

        @Override
        public int encodedLength() {
            int n = Mip6Layout.OPTION_HEADER_LENGTH + Mip6Layout.FLOW_FIXED_LENGTH;
            for (FlowSubOption s : subOptions) {
                n += s.encodedLength();
            }
            return n;
        }
    }

    /**
     * An option of a type without a record here, with its data as it is.
     *
     * @param type the Option Type, 0..255, not one of the types with a record
     * @param data the Option Data, 0..255 octets
     */
    record Unknown(int type, ByteString data) implements MobilityOption {
        /**
         * Checks the components.
         *
         * @param type the Option Type, not one of the types with a record
         * @param data the Option Data, 0..255 octets
         * @throws IllegalArgumentException if {@code type} has a record or is out of range, or
         *     {@code data} is too long
         * @throws NullPointerException if {@code data} is null
         */
        public Unknown {
            Check.inRange("type", type, 0, 0xFF);
            Check.argument(!Mip6Layout.hasRecord(type), "type", type, "a type without a record of its own");
            Objects.requireNonNull(data, "data");
            Check.inRange("data.length()", data.length(), 0, Mip6Layout.MAX_OPTION_DATA);
        }

        @Override
        public int encodedLength() {
            return Mip6Layout.OPTION_HEADER_LENGTH + data.length();
        }
    }
}
