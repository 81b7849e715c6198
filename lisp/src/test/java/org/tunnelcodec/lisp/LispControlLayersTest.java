package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.testdata.Captures;

/**
 * {@link LispControlLayers} on real frames of the shared captures: a Map-Register of
 * {@code lisp_eid_register.pcap} is one {@code lisp-control} layer after UDP 4342 spanning the
 * rest of the frame, with a tcpdump-like summary; the Encapsulated Control Message of
 * {@code pcpp-ipv6-lisp.pcapng} is a 4-octet layer followed by its inner IPv4 header, inner UDP
 * header and Map-Request as layers of their own, at their offsets in the frame. Info-Request and
 * Info-Reply summaries name the EID-prefix and, in a reply, the NAT-Traversal addresses.
 */
class LispControlLayersTest {
    private static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings()).add(LispLayers.bindings())
            .add(LispControlLayers.bindings()).build();

    @Test
    void shouldDissectAMapRegisterAsOneLayerAfterUdp4342() {
        Dissection d = dissect("lisp_eid_register.pcap", 1);

        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.COMPLETE);
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "lisp-control");
        DissectedLayer lisp = d.layers().get(3);
        // 4 + 8 nonce + 4 Key ID/Algorithm ID/length + 20 MAC + 2 records of 28 + 16 xTR-ID + 8 Site-ID
        assertThat(List.of(lisp.offset(), lisp.length(), lisp.payloadLength())).containsExactly(42, 116, 0);
        assertThat(lisp.name()).isEqualTo(LispMessage.PROTOCOL).isEqualTo(LispControlLayers.LISP_CONTROL.name());
        assertThat(lisp.header()).isInstanceOf(MapRegister.class);
        assertThat(lisp.summary()).isEqualTo("Map-Register flags [IEM] 2 records nonce 0xc4218228892d20a4 key-id 0"
                + " alg 1 auth-len 20");
        MapRegister r = (MapRegister) lisp.header();
        assertThat(r.records()).extracting(rec -> rec.eid().toString()).containsExactly("10.30.1.100", "10.30.1.96");
    }

    @Test
    void shouldDissectAnEncapsulatedControlMessageWithItsInnerHeadersAsLayers() {
        Dissection d = dissect("pcpp-ipv6-lisp.pcapng", 33);

        assertThat(d.stopReason()).isEqualTo(Dissection.StopReason.COMPLETE);
        assertThat(names(d)).containsExactly("ethernet", "ipv4", "udp", "lisp-control", "ipv4", "udp", "lisp-control");
        DissectedLayer ecm = d.layers().get(3);
        DissectedLayer innerIp = d.layers().get(4);
        DissectedLayer innerUdp = d.layers().get(5);
        DissectedLayer request = d.layers().get(6);
        assertThat(List.of(ecm.offset(), ecm.length(), ecm.payloadLength())).containsExactly(42, 4, 112);
        assertThat(List.of(innerIp.offset(), innerIp.length(), innerIp.payloadLength())).containsExactly(46, 20, 92);
        assertThat(List.of(innerUdp.offset(), innerUdp.length(), innerUdp.payloadLength())).containsExactly(66, 8, 84);
        assertThat(List.of(request.offset(), request.length(), request.payloadLength())).containsExactly(74, 84, 0);
        assertThat(innerIp.summary()).startsWith("153.16.31.80 > 23.91.153.57 proto UDP(17)");
        assertThat(innerUdp.summary()).startsWith("4342 > 4342 len 92");
        // The ECM's record is the whole message, its inner Map-Request the next control layer's.
        EncapsulatedControlMessage e = (EncapsulatedControlMessage) ecm.header();
        assertThat(e.ddt()).isTrue();
        assertThat(e.message()).isEqualTo(request.header());
        assertThat(ecm.summary()).isEqualTo("Encapsulated-Control-Message flags [D] inner Map-Request flags [M]"
                + " 1 record nonce 0xfb7fff7d68051faa itr-rlocs 1 eid 23.91.153.57/32");
        assertThat(request.summary()).isEqualTo("Map-Request flags [M] 1 record nonce 0xfb7fff7d68051faa itr-rlocs 1"
                + " eid 23.91.153.57/32");
    }

    @Test
    void shouldSummarizeInfoRequestsAndReplies() {
        LispMessage request = LispMessageDecoder.decode(java.nio.ByteBuffer.wrap(LispControlVectors.INFO1)).header();
        LispMessage reply = LispMessageDecoder.decode(java.nio.ByteBuffer.wrap(LispControlVectors.INFO2)).header();
        assertThat(LispControlLayers.summary(request)).isEqualTo("Info-Request nonce 0x7777888899990000 key-id 0 alg 1"
                + " auth-len 20 ttl 0 eid 10.1.0.0/24");
        assertThat(LispControlLayers.summary(reply)).isEqualTo("Info-Reply nonce 0x7777888899990000 key-id 0 alg 1"
                + " auth-len 20 ttl 1440 eid 10.1.0.0/24 global-etr 203.0.113.5:61000 ms 198.51.100.9:4342 rtrs 1");
    }

    private static Dissection dissect(String capture, int number) {
        CaptureFile c = Captures.shared(capture);
        CapturedFrame f = c.frames().get(number - 1);
        assertThat(f.number()).isEqualTo(number);
        return DISSECTOR.dissect(c.linkType(), f.data(), f.originalLength(), 0);
    }

    private static List<String> names(Dissection d) {
        return d.layers().stream().map(DissectedLayer::name).toList();
    }
}
