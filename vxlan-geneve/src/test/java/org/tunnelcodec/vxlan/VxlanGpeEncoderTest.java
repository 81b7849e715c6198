package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** VXLAN-GPE encoding: the figure's bytes, the NSH capture's header, version 0 only. */
class VxlanGpeEncoderTest {
    private static byte[] encode(VxlanGpeHeader h) {
        byte[] b = new byte[VxlanGpeEncoder.encodedLength(h)];
        assertThat(VxlanGpeEncoder.encode(h, ByteBuffer.wrap(b))).isEqualTo(8);
        return b;
    }

    @Test
    void shouldEncodeTheDraftsFigure() {
        assertThat(encode(new VxlanGpeHeader(0x0e, 0, VxlanGpeNextProtocol.IPV6, 0x100, 0)))
                .isEqualTo(VxlanVectors.bytes(VxlanVectors.GPE));
    }

    @Test
    void shouldEncodeTheNshCapturesHeaderAsItIsOnTheWire() {
        byte[] wire = new byte[8];
        VxlanVectors.frame("nsh-over-vxlan-gpe.pcap", 1).get(VxlanVectors.UDP_PAYLOAD, wire);
        assertThat(encode(VxlanGpeHeader.of(VxlanGpeNextProtocol.NSH, 0xFFFFFF))).isEqualTo(wire);
    }

    @Test
    void shouldWriteEveryBitButVerAsTheRecordHoldsIt() {
        assertThat(encode(new VxlanGpeHeader(0xcf, 0xffff, VxlanGpeNextProtocol.of(0xff), 0xFFFFFF, 0xff)))
                .isEqualTo(VxlanVectors.bytes("cfffffffffffffff"));
    }

    @Test
    void shouldRefuseAVersionOtherThanZeroAndOutOfRangeComponents() {
        assertThatThrownBy(() -> new VxlanGpeHeader(0x1c, 0, VxlanGpeNextProtocol.IPV4, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flags: 0x1c (expected: the Ver bits 0x30 clear: version 0 is the only one)");
        assertThatThrownBy(() -> new VxlanGpeHeader(0x100, 0, VxlanGpeNextProtocol.IPV4, 0, 0))
                .hasMessage("flags: 256 (expected: 0..255)");
        assertThatThrownBy(() -> new VxlanGpeHeader(0, 0x10000, VxlanGpeNextProtocol.IPV4, 0, 0))
                .hasMessage("reserved: 65536 (expected: 0..65535)");
        assertThatThrownBy(() -> new VxlanGpeHeader(0, 0, null, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> VxlanGpeHeader.of(VxlanGpeNextProtocol.IPV4, -1)).hasMessage("vni: -1 (expected: 0..16777215)");
        assertThatThrownBy(() -> VxlanGpeEncoder.encode(VxlanGpeHeader.of(VxlanGpeNextProtocol.IPV4, 1), ByteBuffer.allocate(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
