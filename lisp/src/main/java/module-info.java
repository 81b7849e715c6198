/**
 * tunnelcodec LISP: the data plane of the Locator/ID Separation Protocol (RFC 9300 §5) and its
 * Generic Protocol Extension LISP-GPE (RFC 9305): records, stateless decoders and encoders, an
 * allocation-free view and peeks, the dissector layers for UDP port 4341 and the tunnel
 * metadata extractor; and the control plane (RFC 9301): the control messages, addresses with
 * every LCAF type (RFC 8060), the Map-Register and Map-Notify authentication, and the dissector
 * layer for UDP port 4342.
 */
module org.tunnelcodec.lisp {
    requires transitive org.tunnelcodec.core;

    exports org.tunnelcodec.lisp;
}
