package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * {@link Ipv4CareOfTunnel} (DSMIPv6, RFC 5555 §4.1, §4.2) octet by octet against RFC 791's IPv4
 * header and RFC 768's UDP header, its checks on what comes back, and {@link BindingTable}'s use
 * of it on the home agent's side: the seed use case of vector M2 (a mobile router with an IPv6 and
 * an IPv4 care-of address, one flow bound to the IPv4 one) behind a NAT and without one.
 */
class Ipv4CareOfTunnelTest {
    static final Ipv4Address HA4 = Ipv4Address.parse("192.0.2.1");
    /** BID 2's care-of address in vector M2. */
    static final Ipv4Address COA4 = Ipv4Address.parse("198.51.100.7");
    static final Ipv4Address NAT = Ipv4Address.parse("203.0.113.50");
    static final int NAT_PORT = 61000;

    /** An IPv6 packet (40 octets, Traffic Class 0xb9: DSCP 46, ECN 1) behind 28 octets of headroom. */
    private static ByteBuffer ipv6Packet() {
        ByteBuffer b = ByteBuffer.allocate(28 + 40);
        b.putInt(28, 6 << 28 | 0xb9 << 20 | 0x12345).putShort(32, (short) 0).put(34, (byte) 59).put(35, (byte) 64)
                .putLong(36, Mip6Vectors.HOA.high()).putLong(44, Mip6Vectors.HOA.low())
                .putLong(52, 0x2001_0db8_00ffL << 16).putLong(60, 1);
        return b;
    }

    @Test
    void shouldWriteAnIpv4HeaderForIpv6InIpv4() {
        ByteBuffer b = ipv6Packet();
        Ipv4CareOfTunnel t = Ipv4CareOfTunnel.builder(HA4, COA4).build();
        assertThat(t.headerLength()).isEqualTo(20);
        int start = t.push(b, 28, 68);
        assertThat(start).isEqualTo(8);
        // RFC 791 §3.1: version 4, IHL 5, TOS = the inner Traffic Class (DSCP and ECN copied, RFC
        // 5555 §4.1.1), Total Length 60, Identification 0, DF, TTL 64, Protocol 41, addresses
        assertThat(HexFormat.of().formatHex(b.array(), 8, 28).replaceFirst("^(.{20})....", "$1xxxx"))
                .isEqualTo("45b9003c000040004029xxxxc0000201c6336407");
        assertThat(InternetChecksum.verifies(b, 8, 20, 0)).as("the header checksum").isTrue();
        assertThat(t.decapsulate(b, 8, 68)).as("not from the care-of address").isEqualTo(-1);
        Ipv4CareOfTunnel back = Ipv4CareOfTunnel.builder(COA4, HA4).build();
        assertThat(back.decapsulate(b, 8, 68)).isEqualTo(28);
    }

    @Test
    void shouldWriteUdpAfterTheIpv4HeaderAndCarryIpv4Too() {
        ByteBuffer b = ByteBuffer.allocate(28 + 20);
        b.putShort(28, (short) 0x4502).putShort(30, (short) 20).put(36, (byte) 63).put(37, (byte) 17)
                .putInt(40, 0xC000_0264).putInt(44, 0x0A00_0001);
        Ipv4CareOfTunnel t = Ipv4CareOfTunnel.builder(HA4, NAT).udp(Ipv4CareOfTunnel.PORT, NAT_PORT).ttl(200)
                .tos(0x20).ecnMode(EcnMode.COMPATIBILITY).build();
        int start = t.push(b, 28, 48);
        assertThat(start).isZero();
        // TOS 0x20 set, ECN not copied; Total Length 48; TTL 200, Protocol 17; then UDP 4191 ->
        // 61000, Length 28, checksum 0
        assertThat(HexFormat.of().formatHex(b.array(), 0, 28).replaceFirst("^(.{20})....", "$1xxxx"))
                .isEqualTo("452000300000400" + "0c811xxxxc0000201cb007132" + "105fee48001c0000");
        assertThat(InternetChecksum.verifies(b, 0, 20, 0)).isTrue();
        Ipv4CareOfTunnel mn = Ipv4CareOfTunnel.builder(NAT, HA4).udp(NAT_PORT, Ipv4CareOfTunnel.PORT).build();
        assertThat(mn.decapsulate(b, 0, 48)).isEqualTo(28);
        Ipv4CareOfTunnel otherPort = Ipv4CareOfTunnel.builder(NAT, HA4).udp(NAT_PORT + 1, Ipv4CareOfTunnel.PORT).build();
        assertThat(otherPort.decapsulate(b, 0, 48)).isEqualTo(-1);
        Ipv4CareOfTunnel noUdp = Ipv4CareOfTunnel.builder(NAT, HA4).build();
        assertThat(noUdp.decapsulate(b, 0, 48)).as("Protocol 17 is not IP in IP").isEqualTo(-1);
        assertThat(mn.localPort()).isEqualTo(NAT_PORT);
        assertThat(noUdp.localPort()).isEqualTo(-1);
        assertThat(mn).isEqualTo(Ipv4CareOfTunnel.builder(NAT, HA4).udp(NAT_PORT, 4191).build()).isNotEqualTo(noUdp);
    }

    @Test
    void shouldRefuseWhatIsNotAnIpPacketOrDoesNotFit() {
        Ipv4CareOfTunnel t = Ipv4CareOfTunnel.builder(HA4, COA4).build();
        ByteBuffer junk = ByteBuffer.allocate(68);
        assertThatThrownBy(() -> t.push(junk, 28, 68)).isInstanceOf(IllegalArgumentException.class);
        ByteBuffer b = ipv6Packet();
        assertThatThrownBy(() -> t.push(b, 28, 60)).as("cut IPv6 header").isInstanceOf(IllegalArgumentException.class);
        ByteBuffer tight = ByteBuffer.allocate(10 + 40).put(10, ipv6Packet(), 28, 40);
        assertThatThrownBy(() -> t.push(tight, 10, 50)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.push(ipv6Packet().asReadOnlyBuffer(), 28, 68))
                .isInstanceOf(java.nio.ReadOnlyBufferException.class);
        ByteBuffer huge = ByteBuffer.allocate(20 + 65516);
        huge.putInt(20, 6 << 28);
        assertThatThrownBy(() -> t.push(huge, 20, huge.limit())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4CareOfTunnel.builder(HA4, COA4).udp(70000, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4CareOfTunnel.builder(HA4, COA4).ttl(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNeverThrowForBadOctetsOnTheWayBack() {
        ByteBuffer b = ipv6Packet();
        Ipv4CareOfTunnel udp = Ipv4CareOfTunnel.builder(HA4, NAT).udp(4191, NAT_PORT).build();
        int start = udp.push(b, 28, 68);
        byte[] good = b.array().clone();
        Ipv4CareOfTunnel back = Ipv4CareOfTunnel.builder(NAT, HA4).udp(NAT_PORT, 4191).build();
        assertThat(back.decapsulate(b, start, 68)).isEqualTo(28);
        for (int end = start; end < 68; end++) { // every prefix
            assertThat(back.decapsulate(ByteBuffer.wrap(good), start, end)).as("prefix %d", end).isEqualTo(-1);
        }
        Random random = new Random(5555);
        for (int i = 0; i < 20_000; i++) { // mutations
            byte[] bytes = good.clone();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                bytes[start + random.nextInt(68 - start)] = (byte) random.nextInt(256);
            }
            int inner = back.decapsulate(ByteBuffer.wrap(bytes), start, 68);
            assertThat(inner == -1 || inner == 28).isTrue();
        }
        long allocated = AllocationMeter.fewestBytesPerRound(() -> back.decapsulate(b, start, 68)
                + udp.push(b, 28, 68));
        assertThat(allocated).isZero();
    }

    @Test
    void shouldTakeIpv4AfterProtocol4AndRefuseAVersionThatContradictsTheProtocol() {
        ByteBuffer b = ByteBuffer.allocate(20 + 20);
        b.putShort(20, (short) 0x4500).putShort(22, (short) 20).put(28, (byte) 64).put(29, (byte) 59);
        Ipv4CareOfTunnel t = Ipv4CareOfTunnel.builder(COA4, HA4).build();
        int start = t.push(b, 20, 40);
        assertThat(b.get(start + 9)).as("Protocol 4").isEqualTo((byte) 4);
        Ipv4CareOfTunnel back = Ipv4CareOfTunnel.builder(HA4, COA4).build();
        assertThat(back.decapsulate(b, start, 40)).isEqualTo(20);
        b.put(start + 9, (byte) 41);
        assertThat(back.decapsulate(b, start, 40)).as("Protocol 41, version 4").isEqualTo(-1);
    }

    @Test
    void shouldNeverThrowThroughTheTableForAnEmptyOrMutatedTunnelPacket() {
        BindingTable table = BindingTable.builder(BindingTable.Role.HOME_AGENT, Mip6Vectors.HA, Mip6Vectors.HOA)
                .homeAgentIpv4(HA4).build();
        table.apply(MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.H,
                MobilityHeader.units(600)), List.of(new MobilityOption.BindingIdentifier(1, 0, 1,
                org.tunnelcodec.core.ByteString.of(COA4.toByteArray())))), Mip6Vectors.COA, COA4, 5000, 0);
        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.ipv4Tunnel(0)).isEqualTo(Ipv4CareOfTunnel.builder(HA4, COA4).build());
        // 20 octets: Protocol 41, from the care-of address to the home agent, nothing inside
        ByteBuffer empty = ByteBuffer.allocate(20);
        empty.putShort(0, (short) 0x4500).putShort(2, (short) 20).put(8, (byte) 64).put(9, (byte) 41)
                .putInt(12, COA4.bits()).putInt(16, HA4.bits());
        empty.putShort(10, (short) InternetChecksum.checksum(empty, 0, 20, 0));
        assertThat(s.decapsulate(empty, 0, 20)).isEqualTo(-1);
        ByteBuffer b = ipv6Packet();
        int start = Ipv4CareOfTunnel.builder(COA4, HA4).build().push(b, 28, 68);
        assertThat(s.decapsulate(b, start, 68)).isEqualTo(28);
        byte[] good = b.array().clone();
        Random random = new Random(3963);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = good.clone();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                bytes[start + random.nextInt(68 - start)] = (byte) random.nextInt(256);
            }
            int end = start + random.nextInt(68 - start + 1);
            int inner = s.decapsulate(ByteBuffer.wrap(bytes, 0, end), start, end);
            assertThat(inner == -1 || inner == 28).isTrue();
        }
    }

    // ---- the binding table, home agent side --------------------------------------------------

    private static MobilityHeader m2() {
        ByteBuffer mh = ByteBuffer.wrap(HexFormat.of().parseHex(Mip6ExtensionOptionsTest.M2.replace(" ", "")));
        return MobilityHeaderDecoder.decode(mh).header();
    }

    private static BindingTable homeAgent() {
        return BindingTable.builder(BindingTable.Role.HOME_AGENT, Mip6Vectors.HA, Mip6Vectors.HOA).homeAgentIpv4(HA4)
                .mobileRouter(List.of(new BindingTable.Prefix(Ipv6Address.parse("2001:db8:aaaa::"), 48))).build();
    }

    private static MobilityOption.NatDetection nat(MobilityHeader ack) {
        return ack.option(MobilityOption.NatDetection.class);
    }

    @Test
    void shouldSendTheSeedFlowThroughTheNatToItsIpv4CareOfAddress() {
        BindingTable table = homeAgent();
        MobilityHeader ack = table.apply(m2(), Mip6Vectors.COA, NAT, NAT_PORT, 1000);
        assertThat(((MobilityMessage.BindingAcknowledgement) ack.message()).status()).isZero();
        // RFC 5555 §3.2.2, §4.2: a NAT detected (198.51.100.7 in the option, 203.0.113.50 on the wire)
        assertThat(nat(ack)).isEqualTo(new MobilityOption.NatDetection(0, BindingTable.NAT_REFRESH_SECONDS));
        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.mobileNetworkPrefixes()).containsExactly(new BindingTable.Prefix(Ipv6Address.parse("2001:db8:aaaa:1::"), 64));

        // the flow of M2 (IPv4, to ports 5060-5061, UDP) goes to BID 2, the IPv4 care-of address
        ByteBuffer sip = ByteBuffer.allocate(28 + 28).put(28, BindingTableTest.udp4(5060), 0, 28);
        int slot = s.select(sip, 28, 56);
        assertThat(s.bindingId(slot)).isEqualTo(2);
        assertThat(s.tunnel(slot)).isNull();
        Ipv4CareOfTunnel t = s.ipv4Tunnel(slot);
        assertThat(t).isEqualTo(Ipv4CareOfTunnel.builder(HA4, NAT).udp(Ipv4CareOfTunnel.PORT, NAT_PORT).build());
        int start = t.push(sip, 28, 56);
        assertThat(start).isZero();
        assertThat(sip.getInt(16)).as("to the NAT's address").isEqualTo(NAT.bits());
        assertThat(sip.getShort(22) & 0xFFFF).as("to the port the update came from").isEqualTo(NAT_PORT);

        // the rest goes to BID 1, the IPv6 care-of address of lowest BID-PRI
        ByteBuffer other = ByteBuffer.allocate(28).put(0, BindingTableTest.udp4(80), 0, 28);
        assertThat(s.bindingId(s.select(other, 0, 28))).isEqualTo(1);
        assertThat(s.tunnel(s.select(other, 0, 28))).isNotNull();

        // and back from the mobile router's network through the NAT, IPv4 and UDP to 4191
        ByteBuffer up = ByteBuffer.allocate(28 + 40);
        up.putInt(28, 6 << 28).put(34, (byte) 59).put(35, (byte) 64)
                .putLong(36, Ipv6Address.parse("2001:db8:aaaa:1::9").high()).putLong(44, 9);
        int upStart = Ipv4CareOfTunnel.builder(NAT, HA4).udp(NAT_PORT, Ipv4CareOfTunnel.PORT).build().push(up, 28, 68);
        assertThat(s.decapsulate(up, upStart, 68)).isEqualTo(28);
        up.putLong(36, Ipv6Address.parse("2001:db8:bbbb::9").high());
        assertThat(s.decapsulate(up, upStart, 68)).as("RFC 3963 §9: not from the mobile network").isEqualTo(-1);
        long allocated = AllocationMeter.fewestBytesPerRound(() -> s.decapsulate(up, upStart, 68));
        assertThat(allocated).isZero();
    }

    @Test
    void shouldTunnelDirectlyWithoutANatAndInUdpWhenForced() {
        BindingTable table = homeAgent();
        MobilityHeader ack = table.apply(m2(), Mip6Vectors.COA, COA4, NAT_PORT, 1000);
        assertThat(nat(ack)).as("no NAT, UDP not forced: no option (RFC 5555 §4.4.2)").isNull();
        BindingTable.Snapshot s = table.snapshot();
        int slot = s.bindingId(0) == 2 ? 0 : 1;
        assertThat(s.ipv4Tunnel(slot)).isEqualTo(Ipv4CareOfTunnel.builder(HA4, COA4).build());

        // a refresh of BID 2 without its address, with F (forced UDP, RFC 5555 §3.1.3)
        MobilityHeader refresh = MobilityHeader.of(new MobilityMessage.BindingUpdate(0x1236, MobilityMessage.BindingUpdate.A
                | MobilityMessage.BindingUpdate.H | MobilityMessage.BindingUpdate.R | MobilityMessage.BindingUpdate.F,
                MobilityHeader.units(600)), List.of(new MobilityOption.BindingIdentifier(2, 0, 2,
                org.tunnelcodec.core.ByteString.EMPTY)));
        ack = table.apply(refresh, Mip6Vectors.COA, COA4, 4000, 1010);
        assertThat(((MobilityMessage.BindingAcknowledgement) ack.message()).status()).isZero();
        assertThat(nat(ack)).as("UDP without a NAT: F (use UDP anyway), keepalives not needed (RFC 5555 §3.2.2)")
                .isEqualTo(new MobilityOption.NatDetection(MobilityOption.NatDetection.F, 0xFFFF_FFFFL));
        s = table.snapshot();
        slot = s.bindingId(0) == 2 ? 0 : 1;
        assertThat(s.ipv4Tunnel(slot)).isEqualTo(Ipv4CareOfTunnel.builder(HA4, COA4).udp(4191, 4000).build());
    }

    @Test
    void shouldFollowTheNatToItsNewPortAndRefuseTheOldOne() {
        BindingTable table = homeAgent();
        table.apply(m2(), Mip6Vectors.COA, NAT, NAT_PORT, 1000);
        MobilityHeader refresh = MobilityHeader.of(new MobilityMessage.BindingUpdate(0x1236, MobilityMessage.BindingUpdate.A
                | MobilityMessage.BindingUpdate.H | MobilityMessage.BindingUpdate.R, MobilityHeader.units(600)),
                List.of(new MobilityOption.BindingIdentifier(2, 0, 2, org.tunnelcodec.core.ByteString.EMPTY)));
        table.apply(refresh, Mip6Vectors.COA, NAT, 62000, 1100);
        BindingTable.Snapshot s = table.snapshot();
        int slot = s.bindingId(0) == 2 ? 0 : 1;
        assertThat(s.ipv4Tunnel(slot).remotePort()).isEqualTo(62000);
        ByteBuffer up = ipv6Packet();
        up.putLong(36, Ipv6Address.parse("2001:db8:aaaa:1::9").high());
        int start = Ipv4CareOfTunnel.builder(NAT, HA4).udp(NAT_PORT, Ipv4CareOfTunnel.PORT).build().push(up, 28, 68);
        assertThat(s.decapsulate(up, start, 68)).as("from the old port").isEqualTo(-1);
        start = Ipv4CareOfTunnel.builder(NAT, HA4).udp(62000, Ipv4CareOfTunnel.PORT).build().push(up, 28, 68);
        assertThat(s.decapsulate(up, start, 68)).isEqualTo(28);
    }

    @Test
    void shouldLearnThePathOnlyForTheCareOfAddressTheUpdateCameFrom() {
        BindingTable table = BindingTable.builder(BindingTable.Role.HOME_AGENT, Mip6Vectors.HA, Mip6Vectors.HOA)
                .homeAgentIpv4(HA4).build();
        Ipv4Address other = Ipv4Address.parse("198.51.100.8");
        MobilityHeader bulk = MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.H,
                MobilityHeader.units(600)), List.of(
                new MobilityOption.BindingIdentifier(1, 0, 1, org.tunnelcodec.core.ByteString.of(COA4.toByteArray())),
                new MobilityOption.BindingIdentifier(2, 0, 2, org.tunnelcodec.core.ByteString.of(other.toByteArray()))));
        MobilityHeader ack = table.apply(bulk, Mip6Vectors.COA, COA4, 5000, 0);
        assertThat(nat(ack)).as("sent from BID 1's own address: no NAT").isNull();
        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.ipv4Tunnel(0)).isEqualTo(Ipv4CareOfTunnel.builder(HA4, COA4).build());
        assertThat(s.ipv4Tunnel(1)).as("BID 2: its own address, not BID 1's").isEqualTo(Ipv4CareOfTunnel.builder(HA4, other).build());

        // the regular binding of a dual-stack mobile node: the IPv4 Care-of Address option (RFC 5555 §4.2), through a NAT
        BindingTable single = BindingTable.builder(BindingTable.Role.HOME_AGENT, Mip6Vectors.HA, Mip6Vectors.HOA)
                .homeAgentIpv4(HA4).build();
        MobilityHeader regular = MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.H,
                MobilityHeader.units(600)), List.of(new MobilityOption.Ipv4CareOfAddress(0, COA4)));
        ack = single.apply(regular, Mip6Vectors.COA, NAT, NAT_PORT, 0);
        assertThat(nat(ack)).isEqualTo(new MobilityOption.NatDetection(0, 110));
        assertThat(single.snapshot().ipv4Tunnel(0)).isEqualTo(Ipv4CareOfTunnel.builder(HA4, NAT)
                .udp(Ipv4CareOfTunnel.PORT, NAT_PORT).build());
    }

    private static MobilityHeader withIpv4Home(int sequence, long lifetime, int flags, Ipv4Address requested) {
        List<MobilityOption> options = new java.util.ArrayList<>(List.of(
                new MobilityOption.BindingIdentifier(2, 0, 2, org.tunnelcodec.core.ByteString.of(COA4.toByteArray()))));
        if (requested != null) {
            options.add(new MobilityOption.Ipv4HomeAddress(32, flags, requested));
        }
        return MobilityHeader.of(new MobilityMessage.BindingUpdate(sequence, MobilityMessage.BindingUpdate.A
                | MobilityMessage.BindingUpdate.H, MobilityHeader.units(lifetime)), options);
    }

    private static MobilityOption.Ipv4AddressAcknowledgement ipv4Ack(MobilityHeader ack) {
        return ack.option(MobilityOption.Ipv4AddressAcknowledgement.class);
    }

    @Test
    void shouldBindTheIpv4HomeAddressAskedForAndAcknowledgeIt() {
        Ipv4Address home = Ipv4Address.parse("192.0.2.100");
        BindingTable table = BindingTable.builder(BindingTable.Role.HOME_AGENT, Mip6Vectors.HA, Mip6Vectors.HOA)
                .homeAgentIpv4(HA4).ipv4HomeAddress(home, 32).build();
        // RFC 5555 §4.5: 0.0.0.0 asks for dynamic allocation: this table's address is the one
        MobilityHeader ack = table.apply(withIpv4Home(1, 600, 0, Ipv4Address.ANY), Mip6Vectors.COA, COA4, 5000, 0);
        assertThat(ipv4Ack(ack)).isEqualTo(new MobilityOption.Ipv4AddressAcknowledgement(0, 32, 0, home));
        assertThat(table.ipv4HomeAddress()).contains(home);
        assertThat(table.snapshot().ipv4HomeAddress()).isEqualTo(home.bits() & 0xFFFF_FFFFL);
        // the same address asked for: acknowledged; another: 130; a prefix (P): 133; the IPv6
        // binding accepted each time (§3.2.1, §4.4.2)
        assertThat(ipv4Ack(table.apply(withIpv4Home(2, 600, 0, home), Mip6Vectors.COA, COA4, 5000, 0)).status()).isZero();
        ack = table.apply(withIpv4Home(3, 600, 0, Ipv4Address.parse("192.0.2.101")), Mip6Vectors.COA, COA4, 5000, 0);
        assertThat(((MobilityMessage.BindingAcknowledgement) ack.message()).status()).isZero();
        assertThat(ipv4Ack(ack)).isEqualTo(new MobilityOption.Ipv4AddressAcknowledgement(130, 0, 0,
                Ipv4Address.parse("192.0.2.101")));
        assertThat(table.ipv4HomeAddress()).isEmpty();
        assertThat(ipv4Ack(table.apply(withIpv4Home(4, 600, MobilityOption.Ipv4HomeAddress.P, Ipv4Address.ANY),
                Mip6Vectors.COA, COA4, 5000, 0)).status()).isEqualTo(BindingTable.IPV4_PREFIX_UNAUTHORIZED);
        // §4.4.2.1: a refresh without the option removes the IPv4 binding; a deregistration all
        table.apply(withIpv4Home(5, 600, 0, home), Mip6Vectors.COA, COA4, 5000, 0);
        assertThat(table.ipv4HomeAddress()).contains(home);
        assertThat(ipv4Ack(table.apply(withIpv4Home(6, 600, 0, null), Mip6Vectors.COA, COA4, 5000, 0))).isNull();
        assertThat(table.ipv4HomeAddress()).isEmpty();
        assertThat(table.snapshot().ipv4HomeAddress()).isEqualTo(-1);
        table.apply(withIpv4Home(7, 600, 0, home), Mip6Vectors.COA, COA4, 5000, 0);
        table.apply(withIpv4Home(8, 0, 0, null), Mip6Vectors.COA, COA4, 5000, 0);
        assertThat(table.ipv4HomeAddress()).isEmpty();

        BindingTable none = BindingTable.builder(BindingTable.Role.HOME_AGENT, Mip6Vectors.HA, Mip6Vectors.HOA).build();
        assertThat(ipv4Ack(none.apply(withIpv4Home(1, 600, 0, Ipv4Address.ANY), Mip6Vectors.COA, 0)).status())
                .isEqualTo(BindingTable.IPV4_DYNAMIC_NOT_AVAILABLE);
        assertThat(ipv4Ack(none.apply(withIpv4Home(2, 600, 0, home), Mip6Vectors.COA, 0)).status())
                .isEqualTo(BindingTable.IPV4_INCORRECT_HOME_ADDRESS);
    }

    @Test
    void shouldTakeAMobileRoutersIpv4PacketsOnlyFromItsIpv4HomeAddress() {
        Ipv4Address home = Ipv4Address.parse("192.0.2.100");
        BindingTable table = BindingTable.builder(BindingTable.Role.HOME_AGENT, Mip6Vectors.HA, Mip6Vectors.HOA)
                .homeAgentIpv4(HA4).ipv4HomeAddress(home, 32)
                .mobileRouter(List.of(new BindingTable.Prefix(Ipv6Address.parse("2001:db8:aaaa::"), 48))).build();
        MobilityHeader bu = withIpv4Home(1, 600, 0, home);
        bu = MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.A
                | MobilityMessage.BindingUpdate.H | MobilityMessage.BindingUpdate.R, MobilityHeader.units(600)),
                bu.significantOptions());
        table.apply(bu, Mip6Vectors.COA, COA4, 5000, 0);
        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.mobileRouter()).isTrue();
        for (Ipv4Address source : List.of(home, Ipv4Address.parse("192.0.2.101"))) {
            ByteBuffer b = ByteBuffer.allocate(20 + 20);
            b.putShort(20, (short) 0x4500).putShort(22, (short) 20).put(28, (byte) 64).put(29, (byte) 59)
                    .putInt(32, source.bits()).putInt(36, 0x0A00_0001);
            int start = Ipv4CareOfTunnel.builder(COA4, HA4).build().push(b, 20, 40);
            assertThat(s.decapsulate(b, start, 40)).as("from %s", source).isEqualTo(source.equals(home) ? 20 : -1);
        }
    }

    /** What a NAT does to a UDP packet: one address and port rewritten, the IPv4 header checksum fixed. */
    private static void nat(ByteBuffer b, int ip, boolean source, Ipv4Address address, int port) {
        b.putInt(ip + (source ? 12 : 16), address.bits());
        b.putShort(ip + 20 + (source ? 0 : 2), (short) port);
        b.putShort(ip + 10, (short) 0);
        b.putShort(ip + 10, (short) InternetChecksum.checksum(b, ip, 20, 0));
    }

    @Test
    void shouldCarryTheSeedFlowBothWaysThroughANat() {
        Ipv4Address privateCoa = Ipv4Address.parse("10.1.2.3");
        int localPort = 40000;
        // the mobile node sends M2 with BID 2 on its private IPv4 address; the NAT maps
        // 10.1.2.3:40000 to 203.0.113.50:61000
        MobilityHeader m2 = m2();
        List<MobilityOption> options = new java.util.ArrayList<>();
        for (MobilityOption o : m2.significantOptions()) {
            options.add(o instanceof MobilityOption.BindingIdentifier b && b.bindingId() == 2
                    ? new MobilityOption.BindingIdentifier(2, 0, 2, org.tunnelcodec.core.ByteString.of(privateCoa.toByteArray()))
                    : o);
        }
        MobilityHeader update = MobilityHeader.of(m2.message(), options);
        BindingTable agent = homeAgent();
        BindingTable node = BindingTable.builder(BindingTable.Role.MOBILE_NODE, Mip6Vectors.HA, Mip6Vectors.HOA)
                .homeAgentIpv4(HA4).build();
        assertThat(nat(node.apply(update, Mip6Vectors.COA, privateCoa, localPort, 0))).isNull();
        int slot = node.snapshot().bindingId(0) == 2 ? 0 : 1;
        assertThat(node.snapshot().ipv4Tunnel(slot)).as("before the answer: direct")
                .isEqualTo(Ipv4CareOfTunnel.builder(privateCoa, HA4).build());
        MobilityHeader ack = agent.apply(update, Mip6Vectors.COA, NAT, NAT_PORT, 0);
        assertThat(nat(ack)).isNotNull();
        node.acknowledge(ack);
        BindingTable.Snapshot mn = node.snapshot();
        assertThat(mn.ipv4Tunnel(slot)).as("RFC 5555 §4.4.2: UDP after a NAT Detection option")
                .isEqualTo(Ipv4CareOfTunnel.builder(privateCoa, HA4).udp(localPort, Ipv4CareOfTunnel.PORT).build());
        BindingTable.Snapshot ha = agent.snapshot();

        // up: a packet from the mobile network, pushed by the mobile node, through the NAT
        ByteBuffer up = ipv6Packet();
        up.putLong(36, Ipv6Address.parse("2001:db8:aaaa:1::9").high());
        int start = mn.ipv4Tunnel(slot).push(up, 28, 68);
        nat(up, start, true, NAT, NAT_PORT);
        assertThat(ha.decapsulate(up, start, 68)).isEqualTo(28);

        // down: the seed flow (SIP over IPv4) selected by the home agent, through the NAT back
        ByteBuffer sip = ByteBuffer.allocate(28 + 28).put(28, BindingTableTest.udp4(5060), 0, 28);
        int haSlot = ha.select(sip, 28, 56);
        int down = ha.ipv4Tunnel(haSlot).push(sip, 28, 56);
        nat(sip, down, false, privateCoa, localPort);
        assertThat(mn.decapsulate(sip, down, 56)).isEqualTo(28);
        assertThat(mn.decapsulate(up, start, 68)).as("not the home agent's").isEqualTo(-1);
        assertThatThrownBy(() -> agent.acknowledge(ack)).isInstanceOf(IllegalStateException.class);
    }

    private static MobilityHeader bidUpdate(int sequence, int flags, int bid, Ipv4Address careOf) {
        return MobilityHeader.of(new MobilityMessage.BindingUpdate(sequence, MobilityMessage.BindingUpdate.A
                | MobilityMessage.BindingUpdate.H | flags, MobilityHeader.units(600)), List.of(
                new MobilityOption.BindingIdentifier(bid, 0, bid, org.tunnelcodec.core.ByteString.of(careOf.toByteArray()))));
    }

    private static MobilityHeader answer(int status, int sequence, boolean nat) {
        return MobilityHeader.of(new MobilityMessage.BindingAcknowledgement(status, 0, sequence, MobilityHeader.units(600)),
                nat ? List.of(new MobilityOption.NatDetection(0, 110)) : List.of());
    }

    @Test
    void shouldTurnToUdpOnlyThePathTheAnswerSpeaksForAndKeepIt() {
        Ipv4Address wired = Ipv4Address.parse("10.9.9.9");
        Ipv4Address behindNat = Ipv4Address.parse("10.1.2.3");
        BindingTable node = BindingTable.builder(BindingTable.Role.MOBILE_NODE, Mip6Vectors.HA, Mip6Vectors.HOA)
                .homeAgentIpv4(HA4).build();
        node.apply(bidUpdate(1, 0, 1, wired), Mip6Vectors.COA, wired, 5000, 0);
        node.apply(bidUpdate(2, 0, 2, behindNat), Mip6Vectors.COA, behindNat, 40000, 0);
        node.acknowledge(answer(0, 1, true));
        assertThat(node.snapshot().ipv4Tunnel(1).udp()).as("a stale answer (Sequence 1, not 2)").isFalse();
        node.acknowledge(answer(135, 2, true));
        assertThat(node.snapshot().ipv4Tunnel(1).udp()).as("a refusal").isFalse();
        node.acknowledge(answer(0, 2, true));
        BindingTable.Snapshot s = node.snapshot();
        assertThat(s.ipv4Tunnel(0)).as("BID 1: not the answered path").isEqualTo(Ipv4CareOfTunnel.builder(wired, HA4).build());
        assertThat(s.ipv4Tunnel(1)).isEqualTo(Ipv4CareOfTunnel.builder(behindNat, HA4).udp(40000, 4191).build());
        // its own refresh cannot tell a NAT: it keeps UDP (RFC 5555 §4.4.2)
        node.apply(bidUpdate(3, 0, 2, behindNat), Mip6Vectors.COA, behindNat, 40000, 0);
        assertThat(node.snapshot().ipv4Tunnel(1).udp()).isTrue();
        // F from its own address: UDP, and no NAT Detection option in a mobile node's answer
        assertThat(node.apply(bidUpdate(4, MobilityMessage.BindingUpdate.F, 1, wired), Mip6Vectors.COA, wired, 5000, 0)
                .option(MobilityOption.NatDetection.class)).isNull();
        assertThat(node.snapshot().ipv4Tunnel(0).udp()).isTrue();

        // applied without outer headers, the port is unknown: UDP asked for, no tunnel
        BindingTable blind = BindingTable.builder(BindingTable.Role.MOBILE_NODE, Mip6Vectors.HA, Mip6Vectors.HOA)
                .homeAgentIpv4(HA4).build();
        blind.apply(bidUpdate(1, 0, 1, wired), Mip6Vectors.COA, 0);
        assertThat(blind.snapshot().ipv4Tunnel(0)).isNotNull();
        blind.acknowledge(answer(0, 1, true));
        assertThat(blind.snapshot().ipv4Tunnel(0)).isNull();
    }

    @Test
    void shouldForgetANatPathWhenTheRegularBindingMovesToIpv6() {
        BindingTable table = BindingTable.builder(BindingTable.Role.HOME_AGENT, Mip6Vectors.HA, Mip6Vectors.HOA)
                .homeAgentIpv4(HA4).build();
        MobilityHeader v4 = MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.H,
                MobilityHeader.units(600)), List.of(new MobilityOption.Ipv4CareOfAddress(0, COA4)));
        table.apply(v4, Mip6Vectors.COA, NAT, NAT_PORT, 0);
        assertThat(table.snapshot().ipv4Tunnel(0).udp()).isTrue();
        table.apply(MobilityHeader.of(new MobilityMessage.BindingUpdate(2, MobilityMessage.BindingUpdate.H,
                MobilityHeader.units(600)), List.of()), Mip6Vectors.COA, 0);
        assertThat(table.snapshot().ipv4Tunnel(0)).isNull();
        MobilityHeader again = MobilityHeader.of(new MobilityMessage.BindingUpdate(3, MobilityMessage.BindingUpdate.H,
                MobilityHeader.units(600)), List.of(new MobilityOption.Ipv4CareOfAddress(0, COA4)));
        table.apply(again, Mip6Vectors.COA, 0);
        assertThat(table.snapshot().ipv4Tunnel(0)).as("direct: the old NAT path is gone")
                .isEqualTo(Ipv4CareOfTunnel.builder(HA4, COA4).build());
    }

    @Test
    void shouldTieTheIpv4HomeAddressToTheIpv6Bindings() {
        Ipv4Address home = Ipv4Address.parse("192.0.2.100");
        BindingTable table = BindingTable.builder(BindingTable.Role.HOME_AGENT, Mip6Vectors.HA, Mip6Vectors.HOA)
                .ipv4HomeAddress(home, 32).build();
        // its only BID refreshed without an address and unknown: no IPv6 binding, so no IPv4 one
        MobilityHeader lone = MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.H,
                MobilityHeader.units(600)), List.of(new MobilityOption.BindingIdentifier(5, 0, 1,
                org.tunnelcodec.core.ByteString.EMPTY), new MobilityOption.Ipv4HomeAddress(32, 0, Ipv4Address.ANY)));
        assertThat(ipv4Ack(table.apply(lone, Mip6Vectors.COA, 0)).status()).isEqualTo(BindingTable.IPV4_FAILURE);
        assertThat(table.ipv4HomeAddress()).isEmpty();
        // two BIDs and the address; deregistering one keeps it, the bindings' expiry drops it
        MobilityHeader two = MobilityHeader.of(new MobilityMessage.BindingUpdate(2, MobilityMessage.BindingUpdate.H,
                MobilityHeader.units(600)), List.of(
                new MobilityOption.BindingIdentifier(1, 0, 1, org.tunnelcodec.core.ByteString.of(COA4.toByteArray())),
                new MobilityOption.BindingIdentifier(2, 0, 2, org.tunnelcodec.core.ByteString.of(NAT.toByteArray())),
                new MobilityOption.Ipv4HomeAddress(32, 0, home)));
        assertThat(ipv4Ack(table.apply(two, Mip6Vectors.COA, 0)).status()).isZero();
        table.apply(MobilityHeader.of(new MobilityMessage.BindingUpdate(3, MobilityMessage.BindingUpdate.H, 0), List.of(
                new MobilityOption.BindingIdentifier(2, 0, 2, org.tunnelcodec.core.ByteString.EMPTY))), Mip6Vectors.COA, 0);
        assertThat(table.bindings()).hasSize(1);
        assertThat(table.ipv4HomeAddress()).contains(home);
        table.expire(10_000);
        assertThat(table.ipv4HomeAddress()).isEmpty();
    }

    @Test
    void shouldGiveNoIpv4TunnelWithoutTheHomeAgentsAddressOnTheMobileNodeOrWithoutThePort() {
        BindingTable plain = BindingTable.builder(BindingTable.Role.HOME_AGENT, Mip6Vectors.HA, Mip6Vectors.HOA)
                .mobileRouter(List.of(new BindingTable.Prefix(Ipv6Address.parse("2001:db8:aaaa::"), 48))).build();
        plain.apply(m2(), Mip6Vectors.COA, NAT, NAT_PORT, 0);
        assertThat(plain.snapshot().ipv4Tunnel(plain.snapshot().bindingId(0) == 2 ? 0 : 1)).isNull();

        BindingTable withoutOuter = homeAgent();
        withoutOuter.apply(m2(), Mip6Vectors.COA, 0);
        BindingTable.Snapshot s = withoutOuter.snapshot();
        assertThat(s.ipv4Tunnel(s.bindingId(0) == 2 ? 0 : 1)).as("to the care-of address itself")
                .isEqualTo(Ipv4CareOfTunnel.builder(HA4, COA4).build());

        BindingTable mobileNode = BindingTable.builder(BindingTable.Role.MOBILE_NODE, Mip6Vectors.HA, Mip6Vectors.HOA)
                .build();
        mobileNode.apply(m2(), Mip6Vectors.COA, COA4, NAT_PORT, 0);
        assertThat(mobileNode.mobileRouter()).as("its own registration, unchecked").isTrue();
        MobilityMessage.BindingUpdate m2 = (MobilityMessage.BindingUpdate) m2().message();
        MobilityHeader again = MobilityHeader.of(new MobilityMessage.BindingUpdate(m2.sequence() + 1, m2.flags(),
                m2.lifetime()), m2().significantOptions());
        assertThat(nat(mobileNode.apply(again, Mip6Vectors.COA, NAT, NAT_PORT, 0)))
                .as("a mobile node's table answers nothing about NATs").isNull();
        assertThat(mobileNode.snapshot().size()).isEqualTo(2);
        assertThat(mobileNode.snapshot().ipv4Tunnel(0)).as("no home agent IPv4 address given").isNull();
        assertThat(mobileNode.snapshot().ipv4Tunnel(1)).isNull();
        assertThatThrownBy(() -> withoutOuter.apply(m2(), Mip6Vectors.COA, NAT, 70000, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
