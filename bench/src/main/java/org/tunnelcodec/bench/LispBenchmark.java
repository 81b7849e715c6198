package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.lisp.EidRecord;
import org.tunnelcodec.lisp.LispAddress;
import org.tunnelcodec.lisp.LispDecapsulation;
import org.tunnelcodec.lisp.LispDecapsulator;
import org.tunnelcodec.lisp.LispDecoder;
import org.tunnelcodec.lisp.LispEncapsulator;
import org.tunnelcodec.lisp.LispLocatorSelector;
import org.tunnelcodec.lisp.LispView;
import org.tunnelcodec.lisp.LocatorRecord;

/**
 * The LISP xTR data path beside hand-written code on the same bytes, in the same run:
 * <ul>
 *   <li><b>Header read</b>: the LISP header of frame {@code d_lisp} (flags N and L, nonce
 *       0xABCDEF, locator-status bits 0xC8) through {@link LispView} and through the static peeks
 *       of {@link LispDecoder}, against two {@code getInt}s and the same field extraction and
 *       length check.</li>
 *   <li><b>Encapsulation</b>: {@link LispEncapsulator#push} of outer IPv4 (36 octets) and IPv6
 *       (56 octets) in front of the frame's inner 84-octet IPv4 packet, with the caller's flow
 *       hash and nonce, against the baseline (one absolute {@code put} of the same
 *       octets and the UDP source-port store) and against a hand-written write of every field
 *       push sets (lengths, TTL and DS field copied, IPv4 checksum, source port, nonce); the
 *       {@code FlowHash} variant adds the inner packet's hash.</li>
 *   <li><b>Decapsulation</b>: {@link LispDecapsulator#decapsulateFrame} of {@code d_lisp} into a
 *       reused holder, against a hand-written strip that makes the same checks in line (Ethernet
 *       type, IPv4 version, IHL, lengths and fragment bits, UDP length and port 4341, the LISP
 *       header's KK and P, the inner version and length, the RFC 6040 drop case).</li>
 *   <li><b>Locator selection</b> among 8 locators (two priorities, weights 10..80, one down by
 *       its status bit) for a flow hash that changes per call.</li>
 * </ul>
 * {@link #setUp()} checks that each hand-written baseline gives the library's result (the same
 * octets, the same fields, the same inner index). Map-Reply decoding is {@link
 * LispMapReplyBenchmark}; dissecting {@code d_lisp} is {@link DissectBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LispBenchmark {
    static final int HEADROOM = 64;
    /** Where the LISP header of {@code d_lisp} is: Ethernet 14 + IPv4 20 + UDP 8. */
    static final int LISP_INDEX = 42;
    static final Ipv4Address ITR4 = Ipv4Address.parse("192.0.2.1");
    static final Ipv4Address ETR4 = Ipv4Address.parse("198.51.100.2");
    static final Ipv6Address ITR6 = Ipv6Address.parse("2001:db8::1");
    static final Ipv6Address ETR6 = Ipv6Address.parse("2001:db8:a::1");
    static final int NONCE = 0xABCDEF;

    private ByteBuffer frame;
    private final LispView view = new LispView();

    private LispEncapsulator itr4;
    private LispEncapsulator itr6;
    private byte[] template4;
    private byte[] template6;
    private ByteBuffer push4;
    private ByteBuffer push6;
    private ByteBuffer hand4;
    private ByteBuffer hand6;
    private ByteBuffer copy4;
    private ByteBuffer copy6;
    private int innerEnd;
    private int flowHash;

    private final LispDecapsulator etr = new LispDecapsulator();
    private final LispDecapsulation out = new LispDecapsulation();

    private LispLocatorSelector selector;
    private int hash;

    /** Loads the frame, builds the encapsulations and selector, and checks every baseline against the library. */
    @Setup
    public void setUp() {
        byte[] bytes = Frames.shared("d_lisp");
        frame = ByteBuffer.wrap(bytes);
        require(headerView() == headerHandWritten() && headerPeeks() == headerHandWritten(),
                "header: the view, the peeks and the hand-written read disagree");

        byte[] inner = Arrays.copyOfRange(bytes, 50, bytes.length);
        innerEnd = HEADROOM + inner.length;
        push4 = behindHeadroom(inner);
        push6 = behindHeadroom(inner);
        hand4 = behindHeadroom(inner);
        hand6 = behindHeadroom(inner);
        copy4 = behindHeadroom(inner);
        copy6 = behindHeadroom(inner);
        flowHash = FlowHash.ofIpPacket(push4, HEADROOM, inner.length);
        itr4 = LispEncapsulator.ipv4(ITR4, ETR4).build();
        itr6 = LispEncapsulator.ipv6(ITR6, ETR6).build();
        template4 = itr4.templateBytes();
        template6 = itr6.templateBytes();
        require(encapsulateIpv4() == HEADROOM - 36 && encapsulateIpv6() == HEADROOM - 56, "push start");
        require(encapsulateIpv4HandWritten() == HEADROOM - 36 && Arrays.equals(hand4.array(), push4.array()),
                "encapsulateIpv4HandWritten: not the octets of push");
        require(encapsulateIpv6HandWritten() == HEADROOM - 56 && Arrays.equals(hand6.array(), push6.array()),
                "encapsulateIpv6HandWritten: not the octets of push");
        require(encapsulateIpv4FlowHash() == HEADROOM - 36 && Arrays.equals(hand4.array(), push4.array()),
                "encapsulateIpv4FlowHash: not the octets of push");
        require(copyIpv4() == HEADROOM - 36 && copyIpv6() == HEADROOM - 56, "copy start");
        LispDecapsulation check = new LispDecapsulation();
        require(new LispDecapsulator().decapsulate(push4, HEADROOM - 36, innerEnd, check) == LispDecapsulator.Verdict.ACCEPTED
                && check.nonce() == NONCE, "the pushed packet does not decapsulate");

        require(decapsulate() == 50 && decapsulateHandWritten() == 50, "decapsulate: not the inner index 50");
        require(out.nonce() == NONCE && out.innerLength() == inner.length, "decapsulate: fields");

        List<LocatorRecord> locators = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LocatorRecord r = LocatorRecord.of(i < 4 ? 1 : 2, 10 * (i + 1), false,
                    new LispAddress.Ipv4(Ipv4Address.of(0xC633_6400 + i)));
            locators.add(r);
        }
        selector = LispLocatorSelector.of(EidRecord.of(1440, new LispAddress.Ipv4(Ipv4Address.parse("10.1.0.0")), 16,
                true, locators));
        require(select8() >= 0, "select8: no locator");
    }

    private static ByteBuffer behindHeadroom(byte[] packet) {
        ByteBuffer b = ByteBuffer.allocate(HEADROOM + packet.length);
        b.put(HEADROOM, packet);
        return b;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    // ---- header read ---------------------------------------------------------------------

    /**
     * {@link #LISP_INDEX}, read from a field: where the LISP header starts is data on a data
     * path (the end of the UDP header), so no side may fold its index arithmetic into constants.
     */
    private int lispIndex = LISP_INDEX;

    /** The header's fields through the reusable view. */
    @Benchmark
    public long headerView() {
        LispView v = view.wrap(frame, lispIndex, frame.limit());
        return (long) v.flags() << 56 ^ (long) v.nonce() << 24 ^ v.locatorStatusBits() ^ v.instanceId();
    }

    /** The same fields through the static peeks, after the decoder's allocation-free length check. */
    @Benchmark
    public long headerPeeks() {
        int at = lispIndex;
        LispDecoder.checked(frame, at, frame.limit());
        return (long) LispDecoder.flags(frame, at) << 56 ^ (long) LispDecoder.nonce(frame, at) << 24
                ^ LispDecoder.locatorStatusBits(frame, at) ^ LispDecoder.instanceId(frame, at);
    }

    /** Baseline: two reads and the fields' extraction as the view defines them, with the same length check. */
    @Benchmark
    public long headerHandWritten() {
        ByteBuffer b = frame;
        int at = lispIndex;
        if (b.limit() - at < 8) {
            throw new IllegalStateException("short");
        }
        int w0 = b.getInt(at);
        int w1 = b.getInt(at + 4);
        int flags = w0 >>> 24;
        int nonce = w0 & 0xFF_FFFF;
        boolean iid = (flags & 0x08) != 0;
        long lsb = iid ? w1 & 0xFF : w1 & 0xFFFF_FFFFL;
        int instance = iid ? w1 >>> 8 : -1;
        return (long) flags << 56 ^ (long) nonce << 24 ^ lsb ^ instance;
    }

    /** The fields a hand-written decoder gives back, as the project's other baselines do (one small object per packet). */
    static final class HandLispHeader {
        final int flags;
        final int nonce;
        final long locatorStatusBits;
        final int instanceId;

        HandLispHeader(int flags, int nonce, long locatorStatusBits, int instanceId) {
            this.flags = flags;
            this.nonce = nonce;
            this.locatorStatusBits = locatorStatusBits;
            this.instanceId = instanceId;
        }
    }

    /**
     * Baseline in the convention of {@code HandWrittenDecoder} (and of the GRE view's row): the
     * same reads and length check, the fields returned in one small object.
     */
    @Benchmark
    public HandLispHeader headerHandWrittenObject() {
        ByteBuffer b = frame;
        int at = lispIndex;
        if (b.limit() - at < 8) {
            throw new IllegalStateException("short");
        }
        int w0 = b.getInt(at);
        int w1 = b.getInt(at + 4);
        boolean iid = (w0 & 0x0800_0000) != 0;
        return new HandLispHeader(w0 >>> 24, w0 & 0xFF_FFFF, iid ? w1 & 0xFF : w1 & 0xFFFF_FFFFL, iid ? w1 >>> 8 : -1);
    }

    // ---- encapsulation -------------------------------------------------------------------

    /** Outer IPv4 + UDP + LISP: the caller's flow hash and nonce. */
    @Benchmark
    public int encapsulateIpv4() {
        return itr4.push(push4, HEADROOM, innerEnd, flowHash, NONCE, false);
    }

    /** Outer IPv6 + UDP + LISP: the caller's flow hash and nonce. */
    @Benchmark
    public int encapsulateIpv6() {
        return itr6.push(push6, HEADROOM, innerEnd, flowHash, NONCE, false);
    }

    /** Outer IPv4, the flow hash computed from the inner packet. */
    @Benchmark
    public int encapsulateIpv4FlowHash() {
        return itr4.push(push4, HEADROOM, innerEnd, FlowHash.ofIpPacket(push4, HEADROOM, innerEnd - HEADROOM),
                NONCE, false);
    }

    /** The baseline: the 36 octets and the source-port store. */
    @Benchmark
    public int copyIpv4() {
        int start = HEADROOM - 36;
        copy4.put(start, template4);
        copy4.putShort(start + 20, (short) FlowHash.sourcePort(flowHash));
        return start;
    }

    /** The baseline: the 56 octets and the source-port store. */
    @Benchmark
    public int copyIpv6() {
        int start = HEADROOM - 56;
        copy6.put(start, template6);
        copy6.putShort(start + 40, (short) FlowHash.sourcePort(flowHash));
        return start;
    }

    /** Hand-written: every field push sets, in line, without the checks. */
    @Benchmark
    public int encapsulateIpv4HandWritten() {
        ByteBuffer b = hand4;
        byte[] t = template4;
        int start = HEADROOM - 36;
        int length = innerEnd - HEADROOM;
        int ds = b.get(HEADROOM + 1) & 0xFF;
        int ttl = b.get(HEADROOM + 8) & 0xFF;
        b.put(start, t);
        int total = 36 + length;
        int sum = (t[4] & 0xFF) << 8 | t[5] & 0xFF;
        sum += (t[6] & 0xFF) << 8 | t[7] & 0xFF;
        for (int i = 12; i < 20; i += 2) {
            sum += (t[i] & 0xFF) << 8 | t[i + 1] & 0xFF;
        }
        sum += (0x4500 | ds) + total + (ttl << 8 | 17);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        b.put(start + 1, (byte) ds);
        b.putShort(start + 2, (short) total);
        b.put(start + 8, (byte) ttl);
        b.putShort(start + 10, (short) ~sum);
        b.putShort(start + 20, (short) FlowHash.sourcePort(flowHash));
        b.putShort(start + 24, (short) (16 + length));
        b.putInt(start + 28, 0x8000_0000 | NONCE);
        return start;
    }

    /**
     * Hand-written, outer IPv6: the 56 octets and every field push sets (traffic class and hop
     * limit from the inner IPv4 header, the source port from the flow hash, the Payload Length,
     * UDP Length and the LISP nonce word; the template's Flow Label stays 0), without the checks;
     * IPv6 has no header checksum and the template's UDP checksum is zero (RFC 6935).
     */
    @Benchmark
    public int encapsulateIpv6HandWritten() {
        ByteBuffer b = hand6;
        int start = HEADROOM - 56;
        int length = innerEnd - HEADROOM;
        int ds = b.get(HEADROOM + 1) & 0xFF;
        int ttl = b.get(HEADROOM + 8) & 0xFF;
        b.put(start, template6);
        int udpLength = 16 + length;
        b.putInt(start, 6 << 28 | ds << 20);
        b.putShort(start + 4, (short) udpLength);
        b.put(start + 7, (byte) ttl);
        b.putShort(start + 40, (short) FlowHash.sourcePort(flowHash));
        b.putShort(start + 44, (short) udpLength);
        b.putInt(start + 48, 0x8000_0000 | NONCE);
        return start;
    }

    // ---- decapsulation -------------------------------------------------------------------

    /** The ETR engine on the frame, into a reused holder; returns the inner index. */
    @Benchmark
    public int decapsulate() {
        etr.decapsulateFrame(frame, out);
        return out.innerIndex();
    }

    /** Baseline: the same checks, in line, for this frame's shape (no VLAN, IPv4 without options). */
    @Benchmark
    public int decapsulateHandWritten() {
        ByteBuffer b = frame;
        int limit = b.limit();
        if (limit < 14 || (b.getShort(12) & 0xFFFF) != 0x0800) {
            return -1;
        }
        int ip = 14;
        if (limit - ip < 20) {
            return -1;
        }
        int v = b.get(ip) & 0xFF;
        int ihl = (v & 0x0F) * 4;
        int total = b.getShort(ip + 2) & 0xFFFF;
        if (v >>> 4 != 4 || ihl < 20 || total < ihl || total > limit - ip || (b.getShort(ip + 6) & 0x3FFF) != 0
                || b.get(ip + 9) != 17) {
            return -1;
        }
        int udp = ip + ihl;
        int end = ip + total;
        if (end - udp < 8) {
            return -1;
        }
        int udpLength = b.getShort(udp + 4) & 0xFFFF;
        if (udpLength < 8 || udpLength > end - udp || (b.getShort(udp + 2) & 0xFFFF) != 4341) {
            return -1;
        }
        int lisp = udp + 8;
        int udpEnd = udp + udpLength;
        if (udpEnd - lisp < 8) {
            return -1;
        }
        int flags = b.get(lisp) & 0xFF;
        if ((flags & 0x03) != 0 || (flags & 0x04) != 0) {
            return -1;
        }
        int inner = lisp + 8;
        if (udpEnd - inner < 20) {
            return -1;
        }
        int iv = b.get(inner) & 0xFF;
        if (iv >>> 4 != 4 || (iv & 0x0F) < 5 || (b.getShort(inner + 2) & 0xFFFF) != udpEnd - inner) {
            return -1;
        }
        int outerEcn = b.get(ip + 1) & 0x03;
        int innerEcn = b.get(inner + 1) & 0x03;
        if (outerEcn == 3 && innerEcn == 0) {
            return -1;
        }
        return inner;
    }

    /** What a hand-written ETR keeps of an accepted packet: the fields {@link LispDecapsulation} reports. */
    static final class HandDecapsulation {
        int innerIndex;
        int innerLength;
        int innerVersion;
        int flags;
        int instanceId;
        int nonce;
        long locatorStatusBits;
        int outerSource;
        int outerDestination;
        int outerTos;
        int outerTtl;
        int sourcePort;
        int innerEcn;
    }

    private final HandDecapsulation hand = new HandDecapsulation();

    /**
     * Baseline with the same result: {@link #decapsulateHandWritten()}'s checks, and the fields the
     * library's holder reports stored into a reused holder.
     */
    @Benchmark
    public int decapsulateHandWrittenFields() {
        int inner = decapsulateHandWritten();
        if (inner < 0) {
            return inner;
        }
        ByteBuffer b = frame;
        HandDecapsulation h = hand;
        int w0 = b.getInt(42);
        int w1 = b.getInt(46);
        h.innerIndex = inner;
        h.innerLength = (b.getShort(inner + 2) & 0xFFFF);
        h.innerVersion = 4;
        h.flags = w0 >>> 24;
        h.instanceId = (w0 & 0x0800_0000) != 0 ? w1 >>> 8 : -1;
        h.nonce = (w0 & 0x8000_0000) != 0 ? w0 & 0xFF_FFFF : -1;
        h.locatorStatusBits = (w0 & 0x4000_0000) == 0 ? -1 : (w0 & 0x0800_0000) != 0 ? w1 & 0xFF : w1 & 0xFFFF_FFFFL;
        h.outerSource = b.getInt(26);
        h.outerDestination = b.getInt(30);
        h.outerTos = b.get(15) & 0xFF;
        h.outerTtl = b.get(22) & 0xFF;
        h.sourcePort = b.getShort(34) & 0xFFFF;
        int outerEcn = h.outerTos & 3;
        int innerEcn = b.get(inner + 1) & 3;
        h.innerEcn = outerEcn == 3 ? 3 : innerEcn;
        return inner;
    }

    // ---- locator selection ---------------------------------------------------------------

    /** Locator selection among 8 (locator 1 down), a new flow hash per call. */
    @Benchmark
    public int select8() {
        hash += 0x9E37_79B9;
        return selector.select(hash, ~2L);
    }
}
