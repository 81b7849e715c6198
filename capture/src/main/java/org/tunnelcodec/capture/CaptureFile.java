package org.tunnelcodec.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * The frames of a pcap or pcapng file, read whole: {@link #read(Path)} and
 * {@link #read(InputStream, String)} read every frame with {@link CaptureStream} and keep them
 * in memory, for captures small enough to hold (tests, samples). A large capture is better
 * streamed with {@link CaptureStream} itself.
 *
 * @param name     the file's name
 * @param linkType the link type of its (first) interface
 * @param frames   the frames in file order
 */
public record CaptureFile(String name, LinkType linkType, List<CapturedFrame> frames) {
    /**
     * Checks the components and copies the list.
     *
     * @param name     the file's name
     * @param linkType the link type of its (first) interface
     * @param frames   the frames in file order
     */
    public CaptureFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(linkType, "linkType");
        frames = List.copyOf(frames);
    }

    /**
     * Reads a whole capture file: pcap or pcapng, gzip-compressed or not (recognised by its
     * magic bytes, whatever its name).
     *
     * @param file the capture file
     * @return its frames, named after the file
     * @throws IOException if the file cannot be read, is not a capture, or is cut off or damaged
     *                     anywhere (see {@link CaptureStream#next()})
     */
    public static CaptureFile read(Path file) throws IOException {
        try (CaptureStream stream = CaptureStream.open(file)) {
            return readAll(stream);
        }
    }

    /**
     * Reads a whole capture from a stream, for example a class-path resource; a gzip-compressed
     * stream is decompressed. The stream is closed.
     *
     * @param in   the stream, positioned at the capture's first byte
     * @param name the capture's name, used in the result and in messages
     * @return its frames
     * @throws IOException if the stream cannot be read, is not a capture, or is cut off or
     *                     damaged anywhere
     */
    public static CaptureFile read(InputStream in, String name) throws IOException {
        try (CaptureStream stream = CaptureStream.open(in, name)) {
            return readAll(stream);
        }
    }

    private static CaptureFile readAll(CaptureStream stream) throws IOException {
        List<CapturedFrame> frames = new ArrayList<>();
        for (CapturedFrame f = stream.next(); f != null; f = stream.next()) {
            frames.add(f);
        }
        return new CaptureFile(stream.name(), stream.linkType(), frames);
    }

    /**
     * One frame by its number.
     *
     * @param number the frame number, from 1
     * @return that frame
     * @throws IndexOutOfBoundsException if the capture has no such frame
     */
    public CapturedFrame frame(int number) {
        return frames.get(number - 1);
    }
}
