package org.tunnelcodec.gre.wccp.control;

import java.util.Objects;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;

/**
 * A Router Identity Element ([W01] 5.7.1, [R1] 6.1): a router's address and a Receive ID.
 *
 * <pre>
 *  +--------------------------------+
 *  | Router ID (address element, 32)|
 *  +--------------------------------+
 *  | Receive ID (32)                |
 *  +--------------------------------+
 * </pre>
 *
 * <p>In a Router Identity Info component the Receive ID counts the messages the router sent
 * for the service group and is never 0 ([R1] 6.1); in Web-Cache View Info it is the last
 * Receive ID the cache received. The decoder does not enforce "never 0" (a semantic rule).
 *
 * @param address   the router's address element (an Address Table index under WCCP 2.01 with
 *                  an Address Table, see the package documentation)
 * @param receiveId the Receive ID, 0..2^32-1
 */
public record WccpRouterIdentity(Ipv4Address address, long receiveId) {
    /**
     * Checks the components.
     *
     * @param address the router's address element (an Address Table index under WCCP 2.01 with an Address Table, see the package documentation)
     * @param receiveId the Receive ID, 0..2^32-1
     */
    public WccpRouterIdentity {
        Objects.requireNonNull(address, "address");
        Check.inRange("receiveId", receiveId, 0, 0xFFFF_FFFFL);
    }
}
