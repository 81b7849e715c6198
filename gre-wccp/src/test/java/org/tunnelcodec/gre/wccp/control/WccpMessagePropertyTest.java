package org.tunnelcodec.gre.wccp.control;

import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for WCCP v2 messages, over random mixes of every component kind. */
class WccpMessagePropertyTest extends CodecContract<WccpMessage> {
    WccpMessagePropertyTest() {
        super(WccpArbitraries.V2, WccpArbitraries.messages());
    }
}
