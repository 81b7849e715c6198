package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * Hostile bytes through every entry point of the three codecs: decode, {@code checked}, the
 * views, the peeks, the VXLAN policies, the summaries and the dissector never throw anything but
 * {@link MalformedPacketException} on any range of any buffer (every cut of corpus frames from
 * every start, every octet value at every octet of their tunnel headers, random mutations and
 * random bytes), and never touch the buffer. Caller mistakes throw the documented exceptions.
 */
class VxlanHostileInputTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(VxlanLayers.bindings()).build();
    /** Corpus frames with a tunnel header at offset 42: name, frame number. */
    private static final Object[][] FRAMES = {{"vxlan.pcap", 1}, {"pcpp-Vxlan1.pcap", 1}, {"nsh-over-vxlan-gpe.pcap", 1},
        {"geneve.pcap", 1}, {"geneve-gcp.pcap", 1}, {"zeek-geneve-many-options.pcap", 1}, {"zeek-vxlan-triple-v2.pcap", 1}};

    private final VxlanView vxlanView = new VxlanView();
    private final GeneveView geneveView = new GeneveView();

    private static byte[] frame(Object[] f) {
        ByteBuffer b = VxlanVectors.frame((String) f[0], (Integer) f[1]);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    /** Runs every entry point on {@code [index, limit)} and fails on anything but MalformedPacketException or a change to the buffer. */
    private void exercise(ByteBuffer src, int index, int limit) {
        byte[] before = new byte[src.capacity()];
        src.duplicate().clear().get(before);
        int position = src.position();
        int bufferLimit = src.limit();
        try {
            run(src, index, limit);
        } catch (MalformedPacketException e) {
            fail("escaped the per-call checks: " + e.getMessage(), e);
        } catch (RuntimeException | AssertionError e) {
            fail(e + " for [" + index + ", " + limit + ") of " + HexFormat.of().formatHex(before), e);
        }
        byte[] after = new byte[src.capacity()];
        src.duplicate().clear().get(after);
        assertThat(after).isEqualTo(before);
        assertThat(src.position()).isEqualTo(position);
        assertThat(src.limit()).isEqualTo(bufferLimit);
    }

    private void run(ByteBuffer src, int index, int limit) {
        Decoded<VxlanHeader> v = null;
        try {
            v = VxlanDecoder.decode(src, index, limit);
            VxlanDecoder.checked(src, index, limit);
            assertThat(VxlanLayers.vxlanSummary(v.header())).isNotBlank();
            for (VxlanPolicy p : VxlanPolicy.values()) {
                try {
                    p.check(v.header());
                    assertThat(p.accepts(v.header())).isTrue();
                } catch (MalformedPacketException e) {
                    assertThat(p.accepts(v.header())).isFalse();
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
        } catch (MalformedPacketException e) {
            sane(e, VxlanHeader.PROTOCOL, index, limit);
        }
        try {
            vxlanView.wrap(src, index, limit);
            assertThat(v).isNotNull();
            assertThat(vxlanView.toString()).isNotBlank();
        } catch (MalformedPacketException e) {
            assertThat(v).isNull();
        }
        Decoded<VxlanGpeHeader> g = null;
        try {
            g = VxlanGpeDecoder.decode(src, index, limit);
            VxlanGpeDecoder.checked(src, index, limit);
            assertThat(VxlanLayers.vxlanGpeSummary(g.header())).isNotBlank();
        } catch (MalformedPacketException e) {
            sane(e, VxlanGpeHeader.PROTOCOL, index, limit);
        }
        Decoded<GeneveHeader> n = null;
        try {
            n = GeneveDecoder.decode(src, index, limit);
            GeneveDecoder.checked(src, index, limit);
            assertThat(VxlanLayers.geneveSummary(n.header())).isNotBlank();
            assertThat(n.payloadIndex() + n.payloadLength()).isEqualTo(limit);
        } catch (MalformedPacketException e) {
            sane(e, GeneveHeader.PROTOCOL, index, limit);
        }
        try {
            geneveView.wrap(src, index, limit);
            assertThat(n).isNotNull();
            for (int i = 0; i < geneveView.optionCount(); i++) {
                geneveView.optionClass(i);
                geneveView.optionDataLength(i);
                geneveView.optionDataIndex(i);
            }
            geneveView.findOption(0, 0);
            assertThat(geneveView.toString()).isNotBlank();
        } catch (MalformedPacketException e) {
            assertThat(n).isNull();
        }
        ByteBuffer ranged = src.duplicate().limit(limit); // the peeks read to the buffer's limit
        for (int peek = 0; peek < 10; peek++) {
            try {
                switch (peek) {
                    case 0 -> VxlanDecoder.flags(ranged, index);
                    case 1 -> VxlanDecoder.groupPolicyId(ranged, index);
                    case 2 -> VxlanDecoder.vni(ranged, index);
                    case 3 -> VxlanGpeDecoder.flags(ranged, index);
                    case 4 -> VxlanGpeDecoder.nextProtocol(ranged, index);
                    case 5 -> VxlanGpeDecoder.vni(ranged, index);
                    case 6 -> GeneveDecoder.version(ranged, index);
                    case 7 -> GeneveDecoder.optionsLength(ranged, index);
                    case 8 -> GeneveDecoder.protocolType(ranged, index);
                    default -> GeneveDecoder.vni(ranged, index);
                }
            } catch (MalformedPacketException e) {
                assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
            }
        }
    }

    private static void sane(MalformedPacketException e, String protocol, int index, int limit) {
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.protocol()).isEqualTo(protocol);
        assertThat(e.offset()).isBetween(0L, (long) limit - index);
    }

    /** The dissector over a whole frame: it reports, it does not throw. */
    private static void dissect(byte[] frame) {
        byte[] before = frame.clone();
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, ByteBuffer.wrap(frame));
        for (DissectedLayer l : d.layers()) {
            assertThat(l.summary()).isNotNull();
        }
        assertThat(frame).isEqualTo(before);
    }

    @Test
    void shouldSurviveEveryRangeOfEveryCorpusFrame() {
        for (Object[] f : FRAMES) {
            ByteBuffer src = ByteBuffer.wrap(frame(f)).asReadOnlyBuffer();
            for (int index = 0; index <= src.limit(); index++) {
                for (int limit = index; limit <= src.limit(); limit++) {
                    exercise(src, index, limit);
                }
            }
        }
    }

    @Test
    void shouldSurviveEveryOctetValueAtEveryOctetOfEveryTunnelHeader() {
        for (Object[] f : FRAMES) {
            byte[] original = frame(f);
            int start = VxlanVectors.UDP_PAYLOAD;
            int end = Math.min(original.length, start + 8 + GeneveDecoder.optionsLength(ByteBuffer.wrap(original), start) + 4);
            for (int at = start; at < end; at++) {
                for (int value = 0; value < 256; value++) {
                    byte[] mutated = original.clone();
                    mutated[at] = (byte) value;
                    exercise(ByteBuffer.wrap(mutated), start, mutated.length);
                    dissect(mutated);
                }
            }
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedFrames() {
        return Arbitraries.of(FRAMES).map(VxlanHostileInputTest::frame).flatMap(original -> VxlanArbitraries.mutated(
                Arbitraries.just(original)));
    }

    @Property(tries = 2000)
    void shouldSurviveMutatedFramesFromAnyStart(@ForAll("mutatedFrames") byte[] bytes, @ForAll @IntRange(max = 120) int start,
                                               @ForAll boolean direct) {
        ByteBuffer src = direct ? ByteBuffer.allocateDirect(bytes.length).put(0, bytes) : ByteBuffer.wrap(bytes);
        for (int index : new int[] {Math.min(start, bytes.length), Math.min(42, bytes.length), Math.min(92, bytes.length)}) {
            exercise(src, index, bytes.length);
        }
        dissect(bytes);
    }

    @Property(tries = 2000)
    void shouldSurviveArbitraryBytes(@ForAll @Size(max = 300) byte[] bytes, @ForAll @IntRange(max = 300) int index,
                                     @ForAll @IntRange(max = 300) int cut) {
        int i = Math.min(index, bytes.length);
        int limit = Math.max(i, bytes.length - cut);
        exercise(ByteBuffer.wrap(bytes), i, limit);
    }

    @Provide
    Arbitrary<byte[]> packets() {
        return Arbitraries.oneOf(VxlanArbitraries.vxlanPackets(), VxlanArbitraries.gpePackets(), VxlanArbitraries.genevePackets());
    }

    @Property(tries = 1000)
    void shouldSurviveEveryPrefixOfTheArbitraryPackets(@ForAll("packets") byte[] bytes) {
        ByteBuffer src = ByteBuffer.wrap(bytes);
        for (int limit = 0; limit <= bytes.length; limit++) {
            exercise(src, 0, limit);
        }
    }

    @Test
    void shouldThrowOnlyTheDocumentedExceptionsForCallerMistakes() {
        ByteBuffer b = VxlanVectors.buffer(VxlanVectors.GENEVE);
        int n = b.limit();
        for (int[] range : new int[][] {{-1, n}, {0, n + 1}, {10, 9}, {n + 1, n + 1}, {Integer.MIN_VALUE, 0}}) {
            assertThatThrownBy(() -> VxlanDecoder.decode(b, range[0], range[1])).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> VxlanGpeDecoder.decode(b, range[0], range[1])).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> GeneveDecoder.decode(b, range[0], range[1])).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> vxlanView.wrap(b, range[0], range[1])).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> geneveView.wrap(b, range[0], range[1])).isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThatThrownBy(() -> new VxlanView().vni()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new GeneveView().optionCount()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> VxlanPolicy.LINUX.accepts(new VxlanView())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> VxlanPolicy.LINUX.check(null)).isInstanceOf(NullPointerException.class);
        assertThat(new VxlanView()).hasToString("VxlanView[empty]");
        assertThat(new GeneveView()).hasToString("GeneveView[empty]");
    }
}
