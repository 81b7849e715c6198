/**
 * tunnelcodec capture: reads pcap and pcapng captures (gzip-compressed or not) in pure Java,
 * one frame at a time ({@link org.tunnelcodec.capture.CaptureStream}) or whole
 * ({@link org.tunnelcodec.capture.CaptureFile}). No native library, no dependency beyond
 * tunnelcodec core, whose {@code LinkType} names each frame's link layer.
 */
module org.tunnelcodec.capture {
    requires transitive org.tunnelcodec.core;

    exports org.tunnelcodec.capture;
}
