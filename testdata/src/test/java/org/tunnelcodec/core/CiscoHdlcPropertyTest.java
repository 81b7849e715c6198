package org.tunnelcodec.core;

import org.tunnelcodec.core.link.CiscoHdlcHeader;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for the Cisco HDLC framing header. */
class CiscoHdlcPropertyTest extends CodecContract<CiscoHdlcHeader> {
    CiscoHdlcPropertyTest() {
        super(CoreCodecs.CISCO_HDLC, CoreArbitraries.ciscoHdlcHeaders());
    }
}
