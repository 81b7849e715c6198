package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * The data path allocates nothing: after warm-up, {@link VxlanView#wrap} and {@link GeneveView#wrap}
 * with their accessors (Geneve options by position and by class and type included), the VXLAN
 * policies on a view, {@code checked} and the static peeks allocate 0 bytes per call, as
 * {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes} counts them for the calling
 * thread. Skipped on a JVM that cannot count.
 *
 * <p>Measured with the test kit's {@code AllocationMeter}.
 */
class VxlanAllocationTest {
    /** {@code values()} copies its array on every call: read once. */
    private static final VxlanPolicy[] POLICIES = VxlanPolicy.values();

    @Test
    void shouldAllocateNothingToWrapAndReadAVxlanHeader() {
        ByteBuffer[] packets = {VxlanVectors.buffer(VxlanVectors.RFC_7348 + "00"), VxlanVectors.buffer(VxlanVectors.GROUP_POLICY)};
        VxlanView view = new VxlanView();
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            ByteBuffer b = packets[next[0]++ & 1];
            view.wrap(b, 0, b.limit());
            int sum = view.flags() + view.groupPolicyId() + view.vni() + view.reservedOctet() + view.reservedFlags()
                    + view.payloadIndex() + view.payloadLength() + view.headerLength() + view.index();
            sum += (view.vniValid() ? 1 : 0) + (view.groupPolicy() ? 2 : 0) + (view.dontLearn() ? 4 : 0) + (view.policyApplied() ? 8 : 0);
            for (VxlanPolicy p : POLICIES) {
                sum += p.accepts(view) ? 1 : 0;
            }
            return sum;
        });
        assertThat(bytes).as("bytes allocated by %d wraps with accessors and policies", AllocationMeter.CALLS).isZero();
    }

    @Test
    void shouldAllocateNothingToWrapAGeneveHeaderAndWalkItsOptions() {
        ByteBuffer[] packets = {VxlanVectors.buffer(VxlanVectors.GENEVE), VxlanVectors.frame("geneve-gcp.pcap", 1),
            VxlanVectors.frame("zeek-geneve-many-options.pcap", 1)};
        int[] at = {0, VxlanVectors.UDP_PAYLOAD, VxlanVectors.UDP_PAYLOAD};
        GeneveView view = new GeneveView();
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            int p = next[0]++ % packets.length;
            ByteBuffer b = packets[p];
            view.wrap(b, at[p], b.limit());
            int sum = view.vni() + view.protocolType() + view.optionsLength() + view.reservedFlags() + view.reservedOctet()
                    + view.payloadIndex() + view.payloadLength() + (view.criticalOptionsPresent() ? 1 : 0)
                    + (view.controlPacket() ? 1 : 0) + (view.hasCriticalOption() ? 1 : 0);
            for (int i = 0; i < view.optionCount(); i++) {
                sum += view.optionClass(i) + view.optionType(i) + view.optionReserved(i) + view.optionDataIndex(i)
                        + view.optionDataLength(i) + (view.optionCritical(i) ? 1 : 0);
            }
            return sum + view.findOption(0x0132, 0x03) + view.findOption(0x0100, 0x02);
        });
        assertThat(bytes).as("bytes allocated by %d wraps with option walks", AllocationMeter.CALLS).isZero();
    }

    @Test
    void shouldAllocateNothingToPeekOrCheck() {
        ByteBuffer vxlan = VxlanVectors.buffer(VxlanVectors.RFC_7348);
        ByteBuffer gpe = VxlanVectors.buffer(VxlanVectors.GPE);
        ByteBuffer geneve = VxlanVectors.buffer(VxlanVectors.GENEVE);
        long bytes = AllocationMeter.fewestBytesPerRound(() -> VxlanDecoder.flags(vxlan, 0) + VxlanDecoder.vni(vxlan, 0)
                + VxlanDecoder.groupPolicyId(vxlan, 0) + (int) VxlanDecoder.checked(vxlan, 0, 8)
                + VxlanGpeDecoder.flags(gpe, 0) + VxlanGpeDecoder.nextProtocol(gpe, 0) + VxlanGpeDecoder.vni(gpe, 0)
                + (int) VxlanGpeDecoder.checked(gpe, 0, 8) + GeneveDecoder.version(geneve, 0)
                + GeneveDecoder.optionsLength(geneve, 0) + GeneveDecoder.protocolType(geneve, 0) + GeneveDecoder.vni(geneve, 0)
                + (int) (GeneveDecoder.checked(geneve, 0, geneve.limit()) >>> 32));
        assertThat(bytes).as("bytes allocated by %d rounds of peeks", AllocationMeter.CALLS).isZero();
    }

    @Test
    void shouldCountAnAllocationWhenThereIsOne() {
        // the measurement sees a decode's record: it is not blind
        ByteBuffer geneve = VxlanVectors.buffer(VxlanVectors.GENEVE);
        long bytes = AllocationMeter.fewestBytesPerRound(() -> GeneveDecoder.decode(geneve).header().options().size());
        assertThat(bytes).isGreaterThanOrEqualTo(AllocationMeter.CALLS * 16L);
    }
}
