package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes AFI-encoded addresses and LCAFs (see {@link LispAddress}, {@link LcafBody}).
 *
 * <p>The bounds, checked before anything is read or allocated (RFC 8060 §3, RFC 9301 §5):
 * <ul>
 *   <li>an AFI of unknown length ({@code BAD_VALUE}): nothing after it can be parsed;</li>
 *   <li>a Distinguished Name whose NUL is not within the bytes ({@code TRUNCATED});</li>
 *   <li>an LCAF whose Length runs past its container, the message or the enclosing LCAF's
 *       body ({@code TRUNCATED}, bounded by the enclosing LCAF Length when there is one);</li>
 *   <li>a body that holds less than its type's fixed part or an element that runs past the
 *       body ({@code TRUNCATED}, bounded by the LCAF Length); a body whose single address
 *       ends before the body does ({@code BAD_LENGTH}: nothing may be left over);</li>
 *   <li>LCAFs nested more than {@link LispAddress.Lcaf#MAX_NESTING} deep
 *       ({@code LIMIT_EXCEEDED}); the walk counts the depth, so no input drives it deeper;</li>
 *   <li>a Security Key whose Key Count announces more keys than the body holds
 *       ({@code TRUNCATED}); a Source/Dest Key or Multicast Info mask-len wider than its
 *       family ({@code BAD_VALUE}).</li>
 * </ul>
 * Unknown LCAF types are kept as their octets; reserved fields are kept as on the wire.
 */
public final class LispAddressDecoder {
    private static final String P = LispControlLayout.PROTOCOL;
    private static final String LB = LispControlLayout.LCAF_BOUND;

    private LispAddressDecoder() {
    }

    /**
     * Decodes the address at {@code src.position()}; the payload is what follows it.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the address, its length and the bytes after it
     * @throws MalformedPacketException if the bytes are not an address
     */
    public static Decoded<LispAddress> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the address at absolute {@code index}, reading nothing at or past {@code limit}.
     *
     * @param src   the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the AFI
     * @param limit the end of the readable range
     * @return the address, its length and the bytes after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not an address
     */
    public static Decoded<LispAddress> decode(ByteBuffer src, int index, int limit) {
        long lengths = checked(src, index, limit);
        int length = (int) (lengths >>> 32);
        return Decoded.of(read(src, index), length, src, index + length, (int) lengths);
    }

    /**
     * Makes every check {@link #decode} makes, without allocating.
     *
     * @param src   the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the AFI
     * @param limit the end of the readable range
     * @return the address length in the upper 32 bits, the rest of the range in the lower 32
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long checked(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int end = scan(src, index, index, limit, null, 0, "AFI");
        return (long) (end - index) << 32 | limit - end;
    }

    /** Throws TRUNCATED unless {@code length} bytes are there from {@code at}, bounded by {@code bound} if given. */
    static void need(String field, int base, int at, long length, int end, String bound) {
        if (at + length > end) {
            long available = Math.max(0, (long) end - at);
            throw bound == null
                    ? MalformedPacketException.truncated(P, field, (long) at - base, length, available)
                    : MalformedPacketException.truncated(P, field, (long) at - base, length, available, bound);
        }
    }

    /**
     * Checks the address at {@code at} within {@code [at, end)} and returns the index after it.
     *
     * @param base  where error offsets count from
     * @param bound the length field that bounds {@code end}, null when it is the end of the bytes
     * @param depth how many LCAFs enclose this address
     * @param field the name of the AFI field, for errors
     */
    static int scan(ByteBuffer src, int base, int at, int end, String bound, int depth, String field) {
        need(field, base, at, 2, end, bound);
        int afi = Wire.u16(src, at);
        int a = at + 2;
        switch (afi) {
            case LispAddress.AFI_NONE:
                return a;
            case LispAddress.AFI_IPV4:
                need("IPv4 address", base, a, 4, end, bound);
                return a + 4;
            case LispAddress.AFI_IPV6:
                need("IPv6 address", base, a, 16, end, bound);
                return a + 16;
            case LispAddress.AFI_MAC:
            case LispAddress.AFI_MAC_48:
                need("MAC address", base, a, 6, end, bound);
                return a + 6;
            case LispAddress.AFI_DISTINGUISHED_NAME:
                for (int i = a; i < end; i++) {
                    if (src.get(i) == 0) {
                        return i + 1;
                    }
                }
                need("Distinguished Name", base, a, end - a + 1L, end, bound);
                throw new AssertionError();
            case LispAddress.AFI_LCAF:
                return scanLcaf(src, base, at, end, bound, depth);
            default:
                throw MalformedPacketException.invalid(P, field, at - base, Reason.BAD_VALUE, afi,
                        "an AFI of known length (0, 1, 2, 6, 17, 16387, 16389): the address that follows "
                                + "cannot be measured otherwise (RFC 9301 §5.2, RFC 8060 §3)");
        }
    }

    private static int scanLcaf(ByteBuffer src, int base, int at, int end, String bound, int depth) {
        need("LCAF Length", base, at + 2, 6, end, bound);
        if (depth >= LispAddress.Lcaf.MAX_NESTING) {
            throw MalformedPacketException.invalid(P, "LCAF", at - base, Reason.LIMIT_EXCEEDED, depth + 1,
                    "at most " + LispAddress.Lcaf.MAX_NESTING + " nested LCAFs (RFC 8060 §3 nests them without a bound)");
        }
        int type = Wire.u8(src, at + 4);
        int length = Wire.u16(src, at + 6);
        int b = at + 8;
        need("LCAF body", base, b, length, end, bound);
        int e = b + length;
        int d = depth + 1;
        switch (type) {
            case LcafBody.AFI_LIST:
            case LcafBody.ENCAPSULATION_FORMAT: {
                int a = b;
                if (type == LcafBody.ENCAPSULATION_FORMAT) {
                    need("Encapsulation Format bits", base, a, 4, e, LB);
                    a += 4;
                }
                while (a < e) {
                    a = scan(src, base, a, e, LB, d, "AFI");
                }
                return e;
            }
            case LcafBody.INSTANCE_ID:
            case LcafBody.AS_NUMBER:
            case LcafBody.NONCE_LOCATOR:
                need(type == LcafBody.INSTANCE_ID ? "Instance ID" : type == LcafBody.AS_NUMBER ? "AS Number"
                        : "Nonce", base, b, 4, e, LB);
                return exact(src, base, b + 4, e, d, type);
            case LcafBody.APPLICATION_DATA:
                need("Application Data ports", base, b, 12, e, LB);
                return exact(src, base, b + 12, e, d, type);
            case LcafBody.GEO_COORDINATES:
                if (isRfc8060Geo(src, b, e)) {
                    return exact(src, base, b + 12, e, d, type);
                }
                return e;
            case LcafBody.OPAQUE_KEY:
                need("Key Field Num", base, b, 3, e, LB);
                return e;
            case LcafBody.NAT_TRAVERSAL: {
                need("MS UDP Port", base, b, 4, e, LB);
                int a = b + 4;
                for (int i = 0; i < 3; i++) {
                    a = scan(src, base, a, e, LB, d, "AFI");
                }
                while (a < e) {
                    a = scan(src, base, a, e, LB, d, "AFI");
                }
                return e;
            }
            case LcafBody.MULTICAST_INFO: {
                need("Instance ID", base, b, 8, e, LB);
                int s = b + 8;
                int g = scan(src, base, s, e, LB, d, "AFI");
                checkMask(src, base, b + 6, s, "Source Mask-Len");
                int after = exact(src, base, g, e, d, type);
                checkMask(src, base, b + 7, g, "Group Mask-Len");
                return after;
            }
            case LcafBody.SOURCE_DEST_KEY: {
                need("Source Mask-Len", base, b, 4, e, LB);
                int s = b + 4;
                int dst = scan(src, base, s, e, LB, d, "AFI");
                checkMask(src, base, b + 2, s, "Source Mask-Len");
                int after = exact(src, base, dst, e, d, type);
                checkMask(src, base, b + 3, dst, "Dest Mask-Len");
                return after;
            }
            case LcafBody.EXPLICIT_LOCATOR_PATH: {
                int a = b;
                while (a < e) {
                    need("ELP hop flags", base, a, 2, e, LB);
                    a = scan(src, base, a + 2, e, LB, d, "AFI");
                }
                return e;
            }
            case LcafBody.REPLICATION_LIST: {
                int a = b;
                while (a < e) {
                    need("RLE Level", base, a, 4, e, LB);
                    a = scan(src, base, a + 4, e, LB, d, "AFI");
                }
                return e;
            }
            case LcafBody.SECURITY_KEY: {
                need("Key Count", base, b, 4, e, LB);
                int count = Wire.u8(src, b);
                int a = b + 4;
                for (int i = 0; i < count; i++) {
                    need("Key Length", base, a, 2, e, LB);
                    int keyLength = Wire.u16(src, a);
                    need("Key Material", base, a + 2, keyLength, e, LB);
                    a += 2 + keyLength;
                }
                return exact(src, base, a, e, d, type);
            }
            case LcafBody.JSON: {
                need("JSON length", base, b, 2, e, LB);
                int jsonLength = Wire.u16(src, b);
                need("JSON data", base, b + 2, jsonLength, e, LB);
                return exact(src, base, b + 2 + jsonLength, e, d, type);
            }
            case LcafBody.KEY_VALUE: {
                int v = scan(src, base, b, e, LB, d, "AFI");
                return exact(src, base, v, e, d, type);
            }
            case LcafBody.VENDOR_SPECIFIC:
                need("OUI", base, b, 4, e, LB);
                return e;
            default:
                return e; // unknown type, or Null Body: kept as octets
        }
    }

    /** Scans one address that must end exactly at {@code e}. */
    private static int exact(ByteBuffer src, int base, int at, int e, int depth, int type) {
        int after = scan(src, base, at, e, LB, depth, "AFI");
        if (after != e) {
            throw MalformedPacketException.invalid(P, "LCAF Length", at - base, Reason.BAD_LENGTH, e - after,
                    "0 octets after the last address of LCAF type " + type + " (RFC 8060 §3: Length covers the body)");
        }
        return e;
    }

    private static void checkMask(ByteBuffer src, int base, int maskAt, int addressAt, String field) {
        int mask = Wire.u8(src, maskAt);
        int max = LispControlLayout.maxMaskLength(Wire.u16(src, addressAt));
        if (mask > max) {
            throw MalformedPacketException.invalid(P, field, maskAt - base, Reason.BAD_VALUE, mask,
                    "at most " + max + " for the prefix's family (RFC 8060 §4.11)");
        }
    }

    /**
     * Whether a type-5 body has the RFC 8060 §4.4 layout: 12 fixed octets, then one address of
     * known length that ends at the body's end.
     */
    static boolean isRfc8060Geo(ByteBuffer src, int b, int e) {
        if (e - b < 14) {
            return false;
        }
        int a = b + 12;
        int afi = Wire.u16(src, a);
        int rest = e - a - 2;
        switch (afi) {
            case LispAddress.AFI_NONE:
                return rest == 0;
            case LispAddress.AFI_IPV4:
                return rest == 4;
            case LispAddress.AFI_IPV6:
                return rest == 16;
            case LispAddress.AFI_MAC:
            case LispAddress.AFI_MAC_48:
                return rest == 6;
            case LispAddress.AFI_DISTINGUISHED_NAME:
                for (int i = a + 2; i < e; i++) {
                    if (src.get(i) == 0) {
                        return i == e - 1;
                    }
                }
                return false;
            case LispAddress.AFI_LCAF:
                return rest >= 6 && Wire.u16(src, a + 6) == rest - 6;
            default:
                return false;
        }
    }

    /** Builds the address at {@code at}, which {@link #scan} has checked. */
    static LispAddress read(ByteBuffer src, int at) {
        int afi = Wire.u16(src, at);
        int a = at + 2;
        switch (afi) {
            case LispAddress.AFI_NONE:
                return LispAddress.NONE;
            case LispAddress.AFI_IPV4:
                return new LispAddress.Ipv4(Ipv4Address.read(src, a));
            case LispAddress.AFI_IPV6:
                return new LispAddress.Ipv6(Ipv6Address.read(src, a));
            case LispAddress.AFI_MAC:
            case LispAddress.AFI_MAC_48:
                return new LispAddress.Mac(afi, MacAddress.read(src, a));
            case LispAddress.AFI_DISTINGUISHED_NAME: {
                int i = a;
                while (src.get(i) != 0) {
                    i++;
                }
                return new LispAddress.DistinguishedName(ByteString.copyOf(src, a, i - a));
            }
            default:
                return new LispAddress.Lcaf(Wire.u8(src, at + 2), Wire.u8(src, at + 3), readBody(src, at));
        }
    }

    private static LcafBody readBody(ByteBuffer src, int at) {
        int type = Wire.u8(src, at + 4);
        int r2 = Wire.u8(src, at + 5);
        int length = Wire.u16(src, at + 6);
        int b = at + 8;
        int e = b + length;
        switch (type) {
            case LcafBody.NULL_BODY:
                return length == 0 ? new LcafBody.NullBody(r2) : new LcafBody.Unknown(type, r2, ByteString.copyOf(src, b, length));
            case LcafBody.AFI_LIST:
                return new LcafBody.AfiList(r2, list(src, b, e));
            case LcafBody.INSTANCE_ID:
                return new LcafBody.InstanceId(r2, Wire.u32(src, b), read(src, b + 4));
            case LcafBody.AS_NUMBER:
                return new LcafBody.AsNumber(r2, Wire.u32(src, b), read(src, b + 4));
            case LcafBody.APPLICATION_DATA: {
                int w = Wire.i32(src, b);
                return new LcafBody.ApplicationData(r2, w >>> 8, w & 0xFF, Wire.u16(src, b + 4), Wire.u16(src, b + 6),
                        Wire.u16(src, b + 8), Wire.u16(src, b + 10), read(src, b + 12));
            }
            case LcafBody.GEO_COORDINATES: {
                if (!isRfc8060Geo(src, b, e)) {
                    return new LcafBody.GeoCoordinatesOther(r2, ByteString.copyOf(src, b, length));
                }
                int lat = Wire.i32(src, b);
                int lon = Wire.i32(src, b + 4);
                return new LcafBody.GeoCoordinates(r2, lat < 0, lat >>> 16 & 0x7FFF, lat >>> 8 & 0xFF, lat & 0xFF,
                        lon < 0, lon >>> 16 & 0x7FFF, lon >>> 8 & 0xFF, lon & 0xFF, Wire.i32(src, b + 8), read(src, b + 12));
            }
            case LcafBody.OPAQUE_KEY:
                return new LcafBody.OpaqueKey(r2, Wire.u8(src, b), Wire.u16(src, b + 1), ByteString.copyOf(src, b + 3, length - 3));
            case LcafBody.NAT_TRAVERSAL: {
                int a = b + 4;
                LispAddress global = read(src, a);
                a += global.encodedLength();
                LispAddress ms = read(src, a);
                a += ms.encodedLength();
                LispAddress priv = read(src, a);
                a += priv.encodedLength();
                return new LcafBody.NatTraversal(r2, Wire.u16(src, b), Wire.u16(src, b + 2), global, ms, priv, list(src, a, e));
            }
            case LcafBody.NONCE_LOCATOR: {
                int w = Wire.i32(src, b);
                return new LcafBody.NonceLocator(r2, w >>> 24, w & 0xFF_FFFF, read(src, b + 4));
            }
            case LcafBody.MULTICAST_INFO: {
                LispAddress s = read(src, b + 8);
                return new LcafBody.MulticastInfo(r2, Wire.u32(src, b), Wire.u16(src, b + 4), Wire.u8(src, b + 6),
                        Wire.u8(src, b + 7), s, read(src, b + 8 + s.encodedLength()));
            }
            case LcafBody.EXPLICIT_LOCATOR_PATH: {
                List<LcafBody.ElpHop> hops = new ArrayList<>();
                for (int a = b; a < e; ) {
                    int f = Wire.u16(src, a);
                    LispAddress addr = read(src, a + 2);
                    hops.add(new LcafBody.ElpHop(f >>> 3, (f & 4) != 0, (f & 2) != 0, (f & 1) != 0, addr));
                    a += 2 + addr.encodedLength();
                }
                return new LcafBody.ExplicitLocatorPath(r2, hops);
            }
            case LcafBody.SECURITY_KEY: {
                int count = Wire.u8(src, b);
                List<ByteString> keys = new ArrayList<>(count);
                int a = b + 4;
                for (int i = 0; i < count; i++) {
                    int keyLength = Wire.u16(src, a);
                    keys.add(ByteString.copyOf(src, a + 2, keyLength));
                    a += 2 + keyLength;
                }
                int r4 = Wire.u8(src, b + 3);
                return new LcafBody.SecurityKey(r2, Wire.u8(src, b + 1), Wire.u8(src, b + 2), r4 >>> 1, (r4 & 1) != 0, keys,
                        read(src, a));
            }
            case LcafBody.SOURCE_DEST_KEY: {
                LispAddress s = read(src, b + 4);
                return new LcafBody.SourceDestKey(r2, Wire.u16(src, b), Wire.u8(src, b + 2), Wire.u8(src, b + 3), s,
                        read(src, b + 4 + s.encodedLength()));
            }
            case LcafBody.REPLICATION_LIST: {
                List<LcafBody.RleEntry> entries = new ArrayList<>();
                for (int a = b; a < e; ) {
                    LispAddress addr = read(src, a + 4);
                    entries.add(new LcafBody.RleEntry(Wire.u16(src, a), Wire.u8(src, a + 2), Wire.u8(src, a + 3), addr));
                    a += 4 + addr.encodedLength();
                }
                return new LcafBody.ReplicationList(r2, entries);
            }
            case LcafBody.JSON: {
                int jsonLength = Wire.u16(src, b);
                return new LcafBody.Json(r2, ByteString.copyOf(src, b + 2, jsonLength), read(src, b + 2 + jsonLength));
            }
            case LcafBody.KEY_VALUE: {
                LispAddress k = read(src, b);
                return new LcafBody.KeyValue(r2, k, read(src, b + k.encodedLength()));
            }
            case LcafBody.ENCAPSULATION_FORMAT:
                return new LcafBody.EncapsulationFormat(r2, Wire.i32(src, b), list(src, b + 4, e));
            case LcafBody.VENDOR_SPECIFIC: {
                int w = Wire.i32(src, b);
                return new LcafBody.VendorSpecific(r2, w >>> 24, w & 0xFF_FFFF, ByteString.copyOf(src, b + 4, length - 4));
            }
            default:
                return new LcafBody.Unknown(type, r2, ByteString.copyOf(src, b, length));
        }
    }

    private static List<LispAddress> list(ByteBuffer src, int a, int e) {
        List<LispAddress> out = new ArrayList<>();
        while (a < e) {
            LispAddress x = read(src, a);
            out.add(x);
            a += x.encodedLength();
        }
        return out;
    }
}
