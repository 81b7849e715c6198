package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * {@link Mip6Tunnel} against RFC 2473: vector T1 (home agent to care-of address with a Tunnel
 * Encapsulation Limit of 4; tshark 4.0.17 decodes its outer header as Payload Length 56, Next
 * Header 60, Hop Limit 64, a Destination Options header with "Tunnel Encapsulation Limit: 4"
 * and Next Header 41, and the inner ICMPv6 checksum as correct) written octet for octet; the
 * nested-limit rules of §4.1.1 (an inner limit of 0 refuses the packet, n gives n - 1); IPv4 in
 * IPv6 (Next Header 4); Traffic Class and Flow Label by §6.4-§6.5 with RFC 6040 ECN; the outer
 * checks of decapsulation (§3.3); the error contract and 0 B/op.
 */
class Mip6TunnelTest {
    static final String T1 = "600000000038 3c40 20010db8000a00000000000000000001 20010db80c0a00000000000000000100"
            + "2900040104010100"
            + "6000000000083a3f 20010db8cafe00000000000000000005 20010db8000a00000000000000000100 8000583b00010001";
    static final int HEADROOM = 64;

    static ByteBuffer behindHeadroom(byte[] packet) {
        ByteBuffer b = ByteBuffer.allocate(HEADROOM + packet.length);
        b.put(HEADROOM, packet);
        return b;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private final Mip6Tunnel haToCoa = Mip6Tunnel.builder(Mip6Vectors.HA, Mip6Vectors.COA).encapsulationLimit(4).build();

    @Test
    void shouldWriteVectorT1() {
        byte[] t1 = hex(T1);
        ByteBuffer b = behindHeadroom(java.util.Arrays.copyOfRange(t1, 48, t1.length));
        assertThat(haToCoa.headerLength(b, HEADROOM, b.limit())).isEqualTo(48);
        int start = haToCoa.push(b, HEADROOM, b.limit());
        assertThat(start).isEqualTo(HEADROOM - 48);
        byte[] written = new byte[t1.length];
        b.get(start, written);
        assertThat(HexFormat.of().formatHex(written)).isEqualTo(HexFormat.of().formatHex(t1));
        assertThat(Mip6Tunnel.builder(Mip6Vectors.COA, Mip6Vectors.HA).build().decapsulate(b, start, b.limit()))
                .as("the other end takes it back").isEqualTo(HEADROOM);
    }

    @Test
    void shouldWriteTheSameOctetsWhateverTheBufferByteOrder() {
        byte[] t1 = hex(T1);
        ByteBuffer big = behindHeadroom(t1);
        ByteBuffer little = behindHeadroom(t1).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Mip6Tunnel t = Mip6Tunnel.builder(Mip6Vectors.COA, Mip6Vectors.HA).trafficClass(Mip6Tunnel.COPY).flowLabelFromFlowHash()
                .build();
        assertThat(t.push(little, HEADROOM, little.limit())).isEqualTo(t.push(big, HEADROOM, big.limit()));
        assertThat(little.array()).isEqualTo(big.array());
        assertThat(t.decapsulate(little, HEADROOM - 48, little.limit())).isEqualTo(-1); // sent by this end, not to it
        assertThat(Mip6Tunnel.builder(Mip6Vectors.HA, Mip6Vectors.COA).build().decapsulate(little, HEADROOM - 48,
                little.limit())).isEqualTo(HEADROOM);
    }

    @Test
    void shouldFollowTheNestedLimitRules() {
        byte[] t1 = hex(T1);                      // a tunnelled packet with limit 4: tunnel it again
        ByteBuffer b = behindHeadroom(t1);
        assertThat(Mip6Tunnel.innerEncapsulationLimitIndex(b, HEADROOM, b.limit())).isEqualTo(HEADROOM + 44);
        Mip6Tunnel outer = Mip6Tunnel.builder(Mip6Vectors.COA, Mip6Vectors.HA).build(); // no limit of its own
        int start = outer.push(b, HEADROOM, b.limit());
        assertThat(start).isEqualTo(HEADROOM - 48);
        assertThat(b.get(start + 6)).isEqualTo((byte) 60);
        assertThat(b.getLong(start + 40)).as("limit 4 - 1 = 3 (RFC 2473 §4.1.1)").isEqualTo(0x2900_0401_0301_0100L);

        t1[44] = 0;                               // the inner limit is used up
        ByteBuffer zero = behindHeadroom(t1);
        byte[] before = zero.array().clone();
        assertThat(outer.headerLength(zero, HEADROOM, zero.limit())).isEqualTo(Mip6Tunnel.LIMIT_EXCEEDED);
        assertThat(outer.push(zero, HEADROOM, zero.limit())).isEqualTo(Mip6Tunnel.LIMIT_EXCEEDED);
        assertThat(zero.array()).as("nothing written").isEqualTo(before);
    }

    @Test
    void shouldCarryIpv4WithNextHeader4AndCopyWhatItIsAskedTo() {
        ByteBuffer v4 = ByteBuffer.allocate(20);
        v4.putShort(0, (short) 0x45B9).putShort(2, (short) 20).put(8, (byte) 9).put(9, (byte) 17)
                .putInt(12, 0x0A00_0001).putInt(16, 0x0A00_0002);
        ByteBuffer b = behindHeadroom(v4.array());
        Mip6Tunnel t = Mip6Tunnel.builder(Mip6Vectors.COA, Mip6Vectors.HA).trafficClass(Mip6Tunnel.COPY).hopLimit(200)
                .flowLabelFromFlowHash().build();
        int start = t.push(b, HEADROOM, b.limit());
        assertThat(start).isEqualTo(HEADROOM - 40);
        int hash = FlowHash.ofIpPacket(b, HEADROOM, 20);
        assertThat(b.getInt(start)).isEqualTo(6 << 28 | 0xB9 << 20 | Mip6Tunnel.flowLabel(hash));
        assertThat(b.getShort(start + 4)).isEqualTo((short) 20);
        assertThat(b.get(start + 6)).isEqualTo((byte) 4);
        assertThat(b.get(start + 7) & 0xFF).isEqualTo(200);
        assertThat(Mip6Tunnel.builder(Mip6Vectors.HA, Mip6Vectors.COA).build().decapsulate(b, start, b.limit()))
                .isEqualTo(HEADROOM);

        ByteBuffer c = behindHeadroom(v4.array());
        Mip6Tunnel.builder(Mip6Vectors.COA, Mip6Vectors.HA).trafficClass(0x28).ecnMode(EcnMode.COMPATIBILITY).build()
                .push(c, HEADROOM, c.limit());
        assertThat(c.getInt(HEADROOM - 40) >>> 20 & 0xFF).as("constant DSCP, Not-ECT").isEqualTo(0x28);
    }

    @Test
    void shouldRefuseWhatDoesNotComeFromTheOtherEnd() {
        byte[] t1 = hex(T1);
        Mip6Tunnel mn = Mip6Tunnel.builder(Mip6Vectors.COA, Mip6Vectors.HA).build();
        assertThat(mn.decapsulate(ByteBuffer.wrap(t1), 0, t1.length)).isEqualTo(48);
        assertThat(haToCoa.decapsulate(ByteBuffer.wrap(t1), 0, t1.length)).as("the wrong direction").isEqualTo(-1);
        assertThat(mn.decapsulate(ByteBuffer.wrap(t1), 0, 60)).as("truncated").isEqualTo(-1);
        byte[] other = t1.clone();
        other[8 + 15] ^= 1;                          // another source
        assertThat(mn.decapsulate(ByteBuffer.wrap(other), 0, other.length)).isEqualTo(-1);
        byte[] notTunnel = t1.clone();
        notTunnel[40] = 58;                          // the Destination Options header now leads to ICMPv6
        assertThat(mn.decapsulate(ByteBuffer.wrap(notTunnel), 0, notTunnel.length)).isEqualTo(-1);
    }

    @Test
    void shouldLeaveTheBufferAsItWasWhenItRefusesAPush() {
        byte[] t1 = hex(T1);
        ByteBuffer b = behindHeadroom(java.util.Arrays.copyOfRange(t1, 48, t1.length));
        byte[] before = b.array().clone();
        ByteBuffer small = ByteBuffer.allocate(47 + 48).put(47, t1, 48, 48);
        assertThatThrownBy(() -> haToCoa.push(small, 47, small.limit())).as("47 octets of headroom, 48 needed")
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(small.get(0)).isZero();
        assertThatThrownBy(() -> haToCoa.push(b, HEADROOM, HEADROOM + 39)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> haToCoa.push(b.asReadOnlyBuffer(), HEADROOM, b.limit()))
                .isInstanceOf(ReadOnlyBufferException.class);
        b.put(HEADROOM, (byte) 0x50);
        before[HEADROOM] = 0x50;
        assertThatThrownBy(() -> haToCoa.push(b, HEADROOM, b.limit())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 5");
        assertThat(b.array()).isEqualTo(before);
        assertThatThrownBy(() -> Mip6Tunnel.builder(Mip6Vectors.HA, Mip6Vectors.COA).encapsulationLimit(256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Mip6Tunnel.innerEncapsulationLimitIndex(b, HEADROOM, HEADROOM + 10)).isEqualTo(-1);
    }

    @Test
    void shouldAllocateNothing() {
        byte[] t1 = hex(T1);
        ByteBuffer b = behindHeadroom(t1);
        Mip6Tunnel mn = Mip6Tunnel.builder(Mip6Vectors.COA, Mip6Vectors.HA).flowLabelFromFlowHash().build();
        long bytes = AllocationMeter.fewestBytesPerRound(() -> mn.push(b, HEADROOM, b.limit())
                + haToCoa.decapsulate(b, HEADROOM - 48, b.limit()));
        assertThat(bytes).isZero();
        assertThat(mn.toString()).contains("2001:db8:c0a::100 -> 2001:db8:a::1", "from hash", "none");
        assertThat(mn).isEqualTo(Mip6Tunnel.builder(Mip6Vectors.COA, Mip6Vectors.HA).flowLabelFromFlowHash().build());
    }
}
