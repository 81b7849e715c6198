package org.tunnelcodec.testdata;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * Reads a whole capture through pcap4j and the native libpcap: the independent reader the
 * tests check the project's pure-Java reader against. Hands out only this project's types.
 */
final class Libpcap {
    private Libpcap() {
    }

    /**
     * Reads a capture file; a {@code .gz} file is decompressed first (libpcap reads no gzip).
     *
     * @throws IOException if the file cannot be read or libpcap refuses it
     */
    static CaptureFile read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".gz")) {
            return readPcap(file, name);
        }
        Path temp = Files.createTempFile("tunnelcodec-capture", ".pcap");
        try {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return readPcap(temp, name);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads one of the generated captures of the kit. */
    static CaptureFile generated(String name) throws IOException {
        Path temp = Files.createTempFile("tunnelcodec-capture", "-" + name);
        try {
            try (InputStream in = Captures.class.getResourceAsStream(Captures.GENERATED_ROOT + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("name: " + name);
                }
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return readPcap(temp, name);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * libpcap reports {@code DLT_} values, which differ from the file's {@code LINKTYPE_}
     * value for raw IP: {@code DLT_RAW} is 12 on most systems and 14 on OpenBSD, while files
     * store {@code LINKTYPE_RAW} 101.
     */
    private static int linkTypeOf(int dlt) {
        return dlt == 12 || dlt == 14 ? LinkType.RAW.value() : dlt;
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
                } catch (TimeoutException e) {
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
