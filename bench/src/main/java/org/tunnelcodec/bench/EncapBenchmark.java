package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.EthernetTemplateHeader;
import org.tunnelcodec.core.encap.InnerType;
import org.tunnelcodec.core.encap.Ipv4TemplateHeader;
import org.tunnelcodec.core.encap.TemplateStore;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.core.encap.UdpTemplateHeader;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.mpls.MplsDecoder;
import org.tunnelcodec.mpls.MplsHeader;
import org.tunnelcodec.mpls.MplsPayloadType;
import org.tunnelcodec.mpls.MplsPush;
import org.tunnelcodec.mpls.MplsTemplates;
import org.tunnelcodec.mpls.MplsTtlModel;
import org.tunnelcodec.vxlan.VxlanTemplates;
import org.tunnelcodec.vxlan.VxlanTunnels;

/**
 * Route-attached encapsulation: an {@link EncapTemplate} pushed in front of a packet already in
 * its buffer, directly and through a {@link TemplateStore} handle, beside the baseline of copying
 * the same template octets into the same headroom with one absolute {@code ByteBuffer.put}.
 *
 * <ul>
 *   <li>VXLAN: outer Ethernet (14) + IPv4 (20) + UDP with the flow-hash source port and a zero
 *       checksum (8) + VXLAN (8) = 50 octets, pushed onto a 100-octet inner Ethernet / IPv4 / UDP
 *       frame ({@link InnerType#ETHERNET}).</li>
 *   <li>MPLS: labels 16004 and 24001 with an ELI and EL below the first (RFC 6790 §4.2), Linux's
 *       default TTL model, 16 octets, pushed onto the inner IPv4 packet of the same frame
 *       ({@link InnerType#IPV4}).</li>
 *   <li>A million routes: a store of 1,000,000 VXLAN templates, each to its own IPv4 destination
 *       with its own VNI, pushed by handles drawn at random; the baseline copies 50 octets from a
 *       flat array of the same million templates at the same random index, so both sides pay the
 *       same cache misses.</li>
 * </ul>
 * What the baselines leave out is what push adds per packet: the fields that depend on the
 * packet (IPv4 Total Length and Header Checksum, UDP Length, the UDP source port from the inner
 * frame's flow hash; for MPLS the TTLs copied from the IPv4 header and the entropy label), the
 * checks made before the first octet is written, and for the store the handle's lookup under its
 * stripe's optimistic read. The {@code GivenHash} diagnostics take the flow hash from the caller,
 * to separate the hashing. {@link #setUp()} checks that the octets a push writes differ from the
 * template's only in those fields, that a push writes only the headroom (the inner packet is not
 * changed, so every operation sees the same buffer), and that the pushed frame classifies as
 * what the route says. The goal: 0 B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EncapBenchmark {
    /** The headroom in front of the inner packet: a typical receive buffer's. */
    static final int HEADROOM = 64;
    /** The VXLAN template's length: Ethernet 14, IPv4 20, UDP 8, VXLAN 8. */
    static final int VXLAN_LENGTH = 50;
    /** The MPLS template's length: four entries. */
    static final int MPLS_LENGTH = 16;
    /** The inner frame's UDP payload: 14 + 20 + 8 + 58 = 100 octets. */
    static final int INNER_PAYLOAD = 58;
    /** The inner frame's UDP Destination Port. */
    static final int INNER_PORT = 5001;
    /** The VNI of the single-route VXLAN template. */
    static final int VNI = 0x00_5A_1E;

    static final MacAddress NEXT_HOP = MacAddress.parse("02:00:5e:00:53:01");
    static final MacAddress ROUTER = MacAddress.parse("02:00:5e:00:53:fe");
    static final Ipv4Address LOCAL = Ipv4Address.parse("192.0.2.254");
    /** The single route's remote end; route {@code i} of the million goes to {@code 10.0.0.0 + i}. */
    static final Ipv4Address REMOTE = Ipv4Address.parse("198.51.100.20");

    /**
     * Returns the VXLAN template of one route: outer Ethernet to the next hop, IPv4 from the local
     * end, UDP with the flow-hash source port and a zero checksum, VXLAN with the I flag.
     *
     * @param remote the tunnel's remote end
     * @param vni the VNI
     * @return the 50-octet template
     */
    static EncapTemplate vxlan(Ipv4Address remote, int vni) {
        return EncapTemplate.of(EthernetTemplateHeader.of(NEXT_HOP, ROUTER), Ipv4TemplateHeader.of(LOCAL, remote),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO),
                VxlanTemplates.vxlan(vni));
    }

    /**
     * Returns the template of route {@code i} of the million: to {@code 10.0.0.0 + i}, VNI {@code i}.
     *
     * @param i the route, 0..16777215
     * @return the 50-octet template
     */
    static EncapTemplate route(int i) {
        return vxlan(Ipv4Address.of(0x0A00_0000 + i), i);
    }

    /** The inner Ethernet frame, 100 octets. */
    private byte[] innerFrame;

    // ---- VXLAN, one route ------------------------------------------------------------------

    private EncapTemplate vxlanTemplate;
    private TemplateStore store;
    private int vxlanHandle;
    /** The template's octets for the baseline, as {@link EncapTemplate#bytes()} gives them. */
    private byte[] vxlanBytes;
    private ByteBuffer vxlanBuffer;
    private ByteBuffer vxlanStoreBuffer;
    private ByteBuffer vxlanCopyBuffer;
    private ByteBuffer vxlanHandBuffer;
    private int vxlanEnd;
    private int vxlanFlowHash;

    // ---- MPLS ------------------------------------------------------------------------------

    private EncapTemplate mplsTemplate;
    private int mplsHandle;
    private byte[] mplsBytes;
    private ByteBuffer mplsBuffer;
    private ByteBuffer mplsStoreBuffer;
    private ByteBuffer mplsCopyBuffer;
    private int mplsEnd;
    private int mplsFlowHash;

    // ---- A million routes ------------------------------------------------------------------

    private ByteBuffer randomBuffer;
    private ByteBuffer randomCopyBuffer;
    /** This thread's place in {@link MillionRoutes#walk}. */
    private int cursor;
    /**
     * {@link #HEADROOM}, read from a field: where a packet starts is data on a data path, so
     * neither a push nor its baselines may fold their index arithmetic into constants (the
     * baselines are inlined into their benchmark methods, the push is compiled on its own).
     */
    private int packetIndex = HEADROOM;

    /** Builds the templates and buffers, and checks what every push and copy writes. */
    @Setup
    public void setUp() {
        innerFrame = Frames.ethernetIpv4Udp(INNER_PAYLOAD, INNER_PORT);
        store = new TemplateStore();

        // VXLAN
        vxlanTemplate = vxlan(REMOTE, VNI);
        require(vxlanTemplate.length() == VXLAN_LENGTH, "VXLAN template length " + vxlanTemplate.length());
        vxlanHandle = store.add(vxlanTemplate);
        vxlanBytes = vxlanTemplate.bytes().toByteArray();
        vxlanBuffer = behindHeadroom(innerFrame);
        vxlanStoreBuffer = behindHeadroom(innerFrame);
        vxlanCopyBuffer = behindHeadroom(innerFrame);
        vxlanHandBuffer = behindHeadroom(innerFrame);
        randomBuffer = behindHeadroom(innerFrame);
        randomCopyBuffer = behindHeadroom(innerFrame);
        vxlanEnd = HEADROOM + innerFrame.length;
        vxlanFlowHash = EncapTemplate.flowHash(vxlanBuffer, HEADROOM, vxlanEnd, InnerType.ETHERNET);

        require(vxlanTemplate() == HEADROOM - VXLAN_LENGTH, "vxlanTemplate start");
        byte[] pushed = vxlanBuffer.array().clone();
        checkVxlan(vxlanBuffer, innerFrame, REMOTE, VNI, vxlanBytes);
        require(vxlanTemplate() == HEADROOM - VXLAN_LENGTH && Arrays.equals(vxlanBuffer.array(), pushed),
                "vxlanTemplate: a second push wrote other octets");
        require(vxlanTemplateGivenHash() == HEADROOM - VXLAN_LENGTH && Arrays.equals(vxlanBuffer.array(), pushed),
                "vxlanTemplateGivenHash: not the octets of push");
        require(vxlanStore() == HEADROOM - VXLAN_LENGTH && Arrays.equals(vxlanStoreBuffer.array(), pushed),
                "vxlanStore: not the octets of the template's push");
        require(vxlanHandWritten() == HEADROOM - VXLAN_LENGTH && Arrays.equals(vxlanHandBuffer.array(), pushed),
                "vxlanHandWritten: not the octets of the template's push");
        require(vxlanCopy() == HEADROOM - VXLAN_LENGTH, "vxlanCopy start");
        checkCopy(vxlanCopyBuffer, innerFrame, vxlanBytes, "vxlanCopy");

        // MPLS, onto the inner frame's IPv4 packet
        byte[] ipPacket = Arrays.copyOfRange(innerFrame, Frames.ETHERNET_LENGTH, innerFrame.length);
        MplsPush push = MplsPush.builder(MplsTtlModel.linuxDefault()).label(16004).label(24001).entropyLabelAfter(1)
                .build();
        mplsTemplate = EncapTemplate.of(MplsTemplates.labelStack(push));
        require(mplsTemplate.length() == MPLS_LENGTH, "MPLS template length " + mplsTemplate.length());
        mplsHandle = store.add(mplsTemplate);
        mplsBytes = mplsTemplate.bytes().toByteArray();
        mplsBuffer = behindHeadroom(ipPacket);
        mplsStoreBuffer = behindHeadroom(ipPacket);
        mplsCopyBuffer = behindHeadroom(ipPacket);
        mplsEnd = HEADROOM + ipPacket.length;
        mplsFlowHash = EncapTemplate.flowHash(mplsBuffer, HEADROOM, mplsEnd, InnerType.IPV4);

        require(mplsTemplate() == HEADROOM - MPLS_LENGTH, "mplsTemplate start");
        pushed = mplsBuffer.array().clone();
        ByteBuffer reference = behindHeadroom(ipPacket); // the module's own push of the same stack
        require(push.push(reference, HEADROOM, mplsEnd, MplsPayloadType.IPV4) == HEADROOM - MPLS_LENGTH
                && Arrays.equals(reference.array(), pushed), "mplsTemplate: not the octets of MplsPush.push");
        require(Arrays.equals(pushed, HEADROOM, mplsEnd, ipPacket, 0, ipPacket.length),
                "mplsTemplate: the inner packet changed");
        MplsHeader stack = MplsDecoder.decode(mplsBuffer, HEADROOM - MPLS_LENGTH, mplsEnd).header();
        require(stack.depth() == 4 && stack.label(0) == 16004 && stack.label(1) == 7 && stack.label(3) == 24001
                && stack.label(2) == MplsPush.entropyLabel(mplsFlowHash) && stack.ttl(0) == 64,
                "mplsTemplate: not the expected stack: " + stack);
        require(mplsTemplate() == HEADROOM - MPLS_LENGTH && Arrays.equals(mplsBuffer.array(), pushed),
                "mplsTemplate: a second push wrote other octets");
        require(mplsTemplateGivenHash() == HEADROOM - MPLS_LENGTH && Arrays.equals(mplsBuffer.array(), pushed),
                "mplsTemplateGivenHash: not the octets of push");
        require(mplsStore() == HEADROOM - MPLS_LENGTH && Arrays.equals(mplsStoreBuffer.array(), pushed),
                "mplsStore: not the octets of the template's push");
        require(mplsCopy() == HEADROOM - MPLS_LENGTH, "mplsCopy start");
        checkCopy(mplsCopyBuffer, ipPacket, mplsBytes, "mplsCopy");
    }

    private static ByteBuffer behindHeadroom(byte[] packet) {
        ByteBuffer b = ByteBuffer.allocate(HEADROOM + packet.length);
        b.put(HEADROOM, packet);
        return b;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("set-up check failed: " + what);
        }
    }

    /** The baseline wrote the template's octets into the headroom and nothing else. */
    private static void checkCopy(ByteBuffer b, byte[] packet, byte[] template, String what) {
        byte[] a = b.array();
        require(Arrays.equals(a, HEADROOM - template.length, HEADROOM, template, 0, template.length),
                what + ": not the template's octets");
        require(Arrays.equals(a, HEADROOM, a.length, packet, 0, packet.length), what + ": the inner packet changed");
    }

    private static final TunnelClassifier VXLAN_CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(VxlanTunnels.bindings()).build();

    /**
     * Checks a VXLAN push in front of {@code inner} at {@link #HEADROOM}: the inner frame
     * unchanged; the octets different from the template's only in IPv4 Total Length and Header
     * Checksum and UDP Source Port and Length; the frame classified as VXLAN with the route's
     * addresses and VNI, the inner frame where it was, a source port from the inner frame's flow
     * hash, a valid IPv4 Header Checksum.
     */
    static void checkVxlan(ByteBuffer b, byte[] inner, Ipv4Address remote, int vni, byte[] template) {
        int start = HEADROOM - VXLAN_LENGTH;
        int end = HEADROOM + inner.length;
        byte[] a = b.array();
        require(Arrays.equals(a, HEADROOM, end, inner, 0, inner.length), "VXLAN push: the inner frame changed");
        int ip = start + 14;
        int udp = ip + 20;
        for (int i = 0; i < VXLAN_LENGTH; i++) {
            int at = start + i;
            boolean fixed = at == ip + 2 || at == ip + 3 || at == ip + 10 || at == ip + 11 // Total Length, checksum
                    || at == udp || at == udp + 1 || at == udp + 4 || at == udp + 5; // Source Port, Length
            require(fixed || a[at] == template[i], "VXLAN push: octet " + i + " is not the template's");
        }
        TunnelMetadata m = new TunnelMetadata();
        TunnelClassifier.Verdict v = VXLAN_CLASSIFIER.classify(LinkType.ETHERNET, b, start, end, m);
        int port = FlowHash.sourcePort(FlowHash.ofEthernetFrame(b, HEADROOM, inner.length));
        require(v == TunnelClassifier.Verdict.TUNNEL && m.tunnelId() == vni && m.flags() == 0x0800_0000
                        && m.ipv4SourceBits() == LOCAL.bits() && m.ipv4DestinationBits() == remote.bits()
                        && m.ttl() == 64 && m.destinationPort() == 4789 && m.sourcePort() == port
                        && m.innerIndex() == HEADROOM && m.innerLength() == inner.length && m.innerProtocol() == 0x6558,
                "VXLAN push: classified as " + v + " " + m);
        require(InternetChecksum.verifies(b, ip, 20, 0), "VXLAN push: IPv4 Header Checksum");
        require((b.getShort(ip + 2) & 0xFFFF) == VXLAN_LENGTH - 14 + inner.length
                && (b.getShort(udp + 4) & 0xFFFF) == VXLAN_LENGTH - 34 + inner.length, "VXLAN push: lengths");
    }

    // ---- VXLAN, one route ------------------------------------------------------------------

    /** The template's push: copy, lengths, checksum, source port from the inner frame's flow hash. */
    @Benchmark
    public int vxlanTemplate() {
        return vxlanTemplate.push(vxlanBuffer, packetIndex, vxlanEnd, InnerType.ETHERNET);
    }

    /** The same push through the store's handle. */
    @Benchmark
    public int vxlanStore() {
        return store.push(vxlanHandle, vxlanStoreBuffer, packetIndex, vxlanEnd, InnerType.ETHERNET);
    }

    /** Diagnostic: {@link #vxlanTemplate()} with the caller's flow hash (computed once in setup). */
    @Benchmark
    public int vxlanTemplateGivenHash() {
        return vxlanTemplate.push(vxlanBuffer, packetIndex, vxlanEnd, InnerType.ETHERNET, vxlanFlowHash);
    }

    /** The baseline: the same 50 template octets put into the headroom, no field fixed. */
    @Benchmark
    public int vxlanCopy() {
        byte[] t = vxlanBytes;
        int start = packetIndex - t.length;
        vxlanCopyBuffer.put(start, t);
        return start;
    }

    /**
     * A second baseline: the same push written by hand for this one template, as a router with a
     * single tunnel shape would code it: the copy, IPv4 Total Length, the inner IPv4 packet's ECN
     * (RFC 6040 normal mode: the template's default), the Header Checksum updated for both (RFC
     * 1624 eqn. 3), the UDP Length, and the source port from the inner frame's flow hash. The same
     * octets as {@link #vxlanTemplate()} (checked in set-up).
     */
    @Benchmark
    public int vxlanHandWritten() {
        ByteBuffer b = vxlanHandBuffer;
        byte[] t = vxlanBytes;
        int start = packetIndex - VXLAN_LENGTH;
        b.put(start, t);
        int innerLength = vxlanEnd - packetIndex;
        int ip = start + 14;
        int oldWord0 = (t[14] & 0xFF) << 8 | t[15] & 0xFF;
        int word0 = oldWord0 | b.get(packetIndex + 15) & 0x03; // the inner IPv4 header's ECN field
        int oldTotal = (t[16] & 0xFF) << 8 | t[17] & 0xFF;
        int total = oldTotal + innerLength;
        int sum = ~((t[24] & 0xFF) << 8 | t[25] & 0xFF) & 0xFFFF;
        sum += (~oldWord0 & 0xFFFF) + word0 + (~oldTotal & 0xFFFF) + total;
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        b.putShort(ip, (short) word0);
        b.putShort(ip + 2, (short) total);
        b.putShort(ip + 10, (short) ~sum);
        b.putShort(ip + 20, (short) FlowHash.sourcePort(FlowHash.ofEthernetFrame(b, packetIndex, innerLength)));
        b.putShort(ip + 24, (short) (((t[38] & 0xFF) << 8 | t[39] & 0xFF) + innerLength));
        return start;
    }

    // ---- MPLS ------------------------------------------------------------------------------

    /** The template's push: copy, TTLs from the IPv4 header, the entropy label from its flow hash. */
    @Benchmark
    public int mplsTemplate() {
        return mplsTemplate.push(mplsBuffer, packetIndex, mplsEnd, InnerType.IPV4);
    }

    /** The same push through the store's handle. */
    @Benchmark
    public int mplsStore() {
        return store.push(mplsHandle, mplsStoreBuffer, packetIndex, mplsEnd, InnerType.IPV4);
    }

    /** Diagnostic: {@link #mplsTemplate()} with the caller's flow hash (computed once in setup). */
    @Benchmark
    public int mplsTemplateGivenHash() {
        return mplsTemplate.push(mplsBuffer, packetIndex, mplsEnd, InnerType.IPV4, mplsFlowHash);
    }

    /** The baseline: the same 16 template octets put into the headroom, no field fixed. */
    @Benchmark
    public int mplsCopy() {
        byte[] t = mplsBytes;
        int start = packetIndex - t.length;
        mplsCopyBuffer.put(start, t);
        return start;
    }

    // ---- A million routes ------------------------------------------------------------------

    /** The push of the next random route's template, by handle, from the store of a million. */
    @Benchmark
    public int pushRandomHandle(MillionRoutes routes) {
        int route = routes.walk[cursor++ & MillionRoutes.WALK_MASK];
        return routes.store.push(route, randomBuffer, packetIndex, vxlanEnd, InnerType.ETHERNET);
    }

    /** The baseline: the next random route's 50 octets copied from the flat array of a million. */
    @Benchmark
    public int copyRandomHandle(MillionRoutes routes) {
        int route = routes.walk[cursor++ & MillionRoutes.WALK_MASK];
        int start = packetIndex - VXLAN_LENGTH;
        randomCopyBuffer.put(start, routes.flat, route * VXLAN_LENGTH, VXLAN_LENGTH);
        return start;
    }

    /**
     * A second baseline: the next random route's 50 octets copied from its own {@code byte[]},
     * one array object per route, as a router that keeps an object per route holds them (a
     * reference, then the array: two dependent reads, as the store's handle, then page).
     */
    @Benchmark
    public int copyRandomRouteArray(MillionRoutes routes) {
        int route = routes.walk[cursor++ & MillionRoutes.WALK_MASK];
        int start = packetIndex - VXLAN_LENGTH;
        randomCopyBuffer.put(start, routes.perRoute[route], 0, VXLAN_LENGTH);
        return start;
    }

    /**
     * A million routes, each with its own VXLAN template ({@link #route(int)}): in a
     * {@link TemplateStore}, handle {@code i} for route {@code i}, and the same octets in one flat
     * array at {@code i * 50}; and a walk of {@value #WALK} routes drawn at random, which both
     * sides read in the same order.
     */
    @State(Scope.Benchmark)
    public static class MillionRoutes {
        /** The number of routes. */
        static final int ROUTES = 1_000_000;
        /** The walk's length, a power of two. */
        static final int WALK = 1 << 20;
        static final int WALK_MASK = WALK - 1;

        TemplateStore store;
        byte[] flat;
        byte[][] perRoute;
        int[] walk;

        /** Builds the store, the flat array and the walk, and checks pushes of routes on the walk. */
        @Setup(Level.Trial)
        public void setUp() {
            store = new TemplateStore();
            flat = new byte[ROUTES * VXLAN_LENGTH];
            perRoute = new byte[ROUTES][];
            for (int i = 0; i < ROUTES; i++) {
                EncapTemplate t = route(i);
                int handle = store.add(t);
                require(handle == i, "route " + i + " got handle " + handle);
                t.bytes().writeTo(ByteBuffer.wrap(flat), i * VXLAN_LENGTH);
                perRoute[i] = t.bytes().toByteArray();
            }
            require(store.templateCount() == ROUTES && store.programCount() == 1,
                    store.templateCount() + " templates, " + store.programCount() + " programs");
            walk = new int[WALK];
            SplittableRandom random = new SplittableRandom(0x7E4A9L);
            for (int i = 0; i < WALK; i++) {
                walk[i] = random.nextInt(ROUTES);
            }
            byte[] inner = Frames.ethernetIpv4Udp(INNER_PAYLOAD, INNER_PORT);
            for (int i = 0; i < 1000; i++) {
                int route = walk[i * 997];
                ByteBuffer b = behindHeadroom(inner);
                require(store.push(route, b, HEADROOM, HEADROOM + inner.length, InnerType.ETHERNET)
                        == HEADROOM - VXLAN_LENGTH, "push start");
                checkVxlan(b, inner, Ipv4Address.of(0x0A00_0000 + route), route,
                        Arrays.copyOfRange(flat, route * VXLAN_LENGTH, (route + 1) * VXLAN_LENGTH));
            }
        }
    }
}
