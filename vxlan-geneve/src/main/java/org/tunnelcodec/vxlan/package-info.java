/**
 * VXLAN (RFC 7348) with the Group Policy extension (draft-smith-vxlan-group-policy), VXLAN-GPE
 * (draft-ietf-nvo3-vxlan-gpe-13) and Geneve (RFC 8926) with its options: records, stateless
 * decoders and encoders, allocation-free views and peeks, a VXLAN receive policy, and the
 * dissector layers for UDP 4789, 4790 and 6081.
 *
 * <h2>VXLAN (RFC 7348 §5, draft-smith-vxlan-group-policy §2)</h2>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |G|R|R|R|I|R|R|R|R|D|R|R|A|R|R|R|        Group Policy ID        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          VXLAN Network Identifier (VNI)       |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * {@link org.tunnelcodec.vxlan.VxlanHeader}: the first 16 bits → {@code flags} (G 0x8000, I
 * 0x0800, D 0x0040, A 0x0008, the reserved bits in place), Group Policy ID → {@code
 * groupPolicyId} (reserved bits in a plain RFC 7348 header, where the 24 bits after the flags
 * octet are reserved), VNI → {@code vni}, Reserved → {@code reservedOctet}. The decoder keeps a
 * header whose I is clear, as tshark does; {@link org.tunnelcodec.vxlan.VxlanPolicy} says whether
 * an RFC 7348 receiver (which needs I) or Linux (which also drops any unprocessed bit) accepts it.
 * The payload is an Ethernet frame without its FCS.
 *
 * <h2>VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe-13 §3)</h2>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|R|Ver|I|P|B|O|           Reserved            | Next Protocol |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          VXLAN Network Identifier (VNI)       |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * {@link org.tunnelcodec.vxlan.VxlanGpeHeader}: the first octet → {@code flags} (Ver always 0;
 * I 0x08, P 0x04, B 0x02, O 0x01, R 0xC0), the 16-bit Reserved → {@code reserved}, Next Protocol
 * → {@code nextProtocol} (a {@link org.tunnelcodec.vxlan.VxlanGpeNextProtocol}), VNI → {@code
 * vni}, the last Reserved → {@code reservedOctet}. A Ver other than 0 is refused
 * ({@code UNSUPPORTED_VERSION}, §3.1).
 *
 * <h2>Geneve (RFC 8926 §3.4, §3.5)</h2>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Virtual Network Identifier (VNI)       |    Reserved   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                    Variable-Length Options                    ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * each option:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Option Class         |      Type     |R|R|R| Length  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                 Variable-Length Option Data                   ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * {@link org.tunnelcodec.vxlan.GeneveHeader}: Ver is always 0 (another is refused, {@code
 * UNSUPPORTED_VERSION}, §3.4), Opt Len is derived from {@code options}, O → {@code
 * controlPacket}, C → {@code criticalOptionsPresent}, Rsvd. → {@code reservedFlags}, Protocol
 * Type → {@code protocolType} (an EtherType), VNI → {@code vni}, Reserved → {@code
 * reservedOctet}, the options → {@code options} in wire order. Each
 * {@link org.tunnelcodec.vxlan.GeneveOption}: Option Class → {@code optionClass}, Type (critical
 * bit 0x80 included) → {@code type}, R → {@code reserved}, Length is derived from {@code data}
 * (Length times 4 octets). Opt Len counts 4-octet words, so the options are at most 252 octets
 * and at most 63 of them fit: that is the cap. An option whose Length runs past Opt Len makes
 * the packet invalid (§3.5) and is refused as {@code TRUNCATED}, bounded by "geneve Opt Len".
 *
 * <h2>Data path</h2>
 * {@link org.tunnelcodec.vxlan.VxlanView} and {@link org.tunnelcodec.vxlan.GeneveView} read a
 * header without allocating, with the decoder's checks; Geneve options are read by position or
 * found by class and type. The decoders' static peeks ({@code VxlanDecoder.vni}, {@code
 * VxlanGpeDecoder.nextProtocol}, {@code GeneveDecoder.protocolType}, ...) read one field.
 *
 * <h2>Dissector layers</h2>
 * {@link org.tunnelcodec.vxlan.VxlanLayers} binds UDP 4789 to VXLAN (then Ethernet), 4790 to
 * VXLAN-GPE (then by Next Protocol: IPv4, IPv6, Ethernet, NSH as EtherType 0x894F, MPLS as
 * 0x8847; Ethernet when P is clear) and 6081 to Geneve (then by Protocol Type as an EtherType).
 *
 * <h2>Not supported</h2>
 * No Geneve option class is interpreted: options are kept as class, type and bytes. The VXLAN
 * extensions other than Group Policy (remote checksum offload, Linux's {@code RCO}) are not
 * named; their bits are kept as reserved flags. VXLAN-GPE versions other than 0 and the shim
 * headers of later GPE work are not decoded. The B bit of VXLAN-GPE is decoded though tshark
 * 4.0 does not name it. No encapsulation engine is here: encoders write headers, the caller
 * writes the outer UDP and IP headers.
 */
package org.tunnelcodec.vxlan;
