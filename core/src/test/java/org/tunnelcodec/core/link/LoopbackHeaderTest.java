package org.tunnelcodec.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.EtherType;

class LoopbackHeaderTest {
    private static LoopbackHeader decode(String hex) {
        return LoopbackDecoder.decode(ByteBuffer.wrap(HexFormat.of().parseHex(hex))).header();
    }

    private static String encode(LoopbackHeader h) {
        ByteBuffer b = ByteBuffer.allocate(4);
        LoopbackEncoder.encode(h, b);
        return HexFormat.of().formatHex(b.array());
    }

    @Test
    void shouldHoldTheFamilyOfALittleEndianNullHeaderNotTheRawWord() {
        // LINKTYPE_NULL from a little-endian host: AF_INET 2 as 02 00 00 00 (tshark: null.family 2).
        LoopbackHeader h = decode("02000000");
        assertThat(h.family()).isEqualTo(2);
        assertThat(h.littleEndian()).isTrue();
        assertThat(h.payloadType()).isEqualTo(EtherType.IPV4);
        assertThat(encode(h)).isEqualTo("02000000");
    }

    @Test
    void shouldHoldTheFamilyOfANetworkOrderLoopHeader() {
        // LINKTYPE_LOOP: network byte order; AF_INET6 of macOS is 30.
        LoopbackHeader h = decode("0000001e");
        assertThat(h).isEqualTo(new LoopbackHeader(30, false));
        assertThat(h.payloadType()).isEqualTo(EtherType.IPV6);
        assertThat(encode(h)).isEqualTo("0000001e");
    }

    @Test
    void shouldReencodeEveryWordByteForByte() {
        for (int word : new int[] {0, 1, 0xFFFF, 0x10000, 0x02000002, -1, 0x80000000}) {
            ByteBuffer b = ByteBuffer.allocate(4).putInt(0, word);
            LoopbackHeader h = LoopbackDecoder.decode(b).header();
            assertThat(h.wireValue()).as(Integer.toHexString(word)).isEqualTo(word);
        }
    }

    @Test
    void shouldRejectAFamilyThatWouldReadBackInTheOtherByteOrder() {
        assertThatThrownBy(() -> new LoopbackHeader(0x10000, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoopbackHeader(0x20000, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
