package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Golden test: every LISP data header the dissector finds in the project's
 * {@code lisp-data-variants.pcap} and in the shared {@code pcpp-ipv6-lisp.pcapng} is compared,
 * field by field, with tshark 4.0.17's decode of the same frames
 * ({@code testdata/scripts/tshark-golden-lisp.sh}): the flags octet and each flag, bit 5 and KK
 * ({@code lisp-data.flags.res}), the Nonce when N is set, the Map-Versions when V is set and N
 * clear, the Instance ID when I is set, the Locator-Status-Bits (32 or 8) when L is set, and the
 * inner layer tshark names by the version nibble. tshark 4.0 has no LISP-GPE: for a header with
 * P set only the fields both read alike (flags, Instance ID, Locator-Status-Bits) are compared;
 * where tshark reads a GPE header's bits 8-31 as a Nonce or its payload by the nibble, this
 * project follows RFC 9305 §3 instead ({@link #DIFFERENT}).
 */
class LispGoldenTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(LispLayers.bindings())
            .build();

    /** Frames decoded differently from tshark on purpose, with the reason. */
    static final Map<String, String> DIFFERENT = Map.of(
            "lisp-data-variants.pcap#22", "5 octets after UDP 4341: a short LISP header (TRUNCATED) here, data for tshark",
            "lisp-data-variants.pcap#23", "the capture cut the header: CAPTURE_CUT before it here; tshark shows the first word");

    static Stream<String> captures() {
        return Stream.of("lisp-data-variants.pcap", "pcpp-ipv6-lisp.pcapng");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldDecodeTheLispDataHeadersAsTsharkDoes(String name) {
        CaptureFile capture = name.startsWith("lisp-data") ? Captures.generated(name) : Captures.shared(name);
        TsharkGolden golden = TsharkGolden.of(name.replaceFirst("\\.(pcapng|pcap)$", "") + ".lisp");
        assertThat(capture.frames()).hasSameSizeAs(golden.rows());
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (CapturedFrame frame : capture.frames()) {
            TsharkGolden.Row row = golden.frame(frame.number());
            String key = name + "#" + frame.number();
            Dissection d = DISSECTOR.dissect(capture.linkType(), frame.data(), frame.originalLength(), 0);
            List<LispHeader> lisp = layers(d, LispHeader.class);
            if (DIFFERENT.containsKey(key)) {
                soft.assertThat(lisp).as(key + " " + DIFFERENT.get(key)).isEmpty();
                continue;
            }
            soft.assertThat(lisp.size()).as(key + " lisp-data.flags count").isEqualTo(row.values("lisp-data.flags").size());
            if (lisp.isEmpty()) {
                continue;
            }
            compared++;
            LispHeader h = lisp.get(0);
            num(soft, row, key, "lisp-data.flags", h.flags());
            num(soft, row, key, "lisp-data.flags.nonce", h.noncePresent() ? 1 : 0);
            num(soft, row, key, "lisp-data.flags.lsb", h.locatorStatusBitsEnabled() ? 1 : 0);
            num(soft, row, key, "lisp-data.flags.enr", (h.flags() & LispHeader.FLAG_E) != 0 ? 1 : 0);
            num(soft, row, key, "lisp-data.flags.mv", (h.flags() & LispHeader.FLAG_V) != 0 ? 1 : 0);
            num(soft, row, key, "lisp-data.flags.iid", h.instanceIdPresent() ? 1 : 0);
            num(soft, row, key, "lisp-data.flags.res", h.reservedFlags() | h.keyId());
            opt(soft, row, key, "lisp-data.iid", h.instanceIdPresent(), h.instanceId());
            opt(soft, row, key, "lisp-data.lsb", h.locatorStatusBitsEnabled() && !h.instanceIdPresent(), h.locatorStatusBits());
            opt(soft, row, key, "lisp-data.lsb8", h.locatorStatusBitsEnabled() && h.instanceIdPresent(), h.locatorStatusBits());
            soft.assertThat(row.values("lisp-data.flags.nv_invalid").isEmpty()).as(key + " nv_invalid")
                    .isEqualTo(h.mapVersionPresent() || !((h.flags() & 0x90) == 0x90));
            if (h.nextProtocolPresent()) {
                List<LispGpeHeader> gpe = layers(d, LispGpeHeader.class);
                soft.assertThat(gpe).as(key + " a LISP-GPE layer after P").hasSize(1);
                soft.assertThat(gpe.get(0).instanceId()).as(key + " GPE iid").isEqualTo(h.instanceId());
                soft.assertThat(gpe.get(0).locatorStatusBits()).as(key + " GPE lsb").isEqualTo(h.locatorStatusBits());
                continue; // tshark reads bits 8-31 and the payload as plain LISP
            }
            opt(soft, row, key, "lisp-data.nonce", h.noncePresent(), h.nonce());
            opt(soft, row, key, "lisp-data.srcmapver", h.mapVersionPresent(), h.sourceMapVersion());
            opt(soft, row, key, "lisp-data.dstmapver", h.mapVersionPresent(), h.destinationMapVersion());
            // The inner packet: tshark names ip or ipv6 after lisp-data exactly when this project does.
            String protocols = row.value("frame.protocols", 0);
            String after = protocols.substring(protocols.indexOf("lisp-data") + "lisp-data".length());
            String ours = names(d).contains("lisp") ? names(d).get(names(d).indexOf("lisp") + 1 < names(d).size()
                    ? names(d).indexOf("lisp") + 1 : names(d).indexOf("lisp")) : "";
            String theirs = after.startsWith(":ipv6") ? "ipv6" : after.startsWith(":ip") ? "ipv4" : "lisp";
            soft.assertThat(ours).as(key + " inner layer (" + protocols + ", ours " + names(d) + ")").isEqualTo(theirs);
        }
        soft.assertThat(compared).as(name + " frames compared").isGreaterThan(0);
        soft.assertAll();
    }

    private static List<String> names(Dissection d) {
        return d.layers().stream().map(DissectedLayer::name).toList();
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

    private static void num(SoftAssertions soft, TsharkGolden.Row row, String at, String field, long ours) {
        soft.assertThat(ours).as(at + " " + field).isEqualTo(row.number(field, 0));
    }

    /** A field tshark gives only when the flag says it is there. */
    private static void opt(SoftAssertions soft, TsharkGolden.Row row, String at, String field, boolean present, long ours) {
        soft.assertThat(row.number(field, 0)).as(at + " " + field).isEqualTo(present ? ours : -1);
    }
}
