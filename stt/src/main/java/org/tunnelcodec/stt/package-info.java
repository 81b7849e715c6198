/**
 * STT, Stateless Transport Tunneling (draft-davie-stt-08; section numbers below are the
 * draft's): an Ethernet frame of up to 64 KiB behind an 18-octet STT frame header, split into
 * segments that look like TCP to port 7471.
 *
 * <ul>
 *   <li>{@link org.tunnelcodec.stt.SttFrameHeader} ({@link org.tunnelcodec.stt.SttFrameDecoder},
 *       {@link org.tunnelcodec.stt.SttFrameEncoder}): version, flags
 *       ({@link org.tunnelcodec.stt.SttFlags}, with the on-wire masks of Open vSwitch and
 *       Wireshark, not the draft figure's literal reading), L4 Offset, Reserved, MSS, PCP, V,
 *       VLAN ID, Context ID, Padding (§3.1). Its bit diagram is on the record.</li>
 *   <li>{@link org.tunnelcodec.stt.SttSegmentHeader} ({@link org.tunnelcodec.stt.SttSegmentDecoder},
 *       {@link org.tunnelcodec.stt.SttSegmentEncoder}): the TCP-like header (§3.2): Frame Length
 *       and Segment Offset in the Sequence Number, the Frame Identifier in the Acknowledgment
 *       Number. Its bit diagram is on the record.</li>
 *   <li>{@link org.tunnelcodec.stt.SttChecksumOffload}: the C and P flags; completes a partial
 *       inner L4 checksum.</li>
 *   <li>{@link org.tunnelcodec.stt.SttSegmenter}: a frame into segments over IPv4 or IPv6, into
 *       the caller's buffers; source port from the core flow hash.</li>
 *   <li>{@link org.tunnelcodec.stt.SttReassembler}: stateful, bounded, hostile-input-safe
 *       reassembly; a {@link org.tunnelcodec.stt.SttReassembler.Verdict} per segment, counted,
 *       instead of exceptions, and the complete frame in a reusable
 *       {@link org.tunnelcodec.stt.SttReassembly}.</li>
 *   <li>{@link org.tunnelcodec.stt.SttLayers}: the dissector's {@code "stt-segment"} and
 *       {@code "stt"} layers, stateless or around a reassembler.</li>
 *   <li>{@link org.tunnelcodec.stt.SttTunnels}: STT for core's {@code TunnelClassifier}, the
 *       Context ID of the segment that carries the frame header; later segments are left to the
 *       reassembler.</li>
 * </ul>
 *
 * <table>
 *   <caption>Where the draft and Open vSwitch differ, and what this package does</caption>
 *   <tr><th>topic</th><th>draft</th><th>Open vSwitch</th><th>here</th></tr>
 *   <tr><td>flag bits</td><td>C drawn first (0x80 read literally)</td><td>C 0x01, P 0x02, IPv4 0x04, TCP 0x08</td><td>Open vSwitch</td></tr>
 *   <tr><td>Window</td><td>SHOULD be 0</td><td>65535</td><td>65535 (zero windows look stalled)</td></tr>
 *   <tr><td>PSH</td><td>on the last segment</td><td>on the last segment, after GSO</td><td>on the last segment</td></tr>
 *   <tr><td>outer IP</td><td>IPv4 or IPv6</td><td>IPv4</td><td>IPv4 or IPv6</td></tr>
 *   <tr><td>C and P together</td><td>forbidden</td><td>P wins</td><td>{@code BAD_VALUE} / {@code BAD_FRAME_HEADER}</td></tr>
 *   <tr><td>version not 0</td><td>discard</td><td>drop</td><td>{@code UNSUPPORTED_VERSION} / {@code BAD_FRAME_HEADER}</td></tr>
 *   <tr><td>reassembly key</td><td>implied: tunnel and ACK</td><td>addresses, ACK, mark, namespace</td><td>addresses, ports, Frame Identifier</td></tr>
 *   <tr><td>Frame Length changing</td><td>implied constant</td><td>first segment's trusted</td><td>frame dropped ({@code LENGTH_MISMATCH})</td></tr>
 *   <tr><td>overlap</td><td>unspecified</td><td>new segment dropped</td><td>same bytes: kept or ignored; other bytes: frame dropped</td></tr>
 *   <tr><td>limits</td><td>unspecified</td><td>30 s, 4 MiB per CPU</td><td>caller's {@code Limits} (defaults 30 s, 4 MiB)</td></tr>
 * </table>
 *
 * <p>The outer IP header is checked by core's {@code IpScan}, as core's decoders check it:
 * outer IPv6 extension headers (and their options) before the TCP-like header are walked, and
 * the checksum's pseudo-header length excludes them (RFC 8200 §8.1); a malformed chain or a
 * fragment is {@code MALFORMED_OUTER}.
 *
 * <p>Not supported: re-segmenting a received large send by its MSS, DSCP copying,
 * handing up partial frames (§3.3.2).
 */
package org.tunnelcodec.stt;
