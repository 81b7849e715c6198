package org.tunnelcodec.lisp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Check;

/**
 * The typed body of an LCAF ({@link LispAddress.Lcaf}): what follows the Length field, with the
 * Type and the Rsvd2 octet of the common header (RFC 8060 §3). Each type named by RFC 8060
 * (and RFC 8061, RFC 9306) is a record; a type without one, and a body that does not match its
 * type's layout where a second layout is in use (Geo Coordinates), is kept as its octets
 * ({@link Unknown}, {@link GeoCoordinatesOther}) and encoded back unchanged.
 *
 * <p>Every Rsvd2 octet and reserved field is kept as on the wire; the factories {@code of}
 * write them as 0.
 */
public sealed interface LcafBody
        permits LcafBody.NullBody, LcafBody.AfiList, LcafBody.InstanceId, LcafBody.AsNumber,
        LcafBody.ApplicationData, LcafBody.GeoCoordinates, LcafBody.GeoCoordinatesOther, LcafBody.OpaqueKey,
        LcafBody.NatTraversal, LcafBody.NonceLocator, LcafBody.MulticastInfo, LcafBody.ExplicitLocatorPath,
        LcafBody.SecurityKey, LcafBody.SourceDestKey, LcafBody.ReplicationList, LcafBody.Json,
        LcafBody.KeyValue, LcafBody.EncapsulationFormat, LcafBody.VendorSpecific, LcafBody.Unknown {
    /** Type 0, Null Body. */
    int NULL_BODY = 0;
    /** Type 1, AFI List. */
    int AFI_LIST = 1;
    /** Type 2, Instance ID. */
    int INSTANCE_ID = 2;
    /** Type 3, AS Number. */
    int AS_NUMBER = 3;
    /** Type 4, Application Data. */
    int APPLICATION_DATA = 4;
    /** Type 5, Geo Coordinates. */
    int GEO_COORDINATES = 5;
    /** Type 6, Opaque Key. */
    int OPAQUE_KEY = 6;
    /** Type 7, NAT-Traversal. */
    int NAT_TRAVERSAL = 7;
    /** Type 8, Nonce Locator. */
    int NONCE_LOCATOR = 8;
    /** Type 9, Multicast Info. */
    int MULTICAST_INFO = 9;
    /** Type 10, Explicit Locator Path. */
    int EXPLICIT_LOCATOR_PATH = 10;
    /** Type 11, Security Key (RFC 8061 §3). */
    int SECURITY_KEY = 11;
    /** Type 12, Source/Dest Key. */
    int SOURCE_DEST_KEY = 12;
    /** Type 13, Replication List Entry. */
    int REPLICATION_LIST = 13;
    /** Type 14, JSON Data Model. */
    int JSON = 14;
    /** Type 15, Key/Value Address Pair. */
    int KEY_VALUE = 15;
    /** Type 16, Encapsulation Format. */
    int ENCAPSULATION_FORMAT = 16;
    /** Type 255, Vendor Specific (RFC 9306). */
    int VENDOR_SPECIFIC = 255;

    /**
     * Returns the LCAF Type.
     *
     * @return the type, 0..255
     */
    int type();

    /**
     * Returns the Rsvd2 octet of the common header, which some types use (IID mask-len,
     * Multicast Info's R/L/J bits, JSON's B bit).
     *
     * @return Rsvd2, 0..255
     */
    int reserved2();

    /**
     * Returns the body's length on the wire: the LCAF's Length field.
     *
     * @return the body length
     */
    int bodyLength();

    private static int sum(List<LispAddress> addresses) {
        int n = 0;
        for (LispAddress a : addresses) {
            n += a.encodedLength();
        }
        return n;
    }

    private static int octet(String name, int v) {
        return Check.inRange(name, v, 0, 0xFF);
    }

    /**
     * Type 0: an LCAF with no body (Length 0).
     *
     * @param reserved2 Rsvd2, 0..255
     */
    record NullBody(int reserved2) implements LcafBody {
        /**
         * Checks the component.
         *
         * @param reserved2 Rsvd2, 0..255
         * @throws IllegalArgumentException if out of range
         */
        public NullBody {
            octet("reserved2", reserved2);
        }

        @Override
        public int type() {
            return NULL_BODY;
        }

        @Override
        public int bodyLength() {
            return 0;
        }
    }

    /**
     * Type 1 (RFC 8060 §4.1): a list of addresses, each with its AFI, which may be LCAFs.
     *
     * @param reserved2 Rsvd2, 0..255
     * @param addresses the addresses in wire order
     */
    record AfiList(int reserved2, List<LispAddress> addresses) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2 Rsvd2, 0..255
         * @param addresses the addresses in wire order
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code addresses} or an address is null
         */
        public AfiList {
            octet("reserved2", reserved2);
            addresses = List.copyOf(addresses);
        }

        /**
         * An AFI List with Rsvd2 0.
         *
         * @param addresses the addresses
         * @return the body
         */
        public static AfiList of(LispAddress... addresses) {
            return new AfiList(0, List.of(addresses));
        }

        @Override
        public int type() {
            return AFI_LIST;
        }

        @Override
        public int bodyLength() {
            return sum(addresses);
        }
    }

    /**
     * Type 2 (RFC 8060 §4.1): a 32-bit Instance ID and an address. Rsvd2 is the IID mask-len:
     * with no address (AFI 0) the number of leading IID bits that form an IID prefix.
     *
     * @param maskLength the IID mask-len (Rsvd2), 0..255
     * @param instanceId the Instance ID, 0..4294967295
     * @param address    the address in the instance
     */
    record InstanceId(int maskLength, long instanceId, LispAddress address) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param maskLength the IID mask-len, 0..255
         * @param instanceId the Instance ID, 0..4294967295
         * @param address    the address
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code address} is null
         */
        public InstanceId {
            octet("maskLength", maskLength);
            Check.inRange("instanceId", instanceId, 0, 0xFFFF_FFFFL);
            Objects.requireNonNull(address, "address");
        }

        /**
         * An Instance ID with mask-len 0.
         *
         * @param instanceId the Instance ID
         * @param address    the address
         * @return the body
         */
        public static InstanceId of(long instanceId, LispAddress address) {
            return new InstanceId(0, instanceId, address);
        }

        @Override
        public int type() {
            return INSTANCE_ID;
        }

        @Override
        public int reserved2() {
            return maskLength;
        }

        @Override
        public int bodyLength() {
            return 4 + address.encodedLength();
        }

        @Override
        public String toString() {
            return "[" + instanceId + "] " + address;
        }
    }

    /**
     * Type 3 (RFC 8060 §4.2): an AS number and an address.
     *
     * @param reserved2 Rsvd2, 0..255
     * @param asNumber  the AS number, 0..4294967295
     * @param address   the address
     */
    record AsNumber(int reserved2, long asNumber, LispAddress address) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2 Rsvd2, 0..255
         * @param asNumber  the AS number, 0..4294967295
         * @param address   the address
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code address} is null
         */
        public AsNumber {
            octet("reserved2", reserved2);
            Check.inRange("asNumber", asNumber, 0, 0xFFFF_FFFFL);
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int type() {
            return AS_NUMBER;
        }

        @Override
        public int bodyLength() {
            return 4 + address.encodedLength();
        }
    }

    /**
     * Type 4 (RFC 8060 §4.3): a 24-bit TOS / Traffic Class / Flow Label field (right-aligned,
     * as OpenDaylight writes an 8-bit TOS), the protocol, local and remote port ranges, and an
     * address.
     *
     * @param reserved2      Rsvd2, 0..255
     * @param tosOrFlowLabel the 24-bit field, 0..16777215
     * @param protocol       the IP protocol, 0..255
     * @param localPortLow   the lowest local port
     * @param localPortHigh  the highest local port
     * @param remotePortLow  the lowest remote port
     * @param remotePortHigh the highest remote port
     * @param address        the address
     */
    record ApplicationData(int reserved2, int tosOrFlowLabel, int protocol, int localPortLow, int localPortHigh,
                           int remotePortLow, int remotePortHigh, LispAddress address) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2      Rsvd2, 0..255
         * @param tosOrFlowLabel the 24-bit field, 0..16777215
         * @param protocol       the IP protocol, 0..255
         * @param localPortLow   the lowest local port, 0..65535
         * @param localPortHigh  the highest local port, 0..65535
         * @param remotePortLow  the lowest remote port, 0..65535
         * @param remotePortHigh the highest remote port, 0..65535
         * @param address        the address
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code address} is null
         */
        public ApplicationData {
            octet("reserved2", reserved2);
            Check.inRange("tosOrFlowLabel", tosOrFlowLabel, 0, 0xFF_FFFF);
            octet("protocol", protocol);
            Check.inRange("localPortLow", localPortLow, 0, 0xFFFF);
            Check.inRange("localPortHigh", localPortHigh, 0, 0xFFFF);
            Check.inRange("remotePortLow", remotePortLow, 0, 0xFFFF);
            Check.inRange("remotePortHigh", remotePortHigh, 0, 0xFFFF);
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int type() {
            return APPLICATION_DATA;
        }

        @Override
        public int bodyLength() {
            return 12 + address.encodedLength();
        }
    }

    /**
     * Type 5 in the layout of RFC 8060 §4.4: latitude and longitude in degrees, minutes and
     * seconds with a hemisphere bit each, a signed altitude in metres (0x7FFFFFFF: none) and an
     * address. Ranges (latitude 0..90, longitude 0..180, minutes and seconds 0..59) are the
     * caller's to check with {@link #inRange()}: the record keeps what the wire holds.
     *
     * @param reserved2        Rsvd2, 0..255
     * @param north            N: north (set) or south
     * @param latitudeDegrees  latitude degrees, 0..32767
     * @param latitudeMinutes  latitude minutes, 0..255
     * @param latitudeSeconds  latitude seconds, 0..255
     * @param east             E: east (set) or west
     * @param longitudeDegrees longitude degrees, 0..32767
     * @param longitudeMinutes longitude minutes, 0..255
     * @param longitudeSeconds longitude seconds, 0..255
     * @param altitude         altitude in metres, signed
     * @param address          the address
     */
    record GeoCoordinates(int reserved2, boolean north, int latitudeDegrees, int latitudeMinutes,
                          int latitudeSeconds, boolean east, int longitudeDegrees, int longitudeMinutes,
                          int longitudeSeconds, int altitude, LispAddress address) implements LcafBody {
        /** The altitude that means "none". */
        public static final int NO_ALTITUDE = 0x7FFF_FFFF;

        /**
         * Checks the components.
         *
         * @param reserved2        Rsvd2, 0..255
         * @param north            N
         * @param latitudeDegrees  latitude degrees, 0..32767
         * @param latitudeMinutes  latitude minutes, 0..255
         * @param latitudeSeconds  latitude seconds, 0..255
         * @param east             E
         * @param longitudeDegrees longitude degrees, 0..32767
         * @param longitudeMinutes longitude minutes, 0..255
         * @param longitudeSeconds longitude seconds, 0..255
         * @param altitude         altitude in metres
         * @param address          the address
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code address} is null
         */
        public GeoCoordinates {
            octet("reserved2", reserved2);
            Check.inRange("latitudeDegrees", latitudeDegrees, 0, 0x7FFF);
            octet("latitudeMinutes", latitudeMinutes);
            octet("latitudeSeconds", latitudeSeconds);
            Check.inRange("longitudeDegrees", longitudeDegrees, 0, 0x7FFF);
            octet("longitudeMinutes", longitudeMinutes);
            octet("longitudeSeconds", longitudeSeconds);
            Objects.requireNonNull(address, "address");
        }

        /**
         * Returns whether every coordinate is within its range (RFC 8060 §4.4).
         *
         * @return whether latitude is 0..90, longitude 0..180, minutes and seconds 0..59
         */
        public boolean inRange() {
            return latitudeDegrees <= 90 && longitudeDegrees <= 180 && latitudeMinutes < 60 && latitudeSeconds < 60
                    && longitudeMinutes < 60 && longitudeSeconds < 60;
        }

        @Override
        public int type() {
            return GEO_COORDINATES;
        }

        @Override
        public int bodyLength() {
            return 12 + address.encodedLength();
        }
    }

    /**
     * Type 5 in another layout than RFC 8060's (lispers.net sends the draft-ietf-lisp-geo
     * format under the same type): the body as it is. A type-5 body is read as
     * {@link GeoCoordinates} exactly when its 12 fixed octets are followed by one address that
     * ends at Length.
     *
     * @param reserved2 Rsvd2, 0..255
     * @param body      the body octets
     */
    record GeoCoordinatesOther(int reserved2, ByteString body) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2 Rsvd2, 0..255
         * @param body      the body octets
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code body} is null
         */
        public GeoCoordinatesOther {
            octet("reserved2", reserved2);
            Objects.requireNonNull(body, "body");
        }

        @Override
        public int type() {
            return GEO_COORDINATES;
        }

        @Override
        public int bodyLength() {
            return body.length();
        }
    }

    /**
     * Type 6 (RFC 8060 §5.5): the number of key fields, the wildcard bits and the opaque key.
     *
     * @param reserved2      Rsvd2, 0..255
     * @param keyFieldCount  Key Field Num, 0..255
     * @param wildcardFields Key Wildcard Fields, 0..65535
     * @param key            the key octets
     */
    record OpaqueKey(int reserved2, int keyFieldCount, int wildcardFields, ByteString key) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2      Rsvd2, 0..255
         * @param keyFieldCount  Key Field Num, 0..255
         * @param wildcardFields Key Wildcard Fields, 0..65535
         * @param key            the key octets
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code key} is null
         */
        public OpaqueKey {
            octet("reserved2", reserved2);
            octet("keyFieldCount", keyFieldCount);
            Check.inRange("wildcardFields", wildcardFields, 0, 0xFFFF);
            Objects.requireNonNull(key, "key");
        }

        @Override
        public int type() {
            return OPAQUE_KEY;
        }

        @Override
        public int bodyLength() {
            return 3 + key.length();
        }
    }

    /**
     * Type 7 (RFC 8060 §4.5): the ports and addresses of the NAT-traversal exchange; a missing
     * address is {@link LispAddress#NONE}. The RTR list runs to the end of the body.
     *
     * @param reserved2      Rsvd2, 0..255
     * @param msPort         the Map-Server UDP port
     * @param etrPort        the ETR UDP port
     * @param globalEtrRloc  the ETR's global RLOC
     * @param msRloc         the Map-Server's RLOC
     * @param privateEtrRloc the ETR's private RLOC
     * @param rtrRlocs       the RTR RLOCs
     */
    record NatTraversal(int reserved2, int msPort, int etrPort, LispAddress globalEtrRloc, LispAddress msRloc,
                        LispAddress privateEtrRloc, List<LispAddress> rtrRlocs) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2      Rsvd2, 0..255
         * @param msPort         the Map-Server UDP port, 0..65535
         * @param etrPort        the ETR UDP port, 0..65535
         * @param globalEtrRloc  the ETR's global RLOC
         * @param msRloc         the Map-Server's RLOC
         * @param privateEtrRloc the ETR's private RLOC
         * @param rtrRlocs       the RTR RLOCs
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if an address is null
         */
        public NatTraversal {
            octet("reserved2", reserved2);
            Check.inRange("msPort", msPort, 0, 0xFFFF);
            Check.inRange("etrPort", etrPort, 0, 0xFFFF);
            Objects.requireNonNull(globalEtrRloc, "globalEtrRloc");
            Objects.requireNonNull(msRloc, "msRloc");
            Objects.requireNonNull(privateEtrRloc, "privateEtrRloc");
            rtrRlocs = List.copyOf(rtrRlocs);
        }

        @Override
        public int type() {
            return NAT_TRAVERSAL;
        }

        @Override
        public int bodyLength() {
            return 4 + globalEtrRloc.encodedLength() + msRloc.encodedLength() + privateEtrRloc.encodedLength()
                    + sum(rtrRlocs);
        }
    }

    /**
     * Type 8 (RFC 8060 §5.1): a reserved octet, a 24-bit nonce and an address.
     *
     * @param reserved2 Rsvd2, 0..255
     * @param reserved  the Reserved octet, 0..255
     * @param nonce     the nonce, 0..16777215
     * @param address   the address
     */
    record NonceLocator(int reserved2, int reserved, int nonce, LispAddress address) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2 Rsvd2, 0..255
         * @param reserved  the Reserved octet, 0..255
         * @param nonce     the nonce, 0..16777215
         * @param address   the address
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code address} is null
         */
        public NonceLocator {
            octet("reserved2", reserved2);
            octet("reserved", reserved);
            Check.inRange("nonce", nonce, 0, 0xFF_FFFF);
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int type() {
            return NONCE_LOCATOR;
        }

        @Override
        public int bodyLength() {
            return 4 + address.encodedLength();
        }
    }

    /**
     * Type 9 (RFC 8060 §4.8): a multicast (S,G) in an instance. Rsvd2 carries the R (RP), L
     * (leave) and J (join) bits, 0x04, 0x02 and 0x01.
     *
     * @param reserved2        Rsvd2 with R, L, J, 0..255
     * @param instanceId       the Instance ID, 0..4294967295
     * @param reserved         the 16 reserved bits
     * @param sourceMaskLength the source mask-len
     * @param groupMaskLength  the group mask-len
     * @param source           the source or subnet
     * @param group            the group
     */
    record MulticastInfo(int reserved2, long instanceId, int reserved, int sourceMaskLength, int groupMaskLength,
                         LispAddress source, LispAddress group) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2        Rsvd2 with R, L, J, 0..255
         * @param instanceId       the Instance ID, 0..4294967295
         * @param reserved         the 16 reserved bits, 0..65535
         * @param sourceMaskLength the source mask-len, within the source family's width
         * @param groupMaskLength  the group mask-len, within the group family's width
         * @param source           the source or subnet
         * @param group            the group
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if an address is null
         */
        public MulticastInfo {
            octet("reserved2", reserved2);
            Check.inRange("instanceId", instanceId, 0, 0xFFFF_FFFFL);
            Check.inRange("reserved", reserved, 0, 0xFFFF);
            Check.inRange("sourceMaskLength", sourceMaskLength, 0, LispControlLayout.maxMaskLength(source.afi()));
            Check.inRange("groupMaskLength", groupMaskLength, 0, LispControlLayout.maxMaskLength(group.afi()));
        }

        /**
         * Returns the R bit: the source is a rendezvous point.
         *
         * @return R
         */
        public boolean rendezvousPoint() {
            return (reserved2 & 0x04) != 0;
        }

        /**
         * Returns the L bit: leave.
         *
         * @return L
         */
        public boolean leave() {
            return (reserved2 & 0x02) != 0;
        }

        /**
         * Returns the J bit: join.
         *
         * @return J
         */
        public boolean join() {
            return (reserved2 & 0x01) != 0;
        }

        @Override
        public int type() {
            return MULTICAST_INFO;
        }

        @Override
        public int bodyLength() {
            return 8 + source.encodedLength() + group.encodedLength();
        }
    }

    /**
     * Type 10 (RFC 8060 §4.9): the re-encapsulation hops, in order.
     *
     * @param reserved2 Rsvd2, 0..255
     * @param hops      the hops
     */
    record ExplicitLocatorPath(int reserved2, List<ElpHop> hops) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2 Rsvd2, 0..255
         * @param hops      the hops
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code hops} or a hop is null
         */
        public ExplicitLocatorPath {
            octet("reserved2", reserved2);
            hops = List.copyOf(hops);
        }

        @Override
        public int type() {
            return EXPLICIT_LOCATOR_PATH;
        }

        @Override
        public int bodyLength() {
            int n = 0;
            for (ElpHop h : hops) {
                n += 2 + h.address().encodedLength();
            }
            return n;
        }
    }

    /**
     * One hop of an {@link ExplicitLocatorPath}: 13 reserved bits, L, P and S, then the address
     * (the flags come before the AFI, RFC 8060 §4.9).
     *
     * @param reserved the 13 reserved bits, 0..8191
     * @param lookup   L: look the hop up in the mapping system
     * @param rlocProbe P: RLOC-probes may be sent to the hop
     * @param strict   S: the hop must not be skipped
     * @param address  the hop's address
     */
    record ElpHop(int reserved, boolean lookup, boolean rlocProbe, boolean strict, LispAddress address) {
        /**
         * Checks the components.
         *
         * @param reserved  the 13 reserved bits, 0..8191
         * @param lookup    L
         * @param rlocProbe P
         * @param strict    S
         * @param address   the hop's address
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code address} is null
         */
        public ElpHop {
            Check.inRange("reserved", reserved, 0, 0x1FFF);
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Type 11 (RFC 8061 §3): the keys of LISP data-plane confidentiality and an address.
     *
     * <pre>
     * | Key Count (8) | Rsvd3 (8) | Cipher Suite (8) | Rsvd4 (7) |R|
     * | Key Length (16) | Public Key Material ...   (Key Count times)
     * | AFI | Locator Address ...
     * </pre>
     *
     * @param reserved2   Rsvd2, 0..255
     * @param reserved3   Rsvd3, 0..255
     * @param cipherSuite the Cipher Suite, 0..255
     * @param reserved4   the seven Rsvd4 bits, 0..127
     * @param rekey       R: the key is being rekeyed
     * @param keys        the key materials; Key Count is their number, at most 255
     * @param address     the locator address
     */
    record SecurityKey(int reserved2, int reserved3, int cipherSuite, int reserved4, boolean rekey,
                       List<ByteString> keys, LispAddress address) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2   Rsvd2, 0..255
         * @param reserved3   Rsvd3, 0..255
         * @param cipherSuite the Cipher Suite, 0..255
         * @param reserved4   the seven Rsvd4 bits, 0..127
         * @param rekey       R
         * @param keys        the key materials, at most 255, each at most 65535 octets
         * @param address     the locator address
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if a key or the address is null
         */
        public SecurityKey {
            octet("reserved2", reserved2);
            octet("reserved3", reserved3);
            octet("cipherSuite", cipherSuite);
            Check.inRange("reserved4", reserved4, 0, 0x7F);
            keys = List.copyOf(keys);
            Check.inRange("keys.size()", keys.size(), 0, 0xFF);
            for (ByteString k : keys) {
                Check.inRange("key.length()", k.length(), 0, 0xFFFF);
            }
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int type() {
            return SECURITY_KEY;
        }

        @Override
        public int bodyLength() {
            int n = 4;
            for (ByteString k : keys) {
                n += 2 + k.length();
            }
            return n + address.encodedLength();
        }
    }

    /**
     * Type 12 (RFC 8060 §4.11): a source and a destination prefix.
     *
     * @param reserved2             Rsvd2, 0..255
     * @param reserved              the 16 reserved bits
     * @param sourceMaskLength      the source mask-len
     * @param destinationMaskLength the destination mask-len
     * @param source                the source prefix
     * @param destination           the destination prefix
     */
    record SourceDestKey(int reserved2, int reserved, int sourceMaskLength, int destinationMaskLength,
                         LispAddress source, LispAddress destination) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2             Rsvd2, 0..255
         * @param reserved              the 16 reserved bits, 0..65535
         * @param sourceMaskLength      the source mask-len, within the source family's width
         * @param destinationMaskLength the destination mask-len, within its family's width
         * @param source                the source prefix
         * @param destination           the destination prefix
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if an address is null
         */
        public SourceDestKey {
            octet("reserved2", reserved2);
            Check.inRange("reserved", reserved, 0, 0xFFFF);
            Check.inRange("sourceMaskLength", sourceMaskLength, 0, LispControlLayout.maxMaskLength(source.afi()));
            Check.inRange("destinationMaskLength", destinationMaskLength, 0,
                    LispControlLayout.maxMaskLength(destination.afi()));
        }

        /**
         * A Source/Dest Key with reserved fields 0.
         *
         * @param source                the source prefix
         * @param sourceMaskLength      its mask-len
         * @param destination           the destination prefix
         * @param destinationMaskLength its mask-len
         * @return the body
         */
        public static SourceDestKey of(LispAddress source, int sourceMaskLength, LispAddress destination,
                                       int destinationMaskLength) {
            return new SourceDestKey(0, 0, sourceMaskLength, destinationMaskLength, source, destination);
        }

        @Override
        public int type() {
            return SOURCE_DEST_KEY;
        }

        @Override
        public int bodyLength() {
            return 4 + source.encodedLength() + destination.encodedLength();
        }

        @Override
        public String toString() {
            return "(" + source + "/" + sourceMaskLength + " -> " + destination + "/" + destinationMaskLength + ")";
        }
    }

    /**
     * Type 13 (RFC 8060 §4.10): the replication entries, in order.
     *
     * @param reserved2 Rsvd2, 0..255
     * @param entries   the entries
     */
    record ReplicationList(int reserved2, List<RleEntry> entries) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2 Rsvd2, 0..255
         * @param entries   the entries
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if an entry is null
         */
        public ReplicationList {
            octet("reserved2", reserved2);
            entries = List.copyOf(entries);
        }

        @Override
        public int type() {
            return REPLICATION_LIST;
        }

        @Override
        public int bodyLength() {
            int n = 0;
            for (RleEntry e : entries) {
                n += 4 + e.address().encodedLength();
            }
            return n;
        }
    }

    /**
     * One entry of a {@link ReplicationList}: Rsvd3 (16), Rsvd4 (8), Level (8), the address.
     *
     * @param reserved3 Rsvd3, 0..65535
     * @param reserved4 Rsvd4, 0..255
     * @param level     the replication level, 0..255
     * @param address   the RTR or ETR address
     */
    record RleEntry(int reserved3, int reserved4, int level, LispAddress address) {
        /**
         * Checks the components.
         *
         * @param reserved3 Rsvd3, 0..65535
         * @param reserved4 Rsvd4, 0..255
         * @param level     the replication level, 0..255
         * @param address   the address
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code address} is null
         */
        public RleEntry {
            Check.inRange("reserved3", reserved3, 0, 0xFFFF);
            octet("reserved4", reserved4);
            octet("level", level);
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Type 14 (RFC 8060 §5.4): JSON text (or binary JSON when B, bit 0x01 of Rsvd2, is set) and
     * an optional address (AFI 0 for none).
     *
     * @param reserved2 Rsvd2 with B, 0..255
     * @param json      the JSON octets, at most 65535
     * @param address   the address, {@link LispAddress#NONE} for none
     */
    record Json(int reserved2, ByteString json, LispAddress address) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2 Rsvd2 with B, 0..255
         * @param json      the JSON octets, at most 65535
         * @param address   the address
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if a component is null
         */
        public Json {
            octet("reserved2", reserved2);
            Check.inRange("json.length()", json.length(), 0, 0xFFFF);
            Objects.requireNonNull(address, "address");
        }

        /**
         * A text JSON body with no address.
         *
         * @param text the JSON text
         * @return the body
         */
        public static Json of(String text) {
            return new Json(0, ByteString.of(text.getBytes(StandardCharsets.UTF_8)), LispAddress.NONE);
        }

        /**
         * Returns the B bit: the JSON is binary.
         *
         * @return B
         */
        public boolean binary() {
            return (reserved2 & 0x01) != 0;
        }

        @Override
        public int type() {
            return JSON;
        }

        @Override
        public int bodyLength() {
            return 2 + json.length() + address.encodedLength();
        }
    }

    /**
     * Type 15 (RFC 8060 §4.12): a key address and a value address.
     *
     * @param reserved2 Rsvd2, 0..255
     * @param key       the key
     * @param value     the value
     */
    record KeyValue(int reserved2, LispAddress key, LispAddress value) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2 Rsvd2, 0..255
         * @param key       the key
         * @param value     the value
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if an address is null
         */
        public KeyValue {
            octet("reserved2", reserved2);
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public int type() {
            return KEY_VALUE;
        }

        @Override
        public int bodyLength() {
            return key.encodedLength() + value.encodedLength();
        }
    }

    /**
     * Type 16 (RFC 8060 §5.6): a 32-bit word whose low bits name the encapsulations the RLOCs
     * accept, then the RLOCs.
     *
     * @param reserved2 Rsvd2, 0..255
     * @param bits      the 32-bit word: L 0x01, l 0x02, V 0x04, v 0x08, N 0x10, G 0x20, U 0x40
     * @param rlocs     the RLOCs, to the end of the body
     */
    record EncapsulationFormat(int reserved2, int bits, List<LispAddress> rlocs) implements LcafBody {
        /** L: layer-3 LISP. */
        public static final int LISP_L3 = 0x01;
        /** l: layer-2 LISP. */
        public static final int LISP_L2 = 0x02;
        /** V: VXLAN. */
        public static final int VXLAN = 0x04;
        /** v: VXLAN-GPE. */
        public static final int VXLAN_GPE = 0x08;
        /** N: NVGRE. */
        public static final int NVGRE = 0x10;
        /** G: Geneve. */
        public static final int GENEVE = 0x20;
        /** U: GUE. */
        public static final int GUE = 0x40;

        /**
         * Checks the components.
         *
         * @param reserved2 Rsvd2, 0..255
         * @param bits      the 32-bit word
         * @param rlocs     the RLOCs
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if an RLOC is null
         */
        public EncapsulationFormat {
            octet("reserved2", reserved2);
            rlocs = List.copyOf(rlocs);
        }

        @Override
        public int type() {
            return ENCAPSULATION_FORMAT;
        }

        @Override
        public int bodyLength() {
            return 4 + sum(rlocs);
        }
    }

    /**
     * Type 255 (RFC 9306): a reserved octet, an IEEE OUI and data the vendor defines.
     *
     * @param reserved2 Rsvd2, 0..255
     * @param reserved3 Rsvd3, 0..255
     * @param oui       the OUI, 0..16777215
     * @param data      the vendor's octets
     */
    record VendorSpecific(int reserved2, int reserved3, int oui, ByteString data) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param reserved2 Rsvd2, 0..255
         * @param reserved3 Rsvd3, 0..255
         * @param oui       the OUI, 0..16777215
         * @param data      the vendor's octets
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code data} is null
         */
        public VendorSpecific {
            octet("reserved2", reserved2);
            octet("reserved3", reserved3);
            Check.inRange("oui", oui, 0, 0xFF_FFFF);
            Objects.requireNonNull(data, "data");
        }

        @Override
        public int type() {
            return VENDOR_SPECIFIC;
        }

        @Override
        public int bodyLength() {
            return 4 + data.length();
        }
    }

    /**
     * A type without a record here (or a Null Body with octets): the body as it is, encoded back
     * unchanged.
     *
     * @param type      the LCAF Type, 0..255
     * @param reserved2 Rsvd2, 0..255
     * @param body      the body octets
     */
    record Unknown(int type, int reserved2, ByteString body) implements LcafBody {
        /**
         * Checks the components.
         *
         * @param type      the LCAF Type, 0..255
         * @param reserved2 Rsvd2, 0..255
         * @param body      the body octets
         * @throws IllegalArgumentException if out of range
         * @throws NullPointerException if {@code body} is null
         */
        public Unknown {
            octet("type", type);
            octet("reserved2", reserved2);
            Objects.requireNonNull(body, "body");
        }

        @Override
        public int bodyLength() {
            return body.length();
        }
    }
}
