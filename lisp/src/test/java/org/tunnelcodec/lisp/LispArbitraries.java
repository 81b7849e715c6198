package org.tunnelcodec.lisp;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid LISP and LISP-GPE headers covering every bit of every field, the second word as the I flag lays it out. */
final class LispArbitraries {
    private LispArbitraries() {
    }

    static Arbitrary<LispHeader> lispHeaders() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFF), Arbitraries.integers().between(0, 0xFF_FFFF),
                Arbitraries.integers().between(0, 0xFF_FFFF), Arbitraries.longs().between(0, 0xFFFF_FFFFL))
                .as((flags, field, iid, lsb) -> (flags & LispHeader.FLAG_I) != 0
                        ? new LispHeader(flags, field, iid, lsb & 0xFF)
                        : new LispHeader(flags, field, 0, lsb));
    }

    static Arbitrary<LispGpeHeader> gpeHeaders() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFF).map(f -> f | LispGpeHeader.FLAG_P),
                Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 0xFF).map(LispGpeNextProtocol::of),
                Arbitraries.integers().between(0, 0xFF_FFFF), Arbitraries.longs().between(0, 0xFFFF_FFFFL))
                .as((flags, reserved, next, iid, lsb) -> (flags & LispGpeHeader.FLAG_I) != 0
                        ? new LispGpeHeader(flags, reserved, next, iid, lsb & 0xFF)
                        : new LispGpeHeader(flags, reserved, next, 0, lsb));
    }
}
