package org.tunnelcodec.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.transport.UdpDecoder;

class PeekTest {
    // IPv4 192.0.2.1 > 198.51.100.2, protocol UDP, then UDP 40000 > 4789 (RFC 791, RFC 768 layouts).
    private static final byte[] PACKET = HexFormat.of().parseHex(
            "4500001c00000000401100000c0000201c6336402".substring(0, 40) + "9c4012b500080000");

    @Test
    void shouldPeekFieldsWithoutDecoding() {
        ByteBuffer b = ByteBuffer.wrap(PACKET);
        assertThat(Ipv4Decoder.version(b, 0)).isEqualTo(4);
        assertThat(Ipv4Decoder.protocol(b, 0)).isEqualTo(17);
        assertThat(Ipv4Decoder.totalLength(b, 0)).isEqualTo(28);
        assertThat(UdpDecoder.destinationPort(b, 20)).isEqualTo(4789);
    }

    @Test
    void shouldReportAFieldPastTheLimitAsTruncated() {
        ByteBuffer cut = ByteBuffer.wrap(PACKET, 0, 9);
        assertThatThrownBy(() -> Ipv4Decoder.protocol(cut, 0)).isInstanceOfSatisfying(MalformedPacketException.class, e -> {
            assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
            assertThat(e.field()).isEqualTo("Protocol");
            assertThat(e.required()).isEqualTo(10);
            assertThat(e.available()).isEqualTo(9);
        });
        ByteBuffer udpCut = ByteBuffer.wrap(PACKET).limit(23);
        assertThatThrownBy(() -> UdpDecoder.destinationPort(udpCut, 20)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void shouldReportAnIndexOutsideTheBufferAsTheCallersMistake() {
        ByteBuffer b = ByteBuffer.wrap(PACKET);
        assertThatThrownBy(() -> Ipv4Decoder.protocol(b, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Ipv4Decoder.protocol(b, 100)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
