package org.tunnelcodec.lisp;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for the LISP data header, every bit of it drawn. */
class LispPropertyTest extends CodecContract<LispHeader> {
    /** LISP has no length field: the inner packet is the rest of the bytes. */
    static final Codec<LispHeader> LISP = Codec.of(LispDecoder::decode, LispEncoder::encodedLength, LispEncoder::encode, null);

    LispPropertyTest() {
        super(LISP, LispArbitraries.lispHeaders());
    }
}
