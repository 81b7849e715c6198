package org.tunnelcodec.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.assertj.core.api.SoftAssertions;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelClassifier.Verdict;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;

/**
 * Checks a {@link TunnelClassifier} against the {@link Dissector} composed of the same modules'
 * layers, frame by frame: the classifier is the dissector's walk reduced to tunnel matching, so
 * the two must agree on the same bytes. Used by each module's tunnel tests, on captured frames,
 * every prefix of them, mutations and arbitrary bytes.
 *
 * <p>What {@link #check} asserts, the frame placed at an offset inside a larger buffer with
 * poison octets after its end (so that a read past the limit would change the answer):
 * <ol>
 *   <li>the classifier returns a verdict and throws nothing; the buffer, its position and limit
 *       are untouched; an inner range lies within the frame; an empty frame is
 *       {@code MALFORMED} (the dissector, which has no layer to walk in zero octets, is not
 *       asked);</li>
 *   <li>{@code MALFORMED} only when the dissector stops {@code MALFORMED} too, or ends quietly at
 *       an empty payload where the classifier expected a header (the dissector walks no layer
 *       through zero octets); and when the dissector fails at the outer link or IP header, the
 *       classifier says {@code MALFORMED};</li>
 *   <li>{@code TUNNEL} (and an STT {@code FRAGMENT} with a type): some dissected layer, of a
 *       name the tunnel type allows ({@link #LAYERS}), has exactly the inner range as its
 *       payload (the inner packet starts where the dissector's next layer starts and ends
 *       where that layer's range ends); a dissector failure lies inside the inner packet, not
 *       in the headers the classifier passed;</li>
 *   <li>{@code FRAGMENT} without a type: the dissector's last layer is the outer IP header;</li>
 *   <li>{@code NOT_A_TUNNEL}: the dissector did not fail at the outer IP header.</li>
 * </ol>
 */
public final class TunnelChecks {
    /** Where a frame is put in the buffer the classifier reads: octets before it are junk. */
    private static final int BASE = 7;
    /** Poison after the frame's end. */
    private static final int POISON = 9;

    /** The dissector layer whose payload is the inner packet, by tunnel type. */
    public static final Map<TunnelType, Set<String>> LAYERS = Map.ofEntries(
            Map.entry(TunnelType.IPV4_IN_IPV4, Set.of("ipv4")),
            Map.entry(TunnelType.IPV6_IN_IPV4, Set.of("ipv4")),
            Map.entry(TunnelType.IPV4_IN_IPV6, Set.of("ipv6")),
            Map.entry(TunnelType.IPV6_IN_IPV6, Set.of("ipv6")),
            Map.entry(TunnelType.GRE, Set.of("gre")),
            Map.entry(TunnelType.GRE_IN_UDP, Set.of("gre")),
            Map.entry(TunnelType.PPTP, Set.of("gre")),
            Map.entry(TunnelType.WCCP, Set.of("wccp", "gre")),
            Map.entry(TunnelType.STT, Set.of("stt", "stt-segment")),
            Map.entry(TunnelType.MPLS, Set.of("mpls")),
            Map.entry(TunnelType.VXLAN, Set.of("vxlan")),
            Map.entry(TunnelType.VXLAN_GPE, Set.of("vxlan-gpe")),
            Map.entry(TunnelType.GENEVE, Set.of("geneve")),
            Map.entry(TunnelType.LISP, Set.of("lisp", "lisp-gpe")));

    private TunnelChecks() {
    }

    /**
     * Classifies and dissects one frame and asserts that they agree (see the class description).
     *
     * @param classifier the classifier
     * @param dissector the dissector with the same modules' layers
     * @param linkType the frame's link type
     * @param frame the frame's octets
     * @param out the holder to classify into
     * @return the verdict
     */
    public static Verdict check(TunnelClassifier classifier, Dissector dissector, LinkType linkType, byte[] frame,
                                TunnelMetadata out) {
        byte[] whole = new byte[BASE + frame.length + POISON];
        Arrays.fill(whole, (byte) 0xA5);
        System.arraycopy(frame, 0, whole, BASE, frame.length);
        byte[] before = whole.clone();
        ByteBuffer buffer = ByteBuffer.wrap(whole).position(3).limit(whole.length - 1);
        Verdict v = classifier.classify(linkType, buffer, BASE, BASE + frame.length, out);
        String at = linkType + " " + java.util.HexFormat.of().formatHex(frame) + ": " + v + " " + out;
        assertThat(v).as(at).isNotNull();
        assertThat(whole).as(at + " buffer untouched").isEqualTo(before);
        assertThat(buffer.position()).isEqualTo(3);
        assertThat(buffer.limit()).isEqualTo(whole.length - 1);

        if (frame.length == 0) {
            // The dissector walks no layer through zero octets; the link or IP header's decoder
            // refuses them as truncated, and so does the classifier.
            assertThat(v).as(at).isEqualTo(Verdict.MALFORMED);
            return v;
        }
        Dissection d = dissector.dissect(linkType, ByteBuffer.wrap(frame));
        boolean dissectorMalformed = d.stopReason() == Dissection.StopReason.MALFORMED;
        int ip = out.ipIndex() - BASE;
        if (dissectorMalformed && failedAtOuter(d, linkType)) {
            assertThat(v).as(at + " the dissector refused the outer header: " + d.error()).isEqualTo(Verdict.MALFORMED);
        }
        switch (v) {
            case MALFORMED -> assertThat(dissectorMalformed || endsAtAnEmptyPayload(d))
                    .as(at + " the dissector stops malformed, or at an empty payload: " + d.stopReason() + " "
                            + d.layers()).isTrue();
            case NOT_A_TUNNEL -> {
                assertThat(out.type()).as(at).isEqualTo(TunnelType.NONE);
                if (dissectorMalformed && out.ipIndex() >= 0) {
                    assertThat(d.stopOffset()).as(at + " the dissector failed at the outer IP header: " + d.error())
                            .isNotEqualTo(ip);
                }
            }
            case FRAGMENT, TUNNEL -> {
                if (out.type().equals(TunnelType.NONE)) {
                    assertThat(v).as(at).isEqualTo(Verdict.FRAGMENT);
                    assertThat(d.layers()).as(at).isNotEmpty();
                    DissectedLayer last = d.layers().get(d.layers().size() - 1);
                    assertThat(last.offset()).as(at + " the fragment's IP header is the dissector's last layer")
                            .isEqualTo(ip);
                } else {
                    innerRangeIsALayersPayload(at, d, out);
                }
            }
            default -> throw new AssertionError(v);
        }
        return v;
    }

    /**
     * Whether the dissector's walk ended quietly where its last layer's payload is empty: where
     * the classifier, which a key promised a header there, calls the missing header truncated.
     */
    private static boolean endsAtAnEmptyPayload(Dissection d) {
        return d.stopReason() == Dissection.StopReason.COMPLETE && d.remaining() == 0 && !d.layers().isEmpty()
                && d.layers().get(d.layers().size() - 1).payloadLength() == 0;
    }

    /** Whether the dissector refused the frame's link header or its outer IP header. */
    private static boolean failedAtOuter(Dissection d, LinkType linkType) {
        if (d.stopOffset() == 0) {
            return true;
        }
        return linkType.equals(LinkType.ETHERNET) && d.layers().size() == 1
                && ("ipv4".equals(d.failedLayer()) || "ipv6".equals(d.failedLayer()));
    }

    private static void innerRangeIsALayersPayload(String at, Dissection d, TunnelMetadata out) {
        int inner = out.innerIndex() - BASE;
        assertThat(inner).as(at).isGreaterThanOrEqualTo(0);
        assertThat(inner + out.innerLength()).as(at).isLessThanOrEqualTo(d.capturedLength());
        Set<String> names = LAYERS.get(out.type());
        List<String> seen = new ArrayList<>();
        boolean found = false;
        for (DissectedLayer l : d.layers()) {
            seen.add(l.name() + "@" + l.offset() + "+" + l.length() + "/" + l.payloadLength());
            if (l.buffer() == 0 && l.offset() + l.length() == inner && l.payloadLength() == out.innerLength()
                    && (names == null || names.contains(l.name()))) {
                found = true;
            }
        }
        assertThat(found).as(at + ": a layer of " + names + " whose payload is the inner range, in " + seen).isTrue();
        if (d.stopReason() == Dissection.StopReason.MALFORMED) {
            assertThat(d.stopOffset()).as(at + " the dissector failed before the inner packet: " + d.error())
                    .isGreaterThanOrEqualTo(inner);
        }
    }

    /**
     * Compares the outer fields of a classified frame with tshark's decode of the same frame in
     * a core golden table ({@code golden/core/NAME.tsv}, columns {@code ip.*}, {@code ipv6.*},
     * {@code udp.*}): the outer header is the first occurrence of its version's fields, the
     * outer UDP header the first UDP occurrence.
     *
     * @param soft where the differences go
     * @param at a description of the frame, for the messages
     * @param row tshark's values for the frame
     * @param m the metadata of a classified frame with an outer IP header
     */
    public static void outerAsTshark(SoftAssertions soft, String at, TsharkGolden.Row row, TunnelMetadata m) {
        if (m.ipVersion() == 4) {
            soft.assertThat(m.ipv4Source()).as(at + " ip.src").isEqualTo(Ipv4Address.parse(row.value("ip.src", 0)));
            soft.assertThat(m.ipv4Destination()).as(at + " ip.dst").isEqualTo(Ipv4Address.parse(row.value("ip.dst", 0)));
            soft.assertThat((long) m.ttl()).as(at + " ip.ttl").isEqualTo(row.number("ip.ttl", 0));
            soft.assertThat((long) m.tos()).as(at + " ip.dsfield.dscp, ip.dsfield.ecn")
                    .isEqualTo(row.number("ip.dsfield.dscp", 0) << 2 | row.number("ip.dsfield.ecn", 0));
            soft.assertThat(m.dontFragment() ? 1L : 0L).as(at + " ip.flags.df").isEqualTo(row.number("ip.flags.df", 0));
        } else if (m.ipVersion() == 6) {
            soft.assertThat(m.ipv6Source()).as(at + " ipv6.src").isEqualTo(Ipv6Address.parse(row.value("ipv6.src", 0)));
            soft.assertThat(m.ipv6Destination()).as(at + " ipv6.dst")
                    .isEqualTo(Ipv6Address.parse(row.value("ipv6.dst", 0)));
            soft.assertThat((long) m.ttl()).as(at + " ipv6.hlim").isEqualTo(row.number("ipv6.hlim", 0));
            soft.assertThat((long) m.tos()).as(at + " ipv6.tclass").isEqualTo(row.number("ipv6.tclass", 0));
            soft.assertThat((long) m.flowLabel()).as(at + " ipv6.flow").isEqualTo(row.number("ipv6.flow", 0));
        } else {
            soft.fail(at + ": no outer IP header");
        }
        boolean udp = m.transportIndex() >= 0 && !m.type().equals(TunnelType.STT); // STT rides a TCP-like header
        if (udp && !row.values("udp.srcport").isEmpty()) {
            soft.assertThat((long) m.sourcePort()).as(at + " udp.srcport").isEqualTo(row.number("udp.srcport", 0));
            soft.assertThat((long) m.destinationPort()).as(at + " udp.dstport").isEqualTo(row.number("udp.dstport", 0));
        }
    }

    /**
     * Peels a frame tunnel by tunnel: classifies it, then the inner packet of each
     * {@code TUNNEL} whose inner packet is IPv4, IPv6 or Ethernet, and so on, at most 8 levels;
     * each level is also checked against the dissector with {@link #check}, on the octets it was
     * classified in.
     *
     * @param classifier the classifier
     * @param dissector the dissector with the same modules' layers
     * @param linkType the frame's link type
     * @param frame the frame's octets
     * @return the metadata of every tunnel level, outermost first; empty if the frame is no tunnel
     */
    public static List<TunnelMetadata> peel(TunnelClassifier classifier, Dissector dissector, LinkType linkType,
                                            byte[] frame) {
        List<TunnelMetadata> levels = new ArrayList<>();
        LinkType t = linkType;
        int index = 0;
        int limit = frame.length;
        while (t != null && levels.size() < 8) {
            byte[] part = Arrays.copyOfRange(frame, index, limit);
            check(classifier, dissector, t, part, new TunnelMetadata());
            TunnelMetadata m = new TunnelMetadata();
            if (classifier.classify(t, ByteBuffer.wrap(frame), index, limit, m) != Verdict.TUNNEL) {
                break;
            }
            levels.add(m);
            t = m.innerLinkType();
            index = m.innerIndex();
            limit = index + m.innerLength();
        }
        return levels;
    }

    /**
     * A frame as the classifier takes it: Ethernet and raw IP as they are; a frame of another
     * link type (Linux cooked capture, BSD loopback, PPP) from its link header's payload on, as
     * raw IP, found by the dissector (a data path on such a link classifies from a
     * {@link org.tunnelcodec.core.dissect.FrameWalk}'s IP layer).
     *
     * @param linkType the link type the classifier is given
     * @param octets the octets it is given
     */
    public record Start(LinkType linkType, byte[] octets) {
        /**
         * Checks the components.
         *
         * @param linkType the link type the classifier is given
         * @param octets the octets it is given
         */
        public Start {
            java.util.Objects.requireNonNull(linkType, "linkType");
            java.util.Objects.requireNonNull(octets, "octets");
        }
    }

    /**
     * Returns the frame as the classifier takes it, see {@link Start}.
     *
     * @param dissector a dissector with the core layers
     * @param linkType the capture's link type
     * @param frame the frame's octets
     * @return the link type and octets to classify, or {@code null} when the link header of a
     *     frame of another link type does not lead to an IPv4 or IPv6 header (MPLS over PPP)
     */
    public static Start start(Dissector dissector, LinkType linkType, byte[] frame) {
        if (linkType.equals(LinkType.ETHERNET) || linkType.isRawIp()) {
            return new Start(linkType, frame);
        }
        Dissection d = dissector.dissect(linkType, ByteBuffer.wrap(frame));
        if (d.layers().size() < 2 || !(d.layers().get(1).name().equals("ipv4") || d.layers().get(1).name().equals("ipv6"))) {
            return null;
        }
        DissectedLayer link = d.layers().get(0);
        int from = link.offset() + link.length();
        return new Start(LinkType.RAW, Arrays.copyOfRange(frame, from, from + link.payloadLength()));
    }

    /**
     * Checks every prefix of every frame with {@link #check}, the frames themselves included.
     *
     * @param classifier the classifier
     * @param dissector the dissector with the same modules' layers
     * @param linkType the frames' link type
     * @param frames the frames
     */
    public static void checkEveryPrefix(TunnelClassifier classifier, Dissector dissector, LinkType linkType,
                                        List<byte[]> frames) {
        TunnelMetadata m = new TunnelMetadata();
        for (byte[] frame : frames) {
            for (byte[] prefix : prefixes(frame)) {
                check(classifier, dissector, linkType, prefix, m);
            }
        }
    }

    /**
     * Returns a captured frame's octets in an array of their own.
     *
     * @param frame a captured frame
     * @return a copy of its captured octets
     */
    public static byte[] octets(org.tunnelcodec.capture.CapturedFrame frame) {
        ByteBuffer data = frame.data();
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        return b;
    }

    /**
     * Every strict prefix of the frame, the frame itself last.
     *
     * @param frame a frame
     * @return its prefixes, from empty to whole
     */
    public static List<byte[]> prefixes(byte[] frame) {
        List<byte[]> all = new ArrayList<>(frame.length + 1);
        for (int n = 0; n <= frame.length; n++) {
            all.add(Arrays.copyOf(frame, n));
        }
        return all;
    }

    /**
     * Frames with up to 6 octets replaced by random values, then cut at a random length (the
     * whole frame included): what a fuzzer would make of captured tunnel packets.
     *
     * @param frames the frames to mutate, not empty
     * @return the arbitrary of mutated frames
     */
    public static Arbitrary<byte[]> mutations(List<byte[]> frames) {
        List<byte[]> copies = List.copyOf(frames.stream().map(byte[]::clone).toList());
        return Arbitraries.of(copies).flatMap(frame -> Arbitraries.integers().between(0, Math.max(0, frame.length - 1))
                .list().ofMaxSize(6).flatMap(at -> Arbitraries.bytes().list().ofSize(at.size()).flatMap(values ->
                        Arbitraries.integers().between(0, frame.length).map(cut -> {
                            byte[] b = Arrays.copyOf(frame, cut);
                            for (int i = 0; i < at.size(); i++) {
                                if (at.get(i) < b.length) {
                                    b[at.get(i)] = values.get(i);
                                }
                            }
                            return b;
                        }))));
    }
}
