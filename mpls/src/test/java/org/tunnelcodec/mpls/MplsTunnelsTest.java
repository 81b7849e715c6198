package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.gre.GreTunnels;
import org.tunnelcodec.testdata.AllocationMeter;
import org.tunnelcodec.testdata.Captures;

/**
 * The MPLS bindings on the vectors P1 to P4 (frames 1 to 4 of {@code mpls-variants.pcap}, each
 * decoded field for field by tshark 4.0.17) and on frames of the other carriers: what the metadata
 * holds for each, the caller's label bindings, the payload type in the flags, MPLS-in-UDP over
 * DTLS left alone, the depth bound, and no allocation.
 */
class MplsTunnelsTest {
    private static final List<CapturedFrame> VARIANTS = Captures.generated("mpls-variants.pcap").frames();
    private static final TunnelClassifier PLAIN = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(GreTunnels.bindings()).add(MplsTunnels.bindings()).build();

    private final TunnelMetadata m = new TunnelMetadata();

    private static ByteBuffer frame(int number) {
        return VARIANTS.get(number - 1).data();
    }

    @Test
    void shouldDescribeP1StraightOverEthernet() {
        assertThat(PLAIN.classify(LinkType.ETHERNET, frame(1), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).isEqualTo(TunnelType.MPLS);
        assertThat(m.ipVersion()).as("no outer IP header").isZero();
        assertThat(m.ipIndex()).isEqualTo(-1);
        assertThat(m.carrier()).isEqualTo(TunnelType.NONE);
        assertThat(m.tunnelId()).as("top label").isEqualTo(100);
        assertThat(m.flags() & 0xFFF).as("TC 0, S 0, TTL 64").isEqualTo(64);
        assertThat(MplsTunnels.payloadType(m)).isEqualTo(MplsPayloadType.IPV4);
        assertThat(m.headerIndex()).isEqualTo(14);
        assertThat(m.innerIndex()).isEqualTo(22);
        assertThat(m.innerLength()).isEqualTo(36);
        assertThat(m.innerLinkType()).isEqualTo(LinkType.IPV4);
    }

    @Test
    void shouldDescribeP2OverUdpWithThePortsAndTheEntropyLabelBelowTheTop() {
        assertThat(PLAIN.classify(LinkType.ETHERNET, frame(2), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.ipv4Source()).isEqualTo(Ipv4Address.parse("192.0.2.1"));
        assertThat(m.sourcePort()).isEqualTo(54321);
        assertThat(m.destinationPort()).isEqualTo(6635);
        assertThat(m.tunnelId()).isEqualTo(1000);
        assertThat(m.flags() & 0xFFF).as("TC 5, S 0, TTL 63").isEqualTo(5 << 9 | 63);
        assertThat(m.innerIndex() - m.headerIndex()).as("three entries").isEqualTo(12);
        assertThat(m.innerProtocol()).isEqualTo(0x86DD);
    }

    @Test
    void shouldDescribeP3InGreAsAnEthernetPseudowireWithItsControlWord() {
        assertThat(PLAIN.classify(LinkType.ETHERNET, frame(3), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.carrier()).isEqualTo(TunnelType.GRE);
        assertThat(m.tunnelId()).isEqualTo(2000);
        assertThat(MplsTunnels.payloadType(m)).isEqualTo(MplsPayloadType.PW_ETHERNET_CONTROL_WORD);
        assertThat(m.innerProtocol()).as("a control word: no EtherType").isEqualTo(TunnelMetadata.NO_PROTOCOL);
        assertThat(m.innerLinkType()).isNull();
        assertThat(m.headerIndex()).as("after IPv4 and the 4-octet GRE header").isEqualTo(38);
        assertThat(m.innerIndex()).as("the control word, at the stack's end").isEqualTo(42);
    }

    @Test
    void shouldDescribeP4AsGalAndAch() {
        assertThat(PLAIN.classify(LinkType.ETHERNET, frame(4), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.tunnelId()).isEqualTo(500);
        assertThat(MplsTunnels.payloadType(m)).isEqualTo(MplsPayloadType.ACH);
    }

    @Test
    void shouldLetTheCallersLabelBindingsDecideThePayload() {
        TunnelClassifier bound = TunnelClassifier.builder()
                .add(MplsTunnels.bindings(MplsBindings.builder().bind(2005, MplsPayloadType.PW_ETHERNET).build())).build();
        assertThat(PLAIN.classify(LinkType.ETHERNET, frame(26), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(MplsTunnels.payloadType(m)).as("nibble 4 but no plausible IPv4 header").isEqualTo(MplsPayloadType.RAW);
        assertThat(bound.classify(LinkType.ETHERNET, frame(26), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(MplsTunnels.payloadType(m)).isEqualTo(MplsPayloadType.PW_ETHERNET);
        assertThat(m.innerProtocol()).isEqualTo(0x6558);
        assertThat(m.innerLinkType()).isEqualTo(LinkType.ETHERNET);
    }

    @Test
    void shouldLeaveMplsInUdpOverDtlsAloneAndRefuseAStackDeeperThanTheBound() {
        assertThat(PLAIN.classify(LinkType.ETHERNET, frame(8), m)).as("UDP 6636: DTLS records").isEqualTo(Verdict.NOT_A_TUNNEL);
        assertThat(m.destinationPort()).isEqualTo(6636);
        assertThat(PLAIN.classify(LinkType.ETHERNET, frame(14), m)).as("30 labels").isEqualTo(Verdict.TUNNEL);
        assertThat(PLAIN.classify(LinkType.ETHERNET, frame(15), m)).as("33 labels, more than 32").isEqualTo(Verdict.MALFORMED);
        assertThat(PLAIN.classify(LinkType.ETHERNET, frame(28), m)).as("cut inside the second entry")
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void shouldRefuseToReadThePayloadTypeOfAnotherTunnel() {
        assertThat(PLAIN.classify(LinkType.ETHERNET, frame(8), m)).isEqualTo(Verdict.NOT_A_TUNNEL);
        assertThatThrownBy(() -> MplsTunnels.payloadType(m)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NONE(0)");
    }

    @Test
    void shouldAllocateNothingToClassifyTheMplsVariants() {
        ByteBuffer[] buffers = VARIANTS.stream().filter(f -> f.number() != 15 && f.number() != 28)
                .map(f -> ByteBuffer.allocate(f.data().remaining()).put(f.data().duplicate()).flip())
                .toArray(ByteBuffer[]::new);
        TunnelClassifier bound = TunnelClassifier.builder().add(CoreTunnels.bindings()).add(GreTunnels.bindings())
                .add(MplsTunnels.bindings(MplsBindings.builder().bind(4004, MplsPayloadType.CONTROL_WORD).build())).build();
        int[] next = {0};
        long bytes = AllocationMeter.fewestBytesPerRound(() -> {
            ByteBuffer f = buffers[next[0]++ % buffers.length];
            return bound.classify(LinkType.ETHERNET, f, 0, f.limit(), m).ordinal() + (int) m.tunnelId() + m.flags()
                    + m.innerIndex() + m.innerProtocol() + (int) m.carrierId() + m.destinationPort();
        });
        assertThat(bytes).as("bytes allocated by %d classifications (frames 15 and 28 are malformed)",
                AllocationMeter.CALLS).isZero();
    }
}
