package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.mpls.OpsPackets.concat;
import static org.tunnelcodec.mpls.OpsPackets.copy;
import static org.tunnelcodec.mpls.OpsPackets.ipv4;
import static org.tunnelcodec.mpls.OpsPackets.ipv6;
import static org.tunnelcodec.mpls.OpsPackets.withRoom;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.mpls.MplsLabelOps.Result;

/**
 * Push, swap and pop against the decoder: what the label operations write is what
 * {@link MplsDecoder} and {@link MplsView} read back (E1, E2, E4, E6), the packet under the
 * stack is untouched, and hostile ranges either work or throw the documented exception with
 * the buffer left as it was.
 */
class MplsOpsPropertyTest {
    /** A label and its TC. */
    record Label(int label, int trafficClass) {
    }

    /** An unlabelled packet and what it is. */
    record Packet(byte[] bytes, MplsPayloadType type, int ttl) {
    }

    @Provide
    Arbitrary<Label> labels() {
        Arbitrary<Integer> value = Arbitraries.oneOf(Arbitraries.integers().between(0, 20),
                        Arbitraries.integers().between(16, MplsLayout.MAX_LABEL))
                .filter(l -> l != 3 && l != 7 && l != 15); // E3
        return Combinators.combine(value, Arbitraries.integers().between(0, 7)).as(Label::new);
    }

    @Provide
    Arbitrary<Label> forwardingLabels() {
        return Combinators.combine(Arbitraries.integers().between(16, MplsLayout.MAX_LABEL),
                Arbitraries.integers().between(0, 7)).as(Label::new);
    }

    @Provide
    Arbitrary<MplsTtlModel> models() {
        return Arbitraries.oneOf(Arbitraries.just(MplsTtlModel.uniform()),
                Arbitraries.integers().between(1, 255).map(MplsTtlModel::pipe));
    }

    @Provide
    Arbitrary<Packet> packets() {
        Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<Integer> ttl = Arbitraries.integers().between(0, 255);
        Arbitrary<Packet> v4 = Combinators.combine(ttl, payload).as((t, p) -> new Packet(ipv4(t, p), MplsPayloadType.IPV4, t));
        Arbitrary<Packet> v6 = Combinators.combine(ttl, payload).as((t, p) -> new Packet(ipv6(t, p), MplsPayloadType.IPV6, t));
        Arbitrary<Packet> raw = payload.map(p -> new Packet(p, MplsPayloadType.RAW, MplsTtlModel.MAX_TTL));
        Arbitrary<Packet> pw = payload.map(p -> new Packet(concat(new byte[4], p), MplsPayloadType.PW_ETHERNET_CONTROL_WORD,
                MplsTtlModel.MAX_TTL));
        return Arbitraries.oneOf(v4, v6, raw, pw);
    }

    private static MplsPush push(MplsTtlModel model, List<Label> labels, int entropyAfter) {
        MplsPush.Builder b = MplsPush.builder(model);
        labels.forEach(l -> b.label(l.label(), l.trafficClass()));
        if (entropyAfter > 0) {
            b.entropyLabelAfter(Math.min(entropyAfter, labels.size()));
        }
        return b.build();
    }

    @Property
    void pushThenDecodeGivesTheLabelsTcsTtlsAndThePacket(@ForAll @Size(min = 1, max = 30) List<@From("labels") Label> labels,
            @ForAll("models") MplsTtlModel model, @ForAll @IntRange(max = 30) int entropyAfter,
            @ForAll("packets") Packet packet, @ForAll @IntRange(max = 8) int extraHeadroom,
            @ForAll @IntRange(max = 8) int tailroom) {
        MplsPush push = push(model, labels, entropyAfter);
        int index = push.length() + extraHeadroom;
        ByteBuffer buf = withRoom(index, packet.bytes(), tailroom);
        int end = index + packet.bytes().length;
        byte[] before = copy(buf);

        int start = push.push(buf, index, end, packet.type());

        assertThat(start).isEqualTo(index - push.length());
        MplsView view = new MplsView().wrap(buf, start, end);
        MplsHeader h = MplsDecoder.decode(buf, start, end).header();
        assertThat(view.depth()).isEqualTo(push.depth()).isEqualTo(h.depth()); // E2: S=1 first seen on the last entry
        int ttl = model.pushedTtl(packet.ttl());
        int el = push.entropyLabelIndex();
        int next = 0;
        for (int i = 0; i < h.depth(); i++) {
            LabelStackEntry e = h.entries().get(i);
            assertThat(MplsLayout.bottom(view.word(i))).isEqualTo(i == h.depth() - 1);
            if (i == el) { // E4, RFC 6790 §4: EL >= 16, TTL 0
                assertThat(e.label()).isEqualTo(MplsPush.entropyLabel(
                        MplsPush.flowHash(buf, index, end, packet.type())));
                assertThat(e.label()).isGreaterThanOrEqualTo(16);
                assertThat(e.ttl()).isZero();
            } else if (i == el - 1) { // the ELI, with its LSP label's TC and TTL
                assertThat(e).isEqualTo(new LabelStackEntry(7, labels.get(next - 1).trafficClass(), ttl));
            } else { // E1, E6: the labels in order, their TCs, one TTL by model
                Label l = labels.get(next++);
                assertThat(e).isEqualTo(new LabelStackEntry(l.label(), l.trafficClass(), ttl));
            }
        }
        byte[] after = copy(buf);
        System.arraycopy(before, start, after, start, push.length());
        assertThat(after).isEqualTo(before); // the packet, the rest of the headroom and the tail untouched
    }

    @Property
    void pushOntoAStackClearsBottomOfStackAndTakesTheTopTtl(@ForAll @Size(min = 1, max = 4) List<@From("labels") Label> labels,
            @ForAll("models") MplsTtlModel model, @ForAll @Size(min = 1, max = 3) List<@From("forwardingLabels") Label> old,
            @ForAll @IntRange(max = 255) int oldTtl) {
        byte[] stack = new byte[0];
        for (int i = 0; i < old.size(); i++) {
            stack = concat(stack, OpsPackets.entry(old.get(i).label(), old.get(i).trafficClass(), i == old.size() - 1, oldTtl));
        }
        byte[] packet = concat(stack, ipv4(64, new byte[0]));
        MplsPush push = push(model, labels, 0);
        ByteBuffer buf = withRoom(push.length(), packet, 0);

        int start = push.pushOntoStack(buf, push.length(), buf.limit());

        MplsHeader h = MplsDecoder.decode(buf, start, buf.limit()).header();
        assertThat(h.depth()).isEqualTo(labels.size() + old.size());
        for (int i = 0; i < labels.size(); i++) {
            assertThat(h.entries().get(i)).isEqualTo(new LabelStackEntry(labels.get(i).label(), labels.get(i).trafficClass(),
                    model.pushedTtl(oldTtl)));
        }
        byte[] rest = new byte[packet.length];
        buf.get(push.length(), rest);
        assertThat(rest).isEqualTo(packet);
    }

    @Property
    void swapDecrementsTheTtlOrReportsExpiry(@ForAll @Size(min = 1, max = 4) List<@From("forwardingLabels") Label> stack,
            @ForAll @IntRange(max = 255) int ttl, @ForAll("forwardingLabels") Label out) {
        ByteBuffer buf = ByteBuffer.wrap(stackOver(stack, ttl, ipv4(64, new byte[0])));
        byte[] before = copy(buf);

        Result r = MplsLabelOps.swap(buf, 0, buf.limit(), out.label());

        if (ttl <= 1) { // RFC 3032 §2.4.2
            assertThat(r).isEqualTo(Result.TTL_EXPIRED);
            assertThat(copy(buf)).isEqualTo(before);
            return;
        }
        assertThat(r).isEqualTo(Result.LABELLED);
        MplsHeader h = MplsDecoder.decode(buf, 0, buf.limit()).header();
        assertThat(h.top()).isEqualTo(new LabelStackEntry(out.label(), stack.get(0).trafficClass(), ttl - 1));
        assertThat(h.depth()).isEqualTo(stack.size());
        byte[] after = copy(buf);
        assertThat(Arrays.copyOfRange(after, 4, after.length)).isEqualTo(Arrays.copyOfRange(before, 4, before.length));
    }

    @Property
    void pushThenPopEveryEntryGivesThePacketBackWithItsTtlByModel(
            @ForAll @Size(min = 1, max = 8) List<@From("forwardingLabels") Label> labels, @ForAll("models") MplsTtlModel model,
            @ForAll @IntRange(max = 8) int entropyAfter, @ForAll @IntRange(max = 255) int ipTtl,
            @ForAll @Size(max = 16) List<Byte> payload) {
        byte[] data = new byte[payload.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = payload.get(i);
        }
        byte[] ip = ipv4(ipTtl, data);
        MplsPush push = push(model, labels, entropyAfter);
        ByteBuffer buf = withRoom(push.length(), ip, 3);
        int end = push.length() + ip.length;
        int at = push.push(buf, push.length(), end, MplsPayloadType.IPV4);
        int labelTtl = model.pushedTtl(ipTtl);

        List<Result> results = new ArrayList<>();
        Result r;
        int popped = 0;
        do {
            boolean eli = MplsDecoder.topLabel(buf, at) == 7; // RFC 6790 §4.1: ELI and EL go together
            r = eli ? MplsLabelOps.popEntropyLabel(buf, at, end, model, MplsBindings.NONE)
                    : MplsLabelOps.pop(buf, at, end, model, MplsBindings.NONE);
            results.add(r);
            if (r.done()) {
                at += eli ? 8 : 4;
                popped += eli ? 0 : 1;
            }
        } while (r == Result.LABELLED);

        int depth = labels.size(); // pops that decrement: the entropy pair's does not (RFC 6790 §4.1)
        // uniform: entry k arrives with TTL labelTtl - k; pipe: every entry keeps the constant
        int expiredAt = model.propagates() ? Math.max(0, labelTtl - 1) : labelTtl <= 1 ? 0 : Integer.MAX_VALUE;
        if (expiredAt < depth) {
            assertThat(r).isEqualTo(Result.TTL_EXPIRED);
            assertThat(popped).isEqualTo(expiredAt);
            return;
        }
        assertThat(r).isEqualTo(Result.IPV4);
        assertThat(popped).isEqualTo(depth);
        assertThat(at).isEqualTo(push.length());
        int expectedTtl = model.propagates() ? labelTtl - depth : ipTtl; // RFC 3443 §3.1 / §3.2
        assertThat(buf.get(at + 8) & 0xFF).isEqualTo(expectedTtl);
        assertThat(Ipv4Decoder.verifyChecksum(buf, at)).isTrue(); // RFC 1624 update keeps it valid
        byte[] rest = new byte[ip.length];
        buf.get(at, rest);
        byte[] expected = model.propagates() ? ipv4(expectedTtl, data) : ip;
        assertThat(rest).isEqualTo(expected);
    }

    @Property
    void hostileRangesEitherWorkOrThrowTheDocumentedExceptionAndWriteNothing(
            @ForAll @Size(max = 48) List<Byte> content, @ForAll @IntRange(min = -8, max = 56) int index,
            @ForAll @IntRange(min = -8, max = 56) int end, @ForAll @IntRange(max = 3) int operation,
            @ForAll("models") MplsTtlModel model, @ForAll("forwardingLabels") Label label) {
        byte[] bytes = new byte[content.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = content.get(i);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte[] before = bytes.clone();
        MplsPush push = MplsPush.builder(model).label(label.label()).label(100).entropyLabelAfter(1).build();
        int writtenFrom;
        int writtenTo;
        try {
            switch (operation) {
                case 0 -> {
                    writtenFrom = push.push(buf, index, end, MplsPayloadType.IPV4);
                    writtenTo = index;
                }
                case 1 -> {
                    writtenFrom = push.pushOntoStack(buf, index, end);
                    writtenTo = index;
                }
                case 2 -> {
                    MplsLabelOps.swap(buf, index, end, label.label());
                    writtenFrom = index;
                    writtenTo = end;
                }
                default -> {
                    MplsLabelOps.pop(buf, index, end, model, MplsBindings.NONE);
                    writtenFrom = index;
                    writtenTo = end;
                }
            }
        } catch (IndexOutOfBoundsException | MalformedPacketException e) {
            assertThat(bytes).isEqualTo(before);
            return;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (i < writtenFrom || i >= writtenTo) {
                assertThat(bytes[i]).as("octet %d outside the written range", i).isEqualTo(before[i]);
            }
        }
    }

    private static byte[] stackOver(List<Label> stack, int ttl, byte[] payload) {
        byte[] out = new byte[0];
        for (int i = 0; i < stack.size(); i++) {
            out = concat(out, OpsPackets.entry(stack.get(i).label(), stack.get(i).trafficClass(), i == stack.size() - 1, ttl));
        }
        return concat(out, payload);
    }
}
