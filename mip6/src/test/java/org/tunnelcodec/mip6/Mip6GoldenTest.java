package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Golden test: every Mobility Header the dissector finds in the shared captures that carry one
 * (tcpdump's {@code ipv6_mobility_1.pcap} with all eight RFC 6275 message types and the RFC 6275
 * options, Zeek's single-message captures, and tcpdump's out-of-bounds reproducers) is compared,
 * field by field, with tshark 4.0.17's decode of the same frames
 * ({@code testdata/scripts/tshark-golden-mip6.sh}): Payload Proto, Header Len, MH Type, Reserved,
 * Checksum, every message field and flag tshark shows, and each option's Length and value. The
 * reproducers (IPv6 Next Header 62, the pre-RFC number, bound with
 * {@link Mip6Layers#legacyBindings()} as tshark does) must decode or stop as malformed or cut by
 * the capture, never throw. Frames decoded differently on purpose are listed in
 * {@link #DIFFERENT} with the reason. The Zeek checksum captures check the Checksum rule
 * (RFC 6275 §6.1.1) against the frame's own addresses.
 */
class Mip6GoldenTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings())
            .add(Mip6Layers.legacyBindings()).build();

    /** Frames decoded differently from tshark on purpose, with the reason. */
    static final Map<String, String> DIFFERENT = Map.of(
            "ipv6-mobility-header-oobr.pcap#1", "Payload Proto 48 and Header Len past the capture: refused here (RFC 6275"
                    + " §9.2); tshark shows the fields it could read");

    static Stream<String> captures() {
        return Stream.of("ipv6-mobility-header-oobr.pcap", "ipv6_mobility_1.pcap", "mobility_opt_asan.pcap",
                "mobility_opt_asan_2.pcap", "mobility_opt_asan_3.pcap", "mobility_opt_asan_4.pcap", "mobility_opt_asan_5.pcap",
                "mobility_opt_asan_6.pcap", "mobility_opt_asan_7.pcap", "mobility_opt_asan_8.pcap",
                "zeek-ipv6-mobility-dst-opts.pcap", "zeek-mip6-bad-mh-chksum.pcap", "zeek-mip6-good-mh-chksum.pcap",
                "zeek-mip6_back.pcap", "zeek-mip6_be.pcap", "zeek-mip6_brr.pcap", "zeek-mip6_bu.pcap", "zeek-mip6_cot.pcap",
                "zeek-mip6_coti.pcap", "zeek-mip6_hot.pcap", "zeek-mip6_hoti.pcap");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldDecodeTheMobilityHeaderCapturesAsTsharkDoes(String name) {
        CaptureFile capture = Captures.shared(name);
        TsharkGolden golden = TsharkGolden.of(name.replaceFirst("\\.(pcapng|pcap)$", "") + ".mip6");
        assertThat(capture.frames()).hasSameSizeAs(golden.rows());
        SoftAssertions soft = new SoftAssertions();
        for (CapturedFrame frame : capture.frames()) {
            TsharkGolden.Row row = golden.frame(frame.number());
            String key = name + "#" + frame.number();
            Dissection d = DISSECTOR.dissect(capture.linkType(), frame.data(), frame.originalLength(), 0);
            List<MobilityHeader> mh = layers(d, MobilityHeader.class);
            if (DIFFERENT.containsKey(key)) {
                soft.assertThat(mh).as(key + " " + DIFFERENT.get(key)).isEmpty();
                continue;
            }
            boolean cut = !row.values("_ws.short").isEmpty() || !row.values("_ws.malformed").isEmpty();
            if (mh.isEmpty()) {
                // tshark read a cut header (or none at all): here it stops there, as cut or malformed
                soft.assertThat(row.values("mip6.mhtype").isEmpty() || cut).as(key + " no MH here: " + names(d)).isTrue();
                if (!row.values("mip6.mhtype").isEmpty()) {
                    soft.assertThat(d.isCutByCapture() || d.isMalformed()).as(key + " " + names(d)).isTrue();
                }
                continue;
            }
            soft.assertThat(mh).as(key + " MH count").hasSize(1);
            compare(soft, row, key, mh.get(0));
        }
        soft.assertAll();
    }

    private static void compare(SoftAssertions soft, TsharkGolden.Row row, String key, MobilityHeader h) {
        num(soft, row, key, "mip6.proto", 0, MobilityHeader.PAYLOAD_PROTO);
        num(soft, row, key, "mip6.hlen", 0, h.headerLen());
        num(soft, row, key, "mip6.mhtype", 0, h.type());
        num(soft, row, key, "mip6.reserved", 0, h.reserved());
        num(soft, row, key, "mip6.csum", 0, h.checksum());
        MobilityMessage m = h.message();
        if (m instanceof MobilityMessage.BindingRefreshRequest brr) {
            soft.assertThat(row.value("mip6.binding_refresh_request", 0)).as(key + " BRR reserved")
                    .isEqualTo(String.format("%04x", brr.reserved()));
        } else if (m instanceof MobilityMessage.TestInit ti) {
            num(soft, row, key, ti.careOf() ? "mip6.coti.cookie" : "mip6.hoti.cookie", 0, ti.cookie());
        } else if (m instanceof MobilityMessage.Test t) {
            String p = t.careOf() ? "mip6.cot." : "mip6.hot.";
            num(soft, row, key, p + "nindex", 0, t.nonceIndex());
            num(soft, row, key, p + "cookie", 0, t.cookie());
            num(soft, row, key, "mip6.hot.token", 0, t.keygenToken()); // tshark 4.0 shows the CoT token under hot.token
        } else if (m instanceof MobilityMessage.BindingUpdate bu) {
            num(soft, row, key, "mip6.bu.seqnr", 0, bu.sequence());
            String[] flags = {"a", "h", "l", "k", "m", null, "p", "f", "t", "b"};
            for (int i = 0; i < flags.length; i++) {
                String field = flags[i] == null ? "mip6.nemo.bu.r_flag" : "mip6.bu." + flags[i] + "_flag";
                num(soft, row, key, field, 0, bu.has(0x8000 >>> i) ? 1 : 0);
            }
            num(soft, row, key, "mip6.bu.lifetime", 0, bu.lifetime());
        } else if (m instanceof MobilityMessage.BindingAcknowledgement ba) {
            num(soft, row, key, "mip6.ba.status", 0, ba.status());
            num(soft, row, key, "mip6.ba.k_flag", 0, ba.has(MobilityMessage.BindingAcknowledgement.K) ? 1 : 0);
            num(soft, row, key, "mip6.nemo.ba.r_flag", 0, ba.has(MobilityMessage.BindingAcknowledgement.R) ? 1 : 0);
            num(soft, row, key, "mip6.ba.p_flag", 0, ba.has(MobilityMessage.BindingAcknowledgement.P) ? 1 : 0);
            num(soft, row, key, "mip6.ba.seqnr", 0, ba.sequence());
            num(soft, row, key, "mip6.ba.lifetime", 0, ba.lifetime());
        } else if (m instanceof MobilityMessage.BindingError be) {
            num(soft, row, key, "mip6.be.status", 0, be.status());
            soft.assertThat(row.value("mip6.be.haddr", 0)).as(key + " mip6.be.haddr").isEqualTo(be.homeAddress().toString());
        }
        List<Long> lengths = new ArrayList<>();
        List<String> padn = new ArrayList<>();
        List<String> acoa = new ArrayList<>();
        List<String> auth = new ArrayList<>();
        List<Long> bra = new ArrayList<>();
        List<Long> ni = new ArrayList<>();
        for (MobilityOption o : h.options()) {
            if (o instanceof MobilityOption.Pad1) {
                continue;
            }
            lengths.add((long) o.encodedLength() - 2);
            if (o instanceof MobilityOption.PadN p && p.data().length() > 0) {
                padn.add(p.data().toHex());
            } else if (o instanceof MobilityOption.AlternateCareOfAddress a) {
                acoa.add(a.address().toString());
            } else if (o instanceof MobilityOption.BindingAuthorizationData b) {
                auth.add(b.authenticator().toHex());
            } else if (o instanceof MobilityOption.BindingRefreshAdvice r) {
                bra.add((long) r.refreshInterval());
            } else if (o instanceof MobilityOption.NonceIndices n) {
                ni.add((long) n.homeNonceIndex());
                ni.add((long) n.careOfNonceIndex());
            }
        }
        soft.assertThat(lengths).as(key + " mip6.mobility_opt.len").isEqualTo(numbers(row.values("mip6.mobility_opt.len")));
        soft.assertThat(padn).as(key + " mip6.padn").isEqualTo(row.values("mip6.padn"));
        soft.assertThat(acoa).as(key + " mip6.acoa.acoa").isEqualTo(row.values("mip6.acoa.acoa"));
        soft.assertThat(auth).as(key + " mip6.bad.auth").isEqualTo(row.values("mip6.bad.auth"));
        soft.assertThat(bra).as(key + " mip6.bra.interval").isEqualTo(numbers(row.values("mip6.bra.interval")));
        List<Long> tsharkNi = new ArrayList<>();
        for (int i = 0; i < row.values("mip6.ni.hni").size(); i++) {
            tsharkNi.add(row.number("mip6.ni.hni", i));
            tsharkNi.add(row.number("mip6.ni.cni", i));
        }
        soft.assertThat(ni).as(key + " mip6.ni").isEqualTo(tsharkNi);
    }

    @Test
    void shouldVerifyTheChecksumOfZeeksGoodCaptureAndRefuseTheBadOne() {
        for (String name : List.of("zeek-mip6-good-mh-chksum.pcap", "zeek-mip6-bad-mh-chksum.pcap")) {
            CaptureFile capture = Captures.shared(name);
            CapturedFrame frame = capture.frames().get(0);
            Dissection d = DISSECTOR.dissect(capture.linkType(), frame.data(), frame.originalLength(), 0);
            Ipv6Header ip = layers(d, Ipv6Header.class).get(0);
            DissectedLayer mh = d.layers().stream().filter(l -> l.header() instanceof MobilityHeader).findFirst().orElseThrow();
            MobilityPseudoHeader ph = new MobilityPseudoHeader(ip.source(), ip.destination());
            boolean verifies = MobilityHeaderDecoder.verifyChecksum(frame.data(), frame.data().position() + mh.offset(),
                    mh.length(), ph);
            assertThat(verifies).as(name).isEqualTo(name.contains("good"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldDecodeOrRefuseWhatFollowsEveryIpv6HeaderAndNeverThrowAnythingElse(String name) {
        CaptureFile capture = Captures.shared(name);
        for (CapturedFrame frame : capture.frames()) {
            Dissection d = DISSECTOR.dissect(capture.linkType(), frame.data(), frame.originalLength(), 0);
            for (DissectedLayer l : d.layers()) {
                if (!(l.header() instanceof Ipv6Header)) {
                    continue;
                }
                ByteBuffer b = frame.data();
                int from = Math.min(b.position() + l.offset() + l.length(), b.limit());
                try {
                    MobilityHeaderDecoder.decode(b, from, b.limit());
                    MobilityHeaderDecoder.checked(b, from, b.limit());
                } catch (MalformedPacketException expected) {
                    assertThat(expected.protocol()).isEqualTo(MobilityHeader.PROTOCOL);
                }
                assertThat(b.position()).isEqualTo(frame.data().position());
            }
            assertThat(d.stopReason()).as(name + "#" + frame.number() + " " + names(d)).isIn(Dissection.StopReason.COMPLETE,
                    Dissection.StopReason.MALFORMED, Dissection.StopReason.CAPTURE_CUT, Dissection.StopReason.NO_DECODER);
        }
    }

    private static List<Long> numbers(List<String> values) {
        return values.stream().map(v -> v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v)).toList();
    }

    private static <T> List<T> layers(Dissection d, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (DissectedLayer l : d.layers()) {
            if (type.isInstance(l.header())) {
                found.add(type.cast(l.header()));
            }
        }
        return found;
    }

    private static String names(Dissection d) {
        return d.layers().stream().map(DissectedLayer::name).toList() + " " + d.stopReason() + " " + d.error();
    }

    private static void num(SoftAssertions soft, TsharkGolden.Row row, String at, String field, int occurrence, long ours) {
        soft.assertThat(ours).as(at + " " + field + "[" + occurrence + "]").isEqualTo(row.number(field, occurrence));
    }
}
