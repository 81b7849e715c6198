/**
 * tunnelcodec's test kit, for this project's tests and for users' own: read captures
 * ({@link org.tunnelcodec.testdata.Captures}, pcap4j and libpcap kept behind this project's
 * types), run the shared codec contract ({@link org.tunnelcodec.testdata.CodecContract}) with
 * one line, draw valid core headers ({@link org.tunnelcodec.testdata.CoreArbitraries}), and
 * compare with tshark's decodes ({@link org.tunnelcodec.testdata.TsharkGolden}).
 */
package org.tunnelcodec.testdata;
