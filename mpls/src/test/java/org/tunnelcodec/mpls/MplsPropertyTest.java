package org.tunnelcodec.mpls;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/**
 * The shared codec contract for label stacks of depth 1..32, the bound of the default decode
 * (R2), with every special-purpose label in every position. MPLS has no length field: the payload
 * is the rest of the buffer.
 */
class MplsPropertyTest extends CodecContract<MplsHeader> {
    static final Codec<MplsHeader> MPLS = Codec.of(MplsDecoder::decode, MplsEncoder::encodedLength,
            MplsEncoder::encode, null);

    MplsPropertyTest() {
        super(MPLS, MplsArbitraries.headers());
    }
}
