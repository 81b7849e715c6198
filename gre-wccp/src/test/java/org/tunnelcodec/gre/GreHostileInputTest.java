package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.gre.wccp.WccpDecapsulation;
import org.tunnelcodec.gre.wccp.WccpDecapsulator;
import org.tunnelcodec.gre.wccp.WccpRouter;
import org.tunnelcodec.gre.wccp.WccpVersion;

/** Hostile bytes through the GRE module's dissector layers and the WCCP decapsulator. */
class GreHostileInputTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .build();
    /**
     * Vector W1, to mutate: a WCCPv2 GRE redirect (draft-wilson-wrec-wccp-v2-01 4.12.1) from
     * router 192.0.2.254 to cache 192.0.2.10, dynamic service 90, alternate bucket used, a TCP
     * SYN inside; tshark 4.0.17 decodes every one of these fields as given, checksums good.
     */
    private static final byte[] W1 = HexFormat.of().parseHex("4500004407070000ff2f2f7bc00002fec000020a0000883e035a7f3c"
            + "4500002804d240003f06ed140a0a0a055db8d822c030005011223344000000005002faf066210000");

    @Provide
    Arbitrary<byte[]> mutatedW1() {
        return Arbitraries.integers().between(0, W1.length - 1).list().ofMaxSize(6).flatMap(at ->
                Arbitraries.bytes().list().ofSize(at.size()).flatMap(values -> Arbitraries.integers().between(0, W1.length)
                        .map(cut -> {
                            byte[] b = java.util.Arrays.copyOf(W1, cut);
                            for (int i = 0; i < at.size(); i++) {
                                if (at.get(i) < b.length) {
                                    b[at.get(i)] = values.get(i);
                                }
                            }
                            return b;
                        })));
    }

    @Property(tries = 3000)
    void shouldNeverThrowWhileDissectingAnyBytesWithTheGreLayers(@ForAll @Size(max = 160) byte[] bytes,
                                                                 @ForAll("linkTypes") int linkType) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        Dissection d = DISSECTOR.dissect(LinkType.of(linkType), b);
        assertThat(b.position()).isZero();
        for (DissectedLayer l : d.layers()) {
            assertThat(l.offset() + l.length() + l.payloadLength()).isLessThanOrEqualTo(bytes.length);
        }
    }

    @Property(tries = 3000)
    void shouldNeverThrowWhileDissectingMutatedGrePackets(@ForAll("mutatedW1") byte[] bytes) {
        Dissection d = DISSECTOR.dissect(LinkType.RAW, ByteBuffer.wrap(bytes));
        assertThat(d.layers().size()).isLessThanOrEqualTo(Dissector.DEFAULT_MAX_DEPTH);
    }

    @Property(tries = 3000)
    void shouldGiveAVerdictForAnyPacketAndLeaveItUntouched(@ForAll("mutatedW1") byte[] mutated,
                                                          @ForAll @Size(max = 100) byte[] random,
                                                          @ForAll @IntRange(max = 1) int version) {
        WccpDecapsulator cache = new WccpDecapsulator(List.of(WccpRouter.of("192.0.2.254",
                version == 0 ? WccpVersion.AUTO : WccpVersion.V2)));
        WccpDecapsulation out = new WccpDecapsulation();
        for (byte[] bytes : List.of(mutated, random)) {
            byte[] before = bytes.clone();
            ByteBuffer b = ByteBuffer.wrap(bytes);
            WccpDecapsulator.Verdict v = cache.decapsulate(b, out);
            assertThat(v).isNotNull();
            assertThat(bytes).isEqualTo(before);
            assertThat(b.position()).isZero();
            if (v == WccpDecapsulator.Verdict.ACCEPTED) {
                assertThat(out.innerIndex() + out.innerLength()).isLessThanOrEqualTo(bytes.length);
            }
        }
        assertThat(cache.count(WccpDecapsulator.Verdict.ACCEPTED) + cache.rejected()).isEqualTo(2);
    }

    @Provide
    Arbitrary<Integer> linkTypes() {
        return Arbitraries.of(0, 1, 9, 101, 108, 113, 228, 229, 276);
    }
}
