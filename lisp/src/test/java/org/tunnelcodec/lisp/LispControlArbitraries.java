package org.tunnelcodec.lisp;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.transport.UdpHeader;

/** Arbitrary addresses (every LCAF type, nested), records and control messages, every field drawn. */
final class LispControlArbitraries {
    private LispControlArbitraries() {
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 0xFF);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    static Arbitrary<ByteString> octets(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max).map(ByteString::of);
    }

    static Arbitrary<LispAddress> plain() {
        return Arbitraries.oneOf(
                Arbitraries.just(LispAddress.NONE),
                Arbitraries.integers().map(i -> new LispAddress.Ipv4(Ipv4Address.of(i))),
                Arbitraries.longs().tuple2().map(t -> new LispAddress.Ipv6(Ipv6Address.of(t.get1(), t.get2()))),
                Combinators.combine(Arbitraries.of(LispAddress.AFI_MAC, LispAddress.AFI_MAC_48),
                        Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL)).as((a, m) -> new LispAddress.Mac(a, MacAddress.of(m))),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(12).map(LispAddress.DistinguishedName::of));
    }

    /** Addresses with LCAFs nested up to {@code depth} deep. */
    static Arbitrary<LispAddress> addresses(int depth) {
        if (depth == 0) {
            return plain();
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, plain()),
                net.jqwik.api.Tuple.of(2, Combinators.combine(u8(), u8(), bodies(depth - 1)).as(LispAddress.Lcaf::new)));
    }

    static Arbitrary<LcafBody> bodies(int depth) {
        Arbitrary<LispAddress> a = addresses(depth);
        Arbitrary<List<LispAddress>> list = a.list().ofMaxSize(4);
        Arbitrary<LispAddress> prefix = plain();
        return Arbitraries.oneOf(
                u8().map(LcafBody.NullBody::new),
                Combinators.combine(u8(), list).as(LcafBody.AfiList::new),
                Combinators.combine(u8(), u32(), a).as(LcafBody.InstanceId::new),
                Combinators.combine(u8(), u32(), a).as(LcafBody.AsNumber::new),
                Combinators.combine(u8(), Arbitraries.integers().between(0, 0xFF_FFFF), u8(), u16(), u16(), u16(), u16(), a)
                        .as(LcafBody.ApplicationData::new),
                Combinators.combine(u8(), Arbitraries.of(true, false), Arbitraries.integers().between(0, 0x7FFF), u8(), u8(),
                        Arbitraries.of(true, false), Arbitraries.integers().between(0, 0x7FFF), u8()).as(
                                (r, n, d, m, s, e, d2, m2) -> new LcafBody.GeoCoordinates(r, n, d, m, s, e, d2, m2, 7, 0x7FFF_FFFF,
                                        new LispAddress.Ipv4(Ipv4Address.of(0x0A000001)))),
                Combinators.combine(u8(), octets(10)).as((r, b) -> new LcafBody.GeoCoordinatesOther(r,
                        ByteString.of(concat(new byte[] {0, 0, 0}, b.toByteArray())))),
                Combinators.combine(u8(), u8(), u16(), octets(12)).as(LcafBody.OpaqueKey::new),
                Combinators.combine(u8(), u16(), u16(), a, a, a, list).as(LcafBody.NatTraversal::new),
                Combinators.combine(u8(), u8(), Arbitraries.integers().between(0, 0xFF_FFFF), a).as(LcafBody.NonceLocator::new),
                Combinators.combine(u8(), u32(), u16(), prefix, prefix).as((r, iid, res, s, g) -> new LcafBody.MulticastInfo(r,
                        iid, res, LispControlLayout.maxMaskLength(s.afi()) / 2, LispControlLayout.maxMaskLength(g.afi()), s, g)),
                Combinators.combine(u8(), Combinators.combine(Arbitraries.integers().between(0, 0x1FFF), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false), a).as(LcafBody.ElpHop::new).list().ofMaxSize(3))
                        .as(LcafBody.ExplicitLocatorPath::new),
                Combinators.combine(u8(), u8(), u8(), Arbitraries.integers().between(0, 0x7F), Arbitraries.of(true, false),
                        octets(40).list().ofMaxSize(3), a).as(LcafBody.SecurityKey::new),
                Combinators.combine(u8(), u16(), prefix, prefix).as((r, res, s, d) -> new LcafBody.SourceDestKey(r, res,
                        Math.min(24, LispControlLayout.maxMaskLength(s.afi())), 0, s, d)),
                Combinators.combine(u8(), Combinators.combine(u16(), u8(), u8(), a).as(LcafBody.RleEntry::new).list().ofMaxSize(3))
                        .as(LcafBody.ReplicationList::new),
                Combinators.combine(u8(), octets(30), a).as(LcafBody.Json::new),
                Combinators.combine(u8(), a, a).as(LcafBody.KeyValue::new),
                Combinators.combine(u8(), Arbitraries.integers(), list).as(LcafBody.EncapsulationFormat::new),
                Combinators.combine(u8(), u8(), Arbitraries.integers().between(0, 0xFF_FFFF), octets(16)).as(LcafBody.VendorSpecific::new),
                Combinators.combine(Arbitraries.integers().between(17, 254), u8(), octets(20)).as(LcafBody.Unknown::new));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static Arbitrary<LocatorRecord> locators() {
        return Combinators.combine(u8(), u8(), u8(), u8(), Arbitraries.integers().between(0, 0x1FFF),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((p, w, mp, mw, f, l, pr, r) -> new LocatorRecord(p, w, mp, mw, f, l, pr, r, LispAddress.NONE))
                .flatMap(l -> addresses(1).map(a -> new LocatorRecord(l.priority(), l.weight(), l.multicastPriority(),
                        l.multicastWeight(), l.unusedFlags(), l.local(), l.probed(), l.reachable(), a)));
    }

    static Arbitrary<EidRecord> eidRecords() {
        return Combinators.combine(u32(), Arbitraries.integers().between(0, 7), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 0xFFF), Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, 0xFFF), addresses(1), locators().list().ofMaxSize(3))
                .as((ttl, act, a, res, rb, v, eid, locs) -> new EidRecord(ttl, Math.min(LispControlLayout.maxMaskLength(eid.afi()), 20),
                        act, a, res, rb, v, eid, locs));
    }

    /**
     * Up to 3 records of every kind, or (one time in eleven) 20 to 60 small records: IPv4 EIDs
     * without locators, so that the contract's every-prefix property stays linear in practice.
     * The largest counts (a 200-record Map-Register, 255 records) are pinned by the vector tests.
     */
    static Arbitrary<List<EidRecord>> records() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, eidRecords().list().ofMaxSize(3)),
                net.jqwik.api.Tuple.of(1, smallEidRecords().list().ofMinSize(20).ofMaxSize(60)));
    }

    /** A record with an IPv4 EID and no locator: 16 octets. */
    static Arbitrary<EidRecord> smallEidRecords() {
        return Combinators.combine(u32(), Arbitraries.integers().between(0, 32), Arbitraries.integers())
                .as((ttl, mask, eid) -> new EidRecord(ttl, mask, 0, false, 0, 0, 0, new LispAddress.Ipv4(Ipv4Address.of(eid)),
                        List.of()));
    }

    static Arbitrary<ByteString> trailerId() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16).map(ByteString::of).injectNull(0.5);
    }

    static Arbitrary<MapRequest> mapRequests() {
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        Arbitrary<MapRequestRecord> rec = Combinators.combine(u8(), addresses(1)).as((r, e) -> new MapRequestRecord(r,
                Math.min(8, LispControlLayout.maxMaskLength(e.afi())), e));
        return Combinators.combine(Combinators.combine(b, b, b, b, b, Arbitraries.integers().between(0, 0x7F), b, b).as(List::of),
                Arbitraries.longs(), addresses(1), addresses(1).list().ofMinSize(1).ofMaxSize(32), rec.list().ofMinSize(1).ofMaxSize(3),
                eidRecords().injectNull(0.5))
                .as((f, nonce, src, rlocs, recs, reply) -> new MapRequest((Boolean) f.get(0), (Boolean) f.get(1), (Boolean) f.get(2),
                        (Boolean) f.get(3), (Boolean) f.get(4), (Integer) f.get(5), (Boolean) f.get(6), (Boolean) f.get(7), nonce, src,
                        rlocs, recs, reply));
    }

    static Arbitrary<MapReply> mapReplies() {
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        return Combinators.combine(b, b, b, Arbitraries.integers().between(0, 0x1FFFF), Arbitraries.longs(), records())
                .as(MapReply::new);
    }

    static Arbitrary<MapRegister> mapRegisters() {
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        return Combinators.combine(Combinators.combine(b, b, Arbitraries.integers().between(0, 0xFFF), b, b, b, b, b).as(List::of),
                Arbitraries.longs(), u8(), u8(), octets(40), records(), trailerId(), Arbitraries.longs())
                .as((f, nonce, k, a, auth, recs, x, site) -> new MapRegister((Boolean) f.get(0), (Boolean) f.get(1),
                        (Integer) f.get(2), (Boolean) f.get(3), (Boolean) f.get(4), (Boolean) f.get(5), (Boolean) f.get(6),
                        (Boolean) f.get(7), nonce, k, a, auth, recs, x, x == null ? 0 : site));
    }

    static Arbitrary<MapNotify> mapNotifies() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 0x3FFFF), Arbitraries.longs(),
                u16(), octets(40), records(), trailerId(), Arbitraries.longs())
                .as((r, res, n, k, auth, recs, x, site) -> new MapNotify(r, res, n, k >>> 8, k & 0xFF, auth, recs, x,
                        x == null ? 0 : site));
    }

    static Arbitrary<MapNotifyAck> mapNotifyAcks() {
        return mapNotifies().map(m -> new MapNotifyAck(m.rtrAuthentication(), m.reserved(), m.nonce(), m.keyId(), m.algorithmId(),
                m.authenticationData(), m.records(), m.xtrId(), m.siteId()));
    }

    static Arbitrary<MapReferral> mapReferrals() {
        Arbitrary<MapReferralRecord> rec = Combinators.combine(u32(), Arbitraries.integers().between(0, 7), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 0x7FF), Arbitraries.integers().between(0, 0xFFF),
                addresses(1), locators().list().ofMaxSize(3))
                .as((ttl, act, a, i, res, v, eid, l) -> new MapReferralRecord(ttl, Math.min(8, LispControlLayout.maxMaskLength(eid.afi())),
                        act, a, i, res, v, eid, l));
        return Combinators.combine(Arbitraries.integers().between(0, 0xF_FFFF), Arbitraries.longs(), rec.list().ofMaxSize(3))
                .as(MapReferral::new);
    }

    static Arbitrary<InfoMessage> infoMessages() {
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        Arbitrary<LispAddress> natInfo = Arbitraries.oneOf(Arbitraries.just(LispAddress.NONE), addresses(1),
                Combinators.combine(u8(), u16(), u16(), plain(), plain(), plain(), plain().list().ofMaxSize(3))
                        .as(LcafBody.NatTraversal::new).map(LispAddress.Lcaf::of));
        return Combinators.combine(Combinators.combine(b, Arbitraries.integers().between(0, 0x7FF_FFFF), Arbitraries.longs(),
                        u8(), u8()).as(List::of), octets(40), u32(), u8(), addresses(1), natInfo)
                .as((f, auth, ttl, r2, eid, nat) -> new InfoMessage((Boolean) f.get(0), (Integer) f.get(1), (Long) f.get(2),
                        (Integer) f.get(3), (Integer) f.get(4), auth, ttl, r2,
                        Math.min(24, LispControlLayout.maxMaskLength(eid.afi())), eid, nat));
    }

    static Arbitrary<LispMessage> inner() {
        return Arbitraries.oneOf(mapRequests(), mapReplies(), mapRegisters(), mapNotifies(), mapReferrals(), infoMessages());
    }

    static Arbitrary<EncapsulatedControlMessage> ecms() {
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        return Combinators.combine(b, b, b, Arbitraries.integers().between(0, 0xFF_FFFF), b, inner(), octets(6), u16())
                .as((d, e, m, res, v6, msg, trailing, sport) -> {
                    int sum = sport ^ 0x5A5A;
                    int udpPayload = msg.encodedLength() + trailing.length();
                    UdpHeader udp = new UdpHeader(sport, 4342, udpPayload, sum);
                    if (v6) {
                        return new EncapsulatedControlMessage(d, e, m, res, null, Ipv6Header.of(Ipv6Address.of(1, 2),
                                Ipv6Address.of(3, 4), IpProtocol.UDP, 8 + udpPayload), udp, msg, trailing);
                    }
                    return new EncapsulatedControlMessage(d, e, m, res, Ipv4Header.of(Ipv4Address.of(0x0A000001),
                            Ipv4Address.of(0x0A000002), IpProtocol.UDP, 8 + udpPayload), null, udp, msg, trailing);
                });
    }

    static Arbitrary<LispMessage> messages() {
        return Arbitraries.oneOf(mapRequests(), mapReplies(), mapRegisters(), mapNotifies(), mapNotifyAcks(), mapReferrals(),
                infoMessages(), ecms(), Arbitraries.of(0, 9, 10, 15).flatMap(t -> Arbitraries.integers().between(0, 0x0FFF_FFFF)
                        .map(w -> new LispUnknownMessage(t << 28 | w))));
    }
}
