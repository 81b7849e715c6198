package org.example.tunnels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.gre.GreEncoder;
import org.tunnelcodec.gre.GreHeader;
import org.tunnelcodec.testdata.Captures;

class TunnelSummaryTest {
    @Test
    void shouldReadTheKeyOfAGreHeaderItEncoded() {
        GreHeader header = GreHeader.of(EtherType.IPV4, false, 0x1234_5678L, GreHeader.ABSENT);
        ByteBuffer packet = ByteBuffer.allocate(GreEncoder.encodedLength(header) + 20);
        GreEncoder.encode(header, packet);
        assertThat(TunnelSummary.greKey(packet)).isEqualTo(0x1234_5678L);
        assertThat(TunnelSummary.greKey(packet.duplicate().limit(8).position(0))).isEqualTo(0x1234_5678L);
    }

    @Test
    void shouldRefuseATruncatedGreHeader() {
        assertThatThrownBy(() -> TunnelSummary.greKey(ByteBuffer.wrap(new byte[] {0x20, 0x00})))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void shouldFindTheGreLayersOfTheTestKitsGreCapture() {
        CaptureFile capture = Captures.generated("gre-variants.pcap");
        int withGre = 0;
        for (CapturedFrame frame : capture.frames()) {
            var layers = TunnelSummary.layers(capture.linkType(), frame.data());
            assertThat(layers).first().isEqualTo("ethernet");
            if (layers.contains("gre")) {
                withGre++;
                assertThat(layers.get(layers.indexOf("gre") - 1)).isIn("ipv4", "ipv6", "udp");
            }
        }
        assertThat(withGre).isGreaterThan(capture.frames().size() / 2);
    }
}
