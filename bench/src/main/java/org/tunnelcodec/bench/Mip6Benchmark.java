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
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.mip6.BinaryTrafficSelector;
import org.tunnelcodec.mip6.BindingTable;
import org.tunnelcodec.mip6.FlowSubOption;
import org.tunnelcodec.mip6.Ipv4CareOfTunnel;
import org.tunnelcodec.mip6.Ipv4TrafficSelector;
import org.tunnelcodec.mip6.Ipv6TrafficSelector;
import org.tunnelcodec.mip6.Mip6Tunnel;
import org.tunnelcodec.mip6.MobilityHeader;
import org.tunnelcodec.mip6.MobilityHeaderDecoder;
import org.tunnelcodec.mip6.MobilityHeaderEncoder;
import org.tunnelcodec.mip6.MobilityMessage;
import org.tunnelcodec.mip6.MobilityOption;
import org.tunnelcodec.mip6.MobilityPseudoHeader;

/**
 * The Mobile IPv6 paths beside hand-written code on the same bytes, in the same run:
 * <ul>
 *   <li><b>Binding Update decode</b>: frame {@code e_mip6_bu} (Ethernet / IPv6 / Destination
 *       Options with the Home Address option / Mobility Header: a Binding Update with PadN and an
 *       Alternate Care-of Address) walked to the Mobility Header by the dissector's
 *       allocation-free {@link FrameWalk} and decoded into records by
 *       {@link MobilityHeaderDecoder}; the baseline walks the same headers in line and reads
 *       the same fields (sequence, flags, lifetime, every option's type, the Alternate Care-of
 *       Address) into one small result object.</li>
 *   <li><b>Binding Update encode</b>: the same header written with its checksum
 *       ({@link MobilityHeaderEncoder#encode(MobilityHeader, ByteBuffer, MobilityPseudoHeader)});
 *       the baseline writes the same 32 octets and sums the same pseudo-header.</li>
 *   <li><b>Selection</b> among 16 active flow bindings (8 IPv4, 8 IPv6 selectors, interleaved)
 *       through {@link BindingTable.Snapshot#select}, for an IPv6 and an IPv4 packet that match
 *       none (every selector tried); the baseline parses the same packet fields in line and
 *       tries the same selectors in the same order.</li>
 *   <li><b>Encapsulation</b>: {@link Mip6Tunnel#push} of the outer IPv6 header in front of an
 *       IPv6 packet; the baseline copies 40 precomputed octets and stores the Payload Length and
 *       the Traffic Class.</li>
 * </ul>
 * {@link #setUp()} checks that each baseline gives the library's result.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Mip6Benchmark {
    /** Where the Mobility Header of {@code e_mip6_bu} starts: Ethernet 14, IPv6 40, Destination Options 24. */
    static final int MH = 78;
    static final Ipv6Address HA = Ipv6Address.parse("2001:db8:a::1");
    static final Ipv6Address HOA = Ipv6Address.parse("2001:db8:a::100");
    static final Ipv6Address COA = Ipv6Address.parse("2001:db8:c0a::100");
    static final int HEADROOM = 64;
    /** The key of the Mobility Header: IPv6 Next Header 135 (RFC 6275 §6.1.1). */
    static final long MOBILITY_HEADER_KEY = LayerKey.pack(KeySpace.IP_PROTOCOL, MobilityHeader.NEXT_HEADER);

    private ByteBuffer frame;
    private final FrameWalk walk = DissectBenchmark.DISSECTOR.newWalk();
    private int mip6LayerId = -1;
    private MobilityHeader header;
    private MobilityPseudoHeader pseudo;
    private ByteBuffer encoded;
    private ByteBuffer handEncoded;

    private BindingTable.Snapshot snapshot;
    private Ipv4TrafficSelector[] v4;
    private Ipv6TrafficSelector[] v6;
    private ByteBuffer packet6;
    private ByteBuffer packet4;
    /**
     * 0, read from a field: where a packet starts is data on a data path, so neither the
     * selection nor its baseline may fold its index arithmetic into constants (the baselines
     * are inlined into their benchmark methods, the selection is compiled on its own).
     */
    private int packetIndex;

    private Mip6Tunnel tunnel;
    private Ipv4CareOfTunnel udpTunnel;
    private ByteBuffer push4;
    private ByteBuffer copy4;
    private byte[] outer4;
    private int outer4Sum;
    private ByteBuffer push;
    private ByteBuffer copy;
    private byte[] outer;
    private int innerEnd;

    /** The fields the hand-written decode keeps. */
    static final class HandBindingUpdate {
        final int sequence;
        final int flags;
        final int lifetime;
        final long optionTypes;
        final long alternateHigh;
        final long alternateLow;

        HandBindingUpdate(int sequence, int flags, int lifetime, long optionTypes, long alternateHigh, long alternateLow) {
            this.sequence = sequence;
            this.flags = flags;
            this.lifetime = lifetime;
            this.optionTypes = optionTypes;
            this.alternateHigh = alternateHigh;
            this.alternateLow = alternateLow;
        }
    }

    /** Loads the frame, builds the table and tunnel, and checks every baseline against the library. */
    @Setup
    public void setUp() {
        frame = ByteBuffer.wrap(Frames.shared("e_mip6_bu"));
        for (FrameWalk w = walk.wrap(LinkType.ETHERNET, frame); w.next(); ) {
            if (w.layer().name().equals("mip6")) {
                mip6LayerId = w.layerId();
            }
        }
        MobilityHeader decoded = decode();
        require(decoded.equals(decodeAfterWalkingIt()), "decode: the two ways differ");
        MobilityMessage.BindingUpdate bu = (MobilityMessage.BindingUpdate) decoded.message();
        HandBindingUpdate hand = decodeHandWritten();
        MobilityOption.AlternateCareOfAddress alt = decoded.option(MobilityOption.AlternateCareOfAddress.class);
        require(hand != null && hand.sequence == bu.sequence() && hand.flags == bu.flags() && hand.lifetime == bu.lifetime()
                && alt != null && hand.alternateHigh == alt.address().high() && hand.alternateLow == alt.address().low(),
                "decodeHandWritten: not the decoder's fields");

        header = decoded;
        Ipv6Address source = Ipv6Address.of(frame.getLong(22), frame.getLong(30));
        Ipv6Address destination = Ipv6Address.of(frame.getLong(38), frame.getLong(46));
        Ipv6Address hoa = Ipv6Address.of(frame.getLong(62), frame.getLong(70)); // the Home Address option's address
        pseudo = MobilityPseudoHeader.of(source, destination, hoa, null);
        encoded = ByteBuffer.allocate(MobilityHeaderEncoder.encodedLength(header));
        handEncoded = ByteBuffer.allocate(encoded.capacity());
        encode();
        require(encodeHandWritten() == encoded.capacity() && encoded.equals(handEncoded)
                && encoded.equals(frame.slice(MH, 32)), "encode: not the frame's Mobility Header octets");

        BindingTable table = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).build();
        List<MobilityOption> options = new ArrayList<>();
        options.add(MobilityOption.BindingIdentifier.of(1, 1, COA));
        List<BinaryTrafficSelector> selectors = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            selectors.add(Ipv4TrafficSelector.builder().destinationAddress(Ipv4Address.of(0x0A00_0100 + i))
                    .destinationPortRange(1000 * i, 1000 * i + 99).protocol(17).build());
            selectors.add(Ipv6TrafficSelector.builder().destinationAddress(Ipv6Address.of(0x2001_0db8_0000_0100L + i, 1))
                    .flowLabelRange(0x100 * i, 0x100 * i + 0xFF).nextHeader(6).build());
        }
        for (int i = 0; i < selectors.size(); i++) {
            options.add(new MobilityOption.FlowIdentification(i + 1, i + 1, 0, 0, List.of(
                    FlowSubOption.TrafficSelector.of(selectors.get(i)), new FlowSubOption.BidReference(List.of(1)))));
        }
        MobilityHeader update = MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.A
                | MobilityMessage.BindingUpdate.H, 100), options);
        MobilityHeader ack = table.apply(update, COA, 0);
        require(((MobilityMessage.BindingAcknowledgement) ack.message()).status() == 0, "the table refused the update");
        snapshot = table.snapshot();
        require(snapshot.flowBindings().size() == 16, "16 active flow bindings");
        v4 = new Ipv4TrafficSelector[8];
        v6 = new Ipv6TrafficSelector[8];
        for (int i = 0; i < 8; i++) {
            v4[i] = (Ipv4TrafficSelector) selectors.get(2 * i);
            v6[i] = (Ipv6TrafficSelector) selectors.get(2 * i + 1);
        }
        packet6 = ByteBuffer.allocate(60);
        packet6.putInt(0, 6 << 28 | 0x9_9999).putShort(4, (short) 20).put(6, (byte) 6).put(7, (byte) 64)
                .putLong(8, 0x2001_0db8_0000_0999L).putLong(16, 5).putLong(24, HOA.high()).putLong(32, HOA.low())
                .putShort(40, (short) 1234).putShort(42, (short) 443);
        packet4 = ByteBuffer.allocate(28);
        packet4.putShort(0, (short) 0x4500).putShort(2, (short) 28).put(8, (byte) 64).put(9, (byte) 17)
                .putInt(12, 0xC000_0201).putInt(16, 0x0A00_0999).putShort(20, (short) 4000).putShort(22, (short) 53)
                .putShort(24, (short) 8);
        require(select6() == 0 && select6HandWritten() == -1 && select4() == 0 && select4HandWritten() == -1,
                "selection: the packets must match no flow binding on either side");
        require(snapshot.matchFlow(packet6, 0, 60) == -1 && snapshot.matchFlow(packet4, 0, 28) == -1, "no match");

        tunnel = Mip6Tunnel.builder(HA, COA).build();
        byte[] inner = Arrays.copyOf(packet6.array(), 60);
        push = ByteBuffer.allocate(HEADROOM + 60).put(HEADROOM, inner);
        copy = ByteBuffer.allocate(HEADROOM + 60).put(HEADROOM, inner);
        innerEnd = HEADROOM + 60;
        require(encapsulate() == HEADROOM - 40, "push start");
        outer = Arrays.copyOfRange(push.array(), HEADROOM - 40, HEADROOM);
        outer[4] = 0; // Payload Length, stored per packet
        outer[5] = 0;
        require(encapsulateHandWritten() == HEADROOM - 40 && Arrays.equals(push.array(), copy.array()),
                "encapsulateHandWritten: not the octets of push");

        udpTunnel = Ipv4CareOfTunnel.builder(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("203.0.113.50"))
                .udp(Ipv4CareOfTunnel.PORT, 61000).build();
        push4 = ByteBuffer.allocate(HEADROOM + 60).put(HEADROOM, inner);
        copy4 = ByteBuffer.allocate(HEADROOM + 60).put(HEADROOM, inner);
        require(encapsulateIpv4Udp() == HEADROOM - 28, "IPv4/UDP push start");
        outer4 = Arrays.copyOfRange(push4.array(), HEADROOM - 28, HEADROOM);
        outer4[2] = 0; // Total Length, TOS, header checksum and UDP Length: per packet
        outer4[3] = 0;
        outer4[1] = 0;
        outer4[10] = 0;
        outer4[11] = 0;
        outer4[24] = 0;
        outer4[25] = 0;
        ByteBuffer o = ByteBuffer.wrap(outer4);
        outer4Sum = 0;
        for (int i = 0; i < 20; i += 2) {
            outer4Sum += o.getShort(i) & 0xFFFF;
        }
        require(encapsulateIpv4UdpHandWritten() == HEADROOM - 28 && Arrays.equals(push4.array(), copy4.array()),
                "encapsulateIpv4UdpHandWritten: not the octets of the IPv4/UDP push");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    // ---- Binding Update decode ----------------------------------------------------------

    /**
     * The frame walked to the layer whose payload is the Mobility Header (the walk names its key,
     * IPv6 Next Header 135, after the IPv6 header and its extension headers), and the Mobility
     * Header decoded into records from there: the decode makes every check the layer's walk
     * would, once.
     */
    @Benchmark
    public MobilityHeader decode() {
        FrameWalk w = walk.wrap(LinkType.ETHERNET, frame);
        while (w.next()) {
            if (w.nextKey() == MOBILITY_HEADER_KEY) {
                int at = w.payloadIndex();
                return MobilityHeaderDecoder.decode(frame, at, at + w.payloadLength()).header();
            }
        }
        throw new IllegalStateException("no Mobility Header");
    }

    /**
     * The same with the Mobility Header walked as a layer of its own before it is decoded: its
     * checks made twice, by the layer's walk and by the decoder.
     */
    @Benchmark
    public MobilityHeader decodeAfterWalkingIt() {
        FrameWalk w = walk.wrap(LinkType.ETHERNET, frame);
        while (w.next()) {
            if (w.layerId() == mip6LayerId) {
                return MobilityHeaderDecoder.decode(frame, w.offset(), w.offset() + w.headerLength() + w.payloadLength())
                        .header();
            }
        }
        throw new IllegalStateException("no Mobility Header");
    }

    /** Baseline: Ethernet, IPv6, the Destination Options header and the Mobility Header in line. */
    @Benchmark
    public HandBindingUpdate decodeHandWritten() {
        ByteBuffer b = frame;
        int limit = b.limit();
        if (limit < 54 || (b.getShort(12) & 0xFFFF) != 0x86DD || (b.get(14) & 0xF0) != 0x60) {
            return null;
        }
        int end = 54 + (b.getShort(18) & 0xFFFF);
        if (end > limit) {
            return null;
        }
        int next = b.get(20) & 0xFF;
        int at = 54;
        while (next == 60 || next == 0 || next == 43) { // Destination Options, Hop-by-Hop, Routing
            if (end - at < 8) {
                return null;
            }
            int length = ((b.get(at + 1) & 0xFF) + 1) * 8;
            if (end - at < length) {
                return null;
            }
            next = b.get(at) & 0xFF;
            at += length;
        }
        if (next != 135 || end - at < 8) {
            return null;
        }
        int mhLength = ((b.get(at + 1) & 0xFF) + 1) * 8;
        if (end - at < mhLength || (b.get(at + 2) & 0xFF) != 5 || mhLength < 16) {
            return null;
        }
        int sequence = b.getShort(at + 6) & 0xFFFF;
        int flags = b.getShort(at + 8) & 0xFFFF;
        int lifetime = b.getShort(at + 10) & 0xFFFF;
        long types = 0;
        long altHigh = 0;
        long altLow = 0;
        int o = at + 12;
        int mhEnd = at + mhLength;
        while (o < mhEnd) {
            int type = b.get(o) & 0xFF;
            types = types << 8 | type;
            if (type == 0) {
                o++;
                continue;
            }
            if (mhEnd - o < 2) {
                return null;
            }
            int length = b.get(o + 1) & 0xFF;
            if (mhEnd - o - 2 < length) {
                return null;
            }
            if (type == 3 && length == 16) {
                altHigh = b.getLong(o + 2);
                altLow = b.getLong(o + 10);
            }
            o += 2 + length;
        }
        return new HandBindingUpdate(sequence, flags, lifetime, types, altHigh, altLow);
    }

    // ---- Binding Update encode ----------------------------------------------------------

    /** The header written with its checksum. */
    @Benchmark
    public int encode() {
        return MobilityHeaderEncoder.encode(header, encoded, pseudo);
    }

    /** Baseline: the same 32 octets and checksum, in line. */
    @Benchmark
    public int encodeHandWritten() {
        ByteBuffer b = handEncoded;
        MobilityMessage.BindingUpdate bu = (MobilityMessage.BindingUpdate) header.message();
        MobilityOption.AlternateCareOfAddress alt = header.option(MobilityOption.AlternateCareOfAddress.class);
        b.putLong(0, 59L << 56 | 3L << 48 | 5L << 40 | (long) bu.sequence() & 0xFFFF);
        b.putInt(8, bu.flags() << 16 | bu.lifetime());
        b.putInt(12, 0x0100_0310);                 // PadN without data, then the Alternate CoA at 8n+6
        b.putLong(16, alt.address().high());
        b.putLong(24, alt.address().low());
        b.putShort(4, (short) InternetChecksum.checksum(b, 0, 32, pseudo.sum(32)));
        return 32;
    }

    // ---- selection ----------------------------------------------------------------------

    /** Selection for an IPv6 packet that matches none of the 16 flow bindings. */
    @Benchmark
    public int select6() {
        return snapshot.select(packet6, packetIndex, packetIndex + 60);
    }

    /** Selection for an IPv4 packet that matches none of the 16 flow bindings. */
    @Benchmark
    public int select4() {
        return snapshot.select(packet4, packetIndex, packetIndex + 28);
    }

    /** Baseline: the IPv6 packet's fields in line (no extension headers), then the 8 IPv6 selectors. */
    @Benchmark
    public int select6HandWritten() {
        ByteBuffer b = packet6;
        int p = packetIndex;
        int word0 = b.getInt(p);
        int next = b.get(p + 6) & 0xFF;
        int payload = b.getShort(p + 4) & 0xFFFF;
        int sp = -1;
        int dp = -1;
        if ((next == 6 || next == 17) && payload >= 4) {
            sp = b.getShort(p + 40) & 0xFFFF;
            dp = b.getShort(p + 42) & 0xFFFF;
        }
        long sh = b.getLong(p + 8);
        long sl = b.getLong(p + 16);
        long dh = b.getLong(p + 24);
        long dl = b.getLong(p + 32);
        Ipv6TrafficSelector[] s = v6;
        for (int i = 0; i < s.length; i++) {
            if (s[i].matches(sh, sl, dh, dl, BinaryTrafficSelector.NO_SPI, word0 & 0xF_FFFF, sp, dp, word0 >>> 20 & 0xFF,
                    next)) {
                return i;
            }
        }
        return -1;
    }

    /** Baseline: the IPv4 packet's fields in line, then the 8 IPv4 selectors. */
    @Benchmark
    public int select4HandWritten() {
        ByteBuffer b = packet4;
        int p = packetIndex;
        int ihl = (b.get(p) & 0x0F) * 4;
        int protocol = b.get(p + 9) & 0xFF;
        int sp = -1;
        int dp = -1;
        if ((protocol == 6 || protocol == 17) && (b.getShort(p + 6) & 0x1FFF) == 0) {
            sp = b.getShort(p + ihl) & 0xFFFF;
            dp = b.getShort(p + ihl + 2) & 0xFFFF;
        }
        int source = b.getInt(p + 12);
        int destination = b.getInt(p + 16);
        int ds = b.get(p + 1) & 0xFF;
        Ipv4TrafficSelector[] s = v4;
        for (int i = 0; i < s.length; i++) {
            if (s[i].matches(source, destination, BinaryTrafficSelector.NO_SPI, sp, dp, ds, protocol)) {
                return i;
            }
        }
        return -1;
    }

    // ---- encapsulation ------------------------------------------------------------------

    /** Outer IPv6 from the home agent to the care-of address. */
    @Benchmark
    public int encapsulate() {
        return tunnel.push(push, HEADROOM, innerEnd);
    }

    /** Outer IPv4 and UDP (DSMIPv6 through a NAT, RFC 5555 §4.1) from the home agent to the NAT's address and port. */
    @Benchmark
    public int encapsulateIpv4Udp() {
        return udpTunnel.push(push4, HEADROOM, innerEnd);
    }

    /**
     * Baseline: 28 precomputed octets, then the TOS (DSCP and ECN copied from the inner Traffic
     * Class), Total Length and header checksum (the constant words' sum precomputed), and the UDP
     * Length.
     */
    @Benchmark
    public int encapsulateIpv4UdpHandWritten() {
        ByteBuffer b = copy4;
        int start = HEADROOM - 28;
        int length = innerEnd - HEADROOM;
        b.put(start, outer4);
        int tos = b.getShort(HEADROOM) >>> 4 & 0xFF;
        int total = length + 28;
        b.putShort(start, (short) (0x4500 | tos));
        b.putShort(start + 2, (short) total);
        int sum = outer4Sum + tos + total;
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        b.putShort(start + 10, (short) ~sum);
        b.putShort(start + 24, (short) (length + 8));
        return start;
    }

    /** Baseline: 40 precomputed octets, the Payload Length and the Traffic Class. */
    @Benchmark
    public int encapsulateHandWritten() {
        ByteBuffer b = copy;
        int start = HEADROOM - 40;
        b.put(start, outer);
        b.putShort(start + 4, (short) (innerEnd - HEADROOM));
        int tc = b.getShort(HEADROOM) >>> 4 & 0x03; // ECN copied, DSCP 0
        b.put(start + 1, (byte) (tc << 4 | b.get(start + 1) & 0x0F));
        return start;
    }
}
