package org.tunnelcodec.gre.wccp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A router a cache accepts redirected packets from: the source address of its GRE packets
 * and the WCCP version it redirects with.
 *
 * @param address the router's address, IPv4 or IPv6
 * @param version how its packets are framed
 */
public record WccpRouter(InetAddress address, WccpVersion version) {
    /**
     * Checks the components.
     *
     * @param address the router's address, IPv4 or IPv6
     * @param version how its packets are framed
     */
    public WccpRouter {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(version, "version");
        if (!(address instanceof Inet4Address) && !(address instanceof Inet6Address)) {
            throw new IllegalArgumentException("address: " + address + " (expected: IPv4 or IPv6)");
        }
    }

    /**
     * Returns the router.
     *
     * @param literal an IPv4 or IPv6 address literal (never resolved as a name)
     * @param version the WCCP version
     * @return the router
     */
    public static WccpRouter of(String literal, WccpVersion version) {
        Objects.requireNonNull(literal, "literal");
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("literal: " + literal + " (expected: an IP address literal)");
        }
        try {
            return new WccpRouter(InetAddress.getByName(literal), version);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("literal: " + literal + " (expected: an IP address literal)", e);
        }
    }
}
