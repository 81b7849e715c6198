package org.tunnelcodec.gre;

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
 * Hostile input through the GRE module's tunnel bindings, checked against the dissector with the
 * same modules' layers ({@link TunnelChecks#check}: no exception, {@code MALFORMED} exactly where
 * GRE's, WCCP's, UDP's or IP's decoder refuses the bytes, the inner range a dissector layer's
 * payload): every prefix of every GRE frame of {@code gre-variants.pcap} and
 * {@code tunneldump-sample.pcap}, random mutations of them, and arbitrary bytes.
 */
class GreTunnelsPropertyTest {
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(GreTunnels.bindings()).build();
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .build();
    private static final List<byte[]> FRAMES = frames();

    private static List<byte[]> frames() {
        List<byte[]> all = new ArrayList<>();
        for (CapturedFrame f : Captures.generated("gre-variants.pcap").frames()) {
            all.add(TunnelChecks.octets(f));
        }
        List<CapturedFrame> sample = Captures.generated("tunneldump-sample.pcap").frames();
        for (int n = 7; n <= 13; n++) {
            all.add(TunnelChecks.octets(sample.get(n - 1)));
        }
        return List.copyOf(all);
    }

    @Test
    void shouldAgreeWithTheDissectorOnEveryPrefixOfEveryGreFrame() {
        TunnelMetadata m = new TunnelMetadata();
        for (byte[] frame : FRAMES) {
            for (byte[] prefix : TunnelChecks.prefixes(frame)) {
                TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, prefix, m);
            }
            TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.RAW, java.util.Arrays.copyOfRange(frame, 14, frame.length), m);
        }
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return TunnelChecks.mutations(FRAMES);
    }

    @Property(tries = 5000)
    void shouldAgreeWithTheDissectorOnMutatedGreFrames(@ForAll("mutated") byte[] frame) {
        TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, frame, new TunnelMetadata());
    }

    @Property(tries = 2000)
    void shouldAgreeWithTheDissectorOnArbitraryBytes(@ForAll @Size(max = 120) byte[] bytes) {
        TunnelMetadata m = new TunnelMetadata();
        for (LinkType t : List.of(LinkType.ETHERNET, LinkType.RAW)) {
            TunnelChecks.check(CLASSIFIER, DISSECTOR, t, bytes, m);
        }
    }
}
