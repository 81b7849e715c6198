package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/** Examples and RFC 4385 §5 / RFC 5586 §2 corner cases for {@link AchDecoder}. */
class AchDecoderTest {
    private static MalformedPacketException rejection(String hex) {
        try {
            AchDecoder.decode(MplsVectors.buffer(hex));
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isEqualTo(AchHeader.PROTOCOL);
            return e;
        }
        throw new AssertionError("decoded");
    }

    private static byte[] payload(Decoded<?> d) {
        byte[] b = new byte[d.payloadLength()];
        d.payload().get(b);
        return b;
    }

    private static byte[] reencode(AchHeader h) {
        byte[] out = new byte[AchEncoder.encodedLength(h)];
        AchEncoder.encode(h, ByteBuffer.wrap(out));
        return out;
    }

    @Test
    void shouldDecodeTheAchOfVectorP4() {
        // tshark: version 0, reserved 0, channel type 0x0007 (BFD Control without IP/UDP), then BFD.
        ByteBuffer p4 = MplsVectors.buffer(MplsVectors.P4);
        Decoded<AchHeader> d = AchDecoder.decode(p4.duplicate().position(MplsVectors.P4_ACH));
        assertThat(d.header()).isEqualTo(AchHeader.of(AchChannelType.BFD_CONTROL));
        assertThat(d.header().isKnownVersion()).isTrue();
        assertThat(d.header().channelType()).isSameAs(AchChannelType.BFD_CONTROL);
        assertThat(d.headerLength()).isEqualTo(4);
        assertThat(d.payloadIndex()).isEqualTo(26);
        assertThat(d.payloadLength()).isEqualTo(24); // the BFD control packet, Length 24
        assertThat(payload(d)).startsWith(MplsVectors.bytes("20c00318"));
        assertThat(AchDecoder.channelType(p4, MplsVectors.P4_ACH)).isEqualTo(0x0007);
        assertThat(AchDecoder.checked(p4, MplsVectors.P4_ACH, p4.limit())).isEqualTo(4L << 32 | 24);
    }

    @Test
    void shouldRejectAnAchShorterThanFourOctets() {
        // R13.
        for (String hex : new String[] {"", "10", "1000", "100000"}) {
            int n = hex.length() / 2;
            MalformedPacketException e = rejection(hex);
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(e.field()).isEqualTo("Version");
            assertThat(e.offset()).isZero();
            assertThat(e.required()).isEqualTo(4);
            assertThat(e.available()).isEqualTo(n);
            assertThat(e.boundedBy()).isNull();
            assertThat(e.getMessage()).isEqualTo("ach Version truncated at offset 0: " + n
                    + " bytes available (expected: 4)");
        }
    }

    @Test
    void shouldRejectAFirstNibbleOtherThanOne() {
        // RFC 4385 §5, RFC 5586 §2: 0001 tells an ACH from a control word (0000) and from IP.
        for (int nibble = 0; nibble <= 15; nibble++) {
            if (nibble == 1) {
                continue;
            }
            MalformedPacketException e = rejection(Integer.toHexString(nibble) + "0000007");
            assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
            assertThat(e.field()).isEqualTo("first nibble");
            assertThat(e.offset()).isZero();
            assertThat(e.value()).isEqualTo(nibble);
            assertThat(e.detail()).contains("RFC 4385 §5");
        }
        assertThat(rejection("00000001").value()).as("P3's control word is not an ACH").isZero();
    }

    @Test
    void shouldExposeAnUnknownVersionAndLeaveItsChannelPayloadUnparsed() {
        // R14: version 15 is not refused; the header says so, and the payload is raw bytes.
        String channelPayload = "20c00318000000010000000000";
        Decoded<AchHeader> d = AchDecoder.decode(MplsVectors.buffer("1f000007" + channelPayload));
        assertThat(d.header().version()).isEqualTo(15);
        assertThat(d.header().isKnownVersion()).isFalse();
        assertThat(d.header().channelType()).isEqualTo(AchChannelType.BFD_CONTROL);
        assertThat(payload(d)).isEqualTo(MplsVectors.bytes(channelPayload));
        assertThat(reencode(d.header())).isEqualTo(MplsVectors.bytes("1f000007"));
        for (int version = 1; version <= 15; version++) {
            AchHeader h = AchDecoder.decode(MplsVectors.buffer(String.format("1%x000022", version))).header();
            assertThat(h.version()).isEqualTo(version);
            assertThat(h.isKnownVersion()).isFalse();
        }
    }

    @Test
    void shouldAcceptAndKeepANonZeroReservedOctet() {
        // R15; RFC 5586 §2: receivers ignore Reserved; the record keeps it so it round-trips.
        for (String hex : new String[] {"10010022", "10800022", "10ff0022"}) {
            AchHeader h = AchDecoder.decode(MplsVectors.buffer(hex)).header();
            assertThat(h.reserved()).isEqualTo(Integer.parseInt(hex.substring(2, 4), 16));
            assertThat(h.isKnownVersion()).isTrue();
            assertThat(h.channelType()).isEqualTo(AchChannelType.MPLS_TP_CC);
            assertThat(reencode(h)).isEqualTo(MplsVectors.bytes(hex));
        }
    }

    @Test
    void shouldStartTheChannelPayloadRightAfterTheHeader() {
        // RFC 7026 retired the ACH TLVs of RFC 5586: what follows the 4 octets is channel payload,
        // even when it looks like the old ACH TLV Header (Length 4, Reserved 0).
        byte[] packet = MplsVectors.bytes("10000021 00040000 45000014");
        Decoded<AchHeader> d = AchDecoder.decode(ByteBuffer.wrap(packet));
        assertThat(d.headerLength()).isEqualTo(4);
        assertThat(payload(d)).isEqualTo(Arrays.copyOfRange(packet, 4, packet.length));
        assertThat(AchDecoder.decode(MplsVectors.buffer("10000057")).payloadLength()).as("empty payload").isZero();
    }

    @Test
    void shouldAcceptEveryChannelType() {
        assertThat(AchDecoder.decode(MplsVectors.buffer("10000000")).header().channelType().value()).isZero();
        AchChannelType experimental = AchDecoder.decode(MplsVectors.buffer("10007ff9")).header().channelType();
        assertThat(experimental.isExperimental()).isTrue();
        AchChannelType unknown = AchDecoder.decode(MplsVectors.buffer("1000abcd")).header().channelType();
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.value()).isEqualTo(0xABCD);
        assertThat(AchDecoder.decode(MplsVectors.buffer("1000ffff")).header().channelType().value()).isEqualTo(0xFFFF);
    }

    @Test
    void shouldCountErrorOffsetsFromTheIndexAndReadNothingPastTheLimit() {
        ByteBuffer b = MplsVectors.buffer("ffff 100000 07 ffff");
        assertThatThrownBy(() -> AchDecoder.decode(b, 2, 5)).isInstanceOfSatisfying(MalformedPacketException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(e.offset()).isZero();
            assertThat(e.available()).isEqualTo(3);
        });
        Decoded<AchHeader> d = AchDecoder.decode(b, 2, 6);
        assertThat(d.header().channelType()).isEqualTo(AchChannelType.BFD_CONTROL);
        assertThat(d.payloadLength()).isZero();
        assertThatThrownBy(() -> AchDecoder.decode(b, 0, 4)).isInstanceOfSatisfying(MalformedPacketException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE));
    }

    @Test
    void shouldTreatARangeOutsideTheBufferAsACallerError() {
        ByteBuffer b = MplsVectors.buffer("10000007");
        assertThatThrownBy(() -> AchDecoder.decode(b, -1, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> AchDecoder.decode(b, 0, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> AchDecoder.checked(b, 2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldPeekAtTheChannelTypeWithoutCheckingTheRestOfTheWord() {
        assertThat(AchDecoder.channelType(MplsVectors.buffer("aa 10000058"), 1)).isEqualTo(0x0058);
        // A peek reads; it does not judge: the nibble and the version are decode's business.
        assertThat(AchDecoder.channelType(MplsVectors.buffer("00000001"), 0)).isEqualTo(1);
        assertThat(AchDecoder.channelType(MplsVectors.buffer("1f000024"), 0)).isEqualTo(0x0024);
    }

    @Test
    void shouldReportATruncatedPeekAsDecodeDoes() {
        // R13 through the peek.
        for (String hex : new String[] {"", "10", "1000", "100000"}) {
            ByteBuffer b = MplsVectors.buffer("ee" + hex);
            MalformedPacketException expected = rejection(hex);
            assertThatThrownBy(() -> AchDecoder.channelType(b, 1)).isInstanceOfSatisfying(
                    MalformedPacketException.class, e -> assertThat(e.getMessage()).isEqualTo(expected.getMessage()));
        }
        ByteBuffer b = MplsVectors.buffer("10000007");
        assertThatThrownBy(() -> AchDecoder.channelType(b, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> AchDecoder.channelType(b, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
