package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Golden test of the LISP control plane: every control message the dissector finds (UDP 4342,
 * the message inside an Encapsulated Control Message included) in the project's generated
 * capture {@code lisp-control-variants.pcap} ({@code testdata/scripts/make-lisp-control.py}: one
 * of every message type over IPv4 and IPv6, every LCAF type) and in the six shared LISP control
 * captures is compared, field by field, with tshark 4.0.17's decode of the same frames
 * ({@code testdata/scripts/tshark-golden-lisp-control.sh}). Each of our values is written as
 * tshark prints it, and the k-th occurrence of a tshark column is compared with the k-th value
 * in frame order (outer message first, LCAFs in the order they nest, the enclosing one first):
 *
 * <ul>
 * <li>every message: type, Record Count (not for the ECM and Info messages, which have none),
 *     nonce, the reserved bits as tshark masks them (which include the RFC 9301 bits tshark
 *     does not know: Map-Request L and D, Map-Register E, T, a, R, ECM E and M);</li>
 * <li>Map-Request: A, M, P, S, p, s, IRC, the Source EID and each ITR-RLOC (AFI and IPv4 or
 *     IPv6 address), each request record (reserved octet, mask-len, AFI, address or LCAF), and
 *     the Map-Reply record (M set) as an EID-record;</li>
 * <li>Map-Reply: P, E, S;</li>
 * <li>Map-Register: P, S, I, M, and bit 7, which tshark reads as an "RTR" flag
 *     (draft-ermagan-lisp-nat-traversal) and RFC 9301 §5.6 as the first reserved bit;</li>
 * <li>Map-Notify: I, R;</li>
 * <li>Map-Register, Map-Notify and Info: the Key ID as tshark reads it, one 16-bit field (RFC
 *     6833), which is {@link MapRegister#legacyKeyId()} (RFC 9301's Key ID and Algorithm ID, 8
 *     bits each); the Authentication Data Length, which must be the length of the
 *     Authentication Data we keep and the MAC's length for the Algorithm ID; the Authentication
 *     Data itself; the xTR-ID and Site-ID when I is set;</li>
 * <li>Info-Request and Info-Reply (draft-ermagan-lisp-nat-traversal): R, the reserved bits, TTL,
 *     the Reserved octet, EID mask-len, EID-prefix (AFI and address) and the AFI after it (the
 *     NAT-Traversal LCAF of a reply as an LCAF below);</li>
 * <li>each EID-record: TTL, Locator Count, mask-len, ACT, A, the reserved bits (11 of the 12
 *     of RFC 9301 §5.4: tshark leaves out the first, where a Map-Referral record has I),
 *     Rsvd, Map-Version, EID-Prefix-AFI and the IPv4, IPv6, MAC or Distinguished Name
 *     EID-Prefix;</li>
 * <li>each Map-Referral record (RFC 8111 §6.4.1) likewise, with I and Sig Cnt, the referrals as
 *     locators;</li>
 * <li>each locator: Priority, Weight, M Priority, M Weight, the unused flags, L, p, R, Loc-AFI,
 *     the address (not for an LCAF, which tshark gives as an LCAF below);</li>
 * <li>each LCAF (RFC 8060), wherever it is: the header (Rsvd1, Flags, Type, Rsvd2, Length) and,
 *     for the types tshark 4.0 decodes, every field of the body: AFI List, Instance ID, AS
 *     Number, Geo Coordinates (not the altitude, which tshark prints as text only),
 *     NAT-Traversal, Nonce Locator, Multicast Info, Explicit Locator Path, Source/Dest Key,
 *     Replication List, Key/Value, Vendor Specific;</li>
 * <li>ECM: S (which this project refuses, so always 0 here) and D.</li>
 * </ul>
 *
 * <p>tshark 4.0 has no field for the Map-Register's E, T, a and R bits, the 8-bit Key ID and
 * Algorithm ID apart (RFC 9301 §5.6, §5.7), the Map-Request's L and D bits or the ECM's E and M
 * bits, apart from the reserved bits above: those are also compared with the frame's octets
 * where the RFC 9301 figures place them ({@code lisp_eid_register.pcap} and
 * {@code lisp_ipv6.pcap} set E, the EID-notify bit, in their Map-Registers). tshark 4.0 does
 * not decode Map-Notify-Ack (type 5: only the type is compared here), the bodies of the
 * Application Data, Opaque Key, Security Key, JSON and Encapsulation Format LCAFs (only their
 * header is compared here) or the Geo altitude: {@link LispControlVariantsTest} compares those
 * with the values of the RFC figures the generated frames follow. Not compared: the Source
 * EID or ITR-RLOC when it is an LCAF (tshark 4.0 decodes neither). Frames that tshark marks
 * malformed or that this project refuses are in {@link #DIFFERENT} with the reason: each must
 * be reported malformed by the LISP control layer, or cut by the capture, and nothing else.
 */
class LispControlGoldenTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(LispLayers.bindings())
            .add(LispControlLayers.bindings()).build();

    /** The tshark columns compared, each filled from our decode. */
    private static final List<String> FIELDS = List.of("lisp.type", "lisp.records", "lisp.nonce",
            "lisp.mreq.flags.auth", "lisp.mreq.flags.mrp", "lisp.mreq.flags.probe", "lisp.mreq.flags.smr",
            "lisp.mreq.flags.pitr", "lisp.mreq.flags.smri", "lisp.irc", "lisp.mrep.flags.probe",
            "lisp.mrep.flags.enlr", "lisp.mrep.flags.sec", "lisp.mreg.flags.pmr", "lisp.mreg.flags.sec",
            "lisp.mreg.flags.xtrid", "lisp.mreg.flags.rtr", "lisp.mreg.flags.wmn", "lisp.mnot.flags.xtrid",
            "lisp.mnot.flags.rtr", "lisp.keyid", "lisp.authlen", "lisp.xtrid", "lisp.siteid", "lisp.mapping.ttl",
            "lisp.mapping.loccnt", "lisp.mapping.eid.masklen", "lisp.mapping.act", "lisp.mapping.auth",
            "lisp.mapping.ver", "lisp.mapping.eid.afi", "lisp.mapping.eid.ipv4", "lisp.mapping.eid.ipv6",
            "lisp.loc.priority", "lisp.loc.weight", "lisp.loc.multicast_priority", "lisp.loc.multicast_weight",
            "lisp.loc.flags.local", "lisp.loc.flags.probe", "lisp.loc.flags.reach", "lisp.loc.afi",
            "lisp.loc.locator", "lisp.ecm.flags.sec", "lisp.ecm.flags.ddt", "lisp.mreq.record.prefix.length",
            "lisp.mreq.srceid.afi", "lisp.mreq.itr_rloc.afi",
            "lisp.mreq.res", "lisp.mrep.res", "lisp.mreg.res", "lisp.mnot.res", "lisp.mref.res", "lisp.ecm.res",
            "lisp.mreq.srceid.ipv4", "lisp.mreq.srceid_ipv6", "lisp.mreq.itr_rloc_ipv4", "lisp.mreq.itr_rloc_ipv6",
            "lisp.mreq.record.res", "lisp.mreq.record.prefix.afi", "lisp.mreq.record.prefix.ipv4",
            "lisp.mreq.record.prefix.ipv6", "lisp.mreq.record.prefix.mac", "lisp.mreq.record.prefix.dn",
            "lisp.auth", "lisp.mapping.res1", "lisp.mapping.res2", "lisp.mapping.eid.mac", "lisp.mapping.eid.dn",
            "lisp.loc.flags.res", "lisp.referral.incomplete", "lisp.referral.sigcnt",
            "lisp.info.r", "lisp.info.res1", "lisp.info.ttl", "lisp.info.res2", "lisp.info.prefix.masklen",
            "lisp.info.prefix.afi", "lisp.info.prefix.ipv4", "lisp.info.prefix.ipv6", "lisp.info.afi",
            "lisp.lcaf.header", "lisp.lcaf.res1", "lisp.lcaf.flags", "lisp.lcaf.type", "lisp.lcaf.res2",
            "lisp.lcaf.length",
            "lisp.lcaf.afi_list.afi", "lisp.lcaf.afi_list.ipv4", "lisp.lcaf.afi_list.ipv6", "lisp.lcaf.afi_list.mac",
            "lisp.lcaf.afi_list.dn",
            "lisp.lcaf.iid", "lisp.lcaf.iid.afi", "lisp.lcaf.iid.ipv4", "lisp.lcaf.iid.ipv6", "lisp.lcaf.iid.mac",
            "lisp.lcaf.iid.dn",
            "lisp.lcaf.asn", "lisp.lcaf.asn.afi", "lisp.lcaf.asn.ipv4", "lisp.lcaf.asn.ipv6", "lisp.lcaf.asn.mac",
            "lisp.lcaf.asn.dn",
            "lisp.lcaf.geo.lat.hemisphere", "lisp.lcaf.geo.lat.deg", "lisp.lcaf.geo.lat.min", "lisp.lcaf.geo.lat.sec",
            "lisp.lcaf.geo.lon.hemisphere", "lisp.lcaf.geo.lon.deg", "lisp.lcaf.geo.lon.min", "lisp.lcaf.geo.lon.sec",
            "lisp.lcaf.geo.afi", "lisp.lcaf.geo.ipv4", "lisp.lcaf.geo.ipv6", "lisp.lcaf.geo.mac", "lisp.lcaf.geo.dn",
            "lisp.lcaf.natt.msport", "lisp.lcaf.natt.etrport", "lisp.lcaf.natt.rloc.afi", "lisp.lcaf.natt.rloc.ipv4",
            "lisp.lcaf.natt.rloc.ipv6",
            "lisp.lcaf.nonce_loc.res", "lisp.lcaf.nonce_loc", "lisp.lcaf.nonce_loc.afi", "lisp.lcaf.nonce_loc.ipv4",
            "lisp.lcaf.nonce_loc.ipv6", "lisp.lcaf.nonce_loc.mac", "lisp.lcaf.nonce_loc.dn",
            "lisp.lcaf.mcinfo.flags", "lisp.lcaf.mcinfo.flags.res", "lisp.lcaf.mcinfo.flags.rp",
            "lisp.lcaf.mcinfo.flags.leave", "lisp.lcaf_mcinfo.flags.join", "lisp.lcaf.mcinfo_iid",
            "lisp.lcaf.mcinfo.res", "lisp.lcaf.mcinfo.src.masklen", "lisp.lcaf.mcinfo.grp.masklen",
            "lisp.lcaf.mcinfo.src.afi", "lisp.lcaf.mcinfo.src.ipv4", "lisp.lcaf.mcinfo.src.ipv6",
            "lisp.lcaf.mcinfo.grp.afi", "lisp.lcaf.mcinfo.grp.ipv4", "lisp.lcaf.mcinfo.grp.ipv6",
            "lisp.lcaf.elp_hop.flags", "lisp.lcaf.elp_hop.flags.res", "lisp.lcaf.elp_hop.flags.local",
            "lisp.lcaf.elp_hop.flags.probe", "lisp.lcaf_elp_hop.flags.strict", "lisp.lcaf.elp_hop.afi",
            "lisp.lcaf.elp_hop.ipv4", "lisp.lcaf.elp_hop.ipv6",
            "lisp.lcaf.srcdst.res", "lisp.lcaf.srcdst.src.masklen", "lisp.lcaf.srcdst.dst.masklen",
            "lisp.lcaf.srcdst.src.afi", "lisp.lcaf.srcdst.src.ipv4", "lisp.lcaf.srcdst.src.ipv6",
            "lisp.lcaf.srcdst.src.mac", "lisp.lcaf.srcdst.dst.afi", "lisp.lcaf.srcdst.dst.ipv4",
            "lisp.lcaf.srcdst.dst.ipv6", "lisp.lcaf.srcdst.dst.mac",
            "lisp.lcaf.rle_entry.res", "lisp.lcaf.rle_entry.level", "lisp.lcaf.rle_entry.afi",
            "lisp.lcaf.rle_entry.ipv4", "lisp.lcaf.rle_entry.ipv6",
            "lisp.lcaf.kv_key.afi", "lisp.lcaf.kv_key.ipv4", "lisp.lcaf.kv_key.ipv6", "lisp.lcaf.kv_key.mac",
            "lisp.lcaf.kv_key.dn", "lisp.lcaf.kv_value.afi", "lisp.lcaf.kv_value.ipv4", "lisp.lcaf.kv_value.ipv6",
            "lisp.lcaf.kv_value.mac", "lisp.lcaf.kv_value.dn",
            "lisp.lcaf.vendor.res", "lisp.lcaf.vendor.oui", "lisp.lcaf.vendor.data");

    /** Frames decoded differently from tshark on purpose, with the reason. */
    static final Map<String, String> DIFFERENT = Map.of(
            "lisp_eid_notify.pcap#3", "Map-Notify with I set and no room for the xTR-ID and Site-ID after its three"
                    + " records (RFC 9301 §5.7): tshark reads the records, then stops malformed; MALFORMED here"
                    + " (xTR-ID truncated)",
            "lisp_invalid.pcap#1", "Map-Notify whose first EID-record has EID-Prefix-AFI 7680, an AFI of no known"
                    + " length: tshark gives up on the records (\"Unexpected EID prefix AFI\") and shows the rest as"
                    + " data; MALFORMED here (EID-Prefix-AFI BAD_VALUE)",
            "lisp_invalid.pcap#2", "Map-Notify with Authentication Data Length 35117 in a cut frame: malformed for"
                    + " tshark; MALFORMED here (Authentication Data truncated)",
            "lisp_invalid_length.pcap#1", "Map-Register in a frame of 65642 octets on the wire that the capture cut"
                    + " inside the nonce: malformed for tshark; MALFORMED here (Nonce truncated)");

    static Stream<String> captures() {
        return Stream.of("lisp-control-variants.pcap", "lisp_eid_notify.pcap", "lisp_eid_register.pcap", "lisp_invalid.pcap",
                "lisp_invalid_length.pcap", "lisp_ipv6.pcap", "pcpp-ipv6-lisp.pcapng");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldDecodeTheLispControlMessagesAsTsharkDoes(String name) {
        CaptureFile capture = name.equals(LispControlVariantsTest.CAPTURE) ? Captures.generated(name) : Captures.shared(name);
        TsharkGolden golden = TsharkGolden.of(name.replaceFirst("\\.(pcapng|pcap)$", "") + ".lispctl");
        assertThat(capture.frames()).hasSameSizeAs(golden.rows());
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        int refused = 0;
        for (CapturedFrame frame : capture.frames()) {
            TsharkGolden.Row row = golden.frame(frame.number());
            String key = name + "#" + frame.number();
            Dissection d = DISSECTOR.dissect(capture.linkType(), frame.data(), frame.originalLength(), 0);
            if (DIFFERENT.containsKey(key)) {
                boolean refusedHere = LispMessage.PROTOCOL.equals(d.failedLayer())
                        && (d.stopReason() == Dissection.StopReason.MALFORMED
                        || d.stopReason() == Dissection.StopReason.CAPTURE_CUT);
                soft.assertThat(refusedHere).as(key + " " + DIFFERENT.get(key) + " (ours: "
                        + d.stopReason() + " at " + d.failedLayer() + ", " + d.error() + ")").isTrue();
                soft.assertThat(layers(d)).as(key + " no control message decoded").isEmpty();
                refused++;
                continue;
            }
            soft.assertThat(d.isMalformed()).as(key + " malformed here: " + d.error()).isFalse();
            soft.assertThat(row.values("_ws.malformed")).as(key + " malformed for tshark").isEmpty();
            List<LispMessage> messages = layers(d);
            rfc9301Bits(soft, key, frame.data(), d);
            Map<String, List<String>> ours = new LinkedHashMap<>();
            for (String f : FIELDS) {
                ours.put(f, new ArrayList<>());
            }
            for (LispMessage m : messages) {
                fill(ours, m, key, soft);
            }
            for (String f : FIELDS) {
                soft.assertThat(ours.get(f)).as(key + " " + f).isEqualTo(row.values(f));
            }
            if (!messages.isEmpty()) {
                compared++;
            }
        }
        // lisp_invalid*.pcap hold only broken messages: each is refused there.
        soft.assertThat(name.startsWith("lisp_invalid") ? refused : compared).as(name + " frames compared or refused")
                .isGreaterThan(0);
        soft.assertAll();
    }

    private static void fill(Map<String, List<String>> out, LispMessage m, String key, SoftAssertions soft) {
        add(out, "lisp.type", m.type());
        if (m instanceof MapRequest r) {
            add(out, "lisp.records", r.records().size());
            nonce(out, r.nonce());
            add(out, "lisp.mreq.flags.auth", r.authoritative());
            add(out, "lisp.mreq.flags.mrp", r.mapDataPresent());
            add(out, "lisp.mreq.flags.probe", r.probe());
            add(out, "lisp.mreq.flags.smr", r.smr());
            add(out, "lisp.mreq.flags.pitr", r.pitr());
            add(out, "lisp.mreq.flags.smri", r.smrInvoked());
            // tshark's reserved bits are bits 10-18: RFC 9301's two R bits, Rsvd, L and D
            add(out, "lisp.mreq.res", hex(6, r.reserved() << 2 | (r.localXtr() ? 2 : 0) | (r.dontMapReply() ? 1 : 0)));
            add(out, "lisp.irc", r.itrRlocCount());
            add(out, "lisp.mreq.srceid.afi", r.sourceEid().afi());
            if (!(r.sourceEid() instanceof LispAddress.Lcaf)) {
                address(out, r.sourceEid(), null, "lisp.mreq.srceid.ipv4", "lisp.mreq.srceid_ipv6", null, null);
            }
            for (LispAddress itr : r.itrRlocs()) {
                add(out, "lisp.mreq.itr_rloc.afi", itr.afi());
                if (!(itr instanceof LispAddress.Lcaf)) {
                    address(out, itr, null, "lisp.mreq.itr_rloc_ipv4", "lisp.mreq.itr_rloc_ipv6", null, null);
                }
            }
            for (MapRequestRecord rec : r.records()) {
                add(out, "lisp.mreq.record.res", hex(2, rec.reserved()));
                add(out, "lisp.mreq.record.prefix.length", rec.maskLength());
                address(out, rec.eid(), "lisp.mreq.record.prefix.afi", "lisp.mreq.record.prefix.ipv4",
                        "lisp.mreq.record.prefix.ipv6", "lisp.mreq.record.prefix.mac", "lisp.mreq.record.prefix.dn");
            }
            if (r.mapReply() != null) {
                record(out, r.mapReply());
            }
        } else if (m instanceof MapReply r) {
            add(out, "lisp.records", r.records().size());
            nonce(out, r.nonce());
            add(out, "lisp.mrep.flags.probe", r.probe());
            add(out, "lisp.mrep.flags.enlr", r.echoNonce());
            add(out, "lisp.mrep.flags.sec", r.security());
            add(out, "lisp.mrep.res", hex(6, r.reserved()));
            r.records().forEach(rec -> record(out, rec));
        } else if (m instanceof MapRegister r) {
            add(out, "lisp.records", r.records().size());
            nonce(out, r.nonce());
            add(out, "lisp.mreg.flags.pmr", r.proxyReply());
            add(out, "lisp.mreg.flags.sec", r.security());
            add(out, "lisp.mreg.flags.xtrid", r.xtrIdPresent());
            add(out, "lisp.mreg.flags.rtr", (r.reserved() & 0x800) != 0); // bit 7, RFC 9301's first reserved bit
            // tshark's reserved bits are bits 8-22: RFC 9301's reserved bits 8-18, then E, T, a, R
            add(out, "lisp.mreg.res", hex(6, (r.reserved() & 0x7FF) << 4 | (r.eidNotify() ? 8 : 0) | (r.useTtl() ? 4 : 0)
                    | (r.merge() ? 2 : 0) | (r.reservedR() ? 1 : 0)));
            add(out, "lisp.mreg.flags.wmn", r.wantMapNotify());
            authentication(out, r.legacyKeyId(), r.algorithmId(), r.authenticationData(), r.xtrId(), r.siteId(), key,
                    soft);
            r.records().forEach(rec -> record(out, rec));
        } else if (m instanceof MapNotify r) {
            add(out, "lisp.records", r.records().size());
            nonce(out, r.nonce());
            add(out, "lisp.mnot.flags.xtrid", r.xtrIdPresent());
            add(out, "lisp.mnot.flags.rtr", r.rtrAuthentication());
            add(out, "lisp.mnot.res", hex(6, r.reserved()));
            authentication(out, r.legacyKeyId(), r.algorithmId(), r.authenticationData(), r.xtrId(), r.siteId(), key,
                    soft);
            r.records().forEach(rec -> record(out, rec));
        } else if (m instanceof MapNotifyAck) {
            return; // tshark 4.0: "Unknown LISP Control Packet (5)", the rest as data
        } else if (m instanceof MapReferral r) {
            add(out, "lisp.records", r.records().size());
            nonce(out, r.nonce());
            add(out, "lisp.mref.res", hex(6, r.reserved()));
            for (MapReferralRecord rec : r.records()) {
                add(out, "lisp.mapping.ttl", rec.ttl());
                add(out, "lisp.mapping.loccnt", rec.referrals().size());
                add(out, "lisp.mapping.eid.masklen", rec.maskLength());
                add(out, "lisp.mapping.act", rec.action());
                add(out, "lisp.mapping.auth", rec.authoritative());
                add(out, "lisp.referral.incomplete", rec.incomplete());
                add(out, "lisp.mapping.res1", hex(4, rec.reserved()));
                add(out, "lisp.mapping.ver", rec.mapVersion());
                add(out, "lisp.referral.sigcnt", 0); // a record with signatures is refused
                eid(out, rec.eid());
                rec.referrals().forEach(l -> locator(out, l));
            }
        } else if (m instanceof InfoMessage r) {
            nonce(out, r.nonce());
            add(out, "lisp.info.r", r.reply());
            add(out, "lisp.info.res1", hex(8, r.reserved()));
            add(out, "lisp.keyid", hex(4, r.legacyKeyId()));
            add(out, "lisp.authlen", r.authenticationData().length());
            auth(out, r.authenticationData());
            add(out, "lisp.info.ttl", r.ttl());
            add(out, "lisp.info.res2", hex(2, r.reserved2()));
            add(out, "lisp.info.prefix.masklen", r.maskLength());
            address(out, r.eid(), "lisp.info.prefix.afi", "lisp.info.prefix.ipv4", "lisp.info.prefix.ipv6", null, null);
            add(out, "lisp.info.afi", r.natInfo().afi());
            // tshark decodes what follows only in a reply, and only an LCAF
            if (r.reply() && r.natInfo() instanceof LispAddress.Lcaf l) {
                lcaf(out, l);
            }
        } else if (m instanceof EncapsulatedControlMessage e) {
            add(out, "lisp.ecm.flags.sec", false); // S is refused: the inner header cannot be found behind LISP-SEC data
            add(out, "lisp.ecm.flags.ddt", e.ddt());
            // tshark's reserved bits are bits 6-31: RFC 9301's E and M, then the reserved bits
            add(out, "lisp.ecm.res", hex(8, (e.toEtr() ? 0x0200_0000 : 0) | (e.toMs() ? 0x0100_0000 : 0) | e.reserved()));
        } else {
            soft.fail(key + " a message tshark 4.0 has no columns for here: " + m);
        }
    }

    /** Key ID, Authentication Data Length and Data, xTR-ID and Site-ID, in the order tshark shows them. */
    private static void authentication(Map<String, List<String>> out, int legacyKeyId, int algorithmId,
                                       ByteString data, ByteString xtrId, long siteId, String key, SoftAssertions soft) {
        add(out, "lisp.keyid", hex(4, legacyKeyId));
        add(out, "lisp.authlen", data.length());
        auth(out, data);
        soft.assertThat(data.length()).as(key + " Authentication Data Length for Algorithm ID " + algorithmId)
                .isEqualTo(LispAuthentication.macLength(algorithmId));
        if (xtrId != null) {
            add(out, "lisp.xtrid", HexFormat.of().formatHex(xtrId.toByteArray()));
            add(out, "lisp.siteid", String.format("%016x", siteId));
        }
    }

    /** tshark prints an empty Authentication Data as {@code <MISSING>}. */
    private static void auth(Map<String, List<String>> out, ByteString data) {
        add(out, "lisp.auth", data.length() == 0 ? "<MISSING>" : HexFormat.of().formatHex(data.toByteArray()));
    }

    private static void record(Map<String, List<String>> out, EidRecord r) {
        add(out, "lisp.mapping.ttl", r.ttl());
        add(out, "lisp.mapping.loccnt", r.locators().size());
        add(out, "lisp.mapping.eid.masklen", r.maskLength());
        add(out, "lisp.mapping.act", r.action());
        add(out, "lisp.mapping.auth", r.authoritative());
        // tshark 4.0 masks 11 of the 12 reserved bits (0x7ff: the 12th is where a Map-Referral record has I)
        add(out, "lisp.mapping.res1", hex(4, r.reserved() & 0x7FF));
        add(out, "lisp.mapping.res2", hex(4, r.reservedBits()));
        add(out, "lisp.mapping.ver", r.mapVersion());
        eid(out, r.eid());
        r.locators().forEach(l -> locator(out, l));
    }

    private static void eid(Map<String, List<String>> out, LispAddress eid) {
        address(out, eid, "lisp.mapping.eid.afi", "lisp.mapping.eid.ipv4", "lisp.mapping.eid.ipv6",
                "lisp.mapping.eid.mac", "lisp.mapping.eid.dn");
    }

    private static void locator(Map<String, List<String>> out, LocatorRecord l) {
        add(out, "lisp.loc.priority", l.priority());
        add(out, "lisp.loc.weight", l.weight());
        add(out, "lisp.loc.multicast_priority", l.multicastPriority());
        add(out, "lisp.loc.multicast_weight", l.multicastWeight());
        add(out, "lisp.loc.flags.local", l.local());
        add(out, "lisp.loc.flags.probe", l.probed());
        add(out, "lisp.loc.flags.reach", l.reachable());
        add(out, "lisp.loc.flags.res", hex(4, l.unusedFlags()));
        add(out, "lisp.loc.afi", l.locator().afi());
        if (l.locator() instanceof LispAddress.Lcaf lcaf) {
            lcaf(out, lcaf);
        } else {
            add(out, "lisp.loc.locator", l.locator().toString());
        }
    }

    /**
     * An address as tshark gives it under one prefix: the AFI (when {@code afi} is named), then
     * the IPv4, IPv6, MAC or Distinguished Name field, or the LCAF's own fields.
     */
    private static void address(Map<String, List<String>> out, LispAddress a, String afi, String ipv4, String ipv6,
                                String mac, String dn) {
        if (afi != null) {
            add(out, afi, a.afi());
        }
        if (a instanceof LispAddress.Ipv4 v && ipv4 != null) {
            add(out, ipv4, v.address().toString());
        } else if (a instanceof LispAddress.Ipv6 v && ipv6 != null) {
            add(out, ipv6, v.address().toString());
        } else if (a instanceof LispAddress.Mac v && mac != null) {
            add(out, mac, v.address().toString());
        } else if (a instanceof LispAddress.DistinguishedName v && dn != null) {
            add(out, dn, v.text());
        } else if (a instanceof LispAddress.Lcaf l) {
            lcaf(out, l);
        }
    }

    /** An address under a tshark LCAF field prefix that has every kind ({@code .afi}, {@code .ipv4}, ...). */
    private static void address(Map<String, List<String>> out, LispAddress a, String prefix) {
        address(out, a, prefix + ".afi", prefix + ".ipv4", prefix + ".ipv6", prefix + ".mac", prefix + ".dn");
    }

    /** An LCAF: its header, then the body of the types tshark 4.0 decodes, nested LCAFs in order. */
    private static void lcaf(Map<String, List<String>> out, LispAddress.Lcaf l) {
        LcafBody body = l.body();
        add(out, "lisp.lcaf.header", String.format("%02x%02x%02x%02x%04x", l.reserved1(), l.flags(), body.type(),
                body.reserved2(), body.bodyLength()));
        add(out, "lisp.lcaf.res1", hex(2, l.reserved1()));
        add(out, "lisp.lcaf.flags", hex(2, l.flags()));
        add(out, "lisp.lcaf.type", body.type());
        if (body.type() != LcafBody.MULTICAST_INFO) { // tshark shows Multicast Info's Rsvd2 as its R, L, J flags
            add(out, "lisp.lcaf.res2", hex(2, body.reserved2()));
        }
        add(out, "lisp.lcaf.length", body.bodyLength());
        if (body instanceof LcafBody.AfiList b) {
            for (LispAddress a : b.addresses()) {
                address(out, a, "lisp.lcaf.afi_list");
            }
        } else if (body instanceof LcafBody.InstanceId b) {
            add(out, "lisp.lcaf.iid", b.instanceId());
            address(out, b.address(), "lisp.lcaf.iid");
        } else if (body instanceof LcafBody.AsNumber b) {
            add(out, "lisp.lcaf.asn", b.asNumber());
            address(out, b.address(), "lisp.lcaf.asn");
        } else if (body instanceof LcafBody.GeoCoordinates b) {
            add(out, "lisp.lcaf.geo.lat.hemisphere", b.north() ? 1 : 0);
            add(out, "lisp.lcaf.geo.lat.deg", b.latitudeDegrees());
            add(out, "lisp.lcaf.geo.lat.min", b.latitudeMinutes());
            add(out, "lisp.lcaf.geo.lat.sec", b.latitudeSeconds());
            add(out, "lisp.lcaf.geo.lon.hemisphere", b.east() ? 1 : 0);
            add(out, "lisp.lcaf.geo.lon.deg", b.longitudeDegrees());
            add(out, "lisp.lcaf.geo.lon.min", b.longitudeMinutes());
            add(out, "lisp.lcaf.geo.lon.sec", b.longitudeSeconds());
            address(out, b.address(), "lisp.lcaf.geo");
        } else if (body instanceof LcafBody.NatTraversal b) {
            add(out, "lisp.lcaf.natt.msport", b.msPort());
            add(out, "lisp.lcaf.natt.etrport", b.etrPort());
            List<LispAddress> rlocs = new ArrayList<>(List.of(b.globalEtrRloc(), b.msRloc(), b.privateEtrRloc()));
            rlocs.addAll(b.rtrRlocs());
            for (LispAddress a : rlocs) {
                address(out, a, "lisp.lcaf.natt.rloc.afi", "lisp.lcaf.natt.rloc.ipv4", "lisp.lcaf.natt.rloc.ipv6", null,
                        null);
            }
        } else if (body instanceof LcafBody.NonceLocator b) {
            add(out, "lisp.lcaf.nonce_loc.res", hex(2, b.reserved()));
            add(out, "lisp.lcaf.nonce_loc", hex(6, b.nonce()));
            address(out, b.address(), "lisp.lcaf.nonce_loc");
        } else if (body instanceof LcafBody.MulticastInfo b) {
            add(out, "lisp.lcaf.mcinfo.flags", hex(2, b.reserved2()));
            add(out, "lisp.lcaf.mcinfo.flags.res", hex(2, b.reserved2() >>> 3));
            add(out, "lisp.lcaf.mcinfo.flags.rp", (b.reserved2() & 4) != 0);
            add(out, "lisp.lcaf.mcinfo.flags.leave", (b.reserved2() & 2) != 0);
            add(out, "lisp.lcaf_mcinfo.flags.join", (b.reserved2() & 1) != 0);
            add(out, "lisp.lcaf.mcinfo_iid", b.instanceId());
            add(out, "lisp.lcaf.mcinfo.res", hex(4, b.reserved()));
            add(out, "lisp.lcaf.mcinfo.src.masklen", b.sourceMaskLength());
            add(out, "lisp.lcaf.mcinfo.grp.masklen", b.groupMaskLength());
            address(out, b.source(), "lisp.lcaf.mcinfo.src.afi", "lisp.lcaf.mcinfo.src.ipv4", "lisp.lcaf.mcinfo.src.ipv6",
                    null, null);
            address(out, b.group(), "lisp.lcaf.mcinfo.grp.afi", "lisp.lcaf.mcinfo.grp.ipv4", "lisp.lcaf.mcinfo.grp.ipv6",
                    null, null);
        } else if (body instanceof LcafBody.ExplicitLocatorPath b) {
            for (LcafBody.ElpHop h : b.hops()) {
                add(out, "lisp.lcaf.elp_hop.flags", hex(4, h.reserved() << 3 | (h.lookup() ? 4 : 0) | (h.rlocProbe() ? 2 : 0)
                        | (h.strict() ? 1 : 0)));
                add(out, "lisp.lcaf.elp_hop.flags.res", hex(4, h.reserved()));
                add(out, "lisp.lcaf.elp_hop.flags.local", h.lookup());
                add(out, "lisp.lcaf.elp_hop.flags.probe", h.rlocProbe());
                add(out, "lisp.lcaf_elp_hop.flags.strict", h.strict());
                address(out, h.address(), "lisp.lcaf.elp_hop.afi", "lisp.lcaf.elp_hop.ipv4", "lisp.lcaf.elp_hop.ipv6", null,
                        null);
            }
        } else if (body instanceof LcafBody.SourceDestKey b) {
            add(out, "lisp.lcaf.srcdst.res", hex(4, b.reserved()));
            add(out, "lisp.lcaf.srcdst.src.masklen", b.sourceMaskLength());
            add(out, "lisp.lcaf.srcdst.dst.masklen", b.destinationMaskLength());
            address(out, b.source(), "lisp.lcaf.srcdst.src");
            address(out, b.destination(), "lisp.lcaf.srcdst.dst");
        } else if (body instanceof LcafBody.ReplicationList b) {
            for (LcafBody.RleEntry e : b.entries()) {
                add(out, "lisp.lcaf.rle_entry.res", hex(6, e.reserved3() << 8 | e.reserved4()));
                add(out, "lisp.lcaf.rle_entry.level", e.level());
                address(out, e.address(), "lisp.lcaf.rle_entry.afi", "lisp.lcaf.rle_entry.ipv4", "lisp.lcaf.rle_entry.ipv6",
                        null, null);
            }
        } else if (body instanceof LcafBody.KeyValue b) {
            address(out, b.key(), "lisp.lcaf.kv_key");
            address(out, b.value(), "lisp.lcaf.kv_value");
        } else if (body instanceof LcafBody.VendorSpecific b) {
            add(out, "lisp.lcaf.vendor.res", hex(2, b.reserved3()));
            add(out, "lisp.lcaf.vendor.oui", hex(6, b.oui()));
            add(out, "lisp.lcaf.vendor.data", HexFormat.of().formatHex(b.data().toByteArray()));
        }
        // Null Body, Application Data, Opaque Key, Security Key, JSON, Encapsulation Format:
        // tshark 4.0 shows the header only ("Not dissected yet"); LispControlVariantsTest has them.
    }

    private static String hex(int digits, long value) {
        return String.format("0x%0" + digits + "x", value);
    }

    /**
     * The bits tshark 4.0 has no field for, read from the first word and octets 12-13 as the
     * RFC 9301 figures place them: Map-Register E, T, a, R (bits 19-22, §5.6), Key ID and
     * Algorithm ID (octets 12 and 13, §5.6 and §5.7, and of Info messages, whose first 16 octets
     * are a Map-Register's); Map-Request L, D (bits 17-18, §5.2); ECM E, M (bits 6-7, §5.8).
     */
    private static void rfc9301Bits(SoftAssertions soft, String key, ByteBuffer frame, Dissection d) {
        for (DissectedLayer l : d.layers()) {
            if (!(l.header() instanceof LispMessage m) || l.buffer() != 0) {
                continue;
            }
            int at = frame.position() + l.offset();
            int word = frame.getInt(at);
            if (m instanceof MapRegister r) {
                soft.assertThat(List.of(r.eidNotify(), r.useTtl(), r.merge(), r.reservedR(), r.keyId(), r.algorithmId()))
                        .as(key + " Map-Register E, T, a, R, Key ID, Algorithm ID (RFC 9301 §5.6)")
                        .isEqualTo(List.of((word & 0x1000) != 0, (word & 0x800) != 0, (word & 0x400) != 0,
                                (word & 0x200) != 0, frame.get(at + 12) & 0xFF, frame.get(at + 13) & 0xFF));
            } else if (m instanceof MapNotify r) {
                soft.assertThat(List.of(r.keyId(), r.algorithmId())).as(key + " Map-Notify Key ID, Algorithm ID")
                        .isEqualTo(List.of(frame.get(at + 12) & 0xFF, frame.get(at + 13) & 0xFF));
            } else if (m instanceof InfoMessage r) {
                soft.assertThat(List.of(r.keyId(), r.algorithmId())).as(key + " Info Key ID, Algorithm ID")
                        .isEqualTo(List.of(frame.get(at + 12) & 0xFF, frame.get(at + 13) & 0xFF));
            } else if (m instanceof MapRequest r) {
                soft.assertThat(List.of(r.localXtr(), r.dontMapReply())).as(key + " Map-Request L, D (RFC 9301 §5.2)")
                        .isEqualTo(List.of((word & 0x4000) != 0, (word & 0x2000) != 0));
            } else if (m instanceof EncapsulatedControlMessage e) {
                soft.assertThat(List.of(e.toEtr(), e.toMs())).as(key + " ECM E, M (RFC 9301 §5.8)")
                        .isEqualTo(List.of((word & 0x0200_0000) != 0, (word & 0x0100_0000) != 0));
            }
        }
    }

    private static void nonce(Map<String, List<String>> out, long nonce) {
        add(out, "lisp.nonce", hex(16, nonce));
    }

    private static void add(Map<String, List<String>> out, String field, Object value) {
        out.get(field).add(value instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(value));
    }

    /** The control-message layers, outermost first: an ECM, then the message inside it. */
    private static List<LispMessage> layers(Dissection d) {
        List<LispMessage> found = new ArrayList<>();
        for (DissectedLayer l : d.layers()) {
            if (l.header() instanceof LispMessage m) {
                found.add(m);
            }
        }
        return found;
    }
}
