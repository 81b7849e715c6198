package org.tunnelcodec.core;

import org.tunnelcodec.core.transport.UdpHeader;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for UDP. */
class UdpPropertyTest extends CodecContract<UdpHeader> {
    UdpPropertyTest() {
        super(CoreCodecs.UDP, CoreArbitraries.udpHeaders());
    }
}
