/**
 * Reading pcap and pcapng captures in pure Java.
 *
 * <p>{@link org.tunnelcodec.capture.CaptureStream} reads a capture one frame at a time (pcap,
 * pcapng, gzip; files or any stream such as standard input) in constant memory, and reports a
 * capture cut off or damaged with the frame and byte offset. It follows libpcap where libpcap
 * and tshark differ (a record longer than the snapshot length keeps only the snapshot length);
 * the test kit checks it frame by frame against libpcap on every capture the project has.
 * {@link org.tunnelcodec.capture.CaptureFile} reads a whole capture into memory, each frame a
 * {@link org.tunnelcodec.capture.CapturedFrame}.
 */
package org.tunnelcodec.capture;
