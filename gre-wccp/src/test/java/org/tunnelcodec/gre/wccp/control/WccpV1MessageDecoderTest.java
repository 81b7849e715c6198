package org.tunnelcodec.gre.wccp.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * {@link WccpV1MessageDecoder} and {@link WccpV1MessageEncoder}: the layouts of [V1] "Format of
 * Protocol Packets", hex written out by hand.
 */
class WccpV1MessageDecoderTest {
    private static final HexFormat HEX = HexFormat.of();

    private static MalformedPacketException malformed(String hex) {
        try {
            WccpV1MessageDecoder.decode(ByteBuffer.wrap(HEX.parseHex(hex)));
        } catch (MalformedPacketException e) {
            return e;
        }
        throw new AssertionError("expected MalformedPacketException");
    }

    @Test
    void shouldDecodeAnAssignBucketWhichHasNoVersionWord() {
        String hex = "00000009" + "00000005" + "00000002" + "c000020a" + "c000020b" + "00ff8101" + "00".repeat(252);
        Decoded<WccpV1Message> d = WccpV1MessageDecoder.decode(ByteBuffer.wrap(HEX.parseHex(hex + "abcd")));
        WccpV1Message.AssignBucket a = (WccpV1Message.AssignBucket) d.header();
        assertThat(a.receivedId()).isEqualTo(5);
        assertThat(a.webCaches()).containsExactly(Ipv4Address.parse("192.0.2.10"), Ipv4Address.parse("192.0.2.11"));
        assertThat(a.bucketOctet(1)).isEqualTo(0xFF);
        assertThat(a.bucketOctet(2)).isEqualTo(0x81);
        assertThat(d.headerLength()).isEqualTo(12 + 8 + 256);
        // no Length field: what follows the layout is the payload
        assertThat(d.payloadLength()).isEqualTo(2);
        byte[] out = new byte[WccpV1MessageEncoder.encodedLength(a)];
        WccpV1MessageEncoder.encode(a, ByteBuffer.wrap(out));
        assertThat(HEX.formatHex(out)).isEqualTo(hex);
    }

    @Test
    void shouldRejectACountOf2To31AsTruncatedAndACountAbove32AsLimitExceeded() {
        MalformedPacketException huge = malformed("00000008" + "00000004" + "00000001" + "00000001" + "80000000");
        assertThat(huge.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(huge.required()).isEqualTo(0x8000_0000L * 44);
        String entry = "c000020a" + "00000000" + "00".repeat(32) + "00000000";
        MalformedPacketException many = malformed("00000008" + "00000004" + "00000001" + "00000001" + "00000021"
                + entry.repeat(33));
        assertThat(many.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(malformed("00000009" + "00000001" + "ffffffff").reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(malformed("00000009" + "00000001" + "00000021" + "00".repeat(33 * 4 + 256)).reason())
                .isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    @Test
    void shouldRejectOtherVersionsAndTypes() {
        assertThat(malformed("00000007" + "00000005" + "00".repeat(44)).reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        MalformedPacketException v2 = malformed(WccpSpecVectorGoldenTest.W4);
        assertThat(v2.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(v2.field()).isEqualTo("Type");
        assertThat(malformed("00000063" + "00".repeat(60)).reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(malformed("000000").reason()).isEqualTo(Reason.TRUNCATED);
    }

    @Test
    void shouldKeepTheUWordRawBecauseItsBitIsUnsettled() {
        String hex = "00000007" + "00000004" + "00000000" + "00".repeat(32) + "00010000" + "00000003";
        WccpV1Message.HereIAm h = (WccpV1Message.HereIAm) WccpV1MessageDecoder.decode(ByteBuffer.wrap(HEX.parseHex(hex))).header();
        assertThat(h.flags()).isEqualTo(WccpV1Message.U_AS_WIRESHARK);
        assertThat(h.receivedId()).isEqualTo(3);
    }
}
