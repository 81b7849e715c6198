package org.tunnelcodec.tunneldump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.testdata.Captures;

/**
 * tunneldump shows every layer the previous version showed, field for field, on every capture
 * the golden tests read (the shared corpus and the generated captures).
 *
 * <p>{@code previous-json.txt.gz} is the {@code --json} output of the version before the
 * dissector's rewrite, as it printed it, one section per capture. A layer of that output must
 * come back at the same place in the frame's list with the same name, offset, header length
 * and fields; the new version may add keys after the fields (the checksum verdict) and may
 * decode more layers (transparent Ethernet bridging, STT segments, everything inside a frame
 * the capture cut). Three changes are allowed, each for a reason that is the point of the
 * rewrite or of a later change:
 * <ul>
 *   <li>in a frame the capture cut, a payload length now counts as on the wire (the old one
 *       stopped at the captured bytes);</li>
 *   <li>the frames listed in {@link #CHANGED}, which the old version accepted and RFC 8200 or
 *       RFC 6275 makes malformed, now stop earlier;</li>
 *   <li>a Type 2 Routing Header (RFC 6275 §6.4) now shows its Reserved field and home address,
 *       where the old version showed the routing type's data as bytes ({@link #type2}).</li>
 * </ul>
 */
class PreviousOutputTest {
    /** Capture and frame number of each frame whose layers changed on purpose, with the reason. */
    private static final Map<String, String> CHANGED = Map.of(
            "bigtcp-ipv6-geneve-ipv4.pcap#1", "IPv6 Payload Length 0 without a Jumbo Payload option (RFC 2675 §3)",
            "bigtcp-ipv6-geneve-ipv6.pcap#1", "IPv6 Payload Length 0 without a Jumbo Payload option (RFC 2675 §3)",
            "bigtcp-ipv6-vxlan-ipv4.pcap#1", "IPv6 Payload Length 0 without a Jumbo Payload option (RFC 2675 §3)",
            "bigtcp-ipv6-vxlan-ipv6.pcap#1", "IPv6 Payload Length 0 without a Jumbo Payload option (RFC 2675 §3)",
            "suri-decode-too-small.pcap#5", "IPv6 Payload Length 0 without a Jumbo Payload option (RFC 2675 §3)",
            "suri-decode-too-small.pcap#6", "IPv6 Payload Length 0 without a Jumbo Payload option (RFC 2675 §3)",
            "zeek-ipv6-mobility-dst-opts.pcap#1", "a Destination Options option overruns its header (RFC 8200 §4.2)",
            "zeek-ipv6-mobility-dst-opts.pcap#3", "a Home Address option of Option Length 1, not 16 (RFC 6275 §6.3)");

    private static Map<String, List<String>> previous;

    static synchronized Map<String, List<String>> previous() throws IOException {
        if (previous == null) {
            Map<String, List<String>> map = new LinkedHashMap<>();
            try (InputStream in = new GZIPInputStream(PreviousOutputTest.class.getResourceAsStream("previous-json.txt.gz"))) {
                List<String> current = null;
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("== ")) {
                        current = new ArrayList<>();
                        map.put(line.substring(3), current);
                    } else if (!line.isEmpty()) {
                        current.add(line);
                    }
                }
            }
            previous = map;
        }
        return previous;
    }

    static List<String> captures() throws IOException {
        return new ArrayList<>(previous().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void shouldShowEveryLayerThePreviousVersionShowed(String name, @TempDir Path dir) throws IOException {
        Path file;
        InputStream generated = Captures.class.getResourceAsStream(Captures.GENERATED_ROOT + name);
        if (generated != null) {
            file = dir.resolve(name);
            try (generated) {
                Files.copy(generated, file);
            }
        } else {
            file = Captures.sharedCorpus().resolve(name);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TunnelDump.run(new String[] {"--json", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        List<String> now = out.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> before = previous().get(name);
        assertThat(now).as(name + " frames").hasSameSizeAs(before);
        SoftAssertions soft = new SoftAssertions();
        for (int f = 0; f < before.size(); f++) {
            String where = name + " frame " + (f + 1);
            if (CHANGED.containsKey(name + "#" + (f + 1))) {
                soft.assertThat(now.get(f)).as(where + ": " + CHANGED.get(name + "#" + (f + 1)))
                        .contains("\"stop\":\"MALFORMED\"");
                continue;
            }
            String old = before.get(f);
            String cur = now.get(f);
            boolean cut = number(old, "\"captured\":") < number(old, "\"length\":");
            List<String> oldLayers = layers(old);
            List<String> newLayers = layers(cur);
            soft.assertThat(newLayers.size()).as(where + " layers").isGreaterThanOrEqualTo(oldLayers.size());
            for (int i = 0; i < Math.min(oldLayers.size(), newLayers.size()); i++) {
                String o = type2(loopbackFamily(oldLayers.get(i)));
                String n = newLayers.get(i);
                if (cut) {
                    o = o.replaceFirst("\"payloadLength\":\\d+", "\"payloadLength\":_");
                    n = n.replaceFirst("\"payloadLength\":\\d+", "\"payloadLength\":_");
                }
                String prefix = o.substring(0, o.length() - 1);
                boolean same = n.startsWith(prefix) && (n.charAt(prefix.length()) == ',' || n.charAt(prefix.length()) == '}');
                soft.assertThat(same).as(where + " layer " + i + ":%n  before %s%n  now    %s", o, n).isTrue();
            }
        }
        soft.assertAll();
    }

    private static final java.util.regex.Pattern FAMILY_FIELD = java.util.regex.Pattern.compile("\\{\"familyField\":(-?\\d+)}");

    /**
     * The previous version showed the BSD loopback header's family as the raw big-endian word
     * ({@code familyField}); it is now decoded in the capturing host's byte order. The same
     * word, decoded, must give what is shown now.
     */
    private static String loopbackFamily(String layer) {
        java.util.regex.Matcher m = FAMILY_FIELD.matcher(layer);
        if (!layer.startsWith("{\"layer\":\"loopback\"") || !m.find()) {
            return layer;
        }
        org.tunnelcodec.core.link.LoopbackHeader h = org.tunnelcodec.core.link.LoopbackHeader
                .fromWire(Integer.parseInt(m.group(1)));
        return m.replaceFirst("{\"family\":" + h.family() + ",\"littleEndian\":" + h.littleEndian() + "}");
    }

    private static final java.util.regex.Pattern TYPE_2 = java.util.regex.Pattern.compile(
            "\\{\"kind\":\"RoutingHeader\",\"nextHeader\":(\\{[^}]*}),\"routingType\":2,\"segmentsLeft\":1,"
                    + "\"data\":\"([0-9a-f]{8})([0-9a-f]{32})\"}");

    /**
     * The previous version kept a Type 2 Routing Header as a routing header of any type, its
     * Reserved field and home address as the type's data bytes; it is now a
     * {@code Type2RoutingHeader} with both fields. The same bytes, read as RFC 6275 §6.4 lays
     * them out, must give what is shown now.
     */
    private static String type2(String layer) {
        java.util.regex.Matcher m = TYPE_2.matcher(layer);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            java.nio.ByteBuffer address = java.nio.ByteBuffer.wrap(java.util.HexFormat.of().parseHex(m.group(3)));
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement("{\"kind\":\"Type2RoutingHeader\",\"nextHeader\":"
                    + m.group(1) + ",\"reserved\":" + Long.parseLong(m.group(2), 16) + ",\"homeAddress\":\""
                    + org.tunnelcodec.core.Ipv6Address.read(address, 0) + "\"}"));
        }
        return m.appendTail(sb).toString();
    }

    private static long number(String json, String key) {
        int at = json.indexOf(key) + key.length();
        int end = at;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json.substring(at, end));
    }

    /** The layer objects of one frame's JSON, as their text. */
    static List<String> layers(String json) {
        List<String> out = new ArrayList<>();
        int i = json.indexOf("\"layers\":[") + "\"layers\":[".length();
        int depth = 0;
        int start = i;
        boolean inString = false;
        for (int j = i; j < json.length(); j++) {
            char c = json.charAt(j);
            if (inString) {
                if (c == '\\') {
                    j++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (depth == 0) {
                    start = j;
                }
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
                if (depth == 0) {
                    out.add(json.substring(start, j + 1));
                }
            }
        }
        return out;
    }
}
