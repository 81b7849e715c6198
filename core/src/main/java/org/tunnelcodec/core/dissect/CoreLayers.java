package org.tunnelcodec.core.dissect;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.ip.IpScan;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6ExtensionHeader;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.link.AvspDecoder;
import org.tunnelcodec.core.link.AvspHeader;
import org.tunnelcodec.core.link.CiscoHdlcDecoder;
import org.tunnelcodec.core.link.CiscoHdlcHeader;
import org.tunnelcodec.core.link.EthernetDecoder;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.link.LinuxSll2Decoder;
import org.tunnelcodec.core.link.LinuxSll2Header;
import org.tunnelcodec.core.link.LinuxSllDecoder;
import org.tunnelcodec.core.link.LinuxSllHeader;
import org.tunnelcodec.core.link.LoopbackDecoder;
import org.tunnelcodec.core.link.LoopbackHeader;
import org.tunnelcodec.core.link.VlanDecoder;
import org.tunnelcodec.core.link.VlanHeader;
import org.tunnelcodec.core.link.VlanTag;
import org.tunnelcodec.core.transport.IcmpDecoder;
import org.tunnelcodec.core.transport.IcmpHeader;
import org.tunnelcodec.core.transport.TcpDecoder;
import org.tunnelcodec.core.transport.TcpHeader;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;

/**
 * The core layers for the {@link Dissector}: the link types Ethernet, Linux SLL and SLL2, BSD
 * NULL and LOOP, Cisco HDLC (raw IP is chosen by the dissector itself); Arista's timestamp
 * header and 802.1Q tags after another header, by EtherType; IPv4 and IPv6 by EtherType and
 * by IP protocol (IP-in-IP 4, IPv6 41); UDP (17) and TCP (6); Ethernet again as the payload
 * of transparent Ethernet bridging (EtherType 0x6558, which GRE carries).
 *
 * <p>IP fragments are not decoded past the IP header: the transport header's lengths describe
 * the reassembled datagram, so a fragment's IP layer names no next key.
 */
public final class CoreLayers {
    /** Ethernet II with VLAN tags. */
    public static final ProtocolLayer<EthernetHeader> ETHERNET = ProtocolLayer.of(EthernetHeader.PROTOCOL,
            CoreLayers::walkEthernet, EthernetDecoder::decode, CoreLayers::ethernetSummary);

    /** Linux cooked capture v1. */
    public static final ProtocolLayer<LinuxSllHeader> LINUX_SLL = ProtocolLayer.of(LinuxSllHeader.PROTOCOL,
            (src, index, limit, out) -> walkFixed(src, index, limit, out, LinuxSllHeader.PROTOCOL, "Packet Type",
                    LinuxSllHeader.LENGTH, 14),
            LinuxSllDecoder::decode,
            h -> "packet type " + h.packetType() + " arphrd " + h.arphrdType() + " protocol " + h.protocol());

    /** Linux cooked capture v2. */
    public static final ProtocolLayer<LinuxSll2Header> LINUX_SLL2 = ProtocolLayer.of(LinuxSll2Header.PROTOCOL,
            (src, index, limit, out) -> walkFixed(src, index, limit, out, LinuxSll2Header.PROTOCOL, "Protocol Type",
                    LinuxSll2Header.LENGTH, 0),
            LinuxSll2Decoder::decode,
            h -> "ifindex " + h.interfaceIndex() + " packet type " + h.packetType() + " arphrd " + h.arphrdType()
                    + " protocol " + h.protocol());

    /** BSD loopback (NULL and LOOP). */
    public static final ProtocolLayer<LoopbackHeader> LOOPBACK = ProtocolLayer.of(LoopbackHeader.PROTOCOL,
            CoreLayers::walkLoopback, LoopbackDecoder::decode,
            h -> "family " + h.family() + (h.littleEndian() ? " (little-endian)" : ""));

    /** Cisco HDLC framing. */
    public static final ProtocolLayer<CiscoHdlcHeader> CISCO_HDLC = ProtocolLayer.of(CiscoHdlcHeader.PROTOCOL,
            CoreLayers::walkCiscoHdlc, CiscoHdlcDecoder::decode,
            h -> String.format("address 0x%02x control 0x%02x protocol ", h.address(), h.control()) + h.protocol());

    /**
     * Arista's timestamp header (EtherType 0xD28B); a header of an unknown subtype or version
     * ends the walk.
     */
    public static final ProtocolLayer<AvspHeader> AVSP = ProtocolLayer.of(AvspHeader.PROTOCOL,
            CoreLayers::walkAvsp, AvspDecoder::decode, CoreLayers::avspSummary);

    /** An 802.1Q tag after another header (EtherTypes 0x8100, 0x88A8 and 0x9100). */
    public static final ProtocolLayer<VlanHeader> VLAN = ProtocolLayer.of(VlanHeader.PROTOCOL,
            CoreLayers::walkVlan, VlanDecoder::decode,
            h -> "vlan " + h.vlanId() + " p " + h.priority() + (h.dropEligible() ? " dei" : "")
                    + (h.isLength() ? " length " + h.protocol().value() : " " + h.protocol()));

    /** IPv4. */
    public static final ProtocolLayer<Ipv4Header> IPV4 = ProtocolLayer.of(Ipv4Header.PROTOCOL,
            CoreLayers::walkIp, Ipv4Decoder::decode, CoreLayers::ipv4Summary);

    /**
     * IPv6 with its walked extension headers. The summary lists them after the fixed header's
     * fields, each as {@code +name} with its fields in parentheses: a Destination Options header
     * with a Home Address option as {@code +dstopts(HAO 2001:db8:a::100)}, a Type 2 Routing
     * Header as {@code +routing(type 2 left 1 home 2001:db8:a::100)} (RFC 6275 §6.3, §6.4).
     */
    public static final ProtocolLayer<Ipv6Header> IPV6 = ProtocolLayer.of(Ipv6Header.PROTOCOL,
            CoreLayers::walkIpv6, Ipv6Decoder::decode, CoreLayers::ipv6Summary);

    /** UDP; the payload is chosen by destination port, then source port. */
    public static final ProtocolLayer<UdpHeader> UDP = ProtocolLayer.of(UdpHeader.PROTOCOL,
            CoreLayers::walkUdp, UdpDecoder::decode,
            h -> h.sourcePort() + " > " + h.destinationPort() + " len " + h.length()
                    + String.format(" cksum 0x%04x", h.checksum()));

    /** TCP; the payload is chosen by destination port, then source port. */
    public static final ProtocolLayer<TcpHeader> TCP = ProtocolLayer.of(TcpHeader.PROTOCOL,
            CoreLayers::walkTcp, TcpDecoder::decode, CoreLayers::tcpSummary);

    /** ICMP (IP protocol 1): the first eight octets; the walk ends there. */
    public static final ProtocolLayer<IcmpHeader> ICMP = ProtocolLayer.of(IcmpHeader.PROTOCOL,
            (src, index, limit, out) -> out.lengths(IcmpHeader.LENGTH, IcmpDecoder.checked(src, index, limit, false)),
            IcmpDecoder::decode, IcmpHeader::summary);

    /** ICMPv6 (IP protocol 58): the first eight octets; the walk ends there. */
    public static final ProtocolLayer<IcmpHeader> ICMPV6 = ProtocolLayer.of(IcmpHeader.PROTOCOL_V6,
            (src, index, limit, out) -> out.lengths(IcmpHeader.LENGTH, IcmpDecoder.checked(src, index, limit, true)),
            IcmpDecoder::decodeV6, IcmpHeader::summary);

    private CoreLayers() {
    }

    /**
     * Returns the core bindings, to pass to {@link Dissector.Builder#add(java.util.Collection)}.
     *
     * @return the core bindings, to pass to {@link Dissector.Builder#add(java.util.Collection)}
     */
    public static List<LayerBinding> bindings() {
        return List.of(
                new LayerBinding(LayerKey.linkType(LinkType.ETHERNET.value()), ETHERNET),
                new LayerBinding(LayerKey.linkType(LinkType.LINUX_SLL.value()), LINUX_SLL),
                new LayerBinding(LayerKey.linkType(LinkType.LINUX_SLL2.value()), LINUX_SLL2),
                new LayerBinding(LayerKey.linkType(LinkType.NULL.value()), LOOPBACK),
                new LayerBinding(LayerKey.linkType(LinkType.LOOP.value()), LOOPBACK),
                new LayerBinding(LayerKey.linkType(LinkType.C_HDLC.value()), CISCO_HDLC),
                new LayerBinding(LayerKey.etherType(AvspHeader.ETHER_TYPE), AVSP),
                new LayerBinding(LayerKey.etherType(EtherType.VLAN.value()), VLAN),
                new LayerBinding(LayerKey.etherType(EtherType.QINQ.value()), VLAN),
                new LayerBinding(LayerKey.etherType(EtherType.VLAN_9100.value()), VLAN),
                new LayerBinding(LayerKey.etherType(EtherType.IPV4.value()), IPV4),
                new LayerBinding(LayerKey.etherType(EtherType.IPV6.value()), IPV6),
                new LayerBinding(LayerKey.etherType(EtherType.TRANSPARENT_ETHERNET_BRIDGING.value()), ETHERNET),
                new LayerBinding(LayerKey.ipProtocol(4), IPV4),
                new LayerBinding(LayerKey.ipProtocol(41), IPV6),
                new LayerBinding(LayerKey.ipProtocol(6), TCP),
                new LayerBinding(LayerKey.ipProtocol(17), UDP),
                new LayerBinding(LayerKey.ipProtocol(1), ICMP),
                new LayerBinding(LayerKey.ipProtocol(58), ICMPV6));
    }

    private static void walkEthernet(ByteBuffer src, int index, int limit, LayerStep out) {
        long scan = EthernetDecoder.scan(src, index, limit);
        int type = (int) (scan >>> 32) & 0xFFFF;
        if (type <= 1500) { // an 802.3 Length: the payload is LLC, which no layer here names
            out.lengths((int) (scan >>> 48), (int) scan, "Length");
        } else {
            out.lengths((int) (scan >>> 48), (int) scan).next(KeySpace.ETHER_TYPE, type);
        }
    }

    /** A fixed-length link header whose payload's EtherType is at {@code typeOffset}. */
    private static void walkFixed(ByteBuffer src, int index, int limit, LayerStep out, String protocol, String field,
                                  int length, int typeOffset) {
        Wire.require(protocol, field, index, index, length, limit);
        out.lengths(length, limit - index - length).next(KeySpace.ETHER_TYPE, Wire.u16(src, index + typeOffset));
    }

    private static void walkLoopback(ByteBuffer src, int index, int limit, LayerStep out) {
        Wire.require(LoopbackHeader.PROTOCOL, "Family", index, index, LoopbackHeader.LENGTH, limit);
        out.lengths(LoopbackHeader.LENGTH, limit - index - LoopbackHeader.LENGTH);
        EtherType type = LoopbackHeader.fromWire(Wire.i32(src, index)).payloadType();
        if (type != null) {
            out.next(KeySpace.ETHER_TYPE, type.value());
        }
    }

    private static void walkCiscoHdlc(ByteBuffer src, int index, int limit, LayerStep out) {
        int protocol = CiscoHdlcDecoder.protocol(src, index, limit); // the decoder's check, before any length
        out.lengths(CiscoHdlcHeader.LENGTH, limit - index - CiscoHdlcHeader.LENGTH).next(KeySpace.ETHER_TYPE, protocol);
    }

    private static void walkAvsp(ByteBuffer src, int index, int limit, LayerStep out) {
        int length = AvspDecoder.headerLength(src, index, limit);
        out.lengths(length, limit - index - length);
        if (length > AvspHeader.BASE_LENGTH) {
            out.next(KeySpace.ETHER_TYPE, Wire.u16(src, index + length - 2));
        }
    }

    private static String avspSummary(AvspHeader h) {
        String head = String.format("subtype 0x%04x version 0x%04x", h.subtype(), h.version());
        return h.isTimestamp() ? head + (h.utc() ? " utc " : " tai ") + h.seconds() + "."
                + String.format("%09d", h.nanoseconds()) + " " + h.protocol() : head;
    }

    private static void walkVlan(ByteBuffer src, int index, int limit, LayerStep out) {
        int payloadLength = VlanDecoder.payloadLength(src, index, limit);
        int type = Wire.u16(src, index + 2);
        if (type <= 1500) { // an 802.3 Length: the payload is LLC, which no layer here names
            out.lengths(VlanHeader.LENGTH, payloadLength, "Length");
        } else {
            out.lengths(VlanHeader.LENGTH, payloadLength).next(KeySpace.ETHER_TYPE, type);
        }
    }

    private static void walkIp(ByteBuffer src, int index, int limit, LayerStep out) {
        report(IpScan.ipv4(src, index, limit), src, index, limit, out, "Total Length");
    }

    private static void walkIpv6(ByteBuffer src, int index, int limit, LayerStep out) {
        report(IpScan.ipv6(src, index, limit), src, index, limit, out, "Payload Length");
    }

    private static void report(long scan, ByteBuffer src, int index, int limit, LayerStep out, String field) {
        if (!IpScan.isValid(scan)) {
            throw IpScan.exception(scan, src, index, limit);
        }
        out.lengths(IpScan.headerLength(scan), IpScan.payloadLength(scan), field);
        // A fragment's payload is part of a datagram: the transport header's lengths describe
        // the reassembled datagram, so nothing is decoded before reassembly.
        if (!IpScan.isFragment(scan)) {
            out.next(KeySpace.IP_PROTOCOL, IpScan.protocol(scan));
        }
    }

    private static void walkUdp(ByteBuffer src, int index, int limit, LayerStep out) {
        int length = UdpDecoder.checkedLength(src, index, limit);
        out.lengths(UdpHeader.LENGTH, length - UdpHeader.LENGTH, "Length")
                .next(KeySpace.UDP_PORT, Wire.u16(src, index + 2))
                .next(KeySpace.UDP_PORT, Wire.u16(src, index));
    }

    private static void walkTcp(ByteBuffer src, int index, int limit, LayerStep out) {
        int headerLength = TcpDecoder.headerLength(src, index, limit);
        out.lengths(headerLength, limit - index - headerLength)
                .next(KeySpace.TCP_PORT, Wire.u16(src, index + 2))
                .next(KeySpace.TCP_PORT, Wire.u16(src, index));
    }

    private static String ethernetSummary(EthernetHeader h) {
        StringBuilder sb = new StringBuilder().append(h.source()).append(" > ").append(h.destination());
        for (VlanTag t : h.tags()) {
            sb.append(t.tpid().value() == 0x8100 ? " vlan " : " s-vlan ").append(t.vlanId())
                    .append(" p ").append(t.priority());
            if (t.dropEligible()) {
                sb.append(" dei");
            }
        }
        return sb.append(h.isLengthField() ? " length " + h.etherType().value() : " type " + h.etherType())
                .toString();
    }

    private static String ipv4Summary(Ipv4Header h) {
        StringBuilder sb = new StringBuilder().append(h.source()).append(" > ").append(h.destination())
                .append(" proto ").append(h.protocol()).append(" ttl ").append(h.timeToLive())
                .append(" id ").append(h.identification()).append(" len ").append(h.totalLength());
        if (h.dscp() != 0 || h.ecn() != 0) {
            sb.append(" dscp ").append(h.dscp()).append(" ecn ").append(h.ecn());
        }
        if (h.dontFragment()) {
            sb.append(" DF");
        }
        if (h.isFragment()) {
            sb.append(" frag ").append(h.fragmentOffset() * 8).append(h.moreFragments() ? "+" : "");
        }
        if (!h.options().isEmpty()) {
            sb.append(" options ").append(h.options().length()).append("B");
        }
        return sb.toString();
    }

    private static String ipv6Summary(Ipv6Header h) {
        StringBuilder sb = new StringBuilder().append(h.source()).append(" > ").append(h.destination())
                .append(" next ").append(h.upperLayerProtocol()).append(" hlim ").append(h.hopLimit())
                .append(" plen ").append(h.wirePayloadLength());
        if (h.trafficClass() != 0 || h.flowLabel() != 0) {
            sb.append(String.format(" tc 0x%02x flow 0x%05x", h.trafficClass(), h.flowLabel()));
        }
        for (Ipv6ExtensionHeader e : h.extensionHeaders()) {
            sb.append(" +");
            if (e instanceof Ipv6ExtensionHeader.HopByHopOptions) {
                sb.append("hbh");
            } else if (e instanceof Ipv6ExtensionHeader.DestinationOptions o) {
                sb.append("dstopts");
                o.homeAddressOption().ifPresent(hao -> sb.append("(HAO ").append(hao.homeAddress()).append(')'));
            } else if (e instanceof Ipv6ExtensionHeader.Type2RoutingHeader r) {
                sb.append("routing(type 2 left ").append(r.segmentsLeft()).append(" home ").append(r.homeAddress())
                        .append(')');
            } else if (e instanceof Ipv6ExtensionHeader.RoutingHeader r) {
                sb.append("routing(type ").append(r.routingType()).append(" left ").append(r.segmentsLeft())
                        .append(')');
            } else if (e instanceof Ipv6ExtensionHeader.FragmentHeader f) {
                sb.append("frag(off ").append(f.fragmentOffset() * 8).append(f.moreFragments() ? " M" : "")
                        .append(" id 0x").append(Long.toHexString(f.identification())).append(')');
            }
        }
        return sb.toString();
    }

    private static String tcpSummary(TcpHeader h) {
        return h.sourcePort() + " > " + h.destinationPort() + " [" + h.flags() + "] seq " + h.sequenceNumber()
                + " ack " + h.acknowledgmentNumber() + " win " + h.window()
                + String.format(" cksum 0x%04x", h.checksum())
                + (h.options().isEmpty() ? "" : " options " + h.options().length() + "B");
    }
}
