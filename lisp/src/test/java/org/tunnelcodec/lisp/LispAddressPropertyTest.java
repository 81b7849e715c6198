package org.tunnelcodec.lisp;

import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/**
 * The shared codec contract for AFI-encoded addresses and LCAFs: every LCAF type (unknown types
 * as octets), nested two deep, every type inside every type (a deeper nesting, up to the
 * decoder's cap of 8 and past it, is pinned by LispControlVectorTest).
 */
class LispAddressPropertyTest extends CodecContract<LispAddress> {
    static final Codec<LispAddress> ADDRESS = Codec.of(LispAddressDecoder::decode, LispAddressEncoder::encodedLength,
            LispAddressEncoder::encode, null);

    LispAddressPropertyTest() {
        super(ADDRESS, LispControlArbitraries.addresses(2));
    }
}
