package org.tunnelcodec.core.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;

/** The holder's extractor-facing calls refuse bad arguments; its accessors and description. */
class TunnelMetadataTest {
    @Test
    void shouldStartEmpty() {
        TunnelMetadata m = new TunnelMetadata();
        assertThat(m.type()).isEqualTo(TunnelType.NONE);
        assertThat(m.ipVersion()).isZero();
        assertThat(m.ipIndex()).isEqualTo(-1);
        assertThat(m.sourcePort()).isEqualTo(-1);
        assertThat(m.innerIndex()).isEqualTo(-1);
        assertThat(m.innerEtherType()).isNull();
        assertThat(m.innerLinkType()).isNull();
        assertThatThrownBy(m::ipv6Source).isInstanceOf(IllegalStateException.class).hasMessageContaining("ipVersion: 0");
        assertThat(m).hasToString("TunnelMetadata[NONE(0) flags 0x0]");
    }

    @Test
    void shouldRefuseWhatNoExtractorMayDescribe() {
        TunnelMetadata m = new TunnelMetadata();
        assertThatThrownBy(() -> m.tunnel(TunnelType.NONE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.tunnel(null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.inner(-1, 0, 0x0800)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.inner(0, -1, 0x0800)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.inner(0, 0, 0x10000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("protocol: 65536 (expected: -1..65535)");
        assertThatThrownBy(() -> m.next(KeySpace.GRE_PROTOCOL, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameTheNextKeyWithItsFallback() {
        TunnelMetadata m = new TunnelMetadata();
        m.next(KeySpace.GRE_PROTOCOL, 0x8847);
        assertThat(m.nextKey).isEqualTo(LayerKey.greProtocol(0x8847).packed());
        assertThat(m.nextFallback).isEqualTo(LayerKey.etherType(0x8847).packed());
        m.next(KeySpace.UDP_PORT, 4789);
        assertThat(m.nextFallback).isEqualTo(LayerKey.NONE);
    }

    @Test
    void shouldDescribeItselfOnOneLine() {
        TunnelMetadata m = new TunnelMetadata();
        TunnelClassifier c = TunnelClassifier.builder().add(CoreTunnels.bindings()).build();
        c.classify(LinkType.ETHERNET, ByteBuffer.wrap(TunnelVectors.bytes(TunnelVectors.IPV4_IN_IPV6)), m);
        assertThat(m).hasToString("TunnelMetadata[IPV4_IN_IPV6(3) flags 0x0 2001:db8:ffff::1 > 2001:db8:ffff::2"
                + " tos 0x00 ttl 64 inner 54+44 0x0800]");
        assertThat(m.innerEtherType()).isEqualTo(EtherType.IPV4);
        m.tunnel(TunnelType.GRE, 0x2000).id(0xFFFF_FFFFL).partial();
        assertThat(m.toString()).contains("GRE(5) id 4294967295 flags 0x2000").endsWith("partial]");
    }
}
