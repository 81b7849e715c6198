package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.EtherType;

/**
 * Geneve encoding: the figures' bytes, Opt Len and Length derived from the options, C set by the
 * builder exactly when an option is critical (RFC 8926 §3.5), and the bounds on options.
 */
class GeneveEncoderTest {
    private static byte[] encode(GeneveHeader h) {
        byte[] b = new byte[GeneveEncoder.encodedLength(h)];
        assertThat(GeneveEncoder.encode(h, ByteBuffer.wrap(b))).isEqualTo(b.length);
        return b;
    }

    @Test
    void shouldEncodeTheRfc8926Figures() {
        GeneveHeader h = GeneveHeader.of(EtherType.TRANSPARENT_ETHERNET_BRIDGING, 0x123456, List.of(
                GeneveOption.of(0x0102, 0x80, ByteString.fromHex("00010002")),
                new GeneveOption(0xfff0, 0x01, 5, ByteString.EMPTY)));
        assertThat(h.criticalOptionsPresent()).isTrue();
        assertThat(encode(h)).isEqualTo(VxlanVectors.bytes(VxlanVectors.GENEVE));
    }

    @Test
    void shouldEncodeFrameOneOfGenevePcapAsItIsOnTheWire() {
        GeneveHeader h = GeneveHeader.of(EtherType.TRANSPARENT_ETHERNET_BRIDGING, 0x0a,
                List.of(GeneveOption.of(0, 0x80, ByteString.fromHex("0000000c"))));
        byte[] wire = new byte[16];
        VxlanVectors.frame("geneve.pcap", 1).get(VxlanVectors.UDP_PAYLOAD, wire);
        assertThat(encode(h)).isEqualTo(wire);
    }

    @Test
    void shouldLeaveCClearWhenNoOptionIsCritical() {
        GeneveHeader h = GeneveHeader.of(EtherType.IPV4, 7, List.of(GeneveOption.of(0x0132, 0x01, ByteString.fromHex("800000d1"))));
        assertThat(h.criticalOptionsPresent()).isFalse();
        assertThat(encode(h)).isEqualTo(VxlanVectors.bytes("0200" + "0800" + "00000700" + "01320101" + "800000d1"));
        assertThat(encode(GeneveHeader.of(EtherType.IPV6, 1))).isEqualTo(VxlanVectors.bytes("000086dd00000100"));
    }

    @Test
    void shouldWriteEveryBitOfTheFixedPartAsTheRecordHoldsIt() {
        GeneveHeader h = new GeneveHeader(true, true, 0x3f, EtherType.of(0xffff), 0xffffff, 0xff,
                List.of(new GeneveOption(0xffff, 0xff, 7, ByteString.fromHex("ffffffff"))));
        assertThat(encode(h)).isEqualTo(VxlanVectors.bytes("02ffffffffffffff" + "ffffffe1" + "ffffffff"));
    }

    @Test
    void shouldRefuseOptionsThatDoNotFit() {
        GeneveOption max = GeneveOption.of(1, 1, ByteString.of(new byte[124]));
        assertThat(max.length()).isEqualTo(31);
        assertThat(encode(GeneveHeader.of(EtherType.IPV4, 0, List.of(max, GeneveOption.of(2, 2, ByteString.of(new byte[120])))))
                [0]).isEqualTo((byte) 63);
        assertThatThrownBy(() -> GeneveHeader.of(EtherType.IPV4, 0, List.of(max, max)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("optionsLength(): 256 (expected: 0..252)");
        assertThatThrownBy(() -> GeneveHeader.of(EtherType.IPV4, 0,
                Collections.nCopies(64, GeneveOption.of(0, 0, ByteString.EMPTY))))
                .hasMessage("optionsLength(): 256 (expected: 0..252)");
        assertThatThrownBy(() -> GeneveOption.of(0, 0, ByteString.of(new byte[128])))
                .hasMessage("data.length(): 128 (expected: 0..124)");
        assertThatThrownBy(() -> GeneveOption.of(0, 0, ByteString.of(new byte[5])))
                .hasMessage("data.length(): 5 (expected: a multiple of 4)");
        assertThatThrownBy(() -> new GeneveOption(0, 0, 8, ByteString.EMPTY)).hasMessage("reserved: 8 (expected: 0..7)");
        assertThatThrownBy(() -> new GeneveOption(0x10000, 0, 0, ByteString.EMPTY))
                .hasMessage("optionClass: 65536 (expected: 0..65535)");
        assertThatThrownBy(() -> new GeneveHeader(false, false, 64, EtherType.IPV4, 0, 0, List.of()))
                .hasMessage("reservedFlags: 64 (expected: 0..63)");
    }

    @Test
    void shouldRefuseASmallDestinationBeforeWritingAByte() {
        GeneveHeader h = GeneveDecoder.decode(VxlanVectors.buffer(VxlanVectors.GENEVE)).header();
        ByteBuffer small = ByteBuffer.allocate(19);
        assertThatThrownBy(() -> GeneveEncoder.encode(h, small)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dst.remaining(): 19 (expected: >= 20)");
        assertThat(small.array()).containsOnly(0);
    }
}
