package org.tunnelcodec.core.dissect;

import java.nio.ByteBuffer;
import java.util.List;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * One protocol as the {@link Dissector} sees it: a decoder that follows the decoder contract,
 * and the keys that select the decoder of its payload.
 *
 * @param <H> the header record
 */
public interface ProtocolLayer<H> {
    /** @return a short lower-case name, for example {@code "ipv4"} */
    String name();

    /**
     * Decodes the header at {@code src.position()}, by the decoder contract.
     *
     * @throws MalformedPacketException if the bytes are not a valid header
     */
    Decoded<H> decode(ByteBuffer src);

    /**
     * The keys that may select the payload's decoder, most specific first; the dissector uses
     * the first one that has a binding. An empty list means the payload is not a layer this
     * protocol can name (a non-first fragment, an unknown address family).
     *
     * @param header  the decoded header
     * @param payload the payload slice, for protocols that must look at it to choose
     * @return the candidate keys
     */
    List<LayerKey> next(H header, ByteBuffer payload);

    /**
     * A one-line summary of the key fields, like a focused tcpdump line.
     *
     * @return the summary
     */
    default String summary(H header) {
        return header.toString();
    }
}
