package org.tunnelcodec.lisp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.internal.Check;

/**
 * Unicast locator selection for an ITR: which RLOC of a mapping's locator set a flow is
 * encapsulated to. The selector is built once from a locator set (as an
 * {@link EidRecord#locators()} gives it, in the order of the Map-Reply); it is immutable and
 * thread-safe, and {@link #select(int, long)} allocates nothing.
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li>A locator is <em>usable</em> when all of these hold:
 *     <ul>
 *       <li>its priority is below 255 (RFC 9301 §5.4: priority 255 means the RLOC MUST NOT be
 *           used for unicast forwarding);</li>
 *       <li>its R bit is set (RFC 9301 §5.4: R clear means the sender of the mapping has no
 *           route to the RLOC);</li>
 *       <li>its bit in the caller's Locator-Status-Bits is set (RFC 9300 §10: bit {@code i},
 *           counted from the least significant bit, describes the locator with ordinal
 *           {@code i} in the locator set, 1 = up). Pass {@code -1L} when every locator is up.
 *           The argument has 64 bits: a locator with ordinal 64 or more has no bit and is
 *           judged by its priority and R bit alone.</li>
 *     </ul>
 *   </li>
 *   <li>Only the usable locators of the lowest priority value are candidates (RFC 9301 §5.4:
 *       lower priority is preferred; locators of a higher value are used only when no locator
 *       of a lower one is usable).</li>
 *   <li>Among the candidates, traffic is split by weight (RFC 9301 §5.4: the weight is a
 *       relative share of the unicast traffic among locators of equal priority; RFC 9300 §12:
 *       the choice is made per flow, from a hash of the inner flow). With {@code W} the sum of
 *       the candidates' weights, the flow hash is scaled onto {@code [0, W - 1]} as
 *       {@link FlowHash#scale(int, int, int)} does ({@code (hash & 0xffffffffL) * W >>> 32}),
 *       and the candidate whose cumulative weight range, in ordinal order, holds that value is
 *       chosen. A flow hash always gives the same locator for the same locator set and status
 *       bits, and each candidate receives a share of the 2<sup>32</sup> hash values proportional
 *       to its weight (every unit of weight receives the floor or the ceiling of
 *       2<sup>32</sup>/{@code W} of them). A candidate of weight 0 beside candidates of positive
 *       weight therefore receives no traffic.</li>
 *   <li>When every candidate has weight 0, the weights carry no split (RFC 9301 §5.4 leaves the
 *       split to the receiver of the mapping when the weights are all equal); the selector then
 *       splits evenly: the hash is scaled onto {@code [0, n - 1]} for {@code n} candidates and
 *       the candidate with that rank in ordinal order is chosen.</li>
 *   <li>When no locator is usable, {@link #select(int, long)} returns {@code -1}.</li>
 * </ol>
 *
 * <h2>Locator-Status-Bits from the data header</h2>
 * The LISP header carries 32 Locator-Status-Bits, or 8 when the I bit is set (RFC 9300 §5.3).
 * A caller passing such a field as read sees the locators past its width as down; to leave
 * them to the R bit, set the bits above the field first, as {@code bits | 0xFFFF_FFFF_0000_0000L}
 * for 32 bits or {@code bits | ~0xFFL} for 8.
 *
 * <h2>Not supported</h2>
 * Multicast selection (M Priority, M Weight), RLOC-probing and echo-nonce reachability state,
 * and the locator set of the ITR's own site (whose status bits it sends) are the caller's.
 */
public final class LispLocatorSelector {
    /** The most locators a locator set holds (an 8-bit Locator Count, RFC 9301 §5.4). */
    public static final int MAX_LOCATORS = 0xFF;
    /** The priority that marks a locator as not for unicast (RFC 9301 §5.4). */
    public static final int UNICAST_UNUSABLE = 255;
    /** Locators with an ordinal below this have a bit in the status-bit argument. */
    public static final int STATUS_BITS = Long.SIZE;

    private final List<LocatorRecord> locators;
    /** Ordinals of the locators of priority below 255 with R set, by priority, then ordinal. */
    private final int[] ordinals;
    /** The weights of {@link #ordinals}, in the same order. */
    private final int[] weights;
    /** Start of each priority group in {@link #ordinals}, with {@code ordinals.length} last. */
    private final int[] groupStarts;
    /** Per group: the status bits of its locators (those with an ordinal below 64). */
    private final long[] groupMasks;
    /** Per group: the sum of its weights, when every locator is up. */
    private final int[] groupTotals;
    /** The running sum of {@link #weights} within each group, through the locator itself. */
    private final int[] cumulative;

    private LispLocatorSelector(List<LocatorRecord> locators) {
        this.locators = locators;
        int n = 0;
        for (LocatorRecord l : locators) {
            if (eligible(l)) {
                n++;
            }
        }
        long[] keys = new long[n];
        int k = 0;
        for (int i = 0; i < locators.size(); i++) {
            LocatorRecord l = locators.get(i);
            if (eligible(l)) {
                keys[k++] = (long) l.priority() << 16 | i;
            }
        }
        Arrays.sort(keys);
        ordinals = new int[n];
        weights = new int[n];
        int[] starts = new int[n + 1];
        int groups = 0;
        int previous = -1;
        for (int j = 0; j < n; j++) {
            int ordinal = (int) (keys[j] & 0xFFFF);
            int priority = (int) (keys[j] >>> 16);
            ordinals[j] = ordinal;
            weights[j] = locators.get(ordinal).weight();
            if (priority != previous) {
                starts[groups++] = j;
                previous = priority;
            }
        }
        starts[groups] = n;
        groupStarts = Arrays.copyOf(starts, groups + 1);
        groupMasks = new long[groups];
        groupTotals = new int[groups];
        cumulative = new int[n];
        for (int g = 0; g < groups; g++) {
            int sum = 0;
            for (int j = groupStarts[g]; j < groupStarts[g + 1]; j++) {
                sum += weights[j];
                cumulative[j] = sum;
                if (ordinals[j] < STATUS_BITS) {
                    groupMasks[g] |= 1L << ordinals[j];
                }
            }
            groupTotals[g] = sum;
        }
    }

    private static boolean eligible(LocatorRecord l) {
        return l.priority() < UNICAST_UNUSABLE && l.reachable();
    }

    /**
     * Builds a selector for a locator set.
     *
     * @param locators the locator records, in the order of the mapping (their ordinals are the
     *                 status-bit positions and the indices {@link #select(int, long)} returns),
     *                 at most 255
     * @return the selector
     * @throws NullPointerException     if {@code locators} or one of its elements is null
     * @throws IllegalArgumentException if there are more than 255 locators
     */
    public static LispLocatorSelector of(List<LocatorRecord> locators) {
        List<LocatorRecord> copy = List.copyOf(locators);
        Check.inRange("locators.size()", copy.size(), 0, MAX_LOCATORS);
        return new LispLocatorSelector(copy);
    }

    /**
     * Builds a selector for the locator set of an EID-record.
     *
     * @param record the EID-record
     * @return the selector for {@code record.locators()}
     * @throws NullPointerException if {@code record} is null
     */
    public static LispLocatorSelector of(EidRecord record) {
        return new LispLocatorSelector(Objects.requireNonNull(record, "record").locators());
    }

    /**
     * Chooses the locator for a flow. Allocates nothing; see the class description for the
     * rules.
     *
     * @param flowHash          the 32-bit hash of the inner flow (as {@link FlowHash} computes it)
     * @param locatorStatusBits bit {@code i} set: the locator with ordinal {@code i} is up
     *                          (RFC 9300 §10); {@code -1L}: all up. Locators with ordinal 64 or
     *                          more are judged without it
     * @return the ordinal (index into the locator list) of the chosen locator, or {@code -1} if
     *         no locator is usable
     */
    public int select(int flowHash, long locatorStatusBits) {
        int[] starts = groupStarts;
        for (int g = 0; g < starts.length - 1; g++) {
            int from = starts[g];
            int to = starts[g + 1];
            long mask = groupMasks[g];
            if ((locatorStatusBits & mask) == mask) { // every locator of the group is up: precomputed sums
                int total = groupTotals[g];
                if (total == 0) {
                    return ordinals[from + FlowHash.scale(flowHash, 0, to - from - 1)];
                }
                int target = FlowHash.scale(flowHash, 0, total - 1);
                int j = from;
                while (cumulative[j] <= target) {
                    j++;
                }
                return ordinals[j];
            }
            int count = 0;
            int total = 0;
            for (int j = from; j < to; j++) {
                if (up(ordinals[j], locatorStatusBits)) {
                    count++;
                    total += weights[j];
                }
            }
            if (count == 0) {
                continue;
            }
            if (total > 0) {
                int target = FlowHash.scale(flowHash, 0, total - 1);
                int cumulative = 0;
                for (int j = from; j < to; j++) {
                    if (up(ordinals[j], locatorStatusBits)) {
                        cumulative += weights[j];
                        if (target < cumulative) {
                            return ordinals[j];
                        }
                    }
                }
            } else {
                int rank = FlowHash.scale(flowHash, 0, count - 1);
                for (int j = from; j < to; j++) {
                    if (up(ordinals[j], locatorStatusBits) && rank-- == 0) {
                        return ordinals[j];
                    }
                }
            }
            throw new AssertionError("unreachable: a usable locator was counted but not chosen");
        }
        return -1;
    }

    private static boolean up(int ordinal, long locatorStatusBits) {
        return ordinal >= STATUS_BITS || (locatorStatusBits >>> ordinal & 1L) != 0;
    }

    /**
     * Returns a locator record of the set.
     *
     * @param index the ordinal, as {@link #select(int, long)} returns it
     * @return the record
     * @throws IndexOutOfBoundsException if {@code index} is negative or not below {@link #size()}
     */
    public LocatorRecord locator(int index) {
        return locators.get(index);
    }

    /**
     * Returns the locator set, in its original order.
     *
     * @return the unmodifiable list of records
     */
    public List<LocatorRecord> locators() {
        return locators;
    }

    /**
     * Returns the number of locators in the set.
     *
     * @return the size of the locator set, 0..255
     */
    public int size() {
        return locators.size();
    }

    @Override
    public String toString() {
        return "LispLocatorSelector[" + locators.size() + " locators, " + ordinals.length + " for unicast]";
    }
}
