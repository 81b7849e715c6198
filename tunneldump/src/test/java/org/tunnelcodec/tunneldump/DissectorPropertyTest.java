package org.tunnelcodec.tunneldump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.dissect.ProtocolLayer;
import org.tunnelcodec.mpls.MplsLayers;
import org.tunnelcodec.stt.SttLayers;
import org.tunnelcodec.stt.SttReassembler;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.testdata.Captures;

/**
 * The dissector and its allocation-free walk on hostile input, with every module's layers as
 * tunneldump composes them: every prefix and random mutations of real frames (the benchmark
 * frames, the generated captures and the shared corpus), and arbitrary bytes on every link
 * type. Neither ever throws; they report the same layers, offsets, lengths and stop; and
 * every layer the walk accepts, its decoder accepts with the same header and payload lengths
 * (the walk and the decoder check the same).
 */
class DissectorPropertyTest {
    private static final Dissector DISSECTOR = Dissector.builder()
            .add(org.tunnelcodec.core.dissect.CoreLayers.bindings())
            .add(org.tunnelcodec.gre.GreLayers.bindings())
            .add(MplsLayers.bindings())
            .add(org.tunnelcodec.vxlan.VxlanLayers.bindings())
            .add(org.tunnelcodec.lisp.LispLayers.bindings())
            .add(org.tunnelcodec.lisp.LispControlLayers.bindings())
            .add(org.tunnelcodec.mip6.Mip6Layers.bindings())
            .add(SttLayers.bindings()).build();

    private record Frame(LinkType linkType, byte[] bytes) {
    }

    private static List<Frame> corpus;

    static synchronized List<Frame> corpus() {
        if (corpus == null) {
            List<Frame> frames = new ArrayList<>();
            benchFrames().forEach(b -> frames.add(new Frame(LinkType.ETHERNET, b)));
            for (String name : List.of("tunneldump-sample.pcap", "gre-variants.pcap", "core-layers.pcap",
                    "stt-segments.pcap", "linktype-sll.pcap", "linktype-null.pcap", "linktype-raw.pcap",
                    "mpls-variants.pcap", "vxlan-variants.pcap")) {
                add(frames, Captures.generated(name));
            }
            Optional<Path> shared = Captures.sharedDirectory();
            if (shared.isPresent()) {
                for (String name : List.of("pcpp-GrePackets.pcap", "wccp_redirect_gre.pcap", "zeek-gre-within-gre.pcap",
                        "ipv6-routing-header.pcap", "zeek-erspan.pcap", "pptp.pcap")) {
                    if (Files.exists(shared.get().resolve(name))) {
                        add(frames, Captures.shared(name));
                    }
                }
            }
            corpus = List.copyOf(frames);
        }
        return corpus;
    }

    private static void add(List<Frame> frames, CaptureFile capture) {
        int n = 0;
        for (CapturedFrame f : capture.frames()) {
            if (n++ == 40) {
                break;
            }
            ByteBuffer b = f.data();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            frames.add(new Frame(capture.linkType(), bytes));
        }
    }

    private static List<byte[]> benchFrames() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path tsv = d.resolve("shared").resolve("bench").resolve("frames.tsv");
            if (Files.isReadable(tsv)) {
                try {
                    return Files.readAllLines(tsv).stream().filter(l -> l.contains("\t"))
                            .map(l -> HexFormat.of().parseHex(l.substring(l.indexOf('\t') + 1).trim())).toList();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return List.of();
    }

    /** Walks the frame, checks each layer against its decoder, and compares with dissect. */
    private static void check(LinkType linkType, ByteBuffer frame) {
        int position = frame.position();
        Dissection d = DISSECTOR.dissect(linkType, frame);
        FrameWalk walk = DISSECTOR.newWalk().wrap(linkType, frame, frame.position(), frame.limit(), 0);
        List<DissectedLayer> layers = d.layers();
        int i = 0;
        while (walk.next()) {
            assertThat(i).isLessThan(layers.size());
            DissectedLayer l = layers.get(i++);
            assertThat(walk.layer()).isSameAs(l.layer());
            assertThat(walk.offset() - position).isEqualTo(l.offset());
            assertThat(walk.headerLength()).isEqualTo(l.length());
            assertThat(walk.payloadLength()).isEqualTo(l.payloadLength());
            assertThat(walk.offset() + walk.headerLength() + walk.payloadLength()).isLessThanOrEqualTo(walk.limit());
            // The decoder accepts what the walk accepted, with the same lengths.
            @SuppressWarnings("unchecked")
            Decoded<Object> decoded = ((ProtocolLayer<Object>) walk.layer()).decode(walk.source(), walk.offset(), walk.limit());
            assertThat(decoded.headerLength()).isEqualTo(walk.headerLength());
            assertThat(decoded.payloadLength()).isEqualTo(walk.payloadLength());
        }
        assertThat(i).isEqualTo(layers.size());
        assertThat(walk.stopReason()).isEqualTo(d.stopReason());
        assertThat(walk.remaining()).isEqualTo(d.remaining());
        if (d.stopReason() == Dissection.StopReason.MALFORMED) {
            MalformedPacketException w = walk.error();
            assertThat(w.withOffset(-position).getMessage()).isEqualTo(d.error().getMessage());
            // The layer that refused it would also refuse it as a decoder.
            ProtocolLayer<?> failed = DISSECTOR.layer(walk.failedLayerId());
            int at = walk.stopOffset();
            try {
                failed.decode(frame, at, at + walk.remaining());
                throw new AssertionError("the decoder of " + failed.name() + " accepted what its walk refused");
            } catch (MalformedPacketException e) {
                assertThat(e.withOffset(at - position).getMessage()).isEqualTo(d.error().getMessage());
            }
        }
        assertThat(frame.position()).isEqualTo(position);
    }

    @Property(tries = 400)
    void shouldAgreeOnEveryPrefixOfEveryCorpusFrame(@ForAll("frames") Frame f) {
        for (int length = 0; length <= f.bytes().length; length++) {
            check(f.linkType(), ByteBuffer.wrap(f.bytes(), 0, length).slice());
        }
    }

    @Property(tries = 3000)
    void shouldAgreeOnMutatedCorpusFrames(@ForAll("mutated") Frame f, @ForAll @IntRange(max = 3) int offset) {
        ByteBuffer b = ByteBuffer.allocate(f.bytes().length + offset + 8);
        b.put(offset, f.bytes()).position(offset).limit(offset + f.bytes().length);
        check(f.linkType(), b);
    }

    @Property(tries = 2000)
    void shouldAgreeOnArbitraryBytesOnEveryLinkType(@ForAll @Size(max = 200) byte[] bytes,
                                                    @ForAll("linkTypes") int linkType) {
        check(LinkType.of(linkType), ByteBuffer.wrap(bytes));
    }

    @Property(tries = 300)
    void shouldNeverThrowWhileReassemblingMutatedSttSegments(@ForAll("mutatedStt") List<Frame> frames) {
        SttLayers.Reassembly stt = SttLayers.reassembling(new SttReassembler(SttReassembler.Limits.defaults()));
        Dissector d = Dissector.builder().add(org.tunnelcodec.core.dissect.CoreLayers.bindings()).add(stt.bindings()).build();
        long now = 0;
        for (Frame f : frames) {
            Dissection r = d.dissect(f.linkType(), ByteBuffer.wrap(f.bytes()), f.bytes().length, now += 1_000_000);
            assertThat(r.layers().size()).isLessThanOrEqualTo(Dissector.DEFAULT_MAX_DEPTH);
        }
    }

    @Provide
    Arbitrary<Frame> frames() {
        return Arbitraries.of(corpus());
    }

    @Provide
    Arbitrary<Frame> mutated() {
        return frames().flatMap(f -> Combinators.combine(
                Arbitraries.integers().between(0, Math.max(0, f.bytes().length - 1)).list().ofMaxSize(4),
                Arbitraries.bytes().list().ofSize(4)).as((at, values) -> {
                    byte[] b = f.bytes().clone();
                    for (int i = 0; i < at.size() && b.length > 0; i++) {
                        b[at.get(i)] = values.get(i);
                    }
                    return new Frame(f.linkType(), b);
                }));
    }

    @Provide
    Arbitrary<List<Frame>> mutatedStt() {
        List<Frame> stt = new ArrayList<>();
        add(stt, Captures.generated("stt-segments.pcap"));
        return Arbitraries.of(stt).flatMap(f -> Combinators.combine(
                Arbitraries.integers().between(14, f.bytes().length - 1), Arbitraries.bytes())
                .as((at, v) -> {
                    byte[] b = f.bytes().clone();
                    b[at] = v;
                    return new Frame(f.linkType(), b);
                })).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<Integer> linkTypes() {
        return Arbitraries.of(0, 1, 9, 101, 108, 113, 228, 229, 276, 9999);
    }

    @Test
    void shouldDissectTheBenchmarkLispFrameToTheInnerIcmpPacket() {
        // The shared benchmark frames' README: d_lisp is Ethernet / IPv4 / UDP 4341 / LISP (N and I
        // set, nonce, Instance ID) / IPv4 / ICMP echo, 134 octets.
        byte[] frame = benchFrames().stream().filter(f -> f.length == 134 && ((f[36] & 0xFF) << 8 | f[37] & 0xFF) == 4341)
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(frame != null, "the shared benchmark frames are not beside the checkout");
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, ByteBuffer.wrap(frame));
        assertThat(d.layers()).extracting(DissectedLayer::name).containsExactly("ethernet", "ipv4", "udp", "lisp", "ipv4",
                "icmp");
        org.tunnelcodec.lisp.LispHeader lisp = (org.tunnelcodec.lisp.LispHeader) d.layers().get(3).header();
        assertThat(lisp.noncePresent()).isTrue();
        assertThat(lisp.instanceIdPresent()).isTrue();
        org.tunnelcodec.core.ip.Ipv4Header inner = (org.tunnelcodec.core.ip.Ipv4Header) d.layers().get(4).header();
        assertThat(inner.protocol().value()).as("ICMP").isEqualTo(1);
        org.tunnelcodec.core.transport.IcmpHeader icmp = (org.tunnelcodec.core.transport.IcmpHeader) d.layers().get(5).header();
        assertThat(icmp.echo()).as("an echo request").isTrue();
        assertThat(icmp.type()).isEqualTo(8);
        assertThat(d.layers().get(5).offset()).isEqualTo(70);
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.COMPLETE);
    }
}
