/**
 * The layer dissector: walks a frame from its pcap link type through every layer bound in it,
 * returning each layer's offset, length and record, and where and why it stopped.
 *
 * <p>There is no global registry: each module exports its bindings ({@code CoreLayers.bindings()}
 * here), and the caller composes a {@link org.tunnelcodec.core.dissect.Dissector} from the ones
 * it wants. A layer names the keys of its payload ({@link org.tunnelcodec.core.dissect.LayerKey}:
 * EtherType, IP protocol, UDP or TCP port, or a module's own name space). IP fragments are not
 * decoded past the IP header: their payload is part of a datagram that is not reassembled here.
 */
package org.tunnelcodec.core.dissect;
