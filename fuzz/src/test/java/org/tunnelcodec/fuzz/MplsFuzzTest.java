package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.fuzz.Contract.Accepted;
import org.tunnelcodec.mpls.AchDecoder;
import org.tunnelcodec.mpls.AchHeader;
import org.tunnelcodec.mpls.ControlWord;
import org.tunnelcodec.mpls.ControlWordDecoder;
import org.tunnelcodec.mpls.LabelStackEntry;
import org.tunnelcodec.mpls.MplsBindings;
import org.tunnelcodec.mpls.MplsDecoder;
import org.tunnelcodec.mpls.MplsHeader;
import org.tunnelcodec.mpls.MplsLabel;
import org.tunnelcodec.mpls.MplsLabelOps;
import org.tunnelcodec.mpls.MplsPayload;
import org.tunnelcodec.mpls.MplsPayloadType;
import org.tunnelcodec.mpls.MplsPolicy;
import org.tunnelcodec.mpls.MplsPush;
import org.tunnelcodec.mpls.MplsTtlModel;
import org.tunnelcodec.mpls.MplsView;

/**
 * Fuzz tests of the MPLS module: the label stack decoder, {@link MplsView} and the stack peeks,
 * the control word and ACH decoders with their peeks, payload identification and the receive
 * policy, and the label operations ({@link MplsLabelOps}, {@link MplsPush}) on arbitrary bytes
 * and ranges. Each decoder input is the bytes of one header and what follows it; the label
 * operations take a few parameter octets first (see {@link #labelOps} and {@link #push}).
 */
class MplsFuzzTest {
    /** One view for every input, reused as a data path reuses it. */
    private static final MplsView VIEW = new MplsView();

    /** The payload types a label may be bound to: every type but NONE. */
    private static final MplsPayloadType[] BOUND_TYPES = {MplsPayloadType.IPV4, MplsPayloadType.IPV6,
            MplsPayloadType.PW_ETHERNET, MplsPayloadType.PW_ETHERNET_CONTROL_WORD, MplsPayloadType.CONTROL_WORD,
            MplsPayloadType.ACH, MplsPayloadType.RAW};

    /** The parameter octets before the packet in {@link #labelOps}'s input. */
    static final int OPS_PARAMETERS = 6;
    /** The parameter octets before the packet in {@link #push}'s input. */
    static final int PUSH_PARAMETERS = 8;
    /** Octets before the packet's place in the buffer of a label operation: room for any push here. */
    private static final int HEADROOM = 64;

    @FuzzTest
    void mpls(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.MPLS, Decoders.MPLS_AT);
        Object depth = Scans.agree(data, decoded, Decoders.MPLS_SCAN);
        if (decoded instanceof Accepted a) {
            MplsHeader h = (MplsHeader) a.header();
            check(depth.equals(h.depth()) && a.headerLength() == h.length()
                    && a.payloadLength() == data.length - a.headerLength(), "MplsDecoder.scan disagrees with decode",
                    data, depth + " vs " + a);
        }
    }

    /**
     * The view agrees with the decoder, field for field, and is left empty by a failed wrap; with a
     * depth bound taken from the input, the bounded decode, wrap and scan agree too.
     */
    @FuzzTest
    void mplsView(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(Decoders.MPLS_AT.decode(src, src.position(),
                src.limit()), src.position()));
        Object wrapped = Contract.outcome(data, src -> wrapped(data, src,
                () -> VIEW.wrap(src, src.position(), src.limit())));
        Object wrappedAtPosition = Contract.outcome(data, src -> wrapped(data, src, () -> VIEW.wrap(src)));
        check(wrapped.equals(wrappedAtPosition), "MplsView.wrap(src) disagrees with wrap(src, index, limit)", data,
                wrapped + " vs " + wrappedAtPosition);
        check(wrapped.equals(decoded), "MplsView disagrees with MplsDecoder", data, wrapped + " vs " + decoded);

        int maxDepth = 1 + data.length % 40;
        Object bounded = Contract.outcome(data, src -> Accepted.of(MplsDecoder.decode(src, src.position(),
                src.limit(), maxDepth), src.position()));
        Object boundedView = Contract.outcome(data, src -> wrapped(data, src,
                () -> VIEW.wrap(src, src.position(), src.limit(), maxDepth)));
        check(boundedView.equals(bounded), "MplsView disagrees with MplsDecoder at depth bound " + maxDepth, data,
                boundedView + " vs " + bounded);
        Object depth = Scans.agree(data, bounded, src -> MplsDecoder.scan(src, src.position(), src.limit(), maxDepth));
        if (bounded instanceof Accepted a) {
            check(depth.equals(((MplsHeader) a.header()).depth()), "MplsDecoder.scan disagrees with decode at depth"
                    + " bound " + maxDepth, data, depth + " vs " + a);
        }
    }

    /** What the view shows after a wrap, as the decoder's outcome; a failed wrap must leave it empty. */
    private static Accepted wrapped(byte[] data, ByteBuffer src, Supplier<MplsView> wrap) {
        MplsView v;
        try {
            v = wrap.get();
        } catch (MalformedPacketException e) {
            check(!isWrapped(VIEW), "a failed wrap leaves the view wrapped", data, "");
            throw e;
        }
        check(v == VIEW, "wrap returned another view", data, "");
        return view(data, v, src);
    }

    private static boolean isWrapped(MplsView v) {
        try {
            v.depth();
            return true;
        } catch (IllegalStateException expected) {
            return false;
        }
    }

    /** Every accessor of the view must agree with {@code toHeader} and with the wire words. */
    private static Accepted view(byte[] data, MplsView v, ByteBuffer src) {
        int start = src.position();
        MplsHeader h = v.toHeader();
        boolean agree = v.depth() == h.depth() && v.headerLength() == h.length() && v.index() == start
                && v.payloadIndex() == start + h.length() && v.buffer() == src && v.topLabel() == h.top().label()
                && v.bottomLabel() == h.bottom().label() && v.entropyLabelIndex() == h.entropyLabelIndex();
        for (int i = 0; agree && i < h.depth(); i++) {
            LabelStackEntry e = h.entries().get(i);
            int word = be32(data, 4 * i);
            boolean bottom = i == h.depth() - 1;
            agree = v.word(i) == word && h.word(i) == word && v.label(i) == e.label()
                    && v.trafficClass(i) == e.trafficClass() && v.ttl(i) == e.ttl() && ((word & 0x100) != 0) == bottom;
        }
        check(agree, "MplsView accessors disagree with toHeader or the wire", data, v + " vs " + h);
        return new Accepted(h, v.headerLength(), v.payloadIndex() - start, v.payloadLength());
    }

    /**
     * The static peeks of {@link MplsDecoder}: {@code depth} and {@code bottomOfStack} make the
     * decoder's checks and refuse what it refuses with the same message; {@code topWord} and
     * {@code topLabel} read the top entry alone, and refuse only fewer than 4 octets, as decode does.
     */
    @FuzzTest
    void mplsPeeks(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(MplsDecoder.decode(src), src.position()));
        Object depth = Scans.agree(data, decoded, src -> MplsDecoder.depth(src, src.position()));
        Object bottom = Scans.agree(data, decoded,
                src -> MplsDecoder.bottomOfStack(src, src.position()) - src.position());
        Object word = Contract.outcome(data, src -> MplsDecoder.topWord(src, src.position()));
        Object label = Contract.outcome(data, src -> MplsDecoder.topLabel(src, src.position()));
        if (data.length < 4) {
            check(word.equals(decoded) && label.equals(decoded), "a top peek refuses a short stack otherwise than decode",
                    data, word + " / " + label + " vs " + decoded);
        } else {
            int w = be32(data, 0);
            check(word.equals(w) && label.equals(w >>> 12), "the top peeks disagree with the top entry", data,
                    word + " / " + label);
        }
        if (decoded instanceof Accepted a) {
            MplsHeader h = (MplsHeader) a.header();
            check(depth.equals(h.depth()) && bottom.equals(a.headerLength() - 4) && word.equals(h.word(0))
                    && label.equals(h.top().label()), "MplsDecoder peeks disagree with decode", data,
                    List.of(depth, bottom, word, label) + " vs " + h);
        }
    }

    @FuzzTest
    void controlWord(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.CONTROL_WORD, Decoders.CONTROL_WORD_AT);
        Object checked = Scans.agree(data, decoded, Decoders.CONTROL_WORD_CHECKED);
        Object sequence = Contract.outcome(data, src -> ControlWordDecoder.sequenceNumber(src, src.position()));
        if (decoded instanceof Accepted a) {
            ControlWord cw = (ControlWord) a.header();
            int payload = cw.length() == 0 ? data.length - ControlWord.LENGTH : cw.length() - ControlWord.LENGTH;
            check(checked.equals((long) a.headerLength() << 32 | a.payloadLength()) && a.payloadLength() == payload,
                    "ControlWordDecoder.checked disagrees with decode", data, checked + " vs " + a);
            check(sequence.equals(cw.sequenceNumber()), "ControlWordDecoder.sequenceNumber disagrees with decode", data,
                    sequence + " vs " + cw);
        } else if (data.length < ControlWord.LENGTH) {
            check(sequence.equals(decoded), "the Sequence Number peek refuses a short control word otherwise than decode",
                    data, sequence + " vs " + decoded);
        } else {
            check(sequence.equals(be32(data, 0) & 0xFFFF), "the Sequence Number peek does not read octets 2-3", data,
                    sequence.toString());
        }
    }

    @FuzzTest
    void ach(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.ACH, Decoders.ACH_AT);
        Object checked = Scans.agree(data, decoded, Decoders.ACH_CHECKED);
        Object channel = Contract.outcome(data, src -> AchDecoder.channelType(src, src.position()));
        if (decoded instanceof Accepted a) {
            AchHeader h = (AchHeader) a.header();
            check(checked.equals((long) a.headerLength() << 32 | a.payloadLength())
                    && a.payloadLength() == data.length - AchHeader.LENGTH, "AchDecoder.checked disagrees with decode",
                    data, checked + " vs " + a);
            check(channel.equals(h.channelType().value()), "AchDecoder.channelType disagrees with decode", data,
                    channel + " vs " + h);
        } else if (data.length < AchHeader.LENGTH) {
            check(channel.equals(decoded), "the Channel Type peek refuses a short header otherwise than decode", data,
                    channel + " vs " + decoded);
        } else {
            check(channel.equals(be32(data, 0) & 0xFFFF), "the Channel Type peek does not read octets 2-3", data,
                    channel.toString());
        }
    }

    /**
     * Payload identification and the receive policy on every stack that decodes: they never
     * throw (but {@link MplsPolicy#check}, by design), and give the same answers for the
     * {@link MplsHeader}, the {@link MplsView} of the same bytes and the buffer-reading
     * {@link MplsBindings#identify(ByteBuffer, int, int, int)}; with no bindings and with every
     * unreserved label of the stack bound (to a type chosen by the label and its TTL). Each answer
     * is one its rule can give.
     */
    @FuzzTest
    void identify(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(MplsDecoder.decode(src), src.position()));
        if (!(decoded instanceof Accepted a)) {
            return;
        }
        MplsHeader h = (MplsHeader) a.header();
        List<MplsBindings> all = List.of(MplsBindings.NONE, bindingsOf(h));
        Object answers = Contract.outcome(data, src -> {
            List<Object> out = new ArrayList<>();
            int start = src.position();
            int payloadIndex = start + a.headerLength();
            MplsView v = VIEW.wrap(src);
            for (MplsBindings b : all) {
                MplsPayload byHeader = b.identify(h, src, payloadIndex, src.limit());
                List<MplsPayload> others = List.of(b.identify(v, src, payloadIndex, src.limit()),
                        b.identify(src, start, h.depth(), src.limit()), v.payload(b));
                check(others.stream().allMatch(byHeader::equals), "identify disagrees between the record, the view and"
                        + " the buffer", data, byHeader + " vs " + others + " with " + b);
                payloadRule(data, h, b, byHeader, a.payloadLength());
                out.add(byHeader);
            }
            for (MplsPolicy p : MplsPolicy.values()) {
                out.add(policy(data, p, h, v));
            }
            return out;
        });
        check(answers instanceof List, "identify or a policy threw for a stack that decodes", data, answers.toString());
    }

    /** Binds every unreserved label of the stack, to a type chosen by the label and its TTL. */
    private static MplsBindings bindingsOf(MplsHeader h) {
        MplsBindings.Builder b = MplsBindings.builder();
        for (int i = 0; i < h.depth(); i++) {
            int label = h.label(i);
            if (label >= MplsLabel.FIRST_UNRESERVED) {
                b.bind(label, BOUND_TYPES[(label + h.ttl(i)) % BOUND_TYPES.length]);
            }
        }
        return b.build();
    }

    /** The answer is one its rule can give. */
    private static void payloadRule(byte[] data, MplsHeader h, MplsBindings b, MplsPayload p, int payloadLength) {
        int bottom = h.bottom().label();
        boolean possible = switch (p.rule()) {
            case BINDING -> h.entries().stream().anyMatch(e -> b.lookup(e.label()) == p.type());
            case EXPLICIT_NULL -> bottom == 0 && p.type() == MplsPayloadType.IPV4
                    || bottom == 2 && p.type() == MplsPayloadType.IPV6;
            case GAL -> bottom == MplsLabel.GAL.value() && p.type() == MplsPayloadType.ACH;
            case FIRST_NIBBLE -> payloadLength > 0 && p.type() == switch ((data[h.length()] & 0xFF) >>> 4) {
                case 4 -> MplsPayloadType.IPV4;
                case 6 -> MplsPayloadType.IPV6;
                case 0 -> MplsPayloadType.PW_ETHERNET_CONTROL_WORD;
                case 1 -> MplsPayloadType.ACH;
                default -> null;
            };
            case NONE -> p.type() == (payloadLength == 0 ? MplsPayloadType.NONE : MplsPayloadType.RAW);
        };
        check(possible && (b.size() > 0 || p.rule() != org.tunnelcodec.mpls.MplsPayloadRule.BINDING),
                "identify gave an answer its rule cannot give", data, p + " for " + h + " with " + b);
    }

    /** The policy's answers for the record and the view; {@code check} throws exactly when an entry is refused. */
    private static Object policy(byte[] data, MplsPolicy p, MplsHeader h, MplsView v) {
        int at = p.firstViolation(h);
        check(at == p.firstViolation(v) && p.accepts(h) == (at < 0) && p.accepts(v) == (at < 0)
                && (p == MplsPolicy.STRICT || at < 0) && at >= -1 && at < h.depth(),
                "MplsPolicy.firstViolation disagrees between the record and the view, or with accepts", data,
                p + " " + at + " vs " + p.firstViolation(v));
        MalformedPacketException byHeader = refusal(() -> p.check(h));
        MalformedPacketException byView = refusal(() -> p.check(v));
        check((byHeader == null) == (at < 0) && (byView == null) == (at < 0), "MplsPolicy.check disagrees with"
                + " firstViolation", data, p + " " + at + " " + byHeader);
        if (byHeader != null) {
            check(byHeader.getMessage().equals(byView.getMessage()) && byHeader.offset() == 4L * at
                    && byHeader.reason() == MalformedPacketException.Reason.BAD_VALUE
                    && byHeader.field().equals("Label") && byHeader.value() == h.label(at),
                    "MplsPolicy.check refuses otherwise than firstViolation says", data,
                    byHeader.getMessage() + " vs " + byView.getMessage() + " at " + at);
        }
        return at;
    }

    private static MalformedPacketException refusal(Runnable r) {
        try {
            r.run();
            return null;
        } catch (MalformedPacketException e) {
            return e;
        }
    }

    /**
     * {@link MplsLabelOps#swap}, {@link MplsLabelOps#pop} and {@link MplsLabelOps#popEntropyLabel}
     * on a range derived from the input. The input is six parameter octets, then the packet:
     * <ol start="0">
     *   <li>bits 0-1 the operation (0 and 3 swap, 1 pop, 2 popEntropyLabel); bit 2 a pipe model
     *       (else uniform); bit 3 binds the label of octets 3-5 to the type of bits 4-7;</li>
     *   <li>the index, as a signed offset from the packet's place (see {@link Range});</li>
     *   <li>the end and the limit (see {@link Range});</li>
     *   <li>3-5: a 21-bit label: swap's new label (out of range from 1048576 on), or the bound label.</li>
     * </ol>
     * Each operation runs in a heap buffer (big-endian, zeros outside the range) and a direct one
     * (little-endian, 0xFF outside the range): results and writes must be equal, and each throws
     * only its documented exceptions (an {@link IndexOutOfBoundsException} exactly when the range
     * is not within the limit), writes nothing outside the range and nothing at all when it
     * throws or reports an expired TTL, and writes what it documents. A read-only buffer gets
     * {@link ReadOnlyBufferException} once the range is checked.
     */
    @FuzzTest
    void labelOps(byte[] data) {
        if (data.length < OPS_PARAMETERS) {
            return;
        }
        int flags = data[0] & 0xFF;
        int op = (flags & 3) % 3;
        MplsTtlModel model = (flags & 4) != 0 ? MplsTtlModel.pipe(MplsTtlModel.MAX_TTL) : MplsTtlModel.uniform();
        int label = ((data[3] & 0xFF) << 16 | (data[4] & 0xFF) << 8 | data[5] & 0xFF) & 0x1FFFFF;
        MplsBindings bindings = (flags & 8) != 0 && label >= MplsLabel.FIRST_UNRESERVED && label <= MplsLabel.MAX_VALUE
                ? MplsBindings.builder().bind(label, BOUND_TYPES[(flags >>> 4) % BOUND_TYPES.length]).build()
                : MplsBindings.NONE;
        byte[] packet = Arrays.copyOfRange(data, OPS_PARAMETERS, data.length);
        Range r = Range.of(packet.length, data[1], data[2]);
        Op operation = switch (op) {
            case 0 -> b -> MplsLabelOps.swap(b, r.index(), r.end(), label);
            case 1 -> b -> MplsLabelOps.pop(b, r.index(), r.end(), model, bindings);
            default -> b -> MplsLabelOps.popEntropyLabel(b, r.index(), r.end(), model, bindings);
        };
        Ran ran = runEverywhere(data, packet, r, operation, op == 0 && !pushable(label));
        Object outcome = ran.outcome();
        if (!r.valid()) {
            check(isThrown(outcome, IndexOutOfBoundsException.class) || op == 0 && isThrown(outcome,
                    IllegalArgumentException.class), "a label operation accepted a range outside the limit", data,
                    r + " " + outcome);
            return;
        }
        check(!isThrown(outcome, IndexOutOfBoundsException.class), "a label operation threw "
                + "IndexOutOfBoundsException for a range within the limit", data, r + " " + outcome);
        int length = r.end() - r.index();
        int top = length >= 4 ? be32(ran.before(), r.index()) : 0;
        if (op == 0) {
            check(isThrown(outcome, IllegalArgumentException.class) == !pushable(label),
                    "swap refuses a label otherwise than documented", data, label + " " + outcome);
        } else if (op == 2 && length >= 4) {
            check(isThrown(outcome, IllegalArgumentException.class) == (top >>> 12 != MplsLabel.ENTROPY_LABEL_INDICATOR
                    .value()), "popEntropyLabel refuses a top entry otherwise than documented", data, outcome.toString());
        } else {
            check(!isThrown(outcome, IllegalArgumentException.class), "pop threw IllegalArgumentException", data,
                    outcome.toString());
        }
        if (length < 4) {
            check(isThrown(outcome, MalformedPacketException.class) || isThrown(outcome, IllegalArgumentException.class),
                    "a label operation accepted a range shorter than an entry", data, outcome.toString());
        }
        if (!(outcome instanceof MplsLabelOps.Result result)) {
            return;
        }
        List<Integer> changed = changed(ran.before(), ran.after());
        if (result == MplsLabelOps.Result.TTL_EXPIRED) {
            check(changed.isEmpty(), "a label operation wrote and reported an expired TTL", data, changed.toString());
        }
        switch (op) {
            case 0 -> swapped(data, ran, r, label, top, result, changed);
            case 1 -> popped(data, ran, r, model, bindings, 1, top & 0xFF, (top & 0xFF) <= 1, result, changed);
            default -> popped(data, ran, r, model, bindings, 2, top & 0xFF,
                    model.propagates() && (top & 0xFF) == 0, result, changed);
        }
    }

    private static void swapped(byte[] data, Ran ran, Range r, int label, int top, MplsLabelOps.Result result,
                                List<Integer> changed) {
        int ttl = top & 0xFF;
        check(result == (ttl <= 1 ? MplsLabelOps.Result.TTL_EXPIRED : MplsLabelOps.Result.LABELLED),
                "swap's result disagrees with the incoming TTL", data, result + " for TTL " + ttl);
        if (result == MplsLabelOps.Result.LABELLED) {
            int expected = label << 12 | top & 0xF00 | ttl - 1;
            check(be32(ran.after(), r.index()) == expected && within(changed, r.index(), r.index() + 4),
                    "swap wrote other than the new label, the TC and S kept and the TTL decremented", data,
                    Integer.toHexString(be32(ran.after(), r.index())) + " vs " + Integer.toHexString(expected));
        }
    }

    /**
     * A pop of {@code entries} entries (1, or the ELI and its EL): nothing written in the popped
     * entries; the result follows from S, the TTL and the payload's identification; a uniform
     * model writes the outgoing TTL into what it exposes, and only there; a pipe model nothing.
     */
    private static void popped(byte[] data, Ran ran, Range r, MplsTtlModel model, MplsBindings bindings, int entries,
                               int topTtl, boolean expired, MplsLabelOps.Result result, List<Integer> changed) {
        int next = r.index() + 4 * entries;
        boolean bottom = (be32(ran.before(), next - 4) & 0x100) != 0;
        int outgoing = entries == 1 ? topTtl - 1 : topTtl;
        check(result == MplsLabelOps.Result.TTL_EXPIRED == expired, "a pop's TTL expiry disagrees with the TTL", data,
                result + " for TTL " + topTtl + " " + model);
        check(!model.propagates() ? changed.isEmpty() : within(changed, next, r.end()),
                "a pop wrote outside what it exposes, or under a pipe model", data, changed + " " + model);
        if (expired) {
            return;
        }
        if (!bottom) {
            check(result == MplsLabelOps.Result.LABELLED && within(changed, next + 3, next + 4)
                    && (!model.propagates() || (ran.after()[next + 3] & 0xFF) == outgoing),
                    "a pop above the bottom did not leave the next entry with the outgoing TTL", data,
                    result + " " + changed);
            return;
        }
        ByteBuffer before = ByteBuffer.wrap(ran.before()).limit(r.limit());
        MplsPayloadType type = bindings.identify(before, r.index(), entries, r.end()).type();
        check(result == MplsLabelOps.Result.of(type), "a pop of the bottom reports another payload than identify",
                data, result + " vs " + type);
        if (!model.propagates()) {
            return;
        }
        if (type == MplsPayloadType.IPV4) {
            check(within(changed, next + 8, next + 12) && !changed.contains(next + 9)
                    && (ran.after()[next + 8] & 0xFF) == outgoing, "a uniform pop wrote other than the IPv4 TTL and"
                    + " checksum", data, changed.toString());
            int headerLength = (ran.before()[next] & 0x0F) * 4;
            if (headerLength >= 20 && headerLength <= r.end() - next
                    && InternetChecksum.verifies(before, next, headerLength, 0)) {
                check(InternetChecksum.verifies(ByteBuffer.wrap(ran.after()), next, headerLength, 0),
                        "a uniform pop broke a valid IPv4 Header Checksum (RFC 1624)", data, changed.toString());
            }
        } else if (type == MplsPayloadType.IPV6) {
            check(within(changed, next + 7, next + 8) && (ran.after()[next + 7] & 0xFF) == outgoing,
                    "a uniform pop wrote other than the IPv6 Hop Limit", data, changed.toString());
        } else {
            check(changed.isEmpty(), "a uniform pop wrote into a payload without a TTL", data, changed.toString());
        }
    }

    /**
     * {@link MplsPush#push} and {@link MplsPush#pushOntoStack} of a push built from the input, into
     * the headroom of a range derived from it. The input is eight parameter octets, then the packet:
     * <ol start="0">
     *   <li>bits 0-1 the method (0 push, 1 push with the flow hash of octets 4-7, 2 pushOntoStack,
     *       3 pushOntoStack with that hash); bits 2-4 the payload type (its ordinal); bit 5 a pipe
     *       model with the TTL 1 + octet 7 mod 255 (else uniform);</li>
     *   <li>bits 0-2 the number of labels less one; bits 3-5 how many stand above an entropy pair
     *       (0: none); bits 6-7 their TC;</li>
     *   <li>the index, as a signed offset from the packet's place (see {@link Range});</li>
     *   <li>the end and the limit (see {@link Range});</li>
     *   <li>4-7: the flow hash; its upper 20 bits are the first label, the others follow it.</li>
     * </ol>
     * The builder refuses exactly labels 3, 7 and 15 and an entropy pair below the last label.
     * Each push runs as the label operations do (see {@link #labelOps}); an
     * {@link IndexOutOfBoundsException} comes exactly from a range outside the limit or too little
     * headroom; a push writes only the headroom it returns, and what it wrote decodes back to
     * the labels, TTLs and entropy label it documents, above the packet's own stack for
     * {@code pushOntoStack}.
     */
    @FuzzTest
    void push(byte[] data) {
        if (data.length < PUSH_PARAMETERS) {
            return;
        }
        int flags = data[0] & 0xFF;
        int shape = data[1] & 0xFF;
        int method = flags & 3;
        MplsPayloadType payload = MplsPayloadType.values()[(flags >>> 2 & 7) % MplsPayloadType.values().length];
        MplsTtlModel model = (flags & 0x20) != 0 ? MplsTtlModel.pipe(1 + (data[7] & 0xFF) % MplsTtlModel.MAX_TTL)
                : MplsTtlModel.uniform();
        int hash = be32(data, 4);
        int count = 1 + (shape & 7);
        int entropyAfter = shape >>> 3 & 7;
        int tc = shape >>> 6;
        int[] labels = new int[count];
        boolean refused = entropyAfter > count;
        for (int i = 0; i < count; i++) {
            labels[i] = (hash >>> 12) + i & MplsLabel.MAX_VALUE;
            refused |= !pushable(labels[i]);
        }
        MplsPush push;
        try {
            MplsPush.Builder b = MplsPush.builder(model);
            for (int label : labels) {
                b.label(label, tc);
            }
            if (entropyAfter != 0) {
                b.entropyLabelAfter(entropyAfter);
            }
            push = b.build();
        } catch (IllegalArgumentException e) {
            check(refused, "MplsPush refused a push it documents as valid", data, e.getMessage());
            return;
        }
        check(!refused, "MplsPush built a push it documents as refused", data, push.toString());
        byte[] packet = Arrays.copyOfRange(data, PUSH_PARAMETERS, data.length);
        Range r = Range.of(packet.length, data[2], data[3]);
        Op operation = switch (method) {
            case 0 -> b -> push.push(b, r.index(), r.end(), payload);
            case 1 -> b -> push.push(b, r.index(), r.end(), payload, hash);
            case 2 -> b -> push.pushOntoStack(b, r.index(), r.end());
            default -> b -> push.pushOntoStack(b, r.index(), r.end(), hash);
        };
        Ran ran = runEverywhere(data, packet, r, operation, false);
        Object outcome = ran.outcome();
        boolean room = r.valid() && r.index() >= push.length();
        check(isThrown(outcome, IndexOutOfBoundsException.class) == !room, "a push threw IndexOutOfBoundsException"
                + " otherwise than for a range outside the limit or too little headroom", data, r + " " + outcome);
        check(!isThrown(outcome, IllegalArgumentException.class), "a push threw IllegalArgumentException", data,
                outcome.toString());
        if (!(outcome instanceof Integer start)) {
            return;
        }
        List<Integer> changed = changed(ran.before(), ran.after());
        check(start == r.index() - push.length() && within(changed, start, r.index()),
                "a push wrote outside the headroom it returns", data, start + " " + changed);
        pushed(data, ran, r, push, labels, tc, entropyAfter, method, payload, hash);
    }

    /** What a push wrote decodes back to what it documents. */
    private static void pushed(byte[] data, Ran ran, Range r, MplsPush push, int[] labels, int tc, int entropyAfter,
                               int method, MplsPayloadType payload, int hash) {
        ByteBuffer before = ByteBuffer.wrap(ran.before()).limit(r.limit());
        ByteBuffer after = ByteBuffer.wrap(ran.after()).limit(r.limit());
        int start = r.index() - push.length();
        boolean onto = method >= 2;
        int innerTtl;
        if (onto) {
            innerTtl = ran.before()[r.index() + 3] & 0xFF;
        } else if (payload == MplsPayloadType.IPV4) {
            innerTtl = ran.before()[r.index() + 8] & 0xFF;
        } else if (payload == MplsPayloadType.IPV6) {
            innerTtl = ran.before()[r.index() + 7] & 0xFF;
        } else {
            innerTtl = MplsTtlModel.MAX_TTL;
        }
        int ttl = push.ttlModel().pushedTtl(innerTtl);
        int flowHash = hash;
        if (entropyAfter != 0 && method == 0) {
            flowHash = MplsPush.flowHash(before, r.index(), r.end(), payload);
        } else if (entropyAfter != 0 && method == 2) {
            int payloadIndex = r.index() + 4 * MplsDecoder.scan(before, r.index(), r.end(), MplsDecoder.MAX_DEPTH_BOUND);
            flowHash = FlowHash.ofIpPacket(before, payloadIndex, r.end() - payloadIndex);
        }
        List<LabelStackEntry> expected = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            expected.add(new LabelStackEntry(labels[i], tc, ttl));
            if (i + 1 == entropyAfter) {
                expected.add(new LabelStackEntry(MplsLabel.ENTROPY_LABEL_INDICATOR.value(), tc, ttl));
                expected.add(new LabelStackEntry(MplsPush.entropyLabel(flowHash), 0, 0));
            }
        }
        int depth = expected.size();
        check(depth == push.depth() && push.length() == 4 * depth, "MplsPush.depth or length disagrees with its"
                + " labels", data, push.toString());
        for (int i = 0; i < depth; i++) {
            int word = be32(ran.after(), start + 4 * i);
            boolean s = (word & 0x100) != 0;
            check(LabelStackEntry.of(word).equals(expected.get(i)) && s == (!onto && i == depth - 1),
                    "a push wrote another entry than it documents", data, i + ": " + LabelStackEntry.of(word)
                    + (s ? " S" : "") + " vs " + expected.get(i));
        }
        if (!onto) {
            var d = MplsDecoder.decode(after, start, r.end());
            check(d.header().equals(new MplsHeader(expected)) && d.payloadIndex() == r.index(),
                    "a pushed stack does not decode back", data, d.header().toString());
            return;
        }
        // Onto a labelled packet: the stack below, if it decodes, is the packet's own.
        MplsHeader own;
        try {
            own = MplsDecoder.decode(before, r.index(), r.end(), MplsDecoder.MAX_DEPTH_BOUND - depth).header();
        } catch (MalformedPacketException e) {
            return;
        }
        var d = MplsDecoder.decode(after, start, r.end(), MplsDecoder.MAX_DEPTH_BOUND);
        List<LabelStackEntry> all = new ArrayList<>(expected);
        all.addAll(own.entries());
        check(d.header().equals(new MplsHeader(all)), "a stack pushed onto a labelled packet does not decode back",
                data, d.header().toString());
    }

    /**
     * A label operation's range in its buffer, from two parameter octets: the index is the
     * packet's place ({@link #HEADROOM}) plus the first octet as a signed offset; the second's
     * upper nibble, signed, cuts the packet's end when negative and puts the limit that far before
     * the end when positive, its lower nibble puts the limit that far after the end when the upper
     * one is not positive. The packet's bytes fill the range; every other byte is the
     * placement's poison.
     *
     * @param index    the range's start (negative, or past the limit, when hostile)
     * @param end      the range's end
     * @param limit    the buffer's limit
     * @param capacity the buffer's capacity
     */
    record Range(int index, int end, int limit, int capacity) {
        static Range of(int length, byte indexOffset, byte endCode) {
            int index = HEADROOM + indexOffset;
            int endOffset = endCode >> 4;
            int end = index + length + Math.min(endOffset, 0);
            int capacity = HEADROOM + 128 + length + 16;
            int limit = endOffset > 0 ? end - endOffset : end + (endCode & 0x0F);
            return new Range(index, end, Math.max(0, Math.min(capacity, limit)), capacity);
        }

        boolean valid() {
            return index >= 0 && index <= end && end <= limit;
        }

        /** Kind 0: heap, big-endian, zeros; 1: direct, little-endian, 0xFF; 2: read-only heap, zeros. */
        ByteBuffer place(byte[] packet, int kind) {
            boolean direct = kind == 1;
            ByteBuffer b = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
            byte poison = direct ? (byte) 0xFF : 0;
            for (int i = 0; i < capacity; i++) {
                b.put(i, poison);
            }
            for (int i = 0; i < packet.length; i++) {
                int at = index + i;
                if (at >= 0 && at < end && at < capacity) {
                    b.put(at, packet[i]);
                }
            }
            b.limit(limit);
            if (direct) {
                b.order(ByteOrder.LITTLE_ENDIAN);
            }
            return kind == 2 ? b.asReadOnlyBuffer() : b;
        }
    }

    /** A label operation on a buffer; returns its result. */
    @FunctionalInterface
    interface Op {
        Object apply(ByteBuffer buf);
    }

    /** An exception the operation threw, as its outcome. */
    record Thrown(Class<?> type, String message) {
    }

    /** What an operation did in one placement: its outcome, and the whole buffer before and after. */
    record Ran(Object outcome, byte[] before, byte[] after) {
    }

    /**
     * Runs the operation in the three placements and checks what they have in common: the
     * heap and direct runs have the same outcome and make the same writes; the read-only run
     * throws what the heap run threw if that came before the writability check (a range
     * outside the limit, or {@code argumentFirst}: an argument refused before the buffer is
     * looked at), else {@link ReadOnlyBufferException}.
     *
     * @return the heap run
     */
    private static Ran runEverywhere(byte[] data, byte[] packet, Range r, Op op, boolean argumentFirst) {
        Ran heap = run(data, packet, r, 0, op);
        Ran direct = run(data, packet, r, 1, op);
        check(heap.outcome().equals(direct.outcome()), "a label operation's outcome depends on bytes outside its"
                + " range, the byte order or the buffer kind", data, heap.outcome() + " vs " + direct.outcome());
        for (int i = 0; i < r.capacity(); i++) {
            boolean written = heap.before()[i] != heap.after()[i] || direct.before()[i] != direct.after()[i];
            check(!written || heap.after()[i] == direct.after()[i], "a label operation's writes depend on bytes outside"
                    + " its range, the byte order or the buffer kind", data, "at " + i);
        }
        Object readOnly = run(data, packet, r, 2, op).outcome();
        boolean before = isThrown(heap.outcome(), IndexOutOfBoundsException.class)
                || argumentFirst && isThrown(heap.outcome(), IllegalArgumentException.class);
        Object expected = before ? heap.outcome() : new Thrown(ReadOnlyBufferException.class, null);
        check(readOnly.equals(expected), "a label operation on a read-only buffer", data,
                readOnly + " vs " + expected);
        return heap;
    }

    private static Ran run(byte[] data, byte[] packet, Range r, int kind, Op op) {
        ByteBuffer b = r.place(packet, kind);
        ByteOrder order = b.order();
        byte[] before = Contract.contentOf(b);
        b.mark();
        Object outcome;
        try {
            outcome = op.apply(b);
        } catch (MalformedPacketException | IndexOutOfBoundsException | IllegalArgumentException
                 | ReadOnlyBufferException e) {
            // The documented exceptions; which one is allowed is checked by the caller.
            outcome = new Thrown(e.getClass(), e.getMessage());
        }
        check(b.position() == 0 && b.limit() == r.limit() && b.order() == order,
                "a label operation changed the buffer's position, limit or order", data,
                b.position() + "/" + b.limit() + "/" + b.order());
        b.reset(); // the mark survives
        byte[] after = Contract.contentOf(b);
        check(!(outcome instanceof Thrown) || Arrays.equals(before, after), "a label operation wrote, then threw",
                data, Objects.toString(outcome));
        return new Ran(outcome, before, after);
    }

    private static boolean isThrown(Object outcome, Class<? extends RuntimeException> type) {
        return outcome instanceof Thrown t && t.type() == type;
    }

    /** Whether a label may be pushed or swapped in: 0..1048575 but 3, 7 and 15. */
    private static boolean pushable(int label) {
        return label >= 0 && label <= MplsLabel.MAX_VALUE && label != MplsLabel.IMPLICIT_NULL.value()
                && label != MplsLabel.ENTROPY_LABEL_INDICATOR.value() && label != MplsLabel.EXTENSION.value();
    }

    /** The indices whose bytes differ. */
    private static List<Integer> changed(byte[] before, byte[] after) {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                changed.add(i);
            }
        }
        return changed;
    }

    private static boolean within(List<Integer> changed, int from, int to) {
        return changed.stream().allMatch(i -> i >= from && i < to);
    }

    /** Big-endian, whatever the source. */
    private static int be32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
}
