package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.encap.EncapTemplate;
import org.tunnelcodec.core.encap.EthernetTemplateHeader;
import org.tunnelcodec.core.encap.InnerType;
import org.tunnelcodec.core.encap.Ipv4TemplateHeader;
import org.tunnelcodec.core.encap.Ipv6TemplateHeader;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.core.encap.UdpTemplateHeader;

/**
 * {@link LispTemplates} in core's encapsulation templates: a LISP header behind UDP gets
 * destination port 4341 from the chain, carries only IPv4 and IPv6 (RFC 9300 §5.1), and its
 * pushes decapsulate with {@link LispDecapsulator}; a LISP-GPE header's Next Protocol follows the
 * chain or the packet (RFC 9305 §3: Ethernet 3, IPv4 1), and a sender-rule-breaking header is
 * refused.
 */
class LispTemplatesTest {

    @Test
    void shouldPushLispThatTheEtrAccepts() {
        EncapTemplate t = EncapTemplate.of(Ipv4TemplateHeader.of(LispEncapsulatorTest.ITR4, LispEncapsulatorTest.ETR4),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO),
                LispTemplates.lisp(LispHeader.builder().instanceId(7).build()));
        assertThat(t.accepts(InnerType.IPV4)).isTrue();
        assertThat(t.accepts(InnerType.IPV6)).isTrue();
        assertThat(t.accepts(InnerType.ETHERNET)).isFalse();
        ByteBuffer b = LispEncapsulatorTest.behindHeadroom(LispEncapsulatorTest.ipv6Packet(0, 64));
        int start = t.push(b, LispEncapsulatorTest.HEADROOM, b.limit(), InnerType.IPV6);
        assertThat(b.getShort(start + 22) & 0xFFFF).isEqualTo(4341);
        LispDecapsulation out = new LispDecapsulation();
        assertThat(new LispDecapsulator().decapsulate(b, start, b.limit(), out)).isEqualTo(LispDecapsulator.Verdict.ACCEPTED);
        assertThat(out.instanceId()).isEqualTo(7);
        assertThat(out.innerVersion()).isEqualTo(6);
    }

    @Test
    void shouldSetTheGpeNextProtocolFromTheChainOrThePacket() {
        EncapTemplate ethernet = EncapTemplate.of(Ipv6TemplateHeader.of(LispEncapsulatorTest.ITR6, LispEncapsulatorTest.ETR6),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO_CHECKSUM_MODE),
                LispTemplates.lispGpe(100),
                EthernetTemplateHeader.of(MacAddress.parse("02:00:00:00:00:01"), MacAddress.parse("02:00:00:00:00:02")));
        ByteBuffer b = LispEncapsulatorTest.behindHeadroom(LispEncapsulatorTest.ipv4Packet(0, 64));
        int start = ethernet.push(b, LispEncapsulatorTest.HEADROOM, b.limit(), InnerType.IPV4);
        int gpe = start + 48;
        LispGpeHeader header = LispGpeDecoder.decode(b, gpe, b.limit()).header();
        assertThat(header.nextProtocol()).isEqualTo(LispGpeNextProtocol.ETHERNET);
        assertThat(header.instanceId()).isEqualTo(100);
        assertThat(b.getShort(gpe + 8 + 12)).isEqualTo((short) EtherType.IPV4.value());

        EncapTemplate ip = EncapTemplate.of(Ipv6TemplateHeader.of(LispEncapsulatorTest.ITR6, LispEncapsulatorTest.ETR6),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO_CHECKSUM_MODE), LispTemplates.lispGpe(5));
        b = LispEncapsulatorTest.behindHeadroom(LispEncapsulatorTest.ipv4Packet(0, 64));
        start = ip.push(b, LispEncapsulatorTest.HEADROOM, b.limit(), InnerType.IPV4);
        assertThat(LispGpeDecoder.decode(b, start + 48, b.limit()).header().nextProtocol()).isEqualTo(LispGpeNextProtocol.IPV4);
        assertThat(ip.accepts(InnerType.MPLS)).isFalse();
    }

    @Test
    void shouldRefuseAHeaderASenderMustNotSend() {
        assertThatThrownBy(() -> LispTemplates.lisp(new LispHeader(LispHeader.FLAG_E, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 9300 §5.3");
    }
}
