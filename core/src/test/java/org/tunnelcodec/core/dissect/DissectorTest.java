package org.tunnelcodec.core.dissect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException;

class DissectorTest {
    private static final Dissector CORE = Dissector.builder().add(CoreLayers.bindings()).build();

    /** {@code depth} IPv4 headers nested by protocol 4 (RFC 2003), around an empty UDP datagram. */
    private static ByteBuffer nestedIpInIp(int depth) {
        int total = depth * 20 + 8;
        ByteBuffer b = ByteBuffer.allocate(total);
        for (int i = 0; i < depth; i++) {
            int at = i * 20;
            int length = total - at;
            b.put(at, HexFormat.of().parseHex("4500" + String.format("%04x", length) + "000000004004000"
                    + "0c0000201c0000202"));
            if (i == depth - 1) {
                b.put(at + 9, (byte) 17);
            }
        }
        b.put(depth * 20 + 5, (byte) 8);
        return b;
    }

    @Test
    void shouldStopAtTheDepthLimit() {
        Dissection d = CORE.dissect(LinkType.RAW, nestedIpInIp(40));
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.DEPTH_LIMIT);
        assertThat(d.layers()).hasSize(Dissector.DEFAULT_MAX_DEPTH);
        assertThat(d.stopOffset()).isEqualTo(16 * 20);
    }

    @Test
    void shouldWalkNestedTunnelsToTheEnd() {
        Dissection d = CORE.dissect(LinkType.RAW, nestedIpInIp(5));
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ipv4", "ipv4", "ipv4", "ipv4", "ipv4", "udp");
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.COMPLETE);
    }

    @Test
    void shouldReadLinkTypeIpv4AndIpv6AsTheVersionTheyNameAndRawByTheVersionField() {
        ByteBuffer ipv4 = nestedIpInIp(1);
        assertThat(CORE.dissect(LinkType.RAW, ipv4).layers()).extracting(DissectedLayer::name).startsWith("ipv4");
        assertThat(CORE.dissect(LinkType.IPV4, ipv4).layers()).extracting(DissectedLayer::name).startsWith("ipv4");
        // an IPv4 packet where LINKTYPE_IPV6 promises IPv6 is malformed, as the tunnel classifier says
        Dissection d = CORE.dissect(LinkType.IPV6, ipv4);
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.MALFORMED);
        assertThat(d.failedLayer()).isEqualTo("ipv6");
    }

    @Test
    void shouldRecordTheFailingLayerWithFrameOffsets() {
        ByteBuffer b = nestedIpInIp(3);
        b.put(40, (byte) 0x35); // the third header claims IHL 5 but version 3
        Dissection d = CORE.dissect(LinkType.RAW, b);
        assertThat(d.layers()).hasSize(2);
        assertThat(d.failedLayer()).isEqualTo("ipv4");
        assertThat(d.error().reason()).isEqualTo(MalformedPacketException.Reason.UNSUPPORTED_VERSION);
        assertThat(d.error().offset()).isEqualTo(40);
        assertThat(d.error().getMessage()).isEqualTo("ipv4 Version UNSUPPORTED_VERSION at offset 40: 3 (expected: 4)");
    }

    @Test
    void shouldRefuseToBindAKeyTwice() {
        assertThatThrownBy(() -> Dissector.builder().add(CoreLayers.bindings()).add(CoreLayers.bindings()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already bound");
    }

    /** Ethernet / IPv4 / UDP 40000 > 53 with 4 payload octets, whole and valid (RFC 791, RFC 768 layouts). */
    private static final String ETH_IPV4_UDP = "020000000002" + "020000000001" + "0800"
            + "4500002000010000401100000a0000010a000002" + "9c4000350" + "00c0000" + "01020304";

    private static ByteBuffer hex(String h) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(h));
    }

    @Test
    void shouldDecodeEveryHeaderACutFrameHoldsAndSayTheCaptureCutIt() {
        ByteBuffer frame = hex(ETH_IPV4_UDP);
        // tcpdump -s 38: the UDP header is cut after 4 of its 8 octets.
        Dissection d = CORE.dissect(LinkType.ETHERNET, frame.slice(0, 38), 46, 0);
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ethernet", "ipv4");
        assertThat(d.layers().get(1).payloadLength()).isEqualTo(12); // Total Length, as on the wire
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.CAPTURE_CUT);
        assertThat(d.failedLayer()).isEqualTo("udp");
        assertThat(d.stopOffset()).isEqualTo(34);
        assertThat(d.isMalformed()).isFalse();
        assertThat(d.isCutByCapture()).isTrue();

        // -s 42: every header is whole; only payload is missing.
        Dissection whole = CORE.dissect(LinkType.ETHERNET, frame.slice(0, 42), 46, 0);
        assertThat(whole.layers()).extracting(DissectedLayer::name).containsExactly("ethernet", "ipv4", "udp");
        assertThat(whole.stopReason()).isEqualTo(Dissection.StopReason.NO_DECODER);
    }

    @Test
    void shouldKeepMalformedForBytesThatContradictThemselvesWithinTheCapture() {
        ByteBuffer frame = hex(ETH_IPV4_UDP);
        frame.put(14, (byte) 0x55); // IPv4 version 5, inside the captured octets
        Dissection d = CORE.dissect(LinkType.ETHERNET, frame.slice(0, 38), 46, 0);
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.MALFORMED);
        assertThat(d.error().reason()).isEqualTo(MalformedPacketException.Reason.UNSUPPORTED_VERSION);

        ByteBuffer lying = hex(ETH_IPV4_UDP);
        lying.put(14 + 3, (byte) 0x60); // Total Length 96, past the 46 octets on the wire
        Dissection l = CORE.dissect(LinkType.ETHERNET, lying.slice(0, 38), 46, 0);
        assertThat(l.stopReason()).isEqualTo(Dissection.StopReason.MALFORMED);
        assertThat(l.error().field()).isEqualTo("Total Length");
    }

    @Test
    void shouldNameTheEnclosingLengthFieldThatCutAHeaderShort() {
        // IPv4 in IPv4 (RFC 2003) whose outer Total Length leaves the inner header 10 octets,
        // in a buffer that has the rest.
        ByteBuffer b = nestedIpInIp(2);
        b.putShort(2, (short) 30);
        Dissection d = CORE.dissect(LinkType.RAW, b);
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.MALFORMED);
        assertThat(d.error().reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
        assertThat(d.limitedBy()).isEqualTo("ipv4 Total Length");

        ByteBuffer cut = nestedIpInIp(2).slice(0, 30); // the buffer itself ends there: nothing bounded it
        assertThat(CORE.dissect(LinkType.RAW, cut).limitedBy()).isNull();
    }

    @Test
    void shouldNameTheFailingLayersOwnLengthFieldThatCutAHeaderShort() {
        // IPv6 (RFC 8200) whose Payload Length of 4 leaves a Hop-by-Hop header 4 of its 8 octets,
        // in a buffer that has them all.
        ByteBuffer b = hex("6000000000040040" + "20010db8000000000000000000000001" + "20010db8000000000000000000000002"
                + "3b00050200000100");
        Dissection d = CORE.dissect(LinkType.RAW, b);
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.MALFORMED);
        assertThat(d.error().boundedBy()).isEqualTo("ipv6 Payload Length");
        assertThat(d.limitedBy()).isEqualTo("ipv6 Payload Length");
    }

    @Test
    void shouldLookAKeyUpInItsSpaceThenInItsFallback() {
        KeySpace mine = new KeySpace(200, "test.next", KeySpace.ETHER_TYPE);
        ProtocolLayer<String> prefix = ProtocolLayer.of("prefix",
                (src, index, limit, out) -> {
                    org.tunnelcodec.core.internal.Wire.require("Test", "Type", index, index, 2, limit);
                    out.lengths(2, limit - index - 2).next(mine, org.tunnelcodec.core.internal.Wire.u16(src, index));
                },
                (src, index, limit) -> org.tunnelcodec.core.Decoded.of("prefix", 2, src, index + 2, limit - index - 2),
                h -> h);
        ByteBuffer frame = ByteBuffer.allocate(2 + 28);
        frame.putShort(0, (short) 0x0800).put(2, nestedIpInIp(1), 0, 28);
        Dissector d = Dissector.builder().add(CoreLayers.bindings())
                .add(new LayerBinding(LayerKey.linkType(147), prefix)).build();
        assertThat(d.dissect(LinkType.of(147), frame).layers()).extracting(DissectedLayer::name)
                .containsExactly("prefix", "ipv4", "udp"); // 0x0800 is not bound in test.next: the EtherType is

        Dissector own = Dissector.builder().add(CoreLayers.bindings())
                .add(new LayerBinding(LayerKey.linkType(147), prefix))
                .add(new LayerBinding(new LayerKey(mine, 0x0800), prefix)).build();
        assertThat(own.dissect(LinkType.of(147), frame).layers()).extracting(DissectedLayer::name)
                .startsWith("prefix", "prefix"); // the space's own binding comes first
    }

    @Test
    void shouldReportEachStopKeyInTheSpaceItsLayerNamedItIn() {
        KeySpace unknown = KeySpace.of(301, "test.unknown");
        KeySpace sameIdAsBound = KeySpace.of(302, "test.other");
        KeySpace bound = KeySpace.of(302, "test.bound");
        ProtocolLayer<String> prefix = ProtocolLayer.of("prefix",
                (src, index, limit, out) -> out.lengths(2, limit - index - 2).next(unknown, 7)
                        .next(src.get(index) == 0 ? KeySpace.GRE_PROTOCOL : sameIdAsBound, 9),
                (src, index, limit) -> org.tunnelcodec.core.Decoded.of("prefix", 2, src, index + 2, limit - index - 2),
                h -> h);
        Dissector d = Dissector.builder().add(CoreLayers.bindings())
                .add(new LayerBinding(LayerKey.linkType(147), prefix))
                .add(new LayerBinding(new LayerKey(bound, 1), CoreLayers.IPV4)).build();

        // A space the dissector does not know, then one it knows with its fallback.
        Dissection first = d.dissect(LinkType.of(147), hex("0000ffff"));
        assertThat(first.nextKeys()).containsExactly(new LayerKey(unknown, 7),
                new LayerKey(KeySpace.GRE_PROTOCOL, 9), new LayerKey(KeySpace.ETHER_TYPE, 9));
        // The same walk, reused: an id the dissector knows, in another space of that id.
        FrameWalk walk = d.newWalk().wrap(LinkType.of(147), hex("0000ffff"));
        while (walk.next()) {
            continue;
        }
        walk.wrap(LinkType.of(147), hex("0100ffff"));
        while (walk.next()) {
            continue;
        }
        assertThat(walk.stopKeyCount()).isEqualTo(2);
        assertThat(walk.stopLayerKey(0)).isEqualTo(new LayerKey(unknown, 7));
        assertThat(walk.stopLayerKey(1)).isEqualTo(new LayerKey(sameIdAsBound, 9));
        assertThat(walk.stopLayerKey(1).space().name()).isEqualTo("test.other");
        // The first key of a frame, in a space no layer named.
        FrameWalk bare = d.newWalk().wrap(LayerKey.pack(KeySpace.of(303, "test.first"), 1), hex("00"), 0, 1, 0);
        assertThat(bare.next()).isFalse();
        assertThat(bare.stopLayerKey(0).space().name()).isEqualTo("space303");
    }

    @Test
    void shouldRefuseTwoKeySpacesWithOneId() {
        KeySpace a = KeySpace.of(300, "a");
        KeySpace b = KeySpace.of(300, "b");
        Dissector.Builder builder = Dissector.builder().add(new LayerBinding(new LayerKey(a, 1), CoreLayers.IPV4))
                .add(new LayerBinding(new LayerKey(b, 1), CoreLayers.IPV4));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id 300");
    }

    @Test
    void shouldWalkTheLayersDissectFindsAndDecodeRecordsOnDemand() {
        ByteBuffer frame = hex(ETH_IPV4_UDP);
        FrameWalk walk = CORE.newWalk().wrap(LinkType.ETHERNET, frame);
        assertThat(walk.next()).isTrue();
        assertThat(walk.layer()).isSameAs(CoreLayers.ETHERNET);
        assertThat(walk.nextKey()).isEqualTo(LayerKey.pack(KeySpace.ETHER_TYPE, 0x0800));
        assertThat(walk.next()).isTrue();
        assertThat(walk.layerId()).isEqualTo(CORE.layerId(CoreLayers.IPV4));
        assertThat(walk.offset()).isEqualTo(14);
        assertThat(walk.headerLength()).isEqualTo(20);
        assertThat(walk.payloadLength()).isEqualTo(12);
        assertThat(walk.header()).isEqualTo(CORE.dissect(LinkType.ETHERNET, frame).layers().get(1).header());
        assertThat(walk.next()).isTrue();
        assertThat(walk.payloadIndex()).isEqualTo(42);
        assertThat(walk.next()).isFalse();
        assertThat(walk.stopReason()).isEqualTo(Dissection.StopReason.NO_DECODER);
        assertThat(walk.stopKeyCount()).isEqualTo(2);
        assertThat(walk.stopKey(0)).isEqualTo(LayerKey.pack(KeySpace.UDP_PORT, 53));
        assertThat(walk.stopKey(1)).isEqualTo(LayerKey.pack(KeySpace.UDP_PORT, 40000));
        assertThat(walk.remaining()).isEqualTo(4);
        assertThat(walk.next()).isFalse();
        // Wrapped again, it starts over.
        assertThat(walk.wrap(LinkType.ETHERNET, frame).next()).isTrue();
        assertThat(walk.depth()).isEqualTo(1);
    }

    @Property(tries = 3000)
    void shouldNeverThrowForAnyBytesOnAnyLinkType(@ForAll @Size(max = 200) byte[] bytes,
                                                  @ForAll("linkTypes") int linkType,
                                                  @ForAll @IntRange(max = 3) int offset) {
        ByteBuffer b = ByteBuffer.allocate(bytes.length + offset);
        b.put(offset, bytes).position(offset);
        Dissection d = CORE.dissect(LinkType.of(linkType), b);
        assertThat(b.position()).isEqualTo(offset);
        int end = 0;
        for (DissectedLayer l : d.layers()) {
            assertThat(l.offset()).isGreaterThanOrEqualTo(end);
            end = l.offset() + l.length();
            assertThat(end + l.payloadLength()).isLessThanOrEqualTo(bytes.length);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> linkTypes() {
        return net.jqwik.api.Arbitraries.of(0, 1, 101, 108, 113, 228, 229, 276, 9999);
    }
}
