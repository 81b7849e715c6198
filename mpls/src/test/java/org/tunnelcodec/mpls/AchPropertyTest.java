package org.tunnelcodec.mpls;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for the Associated Channel Header. */
class AchPropertyTest extends CodecContract<AchHeader> {
    /** The ACH has no length field: the channel payload is the rest of the bytes. */
    static final Codec<AchHeader> ACH = Codec.of(AchDecoder::decode, AchEncoder::encodedLength, AchEncoder::encode,
            null);

    AchPropertyTest() {
        super(ACH, AchArbitraries.headers());
    }
}
