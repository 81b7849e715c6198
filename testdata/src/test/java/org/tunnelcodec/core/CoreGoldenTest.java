package org.tunnelcodec.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6ExtensionHeader;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.link.LinuxSll2Header;
import org.tunnelcodec.core.link.LinuxSllHeader;
import org.tunnelcodec.core.link.LoopbackHeader;
import org.tunnelcodec.core.link.VlanTag;
import org.tunnelcodec.core.transport.ChecksumStatus;
import org.tunnelcodec.core.transport.TcpDecoder;
import org.tunnelcodec.core.transport.TcpHeader;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Golden test: every core layer our dissector decodes in real captures (read in place from
 * the shared corpus) and in the project's generated captures is checked, field by field and
 * checksum verdict by checksum verdict, against tshark 4.0's decode of the same frames. The
 * expected values are tshark's, stored by {@code testdata/scripts/tshark-golden.sh}.
 *
 * <p>tshark decodes more than core does (GRE, VXLAN, headers quoted in ICMP errors), so for
 * each protocol the first k occurrences tshark lists must equal the k layers we decoded.
 */
class CoreGoldenTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).build();

    /** Whole frames that a core decoder refuses, and why (checked against tshark's expert info). */
    private static final java.util.Map<String, List<Integer>> EXPECTED_MALFORMED = java.util.Map.of(
            // #3 (IPv4) and #7 (IPv6) carry 4 bytes of a UDP header inside the IP length; #5 and
            // #6 are IPv6 with Payload Length 0 and no Jumbo Payload option (RFC 2675 §3). tshark
            // marks #3..#8 malformed (#4 and #8 stop at a layer core does not decode).
            "suri-decode-too-small.pcap", List.of(3, 5, 6, 7));

    static Stream<Arguments> captures() {
        return Stream.of(
                Arguments.of("core-layers.pcap", false), Arguments.of("core-truncated.pcap", false),
                Arguments.of("linktype-sll.pcap", false), Arguments.of("linktype-sll2.pcap", false),
                Arguments.of("linktype-raw.pcap", false), Arguments.of("linktype-null.pcap", false),
                Arguments.of("linktype-loop.pcap", false), Arguments.of("tunneldump-sample.pcap", false),
                Arguments.of("ipv6-routing-header.pcap", true), Arguments.of("suri-bug-5633-gre-01.pcap", true),
                Arguments.of("zeek-gre-sample.pcap", true), Arguments.of("pcpp-MplsPackets.pcap", true),
                Arguments.of("ipv6_mobility_1.pcap", true), Arguments.of("zeek-tunnel-direct-bypass.pcap", true),
                Arguments.of("erspan-type-iii-pb-1.pcap", true), Arguments.of("vxlan.pcap", true),
                Arguments.of("zeek-geneve-ipv6.pcap", true), Arguments.of("suri-decode-too-small.pcap", true),
                Arguments.of("pcpp-ipv6-lisp.pcapng", true), Arguments.of("pcpp-GrePackets.pcap", true),
                Arguments.of("gre-variants.pcap", false), Arguments.of("mpls-variants.pcap", false),
                Arguments.of("vxlan-variants.pcap", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldDecodeEveryCoreLayerAsTsharkDoes(String name, boolean shared) {
        CaptureFile capture;
        if (shared) {
            capture = Captures.shared(name);
        } else {
            capture = Captures.generated(name);
        }
        TsharkGolden golden = TsharkGolden.of(name);
        assertThat(capture.frames()).hasSameSizeAs(golden.rows());
        SoftAssertions soft = new SoftAssertions();
        int layersChecked = 0;
        java.util.List<Integer> malformed = new java.util.ArrayList<>();
        for (CapturedFrame frame : capture.frames()) {
            TsharkGolden.Row row = golden.frame(frame.number());
            Dissection d = DISSECTOR.dissect(capture.linkType(), frame.data());
            layersChecked += d.layers().size();
            if (d.isMalformed() && frame.isTruncated()) {
                // A snaplen-cut frame: the decoder must say so, not misread the cut.
                soft.assertThat(d.error().reason()).as(name + " #" + frame.number() + " " + d.error().getMessage())
                        .isEqualTo(MalformedPacketException.Reason.TRUNCATED);
            } else if (d.isMalformed()) {
                malformed.add(frame.number());
            }
            new FrameCheck(soft, name + " #" + frame.number(), frame.data(), d, row).run();
        }
        boolean allCut = capture.frames().stream().allMatch(CapturedFrame::isTruncated);
        assertThat(layersChecked).as("layers decoded").isGreaterThanOrEqualTo(allCut ? 0 : 1);
        // Frames whole on the wire that a core decoder refused: only the deliberately broken ones.
        assertThat(malformed).as("frames refused").isEqualTo(EXPECTED_MALFORMED.getOrDefault(name, List.of()));
        soft.assertAll();
    }

    /** Compares one frame's layers with tshark's row. */
    private record FrameCheck(SoftAssertions soft, String where, ByteBuffer frame, Dissection d, TsharkGolden.Row row) {
        void run() {
            int eth = 0;
            int vlan = 0;
            int qinq = 0;
            int v4 = 0;
            int v6 = 0;
            int udp = 0;
            int tcp = 0;
            int hop = 0;
            int dst = 0;
            int rt = 0;
            int frag = 0;
            List<DissectedLayer> layers = d.layers();
            for (int i = 0; i < layers.size(); i++) {
                DissectedLayer l = layers.get(i);
                Object h = l.header();
                String at = where + " " + l.name() + "@" + l.offset();
                if (h instanceof EthernetHeader e) {
                    eq(at, "eth.src", eth, e.source().toString());
                    eq(at, "eth.dst", eth, e.destination().toString());
                    num(at, "eth.type", eth, e.tags().isEmpty() ? e.etherType().value() : e.tags().get(0).tpid().value());
                    eth++;
                    for (VlanTag t : e.tags()) {
                        if (t.tpid().value() == 0x88A8) {
                            num(at, "ieee8021ad.id", qinq, t.vlanId());
                            num(at, "ieee8021ad.priority", qinq, t.priority());
                            num(at, "ieee8021ad.dei", qinq, t.dropEligible() ? 1 : 0);
                            qinq++;
                        } else {
                            num(at, "vlan.id", vlan, t.vlanId());
                            num(at, "vlan.priority", vlan, t.priority());
                            num(at, "vlan.dei", vlan, t.dropEligible() ? 1 : 0);
                            vlan++;
                        }
                    }
                } else if (h instanceof LinuxSllHeader s) {
                    num(at, "sll.pkttype", 0, s.packetType());
                    num(at, "sll.hatype", 0, s.arphrdType());
                    num(at, "sll.etype", 0, s.protocol().value());
                } else if (h instanceof LinuxSll2Header s) {
                    num(at, "sll.pkttype", 0, s.packetType());
                    num(at, "sll.hatype", 0, s.arphrdType());
                    num(at, "sll.etype", 0, s.protocol().value());
                    num(at, "sll.ifindex", 0, s.interfaceIndex());
                } else if (h instanceof LoopbackHeader lo) {
                    num(at, "null.family", 0, lo.family());
                } else if (h instanceof Ipv4Header ip) {
                    num(at, "ip.hdr_len", v4, ip.headerLength());
                    num(at, "ip.dsfield.dscp", v4, ip.dscp());
                    num(at, "ip.dsfield.ecn", v4, ip.ecn());
                    num(at, "ip.len", v4, ip.totalLength());
                    num(at, "ip.id", v4, ip.identification());
                    num(at, "ip.flags.rb", v4, ip.reservedFlag() ? 1 : 0);
                    num(at, "ip.flags.df", v4, ip.dontFragment() ? 1 : 0);
                    num(at, "ip.flags.mf", v4, ip.moreFragments() ? 1 : 0);
                    num(at, "ip.frag_offset", v4, ip.fragmentOffset());
                    num(at, "ip.ttl", v4, ip.timeToLive());
                    num(at, "ip.proto", v4, ip.protocol().value());
                    num(at, "ip.checksum", v4, Ipv4Decoder.headerChecksum(frame, l.offset()));
                    long status = row.number("ip.checksum.status", v4);
                    if (status == 0 || status == 1) {
                        soft.assertThat(Ipv4Decoder.verifyChecksum(frame, l.offset())).as(at + " ip.checksum.status")
                                .isEqualTo(status == 1);
                    }
                    eq(at, "ip.src", v4, ip.source().toString());
                    eq(at, "ip.dst", v4, ip.destination().toString());
                    v4++;
                } else if (h instanceof Ipv6Header ip) {
                    num(at, "ipv6.tclass", v6, ip.trafficClass());
                    num(at, "ipv6.flow", v6, ip.flowLabel());
                    num(at, "ipv6.plen", v6, ip.wirePayloadLength());
                    num(at, "ipv6.nxt", v6, ip.nextHeader().value());
                    num(at, "ipv6.hlim", v6, ip.hopLimit());
                    ipv6(at, "ipv6.src", v6, ip.source());
                    ipv6(at, "ipv6.dst", v6, ip.destination());
                    v6++;
                    for (Ipv6ExtensionHeader e : ip.extensionHeaders()) {
                        if (e instanceof Ipv6ExtensionHeader.HopByHopOptions o) {
                            num(at, "ipv6.hopopts.nxt", hop, o.nextHeader().value());
                            num(at, "ipv6.hopopts.len", hop++, o.length() / 8 - 1);
                        } else if (e instanceof Ipv6ExtensionHeader.DestinationOptions o) {
                            num(at, "ipv6.dstopts.nxt", dst, o.nextHeader().value());
                            num(at, "ipv6.dstopts.len", dst++, o.length() / 8 - 1);
                        } else if (e instanceof Ipv6ExtensionHeader.RoutingHeader r) {
                            num(at, "ipv6.routing.nxt", rt, r.nextHeader().value());
                            num(at, "ipv6.routing.len", rt, r.length() / 8 - 1);
                            num(at, "ipv6.routing.type", rt, r.routingType());
                            num(at, "ipv6.routing.segleft", rt++, r.segmentsLeft());
                        } else if (e instanceof Ipv6ExtensionHeader.Type2RoutingHeader r) {
                            num(at, "ipv6.routing.nxt", rt, r.nextHeader().value());
                            num(at, "ipv6.routing.len", rt, r.length() / 8 - 1);
                            num(at, "ipv6.routing.type", rt, r.routingType());
                            num(at, "ipv6.routing.segleft", rt++, r.segmentsLeft());
                        } else if (e instanceof Ipv6ExtensionHeader.FragmentHeader f) {
                            num(at, "ipv6.fraghdr.nxt", frag, f.nextHeader().value());
                            num(at, "ipv6.fraghdr.offset", frag, f.fragmentOffset());
                            num(at, "ipv6.fraghdr.more", frag, f.moreFragments() ? 1 : 0);
                            num(at, "ipv6.fraghdr.ident", frag++, f.identification());
                        }
                    }
                } else if (h instanceof UdpHeader u) {
                    num(at, "udp.srcport", udp, u.sourcePort());
                    num(at, "udp.dstport", udp, u.destinationPort());
                    num(at, "udp.length", udp, u.length());
                    num(at, "udp.checksum", udp, u.checksum());
                    long status = row.number("udp.checksum.status", udp);
                    if (status == 0 || status == 1 || status == 3 || status == 4) {
                        ChecksumStatus ours = UdpDecoder.checksumStatus(frame, l.offset(), u.length(),
                                pseudoHeaderSum(layers.get(i - 1), 17, u.length()));
                        ChecksumStatus expected = status == 1 ? ChecksumStatus.VALID
                                : status == 0 ? ChecksumStatus.INVALID : ChecksumStatus.ZERO;
                        soft.assertThat(ours).as(at + " udp.checksum.status").isEqualTo(expected);
                        if (status == 4) {
                            soft.assertThat(UdpDecoder.isAcceptable(ours, true, false)).as(at + " zero over IPv6").isFalse();
                        }
                    }
                    udp++;
                } else if (h instanceof TcpHeader t) {
                    num(at, "tcp.srcport", tcp, t.sourcePort());
                    num(at, "tcp.dstport", tcp, t.destinationPort());
                    num(at, "tcp.seq_raw", tcp, t.sequenceNumber());
                    num(at, "tcp.ack_raw", tcp, t.acknowledgmentNumber());
                    num(at, "tcp.hdr_len", tcp, t.headerLength());
                    num(at, "tcp.flags", tcp, t.reserved() << 8 | t.flags().bits());
                    num(at, "tcp.window_size_value", tcp, t.window());
                    num(at, "tcp.checksum", tcp, t.checksum());
                    num(at, "tcp.urgent_pointer", tcp, t.urgentPointer());
                    if (!t.options().isEmpty()) {
                        eq(at, "tcp.options", tcp, t.options().toHex());
                    }
                    long status = row.number("tcp.checksum.status", tcp);
                    if (status == 0 || status == 1) {
                        int length = l.length() + l.payloadLength();
                        soft.assertThat(TcpDecoder.verifyChecksum(frame, l.offset(), length,
                                pseudoHeaderSum(layers.get(i - 1), 6, length))).as(at + " tcp.checksum.status")
                                .isEqualTo(status == 1);
                    }
                    tcp++;
                }
            }
        }

        private int pseudoHeaderSum(DissectedLayer ip, int protocol, int length) {
            if (ip.header() instanceof Ipv4Header v4) {
                return InternetChecksum.ipv4PseudoHeaderSum(v4.source(), v4.destination(), protocol, length);
            }
            Ipv6Header v6 = (Ipv6Header) ip.header();
            Ipv6Address destination = v6.destination();
            for (Ipv6ExtensionHeader e : v6.extensionHeaders()) {
                // RFC 8200 §8.1: with a Routing header, the checksum uses the final destination:
                // a type 0 header's last address, a Type 2 Routing Header's home address (RFC 6275 §6.4).
                if (e instanceof Ipv6ExtensionHeader.RoutingHeader r && r.routingType() == 0 && r.segmentsLeft() > 0) {
                    ByteBuffer data = r.data().asReadOnlyBuffer();
                    destination = Ipv6Address.read(data, data.limit() - 16);
                } else if (e instanceof Ipv6ExtensionHeader.Type2RoutingHeader r) {
                    destination = r.homeAddress();
                }
            }
            // RFC 6275 §6.3: with a Home Address option, upper layers take its address as the source.
            Ipv6Address source = v6.homeAddressOption().map(o -> o.homeAddress()).orElse(v6.source());
            return InternetChecksum.ipv6PseudoHeaderSum(source, destination, protocol, length);
        }

        private void eq(String at, String field, int occurrence, String ours) {
            soft.assertThat(ours).as(at + " " + field + "[" + occurrence + "]").isEqualTo(row.value(field, occurrence));
        }

        private void num(String at, String field, int occurrence, long ours) {
            soft.assertThat(ours).as(at + " " + field + "[" + occurrence + "]").isEqualTo(row.number(field, occurrence));
        }

        private void ipv6(String at, String field, int occurrence, Ipv6Address ours) {
            String theirs = row.value(field, occurrence);
            soft.assertThat(theirs == null ? null : Ipv6Address.parse(theirs)).as(at + " " + field + "[" + occurrence + "]")
                    .isEqualTo(ours);
        }
    }

}
