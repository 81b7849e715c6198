package org.tunnelcodec.gre.wccp.control;

import org.tunnelcodec.testdata.CodecContract;

/** The shared codec contract for WCCP v1 messages (HERE_I_AM, I_SEE_YOU, ASSIGN_BUCKET). */
class WccpV1MessagePropertyTest extends CodecContract<WccpV1Message> {
    WccpV1MessagePropertyTest() {
        super(WccpArbitraries.V1, WccpArbitraries.v1Messages());
    }
}
