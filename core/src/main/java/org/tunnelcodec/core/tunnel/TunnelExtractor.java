package org.tunnelcodec.core.tunnel;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * What a module contributes to a {@link TunnelClassifier}: reads one tunnel header and
 * describes it in the metadata. It is bound to the key that leads to its header, as a
 * dissector layer is ({@link TunnelBinding}): an IP protocol, a UDP or TCP destination port, an
 * EtherType, or a GRE Protocol Type.
 *
 * <p>The contract, the same as a dissector layer's walk:
 * <ul>
 *   <li>It checks its header by calling its module decoder's own allocation-free check (a
 *       {@code checked}, {@code scan} or view), never a copy of the checks, so that a header
 *       it accepts is one the decoder decodes, and it throws that check's
 *       {@link MalformedPacketException} when the decoder would; the classifier turns it into
 *       {@link TunnelClassifier.Verdict#MALFORMED}.</li>
 *   <li>It reads nothing outside {@code [index, limit)}, except the transport header the
 *       classifier read before it ({@link TunnelMetadata#transportIndex()}), allocates
 *       nothing, and does not modify the buffer.</li>
 *   <li>It calls {@link TunnelMetadata#tunnel}, then {@link TunnelMetadata#id} when the header
 *       has an id, and {@link TunnelMetadata#inner} with a range within {@code [index,
 *       limit]}; optionally {@link TunnelMetadata#next} and {@link TunnelMetadata#partial}.
 *       Returning without a {@code tunnel} and an {@code inner} call is a bug the classifier
 *       reports with {@link IllegalStateException}.</li>
 *   <li>It is thread-safe: a classifier is shared by every receive thread. Extractors are
 *       stateless or hold immutable configuration (MPLS label bindings).</li>
 * </ul>
 */
@FunctionalInterface
public interface TunnelExtractor {
    /**
     * Reads the tunnel header at {@code index} and describes it in {@code out}.
     *
     * @param src the buffer, read in network byte order whatever its order; not modified
     * @param index the absolute index of the tunnel header
     * @param limit the end of the range the header and its payload lie in (the enclosing
     *              header's length field bounds it)
     * @param out the metadata, with the outer fields filled
     * @throws MalformedPacketException if the header is malformed, as its decoder says
     */
    void extract(ByteBuffer src, int index, int limit, TunnelMetadata out);
}
