/**
 * tunnelcodec Mobile IPv6: the Mobility Header (RFC 6275 §6.1) with its messages and mobility
 * options (RFC 6275 §6.2, the Mobile Network Prefix of RFC 3963, the Binding Identifier of
 * RFC 5648, the Mobile Node Identifier of RFC 4283, the flow bindings of RFC 6089 with the
 * binary traffic selectors of RFC 6088), its checksum over the IPv6 pseudo-header,
 * allocation-free checks, peeks and selector matching, and the dissector layer for IPv6 Next
 * Header 135.
 */
module org.tunnelcodec.mip6 {
    requires transitive org.tunnelcodec.core;

    exports org.tunnelcodec.mip6;
}
