package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6ExtDestinationOptionsPacket;
import org.pcap4j.packet.IpV6ExtHopByHopOptionsPacket;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.UdpPacket;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6ExtensionHeader;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.link.EthernetDecoder;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;

/**
 * Decoding an Ethernet + IPv4 + UDP frame and an Ethernet + IPv6 + Hop-by-Hop + Destination
 * Options + UDP frame with the core decoders, with a hand-written decoder
 * ({@link HandWrittenDecoder}) and with pcap4j; and the zero-allocation peeks against
 * single absolute reads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CoreDecodeBenchmark {
    private static final int IPV4_INDEX = Frames.ETHERNET_LENGTH;
    private static final int UDP_INDEX = Frames.ETHERNET_LENGTH + 20;
    private static final int IPV6_INDEX = Frames.ETHERNET_LENGTH;

    private byte[] ipv4Bytes;
    private ByteBuffer ipv4;
    private byte[] ipv6Bytes;
    private ByteBuffer ipv6;

    @Setup
    public void setup() throws IllegalRawDataException {
        ipv4Bytes = Frames.ethernetIpv4Udp();
        ipv4 = ByteBuffer.wrap(ipv4Bytes);
        ipv6Bytes = Frames.ethernetIpv6TwoExtUdp();
        ipv6 = ByteBuffer.wrap(ipv6Bytes);
        checkIpv4();
        checkIpv6();
        checkPeeks();
        checkPcap4j();
    }

    // ---- Ethernet + IPv4 + UDP ---------------------------------------------------------

    @Benchmark
    public void ethernetIpv4UdpDecode(Blackhole bh) {
        Decoded<EthernetHeader> eth = EthernetDecoder.decode(ipv4);
        if (eth.header().etherType().value() != 0x0800) {
            throw new IllegalStateException("not IPv4");
        }
        Decoded<Ipv4Header> ip = Ipv4Decoder.decode(eth.payload());
        if (ip.header().protocol().value() != 17) {
            throw new IllegalStateException("not UDP");
        }
        Decoded<UdpHeader> udp = UdpDecoder.decode(ip.payload());
        bh.consume(eth.header());
        bh.consume(ip.header());
        bh.consume(udp.header());
        bh.consume(udp.payloadLength());
    }

    /** The same chain through the index entries: no buffer slice between the layers. */
    @Benchmark
    public void ethernetIpv4UdpDecodeIndexed(Blackhole bh) {
        Decoded<EthernetHeader> eth = EthernetDecoder.decode(ipv4, 0, ipv4.limit());
        if (eth.header().etherType().value() != 0x0800) {
            throw new IllegalStateException("not IPv4");
        }
        Decoded<Ipv4Header> ip = Ipv4Decoder.decode(ipv4, eth.payloadIndex(), eth.payloadIndex() + eth.payloadLength());
        if (ip.header().protocol().value() != 17) {
            throw new IllegalStateException("not UDP");
        }
        Decoded<UdpHeader> udp = UdpDecoder.decode(ipv4, ip.payloadIndex(), ip.payloadIndex() + ip.payloadLength());
        bh.consume(eth.header());
        bh.consume(ip.header());
        bh.consume(udp.header());
        bh.consume(udp.payloadLength());
    }

    @Benchmark
    public void ethernetIpv4UdpBaseline(Blackhole bh) {
        bh.consume(HandWrittenDecoder.ipv4Udp(ipv4));
    }

    @Benchmark
    public void ethernetIpv4UdpPcap4j(Blackhole bh) throws IllegalRawDataException {
        bh.consume(EthernetPacket.newPacket(ipv4Bytes, 0, ipv4Bytes.length));
    }

    // ---- Ethernet + IPv6 + Hop-by-Hop + Destination Options + UDP ------------------------

    @Benchmark
    public void ipv6TwoExtUdpDecode(Blackhole bh) {
        Decoded<EthernetHeader> eth = EthernetDecoder.decode(ipv6);
        if (eth.header().etherType().value() != 0x86DD) {
            throw new IllegalStateException("not IPv6");
        }
        Decoded<Ipv6Header> ip = Ipv6Decoder.decode(eth.payload());
        if (ip.header().upperLayerProtocol().value() != 17) {
            throw new IllegalStateException("not UDP");
        }
        Decoded<UdpHeader> udp = UdpDecoder.decode(ip.payload());
        bh.consume(eth.header());
        bh.consume(ip.header());
        bh.consume(udp.header());
        bh.consume(udp.payloadLength());
    }

    /** The same chain through the index entries: no buffer slice between the layers. */
    @Benchmark
    public void ipv6TwoExtUdpDecodeIndexed(Blackhole bh) {
        Decoded<EthernetHeader> eth = EthernetDecoder.decode(ipv6, 0, ipv6.limit());
        if (eth.header().etherType().value() != 0x86DD) {
            throw new IllegalStateException("not IPv6");
        }
        Decoded<Ipv6Header> ip = Ipv6Decoder.decode(ipv6, eth.payloadIndex(), eth.payloadIndex() + eth.payloadLength());
        if (ip.header().upperLayerProtocol().value() != 17) {
            throw new IllegalStateException("not UDP");
        }
        Decoded<UdpHeader> udp = UdpDecoder.decode(ipv6, ip.payloadIndex(), ip.payloadIndex() + ip.payloadLength());
        bh.consume(eth.header());
        bh.consume(ip.header());
        bh.consume(udp.header());
        bh.consume(udp.payloadLength());
    }

    @Benchmark
    public void ipv6TwoExtUdpBaseline(Blackhole bh) {
        bh.consume(HandWrittenDecoder.ipv6Udp(ipv6));
    }

    @Benchmark
    public void ipv6TwoExtUdpPcap4j(Blackhole bh) throws IllegalRawDataException {
        bh.consume(EthernetPacket.newPacket(ipv6Bytes, 0, ipv6Bytes.length));
    }

    // ---- Peeks -----------------------------------------------------------------------

    @Benchmark
    public int peekIpv4Protocol() {
        return Ipv4Decoder.protocol(ipv4, IPV4_INDEX);
    }

    @Benchmark
    public int peekIpv4ProtocolBaseline() {
        return ipv4.get(IPV4_INDEX + 9) & 0xFF;
    }

    @Benchmark
    public int peekUdpDestinationPort() {
        return UdpDecoder.destinationPort(ipv4, UDP_INDEX);
    }

    @Benchmark
    public int peekUdpDestinationPortBaseline() {
        return ipv4.getShort(UDP_INDEX + 2) & 0xFFFF;
    }

    @Benchmark
    public long peekIpv6UpperLayer() {
        return Ipv6Decoder.upperLayer(ipv6, IPV6_INDEX);
    }

    @Benchmark
    public long peekIpv6UpperLayerBaseline() {
        return HandWrittenDecoder.ipv6UpperLayer(ipv6, IPV6_INDEX);
    }

    // ---- Set-up checks: every contender decodes the same thing ---------------------------

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("set-up check failed: " + what);
        }
    }

    private void checkIpv4() {
        Decoded<EthernetHeader> eth = EthernetDecoder.decode(ipv4);
        Decoded<Ipv4Header> ip = Ipv4Decoder.decode(eth.payload());
        Decoded<UdpHeader> udp = UdpDecoder.decode(ip.payload());
        HandWrittenDecoder.Ipv4UdpFrame f = HandWrittenDecoder.ipv4Udp(ipv4);
        EthernetHeader e = eth.header();
        Ipv4Header h = ip.header();
        UdpHeader u = udp.header();
        require(e.destination().bits() == f.destinationMac && e.source().bits() == f.sourceMac, "MACs");
        require(e.etherType().value() == f.etherType, "EtherType");
        require(ip.headerLength() == f.ipHeaderLength && h.totalLength() == f.totalLength, "IPv4 lengths");
        require((h.dscp() << 2 | h.ecn()) == f.tos, "TOS");
        require(h.identification() == f.identification, "Identification");
        int flags = (h.reservedFlag() ? 0x8000 : 0) | (h.dontFragment() ? 0x4000 : 0)
                | (h.moreFragments() ? 0x2000 : 0) | h.fragmentOffset();
        require(flags == f.flagsAndFragmentOffset, "flags");
        require(h.timeToLive() == f.timeToLive && h.protocol().value() == f.protocol, "TTL, protocol");
        require(h.source().bits() == f.sourceAddress && h.destination().bits() == f.destinationAddress,
                "addresses");
        require(u.sourcePort() == f.sourcePort && u.destinationPort() == f.destinationPort, "ports");
        require(u.length() == f.udpLength && u.checksum() == f.udpChecksum, "UDP length, checksum");
        require(udp.payloadLength() == Frames.UDP_PAYLOAD_LENGTH
                && f.udpLength - 8 == Frames.UDP_PAYLOAD_LENGTH
                && f.payloadOffset == Frames.IPV4_FRAME_LENGTH - Frames.UDP_PAYLOAD_LENGTH, "payload");
        require(Ipv4Decoder.verifyChecksum(ipv4, IPV4_INDEX), "IPv4 header checksum");
    }

    private void checkIpv6() {
        Decoded<EthernetHeader> eth = EthernetDecoder.decode(ipv6);
        Decoded<Ipv6Header> ip = Ipv6Decoder.decode(eth.payload());
        Decoded<UdpHeader> udp = UdpDecoder.decode(ip.payload());
        HandWrittenDecoder.Ipv6UdpFrame f = HandWrittenDecoder.ipv6Udp(ipv6);
        EthernetHeader e = eth.header();
        Ipv6Header h = ip.header();
        UdpHeader u = udp.header();
        require(e.destination().bits() == f.destinationMac && e.source().bits() == f.sourceMac, "MACs");
        require(e.etherType().value() == f.etherType, "EtherType");
        require(h.trafficClass() == f.trafficClass && h.flowLabel() == f.flowLabel, "traffic class, flow label");
        require(h.wirePayloadLength() == f.wirePayloadLength, "Payload Length");
        require(h.nextHeader().value() == f.nextHeader && h.hopLimit() == f.hopLimit, "next header, hop limit");
        require(h.source().high() == f.sourceHigh && h.source().low() == f.sourceLow
                && h.destination().high() == f.destinationHigh && h.destination().low() == f.destinationLow,
                "addresses");
        List<Ipv6ExtensionHeader> ext = h.extensionHeaders();
        require(ext.size() == 2 && f.extensionCount == 2, "two extension headers");
        require(ext.get(0) instanceof Ipv6ExtensionHeader.HopByHopOptions && (f.extensionTypes & 0xFF) == 0,
                "Hop-by-Hop first");
        require(ext.get(1) instanceof Ipv6ExtensionHeader.DestinationOptions
                && (f.extensionTypes >>> 8 & 0xFF) == 60, "Destination Options second");
        require(h.extensionHeadersLength() == f.extensionLength && ip.headerLength() == 40 + f.extensionLength,
                "extension length");
        require(h.upperLayerProtocol().value() == f.upperLayerProtocol, "upper layer");
        require(u.sourcePort() == f.sourcePort && u.destinationPort() == f.destinationPort, "ports");
        require(u.length() == f.udpLength && u.checksum() == f.udpChecksum, "UDP length, checksum");
        require(udp.payloadLength() == Frames.UDP_PAYLOAD_LENGTH
                && f.payloadOffset == Frames.IPV6_FRAME_LENGTH - Frames.UDP_PAYLOAD_LENGTH, "payload");
    }

    private void checkPeeks() {
        require(peekIpv4Protocol() == 17 && peekIpv4ProtocolBaseline() == 17, "protocol peek");
        require(peekUdpDestinationPort() == 4789 && peekUdpDestinationPortBaseline() == 4789, "port peek");
        long expected = (long) (40 + 16) << 8 | 17;
        require(peekIpv6UpperLayer() == expected && peekIpv6UpperLayerBaseline() == expected,
                "upper-layer peek: " + Long.toHexString(peekIpv6UpperLayer()) + " / "
                        + Long.toHexString(peekIpv6UpperLayerBaseline()));
    }

    private void checkPcap4j() throws IllegalRawDataException {
        Packet v4 = EthernetPacket.newPacket(ipv4Bytes, 0, ipv4Bytes.length);
        require(v4.get(IpV4Packet.class) != null, "pcap4j IPv4");
        UdpPacket u4 = v4.get(UdpPacket.class);
        require(u4 != null && u4.getHeader().getDstPort().valueAsInt() == 4789, "pcap4j IPv4 UDP: " + v4);
        require(u4.getPayload() != null && u4.getPayload().length() == Frames.UDP_PAYLOAD_LENGTH,
                "pcap4j IPv4 UDP payload");
        Packet v6 = EthernetPacket.newPacket(ipv6Bytes, 0, ipv6Bytes.length);
        require(v6.get(IpV6Packet.class) != null, "pcap4j IPv6");
        require(v6.get(IpV6ExtHopByHopOptionsPacket.class) != null, "pcap4j Hop-by-Hop: " + v6);
        require(v6.get(IpV6ExtDestinationOptionsPacket.class) != null, "pcap4j Destination Options: " + v6);
        UdpPacket u6 = v6.get(UdpPacket.class);
        require(u6 != null && u6.getHeader().getDstPort().valueAsInt() == 4789, "pcap4j IPv6 UDP: " + v6);
        require(u6.getPayload() != null && u6.getPayload().length() == Frames.UDP_PAYLOAD_LENGTH,
                "pcap4j IPv6 UDP payload");
    }
}
