package org.tunnelcodec.testdata;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.core.NotOpenException;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * Reads pcap and pcapng files through pcap4j and the native libpcap, and hands out only this
 * project's types: no pcap4j type reaches a test assertion.
 *
 * <p>A file libpcap refuses for a reason this project's plain reader handles (libpcap 1.10
 * rejects pcapng files whose interfaces have different snapshot lengths) is read by that
 * small pure-Java reader instead.
 *
 * <p>Three sources: any file ({@link #read(Path)}, {@code .gz} files are decompressed first),
 * the captures this project generates and ships in this jar ({@link #generated(String)}), and
 * the shared corpus of other projects' captures that tests read in place from
 * {@code ../shared/captures/files/} ({@link #shared(String)}).
 */
public final class Captures {
    /** Where the generated captures live on the class path. */
    public static final String GENERATED_ROOT = "/org/tunnelcodec/testdata/captures/";

    private Captures() {
    }

    /**
     * Reads a whole capture file.
     *
     * @throws UncheckedIOException if the file cannot be read or libpcap refuses it
     */
    public static CaptureFile read(Path file) {
        Path source = file;
        Path temp = null;
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                temp = Files.createTempFile("tunnelcodec-capture", ".pcap");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                source = temp;
            }
            return readWithFallback(source, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /**
     * Reads one of the captures this project generated (see the README beside them).
     *
     * @param name the file name, for example {@code "core-layers.pcap"}
     * @throws IllegalArgumentException if there is no such capture
     */
    public static CaptureFile generated(String name) {
        try (InputStream in = Captures.class.getResourceAsStream(GENERATED_ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("name: " + name + " (expected: a capture in " + GENERATED_ROOT + ")");
            }
            Path temp = Files.createTempFile("tunnelcodec-capture", "-" + name);
            try {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                return readWithFallback(temp, name);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a capture of the shared corpus in place.
     *
     * @param name the file name in {@code ../shared/captures/files/}
     * @throws IllegalStateException if the corpus is not beside the checkout
     */
    public static CaptureFile shared(String name) {
        Path dir = sharedDirectory().orElseThrow(() -> new IllegalStateException(
                "the shared capture corpus (shared/captures/files beside the checkout) was not found"));
        return read(dir.resolve(name));
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

    /**
     * libpcap reports {@code DLT_} values, which differ from the file's {@code LINKTYPE_}
     * value for raw IP: {@code DLT_RAW} is 12 on most systems and 14 on OpenBSD, while files
     * store {@code LINKTYPE_RAW} 101.
     */
    private static int linkTypeOf(int dlt) {
        return dlt == 12 || dlt == 14 ? LinkType.RAW.value() : dlt;
    }

    /**
     * Reads through libpcap; if libpcap refuses a file that the project's plain reader
     * understands (libpcap 1.10 rejects pcapng files whose interfaces have different snapshot
     * lengths), reads it with {@link PlainCaptureReader}. Other libpcap errors stand.
     */
    private static CaptureFile readWithFallback(Path file, String name) throws IOException {
        try {
            return readPcap(file, name);
        } catch (IOException libpcapRefused) {
            if (!String.valueOf(libpcapRefused.getMessage()).contains("snapshot length")) {
                throw libpcapRefused;
            }
            return PlainCaptureReader.read(file, name);
        }
    }

    private static CaptureFile readPcap(Path file, String name) throws IOException {
        List<CapturedFrame> frames = new ArrayList<>();
        PcapHandle handle;
        try {
            handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        } catch (PcapNativeException e) {
            throw new IOException("libpcap cannot open " + name + ": " + e.getMessage(), e);
        }
        try {
            LinkType linkType = LinkType.of(linkTypeOf(handle.getDlt().value()));
            int number = 0;
            while (true) {
                byte[] data;
                try {
                    data = handle.getNextRawPacketEx();
                } catch (EOFException eof) {
                    break;
                } catch (java.util.concurrent.TimeoutException e) {
                    continue;
                } catch (PcapNativeException e) {
                    throw new IOException("libpcap cannot read " + name + " after frame " + number + ": "
                            + e.getMessage(), e);
                }
                number++;
                Timestamp ts = handle.getTimestamp();
                Instant instant = ts == null ? Instant.EPOCH : ts.toInstant();
                frames.add(new CapturedFrame(number, instant, handle.getOriginalLength(),
                        ByteBuffer.wrap(data).asReadOnlyBuffer()));
            }
            return new CaptureFile(name, linkType, frames);
        } catch (NotOpenException e) {
            throw new IOException(e);
        } finally {
            handle.close();
        }
    }
}
