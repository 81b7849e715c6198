package org.tunnelcodec.vxlan;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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
import org.tunnelcodec.mpls.MplsLayers;
import org.tunnelcodec.mpls.MplsTunnels;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TunnelChecks;

/**
 * Hostile input through the VXLAN, VXLAN-GPE and Geneve bindings (with core's, the GRE and MPLS
 * modules', as a router composes them), checked against the dissector with the same modules'
 * layers ({@link TunnelChecks#check}: no exception, {@code MALFORMED} exactly where a decoder on
 * the way refuses the bytes, the inner range the tunnel layer's payload): every prefix of every
 * frame of {@code vxlan-variants.pcap} and of the shared captures with Geneve options and nested
 * VXLAN, random mutations of them, and arbitrary bytes as the UDP payload of each port.
 */
class VxlanTunnelsPropertyTest {
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(GreTunnels.bindings()).add(MplsTunnels.bindings()).add(VxlanTunnels.bindings()).build();
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .add(MplsLayers.bindings()).add(VxlanLayers.bindings()).build();
    private static final List<byte[]> FRAMES = frames();
    private static final int[] PORTS = {VxlanLayers.VXLAN_PORT, VxlanLayers.VXLAN_GPE_PORT, VxlanLayers.GENEVE_PORT};

    private static List<byte[]> frames() {
        List<byte[]> all = new ArrayList<>();
        for (CapturedFrame f : Captures.generated("vxlan-variants.pcap").frames()) {
            all.add(TunnelChecks.octets(f));
        }
        for (String name : List.of("zeek-geneve-many-options.pcap", "zeek-vxlan-triple-v2.pcap", "geneve-gcp.pcap")) {
            all.add(TunnelChecks.octets(Captures.shared(name).frames().get(0)));
        }
        return List.copyOf(all);
    }

    @Test
    void shouldAgreeWithTheDissectorOnEveryPrefixOfEveryFrame() {
        TunnelChecks.checkEveryPrefix(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, FRAMES);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return TunnelChecks.mutations(FRAMES);
    }

    @Property(tries = 5000)
    void shouldAgreeWithTheDissectorOnMutatedFrames(@ForAll("mutated") byte[] frame) {
        TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, frame, new TunnelMetadata());
    }

    @Property(tries = 3000)
    void shouldAgreeWithTheDissectorOnArbitraryUdpPayloads(@ForAll @IntRange(max = 2) int port,
                                                            @ForAll @Size(max = 120) byte[] payload) {
        // IPv4 (no checksum check on the way) and UDP with a zero checksum around the payload.
        byte[] packet = new byte[20 + 8 + payload.length];
        packet[0] = 0x45;
        packet[2] = (byte) (packet.length >>> 8);
        packet[3] = (byte) packet.length;
        packet[8] = 64;
        packet[9] = 17;
        packet[20] = (byte) 0xC0;
        packet[22] = (byte) (PORTS[port] >>> 8);
        packet[23] = (byte) PORTS[port];
        packet[24] = (byte) ((8 + payload.length) >>> 8);
        packet[25] = (byte) (8 + payload.length);
        System.arraycopy(payload, 0, packet, 28, payload.length);
        TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.IPV4, packet, new TunnelMetadata());
    }
}
