package org.tunnelcodec.stt;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TunnelChecks;

/**
 * Hostile input through the STT binding, checked against the dissector with the stateless STT
 * layers ({@link TunnelChecks#check}): every prefix of every frame of {@code stt-segments.pcap},
 * random mutations of them, and arbitrary bytes behind a TCP header to port 7471.
 */
class SttTunnelsPropertyTest {
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(SttTunnels.bindings()).build();
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(SttLayers.bindings())
            .build();
    private static final List<byte[]> FRAMES = frames();

    private static List<byte[]> frames() {
        List<byte[]> all = new ArrayList<>();
        for (CapturedFrame f : Captures.generated("stt-segments.pcap").frames()) {
            all.add(TunnelChecks.octets(f));
        }
        return List.copyOf(all);
    }

    @Test
    void shouldAgreeWithTheDissectorOnEveryPrefixOfEverySegment() {
        TunnelChecks.checkEveryPrefix(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, FRAMES);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return TunnelChecks.mutations(FRAMES);
    }

    @Property(tries = 5000)
    void shouldAgreeWithTheDissectorOnMutatedSegments(@ForAll("mutated") byte[] frame) {
        TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, frame, new TunnelMetadata());
    }

    @Property(tries = 2000)
    void shouldAgreeWithTheDissectorOnArbitraryBytesBehindTheSttPort(@ForAll @Size(max = 80) byte[] payload) {
        // IPv4 192.0.2.1 -> 192.0.2.2, protocol 6, then TCP 50000 -> 7471 with Data Offset 5, then the bytes.
        byte[] frame = FRAMES.get(0);
        int headers = 14 + 20 + 20;
        byte[] b = java.util.Arrays.copyOf(frame, headers + payload.length);
        System.arraycopy(payload, 0, b, headers, payload.length);
        int total = 20 + 20 + payload.length;
        b[14 + 2] = (byte) (total >>> 8);
        b[14 + 3] = (byte) total;
        TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, b, new TunnelMetadata());
    }
}
