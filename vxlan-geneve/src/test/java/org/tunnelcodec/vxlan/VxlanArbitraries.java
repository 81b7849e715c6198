package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.EtherType;

/**
 * Valid headers of the three codecs, covering every bit of every field, and packets made of
 * them: Geneve headers with from none to 63 options of every length, the options together at
 * most 252 octets.
 */
final class VxlanArbitraries {
    private VxlanArbitraries() {
    }

    static Arbitrary<VxlanHeader> vxlanHeaders() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, VxlanHeader.MAX_VNI), Arbitraries.integers().between(0, 0xFF))
                .as(VxlanHeader::new);
    }

    static Arbitrary<VxlanGpeHeader> gpeHeaders() {
        // Every flag bit but Ver (version 0 is the only one a header holds).
        return Combinators.combine(Arbitraries.integers().between(0, 0xFF).map(f -> f & ~0x30),
                Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 0xFF).map(VxlanGpeNextProtocol::of),
                Arbitraries.integers().between(0, VxlanHeader.MAX_VNI), Arbitraries.integers().between(0, 0xFF))
                .as(VxlanGpeHeader::new);
    }

    static Arbitrary<GeneveOption> option(int words) {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 0xFF),
                Arbitraries.integers().between(0, 7), Arbitraries.bytes().array(byte[].class).ofSize(words * 4))
                .as((c, t, r, data) -> new GeneveOption(c, t, r, ByteString.of(data)));
    }

    /** Option data lengths in words, trimmed so that the options fit in 63 words. */
    static Arbitrary<List<Integer>> optionWords() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 31).list().ofMaxSize(6)),
                Tuple.of(2, Arbitraries.integers().between(0, 2).list().ofMaxSize(63)),
                Tuple.of(1, Arbitraries.just(Collections.nCopies(63, 0))),
                Tuple.of(1, Arbitraries.of(List.of(31, 30), List.of(31, 31), List.of(61), List.of(31))))
                .map(VxlanArbitraries::fit);
    }

    private static List<Integer> fit(List<Integer> words) {
        List<Integer> fitted = new ArrayList<>();
        int used = 0;
        for (int w : words) {
            int n = Math.min(w, 31);
            if (used + 1 + n > 63) {
                break;
            }
            fitted.add(n);
            used += 1 + n;
        }
        return fitted;
    }

    static Arbitrary<List<GeneveOption>> geneveOptions() {
        return optionWords().flatMap(words -> words.isEmpty() ? Arbitraries.just(List.<GeneveOption>of())
                : Combinators.combine(words.stream().map(VxlanArbitraries::option).toList()).as(list -> list));
    }

    static Arbitrary<GeneveHeader> geneveHeaders() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 63), Arbitraries.integers().between(0, 0xFFFF).map(EtherType::of),
                Arbitraries.integers().between(0, VxlanHeader.MAX_VNI), Arbitraries.integers().between(0, 0xFF),
                geneveOptions())
                .as(GeneveHeader::new);
    }

    static byte[] packet(VxlanHeader h, int payload) {
        byte[] b = new byte[VxlanEncoder.encodedLength(h) + payload];
        VxlanEncoder.encode(h, ByteBuffer.wrap(b));
        fill(b, VxlanHeader.LENGTH);
        return b;
    }

    static byte[] packet(VxlanGpeHeader h, int payload) {
        byte[] b = new byte[VxlanGpeEncoder.encodedLength(h) + payload];
        VxlanGpeEncoder.encode(h, ByteBuffer.wrap(b));
        fill(b, VxlanGpeHeader.LENGTH);
        return b;
    }

    static byte[] packet(GeneveHeader h, int payload) {
        byte[] b = new byte[GeneveEncoder.encodedLength(h) + payload];
        GeneveEncoder.encode(h, ByteBuffer.wrap(b));
        fill(b, h.headerLength());
        return b;
    }

    private static void fill(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            b[i] = (byte) (0x5A ^ i);
        }
    }

    /** Valid packets of the three kinds, with 0..24 octets of payload. */
    static Arbitrary<byte[]> vxlanPackets() {
        return Combinators.combine(vxlanHeaders(), Arbitraries.integers().between(0, 24)).as(VxlanArbitraries::packet);
    }

    static Arbitrary<byte[]> gpePackets() {
        return Combinators.combine(gpeHeaders(), Arbitraries.integers().between(0, 24)).as(VxlanArbitraries::packet);
    }

    static Arbitrary<byte[]> genevePackets() {
        return Combinators.combine(geneveHeaders(), Arbitraries.integers().between(0, 24)).as(VxlanArbitraries::packet);
    }

    /** A valid packet with up to 6 octets replaced, mostly in the header, and cut or not. */
    static Arbitrary<byte[]> mutated(Arbitrary<byte[]> packets) {
        return packets.flatMap(p -> Combinators.combine(Arbitraries.integers().between(0, Math.max(0, p.length - 1)).list()
                        .ofMaxSize(6), Arbitraries.bytes().list().ofSize(6), Arbitraries.integers().between(0, p.length))
                .as((positions, values, cut) -> {
                    byte[] m = java.util.Arrays.copyOf(p, cut);
                    for (int i = 0; i < positions.size(); i++) {
                        if (positions.get(i) < m.length) {
                            m[positions.get(i)] = values.get(i);
                        }
                    }
                    return m;
                }));
    }
}
