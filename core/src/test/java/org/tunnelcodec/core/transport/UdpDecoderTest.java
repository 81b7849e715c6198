package org.tunnelcodec.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.core.Rejections.assertInvalid;
import static org.tunnelcodec.core.Rejections.assertTruncated;
import static org.tunnelcodec.core.Rejections.hex;
import static org.tunnelcodec.core.Rejections.prefix;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/** The receiver checks of {@link UdpDecoder} (RFC 768), each with its exact exception. */
class UdpDecoderTest {
    /**
     * A DNS query's UDP header (RFC 768: port 54769 to 53, Length 28, no checksum) and 20 bytes:
     * the 12-byte DNS header of RFC 1035 §4.1.1 and the start of a name.
     */
    private static final String DATAGRAM = "d5f10035001c0000" + "abcd0100000100000000000003777777" + "00000000";

    @Test
    void shouldDecodeTheVectorUsedBelow() {
        UdpHeader h = UdpDecoder.decode(hex(DATAGRAM)).header();
        assertThat(h.destinationPort()).isEqualTo(53);
        assertThat(h.length()).isEqualTo(28);
    }

    @Test
    void shouldRejectLengthBelow8() {
        for (int length = 0; length < 8; length++) {
            ByteBuffer b = hex(DATAGRAM.substring(0, 8) + String.format("%04x", length) + DATAGRAM.substring(12));
            assertInvalid(() -> UdpDecoder.decode(b), "udp", "Length", 4, Reason.BAD_LENGTH, length, "at least 8");
        }
    }

    @Test
    void shouldRejectLengthBeyondTheBytes() {
        for (int length = 8; length < 28; length++) {
            ByteBuffer b = prefix(DATAGRAM, length);
            assertTruncated(() -> UdpDecoder.decode(b), "udp", "Length", 0, 28, length, null);
        }
    }

    @Test
    void shouldRejectAHeaderCutShortAtEveryPrefixLength() {
        for (int length = 0; length < 8; length++) {
            ByteBuffer b = prefix(DATAGRAM, length);
            assertTruncated(() -> UdpDecoder.decode(b), "udp", "Source Port", 0, 8, length, null);
        }
    }

    @Test
    void shouldBoundThePayloadByLengthNotByTheBytes() {
        // Ethernet pads short frames: the 4 bytes after Length are not payload.
        assertThat(UdpDecoder.decode(hex(DATAGRAM + "00000000")).payloadLength()).isEqualTo(20);
    }
}
