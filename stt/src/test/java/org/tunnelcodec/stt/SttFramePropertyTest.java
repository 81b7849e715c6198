package org.tunnelcodec.stt;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The codec contract of testdata for the STT frame header. */
class SttFramePropertyTest extends CodecContract<SttFrameHeader> {
    SttFramePropertyTest() {
        super(Codec.of(SttFrameDecoder::decode, SttFrameEncoder::encodedLength, SttFrameEncoder::encode, null),
                SttArbitraries.frameHeaders());
    }
}
