package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LayerBinding;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.gre.GreLayers;
import org.tunnelcodec.gre.GreTunnels;
import org.tunnelcodec.mpls.MplsLayers;
import org.tunnelcodec.mpls.MplsTunnels;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;
import org.tunnelcodec.testdata.TunnelChecks;

/**
 * Golden test of the VXLAN module's tunnel metadata: every frame of the captures
 * {@link VxlanGoldenTest} reads is peeled tunnel by tunnel with core's, the GRE, MPLS and VXLAN
 * modules' bindings ({@link TunnelChecks#peel}, which also checks each level against the
 * dissector with the same modules' layers), and every VXLAN, VXLAN-GPE and Geneve level is
 * compared with tshark 4.0.17's decode of the same header ({@code golden/vxlan/NAME.vxlan.tsv}):
 * the flags word with {@code vxlan.flags} (or the GPE flags octet, the Geneve flags and
 * {@code geneve.proto_type}), the tunnel id with {@code vxlan.vni} / {@code geneve.vni} (present
 * for VXLAN only when {@code vxlan.flag_i} is 1), the inner protocol with the next protocol tshark
 * names, the outer addresses with the {@code ip.src}/{@code ipv6.src} occurrence of the header
 * that carried it, and the UDP destination port. tshark lists each field's occurrences
 * outermost first, so the k-th VXLAN-or-GPE level has the k-th {@code vxlan.*} values.
 */
class VxlanTunnelsGoldenTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .add(MplsLayers.bindings()).add(VxlanLayers.bindings()).build();
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(GreTunnels.bindings()).add(MplsTunnels.bindings()).add(VxlanTunnels.bindings()).build();
    private static final Dissector LINUX_PORT_DISSECTOR = Dissector.builder().add(CoreLayers.bindings())
            .add(VxlanLayers.bindings()).add(List.of(new LayerBinding(LayerKey.udpPort(8472), VxlanLayers.VXLAN))).build();
    private static final TunnelClassifier LINUX_PORT_CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(VxlanTunnels.bindings()).add(VxlanTunnels.vxlanOn(8472)).build();

    static Stream<String> captures() {
        return VxlanGoldenTest.captures().filter(n -> !VxlanGoldenTest.UNREACHED.containsKey(n));
    }

    @Test
    void shouldDescribeEveryFrameOfTheGeneratedCapture() {
        List<String> found = check("vxlan-variants.pcap");
        assertThat(found).containsExactly(
                "1 VXLAN(11) 0 TEB", "2 VXLAN(11) 1 TEB", "3 VXLAN(11) 16777215 TEB", "4 VXLAN(11) - TEB",
                "5 VXLAN(11) 200 TEB", "6 VXLAN(11) 300 TEB", "7 VXLAN(11) 400 TEB", "8 VXLAN(11) 500 TEB",
                "9 VXLAN_GPE(12) 1009 IPV4", "10 VXLAN_GPE(12) 1010 IPV6", "11 VXLAN_GPE(12) 1011 TEB",
                "12 VXLAN_GPE(12) 1012 NSH", "13 MPLS(10) 3005 in VXLAN_GPE(12) 1013 IPV4", "14 VXLAN_GPE(12) 1014 IPV4",
                "15 GENEVE(13) 100 TEB", "16 GENEVE(13) 101 TEB", "17 GENEVE(13) 102 TEB", "18 GENEVE(13) 103 TEB",
                "19 GENEVE(13) 104 TEB", "20 GENEVE(13) 105 IPV4", "21 GENEVE(13) 106 IPV6", "22 GENEVE(13) 107 TEB",
                "23 GENEVE(13) 108 TEB", "25 GENEVE(13) 110 TEB");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldDescribeEveryTunnelAsTsharkDecodesIt(String name) {
        check(name);
    }

    /** Peels and compares every frame; returns, per frame with a tunnel, a description of its first level. */
    private static List<String> check(String name) {
        CaptureFile capture = name.equals("vxlan-variants.pcap") ? Captures.generated(name) : Captures.shared(name);
        TsharkGolden golden = TsharkGolden.of(name.replaceFirst("\\.(pcapng|pcap)$", "") + ".vxlan");
        boolean linuxPort = name.equals("vxlan_port_8472.pcap");
        Dissector dissector = linuxPort ? LINUX_PORT_DISSECTOR : DISSECTOR;
        TunnelClassifier classifier = linuxPort ? LINUX_PORT_CLASSIFIER : CLASSIFIER;
        SoftAssertions soft = new SoftAssertions();
        List<String> found = new ArrayList<>();
        for (CapturedFrame f : capture.frames()) {
            byte[] captured = new byte[f.data().remaining()];
            f.data().duplicate().get(captured);
            TunnelChecks.Start start = TunnelChecks.start(dissector, capture.linkType(), captured);
            if (start == null) {
                continue;
            }
            TsharkGolden.Row row = golden.frame(f.number());
            String at = name + " #" + f.number();
            List<TunnelMetadata> levels = TunnelChecks.peel(classifier, dissector, start.linkType(), start.octets());
            Dissection d = dissector.dissect(start.linkType(), ByteBuffer.wrap(start.octets()));
            int vxlan = 0;
            int geneve = 0;
            String first = null;
            for (TunnelMetadata m : levels) {
                TunnelType type = m.type();
                boolean gpe = type.equals(TunnelType.VXLAN_GPE);
                String here = at + " " + type + "@" + m.headerIndex();
                if (type.equals(TunnelType.VXLAN) || gpe) {
                    vxlan(soft, here, row, vxlan++, m, gpe);
                } else if (type.equals(TunnelType.GENEVE)) {
                    geneve(soft, here, row, geneve++, m);
                } else if (type.equals(TunnelType.MPLS) && m.carrier().equals(TunnelType.VXLAN_GPE)) {
                    vxlan(soft, here + " (carrier)", row, vxlan++, m, true);
                } else {
                    continue;
                }
                outer(soft, here, row, d, m);
                if (first == null) {
                    first = f.number() + " " + type + " " + (m.hasTunnelId() ? Long.toString(m.tunnelId()) : "-")
                            + (m.carrier().equals(TunnelType.NONE) ? "" : " in " + m.carrier() + " " + m.carrierId())
                            + " " + protocol(m.innerProtocol());
                }
            }
            // A frame that tshark decodes whole with a VXLAN or Geneve header in it is a tunnel here
            // too; a cut one (the classifier reads whole packets), a malformed one (the BIG TCP
            // super-packets with IP length 0) or one decoded differently on purpose need not be.
            boolean whole = row.value("frame.len", 0).equals(row.value("frame.cap_len", 0))
                    && row.values("_ws.malformed").isEmpty() && !VxlanGoldenTest.DIFFERENT.containsKey(name + "#" + f.number());
            if (whole && !(row.values("vxlan.vni").isEmpty() && row.values("geneve.vni").isEmpty())) {
                soft.assertThat(first).as(at + " a VXLAN, VXLAN-GPE or Geneve level, in " + levels).isNotNull();
            }
            if (first != null) {
                found.add(first);
            }
        }
        soft.assertAll();
        return found;
    }

    private static void vxlan(SoftAssertions soft, String at, TsharkGolden.Row row, int k, TunnelMetadata m, boolean gpe) {
        boolean carried = m.type().equals(TunnelType.MPLS);
        int flags = m.flags();
        long id = m.tunnelId();
        boolean hasId = m.hasTunnelId();
        if (carried) { // the carrier's flags are not kept: its id is
            hasId = m.hasCarrierId();
            id = m.carrierId();
        } else if (gpe) {
            soft.assertThat((long) (flags >>> 24)).as(at + " vxlan.flags[" + k + "]").isEqualTo(row.number("vxlan.flags", k));
            soft.assertThat((long) (flags & 0xFF)).as(at + " vxlan.next_proto").isEqualTo(row.number("vxlan.next_proto", 0));
            soft.assertThat(hasId).as(at + " I set").isEqualTo(row.number("vxlan.i_bit", 0) == 1);
        } else {
            soft.assertThat((long) (flags >>> 16)).as(at + " vxlan.flags[" + k + "]").isEqualTo(row.number("vxlan.flags", k));
            soft.assertThat((long) (flags & 0xFFFF)).as(at + " vxlan.gbp[" + k + "]").isEqualTo(row.number("vxlan.gbp", k));
            soft.assertThat(hasId).as(at + " vxlan.flag_i[" + k + "]").isEqualTo(row.number("vxlan.flag_i", k) == 1);
            soft.assertThat(m.innerProtocol()).as(at + " an Ethernet frame follows").isEqualTo(0x6558);
        }
        if (hasId) {
            soft.assertThat(id).as(at + " vxlan.vni[" + k + "]").isEqualTo(row.number("vxlan.vni", k));
        }
        if (gpe && !carried && (flags >>> 24 & 0x04) != 0) {
            soft.assertThat(m.innerProtocol()).as(at + " the Next Protocol's EtherType")
                    .isEqualTo(switch ((int) row.number("vxlan.next_proto", 0)) {
                        case 1 -> 0x0800;
                        case 2 -> 0x86DD;
                        case 3 -> 0x6558;
                        case 4 -> 0x894F;
                        case 5 -> 0x8847;
                        default -> TunnelMetadata.NO_PROTOCOL;
                    });
        }
    }

    private static void geneve(SoftAssertions soft, String at, TsharkGolden.Row row, int k, TunnelMetadata m) {
        int flags = m.flags();
        soft.assertThat(m.tunnelId()).as(at + " geneve.vni[" + k + "]").isEqualTo(row.number("geneve.vni", k));
        soft.assertThat((long) (flags & 0xFFFF)).as(at + " geneve.proto_type[" + k + "]")
                .isEqualTo(row.number("geneve.proto_type", k));
        soft.assertThat((long) (flags >>> 16 & 0xFF)).as(at + " geneve.flags[" + k + "]").isEqualTo(row.number("geneve.flags", k));
        soft.assertThat(m.innerProtocol()).as(at + " the Protocol Type").isEqualTo(flags & 0xFFFF);
        soft.assertThat(m.innerIndex() - m.headerIndex() - 8).as(at + " the options, Opt Len × 4")
                .isEqualTo((flags >>> 24 & 0x3F) * 4);
    }

    /** The outer IP header of a level is the k-th of its version in the dissection, as tshark counts them. */
    private static void outer(SoftAssertions soft, String at, TsharkGolden.Row row, Dissection d, TunnelMetadata m) {
        String name = m.ipVersion() == 4 ? "ipv4" : "ipv6";
        int k = 0;
        for (DissectedLayer l : d.layers()) {
            if (l.name().equals(name) && l.offset() < m.ipIndex()) {
                k++;
            }
        }
        if (m.ipVersion() == 4) {
            soft.assertThat(m.ipv4Source()).as(at + " ip.src[" + k + "]").isEqualTo(Ipv4Address.parse(row.value("ip.src", k)));
            soft.assertThat(m.ipv4Destination()).as(at + " ip.dst[" + k + "]")
                    .isEqualTo(Ipv4Address.parse(row.value("ip.dst", k)));
        } else {
            soft.assertThat(m.ipv6Source()).as(at + " ipv6.src[" + k + "]")
                    .isEqualTo(Ipv6Address.parse(row.value("ipv6.src", k)));
            soft.assertThat(m.ipv6Destination()).as(at + " ipv6.dst[" + k + "]")
                    .isEqualTo(Ipv6Address.parse(row.value("ipv6.dst", k)));
        }
        int udp = 0;
        for (DissectedLayer l : d.layers()) {
            if (l.name().equals("udp") && l.offset() < m.transportIndex()) {
                udp++;
            }
        }
        soft.assertThat((long) m.destinationPort()).as(at + " udp.dstport[" + udp + "]")
                .isEqualTo(row.number("udp.dstport", udp));
        soft.assertThat((long) m.sourcePort()).as(at + " udp.srcport[" + udp + "]").isEqualTo(row.number("udp.srcport", udp));
    }

    private static String protocol(int etherType) {
        return switch (etherType) {
            case 0x0800 -> "IPV4";
            case 0x86DD -> "IPV6";
            case 0x6558 -> "TEB";
            case 0x894F -> "NSH";
            case 0x8847 -> "MPLS";
            default -> Integer.toHexString(etherType);
        };
    }
}
