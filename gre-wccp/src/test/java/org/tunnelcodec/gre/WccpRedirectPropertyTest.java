package org.tunnelcodec.gre;

import org.tunnelcodec.gre.wccp.WccpRedirectDecoder;
import org.tunnelcodec.gre.wccp.WccpRedirectEncoder;
import org.tunnelcodec.gre.wccp.WccpRedirectHeader;
import org.tunnelcodec.testdata.Codec;
import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for the WCCPv2 redirect header. */
class WccpRedirectPropertyTest extends CodecContract<WccpRedirectHeader> {
    WccpRedirectPropertyTest() {
        super(Codec.of(WccpRedirectDecoder::decode, WccpRedirectEncoder::encodedLength, WccpRedirectEncoder::encode, null),
                GreArbitraries.redirectHeaders());
    }
}
