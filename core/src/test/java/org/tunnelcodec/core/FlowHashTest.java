package org.tunnelcodec.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FlowHashTest {
    // IPv4 192.0.2.1 > 198.51.100.2, UDP 40000 > 4789 (layout per RFC 791 and RFC 768).
    private static final String UDP4 = "4500001c000000004011000" + "0c0000201c6336402" + "9c4012b500080000";

    @Test
    void shouldGiveTheSamePortForTheSamePacketAndAPortInTheEphemeralRange() {
        ByteBuffer a = ByteBuffer.wrap(HexFormat.of().parseHex(UDP4));
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(UDP4)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int hash = FlowHash.ofIpPacket(a, 0, a.limit());
        assertThat(FlowHash.ofIpPacket(b, 0, b.limit())).isEqualTo(hash);
        assertThat(FlowHash.sourcePort(hash)).isBetween(49152, 65535);
    }

    @Test
    void shouldSpreadFlowsThatDifferOnlyInTheSourcePort() {
        byte[] packet = HexFormat.of().parseHex(UDP4);
        Set<Integer> ports = new HashSet<>();
        for (int sport = 0; sport < 1000; sport++) {
            packet[20] = (byte) (sport >>> 8);
            packet[21] = (byte) sport;
            ports.add(FlowHash.sourcePort(FlowHash.ofIpPacket(ByteBuffer.wrap(packet), 0, packet.length)));
        }
        assertThat(ports.size()).isGreaterThan(950); // 1000 flows into 16384 ports: few collisions
    }

    @Test
    void shouldIgnoreTheFramingAroundTheSameIpPacket() {
        byte[] ip = HexFormat.of().parseHex(UDP4);
        byte[] frame = new byte[14 + ip.length];
        frame[12] = 0x08;
        System.arraycopy(ip, 0, frame, 14, ip.length);
        assertThat(FlowHash.ofEthernetFrame(ByteBuffer.wrap(frame), 0, frame.length))
                .isEqualTo(FlowHash.ofIpPacket(ByteBuffer.wrap(ip), 0, ip.length));
    }

    @Property
    void shouldNeverThrowForAnyBytes(@ForAll @Size(max = 100) byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        FlowHash.ofIpPacket(b, 0, bytes.length);
        FlowHash.ofEthernetFrame(b, 0, bytes.length);
        assertThat(b.position()).isZero();
    }

    @Property
    void shouldScaleAHashOntoAnyRangeAsSourcePortDoesOntoPorts(@ForAll int hash) {
        assertThat(FlowHash.scale(hash, 49152, 65535)).isEqualTo(FlowHash.sourcePort(hash));
        assertThat(FlowHash.scale(hash, 16, 0xFFFFF)).isBetween(16, 0xFFFFF);
        assertThat(FlowHash.scale(hash, 7, 7)).isEqualTo(7);
        assertThat(FlowHash.scale(hash, 0, Integer.MAX_VALUE)).isEqualTo((int) ((hash & 0xFFFF_FFFFL) >>> 1));
    }

    @Test
    void shouldRefuseAnEmptyOrNegativeRange() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlowHash.scale(1, 5, 4))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("range: 5..4 (expected: 0 <= min <= max)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlowHash.scale(1, -1, 4))
                .isExactlyInstanceOf(IllegalArgumentException.class);
    }
}
