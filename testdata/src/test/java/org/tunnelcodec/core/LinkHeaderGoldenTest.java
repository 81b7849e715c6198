package org.tunnelcodec.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.link.AvspHeader;
import org.tunnelcodec.core.link.CiscoHdlcHeader;
import org.tunnelcodec.core.link.VlanHeader;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Cisco HDLC framing, Arista's timestamp header and 802.1Q tags after another header, against
 * tshark 4.0.17's decode of the shared captures that carry them
 * ({@code testdata/scripts/tshark-golden-link.sh}): every field tshark shows, and the layers in
 * tshark's order up to the first one core does not bind (MPLS, BGP), where ours stop.
 */
class LinkHeaderGoldenTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).build();
    /** tshark's protocol names for the layers core binds; "ethertype" and "data" are no layers. */
    private static final Map<String, String> NAMES = Map.of("eth", "ethernet", "chdlc", "chdlc", "avsp", "avsp",
            "vlan", "vlan", "ip", "ipv4", "tcp", "tcp");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arista_ether.pcap", "ndpi-BGP_redist.pcap"})
    void shouldDecodeTheLinkHeadersAsTsharkDoes(String name) {
        CaptureFile capture = Captures.shared(name);
        TsharkGolden golden = TsharkGolden.of(name.replaceFirst("\\.pcap$", ".link"));
        assertThat(capture.frames()).hasSameSizeAs(golden.rows());
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (CapturedFrame frame : capture.frames()) {
            TsharkGolden.Row row = golden.frame(frame.number());
            String at = name + " #" + frame.number();
            Dissection d = DISSECTOR.dissect(capture.linkType(), frame.data());
            soft.assertThat(d.isMalformed()).as(at + " malformed").isFalse();
            List<String> ours = d.layers().stream().map(DissectedLayer::name).toList();
            List<String> theirs = new ArrayList<>();
            for (String p : row.value("frame.protocols", 0).split(":")) {
                if (!p.equals("ethertype") && !p.equals("data")) {
                    theirs.add(NAMES.getOrDefault(p, p));
                }
            }
            soft.assertThat(theirs).as(at + " layers, ours " + ours).startsWith(ours.toArray(new String[0]));
            if (ours.size() < theirs.size()) {
                soft.assertThat(theirs.get(ours.size())).as(at + " the layer after ours " + ours).isIn("mpls", "bgp");
            }
            int chdlc = 0;
            int avsp = 0;
            int vlan = 0;
            for (DissectedLayer l : d.layers()) {
                Object h = l.header();
                if (h instanceof CiscoHdlcHeader c) {
                    num(soft, at, row, "chdlc.address", chdlc, c.address());
                    num(soft, at, row, "chdlc.control", chdlc, c.control());
                    num(soft, at, row, "chdlc.protocol", chdlc++, c.protocol().value());
                } else if (h instanceof AvspHeader a) {
                    num(soft, at, row, "avsp.sub_type", avsp, a.subtype());
                    num(soft, at, row, "avsp.ver", avsp, a.version());
                    boolean wide = a.isTimestamp() && a.length() == 14;
                    num(soft, at, row, "avsp.64sec", avsp, wide ? a.seconds() : -1);
                    num(soft, at, row, "avsp.64ns", avsp, wide ? a.nanoseconds() : -1);
                    num(soft, at, row, "avsp.48sec", avsp, a.isTimestamp() && !wide ? a.seconds() : -1);
                    num(soft, at, row, "avsp.48ns", avsp, a.isTimestamp() && !wide ? a.nanoseconds() : -1);
                    num(soft, at, row, "avsp.etype", avsp++, a.isTimestamp() ? a.protocol().value() : -1);
                    if (!a.isTimestamp()) {
                        // tshark: "Unknown timestamp version", and nothing after it is decoded
                        soft.assertThat(row.values("_ws.expert.message")).as(at).anyMatch(m -> m.startsWith(
                                "Unknown timestamp version"));
                        soft.assertThat(d.layers().get(d.layers().size() - 1)).as(at + " last layer").isSameAs(l);
                    }
                } else if (h instanceof VlanHeader v) {
                    num(soft, at, row, "vlan.priority", vlan, v.priority());
                    num(soft, at, row, "vlan.dei", vlan, v.dropEligible() ? 1 : 0);
                    num(soft, at, row, "vlan.id", vlan, v.vlanId());
                    num(soft, at, row, "vlan.etype", vlan++, v.protocol().value());
                }
            }
            soft.assertThat(chdlc).as(at + " chdlc headers").isEqualTo(row.values("chdlc.address").size());
            soft.assertThat(avsp).as(at + " avsp headers").isEqualTo(row.values("avsp.sub_type").size());
            soft.assertThat(vlan).as(at + " vlan tags").isEqualTo(row.values("vlan.id").size());
            checked += chdlc + avsp + vlan;
        }
        assertThat(checked).as("headers compared").isPositive();
        soft.assertAll();
    }

    private static void num(SoftAssertions soft, String at, TsharkGolden.Row row, String field, int occurrence,
                            long ours) {
        soft.assertThat(ours).as(at + " " + field + "[" + occurrence + "]").isEqualTo(row.number(field, occurrence));
    }
}
