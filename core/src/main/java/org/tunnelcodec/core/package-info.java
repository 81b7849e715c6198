/**
 * tunnelcodec core: the types every codec shares.
 *
 * <ul>
 *   <li>{@link org.tunnelcodec.core.MalformedPacketException}, the only exception a decoder
 *       throws for bytes from the wire, and {@link org.tunnelcodec.core.Decoded}, what it
 *       returns;</li>
 *   <li>open code points ({@link org.tunnelcodec.core.EtherType},
 *       {@link org.tunnelcodec.core.IpProtocol}): any value is legal, known ones are named;</li>
 *   <li>addresses ({@link org.tunnelcodec.core.Ipv4Address},
 *       {@link org.tunnelcodec.core.Ipv6Address}, {@link org.tunnelcodec.core.MacAddress}) and
 *       {@link org.tunnelcodec.core.ByteString} for opaque bytes;</li>
 *   <li>the Internet checksum (RFC 1071, RFC 1624) and the flow hash for entropy source ports.</li>
 * </ul>
 *
 * <h2 id="decoder-contract">The decoder contract</h2>
 * Every {@code XDecoder.decode(ByteBuffer src)} of tunnelcodec:
 * <ul>
 *   <li>reads {@code [src.position(), src.limit())} and never outside it;</li>
 *   <li>never changes {@code src}: not its position, limit, mark, byte order or content, and
 *       reads in network byte order whatever {@code src.order()} is; so one buffer can be
 *       decoded by several layers or threads at once;</li>
 *   <li>returns a {@link org.tunnelcodec.core.Decoded}: the header record, its length on the
 *       wire, and the payload as a zero-copy slice of {@code src}, bounded by the protocol's
 *       own length field where it has one;</li>
 *   <li>throws {@link org.tunnelcodec.core.MalformedPacketException} for bad bytes, and nothing
 *       else: never an index, underflow, argument or allocation error caused by a length field;</li>
 *   <li>keeps unknown code points and reserved bits, so that encoding the header gives the same
 *       bytes back, and rejects them only where the RFC says a receiver must discard (the
 *       decoder's javadoc cites it);</li>
 *   <li>caps every repeated or nested structure (documented on the decoder), with no recursion on
 *       attacker-controlled depth and bounds arithmetic that cannot overflow.</li>
 * </ul>
 * Error offsets count from {@code src.position()}; the dissector re-bases them to the frame.
 *
 * <h2 id="encoder-contract">The encoder contract</h2>
 * Every {@code XEncoder}:
 * <ul>
 *   <li>{@code encodedLength(h)} is exact;</li>
 *   <li>{@code encode(h, dst)} writes at {@code dst.position()}, does not move it, ignores
 *       {@code dst.order()} and returns the number of bytes written; if {@code dst} has too
 *       little room it throws {@link java.lang.IllegalArgumentException} before writing a byte;</li>
 *   <li>computes every derived field (lengths, header-length words, header-only checksums);
 *       checksums that cover the payload have an explicit call that sees the payload.</li>
 * </ul>
 * Records check their components in their constructors and throw
 * {@link java.lang.IllegalArgumentException} with the value and the legal range; they never
 * mask a value silently.
 */
package org.tunnelcodec.core;
