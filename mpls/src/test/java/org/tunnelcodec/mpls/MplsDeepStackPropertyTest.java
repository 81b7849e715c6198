package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/**
 * The shared codec contract for stacks deeper than the default bound (33..1000 entries), decoded
 * with the largest bound a caller may set (R2: the bound is configurable; RFC 3032 sets none).
 */
class MplsDeepStackPropertyTest extends CodecContract<MplsHeader> {
    static final Codec<MplsHeader> DEEP = Codec.of(MplsDeepStackPropertyTest::decode, MplsEncoder::encodedLength,
            MplsEncoder::encode, null);

    MplsDeepStackPropertyTest() {
        super(DEEP, MplsArbitraries.deepHeaders());
    }

    private static Decoded<MplsHeader> decode(ByteBuffer src) {
        return MplsDecoder.decode(src, src.position(), src.limit(), MplsDecoder.MAX_DEPTH_BOUND);
    }
}
