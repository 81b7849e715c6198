package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * Test vectors from outside the project. P3 (an Ethernet pseudowire with control word over GRE,
 * RFC 4023 and RFC 4448) and P4 (an LSP with GAL, ACH and BFD, RFC 5586 and RFC 5885) were built
 * with scapy 2.5 and decoded by tshark 4.0.17, whose decode matches the values the tests expect.
 */
final class Vectors {
    /** P3, 90 octets: Ethernet, IPv4, GRE, one LSE (label 2000), the control word at 42, a customer frame. */
    static final String P3 = "020000000002 020000000001 0800 4500004c00020000402f2617c6336401c6336402"
            + " 00008847 007d01ff 00000001 66778899aabb00112233445508004500001e222200004011008aac100001ac100002"
            + " 04d2162e000a244d6869";
    /** Where P3's control word starts. */
    static final int P3_CONTROL_WORD = 42;
    /** P4, 50 octets: Ethernet, LSE 500, the GAL, the ACH at 22, a BFD control packet. */
    static final String P4 = "020000000002 020000000001 8847 001f40ff 0000d101 10000007"
            + " 20c003180000000100000000000f4240000f424000000000";
    /** Where P4's ACH starts. */
    static final int P4_ACH = 22;

    private Vectors() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(bytes(hex));
    }
}
