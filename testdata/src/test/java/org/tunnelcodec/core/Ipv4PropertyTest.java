package org.tunnelcodec.core;

import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for IPv4. */
class Ipv4PropertyTest extends CodecContract<Ipv4Header> {
    Ipv4PropertyTest() {
        super(CoreCodecs.IPV4, CoreArbitraries.ipv4Headers());
    }
}
