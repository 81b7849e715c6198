package org.tunnelcodec.core;

import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for IPv6 and its extension headers. */
class Ipv6PropertyTest extends CodecContract<Ipv6Header> {
    Ipv6PropertyTest() {
        super(CoreCodecs.IPV6, CoreArbitraries.ipv6Headers());
    }
}
