package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.encap.UdpChecksumMode;

/**
 * {@link LispEncapsulator} writes, octet for octet, the outer headers of the frames of
 * {@code lisp-data-variants.pcap}, a capture built by a script independent of the library and
 * checked field by field against tshark's decode ({@code LispGoldenTest}): IPv4 outer with its
 * Header Checksum, DF and Identification; IPv6 outer with a UDP checksum computed over the
 * whole datagram; TTL and DS field copied or constant; LISP headers with N, E, L, V and I.
 *
 * <p>The encapsulator is configured from what the frame's sender chose (addresses, source port,
 * Identification, the LISP header's fields, whether the UDP checksum is 0, and whether TTL and
 * DSCP equal the inner ones); every derived field (lengths, checksums, the copied TTL and DS
 * field, the next-header and protocol fields) must come out as the capture has it.
 */
class LispEncapsulatorGoldenTest {
    private static final int ETHERNET = 14;

    @ParameterizedTest(name = "frame {0}")
    @ValueSource(ints = {1, 2, 3, 4, 9, 10, 11, 12, 13, 14})
    void shouldWriteTheOuterHeadersOfTheCapturedFrame(int number) {
        ByteBuffer frame = LispDecapsulatorTest.frame(number);
        int ip = ETHERNET;
        boolean ipv6 = (frame.get(ip) & 0xF0) == 0x60;
        int length = ipv6 ? LispEncapsulator.IPV6_LENGTH : LispEncapsulator.IPV4_LENGTH;
        int udp = ip + (ipv6 ? 40 : 20);
        int inner = ip + length;
        LispHeader header = LispDecoder.decode(frame, udp + 8, frame.limit()).header();
        int innerDs = (frame.get(inner) & 0xF0) == 0x40 ? frame.get(inner + 1) & 0xFF
                : frame.getShort(inner) >>> 4 & 0xFF;
        int innerTtl = (frame.get(inner) & 0xF0) == 0x40 ? frame.get(inner + 8) & 0xFF : frame.get(inner + 7) & 0xFF;
        int outerDs = ipv6 ? frame.getShort(ip) >>> 4 & 0xFF : frame.get(ip + 1) & 0xFF;
        int outerTtl = ipv6 ? frame.get(ip + 7) & 0xFF : frame.get(ip + 8) & 0xFF;
        int sourcePort = frame.getShort(udp) & 0xFFFF;

        LispEncapsulator.Builder builder;
        if (ipv6) {
            builder = LispEncapsulator.ipv6(Ipv6Address.of(frame.getLong(ip + 8), frame.getLong(ip + 16)),
                    Ipv6Address.of(frame.getLong(ip + 24), frame.getLong(ip + 32)));
        } else {
            builder = LispEncapsulator.ipv4(Ipv4Address.of(frame.getInt(ip + 12)), Ipv4Address.of(frame.getInt(ip + 16)))
                    .identification(frame.getShort(ip + 4) & 0xFFFF)
                    .dontFragment((frame.get(ip + 6) & 0x40) != 0);
        }
        builder.header(header)
                .sourcePorts(sourcePort, sourcePort)
                .timeToLive(outerTtl == innerTtl ? LispEncapsulator.INHERIT : outerTtl)
                .dscp((outerDs & 0xFC) == (innerDs & 0xFC) ? LispEncapsulator.COPY : outerDs >>> 2)
                .udpChecksum(frame.getShort(udp + 6) == 0 ? UdpChecksumMode.ZERO : UdpChecksumMode.COMPUTE);
        LispEncapsulator itr = builder.build();

        ByteBuffer pushed = ByteBuffer.allocate(frame.limit());
        pushed.put(inner, frame, inner, frame.limit() - inner);
        assertThat(itr.push(pushed, inner, frame.limit())).isEqualTo(ip);
        byte[] expected = new byte[length];
        byte[] actual = new byte[length];
        frame.get(ip, expected);
        pushed.get(ip, actual);
        assertThat(toHex(actual)).isEqualTo(toHex(expected));
        assertThat(pushed.slice(inner, frame.limit() - inner)).as("inner packet").isEqualTo(frame.slice(inner, frame.limit() - inner));
    }

    private static String toHex(byte[] b) {
        return java.util.HexFormat.ofDelimiter(" ").formatHex(b);
    }
}
