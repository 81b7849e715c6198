package org.tunnelcodec.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.core.Rejections.assertInvalid;
import static org.tunnelcodec.core.Rejections.assertTruncated;
import static org.tunnelcodec.core.Rejections.hex;
import static org.tunnelcodec.core.Rejections.prefix;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/** The receiver checks of {@link Ipv6Decoder} (RFC 8200 §3, §4), each with its exact exception. */
class Ipv6DecoderTest {
    /** 2001:db8::1 and 2001:db8::2, the documentation prefix of RFC 3849. */
    private static final String ADDRESSES = "20010db8000000000000000000000001" + "20010db8000000000000000000000002";

    /** A UDP datagram of 16 bytes (RFC 768 layout; decode does not check its checksum) after the fixed header. */
    private static final String UDP = "6000000000101140" + ADDRESSES + "d5f100350010e1f5" + "0102030405060708";

    /**
     * An MLDv2 Report laid out as RFC 3810 §5 has hosts send it: a Hop-by-Hop Options header
     * with a Router Alert option (RFC 2711: type 5, length 2, value 0) and a PadN, then the
     * ICMPv6 message (type 143, one record for ff02::1:ff00:1; its checksum is not checked).
     */
    private static final String MLD = "6000000000240001" + ADDRESSES + "3a00050200000100"
            + "8f00a6b200000001" + "04000000ff0200000000000000000001ff000001";

    /** The IPv4 packet of {@link Ipv4DecoderTest}, 115 bytes. */
    private static final String IPV4 = "450000730000400040" + "11b861c0a80001c0a800c7" + "00".repeat(95);

    @Test
    void shouldDecodeTheVectorsUsedBelow() {
        assertThat(Ipv6Decoder.decode(hex(UDP)).payloadLength()).isEqualTo(16);
        assertThat(Ipv6Decoder.decode(hex(MLD)).header().upperLayerProtocol().value()).isEqualTo(58);
    }

    @Test
    void shouldRejectAVersionOtherThan6() {
        assertInvalid(() -> Ipv6Decoder.decode(hex(IPV4)), "ipv6", "Version", 0, Reason.UNSUPPORTED_VERSION, 4,
                "6");
    }

    @Test
    void shouldRejectAFixedHeaderCutShortAtEveryPrefixLength() {
        for (int length = 0; length < 40; length++) {
            ByteBuffer b = prefix(UDP, length);
            assertTruncated(() -> Ipv6Decoder.decode(b), "ipv6", "Version", 0, 40, length, null);
        }
    }

    @Test
    void shouldRejectPayloadLengthBeyondTheBytes() {
        for (int length = 40; length < 56; length++) {
            ByteBuffer b = prefix(UDP, length);
            assertTruncated(() -> Ipv6Decoder.decode(b), "ipv6", "Payload Length", 0, 56, length, null);
        }
    }

    @Test
    void shouldRejectAnExtensionHeaderThatPayloadLengthCutsShort() {
        // Payload Length 4: the Hop-by-Hop header needs 8, and the buffer holds all of them.
        ByteBuffer b = hex("6000000000040001" + MLD.substring(16));
        assertTruncated(() -> Ipv6Decoder.decode(b), "ipv6", "Hop-by-Hop Options Next Header", 40, 8, 4,
                "ipv6 Payload Length");
        // Hdr Ext Len 1 announces 16 bytes where Payload Length leaves 12.
        ByteBuffer longer = hex("60000000000c0001" + ADDRESSES + "3a01050200000100" + "8f00a6b2" + "00".repeat(8));
        assertTruncated(() -> Ipv6Decoder.decode(longer), "ipv6", "Hop-by-Hop Options Hdr Ext Len", 40, 16, 12,
                "ipv6 Payload Length");
    }

    @Test
    void shouldRejectAnOptionThatItsHeaderCutsShort() {
        // The Router Alert option claims 6 data bytes where the 8-byte header leaves 4 (RFC 8200 §4.2).
        ByteBuffer b = hex(MLD.replace("3a00050200000100", "3a00050600000100"));
        assertTruncated(() -> Ipv6Decoder.decode(b), "ipv6", "Option Data", 44, 6, 4,
                "ipv6 Hop-by-Hop Options Hdr Ext Len");
    }

    @Test
    void shouldRejectPayloadLength0WithoutAJumboPayloadOption() {
        ByteBuffer b = hex("6000000000001140" + ADDRESSES + "d5f100350010e1f5" + "0102030405060708");
        assertInvalid(() -> Ipv6Decoder.decode(b), "ipv6", "Payload Length", 4, Reason.BAD_LENGTH, 0,
                "not 0 without a Jumbo Payload option, RFC 2675 §3");
    }
}
