package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import java.util.OptionalInt;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for GRE of every variant. */
class GrePropertyTest extends CodecContract<GreHeader> {
    /** Version 1 with a key bounds its payload by Payload Length; otherwise the payload is the rest. */
    static final Codec<GreHeader> GRE = new Codec<>() {
        @Override
        public Decoded<GreHeader> decode(ByteBuffer src) {
            return GreDecoder.decode(src);
        }

        @Override
        public int encodedLength(GreHeader header) {
            return GreEncoder.encodedLength(header);
        }

        @Override
        public int encode(GreHeader header, ByteBuffer dst) {
            return GreEncoder.encode(header, dst);
        }

        @Override
        public OptionalInt boundedPayloadLength(GreHeader h) {
            return h.payloadLength() >= 0 ? OptionalInt.of(h.payloadLength()) : OptionalInt.empty();
        }
    };

    GrePropertyTest() {
        super(GRE, GreArbitraries.headers());
    }
}
