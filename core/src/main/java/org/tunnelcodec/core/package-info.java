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
 * A decoder that also takes {@code (src, index, limit)} reads {@code [index, limit)} the same
 * way, with offsets counted from {@code index}.
 *
 * <p>When the bytes end inside a header, the exception is
 * {@link org.tunnelcodec.core.MalformedPacketException.Reason#TRUNCATED TRUNCATED}, names the
 * field that did not fit, and {@code offset() + available()} is where the bytes ended. When a
 * length field of the packet itself cut a field short although more bytes follow (an IPv6
 * extension header past Payload Length, say), the exception also names that length field in
 * {@link org.tunnelcodec.core.MalformedPacketException#boundedBy() boundedBy()}. A field whose
 * number the decoder refuses (IHL below 5, a UDP Length below 8) carries the number in
 * {@link org.tunnelcodec.core.MalformedPacketException#value() value()}.
 *
 * <h2 id="peeks">Peeks</h2>
 * Decoders offer static peeks, such as {@code Ipv4Decoder.protocol(buf, index)}, that read one
 * field of the header at absolute {@code index} without decoding it and allocate nothing. They
 * all report a short buffer one way: a field that runs past {@code buf.limit()} throws
 * {@link org.tunnelcodec.core.MalformedPacketException} ({@code TRUNCATED}) naming the field,
 * with the offset counted from {@code index}, {@code required()} the bytes from {@code index}
 * to the field's end and {@code available()} the bytes from {@code index} to the limit, as a
 * decode from {@code index} counts them; an {@code index} outside {@code [0, buf.limit()]} is
 * the caller's mistake and throws {@link java.lang.IndexOutOfBoundsException}. A peek named
 * {@code checked...} (or a length peek such as {@code TcpDecoder.headerLength}) makes the
 * checks {@code decode} makes for the fields it reads and throws what {@code decode} throws;
 * the other peeks read the field as it is. The core headers have no optional fields, so no
 * peek returns a sentinel.
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
