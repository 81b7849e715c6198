package org.tunnelcodec.bench;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
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
 * per frame, pcap4j's packet class chain and the hand-written walk's layers (with offset,
 * header and payload length), then exits with status 1 if any frame's walk differs from the list.
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

    /**
     * Prints the layers each side reaches on every shared frame, then checks the hand-written
     * walk against {@link #EXPECTED}.
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
                System.out.println("  check: ok");
            } catch (IllegalStateException ex) {
                failures++;
                System.out.println("  check: FAILED: " + ex.getMessage());
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
            System.err.println(failures + " frame(s) failed the hand-written walk check");
            System.exit(1);
        }
    }
}
