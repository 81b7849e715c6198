/**
 * Tunnel metadata on receive: one allocation-free pass that classifies a packet as a tunnel
 * packet and extracts what a receive-side route or rule matches on, and where the inner packet
 * is (the decapsulation): the equivalent of Linux's {@code ip_tunnel_info} and Open vSwitch's
 * {@code tun_key}.
 *
 * <ul>
 *   <li>{@link org.tunnelcodec.core.tunnel.TunnelClassifier}: immutable, thread-safe, composed
 *       from the modules' bindings; {@code classify} returns a
 *       {@link org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict} and fills the caller's
 *       holder; it never throws for bad bytes and allocates nothing for a valid packet.</li>
 *   <li>{@link org.tunnelcodec.core.tunnel.TunnelMetadata}: the mutable, reusable holder.</li>
 *   <li>{@link org.tunnelcodec.core.tunnel.TunnelType}: the open code point of tunnel kinds, each
 *       constant saying what the tunnel id and flags hold.</li>
 *   <li>{@link org.tunnelcodec.core.tunnel.TunnelExtractor} and
 *       {@link org.tunnelcodec.core.tunnel.TunnelBinding}: the extension point.</li>
 *   <li>{@link org.tunnelcodec.core.tunnel.CoreTunnels}: IP in IP (IP protocols 4 and 41); the
 *       modules' {@code GreTunnels}, {@code SttTunnels}, {@code MplsTunnels} and
 *       {@code VxlanTunnels} add theirs.</li>
 * </ul>
 *
 * <h2>Adding a tunnel: the extension point</h2>
 * A module adds its tunnel in one new class of its own, {@code XTunnels}, and nothing in core
 * changes (the {@link org.tunnelcodec.core.tunnel.TunnelType} constant of each planned
 * encapsulation is already here; a tunnel the library does not know takes a value from
 * {@link org.tunnelcodec.core.tunnel.TunnelType#FIRST_PRIVATE} up):
 * <ol>
 *   <li>an extractor {@code (src, index, limit, out)} that calls the module decoder's own
 *       allocation-free check (the one its dissector layer calls), then describes the header:
 *       {@code out.tunnel(type, flags).id(id).inner(index, length, etherType)}, and, when a
 *       further tunnel header may follow, {@code .next(space, value)};</li>
 *   <li>a {@code bindings()} list binding it to the same key its dissector layer is bound to.</li>
 * </ol>
 * For example, VXLAN (RFC 7348 §5: 8 octets, I flag, 24-bit VNI, then an Ethernet frame) in its
 * module, whose decoder has a {@code checked} method (the module's {@code VxlanTunnels} is this,
 * with the VNI only when I is set, and VXLAN-GPE and Geneve beside it):
 * <pre>{@code
 * public final class VxlanTunnels {
 *     public static List<TunnelBinding> bindings() {
 *         return List.of(new TunnelBinding(LayerKey.udpPort(4789), VxlanTunnels::vxlan));
 *     }
 *
 *     private static void vxlan(ByteBuffer src, int index, int limit, TunnelMetadata out) {
 *         VxlanDecoder.checked(src, index, limit);                  // the decoder's checks
 *         int word0 = Wire.i32(src, index), word1 = Wire.i32(src, index + 4);
 *         out.tunnel(TunnelType.VXLAN, word0).id(word1 >>> 8)      // flags, VNI
 *            .inner(index + 8, limit - index - 8, 0x6558);          // an Ethernet frame
 *     }
 * }
 * }</pre>
 * and the caller's composition gains {@code .add(VxlanTunnels.bindings())}. The classifier has
 * already checked the outer IP and UDP headers and recorded the ports; {@code limit} is the end
 * of the UDP payload.
 *
 * <h2>Not supported</h2>
 * Outer IP fragments are not reassembled ({@code FRAGMENT}); tunnel options (Geneve TLVs) are
 * not copied into the metadata (they lie between {@code headerIndex() + 8} and
 * {@code innerIndex()}); checksums (GRE, UDP, STT) are not verified: a receiver that requires
 * them calls the decoders' checksum methods on the ranges the metadata gives.
 */
package org.tunnelcodec.core.tunnel;
