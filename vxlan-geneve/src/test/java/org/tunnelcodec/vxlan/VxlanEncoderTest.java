package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

/**
 * VXLAN encoding: the builders give the figures' bytes, every field goes where the figures put
 * it, and the caller's mistakes are refused with the value and the range.
 */
class VxlanEncoderTest {
    private static byte[] encode(VxlanHeader h) {
        byte[] b = new byte[VxlanEncoder.encodedLength(h)];
        assertThat(VxlanEncoder.encode(h, ByteBuffer.wrap(b))).isEqualTo(8);
        return b;
    }

    @Test
    void shouldEncodeWhatRfc7348SendersSend() {
        assertThat(encode(VxlanHeader.of(0x123456))).isEqualTo(VxlanVectors.bytes(VxlanVectors.RFC_7348));
    }

    @Test
    void shouldEncodeTheGroupPolicyFigure() {
        assertThat(encode(VxlanHeader.withGroupPolicy(0xabcd, 0x0102, true, true)))
                .isEqualTo(VxlanVectors.bytes(VxlanVectors.GROUP_POLICY));
        assertThat(encode(VxlanHeader.withGroupPolicy(1, 2, false, false))).isEqualTo(VxlanVectors.bytes("8800000200000100"));
    }

    @Test
    void shouldEncodePcapPlusPlusVxlan1sHeaderAsItIsOnTheWire() {
        // The header tshark decodes as flags 0x8848, gbp 100, vni 3000001 (see VxlanDecoderTest).
        ByteBuffer frame = VxlanVectors.frame("pcpp-Vxlan1.pcap", 1);
        byte[] wire = new byte[8];
        frame.get(VxlanVectors.UDP_PAYLOAD, wire);
        assertThat(encode(VxlanHeader.withGroupPolicy(3_000_001, 100, true, true))).isEqualTo(wire);
    }

    @Test
    void shouldWriteEveryReservedBitAsTheRecordHoldsIt() {
        assertThat(encode(new VxlanHeader(0xffff, 0xffff, VxlanHeader.MAX_VNI, 0xff))).isEqualTo(VxlanVectors.bytes("ffffffffffffffff"));
        assertThat(encode(new VxlanHeader(0x7701, 0xd1f2, 11, 1))).isEqualTo(VxlanVectors.bytes("7701d1f200000b01"));
    }

    @Test
    void shouldWriteAtThePositionInNetworkOrderWithoutMovingIt() {
        ByteBuffer dst = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).position(3);
        assertThat(VxlanEncoder.encode(VxlanHeader.of(0x123456), dst)).isEqualTo(8);
        assertThat(dst.position()).isEqualTo(3);
        byte[] written = new byte[8];
        dst.get(3, written);
        assertThat(written).isEqualTo(VxlanVectors.bytes(VxlanVectors.RFC_7348));
    }

    @Test
    void shouldRefuseASmallOrReadOnlyDestinationBeforeWritingAByte() {
        ByteBuffer small = ByteBuffer.allocate(9).position(2);
        assertThatThrownBy(() -> VxlanEncoder.encode(VxlanHeader.of(1), small)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dst.remaining(): 7 (expected: >= 8)");
        assertThat(small.array()).containsOnly(0);
        assertThatThrownBy(() -> VxlanEncoder.encode(VxlanHeader.of(1), ByteBuffer.allocate(8).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void shouldRefuseOutOfRangeComponentsWithTheValueAndTheRange() {
        assertThatThrownBy(() -> VxlanHeader.of(1 << 24)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vni: 16777216 (expected: 0..16777215)");
        assertThatThrownBy(() -> new VxlanHeader(0x10000, 0, 0, 0)).hasMessage("flags: 65536 (expected: 0..65535)");
        assertThatThrownBy(() -> new VxlanHeader(0, -1, 0, 0)).hasMessage("groupPolicyId: -1 (expected: 0..65535)");
        assertThatThrownBy(() -> new VxlanHeader(0, 0, 0, 256)).hasMessage("reservedOctet: 256 (expected: 0..255)");
        assertThatThrownBy(() -> VxlanEncoder.encode(null, ByteBuffer.allocate(8))).isInstanceOf(NullPointerException.class);
    }
}
