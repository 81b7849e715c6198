package org.tunnelcodec.mpls;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for the pseudowire control word. */
class ControlWordPropertyTest extends CodecContract<ControlWord> {
    /** A non-zero Length bounds the payload (RFC 4385 §4); Length 0 leaves it to the end. */
    static final Codec<ControlWord> CONTROL_WORD = Codec.of(ControlWordDecoder::decode,
            ControlWordEncoder::encodedLength, ControlWordEncoder::encode, ControlWord::payloadLength);

    ControlWordPropertyTest() {
        super(CONTROL_WORD, ControlWordArbitraries.controlWords());
    }
}
