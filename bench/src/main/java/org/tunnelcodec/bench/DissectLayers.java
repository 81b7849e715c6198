package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.LinkType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.Packet;

/**
 * The layers each side of {@link DissectBenchmark} reaches on the shared frames, and the check
 * that the hand-written walk reaches every layer {@code shared/bench/README.md} lists.
 *
 * <p>Run from the repository root or from {@code bench/}:
 * {@code java -cp bench/target/benchmarks.jar org.tunnelcodec.bench.DissectLayers}. It prints,
 * per frame, pcap4j's packet class chain, the hand-written walk's layers and tunnelcodec's (with
 * offset, header and payload length), then exits with status 1 if any frame's hand-written walk
 * differs from the list or tunnelcodec's dissector does not reach the layers it is known to reach.
 */
public final class DissectLayers {
    /**
     * The layers of each frame, from the layer column of {@code shared/bench/README.md}: one
     * entry per header, so MPLS x3 is three label stack entries; payload data is not a layer.
     */
    static final Map<String, List<String>> EXPECTED = Map.of(
            "a_gre_key_seq", List.of("Ethernet", "IPv4", "GRE", "IPv4", "TCP"),
            "b_gre_wccpv2", List.of("Ethernet", "IPv4", "GRE", "WCCPv2", "IPv4", "TCP"),
            "c_mpls3", List.of("Ethernet", "MPLS", "MPLS", "MPLS", "IPv4", "UDP"),
            "d_lisp", List.of("Ethernet", "IPv4", "UDP", "LISP", "IPv4", "ICMP"),
            "e_mip6_bu", List.of("Ethernet", "IPv6", "Destination Options", "Mobility Header"),
            "f_stt_first_segment", List.of("Ethernet", "IPv4", "TCP", "STT", "Ethernet", "IPv4", "TCP"));

    /**
     * The layers tunnelcodec's {@link DissectBenchmark#DISSECTOR} reaches on each frame, by layer
     * name: one layer per label stack (not per entry), IPv6 extension headers inside the IPv6
     * layer, and on frame f it stops
     * after the STT frame header of a first segment.
     * Pinned so that a binding lost or a layer that stops early fails the benchmark's setup.
     */
    static final Map<String, List<String>> EXPECTED_DISSECTOR = Map.of(
            "a_gre_key_seq", List.of("ethernet", "ipv4", "gre", "ipv4", "tcp"),
            "b_gre_wccpv2", List.of("ethernet", "ipv4", "gre", "wccp", "ipv4", "tcp"),
            "c_mpls3", List.of("ethernet", "mpls", "ipv4", "udp"),
            "d_lisp", List.of("ethernet", "ipv4", "udp", "lisp", "ipv4", "icmp"),
            "e_mip6_bu", List.of("ethernet", "ipv6", "mip6"),
            "f_stt_first_segment", List.of("ethernet", "ipv4", "tcp", "stt-segment", "stt"));

    private DissectLayers() {
    }

    /** @return the names of the layers the hand-written walk reaches in {@code frame} */
    static List<String> handWrittenLayers(ByteBuffer frame) {
        int[] layers = HandWrittenWalk.newLayers();
        int n = HandWrittenWalk.walk(frame, layers);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(HandWrittenWalk.name(layers[i * HandWrittenWalk.STRIDE + HandWrittenWalk.ID]));
        }
        return names;
    }

    /** @return the simple class names of pcap4j's packet chain for {@code frame} */
    static List<String> pcap4jLayers(byte[] frame) throws IllegalRawDataException {
        List<String> names = new ArrayList<>();
        for (Packet p = EthernetPacket.newPacket(frame, 0, frame.length); p != null; p = p.getPayload()) {
            names.add(p.getClass().getSimpleName());
        }
        return names;
    }

    /**
     * Checks that the hand-written walk reaches exactly the listed layers of {@code name}, and
     * that the layers tile the frame: each starts where the one before ends its header.
     *
     * @throws IllegalStateException if it does not
     */
    static void checkHandWritten(String name, ByteBuffer frame) {
        List<String> expected = EXPECTED.get(name);
        if (expected == null) {
            throw new IllegalStateException("no layer list for frame " + name);
        }
        List<String> actual = handWrittenLayers(frame);
        if (!actual.equals(expected)) {
            throw new IllegalStateException(name + ": hand-written walk reached " + actual
                    + " (" + actual.size() + " layers), expected " + expected + " (" + expected.size() + ")");
        }
        int[] layers = HandWrittenWalk.newLayers();
        int n = HandWrittenWalk.walk(frame, layers);
        for (int i = 1; i < n; i++) {
            int previous = (i - 1) * HandWrittenWalk.STRIDE;
            int at = i * HandWrittenWalk.STRIDE;
            int previousEnd = layers[previous + HandWrittenWalk.OFFSET] + layers[previous + HandWrittenWalk.HEADER_LENGTH];
            if (layers[at + HandWrittenWalk.OFFSET] != previousEnd) {
                throw new IllegalStateException(name + ": layer " + i + " starts at "
                        + layers[at + HandWrittenWalk.OFFSET] + ", the header before it ends at " + previousEnd);
            }
            if (layers[at + HandWrittenWalk.HEADER_LENGTH] > layers[previous + HandWrittenWalk.PAYLOAD_LENGTH]) {
                throw new IllegalStateException(name + ": layer " + i + " is longer than its enclosing payload");
            }
        }
        if (frame.position() != 0 || frame.limit() != frame.capacity()) {
            throw new IllegalStateException(name + ": the walk moved the buffer");
        }
    }

    /** @return the names of the layers {@code Dissector.dissect} reaches in {@code frame} */
    static List<String> dissectorLayers(ByteBuffer frame) {
        List<String> names = new ArrayList<>();
        for (DissectedLayer l : DissectBenchmark.DISSECTOR.dissect(LinkType.ETHERNET, frame).layers()) {
            names.add(l.name());
        }
        return names;
    }

    /** @return the names of the layers a {@link FrameWalk} of the dissector reaches in {@code frame} */
    static List<String> walkLayers(ByteBuffer frame) {
        List<String> names = new ArrayList<>();
        FrameWalk w = DissectBenchmark.DISSECTOR.newWalk().wrap(LinkType.ETHERNET, frame, 0, frame.limit(), 0);
        while (w.next()) {
            names.add(w.layer().name());
        }
        return names;
    }

    /**
     * Checks that {@code Dissector.dissect} and the {@link FrameWalk} both reach exactly the
     * layers {@link #EXPECTED_DISSECTOR} lists for {@code name}, at the same offsets, and leave
     * the buffer where it was.
     *
     * @throws IllegalStateException if they do not
     */
    static void checkDissector(String name, ByteBuffer frame) {
        List<String> expected = EXPECTED_DISSECTOR.get(name);
        if (expected == null) {
            throw new IllegalStateException("no dissector layer list for frame " + name);
        }
        List<String> dissected = dissectorLayers(frame);
        List<String> walked = walkLayers(frame);
        if (!dissected.equals(expected) || !walked.equals(expected)) {
            throw new IllegalStateException(name + ": dissect reached " + dissected + ", the walk " + walked
                    + ", expected " + expected);
        }
        Dissection d = DissectBenchmark.DISSECTOR.dissect(LinkType.ETHERNET, frame);
        FrameWalk w = DissectBenchmark.DISSECTOR.newWalk().wrap(LinkType.ETHERNET, frame, 0, frame.limit(), 0);
        for (DissectedLayer l : d.layers()) {
            if (!w.next() || w.offset() != l.offset() || w.headerLength() != l.length()
                    || w.payloadLength() != l.payloadLength()) {
                throw new IllegalStateException(name + ": the walk and dissect disagree at " + l.name() + "@" + l.offset());
            }
        }
        if (frame.position() != 0 || frame.limit() != frame.capacity()) {
            throw new IllegalStateException(name + ": the dissector moved the buffer");
        }
    }

    /**
     * Prints the layers each side reaches on every shared frame, then checks the hand-written
     * walk against {@link #EXPECTED} and the dissector against {@link #EXPECTED_DISSECTOR}.
     *
     * @param args unused
     * @throws IllegalRawDataException if pcap4j rejects a frame
     */
    public static void main(String[] args) throws IllegalRawDataException {
        int failures = 0;
        for (Map.Entry<String, byte[]> e : Frames.shared().entrySet()) {
            String name = e.getKey();
            byte[] bytes = e.getValue();
            ByteBuffer frame = ByteBuffer.wrap(bytes);
            System.out.printf("%s (%d bytes)%n", name, bytes.length);
            List<String> pcap4j = pcap4jLayers(bytes);
            System.out.printf("  pcap4j      (%d): %s%n", pcap4j.size(), String.join(" > ", pcap4j));
            int[] layers = HandWrittenWalk.newLayers();
            int n = HandWrittenWalk.walk(frame, layers);
            StringBuilder walk = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int at = i * HandWrittenWalk.STRIDE;
                walk.append(i == 0 ? "" : " > ").append(HandWrittenWalk.name(layers[at + HandWrittenWalk.ID]))
                        .append('@').append(layers[at + HandWrittenWalk.OFFSET])
                        .append('+').append(layers[at + HandWrittenWalk.HEADER_LENGTH])
                        .append('/').append(layers[at + HandWrittenWalk.PAYLOAD_LENGTH]);
            }
            System.out.printf("  handWritten (%d): %s%n", n, walk);
            Dissection d = DissectBenchmark.DISSECTOR.dissect(LinkType.ETHERNET, frame);
            StringBuilder ours = new StringBuilder();
            for (DissectedLayer l : d.layers()) {
                ours.append(ours.length() == 0 ? "" : " > ").append(l.name()).append('@').append(l.offset())
                        .append('+').append(l.length()).append('/').append(l.payloadLength());
            }
            System.out.printf("  dissect     (%d): %s, stop %s%n", d.layers().size(), ours, d.stopReason());
            try {
                checkHandWritten(name, frame);
                System.out.println("  check hand-written: ok");
            } catch (IllegalStateException ex) {
                failures++;
                System.out.println("  check hand-written: FAILED: " + ex.getMessage());
            }
            try {
                checkDissector(name, frame);
                System.out.println("  check dissector: ok");
            } catch (IllegalStateException ex) {
                failures++;
                System.out.println("  check dissector: FAILED: " + ex.getMessage());
            }
        }
        for (String name : EXPECTED.keySet()) {
            if (!Frames.shared().containsKey(name)) {
                failures++;
                System.out.println(name + ": FAILED: not in frames.tsv");
            }
        }
        System.out.println("(layer@offset+header length/payload length)");
        if (failures != 0) {
            System.err.println(failures + " check(s) failed");
            System.exit(1);
        }
    }
}
