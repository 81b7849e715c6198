package org.tunnelcodec.vxlan;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for the VXLAN header, every bit of it drawn. */
class VxlanPropertyTest extends CodecContract<VxlanHeader> {
    /** VXLAN has no length field: the inner frame is the rest of the bytes. */
    static final Codec<VxlanHeader> VXLAN = Codec.of(VxlanDecoder::decode, VxlanEncoder::encodedLength, VxlanEncoder::encode,
            null);

    VxlanPropertyTest() {
        super(VXLAN, VxlanArbitraries.vxlanHeaders());
    }
}
