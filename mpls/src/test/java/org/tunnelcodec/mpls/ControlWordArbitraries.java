package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Valid control words over every field's whole range, and packets that start with one. */
final class ControlWordArbitraries {
    private ControlWordArbitraries() {
    }

    /** Length 0 (payload to the end) or 4..63 (payload bounded, padding after it). */
    static Arbitrary<Integer> lengths() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)), Tuple.of(3, Arbitraries.integers().between(4, 63)));
    }

    static Arbitrary<ControlWord> controlWords() {
        return Combinators.combine(Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, 3), lengths(),
                        Arbitraries.integers().between(0, 0xFFFF).edgeCases(e -> e.add(1)))
                .as(ControlWord::new);
    }

    /**
     * Encoded control words with a payload that fits their Length and padding after it, the same
     * mutated and cut, and random bytes.
     */
    static Arbitrary<byte[]> packets() {
        Arbitrary<byte[]> valid = Combinators.combine(controlWords(), Arbitraries.integers().between(0, 80))
                .as((cw, extra) -> {
                    int payload = cw.length() == 0 ? extra : cw.payloadLength() + extra % 8;
                    byte[] b = new byte[ControlWord.LENGTH + payload];
                    ControlWordEncoder.encode(cw, ByteBuffer.wrap(b));
                    for (int i = ControlWord.LENGTH; i < b.length; i++) {
                        b[i] = (byte) (i * 37);
                    }
                    return b;
                });
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(1, 255), Arbitraries.integers().between(0, 1000))
                .as((b, at, xor, cut) -> {
                    byte[] c = b.clone();
                    if (c.length > 0) {
                        c[at % Math.min(c.length, 6)] ^= (byte) (int) xor; // mostly the word itself
                    }
                    return Arrays.copyOf(c, cut % (c.length + 1));
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(72);
        return Arbitraries.oneOf(valid, mutated, random);
    }
}
