package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.mip6.MobilityMessage.BindingRevocation;
import org.tunnelcodec.mip6.MobilityMessage.Experimental;
import org.tunnelcodec.mip6.MobilityMessage.FastBindingAcknowledgement;
import org.tunnelcodec.mip6.MobilityMessage.FastBindingUpdate;
import org.tunnelcodec.mip6.MobilityMessage.FastNeighborAdvertisement;
import org.tunnelcodec.mip6.MobilityMessage.FlowBinding;
import org.tunnelcodec.mip6.MobilityMessage.HandoverAcknowledge;
import org.tunnelcodec.mip6.MobilityMessage.HandoverInitiate;
import org.tunnelcodec.mip6.MobilityMessage.Heartbeat;
import org.tunnelcodec.mip6.MobilityMessage.HomeAgentSwitch;
import org.tunnelcodec.mip6.MobilityMessage.LocalizedRoutingAcknowledgement;
import org.tunnelcodec.mip6.MobilityMessage.LocalizedRoutingInitiation;
import org.tunnelcodec.mip6.MobilityMessage.Raw;
import org.tunnelcodec.mip6.MobilityMessage.SubscriptionQuery;
import org.tunnelcodec.mip6.MobilityMessage.SubscriptionResponse;
import org.tunnelcodec.mip6.MobilityMessage.UpdateNotification;
import org.tunnelcodec.mip6.MobilityMessage.UpdateNotificationAcknowledgement;

/**
 * MH Types 8 to 23, one hand-built vector each, laid out octet by octet after the type's RFC
 * figure (Checksum 0, PadN to a multiple of 8 octets): the decoder reads every field as the
 * figure places it, the sender's record ({@link MobilityHeader#of}) encodes to the same octets,
 * and a Header Len too short for the type's fixed part is refused citing the section of its
 * layout. Also: the types whose fixed part fits in the first 8 octets take Header Len 0, the
 * Experimental Mobility Header's options are not parsed, the Binding Revocation and Flow
 * Binding types no RFC lays out and MH Types 24 and above stay {@link Raw}, the records refuse
 * what the decoder cannot produce, and the Subscription Query's 8-bit sequence numbers compare
 * modulo 2^8.
 */
class MobilityMessageTypesTest {
    private static final Ipv6Address HA2 = Ipv6Address.parse("2001:db8:a::2");
    private static final Ipv6Address HA3 = Ipv6Address.parse("2001:db8:a::3");
    private static final String PADN2 = "01020000";
    private static final String PADN4 = "010400000000";

    private static MobilityHeader decode(String hex) {
        return MobilityHeaderDecoder.decode(Mip6Vectors.buffer(hex)).header();
    }

    private static MalformedPacketException failure(String hex) {
        try {
            MobilityHeaderDecoder.decode(Mip6Vectors.buffer(hex));
        } catch (MalformedPacketException e) {
            return e;
        }
        throw new AssertionError("decoded: " + hex);
    }

    /** The vector decodes to {@code expected} and the sender's header of the same message encodes to the vector. */
    private static MobilityHeader roundTrip(String hex, MobilityMessage expected) {
        MobilityHeader h = decode(hex);
        assertThat(h.message()).isEqualTo(expected);
        MobilityHeader sent = MobilityHeader.of(expected, h.significantOptions());
        ByteBuffer b = ByteBuffer.allocate(sent.length());
        MobilityHeaderEncoder.encode(sent, b);
        assertThat(HexFormat.of().formatHex(b.array())).isEqualTo(hex);
        return h;
    }

    private static void assertShortHeaderLen(String hex, long headerLen, String rule) {
        MalformedPacketException e = failure(hex);
        assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(e.field()).isEqualTo("Header Len");
        assertThat(e.offset()).isEqualTo(1);
        assertThat(e.value()).isEqualTo(headerLen);
        assertThat(e.getMessage()).contains(rule);
    }

    @Test
    void fastBindingUpdateAsRfc5568Section622DrawsIt() {
        // Sequence # 0x1234 | A H L K, 12 reserved bits: A H | Lifetime 60
        FastBindingUpdate fbu = (FastBindingUpdate) roundTrip("3b0108000000" + "1234" + "c000" + "003c" + PADN2,
                new FastBindingUpdate(0x1234, FastBindingUpdate.A | FastBindingUpdate.H, 60)).message();
        assertThat(fbu.has(FastBindingUpdate.L)).isFalse();
        assertThat(fbu.lifetimeSeconds()).isEqualTo(60);
        assertThat(((FastBindingUpdate) decode("3b0108000000" + "0001" + "1fff" + "0000" + PADN2).message())
                .reservedFlags()).isEqualTo(0xFFF);
        assertShortHeaderLen("3b00080000001234", 0, "RFC 5568 §6.2.2");
    }

    @Test
    void fastBindingAcknowledgmentAsRfc5568Section623DrawsIt() {
        // Status 128 | K, 7 reserved bits: K | Sequence # 1 | Lifetime 600
        FastBindingAcknowledgement fback = (FastBindingAcknowledgement) roundTrip(
                "3b0109000000" + "80" + "80" + "0001" + "0258" + PADN2,
                new FastBindingAcknowledgement(128, FastBindingAcknowledgement.K, 1, 600)).message();
        assertThat(fback.accepted()).isFalse();
        assertThat(fback.keyManagement()).isTrue();
        assertThat(fback.reservedFlags()).isZero();
        assertShortHeaderLen("3b00090000008080", 0, "RFC 5568 §6.2.3");
    }

    @Test
    void fastNeighborAdvertisementAsRfc4068Section633DrawsIt() {
        // Reserved (16), options from offset 8
        roundTrip("3b000a000000" + "abcd", new FastNeighborAdvertisement(0xABCD));
        MobilityHeader h = decode("3b010a000000" + "0000" + "3c020102" + PADN2);
        assertThat(h.significantOptions()).containsExactly(new MobilityOption.Unknown(60, ByteString.fromHex("0102")));
    }

    @Test
    void experimentalMobilityHeaderAsRfc5096Section3DrawsIt() {
        // no fields: Message Data to the end, not options
        MobilityHeader h = roundTrip("3b010b000000" + "0102030405060708090a",
                new Experimental(ByteString.fromHex("0102030405060708090a")));
        assertThat(h.options()).isEmpty();
        // octets that would overrun as an option are data here
        assertThat(decode("3b000b00000005ff").message()).isEqualTo(new Experimental(ByteString.fromHex("05ff")));
        assertThat(decode("3b000b0000000000").message()).isEqualTo(new Experimental(ByteString.fromHex("0000")));
        assertThatThrownBy(() -> MobilityHeader.of(new Experimental(ByteString.fromHex("0000")),
                List.of(new MobilityOption.BindingRefreshAdvice(1)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void homeAgentSwitchAsRfc5142Section4DrawsIt() {
        // # of Addresses 2 | Reserved | two Home Agent Addresses
        String two = "0200" + "20010db8000a00000000000000000002" + "20010db8000a00000000000000000003";
        roundTrip("3b040c000000" + two, new HomeAgentSwitch(0, List.of(HA2, HA3)));
        // none and no options: Header Len 0 (RFC 5142 §4)
        roundTrip("3b000c000000" + "005a", new HomeAgentSwitch(0x5A, List.of()));
        // the options follow the addresses
        MobilityHeader h = decode("3b050c000000" + two + "0202001e" + PADN2);
        assertThat(h.significantOptions()).containsExactly(new MobilityOption.BindingRefreshAdvice(30));
        // two addresses do not fit in Header Len 3
        assertShortHeaderLen("3b030c000000" + two.substring(0, 52), 3, "at least 4 for MH Type 12 with # of Addresses 2,"
                + " RFC 5142 §4");
        List<Ipv6Address> many = new ArrayList<>(Collections.nCopies(256, HA2));
        assertThatThrownBy(() -> new HomeAgentSwitch(0, many)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heartbeatAsRfc5847Section33DrawsIt() {
        // 14 reserved bits, U, R: R | Sequence Number (32) 7
        Heartbeat hb = (Heartbeat) roundTrip("3b010d000000" + "0001" + "00000007" + PADN2,
                new Heartbeat(Heartbeat.R, 7)).message();
        assertThat(hb.response()).isTrue();
        assertThat(hb.unsolicited()).isFalse();
        Heartbeat max = (Heartbeat) decode("3b010d000000" + "fffe" + "ffffffff" + PADN2).message();
        assertThat(max.sequence()).isEqualTo(0xFFFF_FFFFL);
        assertThat(max.reservedFlags()).isEqualTo(0xFFFC);
        assertThat(max.unsolicited()).isTrue();
        assertShortHeaderLen("3b000d0000000001", 0, "RFC 5847 §3.3");
    }

    @Test
    void handoverInitiateAndAcknowledgeAsRfc5568Section621DrawsThem() {
        // Sequence # 7 | S U, 6 reserved bits: S | Code 0
        HandoverInitiate hi = (HandoverInitiate) roundTrip("3b010e000000" + "0007" + "80" + "00" + PADN4,
                new HandoverInitiate(7, HandoverInitiate.S, 0)).message();
        assertThat(hi.has(HandoverInitiate.U)).isFalse();
        assertThat(((HandoverInitiate) decode("3b010e000000" + "0007" + "7f" + "01" + PADN4).message())
                .reservedFlags()).isEqualTo(0x3F);
        assertShortHeaderLen("3b000e0000000007", 0, "RFC 5568 §6.2.1.1");
        // Sequence # 7 | Reserved | Code 3 (use the previous care-of address)
        HandoverAcknowledge hack = (HandoverAcknowledge) roundTrip("3b010f000000" + "0007" + "00" + "03" + PADN4,
                new HandoverAcknowledge(7, 0, 3)).message();
        assertThat(hack.accepted()).isTrue();
        assertShortHeaderLen("3b000f0000000007", 0, "RFC 5568 §6.2.1.2");
    }

    @Test
    void bindingRevocationAsRfc5846Section5DrawsIt() {
        // B.R. Type 1 | R. Trigger 5 | Sequence # 100 | P V G, 13 reserved bits: G
        BindingRevocation bri = (BindingRevocation) roundTrip("3b0110000000" + "01" + "05" + "0064" + "2000" + PADN2,
                new BindingRevocation(BindingRevocation.INDICATION, 5, 100, BindingRevocation.G)).message();
        assertThat(bri.indication()).isTrue();
        assertThat(bri.has(BindingRevocation.P)).isFalse();
        // B.R. Type 2 | Status 128 | Sequence # 100 | P, reserved bits 0x1fff
        BindingRevocation bra = (BindingRevocation) roundTrip("3b0110000000" + "02" + "80" + "0064" + "9fff" + PADN2,
                new BindingRevocation(BindingRevocation.ACKNOWLEDGEMENT, 128, 100, 0x9FFF)).message();
        assertThat(bra.indication()).isFalse();
        assertThat(bra.reservedFlags()).isEqualTo(0x1FFF);
        assertShortHeaderLen("3b00100000000105", 0, "B.R. Type 1, RFC 5846 §5.1");
        assertShortHeaderLen("3b00100000000200", 0, "B.R. Type 2, RFC 5846 §5.2");
        // B.R. Type 0 (reserved) and 3 (unassigned): no layout, kept raw at any length
        assertThat(decode("3b00100000000000").message()).isEqualTo(new Raw(16, ByteString.fromHex("0000")));
        MobilityHeader raw = decode("3b0110000000" + "03070001000000000000");
        assertThat(raw.message()).isEqualTo(new Raw(16, ByteString.fromHex("03070001000000000000")));
        assertThat(raw.options()).isEmpty();
        assertThatThrownBy(() -> new BindingRevocation(3, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Raw(16, ByteString.fromHex("0100"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localizedRoutingAsRfc6705Section10DrawsIt() {
        // Sequence # 300 | Reserved (16) | Lifetime 0 (stop), in seconds
        LocalizedRoutingInitiation lri = (LocalizedRoutingInitiation) roundTrip(
                "3b0111000000" + "012c" + "0000" + "0000" + PADN2, new LocalizedRoutingInitiation(300, 0, 0)).message();
        assertThat(lri.infinite()).isFalse();
        assertThat(lri.lifetimeSeconds()).isZero();
        assertThat(((LocalizedRoutingInitiation) decode("3b0111000000" + "012c" + "0000" + "ffff" + PADN2).message())
                .infinite()).isTrue();
        assertShortHeaderLen("3b0011000000012c", 0, "RFC 6705 §10.1");
        // Sequence # 300 | U, 7 reserved bits: none | Status 128 | Lifetime 600 s
        LocalizedRoutingAcknowledgement lra = (LocalizedRoutingAcknowledgement) roundTrip(
                "3b0112000000" + "012c" + "00" + "80" + "0258" + PADN2,
                new LocalizedRoutingAcknowledgement(300, 0, 128, 600)).message();
        assertThat(lra.accepted()).isFalse();
        assertThat(lra.unsolicited()).isFalse();
        assertThat(lra.lifetimeSeconds()).isEqualTo(600);
        assertShortHeaderLen("3b0012000000012c", 0, "RFC 6705 §10.2");
    }

    @Test
    void updateNotificationAsRfc7077Section4DrawsIt() {
        // Sequence # 7 | Notification Reason (16) 2 | A D, 14 reserved bits: A
        UpdateNotification un = (UpdateNotification) roundTrip("3b0113000000" + "0007" + "0002" + "8000" + PADN2,
                new UpdateNotification(7, 2, UpdateNotification.A)).message();
        assertThat(un.has(UpdateNotification.D)).isFalse();
        assertThat(un.reservedFlags()).isZero();
        assertShortHeaderLen("3b00130000000007", 0, "RFC 7077 §4.1");
        // Sequence # 7 | Status Code 128 | Reserved (24) 0x010203
        UpdateNotificationAcknowledgement una = (UpdateNotificationAcknowledgement) roundTrip(
                "3b0114000000" + "0007" + "80" + "010203" + PADN2,
                new UpdateNotificationAcknowledgement(7, 128, 0x010203)).message();
        assertThat(una.accepted()).isFalse();
        assertShortHeaderLen("3b00140000000007", 0, "RFC 7077 §4.2");
    }

    @Test
    void flowBindingAsRfc7109Section61DrawsIt() {
        // Flow Binding Type (16) 1 | Sequence # 9 | Trigger 1 | A, 7 reserved bits: A
        FlowBinding fbi = (FlowBinding) roundTrip("3b0115000000" + "0001" + "0009" + "01" + "80" + PADN2,
                new FlowBinding(FlowBinding.INDICATION, 9, 1, FlowBinding.A)).message();
        assertThat(fbi.acknowledge()).isTrue();
        assertThat(fbi.reservedFlags()).isZero();
        // Flow Binding Type 2 | Sequence # 9 | Status 0 | Reserved 0x80 (no A in an Acknowledgement)
        FlowBinding fba = (FlowBinding) roundTrip("3b0115000000" + "0002" + "0009" + "00" + "80" + PADN2,
                new FlowBinding(FlowBinding.ACKNOWLEDGEMENT, 9, 0, 0x80)).message();
        assertThat(fba.acknowledge()).isFalse();
        assertThat(fba.reservedFlags()).isEqualTo(0x80);
        assertShortHeaderLen("3b00150000000001", 0, "Flow Binding Type 1, RFC 7109 §6.1.1");
        assertShortHeaderLen("3b00150000000002", 0, "Flow Binding Type 2, RFC 7109 §6.1.2");
        // other Flow Binding Types: raw
        assertThat(decode("3b00150000000100").message()).isEqualTo(new Raw(21, ByteString.fromHex("0100")));
        assertThatThrownBy(() -> new FlowBinding(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Raw(21, ByteString.fromHex("0002"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subscriptionQueryAndResponseAsRfc7161Section43DrawsThem() {
        // Sequence # (8) 42 | Reserved (8)
        roundTrip("3b0016000000" + "2a" + "00", new SubscriptionQuery(42, 0));
        // Sequence # (8) 42 | I, 7 reserved bits: I
        SubscriptionResponse sr = (SubscriptionResponse) roundTrip("3b0017000000" + "2a" + "80",
                new SubscriptionResponse(42, SubscriptionResponse.I)).message();
        assertThat(sr.information()).isTrue();
        assertThat(sr.reservedFlags()).isZero();
        // RFC 7161 §4.3.1.2: after 15, 0-15 and 143-255 are not newer
        assertThat(SubscriptionQuery.isNewer(16, 15)).isTrue();
        assertThat(SubscriptionQuery.isNewer(142, 15)).isTrue();
        assertThat(SubscriptionQuery.isNewer(143, 15)).isFalse();
        assertThat(SubscriptionQuery.isNewer(15, 15)).isFalse();
        assertThat(SubscriptionQuery.isNewer(0, 255)).isTrue();
    }

    @Test
    void typesWhoseFixedPartFitsInEightOctetsTakeHeaderLenZeroAndTheOthersDoNot() {
        Set<Integer> fit = Set.of(10, 11, 12, 22, 23);
        for (int type = 8; type <= 23; type++) {
            String data = type == 16 ? "0100" : type == 21 ? "0001" : "0000";
            String hex = "3b00" + String.format("%02x", type) + "000000" + data;
            if (fit.contains(type)) {
                assertThat(decode(hex).type()).isEqualTo(type);
            } else {
                assertThat(failure(hex).reason()).as("MH Type %d", type).isEqualTo(Reason.BAD_LENGTH);
            }
        }
    }

    @Test
    void unassignedTypesStayRawAndTheOthersHaveRecords() {
        assertThat(decode("3b0118000000" + "00010203040506070809").message())
                .isEqualTo(new Raw(24, ByteString.fromHex("00010203040506070809")));
        for (int type = 0; type <= 23; type++) {
            if (type == 16 || type == 21) {
                continue;
            }
            int t = type;
            assertThatThrownBy(() -> new Raw(t, ByteString.fromHex("0000"))).as("MH Type %d", type)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Raw(255, ByteString.EMPTY).length()).isZero();
    }
}
