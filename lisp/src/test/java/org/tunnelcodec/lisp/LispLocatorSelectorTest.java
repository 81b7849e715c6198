package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Ipv4Address;

/**
 * Each rule of {@link LispLocatorSelector} on hand-built locator sets: priority 255 and a clear
 * R bit exclude a locator (RFC 9301 §5.4), so does a clear Locator-Status-Bit (RFC 9300 §10,
 * bit i = ordinal i, none past ordinal 63); the lowest priority wins; weights 1:3 split 100,000
 * random flow hashes about 25 %/75 %; one hash always gives one locator; all-zero weights split
 * evenly; nothing usable gives -1; a full set of 255 locators works.
 */
class LispLocatorSelectorTest {
    private static final int HASHES = 100_000;

    static LocatorRecord rloc(int priority, int weight, boolean reachable, int n) {
        return new LocatorRecord(priority, weight, 255, 0, 0, false, false, reachable,
                new LispAddress.Ipv4(Ipv4Address.of(192, 0, 2, n)));
    }

    static LocatorRecord rloc(int priority, int weight) {
        return rloc(priority, weight, true, 1);
    }

    /** Counts, per ordinal, how many of {@code HASHES} random hashes pick each locator. */
    private static int[] histogram(LispLocatorSelector s, long lsb, long seed) {
        int[] counts = new int[s.size() + 1];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < HASHES; i++) {
            int chosen = s.select(random.nextInt(), lsb);
            counts[chosen < 0 ? s.size() : chosen]++;
        }
        return counts;
    }

    @Test
    void shouldNeverSelectPriority255() {
        LispLocatorSelector s = LispLocatorSelector.of(List.of(rloc(255, 100), rloc(200, 1), rloc(255, 100)));
        assertThat(histogram(s, -1L, 1)).containsExactly(0, HASHES, 0, 0);
        assertThat(LispLocatorSelector.of(List.of(rloc(255, 100), rloc(255, 0))).select(42, -1L)).isEqualTo(-1);
    }

    @Test
    void shouldNeverSelectALocatorWithRClear() {
        LispLocatorSelector s = LispLocatorSelector.of(List.of(rloc(1, 100, false, 1), rloc(2, 1, true, 2)));
        assertThat(histogram(s, -1L, 2)).containsExactly(0, HASHES, 0);
    }

    @Test
    void shouldNeverSelectALocatorWhoseStatusBitIsClear() {
        LispLocatorSelector s = LispLocatorSelector.of(List.of(rloc(1, 1), rloc(1, 1), rloc(1, 1), rloc(2, 1)));
        assertThat(histogram(s, 0b1101L, 3)[1]).isZero();
        assertThat(histogram(s, 0b1000L, 3)).containsExactly(0, 0, 0, HASHES, 0);
        assertThat(s.select(7, 0L)).isEqualTo(-1);
        assertThat(s.select(7, 0b0010L)).isEqualTo(1);
    }

    @Test
    void shouldJudgeLocatorsPastOrdinal63ByTheirRBitAlone() {
        List<LocatorRecord> set = new ArrayList<>();
        for (int i = 0; i < 66; i++) {
            set.add(rloc(1, 1, i != 65, i));
        }
        LispLocatorSelector s = LispLocatorSelector.of(set);
        assertThat(histogram(s, 0L, 4)).containsExactly(concat(new int[64], HASHES, 0, 0));
        assertThat(s.select(0, 1L << 63)).isEqualTo(63);
    }

    private static int[] concat(int[] head, int... tail) {
        int[] all = new int[head.length + tail.length];
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void shouldPreferTheLowestUsablePriority() {
        LispLocatorSelector s = LispLocatorSelector.of(List.of(rloc(5, 50), rloc(3, 1), rloc(3, 1), rloc(4, 100)));
        int[] all = histogram(s, -1L, 5);
        assertThat(all[0] + all[3]).isZero();
        assertThat(all[1] + all[2]).isEqualTo(HASHES);
        assertThat(histogram(s, 0b1001L, 5)).containsExactly(0, 0, 0, HASHES, 0);
        assertThat(histogram(s, 0b0001L, 5)).containsExactly(HASHES, 0, 0, 0, 0);
    }

    @Test
    void shouldSplitByWeightOneToThree() {
        LispLocatorSelector s = LispLocatorSelector.of(List.of(rloc(1, 1), rloc(1, 3)));
        int[] counts = histogram(s, -1L, 6);
        assertThat(counts[2]).isZero();
        assertThat(counts[0] / (double) HASHES).isCloseTo(0.25, within(0.01));
        assertThat(counts[1] / (double) HASHES).isCloseTo(0.75, within(0.01));
    }

    @Test
    void shouldSplitExactlyByWeightOverTheHashRange() {
        // Weights 1:3: hashes below 2^30 (unsigned) take the first locator, the rest the second.
        LispLocatorSelector s = LispLocatorSelector.of(List.of(rloc(1, 1), rloc(1, 3)));
        assertThat(s.select(0, -1L)).isZero();
        assertThat(s.select((1 << 30) - 1, -1L)).isZero();
        assertThat(s.select(1 << 30, -1L)).isEqualTo(1);
        assertThat(s.select(-1, -1L)).isEqualTo(1);
    }

    @Test
    void shouldGiveOneFlowHashAlwaysTheSameLocator() {
        LispLocatorSelector s = LispLocatorSelector.of(List.of(rloc(1, 10), rloc(1, 20), rloc(1, 30), rloc(1, 40)));
        LispLocatorSelector t = LispLocatorSelector.of(List.of(rloc(1, 10), rloc(1, 20), rloc(1, 30), rloc(1, 40)));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            int hash = random.nextInt();
            int first = s.select(hash, -1L);
            assertThat(first).isBetween(0, 3);
            for (int k = 0; k < 5; k++) {
                assertThat(s.select(hash, -1L)).isEqualTo(first);
            }
            assertThat(t.select(hash, -1L)).isEqualTo(first);
        }
    }

    @Test
    void shouldSplitEvenlyWhenAllWeightsAreZero() {
        LispLocatorSelector s = LispLocatorSelector.of(List.of(rloc(1, 0), rloc(1, 0), rloc(1, 0), rloc(1, 0),
                rloc(2, 100)));
        int[] counts = histogram(s, -1L, 8);
        for (int i = 0; i < 4; i++) {
            assertThat(counts[i] / (double) HASHES).isCloseTo(0.25, within(0.01));
        }
        assertThat(counts[4] + counts[5]).isZero();
        int[] three = histogram(s, 0b11101L, 8);
        assertThat(three[1]).isZero();
        for (int i : new int[] {0, 2, 3}) {
            assertThat(three[i] / (double) HASHES).isCloseTo(1 / 3.0, within(0.01));
        }
    }

    @Test
    void shouldGiveAZeroWeightNoTrafficBesideAPositiveWeight() {
        LispLocatorSelector s = LispLocatorSelector.of(List.of(rloc(1, 0), rloc(1, 5), rloc(1, 0)));
        assertThat(histogram(s, -1L, 9)).containsExactly(0, HASHES, 0, 0);
        assertThat(s.select(123, 0b101L)).isIn(0, 2);
    }

    @Test
    void shouldReturnMinusOneWhenNothingIsUsable() {
        assertThat(LispLocatorSelector.of(List.of()).select(1, -1L)).isEqualTo(-1);
        LispLocatorSelector s = LispLocatorSelector.of(List.of(rloc(255, 1), rloc(1, 1, false, 2), rloc(1, 1)));
        assertThat(s.select(1, 0b011L)).isEqualTo(-1);
        assertThat(s.select(1, -1L)).isEqualTo(2);
    }

    @Test
    void shouldHandleA255LocatorSet() {
        List<LocatorRecord> set = new ArrayList<>();
        for (int i = 0; i < 255; i++) {
            set.add(rloc(i % 3 == 0 ? 7 : 9, i % 5, true, i));
        }
        LispLocatorSelector s = LispLocatorSelector.of(set);
        assertThat(s.size()).isEqualTo(255);
        int[] counts = histogram(s, -1L, 10);
        long weightSum = 0;
        for (int i = 0; i < 255; i += 3) {
            weightSum += i % 5;
        }
        for (int i = 0; i < 255; i++) {
            if (i % 3 != 0 || i % 5 == 0) {
                assertThat(counts[i]).as("locator %d", i).isZero();
            } else {
                assertThat(counts[i] / (double) HASHES).as("locator %d", i)
                        .isCloseTo((i % 5) / (double) weightSum, within(0.005));
            }
        }
        // Priority 7 down where it has a status bit: ordinals 66.. of priority 7 carry the flows.
        int chosen = s.select(99, 0L);
        assertThat(chosen).isGreaterThanOrEqualTo(64);
        assertThat(chosen % 3).isZero();
        assertThat(chosen % 5).isNotZero();
        assertThat(s.locator(254)).isSameAs(set.get(254));
    }

    @Test
    void shouldRefuseMoreThan255Locators() {
        List<LocatorRecord> set = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            set.add(rloc(1, 1));
        }
        assertThatThrownBy(() -> LispLocatorSelector.of(set)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildFromAnEidRecordAndReturnTheRecords() {
        List<LocatorRecord> set = List.of(rloc(1, 1, true, 1), rloc(1, 1, true, 2));
        EidRecord record = EidRecord.of(1440, new LispAddress.Ipv4(Ipv4Address.of(10, 1, 0, 0)), 24, true, set);
        LispLocatorSelector s = LispLocatorSelector.of(record);
        assertThat(s.locators()).isEqualTo(set);
        assertThat(s.locator(1)).isEqualTo(set.get(1));
        assertThatThrownBy(() -> s.locator(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(s.select(5, -1L)).isIn(0, 1);
    }
}
