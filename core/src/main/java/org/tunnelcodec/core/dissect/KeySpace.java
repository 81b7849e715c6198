package org.tunnelcodec.core.dissect;

import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * A name space of next-layer keys, such as EtherTypes or UDP ports. A key is a space and a
 * value in it; on the data path it travels as one {@code long} ({@link LayerKey#pack}), so the
 * walk dispatches without allocating.
 *
 * <p>A space may fall back to another: when no layer is bound to a value in this space, the
 * dissector looks the same value up in the fallback space. GRE Protocol Types are EtherTypes
 * (RFC 2784 §2.4), but WCCP's 0x883E only means something after GRE: binding WCCP in
 * {@link #GRE_PROTOCOL}, which falls back to {@link #ETHER_TYPE}, keeps an Ethernet frame of
 * type 0x883E from being read as a WCCP redirect header while GRE still reaches every
 * EtherType binding.
 *
 * <p>Ids 1..63 are the core's; a module defines its own spaces with ids from 64 to 1023 and
 * names them after itself. A {@link Dissector} refuses two different spaces with one id.
 *
 * @param id       the space's number, 1..1023
 * @param name     the space's name, for example {@code "ethertype"}
 * @param fallback the space to try when a value has no binding here, or {@code null}
 */
public record KeySpace(int id, String name, KeySpace fallback) {
    /** The largest space id. */
    public static final int MAX_ID = 1023;

    /** pcap link types: the first layer of a captured frame. */
    public static final KeySpace LINK_TYPE = new KeySpace(1, "linktype", null);
    /** EtherTypes. */
    public static final KeySpace ETHER_TYPE = new KeySpace(2, "ethertype", null);
    /** IP protocol numbers (IPv4 Protocol, IPv6 upper-layer Next Header). */
    public static final KeySpace IP_PROTOCOL = new KeySpace(3, "ip.proto", null);
    /** UDP ports. */
    public static final KeySpace UDP_PORT = new KeySpace(4, "udp.port", null);
    /** TCP ports. */
    public static final KeySpace TCP_PORT = new KeySpace(5, "tcp.port", null);
    /** GRE Protocol Types; values not bound here are looked up as EtherTypes. */
    public static final KeySpace GRE_PROTOCOL = new KeySpace(6, "gre.proto", ETHER_TYPE);

    /**
     * Checks the components.
     *
     * @param id the space's number, 1..1023
     * @param name the space's name, for example {@code "ethertype"}
     * @param fallback the space to try when a value has no binding here, or {@code null}
     */
    public KeySpace {
        Check.inRange("id", id, 1, MAX_ID);
        Objects.requireNonNull(name, "name");
        Check.argument(!name.isEmpty(), "name", "\"\"", "a name");
        Check.argument(fallback == null || fallback.id != id, "fallback", name, "another space");
    }

    /**
     * A module's own space without a fallback.
     *
     * @param id   64..1023
     * @param name the space's name
     * @return the space
     */
    public static KeySpace of(int id, String name) {
        Check.inRange("id", id, 64, MAX_ID);
        return new KeySpace(id, name, null);
    }

    @Override
    public String toString() {
        return name;
    }
}
