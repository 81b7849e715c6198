package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.tunnel.CoreTunnels;
import org.tunnelcodec.core.tunnel.TunnelClassifier;
import org.tunnelcodec.core.tunnel.TunnelMetadata;
import org.tunnelcodec.core.tunnel.TunnelType;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;
import org.tunnelcodec.testdata.TunnelChecks;

/**
 * The LISP tunnel metadata: golden against tshark 4.0.17 on every frame of
 * {@code lisp-data-variants.pcap} and the LISP data frames of {@code pcpp-ipv6-lisp.pcapng}
 * (flags word against {@code lisp-data.flags}, tunnel id against {@code lisp-data.iid}, present
 * exactly when I is set, inner protocol against the layer tshark names after the header for
 * plain LISP and against the Next Protocol for LISP-GPE, UDP ports), each level checked against
 * the dissector with the same layers ({@link TunnelChecks#peel}); and hostile input (every prefix
 * of every frame, mutations, arbitrary UDP payloads on port 4341) through the classifier, which
 * must agree with the dissector ({@link TunnelChecks#check}).
 */
class LispTunnelsTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(LispLayers.bindings())
            .build();
    private static final TunnelClassifier CLASSIFIER = TunnelClassifier.builder().add(CoreTunnels.bindings())
            .add(LispTunnels.bindings()).build();
    private static final List<byte[]> FRAMES = frames();

    private static List<byte[]> frames() {
        List<byte[]> all = new ArrayList<>();
        for (CapturedFrame f : Captures.generated("lisp-data-variants.pcap").frames()) {
            all.add(TunnelChecks.octets(f));
        }
        return List.copyOf(all);
    }

    @Test
    void shouldDescribeEveryFrameOfTheGeneratedCapture() {
        assertThat(check("lisp-data-variants.pcap", Captures.generated("lisp-data-variants.pcap"))).containsExactly(
                "1 - 800", "2 2571 86dd", "3 100 800", "4 100 800", "5 - 800", "6 - 800", "7 200 6558", "8 5000 800",
                "9 - 800", "10 16777215 86dd", "11 - 800", "12 - 86dd", "13 - 86dd", "14 0 86dd", "15 1 800", "16 - -1",
                "17 - -1", "18 7 86dd", "19 19 894f", "20 - -1", "21 11259375 800");
    }

    @Test
    void shouldDescribeTheSharedLispDataFrames() {
        assertThat(check("pcpp-ipv6-lisp.pcapng", Captures.shared("pcpp-ipv6-lisp.pcapng")))
                .containsExactly("34 - 800", "35 - 800");
    }

    private static List<String> check(String name, CaptureFile capture) {
        TsharkGolden golden = TsharkGolden.of(name.replaceFirst("\\.(pcapng|pcap)$", "") + ".lisp");
        SoftAssertions soft = new SoftAssertions();
        List<String> found = new ArrayList<>();
        for (CapturedFrame f : capture.frames()) {
            TunnelChecks.Start start = TunnelChecks.start(DISSECTOR, capture.linkType(), TunnelChecks.octets(f));
            if (start == null) {
                continue;
            }
            TsharkGolden.Row row = golden.frame(f.number());
            String at = name + " #" + f.number();
            for (TunnelMetadata m : TunnelChecks.peel(CLASSIFIER, DISSECTOR, start.linkType(), start.octets())) {
                if (!m.type().equals(TunnelType.LISP)) {
                    continue;
                }
                int flags = m.flags() >>> 24;
                soft.assertThat((long) flags).as(at + " lisp-data.flags").isEqualTo(row.number("lisp-data.flags", 0));
                soft.assertThat(m.hasTunnelId()).as(at + " I").isEqualTo(row.number("lisp-data.flags.iid", 0) == 1);
                if (m.hasTunnelId()) {
                    soft.assertThat(m.tunnelId()).as(at + " lisp-data.iid").isEqualTo(row.number("lisp-data.iid", 0));
                }
                soft.assertThat((long) m.destinationPort()).as(at + " udp.dstport").isEqualTo(row.number("udp.dstport", 0));
                soft.assertThat((long) m.sourcePort()).as(at + " udp.srcport").isEqualTo(row.number("udp.srcport", 0));
                String protocols = row.value("frame.protocols", 0);
                String after = protocols.substring(protocols.indexOf("lisp-data") + "lisp-data".length());
                if ((flags & LispHeader.FLAG_P) == 0) {
                    int theirs = (flags & LispHeader.KEY_ID_MASK) != 0 ? -1
                            : after.startsWith(":ipv6") ? 0x86DD : after.startsWith(":ip") ? 0x0800 : -1;
                    soft.assertThat(m.innerProtocol()).as(at + " inner (" + protocols + ")").isEqualTo(theirs);
                } else {
                    soft.assertThat(m.innerProtocol()).as(at + " Next Protocol")
                            .isEqualTo(LispGpeNextProtocol.of(m.flags() & 0xFF).etherType());
                }
                found.add(f.number() + " " + (m.hasTunnelId() ? Long.toString(m.tunnelId()) : "-") + " "
                        + Integer.toHexString(m.innerProtocol()).replace("ffffffff", "-1"));
            }
        }
        soft.assertAll();
        return found;
    }

    @Test
    void shouldAgreeWithTheDissectorOnEveryPrefixOfEveryFrame() {
        TunnelChecks.checkEveryPrefix(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, FRAMES);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return TunnelChecks.mutations(FRAMES);
    }

    @Property(tries = 3000)
    void shouldAgreeWithTheDissectorOnMutatedFrames(@ForAll("mutated") byte[] frame) {
        TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.ETHERNET, frame, new TunnelMetadata());
    }

    @Property(tries = 2000)
    void shouldAgreeWithTheDissectorOnArbitraryUdpPayloads(@ForAll @Size(max = 120) byte[] payload) {
        // IPv4 and UDP with a zero checksum around the payload, to port 4341.
        byte[] packet = new byte[20 + 8 + payload.length];
        packet[0] = 0x45;
        packet[2] = (byte) (packet.length >>> 8);
        packet[3] = (byte) packet.length;
        packet[8] = 64;
        packet[9] = 17;
        packet[20] = (byte) 0xC0;
        packet[22] = (byte) (LispLayers.LISP_DATA_PORT >>> 8);
        packet[23] = (byte) LispLayers.LISP_DATA_PORT;
        packet[24] = (byte) ((8 + payload.length) >>> 8);
        packet[25] = (byte) (8 + payload.length);
        System.arraycopy(payload, 0, packet, 28, payload.length);
        TunnelChecks.check(CLASSIFIER, DISSECTOR, LinkType.IPV4, packet, new TunnelMetadata());
    }

    @Test
    void shouldSummarizeLikeTcpdump() {
        ByteBuffer d2 = LispVectors.buffer(LispVectors.D2);
        assertThat(LispLayers.lispSummary(LispDecoder.decode(d2, 28, d2.limit()).header()))
                .isEqualTo("flags [NLI] nonce 0x123456 iid 2571 lsb 0x01");
        ByteBuffer d4 = LispVectors.buffer(LispVectors.D4);
        assertThat(LispLayers.gpeSummary(LispGpeDecoder.decode(d4, 28, d4.limit()).header()))
                .isEqualTo("flags [NIP] next ETHERNET(0x03) reserved 0x1234 iid 200");
        assertThat(DISSECTOR.dissect(LinkType.IPV4, d4).layers().stream().map(l -> l.name()).toList())
                .containsExactly("ipv4", "udp", "lisp", "lisp-gpe", "ethernet", "ipv4", "icmp");
    }
}
