/**
 * MPLS: label stacks with their special-purpose labels, what follows the bottom of stack, the
 * pseudowire control word, the Associated Channel Header, label operations for a router's data
 * path, and the dissector layers for MPLS over Ethernet, PPP, GRE, UDP and IP.
 *
 * <h2>Label stack (RFC 3032 §2.1, RFC 5462)</h2>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Label                  | TC  |S|      TTL      |  top entry
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              ...                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Label                  | TC  |1|      TTL      |  bottom of stack
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * {@link org.tunnelcodec.mpls.MplsHeader#entries()} holds the entries top first, each a
 * {@link org.tunnelcodec.mpls.LabelStackEntry} (Label → {@code label}, TC → {@code trafficClass},
 * TTL → {@code ttl}); S is derived from the position. {@link org.tunnelcodec.mpls.MplsDecoder}
 * reads entries until S=1 with a depth bound (32 unless the caller passes another, up to 4096),
 * {@link org.tunnelcodec.mpls.MplsView} and the decoder's peeks read the same without allocating,
 * {@link org.tunnelcodec.mpls.MplsPolicy} decides which placements of special-purpose labels a
 * receiver accepts (RFC 3032 §2.1, RFC 4182, RFC 5586 §4, RFC 6790 §4, RFC 7274 §3), and
 * {@link org.tunnelcodec.mpls.MplsBindings} identifies the payload: the caller's label bindings,
 * then Explicit NULL, then GAL, then the first nibble, and says which rule decided.
 *
 * <h2>Pseudowire control word (RFC 4385 §3-4, RFC 4448 §4.6)</h2>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0| Flags |FRG|  Length   |        Sequence Number        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * {@link org.tunnelcodec.mpls.ControlWord}: Flags → {@code flags}, FRG → {@code fragmentation},
 * Length → {@code length}, Sequence Number → {@code sequenceNumber}. An Ethernet pseudowire's
 * control word has Flags, FRG and Length zero.
 *
 * <h2>Associated Channel Header (RFC 4385 §5, RFC 5586 §2)</h2>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 1|Version|   Reserved    |         Channel Type          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * {@link org.tunnelcodec.mpls.AchHeader}: Version → {@code version}, Reserved → {@code reserved},
 * Channel Type → {@code channelType} (an {@link org.tunnelcodec.mpls.AchChannelType}). It
 * follows a GAL (label 13) at the bottom of an LSP's stack, or a pseudowire label in place of
 * the control word.
 *
 * <h2>Carriers</h2>
 * EtherType 0x8847 and 0x8848 (RFC 3032 §5, RFC 5332), GRE Protocol Type 0x8847/0x8848 (RFC
 * 4023 §3), PPP protocols 0x0281/0x0283, UDP destination port 6635 (RFC 7510 §3; 6636 is DTLS
 * and not a bare stack, {@link org.tunnelcodec.mpls.MplsInUdp}), IP protocol 137 (RFC 4023 §2).
 * {@link org.tunnelcodec.mpls.MplsLayers} binds them for the dissector, and
 * {@link org.tunnelcodec.mpls.MplsTunnels} binds all but PPP for core's {@code TunnelClassifier}
 * (the top label as the tunnel id, the payload after the stack as the inner packet).
 *
 * <h2>Pushing</h2>
 * {@link org.tunnelcodec.mpls.MplsPush} pushes a route's labels in front of a packet, with the TTL
 * models of {@link org.tunnelcodec.mpls.MplsTtlModel} and an optional entropy label;
 * {@link org.tunnelcodec.mpls.MplsTemplates} contributes the same stack, written by the same code,
 * to core's route-attached encapsulation templates ({@code org.tunnelcodec.core.encap}), where it
 * can sit behind GRE, UDP or IP headers in one precomputed template.
 *
 * <h2>Not supported</h2>
 * Extended special-purpose labels after the Extension Label (RFC 7274) are kept and exposed but
 * none is named, so nothing after one is identified. Pseudowire types other than Ethernet have
 * no payload decoder: their control word is decoded and their payload left raw. ACH TLVs (RFC
 * 5586 §3) were retired by RFC 7026 and are not parsed.
 */
package org.tunnelcodec.mpls;
