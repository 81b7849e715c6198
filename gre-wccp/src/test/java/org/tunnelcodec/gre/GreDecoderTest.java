package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * Examples and corner cases. The vectors G1..G6 (and G3b) are delivery packets built to
 * exercise RFC 2784 (G1), RFC 2890 §2 with C, K and S set (G2), RFC 2637 §4.1 enhanced GRE
 * (G3 data with piggy-backed ack, G3b ack-only), RFC 8086 GRE-in-UDP (G4), RFC 1701 §2.1 with
 * R, s and one IPv4 SRE (G5) and RFC 7676 §4 IPv6 delivery (G6); each was written to a pcap and
 * decoded field for field by tshark 4.0.17, which reported every IPv4, UDP, ICMP and GRE
 * checksum correct. The expected values below are tshark's (and the RFCs' tables), not this
 * decoder's.
 */
class GreDecoderTest {
    private static ByteBuffer hex(String s) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(s.replace(" ", "")));
    }

    /** The GRE part of a vector: the delivery IPv4 header is 20 octets, IPv6 40. */
    private static Decoded<GreHeader> gre(String vector, int deliveryLength) {
        ByteBuffer b = hex(vector);
        return GreDecoder.decode(b.position(deliveryLength));
    }

    private static byte[] reencode(GreHeader h) {
        byte[] out = new byte[GreEncoder.encodedLength(h)];
        GreEncoder.encode(h, ByteBuffer.wrap(out));
        return out;
    }

    private static byte[] bytes(String vector, int from, int length) {
        byte[] all = HexFormat.of().parseHex(vector.replace(" ", ""));
        return java.util.Arrays.copyOfRange(all, from, from + length);
    }

    static final String G1 = "4500003801010000402f8d5fc0000201c6336402 000008004500002000010000400163d7"
            + "0a0101010a020202080021041234000161626364";
    static final String G2 = "4500004e02024000402f4c48c0000201c6336402 b0006558 96610000 00001234 00000000"
            + "ffffffffffff020000000a0108060001080006040001020000000a010a000001 0000000000000a000002";
    static final String G3 = "4500003003030000802fbf7ccb00710acb007114 3081880b 000c4000 00000005 00000004"
            + "ff03c02109010008 00000000";
    static final String G3B = "4500002004040000802fbe8bcb007114cb00710a 2081880b 00004000 00000005";
    static final String G5 = "4500004c06060000402f8846c0000201c6336402 48000800 00000000 08000408"
            + "c6336402cb007109 00000000 4500002000010000400163d70a0101010a020202 080021041234000161626364";
    static final String G6 = "6000000000282f4020010db8000000000000000000000001 20010db8000000000000000000000002"
            + "20000800 0000abcd 4500002000010000400163d70a0101010a020202080021041234000161626364";

    @Test
    void shouldDecodeThePlainHeaderOfVectorG1() {
        Decoded<GreHeader> d = gre(G1, 20);
        assertThat(d.header()).isEqualTo(GreHeader.of(EtherType.IPV4));
        assertThat(d.headerLength()).isEqualTo(4);
        assertThat(d.payloadLength()).isEqualTo(32);
        assertThat(GreDecoder.protocolType(hex(G1), 20)).isEqualTo(0x0800);
        assertThat(GreDecoder.key(hex(G1), 20)).isEqualTo(-1);
    }

    @Test
    void shouldDecodeChecksumKeyAndSequenceOfVectorG2AndVerifyTheChecksum() {
        Decoded<GreHeader> d = gre(G2, 20);
        GreHeader h = d.header();
        assertThat(h.checksumPresent()).isTrue();
        assertThat(h.checksum()).isEqualTo(0x9661);
        assertThat(h.offset()).isZero();
        assertThat(h.key()).isEqualTo(0x1234);
        assertThat(h.sequenceNumber()).isZero();
        assertThat(h.protocolType()).isEqualTo(EtherType.TRANSPARENT_ETHERNET_BRIDGING);
        assertThat(d.headerLength()).isEqualTo(16);
        assertThat(GreDecoder.verifyChecksum(hex(G2), 20, 78 - 20)).isTrue();
        assertThat(reencode(h)).isEqualTo(bytes(G2, 20, 16));
        assertThat(GreDecoder.headerLength(hex(G2), 20)).isEqualTo(16);
        assertThat(GreDecoder.key(hex(G2), 20)).isEqualTo(0x1234);
        assertThat(GreDecoder.sequenceNumber(hex(G2), 20)).isZero();
    }

    @Test
    void shouldComputeTheChecksumOfVectorG2AsTheDigestShows() {
        ByteBuffer b = hex(G2);
        b.put(24, (byte) 0).put(25, (byte) 0);
        assertThat(GreEncoder.fillChecksum(b, 20, 58)).isEqualTo(0x9661);
        assertThat(b.get(24) & 0xFF).isEqualTo(0x96);
    }

    @Test
    void shouldRejectABadChecksumOnlyWhenAskedTo() {
        ByteBuffer b = hex(G2);
        b.put(25, (byte) 0x62);
        assertThat(GreDecoder.decode(b.duplicate().position(20)).header().checksum()).isEqualTo(0x9662);
        assertThat(GreDecoder.verifyChecksum(b, 20, 58)).isFalse();
    }

    @Test
    void shouldDecodePptpDataAndAckOnlyPacketsOfVectorsG3AndG3b() {
        Decoded<GreHeader> d = gre(G3, 20);
        GreHeader h = d.header();
        assertThat(h.isPptp()).isTrue();
        assertThat(h.callId()).isEqualTo(16384);
        assertThat(h.payloadLength()).isEqualTo(12);
        assertThat(h.sequenceNumber()).isEqualTo(5);
        assertThat(h.acknowledgmentNumber()).isEqualTo(4);
        assertThat(h.protocolType()).isEqualTo(EtherType.PPP);
        assertThat(d.headerLength()).isEqualTo(16);
        assertThat(d.payloadLength()).isEqualTo(12);
        assertThat(reencode(h)).isEqualTo(bytes(G3, 20, 16));
        assertThat(h).isEqualTo(GreHeader.pptp(16384, 12, 5, 4));
        GrePolicy.RFC_2784.check(h);

        GreHeader ack = gre(G3B, 20).header();
        assertThat(ack.hasSequenceNumber()).isFalse();
        assertThat(ack.sequenceNumber()).isEqualTo(GreHeader.ABSENT);
        assertThat(ack.acknowledgmentNumber()).isEqualTo(5);
        assertThat(ack.payloadLength()).isZero();
        assertThat(reencode(ack)).isEqualTo(bytes(G3B, 20, 12));
    }

    @Test
    void shouldDecodeTheSourceRouteOfVectorG5AndLeaveItToThePolicy() {
        Decoded<GreHeader> d = gre(G5, 20);
        GreHeader h = d.header();
        assertThat(h.routingPresent()).isTrue();
        assertThat(h.strictSourceRoute()).isTrue();
        assertThat(h.checksumPresent()).isFalse();
        assertThat(h.routing()).containsExactly(new SourceRouteEntry(0x0800, 4, ByteString.fromHex("c6336402cb007109")));
        assertThat(d.headerLength()).isEqualTo(24);
        assertThat(reencode(h)).isEqualTo(bytes(G5, 20, 24));
        assertThat(GreDecoder.headerLength(hex(G5), 20)).isEqualTo(24);
        assertThat(GrePolicy.RFC_1701.accepts(h)).isTrue();
        assertThat(GrePolicy.RFC_2784.accepts(h)).isFalse();
        assertThat(GrePolicy.LINUX.accepts(h)).isFalse();
        assertThatThrownBy(() -> GrePolicy.RFC_2784.check(h)).isInstanceOfSatisfying(MalformedPacketException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.RESERVED_NONZERO));
    }

    @Test
    void shouldDecodeGreOverIpv6OfVectorG6() {
        Decoded<GreHeader> d = gre(G6, 40);
        assertThat(d.header().key()).isEqualTo(0xabcd);
        assertThat(d.header().protocolType()).isEqualTo(EtherType.IPV4);
        assertThat(d.payloadLength()).isEqualTo(32);
    }

    @Test
    void shouldApplyTheRfc2784AndLinuxRulesToReservedBits() {
        // Bits 9-12 (0x0078): RFC 2784 §2.3 ignores them, Linux drops the packet.
        GreHeader flags = GreDecoder.decode(hex("00280800")).header();
        assertThat(flags.reservedFlags()).isEqualTo(0x05);
        assertThat(GrePolicy.RFC_2784.accepts(flags)).isTrue();
        assertThat(GrePolicy.LINUX.accepts(flags)).isFalse();
        // Recursion Control MSB (0x0400) and s (0x0800): RFC 2784 discards, Linux ignores.
        GreHeader recursion = GreDecoder.decode(hex("04000800")).header();
        assertThat(recursion.recursionControl()).isEqualTo(4);
        assertThat(GrePolicy.RFC_2784.accepts(recursion)).isFalse();
        assertThat(GrePolicy.LINUX.accepts(recursion)).isTrue();
        // Bits 6-7 of Recursion Control and bit 8: ignored by both.
        GreHeader low = GreDecoder.decode(hex("03800800")).header();
        assertThat(GrePolicy.RFC_2784.accepts(low)).isTrue();
        assertThat(GrePolicy.LINUX.accepts(low)).isTrue();
        assertThat(reencode(low)).isEqualTo(HexFormat.of().parseHex("03800800"));
    }

    @Test
    void shouldRefuseAnUnknownVersion() {
        for (int v = 2; v <= 7; v++) {
            ByteBuffer b = hex(String.format("000%d0800", v));
            int version = v;
            assertThatThrownBy(() -> GreDecoder.decode(b)).isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
                assertThat(e.protocol()).isEqualTo(GreHeader.PROTOCOL);
                assertThat(e.value()).isEqualTo(version);
                assertThat(e.getMessage()).isEqualTo("gre Ver UNSUPPORTED_VERSION at offset 1: " + version
                        + " (expected: 0 or 1)");
            });
        }
    }

    @Test
    void shouldHoldPptpToRfc2637UnderEveryPolicy() {
        GreHeader noKey = GreDecoder.decode(hex("1001880b00000001")).header();
        GreHeader wrongType = GreDecoder.decode(hex("300108000000400000000001")).header();
        GreHeader withChecksum = GreDecoder.decode(hex("b001880b0000000000004000" + "00000001")).header();
        assertThatThrownBy(() -> GrePolicy.RFC_2784.check(wrongType)).isInstanceOfSatisfying(
                MalformedPacketException.class, e -> assertThat(e.value()).isEqualTo(0x0800));
        for (GrePolicy p : GrePolicy.values()) {
            assertThat(p.accepts(noKey)).as(p + " K clear").isFalse();
            assertThat(p.accepts(wrongType)).as(p + " not PPP").isFalse();
            assertThat(p.accepts(withChecksum)).as(p + " C set").isFalse();
        }
    }

    @Test
    void shouldBoundThePptpPayloadByPayloadLength() {
        // Payload Length 2, then 4 octets: the last 2 are padding (RFC 2637 §4.1).
        Decoded<GreHeader> d = GreDecoder.decode(hex("2001880b00024000 ff03aaaa"));
        assertThat(d.payloadLength()).isEqualTo(2);
        assertThatThrownBy(() -> GreDecoder.decode(hex("2001880b00084000 ff03")))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.field()).isEqualTo("Payload Length");
                });
    }

    @Test
    void shouldNameTheFirstFixedFieldPastTheLimit() {
        // C, K, S and (version 1) A: cut inside each optional word in turn.
        String[][] cases = {
            {"b0000800 0000", "Checksum", "4", "2"},
            {"b0000800 00000000 0000", "Key", "8", "2"},
            {"b0000800 00000000 00001234", "Sequence Number", "12", "0"},
            {"3081880b 00004000 00000005 00", "Acknowledgment Number", "12", "1"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> GreDecoder.decode(hex(c[0]))).as(c[1])
                    .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                        assertThat(e.field()).isEqualTo(c[1]);
                        assertThat(e.offset()).isEqualTo(Long.parseLong(c[2]));
                        assertThat(e.required()).isEqualTo(4);
                        assertThat(e.available()).isEqualTo(Long.parseLong(c[3]));
                    });
        }
    }

    @Test
    void shouldCapTheSourceRouteEntries() {
        StringBuilder s = new StringBuilder("40000800 00000000");
        for (int i = 0; i < 17; i++) {
            s.append("08000004c0000201");
        }
        s.append("00000000");
        assertThatThrownBy(() -> GreDecoder.decode(hex(s.toString()))).isInstanceOfSatisfying(
                MalformedPacketException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
        assertThatThrownBy(() -> GreDecoder.headerLength(hex(s.toString()), 0)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void shouldRefuseAnUnterminatedRoute() {
        assertThatThrownBy(() -> GreDecoder.decode(hex("40000800 00000000 08000004c0000201")))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void shouldCheckRecordComponents() {
        assertThatThrownBy(() -> new GreHeader(0, false, false, false, 0, 0, EtherType.IPV4, 1, 0, GreHeader.ABSENT,
                GreHeader.ABSENT, GreHeader.ABSENT, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checksum/offset");
        assertThatThrownBy(() -> new GreHeader(0, false, false, false, 0, 0, EtherType.IPV4, 0, 0, GreHeader.ABSENT,
                GreHeader.ABSENT, 1, List.of())).hasMessageContaining("only in version 1");
        assertThatThrownBy(() -> new GreHeader(2, false, false, false, 0, 0, EtherType.IPV4, 0, 0, GreHeader.ABSENT,
                GreHeader.ABSENT, GreHeader.ABSENT, List.of())).hasMessage("version: 2 (expected: 0..1)");
        assertThatThrownBy(() -> GreEncoder.fillChecksum(hex(G1), 20, 36)).isInstanceOf(IllegalArgumentException.class);
    }
}
