package org.tunnelcodec.tunneldump;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.gre.GreLayers;
import org.tunnelcodec.lisp.LispControlLayers;
import org.tunnelcodec.lisp.LispLayers;
import org.tunnelcodec.mip6.Mip6Layers;
import org.tunnelcodec.mpls.MplsBindings;
import org.tunnelcodec.mpls.MplsLayers;
import org.tunnelcodec.mpls.MplsPayloadType;
import org.tunnelcodec.stt.SttLayers;
import org.tunnelcodec.stt.SttReassembler;
import org.tunnelcodec.vxlan.VxlanLayers;
import org.tunnelcodec.capture.CaptureStream;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.stt.SttReassembly;
import org.tunnelcodec.stt.SttSegmentHeader;

/**
 * tunneldump: decodes a capture and prints every layer of every frame as it reads it, one line
 * per layer with its key fields, or one JSON object per frame with {@code --json}. A malformed
 * frame is reported with the exception's protocol, field, offset and reason, and the dump goes
 * on; a file cut off mid-record prints its good frames, then the error.
 *
 * <pre>
 * usage: tunneldump [--json] [--max-depth N] [-c COUNT] [--mpls-label LABEL=TYPE]... [-r FILE | FILE | -]
 *        tunneldump --help | --version
 * </pre>
 * Without a file it dumps the bundled sample, which holds every tunnel type the project
 * supports so far; {@code -} reads standard input. STT segments (TCP to port 7471) are
 * reassembled across frames by the STT module's reassembling bindings: the frame that completes
 * an STT frame also shows its STT header and inner Ethernet layers.
 */
public final class TunnelDump {
    /** The sample dumped when no file is named. */
    public static final String SAMPLE = "tunneldump-sample.pcap";

    private static final String NL = System.lineSeparator();

    private TunnelDump() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        int status = run(args, out, System.err, System.in);
        out.flush();
        System.exit(status);
    }

    /**
     * Runs the command with no standard input; see
     * {@link #run(String[], PrintStream, PrintStream, InputStream)}.
     *
     * @param args the arguments
     * @param out  where the dump goes
     * @param err  where errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, InputStream.nullInputStream());
    }

    /**
     * Runs the command, printing to {@code out}; errors go to {@code err}.
     *
     * @param args  the arguments
     * @param out   where the dump goes
     * @param err   where errors go
     * @param stdin what {@code -} reads
     * @return the exit status: 0; 1 when the capture ends in a cut-off or unreadable record
     *     (the frames before it are printed); 2 for a bad argument or a file that cannot be opened
     */
    public static int run(String[] args, PrintStream out, PrintStream err, InputStream stdin) {
        boolean json = false;
        int maxDepth = Dissector.DEFAULT_MAX_DEPTH;
        long count = Long.MAX_VALUE;
        String file = null;
        MplsBindings.Builder mpls = MplsBindings.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--mpls-label" -> {
                    if (i + 1 == args.length) {
                        return usage(err, "--mpls-label needs LABEL=TYPE");
                    }
                    String binding = args[++i];
                    int eq = binding.indexOf('=');
                    MplsPayloadType type = eq < 0 ? null : MPLS_TYPES.get(binding.substring(eq + 1));
                    int label;
                    try {
                        label = eq < 0 ? -1 : Integer.parseInt(binding.substring(0, eq));
                    } catch (NumberFormatException e) {
                        label = -1;
                    }
                    if (type == null || label < 16 || label > 0xFFFFF) {
                        return usage(err, "--mpls-label needs LABEL=TYPE with LABEL 16..1048575 and TYPE one of "
                                + String.join(", ", MPLS_TYPES.keySet()) + ", not " + binding);
                    }
                    mpls.bind(label, type);
                }
                case "--max-depth", "-c" -> {
                    String option = args[i];
                    if (i + 1 == args.length) {
                        return usage(err, option + " needs a number");
                    }
                    long n;
                    try {
                        n = Long.parseLong(args[++i]);
                    } catch (NumberFormatException e) {
                        return usage(err, option + " needs a number, not " + args[i]);
                    }
                    if (option.equals("-c")) {
                        if (n < 1) {
                            return usage(err, "-c must be at least 1");
                        }
                        count = n;
                    } else {
                        if (n < 1 || n > 256) {
                            return usage(err, "--max-depth must be 1..256");
                        }
                        maxDepth = (int) n;
                    }
                }
                case "-r" -> {
                    if (i + 1 == args.length) {
                        return usage(err, "-r needs a file");
                    }
                    if (file != null) {
                        return usage(err, "one capture only, not also " + args[i + 1]);
                    }
                    file = args[++i];
                }
                case "-h", "--help" -> {
                    usage(out, null);
                    return 0;
                }
                case "-V", "--version" -> {
                    out.println("tunneldump " + version());
                    return 0;
                }
                default -> {
                    if ((args[i].startsWith("-") && !args[i].equals("-")) || file != null) {
                        return usage(err, "unexpected argument " + args[i]);
                    }
                    file = args[i];
                }
            }
        }
        CaptureStream capture;
        try {
            if (file == null) {
                InputStream sample = TunnelDump.class.getResourceAsStream(SAMPLE);
                if (sample == null) {
                    err.println("tunneldump: the bundled sample " + SAMPLE + " is missing from the jar");
                    return 2;
                }
                capture = CaptureStream.open(sample, SAMPLE);
            } else if (file.equals("-")) {
                capture = CaptureStream.open(stdin, "-");
            } else {
                capture = CaptureStream.open(Path.of(file));
            }
        } catch (NoSuchFileException e) {
            err.println("tunneldump: cannot read " + file + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("tunneldump: cannot read " + (file == null ? SAMPLE : file) + ": " + e.getMessage());
            return 2;
        }
        try (capture) {
            return dump(capture, json, maxDepth, count, mpls.build(), out, err);
        } catch (IOException e) {
            out.flush();
            err.println("tunneldump: " + e.getMessage());
            return 1;
        }
    }

    private static int dump(CaptureStream capture, boolean json, int maxDepth, long count, MplsBindings mpls,
                            PrintStream out, PrintStream err) throws IOException {
        SttLayers.Reassembly stt = SttLayers.reassembling(new SttReassembler(SttReassembler.Limits.defaults()));
        Dissector dissector = dissector(maxDepth, stt, mpls);
        Tunnels tunnels = new Tunnels(mpls);
        if (!json) {
            out.println("# " + capture.name() + ": link type " + capture.linkType());
        }
        StringBuilder sb = new StringBuilder(1024);
        for (long n = 0; n < count; n++) {
            CapturedFrame frame;
            try {
                frame = capture.next();
            } catch (EOFException e) {
                out.flush();
                err.println("tunneldump: " + capture.name() + ": " + e.getMessage());
                return 1;
            }
            if (frame == null) {
                break;
            }
            ByteBuffer data = frame.data();
            Dissection d = dissector.dissect(capture.linkType(frame), data, frame.originalLength(),
                    nanos(frame.timestamp()));
            Checksums.Verdict[] checksums = Checksums.of(d, data);
            SttLayers.Reassembly reassembly = hasSegment(d) && stt.lastVerdict() != null ? stt : null;
            tunnels.peel(capture.linkType(frame), data, d);
            sb.setLength(0);
            if (json) {
                Json.frame(sb, frame, d, checksums, reassembly, tunnels);
            } else {
                text(sb, frame, d, checksums, reassembly, tunnels);
            }
            out.append(sb).append(NL);
        }
        return 0;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static boolean hasSegment(Dissection d) {
        for (DissectedLayer l : d.layers()) {
            if (l.name().equals(SttSegmentHeader.PROTOCOL)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The dissector tunneldump uses: every module's layers, composed explicitly. Each module
     * adds its layers here with one {@code add}.
     *
     * @param maxDepth the depth cap
     * @param stt      the STT reassembling bindings
     * @return the dissector
     */
    public static Dissector dissector(int maxDepth, SttLayers.Reassembly stt) {
        return dissector(maxDepth, stt, MplsBindings.NONE);
    }

    /**
     * The dissector tunneldump uses, with MPLS label bindings (what {@code --mpls-label} gives).
     *
     * @param maxDepth the depth cap
     * @param stt      the STT reassembling bindings
     * @param mpls     the MPLS label bindings
     * @return the dissector
     */
    public static Dissector dissector(int maxDepth, SttLayers.Reassembly stt, MplsBindings mpls) {
        return Dissector.builder()
                .add(CoreLayers.bindings())
                .add(GreLayers.bindings())
                .add(MplsLayers.bindings(mpls))
                .add(VxlanLayers.bindings())
                .add(LispLayers.bindings())
                .add(LispControlLayers.bindings())
                .add(Mip6Layers.bindings())
                .add(stt.bindings())
                .maxDepth(maxDepth).build();
    }

    /** The payload types {@code --mpls-label} names. */
    static final java.util.SortedMap<String, MplsPayloadType> MPLS_TYPES = java.util.Collections.unmodifiableSortedMap(
            new java.util.TreeMap<>(java.util.Map.of(
                    "ipv4", MplsPayloadType.IPV4, "ipv6", MplsPayloadType.IPV6, "ethernet", MplsPayloadType.PW_ETHERNET,
                    "ethernet-cw", MplsPayloadType.PW_ETHERNET_CONTROL_WORD, "cw", MplsPayloadType.CONTROL_WORD,
                    "ach", MplsPayloadType.ACH, "raw", MplsPayloadType.RAW)));

    static void text(StringBuilder sb, CapturedFrame frame, Dissection d, Checksums.Verdict[] checksums,
                     SttLayers.Reassembly reassembly, Tunnels tunnels) {
        sb.append("frame ").append(frame.number()).append(' ').append(time(frame.timestamp())).append(": ")
                .append(frame.capturedLength()).append(" bytes");
        if (frame.isTruncated()) {
            sb.append(" (of ").append(frame.originalLength()).append(" on the wire)");
        }
        List<DissectedLayer> layers = d.layers();
        for (int i = 0; i < layers.size(); i++) {
            DissectedLayer l = layers.get(i);
            String at = (l.buffer() == 0 ? "@" : "@r") + l.offset();
            sb.append(NL).append("  ").append(pad(l.name(), 11)).append(' ').append(pad(at, 5)).append(' ')
                    .append(l.summary());
            if (checksums[i] != null) {
                sb.append(" [cksum ").append(checksums[i].label()).append(']');
            }
            if (l.name().equals(SttSegmentHeader.PROTOCOL) && reassembly != null) {
                sb.append(": ").append(reassemblyText(reassembly));
            }
        }
        switch (d.stopReason()) {
            case MALFORMED -> {
                MalformedPacketException e = d.error();
                sb.append(NL).append("  !! malformed ").append(d.failedLayer()).append(": ").append(e.getMessage())
                        .append(" [").append(e.reason()).append(']');
                if (d.limitedBy() != null) {
                    sb.append(" (bounded by ").append(d.limitedBy()).append(')');
                }
            }
            case CAPTURE_CUT -> sb.append(NL).append("  ").append(d.failedLayer()).append(" header at @")
                    .append(d.stopOffset()).append(" cut by the capture (").append(frame.capturedLength())
                    .append(" of ").append(frame.originalLength()).append(" bytes captured)");
            case NO_DECODER -> sb.append(NL).append("  payload ").append(d.remaining()).append(" bytes, not decoded (")
                    .append(d.nextKeys().get(0)).append(')');
            case DEPTH_LIMIT -> sb.append(NL).append("  !! stopped at the depth limit with ").append(d.remaining())
                    .append(" bytes left");
            case COMPLETE -> {
                if (d.remaining() > 0) {
                    sb.append(NL).append("  payload ").append(d.remaining()).append(" bytes");
                }
            }
        }
        for (int i = 0; i < tunnels.count(); i++) {
            sb.append(NL).append("  ").append(pad("tunnel", 11)).append(' ')
                    .append(pad("@" + tunnels.level(i).headerIndex(), 5)).append(' ');
            Tunnels.text(sb, tunnels.level(i));
        }
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(java.time.ZoneOffset.UTC);

    /** The capture time in UTC, always with nine fraction digits: one format for the field. */
    static String time(Instant t) {
        return TIME.format(t);
    }

    static String reassemblyText(SttLayers.Reassembly r) {
        SttReassembly c = r.lastFrame();
        return switch (r.lastVerdict()) {
            case COMPLETE -> "frame complete from " + c.segments() + " segment" + (c.segments() == 1 ? "" : "s")
                    + (c.congestionExperienced() ? ", CE" : "");
            case INCOMPLETE -> "waiting for the rest of the frame";
            case DUPLICATE -> "duplicate segment, waiting for the rest of the frame";
            default -> "!! rejected: " + r.lastVerdict();
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /**
     * The version this command was built as, which the build writes into the resource
     * {@code version.txt} beside this class.
     *
     * @return the version, for example {@code 0.1.0}
     * @throws IllegalStateException if the resource is missing (a broken build)
     */
    public static String version() {
        try (InputStream in = TunnelDump.class.getResourceAsStream("version.txt")) {
            if (in == null) {
                throw new IllegalStateException("version.txt is missing beside " + TunnelDump.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int usage(PrintStream stream, String problem) {
        if (problem != null) {
            stream.println("tunneldump: " + problem);
        }
        stream.println("usage: tunneldump [--json] [--max-depth N] [-c COUNT] [--mpls-label LABEL=TYPE]... [-r FILE | FILE | -]");
        stream.println("       tunneldump --help | --version");
        stream.println("  Prints every layer of every frame of a pcap, pcapng or gzip'd capture as it reads it.");
        stream.println("  Without a file, dumps the bundled sample capture; - reads standard input.");
        stream.println("  -c COUNT      stop after COUNT frames");
        stream.println("  --json        one JSON object per frame");
        stream.println("  --max-depth N at most N layers per frame (1..256, default 16)");
        stream.println("  --mpls-label LABEL=TYPE");
        stream.println("                what follows an MPLS stack with this label (16..1048575), as a label");
        stream.println("                binding says: " + String.join(", ", MPLS_TYPES.keySet()));
        stream.println("  -h, --help    print this help");
        stream.println("  -V, --version print the version");
        return problem == null ? 0 : 2;
    }
}
