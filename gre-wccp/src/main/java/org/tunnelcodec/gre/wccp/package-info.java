/**
 * WCCP redirection over GRE: the redirect header, the cache-side decapsulator and the GRE
 * return path. The control protocol a web cache speaks with its routers (UDP 2048) is in
 * {@link org.tunnelcodec.gre.wccp.control}.
 *
 * <h2>What is on the wire</h2>
 * A router redirects a packet to a cache inside GRE with Protocol Type 0x883E
 * (draft-wilson-wrec-wccp-v2-01 §4.12, draft-mclaggan-wccp-v2rev1-00 §3.12). WCCPv2 puts a
 * 4-octet {@link org.tunnelcodec.gre.wccp.WccpRedirectHeader} between GRE and the original
 * packet; WCCPv1 does not. Both send a GRE header of one word only: no C, R, K or S, version 0.
 *
 * <h2>Classes</h2>
 * <ul>
 *   <li>{@link org.tunnelcodec.gre.wccp.WccpRedirectHeader}: the redirect header, every flag
 *       kept; its bit diagram and the evidence for the flag bit values (Wireshark and Cisco
 *       routers read D/T = 0x01, A = 0x02, U = 0x04; tcpdump reads the high bits) are on the
 *       record.</li>
 *   <li>{@link org.tunnelcodec.gre.wccp.WccpRedirectDecoder} and
 *       {@link org.tunnelcodec.gre.wccp.WccpRedirectEncoder}: the decoder and encoder contracts
 *       of {@code org.tunnelcodec.core}; {@code WccpRedirectDecoder.hasRedirectHeader} is the
 *       one v1/v2 decision, shared by the decapsulator and the dissector.</li>
 *   <li>{@link org.tunnelcodec.gre.wccp.WccpDecapsulator}: the cache side. Configured with the
 *       routers it accepts ({@link org.tunnelcodec.gre.wccp.WccpRouter}: an address and a
 *       {@link org.tunnelcodec.gre.wccp.WccpVersion}, or the documented {@code AUTO} guess), it
 *       checks the sender, strips GRE and the redirect header and hands back the original
 *       packet zero-copy in a reusable {@link org.tunnelcodec.gre.wccp.WccpDecapsulation}.</li>
 *   <li>{@link org.tunnelcodec.gre.wccp.WccpReturn}: the GRE return path, written into
 *       headroom.</li>
 * </ul>
 *
 * <h2>The data-path engine pattern</h2>
 * {@code WccpDecapsulator} is the model for every per-packet engine of the library (the STT
 * reassembler follows it):
 * <ul>
 *   <li>the per-packet method returns a public enum {@code Verdict}, one constant per outcome,
 *       every reject reason included, so that a {@code switch} over it is exhaustive;</li>
 *   <li>on success it fills a caller-owned, reusable result object, so the accepted path
 *       allocates nothing;</li>
 *   <li>it never throws for bad packets, and counts every verdict: {@code count(Verdict)}, and
 *       {@code stats()}, an immutable record snapshot of the counters;</li>
 *   <li>limits come through the constructor; time, where an engine needs it, is an argument.</li>
 * </ul>
 *
 * <h2>Not supported</h2>
 * L2 redirection (the cache gets the frame, not GRE), WCCP service-group state and the hash or
 * mask assignment of packets to buckets, which belong to the caller.
 */
package org.tunnelcodec.gre.wccp;
