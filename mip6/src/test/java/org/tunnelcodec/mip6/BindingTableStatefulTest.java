package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv6Address;

/**
 * {@link BindingTable} against a model that reads RFC 5648 §6.2 and RFC 6089 §5.3 line by line
 * (maps and lists, no snapshot, no precomputation): jqwik action chains of Binding Updates
 * (registrations, refreshes without addresses, deregistrations of some BIDs or all, the O flag,
 * BID 0, flow bindings added, modified, summarized and left out, malformed ones, repeated FIDs,
 * clashing priorities, unsupported selector formats, stale and far-ahead sequence numbers) and
 * expiry. After every step the answer's statuses, the bindings, the flow bindings and their
 * activity agree with the model, and so does the binding chosen for each of a fixed set of IPv4
 * and IPv6 packets, whose fields the model takes from how they were built, not from parsing.
 */
class BindingTableStatefulTest {
    static final Ipv6Address HA = Mip6Vectors.HA;
    static final Ipv6Address HOA = Mip6Vectors.HOA;
    static final Ipv6Address SOURCE = Ipv6Address.parse("2001:db8:5::5");
    static final List<Ipv6Address> COAS = List.of(Ipv6Address.parse("2001:db8:c0a::100"),
            Ipv6Address.parse("2001:db8:1e::7"), Ipv6Address.parse("2001:db8:e7::9"));
    static final List<BinaryTrafficSelector> SELECTORS = List.of(
            Ipv4TrafficSelector.builder().destinationPortRange(5060, 5061).protocol(17).build(),
            Ipv4TrafficSelector.builder().protocol(50).spiRange(0x100, 0x1FF).build(),
            Ipv4TrafficSelector.builder().build(),
            Ipv6TrafficSelector.builder().flowLabelRange(0x100, 0x1FF).build(),
            Ipv6TrafficSelector.builder().destinationPort(443).nextHeader(6).build());

    /** A packet and the fields it was built with. */
    record Packet(ByteBuffer bytes, int version, long spi, int sourcePort, int destinationPort, int ds, int protocol,
                  int flowLabel, int source, int destination, long sh, long sl, long dh, long dl) {
        boolean matches(BinaryTrafficSelector s) {
            if (s instanceof Ipv4TrafficSelector v4) {
                return version == 4 && v4.matches(source, destination, spi, sourcePort, destinationPort, ds, protocol);
            }
            return version == 6 && ((Ipv6TrafficSelector) s).matches(sh, sl, dh, dl, spi, flowLabel, sourcePort,
                    destinationPort, ds, protocol);
        }
    }

    static Packet v4(int protocol, int ds, long spi, int sp, int dp) {
        ByteBuffer b = ByteBuffer.allocate(28);
        b.putShort(0, (short) (0x4500 | ds)).putShort(2, (short) 28).put(8, (byte) 64).put(9, (byte) protocol)
                .putInt(12, 0xC000_0201).putInt(16, 0x0A00_0001);
        if (protocol == 50) {
            b.putInt(20, (int) spi);
        } else if (protocol == 6 || protocol == 17) {
            b.putShort(20, (short) sp).putShort(22, (short) dp);
        }
        boolean ported = protocol == 6 || protocol == 17;
        return new Packet(b, 4, protocol == 50 ? spi : BinaryTrafficSelector.NO_SPI, ported ? sp : -1, ported ? dp : -1,
                ds, protocol, 0, 0xC000_0201, 0x0A00_0001, 0, 0, 0, 0);
    }

    static Packet v6(int nextHeader, int label, int sp, int dp) {
        ByteBuffer b = ByteBuffer.allocate(48);
        b.putInt(0, 6 << 28 | label).putShort(4, (short) 8).put(6, (byte) nextHeader).put(7, (byte) 64);
        b.putLong(8, SOURCE.high()).putLong(16, SOURCE.low()).putLong(24, HOA.high()).putLong(32, HOA.low());
        b.putShort(40, (short) sp).putShort(42, (short) dp);
        boolean ported = nextHeader == 6 || nextHeader == 17;
        return new Packet(b, 6, BinaryTrafficSelector.NO_SPI, ported ? sp : -1, ported ? dp : -1, 0, nextHeader, label,
                0, 0, SOURCE.high(), SOURCE.low(), HOA.high(), HOA.low());
    }

    static final List<Packet> PACKETS = List.of(v4(17, 0, 0, 4000, 5060), v4(17, 0xB8, 0, 4000, 80),
            v4(50, 0, 0x150, 0, 0), v4(6, 0, 0, 1234, 443), v6(17, 0x150, 1, 2), v6(6, 7, 1234, 443), v6(59, 0, 0, 0));

    /** What one BID option asks; coa -1 for none. */
    record Bid(int bid, int coa, int priority) {
    }

    /** What one Flow Identification option carries; selector -1 none, 99 an unsupported format. */
    record Flow(int fid, int priority, int selector, List<Integer> bids) {
    }

    /** One Binding Update. */
    record Update(int sequenceDelta, boolean deregister, boolean overwrite, List<Bid> bids, List<Flow> flows,
                  List<Integer> summary) {
        MobilityHeader header(int sequence) {
            List<MobilityOption> options = new ArrayList<>();
            for (Bid b : bids) {
                options.add(b.coa < 0 ? new MobilityOption.BindingIdentifier(b.bid, 0, b.priority, ByteString.EMPTY)
                        : MobilityOption.BindingIdentifier.of(b.bid, b.priority, COAS.get(b.coa)));
            }
            for (Flow f : flows) {
                List<FlowSubOption> subs = new ArrayList<>();
                if (f.selector == 99) {
                    subs.add(new FlowSubOption.TrafficSelector(9, 0, ByteString.of(new byte[] {0, 0})));
                } else if (f.selector >= 0) {
                    subs.add(FlowSubOption.TrafficSelector.of(SELECTORS.get(f.selector)));
                }
                if (!f.bids.isEmpty()) {
                    subs.add(new FlowSubOption.BidReference(f.bids));
                }
                options.add(new MobilityOption.FlowIdentification(f.fid, f.priority, 0, 0, subs));
            }
            if (!summary.isEmpty()) {
                options.add(new MobilityOption.FlowSummary(summary));
            }
            return MobilityHeader.of(new MobilityMessage.BindingUpdate(sequence, MobilityMessage.BindingUpdate.A
                    | (overwrite ? BindingTable.FLAG_O : 0), deregister ? 0 : 150), options);
        }
    }

    /** The model: the RFC text as maps and loops. */
    static final class Model {
        int lastSequence = -1;
        final TreeMap<Integer, int[]> bindings = new TreeMap<>();  // bid -> {coa index (-1: the packet source), priority, expires}
        final TreeMap<Integer, Object[]> flows = new TreeMap<>();  // fid -> {priority, selector index, bids}

        /** Applies an update; returns {BA status, BID statuses..., then FID, status pairs} as lists. */
        List<List<Integer>> apply(Update u, int sequence, long now) {
            List<Integer> bidStatuses = new ArrayList<>();
            List<Integer> flowStatuses = new ArrayList<>();
            int d = (sequence - lastSequence) & 0xFFFF;
            if (lastSequence >= 0 && (d == 0 || d >= 0x8000)) {
                return List.of(List.of(135, lastSequence), bidStatuses, flowStatuses);
            }
            int status = 0;
            if (u.bids.isEmpty()) {
                bindings.clear();
                if (u.deregister) {
                    flows.clear();
                } else {
                    bindings.put(-1, new int[] {-1, 0, (int) now + 600});
                }
            } else if (u.deregister) {
                for (Bid b : u.bids) {
                    if (!bindings.containsKey(b.bid)) {
                        return List.of(List.of(133, sequence), bidStatuses, flowStatuses);
                    }
                }
                for (Bid b : u.bids) {
                    bindings.remove(b.bid);
                    bidStatuses.add(0);
                }
            } else {
                if (!u.overwrite && bindings.containsKey(-1)) {
                    return List.of(List.of(165, sequence), bidStatuses, flowStatuses);
                }
                if (u.overwrite) {
                    bindings.clear();
                }
                for (Bid b : u.bids) {
                    int s;
                    if (b.bid == 0) {
                        s = 164;
                    } else if (b.coa < 0) {
                        int[] known = bindings.get(b.bid);
                        if (known == null) {
                            s = 167;
                        } else {
                            bindings.put(b.bid, new int[] {known[0], b.priority, (int) now + 600});
                            s = 0;
                        }
                    } else {
                        bindings.put(b.bid, new int[] {b.coa, b.priority, (int) now + 600});
                        s = 0;
                    }
                    bidStatuses.add(s);
                    if (s != 0) {
                        status = 4;
                    }
                }
            }
            lastSequence = sequence;
            if (!(u.bids.isEmpty() && u.deregister)) {
                Set<Integer> named = new HashSet<>();
                Set<Integer> fids = new HashSet<>();
                boolean duplicate = false;
                for (Flow f : u.flows) {
                    duplicate |= !fids.add(f.fid);
                }
                named.addAll(fids);
                for (Flow f : u.flows) {
                    int s = duplicate ? 130 : flow(f);
                    flowStatuses.add(f.fid);
                    flowStatuses.add(s);
                }
                for (int fid : new TreeSet<>(u.summary)) {
                    if (flows.containsKey(fid)) {
                        named.add(fid);
                    } else if (!named.contains(fid)) {
                        flowStatuses.add(fid);
                        flowStatuses.add(132);
                    }
                }
                flows.keySet().retainAll(named);
            }
            return List.of(List.of(status, sequence), bidStatuses, flowStatuses);
        }

        @SuppressWarnings("unchecked")
        private int flow(Flow f) {
            if (f.fid == 0 || f.priority == 0) {
                return 130;
            }
            Object[] known = flows.get(f.fid);
            if (known == null && f.selector < 0) {
                return 130;
            }
            if (f.selector == 99) {
                return 133;
            }
            if (known == null && f.bids.isEmpty()) {
                return 130;
            }
            for (int bid : f.bids) {
                if (!bindings.containsKey(bid)) {
                    return 131;
                }
            }
            for (Map.Entry<Integer, Object[]> e : flows.entrySet()) {
                if (e.getKey() != f.fid && (int) e.getValue()[0] == f.priority) {
                    return 129;
                }
            }
            int selector = f.selector >= 0 ? f.selector : (int) known[1];
            List<Integer> bids = !f.bids.isEmpty() ? f.bids : (List<Integer>) known[2];
            flows.put(f.fid, new Object[] {f.priority, selector, bids});
            return 0;
        }

        void expire(long now) {
            bindings.values().removeIf(b -> b[2] <= now);
        }

        @SuppressWarnings("unchecked")
        boolean active(int fid) {
            return ((List<Integer>) flows.get(fid)[2]).stream().anyMatch(bindings::containsKey);
        }

        private int rank(int bid) {
            int p = bindings.get(bid)[1];
            return (p == 0 ? 128 : p) << 17 | bid + 1;
        }

        /** The BID a packet goes to, -2 for none. */
        @SuppressWarnings("unchecked")
        int select(Packet p) {
            List<Integer> order = new ArrayList<>(flows.keySet());
            order.sort(Comparator.comparingInt(fid -> (int) flows.get(fid)[0]));
            for (int fid : order) {
                Object[] f = flows.get(fid);
                if (active(fid) && p.matches(SELECTORS.get((int) f[1]))) {
                    return ((List<Integer>) f[2]).stream().filter(bindings::containsKey)
                            .min(Comparator.comparingInt(this::rank)).orElseThrow();
                }
            }
            return bindings.keySet().stream().min(Comparator.comparingInt(this::rank)).orElse(-2);
        }
    }

    static final class World {
        final BindingTable table = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).build();
        final Model model = new Model();
        int sequence = 40000;
        long now = 0;

        void send(Update u) {
            sequence = (sequence + u.sequenceDelta) & 0xFFFF;
            MobilityHeader ba = table.apply(u.header(sequence), SOURCE, now);
            List<List<Integer>> expected = model.apply(u, sequence, now);
            MobilityMessage.BindingAcknowledgement ack = (MobilityMessage.BindingAcknowledgement) ba.message();
            assertThat(List.of(ack.status(), ack.sequence())).as("status and sequence of the answer to %s", u)
                    .isEqualTo(expected.get(0));
            assertThat(ba.options().stream().filter(o -> o instanceof MobilityOption.BindingIdentifier)
                    .map(o -> ((MobilityOption.BindingIdentifier) o).status()).toList()).as("BID statuses")
                    .isEqualTo(expected.get(1));
            List<Integer> flows = new ArrayList<>();
            ba.options().stream().filter(o -> o instanceof MobilityOption.FlowIdentification)
                    .map(o -> (MobilityOption.FlowIdentification) o).forEach(f -> {
                        flows.add(f.flowId());
                        flows.add(f.status());
                    });
            assertThat(flows).as("FID statuses").isEqualTo(expected.get(2));
        }

        void check() {
            Map<Integer, List<Object>> bindings = new LinkedHashMap<>();
            for (BindingTable.Binding b : table.bindings()) {
                bindings.put(b.bindingId(), List.of(b.ipv6CareOfAddress().orElseThrow(), b.priority()));
            }
            Map<Integer, List<Object>> expected = new LinkedHashMap<>();
            model.bindings.forEach((bid, v) -> expected.put(bid, List.of(v[0] < 0 ? SOURCE : COAS.get(v[0]), v[1])));
            assertThat(bindings).as("bindings").isEqualTo(expected);
            Map<Integer, List<Object>> flows = new LinkedHashMap<>();
            for (BindingTable.FlowBinding f : table.flowBindings()) {
                flows.put(f.flowId(), List.of(f.priority(), f.selector(), f.bindingIds(), table.active(f.flowId())));
            }
            Map<Integer, List<Object>> expectedFlows = new LinkedHashMap<>();
            model.flows.forEach((fid, v) -> expectedFlows.put(fid, List.of(v[0], SELECTORS.get((int) v[1]), v[2],
                    model.active(fid))));
            assertThat(flows).as("flow bindings").isEqualTo(expectedFlows);
            BindingTable.Snapshot s = table.snapshot();
            for (Packet p : PACKETS) {
                int slot = s.select(p.bytes(), 0, p.bytes().limit());
                int bid = slot == BindingTable.Snapshot.NONE ? -2 : s.bindingId(slot);
                assertThat(bid).as("the binding of %s", p).isEqualTo(model.select(p));
            }
        }
    }

    static Arbitrary<Bid> bids() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(-1, 2),
                Arbitraries.integers().between(0, 3)).as(Bid::new);
    }

    static Arbitrary<Flow> flows() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5),
                Arbitraries.frequency(List.of(net.jqwik.api.Tuple.of(2, -1), net.jqwik.api.Tuple.of(1, 99),
                        net.jqwik.api.Tuple.of(2, 0), net.jqwik.api.Tuple.of(2, 1), net.jqwik.api.Tuple.of(1, 2),
                        net.jqwik.api.Tuple.of(2, 3), net.jqwik.api.Tuple.of(2, 4))),
                Arbitraries.integers().between(0, 4).list().ofMaxSize(2)).as(Flow::new);
    }

    static Arbitrary<Update> updates() {
        return Combinators.combine(
                Arbitraries.frequency(List.of(net.jqwik.api.Tuple.of(12, 1), net.jqwik.api.Tuple.of(1, 0),
                        net.jqwik.api.Tuple.of(1, 0x8000), net.jqwik.api.Tuple.of(1, 60000))),
                Arbitraries.integers().between(0, 5).map(n -> n == 0), Arbitraries.integers().between(0, 5).map(n -> n == 0),
                bids().list().ofMaxSize(3), flows().list().ofMaxSize(3), Arbitraries.integers().between(0, 5).list().ofMaxSize(2))
                .as(Update::new);
    }

    static class Send implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return updates().map(u -> Transformer.mutate("send " + u, w -> w.send(u)));
        }
    }

    static class Expire implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.integers().between(0, 700).map(d -> Transformer.mutate("advance " + d + " and expire", w -> {
                w.now += d;
                w.table.expire(w.now);
                w.model.expire(w.now);
            }));
        }
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(World::new).withAction(8, new Send()).withAction(1, new Expire()).withMaxTransformations(25);
    }

    @Property(tries = 300)
    void shouldAgreeWithTheModel(@ForAll("chains") ActionChain<World> chain) {
        chain.withInvariant("table and model agree", World::check).run();
    }
}
