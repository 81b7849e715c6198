/**
 * WCCP: redirection over GRE and the control protocol a web cache speaks with its routers.
 *
 * <h2>Data plane</h2>
 * A router redirects a packet to a cache inside GRE with Protocol Type 0x883E
 * (draft-wilson-wrec-wccp-v2-01 §4.12, draft-mclaggan-wccp-v2rev1-00 §3.12); WCCPv2 puts a
 * 4-octet {@link org.tunnelcodec.gre.wccp.WccpRedirectHeader} between GRE and the original
 * packet, WCCPv1 does not.
 * <ul>
 *   <li>{@link org.tunnelcodec.gre.wccp.WccpRedirectDecoder} / {@link org.tunnelcodec.gre.wccp.WccpRedirectEncoder}:
 *       the redirect header, every flag kept. Flag bit values and the evidence for them (Wireshark
 *       and real Cisco routers read D/T = 0x01, A = 0x02, U = 0x04; tcpdump reads the high bits)
 *       are on {@link org.tunnelcodec.gre.wccp.WccpRedirectHeader}.</li>
 *   <li>{@link org.tunnelcodec.gre.wccp.WccpDecapsulator}: the cache side. Configured with the
 *       routers it accepts ({@link org.tunnelcodec.gre.wccp.WccpRouter}: address and
 *       {@link org.tunnelcodec.gre.wccp.WccpVersion}, or the documented {@code AUTO} guess), it
 *       checks the sender, strips GRE and the redirect header and hands back the original packet
 *       zero-copy, allocating nothing on success, counting every reject reason.</li>
 *   <li>{@link org.tunnelcodec.gre.wccp.WccpReturn}: the GRE return path, written into headroom.</li>
 * </ul>
 *
 * <h2>Control protocol (UDP 2048)</h2>
 * <h2>Sources</h2>
 * <pre>
 * | Tag | Document | Used for |
 * | [V1] | draft-forster-wrec-wccp-v1-00 (Jul 2000), "Format of Protocol Packets" | v1 HERE_I_AM / I_SEE_YOU / ASSIGN_BUCKET |
 * | [W01] | draft-wilson-wrec-wccp-v2-01 (Apr 2001) §5.5 header, §5.6.x components, §5.7.x elements | WCCP 2.00 |
 * | [W03] | draft-wilson-wrec-wccp-v2-03 (Nov 2001) | the assignment-type bit of the Web-Cache Identity Element |
 * | [R1] | draft-mclaggan-wccp-v2rev1-00 (Aug 2012) §3.x behaviour, §4.x messages, §5.x components, §6.x elements | WCCP 2.01 |
 * </pre>
 * <p>Implementations consulted: Squid <code>src/wccp2.cc</code>, Wireshark <code>packet-wccp.c</code> (tshark 4.0.17). Digest: <code>../shared/specs/wccp.md</code> §0, §3-§10.
 * <h2>API in brief</h2>
 * <p><code>WccpMessageDecoder.decode(ByteBuffer)</code> → <code>Decoded&lt;WccpMessage&gt;</code>; <code>WccpMessageEncoder.encodedLength/encode</code>. <code>WccpMessage(WccpMessageType type, int version, List&lt;WccpComponent&gt; components)</code>, factories <code>hereIAm</code>, <code>iSeeYou</code>, <code>redirectAssign</code>, <code>removalQuery</code>; <code>component(Class)</code> returns the first of a kind ([R1] 4.1).
 * <p><code>WccpComponent</code> (sealed): <code>SecurityInfo</code>, <code>ServiceInfo</code>, <code>RouterIdentityInfo</code>, <code>WebCacheIdentityInfo</code>, <code>RouterViewInfo</code>, <code>WebCacheViewInfo</code>, <code>AssignmentInfo</code>, <code>RouterQueryInfo</code>, <code>CapabilitiesInfo</code>, <code>AlternateAssignment</code>, <code>AssignmentMap</code>, <code>CommandExtension</code>, <code>UnknownComponent(int type, ByteString body)</code>.
 * <p>Elements: <code>WccpRouterIdentity</code>, <code>WccpRouterAssignment</code>, <code>WccpAssignmentKey</code>, <code>WccpWebCacheIdentity</code> (+ <code>WccpWebCacheFlags</code>, sealed <code>WccpAssignmentData</code>: <code>Hash</code>, <code>Mask</code>, <code>None</code>, <code>Extended</code>), sealed <code>WccpAssignment</code> (<code>HashBuckets</code>, <code>MaskValueSets</code>, <code>Unknown</code>), <code>WccpMaskValueSet</code> / <code>WccpMaskElement</code> / <code>WccpValueElement</code>, sealed <code>WccpCapability</code>, sealed <code>WccpCommand</code>, <code>WccpServiceFlags</code>, <code>WccpMessageType</code> (open code point), <code>WccpBuckets</code> (bucket-vector and bucket-octet helpers).
 * <p>v1: sealed <code>WccpV1Message</code> (<code>HereIAm</code>, <code>ISeeYou</code> + <code>WebCacheEntry</code>, <code>AssignBucket</code>), <code>WccpV1MessageDecoder</code>, <code>WccpV1MessageEncoder</code>.
 * <p><code>WccpControl.version(ByteBuffer, int)</code>: allocation-free peek, 1 / 2 / 0.
 * <p><code>WccpSecurity.sign / verify / encodeSigned</code>, <code>WccpPassword.of / ofBytes / squid</code>.
 * <h2>Bit numbering (READ FIRST) — the decision</h2>
 * <p>The drafts draw single-bit flags left to right; every implementation treats the <b>left-most drawn flag as the least-significant bit</b>. This package follows the implementations and keeps every raw value, so a different reading can be applied by the caller:
 * <pre>
 * | Field | Values used here | Evidence |
 * | Web-Cache Identity Element Flags (16) | U = 0x0001, assignment type = `(flags &gt;&gt; 1) &amp; 3`, V = 0x0008, 0xFFF0 reserved | [R1] 6.4 numbers them 0-3 with no ruler; Squid sends 0x0002 for mask assignment and interoperates with Cisco; Wireshark masks 0x1/0x6/0x8. [W01]'s drawing (U = 0x8000 if read literally) is **not** followed. |
 * | 256-bit bucket vector | bucket *i* = octet *i*&#47;8, mask `1 &lt;&lt; (i % 8)` | Wireshark (octet 0 = 0x01 → bucket 0; octet 1 = 0x80 → bucket 15) |
 * | Hash bucket octet | index = octet &amp; 0x7F, A (alternate) = 0x80, 0xFF = unassigned | Wireshark ("0 (Alt)" for 0x80) |
 * | Service Flags, capability method masks | the drafts' own hexadecimal constants (0x0001 … 0x0800) | no ambiguity: the drafts give hex |
 * | v1 "U + Reserved" word | kept raw (`WccpV1Message.U_AS_DRAWN` 0x80000000, `U_AS_WIRESHARK` 0x00010000) | [V1] draws U as the top bit; Wireshark tests 0x00010000; no implementation evidence |
 * </pre>
 * <p>Unverified against a Cisco capture.
 * <h2>Wire format</h2>
 * <h3>v2 message header ([W01] 5.5, [R1] 4.6) and component TLV ([R1] 4.1)</h3>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                            Type (32)                          |   WccpMessage.type
 * +-------------------------------+-------------------------------+
 * |         Version (16)          |          Length (16)          |   .version / derived
 * +-------------------------------+-------------------------------+
 * |  components (Length octets) ...                               |   .components
 * +-------------------------------+-------------------------------+
 * | Component Type (16)           | Component Length (16)         |   WccpComponent.type() / .length() (derived)
 * +-------------------------------+-------------------------------+
 * |  component body (Component Length octets) ...                 |
 * </pre>
 * <h3>Components (offsets from the start of the body)</h3>
 * <pre>
 * Security Info (0)        | Security Option (32) | [MD5: Security Implementation, 16 octets] |
 * Service Info (1), 24     | Service Type 8 | Service ID 8 | Priority 8 | Protocol 8 | Service Flags 32 | Port 0..7 (16 each) |
 * Router Identity Info (2) | Router ID 32 | Receive ID 32 | Sent To 32 | Number Received From n 32 | n x address 32 |
 * Web-Cache Identity (3)   | Web-Cache Identity Element |
 * Router View Info (4)     | Member Change Number 32 | Key Address 32 | Key Change Number 32 |
 *                          | Number of Routers n 32 | n x address | Number of Web-Caches m 32 | m x Web-Cache Identity Element |
 * Web-Cache View Info (5)  | Change Number 32 | Number of Routers n 32 | n x (address 32, Receive ID 32) |
 *                          | Number of Web-Caches m 32 | m x address 32 |
 * Assignment Info (6)      | Key Address 32 | Key Change Number 32 | Number of Routers n 32 |
 *                          | n x (address 32, Receive ID 32, Change Number 32) | Hash Buckets Assignment Element |
 * Router Query Info (7),16 | Router ID 32 | Receive ID 32 | Sent To 32 | Target 32 |
 * Capabilities Info (8)    | Capability Element ... |  element: Type 16 | Length 16 | Value (Length octets)
 * Alternate Assignment(13) | Assignment Type 16 | Assignment Length 16 | Key (64) | Number of Routers n 32 |
 *                          | n x Router Assignment Element (96) | body per Assignment Type |
 * Assignment Map (14)      | Mask/Value Set List |
 * Command Extension (15)   | Command Element ... |  element: Type 16 | Length 16 | Data (Length octets)
 * </pre>
 * <h3>Elements</h3>
 * <pre>
 * Web-Cache Identity Element ([R1] 6.4)
 *   | Web-Cache address 32 | Hash Revision 16 | Flags 16 | assignment data per (Flags &gt;&gt; 1) &amp; 3 |
 *   Flags:  15 .. 4 reserved | 3 V | 2-1 type | 0 U
 *   type 0 Hash Assignment Data   : 32-octet bucket vector | Assignment Weight 16 | Status 16
 *   type 1 Mask Assignment Data   : Mask/Value Set List | Assignment Weight 16 | Status 16
 *   type 2 none (2.01)            : nothing
 *   type 3 Extended (2.01)        : Type 16 | Length 16 | data (kept raw)
 * Hash Buckets Assignment Element : Number of Web-Caches m 32 | m x address 32 | 256 bucket octets
 * Mask/Value Set List             : Number of Elements 32 | Mask/Value Set Element ...
 * Mask/Value Set Element          : Mask Element 12 | Number of Value Elements 32 | Value Element (16) ...
 * Mask Element                    : Src Addr Mask 32 | Dst Addr Mask 32 | Src Port Mask 16 | Dst Port Mask 16
 * Value Element                   : Src Addr 32 | Dst Addr 32 | Src Port 16 | Dst Port 16 | Web-Cache address 32
 * </pre>
 * <h3>v1 ([V1])</h3>
 * <pre>
 * HERE_I_AM (7), 52     | Type | Version = 4 | Hash Revision | Hash Information (256 bits) | U + Reserved | Received ID |
 * I_SEE_YOU (8), 20+44n | Type | Version = 4 | Change Number | Received ID | Number of WCs n |
 *                       | n x ( IP | Hash Revision | Hash Information (256 bits) | U + Reserved ) |
 * ASSIGN_BUCKET (9)     | Type | Received ID | Number of Web Caches n | n x IP | 256 bucket octets |   (no Version word)
 * </pre>
 * <h3>Wire fields and record components</h3>
 * <pre>
 * | Wire field | Record component |
 * | Type, Version | `WccpMessage.type` (open `WccpMessageType`, unsigned 32 bits in an `int`), `.version` (0x0200..0x02FF) |
 * | message Length, component Length, every count, Assignment Length, Extended/Capability/Command Length | derived |
 * | Security Option, Security Implementation | `SecurityInfo.option` (long), `.implementation` (ByteString: empty / 16-octet digest / raw for other options) |
 * | Service Type, Service ID, Priority, Protocol, Service Flags, Port 0-7 | `ServiceInfo.serviceType, serviceId, priority, protocol (IpProtocol), flags (WccpServiceFlags), ports (exactly 8)` |
 * | Router ID + Receive ID | `WccpRouterIdentity.address, receiveId` |
 * | + Change Number | `WccpRouterAssignment.changeNumber` |
 * | Key IP Address, Key Change Number | `WccpAssignmentKey.address, changeNumber` |
 * | Web-Cache Identity Element | `WccpWebCacheIdentity.address, hashRevision, flags (WccpWebCacheFlags), assignmentData` |
 * | Bucket Blocks (256-bit vector) | `WccpAssignmentData.Hash.buckets` (32-octet ByteString; `WccpBuckets.isAssigned`) |
 * | 256 bucket octets | `WccpAssignment.HashBuckets.buckets`, `WccpV1Message.AssignBucket.buckets` (256-octet ByteString; `cacheIndex`, `isAlternate`, `isUnassigned`, `webCache`) |
 * | Assignment Type of Alternate Assignment | the variant of `AlternateAssignment.assignment` (`HashBuckets` 0, `MaskValueSets` 1, `Unknown` other) |
 * | Capability Type + Value | `WccpCapability.ForwardingMethod/AssignmentMethod/PacketReturnMethod(int methods)`, `TransmitT(upper, lower)`, `TimerScale(4 octets)`, `Unknown(type, value)` |
 * | Command Type + Data | `WccpCommand.Shutdown/ShutdownResponse(webCache)`, `Unknown(type, data)` |
 * | any other component | `UnknownComponent(type, body)` |
 * | v1 U + Reserved word | `flags` (int, raw) |
 * </pre>
 * <p><b>Address elements.</b> Every 4-octet address element is an <code>Ipv4Address</code>. In a WCCP 2.01 message that carries an Address Table (component 17, kept as <code>UnknownComponent</code>), these values are not IPv4 addresses but <code>0x0000 | index</code> into that table ([R1] 4.7); this package does not resolve them (see "Not supported"). Address-element masks in the Mask Element are raw <code>int</code>s.
 * <h2>Receiver rules and decisions where the drafts are ambiguous</h2>
 * <p>1. <b>Framing.</b> At least 8 octets and <code>8 + Length</code> octets present, else <code>TRUNCATED</code>. Octets after <code>8 + Length</code> are not part of the message ([R1] 4.1): <code>Decoded.headerLength() = 8 + Length</code>, payload empty. 2. <b>Versions.</b> Type 7-9 to the v2 decoder, or a major version other than 2: <code>UNSUPPORTED_VERSION</code> ([R1] 3.4: the receiver ignores it). Any minor version is decoded. Any other Type (including unknown ones) is decoded as a v2 message (Wireshark does the same) and kept losslessly. The records enforce the same domain (<code>version</code> 0x02xx, Type not 7-9). 3. <b>Component Length need not be a multiple of 4.</b> [R1] 4.1 says it is but names no action. Every component built from defined elements is a multiple of 4 anyway; an odd Length can only come from unknown components or odd unknown capability/command elements, and those are accepted and re-encoded identically (the Length is derived from the contents). No padding is ever assumed or added. Reason: rejecting gains nothing in safety (all walks are bounded by the Length), and accepting keeps unknown future content. 4. <b>Fields must use the Length exactly.</b> A known component whose fields do not fit its Length, or that leaves octets after its fields, is <code>BAD_LENGTH</code> (the drafts define no padding inside components, and silently dropping octets would break lossless round-trips). A component header or body past the message Length, or 1-3 leftover octets in the message, is <code>BAD_LENGTH</code> (the digest's §7.4 "stop walking" cannot be lossless). 5. <b>Fixed sizes.</b> Security Info Length 4 with option none and 20 with MD5 ([W01] 5.6.1); other options keep any octets raw. Service Info 24, Router Query Info 16. Defined capability types 1-5 and SHUTDOWN / SHUTDOWN_RESPONSE commands need a 4-octet value (<code>BAD_LENGTH</code> otherwise; Wireshark only flags it). 6. <b>Alternate Assignment's Assignment Length</b> must equal the component Length minus 4 (Squid writes it so; [W01] words the same octets as "type, length, body"); else <code>BAD_LENGTH</code>. Wireshark tolerates a mismatch. 7. <b>Lying counts.</b> A count that promises more elements (of their minimum size) than the rest of the component holds is <code>BAD_LENGTH</code>, checked before any allocation; a count that fits but exceeds its cap is <code>LIMIT_EXCEEDED</code>. 8. <b>Repeated components</b> are all kept in wire order; <code>component(Class)</code> gives the first ([R1] 4.1). Which components a message type requires ([R1] 4.2-4.5) is not enforced: the factories build the drafts' layouts, decoding accepts any mix (Squid is stricter). 9. <b>Unknown values kept:</b> unknown component types (<code>UnknownComponent</code>, also 9-12, 16, 17), capability and command types, Assignment Types ≥ 2 (raw), Extended Assignment Data (raw), reserved flag bits, Hash Revision, non-zero fields of a standard service. To keep one representation per wire form, records refuse an <code>Unknown*</code> with a type that has its own record. 10. <b>Flags agree with data:</b> <code>WccpWebCacheIdentity</code> requires the Flags' assignment type to match the <code>WccpAssignmentData</code> variant; the factories set it. 11. <b>V bit</b> (<code>WccpWebCacheFlags.versionFlag()</code>) is exposed raw: the digest reads [R1] 3.4 as 1 = the header version is the cache's minimum; Wireshark 4.0's label says the opposite. 12. <b>v1</b> has no Length: the header is the fixed layout, the payload whatever follows it. Protocol Version must be 4 (<code>UNSUPPORTED_VERSION</code>); a count promising more entries than the datagram holds is <code>TRUNCATED</code> (the datagram is the only bound); Types 10-13 are <code>UNSUPPORTED_VERSION</code>, other unknown Types <code>BAD_VALUE</code> (an unknown v1 message has no framing to keep it by). 13. <b><code>WccpControl.version</code></b> looks only at the Type (digest §7.1): 7-9 → 1, 10-13 → 2, else (or fewer than 4 octets) → 0.
 * <h2>Caps (documented on WccpMessageDecoder)</h2>
 * <pre>
 * | Structure | Cap | Reason |
 * | components per message | 64 | 14 types exist; generous for repeats/unknowns |
 * | routers per list (Router View, Web-Cache View, Assignment Info, Alternate Assignment) | 32 | a service group has at most 32 routers (Cisco's documented limit) |
 * | web-caches per list (Received From, Router View, Web-Cache View, Hash Buckets) | 32 | a bucket octet indexes caches 0-31 ([W01] 5.7.5 / digest §4.7); [V1] allows 32 |
 * | Mask/Value Set Elements per list | 64 | |
 * | Value Elements per set | 256 | every value of a mask with ≤ 8 set bits; Squid sends 64 (mask 0x1741, 6 bits) |
 * | Capability / Command Elements per component | 64 | |
 * | v1 web-caches | 32 | [V1] |
 * </pre>
 * <p>Beyond a cap: <code>LIMIT_EXCEEDED</code>. All walks are iterative (the nesting depth is fixed by the grammar, never by the input) and bounded by the enclosing 16-bit Length, so a decode does at most ~65 K octets of work and allocates nothing from a count it has not checked against the octets that are left.
 * <h2>MD5 security (WccpSecurity, WccpPassword)</h2>
 * <p><code>digest = MD5(key(8) || message(8 + Length octets, digest field zeroed))</code> ([W01] 5.6.1, [R1] 3.7). <code>sign</code> writes the digest in place (the digest field counts as zero whatever it held; nothing else changes); <code>verify</code> never modifies the caller's buffer (it hashes slices and a block of zeros) and compares with <code>MessageDigest.isEqual</code>.
 * <p><code>verify</code> returns <b>false</b> when the first Security Info's option is not MD5 or there is no Security Info, or the digest does not match; it throws <b><code>MalformedPacketException</code></b> (the decoder's reasons) when the bytes are not a framed v2 message: &lt; 8 octets, v1 Type, major version ≠ 2, Length past the limit, component TLV past the message, Security Info shorter than 4 or MD5 with Length ≠ 20. It never throws anything else for bad bytes.
 * <p><code>sign</code> is for the caller's own encoded message: <code>IllegalArgumentException</code> if it is not a framed v2 message or has no MD5 Security Info, <code>ReadOnlyBufferException</code> if read-only.
 * <p><code>encodeSigned(message, password, dst)</code> = encode + sign.
 * <p>Key rules: <code>WccpPassword.of(String)</code> = the drafts (first 8 octets, zero-padded); <code>WccpPassword.squid(String)</code> = Squid's <code>wccp2_update_md5_security</code> (<code>memset</code> + <code>xstrncpy</code> into 8 octets: at most 7 characters and a NUL). Identical for passwords of ≤ 7 characters; with 8-character passwords (Cisco IOS allows 8) Squid and a draft-following peer disagree. Squid also hashes the whole received datagram instead of <code>8 + Length</code>: equal only without trailing octets. This package hashes <code>8 + Length</code>.
 * <h2>Not supported</h2>
 * <p>Resolving Address Table (17) indexes into IPv6/IPv4 addresses; the Address Table and the Alternate Assignment Map (16) are kept raw as <code>UnknownComponent</code>.
 * <p>Decoding the Alternate Mask/Value Set List ([R1] 6.17-6.19, 7; Assignment Type 2) and the contents of Extended Assignment Data ([R1] 6.10): kept raw.
 * <p>Semantic checks (required components per message type, Receive ID ≠ 0, bucket index &lt; number of caches, standard services having zero Priority/Protocol/Flags/Ports, TIMER_SCALE ≠ 0, v1 Hash Revision = 0): left to the caller; the records hold what was on the wire.
 * <p>Any protocol state (membership, assignment computation, timers), hashing packets to buckets, mask matching.
 * <p>Other security options than none/MD5 (kept raw, <code>verify</code> returns false).
 * <h2>Where tshark 4.0.17 disagrees (found by WccpTsharkGoldenTest)</h2>
 * <p><b>TRANSMIT_T, TIMER_SCALE and unknown capability values</b> are read by <code>packet-wccp.c</code> (<code>dissect_transmit_t_capability</code>, <code>dissect_timer_scale_capability</code>, the default case of <code>dissect_wccp2_capability_element</code>) at the element's first octet instead of after its 4-octet Type/Length header: TRANSMIT_T (20000, 5000) is shown as range 4/4, TIMER_SCALE 4,2,3,1 as single 5/4, an unknown capability's value as its own Type and Length octets. [R1] 6.11 puts the value after the header; tunnelcodec is right.
 * <p><b>Alternate Assignment, hash body:</b> the cache addresses are added with <code>proto_tree_add_uint_format()</code> from a host-order value on an FT_IPv4 field, so the field value (<code>wccp.cache_ip</code>) is byte-swapped (10.2.0.192 for 192.0.2.10) while the item label is right. Display bug in tshark.
 * <p>tshark labels Service Info ports "Source Port" by the *source-port-hash* flag (0x0004), not by Ports Source (0x0020). Cosmetic; the port values agree.
 * <p>Everything else — all 19 frames, 77 compared fields, every occurrence — agrees.
 */
package org.tunnelcodec.gre.wccp;
