package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.Ipv4Encoder;
import org.tunnelcodec.core.ip.Ipv6Encoder;
import org.tunnelcodec.core.transport.UdpEncoder;
import org.tunnelcodec.core.transport.UdpHeader;

/**
 * Encodes LISP control messages (see {@link LispMessage}). Every count (Record Count, Locator
 * Count, IRC, Referral Count), every length (Authentication Data Length, LCAF Length) and the
 * flags that announce optional parts (Map-Request M, Map-Register and Map-Notify I) are derived
 * from the record; every other bit is written as the record holds it. An ECM's inner IPv4
 * header checksum is computed; its inner UDP checksum is written as the record holds it.
 */
public final class LispMessageEncoder {
    private LispMessageEncoder() {
    }

    /**
     * Returns the exact encoded length.
     *
     * @param message the message
     * @return the encoded length
     */
    public static int encodedLength(LispMessage message) {
        return message.encodedLength();
    }

    /**
     * Writes the message at {@code dst.position()}.
     *
     * @param message the message
     * @param dst     the destination; written from its position, which does not move
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small (nothing is written then)
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(LispMessage message, ByteBuffer dst) {
        int length = message.encodedLength();
        Wire.requireRoom(dst, length);
        write(dst, dst.position(), message);
        return length;
    }

    /** Writes the message at {@code at} and returns the index after it. */
    static int write(ByteBuffer dst, int at, LispMessage message) {
        if (message instanceof MapRequest m) {
            long w = 1L << 28 | (m.authoritative() ? 0x0800_0000 : 0) | (m.mapDataPresent() ? 0x0400_0000 : 0)
                    | (m.probe() ? 0x0200_0000 : 0) | (m.smr() ? 0x0100_0000 : 0) | (m.pitr() ? 0x0080_0000 : 0)
                    | (m.smrInvoked() ? 0x0040_0000 : 0) | m.reserved() << 15 | (m.localXtr() ? 0x4000 : 0)
                    | (m.dontMapReply() ? 0x2000 : 0) | m.itrRlocCount() << 8 | m.records().size();
            Wire.put32(dst, at, w);
            Wire.put64(dst, at + 4, m.nonce());
            int a = LispAddressEncoder.write(dst, at + 12, m.sourceEid());
            for (LispAddress r : m.itrRlocs()) {
                a = LispAddressEncoder.write(dst, a, r);
            }
            for (MapRequestRecord r : m.records()) {
                Wire.put8(dst, a, r.reserved());
                Wire.put8(dst, a + 1, r.maskLength());
                a = LispAddressEncoder.write(dst, a + 2, r.eid());
            }
            return m.mapReply() == null ? a : writeEidRecord(dst, a, m.mapReply());
        } else if (message instanceof MapReply m) {
            Wire.put32(dst, at, 2L << 28 | (m.probe() ? 0x0800_0000 : 0) | (m.echoNonce() ? 0x0400_0000 : 0)
                    | (m.security() ? 0x0200_0000 : 0) | m.reserved() << 8 | m.records().size());
            Wire.put64(dst, at + 4, m.nonce());
            return writeEidRecords(dst, at + 12, m.records());
        } else if (message instanceof MapRegister m) {
            Wire.put32(dst, at, 3L << 28 | (m.proxyReply() ? 0x0800_0000 : 0) | (m.security() ? 0x0400_0000 : 0)
                    | (m.xtrIdPresent() ? 0x0200_0000 : 0) | m.reserved() << 13 | (m.eidNotify() ? 0x1000 : 0)
                    | (m.useTtl() ? 0x800 : 0) | (m.merge() ? 0x400 : 0) | (m.reservedR() ? 0x200 : 0)
                    | (m.wantMapNotify() ? 0x100 : 0) | m.records().size());
            return writeAuthenticated(dst, at, m.nonce(), m.keyId(), m.algorithmId(), m.authenticationData(),
                    m.records(), m.xtrId(), m.siteId());
        } else if (message instanceof MapNotify m) {
            Wire.put32(dst, at, 4L << 28 | (m.xtrIdPresent() ? 0x0800_0000 : 0) | (m.rtrAuthentication() ? 0x0400_0000 : 0)
                    | m.reserved() << 8 | m.records().size());
            return writeAuthenticated(dst, at, m.nonce(), m.keyId(), m.algorithmId(), m.authenticationData(),
                    m.records(), m.xtrId(), m.siteId());
        } else if (message instanceof MapNotifyAck m) {
            Wire.put32(dst, at, 5L << 28 | (m.xtrIdPresent() ? 0x0800_0000 : 0) | (m.rtrAuthentication() ? 0x0400_0000 : 0)
                    | m.reserved() << 8 | m.records().size());
            return writeAuthenticated(dst, at, m.nonce(), m.keyId(), m.algorithmId(), m.authenticationData(),
                    m.records(), m.xtrId(), m.siteId());
        } else if (message instanceof MapReferral m) {
            Wire.put32(dst, at, 6L << 28 | (long) m.reserved() << 8 | m.records().size());
            Wire.put64(dst, at + 4, m.nonce());
            int a = at + 12;
            for (MapReferralRecord r : m.records()) {
                Wire.put32(dst, a, r.ttl());
                Wire.put8(dst, a + 4, r.referrals().size());
                Wire.put8(dst, a + 5, r.maskLength());
                Wire.put16(dst, a + 6, r.action() << 13 | (r.authoritative() ? 0x1000 : 0) | (r.incomplete() ? 0x800 : 0)
                        | r.reserved());
                Wire.put16(dst, a + 8, r.mapVersion());
                a = writeLocators(dst, LispAddressEncoder.write(dst, a + 10, r.eid()), r.referrals());
            }
            return a;
        } else if (message instanceof InfoMessage m) {
            Wire.put32(dst, at, 7L << 28 | (m.reply() ? 0x0800_0000 : 0) | m.reserved());
            Wire.put64(dst, at + 4, m.nonce());
            Wire.put8(dst, at + 12, m.keyId());
            Wire.put8(dst, at + 13, m.algorithmId());
            Wire.put16(dst, at + 14, m.authenticationData().length());
            int a = at + 16 + m.authenticationData().writeTo(dst, at + 16);
            Wire.put32(dst, a, m.ttl());
            Wire.put8(dst, a + 4, m.reserved2());
            Wire.put8(dst, a + 5, m.maskLength());
            a = LispAddressEncoder.write(dst, a + LispControlLayout.INFO_FIXED, m.eid());
            return LispAddressEncoder.write(dst, a, m.natInfo());
        } else if (message instanceof EncapsulatedControlMessage m) {
            Wire.put32(dst, at, 8L << 28 | (m.ddt() ? 0x0400_0000 : 0) | (m.toEtr() ? 0x0200_0000 : 0)
                    | (m.toMs() ? 0x0100_0000 : 0) | m.reserved());
            ByteBuffer d = dst.duplicate();
            d.position(at + 4);
            int a = at + 4 + (m.ipv4() != null ? Ipv4Encoder.encode(m.ipv4(), d) : Ipv6Encoder.encode(m.ipv6(), d));
            d.position(a);
            a += UdpEncoder.encode(m.udp(), d);
            a = write(dst, a, m.message());
            return a + m.trailing().writeTo(dst, a);
        }
        Wire.put32(dst, at, ((LispUnknownMessage) message).firstWord());
        return at + 4;
    }

    private static int writeAuthenticated(ByteBuffer dst, int at, long nonce, int keyId, int algorithmId,
                                          org.tunnelcodec.core.ByteString auth, List<EidRecord> records,
                                          org.tunnelcodec.core.ByteString xtrId, long siteId) {
        Wire.put64(dst, at + 4, nonce);
        Wire.put8(dst, at + 12, keyId);
        Wire.put8(dst, at + 13, algorithmId);
        Wire.put16(dst, at + 14, auth.length());
        int a = writeEidRecords(dst, at + 16 + auth.writeTo(dst, at + 16), records);
        if (xtrId != null) {
            a += xtrId.writeTo(dst, a);
            Wire.put64(dst, a, siteId);
            a += 8;
        }
        return a;
    }

    private static int writeEidRecords(ByteBuffer dst, int a, List<EidRecord> records) {
        for (EidRecord r : records) {
            a = writeEidRecord(dst, a, r);
        }
        return a;
    }

    static int writeEidRecord(ByteBuffer dst, int a, EidRecord r) {
        Wire.put32(dst, a, r.ttl());
        Wire.put8(dst, a + 4, r.locators().size());
        Wire.put8(dst, a + 5, r.maskLength());
        Wire.put16(dst, a + 6, r.action() << 13 | (r.authoritative() ? 0x1000 : 0) | r.reserved());
        Wire.put16(dst, a + 8, r.reservedBits() << 12 | r.mapVersion());
        return writeLocators(dst, LispAddressEncoder.write(dst, a + 10, r.eid()), r.locators());
    }

    private static int writeLocators(ByteBuffer dst, int l, List<LocatorRecord> locators) {
        for (LocatorRecord x : locators) {
            Wire.put8(dst, l, x.priority());
            Wire.put8(dst, l + 1, x.weight());
            Wire.put8(dst, l + 2, x.multicastPriority());
            Wire.put8(dst, l + 3, x.multicastWeight());
            Wire.put16(dst, l + 4, x.unusedFlags() << 3 | (x.local() ? 4 : 0) | (x.probed() ? 2 : 0) | (x.reachable() ? 1 : 0));
            l = LispAddressEncoder.write(dst, l + 6, x.locator());
        }
        return l;
    }
}
