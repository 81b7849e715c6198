package org.tunnelcodec.core.dissect;

import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * What selects the decoder of the next layer: a name space and a value in it, such as
 * EtherType 0x0800, IP protocol 47 or UDP port 4754. Modules may define their own name
 * spaces; the common ones have factories here.
 *
 * @param space the name space, for example {@code "ethertype"}
 * @param value the value in that space
 */
public record LayerKey(String space, int value) {
    /** The name space of pcap link types. */
    public static final String LINK_TYPE = "linktype";
    /** The name space of EtherTypes, also GRE Protocol Types. */
    public static final String ETHER_TYPE = "ethertype";
    /** The name space of IP protocol numbers. */
    public static final String IP_PROTOCOL = "ip.proto";
    /** The name space of UDP ports. */
    public static final String UDP_PORT = "udp.port";
    /** The name space of TCP ports. */
    public static final String TCP_PORT = "tcp.port";

    /** Checks the components. */
    public LayerKey {
        Objects.requireNonNull(space, "space");
        Check.argument(!space.isEmpty(), "space", "\"\"", "a name");
    }

    /** @return the key of a pcap link type */
    public static LayerKey linkType(int value) {
        return new LayerKey(LINK_TYPE, value);
    }

    /** @return the key of an EtherType or GRE Protocol Type */
    public static LayerKey etherType(int value) {
        return new LayerKey(ETHER_TYPE, value);
    }

    /** @return the key of an IP protocol number */
    public static LayerKey ipProtocol(int value) {
        return new LayerKey(IP_PROTOCOL, value);
    }

    /** @return the key of a UDP port */
    public static LayerKey udpPort(int value) {
        return new LayerKey(UDP_PORT, value);
    }

    /** @return the key of a TCP port */
    public static LayerKey tcpPort(int value) {
        return new LayerKey(TCP_PORT, value);
    }

    /** @return for example {@code "ethertype=0x0800"} or {@code "udp.port=4754"} */
    @Override
    public String toString() {
        return space + "=" + (space.equals(ETHER_TYPE) ? String.format("0x%04X", value) : Integer.toString(value));
    }
}
