package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;

/**
 * Decodes LISP control messages (see {@link LispMessage}) by the type in the top four bits of
 * the first octet, read unsigned. Follows the decoder contract of {@code org.tunnelcodec.core}:
 * the header is the message as far as its own fields declare it; the payload is what follows
 * (LISP-SEC data, MS-RTR authentication data, an unknown extension), never read as records.
 *
 * <p>Every count and length is checked against the bytes before it drives a loop or an
 * allocation: Record Count (8 bits, unsigned: 255 records are 255 records), Locator Count,
 * IRC (the low five bits of the third octet only, whatever L and D hold), Authentication Data
 * Length (16 bits, unsigned: 0x8000 is 32768 octets, which a short message does not have).
 * The decoder refuses ({@code TRUNCATED}) anything that runs past the end; besides:
 * <ul>
 *   <li>a Map-Request with Record Count 0 ({@code BAD_VALUE}, RFC 9301 §5.2: there is nothing to
 *       answer);</li>
 *   <li>a mask-len wider than the EID's family ({@code BAD_VALUE});</li>
 *   <li>a Map-Referral record with signatures ({@code BAD_VALUE}: RFC 8111 §6.4.1 signatures are
 *       not decoded);</li>
 *   <li>an ECM with S set ({@code BAD_VALUE}: the LISP-SEC data before the inner header, RFC
 *       9303, is not decoded), an ECM inside an ECM ({@code LIMIT_EXCEEDED}), an inner header
 *       that is not IPv4 or IPv6 carrying UDP, an inner UDP Length other than the IP payload
 *       ({@code BAD_LENGTH});</li>
 *   <li>the address errors of {@link LispAddressDecoder}.</li>
 * </ul>
 * An Info-Request or Info-Reply ({@link InfoMessage}, type 7) ends after the address that follows
 * its EID-prefix, whatever AFI that address has (AFI 0 in the draft's request, a hostname from
 * lispers.net, the NAT-Traversal LCAF in a reply); it must be there ({@code TRUNCATED}).
 * Reserved bits are kept, never refused. Types 0 and 9-15 are kept as
 * {@link LispUnknownMessage}: the first word, the rest in the payload.
 */
public final class LispMessageDecoder {
    private static final String P = LispControlLayout.PROTOCOL;

    private LispMessageDecoder() {
    }

    /**
     * Decodes the message at {@code src.position()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return the message, its length and the bytes after it
     * @throws MalformedPacketException if the bytes are not a control message
     */
    public static Decoded<LispMessage> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the message at absolute {@code index}, reading nothing at or past {@code limit}.
     * Offsets in errors count from {@code index}.
     *
     * @param src   the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range (the end of the UDP payload)
     * @return the message, its length and the bytes after it
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a control message
     */
    public static Decoded<LispMessage> decode(ByteBuffer src, int index, int limit) {
        long lengths = checked(src, index, limit);
        int length = (int) (lengths >>> 32);
        return Decoded.of(read(src, index, index + length), length, src, index + length, (int) lengths);
    }

    /**
     * Makes every check {@link #decode} makes. Allocates nothing, except for the inner IPv4
     * header of an ECM, which the core's IPv4 decoder checks.
     *
     * @param src   the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range
     * @return the message length in the upper 32 bits, the rest of the range in the lower 32
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long checked(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int end = scan(src, index, index, limit, false);
        return (long) (end - index) << 32 | limit - end;
    }

    /**
     * Peeks at the message type: the top four bits of the first octet, unsigned.
     *
     * @param src   the buffer
     * @param index the absolute index of the first octet
     * @return the type, 0..15
     * @throws MalformedPacketException ({@code TRUNCATED}) if the octet is past the limit
     * @throws IndexOutOfBoundsException if {@code index} is negative or past the limit
     */
    public static int type(ByteBuffer src, int index) {
        try {
            return Wire.u8(src, index) >>> 4;
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(P, "Type", src, index, 1, e);
        }
    }

    static boolean isDecoded(int type) {
        return type >= LispControlLayout.TYPE_MAP_REQUEST && type <= LispControlLayout.TYPE_ECM;
    }

    static int recordsLength(List<EidRecord> records) {
        int n = 0;
        for (EidRecord r : records) {
            n += r.encodedLength();
        }
        return n;
    }

    static void checkTrailer(ByteString xtrId, long siteId) {
        if (xtrId == null) {
            Check.argument(siteId == 0, "siteId", siteId, "0 without an xTR-ID");
        } else {
            Check.argument(xtrId.length() == 16, "xtrId.length()", xtrId.length(), "16");
        }
    }

    private static void need(String field, int base, int at, long length, int end) {
        LispAddressDecoder.need(field, base, at, length, end, null);
    }

    /** Checks the message at {@code at} and returns the index after its last declared structure. */
    static int scan(ByteBuffer src, int base, int at, int limit, boolean inner) {
        need("Type", base, at, 4, limit);
        int type = Wire.u8(src, at) >>> 4;
        switch (type) {
            case LispControlLayout.TYPE_MAP_REQUEST:
                return scanMapRequest(src, base, at, limit);
            case LispControlLayout.TYPE_MAP_REPLY: {
                need("Nonce", base, at + 4, 8, limit);
                int a = at + 12;
                for (int i = Wire.u8(src, at + 3); i > 0; i--) {
                    a = scanEidRecord(src, base, a, limit, false);
                }
                return a;
            }
            case LispControlLayout.TYPE_MAP_REGISTER:
            case LispControlLayout.TYPE_MAP_NOTIFY:
            case LispControlLayout.TYPE_MAP_NOTIFY_ACK: {
                need("Nonce", base, at + 4, 12, limit);
                int authLength = Wire.u16(src, at + 14);
                need("Authentication Data", base, at + 16, authLength, limit);
                int a = at + 16 + authLength;
                for (int i = Wire.u8(src, at + 3); i > 0; i--) {
                    a = scanEidRecord(src, base, a, limit, false);
                }
                int iBit = type == LispControlLayout.TYPE_MAP_REGISTER ? 0x02 : 0x08;
                if ((Wire.u8(src, at) & iBit) != 0) {
                    need("xTR-ID", base, a, LispControlLayout.XTR_TRAILER, limit);
                    a += LispControlLayout.XTR_TRAILER;
                }
                return a;
            }
            case LispControlLayout.TYPE_MAP_REFERRAL: {
                need("Nonce", base, at + 4, 8, limit);
                int a = at + 12;
                for (int i = Wire.u8(src, at + 3); i > 0; i--) {
                    a = scanEidRecord(src, base, a, limit, true);
                }
                return a;
            }
            case LispControlLayout.TYPE_INFO:
                return scanInfo(src, base, at, limit);
            case LispControlLayout.TYPE_ECM:
                return scanEcm(src, base, at, limit, inner);
            default:
                return at + 4;
        }
    }

    private static int scanMapRequest(ByteBuffer src, int base, int at, int limit) {
        need("Nonce", base, at + 4, 8, limit);
        int irc = Wire.u8(src, at + 2) & 0x1F; // L and D share the octet (RFC 9301 §5.2)
        int count = Wire.u8(src, at + 3);
        if (count == 0) {
            throw MalformedPacketException.invalid(P, "Record Count", 3, Reason.BAD_VALUE, 0,
                    "at least 1 (RFC 9301 §5.2: a request asks for one EID or more)");
        }
        int a = LispAddressDecoder.scan(src, base, at + 12, limit, null, 0, "Source-EID-AFI");
        for (int i = 0; i <= irc; i++) {
            a = LispAddressDecoder.scan(src, base, a, limit, null, 0, "ITR-RLOC-AFI");
        }
        for (int i = 0; i < count; i++) {
            need("EID mask-len", base, a, 2, limit);
            int e = LispAddressDecoder.scan(src, base, a + 2, limit, null, 0, "EID-Prefix-AFI");
            checkMask(src, base, a + 1, a + 2);
            a = e;
        }
        if ((Wire.u8(src, at) & 0x04) != 0) {
            a = scanEidRecord(src, base, a, limit, false);
        }
        return a;
    }

    /**
     * Info-Request and Info-Reply (draft-ermagan-lisp-nat-traversal): the Map-Register's first
     * 16 octets and Authentication Data, TTL, Reserved, EID mask-len, the EID-prefix, then one
     * more address: AFI 0 in a request, the NAT-Traversal LCAF in a reply, or another address
     * (lispers.net's hostname), decoded as what its AFI says.
     */
    private static int scanInfo(ByteBuffer src, int base, int at, int limit) {
        need("Nonce", base, at + 4, 12, limit);
        int authLength = Wire.u16(src, at + 14);
        need("Authentication Data", base, at + 16, authLength, limit);
        int a = at + 16 + authLength;
        need("TTL", base, a, LispControlLayout.INFO_FIXED, limit);
        int e = LispAddressDecoder.scan(src, base, a + LispControlLayout.INFO_FIXED, limit, null, 0, "EID-prefix-AFI");
        int mask = Wire.u8(src, a + 5);
        int max = LispControlLayout.maxMaskLength(Wire.u16(src, a + LispControlLayout.INFO_FIXED));
        if (mask > max) {
            throw MalformedPacketException.invalid(P, "EID mask-len", a + 5 - base, Reason.BAD_VALUE, mask,
                    "at most " + max + " for the EID-prefix's family (draft-ermagan-lisp-nat-traversal, Info-Request"
                            + " and Info-Reply message formats)");
        }
        return LispAddressDecoder.scan(src, base, e, limit, null, 0,
                (Wire.u8(src, at) & 0x08) != 0 ? "NAT-Traversal AFI" : "AFI after the EID-prefix");
    }

    private static int scanEidRecord(ByteBuffer src, int base, int a, int limit, boolean referral) {
        need("Record TTL", base, a, LispControlLayout.EID_RECORD_FIXED, limit);
        if (referral && Wire.u8(src, a + 8) >>> 4 != 0) {
            throw MalformedPacketException.invalid(P, "Sig Cnt", a + 8 - base, Reason.BAD_VALUE,
                    Wire.u8(src, a + 8) >>> 4, "0: RFC 8111 §6.4.1 signatures are not decoded");
        }
        int locators = Wire.u8(src, a + 4);
        int l = LispAddressDecoder.scan(src, base, a + 10, limit, null, 0, "EID-Prefix-AFI");
        checkMask(src, base, a + 5, a + 10);
        for (int i = 0; i < locators; i++) {
            need("Priority", base, l, LispControlLayout.LOCATOR_FIXED, limit);
            l = LispAddressDecoder.scan(src, base, l + 6, limit, null, 0, "Loc-AFI");
        }
        return l;
    }

    private static void checkMask(ByteBuffer src, int base, int maskAt, int afiAt) {
        int mask = Wire.u8(src, maskAt);
        int max = LispControlLayout.maxMaskLength(Wire.u16(src, afiAt));
        if (mask > max) {
            throw MalformedPacketException.invalid(P, "EID mask-len", maskAt - base, Reason.BAD_VALUE, mask,
                    "at most " + max + " for the EID's family (RFC 9301 §5.4)");
        }
    }

    private static int scanEcm(ByteBuffer src, int base, int at, int limit, boolean inner) {
        if (inner) {
            throw MalformedPacketException.invalid(P, "Type", at - base, Reason.LIMIT_EXCEEDED, 8,
                    "a control message other than an ECM inside an ECM (RFC 9301 §5.8)");
        }
        int first = Wire.u8(src, at);
        if ((first & 0x08) != 0) {
            throw MalformedPacketException.invalid(P, "S", at - base, Reason.BAD_VALUE, 1,
                    "0: the LISP-SEC data before the inner header (RFC 9303 §5) is not decoded");
        }
        int ip = at + 4;
        need("inner IP version", base, ip, 1, limit);
        int version = Wire.u8(src, ip) >>> 4;
        int ipEnd;
        int udp;
        try {
            if (version == 4) {
                Decoded<Ipv4Header> d = Ipv4Decoder.decode(src, ip, limit);
                if (!d.header().protocol().equals(IpProtocol.UDP)) {
                    throw MalformedPacketException.invalid(P, "inner IPv4 Protocol", ip + 9 - base, Reason.BAD_VALUE,
                            d.header().protocol().value(), "17, UDP (RFC 9301 §5.8)");
                }
                udp = ip + d.headerLength();
                ipEnd = udp + d.payloadLength();
            } else if (version == 6) {
                long upper = Ipv6Decoder.upperLayer(src, ip, limit);
                ipEnd = ip + 40 + Ipv6Decoder.payloadLength(src, ip);
                need("inner IPv6 payload", base, ip + 40, ipEnd - ip - 40, limit);
                if ((int) (upper & 0xFF) != IpProtocol.UDP.value()) {
                    throw MalformedPacketException.invalid(P, "inner IPv6 Next Header", ip + 6 - base, Reason.BAD_VALUE,
                            upper & 0xFF, "17, UDP (RFC 9301 §5.8)");
                }
                udp = ip + (int) (upper >>> 8);
            } else {
                throw MalformedPacketException.invalid(P, "inner IP version", ip - base, Reason.BAD_VALUE, version,
                        "4 or 6 (RFC 9301 §5.8)");
            }
        } catch (MalformedPacketException e) {
            throw e.protocol().equals(P) ? e : e.withOffset(ip - base);
        }
        int udpLength;
        try {
            udpLength = UdpDecoder.checkedLength(src, udp, ipEnd);
        } catch (MalformedPacketException e) {
            throw e.withOffset(udp - base);
        }
        if (udp + udpLength != ipEnd) {
            throw MalformedPacketException.invalid(P, "inner UDP Length", udp + 4 - base, Reason.BAD_LENGTH, udpLength,
                    (ipEnd - udp) + ", the inner IP payload");
        }
        scan(src, base, udp + UdpHeader.LENGTH, ipEnd, true);
        return ipEnd;
    }

    /** Builds the message that {@link #scan} has checked, from {@code at} to {@code end}. */
    static LispMessage read(ByteBuffer src, int at, int end) {
        int w = Wire.i32(src, at);
        int type = w >>> 28;
        long nonce = type == LispControlLayout.TYPE_ECM || !isDecoded(type) ? 0 : Wire.i64(src, at + 4);
        int count = w & 0xFF;
        switch (type) {
            case LispControlLayout.TYPE_MAP_REQUEST:
                return readMapRequest(src, at, w, nonce);
            case LispControlLayout.TYPE_MAP_REPLY: {
                List<EidRecord> records = new ArrayList<>(count);
                readEidRecords(src, at + 12, count, records);
                return new MapReply((w & 0x0800_0000) != 0, (w & 0x0400_0000) != 0, (w & 0x0200_0000) != 0,
                        w >>> 8 & 0x1FFFF, nonce, records);
            }
            case LispControlLayout.TYPE_MAP_REGISTER:
            case LispControlLayout.TYPE_MAP_NOTIFY:
            case LispControlLayout.TYPE_MAP_NOTIFY_ACK: {
                int keyId = Wire.u8(src, at + 12);
                int algorithmId = Wire.u8(src, at + 13);
                int authLength = Wire.u16(src, at + 14);
                ByteString auth = ByteString.copyOf(src, at + 16, authLength);
                List<EidRecord> records = new ArrayList<>(count);
                int a = readEidRecords(src, at + 16 + authLength, count, records);
                boolean i = type == LispControlLayout.TYPE_MAP_REGISTER ? (w & 0x0200_0000) != 0 : (w & 0x0800_0000) != 0;
                ByteString xtrId = i ? ByteString.copyOf(src, a, 16) : null;
                long siteId = i ? Wire.i64(src, a + 16) : 0;
                if (type == LispControlLayout.TYPE_MAP_REGISTER) {
                    return new MapRegister((w & 0x0800_0000) != 0, (w & 0x0400_0000) != 0, w >>> 13 & 0xFFF,
                            (w & 0x1000) != 0, (w & 0x800) != 0, (w & 0x400) != 0, (w & 0x200) != 0, (w & 0x100) != 0,
                            nonce, keyId, algorithmId, auth, records, xtrId, siteId);
                }
                boolean r = (w & 0x0400_0000) != 0;
                int reserved = w >>> 8 & 0x3FFFF;
                return type == LispControlLayout.TYPE_MAP_NOTIFY
                        ? new MapNotify(r, reserved, nonce, keyId, algorithmId, auth, records, xtrId, siteId)
                        : new MapNotifyAck(r, reserved, nonce, keyId, algorithmId, auth, records, xtrId, siteId);
            }
            case LispControlLayout.TYPE_MAP_REFERRAL: {
                List<MapReferralRecord> records = new ArrayList<>(count);
                int a = at + 12;
                for (int i = 0; i < count; i++) {
                    int h = Wire.u16(src, a + 6);
                    LispAddress eid = LispAddressDecoder.read(src, a + 10);
                    List<LocatorRecord> locators = new ArrayList<>();
                    int l = readLocators(src, a + 10 + eid.encodedLength(), Wire.u8(src, a + 4), locators);
                    records.add(new MapReferralRecord(Wire.u32(src, a), Wire.u8(src, a + 5), h >>> 13, (h & 0x1000) != 0,
                            (h & 0x800) != 0, h & 0x7FF, Wire.u16(src, a + 8) & 0xFFF, eid, locators));
                    a = l;
                }
                return new MapReferral(w >>> 8 & 0xF_FFFF, nonce, records);
            }
            case LispControlLayout.TYPE_INFO: {
                int authLength = Wire.u16(src, at + 14);
                ByteString auth = ByteString.copyOf(src, at + 16, authLength);
                int a = at + 16 + authLength;
                LispAddress eid = LispAddressDecoder.read(src, a + LispControlLayout.INFO_FIXED);
                LispAddress natInfo = LispAddressDecoder.read(src, a + LispControlLayout.INFO_FIXED + eid.encodedLength());
                return new InfoMessage((w & 0x0800_0000) != 0, w & 0x7FF_FFFF, nonce, Wire.u8(src, at + 12),
                        Wire.u8(src, at + 13), auth, Wire.u32(src, a), Wire.u8(src, a + 4), Wire.u8(src, a + 5), eid,
                        natInfo);
            }
            case LispControlLayout.TYPE_ECM:
                return readEcm(src, at, end, w);
            default:
                return new LispUnknownMessage(w);
        }
    }

    private static MapRequest readMapRequest(ByteBuffer src, int at, int w, long nonce) {
        int irc = w >>> 8 & 0x1F;
        int count = w & 0xFF;
        LispAddress source = LispAddressDecoder.read(src, at + 12);
        int a = at + 12 + source.encodedLength();
        List<LispAddress> rlocs = new ArrayList<>(irc + 1);
        for (int i = 0; i <= irc; i++) {
            LispAddress r = LispAddressDecoder.read(src, a);
            rlocs.add(r);
            a += r.encodedLength();
        }
        List<MapRequestRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LispAddress eid = LispAddressDecoder.read(src, a + 2);
            records.add(new MapRequestRecord(Wire.u8(src, a), Wire.u8(src, a + 1), eid));
            a += 2 + eid.encodedLength();
        }
        EidRecord mapReply = null;
        if ((w & 0x0400_0000) != 0) {
            List<EidRecord> one = new ArrayList<>(1);
            readEidRecords(src, a, 1, one);
            mapReply = one.get(0);
        }
        return new MapRequest((w & 0x0800_0000) != 0, (w & 0x0200_0000) != 0, (w & 0x0100_0000) != 0,
                (w & 0x0080_0000) != 0, (w & 0x0040_0000) != 0, w >>> 15 & 0x7F, (w & 0x4000) != 0, (w & 0x2000) != 0,
                nonce, source, rlocs, records, mapReply);
    }

    private static int readEidRecords(ByteBuffer src, int a, int count, List<EidRecord> out) {
        for (int i = 0; i < count; i++) {
            int h = Wire.u16(src, a + 6);
            int v = Wire.u16(src, a + 8);
            LispAddress eid = LispAddressDecoder.read(src, a + 10);
            List<LocatorRecord> locators = new ArrayList<>();
            int l = readLocators(src, a + 10 + eid.encodedLength(), Wire.u8(src, a + 4), locators);
            out.add(new EidRecord(Wire.u32(src, a), Wire.u8(src, a + 5), h >>> 13, (h & 0x1000) != 0, h & 0xFFF,
                    v >>> 12, v & 0xFFF, eid, locators));
            a = l;
        }
        return a;
    }

    private static int readLocators(ByteBuffer src, int l, int count, List<LocatorRecord> out) {
        for (int i = 0; i < count; i++) {
            int f = Wire.u16(src, l + 4);
            LispAddress loc = LispAddressDecoder.read(src, l + 6);
            out.add(new LocatorRecord(Wire.u8(src, l), Wire.u8(src, l + 1), Wire.u8(src, l + 2), Wire.u8(src, l + 3),
                    f >>> 3, (f & 4) != 0, (f & 2) != 0, (f & 1) != 0, loc));
            l += 6 + loc.encodedLength();
        }
        return l;
    }

    private static EncapsulatedControlMessage readEcm(ByteBuffer src, int at, int end, int w) {
        int ip = at + 4;
        Ipv4Header v4 = null;
        Ipv6Header v6 = null;
        int udp;
        if (Wire.u8(src, ip) >>> 4 == 4) {
            Decoded<Ipv4Header> d = Ipv4Decoder.decode(src, ip, end);
            v4 = d.header();
            udp = ip + d.headerLength();
        } else {
            Decoded<Ipv6Header> d = Ipv6Decoder.decode(src, ip, end);
            v6 = d.header();
            udp = ip + d.headerLength();
        }
        UdpHeader u = UdpDecoder.decode(src, udp, end).header();
        int m = udp + UdpHeader.LENGTH;
        int innerEnd = scan(src, m, m, end, true);
        LispMessage inner = read(src, m, innerEnd);
        return new EncapsulatedControlMessage((w & 0x0400_0000) != 0, (w & 0x0200_0000) != 0, (w & 0x0100_0000) != 0,
                w & 0xFF_FFFF, v4, v6, u, inner, ByteString.copyOf(src, innerEnd, end - innerEnd));
    }
}
