package org.tunnelcodec.gre.wccp.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.link.EthernetDecoder;
import org.tunnelcodec.core.link.EthernetHeader;
import org.tunnelcodec.core.transport.UdpDecoder;
import org.tunnelcodec.core.transport.UdpHeader;

/**
 * The WCCP control capture of the test resources ({@code wccp-control.pcap}, made by
 * {@code testdata/scripts/make-wccp-control.py}, and tshark's decode of it,
 * {@code wccp-control.tsv}), read once for the tests that use it.
 */
final class WccpCaptureFrames {
    /** The capture. */
    static final String PCAP = "wccp-control.pcap";
    /** tshark's decode of the capture. */
    static final String TSV = "wccp-control.tsv";

    private WccpCaptureFrames() {
    }

    /** @return the bytes of a resource beside the data-plane package, where the scripts write them */
    static byte[] resource(String name) {
        try (InputStream in = WccpCaptureFrames.class.getResourceAsStream("/org/tunnelcodec/gre/wccp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the pcap (little-endian, LINKTYPE_ETHERNET) and takes each frame's UDP payload with
     * core's decoders.
     *
     * @return the WCCP messages, frame 1 first, as read-only buffers
     */
    static List<ByteBuffer> udpPayloads() {
        ByteBuffer file = ByteBuffer.wrap(resource(PCAP)).order(ByteOrder.LITTLE_ENDIAN);
        if (file.getInt(0) != 0xA1B2C3D4 || file.getInt(20) != 1) {
            throw new IllegalStateException(PCAP + ": not a little-endian Ethernet pcap");
        }
        List<ByteBuffer> payloads = new ArrayList<>();
        for (int at = 24; at < file.limit(); ) {
            int captured = file.getInt(at + 8);
            ByteBuffer frame = ByteBuffer.wrap(Arrays.copyOfRange(file.array(), at + 16, at + 16 + captured));
            Decoded<EthernetHeader> eth = EthernetDecoder.decode(frame);
            Decoded<Ipv4Header> ip = Ipv4Decoder.decode(frame, eth.payloadIndex(), eth.payloadIndex() + eth.payloadLength());
            Decoded<UdpHeader> udp = UdpDecoder.decode(frame, ip.payloadIndex(), ip.payloadIndex() + ip.payloadLength());
            if (udp.header().destinationPort() != WccpControl.UDP_PORT) {
                throw new IllegalStateException("frame " + (payloads.size() + 1) + " is not UDP/2048");
            }
            payloads.add(udp.payload().asReadOnlyBuffer());
            at += 16 + captured;
        }
        return List.copyOf(payloads);
    }
}
