/**
 * tunnelcodec core: the error type, {@code Decoded}, open code points, addresses, the Internet
 * checksum, the flow hash, the link, IP and transport layer codecs that carry and are carried
 * by tunnels, the layer dissector, route-attached encapsulation templates, and tunnel metadata
 * on receive.
 *
 * <p>{@code org.tunnelcodec.core.internal} holds bounds and wire helpers shared with the
 * protocol modules only; it is not API.
 */
module org.tunnelcodec.core {
    exports org.tunnelcodec.core;
    exports org.tunnelcodec.core.link;
    exports org.tunnelcodec.core.ip;
    exports org.tunnelcodec.core.transport;
    exports org.tunnelcodec.core.dissect;
    exports org.tunnelcodec.core.encap;
    exports org.tunnelcodec.core.tunnel;
    exports org.tunnelcodec.core.internal to
            org.tunnelcodec.gre,
            org.tunnelcodec.lisp,
            org.tunnelcodec.stt,
            org.tunnelcodec.mpls,
            org.tunnelcodec.mip6,
            org.tunnelcodec.vxlan;
}
