package org.tunnelcodec.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelBinding;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;

/**
 * The kit's checks are not blind: {@link TunnelChecks#check} fails a classifier whose inner range
 * or verdict disagrees with the dissector, and {@link AllocationMeter} counts an allocation.
 */
class TunnelChecksTest {
    /** core-layers #15: Ethernet / IPv4 (protocol 4) / IPv4 / UDP. */
    private static final byte[] IPIP = HexFormat.of().parseHex("02005e10000202005e100001080045000040400100004004c2b4cb"
            + "007101cb0071024500002c400200003f114f6dc000020ac63364149c4a0009001820ef74756e6e656c636f6465632074756e6e");
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).build();

    @Test
    void shouldPassCoresOwnBindings() {
        TunnelClassifier good = TunnelClassifier.builder().add(CoreTunnels.bindings()).build();
        assertThat(TunnelChecks.check(good, DISSECTOR, LinkType.ETHERNET, IPIP, new TunnelMetadata()))
                .isEqualTo(TunnelClassifier.Verdict.TUNNEL);
    }

    @Test
    void shouldFailAnInnerRangeNoDissectorLayerHas() {
        TunnelClassifier offByOne = TunnelClassifier.builder().add(new TunnelBinding(LayerKey.ipProtocol(4),
                (src, index, limit, out) -> out.tunnel(TunnelType.IPV4_IN_IPV4, 0).inner(index + 1, limit - index - 1, 0x0800)))
                .build();
        assertThatThrownBy(() -> TunnelChecks.check(offByOne, DISSECTOR, LinkType.ETHERNET, IPIP, new TunnelMetadata()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("whose payload is the inner range");
    }

    @Test
    void shouldFailAMalformedVerdictTheDissectorDoesNotShare() {
        TunnelClassifier refuses = TunnelClassifier.builder().add(new TunnelBinding(LayerKey.ipProtocol(4),
                (src, index, limit, out) -> {
                    throw MalformedPacketException.truncated("ipv4", "Version", 0, 20, 0);
                })).build();
        assertThatThrownBy(() -> TunnelChecks.check(refuses, DISSECTOR, LinkType.ETHERNET, IPIP, new TunnelMetadata()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("stops malformed");
    }

    @Test
    void shouldCountAnAllocationWhenThereIsOne() {
        long bytes = AllocationMeter.fewestBytesPerRound(() -> new int[4].length);
        // Escape analysis may remove a local array; an array kept in a field is allocated for sure.
        long kept = AllocationMeter.fewestBytesPerRound(() -> (sink = new int[4]).length);
        assertThat(kept).isGreaterThanOrEqualTo(AllocationMeter.CALLS * 16L);
        assertThat(bytes).isLessThanOrEqualTo(kept);
    }

    private static int[] sink;
}
