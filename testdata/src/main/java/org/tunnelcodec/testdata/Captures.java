package org.tunnelcodec.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.core.ByteString;

/**
 * The captures tests read, through the project's pure-Java reader
 * ({@link CaptureFile#read(Path)}): the captures this project generates and ships in this jar
 * ({@link #generated(String)}), and the shared corpus of other projects' captures that tests
 * read in place from a {@code shared/captures/files} directory beside the checkout
 * ({@link #shared(String)}, {@link #sharedCorpus()}).
 *
 * <p>Outside CI a test that needs the shared corpus is skipped (aborted as a failed JUnit
 * assumption) when the corpus is missing; under CI (the environment variable {@code CI} is
 * {@code true}) it fails instead, so that a run without the corpus cannot pass by skipping.
 */
public final class Captures {
    /** Where the generated captures live on the class path. */
    public static final String GENERATED_ROOT = "/org/tunnelcodec/testdata/captures/";

    private Captures() {
    }

    /**
     * For a golden test whose capture the project's own code writes: writes {@code frames} as a
     * classic pcap to {@code target} (under the module's {@code target} folder) and fails unless
     * the committed generated capture of that name holds the same frames, octet for octet. The
     * failure says how to accept an intended change: copy the written file into the captures
     * folder, run {@code script} and update the capture's hash in the captures README.
     *
     * @param frames the frames' octets, in order
     * @param firstSecond the first frame's time, as {@link #classicPcap}
     * @param target where to write the capture
     * @param script the tshark script that makes the capture's golden values
     * @throws IOException if the capture cannot be written
     */
    public static void assertCommitted(List<byte[]> frames, long firstSecond, Path target, String script)
            throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, classicPcap(frames, firstSecond));
        String name = target.getFileName().toString();
        String regenerate = "; if the change is intended, copy " + target.toAbsolutePath()
                + " to testdata/src/main/resources/org/tunnelcodec/testdata/captures/" + name + ", run bash " + script
                + " from the repository root and update the sha256 in the captures README";
        CaptureFile committed;
        try {
            committed = generated(name);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("no committed " + name + regenerate, e);
        }
        org.assertj.core.api.Assertions.assertThat(committed.frames()).as("frames" + regenerate).hasSameSizeAs(frames);
        for (int i = 0; i < frames.size(); i++) {
            org.assertj.core.api.Assertions.assertThat(ByteString.copyOf(committed.frame(i + 1).data()))
                    .as("frame #%d%s", i + 1, regenerate).isEqualTo(ByteString.of(frames.get(i)));
        }
    }

    /**
     * Writes frames as a classic pcap file: little-endian, version 2.4, microsecond timestamps,
     * snap length 262144, {@code LINKTYPE_ETHERNET}; frame {@code i} (from 0) stamped
     * {@code firstSecond + i} seconds and {@code i} milliseconds, as the project's generated
     * captures are.
     *
     * @param frames the frames' octets, in order
     * @param firstSecond the first frame's time, in seconds since the epoch
     * @return the file's octets
     */
    public static byte[] classicPcap(List<byte[]> frames, long firstSecond) {
        int size = 24 + frames.stream().mapToInt(f -> 16 + f.length).sum();
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            b.putInt((int) (firstSecond + i)).putInt(i * 1000).putInt(f.length).putInt(f.length).put(f);
        }
        return b.array();
    }

    /**
     * Reads one of the captures this project generated (see the README beside them).
     *
     * @param name the file name, for example {@code "core-layers.pcap"}
     * @return its frames
     * @throws IllegalArgumentException if there is no such capture
     * @throws UncheckedIOException     if it cannot be read
     */
    public static CaptureFile generated(String name) {
        InputStream in = Captures.class.getResourceAsStream(GENERATED_ROOT + name);
        if (in == null) {
            throw new IllegalArgumentException("name: " + name + " (expected: a capture in " + GENERATED_ROOT + ")");
        }
        try {
            return CaptureFile.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a capture of the shared corpus in place; skips the calling test when the corpus is
     * missing, or fails it under CI (see {@link #sharedCorpus()}).
     *
     * @param name the file name in the corpus directory
     * @return its frames
     * @throws UncheckedIOException if it cannot be read
     */
    public static CaptureFile shared(String name) {
        Path file = sharedCorpus().resolve(name);
        try {
            return CaptureFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared capture corpus, for a test that needs it: the directory when it is found;
     * otherwise the calling test is aborted as a failed assumption (JUnit reports it skipped),
     * or, under CI, fails.
     *
     * @return the corpus directory
     * @throws IllegalStateException under CI when the corpus is missing
     */
    public static Path sharedCorpus() {
        Optional<Path> dir = sharedDirectory();
        if (dir.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have the shared capture corpus (shared/captures/files) "
                    + "beside the checkout");
        }
        Assumptions.assumeTrue(dir.isPresent(), "shared capture corpus not found beside the checkout");
        return dir.get();
    }

    /**
     * Finds {@code shared/captures/files}: the directory named by the system property
     * {@code tunnelcodec.shared.captures} or the environment variable
     * {@code TUNNELCODEC_SHARED_CAPTURES}, else a {@code shared/captures/files} beside the
     * working directory or any of its parents.
     *
     * @return the directory, if found
     */
    public static Optional<Path> sharedDirectory() {
        String configured = System.getProperty("tunnelcodec.shared.captures",
                System.getenv("TUNNELCODEC_SHARED_CAPTURES"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("captures").resolve("files");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
