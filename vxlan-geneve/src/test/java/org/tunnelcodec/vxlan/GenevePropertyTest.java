package org.tunnelcodec.vxlan;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/**
 * The shared codec contract for the Geneve header: every bit of the fixed part, and from none
 * to 63 options of every length, unknown classes and types, R bits set.
 */
class GenevePropertyTest extends CodecContract<GeneveHeader> {
    /** Geneve has no length field of its own: the payload is the rest of the bytes after the options. */
    static final Codec<GeneveHeader> GENEVE = Codec.of(GeneveDecoder::decode, GeneveEncoder::encodedLength,
            GeneveEncoder::encode, null);

    GenevePropertyTest() {
        super(GENEVE, VxlanArbitraries.geneveHeaders());
    }
}
