package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The data-plane test vectors, whole outer IP packets, each decoded field for field by tshark
 * 4.0.17: D1-D3 are RFC 9300 §5.3 headers, D4 and D7 LISP-GPE headers (RFC 9305 §3). The same
 * bytes are frames 1-3, 7 and 8 of {@code lisp-data-variants.pcap}.
 */
final class LispVectors {
    /** IPv4/IPv4, flags 0xc0 (N L), Nonce 0xabcdef, 32-bit LSB 3. */
    static final String D1 = "45b800440100400040114cbac0000201c6336402c0a810f500300000c0abcdef0000000345b800200001000040016620"
            + "0a0100010a0200010800192d0001000170696e67";
    /** IPv4/IPv6, flags 0xc8 (N L I), Nonce 0x123456, Instance ID 2571, LSB 0x01. */
    static final String D2 = "450000540101000040118d61c0000201c6336402c73810f500400000c8123456000a0b016000000000083a4020010db8"
            + "000a0000000000000000000120010db8000b000000000000000000018000243200010001";
    /** IPv6/IPv4 with UDP checksum 0, flags 0x18 (V I), Map-Versions 5 / 10, Instance ID 100. */
    static final String D3 = "60000000002c114020010db800000000000000000000000120010db8000000000000000000000002ea6110f5002c0000"
            + "1800500a000064004500001c000200003f0167db0a0100010a0200010800f7fc00020001";
    /** LISP-GPE, flags 0x8c (N I P), bits 8-23 0x1234, Next Protocol 3 (Ethernet), Instance ID 200. */
    static final String D4 = "4500004e0102000040118d66c0000201c6336402c3cb10f5003a00008c1234030000c80000005e00530200005e005301"
            + "08004500001c00010000400166cc0a0900010a0900020800f7ff00000000";
    /** LISP-GPE, flags 0x4c (L I P), Next Protocol 1 (IPv4), Instance ID 5000, LSB 0x03. */
    static final String D7 = "450000400107000040118d6fc0000201c6336402c65910f5002c00004c000001001388034500001c00070000400166d6"
            + "0a0100010a0200010800f7f700070001";
    /** D5's header: flags 0xb0 (N E V), 0x00abcd read as a Nonce. */
    static final String D5_HEADER = "b000abcd00000000";
    /** D6's header: flags 0x60 (L E without N), LSB 5. */
    static final String D6_HEADER = "6000000000000005";

    /** Where the LISP header starts in an IPv4 vector: after 20 + 8 octets. */
    static final int IN_IPV4 = 28;
    /** Where the LISP header starts in an IPv6 vector: after 40 + 8 octets. */
    static final int IN_IPV6 = 48;

    private LispVectors() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(bytes(hex));
    }

    /** The 8 header octets of a vector. */
    static byte[] header(String vector, int at) {
        byte[] all = bytes(vector);
        byte[] h = new byte[8];
        System.arraycopy(all, at, h, 0, 8);
        return h;
    }
}
