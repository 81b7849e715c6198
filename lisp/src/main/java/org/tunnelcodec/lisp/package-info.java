/**
 * The LISP data plane (RFC 9300 §5) and LISP-GPE (RFC 9305): records, stateless decoders and
 * encoders, an allocation-free view and peeks, the dissector layers for UDP destination port
 * 4341 and the tunnel metadata extractor.
 *
 * <h2>LISP data header (RFC 9300 §5.3)</h2>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |N|L|E|V|I|R|K|K|            Nonce/Map-Version                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Instance ID/Locator-Status-Bits               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * {@link org.tunnelcodec.lisp.LispHeader}: the first octet → {@code flags} (N 0x80, L 0x40, E
 * 0x20, V 0x10, I 0x08, R 0x04, KK 0x03), bits 8-31 → {@code nonceMapVersion} (the Nonce with N;
 * Source Map-Version in bits 8-19 and Destination Map-Version in bits 20-31 with V, RFC 9302
 * §3), the second word → {@code instanceId} (bits 32-55 with I) and {@code locatorStatusBits}
 * (bits 56-63 with I, bits 32-63 without). Every bit is kept; the accessors give a receiver's
 * reading (N and V together read as a Nonce, E without N is ignored, RFC 9300 §5.3), and
 * {@link org.tunnelcodec.lisp.LispHeader.Builder} builds only what a sender may send. The payload
 * is an IPv4 or IPv6 packet, told apart by its version nibble; with KK not 0 it is encrypted
 * (RFC 8061) and opaque.
 *
 * <h2>LISP-GPE header (RFC 9305 §3)</h2>
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |N|L|E|V|I|P|K|K|    Nonce/Map-Version (bits 8-23) | Next Protocol |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Instance ID/Locator-Status-Bits               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * A receiver tells LISP-GPE from LISP by P (bit 5) alone. {@link org.tunnelcodec.lisp.LispGpeHeader}:
 * the first octet → {@code flags} (P always set), bits 8-23 → {@code reserved}, Next Protocol →
 * {@code nextProtocol} (a {@link org.tunnelcodec.lisp.LispGpeNextProtocol}: IPv4 1, IPv6 2,
 * Ethernet 3, NSH 4, others kept), the second word as in LISP. With P set, N, E, V and bits 8-23
 * are sent as zero and ignored on receipt (RFC 9305 §3): they are kept, without meaning.
 *
 * <h2>Data path</h2>
 * {@link org.tunnelcodec.lisp.LispView} reads a LISP or LISP-GPE header without allocating, with
 * the decoder's checks; the static peeks ({@code LispDecoder.flags}, {@code nonce},
 * {@code instanceId}, {@code locatorStatusBits}, {@code LispGpeDecoder.nextProtocol}) read one
 * field.
 *
 * <h2>ETR decapsulation</h2>
 * {@link org.tunnelcodec.lisp.LispDecapsulator} is the receiving ETR's engine: from an Ethernet
 * frame or an IP packet it checks the outer IP (core's {@code IpScan}, fragments refused), UDP
 * to a configured port (4341), the LISP or LISP-GPE header by the rules above (KK, Next
 * Protocol, allowed Instance IDs and RLOCs), the inner packet's framing and the RFC 6040 ECN
 * rule, and returns a {@link org.tunnelcodec.lisp.LispDecapsulator.Verdict}, filling a reused
 * {@link org.tunnelcodec.lisp.LispDecapsulation} without allocating.
 *
 * <h2>Dissector layers and tunnel metadata</h2>
 * {@link org.tunnelcodec.lisp.LispLayers} binds UDP 4341 to LISP (then IPv4 or IPv6 by the
 * version nibble) and, with P set, to LISP-GPE (then by Next Protocol).
 * {@link org.tunnelcodec.lisp.LispTunnels} describes the same packets for a tunnel classifier:
 * the Instance ID is the tunnel id.
 *
 * <h2>Locator selection</h2>
 * {@link org.tunnelcodec.lisp.LispLocatorSelector} chooses an ITR's unicast RLOC for a flow from
 * a locator set (priority 255 and R clear excluded, Locator-Status-Bits honoured, lowest priority
 * first, split by weight on the flow hash; RFC 9301 §5.4, RFC 9300 §10 and §12), without
 * allocating.
 *
 * <h2>Not supported</h2>
 * The control plane (UDP 4342) is not in this part of the module. No encapsulation engine is
 * here (the outer header's TTL, DSCP and ECN copies): encoders write headers, the caller writes
 * the outer UDP and IP headers. The decapsulator keeps no nonce, echo-nonce or map-version
 * state: it reports the fields. Encrypted payloads (RFC 8061) are not decrypted. LISP-GPE shim headers (Next
 * Protocol 0x80-0xFF) are not decoded.
 */
package org.tunnelcodec.lisp;
