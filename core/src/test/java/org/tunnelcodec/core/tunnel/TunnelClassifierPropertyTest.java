package org.tunnelcodec.core.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.ip.IpScan;
import org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict;

/**
 * Hostile input through core's classifier: arbitrary and mutated bytes under every link type it
 * walks never throw, leave the buffer alone and give ranges within the frame; every prefix of an
 * IP-in-IP frame is malformed (its IP lengths promise more); a tunnel verdict means an outer IP
 * header that {@link IpScan} accepts. The comparison with the dissector on captured frames is
 * in the test kit's tests ({@code CoreTunnelsPropertyTest}).
 */
class TunnelClassifierPropertyTest {
    private static final TunnelClassifier CORE = TunnelClassifier.builder().add(CoreTunnels.bindings()).build();
    private static final List<byte[]> FRAMES = List.of(TunnelVectors.bytes(TunnelVectors.IPV4_IN_IPV4),
            TunnelVectors.bytes(TunnelVectors.IPV6_IN_IPV4), TunnelVectors.bytes(TunnelVectors.IPV4_IN_IPV6),
            TunnelVectors.bytes(TunnelVectors.IPV6_IN_IPV6));
    private static final LinkType[] LINK_TYPES = {LinkType.ETHERNET, LinkType.RAW, LinkType.IPV4, LinkType.IPV6};

    @Property(tries = 2000)
    void shouldNeverThrowForArbitraryBytes(@ForAll @Size(max = 200) byte[] bytes) {
        for (LinkType t : LINK_TYPES) {
            classifyChecked(t, bytes);
        }
    }

    @Property(tries = 3000)
    void shouldNeverThrowForMutatedTunnelFrames(@ForAll("mutated") byte[] bytes) {
        Verdict v = classifyChecked(LinkType.ETHERNET, bytes);
        TunnelMetadata m = new TunnelMetadata();
        if (v == Verdict.TUNNEL) {
            CORE.classify(LinkType.ETHERNET, ByteBuffer.wrap(bytes), m);
            long scan = IpScan.ip(ByteBuffer.wrap(bytes), m.ipIndex(), bytes.length);
            assertThat(IpScan.isValid(scan)).isTrue();
            assertThat(IpScan.isFragment(scan)).isFalse();
            assertThat(m.innerIndex()).isEqualTo(m.ipIndex() + IpScan.headerLength(scan));
            assertThat(m.innerLength()).isEqualTo(IpScan.payloadLength(scan));
        }
    }

    @Test
    void shouldCallEveryStrictPrefixOfATunnelFrameMalformed() {
        for (byte[] frame : FRAMES) {
            for (int n = 0; n < frame.length; n++) {
                assertThat(classifyChecked(LinkType.ETHERNET, Arrays.copyOf(frame, n))).as("prefix %d", n)
                        .isEqualTo(Verdict.MALFORMED);
                if (n >= 14) {
                    assertThat(classifyChecked(LinkType.RAW, Arrays.copyOfRange(frame, 14, n))).isEqualTo(Verdict.MALFORMED);
                }
            }
            assertThat(classifyChecked(LinkType.ETHERNET, frame)).isEqualTo(Verdict.TUNNEL);
        }
    }

    /** Classifies at an offset of a larger buffer with poison after the limit, and checks what must hold. */
    private static Verdict classifyChecked(LinkType t, byte[] bytes) {
        byte[] whole = new byte[bytes.length + 13];
        Arrays.fill(whole, (byte) 0x66);
        System.arraycopy(bytes, 0, whole, 5, bytes.length);
        byte[] before = whole.clone();
        TunnelMetadata m = new TunnelMetadata();
        Verdict v = CORE.classify(t, ByteBuffer.wrap(whole), 5, 5 + bytes.length, m);
        Verdict plain = CORE.classify(t, ByteBuffer.wrap(bytes.clone()), new TunnelMetadata());
        assertThat(v).as("poison past the limit changes nothing").isEqualTo(plain);
        assertThat(whole).isEqualTo(before);
        if (v == Verdict.TUNNEL) {
            assertThat(m.innerIndex()).isBetween(5, 5 + bytes.length);
            assertThat(m.innerIndex() + m.innerLength()).isLessThanOrEqualTo(5 + bytes.length);
            assertThat(m.type().isKnown()).isTrue();
        } else {
            assertThat(m.type()).isEqualTo(TunnelType.NONE);
        }
        return v;
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return Arbitraries.of(FRAMES).flatMap(frame -> Arbitraries.integers().between(0, frame.length - 1).list()
                .ofMaxSize(4).flatMap(at -> Arbitraries.bytes().list().ofSize(at.size()).map(values -> {
                    byte[] b = frame.clone();
                    for (int i = 0; i < at.size(); i++) {
                        b[at.get(i)] = values.get(i);
                    }
                    return b;
                })));
    }
}
