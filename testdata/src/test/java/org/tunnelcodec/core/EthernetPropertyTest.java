package org.tunnelcodec.core;

import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for Ethernet II with VLAN tags. */
class EthernetPropertyTest extends CodecContract<EthernetHeader> {
    EthernetPropertyTest() {
        super(CoreCodecs.ETHERNET, CoreArbitraries.ethernetHeaders());
    }
}
