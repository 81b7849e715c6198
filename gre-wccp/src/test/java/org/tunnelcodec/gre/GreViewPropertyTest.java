package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * {@link GreView} as a data path uses it: one view reused for every packet, each packet in a
 * buffer with poison octets after its limit and in either byte order, against a fresh decode
 * of the exact bytes. They share their checks ({@code decode} wraps a view), so this holds the
 * view's own parts: no state leaks from one packet to the next, nothing is read past the limit,
 * the byte order does not matter, and a failed wrap leaves nothing behind. The checks
 * themselves are held to tshark and the RFC vectors by the decoder's golden tests.
 */
class GreViewPropertyTest {
    /** One view for every try, as a data path would keep it: state must not leak between packets. */
    private final GreView view = new GreView();

    @Provide
    Arbitrary<byte[]> packets() {
        return GreArbitraries.packets();
    }

    /**
     * The decoder reads an exact-length buffer; the view reads a copy with poison octets after
     * its limit, in either byte order, so a view that reads past the limit or depends on the
     * order disagrees.
     */
    @Property(tries = 3000)
    void shouldAgreeWithTheDecoderOnEveryInput(@ForAll("packets") byte[] bytes, @ForAll boolean littleEndian) {
        Decoded<GreHeader> d;
        byte[] poisoned = Arrays.copyOf(bytes, bytes.length + 16);
        Arrays.fill(poisoned, bytes.length, poisoned.length, (byte) 0xFF);
        ByteBuffer src = ByteBuffer.wrap(poisoned).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        try {
            d = GreDecoder.decode(ByteBuffer.wrap(bytes), 0, bytes.length);
        } catch (MalformedPacketException expected) {
            assertThatThrownBy(() -> view.wrap(src, 0, bytes.length)).isInstanceOfSatisfying(
                    MalformedPacketException.class, e -> assertThat(e.getMessage()).isEqualTo(expected.getMessage()));
            assertThat(view.isWrapped()).isFalse();
            assertThatThrownBy(view::key).isInstanceOf(IllegalStateException.class);
            return;
        }
        GreHeader h = d.header();
        assertThat(view.wrap(src, 0, bytes.length)).isSameAs(view);
        assertThat(view.isWrapped()).isTrue();
        assertThat(view.flagsAndVersion()).isEqualTo(h.flagsAndVersion());
        assertThat(view.version()).isEqualTo(h.version());
        assertThat(view.checksumPresent()).isEqualTo(h.checksumPresent());
        assertThat(view.routingPresent()).isEqualTo(h.routingPresent());
        assertThat(view.protocolType()).isEqualTo(h.protocolType().value());
        assertThat(view.checksum()).isEqualTo(h.checksum());
        assertThat(view.offset()).isEqualTo(h.offset());
        assertThat(view.key()).isEqualTo(h.key());
        assertThat(view.sequenceNumber()).isEqualTo(h.sequenceNumber());
        assertThat(view.acknowledgmentNumber()).isEqualTo(h.acknowledgmentNumber());
        assertThat(view.headerLength()).isEqualTo(d.headerLength())
                .isEqualTo(GreDecoder.headerLength(ByteBuffer.wrap(bytes), 0));
        assertThat(view.payloadIndex()).isEqualTo(d.payloadIndex());
        assertThat(view.payloadLength()).isEqualTo(d.payloadLength());
        assertThat(view.toHeader()).isEqualTo(h);
        assertThat(src.position()).isZero();
        assertThat(src.limit()).isEqualTo(poisoned.length);
    }

    @Test
    void shouldReadSpecVectorG2() {
        // Vector G2 (RFC 2890 §2, as in GreDecoderTest) from its GRE header on: C, K and S set,
        // Checksum 0x9661, Key 0x1234, Sequence Number 0, Transparent Ethernet Bridging, a
        // 42-octet ARP frame inside; tshark 4.0.17 decodes these fields and finds the checksum correct.
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex("b0006558" + "96610000" + "00001234" + "00000000"
                + "ffffffffffff020000000a0108060001080006040001020000000a010a000001" + "0000000000000a000002"));
        view.wrap(b, 0, b.limit());
        assertThat(List.of(view.protocolType(), view.checksum(), view.offset(), view.headerLength(), view.payloadIndex(),
                view.payloadLength())).containsExactly(0x6558, 0x9661, 0, 16, 16, 42);
        assertThat(view.checksumPresent()).isTrue();
        assertThat(view.key()).isEqualTo(0x1234);
        assertThat(view.sequenceNumber()).isZero();
        assertThat(view.acknowledgmentNumber()).isEqualTo(GreHeader.ABSENT);
        assertThat(GreDecoder.verifyChecksum(b, 0, b.limit())).isTrue();
    }

    @Test
    void shouldEmptyTheViewWhenAWrapFails() {
        ByteBuffer good = ByteBuffer.wrap(HexFormat.of().parseHex("2000080000001234"));
        view.wrap(good, 0, good.limit());
        assertThat(view.key()).isEqualTo(0x1234);
        ByteBuffer cut = ByteBuffer.wrap(HexFormat.of().parseHex("200008000000"));
        assertThatThrownBy(() -> view.wrap(cut, 0, cut.limit())).isInstanceOf(MalformedPacketException.class);
        assertThat(view.isWrapped()).isFalse();
        assertThatThrownBy(view::payloadIndex).isInstanceOf(IllegalStateException.class);
        assertThat(view).hasToString("GreView[empty]");
    }
}
