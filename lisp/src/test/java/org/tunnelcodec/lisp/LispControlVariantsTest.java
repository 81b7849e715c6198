package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.testdata.Captures;

/**
 * What tshark 4.0 does not decode in the generated capture {@code lisp-control-variants.pcap}
 * ({@code testdata/scripts/make-lisp-control.py}, which builds every octet from the RFC
 * figures), compared with the values the script wrote from those figures (its docstring lists
 * them); {@link LispControlGoldenTest} compares everything tshark decodes. Here: the whole
 * Map-Notify-Ack (RFC 9301 §5.7; tshark: "Unknown (5)"), the LCAF bodies tshark leaves "Not
 * dissected yet" (Null Body, RFC 8060 §3; Application Data, §4.3; Opaque Key, §5.5;
 * Security Key as RFC 8061 §3 lays it out; JSON, RFC 8060 §5.4; Encapsulation Format, §5.6),
 * the Geo Coordinates altitude (RFC 8060 §4.4), the hostname lispers.net sends after an
 * Info-Request's EID-prefix (tshark shows its AFI only), and the MACs, which must verify with
 * the script's secret "password" over the whole message (RFC 9301 §5.6; the Info messages the
 * same way). Every frame is dissected to its end, message types in the script's order, and
 * the dissector's summary lines of the Info messages name their fields.
 */
class LispControlVariantsTest {
    /** The capture's name. */
    static final String CAPTURE = "lisp-control-variants.pcap";

    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(LispLayers.bindings())
            .add(LispControlLayers.bindings()).build();
    private static final byte[] PASSWORD = LispAuthentication.key("password");

    private static LispAddress v4(String a) {
        return new LispAddress.Ipv4(Ipv4Address.parse(a));
    }

    private static LispAddress v6(String a) {
        return new LispAddress.Ipv6(Ipv6Address.parse(a));
    }

    /** The frame's control layers, outermost first. */
    private static List<DissectedLayer> control(int number) {
        Dissection d = dissection(number);
        List<DissectedLayer> out = new ArrayList<>();
        for (DissectedLayer l : d.layers()) {
            if (l.header() instanceof LispMessage) {
                out.add(l);
            }
        }
        return out;
    }

    private static Dissection dissection(int number) {
        CaptureFile c = Captures.generated(CAPTURE);
        CapturedFrame f = c.frames().get(number - 1);
        assertThat(f.number()).isEqualTo(number);
        return DISSECTOR.dissect(c.linkType(), f.data(), f.originalLength(), 0);
    }

    private static LispMessage message(int number) {
        return (LispMessage) control(number).get(0).header();
    }

    @Test
    void everyFrameIsDissectedToItsEndInTheScriptsOrder() {
        List<Integer> types = new ArrayList<>();
        for (int n = 1; n <= 26; n++) {
            Dissection d = dissection(n);
            assertThat(d.stopReason()).as("frame " + n + ": " + d.error()).isEqualTo(Dissection.StopReason.COMPLETE);
            List<DissectedLayer> layers = control(n);
            DissectedLayer last = layers.get(layers.size() - 1);
            assertThat(last.payloadLength()).as("frame " + n + " payload").isZero();
            types.add(((LispMessage) layers.get(0).header()).type());
        }
        assertThat(Captures.generated(CAPTURE).frames()).hasSize(26);
        assertThat(types).containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 7, 7, 7, 7, 8, 8, 8, 2, 2, 2, 1, 3, 6, 8, 7);
    }

    @Test
    void everyMacVerifiesWithTheScriptsSecret() {
        for (int n : new int[] {7, 8, 9, 10, 12, 13, 15, 23, 26}) {
            Dissection d = dissection(n);
            DissectedLayer l = control(n).get(0);
            ByteBuffer frame = Captures.generated(CAPTURE).frames().get(n - 1).data();
            int at = frame.position() + l.offset();
            assertThat(LispAuthentication.verify(frame, at, at + l.length(), PASSWORD)).as("frame " + n).isTrue();
            assertThat(LispAuthentication.verify(frame, at, at + l.length(), LispAuthentication.key("Password")))
                    .as("frame " + n + " with another key").isFalse();
            assertThat(d.isMalformed()).isFalse();
        }
        InfoMessage unsigned = (InfoMessage) message(14);
        assertThat(List.of(unsigned.keyId(), unsigned.algorithmId(), unsigned.authenticationData().length()))
                .containsExactly(0, 0, 0);
    }

    @Test
    void mapNotifyAckAsTheRfcFigureLaysItOut() {
        // frame 10: RFC 9301 §5.7, type 5, Key ID 0, Algorithm ID 1 (HMAC-SHA-1-96, 20 octets)
        MapNotifyAck m = (MapNotifyAck) message(10);
        assertThat(m.xtrIdPresent() || m.rtrAuthentication()).isFalse();
        assertThat(m.reserved()).isZero();
        assertThat(m.nonce()).isEqualTo(0x050000000000000AL);
        assertThat(List.of(m.keyId(), m.algorithmId(), m.authenticationData().length())).containsExactly(0, 1, 20);
        assertThat(m.records()).containsExactly(new EidRecord(1440, 48, 0, true, 0, 0, 0, v6("2001:db8:a::"),
                List.of(new LocatorRecord(1, 100, 255, 0, 0, true, false, true, v6("2001:db8::1")))));
    }

    @Test
    void lcafBodiesTsharkDoesNotDecodeAsTheRfcFiguresLayThemOut() {
        // frame 19: one record, EID Multicast Info, six locators (priority 1, weight 100, R)
        EidRecord r = ((MapReply) message(19)).records().get(0);
        List<LcafBody> bodies = new ArrayList<>();
        for (LocatorRecord l : r.locators()) {
            bodies.add(((LispAddress.Lcaf) l.locator()).body());
        }
        assertThat(bodies).containsExactly(
                new LcafBody.NullBody(0),
                new LcafBody.ApplicationData(0, 0xB8, 17, 1000, 2000, 4341, 4341, v4("192.0.2.6")),
                new LcafBody.OpaqueKey(0, 2, 0x0001, ByteString.fromHex("deadbeef")),
                new LcafBody.SecurityKey(0, 0, 1, 0, true, List.of(ByteString.fromHex("404142434445464748494a4b4c4d4e4f")),
                        v4("192.0.2.7")),
                new LcafBody.Json(0, ByteString.of("{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                        v4("192.0.2.8")),
                new LcafBody.EncapsulationFormat(0, LcafBody.EncapsulationFormat.LISP_L3 | LcafBody.EncapsulationFormat.VXLAN,
                        List.of(v4("192.0.2.1"))));
        assertThat(((LispAddress.Lcaf) r.eid()).body()).isEqualTo(new LcafBody.MulticastInfo(0x04, 0, 0, 0, 4,
                v4("0.0.0.0"), v4("224.0.0.0")));
    }

    @Test
    void geoAltitudeAsTheRfcFigureLaysItOut() {
        // frame 6, locator 3: N37 25' 10", W122 5' 30", altitude 30 m (RFC 8060 §4.4)
        LocatorRecord l = ((MapReply) message(6)).records().get(0).locators().get(2);
        LcafBody.GeoCoordinates g = (LcafBody.GeoCoordinates) ((LispAddress.Lcaf) l.locator()).body();
        assertThat(g.altitude()).isEqualTo(30);
        assertThat(g.inRange()).isTrue();
    }

    @Test
    void reservedBitsTsharkDoesNotShowAsTheRfcFigureLaysThemOut() {
        // frame 21: record Reserved 0xabc (RFC 9301 §5.4: 12 bits; tshark 4.0 shows 11), a Geo
        // Coordinates locator without altitude (0x7fffffff, RFC 8060 §4.4)
        EidRecord r = ((MapReply) message(21)).records().get(0);
        assertThat(List.of(r.reserved(), r.reservedBits(), r.mapVersion())).containsExactly(0xABC, 0x5, 0x123);
        LcafBody.GeoCoordinates g = (LcafBody.GeoCoordinates) ((LispAddress.Lcaf) r.locators().get(4).locator()).body();
        assertThat(g.altitude()).isEqualTo(LcafBody.GeoCoordinates.NO_ALTITUDE);
        // frame 25: the ECM's reserved bits, and the Info-Request inside it with its MAC
        List<DissectedLayer> layers = control(25);
        EncapsulatedControlMessage e = (EncapsulatedControlMessage) layers.get(0).header();
        assertThat(e.reserved()).isEqualTo(0x00ABCD);
        DissectedLayer inner = layers.get(1);
        assertThat(((InfoMessage) inner.header()).natInfo()).isEqualTo(LispAddress.NONE);
        ByteBuffer frame = Captures.generated(CAPTURE).frames().get(24).data();
        int at = frame.position() + inner.offset();
        assertThat(LispAuthentication.verify(frame, at, at + inner.length(), PASSWORD)).isTrue();
    }

    @Test
    void infoRequestWithAHostnameAfterTheEidPrefix() {
        // frame 14: AFI 17 and "xtr-1" where the draft has AFI 0 (tshark: "Expecting NULL AFI (0), found 17")
        InfoMessage m = (InfoMessage) message(14);
        assertThat(m.reply()).isFalse();
        assertThat(m.natInfo()).isEqualTo(LispAddress.DistinguishedName.of("xtr-1"));
        assertThat(m.natTraversal()).isNull();
    }

    @Test
    void infoSummaries() {
        assertThat(control(12).get(0).summary()).isEqualTo("Info-Request nonce 0x7777888899990000 key-id 0 alg 1"
                + " auth-len 20 ttl 0 eid 10.1.0.0/24");
        assertThat(control(13).get(0).summary()).isEqualTo("Info-Reply nonce 0x7777888899990000 key-id 0 alg 1"
                + " auth-len 20 ttl 1440 eid 10.1.0.0/24 global-etr 203.0.113.5:61000 ms 198.51.100.9:4342 rtrs 1");
        assertThat(control(14).get(0).summary()).isEqualTo("Info-Request nonce 0x070000000000000e key-id 0 alg 0"
                + " auth-len 0 ttl 0 eid 2001:db8:a::/48 then 'xtr-1'");
        assertThat(control(15).get(0).summary()).isEqualTo("Info-Reply nonce 0x070000000000000e key-id 0 alg 2"
                + " auth-len 32 ttl 60 eid 2001:db8:a::/48 global-etr 203.0.113.7:1024 ms 198.51.100.9:4342 rtrs 2");
    }
}
