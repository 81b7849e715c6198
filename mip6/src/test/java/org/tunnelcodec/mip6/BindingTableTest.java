package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * {@link BindingTable} rule by rule, each test citing the RFC text it follows: the sequence
 * window (RFC 6275 §9.5.1), bulk registration and its per-BID status (RFC 5648 §6.2, §4.4), the
 * O flag and the regular binding (§6.2), deregistration of some BIDs or all (§5.4, §6.2), flow
 * bindings added, modified, refreshed and removed implicitly with their status codes (RFC 6089
 * §5.3.2-§5.3.5), inactive flow bindings (§4.3), selection in FID-PRI order with the BID-PRI
 * default (§5.3.6), the answer encoded and decoded again, the tunnels of a snapshot, expiry, and
 * 0 B/op selection.
 */
class BindingTableTest {
    static final Ipv6Address HA = Mip6Vectors.HA;
    static final Ipv6Address HOA = Mip6Vectors.HOA;
    static final Ipv6Address WIFI = Ipv6Address.parse("2001:db8:c0a::100");
    static final Ipv6Address LTE = Ipv6Address.parse("2001:db8:1e::7");
    static final Ipv6Address WIRED = Ipv6Address.parse("2001:db8:e7::9");
    static final Ipv4TrafficSelector SIP = Ipv4TrafficSelector.builder().destinationPortRange(5060, 5061).protocol(17).build();
    static final Ipv6TrafficSelector VIDEO = Ipv6TrafficSelector.builder().flowLabelRange(0x100, 0x1FF).build();

    private final BindingTable table = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).build();
    private int sequence = 100;

    static MobilityHeader update(int sequence, int flags, long lifetimeSeconds, MobilityOption... options) {
        return MobilityHeader.of(new MobilityMessage.BindingUpdate(sequence, flags | MobilityMessage.BindingUpdate.A
                | MobilityMessage.BindingUpdate.H, MobilityHeader.units(lifetimeSeconds)), List.of(options));
    }

    static MobilityOption.FlowIdentification flow(int fid, int priority, BinaryTrafficSelector selector, Integer... bids) {
        List<FlowSubOption> subs = new ArrayList<>();
        if (selector != null) {
            subs.add(FlowSubOption.TrafficSelector.of(selector));
        }
        if (bids.length > 0) {
            subs.add(new FlowSubOption.BidReference(List.of(bids)));
        }
        return new MobilityOption.FlowIdentification(fid, priority, 0, 0, subs);
    }

    /** The three BIDs refreshed without their addresses: an update without BID options would replace them (RFC 5648 §6.2). */
    private static MobilityOption[] withBids(MobilityOption... options) {
        List<MobilityOption> all = new ArrayList<>(List.of(new MobilityOption.BindingIdentifier(1, 0, 2, ByteString.EMPTY),
                new MobilityOption.BindingIdentifier(2, 0, 1, ByteString.EMPTY),
                new MobilityOption.BindingIdentifier(3, 0, 3, ByteString.EMPTY)));
        all.addAll(List.of(options));
        return all.toArray(new MobilityOption[0]);
    }

    private MobilityHeader apply(int flags, long lifetime, MobilityOption... options) {
        return table.apply(update(sequence++, flags, lifetime, options), WIFI, 1000);
    }

    private static MobilityMessage.BindingAcknowledgement ack(MobilityHeader h) {
        return (MobilityMessage.BindingAcknowledgement) h.message();
    }

    private static List<Integer> bidStatuses(MobilityHeader h) {
        return h.options().stream().filter(o -> o instanceof MobilityOption.BindingIdentifier)
                .map(o -> ((MobilityOption.BindingIdentifier) o).status()).toList();
    }

    private static List<List<Integer>> flowStatuses(MobilityHeader h) {
        return h.options().stream().filter(o -> o instanceof MobilityOption.FlowIdentification)
                .map(o -> List.of(((MobilityOption.FlowIdentification) o).flowId(),
                        ((MobilityOption.FlowIdentification) o).status())).toList();
    }

    private void registerThree() {
        MobilityHeader ba = apply(0, 3600, MobilityOption.BindingIdentifier.of(1, 2, WIFI),
                MobilityOption.BindingIdentifier.of(2, 1, LTE), MobilityOption.BindingIdentifier.of(3, 3, WIRED));
        assertThat(ack(ba).status()).isZero();
    }

    static ByteBuffer udp4(int destinationPort) {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.putShort(0, (short) 0x4500).putShort(2, (short) 28).put(8, (byte) 64).put(9, (byte) 17)
                .putInt(12, 0xC000_0201).putInt(16, 0x0A00_0001).putShort(20, (short) 4000)
                .putShort(22, (short) destinationPort).putShort(24, (short) 8);
        return b;
    }

    static ByteBuffer ipv6(int flowLabel) {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.putInt(0, 6 << 28 | flowLabel).putShort(4, (short) 0).put(6, (byte) 59).put(7, (byte) 64);
        b.putLong(8, 0x2001_0db8_00ffL << 16).putLong(24, HOA.high()).putLong(32, HOA.low());
        return b;
    }

    @Test
    void shouldRegisterABulkOfBidsAndEchoThemWithTheirPriority() {
        MobilityHeader ba = apply(0, 3600, MobilityOption.BindingIdentifier.of(1, 2, WIFI),
                MobilityOption.BindingIdentifier.of(2, 1, LTE), MobilityOption.BindingIdentifier.of(3, 3, WIRED));
        assertThat(ack(ba).status()).as("RFC 5648 §6.2: all registered").isZero();
        assertThat(ack(ba).sequence()).isEqualTo(100);
        assertThat(ack(ba).lifetime()).isEqualTo(900);
        assertThat(ba.options()).filteredOn(o -> o instanceof MobilityOption.BindingIdentifier)
                .extracting(o -> (MobilityOption.BindingIdentifier) o)
                .extracting(b -> List.of(b.bindingId(), b.status(), b.priority(), b.careOfAddress().length()))
                .as("every BID echoed, Status 0, BID-PRI copied (RFC 6089 §5.3.5), no address")
                .containsExactly(List.of(1, 0, 2, 0), List.of(2, 0, 1, 0), List.of(3, 0, 3, 0));
        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.size()).isEqualTo(3);
        assertThat(List.of(s.bindingId(0), s.bindingId(1), s.bindingId(2))).as("by BID-PRI").containsExactly(2, 1, 3);
        assertThat(table.bindings()).extracting(BindingTable.Binding::expires).containsOnly(4600L);

        ByteBuffer encoded = ByteBuffer.allocate(MobilityHeaderEncoder.encodedLength(ba));
        MobilityHeaderEncoder.encode(ba, encoded.duplicate(), MobilityPseudoHeader.of(HA, WIFI, null, null));
        MobilityHeader decoded = MobilityHeaderDecoder.decode(encoded).header();
        assertThat(decoded.message()).isEqualTo(ba.message());
        assertThat(decoded.significantOptions()).isEqualTo(ba.significantOptions());
    }

    @Test
    void shouldRefuseAnUpdateOutsideTheSequenceWindow() {
        registerThree();
        MobilityHeader stale = table.apply(update(100, 0, 60), WIFI, 2000);
        assertThat(ack(stale).status()).as("RFC 6275 §9.5.1").isEqualTo(BindingTable.SEQUENCE_OUT_OF_WINDOW);
        assertThat(ack(stale).sequence()).as("the last accepted number").isEqualTo(100);
        MobilityHeader farAhead = table.apply(update(100 + 0x8000, 0, 60), WIFI, 2000);
        assertThat(ack(farAhead).status()).isEqualTo(BindingTable.SEQUENCE_OUT_OF_WINDOW);
        assertThat(table.bindings()).hasSize(3);
        MobilityHeader wrapped = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).build()
                .apply(update(65535, 0, 60), WIFI, 0);
        assertThat(ack(wrapped).status()).as("any number is accepted first").isZero();
    }

    @Test
    void shouldGiveEachFailedBidItsStatusAndTheAnswerMcoaNotComplete() {
        registerThree();
        MobilityHeader ba = apply(0, 3600, new MobilityOption.BindingIdentifier(1, 0, 5, ByteString.EMPTY),
                new MobilityOption.BindingIdentifier(9, 0, 5, ByteString.EMPTY), MobilityOption.BindingIdentifier.of(0, 1, LTE));
        assertThat(ack(ba).status()).as("RFC 5648 §6.2").isEqualTo(BindingTable.MCOA_NOTCOMPLETE);
        assertThat(bidStatuses(ba)).as("refresh, unknown BID without address, BID 0")
                .containsExactly(0, BindingTable.MCOA_UNKNOWN_COA, BindingTable.MCOA_MALFORMED);
        assertThat(table.bindings()).filteredOn(b -> b.bindingId() == 1).singleElement()
                .satisfies(b -> assertThat(b.ipv6CareOfAddress()).contains(WIFI)) // address kept
                .satisfies(b -> assertThat(b.priority()).isEqualTo(5));
    }

    @Test
    void shouldRefuseBulkRegistrationWhenNotAllowed() {
        BindingTable single = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).bulkRegistration(false).build();
        MobilityHeader ba = single.apply(update(1, 0, 60, MobilityOption.BindingIdentifier.of(1, 1, WIFI),
                MobilityOption.BindingIdentifier.of(2, 1, LTE)), WIFI, 0);
        assertThat(ack(ba).status()).isEqualTo(BindingTable.MCOA_BULK_REGISTRATION_PROHIBITED);
        assertThat(single.bindings()).isEmpty();
        assertThat(ack(single.apply(update(2, 0, 60, MobilityOption.BindingIdentifier.of(1, 1, WIFI)), WIFI, 0)).status())
                .isZero();
    }

    @Test
    void shouldDeregisterTheBidsNamedOrRefuseAnUnknownOne() {
        registerThree();
        MobilityHeader unknown = apply(0, 0, new MobilityOption.BindingIdentifier(7, 0, 0, ByteString.EMPTY));
        assertThat(ack(unknown).status()).as("RFC 5648 §6.2").isEqualTo(BindingTable.NOT_HOME_AGENT);
        assertThat(table.bindings()).hasSize(3);
        MobilityHeader ba = apply(BindingTable.FLAG_O, 0, new MobilityOption.BindingIdentifier(2, 0, 0, ByteString.EMPTY));
        assertThat(ack(ba).status()).isZero();
        assertThat(ack(ba).lifetime()).isZero();
        assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).as("O ignored on deregistration")
                .containsExactly(1, 3);
        assertThat(ack(apply(0, 0)).status()).as("no BID, lifetime 0: everything").isZero();
        assertThat(table.bindings()).isEmpty();
        assertThat(table.snapshot().select(udp4(80), 0, 28)).isEqualTo(BindingTable.Snapshot.NONE);
    }

    @Test
    void shouldKeepARegularBindingApartFromMcoaUnlessOverwritten() {
        MobilityHeader regular = apply(0, 600, new MobilityOption.AlternateCareOfAddress(LTE));
        assertThat(ack(regular).status()).isZero();
        assertThat(table.bindings()).singleElement().satisfies(b -> {
            assertThat(b.bindingId()).isEqualTo(-1);
            assertThat(b.ipv6CareOfAddress()).as("the Alternate Care-of Address").contains(LTE);
        });
        MobilityHeader refused = apply(0, 600, MobilityOption.BindingIdentifier.of(1, 1, WIFI));
        assertThat(ack(refused).status()).as("RFC 5648 §6.2: O clear").isEqualTo(BindingTable.MCOA_NON_MCOA_BINDING_EXISTS);
        MobilityHeader overwritten = apply(BindingTable.FLAG_O, 600, MobilityOption.BindingIdentifier.of(1, 1, WIFI));
        assertThat(ack(overwritten).status()).isZero();
        assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).containsExactly(1);
        apply(0, 600);
        assertThat(table.bindings()).as("no BID: one regular binding to the packet's source").singleElement()
                .satisfies(b -> assertThat(b.ipv6CareOfAddress()).contains(WIFI));
    }

    @Test
    void shouldAddModifyRefreshAndRemoveFlowBindings() {
        registerThree();
        MobilityHeader ba = apply(0, 3600, withBids(flow(10, 20, SIP, 2), flow(11, 10, VIDEO, 3, 1), flow(12, 30, null, 1),
                flow(13, 40, SIP), flow(14, 50, SIP, 9), flow(15, 20, VIDEO, 1),
                new MobilityOption.FlowIdentification(16, 60, 0, 0, List.of(new FlowSubOption.TrafficSelector(7, 0,
                        ByteString.of(new byte[] {1, 2})), new FlowSubOption.BidReference(List.of(1))))));
        assertThat(flowStatuses(ba)).as("RFC 6089 §5.3.2.1").containsExactly(List.of(10, 0), List.of(11, 0),
                List.of(12, BindingTable.FLOW_MALFORMED), List.of(13, BindingTable.FLOW_MALFORMED),
                List.of(14, BindingTable.FLOW_BID_NOT_FOUND), List.of(15, BindingTable.FLOW_REJECTED),
                List.of(16, BindingTable.FLOW_TS_FORMAT_NOT_SUPPORTED));
        assertThat(ack(ba).status()).as("the BA status says nothing of flows (§5.3.5)").isZero();
        assertThat(table.flowBindings()).extracting(BindingTable.FlowBinding::flowId).containsExactly(10, 11);

        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.bindingId(s.select(udp4(5060), 0, 28))).as("SIP on LTE").isEqualTo(2);
        assertThat(s.bindingId(s.select(ipv6(0x150), 0, 40))).as("video: BIDs 3 and 1, the lower BID-PRI").isEqualTo(1);
        assertThat(s.flowSlots(s.matchFlow(ipv6(0x150), 0, 40))).as("both, for replication (§5.3.6)").containsExactly(1, 2);
        assertThat(s.bindingId(s.select(udp4(80), 0, 28))).as("no flow: lowest BID-PRI").isEqualTo(2);
        assertThat(s.flowBindings()).extracting(BindingTable.FlowBinding::flowId).as("FID-PRI order").containsExactly(11, 10);

        // modify 10 (priority and BIDs), refresh 11 by summary, ask for an unknown 99
        MobilityHeader modify = apply(0, 3600, withBids(new MobilityOption.FlowIdentification(10, 5, 0, 0,
                List.of(new FlowSubOption.BidReference(List.of(3)))), new MobilityOption.FlowSummary(List.of(11, 99))));
        assertThat(flowStatuses(modify)).containsExactly(List.of(10, 0), List.of(99, BindingTable.FLOW_FID_NOT_FOUND));
        assertThat(table.flowBindings()).extracting(f -> List.of(f.flowId(), f.priority(), f.bindingIds()))
                .containsExactly(List.of(10, 5, List.of(3)), List.of(11, 10, List.of(3, 1)));
        assertThat(table.flowBindings().get(0).selector()).as("selector kept").isEqualTo(SIP);
        s = table.snapshot();
        assertThat(s.bindingId(s.select(udp4(5060), 0, 28))).isEqualTo(3);

        // an update naming only 11 removes 10 (§5.3.4)
        apply(0, 3600, withBids(new MobilityOption.FlowSummary(List.of(11))));
        assertThat(table.flowBindings()).extracting(BindingTable.FlowBinding::flowId).containsExactly(11);
        // an update without BID options replaces the bindings by one regular binding: the flows lose their BIDs
        apply(0, 3600, new MobilityOption.FlowSummary(List.of(11)));
        assertThat(table.flowBindings()).extracting(BindingTable.FlowBinding::flowId).containsExactly(11);
        assertThat(table.active(11)).isFalse();
    }

    @Test
    void shouldRejectEveryFlowOptionOfAnUpdateThatRepeatsAnFid() {
        registerThree();
        apply(0, 3600, withBids(flow(10, 20, SIP, 2)));
        MobilityHeader ba = apply(0, 3600, withBids(flow(10, 21, SIP, 1), flow(10, 22, VIDEO, 1), flow(12, 23, VIDEO, 1)));
        assertThat(flowStatuses(ba)).as("RFC 6089 §5.3.2").containsExactly(List.of(10, 130), List.of(10, 130), List.of(12, 130));
        assertThat(table.flowBindings()).extracting(f -> List.of(f.flowId(), f.priority())).as("10 kept as it was")
                .containsExactly(List.of(10, 20));
    }

    @Test
    void shouldMakeAFlowInactiveWhenItsBidsGoAndActiveWhenOneReturns() {
        registerThree();
        apply(0, 3600, withBids(flow(10, 20, SIP, 3)));
        apply(0, 0, new MobilityOption.BindingIdentifier(3, 0, 0, ByteString.EMPTY), new MobilityOption.FlowSummary(List.of(10)));
        assertThat(table.flowBindings()).extracting(BindingTable.FlowBinding::flowId).as("kept (§4.3)").containsExactly(10);
        assertThat(table.active(10)).isFalse();
        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.flowBindings()).isEmpty();
        assertThat(s.bindingId(s.select(udp4(5060), 0, 28))).isEqualTo(2);
        apply(0, 3600, MobilityOption.BindingIdentifier.of(3, 3, WIRED), new MobilityOption.FlowSummary(List.of(10)));
        assertThat(table.active(10)).isTrue();
        assertThat(table.snapshot().bindingId(table.snapshot().select(udp4(5060), 0, 28))).isEqualTo(3);
    }

    @Test
    void shouldExpireBindingsByTheCallersClock() {
        registerThree();
        apply(0, 60, new MobilityOption.BindingIdentifier(2, 0, 1, ByteString.EMPTY));
        assertThat(table.expire(1059)).isZero();
        assertThat(table.expire(1060)).isEqualTo(1);
        assertThat(table.bindings()).extracting(BindingTable.Binding::bindingId).containsExactly(1, 3);
        BindingTable capped = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).maxLifetime(100).build();
        assertThat(ack(capped.apply(update(1, 0, 3600, MobilityOption.BindingIdentifier.of(1, 1, WIFI)), WIFI, 0)).lifetime())
                .isEqualTo(25);
    }

    @Test
    void shouldTunnelToTheSelectedCareOfAddressAndTakeBackOnlyFromOne() {
        registerThree();
        BindingTable.Snapshot s = table.snapshot();
        ByteBuffer inner = ipv6(0x150);
        ByteBuffer buf = ByteBuffer.allocate(64 + 40).put(64, inner, 0, 40);
        int slot = s.select(buf, 64, 104);
        int start = s.tunnel(slot).push(buf, 64, 104);
        assertThat(Ipv6Address.of(buf.getLong(start + 24), buf.getLong(start + 32))).isEqualTo(LTE);

        BindingTable mnSide = BindingTable.builder(BindingTable.Role.MOBILE_NODE, HA, HOA).build();
        mnSide.apply(update(1, 0, 600, MobilityOption.BindingIdentifier.of(2, 1, LTE)), LTE, 0);
        assertThat(mnSide.snapshot().decapsulate(buf, start, 104)).as("the mobile node takes it from the HA").isEqualTo(64);
        assertThat(s.decapsulate(buf, start, 104)).as("the HA does not take its own").isEqualTo(-1);

        ByteBuffer up = ByteBuffer.allocate(64 + 40).put(64, inner, 0, 40);
        int upStart = mnSide.snapshot().tunnel(0).push(up, 64, 104);
        assertThat(s.decapsulate(up, upStart, 104)).as("from a registered care-of address").isEqualTo(64);
        table.apply(update(sequence++, BindingTable.FLAG_O, 600, MobilityOption.BindingIdentifier.of(7, 1, WIFI)), WIFI, 0);
        assertThat(table.snapshot().decapsulate(up, upStart, 104)).as("LTE no longer registered").isEqualTo(-1);
        assertThat(s.decapsulate(up, upStart, 104)).as("an old snapshot is unchanged").isEqualTo(64);
    }

    @Test
    void shouldKeepAnIpv4CareOfAddressWithoutATunnel() {
        apply(0, 600, MobilityOption.BindingIdentifier.of(1, 1, Ipv4Address.parse("192.0.2.7")));
        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.ipv4CareOfAddress(0)).isTrue();
        assertThat(s.careOfAddressLow(0)).isEqualTo(0xC000_0207L);
        assertThat(s.tunnel(0)).isNull();
        assertThat(table.bindings().get(0).ipv6CareOfAddress()).isEmpty();
    }

    @Test
    void shouldRefuseWhatIsNotABindingUpdate() {
        MobilityHeader ack = MobilityHeader.of(new MobilityMessage.BindingAcknowledgement(0, 0, 1, 1), List.of());
        assertThatThrownBy(() -> table.apply(ack, WIFI, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSelectWithoutAllocating() {
        registerThree();
        apply(0, 3600, withBids(flow(10, 20, SIP, 2), flow(11, 10, VIDEO, 3, 1)));
        BindingTable.Snapshot s = table.snapshot();
        ByteBuffer[] packets = {udp4(5060), ipv6(0x150), udp4(80), ipv6(7)};
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            ByteBuffer p = packets[next[0]++ & 3];
            return s.select(p, 0, p.limit());
        });
        assertThat(bytes).isZero();
    }
}
