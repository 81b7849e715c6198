/**
 * Mobile IPv6 (RFC 6275): the Mobility Header, its messages and its mobility options, as
 * records, a stateless decoder and encoder, the checksum over the IPv6 pseudo-header, an
 * allocation-free check and peeks, and the dissector layer for IPv6 Next Header 135.
 *
 * <h2>Mobility Header (RFC 6275 §6.1.1)</h2>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Payload Proto |  Header Len   |   MH Type     |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 * |                                                               |
 * .                                                               .
 * .                       Message Data                            .
 * .                                                               .
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * each mobility option (RFC 6275 §6.2.1), Pad1 being the one octet 0:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- - - - - - - - -
 * |  Option Type  | Option Length |   Option Data...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+- - - - - - - - -
 * </pre>
 * {@link org.tunnelcodec.mip6.MobilityHeader}: Payload Proto is always 59 (no next header;
 * another is refused, RFC 6275 §9.2), Header Len is derived (the header's length in 8-octet
 * units, not counting the first 8), MH Type is the message's, Reserved → {@code reserved},
 * Checksum → {@code checksum} as on the wire, the Message Data → {@code message} (a
 * {@link org.tunnelcodec.mip6.MobilityMessage}: its fixed part) and {@code options} (the
 * {@link org.tunnelcodec.mip6.MobilityOption}s after it, Pad1 and PadN included, in wire
 * order). Every flag, reserved field and padding octet is kept, so a decoded header encodes to
 * the same octets. Lifetimes and the Refresh Interval are kept in their wire unit of 4 seconds,
 * with a view in seconds.
 *
 * <h2>Flow bindings (RFC 6089) and their traffic selectors (RFC 6088 §3)</h2>
 * A Flow Identification option ({@link org.tunnelcodec.mip6.MobilityOption.FlowIdentification})
 * carries sub-options ({@link org.tunnelcodec.mip6.FlowSubOption}); its Traffic Selector
 * sub-option holds a selector whose TS Format 1 and 2 are the binary selectors of RFC 6088,
 * {@link org.tunnelcodec.mip6.Ipv4TrafficSelector} and
 * {@link org.tunnelcodec.mip6.Ipv6TrafficSelector}: a 16-bit flags word, then each field whose
 * flag is set, in flag order, without gaps.
 * <pre>
 * Traffic Selector sub-option, TS Format 1 (IPv4, RFC 6088 §3.1):
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Sub-opt Type=3|  Sub-Opt Len  | TS Format = 1 |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |A|B|C|D|E|F|G|H|I|J|K|L|M|N|Rsv| fields ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   A, B  start, end source address        4 octets each
 *   C, D  start, end destination address   4
 *   E, F  start, end IPsec SPI             4
 *   G, H  start, end source port           2
 *   I, J  start, end destination port      2
 *   K, L  start, end DS                    1
 *   M, N  start, end protocol              1
 *
 * TS Format 2 (IPv6, RFC 6088 §3.2): the same, with flags A..P and no Reserved bits:
 * |A|B|C|D|E|F|G|H|I|J|K|L|M|N|O|P| fields ...
 *   A, B  start, end source address        16 octets each
 *   C, D  start, end destination address   16
 *   E, F  start, end IPsec SPI             4
 *   G, H  start, end flow label            4 (8 zero bits, then the label)
 *   I, J  start, end source port           2
 *   K, L  start, end destination port      2
 *   M, N  start, end traffic class         1
 *   O, P  start, end next header           1
 * </pre>
 * {@link org.tunnelcodec.mip6.FlowSubOption.TrafficSelector} keeps the selector as octets (any
 * TS Format) and gives the binary ones as records ({@code binary()}); the decoder checks the
 * binary ones on receipt ({@link org.tunnelcodec.mip6.TrafficSelectorDecoder}). The selectors'
 * {@code matches} methods compare a packet's addresses, SPI, ports, DS or Traffic Class, flow
 * label and protocol or next header with the ranges (inclusive; a start alone is one value; an
 * absent field matches anything) without allocating.
 *
 * <h2>Receiving and sending</h2>
 * {@link org.tunnelcodec.mip6.MobilityHeaderDecoder} states the receiver rules it applies:
 * Header Len within the bytes and at least the type's minimum, Payload Proto 59, every option
 * within the header, the RFC 6275 options at their exact length and at most once, the lengths
 * of the RFC 3963, 4283, 4285, 5555, 5648 and 6089 options and of the Flow Identification
 * sub-options, the length and flags of the RFC 6088 binary traffic selectors, nothing but
 * padding after Binding Authorization Data or Mobility Message Authentication. Option alignment is a sender's duty
 * (RFC 6275 §6.2.1) and is not checked: real captures carry misaligned options.
 * {@link org.tunnelcodec.mip6.MobilityHeader#of MobilityHeader.of} places options as a sender
 * must: the padding before each option that its alignment requirement asks for, and the padding
 * to a multiple of 8 octets. The checksum covers the IPv6 pseudo-header (RFC 8200 §8.1, Next
 * Header 135) whose addresses a {@link org.tunnelcodec.mip6.MobilityPseudoHeader} carries, with
 * the substitutions RFC 6275 asks for (the Home Address option's address as the source, the
 * Type 2 Routing Header's home address as the destination), which the core's IPv6 walk finds
 * (a {@code MobilityPseudoHeader} is made from a decoded {@code Ipv6Header} or from the packet's
 * bytes, or summed in place without allocating).
 *
 * <h2>Dissector layer</h2>
 * {@link org.tunnelcodec.mip6.Mip6Layers} binds IP protocol 135 to the Mobility Header; the
 * header ends the walk (its Payload Proto is "no next header").
 *
 * <h2>Not supported</h2>
 * The message types after the Binding Error (8 onwards: fast handovers, Home Agent Switch,
 * Heartbeat, Binding Revocation, ...) are kept as their raw Message Data, options unparsed.
 * Options other than the ones named in {@link org.tunnelcodec.mip6.MobilityOption} (the
 * PMIPv6 options, the fast handover options, ...) are kept as type and raw data, and so are
 * traffic selectors of TS Formats other than 1 and 2, the RFC 4285 authenticator (neither
 * computed nor verified here) and the Flow Identification sub-options of RFC 7109. The
 * Home Address option and the Type 2 Routing Header are IPv6 extension headers: the core's
 * IPv6 walk decodes them and applies their receiver rules (RFC 6275 §6.3, §6.4), and this module
 * reads them from there. No return routability keys are computed here.
 */
package org.tunnelcodec.mip6;
