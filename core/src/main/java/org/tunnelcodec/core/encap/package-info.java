/**
 * Route-attached encapsulation templates: a chain of headers compiled once per route into
 * precomputed octets and a small fixup program, pushed onto packets in place and without
 * allocating, and a compact store for millions of them addressed by int handles. This is what
 * Linux's lightweight tunnels attach to routes ("a precomputed header to be prepended to the
 * packet ... updates the precomputed udp header's source port with the flow hash of the inner
 * packet"), what Open vSwitch's userspace datapath keeps per flow ({@code build_header} /
 * {@code push_header} in {@code lib/netdev-native-tnl.c}) and VPP keeps as a rewrite string per
 * adjacency.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link org.tunnelcodec.core.encap.TemplateHeader}: the extension point. Core implements
 *       it for {@link org.tunnelcodec.core.encap.Ipv4TemplateHeader},
 *       {@link org.tunnelcodec.core.encap.Ipv6TemplateHeader},
 *       {@link org.tunnelcodec.core.encap.UdpTemplateHeader} and
 *       {@link org.tunnelcodec.core.encap.EthernetTemplateHeader}; the GRE module
 *       ({@code GreTemplates}) and the MPLS module ({@code MplsTemplates}) for theirs. IP in IP,
 *       to any depth, is an IP header followed by another.</li>
 *   <li>{@link org.tunnelcodec.core.encap.Fixups}: the closed instruction vocabulary a header
 *       declares its per-packet fields in, and the table of instructions.</li>
 *   <li>{@link org.tunnelcodec.core.encap.EncapTemplate}: one compiled chain, immutable, with
 *       {@code push}.</li>
 *   <li>{@link org.tunnelcodec.core.encap.TemplateStore}: many templates in a few large arrays,
 *       with the memory model for concurrent push and update.</li>
 * </ul>
 *
 * <h2>How the chain decides the next-protocol fields</h2>
 * A header says what it is to the header in front of it: {@code ipProtocol()},
 * {@code etherType()}, {@code udpPort()} (-1 for "none"). A header that names its payload
 * declares the field ({@code Fixups.nextIpProtocol}, {@code nextEtherType}, {@code nextUdpPort},
 * or {@code nextProtocol} with its own code space) and the builder fills it: from the next
 * header when there is one (an IPv4 header before a GRE header gets 47; a header that cannot be
 * carried that way is refused when the template is built), or per push from the packet's
 * {@link org.tunnelcodec.core.encap.InnerType} when the header is innermost; the template then
 * accepts the packet types the field has a value for. {@code etherType()} also tells core where
 * a header's TTL and DSCP/ECN are when an outer header copies them (0x0800 IPv4, 0x86DD IPv6,
 * 0x8847 a label stack).
 *
 * <h2>How a module adds a header</h2>
 * <ol>
 *   <li>Write a class (a record, usually private) implementing {@code TemplateHeader}, in the
 *       module, behind a public factory class named after the module ({@code GreTemplates},
 *       {@code MplsTemplates}; the VXLAN module's would be {@code VxlanTemplates}).</li>
 *   <li>{@code length()} and {@code write(dst, index)}: the header's octets, with the module's own
 *       encoder where it has one ({@code GreEncoder.encode} into {@code dst.duplicate().position(index)}).
 *       Fields the template fills may be written as zero.</li>
 *   <li>{@code ipProtocol()}, {@code etherType()}, {@code udpPort()}: the codes that announce the
 *       header (VXLAN: UDP port 4789; GRE: IP protocol 47 and UDP port 4754).</li>
 *   <li>{@code fixups(out, offset)}: declare the header's next-protocol field (or
 *       {@code out.carriesOnly(0x6558)} for a header that carries only Ethernet, as VXLAN does),
 *       and its per-packet fields with the vocabulary ({@code flowHashField}, {@code checksum},
 *       {@code mplsTtl}...), every offset counted from the template's start and within the
 *       header.</li>
 *   <li>Test with a push-then-dissect round trip over the module's dissector layers.</li>
 * </ol>
 * Core needs nothing else: no registration, no change to core. A field that no instruction of
 * the vocabulary can fix needs a new instruction in core; the vocabulary is closed so that push
 * stays a small interpreter with known costs and no callbacks into module code.
 *
 * <h2>Standards</h2>
 * Total Length and Header Checksum of IPv4 by incremental update (RFC 1624 eqn. 3); ECN by the
 * normal and compatibility modes of RFC 6040 §4.1 (Figure 3), through shim and layer-2 headers
 * as RFC 9601 §3 extends it; DSCP by the uniform or pipe model (RFC 2983 §3.1); IP-in-IP Hop
 * Limit, Traffic Class and Flow Label as a tunnel's own or copied (RFC 2473 §6.3-6.5, RFC 2003);
 * the IPv6 Flow Label from the flow hash (RFC 6438 §3); UDP entropy source ports in a configured
 * range, by default 49152..65535 (RFC 7348 §5, RFC 8086 §3.2.1, RFC 7510 §3); the UDP checksum
 * zero over IPv4 (RFC 768) and over IPv6 only in the zero-checksum mode of RFC 6935 §5 and RFC
 * 6936 §5, else computed (RFC 8200 §8.1); MPLS TTLs by the uniform and pipe models (RFC 3443
 * §3) and the entropy label (RFC 6790 §4.2), as {@code MplsPush} applies them.
 *
 * <h2>Where this differs from the first design, and why</h2>
 * <ul>
 *   <li>The precomputed IPv4 checksum is the template's own Header Checksum field, computed for
 *       an empty packet; push adds the packet's length to Total Length and updates the checksum
 *       from it (Open vSwitch's {@code netdev_tnl_push_ip_header} does the same). A per-handle
 *       constant array would have made every handle's program different, defeating program
 *       interning, and cost 4 octets per handle.</li>
 *   <li>The UDP source port and the MPLS entropy label are one instruction, FLOW_HASH_FIELD
 *       (hash mapped onto a range, written into bits of a word), which also gives the IPv6 Flow
 *       Label of RFC 6438. Its mapping is {@link org.tunnelcodec.core.FlowHash#scale}, the one
 *       {@code FlowHash.sourcePort} and {@code MplsPush.entropyLabel} use.</li>
 *   <li>A pipe-model TTL is written once into the octets; MPLS_TTL exists for the uniform model
 *       only. Next-protocol fields are patched once too, except the innermost header's, which
 *       push sets per packet (NEXT_PROTOCOL), so that one template serves IPv4 and IPv6 routes to
 *       the same tunnel.</li>
 *   <li>The store serializes its writers itself instead of making concurrent writers a caller
 *       error: writes are control-plane operations, and one uncontended lock costs them nothing.</li>
 *   <li>Sharing is of whole templates (reference counted) and of programs, not of header
 *       prefixes: the templates of a million tunnels differ in the outer destination and the
 *       tunnel id, at both ends of the octets, so a shared prefix would save little and cost a
 *       second copy and cache miss per push; many routes through one tunnel, the common case
 *       in a full table, share one template entirely.</li>
 *   <li>Handles are not versioned: a removed handle is reused by a later add. The caller's FIB
 *       stops handing a handle out before it removes it.</li>
 * </ul>
 *
 * <h2>Not supported</h2>
 * IPv4 options and IPv6 extension headers in core's template headers (a module header can
 * declare them); a per-packet IPv4 Identification (templates set DF, making datagrams atomic,
 * RFC 6864 §4.1); IPv6 jumbograms; GRE sequence numbers; fragmentation and MTU checks (the
 * caller's); returning pages of a store to the heap after removals.
 */
package org.tunnelcodec.core.encap;
