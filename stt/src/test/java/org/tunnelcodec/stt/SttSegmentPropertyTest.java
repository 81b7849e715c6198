package org.tunnelcodec.stt;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The codec contract of testdata for the STT segment header. */
class SttSegmentPropertyTest extends CodecContract<SttSegmentHeader> {
    SttSegmentPropertyTest() {
        super(Codec.of(SttSegmentDecoder::decode, SttSegmentEncoder::encodedLength, SttSegmentEncoder::encode, null),
                SttArbitraries.segmentHeaders());
    }
}
