package org.tunnelcodec.testdata;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * The frames of a pcap or pcapng file, read whole.
 *
 * @param name     the file's name
 * @param linkType the link type of its (first) interface
 * @param frames   the frames in file order
 */
public record CaptureFile(String name, LinkType linkType, List<CapturedFrame> frames) {
    /** Checks the components and copies the list. */
    public CaptureFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(linkType, "linkType");
        frames = List.copyOf(frames);
    }

    /**
     * @param number the frame number, from 1
     * @return that frame
     */
    public CapturedFrame frame(int number) {
        return frames.get(number - 1);
    }
}
