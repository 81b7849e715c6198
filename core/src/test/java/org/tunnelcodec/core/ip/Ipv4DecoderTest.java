package org.tunnelcodec.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.core.Rejections.assertInvalid;
import static org.tunnelcodec.core.Rejections.assertTruncated;
import static org.tunnelcodec.core.Rejections.hex;
import static org.tunnelcodec.core.Rejections.prefix;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/** The receiver checks of {@link Ipv4Decoder} (RFC 791 §3.1), each with its exact exception. */
class Ipv4DecoderTest {
    /**
     * The IPv4 header of the header-checksum example widely reproduced from RFC 1071's method
     * (192.168.0.1 > 192.168.0.199, UDP, Total Length 115, checksum 0xb861), then its 95
     * payload bytes.
     */
    private static final String HEADER = "450000730000400040" + "11b861c0a80001c0a800c7";
    private static final String PACKET = HEADER + "00".repeat(95);

    /**
     * An IGMPv2 Membership Report for 224.0.0.251 as hosts send it (RFC 2236 §2, RFC 2113
     * Router Alert option, so IHL 6): TTL 1, Total Length 32.
     */
    private static final String IGMP = "46c00020000040000102" + "4358c0a80001e0000016" + "94040000" + "16000904e00000fb";

    private static String withByte(String hex, int index, int value) {
        return hex.substring(0, 2 * index) + String.format("%02x", value) + hex.substring(2 * index + 2);
    }

    @Test
    void shouldDecodeTheVectorsUsedBelow() {
        assertThat(Ipv4Decoder.decode(hex(PACKET)).header().totalLength()).isEqualTo(115);
        assertThat(Ipv4Decoder.verifyChecksum(hex(PACKET), 0)).isTrue();
        assertThat(Ipv4Decoder.decode(hex(IGMP)).header().options()).isEqualTo(ByteString.fromHex("94040000"));
        assertThat(Ipv4Decoder.verifyChecksum(hex(IGMP), 0)).isTrue();
    }

    @Test
    void shouldRejectIhlBelow5() {
        for (int ihl = 0; ihl < 5; ihl++) {
            ByteBuffer b = hex(withByte(PACKET, 0, 0x40 | ihl));
            assertInvalid(() -> Ipv4Decoder.decode(b), "ipv4", "IHL", 0, Reason.BAD_LENGTH, ihl, "at least 5");
        }
    }

    @Test
    void shouldRejectAVersionOtherThan4() {
        ByteBuffer b = hex(withByte(PACKET, 0, 0x65));
        assertInvalid(() -> Ipv4Decoder.decode(b), "ipv4", "Version", 0, Reason.UNSUPPORTED_VERSION, 6, "4");
    }

    @Test
    void shouldRejectTotalLengthBelowTheHeaderLength() {
        ByteBuffer b = hex(withByte(PACKET, 3, 19));
        assertInvalid(() -> Ipv4Decoder.decode(b), "ipv4", "Total Length", 2, Reason.BAD_LENGTH, 19,
                "at least the header length, 20");
        ByteBuffer igmp = hex(withByte(IGMP, 3, 20)); // 20 < IHL 6 * 4
        assertInvalid(() -> Ipv4Decoder.decode(igmp), "ipv4", "Total Length", 2, Reason.BAD_LENGTH, 20,
                "at least the header length, 24");
    }

    @Test
    void shouldRejectTotalLengthBeyondTheBytes() {
        ByteBuffer b = prefix(PACKET, 100);
        assertTruncated(() -> Ipv4Decoder.decode(b), "ipv4", "Total Length", 0, 115, 100, null);
    }

    @Test
    void shouldRejectOptionsThatIhlAnnouncesPastTheBytes() {
        for (int length = 20; length < 24; length++) {
            ByteBuffer b = prefix(IGMP, length);
            assertTruncated(() -> Ipv4Decoder.decode(b), "ipv4", "Options", 20, 4, length - 20, null);
        }
    }

    @Test
    void shouldRejectAHeaderCutShortAtEveryPrefixLength() {
        for (int length = 0; length < 20; length++) {
            ByteBuffer b = prefix(PACKET, length);
            assertTruncated(() -> Ipv4Decoder.decode(b), "ipv4", "Version", 0, 20, length, null);
        }
    }

    @Test
    void shouldCountOffsetsFromTheIndexOfAnIndexBasedDecode() {
        ByteBuffer b = hex("ffff" + withByte(PACKET, 0, 0x44));
        assertInvalid(() -> Ipv4Decoder.decode(b, 2, b.limit()), "ipv4", "IHL", 0, Reason.BAD_LENGTH, 4,
                "at least 5");
        assertTruncated(() -> Ipv4Decoder.decode(hex("ffff" + PACKET), 2, 102), "ipv4", "Total Length", 0, 115,
                100, null);
    }
}
