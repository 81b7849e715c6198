package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tunnelcodec.core.Ipv6Address;

/**
 * Push then decapsulate with {@link Mip6Tunnel}: for random inner IPv4 and IPv6 packets (some
 * of them tunnelled already, with an encapsulation limit of their own) and random tunnel
 * settings, the other end finds the inner packet where it was, unchanged; the outer header
 * says 41 or 4 (or 60 before the limit header), carries the Payload Length and the limit RFC
 * 2473 §4.1.1 gives (the inner one minus 1, else the tunnel's own), and a packet whose own limit
 * is 0 is refused with nothing written. Arbitrary octets never make decapsulation throw.
 */
class Mip6TunnelPropertyTest {

    @Provide
    Arbitrary<byte[]> innerPackets() {
        return Arbitraries.integers().between(0, 2).flatMap(kind -> Arbitraries.integers().between(0, 255)
                .flatMap(limit -> Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(p -> packet(kind, limit, p))));
    }

    private static byte[] packet(int kind, int limit, byte[] payload) {
        if (kind == 0) {
            ByteBuffer b = ByteBuffer.allocate(20 + payload.length).put(20, payload);
            return b.putShort(0, (short) 0x4500).putShort(2, (short) b.capacity()).put(9, (byte) 17).array();
        }
        if (kind == 1) {
            ByteBuffer b = ByteBuffer.allocate(40 + payload.length).put(40, payload);
            return b.putInt(0, 0x6000_0000).putShort(4, (short) payload.length).put(6, (byte) 59).put(7, (byte) 9).array();
        }
        ByteBuffer b = ByteBuffer.allocate(48 + 40 + payload.length).put(88, payload); // tunnelled, with a limit
        b.putInt(0, 0x6000_0000).putShort(4, (short) (48 + payload.length)).put(6, (byte) 60).put(7, (byte) 64);
        b.putLong(40, 0x2900_0401_0001_0100L | (long) limit << 24);
        b.putInt(48, 0x6000_0000).putShort(52, (short) payload.length).put(54, (byte) 59).put(55, (byte) 1);
        return b.array();
    }

    @Property(tries = 300)
    void shouldDecapsulateWhatItPushes(@ForAll("innerPackets") byte[] packet, @ForAll long a, @ForAll long b,
                                       @ForAll @IntRange(min = -1, max = 255) int ownLimit, @ForAll boolean hashLabel) {
        Ipv6Address local = Ipv6Address.of(a, 1);
        Ipv6Address remote = Ipv6Address.of(b, 2);
        Mip6Tunnel.Builder builder = Mip6Tunnel.builder(local, remote).encapsulationLimit(ownLimit);
        Mip6Tunnel tunnel = (hashLabel ? builder.flowLabelFromFlowHash() : builder).build();
        ByteBuffer buf = ByteBuffer.allocate(64 + packet.length).put(64, packet);
        int innerLimit = Mip6Tunnel.innerEncapsulationLimitIndex(buf, 64, buf.limit());
        int pushed = tunnel.push(buf, 64, buf.limit());
        if (innerLimit >= 0 && packet[innerLimit - 64] == 0) {
            assertThat(pushed).isEqualTo(Mip6Tunnel.LIMIT_EXCEEDED);
            assertThat(buf.array()).startsWith(new byte[64]);
            return;
        }
        int expectedLimit = innerLimit >= 0 ? (packet[innerLimit - 64] & 0xFF) - 1 : ownLimit;
        assertThat(pushed).isEqualTo(64 - (expectedLimit < 0 ? 40 : 48));
        assertThat(buf.getShort(pushed + 4) & 0xFFFF).isEqualTo(buf.limit() - pushed - 40);
        int next = (packet[0] & 0xF0) == 0x40 ? 4 : 41;
        if (expectedLimit < 0) {
            assertThat(buf.get(pushed + 6)).isEqualTo((byte) next);
        } else {
            assertThat(buf.get(pushed + 6)).isEqualTo((byte) 60);
            assertThat(buf.get(pushed + 40)).isEqualTo((byte) next);
            assertThat(Mip6Tunnel.innerEncapsulationLimitIndex(buf, pushed, buf.limit())).isEqualTo(pushed + 44);
            assertThat(buf.get(pushed + 44) & 0xFF).isEqualTo(expectedLimit);
        }
        assertThat(Mip6Tunnel.builder(remote, local).build().decapsulate(buf, pushed, buf.limit())).isEqualTo(64);
        byte[] after = new byte[packet.length];
        buf.get(64, after);
        assertThat(after).isEqualTo(packet);
    }

    @Property(tries = 500)
    void shouldNeverThrowOnArbitraryOctets(@ForAll byte[] octets) {
        ByteBuffer b = ByteBuffer.wrap(octets);
        Mip6Tunnel tunnel = Mip6Tunnel.builder(Mip6Vectors.HA, Mip6Vectors.COA).build();
        assertThat(tunnel.decapsulate(b, 0, octets.length)).isBetween(-1, octets.length);
        assertThat(Mip6Tunnel.innerEncapsulationLimitIndex(b, 0, octets.length)).isBetween(-1, octets.length - 1);
    }
}
