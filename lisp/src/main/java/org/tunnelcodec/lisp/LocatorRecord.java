package org.tunnelcodec.lisp;

import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * A locator (RLOC) record of an EID-record (RFC 9301 §5.4).
 *
 * <pre>
 * |   Priority    |    Weight     |  M Priority   |   M Weight    |
 * |        Unused Flags     |L|p|R|           Loc-AFI             |
 * |                             Locator                           |
 * </pre>
 *
 * @param priority          unicast priority, lower preferred; 255: not for unicast
 * @param weight            unicast weight
 * @param multicastPriority multicast priority; 255: not for multicast
 * @param multicastWeight   multicast weight
 * @param unusedFlags       the 13 unused flag bits, kept as on the wire
 * @param local             L: the RLOC belongs to the sender
 * @param probed            p: the RLOC the RLOC-probe reached
 * @param reachable         R: the sender has a route to the RLOC
 * @param locator           the locator address
 */
public record LocatorRecord(int priority, int weight, int multicastPriority, int multicastWeight, int unusedFlags,
                            boolean local, boolean probed, boolean reachable, LispAddress locator) {
    /**
     * Checks the components.
     *
     * @param priority          unicast priority, lower preferred; 255: not for unicast
     * @param weight            unicast weight
     * @param multicastPriority multicast priority; 255: not for multicast
     * @param multicastWeight   multicast weight
     * @param unusedFlags       the 13 unused flag bits, kept as on the wire
     * @param local             L: the RLOC belongs to the sender
     * @param probed            p: the RLOC the RLOC-probe reached
     * @param reachable         R: the sender has a route to the RLOC
     * @param locator           the locator address
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public LocatorRecord {
        Check.inRange("priority", priority, 0, 0xFF);
        Check.inRange("weight", weight, 0, 0xFF);
        Check.inRange("multicastPriority", multicastPriority, 0, 0xFF);
        Check.inRange("multicastWeight", multicastWeight, 0, 0xFF);
        Check.inRange("unusedFlags", unusedFlags, 0, 0x1FFF);
        Objects.requireNonNull(locator, "locator");
    }

    /**
     * A reachable unicast-only locator: M priority 255, M weight 0, no flags but R (and L when
     * {@code local}).
     *
     * @param priority the priority
     * @param weight   the weight
     * @param local    L
     * @param locator  the address
     * @return the record
     */
    public static LocatorRecord of(int priority, int weight, boolean local, LispAddress locator) {
        return new LocatorRecord(priority, weight, 255, 0, 0, local, false, true, locator);
    }

    /**
     * Returns the length on the wire.
     *
     * @return 6 plus the locator's encoded length
     */
    public int encodedLength() {
        return LispControlLayout.LOCATOR_FIXED + locator.encodedLength();
    }
}
