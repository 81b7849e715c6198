package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.mip6.MobilityMessage.BindingRevocation;
import org.tunnelcodec.mip6.MobilityMessage.Experimental;
import org.tunnelcodec.mip6.MobilityMessage.FastBindingAcknowledgement;
import org.tunnelcodec.mip6.MobilityMessage.FastBindingUpdate;
import org.tunnelcodec.mip6.MobilityMessage.FastNeighborAdvertisement;
import org.tunnelcodec.mip6.MobilityMessage.FlowBinding;
import org.tunnelcodec.mip6.MobilityMessage.HandoverAcknowledge;
import org.tunnelcodec.mip6.MobilityMessage.HandoverInitiate;
import org.tunnelcodec.mip6.MobilityMessage.Heartbeat;
import org.tunnelcodec.mip6.MobilityMessage.HomeAgentSwitch;
import org.tunnelcodec.mip6.MobilityMessage.LocalizedRoutingAcknowledgement;
import org.tunnelcodec.mip6.MobilityMessage.LocalizedRoutingInitiation;
import org.tunnelcodec.mip6.MobilityMessage.Raw;
import org.tunnelcodec.mip6.MobilityMessage.SubscriptionQuery;
import org.tunnelcodec.mip6.MobilityMessage.SubscriptionResponse;
import org.tunnelcodec.mip6.MobilityMessage.UpdateNotification;
import org.tunnelcodec.mip6.MobilityMessage.UpdateNotificationAcknowledgement;
import org.tunnelcodec.testdata.Captures;

/**
 * The generated capture {@code mip6-messages.pcap} ({@code testdata/scripts/make-mip6-messages.py},
 * which builds every octet from the RFC figures of MH Types 8 to 24) against the values the
 * script wrote, listed in its docstring: every frame's message record, field for field with its
 * reserved bits, and its options. This covers what tshark 4.0 does not decode
 * ({@link Mip6GoldenTest} compares what it does): the reserved bits of every type, the
 * Experimental Mobility Header without data, the Home Agent Switch's options, the Localized
 * Routing messages (tshark reads them from the header's first octet), Update Notification and
 * its Acknowledgement, Flow Binding, Subscription Query and Response, and the Binding Revocation
 * and Flow Binding messages of types no RFC lays out, kept raw. Also: every frame is dissected
 * to its end, its Checksum verifies over the frame's own addresses (RFC 6275 §6.1.1, the
 * script's computation against the project's), and the summary lines name the fields.
 */
class Mip6MessagesTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings())
            .add(Mip6Layers.bindings()).build();
    private static final Ipv6Address HA2 = Ipv6Address.parse("2001:db8:a::2");
    private static final Ipv6Address HA3 = Ipv6Address.parse("2001:db8:a::3");
    private static final MobilityOption MN1 = MobilityOption.MobileNodeIdentifier.ofNai("mn1@example.com");
    private static final MobilityOption MN2 = MobilityOption.MobileNodeIdentifier.ofNai("mn2@example.com");
    /** MH-LLA (RFC 5568 §6.4.4): Option-Code 2, the mobile node's MAC. */
    private static final MobilityOption LLA = new MobilityOption.Unknown(7, ByteString.fromHex("0202005e100009"));

    /** IPv6 Address/Prefix (RFC 5568 §6.4.2, IANA type 34): Option-Code, Prefix Length 128, address. */
    private static MobilityOption addressPrefix(int code, String address) {
        return new MobilityOption.Unknown(34, ByteString.fromHex(String.format("%02x80", code)
                + HexOf.address(address)));
    }

    /** Home Network Prefix (RFC 5213 §8.3): Reserved 0, Prefix Length 64, prefix. */
    private static MobilityOption hnp(String prefix) {
        return new MobilityOption.Unknown(22, ByteString.fromHex("0040" + HexOf.address(prefix)));
    }

    /** Each frame's message and its options other than padding, as the script's docstring lists them. */
    static final Map<Integer, Expected> EXPECTED = Map.ofEntries(
            Map.entry(1, new Expected(new FastBindingUpdate(0x1234, 0xC000, 60),
                    new MobilityOption.AlternateCareOfAddress(Ipv6Address.parse("2001:db8:c0b::100")))),
            Map.entry(2, new Expected(new FastBindingUpdate(1, 0xF5A5, 0))),
            Map.entry(3, new Expected(new FastBindingAcknowledgement(0, 0x80, 0x1234, 60))),
            Map.entry(4, new Expected(new FastBindingAcknowledgement(1, 0x55, 0x1235, 30),
                    new MobilityOption.AlternateCareOfAddress(Ipv6Address.parse("2001:db8:c0b::200")))),
            Map.entry(5, new Expected(new FastNeighborAdvertisement(0), LLA)),
            Map.entry(6, new Expected(new FastNeighborAdvertisement(0xABCD))),
            Map.entry(7, new Expected(new Experimental(ByteString.fromHex("0000")))),
            Map.entry(8, new Expected(new Experimental(ByteString.of("experimental data!".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII))))),
            Map.entry(9, new Expected(new HomeAgentSwitch(0, List.of()))),
            Map.entry(10, new Expected(new HomeAgentSwitch(0x5A, List.of(HA2, HA3)),
                    new MobilityOption.BindingRefreshAdvice(30))),
            Map.entry(11, new Expected(new Heartbeat(0x4000, 1))),
            Map.entry(12, new Expected(new Heartbeat(0x0003, 0x89ABCDEFL),
                    new MobilityOption.Unknown(28, ByteString.fromHex("00000007")))),
            Map.entry(13, new Expected(new HandoverInitiate(7, 0xC0, 0), LLA,
                    addressPrefix(1, "2001:db8:c0a::100"))),
            Map.entry(14, new Expected(new HandoverInitiate(0xFFFF, 0x2A, 1))),
            Map.entry(15, new Expected(new HandoverAcknowledge(7, 0, 2), addressPrefix(2, "2001:db8:c0b::100"))),
            Map.entry(16, new Expected(new HandoverAcknowledge(8, 0xFF, 128))),
            Map.entry(17, new Expected(new BindingRevocation(1, 1, 100, 0xC000), MN1)),
            Map.entry(18, new Expected(new BindingRevocation(1, 128, 101, 0x2555))),
            Map.entry(19, new Expected(new BindingRevocation(2, 0, 100, 0xC000))),
            Map.entry(20, new Expected(new Raw(16, ByteString.fromHex("03070001000000000000")))),
            Map.entry(21, new Expected(new LocalizedRoutingInitiation(300, 0, 600), MN1, hnp("2001:db8:1::"), MN2,
                    hnp("2001:db8:2::"))),
            Map.entry(22, new Expected(new LocalizedRoutingInitiation(301, 0x1234, 0xFFFF))),
            Map.entry(23, new Expected(new LocalizedRoutingAcknowledgement(300, 0, 0, 600))),
            Map.entry(24, new Expected(new LocalizedRoutingAcknowledgement(301, 0x95, 129, 0))),
            Map.entry(25, new Expected(new UpdateNotification(500, 1, 0x8000), MN1)),
            Map.entry(26, new Expected(new UpdateNotification(501, 3, 0xD234))),
            Map.entry(27, new Expected(new UpdateNotificationAcknowledgement(500, 0, 0), MN1)),
            Map.entry(28, new Expected(new UpdateNotificationAcknowledgement(501, 129, 0xABCDEF))),
            Map.entry(29, new Expected(new FlowBinding(1, 600, 2, 0x80), new MobilityOption.FlowIdentification(1, 10,
                    0, 0, List.of(new FlowSubOption.Unknown(4, ByteString.fromHex("000b")))))),
            Map.entry(30, new Expected(new FlowBinding(2, 600, 129, 0x5A))),
            Map.entry(31, new Expected(new Raw(21, ByteString.fromHex("00030258000000000000")))),
            Map.entry(32, new Expected(new SubscriptionQuery(9, 0), MN1)),
            Map.entry(33, new Expected(new SubscriptionQuery(255, 0xA5))),
            Map.entry(34, new Expected(new SubscriptionResponse(9, 0x80), MN1)),
            Map.entry(35, new Expected(new SubscriptionResponse(10, 0x7F))),
            Map.entry(36, new Expected(new Raw(24, ByteString.fromHex("00010203040506070809")))));

    /** A frame's message and its options other than padding. */
    record Expected(MobilityMessage message, List<MobilityOption> options) {
        Expected(MobilityMessage message, MobilityOption... options) {
            this(message, List.of(options));
        }
    }

    /** Hex of an IPv6 address's 16 octets. */
    private static final class HexOf {
        static String address(String text) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
            Ipv6Address.parse(text).write(b, 0);
            return java.util.HexFormat.of().formatHex(b.array());
        }
    }

    private static Dissection dissection(CaptureFile c, CapturedFrame f) {
        return DISSECTOR.dissect(c.linkType(), f.data(), f.originalLength(), 0);
    }

    private static DissectedLayer mobilityLayer(Dissection d) {
        return d.layers().stream().filter(l -> l.header() instanceof MobilityHeader).findFirst().orElseThrow();
    }

    @Test
    void everyFrameHoldsTheMessageAndOptionsTheScriptWroteFromTheRfcFigures() {
        CaptureFile c = Captures.generated(Mip6GoldenTest.MESSAGES);
        assertThat(c.frames()).hasSize(EXPECTED.size());
        for (CapturedFrame f : c.frames()) {
            Dissection d = dissection(c, f);
            assertThat(d.stopReason()).as("frame %d: %s", f.number(), d.error()).isEqualTo(Dissection.StopReason.COMPLETE);
            MobilityHeader h = (MobilityHeader) mobilityLayer(d).header();
            Expected e = EXPECTED.get(f.number());
            assertThat(h.message()).as("frame %d", f.number()).isEqualTo(e.message());
            assertThat(h.significantOptions()).as("frame %d", f.number()).isEqualTo(e.options());
            assertThat(h.reserved()).isZero();
        }
    }

    @Test
    void everyChecksumTheScriptComputedVerifiesOverTheFramesAddresses() {
        CaptureFile c = Captures.generated(Mip6GoldenTest.MESSAGES);
        for (CapturedFrame f : c.frames()) {
            Dissection d = dissection(c, f);
            Ipv6Header ip = (Ipv6Header) d.layers().stream().filter(l -> l.header() instanceof Ipv6Header).findFirst()
                    .orElseThrow().header();
            DissectedLayer mh = mobilityLayer(d);
            MobilityPseudoHeader ph = new MobilityPseudoHeader(ip.source(), ip.destination());
            assertThat(MobilityHeaderDecoder.verifyChecksum(f.data(), f.data().position() + mh.offset(), mh.length(), ph))
                    .as("frame %d", f.number()).isTrue();
        }
    }

    @Test
    void theFieldsTsharkDoesNotShowHaveTheirMeaning() {
        CaptureFile c = Captures.generated(Mip6GoldenTest.MESSAGES);
        FastBindingUpdate fbu = (FastBindingUpdate) message(c, 2);
        assertThat(fbu.reservedFlags()).isEqualTo(0x5A5);
        assertThat(fbu.has(FastBindingUpdate.K)).isTrue();
        assertThat(((FastBindingAcknowledgement) message(c, 4)).reservedFlags()).isEqualTo(0x55);
        assertThat(((Heartbeat) message(c, 11)).reservedFlags()).isEqualTo(0x4000);
        assertThat(((Heartbeat) message(c, 11)).response()).isFalse();
        assertThat(((HandoverInitiate) message(c, 14)).reservedFlags()).isEqualTo(0x2A);
        LocalizedRoutingInitiation lri = (LocalizedRoutingInitiation) message(c, 21);
        assertThat(lri.lifetimeSeconds()).isEqualTo(600);
        assertThat(((LocalizedRoutingInitiation) message(c, 22)).infinite()).isTrue();
        LocalizedRoutingAcknowledgement lra = (LocalizedRoutingAcknowledgement) message(c, 24);
        assertThat(lra.unsolicited()).isTrue();
        assertThat(lra.reservedFlags()).isEqualTo(0x15);
        assertThat(lra.accepted()).isFalse();
        UpdateNotification un = (UpdateNotification) message(c, 26);
        assertThat(un.has(UpdateNotification.A)).isTrue();
        assertThat(un.has(UpdateNotification.D)).isTrue();
        assertThat(un.reservedFlags()).isEqualTo(0x1234);
        assertThat(((FlowBinding) message(c, 29)).acknowledge()).isTrue();
        assertThat(((FlowBinding) message(c, 30)).reservedFlags()).isEqualTo(0x5A);
        assertThat(((SubscriptionResponse) message(c, 34)).information()).isTrue();
        assertThat(((SubscriptionResponse) message(c, 35)).reservedFlags()).isEqualTo(0x7F);
    }

    @Test
    void theSummaryLinesNameTheFields() {
        CaptureFile c = Captures.generated(Mip6GoldenTest.MESSAGES);
        Map<Integer, String> expected = Map.ofEntries(
                Map.entry(1, "FBU seq#=4660 A H lifetime=60s (padn)(altcoa: 2001:db8:c0b::100)"),
                Map.entry(2, "FBU seq#=1 A H L K reserved 0x5a5 lifetime=0s (padn)"),
                Map.entry(3, "FBack status=0 K seq#=4660 lifetime=60s (padn)"),
                Map.entry(6, "FNA reserved 0xabcd"),
                Map.entry(8, "EMH len=18"),
                Map.entry(10, "HAS 2 home agents 2001:db8:a::2 2001:db8:a::3 reserved 0x5a (refresh: 120s)(padn)"),
                Map.entry(12, "HB seq#=2309737967 U R (padn)(type-28 len=4)(padn)"),
                Map.entry(14, "HI seq#=65535 reserved 0x2a code=1 (padn)"),
                Map.entry(16, "HAck seq#=8 reserved 0xff code=128 (padn)"),
                Map.entry(17, "BRI seq#=100 trigger=1 P V (mn-id: subtype 1 mn1@example.com)(padn)"),
                Map.entry(19, "BRA seq#=100 status=0 P V (padn)"),
                Map.entry(20, "type-#16 len=16"),
                Map.entry(22, "LRI seq#=301 reserved 0x1234 lifetime=infinite (padn)"),
                Map.entry(24, "LRA seq#=301 U reserved 0x15 status=129 lifetime=0s (padn)"),
                Map.entry(26, "UN seq#=501 reason=3 A D reserved 0x1234 (padn)"),
                Map.entry(28, "UNA seq#=501 status=129 reserved 0xabcdef (padn)"),
                Map.entry(29, "FBI seq#=600 trigger=2 A (padn)(flow: fid=1 pri=10 sub-4 len=2)(padn)"),
                Map.entry(30, "FBA seq#=600 status=129 reserved 0x5a (padn)"),
                Map.entry(33, "SQ seq#=255 reserved 0xa5"),
                Map.entry(34, "SR seq#=9 I (mn-id: subtype 1 mn1@example.com)(padn)"),
                Map.entry(36, "type-#24 len=16"));
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
            CapturedFrame f = c.frames().get(e.getKey() - 1);
            MobilityHeader h = (MobilityHeader) mobilityLayer(dissection(c, f)).header();
            assertThat(Mip6Layers.summary(h)).as("frame %d", e.getKey()).isEqualTo(e.getValue());
        }
    }

    private static MobilityMessage message(CaptureFile c, int number) {
        CapturedFrame f = c.frames().get(number - 1);
        return ((MobilityHeader) mobilityLayer(dissection(c, f)).header()).message();
    }
}
