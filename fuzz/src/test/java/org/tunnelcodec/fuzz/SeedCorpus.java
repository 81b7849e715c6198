package org.tunnelcodec.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.mpls.MplsHeader;
import org.tunnelcodec.mpls.MplsLabel;
import org.tunnelcodec.mpls.MplsPayloadType;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.testdata.Captures;

/**
 * Writes the seed corpus that the fuzz tests replay in a normal build, from the generated
 * captures, the shared capture corpus and the hex vectors of the protocol notes. Not a test:
 * it runs only when {@code tunnelcodec.fuzz.seeds} names the resources directory to write to
 * ({@code regenerate-corpus.sh} sets it). Each frame is dissected; each layer's bytes, from its
 * first octet to the end of the frame, seed the fuzz tests of that layer's decoder; the outer IP
 * packets of WCCP redirection and of STT seed the decapsulator and the reassembler; the whole
 * frames seed the dissector. Files named {@code seed-*} are replaced; others (findings) are kept.
 */
class SeedCorpus {
    private static final int PER_TARGET = 8;
    private static final int MAX_FILE = 1600;
    private static final Pattern HEX_BLOCK = Pattern.compile("```\\n([0-9a-fA-F \\n]+)```");
    /** A line of a hex dump as tshark prints it: a 4-digit offset, two spaces, then the octets. */
    private static final Pattern DUMP_LINE = Pattern.compile("[0-9a-fA-F]{4}  ([0-9a-fA-F]{2}( [0-9a-fA-F]{2})*)");

    private static final List<String> GENERATED = List.of("core-layers.pcap", "core-truncated.pcap",
            "gre-variants.pcap", "linktype-loop.pcap", "linktype-null.pcap", "linktype-raw.pcap", "linktype-sll.pcap",
            "linktype-sll2.pcap", "stt-segments.pcap", "tunneldump-sample.pcap", "mpls-variants.pcap",
            "vxlan-variants.pcap", "lisp-data-variants.pcap", "lisp-control-variants.pcap",
            "mip6-messages.pcap", "mip6-scenarios.pcap");
    private static final List<String> SHARED = List.of("pcpp-GrePackets.pcap", "pptp.pcap", "wccp_redirect_gre.pcap",
            "gre-heapoverflow-2.pcap", "isis-infinite-loop.pcap", "zeek-gre-within-gre.pcap", "ipv6-routing-header.pcap",
            "suri-bug-5633-gre-01.pcap", "NHRP_registration.pcap", "zeek-erspan.pcap",
            // MPLS: plain stacks, MPLS-in-UDP, LSP ping, VLANs, pseudowires, nested and broken stacks.
            "pcpp-MplsPackets.pcap", "arkime-mpls-basic.pcap", "mpls-over-udp.pcap", "lspping-fec-ldp.pcap",
            "lspping-fec-rsvp.pcap", "mpls-traceroute.pcap", "zeek-mpls-in-vlan.pcap", "zeek-mixed-vlan-mpls.pcap",
            "suri-decode-too-many-layers.pcap", "mpls-label-heapoverflow.pcap", "tok2str-oobr-2.pcap", "wb-oobr.pcap",
            "zeek-mpls-6in6-6in6-4in6-trunc.pcap", "zeek-mpls-6in6-6in6-invalid-version-6.pcap",
            // VXLAN (Group Policy, reserved bits, port 8472, triple nesting, ERSPAN), VXLAN-GPE with NSH,
            // Geneve (options, many options, truncated, GCP), each over IPv4 and IPv6 with GSO and BIG TCP.
            "vxlan.pcap", "zeek-vxlan.pcap", "pcpp-Vxlan1.pcap", "suri-vxlan-decoder-01.pcap",
            "suri-vxlan-non-zero-reserved-fields.pcap", "vxlan_port_8472.pcap", "zeek-vxlan-triple-v2.pcap",
            "zeek-vxlan-encapsulated-igmp-v2.pcap", "zeek-vxlan-inner-tcp-bad-checksum.pcap",
            "arkime-gre-erspan-vxlan.pcap", "nsh-over-vxlan-gpe.pcap", "geneve.pcap", "geneve-gcp.pcap",
            "zeek-geneve.pcap", "zeek-geneve-arp.pcap", "zeek-geneve-ipv6.pcap", "zeek-geneve-many-options.pcap",
            "zeek-geneve-tagged-udp-packet.pcap", "zeek-geneve-truncated.pcapng",
            "zeek-geneve-inner-tcp-bad-checksum.pcap", "zeek-geneve-vxlan-dns-truncated.pcap",
            "suri-geneve-decoder.pcap", "gso-ipv4-vxlan-ipv4.pcap", "gso-ipv4-vxlan-ipv6.pcap",
            "gso-ipv6-vxlan-ipv4.pcap", "gso-ipv6-vxlan-ipv6.pcap", "gso-ipv4-geneve-ipv4.pcap",
            "gso-ipv4-geneve-ipv6.pcap", "gso-ipv6-geneve-ipv4.pcap", "gso-ipv6-geneve-ipv6.pcap",
            "bigtcp-ipv4-vxlan-ipv4.pcap", "bigtcp-ipv4-vxlan-ipv6.pcap", "bigtcp-ipv6-vxlan-ipv4.pcap",
            "bigtcp-ipv6-vxlan-ipv6.pcap", "bigtcp-ipv4-geneve-ipv4.pcap", "bigtcp-ipv4-geneve-ipv6.pcap",
            "bigtcp-ipv6-geneve-ipv4.pcap", "bigtcp-ipv6-geneve-ipv6.pcap",
            // LISP control plane: Map-Register/Notify with and without the xTR-ID, IPv6 EIDs, Map-Request,
            // Map-Reply, an ECM, broken messages.
            "lisp_eid_notify.pcap", "lisp_eid_register.pcap", "lisp_invalid.pcap", "lisp_invalid_length.pcap",
            "lisp_ipv6.pcap", "pcpp-ipv6-lisp.pcapng",
            // Mobile IPv6's IPv6 pieces: Home Address options (one of a bad length) and a Type 2 Routing Header.
            "zeek-ipv6-mobile-hoa.pcap", "zeek-ipv6-mobile-routing.pcap", "zeek-ip6-hoa-tcp-good-chksum.pcap",
            "zeek-ipv6-mobility-dst-opts.pcap",
            // Link headers: Arista's timestamp header (every format, some unknown) with 802.1Q tags after it;
            // Cisco HDLC.
            "arista_ether.pcap", "ndpi-BGP_redist.pcap");

    /** Which fuzz tests each dissector layer's bytes seed, as {@code Class/method}. */
    private static final Map<String, List<String>> TARGETS = Map.ofEntries(
            Map.entry("ethernet", List.of("CoreFuzzTest/ethernet")),
            Map.entry("linux-sll", List.of("CoreFuzzTest/linuxSll")),
            Map.entry("linux-sll2", List.of("CoreFuzzTest/linuxSll2")),
            Map.entry("loopback", List.of("CoreFuzzTest/loopback")),
            Map.entry("chdlc", List.of("CoreFuzzTest/ciscoHdlc")),
            Map.entry("avsp", List.of("CoreFuzzTest/avsp")),
            Map.entry("vlan", List.of("CoreFuzzTest/vlan")),
            Map.entry("ipv4", List.of("CoreFuzzTest/ipv4", "CoreFuzzTest/ipScan")),
            Map.entry("ipv6", List.of("CoreFuzzTest/ipv6", "CoreFuzzTest/ipv6Peeks", "CoreFuzzTest/ipv6MobilePeeks",
                    "CoreFuzzTest/ipScan")),
            Map.entry("udp", List.of("CoreFuzzTest/udp")),
            Map.entry("tcp", List.of("CoreFuzzTest/tcp")),
            Map.entry("gre", List.of("GreFuzzTest/gre", "GreFuzzTest/greView", "GreFuzzTest/grePeeks")),
            Map.entry("ppp", List.of("GreFuzzTest/ppp")),
            Map.entry("wccp", List.of("GreFuzzTest/wccpRedirect")),
            Map.entry("wccp-control", List.of("GreFuzzTest/wccpMessage", "GreFuzzTest/wccpV1Message")),
            Map.entry("stt", List.of("SttFuzzTest/sttFrame")),
            Map.entry("stt-segment", List.of("SttFuzzTest/sttSegment")),
            Map.entry("mpls", List.of("MplsFuzzTest/mpls", "MplsFuzzTest/mplsView", "MplsFuzzTest/mplsPeeks",
                    "MplsFuzzTest/identify")),
            Map.entry("pw-cw", List.of("MplsFuzzTest/controlWord")),
            Map.entry("ach", List.of("MplsFuzzTest/ach")),
            Map.entry("vxlan", List.of("VxlanFuzzTest/vxlan", "VxlanFuzzTest/vxlanView", "VxlanFuzzTest/vxlanPolicy")),
            Map.entry("vxlan-gpe", List.of("VxlanFuzzTest/vxlanGpe")),
            Map.entry("geneve", List.of("VxlanFuzzTest/geneve", "VxlanFuzzTest/geneveView")),
            Map.entry("lisp", List.of("LispFuzzTest/lisp", "LispFuzzTest/lispView")),
            Map.entry("lisp-gpe", List.of("LispFuzzTest/lispGpe")),
            Map.entry("lisp-control", List.of("LispControlFuzzTest/lispMessage")),
            Map.entry("mip6", List.of("Mip6FuzzTest/mobilityHeader")));

    /** The fuzz test of the walk to the Mobile IPv6 pieces, seeded with IPv6 headers that have them. */
    private static final String MOBILE_PEEKS = "CoreFuzzTest/ipv6MobilePeeks";

    private record Frame(String source, LinkType linkType, byte[] bytes) {
    }

    /** "hao", "rh2" or both for an IPv6 header with a Home Address option or a Type 2 Routing Header; else null. */
    private static String mobile(Object header) {
        if (!(header instanceof org.tunnelcodec.core.ip.Ipv6Header h)) {
            return null;
        }
        String hao = h.homeAddressOption().isPresent() ? "hao" : "";
        String rh2 = h.type2RoutingHeader().isPresent() ? "rh2" : "";
        return hao.isEmpty() && rh2.isEmpty() ? null : hao + rh2;
    }

    private final Map<String, Map<String, byte[]>> seeds = new LinkedHashMap<>();
    private final Map<String, Set<String>> shapes = new LinkedHashMap<>();

    @Test
    @EnabledIfSystemProperty(named = "tunnelcodec.fuzz.seeds", matches = ".+")
    void write() throws IOException {
        Path root = Path.of(System.getProperty("tunnelcodec.fuzz.seeds"), "org", "tunnelcodec", "fuzz");
        List<Frame> frames = new ArrayList<>();
        for (String name : GENERATED) {
            add(frames, Captures.generated(name), PER_TARGET * 4);
        }
        Optional<Path> shared = Captures.sharedDirectory();
        for (String name : SHARED) {
            if (shared.isPresent() && Files.exists(shared.get().resolve(name))) {
                add(frames, Captures.shared(name), PER_TARGET);
            }
        }
        String specs = System.getProperty("tunnelcodec.fuzz.specs", "");
        if (!specs.isEmpty()) {
            for (String name : List.of("gre.md", "wccp.md", "stt.md", "mpls.md")) {
                vectors(frames, Path.of(specs, name));
            }
        }
        Map<String, List<byte[]>> sttPackets = new LinkedHashMap<>();
        for (Frame f : frames) {
            seedLayers(f, sttPackets);
        }
        for (Map.Entry<String, List<byte[]>> e : sttPackets.entrySet()) {
            for (int flags = 0; flags < 2; flags++) {
                seed("SttFuzzTest/sttReassembler", e.getKey() + "-" + flags, e.getKey() + flags,
                        reassembly(flags, e.getValue()));
            }
        }
        for (Map.Entry<String, Map<String, byte[]>> target : seeds.entrySet()) {
            Path dir = root.resolve(target.getKey().replace("/", "Inputs/"));
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith("seed-")).toList()) {
                    Files.delete(p);
                }
            }
            for (Map.Entry<String, byte[]> s : target.getValue().entrySet()) {
                Files.write(dir.resolve("seed-" + s.getKey()), s.getValue());
            }
        }
    }

    private static void add(List<Frame> frames, CaptureFile capture, int max) {
        for (CapturedFrame f : capture.frames()) {
            if (f.number() > max) {
                break;
            }
            ByteBuffer b = f.data();
            byte[] bytes = new byte[Math.min(b.remaining(), MAX_FILE)];
            b.get(bytes);
            frames.add(new Frame(capture.name().replaceAll("\\.[a-z]+$", "") + "-" + f.number(), capture.linkType(),
                    bytes));
        }
    }

    /**
     * The hex blocks of a protocol note: hex dumps with offsets are Ethernet frames; of the bare
     * hex blocks, IP packets are raw frames, the others bare messages.
     */
    private void vectors(List<Frame> frames, Path note) {
        String text;
        try {
            text = Files.readString(note);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = HEX_BLOCK.matcher(text);
        String base = note.getFileName().toString().replace(".md", "");
        for (int n = 1; m.find(); n++) {
            byte[] frame = dump(m.group(1));
            if (frame != null) {
                frames.add(new Frame("spec-" + base + "-" + n, LinkType.ETHERNET, frame));
                continue;
            }
            String hex = m.group(1).replaceAll("\\s", "");
            if (hex.length() % 2 != 0 || hex.length() < 16) {
                continue;
            }
            byte[] bytes = HexFormat.of().parseHex(hex);
            int version = (bytes[0] & 0xFF) >>> 4;
            if (version == 4 || version == 6) {
                frames.add(new Frame("spec-" + base + "-" + n, LinkType.RAW, bytes));
            } else {
                bare(base + "-" + n, bytes);
            }
        }
    }

    /** The octets of a hex dump whose every line has an offset, or null if the block is not one. */
    private static byte[] dump(String block) {
        StringBuilder hex = new StringBuilder();
        for (String line : block.strip().split("\n")) {
            Matcher l = DUMP_LINE.matcher(line.strip());
            if (!l.matches()) {
                return null;
            }
            hex.append(l.group(1).replace(" ", ""));
        }
        return HexFormat.of().parseHex(hex);
    }

    /** A vector that is not an IP packet seeds every decoder that accepts it. */
    private void bare(String name, byte[] bytes) {
        Map<String, Contract.Probe> decoders = Map.of("GreFuzzTest/wccpMessage", Decoders.WCCP_MESSAGE::decode,
                "GreFuzzTest/wccpV1Message", Decoders.WCCP_V1_MESSAGE::decode, "SttFuzzTest/sttFrame",
                Decoders.STT_FRAME::decode, "SttFuzzTest/sttSegment", Decoders.STT_SEGMENT::decode);
        for (Map.Entry<String, Contract.Probe> d : decoders.entrySet()) {
            try {
                d.getValue().apply(ByteBuffer.wrap(bytes));
                seed(d.getKey(), "spec-" + name, "spec-" + name, bytes);
            } catch (MalformedPacketException notThisOne) {
                // the vector is some other protocol's
            }
        }
    }

    private void seedLayers(Frame f, Map<String, List<byte[]>> sttPackets) {
        Dissection d = DissectorFuzzTest.DISSECTOR.dissect(f.linkType(), ByteBuffer.wrap(f.bytes()));
        List<DissectedLayer> layers = d.layers();
        StringBuilder shape = new StringBuilder(d.stopReason().name());
        for (int i = layers.size() - 1; i >= 0; i--) {
            DissectedLayer l = layers.get(i);
            String below = shape.toString();
            shape.insert(0, l.name() + "/");
            if (l.buffer() != 0) {
                continue;
            }
            byte[] bytes = java.util.Arrays.copyOfRange(f.bytes(), l.offset(), f.bytes().length);
            for (String target : TARGETS.getOrDefault(l.name(), List.of())) {
                if (target.equals(MOBILE_PEEKS)) {
                    // only IPv6 headers with a Home Address option or a Type 2 Routing Header
                    String mobile = mobile(l.header());
                    if (mobile != null) {
                        seed(target, f.source(), mobile + ":" + shape, bytes);
                    }
                    continue;
                }
                seed(target, f.source(), shape.toString(), bytes);
            }
            boolean ip = l.name().equals("ipv4") || l.name().equals("ipv6");
            if (ip && i + 1 < layers.size() && i + 2 < layers.size() && layers.get(i + 2).name().equals("wccp")) {
                seed("GreFuzzTest/wccpDecapsulator", f.source(), shape.toString(), bytes);
            }
            if (ip && i + 2 < layers.size() && layers.get(i + 2).name().equals("stt-segment")) {
                String capture = f.source().replaceAll("-\\d+$", "");
                sttPackets.computeIfAbsent(capture, k -> new ArrayList<>()).add(bytes);
            }
            if (l.name().equals(MplsHeader.PROTOCOL)) {
                labelOperations(f, l, i + 1 < layers.size() ? layers.get(i + 1) : null, bytes, shape.toString(), below);
            }
        }
        int type = DissectorFuzzTest.LINK_TYPES.indexOf(f.linkType());
        if (type >= 0) {
            byte[] input = new byte[f.bytes().length + 1];
            input[0] = (byte) type;
            System.arraycopy(f.bytes(), 0, input, 1, f.bytes().length);
            seed("DissectorFuzzTest/dissect", f.source(), shape.toString(), input);
        }
    }

    /**
     * The label operations' seeds from a stack: a pop of it (of the entropy pair when it starts
     * with an ELI) and a push of one label onto it; and a push of one label, with an entropy
     * pair when the stack has one, onto the payload after it, of that payload's type. The
     * parameter octets are those {@link MplsFuzzTest#labelOps} and {@link MplsFuzzTest#push}
     * read: the range is the packet's own.
     */
    private void labelOperations(Frame f, DissectedLayer stack, DissectedLayer next, byte[] bytes, String shape,
                                 String below) {
        MplsHeader h = (MplsHeader) stack.header();
        boolean eli = h.top().label() == MplsLabel.ENTROPY_LABEL_INDICATOR.value();
        byte[] ops = {(byte) (eli ? 2 : 1), 0, 0, 0, 0, 100}; // pop (uniform), or the ELI and EL; swap's label 100
        seed("MplsFuzzTest/labelOps", f.source(), (eli ? "eli:" : "pop:") + shape, prefixed(ops, bytes));
        // One label, the stack's top label when it may be pushed, in the hash's upper 20 bits.
        int label = h.top().label() >= MplsLabel.FIRST_UNRESERVED ? h.top().label() : 100;
        ByteBuffer push = ByteBuffer.allocate(MplsFuzzTest.PUSH_PARAMETERS).put(0, (byte) 2).putInt(4, label << 12);
        seed("MplsFuzzTest/push", f.source() + "-onto", "onto:" + shape, prefixed(push.array(), bytes));
        MplsPayloadType type = next == null ? null : switch (next.name()) {
            case "ipv4" -> MplsPayloadType.IPV4;
            case "ipv6" -> MplsPayloadType.IPV6;
            case "ethernet" -> MplsPayloadType.PW_ETHERNET;
            case "pw-cw" -> MplsPayloadType.PW_ETHERNET_CONTROL_WORD;
            case "ach" -> MplsPayloadType.ACH;
            default -> MplsPayloadType.RAW;
        };
        if (type != null && next.buffer() == 0) {
            push.put(0, (byte) (type.ordinal() << 2)).put(1, (byte) (h.entropyLabelIndex() >= 0 ? 1 << 3 : 0));
            byte[] payload = java.util.Arrays.copyOfRange(f.bytes(), next.offset(), f.bytes().length);
            seed("MplsFuzzTest/push", f.source() + "-push", "push:" + below, prefixed(push.array(), payload));
        }
    }

    private static byte[] prefixed(byte[] parameters, byte[] packet) {
        byte[] input = java.util.Arrays.copyOf(parameters, parameters.length + packet.length);
        System.arraycopy(packet, 0, input, parameters.length, packet.length);
        return input;
    }

    /** One reassembler input: the flags octet, then each packet with a time step of 1 and its length. */
    private static byte[] reassembly(int flags, List<byte[]> packets) {
        ByteBuffer b = ByteBuffer.allocate(1 + packets.stream().mapToInt(p -> 3 + p.length).sum());
        b.put((byte) flags);
        for (byte[] p : packets) {
            b.put((byte) 1).putShort((short) p.length).put(p);
        }
        return b.array();
    }

    /**
     * Keeps the input if the target has room and has no input of that shape yet. A vector of the
     * protocol notes (named {@code spec-*}) is kept beyond the room, unless another vector had
     * its shape: the vectors are few, and each is an annotated case.
     */
    private void seed(String target, String name, String shape, byte[] bytes) {
        Map<String, byte[]> forTarget = seeds.computeIfAbsent(target, k -> new LinkedHashMap<>());
        Set<String> seen = shapes.computeIfAbsent(target, k -> new LinkedHashSet<>());
        boolean vector = name.startsWith("spec-");
        if ((vector || forTarget.size() < PER_TARGET) && bytes.length <= MAX_FILE
                && seen.add(vector ? "spec:" + shape : shape)) {
            forTarget.put(name, bytes);
        }
    }
}
