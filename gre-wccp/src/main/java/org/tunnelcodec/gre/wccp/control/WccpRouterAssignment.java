package org.tunnelcodec.gre.wccp.control;

import java.util.Objects;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;

/**
 * A Router Assignment Element ([W01] 5.7.3, [R1] 6.2): a Router Identity Element followed by
 * the router's Member Change Number.
 *
 * <pre>
 *  +--------------------------------+
 *  | Router ID (address element, 32)|
 *  +--------------------------------+
 *  | Receive ID (32)                |
 *  +--------------------------------+
 *  | Change Number (32)             |
 *  +--------------------------------+
 * </pre>
 *
 * @param address      the router's address element
 * @param receiveId    the Receive ID of the router's last I_SEE_YOU, 0..2^32-1
 * @param changeNumber the Member Change Number of that I_SEE_YOU, 0..2^32-1
 */
public record WccpRouterAssignment(Ipv4Address address, long receiveId, long changeNumber) {
    /**
     * Checks the components.
     *
     * @param address the router's address element
     * @param receiveId the Receive ID of the router's last I_SEE_YOU, 0..2^32-1
     * @param changeNumber the Member Change Number of that I_SEE_YOU, 0..2^32-1
     */
    public WccpRouterAssignment {
        Objects.requireNonNull(address, "address");
        Check.inRange("receiveId", receiveId, 0, 0xFFFF_FFFFL);
        Check.inRange("changeNumber", changeNumber, 0, 0xFFFF_FFFFL);
    }
}
