package org.tunnelcodec.core;

import org.tunnelcodec.core.link.LoopbackHeader;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for the BSD loopback header. */
class LoopbackPropertyTest extends CodecContract<LoopbackHeader> {
    LoopbackPropertyTest() {
        super(CoreCodecs.LOOPBACK, CoreArbitraries.loopbackHeaders());
    }
}
