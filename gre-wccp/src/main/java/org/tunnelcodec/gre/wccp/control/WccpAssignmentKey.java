package org.tunnelcodec.gre.wccp.control;

import java.util.Objects;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;

/**
 * An Assignment Key Element ([W01] 5.7.4, [R1] 6.3): which cache made an assignment, and the
 * version of that assignment.
 *
 * <pre>
 *  +------------------------------------------+
 *  | Key IP Address (address element, 32)     |
 *  +------------------------------------------+
 *  | Key Change Number (32)                   |
 *  +------------------------------------------+
 * </pre>
 *
 * @param address      the designated web-cache's address element
 * @param changeNumber the Key Change Number, 0..2^32-1
 */
public record WccpAssignmentKey(Ipv4Address address, long changeNumber) {
    /**
     * Checks the components.
     *
     * @param address the designated web-cache's address element
     * @param changeNumber the Key Change Number, 0..2^32-1
     */
    public WccpAssignmentKey {
        Objects.requireNonNull(address, "address");
        Check.inRange("changeNumber", changeNumber, 0, 0xFFFF_FFFFL);
    }
}
