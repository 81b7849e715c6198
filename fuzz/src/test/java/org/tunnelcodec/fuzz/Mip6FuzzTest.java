package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.fuzz.Contract.Accepted;
import org.tunnelcodec.mip6.BindingTable;
import org.tunnelcodec.mip6.Ipv4CareOfTunnel;
import org.tunnelcodec.mip6.Ipv4TrafficSelector;
import org.tunnelcodec.mip6.Mip6Tunnel;
import org.tunnelcodec.mip6.MobilityHeader;
import org.tunnelcodec.mip6.MobilityHeaderDecoder;
import org.tunnelcodec.mip6.MobilityMessage;
import org.tunnelcodec.mip6.MobilityOption;
import org.tunnelcodec.mip6.FlowSubOption;

/**
 * Fuzz tests of the Mobile IPv6 module: the Mobility Header decoder (every message type and
 * option), with its index-based entry, its allocation-free check and its Payload Proto, Header
 * Len and MH Type peeks. Each input is the bytes of one Mobility Header and what follows it.
 * And the per-packet paths: a home agent's binding table (a mobile router with an IPv6 care-of
 * address and an IPv4 one behind a NAT, a flow binding) selecting and taking packets back, and
 * the tunnels' checks; each input is one IP packet.
 */
class Mip6FuzzTest {
    static final Ipv6Address HA = Ipv6Address.parse("2001:db8:a::1");
    static final Ipv6Address HOA = Ipv6Address.parse("2001:db8:a::100");
    static final Ipv6Address COA = Ipv6Address.parse("2001:db8:c0a::100");
    static final Ipv4Address HA4 = Ipv4Address.parse("192.0.2.1");
    static final Ipv4Address NAT = Ipv4Address.parse("203.0.113.50");
    static final BindingTable.Snapshot SNAPSHOT = homeAgent();
    static final Mip6Tunnel IPV6_TUNNEL = Mip6Tunnel.builder(COA, HA).build();
    static final Ipv4CareOfTunnel IPV4_TUNNEL = Ipv4CareOfTunnel.builder(HA4, NAT).build();
    static final Ipv4CareOfTunnel UDP_TUNNEL = Ipv4CareOfTunnel.builder(HA4, NAT).udp(Ipv4CareOfTunnel.PORT, 61000).build();
    static final BindingTable.Snapshot MOBILE_NODE = mobileNode();

    /** The mobile node's side: an IPv6 care-of address and an IPv4 one behind a NAT, in UDP. */
    private static BindingTable.Snapshot mobileNode() {
        BindingTable t = BindingTable.builder(BindingTable.Role.MOBILE_NODE, HA, HOA).homeAgentIpv4(HA4).build();
        Ipv4Address own = Ipv4Address.parse("10.1.2.3");
        t.apply(MobilityHeader.of(new MobilityMessage.BindingUpdate(1, MobilityMessage.BindingUpdate.A
                | MobilityMessage.BindingUpdate.H, MobilityHeader.units(600)), List.of(
                MobilityOption.BindingIdentifier.of(1, 1, COA),
                new MobilityOption.BindingIdentifier(2, 0, 2, ByteString.of(own.toByteArray())))), COA, own, 40000, 0);
        t.acknowledge(MobilityHeader.of(new MobilityMessage.BindingAcknowledgement(0, 0, 1, MobilityHeader.units(600)),
                List.of(new MobilityOption.NatDetection(0, 110))));
        BindingTable.Snapshot s = t.snapshot();
        if (s.size() != 2 || s.ipv4Tunnel(1) == null || !s.ipv4Tunnel(1).udp()) {
            throw new IllegalStateException("not the mobile node's table the fuzz test needs: " + s);
        }
        return s;
    }

    private static BindingTable.Snapshot homeAgent() {
        BindingTable t = BindingTable.builder(BindingTable.Role.HOME_AGENT, HA, HOA).homeAgentIpv4(HA4)
                .mobileRouter(List.of(new BindingTable.Prefix(Ipv6Address.parse("2001:db8:aaaa::"), 48))).build();
        int flags = MobilityMessage.BindingUpdate.A | MobilityMessage.BindingUpdate.H | MobilityMessage.BindingUpdate.R;
        MobilityOption.MobileNetworkPrefix mnp = new MobilityOption.MobileNetworkPrefix(0, 64,
                Ipv6Address.parse("2001:db8:aaaa:1::"));
        // BID 1 on an IPv6 care-of address and BID 3 on an IPv4 one without a NAT (IPv4 in IPv4)...
        t.apply(MobilityHeader.of(new MobilityMessage.BindingUpdate(1, flags, MobilityHeader.units(600)), List.of(mnp,
                MobilityOption.BindingIdentifier.of(1, 1, COA),
                new MobilityOption.BindingIdentifier(3, 0, 3, ByteString.of(Ipv4Address.parse("198.51.100.9").toByteArray())))),
                COA, Ipv4Address.parse("198.51.100.9"), 5000, 0);
        // ...then BID 2 behind a NAT (IPv4 and UDP), with a flow bound to it
        t.apply(MobilityHeader.of(new MobilityMessage.BindingUpdate(2, flags, MobilityHeader.units(600)), List.of(mnp,
                new MobilityOption.BindingIdentifier(2, 0, 2, ByteString.of(Ipv4Address.parse("198.51.100.7").toByteArray())),
                new MobilityOption.FlowIdentification(10, 1, 0, 0, List.of(FlowSubOption.TrafficSelector.of(
                        Ipv4TrafficSelector.builder().destinationPortRange(5060, 5061).protocol(17).build()),
                        new FlowSubOption.BidReference(List.of(2)))))), COA, NAT, 61000, 0);
        BindingTable.Snapshot s = t.snapshot();
        if (s.size() != 3 || s.ipv4Tunnel(1) == null || s.ipv4Tunnel(2) == null || s.ipv4Tunnel(1).udp() == s.ipv4Tunnel(2).udp()) {
            throw new IllegalStateException("not the table the fuzz test needs: " + s);
        }
        return s;
    }

    /**
     * The binding table's selection and decapsulation and the tunnels' checks never throw for any
     * octets, and an inner packet they find starts inside the outer one.
     */
    @FuzzTest
    void tunnelDataPath(byte[] data) {
        Contract.outcome(data, src -> {
            int start = src.position();
            int end = src.limit();
            int[] inner = {SNAPSHOT.decapsulate(src, start, end), IPV6_TUNNEL.decapsulate(src, start, end),
                IPV4_TUNNEL.decapsulate(src, start, end), UDP_TUNNEL.decapsulate(src, start, end),
                MOBILE_NODE.decapsulate(src, start, end)};
            for (int i = 0; i < inner.length; i++) {
                check(inner[i] == -1 || inner[i] > start && inner[i] <= end, "an inner packet outside the outer one",
                        data, Arrays.toString(inner));
                inner[i] = inner[i] < 0 ? -1 : inner[i] - start;
            }
            int slot = SNAPSHOT.select(src, start, end);
            check(slot >= 0 && slot < SNAPSHOT.size(), "no binding selected", data, Integer.toString(slot));
            int flow = SNAPSHOT.matchFlow(src, start, end);
            return Arrays.toString(inner) + " slot " + slot + " flow " + flow;
        });
    }

    /** The decoder, its check, and the peeks. */
    @FuzzTest
    void mobilityHeader(byte[] data) {
        Object decoded = Contract.decoder(data, Decoders.MOBILITY_HEADER, Decoders.MOBILITY_HEADER_AT);
        Object checked = Scans.agree(data, decoded, Decoders.MOBILITY_HEADER_CHECKED);
        if (decoded instanceof Accepted a) {
            long lengths = (long) a.headerLength() << 32 | a.payloadLength();
            check(checked.equals(lengths) && a.headerLength() == 8 * ((data[1] & 0xFF) + 1)
                    && a.payloadLength() == data.length - a.headerLength(), "MobilityHeaderDecoder.checked disagrees"
                    + " with decode", data, checked + " vs " + a);
        }
        MobilityHeader h = decoded instanceof Accepted a ? (MobilityHeader) a.header() : null;
        Peeks.peek(data, decoded, "MobilityHeaderDecoder.payloadProto", 1,
                src -> MobilityHeaderDecoder.payloadProto(src, src.position()), d -> Peeks.be(d, 0, 1),
                h == null ? null : 59L);
        Peeks.peek(data, decoded, "MobilityHeaderDecoder.headerLength", 2,
                src -> MobilityHeaderDecoder.headerLength(src, src.position()), d -> 8 * (Peeks.be(d, 1, 1) + 1),
                h == null ? null : (long) h.length());
        Peeks.peek(data, decoded, "MobilityHeaderDecoder.mhType", 3,
                src -> MobilityHeaderDecoder.mhType(src, src.position()), d -> Peeks.be(d, 2, 1),
                h == null ? null : (long) h.type());
    }
}
