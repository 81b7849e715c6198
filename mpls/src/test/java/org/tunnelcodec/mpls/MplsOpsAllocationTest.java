package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tunnelcodec.mpls.OpsPackets.hex;
import static org.tunnelcodec.mpls.OpsPackets.ipv4;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.mpls.MplsLabelOps.Result;
import org.tunnelcodec.testdata.AllocationMeter;

/**
 * The per-packet operations allocate nothing once warm, as the test kit's {@code AllocationMeter}
 * counts them (skipped where the JVM cannot count). Timings and bytes per operation under JMH
 * are the benchmarks' business; this test only guards against an allocation creeping onto the
 * data path.
 */
class MplsOpsAllocationTest {
    @Test
    void shouldAllocateNothingPerPacketToPushSwapAndPop() {
        byte[] ip = ipv4(64, hex("04d2162e000a0000"));
        MplsPush route = MplsPush.builder(MplsTtlModel.uniform()).label(100, 5).label(200).entropyLabelAfter(1).build();
        MplsPush stitch = MplsPush.builder(MplsTtlModel.pipe(255)).label(300).entropyLabelAfter(1).build();
        MplsBindings bindings = MplsBindings.builder().bind(200, MplsPayloadType.IPV4).build();
        int headroom = route.length() + stitch.length();
        ByteBuffer heap = ByteBuffer.allocate(headroom + ip.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(headroom + ip.length);

        long bytes = AllocationMeter.fewestBytesPerRound(() -> packet(heap, ip, headroom, route, stitch, bindings)
                + packet(direct, ip, headroom, route, stitch, bindings));
        assertThat(bytes).as("bytes allocated by %d packets, heap and direct", 2 * AllocationMeter.CALLS).isZero();
    }

    /** One packet through an ingress, a transit with a stitched LSP, and an egress. */
    private static int packet(ByteBuffer buf, byte[] ip, int headroom, MplsPush route, MplsPush stitch,
                              MplsBindings bindings) {
        buf.put(headroom, ip); // the IP TTL and checksum as they arrived
        int end = headroom + ip.length;
        int at = route.push(buf, headroom, end, MplsPayloadType.IPV4);          // 100, ELI, EL, 200
        int r = MplsLabelOps.swap(buf, at, end, 101).ordinal();                    // 101, ELI, EL, 200
        at = stitch.pushOntoStack(buf, at, end);                                   // 300, ELI, EL, 101, ...
        r += MplsLabelOps.pop(buf, at, end, MplsTtlModel.pipe(255), bindings).ordinal();
        r += MplsLabelOps.popEntropyLabel(buf, at + 4, end, MplsTtlModel.pipe(255), bindings).ordinal();
        at += 12;
        r += MplsLabelOps.pop(buf, at, end, MplsTtlModel.uniform(), bindings).ordinal();
        r += MplsLabelOps.popEntropyLabel(buf, at + 4, end, MplsTtlModel.uniform(), bindings).ordinal();
        at += 12;
        Result last = MplsLabelOps.pop(buf, at, end, MplsTtlModel.uniform(), bindings); // IPv4 TTL and checksum written
        return r + last.ordinal() + buf.get(at + 4 + 8);
    }
}
