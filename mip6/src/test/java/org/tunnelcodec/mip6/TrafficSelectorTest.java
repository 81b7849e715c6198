package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.mip6.MobilityOption.FlowIdentification;

/**
 * The RFC 6088 binary traffic selectors, checked against the RFC text: the expected layouts are
 * Figure 1 of §3.1 (IPv4: a 32-bit word of flags A..N and 18 Reserved bits; 4-octet addresses
 * and SPIs, 2-octet ports, 1-octet DS and Protocol) and Figure 2 of §3.2 (IPv6: a 32-bit word of
 * flags A..P and 16 Reserved bits; 16-octet addresses, 4-octet SPIs and flow label fields,
 * 2-octet ports, 1-octet Traffic Class and Next Header), quoted below. Pins the offset of every
 * field of the full selectors to the figures; proves, for every one of the 2^16 values of the
 * flags half of the word of each format, that the decoder reads each present field at the offset the
 * figure gives it (the fields of the set flags one after another in flag order), that the
 * encoder writes the same octets back, and that the words with an End flag without its Start
 * flag are refused; decodes two hand-made selectors with every field and the selector of vector
 * M2; checks the receiver rules inside a Mobility Header (the Sub-option Length against the
 * flags, the End-without-Start rule, other TS Formats left alone); and checks {@code matches}
 * on the cases the RFC text spells out: inclusive ranges, a start without its end, absent
 * fields as wildcards, the DS and Traffic Class octets compared without their two low bits, the
 * first 8 bits of a flow label field ignored, addresses compared unsigned.
 */
class TrafficSelectorTest {
    /*
     * RFC 6088 §3.1, Figure 1 (IPv4 binary traffic selector), as the RFC draws it:
     *
     *  |Sub-opt Type   |  Sub-Opt Len  |   TS Format   |   Reserved    |
     *  |A|B|C|D|E|F|G|H|I|J|K|L|M|N|          Reserved                 |
     *  |                 (A)Start Source Address                       |
     *  |                 (B)End Source Address                         |
     *  |                 (C)Start Destination Address                  |
     *  |                 (D)End Destination Address                    |
     *  |                     (E)Start IPsec SPI                        |
     *  |                      (F)End IPsec SPI                         |
     *  |   (G)Start Source port        |   (H)End Source port          |
     *  |   (I)Start Destination port   |   (J)End Destination port     |
     *  |  (K)Start DS  |  (L)End DS    |(M)Start Prot. | (N) End Prot. |
     *
     * The selector starts at the second row: flags and Reserved fill its 32 bits, then A..N.
     * "Each flag indicates whether the corresponding field is present in the message."
     */
    /** The IPv4 fields in the order of Figure 1 of RFC 6088 §3.1: flag, octets, accessor. */
    private static final List<Field<Ipv4TrafficSelector>> IPV4 = List.of(
            new Field<>(Ipv4TrafficSelector.START_SOURCE_ADDRESS, 4, s -> s.startSourceAddress().bits() & 0xFFFF_FFFFL),
            new Field<>(Ipv4TrafficSelector.END_SOURCE_ADDRESS, 4, s -> s.endSourceAddress().bits() & 0xFFFF_FFFFL),
            new Field<>(Ipv4TrafficSelector.START_DESTINATION_ADDRESS, 4,
                    s -> s.startDestinationAddress().bits() & 0xFFFF_FFFFL),
            new Field<>(Ipv4TrafficSelector.END_DESTINATION_ADDRESS, 4,
                    s -> s.endDestinationAddress().bits() & 0xFFFF_FFFFL),
            new Field<>(Ipv4TrafficSelector.START_SPI, 4, Ipv4TrafficSelector::startSpi),
            new Field<>(Ipv4TrafficSelector.END_SPI, 4, Ipv4TrafficSelector::endSpi),
            new Field<>(Ipv4TrafficSelector.START_SOURCE_PORT, 2, Ipv4TrafficSelector::startSourcePort),
            new Field<>(Ipv4TrafficSelector.END_SOURCE_PORT, 2, Ipv4TrafficSelector::endSourcePort),
            new Field<>(Ipv4TrafficSelector.START_DESTINATION_PORT, 2, Ipv4TrafficSelector::startDestinationPort),
            new Field<>(Ipv4TrafficSelector.END_DESTINATION_PORT, 2, Ipv4TrafficSelector::endDestinationPort),
            new Field<>(Ipv4TrafficSelector.START_DS, 1, Ipv4TrafficSelector::startDs),
            new Field<>(Ipv4TrafficSelector.END_DS, 1, Ipv4TrafficSelector::endDs),
            new Field<>(Ipv4TrafficSelector.START_PROTOCOL, 1, Ipv4TrafficSelector::startProtocol),
            new Field<>(Ipv4TrafficSelector.END_PROTOCOL, 1, Ipv4TrafficSelector::endProtocol));

    /*
     * RFC 6088 §3.2, Figure 2 (IPv6 binary traffic selector), each address's four rows drawn as one:
     *
     *  |Sub-opt Type   |  Sub-Opt Len  |   TS Format   |   Reserved    |
     *  |A|B|C|D|E|F|G|H|I|J|K|L|M|N|O|P|          Reserved             |
     *  |                  (A)Start Source Address  (128 bits)          |
     *  |                  (B)End Source Address  (128 bits)            |
     *  |               (C)Start Destination Address  (128 bits)        |
     *  |                (D)End Destination Address  (128 bits)         |
     *  |                     (E)Start IPsec SPI                        |
     *  |                      (F)End IPsec SPI                         |
     *  |                      (G)Start Flow Label                      |
     *  |                       (H)End Flow Label                       |
     *  |   (I)Start Source port        |   (J)End Source port          |
     *  |   (K)Start Destination port   |   (L)End Destination port     |
     *  |  (M)Start TC  |  (N)End TC    | (O)Start NH   | (P) End NH    |
     */
    /** The IPv6 fields in the order of Figure 2 of RFC 6088 §3.2; an address as its last 8 octets. */
    private static final List<Field<Ipv6TrafficSelector>> IPV6 = List.of(
            new Field<>(Ipv6TrafficSelector.START_SOURCE_ADDRESS, 16, s -> s.startSourceAddress().low()),
            new Field<>(Ipv6TrafficSelector.END_SOURCE_ADDRESS, 16, s -> s.endSourceAddress().low()),
            new Field<>(Ipv6TrafficSelector.START_DESTINATION_ADDRESS, 16, s -> s.startDestinationAddress().low()),
            new Field<>(Ipv6TrafficSelector.END_DESTINATION_ADDRESS, 16, s -> s.endDestinationAddress().low()),
            new Field<>(Ipv6TrafficSelector.START_SPI, 4, Ipv6TrafficSelector::startSpi),
            new Field<>(Ipv6TrafficSelector.END_SPI, 4, Ipv6TrafficSelector::endSpi),
            new Field<>(Ipv6TrafficSelector.START_FLOW_LABEL, 4, Ipv6TrafficSelector::startFlowLabel),
            new Field<>(Ipv6TrafficSelector.END_FLOW_LABEL, 4, Ipv6TrafficSelector::endFlowLabel),
            new Field<>(Ipv6TrafficSelector.START_SOURCE_PORT, 2, Ipv6TrafficSelector::startSourcePort),
            new Field<>(Ipv6TrafficSelector.END_SOURCE_PORT, 2, Ipv6TrafficSelector::endSourcePort),
            new Field<>(Ipv6TrafficSelector.START_DESTINATION_PORT, 2, Ipv6TrafficSelector::startDestinationPort),
            new Field<>(Ipv6TrafficSelector.END_DESTINATION_PORT, 2, Ipv6TrafficSelector::endDestinationPort),
            new Field<>(Ipv6TrafficSelector.START_TRAFFIC_CLASS, 1, Ipv6TrafficSelector::startTrafficClass),
            new Field<>(Ipv6TrafficSelector.END_TRAFFIC_CLASS, 1, Ipv6TrafficSelector::endTrafficClass),
            new Field<>(Ipv6TrafficSelector.START_NEXT_HEADER, 1, Ipv6TrafficSelector::startNextHeader),
            new Field<>(Ipv6TrafficSelector.END_NEXT_HEADER, 1, Ipv6TrafficSelector::endNextHeader));

    /** A field of a figure: its flag, its octets, and how the selector reads it (an address: its last 8 octets). */
    private record Field<S>(int flag, int size, ToLongFunction<S> read) {
    }

    private static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    private static String hex(ByteString b) {
        return b.toHex();
    }

    /** The offset of each field of Figure 1 in the selector with every flag set, from its flags word. */
    private static final int[] IPV4_OFFSETS = {4, 8, 12, 16, 20, 24, 28, 30, 32, 34, 36, 37, 38, 39};
    /** The offset of each field of Figure 2 in the selector with every flag set, from its flags word. */
    private static final int[] IPV6_OFFSETS = {4, 20, 36, 52, 68, 72, 76, 80, 84, 86, 88, 90, 92, 93, 94, 95};

    @Test
    void shouldPinEveryFieldOfTheFullSelectorsToTheOffsetsOfTheRfcFigures() {
        // Checked against the RFC 6088 text: each row of a figure is 32 bits, so the flags word is
        // 4 octets and the full IPv4 selector 40, the full IPv6 one 96.
        assertThat(pinOffsets(1, 0xFFFC, IPV4, IPV4_OFFSETS, 40)).isEqualTo(40);
        assertThat(pinOffsets(2, 0xFFFF, IPV6, IPV6_OFFSETS, 96)).isEqualTo(96);
    }

    /** Fills octet i of the selector with i, decodes it and checks each field reads the octets at its offset. */
    private static <S extends BinaryTrafficSelector> int pinOffsets(int format, int flags, List<Field<S>> figure,
                                                                    int[] offsets, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        for (int i = 0; i < length; i++) {
            b.put(i, (byte) i);
        }
        b.putShort(0, (short) flags).putShort(2, (short) 0);
        @SuppressWarnings("unchecked")
        S s = (S) TrafficSelectorDecoder.decode(format, b, 0, length);
        assertThat(s.length()).isEqualTo(length);
        for (int i = 0; i < figure.size(); i++) {
            Field<S> f = figure.get(i);
            int size = f.size();
            int at = offsets[i] + Math.max(0, size - 8); // an address: its last 8 octets
            long expected = 0;
            for (int k = 0; k < Math.min(size, 8); k++) {
                expected = expected << 8 | (at + k) & 0xFF;
            }
            assertThat(f.read().applyAsLong(s)).as("field %c at %d", (char) ('A' + i), offsets[i]).isEqualTo(expected);
            int next = i + 1 < offsets.length ? offsets[i + 1] : length;
            assertThat(next - offsets[i]).as("width of field %c", (char) ('A' + i)).isEqualTo(size);
        }
        assertThat(TrafficSelectorEncoder.toBytes(s)).isEqualTo(ByteString.of(b.array()));
        return length;
    }

    @Test
    void shouldReadEveryFieldAtTheOffsetOfTheIpv4FigureForEveryFlagsWord() {
        int accepted = 0;
        for (int flags = 0; flags <= 0xFFFF; flags++) {
            accepted += checkLayout(1, flags, IPV4) ? 1 : 0;
        }
        // Seven Start/End pairs, each absent, start only, or both (3^7), times the 4 Reserved values.
        assertThat(accepted).isEqualTo(2187 * 4);
    }

    @Test
    void shouldReadEveryFieldAtTheOffsetOfTheIpv6FigureForEveryFlagsWord() {
        int accepted = 0;
        for (int flags = 0; flags <= 0xFFFF; flags++) {
            accepted += checkLayout(2, flags, IPV6) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(6561); // 3^8
    }

    /**
     * Lays out the selector of {@code flags} as the figure says (the 16 flag bits, the 16 last
     * Reserved bits 0, then the fields), each field's octets all its position in the figure (1
     * for A), and checks the decoder, the length and the encoder; or, for a word with an End
     * flag without its Start flag, the refusal.
     *
     * @return whether the word was accepted
     */
    private static <S extends BinaryTrafficSelector> boolean checkLayout(int format, int flags, List<Field<S>> figure) {
        ByteBuffer b = ByteBuffer.allocate(4 + 92);
        b.putShort((short) flags).putShort((short) 0);
        boolean endWithoutStart = false;
        for (int i = 0; i < figure.size(); i++) {
            Field<S> f = figure.get(i);
            if ((flags & f.flag()) != 0) {
                for (int k = 0; k < f.size(); k++) {
                    b.put((byte) (i + 1));
                }
                endWithoutStart |= i % 2 == 1 && (flags & figure.get(i - 1).flag()) == 0;
            }
        }
        int length = b.position();
        if (endWithoutStart) {
            assertThatThrownBy(() -> TrafficSelectorDecoder.decode(format, b, 0, length))
                    .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
                        assertThat(e.field()).isEqualTo("TS Flags");
                    });
            return false;
        }
        @SuppressWarnings("unchecked")
        S s = (S) TrafficSelectorDecoder.decode(format, b, 0, length);
        assertThat(s.format()).isEqualTo(format);
        assertThat(s.flags()).isEqualTo(flags);
        assertThat(s.length()).as("length of flags %04x", flags).isEqualTo(length);
        for (int i = 0; i < figure.size(); i++) {
            Field<S> f = figure.get(i);
            long octet = i + 1;
            long expected = 0;
            if ((flags & f.flag()) != 0) {
                for (int k = 0; k < Math.min(f.size(), 8); k++) {
                    expected = expected << 8 | octet;
                }
            }
            assertThat(f.read().applyAsLong(s)).as("field %d of flags %04x", i, flags).isEqualTo(expected);
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        assertThat(TrafficSelectorEncoder.encode(s, out)).isEqualTo(length);
        assertThat(out.array()).isEqualTo(java.util.Arrays.copyOf(b.array(), length));
        return true;
    }

    @Test
    void shouldDecodeAnIpv4SelectorWithEveryField() {
        // RFC 6088 §3.1, flags A..N set, Reserved 0: 4 + 4 x 4 + 2 x 4 + 4 x 2 + 4 = 40 octets.
        String hex = "fffc0000" + "c0000201 c0000209" + "c6336401 c63364c8" + "00000100 000001ff"
                + "0400 07ff" + "13c4 13c5" + "28 30" + "06 11";
        Ipv4TrafficSelector s = (Ipv4TrafficSelector) TrafficSelectorDecoder.decode(1, buffer(hex), 0, 40);
        assertThat(s).isEqualTo(Ipv4TrafficSelector.builder()
                .sourceAddressRange(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("192.0.2.9"))
                .destinationAddressRange(Ipv4Address.parse("198.51.100.1"), Ipv4Address.parse("198.51.100.200"))
                .spiRange(0x100, 0x1ff).sourcePortRange(1024, 2047).destinationPortRange(5060, 5061)
                .dsRange(0x28, 0x30).protocolRange(6, 17).build());
        assertThat(s.startDestinationPort()).isEqualTo(5060);
        assertThat(s.endProtocol()).isEqualTo(17);
        assertThat(s.reserved()).isZero();
        assertThat(hex(TrafficSelectorEncoder.toBytes(s))).isEqualTo(hex.replace(" ", ""));
        assertThat(s).hasToString("Ipv4TrafficSelector[source=192.0.2.1..192.0.2.9, destination=198.51.100.1.."
                + "198.51.100.200, spi=256..511, sourcePort=1024..2047, destinationPort=5060..5061, ds=40..48,"
                + " protocol=6..17]");
    }

    @Test
    void shouldDecodeAnIpv6SelectorWithEveryField() {
        // RFC 6088 §3.2, flags A..P set, Reserved 0: 4 + 16 x 4 + 4 x 4 + 2 x 4 + 4 = 96 octets.
        String hex = "ffff0000" + "20010db8000000000000000000000001" + "20010db80000000000000000000000ff"
                + "20010db8000a00000000000000000100" + "20010db8000a000000000000000001ff"
                + "00000100 000001ff" + "00012345 000fffff" + "0400 07ff" + "01bb 01bb" + "b8 bb" + "06 11";
        Ipv6TrafficSelector s = (Ipv6TrafficSelector) TrafficSelectorDecoder.decode(2, buffer(hex), 0, 96);
        assertThat(s).isEqualTo(Ipv6TrafficSelector.builder()
                .sourceAddressRange(Ipv6Address.parse("2001:db8::1"), Ipv6Address.parse("2001:db8::ff"))
                .destinationAddressRange(Ipv6Address.parse("2001:db8:a::100"), Ipv6Address.parse("2001:db8:a::1ff"))
                .spiRange(0x100, 0x1ff).flowLabelRange(0x12345, 0xfffff).sourcePortRange(1024, 2047)
                .destinationPortRange(443, 443).trafficClassRange(0xb8, 0xbb).nextHeaderRange(6, 17).build());
        assertThat(s.startFlowLabel()).isEqualTo(0x12345);
        assertThat(hex(TrafficSelectorEncoder.toBytes(s))).isEqualTo(hex.replace(" ", ""));
        assertThat(Ipv6TrafficSelector.builder().destinationAddress(Ipv6Address.parse("2001:db8::1")).nextHeader(6)
                .build()).hasToString("Ipv6TrafficSelector[destination=2001:db8::1, nextHeader=6]");
    }

    @Test
    void shouldReadTheSelectorOfVectorM2() {
        // M2's Traffic Selector: TS Format 1, flags I, J, M: destination ports 5060..5061, protocol 17 (UDP).
        ByteBuffer b = Mip6Vectors.buffer(Mip6ExtensionOptionsTest.M2.replace(" ", ""));
        MobilityHeader h = MobilityHeaderDecoder.decode(b, 0, b.limit()).header();
        FlowIdentification flow = (FlowIdentification) h.significantOptions().get(3);
        FlowSubOption.TrafficSelector ts = (FlowSubOption.TrafficSelector) flow.subOptions().get(1);
        Ipv4TrafficSelector expected = Ipv4TrafficSelector.builder().destinationPortRange(5060, 5061).protocol(17)
                .build();
        assertThat(ts.binary()).contains(expected);
        assertThat(expected.flags()).isEqualTo(0x00C8);
        assertThat(FlowSubOption.TrafficSelector.of(expected)).isEqualTo(ts);
        assertThat(expected.matches(Ipv4Address.parse("203.0.113.5"), Ipv4Address.parse("198.51.100.7"),
                BinaryTrafficSelector.NO_SPI, 40000, 5061, 0, 17)).isTrue();
        assertThat(expected.matches(0, 0, BinaryTrafficSelector.NO_SPI, 40000, 5062, 0, 17)).isFalse();
        assertThat(expected.matches(0, 0, BinaryTrafficSelector.NO_SPI, 40000, 5060, 0, 6)).isFalse();
        assertThat(expected.matches(0, 0, BinaryTrafficSelector.NO_SPI, BinaryTrafficSelector.NO_PORT,
                BinaryTrafficSelector.NO_PORT, 0, 17)).isFalse();
    }

    /**
     * A Binding Update with one Flow Identification (FID 10, FID-PRI 1) holding {@code subOption},
     * padded to a multiple of 8: the sub-option's Length octet lands at 21, its TS Flags at 24.
     */
    static ByteBuffer bindingUpdateWith(String subOption) {
        byte[] sub = HexFormat.of().parseHex(subOption.replace(" ", ""));
        int end = 20 + sub.length;
        int length = (end + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(length);
        b.put(0, (byte) 59).put(1, (byte) (length / 8 - 1)).put(2, (byte) 5).putShort(6, (short) 0x1234);
        b.put(12, (byte) 45).put(13, (byte) (6 + sub.length)).putShort(14, (short) 10).putShort(16, (short) 1);
        b.put(20, sub);
        if (length - end >= 2) {
            b.put(end, (byte) 1).put(end + 1, (byte) (length - end - 2));
        }
        return b;
    }

    private static MalformedPacketException refusal(String subOption) {
        ByteBuffer b = bindingUpdateWith(subOption);
        try {
            MobilityHeaderDecoder.decode(b, 0, b.limit());
        } catch (MalformedPacketException e) {
            assertThatThrownBy(() -> MobilityHeaderDecoder.checked(b, 0, b.limit())).isInstanceOf(
                    MalformedPacketException.class).hasMessage(e.getMessage());
            return e;
        }
        throw new AssertionError("accepted " + subOption);
    }

    @Test
    void shouldRefuseASubOptionLengthThatDisagreesWithTheFlags() {
        // Flags I, J, M ask for 5 octets of fields: Length 2 + 4 + 5 = 11, not 10 nor 12.
        for (String s : List.of("030a 0100 00c80000 13c4 13c5", "030c 0100 00c80000 13c4 13c5 11 00")) {
            MalformedPacketException e = refusal(s);
            assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
            assertThat(e.field()).isEqualTo("Sub-option Length");
            assertThat(e.offset()).isEqualTo(21);
            assertThat(e.getMessage()).contains("11 for TS Format 1 with TS Flags 0x00C8, RFC 6088 §3.1");
        }
        // IPv6, flag C only: 2 + 4 + 16 = 22.
        MalformedPacketException e = refusal("0314 0200 20000000 20010db800000000000000000001");
        assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(e.getMessage()).contains("22 for TS Format 2 with TS Flags 0x2000, RFC 6088 §3.2");
        // Too short for the 32-bit flags word: a 16-bit one is not enough.
        for (String s : List.of("0303 0100 00", "0304 0100 00c8", "0305 0100 00c800")) {
            MalformedPacketException shortOne = refusal(s);
            assertThat(shortOne.reason()).isEqualTo(Reason.BAD_LENGTH);
            assertThat(shortOne.getMessage()).contains("at least 6 for TS Format 1, RFC 6088 §3.1");
        }
    }

    @Test
    void shouldRefuseAnEndFlagWithoutItsStartFlag() {
        // Flag J (End Destination Port) without I: RFC 6088 sends an End field only with its Start field.
        MalformedPacketException e = refusal("0308 0100 00400000 13c5");
        assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(e.field()).isEqualTo("TS Flags");
        assertThat(e.offset()).isEqualTo(24);
        assertThat(e.value()).isEqualTo(0x0040);
        // IPv6 flag P (End Next Header) without O.
        assertThat(refusal("0307 0200 00010000 11").getMessage()).contains("RFC 6088 §3.2");
        assertThatThrownBy(() -> new FlowSubOption.TrafficSelector(1, 0, ByteString.fromHex("0040000013c5")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlowSubOption.TrafficSelector(2, 0, ByteString.fromHex("00010000")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLeaveOtherTsFormatsAndTheReservedOctetAsTheyAre() {
        // TS Format 3 (unassigned) and 0 (reserved): octets kept, no binary form.
        ByteBuffer b = bindingUpdateWith("0305 0300 004013");
        FlowIdentification flow = (FlowIdentification) MobilityHeaderDecoder.decode(b, 0, b.limit()).header()
                .significantOptions().get(0);
        FlowSubOption.TrafficSelector ts = (FlowSubOption.TrafficSelector) flow.subOptions().get(0);
        assertThat(ts).isEqualTo(new FlowSubOption.TrafficSelector(3, 0, ByteString.fromHex("004013")));
        assertThat(ts.binary()).isEmpty();
        // TS Format 1 with Reserved octet 0xAA and all 18 Reserved bits of the flags word set: kept
        // ("MUST be set to zero by the sender and ignored by the receiver", RFC 6088 §3.1).
        ByteBuffer r = bindingUpdateWith("0309 01aa 008bffff 13c4 11");
        FlowSubOption.TrafficSelector kept = (FlowSubOption.TrafficSelector) ((FlowIdentification) MobilityHeaderDecoder
                .decode(r, 0, r.limit()).header().significantOptions().get(0)).subOptions().get(0);
        assertThat(kept.reserved()).isEqualTo(0xAA);
        Ipv4TrafficSelector v4 = (Ipv4TrafficSelector) kept.binary().orElseThrow();
        assertThat(v4.reserved()).isEqualTo(0x3FFFF);
        assertThat(v4.flags()).isEqualTo(0x008B);
        assertThat(v4).isEqualTo(Ipv4TrafficSelector.builder().destinationPort(5060).protocol(17).reserved(0x3FFFF)
                .build());
        assertThat(TrafficSelectorEncoder.toBytes(v4)).isEqualTo(ByteString.fromHex("008bffff13c411"));
        // Ignored: the selector matches as the one with Reserved 0, which is what a sender writes.
        Ipv4TrafficSelector zero = Ipv4TrafficSelector.builder().destinationPort(5060).protocol(17).build();
        assertThat(TrafficSelectorEncoder.toBytes(zero)).isEqualTo(ByteString.fromHex("0088000013c411"));
        assertThat(v4.matches(0, 0, 0, 1, 5060, 0, 17)).isTrue();
        assertThat(zero.matches(0, 0, 0, 1, 5060, 0, 17)).isTrue();
        // IPv6: the 16 Reserved bits after flag P, kept the same way.
        Ipv6TrafficSelector v6 = (Ipv6TrafficSelector) TrafficSelectorDecoder.decode(2, buffer("0002 a5a5 11"), 0, 5);
        assertThat(v6.reserved()).isEqualTo(0xA5A5);
        assertThat(v6).isEqualTo(Ipv6TrafficSelector.builder().nextHeader(17).reserved(0xA5A5).build());
        assertThat(TrafficSelectorEncoder.toBytes(Ipv6TrafficSelector.builder().nextHeader(17).build()))
                .isEqualTo(ByteString.fromHex("0002000011"));
    }

    @Test
    void shouldRefuseSelectorsTheStandaloneDecoderIsGivenWrong() {
        for (String flags : List.of("00", "0000", "000000")) {
            assertThatThrownBy(() -> TrafficSelectorDecoder.decode(1, buffer(flags), 0, flags.length() / 2))
                    .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                        assertThat(e.field()).isEqualTo("TS Flags");
                    });
        }
        // The 16-bit flags word of the old layout, fields right after it: 2 octets short.
        assertThatThrownBy(() -> TrafficSelectorDecoder.decode(1, buffer("00c813c413c511"), 0, 7))
                .isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> TrafficSelectorDecoder.decode(1, buffer("00c8000013c413c511 00"), 0, 10))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
                    assertThat(e.field()).isEqualTo("Traffic Selector");
                    assertThat(e.value()).isEqualTo(10);
                });
        assertThatThrownBy(() -> TrafficSelectorDecoder.decode(3, buffer("00000000"), 0, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrafficSelectorDecoder.decode(1, buffer("00000000"), 1, 4))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldMatchInclusiveRangesAndSingleValues() {
        Ipv4TrafficSelector s = Ipv4TrafficSelector.builder().sourcePortRange(1000, 2000).destinationPort(80).build();
        assertThat(s.matches(0, 0, 0, 1000, 80, 0, 6)).isTrue();
        assertThat(s.matches(0, 0, 0, 2000, 80, 0, 6)).isTrue();
        assertThat(s.matches(0, 0, 0, 999, 80, 0, 6)).isFalse();
        assertThat(s.matches(0, 0, 0, 2001, 80, 0, 6)).isFalse();
        assertThat(s.matches(0, 0, 0, 1500, 81, 0, 6)).isFalse();
        // Fields the selector does not name match anything, a packet's absent SPI included.
        assertThat(s.matches(-1, 7, BinaryTrafficSelector.NO_SPI, 1500, 80, 0xFF, 0)).isTrue();
        assertThat(Ipv4TrafficSelector.builder().build().matches(0, 0, BinaryTrafficSelector.NO_SPI,
                BinaryTrafficSelector.NO_PORT, BinaryTrafficSelector.NO_PORT, 0, 0)).isTrue();
        // A start above its end is kept and matches nothing.
        Ipv4TrafficSelector empty = Ipv4TrafficSelector.builder().protocolRange(17, 6).build();
        for (int p = 0; p < 256; p++) {
            assertThat(empty.matches(0, 0, 0, 0, 0, 0, p)).isFalse();
        }
        // An SPI range needs an SPI.
        Ipv4TrafficSelector spi = Ipv4TrafficSelector.builder().spiRange(0, 0xFFFF_FFFFL).build();
        assertThat(spi.matches(0, 0, 0xFFFF_FFFFL, 0, 0, 0, 50)).isTrue();
        assertThat(spi.matches(0, 0, BinaryTrafficSelector.NO_SPI, 0, 0, 0, 50)).isFalse();
    }

    @Test
    void shouldCompareAddressesAsUnsignedNumbers() {
        Ipv4TrafficSelector v4 = Ipv4TrafficSelector.builder()
                .destinationAddressRange(Ipv4Address.parse("100.0.0.0"), Ipv4Address.parse("200.0.0.0")).build();
        assertThat(v4.matches(Ipv4Address.ANY, Ipv4Address.parse("128.0.0.0"), 0, 0, 0, 0, 0)).isTrue();
        assertThat(v4.matches(Ipv4Address.ANY, Ipv4Address.parse("127.255.255.255"), 0, 0, 0, 0, 0)).isTrue();
        assertThat(v4.matches(Ipv4Address.ANY, Ipv4Address.parse("200.0.0.1"), 0, 0, 0, 0, 0)).isFalse();
        assertThat(v4.matches(Ipv4Address.ANY, Ipv4Address.parse("99.255.255.255"), 0, 0, 0, 0, 0)).isFalse();
        // IPv6: a range across the sign bit of both halves.
        Ipv6TrafficSelector v6 = Ipv6TrafficSelector.builder().sourceAddressRange(
                Ipv6Address.parse("7fff:ffff:ffff:ffff:7fff::"), Ipv6Address.parse("8000::8000:0:0:1")).build();
        Ipv6Address inside = Ipv6Address.parse("7fff:ffff:ffff:ffff:ffff::");
        Ipv6Address alsoInside = Ipv6Address.parse("8000::8000:0:0:0");
        Ipv6Address below = Ipv6Address.parse("7fff:ffff:ffff:ffff:7ffe:ffff:ffff:ffff");
        Ipv6Address above = Ipv6Address.parse("8000::8000:0:0:2");
        assertThat(v6.matches(inside, Ipv6Address.ANY, 0, 0, 0, 0, 0, 0)).isTrue();
        assertThat(v6.matches(alsoInside, Ipv6Address.ANY, 0, 0, 0, 0, 0, 0)).isTrue();
        assertThat(v6.matches(below, Ipv6Address.ANY, 0, 0, 0, 0, 0, 0)).isFalse();
        assertThat(v6.matches(above, Ipv6Address.ANY, 0, 0, 0, 0, 0, 0)).isFalse();
        assertThat(v6.matches(Ipv6Address.parse("ffff::"), Ipv6Address.ANY, 0, 0, 0, 0, 0, 0)).isFalse();
    }

    @Test
    void shouldIgnoreTheEcnBitsOfTheDsAndTrafficClassOctets() {
        // RFC 6088: the six high bits are the DS field to match, the two low bits are ignored.
        Ipv4TrafficSelector af11 = Ipv4TrafficSelector.builder().ds(0x29).build();
        for (int tos = 0; tos < 256; tos++) {
            assertThat(af11.matches(0, 0, 0, 0, 0, tos, 0)).as("ToS %02x", tos).isEqualTo(tos >>> 2 == 10);
        }
        Ipv6TrafficSelector ef = Ipv6TrafficSelector.builder().trafficClassRange(0xB8, 0xBB).build();
        for (int tc = 0; tc < 256; tc++) {
            assertThat(ef.matches(0, 0, 0, 0, 0, 0, 0, 0, tc, 0)).as("TC %02x", tc).isEqualTo(tc >>> 2 == 46);
        }
    }

    @Test
    void shouldIgnoreTheFirst8BitsOfAFlowLabelField() {
        // Flag G with the field 0xff012345: "The receiver SHOULD ignore the first 8 bits of this
        // field" (RFC 6088 §3.2).
        Ipv6TrafficSelector s = (Ipv6TrafficSelector) TrafficSelectorDecoder.decode(2, buffer("02000000 ff012345"), 0,
                8);
        assertThat(s.startFlowLabel()).isEqualTo(0xff012345L);
        assertThat(s.matches(0, 0, 0, 0, 0, 0x12345, 0, 0, 0, 0)).isTrue();
        assertThat(s.matches(0, 0, 0, 0, 0, 0x12346, 0, 0, 0, 0)).isFalse();
        assertThat(TrafficSelectorEncoder.toBytes(s)).isEqualTo(ByteString.fromHex("02000000ff012345"));
        // The sender prefixes the label with 8 zero bits.
        assertThat(TrafficSelectorEncoder.toBytes(Ipv6TrafficSelector.builder().flowLabel(0xFFFFF).build()))
                .isEqualTo(ByteString.fromHex("02000000000fffff"));
    }

    @Test
    void shouldReadAddressesFromABufferWhateverItsByteOrder() {
        // An IPv6 header: source at 8, destination at 24.
        ByteBuffer ip6 = Mip6Vectors.buffer(Mip6Vectors.M1_PACKET).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Ipv6TrafficSelector s = Ipv6TrafficSelector.builder().sourceAddress(Mip6Vectors.COA)
                .destinationAddress(Mip6Vectors.HA).build();
        assertThat(s.matches(ip6, 8, 24, BinaryTrafficSelector.NO_SPI, 0, BinaryTrafficSelector.NO_PORT,
                BinaryTrafficSelector.NO_PORT, 0, 135)).isTrue();
        assertThat(s.matches(ip6, 24, 8, BinaryTrafficSelector.NO_SPI, 0, BinaryTrafficSelector.NO_PORT,
                BinaryTrafficSelector.NO_PORT, 0, 135)).isFalse();
        ByteBuffer ip4 = buffer("4500001c 0000 0000 4011 0000 c0000201 c6336407").order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Ipv4TrafficSelector v4 = Ipv4TrafficSelector.builder().sourceAddress(Ipv4Address.parse("192.0.2.1"))
                .destinationAddress(Ipv4Address.parse("198.51.100.7")).protocol(17).build();
        assertThat(v4.matches(ip4, 12, 16, BinaryTrafficSelector.NO_SPI, 1, 2, 0, 17)).isTrue();
        assertThat(v4.matches(ip4, 16, 12, BinaryTrafficSelector.NO_SPI, 1, 2, 0, 17)).isFalse();
    }

    @Test
    void shouldRefuseSelectorsTheWireCannotCarry() {
        assertThatThrownBy(() -> Ipv4TrafficSelector.builder().sourcePort(65536).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4TrafficSelector.builder().spi(1L << 32).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4TrafficSelector.builder().ds(256).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4TrafficSelector.builder().reserved(0x40000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6TrafficSelector.builder().reserved(0x10000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6TrafficSelector.builder().flowLabel(0x100000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6TrafficSelector.builder().nextHeaderRange(0, 256).build())
                .isInstanceOf(IllegalArgumentException.class);
        // A range set again as a single value drops its End flag.
        assertThat(Ipv4TrafficSelector.builder().protocolRange(6, 17).protocol(6).build().flags())
                .isEqualTo(Ipv4TrafficSelector.START_PROTOCOL);
    }
}
