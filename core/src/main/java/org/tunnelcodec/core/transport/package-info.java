/**
 * UDP (RFC 768) and TCP (RFC 9293) headers and their checksums.
 *
 * <p>Each codec follows the <a href="../package-summary.html#decoder-contract">decoder</a> and
 * <a href="../package-summary.html#encoder-contract">encoder</a> contracts. The full bit
 * diagrams are on {@link org.tunnelcodec.core.transport.UdpHeader} and
 * {@link org.tunnelcodec.core.transport.TcpHeader}; in short:
 *
 * <pre>
 *  UDP:  | Source Port (16) | Destination Port (16) | Length (16) | Checksum (16) |
 *  TCP:  | Source Port | Destination Port | Sequence Number | Acknowledgment Number |
 *        | Data Offset (4) | Rsrvd (4) | CWR ECE URG ACK PSH RST SYN FIN | Window |
 *        | Checksum | Urgent Pointer | Options (0..40 bytes) |
 * </pre>
 *
 * <p>Lengths (UDP Length, TCP Data Offset) are derived. Checksums cover the payload, so the
 * records keep the checksum field as on the wire; {@code UdpEncoder.fillChecksum} and
 * {@code TcpEncoder.fillChecksum} compute it once the payload is in place, and
 * {@code UdpDecoder.checksumStatus} / {@code TcpDecoder.verifyChecksum} check it with the
 * pseudo-header sums of {@link org.tunnelcodec.core.InternetChecksum}. UDP's zero-checksum
 * rules for IPv4 and IPv6 (RFC 768, RFC 8200 §8.1, RFC 6935, RFC 6936) are in
 * {@code UdpDecoder.isAcceptable}.
 *
 * <p>Not supported: TCP option parsing (options are kept as bytes), UDP jumbograms (RFC 2675).
 */
package org.tunnelcodec.core.transport;
