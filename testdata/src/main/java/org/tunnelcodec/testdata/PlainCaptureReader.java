package org.tunnelcodec.testdata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole pcap or pcapng file in pure Java, used by {@link Captures} only for files the
 * native libpcap refuses: libpcap 1.10 rejects a pcapng file whose interfaces have different
 * snapshot lengths, which tshark and this reader accept. The parsing is {@link CaptureStream}'s.
 */
final class PlainCaptureReader {
    private PlainCaptureReader() {
    }

    static CaptureFile read(Path file, String name) throws IOException {
        try (CaptureStream stream = CaptureStream.open(file, name)) {
            List<CapturedFrame> frames = new ArrayList<>();
            for (CapturedFrame f = stream.next(); f != null; f = stream.next()) {
                frames.add(f);
            }
            return new CaptureFile(name, stream.linkType(), frames);
        }
    }
}
