package org.tunnelcodec.testdata;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Encoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6Encoder;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.link.AvspDecoder;
import org.tunnelcodec.core.link.AvspEncoder;
import org.tunnelcodec.core.link.AvspHeader;
import org.tunnelcodec.core.link.CiscoHdlcDecoder;
import org.tunnelcodec.core.link.CiscoHdlcEncoder;
import org.tunnelcodec.core.link.CiscoHdlcHeader;
import org.tunnelcodec.core.link.EthernetDecoder;
import org.tunnelcodec.core.link.EthernetEncoder;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.link.LinuxSll2Decoder;
import org.tunnelcodec.core.link.LinuxSll2Encoder;
import org.tunnelcodec.core.link.LinuxSllDecoder;
import org.tunnelcodec.core.link.LinuxSllEncoder;
import org.tunnelcodec.core.link.LoopbackDecoder;
import org.tunnelcodec.core.link.LoopbackEncoder;
import org.tunnelcodec.core.link.LinuxSll2Header;
import org.tunnelcodec.core.link.LinuxSllHeader;
import org.tunnelcodec.core.link.LoopbackHeader;
import org.tunnelcodec.core.link.VlanDecoder;
import org.tunnelcodec.core.link.VlanEncoder;
import org.tunnelcodec.core.link.VlanHeader;
import org.tunnelcodec.core.transport.TcpDecoder;
import org.tunnelcodec.core.transport.TcpEncoder;
import org.tunnelcodec.core.transport.TcpHeader;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpEncoder;
import org.tunnelcodec.core.transport.UdpHeader;

/** The core codecs in the form the shared {@link CodecContract} takes. */
public final class CoreCodecs {
    /** Ethernet II with VLAN tags; the payload is unbounded unless an 802.3 length bounds it. */
    public static final Codec<EthernetHeader> ETHERNET = Codec.of(EthernetDecoder::decode,
            EthernetEncoder::encodedLength, EthernetEncoder::encode,
            h -> h.isLengthField() ? h.etherType().value() : -1);

    /** IPv4; Total Length bounds the payload; the Header Checksum is derived. */
    public static final Codec<Ipv4Header> IPV4 = Codec.of(Ipv4Decoder::decode, Ipv4Encoder::encodedLength,
            Ipv4Encoder::encode, Ipv4Header::payloadLength).withCanonicalizer(CoreCodecs::recomputeHeaderChecksum);

    /** IPv6 with extension headers; Payload Length bounds the payload. */
    public static final Codec<Ipv6Header> IPV6 = Codec.of(Ipv6Decoder::decode, Ipv6Encoder::encodedLength,
            Ipv6Encoder::encode, Ipv6Header::payloadLength);

    /** UDP; Length bounds the payload. */
    public static final Codec<UdpHeader> UDP = Codec.of(UdpDecoder::decode, UdpEncoder::encodedLength,
            UdpEncoder::encode, UdpHeader::payloadLength);

    /** TCP; the payload is the rest of the buffer. */
    public static final Codec<TcpHeader> TCP = Codec.of(TcpDecoder::decode, TcpEncoder::encodedLength,
            TcpEncoder::encode, null);

    /** Linux SLL. */
    public static final Codec<LinuxSllHeader> LINUX_SLL = Codec.of(LinuxSllDecoder::decode,
            LinuxSllEncoder::encodedLength, LinuxSllEncoder::encode, null);

    /** Linux SLL2. */
    public static final Codec<LinuxSll2Header> LINUX_SLL2 = Codec.of(LinuxSll2Decoder::decode,
            LinuxSll2Encoder::encodedLength, LinuxSll2Encoder::encode, null);

    /** BSD loopback. */
    public static final Codec<LoopbackHeader> LOOPBACK = Codec.of(LoopbackDecoder::decode,
            LoopbackEncoder::encodedLength, LoopbackEncoder::encode, null);

    /** Cisco HDLC. */
    public static final Codec<CiscoHdlcHeader> CISCO_HDLC = Codec.of(CiscoHdlcDecoder::decode,
            CiscoHdlcEncoder::encodedLength, CiscoHdlcEncoder::encode, null);

    /** Arista's timestamp header. */
    public static final Codec<AvspHeader> AVSP = Codec.of(AvspDecoder::decode, AvspEncoder::encodedLength,
            AvspEncoder::encode, null);

    /** An 802.1Q tag after another header; an 802.3 Length bounds the payload. */
    public static final Codec<VlanHeader> VLAN = Codec.of(VlanDecoder::decode, VlanEncoder::encodedLength,
            VlanEncoder::encode, h -> h.isLength() ? h.protocol().value() : -1);

    private CoreCodecs() {
    }

    private static void recomputeHeaderChecksum(ByteBuffer packet) {
        int p = packet.position();
        int headerLength = (packet.get(p) & 0xF) * 4;
        packet.put(p + 10, (byte) 0).put(p + 11, (byte) 0);
        int checksum = InternetChecksum.checksum(packet, p, headerLength, 0);
        packet.put(p + 10, (byte) (checksum >>> 8)).put(p + 11, (byte) checksum);
    }
}
