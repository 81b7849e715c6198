package org.tunnelcodec.gre;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for PPP. */
class PppPropertyTest extends CodecContract<PppHeader> {
    PppPropertyTest() {
        super(Codec.of(PppDecoder::decode, PppEncoder::encodedLength, PppEncoder::encode, null), GreArbitraries.pppHeaders());
    }
}
