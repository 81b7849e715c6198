package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunnelcodec.mpls.OpsPackets.concat;
import static org.tunnelcodec.mpls.OpsPackets.copy;
import static org.tunnelcodec.mpls.OpsPackets.entry;
import static org.tunnelcodec.mpls.OpsPackets.hex;
import static org.tunnelcodec.mpls.OpsPackets.ipv4;
import static org.tunnelcodec.mpls.OpsPackets.ipv6;
import static org.tunnelcodec.mpls.OpsPackets.withRoom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * Pushing label stacks: the encoder rules E1-E4 and E6 (S on the bottom only, no Implicit
 * NULL, ELI followed by an EL of 16 or more with TTL 0, TTL by model), Linux's
 * {@code mpls_xmit} output for vector P1, and the caller's mistakes.
 */
class MplsPushTest {
    /**
     * Vector P1: Linux LWT encap {@code 100/200} of a locally originated IPv4 ping, TTL 64,
     * default sysctls; tshark reads label 100 S=0 TTL 64, label 200 S=1 TTL 64 at offset 14.
     */
    static final String P1 = "020000000002020000000001884700064040000c8140450000241234400040010b930a0000010a090909"
            + "0800619704d2000161626364656667 68";

    /**
     * Vector P2: MPLS-in-UDP with LSE 1000 (TC 5, TTL 63), an ELI (TC 5, TTL 0, illustrative)
     * and the EL 0x5A5A5 (S=1, TC 0, TTL 0) at offset 42, then an IPv6 packet (hop limit 63).
     */
    static final String P2 = "02000000000202000000000108004500"
            + "005c000140004011b68cc0000201c000"
            + "0202d43119eb00480000003e8a3f0000"
            + "7a005a5a510060000000000c3a3f2001"
            + "0db80000000000000000000000012001"
            + "0db80000000000000000000000028000"
            + "456b0007000170696e67";

    @Test
    void shouldReproduceLinuxEncapOfVectorP1() {
        // E6, notes §11: Linux default sysctls (ip_ttl_propagate=1) copy IP TTL 64 into both entries, TC 0
        byte[] frame = hex(P1);
        byte[] expected = frame.clone();
        Arrays.fill(frame, 14, 22, (byte) 0); // the 8 octets of headroom the link header leaves
        ByteBuffer buf = ByteBuffer.wrap(frame);

        int start = MplsPush.of(MplsTtlModel.linuxDefault(), 100, 200).push(buf, 22, frame.length, MplsPayloadType.IPV4);

        assertThat(start).isEqualTo(14);
        assertThat(hex(buf, 14, 22)).isEqualTo("00064040000c8140");
        assertThat(frame).isEqualTo(expected);
    }

    @Test
    void shouldPushLinuxRouteTtlOnEveryEntry() {
        // E6: ip route ... encap mpls 100/200 ttl 32 -> both entries TTL 32, the inner packet unchanged
        byte[] packet = ipv4(64, hex("0800619704d20001"));
        ByteBuffer buf = withRoom(8, packet, 0);
        MplsPush.of(MplsTtlModel.linux(32), 100, 200).push(buf, 8, buf.limit(), MplsPayloadType.IPV4);
        assertThat(hex(buf, 0, 8)).isEqualTo("00064020000c8120");
        assertThat(hex(buf, 8, buf.limit())).isEqualTo(hex(ByteBuffer.wrap(packet), 0, packet.length));
    }

    @Test
    void shouldCopyIpv6HopLimitUnderTheUniformModel() {
        // RFC 3032 §2.4.3: the "IP TTL" of IPv6 is the Hop Limit
        ByteBuffer buf = withRoom(4, ipv6(63, new byte[8]), 0);
        MplsPush.of(MplsTtlModel.uniform(), 1000).push(buf, 4, buf.limit(), MplsPayloadType.IPV6);
        assertThat(hex(buf, 0, 4)).isEqualTo(hex(ByteBuffer.wrap(entry(1000, 0, true, 63)), 0, 4));
    }

    @Test
    void shouldGiveTtl255ToAPayloadWithoutTtlUnderTheUniformModel() {
        // a pseudowire has no TTL to copy: the pushed PW label gets 255, as in vector P3
        ByteBuffer buf = withRoom(4, hex("000000016677 8899aabb0011223344550800"), 0);
        MplsPush.of(MplsTtlModel.uniform(), 2000).push(buf, 4, buf.limit(), MplsPayloadType.PW_ETHERNET_CONTROL_WORD);
        assertThat(hex(buf, 0, 4)).isEqualTo("007d01ff"); // P3 offset 38: label 2000, S 1, TTL 255
    }

    @Test
    void shouldPushTheConstantUnderThePipeModel() {
        // RFC 3443 §3.2
        ByteBuffer buf = withRoom(4, ipv4(64, new byte[0]), 0);
        MplsPush.of(MplsTtlModel.pipe(255), 16).push(buf, 4, buf.limit(), MplsPayloadType.IPV4);
        assertThat(hex(buf, 0, 4)).isEqualTo("000101ff");
    }

    @Test
    void shouldWriteEachLabelsTrafficClass() {
        // E1: label, TC, S, TTL in their bits (RFC 3032 §2.1, RFC 5462 §2)
        ByteBuffer buf = withRoom(12, ipv4(9, new byte[0]), 0);
        MplsPush push = MplsPush.builder(MplsTtlModel.uniform()).label(0xFFFFF, 7).label(16, 0).label(17, 5).build();
        push.push(buf, 12, buf.limit(), MplsPayloadType.IPV4);
        assertThat(hex(buf, 0, 12)).isEqualTo("fffffe09" + "00010009" + "00011b09");
    }

    @Test
    void shouldSetBottomOfStackOnlyOnTheLastEntryOfAnUnlabelledPacket() {
        // E2: S=1 on the last entry only
        ByteBuffer buf = withRoom(12, ipv4(64, new byte[4]), 0);
        int start = MplsPush.of(MplsTtlModel.uniform(), 100, 200, 300).push(buf, 12, buf.limit(), MplsPayloadType.IPV4);
        Decoded<MplsHeader> d = MplsDecoder.decode(buf, start, buf.limit());
        assertThat(d.header().entries()).extracting(LabelStackEntry::label).containsExactly(100, 200, 300);
        assertThat(buf.get(2) & 1).isZero();
        assertThat(buf.get(6) & 1).isZero();
        assertThat(buf.get(10) & 1).isOne();
    }

    @Test
    void shouldClearBottomOfStackOnEveryEntryPushedOntoALabelledPacket() {
        // E2, RFC 3032 §2.4.2: the pushed entries copy the (already decremented) top TTL, S stays on the old bottom
        byte[] labelled = concat(entry(500, 3, true, 17), ipv4(64, new byte[0]));
        ByteBuffer buf = withRoom(8, labelled, 0);
        int start = MplsPush.of(MplsTtlModel.uniform(), 100, 200).pushOntoStack(buf, 8, buf.limit());
        assertThat(start).isZero();
        assertThat(hex(buf, 0, 12)).isEqualTo("00064011" + "000c8011" + "001f4711");
        assertThat(MplsDecoder.decode(buf, 0, buf.limit()).header().depth()).isEqualTo(3);
    }

    @Test
    void shouldPushTheConstantOntoALabelledPacketUnderThePipeModel() {
        ByteBuffer buf = withRoom(4, entry(500, 0, true, 17), 0);
        MplsPush.of(MplsTtlModel.pipe(255), 100).pushOntoStack(buf, 4, buf.limit());
        assertThat(hex(buf, 0, 8)).isEqualTo("000640ff" + "001f4111");
    }

    @Test
    void shouldWriteTheEntropyPairUnderItsLabel() {
        // E4, RFC 6790 §4.2: <TL, ELI, EL, AL>; EL >= 16 with TTL 0; the ELI takes TL's TC and TTL
        byte[] packet = ipv4(50, hex("04d2162e000a0000"));
        ByteBuffer buf = withRoom(16, packet, 0);
        MplsPush push = MplsPush.builder(MplsTtlModel.uniform()).label(1000, 5).label(2000, 1).entropyLabelAfter(1).build();
        assertThat(push.depth()).isEqualTo(4);
        assertThat(push.length()).isEqualTo(16);
        assertThat(push.entropyLabelIndex()).isEqualTo(2);

        push.push(buf, 16, buf.limit(), MplsPayloadType.IPV4);

        MplsHeader h = MplsDecoder.decode(buf, 0, buf.limit()).header();
        int el = MplsPush.entropyLabel(FlowHash.ofIpPacket(ByteBuffer.wrap(packet), 0, packet.length));
        assertThat(h.entries()).containsExactly(new LabelStackEntry(1000, 5, 50), new LabelStackEntry(7, 5, 50),
                new LabelStackEntry(el, 0, 0), new LabelStackEntry(2000, 1, 50));
        assertThat(el).isBetween(16, 0xFFFFF);
        assertThat(MplsPolicy.STRICT.accepts(h)).isTrue();
        assertThat(h.entropyLabelIndex()).isEqualTo(2);
    }

    @Test
    void shouldLayOutTheEntropyPairAsVectorP2() {
        // E4, vector P2: LSE 1000 TC 5 TTL 63, ELI (S=0), EL 0x5A5A5 at the bottom (S=1, TTL 0, TC 0), IPv6 payload
        byte[] p2 = hex(P2);
        byte[] expected = Arrays.copyOfRange(p2, 42, p2.length);
        byte[] packet = Arrays.copyOfRange(expected, 12, expected.length);
        ByteBuffer buf = withRoom(12, packet, 0);
        int hash = hashFor(0x5A5A5);
        MplsPush push = MplsPush.builder(MplsTtlModel.uniform()).label(1000, 5).entropyLabelAfter(1).build();

        push.push(buf, 12, buf.limit(), MplsPayloadType.IPV6, hash);

        // P2's ELI TTL (0) is illustrative; here the ELI carries its LSP label's TTL, 63
        expected[7] = 63;
        assertThat(copy(buf)).isEqualTo(expected);
    }

    @Test
    void shouldHashAnEthernetPseudowireFrameForTheEntropyLabel() {
        // the EL keys on the customer flow: the frame after the control word
        byte[] frame = concat(hex("667788 99aabb 001122 334455 0800"), ipv4(64, hex("04d2162e000a0000")));
        byte[] withCw = concat(hex("00000001"), frame);
        ByteBuffer buf = withRoom(12, withCw, 0);
        MplsPush push = MplsPush.builder(MplsTtlModel.pipe(255)).label(2000).entropyLabelAfter(1).build();
        push.push(buf, 12, buf.limit(), MplsPayloadType.PW_ETHERNET_CONTROL_WORD);
        int expected = MplsPush.entropyLabel(FlowHash.ofEthernetFrame(ByteBuffer.wrap(frame), 0, frame.length));
        assertThat(MplsLayout.label(buf.getInt(8))).isEqualTo(expected);
        assertThat(MplsPush.flowHash(ByteBuffer.wrap(frame), 0, frame.length, MplsPayloadType.PW_ETHERNET))
                .isEqualTo(FlowHash.ofEthernetFrame(ByteBuffer.wrap(frame), 0, frame.length));
    }

    @Test
    void shouldHashThePayloadBelowTheStackWhenPushingEntropyOntoALabelledPacket() {
        byte[] ip = ipv4(64, hex("04d2162e000a0000"));
        ByteBuffer buf = withRoom(12, concat(entry(500, 0, false, 9), entry(600, 0, true, 9), ip), 0);
        MplsPush push = MplsPush.builder(MplsTtlModel.uniform()).label(100).entropyLabelAfter(1).build();
        push.pushOntoStack(buf, 12, buf.limit());
        assertThat(MplsLayout.label(buf.getInt(8)))
                .isEqualTo(MplsPush.entropyLabel(FlowHash.ofIpPacket(ByteBuffer.wrap(ip), 0, ip.length)));
        assertThat(buf.getInt(8) & 0x1FF).isZero(); // S=0 and TTL 0 on the EL
    }

    @Test
    void shouldMapFlowHashesOntoUnreservedLabels() {
        // RFC 6790 §4: an EL is never 0-15
        assertThat(MplsPush.entropyLabel(0)).isEqualTo(16);
        assertThat(MplsPush.entropyLabel(-1)).isEqualTo(0xFFFFF);
        assertThat(MplsPush.entropyLabel(Integer.MIN_VALUE)).isBetween(16, 0xFFFFF);
        assertThat(MplsPush.entropyLabel(hashFor(0x5A5A5))).isEqualTo(0x5A5A5);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7, 15})
    void shouldRefuseImplicitNullAndAnnouncingLabelsAsPlainLabels(int label) {
        // E3: never label 3 (Linux: "Implicit NULL Label (3) can not be used in encapsulation");
        // 7 and 15 only with the entry they announce
        assertThatThrownBy(() -> MplsPush.of(MplsTtlModel.uniform(), 100, label))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("label: " + label + " (expected: not ");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 13, 14})
    void shouldWriteOtherSpecialPurposeLabelsAsGiven(int label) {
        // as Linux's encap does; MplsPolicy.STRICT judges their placement
        ByteBuffer buf = withRoom(4, ipv4(64, new byte[0]), 0);
        MplsPush.of(MplsTtlModel.uniform(), label).push(buf, 4, buf.limit(), MplsPayloadType.IPV4);
        assertThat(MplsDecoder.topLabel(buf, 0)).isEqualTo(label);
    }

    @Test
    void shouldRefuseLabelsOutOfRangeNoneOrMoreThanThirty() {
        assertThatThrownBy(() -> MplsPush.of(MplsTtlModel.uniform(), 0x100000))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("label: 1048576 (expected: 0..1048575)");
        assertThatThrownBy(() -> MplsPush.of(MplsTtlModel.uniform(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("label: -1 (expected: 0..1048575)");
        assertThatThrownBy(() -> MplsPush.of(MplsTtlModel.uniform()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labels: 0 (expected: 1..30)");
        int[] thirty = new int[30];
        Arrays.fill(thirty, 16);
        assertThat(MplsPush.of(MplsTtlModel.uniform(), thirty).depth()).isEqualTo(30);
        int[] thirtyOne = Arrays.copyOf(thirty, 31);
        assertThatThrownBy(() -> MplsPush.of(MplsTtlModel.uniform(), thirtyOne))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAX_NEW_LABELS");
        assertThatThrownBy(() -> MplsPush.builder(MplsTtlModel.uniform()).label(16, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trafficClass: 8 (expected: 0..7)");
    }

    @Test
    void shouldAcceptThirtyLabelsPlusTheEntropyPairAndDecodeThemWithTheDefaultBound() {
        int[] thirty = new int[30];
        Arrays.fill(thirty, 16);
        MplsPush.Builder b = MplsPush.builder(MplsTtlModel.uniform());
        for (int l : thirty) {
            b.label(l);
        }
        MplsPush push = b.entropyLabelAfter(30).build();
        ByteBuffer buf = withRoom(push.length(), ipv4(64, new byte[0]), 0);
        int start = push.push(buf, push.length(), buf.limit(), MplsPayloadType.IPV4);
        assertThat(MplsDecoder.decode(buf, start, buf.limit()).header().depth()).isEqualTo(32);
    }

    @Test
    void shouldRefuseAnEntropyPairOutsideTheLabels() {
        // RFC 6790 §4.2: the ELI stands below the label of its LSP
        assertThatThrownBy(() -> MplsPush.builder(MplsTtlModel.uniform()).label(100).entropyLabelAfter(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labelsAbove: 0 (expected: 1..30)");
        assertThatThrownBy(() -> MplsPush.builder(MplsTtlModel.uniform()).label(100).entropyLabelAfter(2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labelsAbove: 2 (expected: 1..1, the number of labels)");
    }

    @Test
    void shouldRefuseTooLittleHeadroomWithoutWriting() {
        ByteBuffer buf = withRoom(7, ipv4(64, new byte[0]), 0);
        byte[] before = copy(buf);
        MplsPush push = MplsPush.of(MplsTtlModel.uniform(), 100, 200);
        assertThatThrownBy(() -> push.push(buf, 7, buf.limit(), MplsPayloadType.IPV4))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("headroom: 7 (expected: >= 8)");
        assertThatThrownBy(() -> push.pushOntoStack(buf, 7, buf.limit()))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldRefuseARangeOutsideTheBufferWithoutWriting() {
        ByteBuffer buf = withRoom(8, ipv4(64, new byte[0]), 0);
        byte[] before = copy(buf);
        MplsPush push = MplsPush.of(MplsTtlModel.uniform(), 100);
        assertThatThrownBy(() -> push.push(buf, 8, buf.limit() + 1, MplsPayloadType.IPV4))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> push.push(buf, 9, 8, MplsPayloadType.IPV4))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> push.push(buf, -4, 8, MplsPayloadType.IPV4))
                .isInstanceOf(IndexOutOfBoundsException.class);
        buf.limit(20);
        assertThatThrownBy(() -> push.push(buf, 8, 28, MplsPayloadType.IPV4))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldRefuseAReadOnlyBuffer() {
        ByteBuffer buf = withRoom(4, ipv4(64, new byte[0]), 0).asReadOnlyBuffer();
        assertThatThrownBy(() -> MplsPush.of(MplsTtlModel.uniform(), 100).push(buf, 4, buf.limit(), MplsPayloadType.IPV4))
                .isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void shouldRejectAnIpPacketTooShortForItsTtlWithoutWriting() {
        ByteBuffer buf = withRoom(4, hex("4500002412345678"), 0); // 8 octets: no Time to Live
        byte[] before = copy(buf);
        MplsPush uniform = MplsPush.of(MplsTtlModel.uniform(), 100);
        assertThatThrownBy(() -> uniform.push(buf, 4, buf.limit(), MplsPayloadType.IPV4))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.protocol()).isEqualTo("ipv4");
                    assertThat(e.field()).isEqualTo("Time to Live");
                });
        assertThatThrownBy(() -> uniform.push(buf, 4, 11, MplsPayloadType.IPV6))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.field()).isEqualTo("Hop Limit"));
        assertThat(copy(buf)).isEqualTo(before);
        // a pipe model reads no TTL
        assertThat(MplsPush.of(MplsTtlModel.pipe(255), 100).push(buf, 4, buf.limit(), MplsPayloadType.IPV4)).isZero();
    }

    @Test
    void shouldRejectATruncatedStackWithoutWriting() {
        // R1: a labelled packet needs a whole top entry; with an entropy label, a bottom of stack
        ByteBuffer buf = withRoom(12, hex("00064040 000c80"), 0);
        byte[] before = copy(buf);
        assertThatThrownBy(() -> MplsPush.of(MplsTtlModel.uniform(), 100).pushOntoStack(buf, 12, 15))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
        MplsPush withEntropy = MplsPush.builder(MplsTtlModel.uniform()).label(100).entropyLabelAfter(1).build();
        assertThatThrownBy(() -> withEntropy.pushOntoStack(buf, 12, buf.limit()))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldWriteTheSameOctetsWhateverTheBufferOrder() {
        ByteBuffer big = withRoom(8, ipv4(64, new byte[0]), 0);
        ByteBuffer little = withRoom(8, ipv4(64, new byte[0]), 0).order(ByteOrder.LITTLE_ENDIAN);
        MplsPush push = MplsPush.of(MplsTtlModel.uniform(), 100, 200);
        push.push(big, 8, big.limit(), MplsPayloadType.IPV4);
        push.push(little, 8, little.limit(), MplsPayloadType.IPV4);
        assertThat(copy(little)).isEqualTo(copy(big));
        assertThat(little.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(little.position()).isZero();
    }

    @Test
    void shouldWriteTheSameOctetsIntoSlicesAndDirectBuffers() {
        // Heap buffers are written through their array, the others through the buffer: both
        // paths, with a short stack (the unrolled stores) and a long one (the loop).
        for (MplsPush push : new MplsPush[] {
            MplsPush.builder(MplsTtlModel.uniform()).label(100, 5).label(200, 1).entropyLabelAfter(1).build(),
            MplsPush.of(MplsTtlModel.uniform(), 100, 200, 300, 400, 500, 600)}) {
            byte[] ip = ipv4(64, new byte[] {1, 2, 3, 4});
            int room = push.length();
            ByteBuffer expected = withRoom(room, ip, 0);
            push.push(expected, room, expected.limit(), MplsPayloadType.IPV4);
            ByteBuffer slice = ByteBuffer.allocate(expected.capacity() + 9).slice(7, expected.capacity());
            slice.put(0, withRoom(room, ip, 0).array());
            push.push(slice, room, slice.limit(), MplsPayloadType.IPV4);
            assertThat(slice.arrayOffset()).isEqualTo(7);
            assertThat(copy(slice)).isEqualTo(copy(expected));
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                ByteBuffer direct = ByteBuffer.allocateDirect(expected.capacity()).order(order);
                direct.put(0, withRoom(room, ip, 0).array());
                push.push(direct, room, direct.limit(), MplsPayloadType.IPV4);
                assertThat(copy(direct)).as("direct, " + order).isEqualTo(copy(expected));
            }
        }
    }

    @Test
    void shouldEncodeAtThePositionWithoutMovingIt() {
        MplsPush push = MplsPush.builder(MplsTtlModel.uniform()).label(1000, 5).entropyLabelAfter(1).build();
        ByteBuffer dst = ByteBuffer.allocate(20).position(4);
        assertThat(push.encode(dst, 63, hashFor(0x5A5A5), true)).isEqualTo(12);
        assertThat(dst.position()).isEqualTo(4);
        assertThat(hex(dst, 4, 16)).isEqualTo("003e8a3f00007a3f5a5a5100");
        assertThat(push.encode(dst.clear(), 63, hashFor(0x5A5A5), false)).isEqualTo(12);
        assertThat(dst.get(10) & 1).isZero();
        assertThatThrownBy(() -> push.encode(ByteBuffer.allocate(11), 63, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dst.remaining(): 11 (expected: >= 12)");
        assertThatThrownBy(() -> push.encode(dst, 256, 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("innerTtl: 256 (expected: 0..255)");
    }

    @Test
    void shouldDescribeItself() {
        MplsPush push = MplsPush.builder(MplsTtlModel.pipe(255)).label(1000, 5).label(16).entropyLabelAfter(1).build();
        assertThat(push).hasToString("MplsPush[1000 tc 5, ELI tc 5, EL, 16 tc 0; pipe(255)]");
        assertThat(push.ttlModel()).isEqualTo(MplsTtlModel.pipe(255));
        assertThat(MplsPush.of(MplsTtlModel.uniform(), 16).entropyLabelIndex()).isEqualTo(-1);
    }

    /** The smallest flow hash that {@link MplsPush#entropyLabel} maps onto {@code label}. */
    static int hashFor(int label) {
        long range = 0xFFFFFL - 16 + 1;
        return (int) ((((long) (label - 16) << 32) + range - 1) / range);
    }
}
