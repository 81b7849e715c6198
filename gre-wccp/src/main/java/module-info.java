/**
 * tunnelcodec GRE and WCCP: GRE of every variant (RFC 2784, 2890, 1701, PPTP's enhanced GRE of
 * RFC 2637), PPP as PPTP carries it, and WCCP: the redirect header, the cache-side
 * decapsulator, the GRE return path and the control messages.
 */
module org.tunnelcodec.gre {
    requires transitive org.tunnelcodec.core;

    exports org.tunnelcodec.gre;
    exports org.tunnelcodec.gre.wccp;
    exports org.tunnelcodec.gre.wccp.control;
}
