package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.testdata.Captures;

/**
 * Test vectors: headers built bit by bit from the specifications' figures (RFC 7348 §5,
 * draft-ietf-nvo3-vxlan-gpe-13 §3.1, RFC 8926 §3.4-3.5 have no test vectors), and frames of the
 * shared capture corpus, whose fields tshark 4.0.17 decodes as the tests that use them note.
 */
final class VxlanVectors {
    /** Ethernet, IPv4 without options and UDP: where the tunnel header starts in the corpus frames. */
    static final int UDP_PAYLOAD = 14 + 20 + 8;

    /**
     * RFC 7348 §5, Figure 1's VXLAN header: flags 0x08 (I), 24 reserved bits 0, VNI 0x123456,
     * Reserved 0.
     */
    static final String RFC_7348 = "08" + "000000" + "123456" + "00";

    /**
     * draft-smith-vxlan-group-policy §2: G (bit 0), I (bit 4), D (bit 9), A (bit 12), Group Policy
     * ID 0x0102, VNI 0x00abcd, Reserved 0.
     */
    static final String GROUP_POLICY = "88" + "48" + "0102" + "00abcd" + "00";

    /**
     * draft-ietf-nvo3-vxlan-gpe-13 §3.1: R R Ver=0 I P B O = 00 00 1 1 1 0 (0x0e), Reserved 0,
     * Next Protocol 2 (IPv6), VNI 0x000100, Reserved 0.
     */
    static final String GPE = "0e" + "0000" + "02" + "000100" + "00";

    /**
     * RFC 8926 §3.4-3.5: Ver 0, Opt Len 3 (12 octets), O 0, C 1, Rsvd. 0, Protocol Type 0x6558;
     * VNI 0x123456, Reserved 0; an option of class 0x0102 (OVN), Type 0x80 (critical), R 0,
     * Length 1, data 0x00010002; an option of class 0xfff0, Type 0x01, R 5 (101b), Length 0.
     */
    static final String GENEVE = "03" + "40" + "6558" + "123456" + "00" + "0102" + "80" + "01" + "00010002" + "fff0"
            + "01" + "a0";

    private VxlanVectors() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(bytes(hex));
    }

    /** A frame of the shared corpus, read-only, positioned at 0. */
    static ByteBuffer frame(String capture, int number) {
        CapturedFrame f = Captures.shared(capture).frame(number);
        return f.data();
    }

    /** A frame of the shared corpus from the tunnel header on, as a decoder's {@code src}. */
    static ByteBuffer tunnel(String capture, int number) {
        return frame(capture, number).position(UDP_PAYLOAD);
    }
}
