/**
 * Mobile IPv6 (RFC 6275): the Mobility Header, its messages (every MH Type up to 23) and its
 * mobility options, as records, a stateless decoder and encoder, the checksum over the IPv6
 * pseudo-header, an allocation-free check and peeks, and the dissector layer for IPv6 Next
 * Header 135.
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
 * <h2>Messages after the Binding Error (MH Types 8 to 23)</h2>
 * Each has a record in {@link org.tunnelcodec.mip6.MobilityMessage} with every field as the
 * figure of its RFC draws it, after the Checksum (offset 6), mobility options after it; flag
 * fields are kept whole with their reserved bits. The Header Len must make room for the fixed
 * part (the section is cited when it does not).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * Fast Binding Update (8), RFC 5568 §6.2.2:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |A|H|L|K|       Reserved        |           Lifetime            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Fast Binding Acknowledgment (9), RFC 5568 §6.2.3:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |    Status     |K|  Reserved   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Sequence #           |           Lifetime            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Fast Neighbor Advertisement (10), RFC 4068 §6.3.3 (deprecated by RFC 5568):
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |           Reserved            |
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Experimental Mobility Header (11), RFC 5096 §3: Message Data to the end of the header
 * Home Agent Switch (12), RFC 5142 §4:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |# of Addresses |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .      Home Agent Addresses (16 octets each, # of Addresses)    .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Heartbeat (13), RFC 5847 §3.3:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |         Reserved          |U|R|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Handover Initiate (14), RFC 5568 §6.2.1.1; Handover Acknowledge (15), §6.2.1.2:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |S|U| Reserved  |     Code      |   HI
 * |   Reserved    |     Code      |   HAck
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Binding Revocation Indication and Acknowledgement (16), RFC 5846 §5.1, §5.2:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |  B.R. Type    | R. Trigger or |
 *                                 |   (1 or 2)    |    Status     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Sequence #           |P|V|G|        Reserved         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Localized Routing Initiation (17), RFC 6705 §10.1; Acknowledgment (18), §10.2:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Reserved            |      Lifetime (seconds)       |   LRI
 * |U|  Reserved   |    Status     |      Lifetime (seconds)       |   LRA
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Update Notification (19), RFC 7077 §4.1; Acknowledgement (20), §4.2:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |          Sequence #           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Notification Reason      |A|D|         Reserved          |   UN
 * |  Status Code  |                   Reserved                    |   UNA
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Flow Binding Indication and Acknowledgement (21), RFC 7109 §6.1.1, §6.1.2:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |  Flow Binding Type (1 or 2)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Sequence #           |    Trigger    |A|  Reserved   |   FBI
 * |          Sequence #           |    Status     |   Reserved    |   FBA
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Subscription Query (22), RFC 7161 §4.3.1.2; Subscription Response (23), §4.3.2.2:
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *                                 |  Sequence #   |   Reserved    |   SQ
 *                                 |  Sequence #   |I|  Reserved   |   SR
 *                                 +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Lifetimes are kept as on the wire with a view in seconds: the Localized Routing messages count
 * seconds (0xFFFF infinite); the Fast Binding Update and Acknowledgment count seconds as RFC
 * 5568's text says, although the RFC calls them identical to the Binding Update and
 * Acknowledgement (4-second units, as RFC 4068 and tshark read them). Binding Revocation and
 * Flow Binding messages of a type other than 1 and 2, which no RFC lays out, and MH Types 24 and
 * above stay {@link org.tunnelcodec.mip6.MobilityMessage.Raw}.
 *
 * <h2>Flow bindings (RFC 6089) and their traffic selectors (RFC 6088 §3)</h2>
 * A Flow Identification option ({@link org.tunnelcodec.mip6.MobilityOption.FlowIdentification})
 * carries sub-options ({@link org.tunnelcodec.mip6.FlowSubOption}); its Traffic Selector
 * sub-option holds a selector whose TS Format 1 and 2 are the binary selectors of RFC 6088,
 * {@link org.tunnelcodec.mip6.Ipv4TrafficSelector} and
 * {@link org.tunnelcodec.mip6.Ipv6TrafficSelector}: a 32-bit word of flags and Reserved bits,
 * then each field whose flag is set, in flag order, without gaps (RFC 6088 Figures 1 and 2).
 * <pre>
 * Traffic Selector sub-option, TS Format 1 (IPv4, RFC 6088 §3.1):
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Sub-opt Type=3|  Sub-Opt Len  | TS Format = 1 |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |A|B|C|D|E|F|G|H|I|J|K|L|M|N|          Reserved                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | fields ...
 *   A, B  start, end source address        4 octets each
 *   C, D  start, end destination address   4
 *   E, F  start, end IPsec SPI             4
 *   G, H  start, end source port           2
 *   I, J  start, end destination port      2
 *   K, L  start, end DS                    1
 *   M, N  start, end protocol              1
 *
 * TS Format 2 (IPv6, RFC 6088 §3.2): the same, with flags A..P and 16 Reserved bits:
 * |A|B|C|D|E|F|G|H|I|J|K|L|M|N|O|P|          Reserved             |
 * | fields ...
 *   A, B  start, end source address        16 octets each
 *   C, D  start, end destination address   16
 *   E, F  start, end IPsec SPI             4
 *   G, H  start, end flow label            4 (8 zero bits, then the label)
 *   I, J  start, end source port           2
 *   K, L  start, end destination port      2
 *   M, N  start, end traffic class         1
 *   O, P  start, end next header           1
 *
 * Alignment of the sub-option (RFC 6088 §3.1, §3.2): IPv4 4n if A..F is set, 2n if G..J, n if
 * K..N; IPv6 8n if A..D, 4n if E..H, 2n if I..L, n if M..P.
 * </pre>
 * {@link org.tunnelcodec.mip6.FlowSubOption.TrafficSelector} keeps the selector as octets (any
 * TS Format) and gives the binary ones as records ({@code binary()}); the decoder checks the
 * binary ones on receipt ({@link org.tunnelcodec.mip6.TrafficSelectorDecoder}). The selectors'
 * {@code matches} methods compare a packet's addresses, SPI, ports, DS or Traffic Class (its six
 * high bits), flow label (the low 24 bits of the field) and protocol or next header with the
 * ranges (inclusive; a start alone is one value; an absent field matches anything) without
 * allocating.
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
 * header ends the walk (its Payload Proto is "no next header"). It binds UDP port 4191 to
 * DSMIPv6's UDP encapsulation, a layer of no octets that hands the inner packet to IPv4 or IPv6
 * by its version field.
 *
 * <h2>Tunnels</h2>
 * {@link org.tunnelcodec.mip6.Mip6Tunnel} (RFC 2473) puts an outer IPv6 header in front of an
 * IPv6 or IPv4 packet, with a Destination Options header holding the Tunnel Encapsulation Limit
 * when there is one (RFC 2473 §5.1, §4.1.1):
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | outer IPv6 header (40 octets), Next Header 41 or 4, or 60:    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  | Hdr Ext Len 0 | Type 4 (TEL)  |   Length 1    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Limit value  | PadN type 1   | PadN length 1 |       0       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | inner IPv6 or IPv4 packet ...                                 |
 * </pre>
 * {@link org.tunnelcodec.mip6.Ipv4CareOfTunnel} (DSMIPv6, RFC 5555 §4.1, §4.2) reaches an IPv4
 * care-of address: an outer IPv4 header (Protocol 41 or 4; DF set, Identification 0) or, through
 * a NAT or when forced, IPv4 and UDP with the inner packet right after the UDP header (its
 * version field tells IPv4 from IPv6):
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | outer IPv4 header (20 octets), Protocol 17                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Source Port (4191 at the HA) |  Destination Port (4191 / NAT)|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |          Checksum (0)         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  inner IPv6 or IPv4 packet ...                        |
 * </pre>
 * {@link org.tunnelcodec.mip6.BindingTable} keeps the bindings of one home address (several
 * care-of addresses, flow bindings, a mobile router's prefixes, RFC 5648, 6089, 3963) and gives
 * the per-packet path an immutable snapshot that picks the care-of address and its tunnel.
 *
 * <h2>Not supported</h2>
 * MH Types 24 and above, and the Binding Revocation and Flow Binding types no RFC lays out,
 * are kept as their raw Message Data, options unparsed. A Fast Neighbor Advertisement whose
 * Payload Proto is 41 (RFC 4068 §6.3.3 allows it, to carry a Fast Binding Update after it) is
 * refused like any Payload Proto but 59. Options other than the ones named in {@link org.tunnelcodec.mip6.MobilityOption} (the
 * PMIPv6 options, the fast handover options, ...) are kept as type and raw data, and so are
 * traffic selectors of TS Formats other than 1 and 2, the RFC 4285 authenticator (neither
 * computed nor verified here) and the Flow Identification sub-options of RFC 7109. The
 * Home Address option and the Type 2 Routing Header are IPv6 extension headers: the core's
 * IPv6 walk decodes them and applies their receiver rules (RFC 6275 §6.3, §6.4), and this module
 * reads them from there. No return routability keys are computed here.
 */
package org.tunnelcodec.mip6;
