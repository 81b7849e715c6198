package org.tunnelcodec.core.tunnel;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * Whole Ethernet frames of the project's generated captures (testdata {@code core-layers.pcap}
 * and {@code tunneldump-sample.pcap}, made with scapy), with the values tshark 4.0.17 shows for
 * them in the committed golden table {@code golden/core/core-layers.tsv}.
 */
final class TunnelVectors {
    /**
     * core-layers #15: IPv4 203.0.113.1 → 203.0.113.2 (TTL 64, TOS 0, protocol 4) / IPv4
     * 192.0.2.10 → 198.51.100.20 / UDP 40010 → 9. 78 octets; outer IP at 14, inner at 34 (44 octets).
     */
    static final String IPV4_IN_IPV4 = "02005e10000202005e100001080045000040400100004004c2b4cb007101cb007102"
            + "4500002c400200003f114f6dc000020ac63364149c4a0009001820ef74756e6e656c636f6465632074756e6e";
    /**
     * core-layers #16: IPv4 203.0.113.1 → .2 (TTL 64, protocol 41) / IPv6 2001:db8:1::10 →
     * 2001:db8:2::20 / TCP. 106 octets; inner at 34 (72 octets).
     */
    static final String IPV6_IN_IPV4 = "02005e10000202005e10000108004500005c400300004029c271cb007101cb007102"
            + "600000000020063f20010db800010000000000000000001020010db8000200000000000000000020c93d1389000003e8"
            + "000007d050180400f457000074756e6e656c636f64656320";
    /**
     * core-layers #17: IPv6 2001:db8:ffff::1 → ::2 (hop limit 64, Traffic Class 0, Flow Label 0,
     * Next Header 4) / IPv4 / UDP 40011 → 9. 98 octets; inner at 54 (44 octets).
     */
    static final String IPV4_IN_IPV6 = "02005e10000202005e10000186dd60000000002c044020010db8ffff0000000000000000"
            + "000120010db8ffff000000000000000000024500002c400400003f114f6bc000020ac63364149c4b0009001820ee74756e"
            + "6e656c636f6465632074756e6e";
    /**
     * core-layers #18: IPv6 2001:db8:ffff::1 → ::2 (hop limit 64, Next Header 41) / IPv6 / UDP
     * 40012 → 9. 118 octets; inner at 54 (64 octets).
     */
    static final String IPV6_IN_IPV6 = "02005e10000202005e10000186dd600000000040294020010db8ffff0000000000000000"
            + "000120010db8ffff00000000000000000002600000000018113f20010db800010000000000000000001020010db80002"
            + "000000000000000000209c4c00090018b19a74756e6e656c636f6465632074756e6e";
    /**
     * core-layers #1: IPv4 192.0.2.10 → 198.51.100.20, DSCP 46, ECN 1, DF, TTL 64 / UDP 40000 → 53
     * (a DNS query): not a tunnel.
     */
    static final String IPV4_UDP_DNS = "02005e10000202005e100001080045b900301234400040113b7ec000020ac63364149c40"
            + "0035001cc73f4a4a010000010000000000000261620000010001";
    /**
     * core-layers #4: 802.1ad S-tag (VLAN 200) / 802.1Q C-tag (VLAN 300) / IPv6 Traffic Class
     * 0xb8, Flow Label 0x12345, hop limit 32 / UDP 40002 → 9: not a tunnel.
     */
    static final String QINQ_IPV6_UDP = "02005e10000202005e10000188a800c88100012c86dd6b8123450018112020010db8000100"
            + "00000000000000001020010db80002000000000000000000209c4200090018b1a474756e6e656c636f6465632074756e6e";
    /** tunneldump-sample #1: IPv4 192.0.2.10 → 198.51.100.20 / UDP 40030 → 9, 16 octets of text. */
    static final String IPV4_UDP = "02005e10000202005e10000108004500002c8001000040110e6ec000020ac63364149c5e0009"
            + "001820db74756e6e656c636f6465632074756e6e";
    /**
     * gre-variants #5: IPv4 203.0.113.1 → .2 (protocol 47) / GRE S (word 0x1000, type 0x8847,
     * sequence 0xffffffff) / MPLS label 100, S, TTL 64 / IPv4 / UDP. GRE at 34, MPLS at 42.
     */
    static final String GRE_MPLS = "02005e10000202005e10000108004500004c90050000402f7279cb007101cb007102"
            + "10008847ffffffff000641404500002c910500003f11fe69c000020ac63364149c6d0009001820cc74756e6e656c636f"
            + "6465632074756e6e";

    private TunnelVectors() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static ByteBuffer frame(String hex) {
        return ByteBuffer.wrap(bytes(hex));
    }
}
