package org.tunnelcodec.stt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.tunnelcodec.core.transport.TcpFlags;

/** Valid STT headers. */
final class SttArbitraries {
    private SttArbitraries() {
    }

    static Arbitrary<SttFrameHeader> frameHeaders() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<SttFlags> flags = octet.filter(b -> (b & 3) != 3).map(SttFlags::of);
        return Combinators.combine(flags, octet, octet, Arbitraries.integers().between(0, 0xFFFF),
                        Arbitraries.integers().between(0, 7), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 4095), Arbitraries.longs())
                .as((f, l4, reserved, mss, pcp, v, vid, context) ->
                        new SttFrameHeader(0, f, l4, reserved, mss, pcp, v, vid, context, l4 * 257));
    }

    static Arbitrary<SttSegmentHeader> segmentHeaders() {
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        return Arbitraries.integers().between(18, 0xFFFF).flatMap(length ->
                Combinators.combine(u16, u16, Arbitraries.integers().between(0, length - 1),
                                Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 15),
                                Arbitraries.integers().between(0, 255), u16, u16)
                        .as((sport, dport, offset, id, reserved, flags, window, checksum) -> new SttSegmentHeader(sport,
                                dport, length, offset, id, reserved, TcpFlags.of(flags), window, checksum, window ^ 0x5a5a)));
    }
}
