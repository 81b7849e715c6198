/**
 * The WCCP control protocol: the messages a web cache and its routers exchange on UDP 2048,
 * version 2 (WCCP 2.00 and 2.01) and version 1.
 *
 * <h2>Sources</h2>
 * The classes cite these documents by tag:
 * <table>
 *   <caption>Documents</caption>
 *   <tr><th>Tag</th><th>Document</th><th>Used for</th></tr>
 *   <tr><td>[V1]</td><td>draft-forster-wrec-wccp-v1-00 (July 2000), "Format of Protocol Packets"</td>
 *       <td>v1 HERE_I_AM, I_SEE_YOU, ASSIGN_BUCKET</td></tr>
 *   <tr><td>[W01]</td><td>draft-wilson-wrec-wccp-v2-01 (April 2001): §5.5 header, §5.6 components,
 *       §5.7 elements</td><td>WCCP 2.00</td></tr>
 *   <tr><td>[W03]</td><td>draft-wilson-wrec-wccp-v2-03 (November 2001)</td>
 *       <td>the assignment-type bits of the Web-Cache Identity Element</td></tr>
 *   <tr><td>[R1]</td><td>draft-mclaggan-wccp-v2rev1-00 (August 2012): §3 behaviour, §4 messages,
 *       §5 components, §6 elements</td><td>WCCP 2.01</td></tr>
 * </table>
 * Implementations consulted: Squid ({@code src/wccp2.cc}) and Wireshark
 * ({@code packet-wccp.c}, tshark 4.0.17).
 *
 * <h2>API in brief</h2>
 * <ul>
 *   <li>Version 2: {@link org.tunnelcodec.gre.wccp.control.WccpMessageDecoder} decodes a
 *       {@link org.tunnelcodec.gre.wccp.control.WccpMessage} (Type, Version, components in wire
 *       order), {@link org.tunnelcodec.gre.wccp.control.WccpMessageEncoder} writes one. The
 *       factories {@code hereIAm}, {@code iSeeYou}, {@code redirectAssign} and
 *       {@code removalQuery} build the drafts' layouts; {@code component(Class)} returns the
 *       first component of a kind ([R1] 4.1).</li>
 *   <li>Components: the sealed {@link org.tunnelcodec.gre.wccp.control.WccpComponent}, one
 *       record per type of {@link org.tunnelcodec.gre.wccp.control.WccpComponentType} that has
 *       one, and {@code UnknownComponent} for every other type.</li>
 *   <li>Elements: {@code WccpRouterIdentity}, {@code WccpRouterAssignment},
 *       {@code WccpAssignmentKey}, {@code WccpWebCacheIdentity} with {@code WccpWebCacheFlags}
 *       and the sealed {@code WccpAssignmentData}, the sealed {@code WccpAssignment},
 *       {@code WccpMaskValueSet}, {@code WccpMaskElement}, {@code WccpValueElement}, the sealed
 *       {@code WccpCapability} and {@code WccpCommand}, {@code WccpServiceFlags}, the open code
 *       point {@code WccpMessageType}, and {@code WccpBuckets} for bucket vectors and octets.</li>
 *   <li>Version 1: the sealed {@link org.tunnelcodec.gre.wccp.control.WccpV1Message},
 *       {@link org.tunnelcodec.gre.wccp.control.WccpV1MessageDecoder},
 *       {@link org.tunnelcodec.gre.wccp.control.WccpV1MessageEncoder}.</li>
 *   <li>{@link org.tunnelcodec.gre.wccp.control.WccpControl#version}: an allocation-free peek
 *       that tells v1 (1) from v2 (2) from anything else (0).</li>
 *   <li>MD5 security: {@link org.tunnelcodec.gre.wccp.control.WccpSecurity} ({@code sign},
 *       {@code verify}, {@code encodeSigned}) and
 *       {@link org.tunnelcodec.gre.wccp.control.WccpPassword}.</li>
 * </ul>
 * The bit diagram of each message, component and element is on its record.
 *
 * <h2>Bit numbering</h2>
 * The drafts draw single-bit flags left to right; every implementation treats the left-most
 * drawn flag as the least significant bit. This package follows the implementations and keeps
 * every raw value, so that a caller can apply another reading.
 * <table>
 *   <caption>Flag and bucket bit values</caption>
 *   <tr><th>Field</th><th>Values used here</th><th>Evidence</th></tr>
 *   <tr><td>Web-Cache Identity Element Flags (16 bits)</td>
 *       <td>U = 0x0001, assignment type = {@code (flags >> 1) & 3}, V = 0x0008, 0xFFF0 reserved</td>
 *       <td>[R1] 6.4 numbers them 0-3 without a ruler; Squid sends 0x0002 for mask assignment and
 *       interoperates with Cisco routers; Wireshark masks 0x1, 0x6 and 0x8. [W01]'s drawing (U =
 *       0x8000 read literally) is not followed.</td></tr>
 *   <tr><td>256-bit bucket vector</td><td>bucket <i>i</i> is octet <i>i</i>/8, mask
 *       {@code 1 << (i % 8)}</td><td>Wireshark: octet 0 = 0x01 is bucket 0, octet 1 = 0x80 is
 *       bucket 15</td></tr>
 *   <tr><td>Hash bucket octet</td><td>cache index = octet &amp; 0x7F, A (alternate) = 0x80, 0xFF
 *       unassigned</td><td>Wireshark ("0 (Alt)" for 0x80)</td></tr>
 *   <tr><td>Service Flags, capability method masks</td><td>the drafts' own hexadecimal
 *       constants (0x0001 to 0x0800)</td><td>none needed: the drafts give hexadecimal</td></tr>
 *   <tr><td>v1 "U + Reserved" word</td><td>kept raw ({@code WccpV1Message.U_AS_DRAWN}
 *       0x80000000, {@code U_AS_WIRESHARK} 0x00010000)</td><td>[V1] draws U as the top bit,
 *       Wireshark tests 0x00010000; no implementation settles it</td></tr>
 * </table>
 * None of these has been checked against a capture from a Cisco router.
 *
 * <h2>Record components</h2>
 * Lengths and counts on the wire (the message Length, every component Length, every count,
 * Assignment Length, the Extended, Capability and Command Lengths) are derived, never record
 * components. Every 4-octet address element is an {@code Ipv4Address}; in a WCCP 2.01 message
 * that carries an Address Table (component 17, kept as {@code UnknownComponent}), these values
 * are not addresses but {@code 0x0000 | index} into that table ([R1] 4.7), which this package
 * does not resolve. The masks of a Mask Element are raw {@code int}s.
 *
 * <h2>Receiver rules, and decisions where the drafts are ambiguous</h2>
 * <ol>
 *   <li><b>Framing.</b> At least 8 octets and {@code 8 + Length} octets present, else
 *       {@code TRUNCATED}. Octets after {@code 8 + Length} are not part of the message
 *       ([R1] 4.1): {@code Decoded.headerLength()} is {@code 8 + Length}, the payload
 *       empty.</li>
 *   <li><b>Versions.</b> Type 7-9 given to the v2 decoder, or a major version other than 2:
 *       {@code UNSUPPORTED_VERSION} ([R1] 3.4: the receiver ignores it). Any minor version is
 *       decoded. Any other Type, unknown ones included, is decoded as a v2 message (as Wireshark
 *       does) and kept losslessly. The records enforce the same domain.</li>
 *   <li><b>A component Length need not be a multiple of 4.</b> [R1] 4.1 says it is, but names no
 *       action. Every component built from defined elements is a multiple of 4; an odd Length
 *       can only come from unknown components or odd unknown capability or command elements,
 *       which are accepted and re-encoded identically. No padding is assumed or added.</li>
 *   <li><b>Fields use the Length exactly.</b> A known component whose fields do not fit its
 *       Length is {@code TRUNCATED}, bounded by the component Length
 *       ({@code boundedBy()} "wccp-control Component Length"); one that leaves octets after
 *       its fields is {@code BAD_LENGTH}: the drafts define no padding inside components, and
 *       dropping octets would break lossless round trips. A component header or body past the
 *       message Length, 1-3 octets left over in the message included, is {@code TRUNCATED},
 *       bounded by the message Length ("wccp-control Length"): stopping the walk there cannot
 *       be lossless.</li>
 *   <li><b>Fixed sizes.</b> Security Info has Length 4 with option none and 20 with MD5
 *       ([W01] 5.6.1); other options keep any octets raw. Service Info 24, Router Query Info
 *       16. The defined capability types 1-5 and the SHUTDOWN and SHUTDOWN_RESPONSE commands
 *       need a 4-octet value ({@code BAD_LENGTH} otherwise; Wireshark only flags it).</li>
 *   <li><b>Alternate Assignment.</b> Its Assignment Length must equal the component Length
 *       minus 4 (Squid writes it so; [W01] words the same octets as "type, length, body"),
 *       else {@code BAD_LENGTH}. Wireshark tolerates a mismatch.</li>
 *   <li><b>Lying counts.</b> A count that promises more elements (of their minimum size) than
 *       the rest of the component holds is {@code BAD_LENGTH}, checked before anything is
 *       allocated; a count that fits but exceeds its cap is {@code LIMIT_EXCEEDED}.</li>
 *   <li><b>Repeated components</b> are all kept in wire order; {@code component(Class)} gives
 *       the first ([R1] 4.1). Which components a message type requires ([R1] 4.2-4.5) is not
 *       enforced: the factories build the drafts' layouts, decoding accepts any mix (Squid is
 *       stricter).</li>
 *   <li><b>Unknown values are kept:</b> unknown component types (also 9-12, 16 and 17),
 *       capability and command types, Assignment Types 2 and above, Extended Assignment Data,
 *       reserved flag bits, Hash Revision, non-zero fields of a standard service. To keep one
 *       representation per wire form, a record {@code Unknown*} refuses a type that has its own
 *       record.</li>
 *   <li><b>Flags agree with data:</b> {@code WccpWebCacheIdentity} requires the Flags'
 *       assignment type to match the {@code WccpAssignmentData} variant; the factories set
 *       it.</li>
 *   <li><b>The V bit</b> ({@code WccpWebCacheFlags.versionFlag()}) is exposed raw: read
 *       literally, [R1] 3.4 makes 1 mean that the header's version is the cache's minimum;
 *       Wireshark 4.0's label says the opposite.</li>
 *   <li><b>Version 1</b> has no Length: the header is the fixed layout, the payload whatever
 *       follows. Protocol Version must be 4 ({@code UNSUPPORTED_VERSION}); a count that
 *       promises more entries than the datagram holds is {@code TRUNCATED} (the datagram is the
 *       only bound); Types 10-13 are {@code UNSUPPORTED_VERSION}, other unknown Types
 *       {@code BAD_VALUE} (an unknown v1 message has no framing to keep it by).</li>
 *   <li><b>{@code WccpControl.version}</b> looks at the Type only: 7-9 is version 1, 10-13
 *       version 2, anything else (or fewer than 4 octets) 0.</li>
 * </ol>
 *
 * <h2>Caps</h2>
 * Documented on {@link org.tunnelcodec.gre.wccp.control.WccpMessageDecoder}; beyond a cap the
 * decoder throws {@code LIMIT_EXCEEDED}.
 * <table>
 *   <caption>Caps</caption>
 *   <tr><th>Structure</th><th>Cap</th><th>Reason</th></tr>
 *   <tr><td>components per message</td><td>64</td><td>14 types have a name; room for repeated
 *       and unknown ones</td></tr>
 *   <tr><td>routers per list</td><td>32</td><td>a service group has at most 32 routers (Cisco's
 *       documented limit)</td></tr>
 *   <tr><td>web-caches per list</td><td>32</td><td>a bucket octet indexes caches 0-31 ([W01]
 *       5.7.5); [V1] allows 32</td></tr>
 *   <tr><td>Mask/Value Set Elements per list</td><td>64</td><td></td></tr>
 *   <tr><td>Value Elements per set</td><td>256</td><td>every value of a mask with at most 8 set
 *       bits; Squid sends 64 (mask 0x1741, 6 bits)</td></tr>
 *   <tr><td>Capability or Command Elements per component</td><td>64</td><td></td></tr>
 *   <tr><td>v1 web-caches</td><td>32</td><td>[V1]</td></tr>
 * </table>
 * Every walk is iterative (the grammar fixes the nesting depth, never the input) and bounded by
 * the enclosing 16-bit Length, so a decode does at most about 65 K octets of work and allocates
 * nothing from a count it has not checked against the octets that are left.
 *
 * <h2>MD5 security</h2>
 * <ul>
 *   <li>{@code digest = MD5(key (8 octets) || message (8 + Length octets, digest field zeroed))}
 *       ([W01] 5.6.1, [R1] 3.7).</li>
 *   <li>{@code sign} writes the digest in place: the digest field counts as zero whatever it
 *       held, nothing else changes. It is for the caller's own encoded message:
 *       {@code IllegalArgumentException} if that is not a framed v2 message or has no MD5
 *       Security Info, {@code ReadOnlyBufferException} if the buffer is read-only.</li>
 *   <li>{@code verify} never modifies the caller's buffer (it hashes slices and a block of
 *       zeros) and compares with {@code MessageDigest.isEqual}. It returns {@code false} when
 *       there is no Security Info, its option is not MD5, or the digest does not match; it throws
 *       {@code MalformedPacketException}, with the decoder's reasons, when the bytes are not a
 *       framed v2 message, and nothing else for bad bytes.</li>
 *   <li>{@code encodeSigned(message, password, dst)} is encode, then sign.</li>
 *   <li>Keys: {@code WccpPassword.of(String)} follows the drafts (the first 8 octets,
 *       zero-padded); {@code WccpPassword.squid(String)} follows Squid's
 *       {@code wccp2_update_md5_security} (at most 7 characters and a NUL). They agree for
 *       passwords of up to 7 characters; with 8 characters (Cisco IOS allows 8) Squid and a
 *       peer that follows the drafts disagree. Squid also hashes the whole datagram rather than
 *       {@code 8 + Length} octets, which agree only without trailing octets; this package hashes
 *       {@code 8 + Length}.</li>
 * </ul>
 *
 * <h2>Not supported</h2>
 * <ul>
 *   <li>Resolving Address Table (17) indexes into addresses; the Address Table and the
 *       Alternate Assignment Map (16) are kept raw as {@code UnknownComponent}.</li>
 *   <li>Decoding the Alternate Mask/Value Set List ([R1] 6.17-6.19 and 7; Assignment Type 2)
 *       and the contents of Extended Assignment Data ([R1] 6.10): kept raw.</li>
 *   <li>Semantic checks (the components a message type requires, Receive ID not 0, bucket
 *       index below the number of caches, zero Priority, Protocol, Flags and Ports in a standard
 *       service, TIMER_SCALE not 0, v1 Hash Revision 0): left to the caller; the records hold
 *       what was on the wire.</li>
 *   <li>Protocol state (membership, assignment computation, timers), hashing packets to
 *       buckets, mask matching.</li>
 *   <li>Security options other than none and MD5: kept raw; {@code verify} returns
 *       {@code false}.</li>
 * </ul>
 *
 * <h2>Where tshark 4.0.17 disagrees</h2>
 * Found by {@code WccpTsharkGoldenTest}, which compares 77 fields of 19 frames with tshark's
 * decode; everything else agrees.
 * <ul>
 *   <li>TRANSMIT_T, TIMER_SCALE and unknown capability values are read by
 *       {@code packet-wccp.c} ({@code dissect_transmit_t_capability},
 *       {@code dissect_timer_scale_capability}, the default case of
 *       {@code dissect_wccp2_capability_element}) at the element's first octet instead of
 *       after its 4-octet Type and Length: TRANSMIT_T (20000, 5000) shows as range 4/4,
 *       TIMER_SCALE 4, 2, 3, 1 as single 5/4, an unknown capability's value as its own Type and
 *       Length. [R1] 6.11 puts the value after the header, as this package does.</li>
 *   <li>Alternate Assignment with a hash body: the cache addresses are added with
 *       {@code proto_tree_add_uint_format()} from a host-order value on an FT_IPv4 field, so the
 *       field value ({@code wccp.cache_ip}) is byte-swapped (10.2.0.192 for 192.0.2.10) while
 *       the label is right. A display bug in tshark.</li>
 *   <li>tshark labels the Service Info ports "Source Port" by the source-port-hash flag
 *       (0x0004), not by Ports Source (0x0020). Cosmetic: the port values agree.</li>
 * </ul>
 */
package org.tunnelcodec.gre.wccp.control;
