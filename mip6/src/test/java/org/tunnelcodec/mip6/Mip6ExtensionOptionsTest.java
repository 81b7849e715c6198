package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.mip6.MobilityMessage.BindingAcknowledgement;
import org.tunnelcodec.mip6.MobilityMessage.BindingUpdate;
import org.tunnelcodec.mip6.MobilityOption.BindingIdentifier;
import org.tunnelcodec.mip6.MobilityOption.FlowIdentification;
import org.tunnelcodec.mip6.MobilityOption.FlowSummary;
import org.tunnelcodec.mip6.MobilityOption.Ipv4AddressAcknowledgement;
import org.tunnelcodec.mip6.MobilityOption.Ipv4CareOfAddress;
import org.tunnelcodec.mip6.MobilityOption.Ipv4HomeAddress;
import org.tunnelcodec.mip6.MobilityOption.MobileNetworkPrefix;
import org.tunnelcodec.mip6.MobilityOption.MobilityMessageAuthentication;
import org.tunnelcodec.mip6.MobilityOption.MobilityMessageReplayProtection;
import org.tunnelcodec.mip6.MobilityOption.NatDetection;

/**
 * The option records beyond RFC 6275 and RFC 3963: the DSMIPv6 options (RFC 5555), Flow
 * Summary and Flow Identification with its sub-options (RFC 6089 §4.2.2, §4.2), and the RFC 4285
 * Mobility Message Authentication and Replay Protection options. Proves the vectors M2 (NEMO,
 * two care-of addresses and a flow binding) and M4/M5 (DSMIPv6 option blocks), built with scapy
 * 2.5 from outside the project (M2's Traffic Selector sub-option since laid out again from
 * RFC 6088 §3.1 Figure 1, with its 32-bit flags word, and the checksum recomputed), decode to these records and that the records, placed by the
 * sender's alignment rules, encode to the same octets; and that the receiver refuses the
 * lengths these RFCs rule out.
 */
class Mip6ExtensionOptionsTest {
    /** M2's Mobility Header (104 octets): a Binding Update with MNP, two BIDs and a Flow Identification. */
    static final String M2 = "3b0c05008f521235c400009606120040" + "20010db8aaaa00010000000000000000"
            + "0100231400010001" + "20010db80c0a0000" + "000000000000010001002308000200 02"
            + "c633640701040000" + "00002d17000a0001" + "0000 0202 0002 030b 0100 00c80000 13c413c5"
            + "11 0103000000";
    /** M4: a Binding Update with IPv4 Home Address and IPv4 Care-of Address (RFC 5555). */
    static final String M4 = "3b0305002 6b81236c1000096 1d06000000000000 2006 0000c6336407 01020000";
    /** M5: a Binding Acknowledgement with IPv4 Address Acknowledgement and NAT Detection (RFC 5555). */
    static final String M5 = "3b030600cdd700001236 0096 1e060060c000024d 1f068000 0000006e 01020000";

    private static String hex(String s) {
        return s.replace(" ", "");
    }

    private static MobilityHeader decode(String hex) {
        ByteBuffer b = Mip6Vectors.buffer(hex(hex));
        return MobilityHeaderDecoder.decode(b, 0, b.limit()).header();
    }

    private static String encode(MobilityHeader h, MobilityPseudoHeader ph) {
        ByteBuffer out = ByteBuffer.allocate(h.length());
        MobilityHeaderEncoder.encode(h, out, ph);
        return HexFormat.of().formatHex(out.array());
    }

    private static MalformedPacketException refusal(String hex) {
        ByteBuffer b = Mip6Vectors.buffer(hex(hex));
        try {
            MobilityHeaderDecoder.decode(b, 0, b.limit());
        } catch (MalformedPacketException e) {
            return e;
        }
        throw new AssertionError("accepted " + hex);
    }

    @Test
    void shouldDecodeAndReencodeVectorM2ByteForByte() {
        assertThat(hex(M2)).hasSize(208);
        MobilityHeader h = decode(M2);
        BindingUpdate bu = (BindingUpdate) h.message();
        assertThat(bu.sequence()).isEqualTo(4661);
        assertThat(bu.flags()).isEqualTo(0xC400);
        FlowIdentification flow = new FlowIdentification(10, 1, 0, 0, List.of(
                new FlowSubOption.BidReference(List.of(2)),
                new FlowSubOption.TrafficSelector(FlowSubOption.TrafficSelector.IPV4_BINARY, 0,
                        ByteString.fromHex("00c8000013c413c511"))));
        List<MobilityOption> significant = List.of(
                new MobileNetworkPrefix(0, 64, Ipv6Address.parse("2001:db8:aaaa:1::")),
                BindingIdentifier.of(1, 1, Mip6Vectors.COA),
                BindingIdentifier.of(2, 2, Ipv4Address.parse("198.51.100.7")),
                flow);
        assertThat(h.significantOptions()).isEqualTo(significant);
        // RFC 6275 §6.1.1: the checksum with the home address (from the HAO) as source.
        MobilityPseudoHeader ph = new MobilityPseudoHeader(Mip6Vectors.HOA, Mip6Vectors.HA);
        ByteBuffer b = Mip6Vectors.buffer(hex(M2));
        assertThat(MobilityHeaderDecoder.verifyChecksum(b, 0, 104, ph)).isTrue();
        // E3: MNP at 8n+4, BID and Flow Identification at 8n+2, then PadN to 104.
        MobilityHeader sent = MobilityHeader.of(new BindingUpdate(4661, 0xC400, 150), significant);
        assertThat(encode(sent, ph)).isEqualTo(hex(M2));
    }

    @Test
    void shouldDecodeAndReencodeTheDsmipv6VectorsM4AndM5ByteForByte() {
        MobilityHeader m4 = decode(M4);
        assertThat(m4.significantOptions()).containsExactly(new Ipv4HomeAddress(0, 0, Ipv4Address.ANY),
                new Ipv4CareOfAddress(0, Ipv4Address.parse("198.51.100.7")));
        MobilityHeader m5 = decode(M5);
        NatDetection nat = new NatDetection(NatDetection.F, 110);
        assertThat(m5.significantOptions()).containsExactly(
                new Ipv4AddressAcknowledgement(0, 24, 0, Ipv4Address.parse("192.0.2.77")), nat);
        assertThat(nat.udpEncapsulation()).isTrue();
        // RFC 5555: the options at 8n+4, so that the two vectors need no padding before them.
        MobilityPseudoHeader up = new MobilityPseudoHeader(Mip6Vectors.HOA, Mip6Vectors.HA);
        MobilityPseudoHeader down = new MobilityPseudoHeader(Mip6Vectors.HA, Mip6Vectors.HOA);
        assertThat(encode(MobilityHeader.of(m4.message(), m4.significantOptions()), up)).isEqualTo(hex(M4));
        assertThat(encode(MobilityHeader.of(m5.message(), m5.significantOptions()), down)).isEqualTo(hex(M5));
        assertThat(((BindingAcknowledgement) m5.message()).sequence()).isEqualTo(0x1236);
    }

    @Test
    void shouldKeepEveryBitOfTheIpv4HomeAddressWord() {
        // RFC 5555: Prefix-len (6 bits), P (1), Reserved (9); here 24, P set, reserved 0x101.
        MobilityHeader h = decode("3b0305000000 1236c1000096 1d06 6301 c0000201 1d06000000000000 01020000");
        Ipv4HomeAddress hoa = (Ipv4HomeAddress) h.significantOptions().get(0);
        assertThat(hoa.prefixLength()).isEqualTo(24);
        assertThat(hoa.prefixRequested()).isTrue();
        assertThat(hoa.flags()).isEqualTo(0x301);
        assertThat(hoa.homeAddress()).isEqualTo(Ipv4Address.parse("192.0.2.1"));
        ByteBuffer out = ByteBuffer.allocate(h.length());
        MobilityHeaderEncoder.encode(h, out);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(hex("3b0305000000 1236c1000096 1d06 6301 c0000201 1d06000000000000 01020000"));
    }

    @Test
    void shouldDecodeFlowSummaryAndTheRfc4285Options() {
        // RFC 6089 §4.2.2 Flow Summary (two FIDs), RFC 4285 §6 MESG-ID, RFC 4285 §5 AUTH (MN-HA, 12 octets).
        String hex = "3b0505000000 12340000 0000 2c04000a000b 0a08 0102030405060708"
                + "0911 01 00000100 00112233445566778899aabb 00";
        MobilityHeader h = decode(hex);
        assertThat(h.significantOptions()).containsExactly(new FlowSummary(List.of(10, 11)),
                new MobilityMessageReplayProtection(0x0102030405060708L),
                new MobilityMessageAuthentication(MobilityMessageAuthentication.MN_HA, 256,
                        ByteString.fromHex("00112233445566778899aabb")));
        ByteBuffer out = ByteBuffer.allocate(h.length());
        MobilityHeaderEncoder.encode(h, out);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(hex(hex));
    }

    @Test
    void r9ShouldRefuseTheWrongLengthsOfTheNewOptions() {
        String bu = "3b0205000000 1234 0000 0000";
        // DSMIPv6 options are 6 (RFC 5555), MESG-ID 8 (RFC 4285 §6), AUTH at least 5 (§5),
        // Flow Summary even and not 0 (RFC 6089 §4.2.2), Flow Identification at least 6 (§4.2).
        // Each option's data is followed by Pad1 to the end of the 24 octets.
        for (String option : List.of("1d05", "1e07", "1f05", "2005", "0a07", "0904", "2c03", "2c00", "2d05")) {
            MalformedPacketException e = refusal(bu + option + "00000000000000000000");
            assertThat(e.reason()).as(option).isEqualTo(Reason.BAD_LENGTH);
            assertThat(e.field()).as(option).isEqualTo("Option Length");
            assertThat(e.offset()).as(option).isEqualTo(13);
        }
    }

    @Test
    void r14ShouldRefuseMalformedFlowIdentificationSubOptions() {
        String bu = "3b0205000000 1234 0000 0000";
        // A BID Reference of odd or zero length, a Traffic Selector below 2 (RFC 6089 §4.2).
        for (String option : List.of("2d09 000a00010000 0201 00 00", "2d08 000a00010000 0200 0000",
                "2d09 000a00010000 0301 01 00")) {
            MalformedPacketException e = refusal(bu + option);
            assertThat(e.reason()).as(option).isEqualTo(Reason.BAD_LENGTH);
            assertThat(e.field()).as(option).isEqualTo("Sub-option Length");
        }
        // A sub-option running past the option's Length.
        MalformedPacketException e = refusal(bu + "2d0a 000a00010000 0204 0001");
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.field()).isEqualTo("Sub-option Data");
        assertThat(e.offset()).isEqualTo(22);
    }

    @Test
    void shouldKeepUnknownFlowSubOptionsAndPadding() {
        // RFC 7109's Flow Binding Action (4) is kept raw, Pad1 and PadN as they are.
        String hex = "3b0305000000 1234 0000 0000 2d12 000a00010000 00 0400 0101ff 0501aa 0100 00";
        MobilityHeader h = decode(hex);
        assertThat(h.significantOptions()).containsExactly(new FlowIdentification(10, 1, 0, 0,
                List.of(new FlowSubOption.Pad1(), new FlowSubOption.Unknown(4, ByteString.EMPTY),
                        new FlowSubOption.PadN(ByteString.fromHex("ff")), new FlowSubOption.Unknown(5, ByteString.fromHex("aa")),
                        new FlowSubOption.PadN(ByteString.EMPTY), new FlowSubOption.Pad1())));
        ByteBuffer out = ByteBuffer.allocate(h.length());
        MobilityHeaderEncoder.encode(h, out);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(hex(hex));
    }

    @Test
    void r10ShouldRefuseAnOptionAfterTheMobilityMessageAuthenticationButAcceptPadding() {
        // RFC 4285 §5: the AUTH option is the last option.
        MalformedPacketException e = refusal("3b0305000000 1234 0000 0000 0905 0100000001 0a08 0000000000000000 000000");
        assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(e.field()).isEqualTo("Option Type");
        assertThat(decode("3b0205000000 1234 0000 0000 0905 0100000001 0103000000").significantOptions())
                .containsExactly(new MobilityMessageAuthentication(1, 1, ByteString.EMPTY));
    }

    @Test
    void e3E4ShouldPlaceTheNewOptionsAndKeepAuthenticationLast() {
        // E3: DSMIPv6 at 8n+4, Flow Summary at 2n, Flow Identification at 8n+2, whatever comes before.
        for (int lead = 0; lead < 8; lead++) {
            MobilityHeader h = MobilityHeader.of(new BindingUpdate(1, 0, 0), List.of(
                    new MobilityOption.Unknown(60, ByteString.of(new byte[lead])),
                    new Ipv4CareOfAddress(0, Ipv4Address.ANY),
                    new MobilityOption.Unknown(60, ByteString.of(new byte[lead])),
                    new FlowSummary(List.of(1)),
                    new MobilityOption.Unknown(60, ByteString.of(new byte[lead])),
                    new FlowIdentification(1, 1, 0, 0, List.of())));
            int at = 6 + h.message().length();
            for (MobilityOption o : h.options()) {
                if (o instanceof Ipv4CareOfAddress) {
                    assertThat(at % 8).isEqualTo(4);
                } else if (o instanceof FlowSummary) {
                    assertThat(at % 2).isEqualTo(0);
                } else if (o instanceof FlowIdentification) {
                    assertThat(at % 8).isEqualTo(2);
                }
                at += o.encodedLength();
            }
        }
        // E4: AUTH last.
        assertThatThrownBy(() -> MobilityHeader.of(new BindingUpdate(1, 0, 0), List.of(
                new MobilityMessageAuthentication(1, 1, ByteString.EMPTY), new FlowSummary(List.of(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseRecordsTheWireCannotCarry() {
        assertThatThrownBy(() -> new FlowSummary(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ipv4HomeAddress(64, 0, Ipv4Address.ANY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NatDetection(0, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MobilityOption.Unknown(45, ByteString.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlowSubOption.Unknown(3, ByteString.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlowIdentification(1, 1, 0, 0, List.of(
                new FlowSubOption.PadN(ByteString.of(new byte[200])), new FlowSubOption.PadN(ByteString.of(new byte[200])))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
