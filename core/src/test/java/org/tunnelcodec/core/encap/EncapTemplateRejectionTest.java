package org.tunnelcodec.core.encap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL4;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL6;
import static org.tunnelcodec.core.encap.EncapPackets.REMOTE4;
import static org.tunnelcodec.core.encap.EncapPackets.REMOTE6;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MacAddress;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * What push and the builder refuse, with which exception, and that a refused push leaves the
 * buffer exactly as it was.
 */
class EncapTemplateRejectionTest {
    private static final EncapTemplate VXLAN = EncapTemplate.of(
            Ipv4TemplateHeader.of(LOCAL4, REMOTE4).withTimeToLive(Ipv4TemplateHeader.INHERIT),
            UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.COMPUTE), OpaqueHeader.vxlan(9),
            EthernetTemplateHeader.of(MacAddress.parse("02:00:00:00:00:01"), MacAddress.parse("02:00:00:00:00:02")));
    private static final byte[] PACKET = EncapPackets.ipv4(0, 64, 30);

    /** Runs a push that must throw, through the template and through a store, and checks the buffer is unchanged. */
    private static void assertRefusedUnchanged(ByteBuffer buf, ThrowingCallable templatePush, ThrowingCallable storePush,
                                               Class<? extends Throwable> type, String message) {
        byte[] before = snapshot(buf);
        assertThatThrownBy(templatePush).isExactlyInstanceOf(type).hasMessageContaining(message);
        assertThat(snapshot(buf)).isEqualTo(before);
        assertThatThrownBy(storePush).isExactlyInstanceOf(type).hasMessageContaining(message);
        assertThat(snapshot(buf)).isEqualTo(before);
    }

    private static byte[] snapshot(ByteBuffer buf) {
        byte[] b = new byte[buf.capacity()];
        buf.duplicate().clear().get(b);
        return b;
    }

    private static TemplateStore storeOf(EncapTemplate t) {
        TemplateStore s = new TemplateStore(4);
        assertThat(s.add(t)).isZero();
        return s;
    }

    @Test
    void shouldRefuseTooSmallAHeadroomBeforeWritingAnOctet() {
        TemplateStore store = storeOf(VXLAN);
        for (int headroom : new int[] {0, 1, 49}) {
            ByteBuffer buf = EncapPackets.buffer(headroom, PACKET, 4);
            int end = headroom + PACKET.length;
            assertRefusedUnchanged(buf, () -> VXLAN.push(buf, headroom, end, InnerType.IPV4),
                    () -> store.push(0, buf, headroom, end, InnerType.IPV4), IndexOutOfBoundsException.class,
                    "headroom: " + headroom + " (expected: >= 50, the template's length)");
        }
        ByteBuffer exact = EncapPackets.buffer(50, PACKET, 0);
        assertThat(VXLAN.push(exact, 50, exact.limit(), InnerType.IPV4)).isZero();
    }

    @Test
    void shouldRefuseARangeOutsideTheBufferBeforeWritingAnOctet() {
        TemplateStore store = storeOf(VXLAN);
        ByteBuffer buf = EncapPackets.buffer(64, PACKET, 0);
        int limit = buf.limit();
        for (int[] range : new int[][] {{64, limit + 1}, {-1, 10}, {70, 69}, {limit + 1, limit + 1}}) {
            assertRefusedUnchanged(buf, () -> VXLAN.push(buf, range[0], range[1], InnerType.IPV4),
                    () -> store.push(0, buf, range[0], range[1], InnerType.IPV4), IndexOutOfBoundsException.class, "");
        }
        ByteBuffer limited = EncapPackets.buffer(64, PACKET, 8).limit(64 + PACKET.length - 1);
        assertRefusedUnchanged(limited, () -> VXLAN.push(limited, 64, 64 + PACKET.length, InnerType.IPV4),
                () -> store.push(0, limited, 64, 64 + PACKET.length, InnerType.IPV4), IndexOutOfBoundsException.class, "");
    }

    @Test
    void shouldRefuseAReadOnlyBuffer() {
        TemplateStore store = storeOf(VXLAN);
        ByteBuffer buf = EncapPackets.buffer(64, PACKET, 0).asReadOnlyBuffer();
        assertThatThrownBy(() -> VXLAN.push(buf, 64, buf.limit(), InnerType.IPV4))
                .isExactlyInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> store.push(0, buf, 64, buf.limit(), InnerType.IPV4))
                .isExactlyInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void shouldRefuseAPacketTypeTheInnermostHeaderDoesNotCarry() {
        EncapTemplate ipip = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4));
        TemplateStore store = storeOf(ipip);
        ByteBuffer buf = EncapPackets.buffer(64, EncapPackets.ethernet(0x0800, 0, PACKET), 0);
        assertRefusedUnchanged(buf, () -> ipip.push(buf, 64, buf.limit(), InnerType.ETHERNET),
                () -> store.push(0, buf, 64, buf.limit(), InnerType.ETHERNET), IllegalArgumentException.class,
                "inner: ETHERNET (expected: one of [IPV4, IPV6, MPLS], what the template's innermost header carries)");
    }

    @Test
    void shouldRefuseAPacketLongerThanTheLengthFieldsCanDescribe() {
        EncapTemplate t = EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6),
                UdpTemplateHeader.fixed(1, 2, UdpChecksumMode.ZERO_CHECKSUM_MODE));
        TemplateStore store = storeOf(t);
        ByteBuffer buf = ByteBuffer.allocate(48 + 0xFFFF);
        int fits = 0xFFFF - 8; // UDP Length: header and data
        assertThat(t.push(buf, 48, 48 + fits, InnerType.IPV4)).isZero();
        buf.clear();
        ByteBuffer fresh = ByteBuffer.allocate(48 + 0xFFFF);
        assertRefusedUnchanged(fresh, () -> t.push(fresh, 48, 48 + fits + 1, InnerType.IPV4),
                () -> store.push(0, fresh, 48, 48 + fits + 1, InnerType.IPV4), IllegalArgumentException.class,
                "inner length: 65528 (expected: 0..65527, the longest packet the template's length fields describe)");
    }

    @Test
    void shouldReportAPacketTooShortForTheTtlItMustGiveAsTruncatedWithoutWriting() {
        TemplateStore store = storeOf(VXLAN);
        byte[] stub = {0x45, 0, 0, 8, 0, 0, 0, 0};
        ByteBuffer buf = EncapPackets.buffer(64, stub, 8);
        assertRefusedUnchanged(buf, () -> VXLAN.push(buf, 64, 72, InnerType.IPV4),
                () -> store.push(0, buf, 64, 72, InnerType.IPV4), MalformedPacketException.class,
                "ipv4 Time to Live truncated");
        MalformedPacketException e = org.assertj.core.api.Assertions.catchThrowableOfType(MalformedPacketException.class,
                () -> VXLAN.push(buf, 64, 72, InnerType.IPV4));
        assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.TRUNCATED);
        assertThat(e.required()).isEqualTo(9);
        assertThat(e.available()).isEqualTo(8);
        // An Ethernet frame too short to hold an IP packet only loses the copy, as a frame without IP does.
        EncapTemplate l2 = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4).withTimeToLive(Ipv4TemplateHeader.INHERIT),
                UdpTemplateHeader.fixed(1, 4789, UdpChecksumMode.ZERO), OpaqueHeader.vxlan(1));
        ByteBuffer frame = EncapPackets.buffer(64, new byte[3], 0);
        assertThat(l2.push(frame, 64, 67, InnerType.ETHERNET)).isEqualTo(28);
    }

    @Test
    void shouldRefuseAChainWhoseHeadersCannotCarryEachOther() {
        assertThatThrownBy(() -> EncapTemplate.of(List.of())).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("chain: empty (expected: at least one header)");
        assertThatThrownBy(() -> EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4),
                EthernetTemplateHeader.of(MacAddress.BROADCAST, MacAddress.BROADCAST)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("chain[0] Ipv4TemplateHeader cannot carry chain[1] EthernetTemplateHeader: it has no IP"
                        + " protocol number (ipProtocol() is -1)");
        assertThatThrownBy(() -> EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4),
                UdpTemplateHeader.flowHash(4789, UdpChecksumMode.ZERO), OpaqueHeader.vxlan(1),
                Ipv4TemplateHeader.of(LOCAL4, REMOTE4)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("chain[2] OpaqueHeader cannot carry chain[3] Ipv4TemplateHeader: it has EtherType 0x0800");
        assertThatThrownBy(() -> EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO),
                EthernetTemplateHeader.of(MacAddress.BROADCAST, MacAddress.BROADCAST)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no UDP port (udpPort() is -1)");
    }

    @Test
    void shouldRefuseAZeroUdpChecksumUnderIpv6OutsideZeroChecksumMode() {
        assertThatThrownBy(() -> EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6),
                UdpTemplateHeader.flowHash(4789, UdpChecksumMode.ZERO)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checksum: ZERO under IPv6 (expected: COMPUTE, or ZERO_CHECKSUM_MODE");
        assertThatThrownBy(() -> EncapTemplate.of(UdpTemplateHeader.flowHash(4789, UdpChecksumMode.COMPUTE)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a UDP checksum (expected: an IPv4 or IPv6 header just outside");
        assertThat(EncapTemplate.of(UdpTemplateHeader.flowHash(4789, UdpChecksumMode.ZERO)).length()).isEqualTo(8);
    }

    @Test
    void shouldRefuseAUdpHeaderWithoutPortForAPacketThatHasNone() {
        EncapTemplate udp = EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, REMOTE4),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO));
        assertThat(udp.acceptedInnerTypes()).containsExactly(InnerType.MPLS); // MPLS-in-UDP, 6635
    }

    @Test
    void shouldRefuseATemplateLongerThanTheMaximum() {
        List<TemplateHeader> chain = new ArrayList<>();
        for (int i = 0; i < 103; i++) {
            chain.add(Ipv6TemplateHeader.of(LOCAL6, REMOTE6));
        }
        assertThatThrownBy(() -> EncapTemplate.of(chain)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("template length: 4120 (expected: <= 4095)");
        assertThat(EncapTemplate.of(chain.subList(0, 102)).length()).isEqualTo(4080);
    }

    @Test
    void shouldRefuseOutOfRangeComponents() {
        assertThatThrownBy(() -> Ipv4TemplateHeader.of(LOCAL4, REMOTE4).withTimeToLive(0))
                .hasMessage("timeToLive: 0 (expected: 1..255)");
        assertThatThrownBy(() -> Ipv4TemplateHeader.of(LOCAL4, REMOTE4).withDscp(64)).hasMessage("dscp: 64 (expected: 0..63)");
        assertThatThrownBy(() -> Ipv6TemplateHeader.of(LOCAL6, REMOTE6).withFlowLabel(0x100000))
                .hasMessage("flowLabel: 1048576 (expected: 0..1048575)");
        assertThatThrownBy(() -> new UdpTemplateHeader(5, 4, 1, UdpChecksumMode.ZERO))
                .hasMessage("sourcePortMax: 4 (expected: 5..65535)");
        assertThatThrownBy(() -> UdpTemplateHeader.fixed(1, 65536, UdpChecksumMode.ZERO))
                .hasMessage("destinationPort: 65536 (expected: 0..65535)");
    }
}
