package org.tunnelcodec.core;

import org.tunnelcodec.core.link.LinuxSllHeader;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for the Linux SLL capture header. */
class LinuxSllPropertyTest extends CodecContract<LinuxSllHeader> {
    LinuxSllPropertyTest() {
        super(CoreCodecs.LINUX_SLL, CoreArbitraries.linuxSllHeaders());
    }
}
