/**
 * GRE of every variant, and PPP as PPTP carries it.
 *
 * <ul>
 *   <li>RFC 2784: C, Checksum, Reserved1, Ver, Protocol Type. RFC 2890: Key and Sequence
 *       Number. RFC 1701: R, s, Recursion Control, Offset and the Source Route Entry list.
 *       RFC 2637 §4.1: PPTP's enhanced GRE (version 1: Payload Length and Call ID, A and the
 *       Acknowledgment Number). RFC 7676 (IPv6 delivery and payload) and RFC 8086 (GRE-in-UDP,
 *       port 4754) need nothing beyond the layers in {@link org.tunnelcodec.gre.GreLayers}.</li>
 *   <li>One record, {@link org.tunnelcodec.gre.GreHeader}, keeps every bit (its javadoc has the
 *       bit diagram); {@link org.tunnelcodec.gre.GreDecoder} and
 *       {@link org.tunnelcodec.gre.GreEncoder} follow the decoder and encoder contracts of
 *       {@code org.tunnelcodec.core}; the static peeks {@code version}, {@code protocolType},
 *       {@code headerLength}, {@code key} and {@code sequenceNumber} allocate nothing. A peek
 *       whose field is past the limit throws the {@code TRUNCATED} error {@code decode} throws
 *       for the same bytes; an optional field that is not on the wire (K or S clear) is
 *       reported as {@code GreHeader.ABSENT}, the value the record holds for it.</li>
 *   <li>{@link org.tunnelcodec.gre.GreView} is a reusable view for a per-packet data path: its
 *       {@code wrap} makes every check {@code decode} makes and reads the fixed fields without
 *       allocating.</li>
 *   <li>{@link org.tunnelcodec.gre.GreTunnels} contributes GRE, GRE-in-UDP, PPTP and WCCP to
 *       core's {@code TunnelClassifier}: the Key or Call ID, the flag word and the payload's
 *       range on receive, through {@code GreDecoder}'s own checks.</li>
 *   <li>{@link org.tunnelcodec.gre.GrePolicy} is the strictness policy: what an RFC 2784/2890
 *       receiver must discard, what Linux additionally drops, what an RFC 1701 receiver accepts,
 *       and the RFC 2637 rules for version 1.</li>
 *   <li>The checksum (RFC 2784 §2.5, over header and payload) is computed by
 *       {@code GreEncoder.fillChecksum} and verified on request by {@code GreDecoder.verifyChecksum}.</li>
 *   <li>{@link org.tunnelcodec.gre.PppHeader} / {@link org.tunnelcodec.gre.PppDecoder} / {@link org.tunnelcodec.gre.PppEncoder}: PPP with or
 *       without Address and Control, with a one- or two-octet Protocol (RFC 1661, RFC 1662).</li>
 * </ul>
 *
 * <table>
 *   <caption>Wire fields and record components</caption>
 *   <tr><th>wire field</th><th>{@code GreHeader} component</th></tr>
 *   <tr><td>C, R, s, Recur</td><td>{@code checksumPresent}, {@code routingPresent}, {@code strictSourceRoute}, {@code recursionControl}</td></tr>
 *   <tr><td>K, S, A</td><td>derived from {@code key}, {@code sequenceNumber}, {@code acknowledgmentNumber}: set unless the component is {@code GreHeader.ABSENT}</td></tr>
 *   <tr><td>bits 8-12 (reserved; bit 8 is A in version 1)</td><td>{@code reservedFlags}</td></tr>
 *   <tr><td>Ver, Protocol Type</td><td>{@code version}, {@code protocolType}</td></tr>
 *   <tr><td>Checksum, Reserved1 / Offset</td><td>{@code checksum}, {@code offset}</td></tr>
 *   <tr><td>Key (version 1: Payload Length, Call ID)</td><td>{@code key} ({@code payloadLength()}, {@code callId()})</td></tr>
 *   <tr><td>Sequence Number, Acknowledgment Number</td><td>{@code sequenceNumber}, {@code acknowledgmentNumber}</td></tr>
 *   <tr><td>SREs (Address Family, SRE Offset, SRE Length, Routing Information)</td><td>{@code routing}: {@link org.tunnelcodec.gre.SourceRouteEntry}; the NULL SRE is implied</td></tr>
 * </table>
 *
 * <p>{@link org.tunnelcodec.gre.GreTemplates} contributes GRE (Key, per-push Checksum) to core's
 * route-attached encapsulation templates ({@code org.tunnelcodec.core.encap}): the chain names its
 * Protocol Type.
 *
 * <p>Not supported: versions 2-7 ({@code UNSUPPORTED_VERSION}); a NULL SRE whose SRE Offset is
 * not 0 ({@code BAD_VALUE}); more than 16 SREs ({@code LIMIT_EXCEEDED}); sequence-number
 * reordering and PPTP's sliding window, which are receiver state, not codec; ERSPAN and NHRP
 * payloads, which are handed on as bytes.
 */
package org.tunnelcodec.gre;
