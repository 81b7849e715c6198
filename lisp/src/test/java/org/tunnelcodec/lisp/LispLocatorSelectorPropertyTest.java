package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tunnelcodec.core.Ipv4Address;

/**
 * {@link LispLocatorSelector#select} agrees with a plain linear reading of its rules on random
 * locator sets (0 to 90 locators, so that some lie past the 64 status bits, and long sets of
 * two priorities with sparse status bits, where those decide; priorities and weights biased to
 * collide, to be 0 and to be 255) and random flow hashes and status bits: keep
 * the locators with priority below 255, R set and their status bit set (or no bit), keep those
 * of the lowest priority, and walk their cumulative weights with the hash scaled onto the total
 * weight, or, when the total is 0, take the candidate whose rank is the hash scaled onto their
 * count.
 */
class LispLocatorSelectorPropertyTest {

    /** The rules read linearly, with no precomputation. */
    static int model(List<LocatorRecord> set, int hash, long lsb) {
        List<Integer> usable = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            LocatorRecord l = set.get(i);
            boolean up = i >= 64 || (lsb >>> i & 1) == 1;
            if (l.priority() != 255 && l.reachable() && up) {
                usable.add(i);
            }
        }
        if (usable.isEmpty()) {
            return -1;
        }
        int best = usable.stream().mapToInt(i -> set.get(i).priority()).min().getAsInt();
        List<Integer> candidates = usable.stream().filter(i -> set.get(i).priority() == best).toList();
        long total = candidates.stream().mapToLong(i -> set.get(i).weight()).sum();
        long unsigned = Integer.toUnsignedLong(hash);
        if (total == 0) {
            return candidates.get((int) (unsigned * candidates.size() / (1L << 32)));
        }
        long target = unsigned * total / (1L << 32);
        long cumulative = 0;
        for (int i : candidates) {
            cumulative += set.get(i).weight();
            if (target < cumulative) {
                return i;
            }
        }
        throw new AssertionError("target past the total weight");
    }

    @Property(tries = 2000)
    void shouldAgreeWithTheLinearModel(@ForAll("locatorSets") List<LocatorRecord> set, @ForAll int hash,
                                       @ForAll("statusBits") long lsb) {
        LispLocatorSelector selector = LispLocatorSelector.of(set);
        int chosen = selector.select(hash, lsb);
        assertThat(chosen).isEqualTo(model(set, hash, lsb));
        if (chosen >= 0) {
            LocatorRecord l = selector.locator(chosen);
            assertThat(l.priority()).isLessThan(255);
            assertThat(l.reachable()).isTrue();
        }
    }

    @Provide
    Arbitrary<List<LocatorRecord>> locatorSets() {
        Arbitrary<Integer> priority = Arbitraries.oneOf(Arbitraries.of(0, 1, 2, 254, 255),
                Arbitraries.integers().between(0, 255));
        Arbitrary<Integer> weight = Arbitraries.oneOf(Arbitraries.of(0, 0, 1, 3, 255),
                Arbitraries.integers().between(0, 255));
        Arbitrary<Boolean> reachable = Arbitraries.of(true, true, true, false);
        Arbitrary<LocatorRecord> rloc = Combinators.combine(priority, weight, reachable, Arbitraries.integers())
                .as((p, w, r, a) -> new LocatorRecord(p, w, 255, 0, 0, false, false, r,
                        new LispAddress.Ipv4(Ipv4Address.of(a))));
        // Long sets of few priorities, mostly down in the status bits: the locators past 63 decide.
        Arbitrary<LocatorRecord> crowded = Combinators.combine(Arbitraries.integers().between(1, 2), weight, reachable)
                .as((p, w, r) -> new LocatorRecord(p, w, 255, 0, 0, false, false, r, LispAddress.NONE));
        return Arbitraries.oneOf(rloc.list().ofMaxSize(8), rloc.list().ofMaxSize(90),
                crowded.list().ofMinSize(60).ofMaxSize(90));
    }

    @Provide
    Arbitrary<Long> statusBits() {
        return Arbitraries.oneOf(Arbitraries.just(-1L), Arbitraries.just(0L), Arbitraries.longs(),
                Arbitraries.longs().map(l -> l & l >>> 7 & l >>> 13),
                Arbitraries.longs().map(l -> l | 0xFFFF_FFFF_0000_0000L), Arbitraries.longs().map(l -> l & 0xFFL));
    }
}
