package org.tunnelcodec.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.core.Rejections.assertTruncated;
import static org.tunnelcodec.core.Rejections.hex;
import static org.tunnelcodec.core.Rejections.prefix;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/** The checks of {@link EthernetDecoder} (IEEE 802.3, 802.1Q), each with its exact exception. */
class EthernetDecoderTest {
    /** A broadcast ARP request in VLAN 100 (802.1Q tag 8100 0064), then 28 bytes of ARP. */
    private static final String TAGGED = "ffffffffffff" + "00163e123456" + "81000064" + "0806"
            + "0001080006040001" + "00163e123456c0a80001" + "000000000000c0a80002";

    /** An IEEE 802.3 frame with an LLC header (STP BPDU, DSAP and SSAP 0x42) and Length 38. */
    private static final String IEEE_802_3 = "0180c2000000" + "00163e123456" + "0026" + "424203"
            + "00".repeat(35) + "00000000"; // 4 bytes of padding after the 38

    @Test
    void shouldDecodeTheVectorsUsedBelow() {
        EthernetHeader h = EthernetDecoder.decode(hex(TAGGED)).header();
        assertThat(h.tags()).containsExactly(VlanTag.customer(100));
        assertThat(EthernetDecoder.decode(hex(IEEE_802_3)).payloadLength()).isEqualTo(38);
    }

    @Test
    void shouldRejectATaggedHeaderCutShortAtEveryPrefixLength() {
        for (int length = 0; length < 14; length++) {
            ByteBuffer b = prefix(TAGGED, length);
            assertTruncated(() -> EthernetDecoder.decode(b), "ethernet", "Destination Address", 0, 14, length, null);
        }
        for (int length = 14; length < 18; length++) {
            ByteBuffer b = prefix(TAGGED, length);
            assertTruncated(() -> EthernetDecoder.decode(b), "ethernet", "Tag Control Information", 14, 4,
                    length - 14, null);
        }
        assertThat(EthernetDecoder.decode(prefix(TAGGED, 18)).headerLength()).isEqualTo(18);
    }

    @Test
    void shouldRejectAnIeee8023LengthBeyondTheBytes() {
        for (int length = 14; length < 52; length++) {
            ByteBuffer b = prefix(IEEE_802_3, length);
            assertTruncated(() -> EthernetDecoder.decode(b), "ethernet", "Length", 14, 38, length - 14, null);
        }
    }

    @Test
    void shouldRejectMoreThanEightTags() {
        ByteBuffer b = hex("ffffffffffff" + "00163e123456" + "88a80064".repeat(9) + "0800");
        MalformedPacketException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                MalformedPacketException.class, () -> EthernetDecoder.decode(b));
        assertThat(e.protocol()).isEqualTo("ethernet");
        assertThat(e.field()).isEqualTo("TPID");
        assertThat(e.offset()).isEqualTo(12 + 8 * 4);
        assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(e.hasValue()).isFalse();
    }

    @Test
    void shouldReportTheSameTruncationFromItsPeeks() {
        ByteBuffer b = prefix(TAGGED, 16);
        assertTruncated(() -> EthernetDecoder.etherType(b, 0), "ethernet", "Tag Control Information", 14, 4, 2,
                null);
        assertTruncated(() -> EthernetDecoder.headerLength(b, 0), "ethernet", "Tag Control Information", 14, 4, 2,
                null);
    }
}
