package org.tunnelcodec.tunneldump;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.gre.GreLayers;
import org.tunnelcodec.testdata.CaptureFile;
import org.tunnelcodec.testdata.CapturedFrame;
import org.tunnelcodec.testdata.Captures;

/**
 * tunneldump: decodes a capture and prints every layer of every frame, one line per layer
 * with its key fields, or one JSON object per frame with {@code --json}. A malformed frame is
 * reported with the exception's protocol, field, offset and reason, and the dump goes on.
 *
 * <pre>
 * usage: tunneldump [--json] [--max-depth N] [capture.pcap|capture.pcapng|capture.pcap.gz]
 * </pre>
 * Without a file it dumps the bundled sample, which holds every tunnel type the project
 * supports so far. STT segments (TCP to port 7471) are reassembled across frames: the frame
 * that completes an STT frame also shows its STT header and inner Ethernet layers.
 */
public final class TunnelDump {
    /** The sample dumped when no file is named. */
    public static final String SAMPLE = "tunneldump-sample.pcap";

    private TunnelDump() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int status = run(args, out, System.err);
        out.flush();
        System.exit(status);
    }

    /**
     * Runs the command, printing to {@code out}; errors of use go to {@code err}.
     *
     * @return the exit status: 0, or 2 for a bad argument or an unreadable file
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        int maxDepth = Dissector.DEFAULT_MAX_DEPTH;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--max-depth" -> {
                    if (i + 1 == args.length) {
                        return usage(err, "--max-depth needs a number");
                    }
                    try {
                        maxDepth = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        return usage(err, "--max-depth needs a number, not " + args[i]);
                    }
                    if (maxDepth < 1 || maxDepth > 256) {
                        return usage(err, "--max-depth must be 1..256");
                    }
                }
                case "-h", "--help" -> {
                    usage(out, null);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-") || file != null) {
                        return usage(err, "unexpected argument " + args[i]);
                    }
                    file = args[i];
                }
            }
        }
        CaptureFile capture;
        try {
            if (file == null) {
                capture = Captures.generated(SAMPLE);
            } else {
                Path path = Path.of(file);
                if (!Files.isReadable(path)) {
                    err.println("tunneldump: cannot read " + file);
                    return 2;
                }
                capture = Captures.read(path);
            }
        } catch (UncheckedIOException e) {
            err.println("tunneldump: " + e.getCause().getMessage());
            return 2;
        }
        Dissector dissector = dissector(maxDepth);
        SttDump stt = new SttDump(dissector);
        if (!json) {
            out.println("# " + capture.name() + ": " + capture.frames().size() + " frames, link type "
                    + capture.linkType());
        }
        for (CapturedFrame frame : capture.frames()) {
            Dissection d = dissector.dissect(capture.linkType(), frame.data());
            SttDump.Outcome reassembled = stt.offer(frame, d);
            if (json) {
                out.println(Json.frame(frame, d, reassembled));
            } else {
                out.println(text(frame, d));
                if (reassembled != null) {
                    out.println(reassembled.text());
                }
            }
        }
        return 0;
    }

    /**
     * The dissector tunneldump uses: every module's layers, composed explicitly.
     *
     * @param maxDepth the depth cap
     * @return the dissector
     */
    public static Dissector dissector(int maxDepth) {
        return Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings()).maxDepth(maxDepth).build();
    }

    static String text(CapturedFrame frame, Dissection d) {
        StringBuilder sb = new StringBuilder();
        sb.append("frame ").append(frame.number()).append(": ").append(frame.capturedLength()).append(" bytes");
        if (frame.isTruncated()) {
            sb.append(" (of ").append(frame.originalLength()).append(" on the wire)");
        }
        for (DissectedLayer l : d.layers()) {
            sb.append(System.lineSeparator()).append(String.format("  %-11s @%-4d %s", l.name(), l.offset(), l.summary()));
        }
        List<String> tail = new ArrayList<>();
        switch (d.stopReason()) {
            case MALFORMED -> {
                MalformedPacketException e = d.error();
                tail.add("!! malformed " + d.failedLayer() + ": " + e.getMessage() + " [" + e.reason() + "]");
            }
            case NO_DECODER -> tail.add("payload " + d.remaining() + " bytes, not decoded (" + d.nextKeys().get(0) + ")");
            case DEPTH_LIMIT -> tail.add("!! stopped at the depth limit with " + d.remaining() + " bytes left");
            case COMPLETE -> {
                if (d.remaining() > 0) {
                    tail.add("payload " + d.remaining() + " bytes");
                }
            }
        }
        for (String t : tail) {
            sb.append(System.lineSeparator()).append("  ").append(t);
        }
        return sb.toString();
    }

    private static int usage(PrintStream stream, String problem) {
        if (problem != null) {
            stream.println("tunneldump: " + problem);
        }
        stream.println("usage: tunneldump [--json] [--max-depth N] [capture.pcap|capture.pcapng|capture.pcap.gz]");
        stream.println("  Without a file, dumps the bundled sample capture.");
        return problem == null ? 0 : 2;
    }
}
