package org.tunnelcodec.core;

import org.tunnelcodec.core.link.VlanHeader;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for an 802.1Q tag after another header. */
class VlanPropertyTest extends CodecContract<VlanHeader> {
    VlanPropertyTest() {
        super(CoreCodecs.VLAN, CoreArbitraries.vlanHeaders());
    }
}
