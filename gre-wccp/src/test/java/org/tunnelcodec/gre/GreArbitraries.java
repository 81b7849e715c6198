package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.gre.wccp.WccpRedirectHeader;
import org.tunnelcodec.testdata.CoreArbitraries;

/** Valid GRE, PPP and WCCP redirect headers, reaching every flag and option. */
final class GreArbitraries {
    private GreArbitraries() {
    }

    static Arbitrary<Long> optionalU32() {
        return Arbitraries.oneOf(Arbitraries.just(GreHeader.ABSENT), Arbitraries.longs().between(0, 0xFFFF_FFFFL));
    }

    static Arbitrary<SourceRouteEntry> sourceRouteEntries() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 255),
                        CoreArbitraries.byteStrings(0, 24))
                .as(SourceRouteEntry::new).ignoreException(IllegalArgumentException.class);
    }

    static Arbitrary<GreHeader> version0() {
        Arbitrary<int[]> bits = Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 31),
                Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 0xFFFF)).as((flags, reserved, recursion, checksum, offset) ->
                new int[] {flags, reserved, recursion, checksum, offset});
        return Combinators.combine(bits, CoreArbitraries.etherTypes(), optionalU32(), optionalU32(),
                        sourceRouteEntries().list().ofMaxSize(4))
                .as((b, type, key, seq, sres) -> {
                    boolean c = (b[0] & 1) != 0;
                    boolean r = (b[0] & 2) != 0;
                    boolean fields = c || r;
                    return new GreHeader(0, c, r, (b[0] & 4) != 0, b[2], b[1], type, fields ? b[3] : 0,
                            fields ? b[4] : 0, key, seq, GreHeader.ABSENT, r ? sres : List.of());
                });
    }

    static Arbitrary<GreHeader> version1() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 64),
                        optionalU32(), optionalU32())
                .as((call, length, seq, ack) -> GreHeader.pptp(call, length, seq, ack));
    }

    static Arbitrary<GreHeader> headers() {
        return Arbitraries.oneOf(version0(), version1(), version1().map(h -> new GreHeader(1, false, false, false, 0, 0,
                h.protocolType(), 0, 0, GreHeader.ABSENT, h.sequenceNumber(), h.acknowledgmentNumber(), List.of())));
    }

    /** Encoded headers with some payload, the same mutated and cut, and random bytes. */
    static Arbitrary<byte[]> packets() {
        Arbitrary<byte[]> valid = Combinators.combine(GreArbitraries.headers(), Arbitraries.integers().between(0, 80))
                .as((h, pad) -> {
                    ByteBuffer b = ByteBuffer.allocate(GreEncoder.encodedLength(h) + pad);
                    GreEncoder.encode(h, b);
                    return b.array();
                });
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(1, 255), Arbitraries.integers().between(0, 1000))
                .as((b, at, xor, cut) -> {
                    byte[] c = b.clone();
                    if (c.length > 0) {
                        c[at % c.length] ^= (byte) (int) xor;
                    }
                    return Arrays.copyOf(c, cut % (c.length + 1));
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Arbitraries.oneOf(valid, mutated, random);
    }

    static Arbitrary<PppHeader> pppHeaders() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 0xFFFF), Arbitraries.of(true, false))
                .as(PppHeader::new).ignoreException(IllegalArgumentException.class);
    }

    static Arbitrary<WccpRedirectHeader> redirectHeaders() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, octet, octet).as(WccpRedirectHeader::new);
    }

    static EtherType ipv4() {
        return EtherType.IPV4;
    }
}
