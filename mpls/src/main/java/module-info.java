/**
 * tunnelcodec MPLS: label stacks with their special-purpose labels (RFC 3032, 4182, 5586, 6790,
 * 7274), payload identification after the bottom of stack, the pseudowire control word (RFC
 * 4385, 4448), the Associated Channel Header (RFC 5586), label operations (push, swap, pop,
 * entropy labels) and the dissector layers for MPLS over Ethernet, PPP, GRE, UDP (RFC 7510) and
 * IP (RFC 4023).
 */
module org.tunnelcodec.mpls {
    requires transitive org.tunnelcodec.core;

    exports org.tunnelcodec.mpls;
}
