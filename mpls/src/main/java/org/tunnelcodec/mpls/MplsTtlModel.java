package org.tunnelcodec.mpls;

import org.tunnelcodec.core.internal.Check;

/**
 * How label operations set and give back TTLs: the tunnelling models of RFC 3443 §3 and the
 * rule of Linux's MPLS lightweight-tunnel encapsulation. Immutable; models that behave alike
 * are the same instance.
 *
 * <table>
 *   <caption>The models</caption>
 *   <tr><th>model</th><th>pushed entries get</th><th>on pop, the exposed header gets</th></tr>
 *   <tr><td>{@link #uniform()}</td>
 *       <td>the TTL of what they are pushed onto: the IPv4 TTL or IPv6 Hop Limit of an IP
 *           packet, which the router has already decremented (RFC 3032 §2.4.3), or the TTL of
 *           the current top entry of a labelled packet (RFC 3032 §2.4.2)</td>
 *       <td>the decremented TTL of the popped entry, in the next entry or in the IPv4 TTL (the
 *           header checksum updated) or IPv6 Hop Limit (RFC 3032 §2.4.3, RFC 3443 §3.1)</td></tr>
 *   <tr><td>{@link #pipe(int)}</td>
 *       <td>a constant, commonly 255 (RFC 3443 §3.2, §3.3)</td>
 *       <td>nothing: the LSP counts as one hop, the egress decrements the inner TTL when it
 *           forwards the exposed packet (RFC 3443 §3.2, §3.3)</td></tr>
 * </table>
 *
 * <p>Linux's {@code mpls_xmit} ({@code net/mpls/mpls_iptunnel.c}) chooses between the two per
 * route: {@link #linux(int)} for a route with a {@code ttl} attribute, {@link #linuxDefault(boolean,
 * int)} for one without. A packet with no TTL of its own (a pseudowire, an ACH, raw bytes)
 * gets {@link #MAX_TTL} under a propagating model.
 *
 * <p>The factories return shared instances: they allocate nothing.
 */
public final class MplsTtlModel {
    /** The largest TTL, and the one pushed entries get from a propagating model when the payload has none. */
    public static final int MAX_TTL = 255;

    /** Linux's {@code net.mpls.default_ttl} when not set: 255. */
    public static final int LINUX_DEFAULT_TTL = 255;

    private static final int PROPAGATE = -1;
    private static final MplsTtlModel UNIFORM = new MplsTtlModel(PROPAGATE);
    /** Every pipe model, shared: the factories allocate nothing, even called per packet. */
    private static final MplsTtlModel[] PIPES = new MplsTtlModel[MAX_TTL + 1];

    static {
        for (int ttl = 1; ttl <= MAX_TTL; ttl++) {
            PIPES[ttl] = new MplsTtlModel(ttl);
        }
    }

    private final int ttl;

    private MplsTtlModel(int ttl) {
        this.ttl = ttl;
    }

    /**
     * Returns the uniform model (RFC 3443 §3.1): pushed entries take the TTL of what they are
     * pushed onto (RFC 3032 §2.4.2, §2.4.3) and a pop copies the decremented TTL into what it
     * exposes, so every label switching router is a visible hop.
     *
     * @return the uniform model
     */
    public static MplsTtlModel uniform() {
        return UNIFORM;
    }

    /**
     * Returns the pipe model (RFC 3443 §3.2; short pipe, §3.3, is the same for the label
     * operations): pushed entries get {@code ttl}, a pop copies nothing back.
     *
     * @param ttl the TTL of pushed entries, 1..255 (255 is the usual value)
     * @return the pipe model with that TTL
     * @throws IllegalArgumentException if {@code ttl} is out of range
     */
    public static MplsTtlModel pipe(int ttl) {
        return PIPES[Check.inRange("ttl", ttl, 1, MAX_TTL)];
    }

    /**
     * Returns the model of Linux's {@code mpls_xmit} for a route with a {@code ttl} attribute
     * ({@code MPLS_IPTUNNEL_TTL}, {@code ip route ... encap mpls 100/200 ttl N}): 1..255 pushes
     * that constant, 0 propagates the IP TTL.
     *
     * @param routeTtl the route's TTL attribute, 0..255
     * @return {@link #pipe(int) pipe(routeTtl)}, or {@link #uniform()} for 0
     * @throws IllegalArgumentException if {@code routeTtl} is out of range
     */
    public static MplsTtlModel linux(int routeTtl) {
        Check.inRange("routeTtl", routeTtl, 0, MAX_TTL);
        return routeTtl == 0 ? UNIFORM : PIPES[routeTtl];
    }

    /**
     * Returns the model of Linux's {@code mpls_xmit} for a route without a {@code ttl}
     * attribute: the sysctls decide; {@code net.mpls.ip_ttl_propagate} (default 1) propagates
     * the IP TTL, else every pushed entry gets {@code net.mpls.default_ttl} (1..255, default 255).
     *
     * @param ipTtlPropagate the value of {@code net.mpls.ip_ttl_propagate}
     * @param defaultTtl     the value of {@code net.mpls.default_ttl}, 1..255
     * @return {@link #uniform()} or {@link #pipe(int) pipe(defaultTtl)}
     * @throws IllegalArgumentException if {@code defaultTtl} is out of range
     */
    public static MplsTtlModel linuxDefault(boolean ipTtlPropagate, int defaultTtl) {
        Check.inRange("defaultTtl", defaultTtl, 1, MAX_TTL);
        return ipTtlPropagate ? UNIFORM : PIPES[defaultTtl];
    }

    /**
     * Returns the model of Linux's {@code mpls_xmit} for a route without a {@code ttl}
     * attribute and the sysctls at their defaults ({@code ip_ttl_propagate=1}): the IP TTL is
     * propagated (a locally originated IPv4 ping with TTL 64 gets 64 in every pushed entry).
     *
     * @return {@link #uniform()}
     */
    public static MplsTtlModel linuxDefault() {
        return linuxDefault(true, LINUX_DEFAULT_TTL);
    }

    /**
     * Returns whether this model propagates TTLs: pushed entries copy the inner TTL and a pop
     * copies the decremented TTL back (the uniform model).
     *
     * @return whether this is the uniform model
     */
    public boolean propagates() {
        return ttl == PROPAGATE;
    }

    /**
     * Returns the TTL of pushed entries under this model.
     *
     * @param innerTtl the TTL of what the entries are pushed onto (the already decremented IP
     *                 TTL or Hop Limit, or the top entry's TTL), 0..255; or {@link #MAX_TTL}
     *                 when the payload has none
     * @return {@code innerTtl} for the uniform model, the constant otherwise
     */
    public int pushedTtl(int innerTtl) {
        return ttl == PROPAGATE ? innerTtl : ttl;
    }

    /**
     * Returns the constant TTL of a pipe model.
     *
     * @return the constant, 1..255, or -1 for the uniform model
     */
    public int constantTtl() {
        return ttl;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MplsTtlModel m && m.ttl == ttl;
    }

    @Override
    public int hashCode() {
        return ttl;
    }

    @Override
    public String toString() {
        return ttl == PROPAGATE ? "uniform" : "pipe(" + ttl + ")";
    }
}
