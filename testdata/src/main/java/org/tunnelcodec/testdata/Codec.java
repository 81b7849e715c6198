package org.tunnelcodec.testdata;

import java.nio.ByteBuffer;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;
import org.tunnelcodec.core.Decoded;

/**
 * A codec as the shared contract sees it: a decoder, an encoder and what the header's own
 * length fields promise about the payload.
 *
 * @param <H> the header type
 */
public interface Codec<H> {
    /**
     * Decodes by the decoder contract.
     *
     * @param src the bytes, from the header's first byte to the limit
     * @return the header and its payload
     */
    Decoded<H> decode(ByteBuffer src);

    /**
     * The encoded length.
     *
     * @param header the header
     * @return the exact encoded length
     */
    int encodedLength(H header);

    /**
     * Encodes by the encoder contract.
     *
     * @param header the header
     * @param dst    where to write, at its position
     * @return the bytes written
     */
    int encode(H header, ByteBuffer dst);

    /**
     * The payload length that the header's own length fields fix, or empty when the payload
     * is the rest of the buffer (Ethernet II, TCP).
     *
     * @param header the header
     * @return the payload length, if the header fixes it
     */
    default OptionalInt boundedPayloadLength(H header) {
        return OptionalInt.empty();
    }

    /**
     * Rewrites, in place, the derived fields that the encoder recomputes (for example the
     * IPv4 Header Checksum) in bytes that decoded, so that "decode then encode gives the bytes
     * back" can compare the rest exactly. Most codecs have none.
     *
     * @param packet the bytes from position to limit; the header starts at the position
     */
    default void canonicalize(ByteBuffer packet) {
    }

    /**
     * Builds a codec from method references.
     *
     * @param decoder       the decoder, for example {@code UdpDecoder::decode}
     * @param encodedLength the length function
     * @param encoder       the encoder
     * @param payloadLength the payload length the header fixes, negative when the payload is the
     *                      rest of the buffer; {@code null} when it is always the rest
     * @param <H>           the header type
     * @return the codec
     */
    static <H> Codec<H> of(Function<ByteBuffer, Decoded<H>> decoder, ToIntFunction<H> encodedLength,
                           ToIntBiFunction<H, ByteBuffer> encoder, ToIntFunction<H> payloadLength) {
        return new Codec<>() {
            @Override
            public Decoded<H> decode(ByteBuffer src) {
                return decoder.apply(src);
            }

            @Override
            public int encodedLength(H header) {
                return encodedLength.applyAsInt(header);
            }

            @Override
            public int encode(H header, ByteBuffer dst) {
                return encoder.applyAsInt(header, dst);
            }

            @Override
            public OptionalInt boundedPayloadLength(H header) {
                int n = payloadLength == null ? -1 : payloadLength.applyAsInt(header);
                return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
            }
        };
    }

    /**
     * Returns this codec with that canonicalization.
     *
     * @param canonicalizer rewrites derived fields in place, as {@link #canonicalize} describes
     * @return this codec with that canonicalization
     */
    default Codec<H> withCanonicalizer(java.util.function.Consumer<ByteBuffer> canonicalizer) {
        Codec<H> self = this;
        return new Codec<>() {
            @Override
            public Decoded<H> decode(ByteBuffer src) {
                return self.decode(src);
            }

            @Override
            public int encodedLength(H header) {
                return self.encodedLength(header);
            }

            @Override
            public int encode(H header, ByteBuffer dst) {
                return self.encode(header, dst);
            }

            @Override
            public OptionalInt boundedPayloadLength(H header) {
                return self.boundedPayloadLength(header);
            }

            @Override
            public void canonicalize(ByteBuffer packet) {
                canonicalizer.accept(packet);
            }
        };
    }
}
