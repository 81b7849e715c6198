package org.tunnelcodec.lisp;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for the LISP-GPE header, every bit of it drawn (P always set). */
class LispGpePropertyTest extends CodecContract<LispGpeHeader> {
    /** LISP-GPE has no length field: the payload is the rest of the bytes. */
    static final Codec<LispGpeHeader> LISP_GPE = Codec.of(LispGpeDecoder::decode, LispGpeEncoder::encodedLength,
            LispGpeEncoder::encode, null);

    LispGpePropertyTest() {
        super(LISP_GPE, LispArbitraries.gpeHeaders());
    }
}
