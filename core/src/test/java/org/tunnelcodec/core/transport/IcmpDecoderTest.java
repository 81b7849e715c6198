package org.tunnelcodec.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * {@link IcmpDecoder} on the layouts of RFC 792 (Echo: Type 8 or 0, Code 0, Checksum,
 * Identifier, Sequence Number; Destination Unreachable: 32 unused bits) and RFC 4443 §4.1
 * (Echo Request 128): the fields in place, the body as the payload, fewer than eight octets
 * refused under the right protocol name.
 */
class IcmpDecoderTest {

    @Test
    void shouldDecodeAnEchoRequestAndItsBody() {
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex("0800f7ff00010002" + "61626364"));
        var d = IcmpDecoder.decode(b, 0, b.limit());
        IcmpHeader h = d.header();
        assertThat(h).isEqualTo(new IcmpHeader(false, 8, 0, 0xF7FF, 0x0001_0002));
        assertThat(h.echo()).isTrue();
        assertThat(h.identifier()).isEqualTo(1);
        assertThat(h.sequenceNumber()).isEqualTo(2);
        assertThat(d.headerLength()).isEqualTo(8);
        assertThat(d.payload().remaining()).isEqualTo(4);
        assertThat(h.summary()).isEqualTo("echo request id 0x1 seq 2 cksum 0xf7ff");
    }

    @Test
    void shouldDecodeOtherTypesAndIcmpv6() {
        ByteBuffer unreachable = ByteBuffer.wrap(HexFormat.of().parseHex("0303abcd00000000"));
        assertThat(IcmpDecoder.decode(unreachable, 0, 8).header().summary()).isEqualTo("type 3 code 3 cksum 0xabcd");
        ByteBuffer v6 = ByteBuffer.wrap(HexFormat.of().parseHex("8100000012340005"));
        IcmpHeader reply = IcmpDecoder.decodeV6(v6, 0, 8).header();
        assertThat(reply.ipv6()).isTrue();
        assertThat(reply.summary()).isEqualTo("echo reply id 0x1234 seq 5 cksum 0x0000");
    }

    @Test
    void shouldRefuseFewerThanEightOctets() {
        ByteBuffer b = ByteBuffer.wrap(new byte[7]);
        assertThatThrownBy(() -> IcmpDecoder.decode(b, 0, 7)).isInstanceOf(MalformedPacketException.class)
                .extracting(e -> ((MalformedPacketException) e).protocol()).isEqualTo("icmp");
        assertThatThrownBy(() -> IcmpDecoder.decodeV6(b, 0, 7)).isInstanceOf(MalformedPacketException.class)
                .extracting(e -> ((MalformedPacketException) e).protocol()).isEqualTo("icmpv6");
        assertThat(IcmpDecoder.checked(ByteBuffer.wrap(new byte[8]), 0, 8, false)).isZero();
    }
}
