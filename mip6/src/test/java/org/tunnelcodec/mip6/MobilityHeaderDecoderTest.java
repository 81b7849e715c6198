package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.mip6.MobilityMessage.BindingAcknowledgement;
import org.tunnelcodec.mip6.MobilityMessage.BindingUpdate;
import org.tunnelcodec.mip6.MobilityOption.AlternateCareOfAddress;
import org.tunnelcodec.mip6.MobilityOption.BindingIdentifier;
import org.tunnelcodec.mip6.MobilityOption.PadN;

/**
 * The Mobility Header decoder against the vectors M1 and M3 (octet for octet, with the checksum
 * and its RFC 6275 §6.1.1 substitutions) and each receiver rule it applies, one test per rule,
 * named after it: R1-R3 and R5-R15 of the header and option walk, R4 (checksum) and R18
 * (lifetimes in 4-second units).
 */
class MobilityHeaderDecoderTest {
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

    @Test
    void shouldDecodeVectorM1() {
        MobilityHeader h = decode(Mip6Vectors.M1);
        assertThat(h.headerLen()).isEqualTo(3);
        assertThat(h.checksum()).isEqualTo(0x4130);
        BindingUpdate bu = (BindingUpdate) h.message();
        assertThat(bu.sequence()).isEqualTo(4660);
        assertThat(bu.flags()).isEqualTo(BindingUpdate.A | BindingUpdate.H | BindingUpdate.K);
        assertThat(bu.lifetime()).isEqualTo(150);
        assertThat(bu.lifetimeSeconds()).isEqualTo(600);
        assertThat(h.options()).containsExactly(new PadN(ByteString.EMPTY), new AlternateCareOfAddress(Mip6Vectors.COA));
    }

    @Test
    void shouldComputeTheM1ChecksumWithTheHomeAddressOptionAsSource() {
        ByteBuffer b = Mip6Vectors.buffer(Mip6Vectors.M1);
        MobilityPseudoHeader withHao = MobilityPseudoHeader.of(Mip6Vectors.COA, Mip6Vectors.HA, Mip6Vectors.HOA, null);
        assertThat(withHao.source()).isEqualTo(Mip6Vectors.HOA);
        assertThat(MobilityHeaderDecoder.verifyChecksum(b, 0, 32, withHao)).isTrue();
        assertThat(MobilityHeaderEncoder.fillChecksum(b, 0, 32, withHao)).isEqualTo(0x4130);
        MobilityPseudoHeader naive = new MobilityPseudoHeader(Mip6Vectors.COA, Mip6Vectors.HA);
        assertThat(MobilityHeaderEncoder.fillChecksum(b, 0, 32, naive)).isEqualTo(0x3530);
    }

    @Test
    void shouldEncodeVectorM1OctetForOctetFromTheSendersRecord() {
        MobilityHeader h = MobilityHeader.of(new BindingUpdate(0x1234, BindingUpdate.A | BindingUpdate.H | BindingUpdate.K,
                MobilityHeader.units(600)), List.of(new AlternateCareOfAddress(Mip6Vectors.COA)));
        ByteBuffer b = ByteBuffer.allocate(h.length());
        MobilityHeaderEncoder.encode(h, b, MobilityPseudoHeader.of(Mip6Vectors.COA, Mip6Vectors.HA, Mip6Vectors.HOA, null));
        assertThat(HexFormat.of().formatHex(b.array())).isEqualTo(Mip6Vectors.M1);
    }

    @Test
    void shouldDecodeVectorM3AndItsChecksumWithTheRoutingHeadersHomeAddressAsDestination() {
        MobilityHeader h = decode(Mip6Vectors.M3);
        BindingAcknowledgement ba = (BindingAcknowledgement) h.message();
        assertThat(ba.status()).isEqualTo(4);
        assertThat(ba.accepted()).isTrue();
        assertThat(ba.has(BindingAcknowledgement.R)).isTrue();
        assertThat(ba.has(BindingAcknowledgement.K)).isFalse();
        assertThat(ba.sequence()).isEqualTo(4661);
        assertThat(ba.lifetimeSeconds()).isEqualTo(600);
        assertThat(h.significantOptions()).containsExactly(new BindingIdentifier(1, 0, 1, ByteString.EMPTY),
                new BindingIdentifier(2, 166, 2, ByteString.EMPTY),
                new MobilityOption.FlowIdentification(10, 1, 0, 0x83, List.of()));
        ByteBuffer b = Mip6Vectors.buffer(Mip6Vectors.M3);
        MobilityPseudoHeader rh2 = MobilityPseudoHeader.of(Mip6Vectors.HA, Mip6Vectors.COA, null, Mip6Vectors.HOA);
        assertThat(MobilityHeaderDecoder.decode(b, 0, 48, rh2).header()).isEqualTo(h);
        assertThat(MobilityHeaderEncoder.fillChecksum(b, 0, 48, new MobilityPseudoHeader(Mip6Vectors.HA, Mip6Vectors.COA)))
                .isEqualTo(0x2106);
        // The sender's record, placed by the alignment rules (BID and Flow Identification at 8n+2), gives the same octets.
        MobilityHeader sent = MobilityHeader.of(new BindingAcknowledgement(4, BindingAcknowledgement.R, 4661, 150),
                List.of(new BindingIdentifier(1, 0, 1, ByteString.EMPTY), new BindingIdentifier(2, 166, 2, ByteString.EMPTY),
                        new MobilityOption.FlowIdentification(10, 1, 0, 0x83, List.of())));
        ByteBuffer out = ByteBuffer.allocate(sent.length());
        MobilityHeaderEncoder.encode(sent, out, rh2);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(Mip6Vectors.M3);
    }

    @Test
    void shouldFindTheMobilityHeaderBehindTheExtensionHeadersOfM1AndM3() {
        Dissector dissector = Dissector.builder().add(CoreLayers.bindings()).add(Mip6Layers.bindings()).build();
        for (String packet : List.of(Mip6Vectors.M1_PACKET, Mip6Vectors.M3_PACKET)) {
            ByteBuffer b = Mip6Vectors.buffer(packet);
            Dissection d = dissector.dissect(LinkType.RAW, b);
            DissectedLayer last = d.layers().get(d.layers().size() - 1);
            assertThat(last.header()).isInstanceOf(MobilityHeader.class);
            assertThat(last.offset()).isEqualTo(64);
            assertThat(d.isMalformed()).isFalse();
        }
        assertThat(Mip6Layers.summary(decode(Mip6Vectors.M1)))
                .isEqualTo("BU seq#=4660 A H K lifetime=600s (padn)(altcoa: 2001:db8:c0a::100)");
    }

    @Test
    void r1ShouldRefuseFewerThanEightOctetsOrFewerThanHeaderLenAnnounces() {
        MalformedPacketException e = failure("3b000000000000");
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.field()).isEqualTo("Payload Proto");
        e = failure(Mip6Vectors.M1.substring(0, 48));
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.field()).isEqualTo("Message Data");
        assertThat(e.offset() + e.available()).isEqualTo(24);
        assertThat(e.boundedBy()).isNull();
    }

    @Test
    void r2ShouldRefuseAPayloadProtoOtherThan59() {
        MalformedPacketException e = failure("06" + Mip6Vectors.M1.substring(2));
        assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(e.field()).isEqualTo("Payload Proto");
        assertThat(e.value()).isEqualTo(6);
        assertThat(e.offset()).isZero();
    }

    @Test
    void r3ShouldRefuseAHeaderLenBelowTheTypesMinimum() {
        // Home Test needs Header Len 2; Binding Update 1 (RFC 6275 §9.2)
        MalformedPacketException e = failure("3b01030000000001" + "0203040506070809");
        assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(e.field()).isEqualTo("Header Len");
        assertThat(e.offset()).isEqualTo(1);
        assertThat(e.value()).isEqualTo(1);
        assertThat(failure("3b00050000000001").reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(decode("3b00000000000000").message()).isEqualTo(new MobilityMessage.BindingRefreshRequest(0));
    }

    @Test
    void r4ShouldRefuseAChecksumThatDoesNotVerifyOnlyWhenAskedTo() {
        ByteBuffer b = Mip6Vectors.buffer(Mip6Vectors.M1);
        MobilityPseudoHeader naive = new MobilityPseudoHeader(Mip6Vectors.COA, Mip6Vectors.HA);
        assertThatThrownBy(() -> MobilityHeaderDecoder.decode(b, 0, 32, naive)).isInstanceOfSatisfying(
                MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
                    assertThat(e.field()).isEqualTo("Checksum");
                    assertThat(e.value()).isEqualTo(0x4130);
                });
        assertThat(MobilityHeaderDecoder.decode(b, 0, 32).header().checksum()).isEqualTo(0x4130);
    }

    @Test
    void r5ShouldKeepAnUnknownMhTypeRaw() {
        MobilityHeader h = decode("3b012a00beef0102030405060708090a");
        assertThat(h.message()).isEqualTo(new MobilityMessage.Raw(42, ByteString.fromHex("0102030405060708090a")));
        assertThat(h.options()).isEmpty();
        assertThat(h.type()).isEqualTo(42);
    }

    @Test
    void r6ShouldKeepNonZeroReservedFields() {
        MobilityHeader h = decode("3b00007f0000abcd");
        assertThat(h.reserved()).isEqualTo(0x7f);
        assertThat(h.message()).isEqualTo(new MobilityMessage.BindingRefreshRequest(0xabcd));
        BindingUpdate bu = (BindingUpdate) decode("3b01050000000001800f0e1001020000").message();
        assertThat(bu.reservedFlags()).isEqualTo(0xf);
        assertThat(bu.acknowledge()).isTrue();
    }

    @Test
    void r7ShouldRefuseAnOptionThatOverrunsTheHeader() {
        MalformedPacketException e = failure("3b01050000000001800000010105000000");
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.field()).isEqualTo("Option Data");
        assertThat(e.boundedBy()).isEqualTo("mip6 Header Len");
        assertThat(e.offset()).isEqualTo(14);
        // the Type octet is the header's last: no room for its Length
        e = failure("3b0105000000000180000001" + "00000007");
        assertThat(e.field()).isEqualTo("Option Length");
        assertThat(e.boundedBy()).isEqualTo("mip6 Header Len");
    }

    @Test
    void r8ShouldKeepAnUnknownOptionBySkippingItsLength() {
        MobilityHeader h = decode("3b0105000000000180000001" + "3c020102");
        assertThat(h.options()).containsExactly(new MobilityOption.Unknown(60, ByteString.fromHex("0102")));
    }

    @Test
    void r9ShouldRefuseAKnownOptionOfTheWrongLength() {
        MalformedPacketException e = failure("3b0106000000000000000001" + "02010000");
        assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(e.field()).isEqualTo("Option Length");
        assertThat(e.value()).isEqualTo(1);
        assertThat(e.offset()).isEqualTo(13);
        // Binding Identifier: 4, 8 or 20 only
        assertThat(failure("3b0106000000000000000001" + "2302000100000000").value()).isEqualTo(2);
    }

    @Test
    void r10ShouldRefuseAnOptionAfterBindingAuthorizationDataButAcceptPadding() {
        // BA, BAD (2 octets) at 12, Nonce Indices after it
        MalformedPacketException e = failure("3b02060000000000000000010502aaaa" + "040400010002" + "0100");
        assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(e.field()).isEqualTo("Option Type");
        assertThat(e.value()).isEqualTo(4);
        // padding after it, as tcpdump's ipv6_mobility_1.pcap frame 14 has
        assertThat(decode("3b01060000000000000000010502aaaa").options()).hasSize(1);
        assertThat(decode("3b02060000000000000000010502aaaa" + "0106000000000000").options()).hasSize(2);
    }

    @Test
    void r11ShouldAcceptAnOptionAtTheWrongAlignment() {
        // Alternate CoA at 12 (8n+4 instead of 8n+6), as in tcpdump's ipv6_mobility_1.pcap frame 7
        MobilityHeader h = decode("3b03050000000001800000010310" + "20010db80c0a00000000000000000100" + "0100");
        assertThat(h.option(AlternateCareOfAddress.class).address()).isEqualTo(Mip6Vectors.COA);
    }

    @Test
    void r12ShouldRefuseASecondBindingRefreshAdvice() {
        MalformedPacketException e = failure("3b020600000000000000000102020001" + "02020002" + "01020000");
        assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(e.value()).isEqualTo(2);
        assertThat(e.offset()).isEqualTo(16);
        // Mobile Network Prefixes repeat
        MobilityHeader two = MobilityHeader.of(new BindingUpdate(1, BindingUpdate.R, 1), List.of(
                new MobilityOption.MobileNetworkPrefix(0, 64, Ipv6Address.parse("2001:db8:1::")),
                new MobilityOption.MobileNetworkPrefix(0, 64, Ipv6Address.parse("2001:db8:2::"))));
        ByteBuffer b = ByteBuffer.allocate(two.length());
        MobilityHeaderEncoder.encode(two, b);
        assertThat(MobilityHeaderDecoder.decode(b).header()).isEqualTo(two);
    }

    @Test
    void r13AndR15ShouldExposeBindingIdZeroAndACareOfAddressOutsideABindingUpdate() {
        MobilityHeader h = decode("3b0206000000000000000001" + "0100" + "23080000" + "0080" + "c6336407");
        BindingIdentifier bid = h.option(BindingIdentifier.class);
        assertThat(bid.bindingId()).isZero();
        assertThat(bid.simultaneousHomeAndForeign()).isTrue();
        assertThat(bid.priority()).isZero();
        assertThat(bid.ipv4CareOfAddress()).hasValueSatisfying(a -> assertThat(a.toString()).isEqualTo("198.51.100.7"));
        assertThat(bid.ipv6CareOfAddress()).isEmpty();
    }

    @Test
    void r18ShouldGiveLifetimesInSecondsAndKeepTheUnits() {
        BindingUpdate bu = (BindingUpdate) decode("3b0105000000000180000e1001020000").message();
        assertThat(bu.lifetime()).isEqualTo(3600);
        assertThat(bu.lifetimeSeconds()).isEqualTo(14400);
        assertThat(bu.deregistration()).isFalse();
        assertThat(((BindingUpdate) decode("3b010500000000018000000001020000").message()).deregistration()).isTrue();
        MobilityOption.BindingRefreshAdvice bra = decode("3b01060000000000000000010202012c").option(
                MobilityOption.BindingRefreshAdvice.class);
        assertThat(bra.refreshIntervalSeconds()).isEqualTo(1200);
    }

    @Test
    void shouldPeekWithoutDecoding() {
        ByteBuffer b = Mip6Vectors.buffer(Mip6Vectors.M3);
        assertThat(MobilityHeaderDecoder.mhType(b, 0)).isEqualTo(6);
        assertThat(MobilityHeaderDecoder.payloadProto(b, 0)).isEqualTo(59);
        assertThat(MobilityHeaderDecoder.headerLength(b, 0)).isEqualTo(48);
        ByteBuffer two = ByteBuffer.wrap(new byte[] {59, 1});
        assertThatThrownBy(() -> MobilityHeaderDecoder.mhType(two, 0)).isInstanceOfSatisfying(MalformedPacketException.class,
                e -> assertThat(e.field()).isEqualTo("Payload Proto"));
        Decoded<MobilityHeader> d = MobilityHeaderDecoder.decode(Mip6Vectors.buffer(Mip6Vectors.M3 + "ffff"));
        assertThat(d.payloadLength()).isEqualTo(2);
    }
}
