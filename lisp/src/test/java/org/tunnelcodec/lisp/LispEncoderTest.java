package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The LISP data header encoder and {@link LispHeader.Builder} on the sender's rules of RFC 9300
 * §5.3 (N and V never together, E only with N, unused fields zero, bit 5 clear, a 24-bit Instance
 * ID, 8 Locator-Status-Bits with an Instance ID), and the vectors' headers rebuilt byte for byte.
 */
class LispEncoderTest {
    private static byte[] encode(LispHeader h) {
        ByteBuffer b = ByteBuffer.allocate(8);
        assertThat(LispEncoder.encode(h, b)).isEqualTo(8);
        assertThat(b.position()).isZero();
        return b.array();
    }

    @Test
    void shouldBuildTheVectorsHeadersByteForByte() {
        LispHeader d1 = LispHeader.builder().nonce(0xABCDEF).locatorStatusBits(3).build();
        assertThat(encode(d1)).isEqualTo(LispVectors.header(LispVectors.D1, LispVectors.IN_IPV4));
        LispHeader d2 = LispHeader.builder().nonce(0x123456).instanceId(2571).locatorStatusBits(1).build();
        assertThat(encode(d2)).isEqualTo(LispVectors.header(LispVectors.D2, LispVectors.IN_IPV4));
        LispHeader d3 = LispHeader.builder().mapVersion(5, 10).instanceId(100).build();
        assertThat(encode(d3)).isEqualTo(LispVectors.header(LispVectors.D3, LispVectors.IN_IPV6));
        for (LispHeader h : new LispHeader[] {d1, d2, d3}) {
            assertThat(LispEncoder.senderRuleBroken(h)).isNull();
        }
    }

    /** RFC 9300 §5.3 (V): "When this bit is set to 1, the N-bit MUST be 0". */
    @Test
    void shouldNeverSetNAndVTogether() {
        assertThatThrownBy(() -> LispHeader.builder().nonce(1).mapVersion(1, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RFC 9300 §5.3");
        assertThatThrownBy(() -> LispHeader.builder().mapVersion(1, 2).nonce(1)).isInstanceOf(IllegalStateException.class);
    }

    /** RFC 9300 §5.3 (E): E has no meaning without N; a sender sets it only with N. */
    @Test
    void shouldSetEOnlyWithN() {
        assertThatThrownBy(() -> LispHeader.builder().echoNonceRequest()).isInstanceOf(IllegalStateException.class);
        LispHeader h = LispHeader.builder().nonce(7).echoNonceRequest().build();
        assertThat(encode(h)).isEqualTo(LispVectors.bytes("a000000700000000"));
        assertThat(h.echoNonceRequested()).isTrue();
    }

    /** RFC 9300 §5.3: the Instance ID is 24 bits on the data plane; with I the LSB field is 8 bits. */
    @Test
    void shouldRefuseAnInstanceIdWiderThan24BitsAndWideLocatorStatusBitsWithIt() {
        assertThatThrownBy(() -> LispHeader.builder().instanceId(1 << 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LispHeader.builder().instanceId(1).locatorStatusBits(0x100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LispHeader.builder().locatorStatusBits(0x100).instanceId(1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new LispHeader(0, 0, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(encode(LispHeader.builder().instanceId(0xFFFFFF).build())).isEqualTo(LispVectors.bytes("08000000ffffff00"));
    }

    /** RFC 9300 §5.3: fields a header does not use are sent as zero, bit 5 as 0, KK 00 for a plain payload. */
    @Test
    void shouldSendUnusedFieldsAsZero() {
        assertThat(encode(LispHeader.builder().build())).isEqualTo(new byte[8]);
        assertThat(LispEncoder.senderRuleBroken(new LispHeader(0, 1, 0, 0))).contains("N and V clear");
        assertThat(LispEncoder.senderRuleBroken(new LispHeader(0, 0, 0, 1))).contains("L clear");
        assertThat(LispEncoder.senderRuleBroken(new LispHeader(0x04, 0, 0, 0))).contains("bit 5");
        assertThat(LispEncoder.senderRuleBroken(LispHeader.builder().keyId(2).build())).isNull();
        assertThat(encode(LispHeader.builder().keyId(2).build())).isEqualTo(LispVectors.bytes("0200000000000000"));
    }

    /** The encoder writes what a record holds, so that what a receiver accepted round-trips. */
    @Test
    void shouldWriteEveryBitOfADecodedHeader() {
        byte[] d5 = LispVectors.bytes(LispVectors.D5_HEADER);
        assertThat(encode(LispDecoder.decode(ByteBuffer.wrap(d5)).header())).isEqualTo(d5);
        assertThatThrownBy(() -> LispEncoder.encode(LispHeader.builder().build(), ByteBuffer.allocate(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
