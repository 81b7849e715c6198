package org.tunnelcodec.stt;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for the STT frame header. */
class SttFramePropertyTest extends CodecContract<SttFrameHeader> {
    SttFramePropertyTest() {
        super(Codec.of(SttFrameCodec::decode, SttFrameCodec::encodedLength, SttFrameCodec::encode, null),
                SttArbitraries.frameHeaders());
    }
}
