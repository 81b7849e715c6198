package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * The LISP data header decoder on the data-plane vectors (byte for byte, as tshark 4.0.17 decodes
 * them) and on each receiver rule of RFC 9300 §5.3: the combinations a sender must not send are
 * read as the RFC tells a receiver to (none is refused), and only a header shorter than 8 octets
 * is malformed.
 */
class LispDecoderTest {
    private static LispHeader decodeAt(String vector, int at) {
        ByteBuffer b = LispVectors.buffer(vector);
        Decoded<LispHeader> d = LispDecoder.decode(b, at, b.limit());
        assertThat(d.headerLength()).isEqualTo(8);
        assertThat(d.payloadLength()).isEqualTo(b.limit() - at - 8);
        return d.header();
    }

    @Test
    void shouldDecodeVectorD1NonceAnd32LocatorStatusBits() {
        LispHeader h = decodeAt(LispVectors.D1, LispVectors.IN_IPV4);
        assertThat(h).isEqualTo(new LispHeader(0xC0, 0xABCDEF, 0, 3));
        assertThat(h.noncePresent()).isTrue();
        assertThat(h.nonce()).isEqualTo(0xABCDEF);
        assertThat(h.locatorStatusBitsEnabled()).isTrue();
        assertThat(h.instanceIdPresent()).isFalse();
        assertThat(h.echoNonceRequested()).isFalse();
        assertThat(h.mapVersionPresent()).isFalse();
        assertThat(h.keyId()).isZero();
    }

    @Test
    void shouldDecodeVectorD2InstanceIdAnd8LocatorStatusBits() {
        LispHeader h = decodeAt(LispVectors.D2, LispVectors.IN_IPV4);
        assertThat(h).isEqualTo(new LispHeader(0xC8, 0x123456, 2571, 1));
        assertThat(h.instanceIdPresent()).isTrue();
        assertThat(h.secondWord()).isEqualTo(0x000A0B01L);
    }

    @Test
    void shouldDecodeVectorD3MapVersionsOverIpv6() {
        LispHeader h = decodeAt(LispVectors.D3, LispVectors.IN_IPV6);
        assertThat(h).isEqualTo(new LispHeader(0x18, 0x00500A, 100, 0));
        assertThat(h.mapVersionPresent()).isTrue();
        assertThat(h.sourceMapVersion()).isEqualTo(5);
        assertThat(h.destinationMapVersion()).isEqualTo(10);
        assertThat(h.locatorStatusBitsEnabled()).isFalse();
    }

    /** RFC 9300 §5.3 (V): N and V together, a decapsulating ETR treats the field as a Nonce. */
    @Test
    void shouldReadNAndVTogetherAsANonce() {
        LispHeader h = LispDecoder.decode(LispVectors.buffer(LispVectors.D5_HEADER + "45")).header();
        assertThat(h.flags()).isEqualTo(0xB0);
        assertThat(h.noncePresent()).isTrue();
        assertThat(h.nonce()).isEqualTo(0x00ABCD);
        assertThat(h.mapVersionPresent()).isFalse();
        assertThat(h.echoNonceRequested()).isTrue();
        assertThat(LispEncoder.senderRuleBroken(h)).contains("N and V");
    }

    /** RFC 9300 §5.3 (E): "This bit MUST be ignored and has no meaning when the N-bit is set to 0". */
    @Test
    void shouldIgnoreEWithoutN() {
        LispHeader h = LispDecoder.decode(LispVectors.buffer(LispVectors.D6_HEADER)).header();
        assertThat(h.flags()).isEqualTo(0x60);
        assertThat(h.echoNonceRequested()).isFalse();
        assertThat(h.noncePresent()).isFalse();
        assertThat(h.locatorStatusBits()).isEqualTo(5);
        assertThat(LispEncoder.senderRuleBroken(h)).contains("E set without N");
    }

    /** RFC 9300 §5.3 (R): "MUST be ignored on receipt": kept, not refused. */
    @Test
    void shouldKeepTheReservedBitFive() {
        LispHeader h = LispDecoder.decode(LispVectors.buffer("0400000000000000")).header();
        assertThat(h.reservedFlags()).isEqualTo(0x04);
        assertThat(h.nextProtocolPresent()).isTrue();
    }

    /** RFC 9300 §5.3 (L): with L clear the Locator-Status-Bits carry nothing; they are kept. */
    @Test
    void shouldKeepLocatorStatusBitsWithLClear() {
        LispHeader h = LispDecoder.decode(LispVectors.buffer("080000000000015a")).header();
        assertThat(h.locatorStatusBitsEnabled()).isFalse();
        assertThat(h.instanceId()).isEqualTo(1);
        assertThat(h.locatorStatusBits()).isEqualTo(0x5A);
    }

    /** RFC 8061 §3: KK not 0, the payload is encrypted; the decoder keeps it as the payload. */
    @Test
    void shouldGiveTheKeyIdOfAnEncryptedPayload() {
        Decoded<LispHeader> d = LispDecoder.decode(LispVectors.buffer("830a0b0c00000000" + "9091929394"));
        assertThat(d.header().keyId()).isEqualTo(3);
        assertThat(d.payloadLength()).isEqualTo(5);
    }

    /** RFC 9300 §5.1: the header is exactly 8 octets; fewer are TRUNCATED, named after Flags. */
    @Test
    void shouldRefuseFewerThanEightOctets() {
        for (int n = 0; n < 8; n++) {
            ByteBuffer b = ByteBuffer.wrap(new byte[n]);
            int length = n;
            assertThatThrownBy(() -> LispDecoder.decode(b)).isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
                assertThat(e.protocol()).isEqualTo("lisp");
                assertThat(e.field()).isEqualTo("Flags");
                assertThat(e.available()).isEqualTo(length);
            });
        }
    }

    @Test
    void shouldPeekWhatTheDecoderDecodes() {
        ByteBuffer d2 = LispVectors.buffer(LispVectors.D2);
        assertThat(LispDecoder.flags(d2, LispVectors.IN_IPV4)).isEqualTo(0xC8);
        assertThat(LispDecoder.nonce(d2, LispVectors.IN_IPV4)).isEqualTo(0x123456);
        assertThat(LispDecoder.instanceId(d2, LispVectors.IN_IPV4)).isEqualTo(2571);
        assertThat(LispDecoder.locatorStatusBits(d2, LispVectors.IN_IPV4)).isEqualTo(1);
        ByteBuffer d1 = LispVectors.buffer(LispVectors.D1);
        assertThat(LispDecoder.instanceId(d1, LispVectors.IN_IPV4)).isEqualTo(-1);
        assertThat(LispDecoder.locatorStatusBits(d1, LispVectors.IN_IPV4)).isEqualTo(3);
        ByteBuffer short6 = LispVectors.buffer("c8123456000a");
        assertThat(LispDecoder.nonce(short6, 0)).isEqualTo(0x123456);
        assertThatThrownBy(() -> LispDecoder.instanceId(short6, 0)).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> LispDecoder.flags(short6, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldViewWhatTheDecoderDecodes() {
        ByteBuffer d3 = LispVectors.buffer(LispVectors.D3);
        LispView v = new LispView().wrap(d3, LispVectors.IN_IPV6, d3.limit());
        assertThat(v.toHeader()).isEqualTo(decodeAt(LispVectors.D3, LispVectors.IN_IPV6));
        assertThat(v.sourceMapVersion()).isEqualTo(5);
        assertThat(v.destinationMapVersion()).isEqualTo(10);
        assertThat(v.instanceId()).isEqualTo(100);
        assertThat(v.payloadIndex()).isEqualTo(LispVectors.IN_IPV6 + 8);
        assertThat(v.gpeNextProtocol()).isEqualTo(-1);
        assertThatThrownBy(() -> v.wrap(ByteBuffer.wrap(new byte[3]))).isInstanceOf(MalformedPacketException.class);
        assertThat(v.isWrapped()).isFalse();
        assertThatThrownBy(v::flags).isInstanceOf(IllegalStateException.class);
    }
}
