package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.mip6.MobilityMessage.BindingAcknowledgement;
import org.tunnelcodec.mip6.MobilityMessage.BindingUpdate;
import org.tunnelcodec.mip6.MobilityOption.AlternateCareOfAddress;
import org.tunnelcodec.mip6.MobilityOption.BindingIdentifier;
import org.tunnelcodec.mip6.MobilityOption.BindingRefreshAdvice;
import org.tunnelcodec.mip6.MobilityOption.FlowIdentification;
import org.tunnelcodec.mip6.MobilityOption.FlowSummary;
import org.tunnelcodec.mip6.MobilityOption.Ipv4AddressAcknowledgement;
import org.tunnelcodec.mip6.MobilityOption.Ipv4CareOfAddress;
import org.tunnelcodec.mip6.MobilityOption.Ipv4HomeAddress;
import org.tunnelcodec.mip6.MobilityOption.MobileNetworkPrefix;
import org.tunnelcodec.mip6.MobilityOption.NatDetection;
import org.tunnelcodec.testdata.Captures;

/**
 * The generated capture {@code mip6-scenarios.pcap} ({@code testdata/scripts/make-mip6-scenarios.py},
 * which builds every octet from the RFC figures: home registration with the Home Address option
 * and the Alternate Care-of Address, its Binding Acknowledgement through a Type 2 Routing
 * Header, bulk registration with three Binding Identifiers (O set: it replaces the regular
 * binding), flow bindings, their refresh with a Flow Summary, then a NEMO registration refused
 * because the bindings were made without R (RFC 3963 §6.2, Status 139), and DSMIPv6, which
 * replaces the Binding Identifiers with a regular binding again; one exchange, in order)
 * against the values the script wrote, listed in its docstring. {@link Mip6GoldenTest} compares
 * what tshark 4.0 decodes; this test covers what it does not: the Flow Identification (45) and
 * Flow Summary (44) options of RFC 6089 §4.2 and §4.2.2 (tshark 4.0: "IE data not dissected
 * yet") with their BID Reference and Traffic Selector sub-options, the fields of the IPv4 and
 * IPv6 binary traffic selectors after their 32-bit flags words (RFC 6088 §3.1 Figure 1, §3.2
 * Figure 2), and the BID-PRI of the Binding Identifier (RFC 6089 §4.1; tshark 4.0 shows only H).
 * Every frame's message and options are compared whole, including the fields tshark decodes too.
 * The expected values are those of the RFC figures the script follows, listed in its docstring
 * and written here as octets or numbers, not produced by the project's encoder.
 * Also: every frame is dissected to its end, and its Mobility Header Checksum, which the script
 * computed over the pseudo-header with the home address as the Binding Update's source and as
 * the Binding Acknowledgement's final destination (RFC 6275 §6.1.1, §6.3, §6.4), verifies with
 * the pseudo-header the library finds ({@link MobilityPseudoHeader#of(Ipv6Header)} and
 * {@link MobilityPseudoHeader#sum}), and not over the IPv6 header's own addresses.
 */
class Mip6ScenariosTest {
    static final String SCENARIOS = "mip6-scenarios.pcap";
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings())
            .add(Mip6Layers.bindings()).build();
    private static final Ipv6Address HA = Ipv6Address.parse("2001:db8:a::1");
    private static final Ipv6Address HOA = Ipv6Address.parse("2001:db8:a::100");
    private static final Ipv6Address COA1 = Ipv6Address.parse("2001:db8:c0a::100");
    private static final int AH = BindingUpdate.A | BindingUpdate.H;
    /** The O flag of RFC 5648 §4.2 on the wire (0x0040, the bit RFC 6602 names B). */
    private static final int O = 0x0040;

    /**
     * The IPv4 selector (RFC 6088 §3.1 Figure 1): the 32-bit flags word with I J M set and the 18
     * Reserved bits zero (0x00c80000), ports 5060-5061 (0x13c4-0x13c5), protocol 17.
     */
    static final String IPV4_SELECTOR = "00c80000" + "13c4" + "13c5" + "11";
    /**
     * The IPv6 selector (RFC 6088 §3.2 Figure 2): the 32-bit flags word with C G H set and the 16
     * Reserved bits zero (0x23000000), 2001:db8:cafe::1, flow labels 0x12345-0x12346 (each 32
     * bits, the first 8 zero).
     */
    static final String IPV6_SELECTOR = "23000000" + "20010db8cafe00000000000000000001" + "00012345" + "00012346";

    private static ByteString address(String text) {
        ByteBuffer b = ByteBuffer.allocate(16);
        Ipv6Address.parse(text).write(b, 0);
        return ByteString.of(b.array());
    }

    /** Each frame's message and its options other than padding, as the script's docstring lists them. */
    static final Map<Integer, Expected> EXPECTED = Map.ofEntries(
            Map.entry(1, new Expected(new BindingUpdate(1000, AH, 150), new AlternateCareOfAddress(COA1))),
            Map.entry(2, new Expected(new BindingAcknowledgement(0, 0, 1000, 150), new BindingRefreshAdvice(75))),
            Map.entry(3, new Expected(new BindingUpdate(1001, AH | O, 150),
                    new BindingIdentifier(1, 0, 0x0a, address("2001:db8:c0a::100")),
                    new BindingIdentifier(2, 0, 0x14, address("2001:db8:c0b::100")),
                    new BindingIdentifier(3, 0, 0x9e, address("2001:db8:c0c::100")))),
            Map.entry(4, new Expected(new BindingAcknowledgement(4, 0, 1001, 150),
                    new BindingIdentifier(1, 0, 0x0a, ByteString.EMPTY), new BindingIdentifier(2, 0, 0x14, ByteString.EMPTY),
                    new BindingIdentifier(3, 169, 0x9e, ByteString.EMPTY))),
            Map.entry(5, new Expected(new BindingUpdate(1002, AH, 150), new BindingIdentifier(1, 0, 0x0a, ByteString.EMPTY),
                    new BindingIdentifier(2, 0, 0x14, ByteString.EMPTY), new BindingIdentifier(3, 0, 0x9e, ByteString.EMPTY),
                    new FlowIdentification(1, 10, 0, 0, List.of(new FlowSubOption.BidReference(List.of(1)),
                            new FlowSubOption.TrafficSelector(1, 0, ByteString.fromHex(IPV4_SELECTOR)))),
                    new FlowIdentification(2, 20, 0, 0, List.of(new FlowSubOption.BidReference(List.of(1, 2)),
                            new FlowSubOption.TrafficSelector(2, 0, ByteString.fromHex(IPV6_SELECTOR)))))),
            Map.entry(6, new Expected(new BindingAcknowledgement(4, 0, 1002, 150), new BindingIdentifier(1, 0, 0x0a, ByteString.EMPTY),
                    new BindingIdentifier(2, 0, 0x14, ByteString.EMPTY),
                    new BindingIdentifier(3, 167, 0x9e, ByteString.EMPTY),
                    new FlowIdentification(1, 10, 0, 0, List.of()), new FlowIdentification(2, 20, 0, 0, List.of()))),
            Map.entry(7, new Expected(new BindingUpdate(1003, AH, 150), new BindingIdentifier(1, 0, 0x0a, ByteString.EMPTY),
                    new BindingIdentifier(2, 0, 0x14, ByteString.EMPTY), new FlowSummary(List.of(1, 2)))),
            Map.entry(8, new Expected(new BindingAcknowledgement(0, 0, 1003, 150),
                    new BindingIdentifier(1, 0, 0x0a, ByteString.EMPTY), new BindingIdentifier(2, 0, 0x14, ByteString.EMPTY))),
            Map.entry(9, new Expected(new BindingUpdate(1004, AH | BindingUpdate.R, 150),
                    new MobileNetworkPrefix(0, 48, Ipv6Address.parse("2001:db8:100::")),
                    new MobileNetworkPrefix(0, 56, Ipv6Address.parse("2001:db8:101::")))),
            Map.entry(10, new Expected(new BindingAcknowledgement(139, 0, 1004, 0))),
            Map.entry(11, new Expected(new BindingUpdate(1005, AH, 150), new Ipv4HomeAddress(24, 0, Ipv4Address.parse("192.0.2.100")),
                    new Ipv4CareOfAddress(0, Ipv4Address.parse("198.51.100.20")))),
            Map.entry(12, new Expected(new BindingAcknowledgement(0, 0, 1005, 150),
                    new Ipv4AddressAcknowledgement(0, 24, 0, Ipv4Address.parse("192.0.2.100")),
                    new NatDetection(NatDetection.F, 110))));

    /** A frame's message and its options other than padding. */
    record Expected(MobilityMessage message, List<MobilityOption> options) {
        Expected(MobilityMessage message, MobilityOption... options) {
            this(message, List.of(options));
        }
    }

    private static Dissection dissection(CaptureFile c, CapturedFrame f) {
        return DISSECTOR.dissect(c.linkType(), f.data(), f.originalLength(), 0);
    }

    private static DissectedLayer layer(Dissection d, Class<?> type) {
        return d.layers().stream().filter(l -> type.isInstance(l.header())).findFirst().orElseThrow();
    }

    private static MobilityHeader header(CaptureFile c, int number) {
        return (MobilityHeader) layer(dissection(c, c.frames().get(number - 1)), MobilityHeader.class).header();
    }

    @Test
    void everyFrameHoldsTheMessageAndOptionsTheScriptWroteFromTheRfcFigures() {
        CaptureFile c = Captures.generated(SCENARIOS);
        assertThat(c.frames()).hasSize(EXPECTED.size());
        for (CapturedFrame f : c.frames()) {
            Dissection d = dissection(c, f);
            assertThat(d.stopReason()).as("frame %d: %s", f.number(), d.error()).isEqualTo(Dissection.StopReason.COMPLETE);
            MobilityHeader h = (MobilityHeader) layer(d, MobilityHeader.class).header();
            Expected e = EXPECTED.get(f.number());
            assertThat(h.message()).as("frame %d", f.number()).isEqualTo(e.message());
            assertThat(h.significantOptions()).as("frame %d", f.number()).isEqualTo(e.options());
            assertThat(h.reserved()).isZero();
        }
    }

    @Test
    void everyChecksumVerifiesOverThePseudoHeaderWithTheHomeAddress() {
        CaptureFile c = Captures.generated(SCENARIOS);
        for (CapturedFrame f : c.frames()) {
            Dissection d = dissection(c, f);
            DissectedLayer ipLayer = layer(d, Ipv6Header.class);
            Ipv6Header ip = (Ipv6Header) ipLayer.header();
            DissectedLayer mh = layer(d, MobilityHeader.class);
            boolean update = ((MobilityHeader) mh.header()).message() instanceof BindingUpdate;
            MobilityPseudoHeader ph = MobilityPseudoHeader.of(ip);
            // RFC 6275 §6.3: the Binding Update's source is the home address; §6.4: the
            // acknowledgement's final destination is the home address
            assertThat(ph).as("frame %d", f.number())
                    .isEqualTo(update ? new MobilityPseudoHeader(HOA, HA) : new MobilityPseudoHeader(HA, HOA));
            assertThat(new Ipv6Address[] {ip.source(), ip.destination()}).as("frame %d", f.number())
                    .containsExactly(update ? new Ipv6Address[] {COA1, HA} : new Ipv6Address[] {HA, COA1});
            ByteBuffer b = f.data();
            int at = b.position() + mh.offset();
            int ipAt = b.position() + ipLayer.offset();
            assertThat(MobilityHeaderDecoder.verifyChecksum(b, at, mh.length(), ph)).as("frame %d", f.number()).isTrue();
            assertThat(MobilityPseudoHeader.of(b, ipAt, b.limit())).as("frame %d", f.number()).isEqualTo(ph);
            assertThat(InternetChecksum.verifies(b, at, mh.length(), MobilityPseudoHeader.sum(b, ipAt, b.limit(), mh.length())))
                    .as("frame %d", f.number()).isTrue();
            assertThat(MobilityHeaderDecoder.verifyChecksum(b, at, mh.length(),
                    new MobilityPseudoHeader(ip.source(), ip.destination()))).as("frame %d without substitution", f.number())
                    .isFalse();
        }
    }

    @Test
    void theBindingIdentifiersCarryTheirBidPriAndH() {
        CaptureFile c = Captures.generated(SCENARIOS);
        // frame 1 registered a regular binding (no Binding Identifier option), so the bulk
        // registration sets O (RFC 5648 §4.2): with O clear the home agent "must not process the
        // Binding Update" and answers MCOA NON-MCOA BINDING EXISTS (165, §6.2)
        assertThat(header(c, 1).options()).noneMatch(BindingIdentifier.class::isInstance);
        assertThat(((BindingUpdate) header(c, 3).message()).flags()).isEqualTo(0xC040).isEqualTo(AH | O);
        // the summary names the bit B, as RFC 6602 (and tshark 4.0) do
        assertThat(Mip6Layers.summary(header(c, 3))).startsWith("BU seq#=1001 A H B lifetime=600s ");
        List<BindingIdentifier> bids = header(c, 3).options().stream().filter(BindingIdentifier.class::isInstance)
                .map(BindingIdentifier.class::cast).toList();
        // RFC 6089 §4.1: BID-PRI is the seven bits after H
        assertThat(bids).extracting(BindingIdentifier::priority).containsExactly(10, 20, 30);
        assertThat(bids).extracting(BindingIdentifier::simultaneousHomeAndForeign).containsExactly(false, false, true);
        assertThat(bids).extracting(b -> b.ipv6CareOfAddress().orElseThrow().toString())
                .containsExactly("2001:db8:c0a::100", "2001:db8:c0b::100", "2001:db8:c0c::100");
        List<BindingIdentifier> answers = header(c, 4).options().stream().filter(BindingIdentifier.class::isInstance)
                .map(BindingIdentifier.class::cast).toList();
        assertThat(answers).extracting(BindingIdentifier::status).containsExactly(0, 0, 169);
        assertThat(answers).allSatisfy(b -> assertThat(b.careOfAddress().length()).isZero());
        // RFC 6089 §5.3.5: "The BID-PRI field in a BID option included in the Binding
        // Acknowledgement is copied from the BID-PRI field of the corresponding BID option in the
        // binding request"; RFC 5648 §6.2 copies the rest but the Status (H too, though the home
        // agent refuses it for BID 3)
        assertThat(answers).extracting(BindingIdentifier::priority).containsExactly(10, 20, 30);
        assertThat(answers).extracting(BindingIdentifier::flags).containsExactly(0x0a, 0x14, 0x9e);
    }

    @Test
    void theTrafficSelectorsHoldTheFieldsOfTheRfc6088Figures() {
        CaptureFile c = Captures.generated(SCENARIOS);
        List<FlowIdentification> flows = header(c, 5).options().stream().filter(FlowIdentification.class::isInstance)
                .map(FlowIdentification.class::cast).toList();
        assertThat(flows).hasSize(2);
        FlowSubOption.TrafficSelector ts4 = (FlowSubOption.TrafficSelector) flows.get(0).subOptions().get(1);
        Ipv4TrafficSelector v4 = (Ipv4TrafficSelector) ts4.binary().orElseThrow();
        assertThat(v4.format()).isEqualTo(1);
        assertThat(v4.flags()).isEqualTo(Ipv4TrafficSelector.START_DESTINATION_PORT
                | Ipv4TrafficSelector.END_DESTINATION_PORT | Ipv4TrafficSelector.START_PROTOCOL).isEqualTo(0x00C8);
        assertThat(v4.startDestinationPort()).isEqualTo(5060);
        assertThat(v4.endDestinationPort()).isEqualTo(5061);
        assertThat(v4.startProtocol()).isEqualTo(17);
        assertThat(v4.startSourcePort()).isZero();
        assertThat(v4.startDestinationAddress()).isEqualTo(Ipv4Address.ANY);
        assertThat(v4.reserved()).isZero();
        assertThat(v4.length()).isEqualTo(9).isEqualTo(ts4.selector().length());
        FlowSubOption.TrafficSelector ts6 = (FlowSubOption.TrafficSelector) flows.get(1).subOptions().get(1);
        Ipv6TrafficSelector v6 = (Ipv6TrafficSelector) ts6.binary().orElseThrow();
        assertThat(v6.format()).isEqualTo(2);
        assertThat(v6.flags()).isEqualTo(Ipv6TrafficSelector.START_DESTINATION_ADDRESS
                | Ipv6TrafficSelector.START_FLOW_LABEL | Ipv6TrafficSelector.END_FLOW_LABEL).isEqualTo(0x2300);
        assertThat(v6.startDestinationAddress()).isEqualTo(Ipv6Address.parse("2001:db8:cafe::1"));
        assertThat(v6.startFlowLabel()).isEqualTo(0x12345);
        assertThat(v6.endFlowLabel()).isEqualTo(0x12346);
        assertThat(v6.startSourceAddress()).isEqualTo(Ipv6Address.ANY);
        assertThat(v6.reserved()).isZero();
        assertThat(v6.length()).isEqualTo(28).isEqualTo(ts6.selector().length());
        // the flows bind to the BIDs of the bulk registration, which the update names again without
        // care-of addresses (RFC 5648 §5.1: a refresh), so that they stay registered (§6.2: an
        // update without a Binding Identifier option would replace them all); the BID References
        // name only BIDs the home agent holds (RFC 6089 §5.3.2.1), not BID 3, which frame 4
        // refused; no Flow Summary, as no flow binding is registered yet (§5.2.3)
        assertThat(header(c, 5).options().stream().filter(BindingIdentifier.class::isInstance)
                .map(BindingIdentifier.class::cast).toList()).extracting(BindingIdentifier::bindingId,
                        b -> b.careOfAddress().length()).containsExactly(tuple(1, 0), tuple(2, 0), tuple(3, 0));
        assertThat(((FlowSubOption.BidReference) flows.get(0).subOptions().get(0)).bindingIds()).containsExactly(1);
        assertThat(((FlowSubOption.BidReference) flows.get(1).subOptions().get(0)).bindingIds()).containsExactly(1, 2);
        assertThat(header(c, 5).option(FlowSummary.class)).isNull();
        // the selectors match the flows they describe
        assertThat(v4.matches(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("198.51.100.7"), 0, 40000, 5061, 0, 17))
                .isTrue();
        assertThat(v4.matches(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("198.51.100.7"), 0, 40000, 5062, 0, 17))
                .isFalse();
        Ipv6Address peer = Ipv6Address.parse("2001:db8:f::7");
        Ipv6Address cafe = Ipv6Address.parse("2001:db8:cafe::1");
        assertThat(v6.matches(peer, cafe, BinaryTrafficSelector.NO_SPI, 0x12346, 40000, 443, 0, 6)).isTrue();
        assertThat(v6.matches(peer, cafe, BinaryTrafficSelector.NO_SPI, 0x12347, 40000, 443, 0, 6)).isFalse();
        assertThat(v6.matches(peer, Ipv6Address.parse("2001:db8:cafe::2"), BinaryTrafficSelector.NO_SPI, 0x12345, 40000,
                443, 0, 6)).isFalse();
    }

    @Test
    void theAcknowledgementsGiveEachFlowsStatus() {
        CaptureFile c = Captures.generated(SCENARIOS);
        List<FlowIdentification> flows = header(c, 6).options().stream().filter(FlowIdentification.class::isInstance)
                .map(FlowIdentification.class::cast).toList();
        // RFC 6089 §4.2: Status 0 "Flow binding successful" for both; FID 2's TS Format 2 is one of
        // the RFC 6088 selectors, "mandatory to implement" (§4.2.1.4)
        assertThat(flows).extracting(FlowIdentification::flowId).containsExactly(1, 2);
        assertThat(flows).extracting(FlowIdentification::status).containsExactly(0, 0);
        assertThat(flows).allSatisfy(fl -> assertThat(fl.subOptions()).isEmpty());
        // RFC 5648 §6.2: the Binding Identifier options copied; BID 3, refused by frame 4 (169),
        // is not registered, so its refresh without a care-of address fails with MCOA UNKNOWN COA
        // (167) and the acknowledgement's Status is MCOA NOTCOMPLETE (4); RFC 6089 §5.3.5: the
        // BID-PRI copied
        assertThat(((BindingAcknowledgement) header(c, 6).message()).status()).isEqualTo(4);
        List<BindingIdentifier> bids = header(c, 6).options().stream().filter(BindingIdentifier.class::isInstance)
                .map(BindingIdentifier.class::cast).toList();
        assertThat(bids).extracting(BindingIdentifier::bindingId, BindingIdentifier::status, BindingIdentifier::priority)
                .containsExactly(tuple(1, 0, 10), tuple(2, 0, 20), tuple(3, 167, 30));
        assertThat(((NatDetection) header(c, 12).option(NatDetection.class)).udpEncapsulation()).isTrue();
        assertThat(((BindingUpdate) header(c, 9).message()).has(BindingUpdate.R)).isTrue();
        // RFC 3963 §6.2: R differs from the existing bindings' (made without it), so 139
        // (Registration type change disallowed), and no R in the answer (§4.2, §3: R says
        // forwarding for the Mobile Network is set up)
        assertThat(((BindingAcknowledgement) header(c, 10).message()).status()).isEqualTo(139);
        assertThat(((BindingAcknowledgement) header(c, 10).message()).has(BindingAcknowledgement.R)).isFalse();
    }

    /**
     * Frames 7 and 8: the refresh of the flow bindings, the next update after frame 5. The Binding Update names the BIDs frame
     * 6 kept, without care-of addresses (a refresh, RFC 5648 §5.1, §6.2; "either in the same BU as
     * any flow identification mobility options using them or in earlier BUs", RFC 6089 §5.2.1),
     * and lists FIDs 1 and 2, the flow bindings frame 6 accepted, in a Flow Summary ("To refresh
     * an existing flow binding, the mobile node MUST send a binding update with a flow summary
     * option", §5.2.3). The acknowledgement copies the Binding Identifier options with their
     * Status and BID-PRI (§5.3.5) and carries no Flow Identification option: both FIDs are in the
     * list, and §5.3.3 answers with one only "for each FID that is not found" ("the home agent
     * does not need to respond specifically regarding FIDs included in a flow summary mobility
     * option", §5.3.5). It comes before the DSMIPv6 registration (frame 11), which carries no
     * Binding Identifier option and so replaces every binding (RFC 5648 §6.2) and removes every
     * flow binding (RFC 6089 §5.3.4); the NEMO registration between them (frame 9) is refused
     * and changes nothing.
     */
    @Test
    void theFlowSummaryRefreshesTheAcceptedFlowsAndTheAcknowledgementAnswersOnlyTheBids() {
        CaptureFile c = Captures.generated(SCENARIOS);
        MobilityHeader update = header(c, 7);
        assertThat(((BindingUpdate) update.message()).sequence())
                .isEqualTo(((BindingUpdate) header(c, 5).message()).sequence() + 1).isEqualTo(1003);
        assertThat(((BindingUpdate) update.message()).lifetime()).isEqualTo(150);
        assertThat(update.option(FlowSummary.class).flowIds()).containsExactly(1, 2)
                .isEqualTo(header(c, 6).options().stream().filter(FlowIdentification.class::isInstance)
                        .map(FlowIdentification.class::cast).filter(f -> f.status() == 0)
                        .map(FlowIdentification::flowId).toList());
        assertThat(update.options()).noneMatch(FlowIdentification.class::isInstance);
        List<BindingIdentifier> asked = update.options().stream().filter(BindingIdentifier.class::isInstance)
                .map(BindingIdentifier.class::cast).toList();
        assertThat(asked).extracting(BindingIdentifier::bindingId, BindingIdentifier::status, BindingIdentifier::priority,
                b -> b.careOfAddress().length()).containsExactly(tuple(1, 0, 10, 0), tuple(2, 0, 20, 0));

        MobilityHeader ack = header(c, 8);
        assertThat(((BindingAcknowledgement) ack.message()).status()).isZero();
        assertThat(((BindingAcknowledgement) ack.message()).sequence()).isEqualTo(1003);
        assertThat(ack.options()).noneMatch(FlowIdentification.class::isInstance)
                .noneMatch(FlowSummary.class::isInstance);
        List<BindingIdentifier> answered = ack.options().stream().filter(BindingIdentifier.class::isInstance)
                .map(BindingIdentifier.class::cast).toList();
        assertThat(answered).extracting(BindingIdentifier::bindingId, BindingIdentifier::status, BindingIdentifier::flags)
                .containsExactly(tuple(1, 0, 0x0a), tuple(2, 0, 0x14));
        assertThat(answered).extracting(BindingIdentifier::flags)
                .isEqualTo(asked.stream().map(BindingIdentifier::flags).toList());
    }

    /**
     * The dissector's summary line shows the flow bindings with their BID references and
     * selectors (RFC 6089 §4.2, RFC 6088 §3), the answers' Status and BID-PRI, the Flow Summary
     * (§4.2.2) and the RFC 5555 options with their fields, the values the capture's script lays
     * out from the RFC figures (Lifetime 150 units of 4 s; a Status of 0 is not shown).
     */
    @Test
    void theSummaryLinesShowTheFlowBindingsAndTheIpv4Options() {
        CaptureFile c = Captures.generated(SCENARIOS);
        assertThat(Mip6Layers.summary(header(c, 5))).isEqualTo("BU seq#=1002 A H lifetime=600s (padn)(bid: 1 pri=10)"
                + "(padn)(bid: 2 pri=20)(padn)(bid: 3 H pri=30)(padn)"
                + "(flow: fid=1 pri=10 bids=1 ts=ipv4[destinationPort=5060..5061, protocol=17])(padn)"
                + "(flow: fid=2 pri=20 bids=1,2 ts=ipv6[destination=2001:db8:cafe::1, flowLabel=74565..74566])");
        assertThat(Mip6Layers.summary(header(c, 6))).isEqualTo("BA status=4 seq#=1002 lifetime=600s (padn)(bid: 1 pri=10)"
                + "(padn)(bid: 2 pri=20)(padn)(bid: 3 status=167 H pri=30)(padn)(flow: fid=1 pri=10)(flow: fid=2 pri=20)(padn)");
        assertThat(Mip6Layers.summary(header(c, 7))).isEqualTo("BU seq#=1003 A H lifetime=600s (padn)(bid: 1 pri=10)"
                + "(padn)(bid: 2 pri=20)(flow-summary: 1,2)(padn)");
        assertThat(Mip6Layers.summary(header(c, 8))).isEqualTo("BA status=0 seq#=1003 lifetime=600s (padn)(bid: 1 pri=10)(padn)(bid: 2 pri=20)");
        assertThat(Mip6Layers.summary(header(c, 11)))
                .isEqualTo("BU seq#=1005 A H lifetime=600s (ipv4-hoa: 192.0.2.100/24)(ipv4-coa: 198.51.100.20)(padn)");
        assertThat(Mip6Layers.summary(header(c, 12))).isEqualTo(
                "BA status=0 seq#=1005 lifetime=600s (ipv4-ack: status=0 192.0.2.100/24)(nat: F refresh=110s)(padn)");
    }
}
