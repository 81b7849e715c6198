package org.tunnelcodec.mpls;

/**
 * The MPLS test vectors P1-P4: frames built with scapy 2.5 whose label stacks and payloads
 * tshark 4.0.17 decodes as the comments say ({@code tshark -r file -V}). MAC and IP addresses are
 * documentation values.
 */
final class MplsVectors {
    /**
     * P1: the label stack Linux pushes for {@code ip route ... encap mpls 100/200} (RFC 3032
     * §2.1; net/mpls/mpls_iptunnel.c) over Ethernet (EtherType 0x8847), a locally originated
     * IPv4 ping with TTL 64: label 100 TC 0 S 0 TTL 64, label 200 TC 0 S 1 TTL 64, then an IPv4
     * header of Total Length 36 (58 octets).
     */
    static final String P1 = "020000000002020000000001 8847 00064040 000c8140"
            + "450000241234400040010b930a0000010a090909 0800619704d20001 6162636465666768";
    /** Where P1's label stack starts (after the Ethernet header). */
    static final int P1_STACK = 14;

    /**
     * P2: MPLS-in-UDP (RFC 7510 §3, UDP port 6635) over IPv4 with an entropy label (RFC 6790
     * §4): label 1000 TC 5 S 0 TTL 63, ELI (7) TC 5 S 0 TTL 0, entropy label 370085 (0x5A5A5)
     * TC 0 S 1 TTL 0, then IPv6 with Payload Length 12 (106 octets).
     */
    static final String P2 = "020000000002020000000001 0800 4500005c000140004011b68cc0000201c0000202"
            + "d43119eb00480000 003e8a3f 00007a00 5a5a5100"
            + "60000000 000c3a3f 20010db8000000000000000000000001 20010db8000000000000000000000002"
            + "8000456b00070001 70696e67";
    /** Where P2's label stack starts (after Ethernet, IPv4 and UDP). */
    static final int P2_STACK = 42;

    /**
     * P3: an Ethernet pseudowire with control word (RFC 4448 §4.6) over GRE (RFC 4023): the PW
     * label 2000 TC 0 S 1 TTL 255, the control word 00000001 (sequence 1), the customer frame
     * (90 octets).
     */
    static final String P3 = "020000000002020000000001 0800 4500004c00020000402f2617c6336401c6336402"
            + "00008847 007d01ff 00000001 66778899aabb001122334455 0800"
            + "4500001e222200004011008aac100001ac100002 04d2162e000a244d6869";
    /** Where P3's label stack starts (after Ethernet, IPv4 and GRE). */
    static final int P3_STACK = 38;
    /** Where P3's control word starts. */
    static final int P3_CONTROL_WORD = 42;

    /**
     * P4: an LSP with the GAL (RFC 5586 §4) carrying BFD (RFC 5885): label 500 TC 0 S 0 TTL
     * 255, GAL (13) TC 0 S 1 TTL 1, the ACH 10000007 (version 0, channel type 7), BFD control
     * (50 octets).
     */
    static final String P4 = "020000000002020000000001 8847 001f40ff 0000d101 10000007"
            + "20c00318 00000001 00000000 000f4240 000f4240 00000000";
    /** Where P4's label stack starts (after the Ethernet header). */
    static final int P4_STACK = 14;
    /** Where P4's ACH starts. */
    static final int P4_ACH = 22;

    private MplsVectors() {
    }

    /** The vector's octets. */
    static byte[] bytes(String vector) {
        return MplsArbitraries.hex(vector);
    }

    /** The vector's octets in a heap buffer. */
    static java.nio.ByteBuffer buffer(String vector) {
        return java.nio.ByteBuffer.wrap(bytes(vector));
    }
}
