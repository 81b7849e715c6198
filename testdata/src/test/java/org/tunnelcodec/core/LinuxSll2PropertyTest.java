package org.tunnelcodec.core;

import org.tunnelcodec.core.link.LinuxSll2Header;
import org.tunnelcodec.testdata.CodecContract;
import org.tunnelcodec.testdata.CoreArbitraries;
import org.tunnelcodec.testdata.CoreCodecs;

/** The shared codec contract for the Linux SLL2 capture header. */
class LinuxSll2PropertyTest extends CodecContract<LinuxSll2Header> {
    LinuxSll2PropertyTest() {
        super(CoreCodecs.LINUX_SLL2, CoreArbitraries.linuxSll2Headers());
    }
}
