package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/** Examples and RFC 4385 corner cases for {@link ControlWordDecoder}. */
class ControlWordDecoderTest {
    private static MalformedPacketException rejection(String hex) {
        return rejection(MplsVectors.buffer(hex));
    }

    private static MalformedPacketException rejection(ByteBuffer src) {
        try {
            ControlWordDecoder.decode(src);
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(ControlWord.PROTOCOL);
            return e;
        }
        throw new AssertionError("decoded");
    }

    private static byte[] payload(Decoded<?> d) {
        byte[] b = new byte[d.payloadLength()];
        d.payload().get(b);
        return b;
    }

    @Test
    void shouldDecodeTheControlWordOfVectorP3() {
        // tshark: "PW Ethernet Control Word", sequence number 1; RFC 4448 §4.6 layout.
        ByteBuffer p3 = MplsVectors.buffer(MplsVectors.P3);
        Decoded<ControlWord> d = ControlWordDecoder.decode(p3.duplicate().position(MplsVectors.P3_CONTROL_WORD));
        assertThat(d.header()).isEqualTo(ControlWord.ethernet(1));
        assertThat(d.header()).isEqualTo(new ControlWord(0, 0, 0, 1));
        assertThat(d.headerLength()).isEqualTo(4);
        assertThat(d.payloadIndex()).isEqualTo(46);
        assertThat(d.payloadLength()).isEqualTo(90 - 46); // Length 0: the customer frame to the end
        assertThat(payload(d)).startsWith(MplsVectors.bytes("66778899aabb001122334455 0800"));
        assertThat(ControlWordDecoder.sequenceNumber(p3, MplsVectors.P3_CONTROL_WORD)).isEqualTo(1);
        assertThat(ControlWordDecoder.checked(p3, MplsVectors.P3_CONTROL_WORD, p3.limit())).isEqualTo(4L << 32 | 44);
    }

    @Test
    void shouldRejectControlWordShorterThanFourOctets() {
        // R13; RFC 4385 §3: the control word is 32 bits.
        for (String hex : new String[] {"", "00", "0000", "000000"}) {
            int n = hex.length() / 2;
            MalformedPacketException e = rejection(hex);
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(e.field()).isEqualTo("Flags");
            assertThat(e.offset()).isZero();
            assertThat(e.required()).isEqualTo(4);
            assertThat(e.available()).isEqualTo(n);
            assertThat(e.boundedBy()).isNull();
            assertThat(e.getMessage()).isEqualTo("pw-cw Flags truncated at offset 0: " + n
                    + " bytes available (expected: 4)");
        }
    }

    @Test
    void shouldRejectControlWordShorterThanFourOctetsBeforeTheLimitOfALargerBuffer() {
        // R13: the limit, not the buffer's capacity, ends the control word.
        ByteBuffer b = MplsVectors.buffer("ffff 000000 01 ffff");
        assertThatThrownBy(() -> ControlWordDecoder.decode(b, 2, 5)).isInstanceOfSatisfying(
                MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.available()).isEqualTo(3);
                });
        assertThat(ControlWordDecoder.decode(b, 2, 6).header().sequenceNumber()).isEqualTo(1);
    }

    @Test
    void shouldRejectAFirstNibbleOtherThanZero() {
        // RFC 4385 §3: 0000 tells a control word from IP (4, 6) and from an ACH (1).
        for (int nibble = 1; nibble <= 15; nibble++) {
            MalformedPacketException e = rejection(Integer.toHexString(nibble) + "0000001");
            assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
            assertThat(e.field()).isEqualTo("first nibble");
            assertThat(e.offset()).isZero();
            assertThat(e.value()).isEqualTo(nibble);
            assertThat(e.detail()).contains("RFC 4385 §3");
        }
        assertThat(rejection("10000007").value()).as("an ACH is not a control word").isEqualTo(1);
        assertThat(rejection("4500001c").value()).as("nor is IPv4").isEqualTo(4);
    }

    @Test
    void shouldRejectALengthShorterThanTheControlWord() {
        // RFC 4385 §4: Length counts the control word and its payload, so it is 0 or at least 4.
        for (int length = 1; length <= 3; length++) {
            MalformedPacketException e = rejection(String.format("00%02x0001 aabbccdd", length));
            assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
            assertThat(e.field()).isEqualTo("Length");
            assertThat(e.offset()).isEqualTo(1);
            assertThat(e.value()).isEqualTo(length);
        }
    }

    @Test
    void shouldBoundThePayloadByLengthAndLeaveTheLinkPaddingOut() {
        // RFC 4385 §4: a 6-octet payload (Length 10) padded to Ethernet's minimum frame.
        ByteBuffer b = MplsVectors.buffer("000a0007 112233445566" + "00".repeat(36));
        Decoded<ControlWord> d = ControlWordDecoder.decode(b);
        assertThat(d.header()).isEqualTo(new ControlWord(0, 0, 10, 7));
        assertThat(d.payloadLength()).isEqualTo(6);
        assertThat(payload(d)).isEqualTo(MplsVectors.bytes("112233445566"));
        assertThat(ControlWordDecoder.checked(b, 0, b.limit())).isEqualTo(4L << 32 | 6);
    }

    @Test
    void shouldAcceptALengthOfFourWithAnEmptyPayload() {
        Decoded<ControlWord> d = ControlWordDecoder.decode(MplsVectors.buffer("00040000 00000000"));
        assertThat(d.payloadLength()).isZero();
        assertThat(d.header().payloadLength()).isZero();
    }

    @Test
    void shouldRejectALengthPastTheEndOfTheBytes() {
        // Length 20 says 16 payload octets; only 6 are there: the bytes ended first.
        MalformedPacketException e = rejection("00140001 112233445566");
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.field()).isEqualTo("Length");
        assertThat(e.offset()).isZero();
        assertThat(e.required()).isEqualTo(20);
        assertThat(e.available()).isEqualTo(10);
        assertThat(e.boundedBy()).isNull();
        assertThat(e.getMessage()).isEqualTo("pw-cw Length truncated at offset 0: 10 bytes available (expected: 20)");
    }

    @Test
    void shouldTakeThePayloadToTheEndWhenLengthIsZero() {
        Decoded<ControlWord> d = ControlWordDecoder.decode(MplsVectors.buffer("0000ffff" + "ab".repeat(100)));
        assertThat(d.payloadLength()).isEqualTo(100);
        assertThat(d.header().payloadLength()).isEqualTo(-1);
    }

    @Test
    void shouldKeepFlagsAndFragmentationAsTheyAre() {
        // Flags belong to the PW type, FRG to RFC 4623: the decoder neither checks nor clears them.
        Decoded<ControlWord> d = ControlWordDecoder.decode(MplsVectors.buffer("0fc00102 00"));
        assertThat(d.header()).isEqualTo(new ControlWord(15, 3, 0, 0x0102));
        Decoded<ControlWord> first = ControlWordDecoder.decode(MplsVectors.buffer("05490005 1122334455"));
        assertThat(first.header()).isEqualTo(new ControlWord(5, 1, 9, 5));
        assertThat(first.payloadLength()).isEqualTo(5);
    }

    @Test
    void shouldCountErrorOffsetsFromTheIndexAndReadNothingPastTheLimit() {
        ByteBuffer b = MplsVectors.buffer("ffffffff 00 14 0001 1122 ffffffffffffffffffffffffffff");
        int limit = 4 + 6;
        assertThatThrownBy(() -> ControlWordDecoder.decode(b, 4, limit)).isInstanceOfSatisfying(
                MalformedPacketException.class, e -> {
                    assertThat(e.field()).isEqualTo("Length");
                    assertThat(e.offset()).isZero();
                    assertThat(e.available()).isEqualTo(6);
                });
        assertThat(ControlWordDecoder.decode(b, 4, b.limit()).payloadLength()).isEqualTo(16);
        assertThat(b.position()).isZero();
    }

    @Test
    void shouldTreatARangeOutsideTheBufferAsACallerError() {
        ByteBuffer b = MplsVectors.buffer("00000001");
        assertThatThrownBy(() -> ControlWordDecoder.decode(b, -1, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ControlWordDecoder.decode(b, 0, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ControlWordDecoder.decode(b, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ControlWordDecoder.checked(b, 0, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldPeekAtTheSequenceNumberWithoutCheckingTheRestOfTheWord() {
        assertThat(ControlWordDecoder.sequenceNumber(MplsVectors.buffer("0000ffff"), 0)).isEqualTo(65535);
        assertThat(ControlWordDecoder.sequenceNumber(MplsVectors.buffer("aa 00000000"), 1)).isZero();
        // A peek reads; it does not judge: the first nibble and Length are decode's business.
        assertThat(ControlWordDecoder.sequenceNumber(MplsVectors.buffer("f0030102"), 0)).isEqualTo(0x0102);
    }

    @Test
    void shouldReportATruncatedPeekAsDecodeDoes() {
        // R13 through the peek: the same error as decode for the same bytes.
        for (String hex : new String[] {"", "00", "0000", "000000"}) {
            ByteBuffer b = MplsVectors.buffer("ee" + hex);
            MalformedPacketException expected = rejection(MplsVectors.buffer(hex));
            assertThatThrownBy(() -> ControlWordDecoder.sequenceNumber(b, 1)).isInstanceOfSatisfying(
                    MalformedPacketException.class, e -> assertThat(e.getMessage()).isEqualTo(expected.getMessage()));
        }
    }

    @Test
    void shouldTreatAPeekOutsideTheBufferAsACallerError() {
        ByteBuffer b = MplsVectors.buffer("00000001");
        assertThatThrownBy(() -> ControlWordDecoder.sequenceNumber(b, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ControlWordDecoder.sequenceNumber(b, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ControlWordDecoder.sequenceNumber(b, 4)).isInstanceOf(MalformedPacketException.class);
    }
}
