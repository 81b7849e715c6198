package org.tunnelcodec.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.core.Rejections.assertTruncated;
import static org.tunnelcodec.core.Rejections.hex;
import static org.tunnelcodec.core.Rejections.prefix;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.EtherType;

/**
 * The capture pseudo-headers: {@link LinuxSllDecoder}, {@link LinuxSll2Decoder},
 * {@link LoopbackDecoder}. Their only error is a header cut short; any value of any field is
 * kept, as libpcap writes it (pcap-linktype(7), the LINKTYPE_LINUX_SLL, LINKTYPE_LINUX_SLL2 and
 * LINKTYPE_NULL descriptions), so that it encodes back byte for byte.
 */
class CaptureHeaderDecoderTest {
    /** SLL: packet type 0 (to us), ARPHRD_ETHER, address length 6, the MAC padded to 8, IPv4. */
    private static final String SLL = "0000" + "0001" + "0006" + "00163e1234560000" + "0800";
    /** SLL2: IPv4, reserved 0, interface index 2, ARPHRD_ETHER, to us, address length 6, the MAC. */
    private static final String SLL2 = "0800" + "0000" + "00000002" + "0001" + "00" + "06" + "00163e1234560000";
    /** NULL from a little-endian host: AF_INET (2). */
    private static final String NULL = "02000000";

    @Test
    void shouldRejectALinuxSllHeaderCutShortAtEveryPrefixLength() {
        for (int length = 0; length < 16; length++) {
            ByteBuffer b = prefix(SLL, length);
            assertTruncated(() -> LinuxSllDecoder.decode(b), "linux-sll", "Packet Type", 0, 16, length, null);
        }
        assertThat(LinuxSllDecoder.decode(hex(SLL)).header().protocol()).isEqualTo(EtherType.IPV4);
    }

    @Test
    void shouldRejectALinuxSll2HeaderCutShortAtEveryPrefixLength() {
        for (int length = 0; length < 20; length++) {
            ByteBuffer b = prefix(SLL2, length);
            assertTruncated(() -> LinuxSll2Decoder.decode(b), "linux-sll2", "Protocol Type", 0, 20, length, null);
        }
        assertThat(LinuxSll2Decoder.decode(hex(SLL2)).header().interfaceIndex()).isEqualTo(2);
    }

    @Test
    void shouldRejectALoopbackHeaderCutShortAtEveryPrefixLength() {
        for (int length = 0; length < 4; length++) {
            ByteBuffer b = prefix(NULL, length);
            assertTruncated(() -> LoopbackDecoder.decode(b), "loopback", "Family", 0, 4, length, null);
        }
    }

    @Test
    void shouldCountTruncationFromTheIndexOfAnIndexBasedDecode() {
        ByteBuffer b = hex("ffffff" + SLL2);
        assertTruncated(() -> LinuxSll2Decoder.decode(b, 3, 13), "linux-sll2", "Protocol Type", 0, 20, 10, null);
        assertTruncated(() -> LinuxSllDecoder.decode(b, 3, 18), "linux-sll", "Packet Type", 0, 16, 15, null);
        assertTruncated(() -> LoopbackDecoder.decode(b, 3, 6), "loopback", "Family", 0, 4, 3, null);
    }

    @Test
    void shouldKeepValuesNoKernelWritesAndEncodeThemBack() {
        // Packet type 7, an unknown ARPHRD, an address length past the 8-byte field, EtherType 0.
        String sll = "0007" + "fffe" + "ffff" + "0102030405060708" + "0000";
        LinuxSllHeader h = LinuxSllDecoder.decode(hex(sll)).header();
        assertThat(h.packetType()).isEqualTo(7);
        assertThat(h.addressLength()).isEqualTo(0xFFFF);
        ByteBuffer sllOut = ByteBuffer.allocate(LinuxSllEncoder.encodedLength(h));
        assertThat(LinuxSllEncoder.encode(h, sllOut)).isEqualTo(16);
        assertThat(HexFormat.of().formatHex(sllOut.array())).isEqualTo(sll);
        // SLL2 with a non-zero Reserved field and the largest interface index.
        String sll2 = "86dd" + "abcd" + "ffffffff" + "ffff" + "ff" + "ff" + "0102030405060708";
        LinuxSll2Header h2 = LinuxSll2Decoder.decode(hex(sll2)).header();
        assertThat(h2.reserved()).isEqualTo(0xABCD);
        assertThat(h2.interfaceIndex()).isEqualTo(0xFFFF_FFFFL);
        ByteBuffer out = ByteBuffer.allocate(LinuxSll2Encoder.encodedLength(h2));
        assertThat(LinuxSll2Encoder.encode(h2, out)).isEqualTo(20);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(sll2);
        // A loopback family no system uses, in either byte order.
        for (String word : new String[] {"0000ffff", "ffff0000", "12345678"}) {
            LoopbackHeader l = LoopbackDecoder.decode(hex(word)).header();
            ByteBuffer w = ByteBuffer.allocate(LoopbackEncoder.encodedLength(l));
            LoopbackEncoder.encode(l, w);
            assertThat(HexFormat.of().formatHex(w.array())).as(word).isEqualTo(word);
            assertThat(l.payloadType()).isNull();
        }
    }
}
