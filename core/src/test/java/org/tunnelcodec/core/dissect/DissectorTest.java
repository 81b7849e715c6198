package org.tunnelcodec.core.dissect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException;

class DissectorTest {
    private static final Dissector CORE = Dissector.builder().add(CoreLayers.bindings()).build();

    /** {@code depth} IPv4 headers nested by protocol 4 (RFC 2003), around an empty UDP datagram. */
    private static ByteBuffer nestedIpInIp(int depth) {
        int total = depth * 20 + 8;
        ByteBuffer b = ByteBuffer.allocate(total);
        for (int i = 0; i < depth; i++) {
            int at = i * 20;
            int length = total - at;
            b.put(at, HexFormat.of().parseHex("4500" + String.format("%04x", length) + "000000004004000"
                    + "0c0000201c0000202"));
            if (i == depth - 1) {
                b.put(at + 9, (byte) 17);
            }
        }
        b.put(depth * 20 + 5, (byte) 8);
        return b;
    }

    @Test
    void shouldStopAtTheDepthLimit() {
        Dissection d = CORE.dissect(LinkType.RAW, nestedIpInIp(40));
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.DEPTH_LIMIT);
        assertThat(d.layers()).hasSize(Dissector.DEFAULT_MAX_DEPTH);
        assertThat(d.stopOffset()).isEqualTo(16 * 20);
    }

    @Test
    void shouldWalkNestedTunnelsToTheEnd() {
        Dissection d = CORE.dissect(LinkType.RAW, nestedIpInIp(5));
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv4", "ipv4", "ipv4", "ipv4", "ipv4", "udp");
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.COMPLETE);
    }

    @Test
    void shouldRecordTheFailingLayerWithFrameOffsets() {
        ByteBuffer b = nestedIpInIp(3);
        b.put(40, (byte) 0x35); // the third header claims IHL 5 but version 3
        Dissection d = CORE.dissect(LinkType.RAW, b);
        assertThat(d.layers()).hasSize(2);
        assertThat(d.failedLayer()).isEqualTo("ipv4");
        assertThat(d.error().reason()).isEqualTo(MalformedPacketException.Reason.UNSUPPORTED_VERSION);
        assertThat(d.error().offset()).isEqualTo(40);
        assertThat(d.error().getMessage()).isEqualTo("IPv4 Version UNSUPPORTED_VERSION at offset 40: version 3 (expected: 4)");
    }

    @Test
    void shouldRefuseToBindAKeyTwice() {
        assertThatThrownBy(() -> Dissector.builder().add(CoreLayers.bindings()).add(CoreLayers.bindings()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already bound");
    }

    @Property(tries = 3000)
    void shouldNeverThrowForAnyBytesOnAnyLinkType(@ForAll @Size(max = 200) byte[] bytes,
                                                  @ForAll("linkTypes") int linkType,
                                                  @ForAll @IntRange(max = 3) int offset) {
        ByteBuffer b = ByteBuffer.allocate(bytes.length + offset);
        b.put(offset, bytes).position(offset);
        Dissection d = CORE.dissect(LinkType.of(linkType), b);
        assertThat(b.position()).isEqualTo(offset);
        int end = 0;
        for (DissectedLayer l : d.layers()) {
            assertThat(l.offset()).isGreaterThanOrEqualTo(end);
            end = l.offset() + l.length();
            assertThat(end + l.payloadLength()).isLessThanOrEqualTo(bytes.length);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> linkTypes() {
        return net.jqwik.api.Arbitraries.of(0, 1, 101, 108, 113, 228, 229, 276, 9999);
    }
}
