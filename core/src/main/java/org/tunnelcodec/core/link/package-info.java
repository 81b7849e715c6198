/**
 * Link layers: Ethernet II with IEEE 802.1Q / 802.1ad tags, the capture pseudo-headers
 * Linux SLL (link type 113), Linux SLL2 (276) and BSD loopback (NULL 0, LOOP 108), Cisco HDLC
 * framing (104), and the headers that sit between a link header and the packet: Arista's
 * timestamp header (EtherType 0xD28B) and an 802.1Q tag after a header that is not Ethernet.
 *
 * <p>Each header has a record ({@link org.tunnelcodec.core.link.EthernetHeader},
 * {@link org.tunnelcodec.core.link.LinuxSllHeader}, {@link org.tunnelcodec.core.link.LinuxSll2Header},
 * {@link org.tunnelcodec.core.link.LoopbackHeader}, {@link org.tunnelcodec.core.link.CiscoHdlcHeader},
 * {@link org.tunnelcodec.core.link.AvspHeader}, {@link org.tunnelcodec.core.link.VlanHeader}), whose
 * javadoc shows its bit diagram, a decoder and an encoder. Each decoder follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a> and each encoder the
 * <a href="../package-summary.html#encoder-contract">encoder contract</a>.
 *
 * <table>
 *   <caption>Ethernet wire fields and record components</caption>
 *   <tr><th>wire field</th><th>component</th></tr>
 *   <tr><td>Destination Address</td><td>{@code EthernetHeader.destination}</td></tr>
 *   <tr><td>Source Address</td><td>{@code EthernetHeader.source}</td></tr>
 *   <tr><td>TPID, PCP, DEI, VID of each tag</td><td>{@code VlanTag.tpid, priority, dropEligible, vlanId}</td></tr>
 *   <tr><td>EtherType / 802.3 Length</td><td>{@code EthernetHeader.etherType}</td></tr>
 * </table>
 *
 * <p>Not supported: Arista's TGen subtype (0xCAFE) and timestamp versions other than the four
 * tshark knows (kept with their first four octets, the walk ends there), LLC/SNAP decoding (an 802.3 frame's payload is handed on as bytes), the
 * frame check sequence (captures rarely hold it; it is payload if present), more than 8 tags
 * ({@code LIMIT_EXCEEDED}).
 */
package org.tunnelcodec.core.link;
