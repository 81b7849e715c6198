package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.util.Arrays;
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
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.mip6.MobilityMessage.BindingAcknowledgement;
import org.tunnelcodec.mip6.MobilityOption.BindingIdentifier;
import org.tunnelcodec.mip6.MobilityOption.FlowIdentification;
import org.tunnelcodec.testdata.Captures;

/**
 * {@link BindingTable} on the home agent's side fed the Binding Updates of the generated capture
 * {@code mip6-scenarios.pcap} ({@code testdata/scripts/make-mip6-scenarios.py}): frame 3, the
 * bulk registration of BIDs 1 to 3 (RFC 5648 §5.3), then frame 5, the flow bindings (RFC 6089),
 * then frame 7, their refresh with a Flow Summary (RFC 6089 §5.2.3), each Mobility Header
 * decoded by {@link MobilityHeaderDecoder} from where the dissector finds it. The answers are
 * compared with the capture's acknowledgements, frames 4, 6 and 8, and the snapshot's selection
 * is checked for a packet of each flow. Then the whole capture as one exchange: all six Binding
 * Updates in frame order, from the home registration (frame 1) to the DSMIPv6 registration
 * (frame 11), applied to one table, each answer compared with the acknowledgement that follows
 * it ({@link #shouldAnswerEveryBindingUpdateOfTheCaptureInOrderAsItsAcknowledgement}).
 *
 * <p>Frame 5 names BIDs 1 to 3 again (without care-of addresses) besides its Flow
 * Identification options: a Binding Update without a Binding Identifier option is processed as
 * in RFC 6275, and "If the receiver already has multiple bindings for the home address, it MUST
 * replace all the existing bindings with the received binding" (RFC 5648 §6.2); a home agent
 * handles a Binding Update with Flow Identification options by that processing first ("it first
 * performs the operation described in section 10.3.1 of RFC 3775, followed by the operations
 * defined in Section 5.3.1", RFC 6089 §5.3.2), and the BIDs its BID References name must be in
 * the binding cache then (§5.3.2.1, else "BID not found"). The same update without its Binding
 * Identifier options is applied too: it replaces the three BIDs with a regular binding and its
 * flows are refused with 131.
 *
 * <p>Where the answers differ from the capture's home agent, it is by that home agent's
 * policy, which the RFCs leave to it: it refuses simultaneous home and foreign attachment, so
 * frame 4 refuses BID 3 (H set) with 169 "MCOA SIMULTANEOUS HOME AND FOREIGN PROHIBITED" (RFC
 * 5648 §4.4) and Status 4, where the table registers it; frame 6 therefore refuses BID 3's
 * refresh with 167 "MCOA UNKNOWN COA" (§6.2: no binding for that BID) and Status 4, where the
 * table refreshes it. All the other statuses are compared with the capture's: BIDs 1 and 2 and
 * FIDs 1 and 2 (FID 2's TS Format 2, the IPv6 binary selector of RFC 6088 §3.2, is read by both:
 * "The traffic selector defined in [RFC6088] is mandatory to implement", RFC 6089 §4.2.1.4; its
 * BID Reference names BIDs 1 and 2, which both hold, §5.3.2.1). Frame 7 names only BIDs 1 and 2
 * and the table keeps BID 3 too (O clear, RFC 5648 §6.2); both home agents refresh FIDs 1 and 2
 * and answer with the Binding Identifier options only (RFC 6089 §5.3.3, §5.3.5).
 */
class BindingTableScenariosTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings())
            .add(Mip6Layers.bindings()).build();
    private static final Ipv6Address HA = Ipv6Address.parse("2001:db8:a::1");
    private static final Ipv6Address HOA = Ipv6Address.parse("2001:db8:a::100");
    private static final Ipv6Address COA1 = Ipv6Address.parse("2001:db8:c0a::100");
    private static final Ipv6Address COA2 = Ipv6Address.parse("2001:db8:c0b::100");
    private static final Ipv6Address COA3 = Ipv6Address.parse("2001:db8:c0c::100");
    private static final long NOW = 1000;

    /** A frame's Mobility Header, decoded where the dissector finds it, and the IPv6 source that carried it. */
    private record Frame(MobilityHeader header, Ipv6Address source) {
    }

    private static Frame frame(CaptureFile c, int number) {
        CapturedFrame f = c.frames().get(number - 1);
        Dissection d = DISSECTOR.dissect(c.linkType(), f.data(), f.originalLength(), 0);
        DissectedLayer mh = d.layers().stream().filter(l -> l.header() instanceof MobilityHeader).findFirst().orElseThrow();
        Ipv6Header ip = (Ipv6Header) d.layers().stream().filter(l -> l.header() instanceof Ipv6Header).findFirst()
                .orElseThrow().header();
        ByteBuffer b = f.data();
        int at = b.position() + mh.offset();
        return new Frame(MobilityHeaderDecoder.decode(b, at, at + mh.length()).header(), ip.source());
    }

    private static BindingTable homeAgent() {
        // mobile router operation permitted, for the prefixes frame 9 names (RFC 3963 §6.1.2): so
        // that frame 9 meets the registration type check (139), not the permission check (140)
        // and the IPv4 home address frame 11 asks for, on a /24 home network, as frame 12 answers
        return BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA)
                .mobileRouter(List.of(new BindingTable.Prefix(Ipv6Address.parse("2001:db8:100::"), 40)))
                .ipv4HomeAddress(Ipv4Address.parse("192.0.2.100"), 24).build();
    }

    private static MobilityHeader apply(BindingTable table, Frame f) {
        return table.apply(f.header(), f.source(), NOW);
    }

    private static List<BindingIdentifier> bids(MobilityHeader h) {
        return h.options().stream().filter(BindingIdentifier.class::isInstance).map(BindingIdentifier.class::cast).toList();
    }

    private static List<FlowIdentification> flows(MobilityHeader h) {
        return h.options().stream().filter(FlowIdentification.class::isInstance).map(FlowIdentification.class::cast)
                .toList();
    }

    private static BindingAcknowledgement ack(MobilityHeader h) {
        return (BindingAcknowledgement) h.message();
    }

    /** An IPv4 UDP packet to port 5060, the flow of FID 1's selector (destination ports 5060-5061, protocol 17). */
    private static ByteBuffer sip() {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.putShort(0, (short) 0x4500).putShort(2, (short) 28).put(8, (byte) 64).put(9, (byte) 17)
                .putInt(12, 0xC000_0201).putInt(16, 0xC000_0264).putShort(20, (short) 40000)
                .putShort(22, (short) 5060).putShort(24, (short) 8);
        return b;
    }

    /** An IPv6 packet with no next header, from a peer to {@code destination} with {@code flowLabel}. */
    private static ByteBuffer ipv6(Ipv6Address destination, int flowLabel) {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.putInt(0, 6 << 28 | flowLabel).putShort(4, (short) 0).put(6, (byte) 59).put(7, (byte) 64);
        b.putLong(8, 0x2001_0db8_000fL << 16).putLong(16, 7).putLong(24, destination.high())
                .putLong(32, destination.low());
        return b;
    }

    private static Ipv6Address careOf(BindingTable.Snapshot s, int slot) {
        return s.bindings().get(slot).ipv6CareOfAddress().orElseThrow();
    }

    private static int select(BindingTable.Snapshot s, ByteBuffer packet) {
        return s.select(packet, 0, packet.capacity());
    }

    @Test
    void shouldAnswerTheBulkRegistrationAsFrame4WhereTheHomeAgentsPolicyAgrees() {
        CaptureFile c = Captures.generated(Mip6ScenariosTest.SCENARIOS);
        BindingTable table = homeAgent();
        MobilityHeader ours = apply(table, frame(c, 3));
        MobilityHeader theirs = frame(c, 4).header();
        assertThat(ack(ours).sequence()).isEqualTo(ack(theirs).sequence()).isEqualTo(1001);
        assertThat(ack(ours).lifetime()).isEqualTo(ack(theirs).lifetime()).isEqualTo(150);
        assertThat(bids(ours)).extracting(BindingIdentifier::bindingId).isEqualTo(List.of(1, 2, 3))
                .isEqualTo(bids(theirs).stream().map(BindingIdentifier::bindingId).toList());
        // BIDs 1 and 2 accepted by both (RFC 5648 §6.2), the BID-PRI copied (RFC 6089 §5.3.5)
        assertThat(bids(ours).subList(0, 2)).isEqualTo(bids(theirs).subList(0, 2))
                .extracting(BindingIdentifier::bindingId, BindingIdentifier::status, BindingIdentifier::priority)
                .containsExactly(tuple(1, 0, 10), tuple(2, 0, 20));
        // BID 3: both copy H and BID-PRI 30 (flags 0x9e); the Status differs
        assertThat(bids(ours).get(2).flags()).isEqualTo(bids(theirs).get(2).flags()).isEqualTo(0x9e);
        // BID 3 (H): the capture's home agent prohibits simultaneous home and foreign attachment
        // (169, hence Status 4); the table registers it with H
        assertThat(bids(theirs).get(2).status()).isEqualTo(169);
        assertThat(ack(theirs).status()).isEqualTo(BindingTable.MCOA_NOTCOMPLETE);
        assertThat(bids(ours).get(2).status()).isZero();
        assertThat(ack(ours).status()).isEqualTo(BindingTable.ACCEPTED);
        assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId, BindingTable.Binding::priority,
                BindingTable.Binding::homeAndForeign).containsExactly(tuple(1, 10, false), tuple(2, 20, false),
                        tuple(3, 30, true));
    }

    @Test
    void shouldApplyTheFlowBindingsOfFrame5AndAnswerAsFrame6WhereTheHomeAgentsPolicyAgrees() {
        CaptureFile c = Captures.generated(Mip6ScenariosTest.SCENARIOS);
        BindingTable table = homeAgent();
        apply(table, frame(c, 3));
        MobilityHeader ours = apply(table, frame(c, 5));
        MobilityHeader theirs = frame(c, 6).header();
        assertThat(ack(ours).sequence()).isEqualTo(ack(theirs).sequence()).isEqualTo(1002);
        assertThat(ack(ours).lifetime()).isEqualTo(ack(theirs).lifetime()).isEqualTo(150);

        // the Binding Identifier options copied with their BID-PRI (RFC 5648 §6.2, RFC 6089 §5.3.5):
        // BIDs 1 and 2 refreshed by both
        assertThat(bids(ours).subList(0, 2)).isEqualTo(bids(theirs).subList(0, 2))
                .extracting(BindingIdentifier::bindingId, BindingIdentifier::status, BindingIdentifier::priority)
                .containsExactly(tuple(1, 0, 10), tuple(2, 0, 20));
        // BID 3: registered here by frame 3, so refreshed; refused by the capture's home agent in
        // frame 4, so unknown to it (167, hence Status 4)
        assertThat(bids(ours).get(2).status()).isZero();
        assertThat(ack(ours).status()).isEqualTo(BindingTable.ACCEPTED);
        assertThat(bids(theirs).get(2).status()).isEqualTo(BindingTable.MCOA_UNKNOWN_COA);
        assertThat(ack(theirs).status()).isEqualTo(BindingTable.MCOA_NOTCOMPLETE);

        // every Flow Identification option answered, without sub-options (RFC 6089 §5.3.5): FID 1
        // (IPv4 selector, BID 1) and FID 2 (IPv6 selector, BIDs 1 and 2) accepted by both
        List<FlowIdentification> mine = flows(ours);
        List<FlowIdentification> capture = flows(theirs);
        assertThat(mine).isEqualTo(capture).extracting(FlowIdentification::flowId, FlowIdentification::priority,
                FlowIdentification::status).containsExactly(tuple(1, 10, 0), tuple(2, 20, 0));

        assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).containsExactly(1, 2, 3);
        assertThat(table.flowBindings()).extracting(BindingTable.FlowBinding::flowId, BindingTable.FlowBinding::priority,
                BindingTable.FlowBinding::bindingIds).containsExactly(tuple(1, 10, List.of(1)), tuple(2, 20, List.of(1, 2)));
        assertThat(table.active(1)).isTrue();
        assertThat(table.active(2)).isTrue();
    }

    @Test
    void shouldRefreshTheFlowsOfFrame7AndAnswerAsFrame8() {
        CaptureFile c = Captures.generated(Mip6ScenariosTest.SCENARIOS);
        BindingTable table = homeAgent();
        apply(table, frame(c, 3));
        apply(table, frame(c, 5));
        List<BindingTable.FlowBinding> before = table.flowBindings();
        MobilityHeader ours = apply(table, frame(c, 7));
        MobilityHeader theirs = frame(c, 8).header();
        // the whole answer agrees: Status 0, Sequence 1003, Lifetime 150, BIDs 1 and 2 refreshed
        // with their Status and BID-PRI (RFC 5648 §6.2, RFC 6089 §5.3.5), and no Flow
        // Identification option: both FIDs of the Flow Summary are in the list, and "the home
        // agent SHOULD refresh the flow binding entry identified by the FID without changing any
        // of the other parameters associated with it" (RFC 6089 §5.3.3); an option is owed only
        // "for each FID that is not found". Only the Checksum differs: the table leaves it to the
        // encoder; even the padding is the script's
        assertThat(ours.message()).isEqualTo(theirs.message());
        assertThat(ours.options()).isEqualTo(theirs.options());
        assertThat(ours.checksum()).isZero();
        assertThat(ack(ours)).isEqualTo(new BindingAcknowledgement(BindingTable.ACCEPTED, 0, 1003, 150));
        assertThat(bids(ours)).extracting(BindingIdentifier::bindingId, BindingIdentifier::status,
                BindingIdentifier::priority).containsExactly(tuple(1, 0, 10), tuple(2, 0, 20));
        assertThat(flows(ours)).isEmpty();
        // the flow bindings kept as they were (§5.3.3), neither removed (§5.3.4: the summary names
        // them) nor changed; BID 3, which frame 7 does not name, stays registered here (O clear,
        // RFC 5648 §6.2)
        assertThat(table.flowBindings()).isEqualTo(before).extracting(BindingTable.FlowBinding::flowId,
                BindingTable.FlowBinding::priority, BindingTable.FlowBinding::bindingIds)
                .containsExactly(tuple(1, 10, List.of(1)), tuple(2, 20, List.of(1, 2)));
        assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).containsExactly(1, 2, 3);
        assertThat(table.active(1)).isTrue();
        assertThat(table.active(2)).isTrue();
    }

    @Test
    void shouldSendEachFlowToTheCareOfAddressOfItsBids() {
        CaptureFile c = Captures.generated(Mip6ScenariosTest.SCENARIOS);
        BindingTable table = homeAgent();
        apply(table, frame(c, 3));
        apply(table, frame(c, 5));
        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.bindings()).extracting(BindingTable.Binding::bindingId).as("slots by BID-PRI")
                .containsExactly(1, 2, 3);
        // BID 3 (CoA3) is registered here (the table allows H) but no flow binding names it
        assertThat(careOf(s, 2)).isEqualTo(COA3);

        // IPv4 UDP to port 5060: FID 1 (FID-PRI 10), BID 1, CoA1
        int sip = select(s, sip());
        assertThat(s.matchFlow(sip(), 0, 28)).isZero();
        assertThat(s.bindingId(sip)).isEqualTo(1);
        assertThat(careOf(s, sip)).isEqualTo(COA1);

        // IPv6 to 2001:db8:cafe::1 with flow label 0x12345: FID 2 (FID-PRI 20), BIDs 1 and 2; the
        // one of lower BID-PRI, BID 1 (CoA1), is selected, and a copy goes to each (RFC 6089 §5.3.6)
        ByteBuffer video = ipv6(Ipv6Address.parse("2001:db8:cafe::1"), 0x12345);
        int slot = select(s, video);
        assertThat(s.matchFlow(video, 0, 40)).isEqualTo(1);
        assertThat(s.bindingId(slot)).isEqualTo(1);
        assertThat(careOf(s, slot)).isEqualTo(COA1);
        assertThat(Arrays.stream(s.flowSlots(1)).mapToObj(i -> careOf(s, i))).containsExactly(COA1, COA2);
        assertThat(s.tunnel(slot)).isNotNull();

        // outside both selectors: the BID of lowest BID-PRI, BID 1 (§5.1.1, §5.3.6)
        ByteBuffer other = ipv6(Ipv6Address.parse("2001:db8:cafe::1"), 0x12347);
        assertThat(s.matchFlow(other, 0, 40)).isEqualTo(-1);
        assertThat(careOf(s, select(s, other))).isEqualTo(COA1);
        ByteBuffer udp5062 = sip().putShort(22, (short) 5062);
        assertThat(careOf(s, select(s, udp5062))).isEqualTo(COA1);
    }

    @Test
    void shouldReplaceTheBidsAndRefuseTheFlowsOfAnUpdateWithoutBindingIdentifierOptions() {
        CaptureFile c = Captures.generated(Mip6ScenariosTest.SCENARIOS);
        BindingTable table = homeAgent();
        apply(table, frame(c, 3));
        Frame five = frame(c, 5);
        MobilityHeader flowsOnly = MobilityHeader.of(five.header().message(),
                five.header().significantOptions().stream().filter(o -> !(o instanceof BindingIdentifier)).toList());
        MobilityHeader ours = table.apply(flowsOnly, five.source(), NOW);
        // RFC 5648 §6.2: processed as in RFC 6275, the update replaces the three BIDs with one
        // regular binding, to the packet's source (no Alternate Care-of Address option)
        assertThat(ack(ours).status()).isEqualTo(BindingTable.ACCEPTED);
        assertThat(bids(ours)).isEmpty();
        assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).containsExactly(-1);
        assertThat(table.bindings().get(0).ipv6CareOfAddress()).contains(COA1);
        // RFC 6089 §5.3.2.1: the BID References name BIDs the binding cache no longer holds
        assertThat(flows(ours)).extracting(FlowIdentification::flowId, FlowIdentification::status).containsExactly(
                tuple(1, BindingTable.FLOW_BID_NOT_FOUND), tuple(2, BindingTable.FLOW_BID_NOT_FOUND));
        assertThat(table.flowBindings()).isEmpty();
    }

    /** The capture's acknowledgement with the one policy of its home agent the table does not share undone. */
    private static MobilityHeader withoutHomeAndForeignRefusal(MobilityHeader ba) {
        List<MobilityOption> options = ba.significantOptions().stream()
                .filter(o -> o instanceof BindingIdentifier || o instanceof FlowIdentification)
                .map(o -> o instanceof BindingIdentifier b && b.simultaneousHomeAndForeign()
                        ? new BindingIdentifier(b.bindingId(), BindingTable.ACCEPTED, b.flags(), b.careOfAddress()) : o)
                .toList();
        BindingAcknowledgement a = ack(ba);
        int status = a.status() == BindingTable.MCOA_NOTCOMPLETE ? BindingTable.ACCEPTED : a.status();
        return MobilityHeader.of(new BindingAcknowledgement(status, a.flags(), a.sequence(), a.lifetime()), options);
    }

    /**
     * The twelve frames as one exchange: the six Binding Updates (frames 1, 3, 5, 7, 9, 11) applied
     * in order to one home agent's table, each with the IPv6 source of its frame as the packet's
     * source and the frame's time as the clock, and each answer compared with the acknowledgement
     * that follows it: Status, flags, Sequence, Lifetime, and every Binding Identifier option (BID,
     * Status, H and BID-PRI) and Flow Identification option (FID, FID-PRI, Status).
     *
     * <p>Where the capture's home agent differs, it is by its policy, not by the exchange: it
     * refuses simultaneous home and foreign attachment (RFC 5648 §4.4, §5.6), the H of BID 3.
     * Frame 4 refuses BID 3 with 169 and Status 4 (MCOA NOTCOMPLETE), where the table registers it
     * and answers Status 0 with BID 3 Status 0, as its javadoc says (every BID with a care-of
     * address is registered); frame 6 then refuses BID 3's refresh with 167 (no binding for it,
     * RFC 5648 §6.2) and Status 4, where the table refreshes it and answers Status 0 with BID 3
     * Status 0. The comparison takes the capture's answer with those two statuses set to the
     * table's. The table also adds nothing the RFCs leave to the home agent: no Binding Refresh
     * Advice (frame 2 has one, RFC 6275 §6.2.4) and no NAT Detection option (frame 12 has one:
     * the updates here are applied without outer IPv4 headers, so the table learns no NAT);
     * those options are not compared. Frame 12's IPv4 Address Acknowledgement is: the table,
     * given the IPv4 home address 192.0.2.100 on a /24 network, acknowledges frame 11's request
     * for it as the capture does (RFC 5555 §4.5). The Checksum is left to the encoder (0).
     *
     * <p>Frame 9 (NEMO, R set) meets bindings made without R: refused with 139 (RFC 3963 §6.2),
     * nothing changes, and the Sequence # stays frame 7's. The end: frame 11 (DSMIPv6) carries no
     * Binding Identifier option, so it replaces every binding with one regular binding (RFC 5648
     * §6.2), to the IPv4 care-of address its IPv4 Care-of Address option carries (RFC 5555 §4.2),
     * and, naming no flow, removes every flow binding (RFC 6089 §5.3.4): the table holds one
     * binding without a BID, to 198.51.100.20, and no flow binding, and its snapshot has that one
     * slot.
     */
    @Test
    void shouldAnswerEveryBindingUpdateOfTheCaptureInOrderAsItsAcknowledgement() {
        CaptureFile c = Captures.generated(Mip6ScenariosTest.SCENARIOS);
        assertThat(c.frames()).hasSize(12);
        BindingTable table = homeAgent();
        for (int n = 1; n <= 11; n += 2) {
            Frame update = frame(c, n);
            assertThat(update.header().message()).as("frame %d", n).isInstanceOf(MobilityMessage.BindingUpdate.class);
            long now = c.frames().get(n - 1).timestamp().getEpochSecond();
            MobilityHeader ours = table.apply(update.header(), update.source(), now);
            MobilityHeader theirs = frame(c, n + 1).header();
            MobilityHeader expected = n == 3 || n == 5 ? withoutHomeAndForeignRefusal(theirs) : theirs;
            assertThat(ack(ours)).as("frame %d", n + 1).isEqualTo(ack(expected));
            assertThat(bids(ours)).as("frame %d", n + 1).isEqualTo(bids(expected));
            assertThat(flows(ours)).as("frame %d", n + 1).isEqualTo(flows(expected));
            assertThat(ours.significantOptions()).as("frame %d: nothing else", n + 1)
                    .allMatch(o -> o instanceof BindingIdentifier || o instanceof FlowIdentification
                            || o instanceof MobilityOption.Ipv4AddressAcknowledgement);
            assertThat(ours.option(MobilityOption.Ipv4AddressAcknowledgement.class)).as("frame %d", n + 1)
                    .isEqualTo(theirs.option(MobilityOption.Ipv4AddressAcknowledgement.class));
            assertThat(ours.checksum()).isZero();
            assertThat(table.lastSequence()).isEqualTo(n == 9 ? 1003 : ack(theirs).sequence());
            switch (n) {
                case 1 -> {
                    // the home registration: a regular binding to the Alternate Care-of Address
                    assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).containsExactly(-1);
                    assertThat(theirs.significantOptions()).containsExactly(new MobilityOption.BindingRefreshAdvice(75));
                }
                case 3 -> {
                    // the differences: the capture's home agent refuses H
                    assertThat(ack(theirs).status()).isEqualTo(BindingTable.MCOA_NOTCOMPLETE);
                    assertThat(bids(theirs).get(2).status()).isEqualTo(169);
                    assertThat(ack(ours).status()).isEqualTo(BindingTable.ACCEPTED);
                    // O set (RFC 5648 §4.2): the regular binding of frame 1 replaced by the three BIDs
                    assertThat(((MobilityMessage.BindingUpdate) update.header().message()).flags() & BindingTable.FLAG_O)
                            .isEqualTo(BindingTable.FLAG_O);
                    assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).containsExactly(1, 2, 3);
                }
                case 5 -> {
                    assertThat(bids(theirs).get(2).status()).isEqualTo(BindingTable.MCOA_UNKNOWN_COA);
                    assertThat(ack(theirs).status()).isEqualTo(BindingTable.MCOA_NOTCOMPLETE);
                    assertThat(table.flowBindings()).extracting(BindingTable.FlowBinding::flowId).containsExactly(1, 2);
                }
                case 7 -> {
                    // the Flow Summary refreshes both flow bindings, which still exist
                    assertThat(flows(ours)).isEmpty();
                    assertThat(table.flowBindings()).extracting(BindingTable.FlowBinding::flowId).containsExactly(1, 2);
                    assertThat(table.active(1)).isTrue();
                    assertThat(table.active(2)).isTrue();
                }
                case 9 -> {
                    // NEMO to bindings made without R: 139 without R (RFC 3963 §6.2, §4.2), nothing changed
                    assertThat(ack(ours).status()).isEqualTo(BindingTable.REGISTRATION_TYPE_CHANGE_DISALLOWED);
                    assertThat(ack(ours).has(BindingAcknowledgement.R)).isFalse();
                    assertThat(table.mobileRouter()).isFalse();
                    assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).containsExactly(1, 2, 3);
                    assertThat(table.flowBindings()).extracting(BindingTable.FlowBinding::flowId).containsExactly(1, 2);
                }
                default -> assertThat(theirs.significantOptions()).hasSize(2)
                        .hasOnlyElementsOfTypes(MobilityOption.Ipv4AddressAcknowledgement.class,
                                MobilityOption.NatDetection.class);
            }
        }
        // the end: one regular binding, to the IPv4 care-of address of frame 11's IPv4 Care-of
        // Address option (RFC 5555 §4.2), granted 600 s from frame 11's time; no flow binding
        long last = c.frames().get(10).timestamp().getEpochSecond();
        assertThat(table.lastSequence()).isEqualTo(1005);
        assertThat(table.bindings()).containsExactly(new BindingTable.Binding(-1, 0, false,
                ByteString.of(Ipv4Address.parse("198.51.100.20").toByteArray()), last + 600));
        assertThat(table.flowBindings()).isEmpty();
        assertThat(table.active(1)).isFalse();
        assertThat(table.active(2)).isFalse();
        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.bindingId(0)).isEqualTo(-1);
        assertThat(s.flowBindings()).isEmpty();
        assertThat(s.ipv4CareOfAddress(0)).isTrue();
        assertThat(s.careOfAddressLow(0)).isEqualTo(0xC633_6414L);
        assertThat(s.tunnel(0)).as("an IPv4 care-of address: no IPv6 tunnel").isNull();
        // the former flows now take the regular binding
        assertThat(s.matchFlow(sip(), 0, 28)).isEqualTo(-1);
        assertThat(select(s, sip())).isZero();
        assertThat(select(s, ipv6(Ipv6Address.parse("2001:db8:cafe::1"), 0x12345))).isZero();
    }

    @Test
    void shouldRefuseTheBulkRegistrationWithOClearAfterTheRegularBindingOfFrame1() {
        CaptureFile c = Captures.generated(Mip6ScenariosTest.SCENARIOS);
        BindingTable table = homeAgent();
        apply(table, frame(c, 1));
        Frame three = frame(c, 3);
        MobilityMessage.BindingUpdate bu = (MobilityMessage.BindingUpdate) three.header().message();
        MobilityHeader withoutO = MobilityHeader.of(new MobilityMessage.BindingUpdate(bu.sequence(),
                bu.flags() & ~BindingTable.FLAG_O, bu.lifetime()), three.header().significantOptions());
        // RFC 5648 §6.2: "If the 'O' flag is unset in the Binding Update and the receiver has a
        // regular binding that does not have a BID for the mobile node, it must not process the
        // Binding Update": Status 165, the regular binding kept
        MobilityHeader ours = table.apply(withoutO, three.source(), NOW);
        assertThat(ack(ours).status()).isEqualTo(BindingTable.MCOA_NON_MCOA_BINDING_EXISTS);
        assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).containsExactly(-1);
        assertThat(ack(apply(table, three)).status()).isEqualTo(BindingTable.ACCEPTED);
        assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).containsExactly(1, 2, 3);
    }
}
