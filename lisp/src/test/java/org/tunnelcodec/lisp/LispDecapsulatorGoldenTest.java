package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.capture.CapturedFrame;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.lisp.LispDecapsulator.Verdict;
import org.tunnelcodec.testdata.Captures;
import org.tunnelcodec.testdata.TsharkGolden;

/**
 * Golden test: every frame of {@code lisp-data-variants.pcap} through the ETR engine. Each
 * accepted frame is compared with tshark 4.0.17's decode ({@code lisp-data.lisp.tsv}): the
 * outer source and destination (IPv4 or IPv6 by {@code eth.type}), the inner packet's version
 * (the layer tshark names after {@code lisp-data}), the Nonce, the Instance ID, the
 * Locator-Status-Bits (32 or 8), the Map-Versions and the echo-nonce request (E with N). The
 * frames refused are refused for the reason {@link #REFUSED} gives, each one a receiver rule of
 * RFC 9300 §5.3 or RFC 9305 §3 that tshark 4.0 (no LISP-GPE, no KK rule) does not apply.
 */
class LispDecapsulatorGoldenTest {
    static final Map<Integer, Verdict> REFUSED = Map.of(
            7, Verdict.UNSUPPORTED_NEXT_PROTOCOL, // P set, Next Protocol 3 (Ethernet)
            16, Verdict.ENCRYPTED, // KK 01
            17, Verdict.INNER_NOT_IP, // a payload whose nibble is neither 4 nor 6: tshark shows no inner layer
            19, Verdict.UNSUPPORTED_NEXT_PROTOCOL, // P set, Next Protocol not IPv4 or IPv6: no inner layer for tshark
            20, Verdict.UNSUPPORTED_NEXT_PROTOCOL, // P set, Next Protocol 0x7E: tshark reads a bogus IPv4 header
            22, Verdict.MALFORMED_LISP, // 5 octets after UDP 4341
            23, Verdict.MALFORMED_OUTER); // cut by the capture: 46 of 86 octets

    @Test
    void shouldDecapsulateTheCaptureAsTsharkDecodesIt() {
        CaptureFile capture = Captures.generated("lisp-data-variants.pcap");
        TsharkGolden golden = TsharkGolden.of("lisp-data-variants.lisp");
        assertThat(capture.frames()).hasSameSizeAs(golden.rows());
        LispDecapsulator etr = new LispDecapsulator();
        LispDecapsulation out = new LispDecapsulation();
        SoftAssertions soft = new SoftAssertions();
        int accepted = 0;
        for (CapturedFrame frame : capture.frames()) {
            int n = frame.number();
            TsharkGolden.Row row = golden.frame(n);
            String key = "frame " + n;
            Verdict v = etr.decapsulateFrame(frame.data(), out);
            if (REFUSED.containsKey(n)) {
                soft.assertThat(v).as(key).isEqualTo(REFUSED.get(n));
                continue;
            }
            soft.assertThat(v).as(key).isEqualTo(Verdict.ACCEPTED);
            if (v != Verdict.ACCEPTED) {
                continue;
            }
            accepted++;
            boolean outerV6 = row.number("eth.type", 0) == 0x86DD;
            soft.assertThat(out.outerIpv6()).as(key + " outer").isEqualTo(outerV6);
            if (outerV6) {
                soft.assertThat(out.outerIpv6Source()).as(key + " ipv6.src").isEqualTo(Ipv6Address.parse(row.value("ipv6.src", 0)));
                soft.assertThat(out.outerIpv6Destination()).as(key + " ipv6.dst").isEqualTo(Ipv6Address.parse(row.value("ipv6.dst", 0)));
            } else {
                soft.assertThat(out.outerSourceIpv4()).as(key + " ip.src").isEqualTo(Ipv4Address.parse(row.value("ip.src", 0)).bits());
                soft.assertThat(out.outerDestinationIpv4()).as(key + " ip.dst")
                        .isEqualTo(Ipv4Address.parse(row.value("ip.dst", 0)).bits());
            }
            String protocols = row.value("frame.protocols", 0);
            String afterLisp = protocols.substring(protocols.indexOf("lisp-data:") + "lisp-data:".length()).split(":")[0];
            soft.assertThat(out.innerVersion()).as(key + " inner " + afterLisp).isEqualTo(afterLisp.equals("ipv6") ? 6 : 4);
            soft.assertThat((long) out.nonce()).as(key + " lisp-data.nonce").isEqualTo(row.number("lisp-data.nonce", 0));
            soft.assertThat((long) out.instanceId()).as(key + " lisp-data.iid").isEqualTo(row.number("lisp-data.iid", 0));
            long lsb = out.instanceId() >= 0 ? row.number("lisp-data.lsb8", 0) : row.number("lisp-data.lsb", 0);
            soft.assertThat(out.locatorStatusBits()).as(key + " lisp-data.lsb").isEqualTo(lsb);
            soft.assertThat((long) out.sourceMapVersion()).as(key + " srcmapver").isEqualTo(row.number("lisp-data.srcmapver", 0));
            soft.assertThat((long) out.destinationMapVersion()).as(key + " dstmapver")
                    .isEqualTo(row.number("lisp-data.dstmapver", 0));
            soft.assertThat(out.echoNonceRequested()).as(key + " E and N")
                    .isEqualTo(row.number("lisp-data.flags.enr", 0) == 1 && row.number("lisp-data.flags.nonce", 0) == 1);
            ByteBuffer inner = out.packet();
            soft.assertThat(inner.remaining()).as(key + " inner to the frame's end").isEqualTo(frame.capturedLength() - out.innerIndex());
        }
        soft.assertThat(accepted).isEqualTo(capture.frames().size() - REFUSED.size());
        soft.assertAll();
        assertThat(etr.count(Verdict.ACCEPTED)).isEqualTo(accepted);
    }
}
