package org.tunnelcodec.mpls;

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
import org.tunnelcodec.gre.GreLayers;
import org.tunnelcodec.gre.GreTunnels;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TunnelChecks;

/**
 * Hostile input through the MPLS bindings (with core's and the GRE module's, as a router composes
 * them), checked against the dissector with the same modules' layers ({@link TunnelChecks#check}:
 * no exception, {@code MALFORMED} exactly where the label stack's, GRE's, UDP's or IP's decoder
 * refuses the bytes, the inner range the {@code mpls} layer's payload): every prefix of every
 * frame of {@code mpls-variants.pcap} and of frame 5 of {@code gre-variants.pcap}, random
 * mutations of them, and arbitrary bytes as a label stack over Ethernet.
 */
class MplsTunnelsPropertyTest {
    private static final MplsBindings BINDINGS = MplsBindings.builder().bind(4004, MplsPayloadType.CONTROL_WORD)
            .bind(2005, MplsPayloadType.PW_ETHERNET).build();
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(GreTunnels.bindings()).add(MplsTunnels.bindings(BINDINGS)).build();
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .add(MplsLayers.bindings(BINDINGS)).build();
    private static final List<byte[]> FRAMES = frames();

    private static List<byte[]> frames() {
        List<byte[]> all = new ArrayList<>();
        for (CapturedFrame f : Captures.generated("mpls-variants.pcap").frames()) {
            all.add(TunnelChecks.octets(f));
        }
        all.add(TunnelChecks.octets(Captures.generated("gre-variants.pcap").frames().get(4)));
        return List.copyOf(all);
    }

    @Test
    void shouldAgreeWithTheDissectorOnEveryPrefixOfEveryMplsFrame() {
        TunnelChecks.checkEveryPrefix(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, FRAMES);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return TunnelChecks.mutations(FRAMES);
    }

    @Property(tries = 5000)
    void shouldAgreeWithTheDissectorOnMutatedMplsFrames(@ForAll("mutated") byte[] frame) {
        TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, frame, new TunnelMetadata());
    }

    @Property(tries = 3000)
    void shouldAgreeWithTheDissectorOnArbitraryLabelStacksOverEthernet(@ForAll @Size(max = 150) byte[] stack) {
        byte[] frame = new byte[14 + stack.length];
        frame[12] = (byte) 0x88;
        frame[13] = 0x47;
        System.arraycopy(stack, 0, frame, 14, stack.length);
        TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, frame, new TunnelMetadata());
    }
}
