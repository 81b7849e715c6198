package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * VXLAN-GPE decoding: the draft's figure field by field, tcpdump's NSH capture against tshark
 * 4.0.17's values, the version rule and the short header.
 */
class VxlanGpeDecoderTest {
    @Test
    void shouldDecodeTheDraftsFigureFieldByField() {
        Decoded<VxlanGpeHeader> d = VxlanGpeDecoder.decode(VxlanVectors.buffer(VxlanVectors.GPE + "60"));
        VxlanGpeHeader h = d.header();
        assertThat(h.flags()).isEqualTo(0x0e);
        assertThat(h.vniValid()).isTrue();
        assertThat(h.nextProtocolPresent()).isTrue();
        assertThat(h.bum()).isTrue();
        assertThat(h.oam()).isFalse();
        assertThat(h.reservedFlags()).isZero();
        assertThat(h.reserved()).isZero();
        assertThat(h.nextProtocol()).isEqualTo(VxlanGpeNextProtocol.IPV6);
        assertThat(h.vni()).isEqualTo(0x100);
        assertThat(h.reservedOctet()).isZero();
        assertThat(d.headerLength()).isEqualTo(8);
        assertThat(d.payloadLength()).isEqualTo(1);
    }

    @Test
    void shouldDecodeTcpdumpsNshOverVxlanGpeCaptureAsTsharkDoes() {
        // tshark -r nsh-over-vxlan-gpe.pcap: vxlan.flags 0x0c, vxlan.ver 0, vxlan.i_bit 1,
        // vxlan.p_bit 1, vxlan.o_bit 0, vxlan.flags_reserved 0, vxlan.reserved_16 0,
        // vxlan.next_proto 4 (NSH), vxlan.vni 16777215, vxlan.reserved8 0; frame.len 106.
        Decoded<VxlanGpeHeader> d = VxlanGpeDecoder.decode(VxlanVectors.tunnel("nsh-over-vxlan-gpe.pcap", 1));
        assertThat(d.header()).isEqualTo(new VxlanGpeHeader(0x0c, 0, VxlanGpeNextProtocol.NSH, 16_777_215, 0));
        assertThat(d.header()).isEqualTo(VxlanGpeHeader.of(VxlanGpeNextProtocol.NSH, 0xFFFFFF));
        assertThat(d.payloadLength()).isEqualTo(106 - 50);
    }

    @Test
    void shouldRefuseEveryVersionButZero() {
        // draft-ietf-nvo3-vxlan-gpe-13 §3.1: "If a receiver does not support the version indicated it
        // MUST drop the packet."
        for (int version = 1; version <= 3; version++) {
            byte[] b = VxlanVectors.bytes(VxlanVectors.GPE);
            b[0] |= (byte) (version << 4);
            int v = version;
            assertThatThrownBy(() -> VxlanGpeDecoder.decode(ByteBuffer.wrap(b))).isInstanceOfSatisfying(
                    MalformedPacketException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
                        assertThat(e.field()).isEqualTo("Ver");
                        assertThat(e.offset()).isZero();
                        assertThat(e.value()).isEqualTo(v);
                    });
            assertThatThrownBy(() -> VxlanGpeDecoder.checked(ByteBuffer.wrap(b), 0, 8)).isInstanceOf(MalformedPacketException.class);
            // the peeks read the fields as they are
            assertThat(VxlanGpeDecoder.flags(ByteBuffer.wrap(b), 0) >>> 4 & 3).isEqualTo(version);
            assertThat(VxlanGpeDecoder.nextProtocol(ByteBuffer.wrap(b), 0)).isEqualTo(2);
        }
    }

    @Test
    void shouldKeepEveryOtherBitAndAnyNextProtocol() {
        VxlanGpeHeader h = VxlanGpeDecoder.decode(VxlanVectors.buffer("c1ffff7e" + "abcdefff")).header();
        assertThat(h.flags()).isEqualTo(0xc1);
        assertThat(h.reservedFlags()).isEqualTo(0xc0);
        assertThat(h.oam()).isTrue();
        assertThat(h.vniValid()).isFalse();
        assertThat(h.nextProtocolPresent()).isFalse();
        assertThat(h.reserved()).isEqualTo(0xffff);
        assertThat(h.nextProtocol().value()).isEqualTo(0x7e);
        assertThat(h.nextProtocol().isKnown()).isFalse();
        assertThat(h.vni()).isEqualTo(0xabcdef);
        assertThat(h.reservedOctet()).isEqualTo(0xff);
    }

    @Test
    void shouldRejectEveryShortHeaderAsTruncatedAtTheFlags() {
        byte[] b = VxlanVectors.bytes("30" + VxlanVectors.GPE.substring(2)); // version 3: truncation is found first
        for (int n = 0; n < 8; n++) {
            int available = n;
            assertThatThrownBy(() -> VxlanGpeDecoder.decode(ByteBuffer.wrap(Arrays.copyOf(b, available))))
                    .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                        assertThat(e.field()).isEqualTo("Flags");
                        assertThat(e.required()).isEqualTo(8);
                        assertThat(e.available()).isEqualTo(available);
                    });
        }
    }

    @Test
    void shouldPeekAtTheNshCapturesFields() {
        ByteBuffer frame = VxlanVectors.frame("nsh-over-vxlan-gpe.pcap", 1);
        int at = VxlanVectors.UDP_PAYLOAD;
        assertThat(VxlanGpeDecoder.flags(frame, at)).isEqualTo(0x0c);
        assertThat(VxlanGpeDecoder.nextProtocol(frame, at)).isEqualTo(4);
        assertThat(VxlanGpeDecoder.vni(frame, at)).isEqualTo(0xFFFFFF);
        ByteBuffer cut = frame.duplicate().limit(at + 7);
        assertThat(VxlanGpeDecoder.nextProtocol(cut, at)).isEqualTo(4);
        assertThatThrownBy(() -> VxlanGpeDecoder.vni(cut, at)).isInstanceOfSatisfying(MalformedPacketException.class,
                e -> assertThat(e.getMessage()).isEqualTo("vxlan-gpe Flags truncated at offset 0: 7 bytes available (expected: 8)"));
    }

    @Test
    void shouldNameTheNextProtocolsItKnows() {
        assertThat(VxlanGpeNextProtocol.of(1)).isSameAs(VxlanGpeNextProtocol.IPV4).hasToString("IPV4(0x01)");
        assertThat(VxlanGpeNextProtocol.of(2)).isSameAs(VxlanGpeNextProtocol.IPV6);
        assertThat(VxlanGpeNextProtocol.of(3)).isSameAs(VxlanGpeNextProtocol.ETHERNET);
        assertThat(VxlanGpeNextProtocol.of(4)).isSameAs(VxlanGpeNextProtocol.NSH).hasToString("NSH(0x04)");
        assertThat(VxlanGpeNextProtocol.of(5)).isSameAs(VxlanGpeNextProtocol.MPLS);
        assertThat(VxlanGpeNextProtocol.of(0x7f)).hasToString("0x7F").isEqualTo(new VxlanGpeNextProtocol(0x7f));
        assertThat(VxlanGpeNextProtocol.of(0x7f).isKnown()).isFalse();
        assertThat(VxlanGpeNextProtocol.of(0x7f).knownName()).isNull();
        assertThatThrownBy(() -> VxlanGpeNextProtocol.of(256)).hasMessage("value: 256 (expected: 0..255)");
    }
}
