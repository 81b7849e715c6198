/**
 * An application of tunnelcodec: a codec of its own for a small shim header, and a summary of
 * the tunnel layers of a frame through the GRE module's dissector bindings.
 */
module org.example.tunnels {
    requires org.tunnelcodec.gre; // and, transitively, org.tunnelcodec.core

    exports org.example.tunnels;
}
