package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.mpls.MplsBindings;
import org.tunnelcodec.mpls.MplsDecoder;
import org.tunnelcodec.mpls.MplsHeader;
import org.tunnelcodec.mpls.MplsPayloadType;
import org.tunnelcodec.mpls.MplsLabelOps;
import org.tunnelcodec.mpls.MplsPush;
import org.tunnelcodec.mpls.MplsTtlModel;
import org.tunnelcodec.mpls.MplsView;

/**
 * The MPLS label stack of the shared frame {@code c_mpls3} (Ethernet, three label stack entries
 * at offset 14: labels 16004, 24001, 299792, TC 0, TTL 63, S on the last; then IPv4/UDP): decode,
 * view, peeks, push, swap and pop, each beside a hand-written {@code ByteBuffer} baseline doing
 * the same work in the same run. {@link #setUp()} checks that both sides compute the same result
 * (the same fields, the same sum, the same bytes written), so a wrong benchmark fails instead of
 * timing less work.
 *
 * <p>The operations that write (swap, pop) change what the next operation would see: each one
 * first writes back the 4 octets the previous one changed, with one {@code putInt}, and its
 * baseline makes the same reset. A push needs none: it writes the same 16 octets in front of an
 * unchanged packet every time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MplsBenchmark {
    /** The frame the benchmarks read. */
    static final String FRAME = "c_mpls3";
    /** Where the label stack starts: after the Ethernet header. */
    static final int STACK = 14;
    /** The stack's depth in the frame. */
    static final int DEPTH = 3;
    /** Where the bottom entry starts. */
    static final int BOTTOM = STACK + (DEPTH - 1) * 4;
    /** Where the inner IPv4 packet starts. */
    static final int IP = STACK + DEPTH * 4;
    /** The headroom in front of the inner packet in the push buffers: a typical receive buffer's. */
    static final int HEADROOM = 64;
    /** The label a swap writes. */
    static final int OUT_LABEL = 17000;

    /** The frame, never written. */
    private ByteBuffer frame;
    private int limit;
    /**
     * {@link #STACK}, read from a field: where a label stack starts is data on a data path (the
     * end of the link header), so neither side's index arithmetic may fold into constants.
     */
    private int stackIndex = STACK;
    private final MplsView view = new MplsView();

    /** The route a push applies: labels 16004 then 24001, an ELI and EL below the first (RFC 6790 §4.2). */
    private MplsPush push;
    /** The same route for the hand-written push: read from fields, as a data path reads its route table. */
    private int pushTop = 16004;
    private int pushBottom = 24001;
    /** The inner IPv4 packet of the frame behind {@link #HEADROOM} octets, for the library's push and for the baseline's. */
    private ByteBuffer pushBuffer;
    private ByteBuffer handPushBuffer;
    private int packetEnd;
    /**
     * {@link #HEADROOM}, read from a field: where a packet starts is data on a data path, so
     * neither side's index arithmetic may fold into constants.
     */
    private int packetIndex;
    /** The inner packet's flow hash, for the pushes that take the caller's. */
    private int flowHash;

    /** Copies of the frame that swap and pop write, the library's and the baseline's. */
    private ByteBuffer opsBuffer;
    private ByteBuffer handOpsBuffer;
    /** The label the hand-written swap writes, read from a field like the library's argument. */
    private int outLabel = OUT_LABEL;
    /** The frame's top entry, what a swap changes. */
    private int topWord;
    /** The frame's second entry, whose TTL a uniform pop of the top entry writes. */
    private int secondWord;
    /** The inner IPv4 packet's TTL, Protocol and Header Checksum, which a uniform pop of the bottom entry writes. */
    private int ipTtlWord;

    /** Loads the frame and checks, for every pair of benchmarks, that library and baseline agree. */
    @Setup
    public void setUp() {
        byte[] bytes = Frames.shared(FRAME);
        frame = ByteBuffer.wrap(bytes);
        limit = frame.limit();

        // decode
        Decoded<MplsHeader> d = decode();
        HandWrittenStack s = handWrittenDecode();
        if (d.header().depth() != DEPTH || s.depth != DEPTH || d.payloadIndex() != IP || s.payloadIndex(STACK) != IP) {
            throw new IllegalStateException("depth: library " + d.header().depth() + ", hand-written " + s.depth);
        }
        for (int i = 0; i < DEPTH; i++) {
            if (d.header().word(i) != s.word(i) || d.header().word(i) != frame.getInt(STACK + 4 * i)) {
                throw new IllegalStateException("entry " + i + ": library " + d.header().entries().get(i)
                        + ", hand-written 0x" + Integer.toHexString(s.word(i)));
            }
        }
        if (d.header().label(0) != 16004 || d.header().label(1) != 24001 || d.header().label(2) != 299792) {
            throw new IllegalStateException("not the stack of " + FRAME + ": " + d.header());
        }
        // view and peeks
        check("view sum", view(), handWrittenView());
        check("view sum, words", viewWords(), handWrittenView());
        check("view sum, two passes", handWrittenTwoPassView(), handWrittenView());
        check("view payload index", viewWrap(), IP);
        check("topLabel", topLabel(), handWrittenTopLabel());
        check("topLabel value", topLabel(), 16004);
        check("depth", depth(), handWrittenDepth());
        check("depth value", depth(), DEPTH);
        check("bottomOfStack", bottomOfStack(), handWrittenBottomOfStack());
        check("bottomOfStack value", bottomOfStack(), BOTTOM);

        // push
        int ipLength = limit - IP;
        push = MplsPush.builder(MplsTtlModel.linuxDefault()).label(16004).label(24001).entropyLabelAfter(1).build();
        pushBuffer = ByteBuffer.allocate(HEADROOM + ipLength);
        pushBuffer.put(HEADROOM, bytes, IP, ipLength);
        handPushBuffer = ByteBuffer.allocate(HEADROOM + ipLength);
        handPushBuffer.put(HEADROOM, bytes, IP, ipLength);
        packetEnd = HEADROOM + ipLength;
        packetIndex = HEADROOM;
        flowHash = FlowHash.ofIpPacket(pushBuffer, HEADROOM, ipLength);
        check("push start", push(), handWrittenPush());
        check("push start value", push(), HEADROOM - 16);
        if (!Arrays.equals(pushBuffer.array(), handPushBuffer.array())) {
            throw new IllegalStateException("push: library and hand-written wrote different octets");
        }
        MplsHeader pushed = MplsDecoder.decode(pushBuffer, HEADROOM - 16, packetEnd).header();
        if (pushed.depth() != 4 || pushed.label(0) != 16004 || pushed.label(1) != 7 || pushed.label(3) != 24001
                || pushed.ttl(0) != 64 || pushed.ttl(2) != 0 || pushed.entropyLabelIndex() != 2
                || pushed.label(2) != MplsPush.entropyLabel(FlowHash.ofIpPacket(pushBuffer, HEADROOM, ipLength))) {
            throw new IllegalStateException("push: not the expected stack: " + pushed);
        }
        byte[] pushedBytes = pushBuffer.array().clone();
        Arrays.fill(pushBuffer.array(), 0, HEADROOM, (byte) 0);
        Arrays.fill(handPushBuffer.array(), 0, HEADROOM, (byte) 0);
        check("push start, given hash", pushGivenHash(), handWrittenPushGivenHash());
        if (!Arrays.equals(pushBuffer.array(), pushedBytes) || !Arrays.equals(handPushBuffer.array(), pushedBytes)) {
            throw new IllegalStateException("push with the given hash: not the octets of push");
        }

        // swap and pop
        topWord = frame.getInt(STACK);
        secondWord = frame.getInt(STACK + 4);
        ipTtlWord = frame.getInt(IP + 8);
        opsBuffer = ByteBuffer.wrap(bytes.clone());
        handOpsBuffer = ByteBuffer.wrap(bytes.clone());
        checkOp("swap", swap() == MplsLabelOps.Result.LABELLED, handWrittenSwap() == HandWrittenOps.LABELLED);
        if (MplsDecoder.topLabel(opsBuffer, STACK) != OUT_LABEL || (opsBuffer.get(STACK + 3) & 0xFF) != 62) {
            throw new IllegalStateException("swap: top entry is 0x" + Integer.toHexString(opsBuffer.getInt(STACK)));
        }
        resetOps(bytes);
        checkOp("pop", pop() == MplsLabelOps.Result.LABELLED, handWrittenPop() == HandWrittenOps.LABELLED);
        if ((opsBuffer.get(STACK + 7) & 0xFF) != 62) {
            throw new IllegalStateException("pop: second entry's TTL not 62");
        }
        resetOps(bytes);
        checkOp("popBottom", popBottom() == MplsLabelOps.Result.IPV4, handWrittenPopBottom() == HandWrittenOps.IPV4);
        if ((opsBuffer.get(IP + 8) & 0xFF) != 62 || !InternetChecksum.verifies(opsBuffer, IP, 20, 0)) {
            throw new IllegalStateException("popBottom: IPv4 TTL not 62 or checksum wrong");
        }
        resetOps(bytes); // each benchmark starts from the frame as captured
    }

    private void resetOps(byte[] bytes) {
        System.arraycopy(bytes, 0, opsBuffer.array(), 0, bytes.length);
        System.arraycopy(bytes, 0, handOpsBuffer.array(), 0, bytes.length);
    }

    private void checkOp(String what, boolean libraryResult, boolean handWrittenResult) {
        if (!libraryResult || !handWrittenResult) {
            throw new IllegalStateException(what + ": unexpected result, library " + libraryResult + ", hand-written "
                    + handWrittenResult);
        }
        if (!Arrays.equals(opsBuffer.array(), handOpsBuffer.array())) {
            throw new IllegalStateException(what + ": library and hand-written wrote different octets");
        }
    }

    private static void check(String what, long library, long handWritten) {
        if (library != handWritten) {
            throw new IllegalStateException(what + ": library " + library + ", hand-written " + handWritten);
        }
    }

    // ---- Decode to a record ---------------------------------------------------------------

    /** The library's decode of the 3-entry stack: a {@code Decoded<MplsHeader>} kept by the caller. */
    @Benchmark
    public Decoded<MplsHeader> decode() {
        return MplsDecoder.decode(frame, stackIndex, limit);
    }

    /** A hand-written loop reading entries until S into one new object ({@link HandWrittenStack}), kept by the caller. */
    @Benchmark
    public HandWrittenStack handWrittenDecode() {
        return HandWrittenStack.decode(frame, stackIndex, limit);
    }

    // ---- Through the reused view ----------------------------------------------------------

    /** The data path's read: wrap the reused {@link MplsView}, then every entry's label, TC and TTL, summed. */
    @Benchmark
    public int view() {
        MplsView v = view.wrap(frame, stackIndex, limit);
        int sum = 0;
        for (int i = 0, n = v.depth(); i < n; i++) {
            sum += v.label(i) + v.trafficClass(i) + v.ttl(i);
        }
        return sum;
    }

    /**
     * The same reads by hand: entries until S with the checks the view's wrap makes (an entry
     * cut by the limit, the 32-entry bound), each word read once and its label, TC and TTL summed.
     */
    @Benchmark
    public int handWrittenView() {
        ByteBuffer b = frame;
        int end = limit;
        int at = stackIndex;
        int sum = 0;
        for (int depth = 1; depth <= HandWrittenStack.MAX_DEPTH; depth++) {
            if (end - at < 4) {
                throw new IllegalArgumentException("label stack entry truncated at " + at);
            }
            int w = b.getInt(at);
            sum += (w >>> 12) + (w >>> 9 & 7) + (w & 0xFF);
            if ((w & 0x100) != 0) {
                return sum;
            }
            at += 4;
        }
        throw new IllegalArgumentException("no bottom of stack within " + HandWrittenStack.MAX_DEPTH + " entries");
    }

    /**
     * Diagnostic: the view read as {@link #view()}, each entry's word read once through
     * {@code word(i)} and its fields taken apart by hand (what the three accessors cost beyond one read).
     */
    @Benchmark
    public int viewWords() {
        MplsView v = view.wrap(frame, stackIndex, limit);
        int sum = 0;
        for (int i = 0, n = v.depth(); i < n; i++) {
            int w = v.word(i);
            sum += (w >>> 12) + (w >>> 9 & 7) + (w & 0xFF);
        }
        return sum;
    }

    /** Diagnostic: the view's wrap alone (the decoder's checks, no entry read), and where the payload starts. */
    @Benchmark
    public int viewWrap() {
        return view.wrap(frame, stackIndex, limit).payloadIndex();
    }

    /**
     * Diagnostic baseline in the view's shape: the stack's checks first (entries until S, a cut
     * entry, the 32-entry bound), as a wrap must make them before any entry is read, then the
     * same reads as {@link #handWrittenView()}. The one-pass {@link #handWrittenView()} is the
     * baseline of the goal; this one separates the view's two passes from its overhead.
     */
    @Benchmark
    public int handWrittenTwoPassView() {
        ByteBuffer b = frame;
        int depth = HandWrittenStack.depth(b, stackIndex, limit);
        int sum = 0;
        for (int i = 0, at = stackIndex; i < depth; i++, at += 4) {
            int w = b.getInt(at);
            sum += (w >>> 12) + (w >>> 9 & 7) + (w & 0xFF);
        }
        return sum;
    }

    // ---- Peeks ----------------------------------------------------------------------------

    /** The library's top-label peek. */
    @Benchmark
    public int topLabel() {
        return MplsDecoder.topLabel(frame, stackIndex);
    }

    /** A hand-written top-label read. */
    @Benchmark
    public int handWrittenTopLabel() {
        return frame.getInt(stackIndex) >>> 12;
    }

    /** The library's depth peek: the stack's checks up to the buffer's limit. */
    @Benchmark
    public int depth() {
        return MplsDecoder.depth(frame, stackIndex);
    }

    /** A hand-written depth: entries until S, an entry cut by the limit and the 32-entry bound checked. */
    @Benchmark
    public int handWrittenDepth() {
        return HandWrittenStack.depth(frame, stackIndex, frame.limit());
    }

    /** The library's bottom-of-stack peek: the absolute index of the entry with S=1. */
    @Benchmark
    public int bottomOfStack() {
        return MplsDecoder.bottomOfStack(frame, stackIndex);
    }

    /** A hand-written bottom-of-stack index, with the depth's checks. */
    @Benchmark
    public int handWrittenBottomOfStack() {
        return stackIndex + (HandWrittenStack.depth(frame, stackIndex, frame.limit()) - 1) * 4;
    }

    // ---- Push -----------------------------------------------------------------------------

    /**
     * The library's push of a route's stack (2 labels, an ELI and an EL from the inner flow's
     * hash; Linux's default TTL model, which copies the IPv4 TTL) in front of the inner IPv4
     * packet, into its headroom.
     */
    @Benchmark
    public int push() {
        return push.push(pushBuffer, packetIndex, packetEnd, MplsPayloadType.IPV4);
    }

    /**
     * The same 16 octets written by hand: the headroom checked, the IPv4 TTL read, the flow
     * hash by core {@link FlowHash#ofIpPacket} mapped onto 16..1048575 as the library maps it,
     * four {@code putInt}s.
     */
    @Benchmark
    public int handWrittenPush() {
        ByteBuffer b = handPushBuffer;
        int ip = packetIndex;
        int end = packetEnd;
        if (ip < 16 || end - ip < 20) {
            throw new IllegalArgumentException("no headroom or no IPv4 header");
        }
        int ttl = b.get(ip + 8) & 0xFF;
        int hash = FlowHash.ofIpPacket(b, ip, end - ip);
        int el = 16 + (int) ((hash & 0xFFFF_FFFFL) * 1048560 >>> 32);
        int at = ip - 16;
        b.putInt(at, pushTop << 12 | ttl);
        b.putInt(at + 4, 7 << 12 | ttl);
        b.putInt(at + 8, el << 12);
        b.putInt(at + 12, pushBottom << 12 | 0x100 | ttl);
        return at;
    }

    /**
     * Diagnostic: the library's push with the caller's flow hash (computed once in setup), so
     * the stack writing and checks are timed without the hashing.
     */
    @Benchmark
    public int pushGivenHash() {
        return push.push(pushBuffer, packetIndex, packetEnd, MplsPayloadType.IPV4, flowHash);
    }

    /** Diagnostic: {@link #handWrittenPush()} with the same given flow hash. */
    @Benchmark
    public int handWrittenPushGivenHash() {
        ByteBuffer b = handPushBuffer;
        int ip = packetIndex;
        if (ip < 16 || packetEnd - ip < 20) {
            throw new IllegalArgumentException("no headroom or no IPv4 header");
        }
        int ttl = b.get(ip + 8) & 0xFF;
        int el = 16 + (int) ((flowHash & 0xFFFF_FFFFL) * 1048560 >>> 32);
        int at = ip - 16;
        b.putInt(at, pushTop << 12 | ttl);
        b.putInt(at + 4, 7 << 12 | ttl);
        b.putInt(at + 8, el << 12);
        b.putInt(at + 12, pushBottom << 12 | 0x100 | ttl);
        return at;
    }

    // ---- Swap and pop in place ------------------------------------------------------------

    /** The library's swap of the top label (TTL 63 to 62), after writing back the top entry the previous swap changed. */
    @Benchmark
    public MplsLabelOps.Result swap() {
        opsBuffer.putInt(STACK, topWord);
        return MplsLabelOps.swap(opsBuffer, STACK, limit, OUT_LABEL);
    }

    /** The same reset and swap by hand. */
    @Benchmark
    public int handWrittenSwap() {
        handOpsBuffer.putInt(STACK, topWord);
        return HandWrittenOps.swap(handOpsBuffer, STACK, limit, outLabel);
    }

    /**
     * The library's uniform pop of the top entry (not the bottom: the outgoing TTL 62 goes into
     * the next entry), after writing back the entry the previous pop changed.
     */
    @Benchmark
    public MplsLabelOps.Result pop() {
        opsBuffer.putInt(STACK + 4, secondWord);
        return MplsLabelOps.pop(opsBuffer, STACK, limit, MplsTtlModel.uniform(), MplsBindings.NONE);
    }

    /** The same reset and pop by hand. */
    @Benchmark
    public int handWrittenPop() {
        handOpsBuffer.putInt(STACK + 4, secondWord);
        return HandWrittenOps.popUniform(handOpsBuffer, STACK, limit);
    }

    /**
     * The library's uniform pop of the bottom entry: the payload identified (first nibble 4, a
     * plausible IPv4 header), the outgoing TTL 62 written into the IPv4 TTL and the Header
     * Checksum updated, after writing back the TTL, Protocol and checksum the previous pop changed.
     */
    @Benchmark
    public MplsLabelOps.Result popBottom() {
        opsBuffer.putInt(IP + 8, ipTtlWord);
        return MplsLabelOps.pop(opsBuffer, BOTTOM, limit, MplsTtlModel.uniform(), MplsBindings.NONE);
    }

    /** The same reset and pop by hand. */
    @Benchmark
    public int handWrittenPopBottom() {
        handOpsBuffer.putInt(IP + 8, ipTtlWord);
        return HandWrittenOps.popUniform(handOpsBuffer, BOTTOM, limit);
    }

    /**
     * The hand-written decode result: what a programmer writes to hold a short label stack,
     * one object with the depth and up to {@link #CAPACITY} entry words in fields (no array, so
     * one allocation). Differences inherent to a baseline: it holds at most 4 entries (a deeper
     * stack is refused; the library holds up to its 32-entry bound), assumes the buffer is
     * big-endian, and checks neither the caller's range against the buffer nor anything the
     * {@code ByteBuffer} reads do not.
     */
    public static final class HandWrittenStack {
        /** The most entries the object holds. */
        static final int CAPACITY = 4;
        /** The depth bound of the hand-written walks, the library's default. */
        static final int MAX_DEPTH = 32;

        final int depth;
        final int word0;
        final int word1;
        final int word2;
        final int word3;

        HandWrittenStack(int depth, int word0, int word1, int word2, int word3) {
            this.depth = depth;
            this.word0 = word0;
            this.word1 = word1;
            this.word2 = word2;
            this.word3 = word3;
        }

        int word(int i) {
            switch (i) {
                case 0:
                    return word0;
                case 1:
                    return word1;
                case 2:
                    return word2;
                case 3:
                    return word3;
                default:
                    throw new IndexOutOfBoundsException(i);
            }
        }

        int payloadIndex(int index) {
            return index + depth * 4;
        }

        /** Reads entries until S=1, each cut entry refused, at most {@link #CAPACITY}. */
        static HandWrittenStack decode(ByteBuffer b, int index, int limit) {
            int w0 = 0;
            int w1 = 0;
            int w2 = 0;
            int w3 = 0;
            int at = index;
            for (int depth = 1; depth <= CAPACITY; depth++) {
                if (limit - at < 4) {
                    throw new IllegalArgumentException("label stack entry truncated at " + at);
                }
                int w = b.getInt(at);
                switch (depth) {
                    case 1:
                        w0 = w;
                        break;
                    case 2:
                        w1 = w;
                        break;
                    case 3:
                        w2 = w;
                        break;
                    default:
                        w3 = w;
                        break;
                }
                if ((w & 0x100) != 0) { // S, RFC 3032 §2.1
                    return new HandWrittenStack(depth, w0, w1, w2, w3);
                }
                at += 4;
            }
            throw new IllegalArgumentException("label stack deeper than " + CAPACITY);
        }

        /** The number of entries up to S=1: each cut entry refused, at most {@link #MAX_DEPTH}. */
        static int depth(ByteBuffer b, int index, int limit) {
            int at = index;
            for (int depth = 1; depth <= MAX_DEPTH; depth++) {
                if (limit - at < 4) {
                    throw new IllegalArgumentException("label stack entry truncated at " + at);
                }
                if ((b.get(at + 2) & 1) != 0) {
                    return depth;
                }
                at += 4;
            }
            throw new IllegalArgumentException("no bottom of stack within " + MAX_DEPTH + " entries");
        }
    }

    /**
     * Hand-written swap and uniform pop, as a forwarding loop that handles IPv4 and labelled
     * packets would write them: the same TTL rule as the library (an incoming TTL of 0 or 1 is
     * not forwarded, nothing written), the same checks of the octets they read and write.
     * Differences: no label bindings (the payload after the bottom is IPv4 by its first nibble
     * and a plausible header, IPv6 by its first nibble and Payload Length, else not an IP
     * packet), no check of the caller's range or of the outgoing label's value.
     */
    static final class HandWrittenOps {
        static final int EXPIRED = -1;
        static final int LABELLED = 0;
        static final int IPV4 = 4;
        static final int IPV6 = 6;
        static final int OTHER = 1;

        private HandWrittenOps() {
        }

        static int swap(ByteBuffer b, int index, int end, int newLabel) {
            if (end - index < 4) {
                throw new IllegalArgumentException("label stack entry truncated");
            }
            int w = b.getInt(index);
            int ttl = w & 0xFF;
            if (ttl <= 1) {
                return EXPIRED;
            }
            b.putInt(index, newLabel << 12 | w & 0xF00 | ttl - 1); // TC and S kept
            return LABELLED;
        }

        static int popUniform(ByteBuffer b, int index, int end) {
            if (end - index < 4) {
                throw new IllegalArgumentException("label stack entry truncated");
            }
            int w = b.getInt(index);
            int ttl = (w & 0xFF) - 1;
            int next = index + 4;
            if ((w & 0x100) == 0) {
                if (end - next < 4) {
                    throw new IllegalArgumentException("label stack entry truncated");
                }
                if (ttl <= 0) {
                    return EXPIRED;
                }
                b.put(next + 3, (byte) ttl);
                return LABELLED;
            }
            int remaining = end - next;
            int first = remaining > 0 ? b.get(next) & 0xFF : 0;
            if (first >>> 4 == 4 && remaining >= 20 && (first & 0xF) >= 5) {
                int total = b.getShort(next + 2) & 0xFFFF;
                if (total >= (first & 0xF) * 4 && total <= remaining) {
                    if (ttl <= 0) {
                        return EXPIRED;
                    }
                    // TTL and incremental Header Checksum update, RFC 1624 eqn. 3
                    int oldWord = b.getShort(next + 8) & 0xFFFF;
                    int newWord = ttl << 8 | oldWord & 0xFF;
                    int sum = (~b.getShort(next + 10) & 0xFFFF) + (~oldWord & 0xFFFF) + newWord;
                    sum = (sum & 0xFFFF) + (sum >>> 16);
                    sum = (sum & 0xFFFF) + (sum >>> 16);
                    b.putShort(next + 8, (short) newWord);
                    b.putShort(next + 10, (short) ~sum);
                    return IPV4;
                }
            } else if (first >>> 4 == 6 && remaining >= 40 && 40 + (b.getShort(next + 4) & 0xFFFF) <= remaining) {
                if (ttl <= 0) {
                    return EXPIRED;
                }
                b.put(next + 7, (byte) ttl);
                return IPV6;
            }
            return ttl <= 0 ? EXPIRED : OTHER;
        }
    }
}
