package org.tunnelcodec.tunneldump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CaptureStream;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.lisp.EidRecord;
import org.tunnelcodec.lisp.LispAddress;
import org.tunnelcodec.lisp.LispAuthentication;
import org.tunnelcodec.lisp.LispMessage;
import org.tunnelcodec.lisp.LispMessageDecoder;
import org.tunnelcodec.lisp.LispMessageEncoder;
import org.tunnelcodec.lisp.LocatorRecord;
import org.tunnelcodec.lisp.MapRegister;
import org.tunnelcodec.mip6.BindingTable;
import org.tunnelcodec.mip6.FlowSubOption;
import org.tunnelcodec.mip6.Ipv4TrafficSelector;
import org.tunnelcodec.mip6.MobilityHeader;
import org.tunnelcodec.mip6.MobilityHeaderDecoder;
import org.tunnelcodec.mip6.MobilityHeaderEncoder;
import org.tunnelcodec.mip6.MobilityMessage;
import org.tunnelcodec.mip6.MobilityOption;
import org.tunnelcodec.mip6.MobilityPseudoHeader;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.encap.EthernetTemplateHeader;
import org.tunnelcodec.core.encap.InnerType;
import org.tunnelcodec.core.encap.Ipv4TemplateHeader;
import org.tunnelcodec.core.encap.TemplateStore;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.core.encap.UdpTemplateHeader;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.gre.GreTunnels;
import org.tunnelcodec.lisp.LispHeader;
import org.tunnelcodec.lisp.LispView;
import org.tunnelcodec.lisp.LispDecapsulation;
import org.tunnelcodec.lisp.LispDecapsulator;
import org.tunnelcodec.lisp.LispEncapsulator;
import org.tunnelcodec.lisp.LispLocatorSelector;
import org.tunnelcodec.lisp.MapReply;
import org.tunnelcodec.mpls.MplsTunnels;
import org.tunnelcodec.vxlan.VxlanTemplates;
import org.tunnelcodec.vxlan.VxlanTunnels;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.ip.IpScan;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Encoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.link.EthernetDecoder;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpEncoder;
import org.tunnelcodec.core.transport.UdpHeader;
import org.tunnelcodec.gre.GreDecoder;
import org.tunnelcodec.gre.GreEncoder;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.gre.GreLayers;
import org.tunnelcodec.gre.GrePolicy;
import org.tunnelcodec.gre.GreView;
import org.tunnelcodec.gre.wccp.WccpDecapsulation;
import org.tunnelcodec.gre.wccp.WccpDecapsulator;
import org.tunnelcodec.gre.wccp.WccpReturn;
import org.tunnelcodec.gre.wccp.WccpRouter;
import org.tunnelcodec.gre.wccp.WccpVersion;
import org.tunnelcodec.gre.wccp.control.WccpMessage;
import org.tunnelcodec.gre.wccp.control.WccpMessageDecoder;
import org.tunnelcodec.gre.wccp.control.WccpMessageType;
import org.tunnelcodec.gre.wccp.control.WccpPassword;
import org.tunnelcodec.gre.wccp.control.WccpSecurity;
import org.tunnelcodec.mpls.MplsBindings;
import org.tunnelcodec.mpls.MplsDecoder;
import org.tunnelcodec.mpls.MplsHeader;
import org.tunnelcodec.mpls.MplsLabelOps;
import org.tunnelcodec.mpls.MplsLayers;
import org.tunnelcodec.mpls.MplsPayload;
import org.tunnelcodec.mpls.MplsPayloadType;
import org.tunnelcodec.mpls.MplsPolicy;
import org.tunnelcodec.mpls.MplsPush;
import org.tunnelcodec.mpls.MplsTtlModel;
import org.tunnelcodec.mpls.MplsView;
import org.tunnelcodec.stt.SttChecksumOffload;
import org.tunnelcodec.vxlan.GeneveView;
import org.tunnelcodec.vxlan.VxlanDecoder;
import org.tunnelcodec.vxlan.VxlanHeader;
import org.tunnelcodec.vxlan.VxlanLayers;
import org.tunnelcodec.vxlan.VxlanPolicy;
import org.tunnelcodec.stt.SttFrameHeader;
import org.tunnelcodec.stt.SttLayers;
import org.tunnelcodec.stt.SttReassembler;
import org.tunnelcodec.stt.SttReassembly;
import org.tunnelcodec.stt.SttSegmenter;
import org.tunnelcodec.testdata.Captures;

/**
 * The README's examples, each between {@code // readme:NAME} and {@code // readme:end} exactly
 * as the README shows it ({@link ReadmeTest} holds the two together). Each test sets up what
 * its example takes as given, runs it, and checks what it did, on the frames of the bundled
 * sample capture.
 */
class ReadmeExamplesTest {
    private static final CaptureFile SAMPLE = Captures.generated("tunneldump-sample.pcap");

    private final List<String> printed = new ArrayList<>();
    private final List<Object> delivered = new ArrayList<>();
    private final List<Object> dropped = new ArrayList<>();

    private void print(String line) {
        printed.add(line);
    }

    private void deliver(Object... what) {
        delivered.add(List.of(what));
    }

    private void drop(Object... why) {
        dropped.add(List.of(why));
    }

    private void handleGre(ByteBuffer buf, int payloadIndex, int payloadLength) {
        delivered.add(List.of("gre payload", payloadIndex, payloadLength));
    }

    /** A frame of the bundled sample, in a buffer of its own. */
    private static ByteBuffer frame(int number) {
        return SAMPLE.frame(number).copy();
    }

    @Test
    void coreDecode() {
        ByteBuffer frame = frame(1); // Ethernet | IPv4 | UDP 40030 > 9 | 16 bytes
        // readme:core-decode
        Decoded<EthernetHeader> eth = EthernetDecoder.decode(frame);
        if (eth.header().etherType().equals(EtherType.IPV4)) {
            Decoded<Ipv4Header> ip = Ipv4Decoder.decode(eth.payload());
            boolean checksumOk = Ipv4Decoder.verifyChecksum(eth.payload(), 0);
            if (checksumOk && ip.header().protocol().equals(IpProtocol.UDP)) {
                Decoded<UdpHeader> udp = UdpDecoder.decode(ip.payload());
                deliver(udp.header().destinationPort(), udp.payload()); // the datagram's data, a zero-copy slice
            }
        }
        int protocol = Ipv4Decoder.protocol(frame, 14);                // a peek: no allocation
        // readme:end
        assertThat(delivered).containsExactly(List.of(9, ByteBuffer.wrap(frame.array(), 42, 16).slice()));
        assertThat(protocol).isEqualTo(17);
        assertThat(frame.position()).isZero();
    }

    @Test
    void coreEncode() {
        ByteBuffer payload = ByteBuffer.wrap(new byte[16]);
        ByteBuffer inner = frame(1).position(14).slice();
        ByteBuffer dst = ByteBuffer.allocate(64);
        // readme:core-encode
        Ipv4Header ip = Ipv4Header.of(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("198.51.100.2"),
                IpProtocol.UDP, UdpHeader.LENGTH + payload.remaining());
        UdpHeader udp = new UdpHeader(FlowHash.sourcePort(FlowHash.ofIpPacket(inner, 0, inner.remaining())),
                4754, payload.remaining(), 0);
        int n = Ipv4Encoder.encode(ip, dst);                       // Total Length and Header Checksum written
        UdpEncoder.encode(udp, dst.position(dst.position() + n));
        // readme:end
        dst.position(0);
        assertThat(Ipv4Decoder.verifyChecksum(dst, 0)).isTrue();
        Decoded<Ipv4Header> back = Ipv4Decoder.decode(dst.limit(20 + 8 + 16));
        assertThat(back.header().totalLength()).isEqualTo(44);
        assertThat(UdpDecoder.decode(back.payload()).header().destinationPort()).isEqualTo(4754);
        assertThat(UdpDecoder.decode(back.payload()).header().sourcePort()).isBetween(49152, 65535);
    }

    @Test
    void coreDissect() {
        ByteBuffer frame = frame(8); // Ethernet | IPv4 | GRE with checksum, key and sequence | IPv6 | UDP
        CapturedFrame f16 = SAMPLE.frame(16); // cut by the capture's snap length
        LinkType linkType = SAMPLE.linkType();
        ByteBuffer captured = f16.data();
        int wireLength = f16.originalLength();
        long timestampNanos = 0;
        // readme:core-dissect
        Dissector dissector = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings()).build();
        Dissection d = dissector.dissect(LinkType.ETHERNET, frame);   // never throws for bad bytes; safe to keep
        for (DissectedLayer l : d.layers()) print(l.name() + " @" + l.offset() + " " + l.summary());
        if (d.isMalformed()) print(d.error().getMessage());
        Dissection cut = dissector.dissect(linkType, captured, wireLength, timestampNanos); // cut by the snap length
        // readme:end
        assertThat(printed).hasSize(5);
        assertThat(printed.get(2)).startsWith("gre @34 v0 proto IPV6(0x86DD) key 0x00000100 seq 1");
        assertThat(cut.stopReason()).isEqualTo(Dissection.StopReason.CAPTURE_CUT);
    }

    @Test
    void coreWalk() {
        ByteBuffer frame = frame(8);
        Dissector dissector = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings()).build();
        // readme:core-walk
        FrameWalk walk = dissector.newWalk();                       // one per thread, reused for every frame
        int greId = dissector.layerId(GreLayers.GRE);
        walk.wrap(LinkType.ETHERNET, frame, 0, frame.limit(), 0);
        while (walk.next()) {
            if (walk.layerId() == greId) handleGre(frame, walk.payloadIndex(), walk.payloadLength());
        }
        if (walk.stopReason() == Dissection.StopReason.MALFORMED) drop(walk.error()); // the decoder's exception
        // readme:end
        assertThat(delivered).containsExactly(List.of("gre payload", 50, 64));
        assertThat(dropped).isEmpty();
    }

    @Test
    void coreIpScan() {
        ByteBuffer packet = frame(8);
        int index = 14;
        int limit = packet.limit();
        // readme:core-ipscan
        long r = IpScan.ip(packet, index, limit);
        if (IpScan.isValid(r) && !IpScan.isFragment(r) && IpScan.protocol(r) == 47) {
            int gre = index + IpScan.headerLength(r), end = gre + IpScan.payloadLength(r);
            handleGre(packet, gre, end - gre);
        }
        // readme:end
        assertThat(delivered).containsExactly(List.of("gre payload", 34, 80));
    }

    @Test
    void captureRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sample.pcap");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(
                Captures.GENERATED_ROOT + "tunneldump-sample.pcap"))) {
            Files.copy(in, file);
        }
        Dissector dissector = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings()).build();
        // readme:capture-read
        try (CaptureStream in = CaptureStream.open(file)) {           // pcap, pcapng or gzip'd; no libpcap
            for (CapturedFrame f = in.next(); f != null; f = in.next()) {
                Dissection d = dissector.dissect(in.linkType(f), f.data(), f.originalLength(), 0);
                print(f.number() + ": " + d.layers().size() + " layers, " + d.stopReason());
            }
        }
        // readme:end
        assertThat(printed).hasSize(SAMPLE.frames().size()).contains("8: 5 layers, NO_DECODER");
    }

    @Test
    void greDecode() {
        ByteBuffer buf = frame(8);
        int greIndex = 34;
        ByteBuffer ipPayload = buf.duplicate().position(greIndex).limit(greIndex + 80).slice();
        // readme:gre-decode
        Decoded<GreHeader> gre = GreDecoder.decode(ipPayload);        // keeps every bit; only 0 and 1 are versions
        GrePolicy.RFC_2784.check(gre.header());                       // or LINUX, RFC_1701; MalformedPacketException
        if (gre.header().checksumPresent() && !GreDecoder.verifyChecksum(ipPayload, 0, ipPayload.remaining())) {
            drop(gre.header());
        }
        long key = GreDecoder.key(buf, greIndex);                     // a peek: no allocation (GreHeader.ABSENT without K)
        // readme:end
        assertThat(dropped).isEmpty();
        assertThat(key).isEqualTo(0x100);
        assertThat(gre.payload().remaining()).isEqualTo(64);
    }

    @Test
    void greView() {
        ByteBuffer buf = frame(8);
        int greIndex = 34;
        int ipEnd = 114;
        java.util.Map<Long, String> tunnels = java.util.Map.of(0x100L, "tunnel 256");
        // readme:gre-view
        GreView gre = new GreView();                                  // once per thread
        gre.wrap(buf, greIndex, ipEnd);                               // per packet; MalformedPacketException as decode
        String tunnel = tunnels.get(gre.key());                       // GreHeader.ABSENT (-1) without K
        deliver(tunnel, gre.payloadIndex(), gre.payloadLength(), gre.protocolType());
        // readme:end
        assertThat(delivered).containsExactly(List.of("tunnel 256", 50, 64, 0x86DD));
    }

    @Test
    void greEncode() {
        ByteBuffer dst = ByteBuffer.allocate(64);
        long seq = 7;
        ByteBuffer payload = ByteBuffer.wrap(new byte[] {0x45, 0, 0, 20});
        // readme:gre-encode
        GreHeader h = GreHeader.of(EtherType.IPV4, true, 0x1234, seq); // GreHeader.ABSENT (-1) leaves K or S clear
        int n = GreEncoder.encode(h, dst);                              // then the payload goes after it
        dst.put(dst.position() + n, payload, 0, payload.remaining());
        GreEncoder.fillChecksum(dst, dst.position(), n + payload.remaining());
        // readme:end
        assertThat(n).isEqualTo(16);
        assertThat(GreDecoder.verifyChecksum(dst, 0, n + 4)).isTrue();
        GreHeader back = GreDecoder.decode(dst.limit(n + 4)).header();
        assertThat(back.key()).isEqualTo(0x1234);
        assertThat(back.sequenceNumber()).isEqualTo(7);
        assertThat(back.checksum()).isNotZero(); // the record keeps the Checksum as on the wire
    }

    @Test
    void wccpCache() {
        ByteBuffer packet = frame(12).position(14); // IPv4 203.0.113.1 | GRE | WCCPv2 redirect header | IPv4 | TCP
        ByteBuffer buf = ByteBuffer.allocate(28 + 40);
        Ipv4Address cacheAddress = Ipv4Address.parse("203.0.113.2");
        Ipv4Address routerAddress = Ipv4Address.parse("203.0.113.1");
        // readme:wccp-cache
        WccpDecapsulator cache = new WccpDecapsulator(List.of(
                WccpRouter.of("203.0.113.1", WccpVersion.V2), WccpRouter.of("203.0.113.9", WccpVersion.V1)));
        WccpDecapsulation out = new WccpDecapsulation();              // reused for every packet
        if (cache.decapsulate(packet, out) == WccpDecapsulator.Verdict.ACCEPTED) {
            deliver(out.packet(), out.router(), out.serviceId(), out.primaryBucket());
            // ... and when the cache does not serve it, it goes back to the router, written into headroom:
            buf.put(28, out.packet(), 0, out.innerLength());
            int start = WccpReturn.writeIpv4GreReturn(buf, 28, out.innerLength(), cacheAddress, routerAddress,
                    out.redirectHeader(), 64);
        } // cache.count(Verdict.UNKNOWN_ROUTER), cache.stats(): every verdict counted
        // readme:end
        assertThat(delivered).hasSize(1);
        assertThat((List<?>) delivered.get(0)).element(2).isEqualTo(90);
        assertThat((List<?>) delivered.get(0)).element(3).isEqualTo(60);
        assertThat(cache.count(WccpDecapsulator.Verdict.ACCEPTED)).isOne();
        assertThat(GreDecoder.decode(buf.position(20)).header().protocolType()).isEqualTo(EtherType.of(0x883E));
        assertThat(Ipv4Decoder.verifyChecksum(buf, 0)).isTrue();
    }

    @Test
    void wccpCacheRejectsAPacketFromAnUnknownRouter() {
        ByteBuffer packet = frame(12).position(14);
        WccpDecapsulator cache = new WccpDecapsulator(List.of(WccpRouter.of("192.0.2.254", WccpVersion.V2)));
        assertThat(cache.decapsulate(packet, new WccpDecapsulation())).isEqualTo(WccpDecapsulator.Verdict.UNKNOWN_ROUTER);
        assertThat(cache.stats().rejected()).isOne();
    }

    @Test
    void wccpControl() throws IOException {
        CaptureFile control = CaptureFile.read(Path.of("../gre-wccp/src/test/resources/org/tunnelcodec/gre/wccp/wccp-control.pcap"));
        ByteBuffer udpPayload = control.frame(4).copy().position(42); // Here I Am, MD5 with the password "secret"
        // readme:wccp-control
        WccpMessage hello = WccpMessageDecoder.decode(udpPayload).header();
        boolean signed = WccpSecurity.verify(udpPayload, udpPayload.position(), WccpPassword.of("secret"));
        // readme:end
        assertThat(hello.type()).isEqualTo(WccpMessageType.HERE_I_AM);
        assertThat(signed).isTrue();
        assertThat(WccpSecurity.verify(udpPayload, 42, WccpPassword.of("Secret"))).isFalse();
    }

    @Test
    void sttSegmentAndReassemble() {
        Ipv4Address localVtep = Ipv4Address.parse("192.0.2.1");
        Ipv4Address remoteVtep = Ipv4Address.parse("192.0.2.2");
        ByteBuffer inner = frame(1);
        long contextId = 0x99;
        long frameId = 1;
        int ipId = 100;
        ByteBuffer[] buffers = {ByteBuffer.allocate(1500), ByteBuffer.allocate(1500)};
        long now = 0;
        // readme:stt
        SttSegmenter tx = SttSegmenter.ipv4(localVtep, remoteVtep, 64, 0);      // .withChecksumOffload() for TSO NICs
        int n = tx.segment(SttFrameHeader.of(contextId), inner, frameId++, 1448, ipId, buffers); // into buffers[0..n)

        SttReassembler rx = new SttReassembler(SttReassembler.Limits.defaults()); // one per receive queue
        SttReassembly frame = new SttReassembly();                                // reused for every segment
        for (int i = 0; i < n; i++) {
            if (rx.offer(buffers[i], now, frame) == SttReassembler.Verdict.COMPLETE) { // never throws for bad bytes
                SttChecksumOffload.completePartialChecksum(frame.frame(), frame.frame().position(),
                        frame.frameLength(), frame.header());
                deliver(frame.contextId(), frame.innerFrame(), frame.congestionExperienced());
                frame.release();                                          // the pooled buffer goes back to the pool
            }
        } // rx.count(Verdict.DUPLICATE), rx.stats(): every verdict, timeouts and evictions counted
        // readme:end
        assertThat(n).isOne();
        assertThat(delivered).hasSize(1);
        assertThat((List<?>) delivered.get(0)).element(0).isEqualTo(0x99L);
        assertThat((List<?>) delivered.get(0)).element(1).isEqualTo(frame(1));
        assertThat(rx.stats().completed()).isOne();
    }

    @Test
    void sttDissect() {
        ByteBuffer frame = frame(14);
        ByteBuffer lastSegment = frame(15);
        int wireLength = frame.remaining();
        long nowNanos = 0;
        // readme:stt-dissect
        SttLayers.Reassembly stt = SttLayers.reassembling(new SttReassembler(SttReassembler.Limits.defaults()));
        Dissector dissector = Dissector.builder().add(CoreLayers.bindings()).add(stt.bindings()).build();
        Dissection d = dissector.dissect(LinkType.ETHERNET, frame, wireLength, nowNanos); // stt.lastVerdict()
        // readme:end
        assertThat(stt.lastVerdict()).isEqualTo(SttReassembler.Verdict.INCOMPLETE);
        Dissection whole = dissector.dissect(LinkType.ETHERNET, lastSegment, lastSegment.remaining(), 1);
        assertThat(stt.lastVerdict()).isEqualTo(SttReassembler.Verdict.COMPLETE);
        assertThat(whole.layers()).extracting(DissectedLayer::name)
                .containsSubsequence("stt-segment", "stt", "ethernet", "ipv4", "udp");
        assertThat(d.layers()).extracting(DissectedLayer::name).endsWith("stt-segment");
    }

    /** Vector P3 of the MPLS tests: an Ethernet pseudowire with control word over GRE (RFC 4023 + RFC 4448). */
    private static ByteBuffer mplsOverGre() {
        return ByteBuffer.wrap(java.util.HexFormat.of().parseHex("020000000002020000000001080045000"
                + "04c00020000402f2617c6336401c633640200008847007d01ff0000000166778899aabb001122334455080045000"
                + "01e2222000040110 08aac100001ac10000204d2162e000a244d6869".replace(" ", "")));
    }

    @Test
    void mplsDecode() {
        ByteBuffer buf = mplsOverGre();
        int stackIndex = 38;
        int end = buf.limit();
        MplsBindings bindings = MplsBindings.NONE;
        // readme:mpls-decode
        Decoded<MplsHeader> stack = MplsDecoder.decode(buf, stackIndex, end);  // entries until S=1, at most 32
        MplsPolicy.STRICT.check(stack.header());            // Implicit NULL, GAL with S=0...: MalformedPacketException
        MplsPayload next = bindings.identify(stack.header(), buf, stack.payloadIndex(), end); // and which rule decided
        int pwLabel = MplsDecoder.topLabel(buf, stackIndex);                   // a peek: no allocation
        // readme:end
        assertThat(stack.header().entries()).hasSize(1);
        assertThat(next.type()).isEqualTo(MplsPayloadType.PW_ETHERNET_CONTROL_WORD);
        assertThat(next.rule()).isEqualTo(org.tunnelcodec.mpls.MplsPayloadRule.FIRST_NIBBLE);
        assertThat(pwLabel).isEqualTo(2000);
    }

    @Test
    void mplsView() {
        ByteBuffer buf = mplsOverGre();
        int stackIndex = 38;
        int end = buf.limit();
        // readme:mpls-view
        MplsBindings pws = MplsBindings.builder().bind(2000, MplsPayloadType.PW_ETHERNET_CONTROL_WORD).build();
        MplsView stack = new MplsView();                              // once per thread
        stack.wrap(buf, stackIndex, end);                             // per packet; MalformedPacketException as decode
        if (MplsPolicy.STRICT.accepts(stack)) {                       // no allocation on this path
            deliver(stack.bottomLabel(), stack.payloadIndex(), stack.payloadLength(), stack.payload(pws).type());
        }
        // readme:end
        assertThat(delivered).containsExactly(List.of(2000, 42, 48, MplsPayloadType.PW_ETHERNET_CONTROL_WORD));
    }

    @Test
    void mplsLabelOperations() {
        ByteBuffer buf = ByteBuffer.allocate(128);
        int packetIndex = 64;
        byte[] ipv4 = java.util.HexFormat.of().parseHex("450000241234400040010b930a0000010a090909"
                + "0800619704d200016162636465666768");
        buf.put(packetIndex, ipv4);
        int packetEnd = packetIndex + ipv4.length;
        MplsBindings bindings = MplsBindings.NONE;
        // readme:mpls-ops
        MplsPush route = MplsPush.builder(MplsTtlModel.linuxDefault())             // once per route: as `encap mpls 100/200`
                .label(100).label(200).entropyLabelAfter(1).build();              // ELI + entropy label below 100
        int start = route.push(buf, packetIndex, packetEnd, MplsPayloadType.IPV4); // into the headroom, flow-hash entropy
        MplsLabelOps.Result swapped = MplsLabelOps.swap(buf, start, packetEnd, 300); // at the next hop: TTL-1, TC kept
        MplsLabelOps.Result popped = MplsLabelOps.pop(buf, start, packetEnd, MplsTtlModel.uniform(), bindings);
        // readme:end
        assertThat(start).isEqualTo(packetIndex - 16);
        assertThat(swapped).isEqualTo(MplsLabelOps.Result.LABELLED);
        assertThat(popped).isEqualTo(MplsLabelOps.Result.LABELLED);
        Decoded<MplsHeader> rest = MplsDecoder.decode(buf, start + 4, packetEnd);
        assertThat(rest.header().label(0)).isEqualTo(7);
        assertThat(rest.header().ttl(0)).isEqualTo(62); // 64 pushed, 63 after the swap, 62 copied down by the uniform pop
        assertThat(rest.header().label(2)).isEqualTo(200);
    }

    @Test
    void mplsDissect() {
        ByteBuffer frame = mplsOverGre();
        // readme:mpls-dissect
        MplsBindings pws = MplsBindings.builder().bind(2000, MplsPayloadType.PW_ETHERNET_CONTROL_WORD).build();
        Dissector dissector = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
                .add(MplsLayers.bindings(pws)).build();                       // MPLS over GRE, UDP 6635, IP 137, 0x8847/8
        Dissection d = dissector.dissect(LinkType.ETHERNET, frame);           // ... gre, mpls, pw-cw, ethernet, ipv4, udp
        // readme:end
        assertThat(d.layers()).extracting(DissectedLayer::name)
                .containsExactly("ethernet", "ipv4", "gre", "mpls", "pw-cw", "ethernet", "ipv4", "udp");
    }

    @Test
    void vxlanDecode() {
        CapturedFrame frame = Captures.shared("pcpp-Vxlan1.pcap").frames().get(0); // VXLAN-GBP, tshark: VNI 3000001, policy 100
        ByteBuffer buf = frame.data();
        int vxlanIndex = 42;
        int udpEnd = buf.limit();
        // readme:vxlan-decode
        Decoded<VxlanHeader> vxlan = VxlanDecoder.decode(buf, vxlanIndex, udpEnd); // keeps every flag and reserved bit
        if (VxlanPolicy.LINUX_GBP.accepts(vxlan.header())) {         // or RFC_7348 (drops I=0), LINUX (any other bit)
            deliver(vxlan.header().vni(), vxlan.header().groupPolicyId(), vxlan.payloadIndex()); // inner Ethernet
        }
        int vni = VxlanDecoder.vni(buf, vxlanIndex);                  // a peek: no allocation
        // readme:end
        assertThat(vni).isEqualTo(3000001);
        assertThat(delivered).containsExactly(List.of(3000001, 100, 50));
    }

    @Test
    void geneveView() {
        CapturedFrame frame = Captures.shared("geneve.pcap").frames().get(0); // tshark: VNI 0xa, one option class 0 type 0x80
        ByteBuffer buf = frame.data();
        int geneveIndex = 42;
        int udpEnd = buf.limit();
        // readme:geneve-view
        GeneveView geneve = new GeneveView();                         // once per thread
        geneve.wrap(buf, geneveIndex, udpEnd);                        // per packet; MalformedPacketException as decode
        int i = geneve.findOption(0x0000, 0x80);                      // options read in place: no allocation
        if (i >= 0) {
            deliver(geneve.vni(), geneve.optionDataIndex(i), geneve.optionDataLength(i), geneve.payloadIndex());
        }
        // readme:end
        assertThat(delivered).containsExactly(List.of(0xa, 54, 4, 58));
    }

    @Test
    void vxlanDissect() {
        ByteBuffer frame = Captures.shared("zeek-vxlan-triple-v2.pcap").frames().get(0).data();
        // readme:vxlan-dissect
        Dissector dissector = Dissector.builder().add(CoreLayers.bindings()).add(VxlanLayers.bindings()).build();
        Dissection d = dissector.dissect(LinkType.ETHERNET, frame);   // UDP 4789 VXLAN, 4790 VXLAN-GPE, 6081 Geneve
        // readme:end
        assertThat(d.layers()).extracting(DissectedLayer::name).containsSubsequence("vxlan", "ethernet", "ipv4", "udp",
                "vxlan", "ethernet", "ipv4", "udp", "vxlan", "ethernet");
    }

    @Test
    void lispView() {
        // Frame 2 of lisp-data-variants.pcap: tshark reads flags 0xc8, Nonce 0x123456, Instance ID 2571.
        CapturedFrame frame = Captures.generated("lisp-data-variants.pcap").frames().get(1);
        ByteBuffer buf = frame.data();
        int lispIndex = 42;
        int udpEnd = buf.limit();
        // readme:lisp-view
        LispView lisp = new LispView();                               // once per thread
        lisp.wrap(buf, lispIndex, udpEnd);                            // per packet; MalformedPacketException as decode
        if (!lisp.nextProtocolPresent() && lisp.keyId() == 0) {       // plain LISP, not encrypted (RFC 8061)
            deliver(lisp.instanceId(), lisp.nonce(), lisp.payloadIndex()); // inner IPv4 or IPv6, by its first nibble
        }
        LispHeader sent = LispHeader.builder().nonce(0x5A5A5A).instanceId(100).locatorStatusBits(0x03).build();
        // readme:end
        assertThat(delivered).containsExactly(List.of(2571, 0x123456, 50));
        assertThat(sent).isEqualTo(new LispHeader(0xC8, 0x5A5A5A, 100, 3));
    }

    @Test
    void lispItr() {
        // Frame 2 of lisp-data-variants.pcap carries an inner IPv6 packet of 104 octets at 50.
        ByteBuffer frame = Captures.generated("lisp-data-variants.pcap").frames().get(1).data();
        ByteBuffer buf = ByteBuffer.allocate(64 + frame.limit() - 50);
        buf.put(64, frame, 50, frame.limit() - 50);
        int ipIndex = 64;
        int ipEnd = buf.limit();
        Ipv4Address localRloc = Ipv4Address.parse("192.0.2.1");
        MapReply reply = new MapReply(false, false, false, 0, 1, List.of(EidRecord.of(1440,
                new LispAddress.Ipv6(Ipv6Address.parse("2001:db8::")), 32, true, List.of(
                        LocatorRecord.of(1, 50, false, new LispAddress.Ipv4(Ipv4Address.parse("198.51.100.2"))),
                        LocatorRecord.of(1, 50, false, new LispAddress.Ipv4(Ipv4Address.parse("198.51.100.3")))))));
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        // readme:lisp-itr
        EidRecord mapping = reply.records().get(0);                   // a map-cache entry, from a Map-Reply
        LispLocatorSelector rlocs = LispLocatorSelector.of(mapping);
        LispEncapsulator[] toEtr = new LispEncapsulator[rlocs.size()]; // one precomputed encapsulation per RLOC
        for (int i = 0; i < toEtr.length; i++) {
            Ipv4Address etr = ((LispAddress.Ipv4) rlocs.locator(i).locator()).address();
            toEtr[i] = LispEncapsulator.ipv4(localRloc, etr)
                    .header(LispHeader.builder().nonce(0).instanceId(100).build()).build();
        }
        int flow = FlowHash.ofIpPacket(buf, ipIndex, ipEnd - ipIndex);   // per packet, 0 B
        int rloc = rlocs.select(flow, -1L);                           // -1: every locator up; or the LSBs heard
        int start = toEtr[rloc].push(buf, ipIndex, ipEnd, flow, random.nextInt() & 0xFF_FFFF, false);
        // [start, ipEnd) is IPv4 | UDP 4341 | LISP (N, I 100) | the inner packet, untouched
        // readme:end
        LispDecapsulation out = new LispDecapsulation();
        assertThat(new LispDecapsulator().decapsulate(buf, start, ipEnd, out)).isEqualTo(LispDecapsulator.Verdict.ACCEPTED);
        assertThat(out.instanceId()).isEqualTo(100);
        assertThat(out.innerVersion()).isEqualTo(6);
        assertThat(out.outerIpv4Destination().toString()).isIn("198.51.100.2", "198.51.100.3");
    }

    @Test
    void mip6FlowBindings() {
        Ipv6Address homeAgent = Ipv6Address.parse("2001:db8:a::1");
        Ipv6Address homeAddress = Ipv6Address.parse("2001:db8:a::100");
        Ipv6Address wifi = Ipv6Address.parse("2001:db8:c0a::100");
        Ipv6Address lte = Ipv6Address.parse("2001:db8:1e::7");
        long nowSeconds = 1000;
        ByteBuffer buf = ByteBuffer.allocate(64 + 28);                    // a SIP packet behind 64 octets of headroom
        buf.putShort(64, (short) 0x4500).putShort(66, (short) 28).put(72, (byte) 64).put(73, (byte) 17)
                .putInt(76, 0xC000_0201).putInt(80, 0x0A00_0001).putShort(84, (short) 5060).putShort(86, (short) 5060)
                .putShort(88, (short) 8);
        int ipIndex = 64;
        int ipEnd = buf.limit();
        // readme:mip6-flow-bindings
        BindingTable bindings = BindingTable.builder(BindingTable.Role.HOME_AGENT, homeAgent, homeAddress).build();
        MobilityHeader update = MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.A
                | MobilityMessage.BindingUpdate.H, MobilityHeader.units(3600)), List.of(
                MobilityOption.BindingIdentifier.of(1, 2, wifi),                // bulk registration (RFC 5648)
                MobilityOption.BindingIdentifier.of(2, 1, lte),
                new MobilityOption.FlowIdentification(10, 1, 0, 0, List.of(     // SIP goes over Wi-Fi (RFC 6089)
                        FlowSubOption.TrafficSelector.of(Ipv4TrafficSelector.builder()
                                .destinationPortRange(5060, 5061).protocol(17).build()),
                        new FlowSubOption.BidReference(List.of(1))))));
        MobilityHeader ack = bindings.apply(update, wifi, nowSeconds);    // control thread: the Binding Ack to send

        BindingTable.Snapshot table = bindings.snapshot();                // data path, any thread, 0 B per packet
        int slot = table.select(buf, ipIndex, ipEnd);                     // flow bindings by FID-PRI, else BID-PRI
        int start = table.tunnel(slot) != null
                ? table.tunnel(slot).push(buf, ipIndex, ipEnd)               // IPv6 home agent -> that care-of address
                : table.ipv4Tunnel(slot).push(buf, ipIndex, ipEnd);          // IPv4 (or IPv4/UDP through a NAT, RFC 5555)
        // readme:end
        assertThat(((MobilityMessage.BindingAcknowledgement) ack.message()).status()).isZero();
        assertThat(table.bindingId(slot)).isEqualTo(1);
        assertThat(Ipv6Address.of(buf.getLong(start + 24), buf.getLong(start + 32))).isEqualTo(wifi);
    }

    @Test
    void routeAttachedEncapsulation() {
        int routes = 1000; // the README's loop runs to 1,000,000: the same code, built in seconds
        MacAddress localMac = MacAddress.parse("02:00:00:00:00:01");
        MacAddress nextHopMac = MacAddress.parse("02:00:00:00:00:02");
        Ipv4Address localVtep = Ipv4Address.of(192, 0, 2, 1);
        int[] routeToHandle = new int[routes];
        // readme:encap-routes
        TemplateStore store = new TemplateStore();                   // the control thread adds, replaces, removes
        for (int route = 0; route < routes; route++) {               // a route's own VTEP and VNI
            routeToHandle[route] = store.add(List.of(
                    EthernetTemplateHeader.of(nextHopMac, localMac),
                    Ipv4TemplateHeader.of(localVtep, Ipv4Address.of(0x0A00_0000 + route)),
                    UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO),
                    VxlanTemplates.vxlan(route)));
        }
        // readme:end
        ByteBuffer buf = ByteBuffer.allocate(64 + 58);
        ByteBuffer inner = Captures.generated("vxlan-variants.pcap").frame(1).data(); // its inner frame: 58 octets
        buf.put(64, inner, 50, 58);
        int innerIndex = 64;
        int innerEnd = buf.limit();
        int route = 777;
        // readme:encap-push
        // per packet, on any thread: the inner frame at [innerIndex, innerEnd), headroom before it
        int start = store.push(routeToHandle[route], buf, innerIndex, innerEnd, InnerType.ETHERNET);
        // readme:end
        assertThat(start).isEqualTo(14);
        TunnelMetadata m = new TunnelMetadata();
        TunnelClassifier classifier = TunnelClassifier.builder().add(VxlanTunnels.bindings()).build();
        assertThat(classifier.classify(LinkType.ETHERNET, buf, start, innerEnd, m)).isEqualTo(TunnelClassifier.Verdict.TUNNEL);
        assertThat(m.tunnelId()).isEqualTo(777);
        assertThat(m.ipv4Destination()).isEqualTo(Ipv4Address.parse("10.0.3.9"));
        assertThat(m.innerIndex()).isEqualTo(innerIndex);
    }

    @Test
    void tunnelMetadata() {
        ByteBuffer frame = Captures.shared("zeek-vxlan-triple-v2.pcap").frames().get(0).data(); // tshark: VNI 1, 1.1.1.1 > 1.1.1.9
        // readme:tunnel-metadata
        TunnelClassifier classifier = TunnelClassifier.builder().add(CoreTunnels.bindings()).add(GreTunnels.bindings())
                .add(MplsTunnels.bindings()).add(VxlanTunnels.bindings()).build(); // once, shared by every thread
        TunnelMetadata m = new TunnelMetadata();                      // one per receive thread
        if (classifier.classify(LinkType.ETHERNET, frame, m) == TunnelClassifier.Verdict.TUNNEL) { // 0 B/op
            deliver(m.type(), m.tunnelId(), m.ipv4Source(), m.innerIndex(), m.innerLength()); // match, then decapsulate
        }
        // readme:end
        assertThat(delivered).containsExactly(List.of(org.tunnelcodec.core.tunnel.TunnelType.VXLAN, 1L,
                Ipv4Address.parse("1.1.1.1"), 50, 171));
    }

    @Test
    void mip6Encode() {
        Ipv6Address careOf = Ipv6Address.parse("2001:db8:c0a::100");
        Ipv6Address homeAgent = Ipv6Address.parse("2001:db8:1::1");
        Ipv6Address homeAddress = Ipv6Address.parse("2001:db8:1::100");
        // readme:mip6-encode
        MobilityHeader bu = MobilityHeader.of(MobilityMessage.BindingUpdate.homeRegistration(7, 600),
                List.of(new MobilityOption.AlternateCareOfAddress(careOf)));       // padding added (RFC 6275 §6.2)
        ByteBuffer out = ByteBuffer.allocate(MobilityHeaderEncoder.encodedLength(bu));
        MobilityHeaderEncoder.encode(bu, out, MobilityPseudoHeader.of(careOf, homeAgent, homeAddress, null)); // checksum filled
        MobilityHeader back = MobilityHeaderDecoder.decode(out).header();   // the same record (encode leaves out as it was)
        // readme:end
        assertThat(back.message()).isEqualTo(bu.message());
        assertThat(back.option(MobilityOption.AlternateCareOfAddress.class).address()).isEqualTo(careOf);
        // RFC 6275 §6.1.1: the checksum covers the pseudo-header with the Home Address as the source.
        assertThat(MobilityHeaderDecoder.verifyChecksum(out, 0, out.limit(),
                MobilityPseudoHeader.of(careOf, homeAgent, homeAddress, null))).isTrue();
        assertThat(MobilityHeaderDecoder.verifyChecksum(out, 0, out.limit(),
                MobilityPseudoHeader.of(careOf, homeAgent, null, null))).isFalse();
    }

    @Test
    void lispControl() {
        // Frame 1 of lisp_eid_register.pcap, tshark: a Map-Register with 2 records (10.30.1.100/32,
        // 10.30.1.96/32); signed again here with a key of ours, as its own key is not known.
        ByteBuffer frame = Captures.shared("lisp_eid_register.pcap").frames().get(0).data();
        MapRegister captured = (MapRegister) LispMessageDecoder.decode(frame, 42, frame.limit()).header();
        byte[] key = LispAuthentication.key("secret");
        MapRegister signed = LispAuthentication.sign(captured, key);
        ByteBuffer udpPayload = ByteBuffer.allocate(LispMessageEncoder.encodedLength(signed));
        LispMessageEncoder.encode(signed, udpPayload);
        // readme:lisp-control
        Decoded<LispMessage> d = LispMessageDecoder.decode(udpPayload);  // any control message, by its type
        if (d.header() instanceof MapRegister reg && LispAuthentication.verify(udpPayload, udpPayload.position(),
                udpPayload.position() + d.headerLength(), key)) {         // HMAC over exactly the message
            for (EidRecord r : reg.records()) {
                register(r.eid(), r.maskLength(), r.locators());          // LCAFs decoded, unknown ones kept raw
            }
        }
        // readme:end
        assertThat(delivered).extracting(o -> ((List<?>) o).get(0).toString()).containsExactly("10.30.1.100", "10.30.1.96");
        assertThat(LispAuthentication.verify(udpPayload, 0, udpPayload.limit(), LispAuthentication.key("other"))).isFalse();
    }

    private void register(LispAddress eid, int maskLength, List<LocatorRecord> locators) {
        delivered.add(List.of(eid, maskLength, locators.size()));
    }
}
