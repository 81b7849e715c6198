package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.nio.ReadOnlyBufferException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.core.encap.UdpChecksumMode;

/**
 * {@link LispEncapsulator}'s rules, each against the RFC text it cites: the defaults of RFC 9300
 * §5.3 (TTL and DSCP copied from the inner header, UDP checksum 0, a source port from the inner
 * flow hash in 49152..65535), RFC 6040 §4.1's two ECN modes (normal copies CE), the nonce and
 * echo-nonce request per packet (RFC 9300 §5.3, §10.1), an IPv4 Header Checksum that verifies
 * (RFC 1071), a computed UDP checksum that verifies over the pseudo-header (RFC 768, RFC 8200
 * §8.1), and the error contract: every refused push leaves the buffer as it was.
 */
class LispEncapsulatorTest {
    static final Ipv4Address ITR4 = Ipv4Address.parse("192.0.2.1");
    static final Ipv4Address ETR4 = Ipv4Address.parse("198.51.100.2");
    static final Ipv6Address ITR6 = Ipv6Address.parse("2001:db8::1");
    static final Ipv6Address ETR6 = Ipv6Address.parse("2001:db8:a::1");
    static final int HEADROOM = 80;

    /** An IPv4 UDP packet 10.1.0.1:1000 -> 10.2.0.2:2000 with this TOS and TTL and 12 octets of payload. */
    static byte[] ipv4Packet(int tos, int ttl) {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.putShort(0, (short) (0x4500 | tos)).putShort(2, (short) 40).put(8, (byte) ttl).put(9, (byte) 17);
        b.putInt(12, 0x0A01_0001).putInt(16, 0x0A02_0002);
        b.putShort(10, (short) InternetChecksum.checksum(b, 0, 20, 0));
        b.putShort(20, (short) 1000).putShort(22, (short) 2000).putShort(24, (short) 20);
        return b.array();
    }

    /** An IPv6 UDP packet 2001:db8:1::1 -> 2001:db8:2::2 with this Traffic Class and Hop Limit and 12 octets of payload. */
    static byte[] ipv6Packet(int trafficClass, int hopLimit) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.putInt(0, 6 << 28 | trafficClass << 20 | 0x12345).putShort(4, (short) 20).put(6, (byte) 17).put(7, (byte) hopLimit);
        b.putLong(8, 0x2001_0db8_0001_0000L).putLong(16, 1).putLong(24, 0x2001_0db8_0002_0000L).putLong(32, 2);
        b.putShort(40, (short) 1000).putShort(42, (short) 2000).putShort(44, (short) 20);
        return b.array();
    }

    static ByteBuffer behindHeadroom(byte[] packet) {
        ByteBuffer b = ByteBuffer.allocate(HEADROOM + packet.length);
        b.put(HEADROOM, packet);
        return b;
    }

    @Test
    void shouldWriteTheRfc9300DefaultsOverIpv4() {
        LispEncapsulator itr = LispEncapsulator.ipv4(ITR4, ETR4).build();
        byte[] packet = ipv4Packet(0xB9, 37); // DSCP 46 (EF), ECN ECT(1)
        ByteBuffer b = behindHeadroom(packet);
        int hash = FlowHash.ofIpPacket(b, HEADROOM, packet.length);
        int start = itr.push(b, HEADROOM, b.limit(), hash, 0xABCDEF, false);

        assertThat(start).isEqualTo(HEADROOM - 36);
        assertThat(b.get(start) & 0xFF).isEqualTo(0x45);
        assertThat(b.get(start + 1) & 0xFF).as("DS field copied (RFC 9300 §5.3, RFC 6040 normal mode)").isEqualTo(0xB9);
        assertThat(b.getShort(start + 2) & 0xFFFF).as("Total Length").isEqualTo(36 + 40);
        assertThat(b.getShort(start + 6) & 0xFFFF).as("DF, atomic datagram").isEqualTo(0x4000);
        assertThat(b.get(start + 8) & 0xFF).as("TTL copied (RFC 9300 §5.3)").isEqualTo(37);
        assertThat(b.get(start + 9) & 0xFF).isEqualTo(17);
        assertThat(InternetChecksum.verifies(b, start, 20, 0)).as("IPv4 Header Checksum").isTrue();
        assertThat(b.getInt(start + 12)).isEqualTo(ITR4.bits());
        assertThat(b.getInt(start + 16)).isEqualTo(ETR4.bits());
        int udp = start + 20;
        assertThat(b.getShort(udp) & 0xFFFF).as("source port from the inner flow hash")
                .isEqualTo(FlowHash.sourcePort(hash)).isBetween(49152, 65535);
        assertThat(b.getShort(udp + 2) & 0xFFFF).isEqualTo(4341);
        assertThat(b.getShort(udp + 4) & 0xFFFF).isEqualTo(8 + 8 + 40);
        assertThat(b.getShort(udp + 6)).as("UDP checksum 0 (RFC 9300 §5.3)").isZero();
        assertThat(b.getInt(udp + 8)).as("N and the nonce").isEqualTo(0x80AB_CDEF);
        assertThat(b.getInt(udp + 12)).isZero();
        assertThat(b.slice(HEADROOM, packet.length)).isEqualTo(ByteBuffer.wrap(packet));
    }

    @Test
    void shouldWriteTheRfc9300DefaultsOverIpv6() {
        LispEncapsulator itr = LispEncapsulator.ipv6(ITR6, ETR6)
                .header(LispHeader.builder().nonce(0).instanceId(100).build()).build();
        byte[] packet = ipv6Packet(0x2A, 9); // DSCP 10, ECN ECT(0)
        ByteBuffer b = behindHeadroom(packet);
        int start = itr.push(b, HEADROOM, b.limit(), 77, 5, true);

        assertThat(start).isEqualTo(HEADROOM - 56);
        assertThat(b.getInt(start)).as("version 6, Traffic Class copied, Flow Label 0").isEqualTo(0x62A0_0000);
        assertThat(b.getShort(start + 4) & 0xFFFF).as("Payload Length").isEqualTo(16 + 60);
        assertThat(b.get(start + 6) & 0xFF).isEqualTo(17);
        assertThat(b.get(start + 7) & 0xFF).as("Hop Limit copied").isEqualTo(9);
        assertThat(Ipv6Address.of(b.getLong(start + 8), b.getLong(start + 16))).isEqualTo(ITR6);
        assertThat(Ipv6Address.of(b.getLong(start + 24), b.getLong(start + 32))).isEqualTo(ETR6);
        int udp = start + 40;
        assertThat(b.getShort(udp) & 0xFFFF).isEqualTo(FlowHash.sourcePort(77));
        assertThat(b.getShort(udp + 6)).as("zero checksum over IPv6 (RFC 6935)").isZero();
        assertThat(b.getInt(udp + 8)).as("N, E, I and the nonce").isEqualTo(0xA800_0005);
        assertThat(b.getInt(udp + 12)).as("Instance ID 100, LSBs 0").isEqualTo(100 << 8);
    }

    @Test
    void shouldCopyCeInNormalModeAndClearEcnInCompatibilityMode() {
        byte[] ce = ipv4Packet(0x03, 64);
        ByteBuffer normal = behindHeadroom(ce);
        LispEncapsulator.ipv4(ITR4, ETR4).build().push(normal, HEADROOM, normal.limit());
        assertThat(normal.get(HEADROOM - 36 + 1) & 0x03).as("RFC 6040 §4.1 normal mode copies CE").isEqualTo(3);

        ByteBuffer compatibility = behindHeadroom(ce);
        LispEncapsulator.ipv4(ITR4, ETR4).ecnMode(EcnMode.COMPATIBILITY).dscp(46).build()
                .push(compatibility, HEADROOM, compatibility.limit());
        assertThat(compatibility.get(HEADROOM - 36 + 1) & 0xFF).as("constant DSCP, Not-ECT").isEqualTo(46 << 2);
        assertThat(InternetChecksum.verifies(compatibility, HEADROOM - 36, 20, 0)).isTrue();

        ByteBuffer v6 = behindHeadroom(ipv6Packet(0x03, 64));
        LispEncapsulator.ipv6(ITR6, ETR6).ecnMode(EcnMode.COMPATIBILITY).build().push(v6, HEADROOM, v6.limit());
        assertThat(v6.getInt(HEADROOM - 56) >>> 20 & 0xFF).isZero();
    }

    @Test
    void shouldWriteAConstantTtlAndKeepTheHeaderWhenNoNonceIsGiven() {
        LispHeader versioned = LispHeader.builder().mapVersion(1, 4095).build();
        LispEncapsulator itr = LispEncapsulator.ipv4(ITR4, ETR4).header(versioned).timeToLive(200).build();
        ByteBuffer b = behindHeadroom(ipv4Packet(0, 3));
        int start = itr.push(b, HEADROOM, b.limit(), 1);
        assertThat(b.get(start + 8) & 0xFF).isEqualTo(200);
        assertThat(InternetChecksum.verifies(b, start, 20, 0)).isTrue();
        assertThat(b.getInt(start + 28)).as("V and both map-versions").isEqualTo(0x1000_1FFF);
        assertThatThrownBy(() -> itr.push(b, HEADROOM, b.limit(), 1, 1, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no N flag");
        assertThatThrownBy(() -> itr.push(b, HEADROOM, b.limit(), new SplittableRandom(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldDrawTheNonceFromTheCallersGenerator() {
        LispEncapsulator itr = LispEncapsulator.ipv4(ITR4, ETR4)
                .header(LispHeader.builder().nonce(0).echoNonceRequest().build()).build();
        ByteBuffer b = behindHeadroom(ipv4Packet(0, 64));
        int expected = new SplittableRandom(42).nextInt() & 0xFF_FFFF;
        int start = itr.push(b, HEADROOM, b.limit(), new SplittableRandom(42));
        assertThat(b.getInt(start + 28)).as("N and E as the template holds them, the drawn nonce")
                .isEqualTo(0xA000_0000 | expected);
        itr.push(b, HEADROOM, b.limit(), 0, 7, false);
        assertThat(b.getInt(start + 28)).as("E cleared for this packet").isEqualTo(0x8000_0007);
    }

    @Test
    void shouldComputeUdpChecksumsThatVerify() {
        ByteBuffer v4 = behindHeadroom(ipv4Packet(0, 64));
        int s4 = LispEncapsulator.ipv4(ITR4, ETR4).udpChecksum(UdpChecksumMode.COMPUTE).build()
                .push(v4, HEADROOM, v4.limit(), 5, 99, false);
        int udpLength4 = v4.limit() - s4 - 20;
        assertThat(v4.getShort(s4 + 26)).isNotZero();
        assertThat(InternetChecksum.verifies(v4, s4 + 20, udpLength4,
                InternetChecksum.ipv4PseudoHeaderSum(ITR4, ETR4, 17, udpLength4))).isTrue();

        ByteBuffer v6 = behindHeadroom(ipv6Packet(0, 64));
        int s6 = LispEncapsulator.ipv6(ITR6, ETR6).udpChecksum(UdpChecksumMode.COMPUTE).build()
                .push(v6, HEADROOM, v6.limit(), 5, 99, false);
        int udpLength6 = v6.limit() - s6 - 40;
        assertThat(InternetChecksum.verifies(v6, s6 + 40, udpLength6,
                InternetChecksum.ipv6PseudoHeaderSum(ITR6, ETR6, 17, udpLength6))).isTrue();
    }

    @Test
    void shouldTakeTheFlowLabelAndSourcePortsTheBuilderAsksFor() {
        ByteBuffer b = behindHeadroom(ipv6Packet(0, 64));
        int start = LispEncapsulator.ipv6(ITR6, ETR6).flowLabelFromFlowHash().sourcePorts(5000, 5009)
                .destinationPort(4342 + 1000).build().push(b, HEADROOM, b.limit(), 0x12345678, 0, false);
        assertThat(b.getInt(start) & 0xF_FFFF).isEqualTo(LispEncapsulator.flowLabel(0x12345678)).isNotZero();
        assertThat(LispEncapsulator.flowLabel(0)).as("never 0, which means no label (RFC 6437 §2)").isEqualTo(1);
        assertThat(b.getShort(start + 40) & 0xFFFF).isBetween(5000, 5009);
        assertThat(b.getShort(start + 42) & 0xFFFF).isEqualTo(5342);
        ByteBuffer c = behindHeadroom(ipv6Packet(0, 64));
        LispEncapsulator.ipv6(ITR6, ETR6).flowLabel(0xABCDE).build().push(c, HEADROOM, c.limit());
        assertThat(c.getInt(HEADROOM - 56) & 0xF_FFFF).isEqualTo(0xABCDE);
    }

    @Test
    void shouldLeaveTheBufferAsItWasWhenItRefusesAPush() {
        LispEncapsulator itr = LispEncapsulator.ipv4(ITR4, ETR4).build();
        ByteBuffer b = behindHeadroom(ipv4Packet(0, 64));
        byte[] before = b.array().clone();

        assertThatThrownBy(() -> itr.push(b, 35, b.limit())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> itr.push(b, HEADROOM, b.limit() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> itr.push(b, HEADROOM, HEADROOM - 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> itr.push(b, HEADROOM, HEADROOM + 19)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("inner IP header");
        assertThatThrownBy(() -> itr.push(b, HEADROOM, HEADROOM)).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> itr.push(b, HEADROOM, b.limit(), 0, 1 << 24, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> itr.push(b.asReadOnlyBuffer(), HEADROOM, b.limit()))
                .isInstanceOf(ReadOnlyBufferException.class);
        b.put(HEADROOM, (byte) 0x55);
        before[HEADROOM] = 0x55;
        assertThatThrownBy(() -> itr.push(b, HEADROOM, b.limit())).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("RFC 9300 §5.1");
        assertThat(b.array()).isEqualTo(before);

        ByteBuffer huge = ByteBuffer.allocate(36 + 65_500);
        huge.put(36, (byte) 0x45);
        assertThatThrownBy(() -> itr.push(huge, 36, huge.limit())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 65499");
        assertThat(huge.get(0)).isZero();
    }

    @Test
    void shouldWriteTheSameOctetsWhateverTheBufferByteOrderOrKind() {
        for (LispEncapsulator itr : new LispEncapsulator[] {LispEncapsulator.ipv4(ITR4, ETR4).build(),
            LispEncapsulator.ipv6(ITR6, ETR6).build(),
            LispEncapsulator.ipv6(ITR6, ETR6).udpChecksum(UdpChecksumMode.COMPUTE).flowLabelFromFlowHash().build()}) {
            for (byte[] packet : new byte[][] {ipv6Packet(0x2A, 9), ipv4Packet(0x2A, 9)}) {
                ByteBuffer big = behindHeadroom(packet);
                ByteBuffer little = behindHeadroom(packet).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                itr.push(big, HEADROOM, big.limit(), 1234, 77, true);
                itr.push(little, HEADROOM, little.limit(), 1234, 77, true);
                assertThat(little.array()).isEqualTo(big.array());
                assertThat(little.order()).isEqualTo(java.nio.ByteOrder.LITTLE_ENDIAN);
                // A heap slice (its array starts before it) and direct buffers in both orders: the
                // push writes through the backing array when there is one, through the buffer otherwise.
                ByteBuffer slice = ByteBuffer.allocate(big.capacity() + 7).slice(5, big.capacity());
                Arrays.fill(slice.array(), (byte) 0x65); // what a read or write at the wrong offset would meet
                slice.put(0, new byte[HEADROOM]).put(HEADROOM, packet);
                itr.push(slice, HEADROOM, slice.limit(), 1234, 77, true);
                assertThat(slice.arrayOffset()).isEqualTo(5);
                assertThat(Arrays.copyOfRange(slice.array(), 5, 5 + big.capacity())).isEqualTo(big.array());
                for (java.nio.ByteOrder order : new java.nio.ByteOrder[] {java.nio.ByteOrder.BIG_ENDIAN,
                    java.nio.ByteOrder.LITTLE_ENDIAN}) {
                    ByteBuffer direct = ByteBuffer.allocateDirect(big.capacity()).order(order);
                    direct.put(HEADROOM, packet);
                    itr.push(direct, HEADROOM, direct.limit(), 1234, 77, true);
                    byte[] written = new byte[direct.capacity()];
                    direct.get(0, written);
                    assertThat(written).as("direct, " + order).isEqualTo(big.array());
                }
            }
        }
    }

    @Test
    void shouldRefuseWhatASenderMustNotSend() {
        LispHeader eWithoutN = new LispHeader(LispHeader.FLAG_E, 0, 0, 0);
        assertThatThrownBy(() -> LispEncapsulator.ipv4(ITR4, ETR4).header(eWithoutN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 9300 §5.3");
        assertThatThrownBy(() -> LispEncapsulator.ipv4(ITR4, ETR4).flowLabel(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LispEncapsulator.ipv6(ITR6, ETR6).dontFragment(false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LispEncapsulator.ipv6(ITR6, ETR6).identification(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LispEncapsulator.ipv4(ITR4, ETR4).timeToLive(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LispEncapsulator.ipv4(ITR4, ETR4).dscp(64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LispEncapsulator.ipv4(ITR4, ETR4).sourcePorts(10, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDescribeItselfAndCompareByValue() {
        LispEncapsulator a = LispEncapsulator.ipv4(ITR4, ETR4).build();
        assertThat(a).isEqualTo(LispEncapsulator.ipv4(ITR4, ETR4).build()).hasSameHashCodeAs(LispEncapsulator.ipv4(ITR4, ETR4).build());
        assertThat(a).isNotEqualTo(LispEncapsulator.ipv4(ITR4, ETR4).timeToLive(64).build());
        assertThat(a.toString()).contains("192.0.2.1", "198.51.100.2", "4341", "inherit");
        assertThat(a.length()).isEqualTo(36);
        assertThat(a.ipv6()).isFalse();
        assertThat(a.templateBytes()).hasSize(36);
        assertThat(InternetChecksum.verifies(ByteBuffer.wrap(a.templateBytes()), 0, 20, 0)).isTrue();
    }
}
