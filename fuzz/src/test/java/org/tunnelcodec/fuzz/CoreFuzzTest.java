package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.ip.IpScan;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.link.AvspDecoder;
import org.tunnelcodec.core.link.CiscoHdlcDecoder;
import org.tunnelcodec.core.link.CiscoHdlcHeader;
import org.tunnelcodec.core.link.EthernetDecoder;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.link.VlanDecoder;
import org.tunnelcodec.core.transport.TcpDecoder;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.fuzz.Contract.Accepted;
import org.tunnelcodec.fuzz.Contract.Refused;
import org.tunnelcodec.testdata.CoreCodecs;

/**
 * Fuzz tests of core's decoders, their allocation-free checks and peeks, and {@link IpScan}.
 * Each input is the bytes of one header and what follows it.
 */
class CoreFuzzTest {
    @FuzzTest
    void ethernet(byte[] data) {
        Object decoded = Contract.decoder(data, CoreCodecs.ETHERNET, EthernetDecoder::decode);
        Object scan = Scans.agree(data, decoded, src -> EthernetDecoder.scan(src, src.position(), src.limit()));
        if (decoded instanceof Accepted a) {
            long s = (Long) scan;
            EthernetHeader h = (EthernetHeader) a.header();
            check(s >>> 48 == a.headerLength() && (s >>> 32 & 0xFFFF) == h.etherType().value()
                    && (int) s == a.payloadLength(), "EthernetDecoder.scan disagrees with decode", data, a + " vs " + s);
            Object peeks = Contract.outcome(data, src -> java.util.List.of(
                    EthernetDecoder.headerLength(src, src.position()), EthernetDecoder.etherType(src, src.position())));
            check(peeks.equals(java.util.List.of(a.headerLength(), h.etherType().value())),
                    "EthernetDecoder peeks disagree with decode", data, peeks.toString());
        }
    }

    @FuzzTest
    void ipv4(byte[] data) {
        Object decoded = Contract.decoder(data, CoreCodecs.IPV4, Ipv4Decoder::decode);
        Object scan = Scans.agree(data, decoded, src -> Scans.ipScan(IpScan.ipv4(src, src.position(), src.limit()),
                src));
        Object checked = Scans.agree(data, decoded, src -> Ipv4Decoder.checkedHeaderLength(src, src.position()));
        if (decoded instanceof Accepted a) {
            Ipv4Header h = (Ipv4Header) a.header();
            Scans.sameLayer(data, a, (Scans.Ip) scan, h.protocol().value());
            check(checked.equals(a.headerLength()), "Ipv4Decoder.checkedHeaderLength disagrees with decode", data,
                    checked.toString());
            Object peeks = Contract.outcome(data, src -> java.util.List.of(Ipv4Decoder.version(src, src.position()),
                    Ipv4Decoder.peekHeaderLength(src, src.position()), Ipv4Decoder.totalLength(src, src.position()),
                    Ipv4Decoder.protocol(src, src.position())));
            check(peeks.equals(java.util.List.of(4, a.headerLength(), a.headerLength() + h.payloadLength(),
                    h.protocol().value())), "Ipv4Decoder peeks disagree with decode", data, peeks.toString());
        }
    }

    @FuzzTest
    void ipv6(byte[] data) {
        Object decoded = Contract.decoder(data, CoreCodecs.IPV6, Ipv6Decoder::decode);
        Object scan = Scans.agree(data, decoded, src -> Scans.ipScan(IpScan.ipv6(src, src.position(), src.limit()),
                src));
        if (decoded instanceof Accepted a) {
            Ipv6Header h = (Ipv6Header) a.header();
            Scans.sameLayer(data, a, (Scans.Ip) scan, h.upperLayerProtocol().value());
        }
    }

    /** The IPv6 extension-header walk and the fixed-header peeks, against the decoder. */
    @FuzzTest
    void ipv6Peeks(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(Ipv6Decoder.decode(src), src.position()));
        Object walk = Scans.agree(data, decoded, src -> Ipv6Decoder.upperLayer(src, src.position(), src.limit()));
        Object walkToLimit = Contract.outcome(data, src -> Ipv6Decoder.upperLayer(src, src.position()));
        check(walkToLimit.equals(walk), "Ipv6Decoder.upperLayer(src, index) disagrees with (src, index, limit)", data,
                walkToLimit + " vs " + walk);
        if (decoded instanceof Accepted a) {
            Ipv6Header h = (Ipv6Header) a.header();
            check(walk.equals((long) a.headerLength() << 8 | h.upperLayerProtocol().value()),
                    "Ipv6Decoder.upperLayer disagrees with decode", data, walk.toString());
            Object peeks = Contract.outcome(data, src -> java.util.List.of(Ipv6Decoder.version(src, src.position()),
                    Ipv6Decoder.payloadLength(src, src.position()), Ipv6Decoder.nextHeader(src, src.position()),
                    Ipv6Decoder.flowLabel(src, src.position())));
            check(peeks.equals(java.util.List.of(6, h.wirePayloadLength(), h.nextHeader().value(), h.flowLabel())),
                    "Ipv6Decoder peeks disagree with decode", data, peeks.toString());
        }
    }

    /**
     * The allocation-free walk to the Home Address option and the Type 2 Routing Header (RFC 6275
     * §6.3, §6.4), against the decoder: it refuses what the decoder refuses and finds the
     * addresses the records hold.
     */
    @FuzzTest
    void ipv6MobilePeeks(byte[] data) {
        Object decoded = Contract.outcome(data, src -> Accepted.of(Ipv6Decoder.decode(src), src.position()));
        Object hao = Scans.agree(data, decoded, src -> {
            int i = Ipv6Decoder.homeAddressIndex(src, src.position(), src.limit());
            return i < 0 ? "none" : Ipv6Address.read(src, i).toString();
        });
        Object rh2 = Scans.agree(data, decoded, src -> {
            int i = Ipv6Decoder.type2HomeAddressIndex(src, src.position(), src.limit());
            return i < 0 ? "none" : Ipv6Address.read(src, i).toString();
        });
        if (decoded instanceof Accepted a) {
            Ipv6Header h = (Ipv6Header) a.header();
            String option = h.homeAddressOption().map(o -> o.homeAddress().toString()).orElse("none");
            String routing = h.type2RoutingHeader().map(r -> r.homeAddress().toString()).orElse("none");
            check(hao.equals(option) && rh2.equals(routing), "the Mobile IPv6 peeks disagree with decode", data,
                    hao + "/" + rh2 + " vs " + option + "/" + routing);
        }
    }

    /** {@link IpScan#ip} against the decoder its Version nibble picks. */
    @FuzzTest
    void ipScan(byte[] data) {
        Object scan = Contract.outcome(data, src -> Scans.ipScan(IpScan.ip(src, src.position(), src.limit()), src));
        int version = data.length == 0 ? 0 : (data[0] & 0xFF) >>> 4;
        if (version == 4 || version == 6) {
            Object decoded = Contract.outcome(data, src -> Accepted.of(version == 4 ? Ipv4Decoder.decode(src)
                    : Ipv6Decoder.decode(src), src.position()));
            check(scan instanceof Refused == decoded instanceof Refused && (!(scan instanceof Refused)
                    || scan.equals(decoded)), "IpScan.ip disagrees with the decoder", data, scan + " vs " + decoded);
            if (decoded instanceof Accepted a) {
                int protocol = a.header() instanceof Ipv4Header h4 ? h4.protocol().value()
                        : ((Ipv6Header) a.header()).upperLayerProtocol().value();
                Scans.sameLayer(data, a, (Scans.Ip) scan, protocol);
                check(((Scans.Ip) scan).version() == version, "IpScan.version is not the Version nibble", data,
                        scan.toString());
            }
        } else {
            check(scan instanceof Refused, "IpScan.ip accepted a Version other than 4 and 6", data, scan.toString());
        }
    }

    @FuzzTest
    void udp(byte[] data) {
        Scans.decoderAndCheck(data, CoreCodecs.UDP, UdpDecoder::decode,
                src -> UdpDecoder.checkedLength(src, src.position(), src.limit()), "UdpDecoder.checkedLength",
                a -> a.headerLength() + a.payloadLength());
    }

    @FuzzTest
    void tcp(byte[] data) {
        Scans.decoderAndCheck(data, CoreCodecs.TCP, TcpDecoder::decode,
                src -> TcpDecoder.headerLength(src, src.position(), src.limit()), "TcpDecoder.headerLength",
                Accepted::headerLength);
    }

    @FuzzTest
    void linuxSll(byte[] data) {
        Contract.decoder(data, Decoders.LINUX_SLL, null);
    }

    @FuzzTest
    void linuxSll2(byte[] data) {
        Contract.decoder(data, Decoders.LINUX_SLL2, null);
    }

    @FuzzTest
    void loopback(byte[] data) {
        Contract.decoder(data, Decoders.LOOPBACK, null);
    }

    @FuzzTest
    void ciscoHdlc(byte[] data) {
        Scans.decoderAndCheck(data, Decoders.CISCO_HDLC, CiscoHdlcDecoder::decode,
                src -> CiscoHdlcDecoder.protocol(src, src.position(), src.limit()), "CiscoHdlcDecoder.protocol",
                a -> ((CiscoHdlcHeader) a.header()).protocol().value());
    }

    @FuzzTest
    void avsp(byte[] data) {
        Scans.decoderAndCheck(data, Decoders.AVSP, AvspDecoder::decode,
                src -> AvspDecoder.headerLength(src, src.position(), src.limit()), "AvspDecoder.headerLength",
                Accepted::headerLength);
    }

    @FuzzTest
    void vlan(byte[] data) {
        Scans.decoderAndCheck(data, Decoders.VLAN, VlanDecoder::decode,
                src -> VlanDecoder.payloadLength(src, src.position(), src.limit()), "VlanDecoder.payloadLength",
                Accepted::payloadLength);
    }
}
