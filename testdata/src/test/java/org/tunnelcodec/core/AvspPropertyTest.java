package org.tunnelcodec.core;

import org.tunnelcodec.core.link.AvspHeader;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for Arista's timestamp header. */
class AvspPropertyTest extends CodecContract<AvspHeader> {
    AvspPropertyTest() {
        super(CoreCodecs.AVSP, CoreArbitraries.avspHeaders());
    }
}
