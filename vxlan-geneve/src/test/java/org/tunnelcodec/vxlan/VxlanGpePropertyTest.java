package org.tunnelcodec.vxlan;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for the VXLAN-GPE header: every flag but Ver, every Next Protocol. */
class VxlanGpePropertyTest extends CodecContract<VxlanGpeHeader> {
    /** VXLAN-GPE has no length field: the payload is the rest of the bytes. */
    static final Codec<VxlanGpeHeader> GPE = Codec.of(VxlanGpeDecoder::decode, VxlanGpeEncoder::encodedLength,
            VxlanGpeEncoder::encode, null);

    VxlanGpePropertyTest() {
        super(GPE, VxlanArbitraries.gpeHeaders());
    }
}
