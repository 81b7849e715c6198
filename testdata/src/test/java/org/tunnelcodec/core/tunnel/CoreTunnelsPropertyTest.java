package org.tunnelcodec.core.tunnel;

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
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TunnelChecks;

/**
 * Hostile input through core's classifier, checked against the dissector of the core layers
 * ({@link TunnelChecks#check}): every prefix of the generated IP-in-IP frames, random mutations
 * of them, and arbitrary bytes under every link type the classifier walks.
 */
class CoreTunnelsPropertyTest {
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings()).build();
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).build();
    private static final List<byte[]> FRAMES = frames();

    private static List<byte[]> frames() {
        List<CapturedFrame> core = Captures.generated("core-layers.pcap").frames();
        List<CapturedFrame> sample = Captures.generated("tunneldump-sample.pcap").frames();
        return List.of(TunnelChecks.octets(core.get(14)), TunnelChecks.octets(core.get(15)), TunnelChecks.octets(core.get(16)), TunnelChecks.octets(core.get(17)),
                TunnelChecks.octets(core.get(5)), TunnelChecks.octets(sample.get(2)), TunnelChecks.octets(sample.get(3)), TunnelChecks.octets(sample.get(4)));
    }

    @Test
    void shouldAgreeWithTheDissectorOnEveryPrefixOfTheTunnelFrames() {
        TunnelChecks.checkEveryPrefix(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, FRAMES);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return TunnelChecks.mutations(FRAMES);
    }

    @Property(tries = 3000)
    void shouldAgreeWithTheDissectorOnMutatedTunnelFrames(@ForAll("mutated") byte[] frame) {
        TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, frame, new TunnelMetadata());
    }

    @Property(tries = 2000)
    void shouldAgreeWithTheDissectorOnArbitraryBytes(@ForAll @Size(max = 160) byte[] bytes) {
        TunnelMetadata m = new TunnelMetadata();
        for (LinkType t : List.of(LinkType.ETHERNET, LinkType.RAW, LinkType.IPV4, LinkType.IPV6)) {
            TunnelChecks.check(CLASSIFIER, DISSECTOR, t, bytes, m);
        }
    }
}
