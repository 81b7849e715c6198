package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * {@link LispLocatorSelector#select} allocates nothing: after warm-up, selecting over weighted,
 * all-zero-weight and 255-locator sets, with varying hashes and status bits (-1 included), costs
 * 0 bytes per call as {@link AllocationMeter} counts them (skipped on a JVM that cannot count).
 */
class LispLocatorSelectorAllocationTest {

    @Test
    void shouldAllocateNothingToSelect() {
        List<LocatorRecord> big = new ArrayList<>();
        for (int i = 0; i < 255; i++) {
            big.add(LispLocatorSelectorTest.rloc(i % 4, i % 7, i % 11 != 0, i));
        }
        LispLocatorSelector[] selectors = {
            LispLocatorSelector.of(List.of(LispLocatorSelectorTest.rloc(1, 1), LispLocatorSelectorTest.rloc(1, 3),
                    LispLocatorSelectorTest.rloc(2, 50))),
            LispLocatorSelector.of(List.of(LispLocatorSelectorTest.rloc(1, 0), LispLocatorSelectorTest.rloc(1, 0),
                    LispLocatorSelectorTest.rloc(255, 9))),
            LispLocatorSelector.of(big)};
        long[] statusBits = {-1L, 0b101L, 0L, 0xFFL};
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            int n = next[0]++;
            int hash = n * 0x9E3779B9;
            return selectors[n % 3].select(hash, statusBits[(n >>> 2) & 3]);
        });
        assertThat(bytes).isZero();
    }
}
