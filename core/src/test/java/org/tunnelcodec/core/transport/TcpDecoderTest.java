package org.tunnelcodec.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.core.Rejections.assertInvalid;
import static org.tunnelcodec.core.Rejections.assertTruncated;
import static org.tunnelcodec.core.Rejections.hex;
import static org.tunnelcodec.core.Rejections.prefix;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/** The receiver checks of {@link TcpDecoder} (RFC 9293 §3.1), each with its exact exception. */
class TcpDecoderTest {
    /**
     * A SYN laid out as Linux sends it: Data Offset 10, window 64240, options MSS 1460, SACK
     * permitted, Timestamps, NOP, Window Scale 7 (RFC 9293 §3.2, RFC 2018, RFC 7323).
     */
    private static final String SYN = "c2a20050" + "6c2f5a31" + "00000000" + "a002faf0" + "fe300000"
            + "020405b4" + "0402080a" + "0d8b3a6e" + "00000000" + "01030307";

    @Test
    void shouldDecodeTheVectorUsedBelow() {
        TcpHeader h = TcpDecoder.decode(hex(SYN)).header();
        assertThat(h.headerLength()).isEqualTo(40);
        assertThat(h.flags().bits()).isEqualTo(0x02);
    }

    @Test
    void shouldRejectDataOffsetBelow5() {
        for (int dataOffset = 0; dataOffset < 5; dataOffset++) {
            ByteBuffer b = hex(SYN.substring(0, 24) + Integer.toHexString(dataOffset) + SYN.substring(25));
            assertInvalid(() -> TcpDecoder.decode(b), "tcp", "Data Offset", 12, Reason.BAD_LENGTH, dataOffset,
                    "at least 5");
        }
    }

    @Test
    void shouldRejectOptionsPastTheBytes() {
        for (int length = 20; length < 40; length++) {
            ByteBuffer b = prefix(SYN, length);
            assertTruncated(() -> TcpDecoder.decode(b), "tcp", "Options", 20, 20, length - 20, null);
        }
    }

    @Test
    void shouldRejectAFixedHeaderCutShortAtEveryPrefixLength() {
        for (int length = 0; length < 20; length++) {
            ByteBuffer b = prefix(SYN, length);
            assertTruncated(() -> TcpDecoder.decode(b), "tcp", "Source Port", 0, 20, length, null);
        }
    }
}
