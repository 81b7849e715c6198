/**
 * The layer dissector: walks a frame from its pcap link type through every layer bound in it.
 *
 * <p>Two ways to use it, over the same bindings and the same checks:
 * <ul>
 *   <li>{@link org.tunnelcodec.core.dissect.Dissector#dissect Dissector.dissect} returns an
 *       immutable {@link org.tunnelcodec.core.dissect.Dissection}: every layer with its offset,
 *       lengths and decoded record, and where and why the walk stopped. Safe to keep. Summary
 *       lines are made only when {@link org.tunnelcodec.core.dissect.DissectedLayer#summary()}
 *       is called. A frame the capture's snap length cut is decoded as far as the captured
 *       bytes hold whole headers ({@code CAPTURE_CUT}), not reported as malformed.</li>
 *   <li>{@link org.tunnelcodec.core.dissect.FrameWalk}, from
 *       {@link org.tunnelcodec.core.dissect.Dissector#newWalk()}, is the data path's walk: one
 *       per thread, it reports each layer's id, offset, lengths and next key without allocating,
 *       and decodes a record only when asked.</li>
 * </ul>
 *
 * <h2>Keys</h2>
 * A layer names the decoder of its payload by a key: a {@link org.tunnelcodec.core.dissect.KeySpace}
 * (EtherType, IP protocol, UDP or TCP port, GRE Protocol Type, or a module's own space) and a
 * value. On the data path a key is one {@code long} ({@link org.tunnelcodec.core.dissect.LayerKey#pack}),
 * looked up in an open-addressing table the dissector builds once; a space may fall back to
 * another (GRE Protocol Types fall back to EtherTypes). There is no global registry: the caller
 * composes a dissector from the bindings each module exports.
 *
 * <h2>Adding a protocol: the binding interface</h2>
 * A module adds a layer in two places: its own module (a {@link org.tunnelcodec.core.dissect.ProtocolLayer}
 * and a {@code bindings()} list, usually in a class {@code XLayers}) and the one line in
 * tunneldump that composes the dissector ({@code .add(XLayers.bindings())}). Nothing in core
 * changes. A layer is three functions:
 * <ol>
 *   <li>a <b>walk</b> {@code (src, index, limit, out)} that checks the header at absolute
 *       {@code index}, reads nothing at or past {@code limit}, allocates nothing, and reports
 *       {@link org.tunnelcodec.core.dissect.LayerStep#lengths out.lengths(headerLength,
 *       payloadLength)} and {@link org.tunnelcodec.core.dissect.LayerStep#next out.next(space,
 *       value)} for its payload; it throws {@code MalformedPacketException} exactly when the
 *       decoder would, because it calls the decoder's own check code (a {@code scan} or
 *       {@code checkedLength} that the decoder is built on), never a copy of it;</li>
 *   <li>the index-based <b>decoder</b> {@code decode(src, index, limit)} that builds the record;</li>
 *   <li>a one-line <b>summary</b> of a record.</li>
 * </ol>
 * For example, a layer for VXLAN (RFC 7348: 8 octets, I flag, 24-bit VNI, then Ethernet) in a
 * module of its own, whose decoder has a {@code checked} method it is built on:
 * <pre>{@code
 * public final class VxlanLayers {
 *     public static final ProtocolLayer<VxlanHeader> VXLAN = ProtocolLayer.of("vxlan",
 *             VxlanLayers::walk, VxlanDecoder::decode, h -> "vni " + h.vni());
 *
 *     public static List<LayerBinding> bindings() {
 *         return List.of(new LayerBinding(LayerKey.udpPort(4789), VXLAN));
 *     }
 *
 *     private static void walk(ByteBuffer src, int index, int limit, LayerStep out) {
 *         VxlanDecoder.checked(src, index, limit);                 // the decoder's checks
 *         out.lengths(8, limit - index - 8)                        // header, payload
 *            .next(KeySpace.LINK_TYPE, LinkType.ETHERNET.value()); // an Ethernet frame follows
 *     }
 * }
 * }</pre>
 * and tunneldump's composition gains {@code .add(VxlanLayers.bindings())}. A layer whose
 * payload length comes from its own length field passes the field's name
 * ({@code out.lengths(h, p, "Total Length")}), so that a payload it cut short is reported as
 * bounded by it. Layers that need what encloses them (WCCP asks whether GRE came over IPv6; STT
 * reassembly needs the outer IP packet and the capture time) read it from the
 * {@link org.tunnelcodec.core.dissect.LayerStep}; a reassembling layer continues the walk in
 * the reassembled buffer with {@link org.tunnelcodec.core.dissect.LayerStep#continueIn}.
 *
 * <p>IP fragments are not decoded past the IP header: their payload is part of a datagram that
 * is not reassembled here.
 */
package org.tunnelcodec.core.dissect;
