package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * {@link BindingTable} as a home agent of a mobile router (NEMO Basic Support, RFC 3963), rule by
 * rule: Status 140 when mobile routers are not permitted or H is clear (§6.6, §6.2), 139 when R
 * differs from the existing entry's (§6.2), explicit mode checked against the Prefix Table (142,
 * §6.2 and §9) and implicit mode taking it (143 when empty, §6.2), the whole update refused on
 * any failure (§6.2: "MUST NOT register the binding"), a refresh replacing the prefixes (§6.2),
 * a deregistration ignoring its prefix options and removing them all (§6.7), R in the answer
 * (§4.2), and the reverse tunnel's inner-source check (§9, §8).
 */
class BindingTableNemoTest {
    static final Ipv6Address HA = Mip6Vectors.HA;
    static final Ipv6Address HOA = Mip6Vectors.HOA;
    static final Ipv6Address WIFI = Ipv6Address.parse("2001:db8:c0a::100");
    static final Ipv6Address LTE = Ipv6Address.parse("2001:db8:1e::7");
    /** The Prefix Table's entry for this mobile router: what it may serve. */
    static final BindingTable.Prefix AUTHORIZED = new BindingTable.Prefix(Ipv6Address.parse("2001:db8:100::"), 40);

    private final BindingTable table = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA)
            .mobileRouter(List.of(AUTHORIZED)).build();
    private int sequence = 1;

    private static MobilityOption.MobileNetworkPrefix mnp(String prefix, int length) {
        return new MobilityOption.MobileNetworkPrefix(0, length, Ipv6Address.parse(prefix));
    }

    private MobilityHeader apply(BindingTable t, int flags, long lifetime, MobilityOption... options) {
        return t.apply(MobilityHeader.of(new MobilityMessage.BindingUpdate(sequence++, flags | MobilityMessage.BindingUpdate.A,
                MobilityHeader.units(lifetime)), List.of(options)), WIFI, 1000);
    }

    private MobilityHeader register(MobilityOption... options) {
        return apply(table, MobilityMessage.BindingUpdate.H | MobilityMessage.BindingUpdate.R, 600, options);
    }

    private static MobilityMessage.BindingAcknowledgement ack(MobilityHeader h) {
        return (MobilityMessage.BindingAcknowledgement) h.message();
    }

    private static BindingTable.Prefix prefix(String prefix, int length) {
        return new BindingTable.Prefix(Ipv6Address.parse(prefix), length);
    }

    @Test
    void shouldSetUpForwardingForTheExplicitPrefixesAndAnswerWithR() {
        MobilityHeader ba = register(mnp("2001:db8:100::", 48), mnp("2001:db8:101:7::", 64));
        assertThat(ack(ba).status()).isZero();
        assertThat(ack(ba).has(MobilityMessage.BindingAcknowledgement.R)).as("RFC 3963 §4.2, §6.6").isTrue();
        assertThat(table.mobileRouter()).isTrue();
        assertThat(table.mobileNetworkPrefixes()).containsExactly(prefix("2001:db8:100::", 48),
                prefix("2001:db8:101:7::", 64));
        BindingTable.Snapshot s = table.snapshot();
        assertThat(s.mobileRouter()).isTrue();
        assertThat(s.mobileNetworkPrefixes()).isEqualTo(table.mobileNetworkPrefixes());
        assertThat(in(s, "2001:db8:100:ffff::1")).isTrue();
        assertThat(in(s, "2001:db8:101:7:1:2:3:4")).isTrue();
        assertThat(in(s, "2001:db8:101:8::1")).as("outside the /64").isFalse();
        assertThat(in(s, "2001:db8:a::100")).as("the home address").isTrue();
        assertThat(in(s, "2001:db8:a::101")).isFalse();
    }

    private static boolean in(BindingTable.Snapshot s, String address) {
        Ipv6Address a = Ipv6Address.parse(address);
        return s.inMobileNetwork(a.high(), a.low());
    }

    @Test
    void shouldTakeThePrefixTableInImplicitModeAndFailWhenItIsEmpty() {
        assertThat(ack(register()).status()).isZero();
        assertThat(table.mobileNetworkPrefixes()).containsExactly(AUTHORIZED);

        BindingTable none = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).mobileRouter(List.of()).build();
        MobilityHeader ba = apply(none, MobilityMessage.BindingUpdate.H | MobilityMessage.BindingUpdate.R, 600);
        assertThat(ack(ba).status()).as("RFC 3963 §6.2, implicit mode without information").isEqualTo(143);
        assertThat(ack(ba).has(MobilityMessage.BindingAcknowledgement.R)).isFalse();
        assertThat(none.bindings()).isEmpty();
        assertThat(none.lastSequence()).as("a refused update is not accepted").isEqualTo(-1);
    }

    @Test
    void shouldRefuseMobileRouterOperationWhenNotPermittedOrWithoutH() {
        BindingTable plain = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).build();
        MobilityHeader ba = apply(plain, MobilityMessage.BindingUpdate.H | MobilityMessage.BindingUpdate.R, 600,
                mnp("2001:db8:100::", 48));
        assertThat(ack(ba).status()).as("RFC 3963 §6.6").isEqualTo(BindingTable.MOBILE_ROUTER_NOT_PERMITTED);
        assertThat(ack(ba).flags()).isZero();
        assertThat(plain.bindings()).isEmpty();

        ba = apply(table, MobilityMessage.BindingUpdate.R, 600, mnp("2001:db8:100::", 48));
        assertThat(ack(ba).status()).as("RFC 3963 §6.2: H MUST be set").isEqualTo(140);
        assertThat(table.bindings()).isEmpty();
    }

    @Test
    void shouldRefuseTheWholeUpdateForOneUnauthorizedOrInvalidPrefix() {
        MobilityHeader ba = register(mnp("2001:db8:100::", 48), mnp("2001:db8:200::", 48));
        assertThat(ack(ba).status()).as("RFC 3963 §6.2, §9").isEqualTo(BindingTable.NOT_AUTHORIZED_FOR_PREFIX);
        assertThat(table.bindings()).as("§6.2: MUST NOT register the binding").isEmpty();
        assertThat(table.mobileNetworkPrefixes()).isEmpty();
        assertThat(ack(register(mnp("2001:db8::", 32))).status()).as("shorter than the authorized /40").isEqualTo(142);
        assertThat(ack(register(mnp("2001:db8:100::", 0))).status()).isEqualTo(BindingTable.INVALID_PREFIX);
        assertThat(ack(register(mnp("2001:db8:100::", 129))).status()).isEqualTo(141);
        assertThat(table.bindings()).isEmpty();
    }

    @Test
    void shouldReplaceThePrefixesOnRefreshAndDropThemAllOnDeregistration() {
        register(mnp("2001:db8:100::", 48), mnp("2001:db8:101::", 48));
        assertThat(ack(register(mnp("2001:db8:101::", 48))).status()).isZero();
        assertThat(table.mobileNetworkPrefixes()).as("RFC 3963 §6.2: forwarding for the dropped one disabled")
                .containsExactly(prefix("2001:db8:101::", 48));
        assertThat(in(table.snapshot(), "2001:db8:100::1")).isFalse();

        MobilityHeader ba = apply(table, MobilityMessage.BindingUpdate.H | MobilityMessage.BindingUpdate.R, 0,
                mnp("2001:db8:100::", 48));
        assertThat(ack(ba).status()).isZero();
        assertThat(table.bindings()).isEmpty();
        assertThat(table.mobileRouter()).isFalse();
        assertThat(table.mobileNetworkPrefixes()).as("§6.7: prefix options of a deregistration ignored").isEmpty();
        assertThat(table.snapshot().mobileNetworkPrefixes()).isEmpty();
    }

    @Test
    void shouldRefuseAChangeOfRegistrationTypeButNotADeregistration() {
        assertThat(ack(apply(table, MobilityMessage.BindingUpdate.H, 600)).status()).isZero();
        MobilityHeader ba = register(mnp("2001:db8:100::", 48));
        assertThat(ack(ba).status()).as("RFC 3963 §6.2: R differs").isEqualTo(BindingTable.REGISTRATION_TYPE_CHANGE_DISALLOWED);
        assertThat(table.mobileRouter()).isFalse();
        assertThat(table.bindings()).hasSize(1);

        assertThat(ack(apply(table, MobilityMessage.BindingUpdate.H, 0)).status()).isZero();
        assertThat(ack(register(mnp("2001:db8:100::", 48))).status()).as("no entry left: a new registration").isZero();
        assertThat(ack(apply(table, MobilityMessage.BindingUpdate.H, 600)).status()).isEqualTo(139);
        assertThat(table.mobileRouter()).isTrue();
        assertThat(ack(apply(table, MobilityMessage.BindingUpdate.H, 0)).status())
                .as("§6.2: a deregistration ignores R").isZero();
        assertThat(table.mobileRouter()).isFalse();
    }

    @Test
    void shouldRegisterAMobileRouterWithSeveralCareOfAddresses() {
        MobilityHeader ba = register(mnp("2001:db8:100::", 48), MobilityOption.BindingIdentifier.of(1, 1, WIFI),
                MobilityOption.BindingIdentifier.of(2, 2, LTE));
        assertThat(ack(ba).status()).isZero();
        assertThat(ack(ba).has(MobilityMessage.BindingAcknowledgement.R)).isTrue();
        assertThat(table.bindings()).hasSize(2);
        assertThat(table.snapshot().mobileNetworkPrefixes()).containsExactly(prefix("2001:db8:100::", 48));
        // the answer goes through the encoder and decoder unchanged
        ByteBuffer out = ByteBuffer.allocate(MobilityHeaderEncoder.encodedLength(ba));
        MobilityHeaderEncoder.encode(ba, out, MobilityPseudoHeader.of(HA, WIFI, null, HOA));
        MobilityHeader back = MobilityHeaderDecoder.decode(out, 0, out.limit(), MobilityPseudoHeader.of(HA, WIFI, null, HOA))
                .header(); // the checksum verified
        assertThat(back.message()).isEqualTo(ba.message());
        assertThat(back.options()).isEqualTo(ba.options());
    }

    /** An IPv6 packet from {@code source} to a correspondent, tunnelled from the mobile router's care-of address. */
    private static ByteBuffer reverseTunnelled(BindingTable mobileRouterSide, Ipv6Address source, int version) {
        ByteBuffer buf = ByteBuffer.allocate(64 + 40);
        if (version == 6) {
            buf.putInt(64, 6 << 28).putShort(68, (short) 0).put(70, (byte) 59).put(71, (byte) 64)
                    .putLong(72, source.high()).putLong(80, source.low())
                    .putLong(88, 0x2001_0db8_00ffL << 16).putLong(96, 1);
        } else {
            buf.putShort(64, (short) 0x4500).putShort(66, (short) 40).put(72, (byte) 64).put(73, (byte) 59)
                    .putInt(76, 0xC000_0201).putInt(80, 0x0A00_0001);
        }
        int start = mobileRouterSide.snapshot().tunnel(0).push(buf, 64, 104);
        return buf.position(start);
    }

    @Test
    void shouldTakeBackOnlyPacketsFromTheMobileNetwork() {
        register(mnp("2001:db8:100::", 48));
        BindingTable router = BindingTable.builder(BindingTable.Role.MOBILE_NODE, HA, HOA).build();
        router.apply(MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.H,
                MobilityHeader.units(600)), List.of()), WIFI, 0);
        BindingTable.Snapshot s = table.snapshot();

        ByteBuffer fromNetwork = reverseTunnelled(router, Ipv6Address.parse("2001:db8:100:5::9"), 6);
        assertThat(s.decapsulate(fromNetwork, fromNetwork.position(), 104)).isEqualTo(64);
        ByteBuffer fromHome = reverseTunnelled(router, HOA, 6);
        assertThat(s.decapsulate(fromHome, fromHome.position(), 104)).isEqualTo(64);
        ByteBuffer spoofed = reverseTunnelled(router, Ipv6Address.parse("2001:db8:200::9"), 6);
        assertThat(s.decapsulate(spoofed, spoofed.position(), 104)).as("RFC 3963 §9").isEqualTo(-1);
        ByteBuffer ipv4 = reverseTunnelled(router, null, 4);
        assertThat(s.decapsulate(ipv4, ipv4.position(), 104)).as("no IPv4 network registered").isEqualTo(-1);

        BindingTable linkLocal = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA)
                .mobileRouter(List.of(prefix("fe80::", 10))).build();
        linkLocal.apply(MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.H
                | MobilityMessage.BindingUpdate.R, MobilityHeader.units(600)), List.of(mnp("fe80::", 64))), WIFI, 0);
        ByteBuffer local = reverseTunnelled(router, Ipv6Address.parse("fe80::1"), 6);
        assertThat(linkLocal.snapshot().decapsulate(local, local.position(), 104)).as("RFC 3963 §8").isEqualTo(-1);

        // a mobile node's table takes any inner source, as before
        BindingTable node = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).build();
        node.apply(MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.H,
                MobilityHeader.units(600)), List.of()), WIFI, 0);
        assertThat(node.snapshot().decapsulate(spoofed, spoofed.position(), 104)).isEqualTo(64);

        ByteBuffer[] packets = {fromNetwork, spoofed};
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            ByteBuffer p = packets[next[0]++ & 1];
            return s.decapsulate(p, p.position(), 104);
        });
        assertThat(bytes).isZero();
    }

    @Test
    void shouldKeepThePrefixesWhileABindingRemainsAndDropThemWithTheLast() {
        assertThat(ack(register(mnp("2001:db8:100::", 48), MobilityOption.BindingIdentifier.of(1, 1, WIFI),
                MobilityOption.BindingIdentifier.of(2, 2, LTE))).status()).isZero();
        MobilityHeader some = apply(table, MobilityMessage.BindingUpdate.H | MobilityMessage.BindingUpdate.R, 0,
                new MobilityOption.BindingIdentifier(2, 0, 2, org.tunnelcodec.core.ByteString.EMPTY));
        assertThat(ack(some).status()).isZero();
        assertThat(table.bindings()).hasSize(1);
        assertThat(table.mobileRouter()).isTrue();
        assertThat(table.mobileNetworkPrefixes()).containsExactly(prefix("2001:db8:100::", 48));
        assertThat(table.expire(1000 + 600)).isEqualTo(1);
        assertThat(table.mobileRouter()).as("RFC 3963 §5.8: the prefixes go with the entry").isFalse();
        assertThat(table.snapshot().mobileNetworkPrefixes()).isEmpty();
    }

    @Test
    void shouldAnswer141BeforeLookingUpAnyPrefixAnd140ForADeregistrationWhenNotPermitted() {
        assertThat(ack(register(mnp("2001:db8:200::", 48), mnp("2001:db8:100::", 200))).status())
                .as("the Prefix Lengths are checked first").isEqualTo(141);
        BindingTable plain = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).build();
        assertThat(ack(apply(plain, MobilityMessage.BindingUpdate.H | MobilityMessage.BindingUpdate.R, 0)).status())
                .isEqualTo(140);
    }

    @Test
    void shouldClearTheBitsPastThePrefixLength() {
        assertThat(prefix("2001:db8:100::1", 48)).isEqualTo(prefix("2001:db8:100::", 48));
        assertThat(prefix("2001:db8:100::1", 48).address()).isEqualTo(Ipv6Address.parse("2001:db8:100::"));
        assertThat(prefix("2001:db8::ffff:ffff:ffff:ffff", 96).address()).isEqualTo(Ipv6Address.parse("2001:db8::ffff:ffff:0:0"));
        assertThat(prefix("ffff::", 1).address()).isEqualTo(Ipv6Address.parse("8000::"));
        ack(register(mnp("2001:db8:100:0:1::", 64)));
        assertThat(table.mobileNetworkPrefixes()).containsExactly(prefix("2001:db8:100::", 64));
    }

    @Test
    void shouldCheckPrefixComponentsAndCoverage() {
        assertThatThrownBy(() -> prefix("2001:db8::", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> prefix("2001:db8::", 129)).isInstanceOf(IllegalArgumentException.class);
        assertThat(prefix("2001:db8::", 32).covers(prefix("2001:db8:ffff::", 48))).isTrue();
        assertThat(prefix("2001:db8::", 32).covers(prefix("2001:db9::", 48))).isFalse();
        assertThat(prefix("2001:db8::", 48).covers(prefix("2001:db8::", 32))).isFalse();
        assertThat(prefix("2001:db8::1", 128).covers(prefix("2001:db8::1", 128))).isTrue();
        assertThat(prefix("2001:db8::1", 128).covers(prefix("2001:db8::2", 128))).isFalse();
        BindingTable.Prefix p = prefix("2001:db8:0:0:8000::", 65);
        assertThat(p.contains(Ipv6Address.parse("2001:db8::ffff:0:0:1").high(), Ipv6Address.parse("2001:db8::ffff:0:0:1").low()))
                .isTrue();
        assertThat(p.contains(Ipv6Address.parse("2001:db8::7fff:0:0:1").high(), Ipv6Address.parse("2001:db8::7fff:0:0:1").low()))
                .isFalse();
        assertThat(prefix("8000::", 1).contains(0x8000_0000_0000_0000L, 0)).isTrue();
        assertThat(prefix("8000::", 1).contains(0x7FFF_FFFF_FFFF_FFFFL, -1)).isFalse();
        assertThat(prefix("2001:db8::", 64)).hasToString("2001:db8::/64");
    }
}
