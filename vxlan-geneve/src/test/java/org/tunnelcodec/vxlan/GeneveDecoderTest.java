package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * Geneve decoding: the RFC 8926 figures field by field, frames of the shared corpus against
 * tshark 4.0.17's values, the receiver rules of §3.4-3.5 (version, options past Opt Len) and the
 * option bound.
 */
class GeneveDecoderTest {
    private static ByteString hex(String h) {
        return ByteString.fromHex(h);
    }

    @Test
    void shouldDecodeTheRfc8926FiguresFieldByField() {
        Decoded<GeneveHeader> d = GeneveDecoder.decode(VxlanVectors.buffer(VxlanVectors.GENEVE + "0011"));
        GeneveHeader h = d.header();
        assertThat(h.optLen()).isEqualTo(3);
        assertThat(h.optionsLength()).isEqualTo(12);
        assertThat(h.controlPacket()).isFalse();
        assertThat(h.criticalOptionsPresent()).isTrue();
        assertThat(h.reservedFlags()).isZero();
        assertThat(h.protocolType()).isEqualTo(EtherType.TRANSPARENT_ETHERNET_BRIDGING);
        assertThat(h.vni()).isEqualTo(0x123456);
        assertThat(h.reservedOctet()).isZero();
        assertThat(h.options()).hasSize(2);
        GeneveOption ovn = h.options().get(0);
        assertThat(ovn.optionClass()).isEqualTo(0x0102);
        assertThat(ovn.type()).isEqualTo(0x80);
        assertThat(ovn.critical()).isTrue();
        assertThat(ovn.reserved()).isZero();
        assertThat(ovn.length()).isEqualTo(1);
        assertThat(ovn.data()).isEqualTo(hex("00010002"));
        GeneveOption empty = h.options().get(1);
        assertThat(empty).isEqualTo(new GeneveOption(0xfff0, 0x01, 5, ByteString.EMPTY));
        assertThat(empty.critical()).isFalse();
        assertThat(empty.encodedLength()).isEqualTo(4);
        assertThat(h.hasCriticalOption()).isTrue();
        assertThat(d.headerLength()).isEqualTo(20);
        assertThat(d.payloadIndex()).isEqualTo(20);
        assertThat(d.payloadLength()).isEqualTo(2);
    }

    @Test
    void shouldDecodeFramesOneAndTwoOfTcpdumpsGenevePcapAsTsharkDoes() {
        // tshark -r geneve.pcap, frame 1: geneve.version 0, geneve.flags 0x40 (oam 0, critical 1),
        // geneve.proto_type 0x6558, geneve.vni 0x00000a, geneve.reserved 0x00, geneve.option.length
        // 8 (the options) then 8 (the option, header included), geneve.option.class 0x0000,
        // geneve.option.type 0x80 (critical 1), geneve.option.flags 0x00, geneve.option.unknown.data
        // 0000000c. Frame 2: geneve.flags 0x00, proto_type 0x6558, vni 0x00000b, option length 0.
        GeneveHeader first = GeneveDecoder.decode(VxlanVectors.tunnel("geneve.pcap", 1)).header();
        assertThat(first).isEqualTo(new GeneveHeader(false, true, 0, EtherType.TRANSPARENT_ETHERNET_BRIDGING, 0x0a, 0,
                List.of(new GeneveOption(0x0000, 0x80, 0, hex("0000000c")))));
        assertThat(first.optionsLength()).isEqualTo(8);
        assertThat(first.options().get(0).encodedLength()).isEqualTo(8);
        GeneveHeader second = GeneveDecoder.decode(VxlanVectors.tunnel("geneve.pcap", 2)).header();
        assertThat(second).isEqualTo(GeneveHeader.of(EtherType.TRANSPARENT_ETHERNET_BRIDGING, 0x0b));
    }

    @Test
    void shouldDecodeTheThreeGoogleCloudOptionsOfGeneveGcpAsTsharkDoes() {
        // tshark -r geneve-gcp.pcap: geneve.flags 0x00, proto_type 0x0800, vni 0x000000,
        // geneve.option.length 40 then 8, 20, 12; option.class 0x0132 three times, option.type 0x01,
        // 0x02, 0x03; gcp.vnid 134217741 and gcp.direction 1 (data 800000d1: 0x0800000d << 4 | 1),
        // gcp.endpoint 0800000dc0a864020000000000000000, gcp.profile 4660 (0x1234).
        GeneveHeader h = GeneveDecoder.decode(VxlanVectors.tunnel("geneve-gcp.pcap", 1)).header();
        assertThat(h.protocolType()).isEqualTo(EtherType.IPV4);
        assertThat(h.vni()).isZero();
        assertThat(h.criticalOptionsPresent()).isFalse();
        assertThat(h.optionsLength()).isEqualTo(40);
        assertThat(h.options()).containsExactly(
                new GeneveOption(0x0132, 0x01, 0, hex("800000d1")),
                new GeneveOption(0x0132, 0x02, 0, hex("0800000dc0a864020000000000000000")),
                new GeneveOption(0x0132, 0x03, 0, hex("0000000000001234")));
        int vnid = h.options().get(0).data().asReadOnlyBuffer().getInt() >>> 4;
        assertThat(vnid).isEqualTo(134_217_741);
    }

    @Test
    void shouldDecodeTheOptionsOfZeeksManyOptionsCaptureAsTsharkDoes() {
        // tshark -r zeek-geneve-many-options.pcap, frame 1: proto_type 0x6558, vni 0x0c012e,
        // geneve.option.length 76 then 20, 40, 16; class 0x0100 (Linux) three times, type 0x01,
        // 0x02, 0x03, flags 0x00; unknown.data "1234567890abcde\0", "0123456789abcdef0123456789abcdef0\0\0\0",
        // "0123456789\0\0" in hexadecimal below.
        GeneveHeader h = GeneveDecoder.decode(VxlanVectors.tunnel("zeek-geneve-many-options.pcap", 1)).header();
        assertThat(h.vni()).isEqualTo(0x0c012e);
        assertThat(h.optionsLength()).isEqualTo(76);
        assertThat(h.options()).containsExactly(
                new GeneveOption(0x0100, 0x01, 0, hex("31323334353637383930616263646500")),
                new GeneveOption(0x0100, 0x02, 0, hex("303132333435363738396162636465663031323334353637383961626364656630000000")),
                new GeneveOption(0x0100, 0x03, 0, hex("303132333435363738390000")));
    }

    @Test
    void shouldRefuseEveryVersionButZero() {
        // RFC 8926 §3.4: "Packets received by a tunnel endpoint with an unknown version MUST be dropped."
        for (int version = 1; version <= 3; version++) {
            byte[] b = VxlanVectors.bytes(VxlanVectors.GENEVE);
            b[0] |= (byte) (version << 6);
            int v = version;
            assertThatThrownBy(() -> GeneveDecoder.decode(ByteBuffer.wrap(b))).isInstanceOfSatisfying(
                    MalformedPacketException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
                        assertThat(e.field()).isEqualTo("Ver");
                        assertThat(e.value()).isEqualTo(v);
                    });
            assertThat(GeneveDecoder.version(ByteBuffer.wrap(b), 0)).isEqualTo(version);
        }
    }

    @Test
    void shouldRefuseAnOptionWhoseLengthRunsPastOptLenAsTruncatedByOptLen() {
        // RFC 8926 §3.5: options whose total length is not Opt Len make the packet invalid. Here the
        // OVN option says 2 words of data where Opt Len leaves it 1 word and the empty option.
        byte[] b = VxlanVectors.bytes(VxlanVectors.GENEVE + "00000000");
        b[11] = 3; // the first option's Length: 3 words, 12 octets, where 8 are left
        assertThatThrownBy(() -> GeneveDecoder.decode(ByteBuffer.wrap(b))).isInstanceOfSatisfying(
                MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.field()).isEqualTo("Variable-Length Option Data");
                    assertThat(e.offset()).isEqualTo(12);
                    assertThat(e.required()).isEqualTo(12);
                    assertThat(e.available()).isEqualTo(8);
                    assertThat(e.boundedBy()).isEqualTo("geneve Opt Len");
                });
        // the same with a second option that overruns by one word
        byte[] c = VxlanVectors.bytes(VxlanVectors.GENEVE);
        c[19] = (byte) 0xa1;
        assertThatThrownBy(() -> GeneveDecoder.decode(ByteBuffer.wrap(c))).isInstanceOfSatisfying(
                MalformedPacketException.class, e -> {
                    assertThat(e.offset()).isEqualTo(20);
                    assertThat(e.available()).isZero();
                    assertThat(e.boundedBy()).isEqualTo("geneve Opt Len");
                });
    }

    @Test
    void shouldRefuseOptionsCutByTheRangeAsTruncated() {
        byte[] b = VxlanVectors.bytes(VxlanVectors.GENEVE);
        for (int n = 8; n < b.length; n++) {
            int available = n;
            assertThatThrownBy(() -> GeneveDecoder.decode(ByteBuffer.wrap(Arrays.copyOf(b, available))))
                    .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                        assertThat(e.field()).isEqualTo("Variable-Length Options");
                        assertThat(e.offset()).isEqualTo(8);
                        assertThat(e.required()).isEqualTo(12);
                        assertThat(e.available()).isEqualTo(available - 8);
                        assertThat(e.boundedBy()).isNull();
                    });
        }
        for (int n = 0; n < 8; n++) {
            int available = n;
            assertThatThrownBy(() -> GeneveDecoder.decode(ByteBuffer.wrap(Arrays.copyOf(b, available))))
                    .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                        assertThat(e.field()).isEqualTo("Ver");
                        assertThat(e.required()).isEqualTo(8);
                        assertThat(e.available()).isEqualTo(available);
                    });
        }
    }

    @Test
    void shouldDecodeTheMostOptionsThatFit() {
        // Opt Len 63: 252 octets, 63 options of no data each, the most there can be.
        StringBuilder hex = new StringBuilder("3f006558" + "00000100");
        for (int i = 0; i < 63; i++) {
            hex.append(String.format("%04x%02x00", i, i));
        }
        GeneveHeader h = GeneveDecoder.decode(VxlanVectors.buffer(hex.toString())).header();
        assertThat(h.options()).hasSize(GeneveHeader.MAX_OPTIONS).hasSize(63);
        assertThat(h.options().get(62)).isEqualTo(new GeneveOption(62, 62, 0, ByteString.EMPTY));
        assertThat(h.headerLength()).isEqualTo(260);
        // and two options of 31 and 30 words
        String two = "3f006558" + "00000100" + "0001021f" + "00".repeat(124) + "0002031e" + "11".repeat(120);
        GeneveHeader h2 = GeneveDecoder.decode(VxlanVectors.buffer(two)).header();
        assertThat(h2.options()).extracting(GeneveOption::length).containsExactly(31, 30);
    }

    @Test
    void shouldKeepReservedBitsAndTheOBit() {
        GeneveHeader h = GeneveDecoder.decode(VxlanVectors.buffer("00bf1234" + "ffffffff")).header();
        assertThat(h.controlPacket()).isTrue();
        assertThat(h.criticalOptionsPresent()).isFalse();
        assertThat(h.reservedFlags()).isEqualTo(0x3f);
        assertThat(h.protocolType().value()).isEqualTo(0x1234);
        assertThat(h.vni()).isEqualTo(0xffffff);
        assertThat(h.reservedOctet()).isEqualTo(0xff);
        // C set without a critical option, as a sender that RFC 8926 §3.5 would not allow: kept
        GeneveHeader c = GeneveDecoder.decode(VxlanVectors.buffer("01406558" + "00000000" + "00000100")).header();
        assertThat(c.criticalOptionsPresent()).isTrue();
        assertThat(c.hasCriticalOption()).isFalse();
    }

    @Test
    void shouldPeekAtTheFixedPart() {
        ByteBuffer frame = VxlanVectors.frame("geneve.pcap", 1);
        int at = VxlanVectors.UDP_PAYLOAD;
        assertThat(GeneveDecoder.version(frame, at)).isZero();
        assertThat(GeneveDecoder.optionsLength(frame, at)).isEqualTo(8);
        assertThat(GeneveDecoder.protocolType(frame, at)).isEqualTo(0x6558);
        assertThat(GeneveDecoder.vni(frame, at)).isEqualTo(0x0a);
        ByteBuffer cut = frame.duplicate().limit(at + 4);
        assertThat(GeneveDecoder.protocolType(cut, at)).isEqualTo(0x6558);
        assertThatThrownBy(() -> GeneveDecoder.vni(cut, at)).isInstanceOfSatisfying(MalformedPacketException.class,
                e -> assertThat(e.getMessage()).isEqualTo("geneve Ver truncated at offset 0: 4 bytes available (expected: 8)"));
        assertThatThrownBy(() -> GeneveDecoder.version(cut, at + 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
