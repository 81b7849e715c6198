package org.tunnelcodec.mip6;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * The data path allocates nothing: after warm-up, {@code MobilityHeaderDecoder.checked} (the
 * whole option walk with the receiver rules), the checksum check over a pseudo-header made
 * beforehand, the pseudo-header's sum read in place from the whole IPv6 packet (the core's walk
 * to the Home Address option and the Type 2 Routing Header), and the static peeks allocate 0
 * bytes per call, as
 * {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes} counts them for the calling
 * thread, on the vectors M1 and M3. Measured with the test kit's {@code AllocationMeter}.
 */
class Mip6AllocationTest {
    @Test
    void shouldAllocateNothingToCheckPeekAndVerify() {
        ByteBuffer[] packets = {Mip6Vectors.buffer(Mip6Vectors.M1), Mip6Vectors.buffer(Mip6Vectors.M3)};
        ByteBuffer[] wholePackets = {Mip6Vectors.buffer(Mip6Vectors.M1_PACKET), Mip6Vectors.buffer(Mip6Vectors.M3_PACKET)};
        MobilityPseudoHeader[] pseudo = {
            MobilityPseudoHeader.of(Mip6Vectors.COA, Mip6Vectors.HA, Mip6Vectors.HOA, null),
            MobilityPseudoHeader.of(Mip6Vectors.HA, Mip6Vectors.COA, null, Mip6Vectors.HOA)};
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            int i = next[0]++ & 1;
            ByteBuffer b = packets[i];
            long lengths = MobilityHeaderDecoder.checked(b, 0, b.limit());
            int sum = (int) (lengths >>> 32) + (int) lengths;
            sum += MobilityHeaderDecoder.mhType(b, 0) + MobilityHeaderDecoder.payloadProto(b, 0)
                    + MobilityHeaderDecoder.headerLength(b, 0);
            sum += MobilityHeaderDecoder.verifyChecksum(b, 0, (int) (lengths >>> 32), pseudo[i]) ? 1 : 0;
            // the pseudo-header from the whole packet, through the core's IPv6 walk
            ByteBuffer whole = wholePackets[i];
            sum += MobilityPseudoHeader.sum(whole, 0, whole.limit(), (int) (lengths >>> 32));
            return sum;
        });
        assertThat(bytes).as("bytes allocated by %d checks, peeks and checksum checks", AllocationMeter.CALLS).isZero();
    }
}
