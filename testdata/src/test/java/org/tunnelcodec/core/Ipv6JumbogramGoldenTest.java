package org.tunnelcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnelcodec.core.ip.IpScan;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6Encoder;
import org.tunnelcodec.core.ip.Ipv6ExtensionHeader;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.core.link.EthernetDecoder;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.testdata.Captures;

/**
 * Golden test for IPv6 jumbograms: a vector built from RFC 2675 §2 and checked with tshark,
 * and the Linux BIG TCP captures of the shared corpus, read in place, which tshark marks
 * malformed (Payload Length 0 with no Jumbo Payload option).
 */
class Ipv6JumbogramGoldenTest {
    /**
     * RFC 2675 §2: Payload Length 0, Next Header 0 (Hop-by-Hop), then a Hop-by-Hop Options
     * header (Next Header 59, Hdr Ext Len 0) holding the Jumbo Payload option: type 0xC2, Opt
     * Data Len 4, Jumbo Payload Length 70008 (0x00011178), the packet's length less the
     * 40-byte IPv6 header. 70000 zero bytes follow. tshark 4.0.17 decodes these bytes (raw IP
     * link type) as "Payload Length: 0 (Jumbogram)", "Next Header: No Next Header for IPv6 (59)",
     * "Jumbo Payload ... Length: 4, Payload Length: 70008", "Data (70000 bytes)".
     */
    private static final String JUMBOGRAM_HEADERS = "6000000000000040"
            + "20010db8000000000000000000000001" + "20010db8000000000000000000000002"
            + "3b00c20400011178";
    private static final int TSHARK_DATA_LENGTH = 70000;
    private static final long TSHARK_JUMBO_PAYLOAD_LENGTH = 70008;

    private static ByteBuffer jumbogram() {
        byte[] headers = HexFormat.of().parseHex(JUMBOGRAM_HEADERS);
        ByteBuffer b = ByteBuffer.allocate(headers.length + TSHARK_DATA_LENGTH);
        b.put(0, headers);
        return b;
    }

    @Test
    void shouldDecodeAJumbogramAsRfc2675AndTsharkDo() {
        ByteBuffer b = jumbogram();
        Decoded<Ipv6Header> d = Ipv6Decoder.decode(b);
        Ipv6Header h = d.header();
        assertThat(h.isJumbogram()).isTrue();
        assertThat(h.wirePayloadLength()).isZero();
        assertThat(d.payloadLength()).isEqualTo(TSHARK_DATA_LENGTH);
        assertThat((long) h.extensionHeadersLength() + h.payloadLength()).isEqualTo(TSHARK_JUMBO_PAYLOAD_LENGTH);
        assertThat(h.upperLayerProtocol().value()).isEqualTo(59);
        assertThat(h.extensionHeaders()).singleElement().isInstanceOf(Ipv6ExtensionHeader.HopByHopOptions.class);

        long scan = IpScan.ip(b, 0, b.limit());
        assertThat(IpScan.isValid(scan)).isTrue();
        assertThat(IpScan.headerLength(scan)).isEqualTo(48);
        assertThat(IpScan.payloadLength(scan)).isEqualTo(TSHARK_DATA_LENGTH);
    }

    @Test
    void shouldEncodeTheJumbogramItDecodedByteForByte() {
        ByteBuffer b = jumbogram();
        Ipv6Header h = Ipv6Decoder.decode(b).header();
        ByteBuffer out = ByteBuffer.allocate(Ipv6Encoder.encodedLength(h));
        Ipv6Encoder.encode(h, out);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(JUMBOGRAM_HEADERS);
    }

    @Test
    void shouldRefuseAJumbogramRecordThatContradictsItsOption() {
        Ipv6Header h = Ipv6Decoder.decode(jumbogram()).header();
        assertThatThrownBy(() -> new Ipv6Header(0, 0, h.payloadLength() + 1, h.nextHeader(), 64, h.source(),
                h.destination(), h.extensionHeaders())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ipv6Header(0, 0, 8, h.nextHeader(), 64, h.source(), h.destination(),
                List.of(new Ipv6ExtensionHeader.HopByHopOptions(IpProtocol.of(59),
                        ByteString.fromHex("c20400000010"))))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAJumbogramCutShortOfItsJumboPayloadLength() {
        ByteBuffer b = jumbogram().limit(40 + 8 + TSHARK_DATA_LENGTH - 1);
        assertThatThrownBy(() -> Ipv6Decoder.decode(b)).isInstanceOfSatisfying(MalformedPacketException.class, e -> {
            assertThat(e.field()).isEqualTo("Jumbo Payload Length");
            assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
            assertThat(e.required()).isEqualTo(40 + TSHARK_JUMBO_PAYLOAD_LENGTH);
        });
    }

    /**
     * Linux BIG TCP/GSO super-packets with an IPv6 outer header: Payload Length 0 and Next
     * Header UDP, no Jumbo Payload option. tshark 4.0 shows "Payload Length: 0" and
     * "[Malformed Packet: UDP]"; RFC 2675 §3 makes it an error.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bigtcp-ipv6-geneve-ipv4.pcap", "bigtcp-ipv6-geneve-ipv6.pcap",
            "bigtcp-ipv6-vxlan-ipv4.pcap", "bigtcp-ipv6-vxlan-ipv6.pcap"})
    void shouldRefuseBigTcpPayloadLength0WithoutAJumboOptionAsTsharkDoes(String name) {
        CaptureFile capture = Captures.shared(name);
        assertThat(capture.frames()).hasSize(1);
        ByteBuffer frame = capture.frames().get(0).data();
        Decoded<EthernetHeader> eth = EthernetDecoder.decode(frame);
        assertThat(eth.header().etherType()).isEqualTo(EtherType.IPV6);
        int ip = eth.payloadIndex();
        assertThat(Ipv6Decoder.payloadLength(frame, ip)).isZero();
        assertThat(Ipv6Decoder.nextHeader(frame, ip)).isEqualTo(17);
        assertThatThrownBy(() -> Ipv6Decoder.decode(frame, ip, frame.limit()))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.field()).isEqualTo("Payload Length");
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.BAD_LENGTH);
                });
        long scan = IpScan.ip(frame, ip, frame.limit());
        assertThat(IpScan.isValid(scan)).isFalse();
    }
}
