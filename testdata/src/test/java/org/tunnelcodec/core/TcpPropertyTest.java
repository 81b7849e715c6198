package org.tunnelcodec.core;

import org.tunnelcodec.core.transport.TcpHeader;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for TCP. */
class TcpPropertyTest extends CodecContract<TcpHeader> {
    TcpPropertyTest() {
        super(CoreCodecs.TCP, CoreArbitraries.tcpHeaders());
    }
}
