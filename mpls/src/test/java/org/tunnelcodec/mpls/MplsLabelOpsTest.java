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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.ip.Ipv4Decoder;
import org.tunnelcodec.mpls.MplsLabelOps.Result;

/**
 * Swap and pop in place: RFC 3032 §2.4 TTL rules (expiry at incoming TTL 0 or 1, as Linux's
 * {@code mpls_forward} drops TTL &le; 1), RFC 3443 §3 uniform and pipe at pop, the IPv4 header
 * checksum updated by RFC 1624, and nothing written outside the packet or on failure.
 */
class MplsLabelOpsTest {
    private static final MplsBindings NONE = MplsBindings.NONE;

    @Test
    void shouldSwapTheLabelDecrementTheTtlAndKeepTcAndS() {
        // RFC 3032 §2.4.2: outgoing TTL = incoming - 1; TC and S are the entry's own
        ByteBuffer buf = withRoom(2, concat(entry(100, 5, false, 64), entry(200, 0, true, 64)), 2);
        byte[] before = copy(buf);

        assertThat(MplsLabelOps.swap(buf, 2, 10, 0xABCDE)).isEqualTo(Result.LABELLED);

        assertThat(hex(buf, 2, 6)).isEqualTo("abcdea3f");
        byte[] after = copy(buf);
        assertThat(Arrays.copyOfRange(after, 6, after.length)).isEqualTo(Arrays.copyOfRange(before, 6, before.length));
        assertThat(Arrays.copyOfRange(after, 0, 2)).isEqualTo(Arrays.copyOfRange(before, 0, 2));
    }

    @Test
    void shouldKeepTheBottomOfStackBitOnSwap() {
        ByteBuffer buf = ByteBuffer.wrap(entry(100, 7, true, 2));
        assertThat(MplsLabelOps.swap(buf, 0, 4, 16)).isEqualTo(Result.LABELLED);
        assertThat(hex(buf, 0, 4)).isEqualTo("00010f01");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void shouldReportExpiryWithoutWritingWhenTheIncomingTtlIsZeroOrOne(int ttl) {
        // RFC 3032 §2.4.2: outgoing TTL 0 -> not forwarded, labelled or not; Linux mpls_forward drops ttl <= 1.
        // R10: the decoder accepts these TTLs; the forwarding logic decides
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(100, 0, false, ttl), entry(200, 0, true, 64), ipv4(64, new byte[0])));
        byte[] before = copy(buf);
        assertThat(MplsLabelOps.swap(buf, 0, buf.limit(), 300)).isEqualTo(Result.TTL_EXPIRED);
        assertThat(MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.uniform(), NONE)).isEqualTo(Result.TTL_EXPIRED);
        ByteBuffer bottom = ByteBuffer.wrap(concat(entry(0, 0, true, ttl), ipv4(64, new byte[0])));
        byte[] bottomBefore = copy(bottom);
        assertThat(MplsLabelOps.pop(bottom, 0, bottom.limit(), MplsTtlModel.uniform(), NONE)).isEqualTo(Result.TTL_EXPIRED);
        assertThat(MplsLabelOps.pop(bottom, 0, bottom.limit(), MplsTtlModel.pipe(255), NONE)).isEqualTo(Result.TTL_EXPIRED);
        assertThat(copy(buf)).isEqualTo(before);
        assertThat(copy(bottom)).isEqualTo(bottomBefore);
        assertThat(Result.TTL_EXPIRED.done()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7, 15, -1, 0x100000})
    void shouldRefuseAnOutgoingLabelThatCannotStandAloneOnTheWire(int label) {
        // E3: no Implicit NULL; ELI and XL only with the entry they announce
        ByteBuffer buf = ByteBuffer.wrap(entry(100, 0, true, 64));
        assertThatThrownBy(() -> MplsLabelOps.swap(buf, 0, 4, label))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("newLabel: " + label);
        assertThat(hex(buf, 0, 4)).isEqualTo("00064140");
    }

    @Test
    void shouldCheckTheRangeBeforeSwapping() {
        ByteBuffer buf = withRoom(0, entry(100, 0, true, 64), 4);
        byte[] before = copy(buf);
        assertThatThrownBy(() -> MplsLabelOps.swap(buf, 0, 9, 16)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsLabelOps.swap(buf, -1, 4, 16)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsLabelOps.swap(buf, 5, 4, 16)).isInstanceOf(IndexOutOfBoundsException.class);
        // R1: fewer than 4 octets of the packet: truncated, even if the buffer holds more
        assertThatThrownBy(() -> MplsLabelOps.swap(buf, 0, 3, 16))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.protocol()).isEqualTo(MplsHeader.PROTOCOL);
                    assertThat(e.field()).isEqualTo("Label");
                });
        assertThatThrownBy(() -> MplsLabelOps.swap(buf.asReadOnlyBuffer(), 0, 4, 16))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldCopyTheDecrementedTtlIntoTheNextEntryOnUniformPop() {
        // RFC 3443 §3.1: the next entry gets the outgoing TTL; its label, TC and S stay
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(100, 1, false, 10), entry(200, 6, true, 200), ipv4(64, new byte[0])));
        byte[] before = copy(buf);
        assertThat(MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.uniform(), NONE)).isEqualTo(Result.LABELLED);
        assertThat(hex(buf, 4, 8)).isEqualTo("000c8d09");
        byte[] after = copy(buf);
        after[7] = before[7];
        assertThat(after).isEqualTo(before); // the popped entry stays as headroom, nothing else changed
    }

    @Test
    void shouldLeaveTheNextEntryOnPipePop() {
        // RFC 3443 §3.2: nothing is copied back
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(100, 0, false, 10), entry(200, 0, true, 200), ipv4(64, new byte[0])));
        byte[] before = copy(buf);
        assertThat(MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.pipe(255), NONE)).isEqualTo(Result.LABELLED);
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldCopyTheTtlIntoIpv4AndFixItsChecksumOnUniformPop() {
        // RFC 3032 §2.4.3: the IP TTL is replaced "and in IPv4 this also requires modification of the
        // IP header checksum"; RFC 1624 eqn. 3 keeps it valid
        byte[] ip = ipv4(64, hex("04d2162e000a0000"));
        ByteBuffer buf = withRoom(2, concat(entry(0, 0, true, 9), ip), 3);
        assertThat(Ipv4Decoder.verifyChecksum(buf, 6)).isTrue();

        assertThat(MplsLabelOps.pop(buf, 2, 6 + ip.length, MplsTtlModel.uniform(), NONE)).isEqualTo(Result.IPV4);

        assertThat(buf.get(6 + 8)).isEqualTo((byte) 8);
        assertThat(Ipv4Decoder.verifyChecksum(buf, 6)).isTrue();
        byte[] expected = ipv4(8, hex("04d2162e000a0000"));
        assertThat(hex(buf, 6, 6 + ip.length)).isEqualTo(hex(ByteBuffer.wrap(expected), 0, expected.length));
        assertThat(hex(buf, 6 + ip.length, buf.limit())).isEqualTo("dddddd");
    }

    @Test
    void shouldUpdateTheChecksumIncrementallyWhateverTheBufferOrder() {
        byte[] ip = ipv4(255, new byte[0]);
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(0, 0, true, 255), ip)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.uniform(), NONE)).isEqualTo(Result.IPV4);
        assertThat(buf.get(12) & 0xFF).isEqualTo(254);
        assertThat(InternetChecksum.verifies(buf.order(ByteOrder.BIG_ENDIAN), 4, 20, 0)).isTrue();
    }

    @Test
    void shouldCopyTheTtlIntoTheIpv6HopLimitOnUniformPop() {
        byte[] ip = ipv6(64, new byte[4]);
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(2, 0, true, 30), ip));
        assertThat(MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.uniform(), NONE)).isEqualTo(Result.IPV6);
        assertThat(buf.get(4 + 7)).isEqualTo((byte) 29);
    }

    @Test
    void shouldLeaveTheIpHeaderOnPipePop() {
        // RFC 3443 §3.2, §3.3: the egress forwards on the exposed header, decrementing it there
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(0, 0, true, 9), ipv4(64, new byte[0])));
        byte[] before = copy(buf);
        assertThat(MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.pipe(255), NONE)).isEqualTo(Result.IPV4);
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldIdentifyThePayloadAfterTheBottomByTheBindings() {
        // RFC 3032 §2.2: the label's binding says what follows; a non-IP payload has no TTL to copy
        MplsBindings bindings = MplsBindings.builder().bind(2000, MplsPayloadType.PW_ETHERNET_CONTROL_WORD).build();
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(2000, 0, true, 255), hex("00000001 667788 99aabb 001122334455 0800")));
        byte[] before = copy(buf);
        Result r = MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.uniform(), bindings);
        assertThat(r).isEqualTo(Result.PW_ETHERNET_CONTROL_WORD);
        assertThat(r.payloadType()).isEqualTo(MplsPayloadType.PW_ETHERNET_CONTROL_WORD);
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldIdentifyByTheFirstNibbleWithoutBindings() {
        // R12: IPv4 by its first nibble and plausible lengths
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(5000, 0, true, 64), ipv4(64, new byte[0])));
        assertThat(MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.uniform(), NONE)).isEqualTo(Result.IPV4);
        assertThat(buf.get(4 + 8)).isEqualTo((byte) 63);
        assertThat(Ipv4Decoder.verifyChecksum(buf, 4)).isTrue();
    }

    @Test
    void shouldReportAnEmptyPayloadAfterTheBottom() {
        // R11: a stack may end the packet
        ByteBuffer buf = ByteBuffer.wrap(entry(5000, 0, true, 64));
        assertThat(MplsLabelOps.pop(buf, 0, 4, MplsTtlModel.uniform(), NONE)).isEqualTo(Result.NONE);
        assertThat(hex(buf, 0, 4)).isEqualTo("01388140");
    }

    @Test
    void shouldRejectAStackWhoseTopIsNotTheBottomAndNothingFollowsWithoutWriting() {
        // R1: S=0 promises another entry
        ByteBuffer buf = withRoom(0, concat(entry(100, 0, false, 64), hex("000c81")), 4);
        byte[] before = copy(buf);
        assertThatThrownBy(() -> MplsLabelOps.pop(buf, 0, 7, MplsTtlModel.uniform(), NONE))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.available()).isEqualTo(3);
                });
        assertThatThrownBy(() -> MplsLabelOps.pop(buf, 0, 2, MplsTtlModel.uniform(), NONE))
                .isInstanceOf(MalformedPacketException.class);
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldRejectAnIpv4PayloadTooShortForAUniformPopWithoutWriting() {
        // the binding says IPv4, but the octets cannot hold TTL and checksum
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(0, 0, true, 64), hex("4500002412345678")));
        byte[] before = copy(buf);
        assertThatThrownBy(() -> MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.uniform(), NONE))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.protocol()).isEqualTo("ipv4");
                    assertThat(e.field()).isEqualTo("Header Checksum");
                });
        assertThat(copy(buf)).isEqualTo(before);
        // a pipe pop writes nothing, so it needs nothing
        assertThat(MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.pipe(255), NONE)).isEqualTo(Result.IPV4);
    }

    @Test
    void shouldCheckTheRangeBeforePopping() {
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(0, 0, true, 64), ipv4(64, new byte[0])));
        byte[] before = copy(buf);
        assertThatThrownBy(() -> MplsLabelOps.pop(buf, 0, buf.limit() + 1, MplsTtlModel.uniform(), NONE))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsLabelOps.pop(buf, -4, 4, MplsTtlModel.uniform(), NONE))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsLabelOps.pop(buf.asReadOnlyBuffer(), 0, buf.limit(), MplsTtlModel.uniform(), NONE))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldNotWritePastTheGivenEnd() {
        // the IPv4 header lies past the packet's end: the pop must not write into it
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(0, 0, true, 64), ipv4(64, new byte[0])));
        byte[] before = copy(buf);
        assertThatThrownBy(() -> MplsLabelOps.pop(buf, 0, 10, MplsTtlModel.uniform(), NONE))
                .isInstanceOf(MalformedPacketException.class);
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldTakeVectorP1ThroughTwoUniformPops() {
        // P1's stack 100/200 TTL 64 above IPv4 TTL 64: each pop decrements, the last copies into IPv4
        byte[] p1 = hex(MplsPushTest.P1);
        ByteBuffer buf = ByteBuffer.wrap(p1);
        assertThat(MplsLabelOps.pop(buf, 14, p1.length, MplsTtlModel.uniform(), NONE)).isEqualTo(Result.LABELLED);
        assertThat(MplsLabelOps.pop(buf, 18, p1.length, MplsTtlModel.uniform(), NONE)).isEqualTo(Result.IPV4);
        assertThat(buf.get(22 + 8)).isEqualTo((byte) 62);
        assertThat(Ipv4Decoder.verifyChecksum(buf, 22)).isTrue();
    }

    @Test
    void shouldPopTheEntropyPairOfVectorP2InOneOperation() {
        // RFC 6790 §4.1: the ELI and its EL are removed together; the EL's TTL 0 plays no part
        byte[] p2 = hex(MplsPushTest.P2);
        ByteBuffer buf = ByteBuffer.wrap(p2);
        byte[] before = copy(buf);
        assertThat(MplsLabelOps.pop(buf, 42, p2.length, MplsTtlModel.pipe(255), NONE)).isEqualTo(Result.LABELLED);
        assertThat(MplsLabelOps.popEntropyLabel(buf, 46, p2.length, MplsTtlModel.pipe(255), NONE)).isEqualTo(Result.IPV6);
        assertThat(copy(buf)).isEqualTo(before);
        // uniform: popping label 1000 (TTL 63) puts 62 into the ELI, which the pair's pop moves into the Hop Limit
        assertThat(MplsLabelOps.pop(buf, 42, p2.length, MplsTtlModel.uniform(), NONE)).isEqualTo(Result.LABELLED);
        assertThat(buf.get(49)).isEqualTo((byte) 62);
        assertThat(MplsLabelOps.popEntropyLabel(buf, 46, p2.length, MplsTtlModel.uniform(), NONE)).isEqualTo(Result.IPV6);
        assertThat(buf.get(54 + 7)).isEqualTo((byte) 62);
    }

    @Test
    void shouldCopyTheEliTtlPastTheEntropyLabelOnUniformPop() {
        // the ELI carries its LSP's TTL (MplsPush); uniform: the outgoing TTL reaches the IPv6 Hop Limit
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(7, 5, false, 40), entry(0x5A5A5, 0, true, 0), ipv6(63, new byte[0])));
        assertThat(MplsLabelOps.popEntropyLabel(buf, 0, buf.limit(), MplsTtlModel.uniform(), NONE)).isEqualTo(Result.IPV6);
        assertThat(buf.get(8 + 7)).isEqualTo((byte) 40); // no decrement: the pop of the label above made it
        ByteBuffer labelled = ByteBuffer.wrap(concat(entry(7, 5, false, 40), entry(0x5A5A5, 0, false, 0),
                entry(2000, 0, true, 255)));
        assertThat(MplsLabelOps.popEntropyLabel(labelled, 0, 12, MplsTtlModel.uniform(), NONE)).isEqualTo(Result.LABELLED);
        assertThat(hex(labelled, 8, 12)).isEqualTo("007d0128");
    }

    @Test
    void shouldNotMoveATtlOfZeroFromTheEliOnUniformPop() {
        // RFC 3032 §2.4.2: never forward with TTL 0; a pipe model moves nothing, so checks nothing
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(7, 0, false, 0), entry(0x5A5A5, 0, true, 0), ipv6(63, new byte[0])));
        byte[] before = copy(buf);
        assertThat(MplsLabelOps.popEntropyLabel(buf, 0, buf.limit(), MplsTtlModel.uniform(), NONE))
                .isEqualTo(Result.TTL_EXPIRED);
        assertThat(MplsLabelOps.popEntropyLabel(buf, 0, buf.limit(), MplsTtlModel.pipe(255), NONE))
                .isEqualTo(Result.IPV6);
        assertThat(copy(buf)).isEqualTo(before);
    }

    @Test
    void shouldRefuseToPopAnEntropyPairThatIsNotThere() {
        ByteBuffer notEli = ByteBuffer.wrap(concat(entry(100, 0, false, 64), entry(200, 0, true, 64)));
        assertThatThrownBy(() -> MplsLabelOps.popEntropyLabel(notEli, 0, 8, MplsTtlModel.uniform(), NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("top label: 100 (expected: 7, an Entropy Label Indicator)");
        // R5: an ELI at the bottom has no EL
        ByteBuffer eliAtBottom = ByteBuffer.wrap(entry(7, 0, true, 64));
        assertThatThrownBy(() -> MplsLabelOps.popEntropyLabel(eliAtBottom, 0, 4, MplsTtlModel.uniform(), NONE))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE));
        // R1: the EL is cut
        ByteBuffer cut = ByteBuffer.wrap(concat(entry(7, 0, false, 64), hex("5a5a51")));
        byte[] before = copy(cut);
        assertThatThrownBy(() -> MplsLabelOps.popEntropyLabel(cut, 0, 7, MplsTtlModel.uniform(), NONE))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
        assertThat(copy(cut)).isEqualTo(before);
    }

    @Test
    void shouldTreatTheEntropyLabelAsAnEntryWhenPoppedSingly() {
        // documented: under a pipe model a plain pop of the ELI leaves the EL's TTL 0 on top
        ByteBuffer buf = ByteBuffer.wrap(concat(entry(7, 0, false, 64), entry(0x5A5A5, 0, true, 0), ipv6(63, new byte[0])));
        assertThat(MplsLabelOps.pop(buf, 0, buf.limit(), MplsTtlModel.pipe(255), NONE)).isEqualTo(Result.LABELLED);
        assertThat(MplsLabelOps.pop(buf, 4, buf.limit(), MplsTtlModel.pipe(255), NONE)).isEqualTo(Result.TTL_EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(MplsPayloadType.class)
    void shouldHaveAResultForEveryPayloadType(MplsPayloadType type) {
        assertThat(Result.of(type).payloadType()).isEqualTo(type);
        assertThat(Result.of(type).done()).isTrue();
    }

    @Test
    void shouldNameNoPayloadForExpiryOrAStackThatGoesOn() {
        assertThat(Result.TTL_EXPIRED.payloadType()).isNull();
        assertThat(Result.LABELLED.payloadType()).isNull();
        assertThat(Result.LABELLED.done()).isTrue();
    }
}
