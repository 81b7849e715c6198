package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.gre.wccp.WccpVersion;

/**
 * The GRE bindings on the WCCP vectors (W1, a WCCPv2 redirect; W2, a WCCPv1 one; both decoded
 * field for field by tshark 4.0.17, see {@code GreHostileInputTest}) with each WCCP version, the
 * carrier, and malformed headers.
 */
class GreTunnelsTest {
    /** W1 from the IPv4 header: 192.0.2.254 → 192.0.2.10, GRE 0x883E, redirect header 03 5a 7f 3c. */
    private static final String W1 = "4500004407070000ff2f2f7bc00002fec000020a0000883e035a7f3c"
            + "4500002804d240003f06ed140a0a0a055db8d822c030005011223344000000005002faf066210000";
    /** W2: the same inner packet right after GRE (WCCPv1). */
    private static final String W2 = "4500004007080000ff2f2f7ec00002fec000020a0000883e"
            + "4500002804d240003f06ed140a0a0a055db8d822c030005011223344000000005002faf066210000";

    private final TunnelMetadata m = new TunnelMetadata();

    private static ByteBuffer raw(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    private static TunnelClassifier classifier(WccpVersion v) {
        return TunnelClassifier.builder().add(GreTunnels.bindings(v)).build();
    }

    @Test
    void shouldReadTheRedirectHeaderOfWccpv2WithGreAsItsCarrier() {
        assertThat(classifier(WccpVersion.AUTO).classify(LinkType.RAW, raw(W1), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).isEqualTo(TunnelType.WCCP);
        assertThat(m.carrier()).isEqualTo(TunnelType.GRE);
        assertThat(m.hasCarrierId()).isFalse();
        assertThat(m.tunnelId()).as("Service ID").isEqualTo(90);
        assertThat(m.flags()).isEqualTo(0x035a7f3c);
        assertThat(m.headerIndex()).isEqualTo(24);
        assertThat(m.innerIndex()).isEqualTo(28);
        assertThat(m.innerLength()).isEqualTo(40);
        assertThat(m.innerProtocol()).isEqualTo(0x0800);
    }

    @Test
    void shouldFindTheInnerPacketRightAfterGreForWccpv1() {
        assertThat(classifier(WccpVersion.AUTO).classify(LinkType.RAW, raw(W2), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).isEqualTo(TunnelType.WCCP);
        assertThat(m.hasTunnelId()).isFalse();
        assertThat(m.flags()).isZero();
        assertThat(m.innerIndex()).isEqualTo(24);
        assertThat(m.innerLength()).isEqualTo(40);
    }

    @Test
    void shouldFollowTheConfiguredWccpVersion() {
        assertThat(classifier(WccpVersion.V1).classify(LinkType.RAW, raw(W1), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.hasTunnelId()).as("V1: the redirect header is taken for the packet").isFalse();
        assertThat(m.innerIndex()).isEqualTo(24);
        assertThat(classifier(WccpVersion.V2).classify(LinkType.RAW, raw(W2), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.flags()).as("V2: the inner header's first word is taken for a redirect header").isEqualTo(0x45000028);
        assertThat(m.innerProtocol()).isEqualTo(TunnelMetadata.NO_PROTOCOL);
        ByteBuffer bare = raw("4500001807080000ff2f2f9ec00002fec000020a0000883e");
        assertThat(classifier(WccpVersion.V2).classify(LinkType.RAW, bare, m)).as("no redirect header")
                .isEqualTo(Verdict.MALFORMED);
        assertThat(classifier(WccpVersion.V1).classify(LinkType.RAW, bare, m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.innerLength()).isZero();
    }

    @Test
    void shouldLeaveWccpAsGreTypeWhenWccpIsNotBound() {
        TunnelClassifier greOnly = TunnelClassifier.builder().add(GreTunnels.bindings().subList(0, 2)).build();
        assertThat(greOnly.classify(LinkType.RAW, raw(W1), m)).isEqualTo(Verdict.TUNNEL);
        assertThat(m.type()).isEqualTo(TunnelType.GRE);
        assertThat(m.innerProtocol()).isEqualTo(0x883E);
        assertThat(m.innerIndex()).isEqualTo(24);
    }

    @Test
    void shouldCallMalformedWhatGreDecoderRefuses() {
        byte[] version2 = HexFormat.of().parseHex(W1);
        version2[21] = 2; // Ver 2 (RFC 2784 §2.3.1 defines 0, RFC 2637 1)
        assertThat(classifier(WccpVersion.AUTO).classify(LinkType.RAW, ByteBuffer.wrap(version2), m))
                .isEqualTo(Verdict.MALFORMED);
        assertThatThrownBy(() -> GreDecoder.decode(ByteBuffer.wrap(version2), 20, version2.length))
                .isInstanceOf(org.tunnelcodec.core.MalformedPacketException.class);
        byte[] keyCut = HexFormat.of().parseHex("4500001807080000ff2f2f9ec00002fec000020a20000800");
        assertThat(classifier(WccpVersion.AUTO).classify(LinkType.RAW, ByteBuffer.wrap(keyCut), m))
                .as("K set, no Key").isEqualTo(Verdict.MALFORMED);
    }
}
