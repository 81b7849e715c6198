package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.EthernetTemplateHeader;
import org.tunnelcodec.core.encap.InnerType;
import org.tunnelcodec.core.encap.Ipv4TemplateHeader;
import org.tunnelcodec.core.encap.Ipv6TemplateHeader;
import org.tunnelcodec.core.encap.TemplateHeader;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.core.encap.UdpTemplateHeader;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.gre.GreTemplates;
import org.tunnelcodec.mpls.MplsPush;
import org.tunnelcodec.mpls.MplsTemplates;
import org.tunnelcodec.mpls.MplsTtlModel;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Golden test of route-attached encapsulation: a fixed list of templates (VXLAN over IPv4 and
 * IPv6, VXLAN-GPE carrying IPv4, Ethernet and MPLS, Geneve with options, GRE with key and with
 * checksum, MPLS over UDP with an entropy label, over GRE, in IP and behind Ethernet, IP in IP,
 * and VXLAN inside MPLS over GRE over IPv6; fixed and inherited TTLs, set and copied DSCPs, both
 * ECN modes of RFC 6040 §4.1, UDP checksums computed and zero) is pushed onto inner packets of
 * different flows. The frames must be byte for byte those of the committed
 * {@code encap-pushed.pcap}, and tshark 4.0.17's decode of that capture
 * ({@code testdata/scripts/tshark-golden-encap.sh}, {@code golden/encap/encap-pushed.encap.tsv})
 * must show, header by header, what each template promises: lengths to the frame's end, valid
 * IPv4, UDP and GRE checksums, the entropy source port, flow label and entropy label of the inner
 * flow, the next-protocol fields, TTL, DSCP and ECN, and the chain of layers.
 *
 * <p>The expected values are worked out here from the templates' definitions (the RFCs their
 * javadoc cites) and the inner packets, never from the project's decoders; the only project code
 * used for them is the flow hash ({@link EncapTemplate#flowHash}) and its documented mappings
 * ({@link FlowHash#sourcePort(int, int, int)}, {@link FlowHash#scale}, {@link MplsPush#entropyLabel}).
 */
class EncapTsharkGoldenTest {
    static final String CAPTURE = "encap-pushed.pcap";
    static final Path TARGET = Path.of("target", CAPTURE);
    /** The capture's first timestamp: 2024-01-01T00:20:00Z, after the other generated captures'. */
    static final long T0 = 1704068400L;

    static final String OUTER_A = "02:00:5e:10:00:01";
    static final String OUTER_B = "02:00:5e:10:00:02";
    static final String TENANT_A = "02:00:5e:30:00:01";
    static final String TENANT_B = "02:00:5e:30:00:02";
    static final String LOCAL4 = "203.0.113.1";
    static final String REMOTE4 = "203.0.113.2";
    static final String LOCAL6 = "2001:db8:ffff::1";
    static final String REMOTE6 = "2001:db8:ffff::2";
    static final byte[] TEXT = "tunnelcodec tunn".getBytes(StandardCharsets.US_ASCII);

    // ---- what a frame holds, header by header, as tshark should read it

    /** One header of a frame with its expected values. */
    interface Layer {
        int length();
    }

    record Eth(String dst, String src) implements Layer {
        public int length() {
            return 14;
        }
    }

    record Ip4(String src, String dst, int tos, int ttl) implements Layer {
        public int length() {
            return 20;
        }
    }

    record Ip6(String src, String dst, int trafficClass, int flowLabel, int hopLimit) implements Layer {
        public int length() {
            return 40;
        }
    }

    /** {@code zero}: the Checksum is 0; otherwise it must verify. */
    record Udp(int sourcePort, int destinationPort, boolean zero) implements Layer {
        public int length() {
            return 8;
        }
    }

    record Gre(long key, boolean checksum) implements Layer {
        public int length() {
            return 4 + (checksum ? 4 : 0) + (key != GreHeader.ABSENT ? 4 : 0);
        }
    }

    record Vxlan(int vni) implements Layer {
        public int length() {
            return 8;
        }
    }

    record Gpe(int vni) implements Layer {
        public int length() {
            return 8;
        }
    }

    record Geneve(int vni, List<GeneveOption> options) implements Layer {
        public int length() {
            return 8 + options.stream().mapToInt(GeneveOption::encodedLength).sum();
        }
    }

    /** A label stack, top first: {label, TC, TTL} per entry; S from what follows. */
    record Mpls(List<int[]> entries) implements Layer {
        public int length() {
            return 4 * entries.size();
        }
    }

    record Data(int length) implements Layer {
    }

    // ---- template headers with the rule that gives their values for one packet

    /** A template header and how its values follow from the layers inside it and the flow hash. */
    interface Spec {
        TemplateHeader header();

        Layer resolve(List<Layer> inside, int chainInside, int flowHash);
    }

    record SEth(String dst, String src) implements Spec {
        public TemplateHeader header() {
            return EthernetTemplateHeader.of(MacAddress.parse(dst), MacAddress.parse(src));
        }

        public Layer resolve(List<Layer> inside, int chainInside, int flowHash) {
            return new Eth(dst, src);
        }
    }

    record SIp4(String src, String dst, int ttl, int dscp, EcnMode ecn) implements Spec {
        public TemplateHeader header() {
            return new Ipv4TemplateHeader(Ipv4Address.parse(src), Ipv4Address.parse(dst), ttl, dscp, ecn, true, 0);
        }

        public Layer resolve(List<Layer> inside, int chainInside, int flowHash) {
            int t = ttl == Ipv4TemplateHeader.INHERIT ? ipTtl(inside, 64) : ttl;
            return new Ip4(src, dst, outerTos(dscp, ecn, inside), t);
        }
    }

    record SIp6(String src, String dst, int hopLimit, int dscp, EcnMode ecn, int flowLabel) implements Spec {
        public TemplateHeader header() {
            return new Ipv6TemplateHeader(Ipv6Address.parse(src), Ipv6Address.parse(dst), hopLimit, dscp, ecn, flowLabel);
        }

        public Layer resolve(List<Layer> inside, int chainInside, int flowHash) {
            int h = hopLimit == Ipv6TemplateHeader.INHERIT ? ipTtl(inside, 64) : hopLimit;
            // RFC 6438 §3: the flow label from the inner flow, never 0
            int fl = flowLabel == Ipv6TemplateHeader.FLOW_HASH ? FlowHash.scale(flowHash, 1, 0xFFFFF) : flowLabel;
            return new Ip6(src, dst, outerTos(dscp, ecn, inside), fl, h);
        }
    }

    record SUdp(UdpTemplateHeader h) implements Spec {
        public TemplateHeader header() {
            return h;
        }

        public Layer resolve(List<Layer> inside, int chainInside, int flowHash) {
            // RFC 7348 §5, RFC 7510 §3: the source port from the inner flow, in the dynamic range
            int sport = h.sourcePortMin() == h.sourcePortMax() ? h.sourcePortMin()
                    : FlowHash.sourcePort(flowHash, h.sourcePortMin(), h.sourcePortMax());
            int dport = h.destinationPort() == UdpTemplateHeader.FROM_CHAIN ? udpPortOf(inside.get(0)) : h.destinationPort();
            return new Udp(sport, dport, h.checksum() != UdpChecksumMode.COMPUTE);
        }
    }

    record SGre(long key, boolean checksum) implements Spec {
        public TemplateHeader header() {
            return GreTemplates.gre(key, checksum);
        }

        public Layer resolve(List<Layer> inside, int chainInside, int flowHash) {
            return new Gre(key, checksum);
        }
    }

    record SVxlan(int vni) implements Spec {
        public TemplateHeader header() {
            return VxlanTemplates.vxlan(vni);
        }

        public Layer resolve(List<Layer> inside, int chainInside, int flowHash) {
            return new Vxlan(vni);
        }
    }

    record SGpe(int vni) implements Spec {
        public TemplateHeader header() {
            return VxlanTemplates.vxlanGpe(vni);
        }

        public Layer resolve(List<Layer> inside, int chainInside, int flowHash) {
            return new Gpe(vni);
        }
    }

    record SGeneve(int vni, List<GeneveOption> options) implements Spec {
        public TemplateHeader header() {
            return VxlanTemplates.geneve(vni, options);
        }

        public Layer resolve(List<Layer> inside, int chainInside, int flowHash) {
            return new Geneve(vni, options);
        }
    }

    /**
     * A label stack: {label, TC} pairs top first, uniform or pipe TTL (pipe when {@code pipeTtl} > 0),
     * an ELI and EL below the first {@code entropyAfter} labels (none when 0).
     */
    record SMpls(int[][] labels, int pipeTtl, int entropyAfter) implements Spec {
        public TemplateHeader header() {
            MplsPush.Builder b = MplsPush.builder(pipeTtl > 0 ? MplsTtlModel.pipe(pipeTtl) : MplsTtlModel.uniform());
            for (int[] l : labels) {
                b.label(l[0], l[1]);
            }
            if (entropyAfter > 0) {
                b.entropyLabelAfter(entropyAfter);
            }
            return MplsTemplates.labelStack(b.build());
        }

        public Layer resolve(List<Layer> inside, int chainInside, int flowHash) {
            // RFC 3443 §3.1 uniform: the TTL of what the stack is pushed onto (RFC 3032 §2.4.3); 255 if none
            int ttl = pipeTtl > 0 ? pipeTtl : mplsTtl(inside);
            List<int[]> e = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                e.add(new int[] {labels[i][0], labels[i][1], ttl});
                if (i + 1 == entropyAfter) {
                    // RFC 6790 §4.2: the ELI with the TC and TTL of the label above, then the EL with TC 0, TTL 0
                    e.add(new int[] {7, labels[i][1], ttl});
                    e.add(new int[] {MplsPush.entropyLabel(flowHash), 0, 0});
                }
            }
            return new Mpls(e);
        }
    }

    /**
     * The TTL an IP header inheriting it takes: the nearest IPv4, IPv6 or label stack inside, past
     * the shim headers (UDP, GRE, VXLAN, Geneve, Ethernet) as RFC 9601 §3 reads a tunnel's inner
     * header; {@code fallback} if there is none.
     */
    static int ipTtl(List<Layer> inside, int fallback) {
        for (Layer l : inside) {
            if (l instanceof Ip4 ip) {
                return ip.ttl();
            } else if (l instanceof Ip6 ip) {
                return ip.hopLimit();
            } else if (l instanceof Mpls m) {
                return m.entries().get(0)[2];
            } else if (l instanceof Data) {
                return fallback;
            }
        }
        return fallback;
    }

    /** The TTL a uniform-model stack copies: the IP header or stack right inside it, else 255. */
    static int mplsTtl(List<Layer> inside) {
        Layer l = inside.get(0);
        if (l instanceof Ip4 ip) {
            return ip.ttl();
        } else if (l instanceof Ip6 ip) {
            return ip.hopLimit();
        } else if (l instanceof Mpls m) {
            return m.entries().get(0)[2];
        }
        return 255;
    }

    /**
     * The outer DS field: the DSCP set, or copied with {@code COPY} (-1); the ECN field copied from
     * the inner IP header in normal mode, Not-ECT in compatibility mode (RFC 6040 §4.1). The inner
     * header is the nearest IP header past the shim headers (RFC 9601 §3); a label stack, of the
     * chain or of the packet, ends the search: a labelled packet counts as Not-ECT and keeps the
     * header's own DSCP ({@link EcnMode}).
     */
    static int outerTos(int dscp, EcnMode ecn, List<Layer> inside) {
        int inner = 0;
        for (int k = 0; k < inside.size(); k++) {
            Layer l = inside.get(k);
            if (l instanceof Ip4 ip) {
                inner = ip.tos();
                break;
            } else if (l instanceof Ip6 ip) {
                inner = ip.trafficClass();
                break;
            } else if (l instanceof Mpls || l instanceof Data) {
                break;
            }
        }
        int d = dscp < 0 ? inner >>> 2 : dscp;
        int e = ecn == EcnMode.NORMAL ? inner & 3 : 0;
        return d << 2 | e;
    }

    static int udpPortOf(Layer next) {
        if (next instanceof Vxlan) {
            return 4789; // RFC 7348 §5
        } else if (next instanceof Gpe) {
            return 4790; // draft-ietf-nvo3-vxlan-gpe §3.1
        } else if (next instanceof Geneve) {
            return 6081; // RFC 8926 §3.3
        } else if (next instanceof Mpls) {
            return 6635; // RFC 7510 §3
        } else if (next instanceof Gre) {
            return 4754; // RFC 8086 §3
        }
        throw new IllegalArgumentException("no UDP port for " + next);
    }

    // ---- inner packets

    /** An inner packet: its octets, its type and its headers. */
    record Inner(byte[] bytes, InnerType type, List<Layer> layers) {
    }

    /** IPv4 (no options, DF, Identification 0x1234) / UDP sport > 9 / 16 octets of text, every checksum valid. */
    static Inner ip4(String src, String dst, int tos, int ttl, int sport) {
        int total = 20 + 8 + TEXT.length;
        ByteBuffer b = ByteBuffer.allocate(total);
        b.put((byte) 0x45).put((byte) tos).putShort((short) total).putShort((short) 0x1234).putShort((short) 0x4000)
                .put((byte) ttl).put((byte) 17).putShort((short) 0);
        b.put(Ipv4Address.parse(src).toByteArray()).put(Ipv4Address.parse(dst).toByteArray());
        b.putShort(10, (short) checksum(b.array(), 0, 20, 0));
        udp(b, 20, sport, sum(b.array(), 12, 8, 0));
        return new Inner(b.array(), InnerType.IPV4,
                List.of(new Ip4(src, dst, tos, ttl), new Udp(sport, 9, false), new Data(TEXT.length)));
    }

    /** IPv6 / UDP sport > 9 / 16 octets of text, checksum valid. */
    static Inner ip6(String src, String dst, int trafficClass, int flowLabel, int hopLimit, int sport) {
        int payload = 8 + TEXT.length;
        ByteBuffer b = ByteBuffer.allocate(40 + payload);
        b.putInt(6 << 28 | trafficClass << 20 | flowLabel).putShort((short) payload).put((byte) 17).put((byte) hopLimit);
        b.put(Ipv6Address.parse(src).toByteArray()).put(Ipv6Address.parse(dst).toByteArray());
        udp(b, 40, sport, sum(b.array(), 8, 32, 0));
        return new Inner(b.array(), InnerType.IPV6,
                List.of(new Ip6(src, dst, trafficClass, flowLabel, hopLimit), new Udp(sport, 9, false), new Data(TEXT.length)));
    }

    /** The tenant's Ethernet frame A -> B (no FCS) carrying an IP packet. */
    static Inner eth(Inner ip) {
        ByteBuffer b = ByteBuffer.allocate(14 + ip.bytes().length);
        b.put(mac(TENANT_B)).put(mac(TENANT_A))
                .putShort((short) (ip.type() == InnerType.IPV4 ? 0x0800 : 0x86DD)).put(ip.bytes());
        List<Layer> layers = new ArrayList<>();
        layers.add(new Eth(TENANT_B, TENANT_A));
        layers.addAll(ip.layers());
        return new Inner(b.array(), InnerType.ETHERNET, layers);
    }

    /** A labelled packet: one entry (S=1) in front of an IP packet. */
    static Inner labelled(int label, int tc, int ttl, Inner ip) {
        ByteBuffer b = ByteBuffer.allocate(4 + ip.bytes().length);
        b.putInt(label << 12 | tc << 9 | 1 << 8 | ttl).put(ip.bytes());
        List<Layer> layers = new ArrayList<>();
        layers.add(new Mpls(List.<int[]>of(new int[] {label, tc, ttl})));
        layers.addAll(ip.layers());
        return new Inner(b.array(), InnerType.MPLS, layers);
    }

    static byte[] mac(String text) {
        ByteBuffer b = ByteBuffer.allocate(6);
        MacAddress.parse(text).write(b, 0);
        return b.array();
    }

    private static void udp(ByteBuffer b, int at, int sport, int pseudo) {
        int length = b.limit() - at;
        b.putShort(at, (short) sport).putShort(at + 2, (short) 9).putShort(at + 4, (short) length).putShort(at + 6, (short) 0);
        b.put(at + 8, TEXT);
        int c = checksum(b.array(), at, length, pseudo + 17 + length);
        b.putShort(at + 6, (short) (c == 0 ? 0xFFFF : c)); // RFC 768: a computed 0 is sent as all ones
    }

    /** The one's complement sum (RFC 1071), not folded. */
    private static int sum(byte[] a, int from, int length, int initial) {
        long s = initial;
        for (int i = 0; i < length; i += 2) {
            s += (a[from + i] & 0xFF) << 8 | (i + 1 < length ? a[from + i + 1] & 0xFF : 0);
        }
        while (s >>> 16 != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    private static int checksum(byte[] a, int from, int length, int initial) {
        return ~sum(a, from, length, initial) & 0xFFFF;
    }

    // ---- the cases

    /** A template (its header specs, outermost first) and the packets pushed under it. */
    record Case(String name, List<Spec> chain, List<Inner> packets) {
    }

    /** An expected occurrence whose value is not checked (a computed checksum, checked through its status). */
    static final String ANY = "*";

    static final UdpTemplateHeader UDP_ZERO = UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO);
    static final UdpTemplateHeader UDP_COMPUTE = UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN,
            UdpChecksumMode.COMPUTE);

    static SIp4 outer4() {
        return new SIp4(LOCAL4, REMOTE4, 64, 0, EcnMode.NORMAL);
    }

    static SIp6 outer6() {
        return new SIp6(LOCAL6, REMOTE6, 64, 0, EcnMode.NORMAL, Ipv6TemplateHeader.FLOW_HASH);
    }

    static Inner a4(int n, int tos, int ttl) {
        return ip4("192.0.2." + (10 + n), "198.51.100." + (20 + n), tos, ttl, 40100 + n);
    }

    static Inner a6(int n, int tc, int hopLimit) {
        return ip6("2001:db8:1::" + (10 + n), "2001:db8:2::" + (20 + n), tc, 0x10000 + n, hopLimit, 40200 + n);
    }

    static final List<GeneveOption> GENEVE_OPTIONS = List.of(
            GeneveOption.of(0x0102, 0x80, ByteString.fromHex("01020304")),
            GeneveOption.of(0xFFFF, 0x01, ByteString.fromHex("1011121314151617")),
            GeneveOption.of(0x0103, 0x02, ByteString.EMPTY));

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("VXLAN over IPv4, DSCP 26 set, ECN copied, UDP checksum zero",
                List.of(new SIp4(LOCAL4, REMOTE4, 64, 26, EcnMode.NORMAL), new SUdp(UDP_ZERO), new SVxlan(5000)),
                List.of(eth(a4(1, 0x03, 63)), eth(a4(2, 0x01, 63)), eth(a6(3, 0x02, 63)))));
        c.add(new Case("VXLAN over IPv6, UDP checksum computed, flow label from the flow",
                List.of(outer6(), new SUdp(UDP_COMPUTE), new SVxlan(5001)),
                List.of(eth(a4(4, 0xb8, 63)), eth(a4(5, 0x00, 63)))));
        c.add(new Case("VXLAN over IPv6, UDP zero-checksum mode (RFC 6935 §5)",
                List.of(outer6(), new SUdp(UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN,
                        UdpChecksumMode.ZERO_CHECKSUM_MODE)), new SVxlan(5002)),
                List.of(eth(a6(6, 0x00, 63)), eth(a6(7, 0x00, 63)))));
        c.add(new Case("VXLAN-GPE over IPv4, Next Protocol per packet (IPv4, Ethernet, MPLS)",
                List.of(outer4(), new SUdp(UDP_COMPUTE), new SGpe(6000)),
                List.of(a4(8, 0x00, 63), a4(9, 0x00, 63), eth(a4(10, 0x00, 63)), eth(a6(11, 0x00, 63)),
                        labelled(1600, 0, 62, a4(12, 0x01, 63)), labelled(1601, 2, 30, a6(13, 0x03, 63)))));
        c.add(new Case("VXLAN-GPE over IPv4 with the inner Ethernet header in the chain",
                List.of(outer4(), new SUdp(UDP_ZERO), new SGpe(6001), new SEth(TENANT_B, TENANT_A)),
                List.of(a4(14, 0x00, 63), a6(15, 0x00, 63))));
        c.add(new Case("VXLAN-GPE over IPv6 with a label stack in the chain",
                List.of(outer6(), new SUdp(UDP_COMPUTE), new SGpe(6002), new SMpls(new int[][] {{1000, 0}}, 0, 0)),
                List.of(a6(16, 0x01, 40), a4(17, 0xb9, 41))));
        c.add(new Case("Geneve over IPv4 with three options, carrying Ethernet",
                List.of(outer4(), new SUdp(UDP_COMPUTE), new SGeneve(0xABCDE, GENEVE_OPTIONS)),
                List.of(eth(a4(18, 0x00, 63)), eth(a4(19, 0x00, 63)), eth(a6(20, 0x00, 63)))));
        c.add(new Case("Geneve over IPv6 with one option, carrying IPv4",
                List.of(outer6(), new SUdp(UDP_COMPUTE), new SGeneve(77,
                        List.of(GeneveOption.of(0x0104, 0x05, ByteString.fromHex("a1a2a3a4"))))),
                List.of(a4(21, 0x00, 63), a4(22, 0x00, 63))));
        c.add(new Case("GRE with a key over IPv4 (IPv4, IPv6, Ethernet)",
                List.of(outer4(), new SGre(0x12345678L, false)),
                List.of(a4(23, 0x00, 63), a6(24, 0x00, 63), eth(a4(25, 0x00, 63)))));
        c.add(new Case("GRE with checksum and key over IPv6",
                List.of(outer6(), new SGre(0xFEDCBA98L, true)),
                List.of(a4(26, 0x00, 63), a6(27, 0x00, 63))));
        c.add(new Case("MPLS over UDP (6635) with an entropy label below the first label, uniform TTL",
                List.of(outer4(), new SUdp(UDP_COMPUTE), new SMpls(new int[][] {{100, 3}, {200, 0}}, 0, 1)),
                List.of(a4(28, 0x00, 63), a4(29, 0x00, 17), a4(30, 0x00, 200))));
        c.add(new Case("MPLS over GRE, pipe TTL 255",
                List.of(outer4(), new SGre(GreHeader.ABSENT, false), new SMpls(new int[][] {{300, 1}, {301, 6}}, 255, 0)),
                List.of(a4(31, 0x00, 63), a6(32, 0x00, 63))));
        c.add(new Case("MPLS in IPv4 (IP protocol 137), uniform TTL",
                List.of(outer4(), new SMpls(new int[][] {{400, 0}}, 0, 0)),
                List.of(a4(33, 0x00, 63), a6(34, 0x00, 9))));
        c.add(new Case("MPLS in IPv6 (Next Header 137) onto a labelled packet",
                List.of(outer6(), new SMpls(new int[][] {{401, 0}}, 0, 0)),
                List.of(a6(35, 0x00, 63), labelled(1700, 4, 33, a4(36, 0x02, 63)))));
        c.add(new Case("IPv4 in IPv4, TTL inherited, DSCP copied, ECN normal mode",
                List.of(new SIp4(LOCAL4, REMOTE4, Ipv4TemplateHeader.INHERIT, Ipv4TemplateHeader.COPY, EcnMode.NORMAL)),
                List.of(a4(37, 0xba, 63), a4(38, 0x2b, 17), a4(39, 0x01, 200))));
        c.add(new Case("IPv4 in IPv4, TTL 100, DSCP 10, ECN compatibility mode",
                List.of(new SIp4(LOCAL4, REMOTE4, 100, 10, EcnMode.COMPATIBILITY)),
                List.of(a4(40, 0x03, 63), a4(41, 0xb9, 63))));
        c.add(new Case("IPv6 in IPv6, Hop Limit inherited, DSCP copied, ECN compatibility mode, flow label 0xabcde",
                List.of(new SIp6(LOCAL6, REMOTE6, Ipv6TemplateHeader.INHERIT, Ipv6TemplateHeader.COPY,
                        EcnMode.COMPATIBILITY, 0xABCDE)),
                List.of(a6(42, 0xb9, 63), a6(43, 0x03, 5), a6(44, 0x00, 255))));
        c.add(new Case("IPv6 over IP: Hop Limit 200, DSCP 46, ECN normal mode (IPv6 and IPv4 inside)",
                List.of(new SIp6(LOCAL6, REMOTE6, 200, 46, EcnMode.NORMAL, Ipv6TemplateHeader.FLOW_HASH)),
                List.of(a6(45, 0x01, 63), a4(46, 0x03, 63))));
        c.add(new Case("MPLS straight after an Ethernet header",
                List.of(new SEth(OUTER_B, OUTER_A), new SMpls(new int[][] {{500, 5}, {501, 0}}, 0, 0)),
                List.of(a4(47, 0x00, 64), a6(48, 0x00, 64))));
        c.add(new Case("VXLAN over IPv4 inside MPLS over GRE over IPv6",
                List.of(outer6(), new SGre(GreHeader.ABSENT, false), new SMpls(new int[][] {{600, 0}}, 0, 0),
                        new SIp4(LOCAL4, "203.0.113.3", 64, 0, EcnMode.NORMAL), new SUdp(UDP_ZERO), new SVxlan(7000)),
                List.of(eth(a4(49, 0x02, 63)), eth(a6(50, 0x00, 63)))));
        return c;
    }

    // ---- building the frames

    /** One frame: its octets and the headers tshark should find. */
    record Frame(String caseName, byte[] bytes, List<Layer> layers) {
    }

    static List<Frame> frames() {
        List<Frame> frames = new ArrayList<>();
        for (Case c : cases()) {
            EncapTemplate t = EncapTemplate.of(c.chain().stream().map(Spec::header).toList());
            for (Inner p : c.packets()) {
                int headroom = t.length();
                ByteBuffer buf = ByteBuffer.allocate(headroom + p.bytes().length);
                buf.put(headroom, p.bytes());
                int hash = EncapTemplate.flowHash(buf, headroom, buf.limit(), p.type());
                int start = t.push(buf, headroom, buf.limit(), p.type());
                assertThat(start).isZero();
                List<Layer> layers = new ArrayList<>(p.layers());
                for (int i = c.chain().size() - 1; i >= 0; i--) {
                    int chainInside = c.chain().size() - 1 - i;
                    layers.add(0, c.chain().get(i).resolve(List.copyOf(layers), chainInside, hash));
                }
                byte[] bytes = buf.array();
                if (!(layers.get(0) instanceof Eth)) {
                    // the outer link: A -> B
                    ByteBuffer f = ByteBuffer.allocate(14 + bytes.length);
                    f.put(mac(OUTER_B)).put(mac(OUTER_A))
                            .putShort((short) (layers.get(0) instanceof Ip4 ? 0x0800 : 0x86DD)).put(bytes);
                    bytes = f.array();
                    layers.add(0, new Eth(OUTER_B, OUTER_A));
                }
                frames.add(new Frame(c.name(), bytes, layers));
            }
        }
        return frames;
    }

    @Test
    void shouldPushTheFramesOfTheCommittedCapture() throws IOException {
        Captures.assertCommitted(frames().stream().map(Frame::bytes).toList(), T0, TARGET,
                "testdata/scripts/tshark-golden-encap.sh");
    }

    @Test
    void shouldBeDecodedByTsharkAsEachTemplatePromises() {
        List<Frame> frames = frames();
        TsharkGolden golden = TsharkGolden.of("encap-pushed.encap");
        assertThat(golden.rows()).hasSameSizeAs(frames);
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            TsharkGolden.Row row = golden.frame(i + 1);
            Map<String, List<String>> expected = expectedFields(f);
            for (Map.Entry<String, List<String>> e : expected.entrySet()) {
                List<String> got = row.values(e.getKey());
                List<String> want = e.getValue();
                List<String> shown = new ArrayList<>(want);
                for (int k = 0; k < shown.size() && k < got.size(); k++) {
                    if (shown.get(k).equals(ANY)) {
                        shown.set(k, got.get(k));
                    }
                }
                soft.assertThat(got).as("#%d %s: %s", i + 1, f.caseName(), e.getKey()).isEqualTo(shown);
            }
            soft.assertThat(row.values("_ws.malformed")).as("#%d %s: _ws.malformed", i + 1, f.caseName()).isEmpty();
        }
        soft.assertAll();
    }

    /** Every field's expected occurrences in a frame, outermost first, as tshark 4.0 prints them. */
    static Map<String, List<String>> expectedFields(Frame f) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String k : List.of("frame.len", "frame.protocols", "eth.src", "eth.dst", "eth.type", "ip.src", "ip.dst",
                "ip.len", "ip.dsfield", "ip.ttl", "ip.proto", "ip.checksum.status", "ipv6.src", "ipv6.dst", "ipv6.plen",
                "ipv6.tclass", "ipv6.flow", "ipv6.nxt", "ipv6.hlim", "udp.srcport", "udp.dstport", "udp.length",
                "udp.checksum", "udp.checksum.status", "gre.proto", "gre.flags.checksum", "gre.flags.key", "gre.key",
                "gre.checksum.status", "vxlan.vni", "vxlan.next_proto", "geneve.proto_type", "geneve.vni",
                "geneve.flags.critical", "geneve.option.class", "geneve.option.type", "geneve.option.length",
                "mpls.label", "mpls.exp", "mpls.bottom", "mpls.ttl")) {
            m.put(k, new ArrayList<>());
        }
        int frameLength = f.bytes().length;
        m.get("frame.len").add(Integer.toString(frameLength));
        List<String> protocols = new ArrayList<>();
        List<Layer> layers = f.layers();
        int offset = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            Layer next = i + 1 < layers.size() ? layers.get(i + 1) : null;
            int rest = frameLength - offset;
            if (l instanceof Eth e) {
                protocols.add("eth:ethertype");
                m.get("eth.src").add(e.src());
                m.get("eth.dst").add(e.dst());
                m.get("eth.type").add(hex(etherType(next), 4));
            } else if (l instanceof Ip4 ip) {
                protocols.add("ip");
                m.get("ip.src").add(ip.src());
                m.get("ip.dst").add(ip.dst());
                m.get("ip.len").add(Integer.toString(rest));
                m.get("ip.dsfield").add(hex(ip.tos(), 2));
                m.get("ip.ttl").add(Integer.toString(ip.ttl()));
                m.get("ip.proto").add(Integer.toString(ipProtocol(next)));
                m.get("ip.checksum.status").add("1"); // Good
            } else if (l instanceof Ip6 ip) {
                protocols.add("ipv6");
                m.get("ipv6.src").add(ip.src());
                m.get("ipv6.dst").add(ip.dst());
                m.get("ipv6.plen").add(Integer.toString(rest - 40));
                m.get("ipv6.tclass").add(hex(ip.trafficClass(), 8));
                m.get("ipv6.flow").add(hex(ip.flowLabel(), 6));
                m.get("ipv6.nxt").add(Integer.toString(ipProtocol(next)));
                m.get("ipv6.hlim").add(Integer.toString(ip.hopLimit()));
            } else if (l instanceof Udp u) {
                protocols.add("udp");
                m.get("udp.srcport").add(Integer.toString(u.sourcePort()));
                m.get("udp.dstport").add(Integer.toString(u.destinationPort()));
                m.get("udp.length").add(Integer.toString(rest));
                boolean overIpv6 = layers.get(i - 1) instanceof Ip6;
                if (u.zero()) {
                    m.get("udp.checksum").add("0x0000");
                    m.get("udp.checksum.status").add(overIpv6 ? "4" : "3"); // Illegal under IPv6, Not present under IPv4
                } else {
                    m.get("udp.checksum").add(ANY);
                    m.get("udp.checksum.status").add("1"); // Good
                }
            } else if (l instanceof Gre g) {
                protocols.add("gre");
                m.get("gre.proto").add(hex(etherType(next), 4));
                m.get("gre.flags.checksum").add(g.checksum() ? "1" : "0");
                m.get("gre.flags.key").add(g.key() != GreHeader.ABSENT ? "1" : "0");
                if (g.key() != GreHeader.ABSENT) {
                    m.get("gre.key").add(hex(g.key(), 8));
                }
                if (g.checksum()) {
                    m.get("gre.checksum.status").add("1"); // Good
                }
            } else if (l instanceof Vxlan v) {
                protocols.add("vxlan");
                m.get("vxlan.vni").add(Integer.toString(v.vni()));
            } else if (l instanceof Gpe v) {
                // tshark 4.0 names no vxlan_gpe layer in frame.protocols (see the golden README)
                m.get("vxlan.vni").add(Integer.toString(v.vni()));
                m.get("vxlan.next_proto").add(Integer.toString(gpeNextProtocol(next)));
            } else if (l instanceof Geneve g) {
                protocols.add("geneve");
                m.get("geneve.proto_type").add(hex(etherType(next), 4));
                m.get("geneve.vni").add(hex(g.vni(), 6));
                m.get("geneve.flags.critical").add(g.options().stream().anyMatch(GeneveOption::critical) ? "1" : "0");
                m.get("geneve.option.length").add(Integer.toString(g.length() - 8));
                for (GeneveOption o : g.options()) {
                    m.get("geneve.option.class").add(hex(o.optionClass(), 4));
                    m.get("geneve.option.type").add(hex(o.type(), 2));
                    m.get("geneve.option.length").add(Integer.toString(o.encodedLength()));
                }
            } else if (l instanceof Mpls s) {
                if (!(i > 0 && layers.get(i - 1) instanceof Mpls)) {
                    protocols.add("mpls"); // tshark walks a pushed stack and the packet's own as one stack
                }
                for (int k = 0; k < s.entries().size(); k++) {
                    int[] e = s.entries().get(k);
                    boolean last = k == s.entries().size() - 1;
                    m.get("mpls.label").add(Integer.toString(e[0]));
                    m.get("mpls.exp").add(Integer.toString(e[1]));
                    // RFC 3032 §2.1: S on the last entry unless a label stack follows
                    m.get("mpls.bottom").add(last && !(next instanceof Mpls) ? "1" : "0");
                    m.get("mpls.ttl").add(Integer.toString(e[2]));
                }
            } else if (l instanceof Data) {
                protocols.add("data");
            }
            offset += l.length();
        }
        assertThat(offset).as("layers of %s", f.caseName()).isEqualTo(frameLength);
        m.get("frame.protocols").add(String.join(":", protocols));
        return m;
    }

    static int etherType(Layer next) {
        if (next instanceof Ip4) {
            return 0x0800;
        } else if (next instanceof Ip6) {
            return 0x86DD;
        } else if (next instanceof Mpls) {
            return 0x8847; // RFC 3032 §5
        } else if (next instanceof Eth) {
            return 0x6558; // transparent Ethernet bridging
        }
        throw new IllegalArgumentException("no EtherType for " + next);
    }

    static int ipProtocol(Layer next) {
        if (next instanceof Ip4) {
            return 4;
        } else if (next instanceof Ip6) {
            return 41;
        } else if (next instanceof Udp) {
            return 17;
        } else if (next instanceof Gre) {
            return 47;
        } else if (next instanceof Mpls) {
            return 137; // RFC 4023 §2
        }
        throw new IllegalArgumentException("no IP protocol for " + next);
    }

    /** draft-ietf-nvo3-vxlan-gpe §3.2: 1 IPv4, 2 IPv6, 3 Ethernet, 5 MPLS. */
    static int gpeNextProtocol(Layer next) {
        if (next instanceof Ip4) {
            return 1;
        } else if (next instanceof Ip6) {
            return 2;
        } else if (next instanceof Eth) {
            return 3;
        } else if (next instanceof Mpls) {
            return 5;
        }
        throw new IllegalArgumentException("no VXLAN-GPE Next Protocol for " + next);
    }

    static String hex(long v, int digits) {
        return String.format("0x%0" + digits + "x", v);
    }
}
