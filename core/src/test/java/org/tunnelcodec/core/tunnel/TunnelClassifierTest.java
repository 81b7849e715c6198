package org.tunnelcodec.core.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunnelcodec.core.tunnel.TunnelVectors.bytes;
import static org.tunnelcodec.core.tunnel.TunnelVectors.frame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict;

/**
 * The classifier's walk with core's IP-in-IP bindings and with test extractors: the outer
 * fields, by verdict, checked against what tshark 4.0.17 shows for the same frames
 * ({@code golden/core/core-layers.tsv}: {@code ip.src}, {@code ip.dst}, {@code ip.ttl},
 * {@code ip.dsfield.*}, {@code ip.flags.df}, {@code ipv6.tclass}, {@code ipv6.flow},
 * {@code ipv6.hlim}, {@code udp.srcport}, {@code udp.dstport}); dispatch by key, carriers,
 * the header cap, the builder's refusals and the caller's mistakes.
 */
class TunnelClassifierTest {
    private static final TunnelClassifier CORE = TunnelClassifier.builder().add(CoreTunnels.bindings()).build();

    private final TunnelMetadata m = new TunnelMetadata();

    @Test
    void shouldDescribeIpv4InIpv4AsTsharkShowsItsOuterHeader() {
        assertThat(CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_IN_IPV4), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).isEqualTo(TunnelType.IPV4_IN_IPV4);
        assertThat(m.ipVersion()).isEqualTo(4);
        assertThat(m.ipIndex()).isEqualTo(14);
        assertThat(m.ipv4Source()).isEqualTo(Ipv4Address.parse("203.0.113.1"));
        assertThat(m.ipv4Destination()).isEqualTo(Ipv4Address.parse("203.0.113.2"));
        assertThat(m.ipv4SourceBits()).isEqualTo(0xCB007101);
        assertThat(m.ttl()).isEqualTo(64);
        assertThat(m.tos()).isZero();
        assertThat(m.dontFragment()).isFalse();
        assertThat(m.hasTunnelId()).isFalse();
        assertThat(m.flags()).isZero();
        assertThat(m.carrier()).isEqualTo(TunnelType.NONE);
        assertThat(m.sourcePort()).isEqualTo(-1);
        assertThat(m.transportIndex()).isEqualTo(-1);
        assertThat(m.headerIndex()).isEqualTo(34);
        assertThat(m.innerIndex()).isEqualTo(34);
        assertThat(m.innerLength()).isEqualTo(44);
        assertThat(m.innerProtocol()).isEqualTo(0x0800);
        assertThat(m.innerLinkType()).isEqualTo(LinkType.IPV4);
        assertThat(m.isPartial()).isFalse();
    }

    @Test
    void shouldDescribeIpv6InIpv4() {
        assertThat(CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV6_IN_IPV4), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).isEqualTo(TunnelType.IPV6_IN_IPV4);
        assertThat(m.ipv4Destination()).isEqualTo(Ipv4Address.parse("203.0.113.2"));
        assertThat(m.innerIndex()).isEqualTo(34);
        assertThat(m.innerLength()).isEqualTo(72);
        assertThat(m.innerProtocol()).isEqualTo(0x86DD);
        assertThat(m.innerLinkType()).isEqualTo(LinkType.IPV6);
    }

    @Test
    void shouldDescribeIpv4InIpv6WithTheIpv6OuterFields() {
        assertThat(CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_IN_IPV6), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).isEqualTo(TunnelType.IPV4_IN_IPV6);
        assertThat(m.ipVersion()).isEqualTo(6);
        assertThat(m.ipv6Source()).isEqualTo(Ipv6Address.parse("2001:db8:ffff::1"));
        assertThat(m.ipv6Destination()).isEqualTo(Ipv6Address.parse("2001:db8:ffff::2"));
        assertThat(m.ipv6SourceHigh()).isEqualTo(0x20010db8ffff0000L);
        assertThat(m.ipv6DestinationLow()).isEqualTo(2L);
        assertThat(m.ttl()).isEqualTo(64);
        assertThat(m.tos()).isZero();
        assertThat(m.flowLabel()).isZero();
        assertThat(m.innerIndex()).isEqualTo(54);
        assertThat(m.innerLength()).isEqualTo(44);
        assertThat(m.innerProtocol()).isEqualTo(0x0800);
        assertThatThrownBy(m::ipv4Source).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldDescribeIpv6InIpv6() {
        assertThat(CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV6_IN_IPV6), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).isEqualTo(TunnelType.IPV6_IN_IPV6);
        assertThat(m.innerIndex()).isEqualTo(54);
        assertThat(m.innerLength()).isEqualTo(64);
        assertThat(m.innerProtocol()).isEqualTo(0x86DD);
    }

    @Test
    void shouldClassifyRawIpByTheVersionNibbleOrByTheLinkTypesVersion() {
        ByteBuffer f = frame(TunnelVectors.IPV4_IN_IPV6).position(14);
        assertThat(CORE.classify(LinkType.RAW, f, m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.innerIndex()).isEqualTo(54);
        assertThat(CORE.classify(LinkType.IPV6, f, m)).isEqualTo(Verdict.TUNNEL);
        assertThat(CORE.classify(LinkType.IPV4, f, m)).as("an IPv6 header where IPv4 is promised")
                .isEqualTo(Verdict.MALFORMED);
        assertThat(f.position()).isEqualTo(14);
    }

    @Test
    void shouldFillTheOuterFieldsOfAPacketThatIsNotATunnel() {
        assertThat(CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_UDP_DNS), m)).isEqualTo(Verdict.NOT_A_TUNNEL);
        assertThat(m.type()).isEqualTo(TunnelType.NONE);
        assertThat(m.ipv4Source()).isEqualTo(Ipv4Address.parse("192.0.2.10"));
        assertThat(m.tos()).as("DSCP 46, ECN 1").isEqualTo(46 << 2 | 1);
        assertThat(m.dontFragment()).isTrue();
        assertThat(m.ttl()).isEqualTo(64);
        assertThat(m.sourcePort()).as("no UDP binding: the UDP header is not read").isEqualTo(-1);
        assertThat(m.innerIndex()).isEqualTo(-1);

        assertThat(CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.QINQ_IPV6_UDP), m)).isEqualTo(Verdict.NOT_A_TUNNEL);
        assertThat(m.ipIndex()).as("after two VLAN tags").isEqualTo(22);
        assertThat(m.tos()).isEqualTo(0xb8);
        assertThat(m.flowLabel()).isEqualTo(0x12345);
        assertThat(m.ttl()).isEqualTo(32);
    }

    @Test
    void shouldReportAnOuterFragmentWithoutLookingPastTheIpHeader() {
        byte[] b = bytes(TunnelVectors.IPV4_IN_IPV4);
        b[14 + 6] |= 0x20; // MF
        List<Integer> calls = new ArrayList<>();
        TunnelClassifier c = TunnelClassifier.builder()
                .add(new TunnelBinding(LayerKey.ipProtocol(4), (src, i, l, out) -> calls.add(i))).build();
        assertThat(c.classify(LinkType.ETHERNET, ByteBuffer.wrap(b), m)).isEqualTo(Verdict.FRAGMENT);
        assertThat(calls).isEmpty();
        assertThat(m.type()).isEqualTo(TunnelType.NONE);
        assertThat(m.ipv4Destination()).isEqualTo(Ipv4Address.parse("203.0.113.2"));
        assertThat(m.innerIndex()).isEqualTo(-1);
    }

    @Test
    void shouldCallMalformedWhatTheDecodersRefuse() {
        byte[] badIhl = bytes(TunnelVectors.IPV4_IN_IPV4);
        badIhl[14] = 0x44;
        byte[] longTotalLength = bytes(TunnelVectors.IPV4_IN_IPV4);
        longTotalLength[14 + 3] = (byte) 0x41;
        for (byte[] b : List.of(badIhl, longTotalLength, bytes("02005e100002"), new byte[0])) {
            assertThat(CORE.classify(LinkType.ETHERNET, ByteBuffer.wrap(b), m)).isEqualTo(Verdict.MALFORMED);
        }
        assertThat(CORE.classify(LinkType.RAW, ByteBuffer.wrap(bytes("50000000")), m)).isEqualTo(Verdict.MALFORMED);
        assertThat(CORE.classify(LinkType.RAW, ByteBuffer.allocate(0), m)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void shouldSayNotATunnelForAnEthernetTypeNoExtractorIsBoundTo() {
        byte[] arp = bytes(TunnelVectors.IPV4_IN_IPV4);
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertThat(CORE.classify(LinkType.ETHERNET, ByteBuffer.wrap(arp), m)).isEqualTo(Verdict.NOT_A_TUNNEL);
        assertThat(m.ipVersion()).isZero();
        byte[] ieee8023 = bytes(TunnelVectors.IPV4_IN_IPV4);
        ieee8023[12] = 0;
        ieee8023[13] = 10; // an 802.3 Length: LLC follows
        TunnelClassifier anything = TunnelClassifier.builder()
                .add(new TunnelBinding(LayerKey.etherType(10), TunnelClassifierTest::wholePayload)).build();
        assertThat(anything.classify(LinkType.ETHERNET, ByteBuffer.wrap(ieee8023), m)).isEqualTo(Verdict.NOT_A_TUNNEL);
    }

    @Test
    void shouldMatchUdpByTheDestinationPortOnlyAndRecordThePorts() {
        TunnelClassifier toPort9 = TunnelClassifier.builder()
                .add(new TunnelBinding(LayerKey.udpPort(9), TunnelClassifierTest::wholePayload)).build();
        assertThat(toPort9.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_UDP), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.sourcePort()).isEqualTo(40030);
        assertThat(m.destinationPort()).isEqualTo(9);
        assertThat(m.transportIndex()).isEqualTo(34);
        assertThat(m.headerIndex()).as("the UDP payload").isEqualTo(42);
        assertThat(m.innerLength()).as("bounded by UDP Length 24").isEqualTo(16);

        TunnelClassifier fromPort = TunnelClassifier.builder()
                .add(new TunnelBinding(LayerKey.udpPort(40030), TunnelClassifierTest::wholePayload)).build();
        assertThat(fromPort.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_UDP), m))
                .as("a source port is flow entropy").isEqualTo(Verdict.NOT_A_TUNNEL);
        assertThat(m.sourcePort()).as("the UDP header was read").isEqualTo(40030);
    }

    @Test
    void shouldCheckTheUdpHeaderOnlyWhenItHasUdpBindings() {
        byte[] b = bytes(TunnelVectors.IPV4_UDP);
        b[34 + 4] = 0;
        b[34 + 5] = 7; // UDP Length 7 (RFC 768: at least 8)
        TunnelClassifier udp = TunnelClassifier.builder()
                .add(new TunnelBinding(LayerKey.udpPort(4789), TunnelClassifierTest::wholePayload)).build();
        assertThat(udp.classify(LinkType.ETHERNET, ByteBuffer.wrap(b), m)).isEqualTo(Verdict.MALFORMED);
        assertThat(CORE.classify(LinkType.ETHERNET, ByteBuffer.wrap(b), m)).isEqualTo(Verdict.NOT_A_TUNNEL);
    }

    @Test
    void shouldContinueIntoTheExtractorTheNamedKeyLeadsToAndKeepTheCarrier() {
        TunnelType fakeGre = TunnelType.of(TunnelType.FIRST_PRIVATE);
        TunnelType fakeLabel = TunnelType.of(TunnelType.FIRST_PRIVATE + 1);
        TunnelExtractor gre = (src, index, limit, out) -> out.tunnel(fakeGre, Wire.u16(src, index)).id(77)
                .inner(index + 8, limit - index - 8, Wire.u16(src, index + 2))
                .next(KeySpace.GRE_PROTOCOL, Wire.u16(src, index + 2));
        TunnelExtractor label = (src, index, limit, out) -> out.tunnel(fakeLabel, 0).id(Wire.i32(src, index) >>> 12)
                .inner(index + 4, limit - index - 4, 0x0800);
        TunnelClassifier viaFallback = TunnelClassifier.builder()
                .add(new TunnelBinding(LayerKey.ipProtocol(47), gre))
                .add(new TunnelBinding(LayerKey.etherType(0x8847), label)).build();
        assertThat(viaFallback.classify(LinkType.ETHERNET, frame(TunnelVectors.GRE_MPLS), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).isEqualTo(fakeLabel);
        assertThat(m.tunnelId()).isEqualTo(100);
        assertThat(m.carrier()).isEqualTo(fakeGre);
        assertThat(m.hasCarrierId()).isTrue();
        assertThat(m.carrierId()).isEqualTo(77);
        assertThat(m.headerIndex()).isEqualTo(42);
        assertThat(m.innerIndex()).isEqualTo(46);
        assertThat(m.innerLength()).isEqualTo(44);

        TunnelClassifier greOnly = TunnelClassifier.builder().add(new TunnelBinding(LayerKey.ipProtocol(47), gre)).build();
        assertThat(greOnly.classify(LinkType.ETHERNET, frame(TunnelVectors.GRE_MPLS), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).as("no extractor for the named key: the GRE layer stands").isEqualTo(fakeGre);
        assertThat(m.carrier()).isEqualTo(TunnelType.NONE);
        assertThat(m.innerIndex()).isEqualTo(42);
        assertThat(m.innerProtocol()).isEqualTo(0x8847);

        TunnelClassifier greSpaceOnly = TunnelClassifier.builder()
                .add(new TunnelBinding(LayerKey.ipProtocol(47), gre))
                .add(new TunnelBinding(LayerKey.greProtocol(0x8847), label)).build();
        assertThat(greSpaceOnly.classify(LinkType.ETHERNET, frame(TunnelVectors.GRE_MPLS), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).isEqualTo(fakeLabel);
        byte[] overEthernet = bytes("02005e10000202005e1000018847" + TunnelVectors.GRE_MPLS.substring(84));
        assertThat(greSpaceOnly.classify(LinkType.ETHERNET, ByteBuffer.wrap(overEthernet), m))
                .as("a GRE Protocol Type binding does not reach EtherTypes").isEqualTo(Verdict.NOT_A_TUNNEL);
        assertThat(viaFallback.classify(LinkType.ETHERNET, ByteBuffer.wrap(overEthernet), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.ipVersion()).isZero();
        assertThat(m.carrier()).isEqualTo(TunnelType.NONE);
        assertThat(m.headerIndex()).isEqualTo(14);
    }

    @Test
    void shouldReadAtMostMaxHeadersTunnelHeaders() {
        int[] calls = {0};
        TunnelExtractor loop = (src, index, limit, out) -> {
            calls[0]++;
            out.tunnel(TunnelType.GRE, 0).inner(index + 1, limit - index - 1, 0x1234).next(KeySpace.GRE_PROTOCOL, 0x1234);
        };
        TunnelClassifier c = TunnelClassifier.builder().add(new TunnelBinding(LayerKey.ipProtocol(4), loop))
                .add(new TunnelBinding(LayerKey.greProtocol(0x1234), loop)).build();
        assertThat(c.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_IN_IPV4), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(calls[0]).isEqualTo(TunnelClassifier.MAX_HEADERS);
        assertThat(m.innerIndex()).isEqualTo(34 + TunnelClassifier.MAX_HEADERS);
    }

    @Test
    void shouldReportAnExtractorThatBreaksItsContract() {
        TunnelExtractor silent = (src, index, limit, out) -> { };
        TunnelExtractor tooLong = (src, index, limit, out) -> out.tunnel(TunnelType.GRE, 0).inner(index, limit - index + 1, -1);
        TunnelExtractor before = (src, index, limit, out) -> out.tunnel(TunnelType.GRE, 0).inner(index - 1, 1, -1);
        for (TunnelExtractor e : List.of(silent, tooLong, before)) {
            TunnelClassifier c = TunnelClassifier.builder().add(new TunnelBinding(LayerKey.ipProtocol(4), e)).build();
            assertThatThrownBy(() -> c.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_IN_IPV4), m))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("ip.proto=4");
        }
    }

    @Test
    void shouldClassifyFromAWalksIpLayerAndLeaveTheWalkWhereItWas() {
        Dissector d = Dissector.builder().add(CoreLayers.bindings()).build();
        FrameWalk walk = d.newWalk().wrap(LinkType.ETHERNET, frame(TunnelVectors.IPV4_IN_IPV6));
        List<String> seen = new ArrayList<>();
        while (walk.next()) {
            if (walk.layer() == CoreLayers.IPV4 || walk.layer() == CoreLayers.IPV6 || walk.layer() == CoreLayers.ETHERNET) {
                seen.add(walk.layer().name() + " " + CORE.classify(walk, m) + " " + m.type() + " " + m.innerIndex());
            } else {
                int at = walk.offset();
                assertThatThrownBy(() -> CORE.classify(walk, m)).isInstanceOf(IllegalArgumentException.class);
                assertThat(walk.offset()).isEqualTo(at);
            }
        }
        assertThat(seen).containsExactly("ethernet TUNNEL IPV4_IN_IPV6(3) 54", "ipv6 TUNNEL IPV4_IN_IPV6(3) 54",
                "ipv4 NOT_A_TUNNEL NONE(0) -1");
        FrameWalk fresh = d.newWalk().wrap(LinkType.ETHERNET, frame(TunnelVectors.IPV4_IN_IPV6));
        assertThatThrownBy(() -> CORE.classify(fresh, m)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldReadInNetworkOrderAndLeaveTheBufferAsItWas() {
        ByteBuffer little = frame(TunnelVectors.IPV6_IN_IPV6).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer copy = frame(TunnelVectors.IPV6_IN_IPV6);
        assertThat(CORE.classify(LinkType.ETHERNET, little, m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.ipv6SourceHigh()).isEqualTo(0x20010db8ffff0000L);
        assertThat(little).isEqualTo(copy);
        assertThat(little.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void shouldResetTheHolderOnEveryCall() {
        CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_IN_IPV6), m);
        m.tunnel(TunnelType.GRE, 1).id(5);
        CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_UDP), m);
        assertThat(m.hasTunnelId()).isFalse();
        assertThat(m.tunnelId()).isZero();
        assertThat(m.flowLabel()).isZero();
        CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_IN_IPV6), m);
        assertThat(m.dontFragment()).isFalse();
        assertThat(m.ipv4SourceBits()).isZero();
        CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_UDP), m);
        assertThat(m.type()).isEqualTo(TunnelType.NONE);
        assertThat(m.ipVersion()).isEqualTo(4);
        assertThat(m.ipv6SourceHigh()).isZero();
        assertThat(m.innerIndex()).isEqualTo(-1);
        assertThat(m.innerProtocol()).isEqualTo(TunnelMetadata.NO_PROTOCOL);
    }

    @Test
    void shouldShowNothingOfTheLastPacketThroughAnyAccessorAfterTheFourStoreReset() {
        TunnelType fakeGre = TunnelType.of(TunnelType.FIRST_PRIVATE);
        TunnelType fakeLabel = TunnelType.of(TunnelType.FIRST_PRIVATE + 1);
        TunnelExtractor gre = (src, index, limit, out) -> out.tunnel(fakeGre, 0xABCD).id(77)
                .inner(index + 8, limit - index - 8, Wire.u16(src, index + 2))
                .next(KeySpace.GRE_PROTOCOL, Wire.u16(src, index + 2));
        TunnelExtractor label = (src, index, limit, out) -> out.tunnel(fakeLabel, 0x1234).id(100)
                .inner(index + 4, limit - index - 4, 0x0800).partial();
        TunnelClassifier c = TunnelClassifier.builder()
                .add(new TunnelBinding(LayerKey.ipProtocol(47), gre))
                .add(new TunnelBinding(LayerKey.etherType(0x8847), label))
                .add(new TunnelBinding(LayerKey.udpPort(4789), TunnelClassifierTest::wholePayload)).build();
        assertThat(c.classify(LinkType.ETHERNET, frame(TunnelVectors.GRE_MPLS), m)).isEqualTo(Verdict.FRAGMENT);
        assertThat(m.isPartial()).isTrue();
        assertThat(m.hasCarrierId()).isTrue();

        // IPv4/UDP to a port nothing is bound to: the IP and UDP fields, nothing of a tunnel.
        assertThat(c.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_UDP), m)).isEqualTo(Verdict.NOT_A_TUNNEL);
        assertThat(m.type()).isEqualTo(TunnelType.NONE);
        assertThat(m.flags()).isZero();
        assertThat(m.hasTunnelId()).isFalse();
        assertThat(m.tunnelId()).isZero();
        assertThat(m.carrier()).isEqualTo(TunnelType.NONE);
        assertThat(m.hasCarrierId()).isFalse();
        assertThat(m.carrierId()).isZero();
        assertThat(m.headerIndex()).isEqualTo(-1);
        assertThat(m.innerIndex()).isEqualTo(-1);
        assertThat(m.innerLength()).isEqualTo(-1);
        assertThat(m.innerProtocol()).isEqualTo(TunnelMetadata.NO_PROTOCOL);
        assertThat(m.innerLinkType()).isNull();
        assertThat(m.isPartial()).isFalse();
        assertThat(m.ipIndex()).isEqualTo(14);
        assertThat(m.transportIndex()).isEqualTo(34);
        assertThat(m.sourcePort()).isNotNegative();

        // The same packet through a classifier with no UDP binding: the UDP header is not read.
        assertThat(CORE.classify(LinkType.ETHERNET, frame(TunnelVectors.IPV4_UDP), m)).isEqualTo(Verdict.NOT_A_TUNNEL);
        assertThat(m.transportIndex()).isEqualTo(-1);
        assertThat(m.sourcePort()).isEqualTo(-1);
        assertThat(m.destinationPort()).isEqualTo(-1);

        // A tunnel straight over Ethernet after an IP one: no IP fields.
        byte[] overEthernet = bytes("02005e10000202005e1000018847" + TunnelVectors.GRE_MPLS.substring(84));
        assertThat(c.classify(LinkType.ETHERNET, ByteBuffer.wrap(overEthernet), m)).isEqualTo(Verdict.FRAGMENT);
        assertThat(m.ipVersion()).isZero();
        assertThat(m.ipIndex()).isEqualTo(-1);
        assertThat(m.tos()).isZero();
        assertThat(m.ttl()).isZero();
        assertThat(m.carrier()).isEqualTo(TunnelType.NONE);
        assertThat(m.hasCarrierId()).isFalse();
        assertThat(m.flags()).isEqualTo(0x1234);
        assertThat(m.headerIndex()).isEqualTo(14);
        assertThat(m.toString()).doesNotContain("ports").doesNotContain(" in ");
    }

    @Test
    void shouldRefuseTheCallersMistakes() {
        ByteBuffer f = frame(TunnelVectors.IPV4_IN_IPV4);
        assertThatThrownBy(() -> CORE.classify(LinkType.LINUX_SLL, f, m)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LINUX_SLL");
        assertThatThrownBy(() -> CORE.classify(LinkType.ETHERNET, f, 10, 200, m)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> CORE.classify(LinkType.ETHERNET, f, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldRefuseKeysTheClassifierWalksItselfAndKeysBoundTwice() {
        TunnelExtractor e = TunnelClassifierTest::wholePayload;
        for (LayerKey k : List.of(LayerKey.ipProtocol(17), LayerKey.ipProtocol(6), LayerKey.etherType(0x0800),
                LayerKey.etherType(0x86DD), LayerKey.greProtocol(0x0800), LayerKey.linkType(1))) {
            assertThatThrownBy(() -> TunnelClassifier.builder().add(new TunnelBinding(k, e)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(k.toString());
        }
        TunnelClassifier.Builder b = TunnelClassifier.builder().add(CoreTunnels.bindings());
        assertThatThrownBy(() -> b.add(new TunnelBinding(LayerKey.ipProtocol(4), e)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already bound");
        TunnelClassifier replaced = b.replace(new TunnelBinding(LayerKey.ipProtocol(4), e)).build();
        assertThat(replaced.bindings()).hasSize(2).containsEntry(LayerKey.ipProtocol(4), e);
        assertThatThrownBy(() -> new TunnelBinding(LayerKey.udpPort(70000), e)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TunnelClassifier.builder().add(new TunnelBinding(LayerKey.udpPort(1), e))
                .add(new TunnelBinding(new LayerKey(new KeySpace(4, "other", null), 2), e)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("space id 4");
    }

    /** A test extractor: the whole range is the inner packet of a private tunnel type. */
    private static void wholePayload(ByteBuffer src, int index, int limit, TunnelMetadata out) {
        out.tunnel(TunnelType.of(TunnelType.FIRST_PRIVATE), 0).inner(index, limit - index, TunnelMetadata.NO_PROTOCOL);
    }
}
