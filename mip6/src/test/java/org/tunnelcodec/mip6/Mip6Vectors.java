package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.tunnelcodec.core.Ipv6Address;

/**
 * Test vectors built with scapy 2.5 and decoded with tshark 4.0.17, from outside the project:
 * M1, a home registration Binding Update with a Home Address option and an Alternate Care-of
 * Address, and M3, a Binding Acknowledgement through a Type 2 Routing Header with per-binding
 * status (RFC 5648) and a flow identification option (RFC 6089). Their checksums were computed
 * with the RFC 6275 §6.1.1 substitutions and re-checked with scapy's {@code in6_chksum}.
 */
final class Mip6Vectors {
    /** The home agent. */
    static final Ipv6Address HA = Ipv6Address.parse("2001:db8:a::1");
    /** The home address. */
    static final Ipv6Address HOA = Ipv6Address.parse("2001:db8:a::100");
    /** The care-of address. */
    static final Ipv6Address COA = Ipv6Address.parse("2001:db8:c0a::100");

    /** M1, the whole IPv6 packet: IPv6 CoA → HA, Destination Options with PadN and HAO, then the MH at 64. */
    static final String M1_PACKET = "6000000000383c4020010db80c0a0000000000000000010020010db8000a0000000000000000"
            + "0001870201020000c91020010db8000a000000000000000001003b03050041301234d00000960100031020010db80c0a"
            + "00000000000000000100";
    /** M1's Mobility Header alone (32 octets). */
    static final String M1 = M1_PACKET.substring(128);
    /** M3, the whole IPv6 packet: IPv6 HA → CoA, Type 2 Routing Header with the HoA, then the MH at 64. */
    static final String M3_PACKET = "6000000000482b4020010db8000a0000000000000000000120010db80c0a0000000000000000"
            + "0100870202010000000020010db8000a000000000000000001003b0506002d06044012350096010400000000230400010001"
            + "010023040002a60201002d06000a00010083010400000000";
    /** M3's Mobility Header alone (48 octets). */
    static final String M3 = M3_PACKET.substring(128);

    private Mip6Vectors() {
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex.replace(" ", "")));
    }
}
