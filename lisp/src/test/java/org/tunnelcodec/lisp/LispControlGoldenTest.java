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
 * the message inside an Encapsulated Control Message included) in the six shared LISP control
 * captures is compared, field by field, with tshark 4.0.17's decode of the same frames
 * ({@code testdata/scripts/tshark-golden-lisp-control.sh}). Each of our values is written as
 * tshark prints it, and the k-th occurrence of a tshark column is compared with the k-th value
 * in frame order (outer message first):
 *
 * <ul>
 * <li>every message: type, Record Count (not for the ECM, which has none), nonce;</li>
 * <li>Map-Request: A, M, P, S, p, s, IRC, each request record's mask-len, the Source-EID-AFI,
 *     each ITR-RLOC-AFI, and the Map-Reply record (M set) as an EID-record;</li>
 * <li>Map-Reply: P, E, S;</li>
 * <li>Map-Register: P, S, I, M, and bit 7, which tshark reads as an "RTR" flag
 *     (draft-ermagan-lisp-nat-traversal) and RFC 9301 §5.6 as the first reserved bit;</li>
 * <li>Map-Notify: I, R;</li>
 * <li>Map-Register and Map-Notify: the Key ID as tshark reads it, one 16-bit field (RFC 6833),
 *     which is {@link MapRegister#legacyKeyId()} (RFC 9301's Key ID and Algorithm ID, 8 bits
 *     each); the Authentication Data Length, which must be the length of the Authentication
 *     Data we keep and, the captures' key being unknown, the MAC's length for the Algorithm ID
 *     (no HMAC is verified); the xTR-ID and Site-ID when I is set;</li>
 * <li>each EID-record: TTL, Locator Count, mask-len, ACT, A, Map-Version, EID-Prefix-AFI and
 *     the IPv4 or IPv6 EID-Prefix;</li>
 * <li>each locator: Priority, Weight, M Priority, M Weight, L, p, R, Loc-AFI, the address;</li>
 * <li>ECM: S (which this project refuses, so always 0 here) and D.</li>
 * </ul>
 *
 * <p>tshark 4.0 has no field for the Map-Register's E, T, a and R bits, the 8-bit Key ID and
 * Algorithm ID apart (RFC 9301 §5.6, §5.7), the Map-Request's L and D bits or the ECM's E and M
 * bits: those are compared with the frame's octets where the RFC 9301 figures place them
 * ({@code lisp_eid_register.pcap} and {@code lisp_ipv6.pcap} set E, the EID-notify bit, in their
 * Map-Registers). Nor for, and not compared: Map-Notify-Ack (type 5) and Map-Referral (type 6),
 * none in these captures; the Map-Request records' EID-Prefix, the Source EID and the ITR-RLOC
 * addresses (tshark gives their AFIs only); the reserved fields; the locators' unused flags. Frames that tshark marks malformed or that this project refuses are
 * in {@link #DIFFERENT} with the reason: each must be reported malformed by the LISP control
 * layer, or cut by the capture, and nothing else.
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
            "lisp.mreq.srceid.afi", "lisp.mreq.itr_rloc.afi");

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
        return Stream.of("lisp_eid_notify.pcap", "lisp_eid_register.pcap", "lisp_invalid.pcap",
                "lisp_invalid_length.pcap", "lisp_ipv6.pcap", "pcpp-ipv6-lisp.pcapng");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldDecodeTheLispControlMessagesAsTsharkDoes(String name) {
        CaptureFile capture = Captures.shared(name);
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
            add(out, "lisp.irc", r.itrRlocCount());
            add(out, "lisp.mreq.srceid.afi", r.sourceEid().afi());
            for (LispAddress itr : r.itrRlocs()) {
                add(out, "lisp.mreq.itr_rloc.afi", itr.afi());
            }
            for (MapRequestRecord rec : r.records()) {
                add(out, "lisp.mreq.record.prefix.length", rec.maskLength());
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
            r.records().forEach(rec -> record(out, rec));
        } else if (m instanceof MapRegister r) {
            add(out, "lisp.records", r.records().size());
            nonce(out, r.nonce());
            add(out, "lisp.mreg.flags.pmr", r.proxyReply());
            add(out, "lisp.mreg.flags.sec", r.security());
            add(out, "lisp.mreg.flags.xtrid", r.xtrIdPresent());
            add(out, "lisp.mreg.flags.rtr", (r.reserved() & 0x800) != 0); // bit 7, RFC 9301's first reserved bit
            add(out, "lisp.mreg.flags.wmn", r.wantMapNotify());
            authentication(out, r.legacyKeyId(), r.algorithmId(), r.authenticationData(), r.xtrId(), r.siteId(), key,
                    soft);
            r.records().forEach(rec -> record(out, rec));
        } else if (m instanceof MapNotify r) {
            add(out, "lisp.records", r.records().size());
            nonce(out, r.nonce());
            add(out, "lisp.mnot.flags.xtrid", r.xtrIdPresent());
            add(out, "lisp.mnot.flags.rtr", r.rtrAuthentication());
            authentication(out, r.legacyKeyId(), r.algorithmId(), r.authenticationData(), r.xtrId(), r.siteId(), key,
                    soft);
            r.records().forEach(rec -> record(out, rec));
        } else if (m instanceof EncapsulatedControlMessage e) {
            add(out, "lisp.ecm.flags.sec", false); // S is refused: the inner header cannot be found behind LISP-SEC data
            add(out, "lisp.ecm.flags.ddt", e.ddt());
        } else {
            soft.fail(key + " a message tshark 4.0 has no columns for here: " + m);
        }
    }

    /** Key ID, Authentication Data Length, xTR-ID and Site-ID, in the order tshark shows them. */
    private static void authentication(Map<String, List<String>> out, int legacyKeyId, int algorithmId,
                                       ByteString data, ByteString xtrId, long siteId, String key, SoftAssertions soft) {
        add(out, "lisp.keyid", String.format("0x%04x", legacyKeyId));
        add(out, "lisp.authlen", data.length());
        soft.assertThat(data.length()).as(key + " Authentication Data Length for Algorithm ID " + algorithmId)
                .isEqualTo(LispAuthentication.macLength(algorithmId));
        if (xtrId != null) {
            add(out, "lisp.xtrid", HexFormat.of().formatHex(xtrId.toByteArray()));
            add(out, "lisp.siteid", String.format("%016x", siteId));
        }
    }

    private static void record(Map<String, List<String>> out, EidRecord r) {
        add(out, "lisp.mapping.ttl", r.ttl());
        add(out, "lisp.mapping.loccnt", r.locators().size());
        add(out, "lisp.mapping.eid.masklen", r.maskLength());
        add(out, "lisp.mapping.act", r.action());
        add(out, "lisp.mapping.auth", r.authoritative());
        add(out, "lisp.mapping.ver", r.mapVersion());
        add(out, "lisp.mapping.eid.afi", r.eid().afi());
        if (r.eid() instanceof LispAddress.Ipv4 a) {
            add(out, "lisp.mapping.eid.ipv4", a.address().toString());
        } else if (r.eid() instanceof LispAddress.Ipv6 a) {
            add(out, "lisp.mapping.eid.ipv6", a.address().toString());
        }
        for (LocatorRecord l : r.locators()) {
            add(out, "lisp.loc.priority", l.priority());
            add(out, "lisp.loc.weight", l.weight());
            add(out, "lisp.loc.multicast_priority", l.multicastPriority());
            add(out, "lisp.loc.multicast_weight", l.multicastWeight());
            add(out, "lisp.loc.flags.local", l.local());
            add(out, "lisp.loc.flags.probe", l.probed());
            add(out, "lisp.loc.flags.reach", l.reachable());
            add(out, "lisp.loc.afi", l.locator().afi());
            add(out, "lisp.loc.locator", l.locator().toString());
        }
    }

    /**
     * The bits tshark 4.0 has no field for, read from the first word and octets 12-13 as the
     * RFC 9301 figures place them: Map-Register E, T, a, R (bits 19-22, §5.6), Key ID and
     * Algorithm ID (octets 12 and 13, §5.6 and §5.7); Map-Request L, D (bits 17-18, §5.2); ECM E,
     * M (bits 6-7, §5.8).
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
        add(out, "lisp.nonce", String.format("0x%016x", nonce));
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
