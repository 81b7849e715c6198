package org.tunnelcodec.mip6;

/**
 * A binary traffic selector (RFC 6088 §3): the description of a flow that a Traffic Selector
 * sub-option of a Flow Identification carries ({@link FlowSubOption.TrafficSelector}, TS Format
 * 1 for {@link Ipv4TrafficSelector IPv4}, 2 for {@link Ipv6TrafficSelector IPv6}).
 *
 * <p>A 32-bit word starts the selector: flags in its first bits (A..N for IPv4, A..P for IPv6),
 * Reserved bits in the rest. The flags say which fields follow; the fields come in the order of
 * their flags, one after another, each a start or an end of a range (RFC 6088 §3.1 Figure 1,
 * §3.2 Figure 2). A range is inclusive; a start without its end is the single value; a field
 * whose flag is clear matches any value. An End field without its Start field is refused: "This
 * field MUST NOT be included unless the Start ... field is included" (§3.1, §3.2).
 *
 * <p>The selectors match packets without allocating ({@code matches}); a packet field the
 * packet does not have (no ports, no SPI) is given as {@link #NO_PORT} or {@link #NO_SPI}, and
 * matches no selector that names that field.
 */
public sealed interface BinaryTrafficSelector permits Ipv4TrafficSelector, Ipv6TrafficSelector {
    /** A packet without ports (neither TCP, UDP nor another protocol with ports): {@code -1}. */
    int NO_PORT = -1;

    /** A packet without an IPsec SPI (neither ESP nor AH): {@code -1}. */
    long NO_SPI = -1;

    /**
     * Returns the TS Format of the selector.
     *
     * @return 1 (IPv4 binary) or 2 (IPv6 binary)
     */
    int format();

    /**
     * Returns the first 16 bits of the 32-bit flags word as on the wire: the flags, and for IPv4
     * the first two Reserved bits after flag N. The flag constants of each class are bits of it.
     *
     * @return the first 16 bits of the flags word, 0..65535
     */
    int flags();

    /**
     * Returns the Reserved bits of the flags word, as received (0 when sent; RFC 6088 §3.1, §3.2:
     * "MUST be set to zero by the sender and ignored by the receiver").
     *
     * @return the 18 (IPv4) or 16 (IPv6) Reserved bits after the last flag
     */
    int reserved();

    /**
     * Returns whether a flag is set, that is whether its field is present.
     *
     * @param flag one of the flag constants of the selector's class
     * @return whether {@code flags() & flag} is not 0
     */
    default boolean has(int flag) {
        return (flags() & flag) != 0;
    }

    /**
     * Returns the selector's length on the wire: the 4-octet flags word and the fields present,
     * the TS Format and Reserved octets of the sub-option not included.
     *
     * @return the octets of the selector
     */
    int length();
}
