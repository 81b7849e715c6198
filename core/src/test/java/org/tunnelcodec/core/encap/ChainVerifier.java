package org.tunnelcodec.core.encap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.link.EthernetDecoder;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.transport.ChecksumStatus;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;

/**
 * Checks a pushed packet field by field against the chain it was built from, with core's
 * decoders and checksum verifiers, each header by the rule for it (RFC 791, RFC 1624, RFC 8200,
 * RFC 768, RFC 6040 §4.1, RFC 2983, RFC 6438, RFC 7348 §5), the inner packet as ground truth: a
 * header that copies from the header inside it is compared with that header as it is in the
 * buffer, which is itself checked. The octets around the pushed range must be untouched.
 */
final class ChainVerifier {
    private ChainVerifier() {
    }

    /**
     * @param givenHash the flow hash the caller passed, or null when push computed it
     */
    static void verify(List<? extends TemplateHeader> chain, ByteBuffer buf, int start, int innerIndex, int innerEnd,
                       InnerType inner, byte[] packet, Integer givenHash) {
        int[] offsets = new int[chain.size()];
        int at = start;
        for (int i = 0; i < chain.size(); i++) {
            offsets[i] = at;
            at += chain.get(i).length();
        }
        assertThat(at).as("template end").isEqualTo(innerIndex);
        byte[] now = new byte[packet.length];
        buf.get(innerIndex, now);
        assertThat(now).as("the packet is unchanged").isEqualTo(packet);
        for (int i = 0; i < start; i++) {
            assertThat(buf.get(i)).as("headroom octet %d before the template", i).isEqualTo(EncapPackets.SENTINEL);
        }
        for (int i = innerEnd; i < buf.limit(); i++) {
            assertThat(buf.get(i)).as("octet %d after the packet", i).isEqualTo(EncapPackets.SENTINEL);
        }
        int hash = givenHash != null ? givenHash : hashOf(packet, inner);
        for (int i = chain.size() - 1; i >= 0; i--) {
            TemplateHeader h = chain.get(i);
            TemplateHeader next = i + 1 < chain.size() ? chain.get(i + 1) : null;
            int o = offsets[i];
            String as = "chain[" + i + "] " + h;
            if (h instanceof Ipv4TemplateHeader t) {
                verifyIpv4(t, next, buf, o, innerEnd, inner, as, expectedTtl(chain, offsets, i, buf, packet, inner),
                        expectedTos(chain, offsets, i, buf, packet, inner));
            } else if (h instanceof Ipv6TemplateHeader t) {
                verifyIpv6(t, next, buf, o, innerEnd, inner, as, expectedTtl(chain, offsets, i, buf, packet, inner),
                        expectedTos(chain, offsets, i, buf, packet, inner), hash);
            } else if (h instanceof UdpTemplateHeader t) {
                verifyUdp(t, next, chain.get(i - 1), buf, offsets[i - 1], o, innerEnd, inner, as, hash);
            } else if (h instanceof EthernetTemplateHeader t) {
                EthernetHeader e = EthernetDecoder.decode(buf, o, innerEnd).header();
                assertThat(e.destination()).as(as).isEqualTo(t.destination());
                assertThat(e.source()).as(as).isEqualTo(t.source());
                assertThat(e.etherType().value()).as(as + " EtherType").isEqualTo(
                        next != null ? next.etherType() : inner.etherType());
            } else if (h instanceof OpaqueHeader t) {
                byte[] octets = new byte[t.length()];
                buf.get(o, octets);
                assertThat(octets).as(as).isEqualTo(t.octets());
            } else {
                throw new AssertionError("no check for " + h);
            }
        }
    }

    private static void verifyIpv4(Ipv4TemplateHeader t, TemplateHeader next, ByteBuffer buf, int o, int end,
                                   InnerType inner, String as, int innerTtl, int innerTos) {
        Ipv4Header h = Ipv4Decoder.decode(buf, o, end).header();
        assertThat(Ipv4Decoder.verifyChecksum(buf, o)).as(as + " Header Checksum verifies").isTrue();
        assertThat(h.totalLength()).as(as + " Total Length").isEqualTo(end - o);
        assertThat(h.headerLength()).as(as).isEqualTo(20);
        assertThat(h.protocol().value()).as(as + " Protocol").isEqualTo(
                next != null ? next.ipProtocol() : inner.ipProtocol());
        assertThat(h.source()).as(as).isEqualTo(t.source());
        assertThat(h.destination()).as(as).isEqualTo(t.destination());
        assertThat(h.dontFragment()).as(as + " DF").isEqualTo(t.dontFragment());
        assertThat(h.moreFragments() || h.reservedFlag() || h.fragmentOffset() != 0).as(as).isFalse();
        assertThat(h.identification()).as(as).isEqualTo(t.identification());
        int ttl = t.timeToLive() != Ipv4TemplateHeader.INHERIT ? t.timeToLive()
                : innerTtl >= 0 ? innerTtl : Ipv4TemplateHeader.DEFAULT_TIME_TO_LIVE;
        assertThat(h.timeToLive()).as(as + " TTL").isEqualTo(ttl);
        int dscp = t.dscp() != Ipv4TemplateHeader.COPY ? t.dscp() : innerTos >= 0 ? innerTos >>> 2 : 0;
        assertThat(h.dscp()).as(as + " DSCP").isEqualTo(dscp);
        int ecn = t.ecnMode() == EcnMode.NORMAL && innerTos >= 0 ? innerTos & 3 : 0;
        assertThat(h.ecn()).as(as + " ECN (RFC 6040 §4.1)").isEqualTo(ecn);
    }

    private static void verifyIpv6(Ipv6TemplateHeader t, TemplateHeader next, ByteBuffer buf, int o, int end,
                                   InnerType inner, String as, int innerTtl, int innerTos, int hash) {
        Ipv6Header h = Ipv6Decoder.decode(buf, o, end).header();
        assertThat(h.wirePayloadLength()).as(as + " Payload Length").isEqualTo(end - o - 40);
        assertThat(h.nextHeader().value()).as(as + " Next Header").isEqualTo(
                next != null ? next.ipProtocol() : inner.ipProtocol());
        assertThat(h.source()).as(as).isEqualTo(t.source());
        assertThat(h.destination()).as(as).isEqualTo(t.destination());
        int hop = t.hopLimit() != Ipv6TemplateHeader.INHERIT ? t.hopLimit()
                : innerTtl >= 0 ? innerTtl : Ipv6TemplateHeader.DEFAULT_HOP_LIMIT;
        assertThat(h.hopLimit()).as(as + " Hop Limit").isEqualTo(hop);
        int dscp = t.dscp() != Ipv6TemplateHeader.COPY ? t.dscp() : innerTos >= 0 ? innerTos >>> 2 : 0;
        int ecn = t.ecnMode() == EcnMode.NORMAL && innerTos >= 0 ? innerTos & 3 : 0;
        assertThat(h.trafficClass()).as(as + " Traffic Class").isEqualTo(dscp << 2 | ecn);
        int label = t.flowLabel() != Ipv6TemplateHeader.FLOW_HASH ? t.flowLabel() : FlowHash.scale(hash, 1, 0xFFFFF);
        assertThat(h.flowLabel()).as(as + " Flow Label").isEqualTo(label);
    }

    private static void verifyUdp(UdpTemplateHeader t, TemplateHeader next, TemplateHeader ip, ByteBuffer buf,
                                  int ipOffset, int o, int end, InnerType inner, String as, int hash) {
        UdpHeader h = UdpDecoder.decode(buf, o, end).header();
        assertThat(h.length()).as(as + " Length").isEqualTo(end - o);
        int port = FlowHash.sourcePort(hash, t.sourcePortMin(), t.sourcePortMax());
        assertThat(h.sourcePort()).as(as + " Source Port").isBetween(t.sourcePortMin(), t.sourcePortMax())
                .isEqualTo(port);
        assertThat(h.destinationPort()).as(as + " Destination Port").isEqualTo(
                t.destinationPort() != UdpTemplateHeader.FROM_CHAIN ? t.destinationPort()
                        : next != null ? next.udpPort() : inner.udpPort());
        if (t.checksum() == UdpChecksumMode.COMPUTE) {
            int pseudo = ip instanceof Ipv4TemplateHeader
                    ? EncapPackets.udpPseudo4(buf, ipOffset, end - o) : EncapPackets.udpPseudo6(buf, ipOffset, end - o);
            assertThat(UdpDecoder.checksumStatus(buf, o, end - o, pseudo)).as(as + " Checksum")
                    .isEqualTo(ChecksumStatus.VALID);
        } else {
            assertThat(h.checksum()).as(as + " Checksum").isZero();
        }
    }

    /** The flow hash push must use, computed here from the packet with core's FlowHash only. */
    static int hashOf(byte[] packet, InnerType inner) {
        ByteBuffer p = ByteBuffer.wrap(packet);
        return switch (inner) {
            case IPV4, IPV6 -> FlowHash.ofIpPacket(p, 0, packet.length);
            case ETHERNET -> FlowHash.ofEthernetFrame(p, 0, packet.length);
            case MPLS -> {
                int i = 0;
                while (i + 4 <= packet.length && (packet[i + 2] & 1) == 0) {
                    i += 4;
                }
                yield i + 4 <= packet.length ? FlowHash.ofIpPacket(p, i + 4, packet.length - i - 4)
                        : FlowHash.ofIpPacket(p, 0, packet.length);
            }
        };
    }

    /** The TTL of the nearest IP or label stack header inside header {@code i}, or of the packet; -1 if none. */
    private static int expectedTtl(List<? extends TemplateHeader> chain, int[] offsets, int i, ByteBuffer buf,
                                   byte[] packet, InnerType inner) {
        for (int j = i + 1; j < chain.size(); j++) {
            int type = chain.get(j).etherType();
            if (type == 0x0800) {
                return buf.get(offsets[j] + 8) & 0xFF;
            }
            if (type == 0x86DD) {
                return buf.get(offsets[j] + 7) & 0xFF;
            }
            if (type == 0x8847) {
                return buf.get(offsets[j] + 3) & 0xFF;
            }
        }
        return switch (inner) {
            case IPV4 -> packet[8] & 0xFF;
            case IPV6 -> packet[7] & 0xFF;
            case MPLS -> packet[3] & 0xFF;
            case ETHERNET -> {
                int ip = ethernetIp(packet, 9);
                yield ip < 0 ? -1 : (packet[ip] & 0xF0) == 0x40 ? packet[ip + 8] & 0xFF : packet[ip + 7] & 0xFF;
            }
        };
    }

    /** The DS field with ECN of the nearest IP header inside header {@code i}, or of the packet; -1 if none. */
    private static int expectedTos(List<? extends TemplateHeader> chain, int[] offsets, int i, ByteBuffer buf,
                                   byte[] packet, InnerType inner) {
        for (int j = i + 1; j < chain.size(); j++) {
            int type = chain.get(j).etherType();
            if (type == 0x0800) {
                return buf.get(offsets[j] + 1) & 0xFF;
            }
            if (type == 0x86DD) {
                return (buf.getShort(offsets[j]) & 0x0FF0) >>> 4;
            }
        }
        return switch (inner) {
            case IPV4 -> packet[1] & 0xFF;
            case IPV6 -> ((packet[0] & 0x0F) << 4) | (packet[1] & 0xF0) >>> 4;
            case MPLS -> -1;
            case ETHERNET -> {
                int ip = ethernetIp(packet, 2);
                yield ip < 0 ? -1 : (packet[ip] & 0xF0) == 0x40 ? packet[ip + 1] & 0xFF
                        : ((packet[ip] & 0x0F) << 4) | (packet[ip + 1] & 0xF0) >>> 4;
            }
        };
    }

    /** Where the IP packet of an Ethernet frame starts (after up to two 802.1Q tags), or -1. */
    private static int ethernetIp(byte[] frame, int need) {
        if (frame.length < 14) {
            return -1;
        }
        int typeAt = 12;
        int type = (frame[12] & 0xFF) << 8 | frame[13] & 0xFF;
        for (int tags = 0; tags < 2 && type == 0x8100 && typeAt + 6 <= frame.length; tags++) {
            typeAt += 4;
            type = (frame[typeAt] & 0xFF) << 8 | frame[typeAt + 1] & 0xFF;
        }
        int ip = typeAt + 2;
        if (type == 0x0800 && frame.length - ip >= need && (frame[ip] & 0xF0) == 0x40) {
            return ip;
        }
        if (type == 0x86DD && frame.length - ip >= need && (frame[ip] & 0xF0) == 0x60) {
            return ip;
        }
        return -1;
    }
}
