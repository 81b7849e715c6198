package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * LISP-GPE (RFC 9305 §3): vectors D4 and D7 byte for byte, P as what tells LISP-GPE from LISP,
 * N, E, V and bits 8-23 kept but ignored by a receiver and sent as zero, the Next Protocol an
 * open code point.
 */
class LispGpeTest {
    @Test
    void shouldDecodeVectorD7() {
        ByteBuffer b = LispVectors.buffer(LispVectors.D7);
        LispGpeHeader h = LispGpeDecoder.decode(b, LispVectors.IN_IPV4, b.limit()).header();
        assertThat(h).isEqualTo(new LispGpeHeader(0x4C, 0, LispGpeNextProtocol.IPV4, 5000, 3));
        assertThat(h).isEqualTo(LispGpeHeader.of(LispGpeNextProtocol.IPV4, 5000, 3));
        assertThat(LispGpeDecoder.nextProtocol(b, LispVectors.IN_IPV4)).isEqualTo(1);
        ByteBuffer out = ByteBuffer.allocate(8);
        LispGpeEncoder.encode(h, out);
        assertThat(out.array()).isEqualTo(LispVectors.header(LispVectors.D7, LispVectors.IN_IPV4));
        assertThat(LispGpeEncoder.senderRuleBroken(h)).isNull();
    }

    /**
     * D4 sets N with P and bits 8-23 to 0x1234: RFC 9305 §3 says those "MUST be set to zero on
     * transmission and MUST be ignored on receipt": the decoder keeps them without meaning.
     */
    @Test
    void shouldKeepButIgnoreNAndBits8To23OfVectorD4() {
        ByteBuffer b = LispVectors.buffer(LispVectors.D4);
        LispGpeHeader h = LispGpeDecoder.decode(b, LispVectors.IN_IPV4, b.limit()).header();
        assertThat(h).isEqualTo(new LispGpeHeader(0x8C, 0x1234, LispGpeNextProtocol.ETHERNET, 200, 0));
        assertThat(h.ignoredFlags()).isEqualTo(0x80);
        assertThat(h.nextProtocol().etherType()).isEqualTo(0x6558);
        assertThat(LispGpeEncoder.senderRuleBroken(h)).contains("N, E or V");
        ByteBuffer out = ByteBuffer.allocate(8);
        LispGpeEncoder.encode(h, out);
        assertThat(out.array()).isEqualTo(LispVectors.header(LispVectors.D4, LispVectors.IN_IPV4));
        assertThat(LispGpeEncoder.senderRuleBroken(LispGpeHeader.of(LispGpeNextProtocol.ETHERNET, 200))).isNull();
        assertThat(LispGpeEncoder.senderRuleBroken(new LispGpeHeader(0x04, 1, LispGpeNextProtocol.IPV4, 0, 0)))
                .contains("bits 8-23");
    }

    /** RFC 9305 §3: with P clear the header is bit for bit RFC 9300's; the LISP-GPE decoder refuses it. */
    @Test
    void shouldRefuseAHeaderWithPClear() {
        ByteBuffer d1 = LispVectors.buffer(LispVectors.D1);
        assertThatThrownBy(() -> LispGpeDecoder.decode(d1, LispVectors.IN_IPV4, d1.limit()))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.BAD_VALUE);
                    assertThat(e.field()).isEqualTo("P");
                    assertThat(e.getMessage()).contains("RFC 9305 §3");
                });
        assertThatThrownBy(() -> new LispGpeHeader(0x08, 0, LispGpeNextProtocol.IPV4, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LispGpeDecoder.decode(ByteBuffer.wrap(new byte[7])))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED));
    }

    @Test
    void shouldKeepUnknownNextProtocols() {
        LispGpeHeader h = LispGpeDecoder.decode(LispVectors.buffer("0400007e00000000")).header();
        assertThat(h.nextProtocol().value()).isEqualTo(0x7E);
        assertThat(h.nextProtocol().isKnown()).isFalse();
        assertThat(h.nextProtocol().etherType()).isEqualTo(-1);
        assertThat(h.nextProtocol()).hasToString("0x7E");
        assertThat(LispGpeNextProtocol.of(4)).isSameAs(LispGpeNextProtocol.NSH).hasToString("NSH(0x04)");
        assertThat(LispGpeNextProtocol.of(2).etherType()).isEqualTo(0x86DD);
    }

    @Test
    void shouldViewALispGpeHeader() {
        ByteBuffer b = LispVectors.buffer(LispVectors.D4);
        LispView v = new LispView().wrap(b, LispVectors.IN_IPV4, b.limit());
        assertThat(v.nextProtocolPresent()).isTrue();
        assertThat(v.gpeNextProtocol()).isEqualTo(3);
        assertThat(v.instanceId()).isEqualTo(200);
        assertThat(v.toGpeHeader()).isEqualTo(LispGpeDecoder.decode(b, LispVectors.IN_IPV4, b.limit()).header());
    }
}
