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
 * VXLAN decoding: the RFC 7348 and Group Policy figures field by field, frames of the shared
 * corpus against tshark 4.0.17's values, the receiver rules (I clear kept, reserved bits kept)
 * and the short header.
 */
class VxlanDecoderTest {
    @Test
    void shouldDecodeTheRfc7348FigureFieldByField() {
        Decoded<VxlanHeader> d = VxlanDecoder.decode(VxlanVectors.buffer(VxlanVectors.RFC_7348 + "aabb"));
        VxlanHeader h = d.header();
        assertThat(h.flags()).isEqualTo(0x0800);
        assertThat(h.vniValid()).isTrue();
        assertThat(h.groupPolicy()).isFalse();
        assertThat(h.reservedFlags()).isZero();
        assertThat(h.groupPolicyId()).isZero();
        assertThat(h.vni()).isEqualTo(0x123456);
        assertThat(h.reservedOctet()).isZero();
        assertThat(h).isEqualTo(VxlanHeader.of(0x123456));
        assertThat(d.headerLength()).isEqualTo(8);
        assertThat(d.payloadLength()).isEqualTo(2);
        assertThat(d.payload().get(0)).isEqualTo((byte) 0xaa);
    }

    @Test
    void shouldDecodeTheGroupPolicyFigureFieldByField() {
        VxlanHeader h = VxlanDecoder.decode(VxlanVectors.buffer(VxlanVectors.GROUP_POLICY)).header();
        assertThat(h.flags()).isEqualTo(0x8848);
        assertThat(h.groupPolicy()).isTrue();
        assertThat(h.vniValid()).isTrue();
        assertThat(h.dontLearn()).isTrue();
        assertThat(h.policyApplied()).isTrue();
        assertThat(h.reservedFlags()).isZero();
        assertThat(h.groupPolicyId()).isEqualTo(0x0102);
        assertThat(h.vni()).isEqualTo(0xabcd);
        assertThat(h).isEqualTo(VxlanHeader.withGroupPolicy(0xabcd, 0x0102, true, true));
    }

    @Test
    void shouldDecodeFrameOneOfVxlanPcapAsTsharkDoes() {
        // tshark -r vxlan.pcap: vxlan.flags 0x0800, vxlan.flag_i 1, vxlan.gbp 0, vxlan.vni 100,
        // vxlan.reserved8 0, frame.len 148; the second eth.src, the inner frame's, is 00:16:3e:37:f6:04.
        ByteBuffer frame = VxlanVectors.tunnel("vxlan.pcap", 1);
        Decoded<VxlanHeader> d = VxlanDecoder.decode(frame);
        assertThat(d.header()).isEqualTo(new VxlanHeader(0x0800, 0, 100, 0));
        assertThat(d.payloadIndex()).isEqualTo(50);
        assertThat(d.payloadLength()).isEqualTo(98);
        byte[] innerSource = new byte[6];
        d.payload().get(6, innerSource);
        assertThat(innerSource).isEqualTo(VxlanVectors.bytes("00163e37f604"));
    }

    @Test
    void shouldDecodeTheGroupPolicyHeaderOfPcapPlusPlusVxlan1AsTsharkDoes() {
        // tshark -r pcpp-Vxlan1.pcap: vxlan.flags 0x8848, flag_g 1, flag_i 1, flag_d 1, flag_a 1,
        // vxlan.flags_reserved 0x0000, vxlan.gbp 100, vxlan.vni 3000001, vxlan.reserved8 0.
        VxlanHeader h = VxlanDecoder.decode(VxlanVectors.tunnel("pcpp-Vxlan1.pcap", 1)).header();
        assertThat(h).isEqualTo(new VxlanHeader(0x8848, 100, 3_000_001, 0));
        assertThat(h.groupPolicy() && h.vniValid() && h.dontLearn() && h.policyApplied()).isTrue();
        assertThat(h.reservedFlags()).isZero();
    }

    @Test
    void shouldKeepTheReservedBitsOfSuricatasNonZeroReservedFieldsCaptureAsTsharkShowsThem() {
        // tshark -r suri-vxlan-non-zero-reserved-fields.pcap: every frame has vxlan.flags 0xff01,
        // vxlan.flags_reserved 0x7701, vxlan.vni 11; vxlan.gbp and vxlan.reserved8 per frame below.
        int[] gbp = {53746, 53747, 53753, 53768, 53769, 53770, 53771, 53777, 53780, 53781};
        int[] reserved8 = {0, 1, 0, 0, 1, 1, 1, 0, 0, 1};
        for (int n = 1; n <= 10; n++) {
            VxlanHeader h = VxlanDecoder.decode(VxlanVectors.tunnel("suri-vxlan-non-zero-reserved-fields.pcap", n)).header();
            assertThat(h).as("frame %d", n).isEqualTo(new VxlanHeader(0xff01, gbp[n - 1], 11, reserved8[n - 1]));
            assertThat(h.reservedFlags()).isEqualTo(0x7701);
            assertThat(VxlanPolicy.RFC_7348.accepts(h)).isTrue();
            assertThat(VxlanPolicy.LINUX.accepts(h)).isFalse();
        }
    }

    @Test
    void shouldDecodeTheThreeNestedHeadersOfZeeksTripleCaptureAsTsharkDoes() {
        // tshark -r zeek-vxlan-triple-v2.pcap: three VXLAN layers, vxlan.flags 0x0c00 each (I and
        // the reserved bit 0x0400: a VXLAN-GPE P bit on the VXLAN port), vxlan.gbp 3 each (the GPE
        // Next Protocol 3, Ethernet, read as a Group Policy ID), vxlan.vni 1, 2, 3.
        ByteBuffer frame = VxlanVectors.frame("zeek-vxlan-triple-v2.pcap", 1);
        int at = VxlanVectors.UDP_PAYLOAD;
        for (int vni = 1; vni <= 3; vni++) {
            VxlanHeader h = VxlanDecoder.decode(frame, at, frame.limit()).header();
            assertThat(h).isEqualTo(new VxlanHeader(0x0c00, 3, vni, 0));
            assertThat(h.reservedFlags()).isEqualTo(0x0400);
            at += 8 + 14 + 20 + 8;
        }
    }

    @Test
    void shouldKeepAHeaderWhoseIFlagIsClearAndSayItsVniIsNotValid() {
        // RFC 7348 §5: I must be 1 "for a valid VNI"; tshark decodes such a header, Linux drops it.
        VxlanHeader h = VxlanDecoder.decode(VxlanVectors.buffer("0000000000006400")).header();
        assertThat(h.vniValid()).isFalse();
        assertThat(h.vni()).isEqualTo(100);
        assertThat(VxlanPolicy.RFC_7348.accepts(h)).isFalse();
    }

    @Test
    void shouldRejectEveryShortHeaderAsTruncatedAtTheFlags() {
        byte[] b = VxlanVectors.bytes(VxlanVectors.RFC_7348);
        for (int n = 0; n < 8; n++) {
            int available = n;
            assertThatThrownBy(() -> VxlanDecoder.decode(ByteBuffer.wrap(Arrays.copyOf(b, available))))
                    .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                        assertThat(e.protocol()).isEqualTo("vxlan");
                        assertThat(e.field()).isEqualTo("Flags");
                        assertThat(e.offset()).isZero();
                        assertThat(e.required()).isEqualTo(8);
                        assertThat(e.available()).isEqualTo(available);
                    });
        }
    }

    @Test
    void shouldDecodeAtAnIndexWithinALimitAndCountOffsetsFromTheIndex() {
        ByteBuffer b = VxlanVectors.buffer("ffff" + VxlanVectors.RFC_7348 + "0102" + "eeee");
        Decoded<VxlanHeader> d = VxlanDecoder.decode(b, 2, 12);
        assertThat(d.header().vni()).isEqualTo(0x123456);
        assertThat(d.payloadIndex()).isEqualTo(10);
        assertThat(d.payloadLength()).isEqualTo(2);
        assertThat(VxlanDecoder.checked(b, 2, 12)).isEqualTo(8L << 32 | 2);
        assertThatThrownBy(() -> VxlanDecoder.decode(b, 2, 9)).isInstanceOfSatisfying(MalformedPacketException.class,
                e -> assertThat(e.available()).isEqualTo(7));
        assertThatThrownBy(() -> VxlanDecoder.decode(b, 2, b.limit() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> VxlanDecoder.decode(b, -1, 8)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldPeekAtTheFieldsOfPcapPlusPlusVxlan1() {
        ByteBuffer frame = VxlanVectors.frame("pcpp-Vxlan1.pcap", 1);
        int at = VxlanVectors.UDP_PAYLOAD;
        assertThat(VxlanDecoder.flags(frame, at)).isEqualTo(0x8848);
        assertThat(VxlanDecoder.groupPolicyId(frame, at)).isEqualTo(100);
        assertThat(VxlanDecoder.vni(frame, at)).isEqualTo(3_000_001);
    }

    @Test
    void shouldPeekWithDecodesErrorWhenTheFieldRunsPastTheLimit() {
        ByteBuffer b = VxlanVectors.buffer(VxlanVectors.RFC_7348).limit(5);
        assertThat(VxlanDecoder.flags(b, 0)).isEqualTo(0x0800);
        assertThat(VxlanDecoder.groupPolicyId(b, 0)).isZero();
        assertThatThrownBy(() -> VxlanDecoder.vni(b, 0)).isInstanceOfSatisfying(MalformedPacketException.class, e ->
                assertThat(e.getMessage()).isEqualTo("vxlan Flags truncated at offset 0: 5 bytes available (expected: 8)"));
        assertThatThrownBy(() -> VxlanDecoder.vni(b, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> VxlanDecoder.flags(b, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
