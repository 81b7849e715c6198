package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * The data path allocates nothing: after warm-up, {@code MobilityHeaderDecoder.checked} (the
 * whole option walk with the receiver rules), the checksum check over a pseudo-header made
 * beforehand, the pseudo-header's sum read in place from the whole IPv6 packet (the core's walk
 * to the Home Address option and the Type 2 Routing Header), and the static peeks allocate 0
 * bytes per call, as
 * {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes} counts them for the calling
 * thread, on the vectors M1, M2 (with an RFC 6088 traffic selector) and M3; and so do
 * {@code TrafficSelectorDecoder.checked} and the {@code matches} methods of the IPv4 and IPv6
 * binary traffic selectors, with every form of their arguments. Measured with the test kit's
 * {@code AllocationMeter}.
 */
class Mip6AllocationTest {
    @Test
    void shouldAllocateNothingToCheckPeekAndVerify() {
        ByteBuffer[] packets = {Mip6Vectors.buffer(Mip6Vectors.M1), Mip6Vectors.buffer(Mip6Vectors.M3),
            Mip6Vectors.buffer(Mip6ExtensionOptionsTest.M2)};
        ByteBuffer[] wholePackets = {Mip6Vectors.buffer(Mip6Vectors.M1_PACKET), Mip6Vectors.buffer(Mip6Vectors.M3_PACKET)};
        MobilityPseudoHeader[] pseudo = {
            MobilityPseudoHeader.of(Mip6Vectors.COA, Mip6Vectors.HA, Mip6Vectors.HOA, null),
            MobilityPseudoHeader.of(Mip6Vectors.HA, Mip6Vectors.COA, null, Mip6Vectors.HOA),
            new MobilityPseudoHeader(Mip6Vectors.HOA, Mip6Vectors.HA)};
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            int i = next[0]++ % 3;
            ByteBuffer b = packets[i];
            long lengths = MobilityHeaderDecoder.checked(b, 0, b.limit());
            int sum = (int) (lengths >>> 32) + (int) lengths;
            sum += MobilityHeaderDecoder.mhType(b, 0) + MobilityHeaderDecoder.payloadProto(b, 0)
                    + MobilityHeaderDecoder.headerLength(b, 0);
            sum += MobilityHeaderDecoder.verifyChecksum(b, 0, (int) (lengths >>> 32), pseudo[i]) ? 1 : 0;
            // the pseudo-header from the whole packet, through the core's IPv6 walk
            ByteBuffer whole = wholePackets[i % 2];
            sum += MobilityPseudoHeader.sum(whole, 0, whole.limit(), (int) (lengths >>> 32));
            return sum;
        });
        assertThat(bytes).as("bytes allocated by %d checks, peeks and checksum checks", AllocationMeter.CALLS).isZero();
    }

    @Test
    void shouldAllocateNothingToMatchASelector() {
        Ipv4TrafficSelector v4 = Ipv4TrafficSelector.builder()
                .sourceAddressRange(Ipv4Address.parse("192.0.2.0"), Ipv4Address.parse("192.0.2.255"))
                .spiRange(0x100, 0x1FF).destinationPortRange(5060, 5061).dsRange(0x28, 0x30).protocol(17).build();
        Ipv6TrafficSelector v6 = Ipv6TrafficSelector.builder()
                .sourceAddressRange(Mip6Vectors.COA, Ipv6Address.parse("2001:db8:c0a::1ff"))
                .destinationAddress(Mip6Vectors.HA).flowLabelRange(1, 0xFFFFF).sourcePortRange(1024, 65535)
                .trafficClass(0xB8).nextHeaderRange(6, 17).build();
        ByteBuffer ip6 = Mip6Vectors.buffer(Mip6Vectors.M1_PACKET);
        ByteBuffer ip4 = Mip6Vectors.buffer("4500001c00000000401100 00c0000201c6336407");
        Ipv4Address source = Ipv4Address.parse("192.0.2.1");
        Ipv4Address destination = Ipv4Address.parse("198.51.100.7");
        ByteBuffer selector = Mip6Vectors.buffer("00c8000013c413c511");
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            int n = next[0]++;
            int port = 5059 + (n & 3);
            int sum = v4.matches(source.bits(), destination.bits(), 0x180, 40000, port, 0x29, 17) ? 1 : 0;
            sum += v4.matches(source, destination, BinaryTrafficSelector.NO_SPI, BinaryTrafficSelector.NO_PORT,
                    port, 0x28, 17) ? 1 : 0;
            sum += v4.matches(ip4, 12, 16, 0x100, 1, port, 0x30, 17) ? 1 : 0;
            sum += v6.matches(Mip6Vectors.COA.high(), Mip6Vectors.COA.low() + (n & 1), Mip6Vectors.HA.high(),
                    Mip6Vectors.HA.low(), BinaryTrafficSelector.NO_SPI, n & 0xFFFFF, port, 443, 0xB9, 6) ? 1 : 0;
            sum += v6.matches(Mip6Vectors.COA, Mip6Vectors.HA, 7, 1, port, 443, 0xB8, 17) ? 1 : 0;
            sum += v6.matches(ip6, 8, 24, BinaryTrafficSelector.NO_SPI, 1, port, 443, 0xBA, 17) ? 1 : 0;
            sum += TrafficSelectorDecoder.checked(1, selector, 0, 9);
            return sum;
        });
        assertThat(bytes).as("bytes allocated by %d rounds of matches", AllocationMeter.CALLS).isZero();
        assertThat(v4.matches(source, destination, 0x180, 40000, 5060, 0x2B, 17)).isTrue();
        assertThat(v6.matches(ip6, 8, 24, BinaryTrafficSelector.NO_SPI, 1, 1024, 443, 0xBA, 17)).isTrue();
    }
}
