/**
 * tunnelcodec's test kit, for this project's tests and for users' own: read captures
 * ({@link org.tunnelcodec.testdata.Captures}, pcap4j and libpcap kept behind this project's
 * types), run the shared codec contract ({@link org.tunnelcodec.testdata.CodecContract}) with
 * one line, draw valid core headers ({@link org.tunnelcodec.testdata.CoreArbitraries}), and
 * compare with tshark's decodes ({@link org.tunnelcodec.testdata.TsharkGolden}).
 *
 * <p>{@link org.tunnelcodec.testdata.CaptureStream} reads a capture one frame at a time in pure
 * Java (pcap, pcapng, gzip; files or standard input), for tools that stream. It follows libpcap
 * where libpcap and tshark differ (a record longer than the snapshot length keeps only the
 * snapshot length), and its tests check it frame by frame against libpcap on every shared and
 * generated capture. {@link org.tunnelcodec.testdata.Captures} uses the same parsing code when
 * libpcap refuses a file.
 */
package org.tunnelcodec.testdata;
