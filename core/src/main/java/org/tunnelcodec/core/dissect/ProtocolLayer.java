package org.tunnelcodec.core.dissect;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Function;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * One protocol as the {@link Dissector} sees it: a walk that checks a header and reports its
 * lengths and next keys without allocating, the decoder that builds its record, and a
 * one-line summary. See the package documentation for how a module writes one.
 *
 * <p>{@link #walk} must make exactly the checks {@link #decode} makes: build both on the same
 * check code (a decoder's {@code checkedLength}, a scan, a view's {@code wrap}), never a
 * second copy.
 *
 * @param <H> the header record
 */
public interface ProtocolLayer<H> {
    /**
     * Returns a short lower-case name, for example {@code "ipv4"}.
     *
     * @return a short lower-case name, for example {@code "ipv4"}
     */
    String name();

    /**
     * Checks the header at absolute {@code index}, reading nothing at or past {@code limit},
     * and reports its header length, payload length and next keys to {@code out}. Allocates
     * nothing.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @param out where the lengths and next keys go
     * @throws MalformedPacketException exactly when {@link #decode} would, with the same
     *     field, offset and reason
     */
    void walk(ByteBuffer src, int index, int limit, LayerStep out);

    /**
     * Decodes the header at absolute {@code index}, by the
     * <a href="../package-summary.html#decoder-contract">decoder contract</a>.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the header, its length and the payload
     * @throws MalformedPacketException if the bytes are not a valid header
     */
    Decoded<H> decode(ByteBuffer src, int index, int limit);

    /**
     * A one-line summary of the key fields, like a focused tcpdump line.
     *
     * @param header the header
     * @return the summary
     */
    default String summary(H header) {
        return header.toString();
    }

    /** A layer's walk: {@link ProtocolLayer#walk}. */
    @FunctionalInterface
    interface Walk {
        /**
         * See {@link ProtocolLayer#walk}.
         *
         * @param src the buffer
         * @param index the absolute index of the header's first byte
         * @param limit the end (exclusive) of the bytes that may be read
         * @param out where the lengths and next keys go
         */
        void walk(ByteBuffer src, int index, int limit, LayerStep out);
    }

    /**
     * A layer's index-based decoder: {@link ProtocolLayer#decode}.
     *
     * @param <H> the header record
     */
    @FunctionalInterface
    interface Decoder<H> {
        /**
         * See {@link ProtocolLayer#decode}.
         *
         * @param src the buffer
         * @param index the absolute index of the header's first byte
         * @param limit the end (exclusive) of the bytes that may be read
         * @return the header, its length and the payload
         */
        Decoded<H> decode(ByteBuffer src, int index, int limit);
    }

    /**
     * A layer from its parts, the usual way to define one:
     * {@code ProtocolLayer.of("udp", CoreLayers::walkUdp, UdpDecoder::decode, CoreLayers::udpSummary)}.
     *
     * @param name    the layer's name
     * @param walk    the allocation-free walk
     * @param decoder the index-based decoder
     * @param summary the one-line summary of a record
     * @param <H> the header record
     * @return the layer
     */
    static <H> ProtocolLayer<H> of(String name, Walk walk, Decoder<H> decoder, Function<? super H, String> summary) {
        return new Parts<>(name, walk, decoder, summary);
    }

    /**
     * The layer {@link #of} makes.
     *
     * @param name       the layer's name
     * @param walker     the allocation-free walk
     * @param decoder    the index-based decoder
     * @param summarizer the one-line summary of a record
     * @param <H>        the header record
     */
    record Parts<H>(String name, Walk walker, Decoder<H> decoder, Function<? super H, String> summarizer)
            implements ProtocolLayer<H> {
        /**
         * Checks the components.
         *
         * @param name the layer's name
         * @param walker the allocation-free check, see {@link ProtocolLayer#walk}
         * @param decoder the index-based decoder
         * @param summarizer the one-line text for {@link ProtocolLayer#summary}
         */
        public Parts {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(walker, "walker");
            Objects.requireNonNull(decoder, "decoder");
            Objects.requireNonNull(summarizer, "summarizer");
        }

        @Override
        public void walk(ByteBuffer src, int index, int limit, LayerStep out) {
            walker.walk(src, index, limit, out);
        }

        @Override
        public Decoded<H> decode(ByteBuffer src, int index, int limit) {
            return decoder.decode(src, index, limit);
        }

        @Override
        public String summary(H header) {
            return summarizer.apply(header);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
