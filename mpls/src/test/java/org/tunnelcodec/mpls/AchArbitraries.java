package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid Associated Channel Headers over every field's whole range, and packets that start with one. */
final class AchArbitraries {
    private AchArbitraries() {
    }

    /** Named values, the experimental range and any other value. */
    static Arbitrary<AchChannelType> channelTypes() {
        return Arbitraries.oneOf(
                Arbitraries.of(AchChannelType.MCC, AchChannelType.BFD_CONTROL, AchChannelType.DELAY_MEASUREMENT,
                        AchChannelType.IPV4, AchChannelType.MPLS_TP_CC, AchChannelType.PSC, AchChannelType.IPV6,
                        AchChannelType.FAULT_OAM, AchChannelType.G_8113_1_OAM),
                Arbitraries.integers().between(0x7FF8, 0x7FFF).map(AchChannelType::of),
                Arbitraries.integers().between(0, 0xFFFF).map(AchChannelType::of));
    }

    static Arbitrary<AchHeader> headers() {
        return Combinators.combine(Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, 255),
                channelTypes()).as(AchHeader::new);
    }

    /** Encoded headers with some channel payload, the same mutated and cut, and random bytes. */
    static Arbitrary<byte[]> packets() {
        Arbitrary<byte[]> valid = Combinators.combine(headers(), Arbitraries.integers().between(0, 40))
                .as((h, payload) -> {
                    byte[] b = new byte[AchHeader.LENGTH + payload];
                    AchEncoder.encode(h, ByteBuffer.wrap(b));
                    return b;
                });
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(1, 255), Arbitraries.integers().between(0, 1000))
                .as((b, at, xor, cut) -> {
                    byte[] c = b.clone();
                    if (c.length > 0) {
                        c[at % Math.min(c.length, 6)] ^= (byte) (int) xor;
                    }
                    return Arrays.copyOf(c, cut % (c.length + 1));
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(48);
        return Arbitraries.oneOf(valid, mutated, random);
    }
}
