package org.tunnelcodec.gre;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for GRE of every variant. */
class GrePropertyTest extends CodecContract<GreHeader> {
    /** Version 1 with a key bounds its payload by Payload Length; otherwise the payload is the rest. */
    static final Codec<GreHeader> GRE = Codec.of(GreDecoder::decode, GreEncoder::encodedLength, GreEncoder::encode,
            GreHeader::payloadLength);

    GrePropertyTest() {
        super(GRE, GreArbitraries.headers());
    }
}
