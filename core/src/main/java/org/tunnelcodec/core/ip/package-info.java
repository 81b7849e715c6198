/**
 * IPv4 (RFC 791) and IPv6 (RFC 8200) with a bounded walk over IPv6 extension headers and
 * the option TLVs of Hop-by-Hop and Destination Options headers (RFC 8200 §4.2), IPv6
 * jumbograms (RFC 2675), and the two IPv6 pieces of Mobile IPv6: the Home Address destination
 * option and the Type 2 Routing Header (RFC 6275 §6.3, §6.4).
 *
 * <p>{@code IpScan} is the one check of an IP header: allocation-free, non-throwing, returning
 * a packed {@code long} (layout on the class). {@code Ipv4Decoder} and {@code Ipv6Decoder}
 * throw {@code IpScan.exception} for an invalid scan and build their records from bytes it
 * found good; data-path engines in other modules (the WCCP decapsulator, the STT reassembler)
 * call it for their outer header, so all of them accept and refuse the same packets.
 *
 * <p>Each codec follows the <a href="../package-summary.html#decoder-contract">decoder</a> and
 * <a href="../package-summary.html#encoder-contract">encoder</a> contracts. The bit diagrams
 * are on the records: {@link org.tunnelcodec.core.ip.Ipv4Header},
 * {@link org.tunnelcodec.core.ip.Ipv6Header} and {@link org.tunnelcodec.core.ip.Ipv6ExtensionHeader}.
 *
 * <table>
 *   <caption>IPv4 wire fields and record components</caption>
 *   <tr><th>wire field</th><th>component</th></tr>
 *   <tr><td>Version, IHL, Total Length, Header Checksum</td><td>derived (the checksum: {@code Ipv4Decoder.verifyChecksum}, {@code headerChecksum})</td></tr>
 *   <tr><td>DSCP, ECN</td><td>{@code dscp}, {@code ecn}</td></tr>
 *   <tr><td>Total Length minus IHL*4</td><td>{@code payloadLength}</td></tr>
 *   <tr><td>Identification</td><td>{@code identification}</td></tr>
 *   <tr><td>Flags (reserved, DF, MF)</td><td>{@code reservedFlag}, {@code dontFragment}, {@code moreFragments}</td></tr>
 *   <tr><td>Fragment Offset</td><td>{@code fragmentOffset} (8-byte units)</td></tr>
 *   <tr><td>Time to Live, Protocol</td><td>{@code timeToLive}, {@code protocol}</td></tr>
 *   <tr><td>Source, Destination Address</td><td>{@code source}, {@code destination}</td></tr>
 *   <tr><td>Options and padding</td><td>{@code options} (bytes)</td></tr>
 * </table>
 * <table>
 *   <caption>IPv6 wire fields and record components</caption>
 *   <tr><th>wire field</th><th>component</th></tr>
 *   <tr><td>Version, Payload Length, Hdr Ext Len</td><td>derived</td></tr>
 *   <tr><td>Traffic Class, Flow Label, Hop Limit</td><td>{@code trafficClass}, {@code flowLabel}, {@code hopLimit}</td></tr>
 *   <tr><td>Next Header</td><td>{@code nextHeader}; each extension header's own {@code nextHeader}</td></tr>
 *   <tr><td>Payload Length (or Jumbo Payload Length) minus extension headers</td><td>{@code payloadLength}</td></tr>
 *   <tr><td>Hop-by-Hop / Destination Options</td><td>{@code HopByHopOptions.options}, {@code DestinationOptions.options} (TLV bytes, walked; a Jumbo Payload option stays in them and must agree with {@code payloadLength})</td></tr>
 *   <tr><td>Routing: Routing Type, Segments Left, data</td><td>{@code RoutingHeader.routingType, segmentsLeft, data}</td></tr>
 *   <tr><td>Type 2 Routing (RFC 6275 §6.4): Hdr Ext Len 2, Routing Type 2, Segments Left 1, Reserved, Home Address</td><td>{@code Type2RoutingHeader.reserved, homeAddress} (the rest fixed)</td></tr>
 *   <tr><td>Home Address option (RFC 6275 §6.3): Option Type 201, Option Length 16, Home Address</td><td>kept in {@code DestinationOptions.options}; {@code HomeAddressOption.homeAddress} through {@code DestinationOptions.homeAddressOption()}</td></tr>
 *   <tr><td>Fragment: Reserved, Offset, Res, M, Identification</td><td>{@code FragmentHeader.reserved, fragmentOffset, reservedBits, moreFragments, identification}</td></tr>
 * </table>
 *
 * <p>Decisions: IPv6 Payload Length 0 without a Jumbo Payload option is malformed (RFC 2675
 * §3), except an empty packet whose Next Header is No Next Header (59, RFC 8200 §4.7); Linux
 * BIG TCP captures, whose Payload Length is 0 with no Jumbo option (and IPv4 Total Length 0),
 * are therefore malformed, as tshark marks them. A Jumbo Payload option counts only in a
 * Hop-by-Hop header right after the fixed header; elsewhere it is an unknown option. An IPv6
 * atomic fragment (offset 0, M clear; RFC 6946) is not a fragment. Mobile IPv6's receiver
 * rules are malformed packets: a Home Address option of Option Length other than 16, with a
 * multicast or unspecified address, or a second one in a packet (RFC 6275 §6.3); a Type 2
 * Routing Header of Hdr Ext Len other than 2 or Segments Left other than 1 (RFC 6275 §6.4).
 * The option's 8n+6 alignment is the sender's duty and is not checked. {@code IpScan} and
 * {@code Ipv6Decoder} give the absolute index of both addresses without allocating.
 *
 * <p>Not supported: IPv4 option parsing (options are kept as bytes), IPv4/IPv6 reassembly,
 * IPv4 Total Length 0 (Linux BIG TCP), option semantics beyond their lengths, walking ESP, AH, Mobility, HIP or Shim6 headers
 * (reported as the upper-layer protocol), more than 8 extension headers ({@code LIMIT_EXCEEDED}).
 */
package org.tunnelcodec.core.ip;
