package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.mip6.MobilityMessage.BindingUpdate;
import org.tunnelcodec.mip6.MobilityOption.BindingAuthorizationData;
import org.tunnelcodec.mip6.MobilityOption.BindingIdentifier;

/**
 * The sender's rules, one test per rule, named after it: E1 (Payload Proto 59, Reserved 0),
 * E2/E3 (the padding before each option that its alignment asks for, RFC 6275 §6.2.1, from every
 * starting offset), E4 (Binding Authorization Data last), E5 (8-octet length, at most 2048),
 * E7 (seconds to 4-second units), E8 (sequence numbers modulo 2^16), E10 (Binding Identifier
 * lengths) and E11 (home registration flags).
 */
class MobilityHeaderEncoderTest {
    private static byte[] encode(MobilityHeader h) {
        ByteBuffer b = ByteBuffer.allocate(MobilityHeaderEncoder.encodedLength(h));
        MobilityHeaderEncoder.encode(h, b);
        return b.array();
    }

    @Test
    void e1ShouldWritePayloadProto59AndZeroReserved() {
        byte[] b = encode(MobilityHeader.of(new MobilityMessage.BindingRefreshRequest(0), List.of()));
        assertThat(HexFormat.of().formatHex(b)).isEqualTo("3b00000000000000");
    }

    @Test
    void e2AndE3ShouldPadEveryOptionToItsAlignmentFromEveryOffset() {
        List<MobilityOption> kinds = List.of(new MobilityOption.BindingRefreshAdvice(1),
                new MobilityOption.AlternateCareOfAddress(Mip6Vectors.COA), new MobilityOption.NonceIndices(1, 2),
                new MobilityOption.MobileNetworkPrefix(0, 48, Ipv6Address.parse("2001:db8:1::")),
                BindingIdentifier.of(1, 1, Mip6Vectors.COA), new MobilityOption.FlowIdentification(10, 1, 0, 0, List.of()),
                new BindingAuthorizationData(ByteString.of(new byte[12])));
        int[][] alignment = {{2, 0}, {8, 6}, {2, 0}, {8, 4}, {8, 2}, {8, 2}, {8, 2}};
        for (int k = 0; k < kinds.size(); k++) {
            for (int lead = 0; lead < 8; lead++) {
                List<MobilityOption> options = new ArrayList<>();
                if (lead > 0) {
                    options.add(new MobilityOption.Unknown(60, ByteString.of(new byte[lead])));
                }
                options.add(kinds.get(k));
                MobilityHeader h = MobilityHeader.of(new BindingUpdate(1, BindingUpdate.A, 1), options);
                int at = 6 + h.message().length();
                for (MobilityOption o : h.options()) {
                    if (o.equals(kinds.get(k))) {
                        assertThat(at % alignment[k][0]).as("%s after %d octets", o, lead).isEqualTo(alignment[k][1]);
                    }
                    at += o.encodedLength();
                }
                assertThat(h.length() % 8).isZero();
                assertThat(MobilityHeaderDecoder.decode(ByteBuffer.wrap(encode(h))).header()).isEqualTo(h);
            }
        }
        // one octet of padding is Pad1, more is PadN of zeros
        MobilityHeader h = MobilityHeader.of(new BindingUpdate(1, 0, 1), List.of(
                new MobilityOption.Unknown(60, ByteString.of((byte) 7)), new MobilityOption.BindingRefreshAdvice(3)));
        assertThat(HexFormat.of().formatHex(encode(h))).isEqualTo("3b02050000000001000000013c0107" + "00" + "02020003" + "01020000");
    }

    @Test
    void e4ShouldRefuseBindingAuthorizationDataThatIsNotLast() {
        assertThatThrownBy(() -> MobilityHeader.of(new BindingUpdate(1, 0, 1), List.of(
                new BindingAuthorizationData(ByteString.of(new byte[12])), new MobilityOption.NonceIndices(1, 2))))
                .isInstanceOf(IllegalArgumentException.class);
        MobilityHeader h = MobilityHeader.of(new BindingUpdate(1, 0, 1), List.of(new MobilityOption.NonceIndices(1, 2),
                new BindingAuthorizationData(ByteString.of(new byte[12]))));
        // NI at 12, BAD at 18 (8n+2), its 14 octets end at 32: no padding after it
        assertThat(h.options()).hasSize(2);
        assertThat(h.options().get(1)).isInstanceOf(BindingAuthorizationData.class);
        assertThat(h.length()).isEqualTo(32);
    }

    @Test
    void e5ShouldPadToEightOctetsAndRefuseMoreThan2048() {
        MobilityHeader bu = MobilityHeader.of(BindingUpdate.homeRegistration(1, 60), List.of());
        assertThat(HexFormat.of().formatHex(encode(bu))).isEqualTo("3b01050000000001c000000f01020000");
        List<MobilityOption> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(new MobilityOption.Unknown(60, ByteString.of(new byte[255])));
        }
        assertThatThrownBy(() -> MobilityHeader.of(new BindingUpdate(1, 0, 1), many)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MobilityHeader(0, 0, new BindingUpdate(1, 0, 1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void e7ShouldRoundSecondsUpToFourSecondUnitsAndSaturate() {
        assertThat(MobilityHeader.units(0)).isZero();
        assertThat(MobilityHeader.units(1)).isEqualTo(1);
        assertThat(MobilityHeader.units(600)).isEqualTo(150);
        assertThat(MobilityHeader.units(601)).isEqualTo(151);
        assertThat(MobilityHeader.units(1L << 40)).isEqualTo(0xFFFF);
    }

    @Test
    void e8ShouldCompareSequenceNumbersModulo65536() {
        assertThat(BindingUpdate.isNewer(0, 0xFFFF)).isTrue();
        assertThat(BindingUpdate.isNewer(0xFFFF, 0)).isFalse();
        assertThat(BindingUpdate.isNewer(5, 5)).isFalse();
        assertThat(BindingUpdate.homeRegistration(0x10001, 4).sequence()).isEqualTo(1);
    }

    @Test
    void e10ShouldSizeTheBindingIdentifierByItsCareOfAddress() {
        BindingIdentifier v4 = BindingIdentifier.of(2, 2, Ipv4Address.parse("198.51.100.7"));
        assertThat(v4.encodedLength()).isEqualTo(10);
        assertThat(v4.status()).isZero();
        assertThat(BindingIdentifier.of(1, 1, Mip6Vectors.COA).encodedLength()).isEqualTo(22);
        assertThat(new BindingIdentifier(1, 0, 1, ByteString.EMPTY).encodedLength()).isEqualTo(6);
        assertThatThrownBy(() -> new BindingIdentifier(1, 0, 0, ByteString.of(new byte[6])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void e11ShouldSetAAndHForAHomeRegistration() {
        BindingUpdate bu = BindingUpdate.homeRegistration(7, 600);
        assertThat(bu.flags()).isEqualTo(BindingUpdate.A | BindingUpdate.H);
        assertThat(bu.lifetime()).isEqualTo(150);
    }
}
