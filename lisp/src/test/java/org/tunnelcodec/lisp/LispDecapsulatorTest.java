package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.capture.CaptureFile;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.lisp.LispDecapsulator.Verdict;
import org.tunnelcodec.testdata.Captures;

/**
 * The ETR engine, one test per verdict: each reject reason is reached by one change to an
 * accepted frame of {@code lisp-data-variants.pcap} (frame 1: Ethernet, IPv4 192.0.2.1 →
 * 198.51.100.2, UDP 49320 → 4341, N and L set, inner IPv4 ICMP of 32 octets at offset 50), or by
 * a frame of the capture that has it, or by the decapsulator's limits. Also: the counters and
 * their snapshot, raw IP input, the RFC 6040 §4.2 table and {@link LispDecapsulation#applyEcn()}.
 */
class LispDecapsulatorTest {
    static final CaptureFile CAPTURE = Captures.generated("lisp-data-variants.pcap");

    private final LispDecapsulator etr = new LispDecapsulator();
    private final LispDecapsulation out = new LispDecapsulation();

    static ByteBuffer frame(int number) {
        return CAPTURE.frame(number).copy();
    }

    private Verdict decap(ByteBuffer b) {
        return etr.decapsulateFrame(b, out);
    }

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldAcceptFrameOneAndReportItsFields() {
        ByteBuffer b = frame(1);
        assertThat(decap(b)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.innerIndex()).isEqualTo(50);
        assertThat(out.innerLength()).isEqualTo(32);
        assertThat(out.innerVersion()).isEqualTo(4);
        assertThat(out.gpeNextProtocol()).isEqualTo(-1);
        assertThat(out.nonce()).isEqualTo(11259375);
        assertThat(out.instanceId()).isEqualTo(-1);
        assertThat(out.locatorStatusBits()).isEqualTo(3);
        assertThat(out.sourceMapVersion()).isEqualTo(-1);
        assertThat(out.destinationMapVersion()).isEqualTo(-1);
        assertThat(out.echoNonceRequested()).isFalse();
        assertThat(out.outerIpv6()).isFalse();
        assertThat(out.outerSourceIpv4()).isEqualTo(Ipv4Address.parse("192.0.2.1").bits());
        assertThat(out.outerDestinationIpv4()).isEqualTo(Ipv4Address.parse("198.51.100.2").bits());
        assertThat(out.outerIpv4Source()).isEqualTo(Ipv4Address.parse("192.0.2.1"));
        assertThat(out.udpSourcePort()).isEqualTo(49320);
        assertThat(out.udpDestinationPort()).isEqualTo(4341);
        assertThat(out.outerTtl()).isEqualTo(b.get(14 + 8) & 0xFF);
        assertThat(out.outerTos()).isEqualTo(b.get(15) & 0xFF);
        assertThat(out.packet().position()).isEqualTo(50);
        assertThat(out.packet().remaining()).isEqualTo(32);
        assertThat(b.position()).isZero();
        assertThat(b.limit()).isEqualTo(82);
        assertThat(etr.count(Verdict.ACCEPTED)).isEqualTo(1);
    }

    @Test
    void shouldAcceptTheRawIpPacketOfAFrame() {
        ByteBuffer b = frame(3); // outer IPv6
        assertThat(etr.decapsulate(b, 14, b.limit(), out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.outerIpv6()).isTrue();
        assertThat(Ipv6Address.of(out.outerSourceHigh(), out.outerSourceLow())).isEqualTo(Ipv6Address.parse("2001:db8::1"));
        assertThat(out.outerIpv6Destination()).isEqualTo(Ipv6Address.parse("2001:db8::2"));
        assertThat(out.instanceId()).isEqualTo(100);
        assertThat(out.sourceMapVersion()).isEqualTo(5);
        assertThat(out.destinationMapVersion()).isEqualTo(10);
        assertThat(out.nonce()).isEqualTo(-1);
        ByteBuffer ip = frame(1).position(14);
        assertThat(etr.decapsulate(ip, out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.innerIndex()).isEqualTo(50);
    }

    @Test
    void shouldReadTheEchoNonceRequestOnlyWithN() {
        assertThat(decap(frame(5))).isEqualTo(Verdict.ACCEPTED); // N, E, V: a Nonce, echo requested
        assertThat(out.nonce()).isEqualTo(43981);
        assertThat(out.echoNonceRequested()).isTrue();
        assertThat(out.sourceMapVersion()).isEqualTo(-1);
        assertThat(decap(frame(6))).isEqualTo(Verdict.ACCEPTED); // L, E without N: E ignored
        assertThat(out.echoNonceRequested()).isFalse();
        assertThat(out.nonce()).isEqualTo(-1);
        assertThat(out.locatorStatusBits()).isEqualTo(5);
    }

    @Test
    void shouldDeliverLispGpeCarryingIp() {
        assertThat(decap(frame(8))).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.gpeNextProtocol()).isEqualTo(1);
        assertThat(out.innerVersion()).isEqualTo(4);
        assertThat(out.instanceId()).isEqualTo(5000);
        assertThat(out.locatorStatusBits()).isEqualTo(3);
        assertThat(out.nonce()).isEqualTo(-1);
    }

    @Test
    void shouldRefuseACutEthernetHeaderAsMalformedLink() {
        assertThat(decap(frame(1).limit(13))).isEqualTo(Verdict.MALFORMED_LINK);
        ByteBuffer tags = ByteBuffer.allocate(14 + 9 * 4);
        for (int i = 0; i < 9; i++) {
            tags.putShort(12 + 4 * i, (short) 0x8100);
        }
        assertThat(decap(tags)).isEqualTo(Verdict.MALFORMED_LINK);
        assertThat(etr.count(Verdict.MALFORMED_LINK)).isEqualTo(2);
    }

    @Test
    void shouldWalkVlanTags() {
        ByteBuffer plain = frame(1);
        ByteBuffer tagged = ByteBuffer.allocate(plain.limit() + 4);
        tagged.put(plain.array(), 0, 12).putInt(0x8100_0064).put(plain.array(), 12, plain.limit() - 12).flip();
        assertThat(decap(tagged)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.innerIndex()).isEqualTo(54);
        assertThat(out.nonce()).isEqualTo(11259375);
    }

    @Test
    void shouldRefuseAFrameThatIsNotIp() {
        assertThat(decap(frame(1).putShort(12, (short) 0x0806))).isEqualTo(Verdict.NOT_IP);
    }

    @Test
    void shouldRefuseAMalformedOuterHeader() {
        assertThat(decap(frame(1).limit(30))).isEqualTo(Verdict.MALFORMED_OUTER);
        assertThat(decap(frame(23))).as("cut by the capture").isEqualTo(Verdict.MALFORMED_OUTER);
    }

    @Test
    void shouldRefuseAnOuterFragment() {
        assertThat(decap(frame(1).put(14 + 6, (byte) 0x20))).isEqualTo(Verdict.OUTER_FRAGMENT);
        // Outer IPv6 (frame 3) with a first-fragment Fragment header (M set) before UDP.
        ByteBuffer v6 = frame(3);
        ByteBuffer fragment = ByteBuffer.allocate(v6.limit() + 8);
        fragment.put(0, v6.array(), 0, 54).put(54, new byte[] {17, 0, 0, 1, 0, 0, 0, 1})
                .put(54 + 8, v6.array(), 54, v6.limit() - 54);
        fragment.put(14 + 6, (byte) 44).putShort(14 + 4, (short) (v6.getShort(14 + 4) + 8));
        assertThat(decap(fragment)).isEqualTo(Verdict.OUTER_FRAGMENT);
        fragment.put(54 + 3, (byte) 0); // an atomic fragment (offset 0, M clear) is not one
        assertThat(decap(fragment)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.innerIndex()).isEqualTo(14 + 40 + 8 + 8 + 8);
        assertThat(etr.count(Verdict.OUTER_FRAGMENT)).isEqualTo(2);
    }

    @Test
    void shouldRefuseAPacketThatIsNotUdp() {
        assertThat(decap(frame(1).put(14 + 9, (byte) 6))).isEqualTo(Verdict.NOT_UDP);
    }

    @Test
    void shouldRefuseABadUdpLength() {
        assertThat(decap(frame(1).putShort(38, (short) 7))).isEqualTo(Verdict.MALFORMED_UDP);
        assertThat(decap(frame(1).putShort(38, (short) 49))).isEqualTo(Verdict.MALFORMED_UDP); // past the IP payload
        assertThat(etr.count(Verdict.MALFORMED_UDP)).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnotherPortUnlessConfigured() {
        ByteBuffer b = frame(1).putShort(36, (short) 4342);
        assertThat(decap(b)).isEqualTo(Verdict.NOT_LISP_PORT);
        LispDecapsulator twoPorts = new LispDecapsulator(List.of(4341, 4342), null, null);
        assertThat(twoPorts.decapsulateFrame(b, out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.udpDestinationPort()).isEqualTo(4342);
        assertThat(twoPorts.ports()).containsExactly(4341, 4342);
    }

    @Test
    void shouldRefuseAnUnknownSource() {
        LispDecapsulator known = new LispDecapsulator(Set.of(4341), null,
                List.of(address("203.0.113.1"), address("2001:db8::1")));
        assertThat(known.decapsulateFrame(frame(1), out)).isEqualTo(Verdict.UNKNOWN_SOURCE);
        assertThat(known.decapsulateFrame(frame(3), out)).as("IPv6 RLOC listed").isEqualTo(Verdict.ACCEPTED);
        assertThat(known.decapsulateFrame(frame(1).put(14 + 12, (byte) 203).put(14 + 13, (byte) 0).put(14 + 14, (byte) 113),
                out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(known.count(Verdict.UNKNOWN_SOURCE)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAShortLispHeader() {
        assertThat(decap(frame(22))).isEqualTo(Verdict.MALFORMED_LISP);
    }

    @Test
    void shouldRefuseAnEncryptedPayload() {
        assertThat(decap(frame(16))).isEqualTo(Verdict.ENCRYPTED);
        assertThat(decap(frame(1).put(42, (byte) 0xC2))).isEqualTo(Verdict.ENCRYPTED);
    }

    @Test
    void shouldRefuseAGpeNextProtocolItDoesNotDeliver() {
        assertThat(decap(frame(7))).isEqualTo(Verdict.UNSUPPORTED_NEXT_PROTOCOL); // Next Protocol 3, Ethernet
        assertThat(decap(frame(19))).isEqualTo(Verdict.UNSUPPORTED_NEXT_PROTOCOL);
        // tshark reads frame 20's payload by the nibble (a bogus IPv4 header); P is set, Next Protocol 0x7E.
        assertThat(decap(frame(20))).isEqualTo(Verdict.UNSUPPORTED_NEXT_PROTOCOL);
    }

    @Test
    void shouldRefuseAnInstanceIdNotAllowed() {
        LispDecapsulator vpn = new LispDecapsulator(Set.of(4341), Set.of(100, 2571), null);
        assertThat(vpn.decapsulateFrame(frame(2), out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(vpn.decapsulateFrame(frame(3), out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(vpn.decapsulateFrame(frame(10), out)).isEqualTo(Verdict.UNKNOWN_INSTANCE);
        assertThat(vpn.decapsulateFrame(frame(1), out)).as("no Instance ID").isEqualTo(Verdict.UNKNOWN_INSTANCE);
        assertThat(vpn.count(Verdict.UNKNOWN_INSTANCE)).isEqualTo(2);
        assertThat(vpn.instanceIds()).containsExactly(100, 2571);
    }

    @Test
    void shouldRefuseAnInnerPacketThatIsNotIp() {
        assertThat(decap(frame(1).put(50, (byte) 0x55))).isEqualTo(Verdict.INNER_NOT_IP);
        assertThat(decap(frame(17))).isEqualTo(Verdict.INNER_NOT_IP);
        ByteBuffer gpeMismatch = frame(8);
        gpeMismatch.put(45, (byte) 2); // Next Protocol IPv6 over an IPv4 packet
        assertThat(decap(gpeMismatch)).isEqualTo(Verdict.INNER_NOT_IP);
    }

    @Test
    void shouldRefuseAMalformedInnerHeader() {
        assertThat(decap(frame(1).put(50, (byte) 0x44))).isEqualTo(Verdict.MALFORMED_INNER); // IHL 4
        assertThat(decap(frame(1).putShort(52, (short) 16))).isEqualTo(Verdict.MALFORMED_INNER); // Total Length < IHL * 4
        assertThat(etr.count(Verdict.MALFORMED_INNER)).isEqualTo(2);
    }

    @Test
    void shouldSortAnInnerPacketShorterThanItsFixedHeader() {
        assertThat(decap(innerCut(frame(1), 0))).isEqualTo(Verdict.INNER_NOT_IP);
        assertThat(decap(innerCut(frame(1).put(50, (byte) 0x55), 3))).isEqualTo(Verdict.INNER_NOT_IP);
        assertThat(decap(innerCut(frame(1), 19))).as("IPv4, 19 octets").isEqualTo(Verdict.MALFORMED_INNER);
        assertThat(decap(innerCut(frame(1).put(50, (byte) 0x60), 12))).as("IPv6, 12 octets")
                .isEqualTo(Verdict.MALFORMED_INNER);
        assertThat(decap(innerCut(frame(1).put(50, (byte) 0x60), 31))).as("IPv6, 31 octets")
                .isEqualTo(Verdict.MALFORMED_INNER);
        assertThat(decap(innerCut(frame(1), 20).putShort(52, (short) 20))).as("IPv4 header alone")
                .isEqualTo(Verdict.ACCEPTED);
    }

    /** Frame 1 with its inner packet cut to {@code length} octets, the outer lengths following. */
    private static ByteBuffer innerCut(ByteBuffer b, int length) {
        b.putShort(16, (short) (36 + length)).putShort(38, (short) (16 + length));
        return b.limit(50 + length);
    }

    @Test
    void shouldRefuseAnInnerLengthThatIsNotTheUdpPayload() {
        assertThat(decap(frame(1).putShort(52, (short) 31))).isEqualTo(Verdict.INNER_LENGTH_MISMATCH);
        assertThat(decap(frame(1).putShort(52, (short) 33))).isEqualTo(Verdict.INNER_LENGTH_MISMATCH);
        assertThat(decap(frame(2).putShort(50 + 4, (short) 0))).isEqualTo(Verdict.INNER_LENGTH_MISMATCH);
    }

    @Test
    void shouldDropOuterCongestionOverAnInnerNotEct() {
        ByteBuffer b = frame(1);
        assertThat(b.get(51) & 3).as("inner Not-ECT").isZero();
        assertThat(decap(b.put(15, (byte) (b.get(15) | 3)))).isEqualTo(Verdict.ECN_DROP);
        assertThat(etr.count(Verdict.ECN_DROP)).isEqualTo(1);
    }

    @Test
    void shouldFollowTheDecapsulationTableOfRfc6040() {
        // RFC 6040 §4.2, Figure 4: rows inner Not-ECT, ECT(0), ECT(1), CE; columns outer Not-ECT, ECT(0), ECT(1), CE.
        int notEct = 0;
        int ect1 = 1;
        int ect0 = 2;
        int ce = 3;
        int[] outer = {notEct, ect0, ect1, ce};
        int[][] table = {
            {notEct, notEct, notEct, -1},
            {ect0, ect0, ect1, ce},
            {ect1, ect1, ect1, ce},
            {ce, ce, ce, ce}};
        int[] inner = {notEct, ect0, ect1, ce};
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                assertThat(LispDecapsulator.decapsulatedEcn(outer[c], inner[r])).as("inner %d outer %d", inner[r], outer[c])
                        .isEqualTo(table[r][c]);
            }
        }
        assertThatThrownBy(() -> LispDecapsulator.decapsulatedEcn(4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReportTheInnerEcnAndWriteItOnlyWhenAsked() {
        ByteBuffer b = frame(1);
        b.put(15, (byte) (b.get(15) | 3)); // outer CE
        b.put(51, (byte) (b.get(51) & ~3 | 2)); // inner ECT(0)
        fixInnerChecksum(b);
        byte[] before = b.array().clone();
        assertThat(decap(b)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.arrivingInnerEcn()).isEqualTo(2);
        assertThat(out.innerEcn()).isEqualTo(3);
        assertThat(b.array()).as("not written by decapsulate").isEqualTo(before);
        assertThat(out.applyEcn()).isTrue();
        assertThat(b.get(51) & 3).isEqualTo(3);
        assertThat(InternetChecksum.verifies(b, 50, 20, 0)).as("inner checksum updated").isTrue();
        assertThat(out.applyEcn()).as("already applied").isFalse();

        ByteBuffer v6 = frame(2); // inner IPv6 at 50
        v6.put(15, (byte) (v6.get(15) | 3));
        v6.put(51, (byte) (v6.get(51) & ~0x30 | 0x10)); // ECT(1)
        assertThat(decap(v6)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.arrivingInnerEcn()).isEqualTo(1);
        assertThat(out.innerEcn()).isEqualTo(3);
        assertThat(out.applyEcn()).isTrue();
        assertThat(v6.get(51) >> 4 & 3).isEqualTo(3);

        assertThat(decap(frame(1))).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.applyEcn()).as("nothing to change").isFalse();
        assertThatThrownBy(() -> new LispDecapsulation().applyEcn()).isInstanceOf(IllegalStateException.class);
    }

    private static void fixInnerChecksum(ByteBuffer b) {
        b.putShort(60, (short) 0);
        b.putShort(60, (short) InternetChecksum.checksum(b, 50, 20, 0));
    }

    @Test
    void shouldCountEveryVerdictAndSnapshotTheCounters() {
        for (int n = 1; n <= CAPTURE.frames().size(); n++) {
            decap(frame(n));
        }
        LispDecapsulator.Stats stats = etr.stats();
        for (Verdict v : Verdict.values()) {
            assertThat(stats.count(v)).as(v.name()).isEqualTo(etr.count(v));
        }
        assertThat(stats.packets()).isEqualTo(CAPTURE.frames().size());
        assertThat(stats.accepted() + stats.rejected()).isEqualTo(stats.packets());
        assertThat(etr.rejected()).isEqualTo(stats.rejected());
        decap(frame(1));
        assertThat(stats.accepted()).as("a snapshot does not move").isEqualTo(etr.count(Verdict.ACCEPTED) - 1);
        Map<Verdict, Long> partial = new EnumMap<>(Verdict.class);
        partial.put(Verdict.ACCEPTED, 1L);
        assertThatThrownBy(() -> new LispDecapsulator.Stats(partial)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MALFORMED_LINK");
    }

    @Test
    void shouldRefuseBadLimits() {
        assertThatThrownBy(() -> new LispDecapsulator(List.of(), null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LispDecapsulator(List.of(0), null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LispDecapsulator(List.of(4341), List.of(1 << 24), null))
                .isInstanceOf(IllegalArgumentException.class);
        LispDecapsulator none = new LispDecapsulator(List.of(4341), List.of(), List.of());
        assertThat(none.decapsulateFrame(frame(1), out)).isEqualTo(Verdict.UNKNOWN_SOURCE);
    }
}
