package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Ipv6Address;

/** The outer IP header is checked by core's IpScan: IPv6 extension headers walked, options included. */
class SttReassemblerOuterHeaderTest {
    /** One single-segment frame over IPv6, with a Destination Options header holding {@code options} before TCP. */
    private static ByteBuffer withDestinationOptions(String options) {
        ByteBuffer inner = ByteBuffer.wrap(new byte[60]);
        ByteBuffer segment = ByteBuffer.allocate(200);
        SttSegmenter.ipv6(Ipv6Address.parse("2001:db8::1"), Ipv6Address.parse("2001:db8::9"), 64, 0)
                .segment(SttFrameHeader.of(7), inner, 1, 1400, 0, new ByteBuffer[] {segment});
        int length = segment.limit();
        ByteBuffer b = ByteBuffer.allocate(length + 8);
        b.put(0, segment, 0, 40).put(48, segment, 40, length - 40);
        // Payload Length + 8, Next Header 60; the TCP pseudo-header (RFC 8200 §8.1) is unchanged.
        b.putShort(4, (short) (b.getShort(4) + 8)).put(6, (byte) 60);
        b.put(40, HexFormat.of().parseHex("0600" + options));
        return b;
    }

    @Test
    void shouldWalkAnOuterIpv6DestinationOptionsHeaderToTcp() {
        SttReassembler r = new SttReassembler(SttTestSupport.SMALL_LIMITS);
        SttReassembly out = new SttReassembly();
        assertThat(r.offer(withDestinationOptions("010400000000"), 0, out)).isEqualTo(SttReassembler.Verdict.COMPLETE);
        assertThat(out.header().contextId()).isEqualTo(7);
        assertThat(out.segments()).isEqualTo(1);
        assertThat(out.pooled()).isFalse();
    }

    @Test
    void shouldRejectAnOuterIpv6OptionThatOverrunsItsHeaderAsMalformedOuter() {
        SttReassembler r = new SttReassembler(SttTestSupport.SMALL_LIMITS);
        // RFC 8200 §4.2: PadN claiming 144 octets of data in a 6-octet options area.
        assertThat(r.offer(withDestinationOptions("019000000000"), 0, new SttReassembly()))
                .isEqualTo(SttReassembler.Verdict.MALFORMED_OUTER);
        assertThat(r.stats().count(SttReassembler.Verdict.MALFORMED_OUTER)).isEqualTo(1);
    }
}
