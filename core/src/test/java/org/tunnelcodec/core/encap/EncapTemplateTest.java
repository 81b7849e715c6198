package org.tunnelcodec.core.encap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL4;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL6;
import static org.tunnelcodec.core.encap.EncapPackets.REMOTE4;
import static org.tunnelcodec.core.encap.EncapPackets.REMOTE6;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Encoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.transport.ChecksumStatus;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;

class EncapTemplateTest {
    private static final Dissector CORE = Dissector.builder().add(CoreLayers.bindings()).build();
    private static final MacAddress ROUTER = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress HOST = MacAddress.parse("02:00:00:00:00:02");

    /** Pushes {@code chain} onto {@code packet} with 128 octets of headroom and checks it field by field. */
    private static ByteBuffer pushAndVerify(List<TemplateHeader> chain, byte[] packet, InnerType inner) {
        EncapTemplate t = EncapTemplate.of(chain);
        ByteBuffer buf = EncapPackets.buffer(128, packet, 16);
        int start = t.push(buf, 128, 128 + packet.length, inner);
        assertThat(start).isEqualTo(128 - t.length());
        ChainVerifier.verify(chain, buf, start, 128, 128 + packet.length, inner, packet, null);
        return buf.slice(start, 128 + packet.length - start);
    }

    private static Dissection dissect(ByteBuffer frame) {
        Dissection d = CORE.dissect(LinkType.RAW, frame);
        assertThat(d.isMalformed()).as("%s", d).isFalse();
        return d;
    }

    @Test
    void shouldPushAVxlanLikeTemplateWithAnInnerEthernetHeaderAndDissectItBack() {
        List<TemplateHeader> chain = List.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), OpaqueHeader.vxlan(20),
                EthernetTemplateHeader.of(ROUTER, HOST));
        byte[] packet = EncapPackets.ipv4(0xB8, 63, 100);
        ByteBuffer frame = pushAndVerify(chain, packet, InnerType.IPV4);
        assertThat(frame.limit()).isEqualTo(50 + packet.length); // the 50 octets

        Dissection d = dissect(frame);
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv4", "udp");
        Ipv4Header ip = (Ipv4Header) d.layers().get(0).header();
        assertThat(ip.protocol()).isEqualTo(IpProtocol.UDP);
        assertThat(ip.totalLength()).isEqualTo(50 + packet.length);
        assertThat(ip.ecn()).isEqualTo(0xB8 & 3); // normal mode: a copy
        UdpHeader udp = (UdpHeader) d.layers().get(1).header();
        assertThat(udp.destinationPort()).isEqualTo(4789);
        assertThat(udp.length()).isEqualTo(30 + packet.length);
        assertThat(udp.checksum()).isZero();
        assertThat(udp.sourcePort()).isEqualTo(FlowHash.sourcePort(FlowHash.ofIpPacket(ByteBuffer.wrap(packet), 0,
                packet.length)));
        assertThat(frame.getShort(48)).isEqualTo((short) 0x0800); // the inner Ethernet header names IPv4
    }

    @Test
    void shouldCarryAnEthernetFrameRightAfterTheVxlanHeader() {
        List<TemplateHeader> chain = List.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4).withTimeToLive(Ipv4TemplateHeader.INHERIT)
                .withDscp(Ipv4TemplateHeader.COPY), UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN,
                UdpChecksumMode.COMPUTE), OpaqueHeader.vxlan(7));
        EncapTemplate t = EncapTemplate.of(chain);
        assertThat(t.acceptedInnerTypes()).containsExactly(InnerType.ETHERNET);
        byte[] tagged = EncapPackets.ethernet(0x0800, 2, EncapPackets.ipv4(0x2A, 17, 40));
        ByteBuffer withIp = pushAndVerify(chain, tagged, InnerType.ETHERNET);
        assertThat(withIp.get(8) & 0xFF).as("TTL inherited from the IP packet behind two tags").isEqualTo(17);
        assertThat(withIp.get(1) & 0xFF).as("DS field copied from it (RFC 9601 §3)").isEqualTo(0x2A);
        byte[] arp = EncapPackets.ethernet(0x0806, 0, new byte[28]);
        ByteBuffer withoutIp = pushAndVerify(chain, arp, InnerType.ETHERNET);
        assertThat(withoutIp.get(8) & 0xFF).as("the tunnel's TTL over a frame without IP")
                .isEqualTo(Ipv4TemplateHeader.DEFAULT_TIME_TO_LIVE);
        assertThat(withoutIp.get(1)).as("DSCP 0, Not-ECT").isZero();
    }

    @Test
    void shouldNestIpv4InIpv6AndLetTheDissectorWalkDownToTheInnerPacket() {
        List<TemplateHeader> chain = List.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6).withHopLimit(Ipv6TemplateHeader.INHERIT)
                        .withDscp(Ipv6TemplateHeader.COPY),
                Ipv4TemplateHeader.of(LOCAL4, REMOTE4).withTimeToLive(Ipv4TemplateHeader.INHERIT).withDscp(Ipv4TemplateHeader.COPY));
        byte[] packet = EncapPackets.ipv4(0x4B, 9, 32);
        ByteBuffer frame = pushAndVerify(chain, packet, InnerType.IPV4);
        Dissection d = dissect(frame);
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv6", "ipv4", "ipv4", "udp");
        Ipv6Header outer = (Ipv6Header) d.layers().get(0).header();
        assertThat(outer.nextHeader()).isEqualTo(IpProtocol.IPV4); // RFC 2473 §3.1, IPv4 in IPv6
        assertThat(outer.hopLimit()).isEqualTo(9);
        assertThat(outer.trafficClass()).isEqualTo(0x4B);
        Ipv4Header middle = (Ipv4Header) d.layers().get(1).header();
        assertThat(middle.protocol()).isEqualTo(IpProtocol.IPV4); // RFC 2003, IP in IP
        assertThat(middle.timeToLive()).isEqualTo(9);
        assertThat(middle.totalLength()).isEqualTo(20 + packet.length);
        assertThat(d.layers().get(2).offset()).isEqualTo(60);
    }

    @Test
    void shouldNestIpv6InIpv4WithAComputedUdpChecksumInBetween() {
        List<TemplateHeader> chain = List.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4),
                Ipv6TemplateHeader.of(LOCAL6, REMOTE6).withFlowLabel(0xABCDE),
                UdpTemplateHeader.fixed(12345, 6635, UdpChecksumMode.COMPUTE));
        byte[] packet = EncapPackets.labelled(new int[] {40, 41}, EncapPackets.ipv6(0, 64, 24));
        ByteBuffer frame = pushAndVerify(chain, packet, InnerType.MPLS);
        Dissection d = dissect(frame);
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv4", "ipv6", "udp");
        UdpHeader udp = (UdpHeader) d.layers().get(2).header();
        assertThat(udp.sourcePort()).isEqualTo(12345);
        assertThat(UdpDecoder.checksumStatus(frame, 60, frame.limit() - 60, EncapPackets.udpPseudo6(frame, 20,
                frame.limit() - 60))).isEqualTo(ChecksumStatus.VALID);
    }

    @Test
    void shouldComputeTheUdpChecksumOverIpv6AndSendZeroOnlyInZeroChecksumMode() {
        byte[] packet = EncapPackets.ethernet(0x86DD, 0, EncapPackets.ipv6(0x03, 30, 50));
        for (UdpChecksumMode mode : List.of(UdpChecksumMode.COMPUTE, UdpChecksumMode.ZERO_CHECKSUM_MODE)) {
            List<TemplateHeader> chain = List.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6),
                    UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, mode), OpaqueHeader.vxlan(1));
            ByteBuffer frame = pushAndVerify(chain, packet, InnerType.ETHERNET);
            UdpHeader udp = UdpDecoder.decode(frame, 40, frame.limit()).header();
            assertThat(udp.checksum() == 0).as("%s", mode).isEqualTo(mode == UdpChecksumMode.ZERO_CHECKSUM_MODE);
        }
    }

    @ParameterizedTest
    @EnumSource(InnerType.class)
    void shouldNameThePacketInTheInnermostNextProtocolFieldAtEachPush(InnerType inner) {
        EncapTemplate ip = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4));
        EncapTemplate ethernet = EncapTemplate.of(EthernetTemplateHeader.of(ROUTER, HOST));
        byte[] packet = switch (inner) {
            case IPV4 -> EncapPackets.ipv4(0, 64, 8);
            case IPV6 -> EncapPackets.ipv6(0, 64, 8);
            case ETHERNET -> EncapPackets.ethernet(0x0800, 0, EncapPackets.ipv4(0, 64, 8));
            case MPLS -> EncapPackets.labelled(new int[] {64}, EncapPackets.ipv4(0, 64, 8));
        };
        assertThat(ip.accepts(inner)).isEqualTo(inner != InnerType.ETHERNET);
        if (ip.accepts(inner)) {
            ByteBuffer frame = pushAndVerify(List.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4)), packet, inner);
            assertThat(frame.get(9) & 0xFF).isEqualTo(inner.ipProtocol());
        }
        ByteBuffer frame = pushAndVerify(List.of(EthernetTemplateHeader.of(ROUTER, HOST)), packet, inner);
        assertThat(frame.getShort(12) & 0xFFFF).isEqualTo(inner.etherType());
        assertThat(ethernet.accepts(inner)).isTrue();
    }

    @Test
    void shouldTakeTheCallersFlowHashInsteadOfHashingThePacket() {
        List<TemplateHeader> chain = List.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6),
                new UdpTemplateHeader(1024, 65535, 4754, UdpChecksumMode.COMPUTE));
        EncapTemplate t = EncapTemplate.of(chain);
        assertThat(t.usesFlowHash()).isTrue();
        byte[] packet = EncapPackets.ipv4(0, 64, 20);
        for (int hash : new int[] {0, -1, 0x12345678, Integer.MIN_VALUE}) {
            ByteBuffer buf = EncapPackets.buffer(64, packet, 0);
            int start = t.push(buf, 64, buf.limit(), InnerType.IPV4, hash);
            ChainVerifier.verify(chain, buf, start, 64, buf.limit(), InnerType.IPV4, packet, hash);
            assertThat(buf.getShort(start + 40) & 0xFFFF).isEqualTo(FlowHash.sourcePort(hash, 1024, 65535));
        }
    }

    @ParameterizedTest(name = "inner ECN {0}, {1} mode: outer {2}")
    @CsvSource({
        // RFC 6040 §4.1, Figure 3: Not-ECT 0, ECT(1) 1, ECT(0) 2, CE 3
        "0, NORMAL, 0", "2, NORMAL, 2", "1, NORMAL, 1", "3, NORMAL, 3",
        "0, COMPATIBILITY, 0", "2, COMPATIBILITY, 0", "1, COMPATIBILITY, 0", "3, COMPATIBILITY, 0"})
    void shouldSetTheOuterEcnFieldAsRfc6040Figure3Says(int innerEcn, EcnMode mode, int outerEcn) {
        byte[] packet4 = EncapPackets.ipv4(0x28 << 2 | innerEcn, 64, 12);
        byte[] packet6 = EncapPackets.ipv6(0x28 << 2 | innerEcn, 64, 12);
        for (byte[] packet : List.of(packet4, packet6)) {
            InnerType inner = packet == packet4 ? InnerType.IPV4 : InnerType.IPV6;
            ByteBuffer over4 = pushAndVerify(List.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4).withDscp(5).withEcnMode(mode)),
                    packet, inner);
            assertThat(over4.get(1) & 0xFF).isEqualTo(5 << 2 | outerEcn); // the DSCP stays the tunnel's (pipe)
            ByteBuffer over6 = pushAndVerify(List.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6).withEcnMode(mode)
                    .withDscp(Ipv6TemplateHeader.COPY)), packet, inner);
            assertThat(over6.getShort(0) >>> 4 & 0xFF).isEqualTo(0x28 << 2 | outerEcn);
        }
    }

    @Test
    void shouldTakeTheTtlOfALabelledPacketsTopEntryAndNoDsField() {
        List<TemplateHeader> chain = List.of(new Ipv4TemplateHeader(LOCAL4, REMOTE4, Ipv4TemplateHeader.INHERIT,
                Ipv4TemplateHeader.COPY, EcnMode.NORMAL, false, 0x4321));
        byte[] labelled = EncapPackets.labelled(new int[] {200, 3}, EncapPackets.ipv4(0xFF, 1, 8));
        ByteBuffer frame = pushAndVerify(chain, labelled, InnerType.MPLS);
        assertThat(frame.get(8) & 0xFF).as("TTL from the top label stack entry").isEqualTo(200);
        assertThat(frame.get(1)).as("a label stack has no DS field: DSCP 0, Not-ECT").isZero();
        assertThat(frame.getShort(6)).as("DF clear").isZero();
        assertThat(frame.getShort(4) & 0xFFFF).isEqualTo(0x4321);
    }

    @Test
    void shouldUpdateTheHeaderChecksumIncrementallyToWhatAFullComputationGivesAtEveryLength() {
        // RFC 1624 eqn. 3 from the checksum precomputed for an empty packet, against RFC 1071
        // over the whole header, for every packet length a 20-octet IPv4 template can carry.
        Ipv4TemplateHeader h = new Ipv4TemplateHeader(Ipv4Address.parse("255.255.255.254"),
                Ipv4Address.parse("255.255.0.255"), 255, 63, EcnMode.COMPATIBILITY, true, 0xFFFF);
        EncapTemplate t = EncapTemplate.of(h);
        ByteBuffer buf = ByteBuffer.allocate(20 + 0xFFFF - 20);
        for (int length = 0; length <= 0xFFFF - 20; length++) {
            int start = t.push(buf, 20, 20 + length, InnerType.IPV6);
            assertThat(start).isZero();
            int pushed = buf.getShort(10) & 0xFFFF;
            Ipv4Header full = new Ipv4Header(63, 0, length, 0xFFFF, false, true, false, 0, 255, IpProtocol.IPV6,
                    h.source(), h.destination(), ByteString.EMPTY);
            ByteBuffer expected = ByteBuffer.allocate(20);
            Ipv4Encoder.encode(full, expected);
            if (pushed != (expected.getShort(10) & 0xFFFF) || !Ipv4Decoder.verifyChecksum(buf, 0)) {
                throw new AssertionError("length " + length + ": checksum " + Integer.toHexString(pushed)
                        + " (expected: " + Integer.toHexString(expected.getShort(10) & 0xFFFF) + ")");
            }
        }
        assertThat(t.accepts(InnerType.IPV6)).isTrue();
    }

    @Test
    void shouldStoreOctetsThatAreAValidHeaderForAnEmptyPacket() {
        EncapTemplate t = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4),
                UdpTemplateHeader.fixed(1, 2, UdpChecksumMode.ZERO));
        ByteBuffer b = t.bytes().asReadOnlyBuffer();
        Ipv4Header ip = Ipv4Decoder.decode(b, 0, 28).header();
        assertThat(ip.totalLength()).isEqualTo(28);
        assertThat(Ipv4Decoder.verifyChecksum(b, 0)).isTrue();
        assertThat(ip.protocol()).isEqualTo(IpProtocol.UDP);
        assertThat(UdpDecoder.decode(b, 20, 28).header()).isEqualTo(new UdpHeader(1, 2, 0, 0));
    }

    @Test
    void shouldWriteTheSameOctetsWhateverTheBuffersByteOrderAndNeverMoveItsPosition() {
        EncapTemplate t = EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6),
                UdpTemplateHeader.flowHash(4789, UdpChecksumMode.COMPUTE), OpaqueHeader.vxlan(3));
        byte[] packet = EncapPackets.ethernet(0x0800, 0, EncapPackets.ipv4(1, 2, 3));
        ByteBuffer big = EncapPackets.buffer(100, packet, 0);
        ByteBuffer little = EncapPackets.buffer(100, packet, 0).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer direct = ByteBuffer.allocateDirect(big.limit()).put(0, EncapPackets.buffer(100, packet, 0), 0, big.limit());
        little.position(7).mark();
        t.push(big, 100, big.limit(), InnerType.ETHERNET);
        t.push(little, 100, little.limit(), InnerType.ETHERNET);
        t.push(direct, 100, direct.limit(), InnerType.ETHERNET);
        byte[] fromDirect = new byte[direct.limit()];
        direct.get(0, fromDirect);
        assertThat(little.array()).isEqualTo(big.array());
        assertThat(fromDirect).isEqualTo(big.array());
        assertThat(little.position()).isEqualTo(7);
        assertThat(little.reset().position()).isEqualTo(7);
        assertThat(little.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void shouldDescribeItselfAndCompareByOctetsAndProgram() {
        EncapTemplate a = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4), UdpTemplateHeader.flowHash(4789,
                UdpChecksumMode.ZERO));
        EncapTemplate b = EncapTemplate.of(List.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4), UdpTemplateHeader.flowHash(4789,
                UdpChecksumMode.ZERO)));
        EncapTemplate c = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4), UdpTemplateHeader.fixed(49152, 4789,
                UdpChecksumMode.ZERO));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a.bytes()).isEqualTo(c.bytes()); // same octets, different programs
        assertThat(a.toString()).contains("28 octets", "FLOW_HASH_FIELD(20,16,16,49152,65535)", "UDP_LENGTH(20)",
                "IPV4_LENGTH_CHECKSUM(0)", "inner [IPV4, IPV6, ETHERNET, MPLS]");
        assertThat(EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4)).toString()).contains("NEXT_PROTOCOL(8,255,4,41,0,137,10)");
    }

    @Test
    void shouldHashALabelledPacketByWhatFollowsItsBottomOfStack() {
        byte[] ip = EncapPackets.ipv4(0, 64, 20);
        byte[] labelled = EncapPackets.labelled(new int[] {1, 2, 3}, ip);
        assertThat(EncapTemplate.flowHash(ByteBuffer.wrap(labelled), 0, labelled.length, InnerType.MPLS))
                .isEqualTo(FlowHash.ofIpPacket(ByteBuffer.wrap(ip), 0, ip.length));
        byte[] noBottom = new byte[] {0, 0, 0, 1, 0, 0, 0, 2};
        assertThat(EncapTemplate.flowHash(ByteBuffer.wrap(noBottom), 0, 8, InnerType.MPLS))
                .isEqualTo(FlowHash.ofIpPacket(ByteBuffer.wrap(noBottom), 0, 8));
    }

    @Test
    void shouldGiveEthernetTheEtherTypeOfTheHeaderAfterIt() {
        List<TemplateHeader> chain = List.of(EthernetTemplateHeader.of(ROUTER, HOST), Ipv6TemplateHeader.of(LOCAL6, REMOTE6));
        ByteBuffer frame = pushAndVerify(chain, EncapPackets.ipv6(0, 1, 8), InnerType.IPV6);
        Dissection d = CORE.dissect(LinkType.ETHERNET, frame);
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ethernet", "ipv6", "ipv6", "udp");
        assertThat(((EthernetHeader) d.layers().get(0).header()).destination()).isEqualTo(ROUTER);
    }
}
