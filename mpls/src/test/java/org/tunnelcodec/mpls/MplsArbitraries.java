package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Label stacks for the MPLS tests: every value a {@link LabelStackEntry} can hold (labels across
 * the 20-bit range, the special-purpose labels 0-15 often, TC 0..7, TTL 0..255 with 0, 1 and 255
 * often), stacks of depth 1..32 (the decoder's default bound) and deeper, each special-purpose
 * label at the top, in the middle, at the bottom, after an ELI and after an XL, and packets built
 * from them: a stack with a payload of each kind the identification rules know, the same mutated
 * and cut, runs of entries without S, and random bytes.
 */
final class MplsArbitraries {
    /** Where a special-purpose label stands in a stack built by {@link #placed}. */
    enum Position {
        /** The only entry: top and bottom at once. */
        ALONE,
        /** The top, with entries below it. */
        TOP,
        /** Between the top and the bottom. */
        MIDDLE,
        /** The bottom, with entries above it. */
        BOTTOM,
        /** Right after an Entropy Label Indicator (label 7), where the entropy label stands; not the bottom. */
        AFTER_ELI,
        /** Right after an Extension Label (label 15), where the extended special-purpose label stands; not the bottom. */
        AFTER_XL,
        /** Right after an Extension Label, at the bottom. */
        AFTER_XL_AT_BOTTOM
    }

    /** An ordinary label above the special one in {@link #placed}. */
    static final int ABOVE = 100;
    /** An ordinary label below the special one in {@link #placed}. */
    static final int BELOW = 200;

    private MplsArbitraries() {
    }

    /** Labels across the 20-bit range, the special-purpose ones and the edges of the range often. */
    static Arbitrary<Integer> labels() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, specialLabels()),
                Tuple.of(1, Arbitraries.of(16, 17, 255, 256, 0xFFFF, 0x10000, 0x7FFFF, 0x80000, 0xFFFFE, 0xFFFFF)),
                Tuple.of(6, Arbitraries.integers().between(0, MplsLabel.MAX_VALUE)));
    }

    /** The special-purpose labels, 0..15. */
    static Arbitrary<Integer> specialLabels() {
        return Arbitraries.integers().between(0, 15);
    }

    /** Labels of 16 or more: ordinary labels, and legal entropy labels. */
    static Arbitrary<Integer> ordinaryLabels() {
        return Arbitraries.oneOf(Arbitraries.of(16, 0xFFFFF), Arbitraries.integers().between(16, MplsLabel.MAX_VALUE));
    }

    /** Any Traffic Class, 0..7. */
    static Arbitrary<Integer> trafficClasses() {
        return Arbitraries.integers().between(0, 7);
    }

    /** Any TTL, 0..255, with 0, 1 and 255 (entropy labels, GAL entries, a pipe-model push) often. */
    static Arbitrary<Integer> ttls() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(0, 1, 2, 63, 64, 254, 255)),
                Tuple.of(2, Arbitraries.integers().between(0, 255)));
    }

    /** Any entry. */
    static Arbitrary<LabelStackEntry> entries() {
        return entries(labels());
    }

    /** Entries with these labels and any TC and TTL. */
    static Arbitrary<LabelStackEntry> entries(Arbitrary<Integer> labels) {
        return Combinators.combine(labels, trafficClasses(), ttls()).as(LabelStackEntry::new);
    }

    /** Stacks of {@code min..max} arbitrary entries. */
    static Arbitrary<MplsHeader> stacks(int min, int max) {
        return entries().list().ofMinSize(min).ofMaxSize(max).map(MplsHeader::new);
    }

    /** Every stack the default decode reads: depth 1..32, mostly shallow, with each special label in each position. */
    static Arbitrary<MplsHeader> headers() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, stacks(1, 4)),
                Tuple.of(2, stacks(1, MplsDecoder.DEFAULT_MAX_DEPTH)),
                Tuple.of(1, stacks(MplsDecoder.DEFAULT_MAX_DEPTH - 2, MplsDecoder.DEFAULT_MAX_DEPTH)),
                Tuple.of(3, placements()));
    }

    /**
     * Stacks deeper than the default bound, for a decode with a larger one: 33..40 arbitrary
     * entries, or 33..1000 entries drawn from a seed (cheap to generate at any depth; special
     * labels, TTL 0 and 1 and the label extremes included).
     */
    static Arbitrary<MplsHeader> deepHeaders() {
        Arbitrary<MplsHeader> seeded = Combinators.combine(Arbitraries.integers().between(MplsDecoder.DEFAULT_MAX_DEPTH + 1, 1000),
                Arbitraries.longs()).as(MplsArbitraries::seeded);
        return Arbitraries.oneOf(stacks(MplsDecoder.DEFAULT_MAX_DEPTH + 1, MplsDecoder.DEFAULT_MAX_DEPTH + 8), seeded);
    }

    /** A stack of {@code depth} entries drawn from {@code seed}. */
    static MplsHeader seeded(int depth, long seed) {
        java.util.Random random = new java.util.Random(seed);
        int[] edges = {0, 1, 2, 3, 7, 13, 14, 15, 16, MplsLabel.MAX_VALUE};
        List<LabelStackEntry> entries = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            int label = random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)] : random.nextInt(MplsLabel.MAX_VALUE + 1);
            int ttl = random.nextInt(4) == 0 ? random.nextInt(2) : random.nextInt(256);
            entries.add(new LabelStackEntry(label, random.nextInt(8), ttl));
        }
        return new MplsHeader(entries);
    }

    /**
     * A special-purpose label in a position, between arbitrary entries: 0..3 entries above the
     * part {@link #placed} builds and 0..3 below it (none below for the bottom positions).
     */
    static Arbitrary<MplsHeader> placements() {
        Arbitrary<List<LabelStackEntry>> some = entries().list().ofMaxSize(3);
        return Combinators.combine(specialLabels(), Arbitraries.of(Position.class), some, some, trafficClasses(), ttls())
                .as((label, position, above, below, tc, ttl) -> {
                    List<LabelStackEntry> core = placed(label, position, tc, ttl).entries();
                    boolean bottom = position == Position.ALONE || position == Position.BOTTOM
                            || position == Position.AFTER_XL_AT_BOTTOM;
                    List<LabelStackEntry> all = new ArrayList<>(above);
                    all.addAll(core);
                    if (!bottom) {
                        all.addAll(below);
                    }
                    return new MplsHeader(all);
                });
    }

    /**
     * The smallest stack with {@code label} in {@code position}, the other entries ordinary
     * ({@link #ABOVE}, {@link #BELOW}) or the ELI/XL the position names.
     */
    static MplsHeader placed(int label, Position position, int tc, int ttl) {
        LabelStackEntry special = new LabelStackEntry(label, tc, ttl);
        LabelStackEntry above = new LabelStackEntry(ABOVE, 0, 64);
        LabelStackEntry below = new LabelStackEntry(BELOW, 0, 64);
        LabelStackEntry eli = new LabelStackEntry(MplsLabel.ENTROPY_LABEL_INDICATOR.value(), 0, 0);
        LabelStackEntry xl = new LabelStackEntry(MplsLabel.EXTENSION.value(), 0, 64);
        return switch (position) {
            case ALONE -> MplsHeader.of(special);
            case TOP -> MplsHeader.of(special, below);
            case MIDDLE -> MplsHeader.of(above, special, below);
            case BOTTOM -> MplsHeader.of(above, special);
            case AFTER_ELI -> MplsHeader.of(above, eli, special, below);
            case AFTER_XL -> MplsHeader.of(above, xl, special, below);
            case AFTER_XL_AT_BOTTOM -> MplsHeader.of(above, xl, special);
        };
    }

    /** Payloads of each kind the identification rules tell apart, plausible or not. */
    static Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(48);
        Arbitrary<byte[]> ipv4 = Combinators.combine(Arbitraries.integers().between(0, 15),
                        Arbitraries.integers().between(0, 80), Arbitraries.integers().between(0, 80))
                .as((ihl, totalLength, length) -> {
                    byte[] b = new byte[length];
                    if (length > 0) {
                        b[0] = (byte) (0x40 | ihl);
                    }
                    if (length > 3) {
                        b[2] = (byte) (totalLength >>> 8);
                        b[3] = (byte) (int) totalLength;
                    }
                    return b;
                });
        Arbitrary<byte[]> ipv6 = Combinators.combine(Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 100))
                .as((payloadLength, length) -> {
                    byte[] b = new byte[length];
                    if (length > 0) {
                        b[0] = 0x60;
                    }
                    if (length > 5) {
                        b[4] = (byte) (payloadLength >>> 8);
                        b[5] = (byte) (int) payloadLength;
                    }
                    return b;
                });
        Arbitrary<byte[]> words = Combinators.combine(Arbitraries.integers().between(0, 0x1F),
                        Arbitraries.integers().between(0, 8))
                .as((firstOctet, length) -> {
                    byte[] b = new byte[length];
                    if (length > 0) {
                        b[0] = (byte) (int) firstOctet; // control word (nibble 0) or ACH of any version (nibble 1)
                    }
                    return b;
                });
        return Arbitraries.oneOf(Arbitraries.just(new byte[0]), random, ipv4, ipv6, words);
    }

    /** The stack's encoding followed by the payload. */
    static byte[] packet(MplsHeader h, byte[] payload) {
        int length = MplsEncoder.encodedLength(h);
        byte[] b = new byte[length + payload.length];
        MplsEncoder.encode(h, ByteBuffer.wrap(b));
        System.arraycopy(payload, 0, b, length, payload.length);
        return b;
    }

    /**
     * {@code count} entries without S, then (if {@code bottom}) one with S: a stack that runs into
     * the depth bound or past the end of the bytes.
     */
    static byte[] run(int count, boolean bottom) {
        byte[] b = new byte[(count + (bottom ? 1 : 0)) * 4];
        for (int i = 0; i < count; i++) {
            ByteBuffer.wrap(b).putInt(i * 4, MplsLayout.word(1000 + i, i & 7, false, 64));
        }
        if (bottom) {
            ByteBuffer.wrap(b).putInt(count * 4, MplsLayout.word(99, 0, true, 64));
        }
        return b;
    }

    /** Valid packets, the same mutated and cut, runs without S around the bound, and random bytes. */
    static Arbitrary<byte[]> packets() {
        Arbitrary<byte[]> valid = Combinators.combine(headers(), payloads()).as(MplsArbitraries::packet);
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(1, 255), Arbitraries.integers().between(0, 1000))
                .as((b, at, xor, cut) -> {
                    byte[] c = b.clone();
                    if (c.length > 0) {
                        c[at % c.length] ^= (byte) (int) xor;
                    }
                    return Arrays.copyOf(c, cut % (c.length + 1));
                });
        Arbitrary<byte[]> runs = Combinators.combine(Arbitraries.integers().between(28, 42), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 3))
                .as((count, bottom, cut) -> {
                    byte[] r = run(count, bottom);
                    return Arrays.copyOf(r, r.length - cut);
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> sparse = Arbitraries.bytes().array(byte[].class).ofMaxSize(160)
                .map(b -> {
                    for (int i = 2; i < b.length; i += 4) {
                        b[i] &= (byte) 0xFE; // S clear in most entries: deep stacks
                    }
                    return b;
                });
        return Arbitraries.frequencyOf(Tuple.of(4, valid), Tuple.of(4, mutated),
                Tuple.of(1, runs), Tuple.of(2, random), Tuple.of(1, sparse));
    }

    /** Hex to bytes, spaces allowed. */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }
}
