package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.core.encap.UdpChecksumMode;

/**
 * Encapsulate, then decapsulate: for random inner IPv4 and IPv6 packets under random outer
 * IPv4 and IPv6 encapsulations (TTL and DSCP copied or constant, both ECN modes, zero or
 * computed UDP checksum, random LISP headers a sender may send, nonces and echo requests),
 * {@link LispDecapsulator} accepts what {@link LispEncapsulator} wrote and reports the inner
 * packet where it was, unchanged, with the header's fields, the outer addresses, and the
 * ECN the RFC 6040 tables give (normal mode: the inner ECN back; compatibility mode: Not-ECT
 * outer, so the inner ECN is kept).
 */
class LispEncapsulatorPropertyTest {

    @Provide
    Arbitrary<byte[]> innerPackets() {
        return Arbitraries.integers().between(0, 1).flatMap(v6 -> Arbitraries.bytes().array(byte[].class)
                .ofMinSize(0).ofMaxSize(120).map(payload -> v6 == 1 ? ipv6(payload) : ipv4(payload)));
    }

    private static byte[] ipv4(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        int tos = payload.length > 0 ? payload[0] & 0xFF : 0;
        b.putShort(0, (short) (0x4500 | tos)).putShort(2, (short) b.capacity()).put(8, (byte) (payload.length | 1))
                .put(9, (byte) (payload.length % 3 == 0 ? 6 : 17)).putInt(12, payload.length * 7919).putInt(16, 0x0A00_0001);
        b.put(20, payload);
        return b.array();
    }

    private static byte[] ipv6(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        int tc = payload.length > 0 ? payload[0] & 0xFF : 0;
        b.putInt(0, 6 << 28 | tc << 20 | payload.length).putShort(4, (short) payload.length).put(6, (byte) 17)
                .put(7, (byte) (payload.length | 1)).putLong(8, 0x2001_0db8L << 32).putLong(16, payload.length);
        b.put(40, payload);
        return b.array();
    }

    @Provide
    Arbitrary<LispHeader> senderHeaders() {
        return LispArbitraries.lispHeaders().filter(h -> LispEncoder.senderRuleBroken(h) == null
                && (h.flags() & LispHeader.KEY_ID_MASK) == 0);
    }

    @Property(tries = 300)
    void shouldDecapsulateWhatItEncapsulates(@ForAll("innerPackets") byte[] packet, @ForAll("senderHeaders") LispHeader header,
                                              @ForAll boolean outerIpv6, @ForAll boolean copyTtl, @ForAll boolean copyDscp,
                                              @ForAll boolean compatibility, @ForAll boolean computeChecksum,
                                              @ForAll int flowHash, @ForAll @IntRange(max = 0xFF_FFFF) int nonce,
                                              @ForAll boolean echo) {
        LispEncapsulator.Builder builder = outerIpv6
                ? LispEncapsulator.ipv6(Ipv6Address.of(0x2001_0db8L << 32, flowHash), Ipv6Address.parse("2001:db8:a::1"))
                : LispEncapsulator.ipv4(Ipv4Address.of(flowHash | 1), Ipv4Address.parse("198.51.100.2"));
        builder.header(header).timeToLive(copyTtl ? LispEncapsulator.INHERIT : 99)
                .dscp(copyDscp ? LispEncapsulator.COPY : 11)
                .ecnMode(compatibility ? EcnMode.COMPATIBILITY : EcnMode.NORMAL)
                .udpChecksum(computeChecksum ? UdpChecksumMode.COMPUTE : UdpChecksumMode.ZERO);
        LispEncapsulator itr = builder.build();
        ByteBuffer b = LispEncapsulatorTest.behindHeadroom(packet);
        int inner = LispEncapsulatorTest.HEADROOM;
        int start = header.noncePresent() ? itr.push(b, inner, b.limit(), flowHash, nonce, echo)
                : itr.push(b, inner, b.limit(), flowHash);
        assertThat(start).isEqualTo(inner - itr.length());
        if (!outerIpv6) {
            assertThat(InternetChecksum.verifies(b, start, 20, 0)).isTrue();
        }

        LispDecapsulator etr = new LispDecapsulator();
        LispDecapsulation out = new LispDecapsulation();
        assertThat(etr.decapsulate(b, start, b.limit(), out)).isEqualTo(LispDecapsulator.Verdict.ACCEPTED);
        assertThat(out.innerIndex()).isEqualTo(inner);
        assertThat(out.innerLength()).isEqualTo(packet.length);
        assertThat(out.outerIpv6()).isEqualTo(outerIpv6);
        assertThat(out.udpDestinationPort()).isEqualTo(4341);
        assertThat(out.udpSourcePort()).isBetween(49152, 65535);
        int innerDs = (packet[0] & 0xF0) == 0x40 ? packet[1] & 0xFF : (packet[0] << 4 | (packet[1] & 0xFF) >>> 4) & 0xFF;
        int innerTtl = (packet[0] & 0xF0) == 0x40 ? packet[8] & 0xFF : packet[7] & 0xFF;
        assertThat(out.outerTtl()).isEqualTo(copyTtl ? innerTtl : 99);
        assertThat(out.outerTos() >>> 2).isEqualTo(copyDscp ? innerDs >>> 2 : 11);
        assertThat(out.outerTos() & 3).isEqualTo(compatibility ? 0 : innerDs & 3);
        assertThat(out.innerEcn()).as("RFC 6040 §4.2 gives the inner ECN back").isEqualTo(innerDs & 3);
        assertThat(out.instanceId()).isEqualTo(header.instanceIdPresent() ? header.instanceId() : -1);
        if (header.noncePresent()) {
            assertThat(out.nonce()).isEqualTo(nonce);
            assertThat(out.echoNonceRequested()).isEqualTo(echo);
        }
        byte[] after = new byte[packet.length];
        b.get(inner, after);
        assertThat(after).isEqualTo(packet);
    }
}
