package org.tunnelcodec.core.dissect;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6ExtensionHeader;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.link.EthernetDecoder;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.link.LinkHeaderCodec;
import org.tunnelcodec.core.link.LinuxSll2Header;
import org.tunnelcodec.core.link.LinuxSllHeader;
import org.tunnelcodec.core.link.LoopbackHeader;
import org.tunnelcodec.core.link.VlanTag;
import org.tunnelcodec.core.transport.TcpDecoder;
import org.tunnelcodec.core.transport.TcpHeader;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;

/**
 * The core layers for the {@link Dissector}: the link types Ethernet, Linux SLL and SLL2, BSD
 * NULL and LOOP (raw IP is chosen by the dissector itself); IPv4 and IPv6 by EtherType and
 * by IP protocol (IP-in-IP 4, IPv6 41); UDP (17) and TCP (6).
 */
public final class CoreLayers {
    /** Ethernet II with VLAN tags. */
    public static final ProtocolLayer<EthernetHeader> ETHERNET = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "ethernet";
        }

        @Override
        public Decoded<EthernetHeader> decode(ByteBuffer src) {
            return EthernetDecoder.decode(src);
        }

        @Override
        public List<LayerKey> next(EthernetHeader h, ByteBuffer payload) {
            return h.isLengthField() ? List.of() : List.of(LayerKey.etherType(h.etherType().value()));
        }

        @Override
        public String summary(EthernetHeader h) {
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
    };

    /** Linux cooked capture v1. */
    public static final ProtocolLayer<LinuxSllHeader> LINUX_SLL = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "linux-sll";
        }

        @Override
        public Decoded<LinuxSllHeader> decode(ByteBuffer src) {
            return LinkHeaderCodec.decodeSll(src);
        }

        @Override
        public List<LayerKey> next(LinuxSllHeader h, ByteBuffer payload) {
            return List.of(LayerKey.etherType(h.protocol().value()));
        }

        @Override
        public String summary(LinuxSllHeader h) {
            return "packet type " + h.packetType() + " arphrd " + h.arphrdType() + " protocol " + h.protocol();
        }
    };

    /** Linux cooked capture v2. */
    public static final ProtocolLayer<LinuxSll2Header> LINUX_SLL2 = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "linux-sll2";
        }

        @Override
        public Decoded<LinuxSll2Header> decode(ByteBuffer src) {
            return LinkHeaderCodec.decodeSll2(src);
        }

        @Override
        public List<LayerKey> next(LinuxSll2Header h, ByteBuffer payload) {
            return List.of(LayerKey.etherType(h.protocol().value()));
        }

        @Override
        public String summary(LinuxSll2Header h) {
            return "ifindex " + h.interfaceIndex() + " packet type " + h.packetType() + " arphrd "
                    + h.arphrdType() + " protocol " + h.protocol();
        }
    };

    /** BSD loopback (NULL and LOOP). */
    public static final ProtocolLayer<LoopbackHeader> LOOPBACK = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "loopback";
        }

        @Override
        public Decoded<LoopbackHeader> decode(ByteBuffer src) {
            return LinkHeaderCodec.decodeLoopback(src);
        }

        @Override
        public List<LayerKey> next(LoopbackHeader h, ByteBuffer payload) {
            EtherType t = h.payloadType();
            return t == null ? List.of() : List.of(LayerKey.etherType(t.value()));
        }

        @Override
        public String summary(LoopbackHeader h) {
            return "family " + h.family();
        }
    };

    /** IPv4. */
    public static final ProtocolLayer<Ipv4Header> IPV4 = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "ipv4";
        }

        @Override
        public Decoded<Ipv4Header> decode(ByteBuffer src) {
            return Ipv4Decoder.decode(src);
        }

        @Override
        public List<LayerKey> next(Ipv4Header h, ByteBuffer payload) {
            // A fragment's payload is part of a datagram: the transport header's lengths describe
            // the reassembled datagram, so nothing is decoded before reassembly.
            return h.isFragment() ? List.of() : List.of(LayerKey.ipProtocol(h.protocol().value()));
        }

        @Override
        public String summary(Ipv4Header h) {
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
    };

    /** IPv6 with its walked extension headers. */
    public static final ProtocolLayer<Ipv6Header> IPV6 = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "ipv6";
        }

        @Override
        public Decoded<Ipv6Header> decode(ByteBuffer src) {
            return Ipv6Decoder.decode(src);
        }

        @Override
        public List<LayerKey> next(Ipv6Header h, ByteBuffer payload) {
            // As for IPv4: a fragment (offset or M set) is not decoded further before reassembly.
            boolean fragment = h.fragmentHeader().map(f -> f.fragmentOffset() != 0 || f.moreFragments()).orElse(false);
            return fragment ? List.of() : List.of(LayerKey.ipProtocol(h.upperLayerProtocol().value()));
        }

        @Override
        public String summary(Ipv6Header h) {
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
                } else if (e instanceof Ipv6ExtensionHeader.DestinationOptions) {
                    sb.append("dstopts");
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
    };

    /** UDP; the payload is chosen by destination port, then source port. */
    public static final ProtocolLayer<UdpHeader> UDP = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "udp";
        }

        @Override
        public Decoded<UdpHeader> decode(ByteBuffer src) {
            return UdpDecoder.decode(src);
        }

        @Override
        public List<LayerKey> next(UdpHeader h, ByteBuffer payload) {
            return List.of(LayerKey.udpPort(h.destinationPort()), LayerKey.udpPort(h.sourcePort()));
        }

        @Override
        public String summary(UdpHeader h) {
            return h.sourcePort() + " > " + h.destinationPort() + " len " + h.length()
                    + String.format(" cksum 0x%04x", h.checksum());
        }
    };

    /** TCP; the payload is chosen by destination port, then source port. */
    public static final ProtocolLayer<TcpHeader> TCP = new ProtocolLayer<>() {
        @Override
        public String name() {
            return "tcp";
        }

        @Override
        public Decoded<TcpHeader> decode(ByteBuffer src) {
            return TcpDecoder.decode(src);
        }

        @Override
        public List<LayerKey> next(TcpHeader h, ByteBuffer payload) {
            return List.of(LayerKey.tcpPort(h.destinationPort()), LayerKey.tcpPort(h.sourcePort()));
        }

        @Override
        public String summary(TcpHeader h) {
            return h.sourcePort() + " > " + h.destinationPort() + " [" + h.flags() + "] seq " + h.sequenceNumber()
                    + " ack " + h.acknowledgmentNumber() + " win " + h.window()
                    + String.format(" cksum 0x%04x", h.checksum())
                    + (h.options().isEmpty() ? "" : " options " + h.options().length() + "B");
        }
    };

    private CoreLayers() {
    }

    /** @return the core bindings, to pass to {@link Dissector.Builder#add(java.util.Collection)} */
    public static List<LayerBinding> bindings() {
        return List.of(
                new LayerBinding(LayerKey.linkType(LinkType.ETHERNET.value()), ETHERNET),
                new LayerBinding(LayerKey.linkType(LinkType.LINUX_SLL.value()), LINUX_SLL),
                new LayerBinding(LayerKey.linkType(LinkType.LINUX_SLL2.value()), LINUX_SLL2),
                new LayerBinding(LayerKey.linkType(LinkType.NULL.value()), LOOPBACK),
                new LayerBinding(LayerKey.linkType(LinkType.LOOP.value()), LOOPBACK),
                new LayerBinding(LayerKey.etherType(EtherType.IPV4.value()), IPV4),
                new LayerBinding(LayerKey.etherType(EtherType.IPV6.value()), IPV6),
                new LayerBinding(LayerKey.ipProtocol(4), IPV4),
                new LayerBinding(LayerKey.ipProtocol(41), IPV6),
                new LayerBinding(LayerKey.ipProtocol(6), TCP),
                new LayerBinding(LayerKey.ipProtocol(17), UDP));
    }
}
