package org.tunnelcodec.gre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.gre.wccp.WccpDecapsulation;
import org.tunnelcodec.gre.wccp.WccpDecapsulator;
import org.tunnelcodec.gre.wccp.WccpRouter;
import org.tunnelcodec.gre.wccp.WccpVersion;

/** The GRE module's dissector layers: what selects them, and the one WCCP v1/v2 decision. */
class GreLayersTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings())
            .build();
    /** Ethernet header up to the EtherType. */
    private static final String ETHERNET = "020000000002" + "020000000001";
    /** An inner IPv4 header (RFC 791 layout, 20 octets, protocol 59, no payload). */
    private static final String INNER = "450000140001000040" + "3b" + "0000" + "0a000001" + "0a000002";

    private static List<String> names(Dissection d) {
        return d.layers().stream().map(DissectedLayer::name).toList();
    }

    private static ByteBuffer hex(String h) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(h));
    }

    private static String ipv4(int protocol, String payload) {
        return "4500" + String.format("%04x", 20 + payload.length() / 2) + "00010000" + "40"
                + String.format("%02x", protocol) + "0000" + "c0000201" + "c6336414" + payload;
    }

    @Test
    void shouldNotTakeAnEthernetFrameOfType883eForAWccpRedirectHeader() {
        // 0x883E means WCCP only as a GRE Protocol Type; as an EtherType nothing is bound to it.
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, hex(ETHERNET + "883e" + "0146002a" + INNER));
        assertThat(names(d)).containsExactly("ethernet");
        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.NO_DECODER);
        assertThat(d.nextKeys()).containsExactly(LayerKey.etherType(0x883E));
    }

    @Test
    void shouldFollowGreProtocolTypesToTheLayersBoundToTheSameEtherType() {
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET,
                hex(ETHERNET + "0800" + ipv4(47, "00000800" + INNER)));
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "gre", "ipv4");
        assertThat(DISSECTOR.layerFor(LayerKey.greProtocol(0x0800))).isSameAs(CoreLayers.IPV4);
        assertThat(DISSECTOR.layerFor(LayerKey.greProtocol(0x883E))).isSameAs(GreLayers.WCCP);
        assertThat(DISSECTOR.layerFor(LayerKey.etherType(0x883E))).isNull();
    }

    @Test
    void shouldDecodeTransparentEthernetBridgingBehindGre() {
        // RFC 1701 Protocol Type 0x6558: an Ethernet frame follows the GRE header (ERSPAN type I, NVGRE).
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET,
                hex(ETHERNET + "0800" + ipv4(47, "00006558" + ETHERNET + "0800" + INNER)));
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "gre", "ethernet", "ipv4");
    }

    @Test
    void shouldTakeAnIpv4VersionNibbleAfterGreForWccpV1OverIpv4AndARedirectHeaderOverIpv6() {
        Dissection v1 = DISSECTOR.dissect(LinkType.ETHERNET,
                hex(ETHERNET + "0800" + ipv4(47, "0000883e" + INNER)));
        assertThat(names(v1)).containsExactly("ethernet", "ipv4", "gre", "ipv4");

        String gre = "0000883e" + "4546002a" + INNER; // a redirect header whose first octet has 0x40 set
        String ipv6 = "60000000" + String.format("%04x", gre.length() / 2) + "2f40"
                + "20010db8000000000000000000000001" + "20010db8000000000000000000000002";
        Dissection v2 = DISSECTOR.dissect(LinkType.ETHERNET, hex(ETHERNET + "86dd" + ipv6 + gre));
        assertThat(names(v2)).containsExactly("ethernet", "ipv6", "gre", "wccp", "ipv4");
    }

    @Test
    void shouldMakeTheSameV1OrV2DecisionAsTheDecapsulator() {
        // The dissector's AUTO reading and the decapsulator's, on the same packets.
        WccpDecapsulator decapsulator = new WccpDecapsulator(List.of(
                WccpRouter.of("192.0.2.1", WccpVersion.AUTO)));
        for (String afterGre : List.of(INNER, "0146002a" + INNER, "")) {
            String packet = ipv4(47, "0000883e" + afterGre);
            Dissection d = DISSECTOR.dissect(LinkType.RAW, hex(packet));
            WccpDecapsulation out = new WccpDecapsulation();
            WccpDecapsulator.Verdict v = decapsulator.decapsulate(hex(packet), out);
            boolean dissectorSawHeader = names(d).contains("wccp");
            if (v == WccpDecapsulator.Verdict.ACCEPTED) {
                assertThat(out.redirectHeaderPresent()).as(afterGre).isEqualTo(dissectorSawHeader);
            } else {
                assertThat(v).as(afterGre).isIn(WccpDecapsulator.Verdict.MALFORMED_REDIRECT_HEADER,
                        WccpDecapsulator.Verdict.INNER_NOT_IP);
            }
        }
    }

    @Test
    void shouldNameUnmappedPppProtocolsInThePppSpace() {
        String pptp = "3001880b" + "00060100" + "00000001" + "ff0380fd" + "0101"; // GRE v1 / PPP CCP (0x80FD)
        Dissection d = DISSECTOR.dissect(LinkType.ETHERNET, hex(ETHERNET + "0800" + ipv4(47, pptp)));
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "gre", "ppp");
        assertThat(d.nextKeys()).containsExactly(new LayerKey(GreLayers.PPP_PROTOCOL, 0x80FD));
        assertThat(GreLayers.PPP_PROTOCOL.id()).isBetween(64, KeySpace.MAX_ID);
    }
}
