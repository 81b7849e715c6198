package org.tunnelcodec.stt;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for the STT segment header. */
class SttSegmentPropertyTest extends CodecContract<SttSegmentHeader> {
    SttSegmentPropertyTest() {
        super(Codec.of(SttSegmentCodec::decode, SttSegmentCodec::encodedLength, SttSegmentCodec::encode, null),
                SttArbitraries.segmentHeaders());
    }
}
