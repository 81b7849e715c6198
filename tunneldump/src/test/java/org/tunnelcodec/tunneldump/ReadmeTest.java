package org.tunnelcodec.tunneldump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README true. Every Java block in it is a region of {@link ReadmeExamplesTest},
 * where it compiles and runs with its results checked, or of the consumer project's tests,
 * which {@code bin/test} builds and runs; the sample output it shows is what tunneldump prints
 * for the bundled sample today.
 */
class ReadmeTest {
    /** Where the examples are: run by this module's tests, and by the consumer project's build. */
    private static final List<String> EXAMPLES = List.of(
            "src/test/java/org/tunnelcodec/tunneldump/ReadmeExamplesTest.java",
            "../consumer/src/test/java/org/example/tunnels/TagPropertyTest.java");

    @Test
    void everyJavaBlockOfTheReadmeIsAnExampleThatCompilesAndRuns() throws IOException {
        List<String> blocks = blocks(readme(), "```java");
        Map<String, String> regions = new LinkedHashMap<>();
        for (String file : EXAMPLES) {
            regions.putAll(regions(Files.readString(Path.of(file))));
        }
        assertThat(blocks).as("Java blocks in the README").isNotEmpty();
        for (String block : blocks) {
            assertThat(regions.values())
                    .as("README block not found as a region of the examples:%n%s", block)
                    .contains(block);
        }
        for (Map.Entry<String, String> region : regions.entrySet()) {
            assertThat(blocks).as("example region %s is not in the README", region.getKey())
                    .contains(region.getValue());
        }
    }

    @Test
    void sampleOutputInTheReadmeIsWhatTunneldumpPrintsForTheBundledSample() throws IOException {
        List<String> samples = blocks(readme(), "```").stream().filter(b -> b.startsWith("frame ")).toList();
        assertThat(samples).as("the README's sample output block").hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TunnelDump.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]));
        assertThat(status).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        // Each frame the README shows is printed whole and as shown, from its first line to the next frame.
        for (String frame : samples.get(0).split("\n(?=frame )")) {
            assertThat(printed).contains(frame + "\n");
            int at = printed.indexOf(frame + "\n") + frame.length() + 1;
            assertThat(printed.startsWith("frame ", at) || at == printed.length())
                    .as("the README shows all of this frame's lines:%n%s", frame).isTrue();
        }
    }

    static String readme() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("bin/tunneldump")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
        }
        return Files.readString(dir.resolve("README.md")).replace("\r\n", "\n");
    }

    /** The fenced blocks that open with exactly {@code fence}, without their fences. */
    static List<String> blocks(String markdown, String fence) {
        List<String> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("```") || lines[i].equals("```") && !fence.equals("```")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.length && !lines[end].equals("```")) {
                end++;
            }
            if (lines[i].equals(fence)) {
                blocks.add(String.join("\n", List.of(lines).subList(i + 1, end)));
            }
            i = end;
        }
        return blocks;
    }

    /** The regions between {@code // readme:NAME} and {@code // readme:end}, de-indented. */
    static Map<String, String> regions(String source) {
        Map<String, String> regions = new LinkedHashMap<>();
        String[] lines = source.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            if (!t.startsWith("// readme:") || t.equals("// readme:end")) {
                continue;
            }
            String name = t.substring("// readme:".length());
            int indent = lines[i].indexOf('/');
            List<String> body = new ArrayList<>();
            int j = i + 1;
            for (; !lines[j].trim().equals("// readme:end"); j++) {
                String l = lines[j];
                body.add(l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip());
            }
            if (regions.put(name, String.join("\n", body)) != null) {
                throw new IllegalStateException("two regions named " + name);
            }
            i = j;
        }
        return regions;
    }
}
