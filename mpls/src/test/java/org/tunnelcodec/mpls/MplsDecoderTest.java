package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunnelcodec.mpls.MplsVectors.P1;
import static org.tunnelcodec.mpls.MplsVectors.P1_STACK;
import static org.tunnelcodec.mpls.MplsVectors.P2;
import static org.tunnelcodec.mpls.MplsVectors.P2_STACK;
import static org.tunnelcodec.mpls.MplsVectors.P3;
import static org.tunnelcodec.mpls.MplsVectors.P3_STACK;
import static org.tunnelcodec.mpls.MplsVectors.P4;
import static org.tunnelcodec.mpls.MplsVectors.P4_STACK;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * The vectors P1-P4 decoded field by field, with the values tshark 4.0.17 shows for them and
 * the RFC figures (RFC 3032 §2.1 entry layout, RFC 6790 §4 entropy label, RFC 4448 §4.6 control
 * word, RFC 5586 §4 GAL), their negative variants, and the receiver rules R1-R12 that apply to
 * the label stack, each test naming its rule. (R13-R15 are the control word's and the ACH's,
 * R16-R17 the dissector's.)
 */
class MplsDecoderTest {
    private static ByteBuffer at(String vector, int stack) {
        return ByteBuffer.wrap(MplsVectors.bytes(vector)).position(stack);
    }

    private static ByteBuffer wire(String hex) {
        return ByteBuffer.wrap(MplsArbitraries.hex(hex));
    }

    private static LabelStackEntry entry(int label, int tc, int ttl) {
        return new LabelStackEntry(label, tc, ttl);
    }

    private static MalformedPacketException malformed(Runnable r) {
        try {
            r.run();
        } catch (MalformedPacketException e) {
            return e;
        }
        throw new AssertionError("no MalformedPacketException");
    }

    // ---------------------------------------------------------------- vectors

    @Test
    void shouldDecodeTheLinuxEncapStackOfVectorP1() {
        // tshark: label 100, exp 0, S 0, ttl 64; label 200, exp 0, S 1, ttl 64; then IPv4
        ByteBuffer b = at(P1, P1_STACK);
        Decoded<MplsHeader> d = MplsDecoder.decode(b);
        MplsHeader h = d.header();
        assertThat(h.entries()).containsExactly(entry(100, 0, 64), entry(200, 0, 64));
        assertThat(h.top()).isEqualTo(entry(100, 0, 64));
        assertThat(h.bottom()).isEqualTo(entry(200, 0, 64));
        assertThat(h.depth()).isEqualTo(2);
        assertThat(h.word(0)).isEqualTo(0x0006_4040); // S clear
        assertThat(h.word(1)).isEqualTo(0x000c_8140); // S set
        assertThat(h.length()).isEqualTo(8);
        assertThat(d.headerLength()).isEqualTo(8);
        assertThat(d.payloadIndex()).isEqualTo(22);
        assertThat(d.payloadLength()).isEqualTo(36); // the IPv4 packet, Total Length 36
        assertThat(d.payload().get(0)).isEqualTo((byte) 0x45);
        assertThat(b.position()).isEqualTo(P1_STACK);
        assertThat(MplsBindings.NONE.identify(h, b, d.payloadIndex(), b.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
        assertThat(MplsPolicy.STRICT.accepts(h)).isTrue();
        assertThat(h.entropyLabelIndex()).isEqualTo(-1);
    }

    @Test
    void shouldDecodeTheEntropyLabelOfVectorP2() {
        // tshark: label 1000 exp 5 ttl 63; label 7 (ELI) exp 5 ttl 0; label 370085 exp 0 S 1 ttl 0; then IPv6
        ByteBuffer b = at(P2, P2_STACK);
        Decoded<MplsHeader> d = MplsDecoder.decode(b);
        MplsHeader h = d.header();
        assertThat(h.entries()).containsExactly(entry(1000, 5, 63), entry(7, 5, 0), entry(0x5A5A5, 0, 0));
        assertThat(h.label(2)).isEqualTo(370085);
        assertThat(h.entries().get(1).labelCode()).isEqualTo(MplsLabel.ENTROPY_LABEL_INDICATOR);
        assertThat(h.entropyLabelIndex()).isEqualTo(2);
        assertThat(d.headerLength()).isEqualTo(12);
        assertThat(d.payloadIndex()).isEqualTo(54);
        assertThat(d.payloadLength()).isEqualTo(52); // 40 + Payload Length 12
        assertThat(MplsBindings.NONE.identify(h, b, d.payloadIndex(), b.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.IPV6, MplsPayloadRule.FIRST_NIBBLE));
        // R10: TTL 0 on the ELI and the entropy label; RFC 6790 §4: EL 370085 >= 16
        assertThat(MplsPolicy.STRICT.accepts(h)).isTrue();
    }

    @Test
    void shouldDecodeThePseudowireLabelOfVectorP3() {
        // tshark: label 2000, exp 0, S 1, ttl 255; then "PW Ethernet Control Word" sequence 1
        ByteBuffer b = at(P3, P3_STACK);
        Decoded<MplsHeader> d = MplsDecoder.decode(b);
        assertThat(d.header()).isEqualTo(MplsHeader.of(entry(2000, 0, 255)));
        assertThat(d.header().word(0)).isEqualTo(0x007d_01ff);
        assertThat(d.headerLength()).isEqualTo(4);
        assertThat(d.payloadIndex()).isEqualTo(42);
        assertThat(d.payloadLength()).isEqualTo(48);
        // without a binding only the first nibble (0) leads to the control word, as in Wireshark
        assertThat(MplsBindings.NONE.identify(d.header(), b, d.payloadIndex(), b.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.PW_ETHERNET_CONTROL_WORD, MplsPayloadRule.FIRST_NIBBLE));
        MplsBindings pw = MplsBindings.builder().bind(2000, MplsPayloadType.PW_ETHERNET_CONTROL_WORD).build();
        assertThat(pw.identify(d.header(), b, d.payloadIndex(), b.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.PW_ETHERNET_CONTROL_WORD, MplsPayloadRule.BINDING));
    }

    @Test
    void shouldDecodeTheGalOfVectorP4() {
        // tshark: label 500, exp 0, S 0, ttl 255; label 13 (GAL), exp 0, S 1, ttl 1; then ACH channel type 7
        ByteBuffer b = at(P4, P4_STACK);
        Decoded<MplsHeader> d = MplsDecoder.decode(b);
        MplsHeader h = d.header();
        assertThat(h.entries()).containsExactly(entry(500, 0, 255), entry(13, 0, 1));
        assertThat(h.bottom().labelCode()).isEqualTo(MplsLabel.GAL);
        assertThat(h.bottomLabel()).isEqualTo(13);
        assertThat(d.headerLength()).isEqualTo(8);
        assertThat(d.payloadIndex()).isEqualTo(22);
        assertThat(d.payloadLength()).isEqualTo(28); // ACH (4) + BFD control (24)
        assertThat(MplsBindings.NONE.identify(h, b, d.payloadIndex(), b.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.ACH, MplsPayloadRule.GAL));
        assertThat(MplsPolicy.STRICT.accepts(h)).isTrue(); // R10: the GAL's TTL 1
    }

    @Test
    void shouldPeekAtTheVectorsAsTheyDecode() {
        assertThat(MplsDecoder.topLabel(ByteBuffer.wrap(MplsVectors.bytes(P1)), P1_STACK)).isEqualTo(100);
        assertThat(MplsDecoder.topWord(ByteBuffer.wrap(MplsVectors.bytes(P2)), P2_STACK)).isEqualTo(0x003e_8a3f);
        assertThat(MplsDecoder.depth(ByteBuffer.wrap(MplsVectors.bytes(P2)), P2_STACK)).isEqualTo(3);
        assertThat(MplsDecoder.bottomOfStack(ByteBuffer.wrap(MplsVectors.bytes(P2)), P2_STACK)).isEqualTo(50);
        assertThat(MplsDecoder.bottomOfStack(ByteBuffer.wrap(MplsVectors.bytes(P3)), P3_STACK)).isEqualTo(P3_STACK);
        assertThat(MplsDecoder.depth(ByteBuffer.wrap(MplsVectors.bytes(P4)), P4_STACK)).isEqualTo(2);
    }

    @Test
    void shouldDecodeTheVectorsThroughTheIndexedDecodeAsThroughThePosition() {
        String[] vectors = {P1, P2, P3, P4};
        int[] stacks = {P1_STACK, P2_STACK, P3_STACK, P4_STACK};
        for (int i = 0; i < vectors.length; i++) {
            String v = vectors[i];
            int stack = stacks[i];
            ByteBuffer b = ByteBuffer.wrap(MplsVectors.bytes(v));
            Decoded<MplsHeader> indexed = MplsDecoder.decode(b, stack, b.limit());
            assertThat(indexed).isEqualTo(MplsDecoder.decode(at(v, stack)));
            assertThat(b.position()).isZero();
        }
    }

    // ---------------------------------------------------------------- negative vectors

    @Test
    void shouldIdentifyThePayloadDifferentlyWhenP1SetsSOnItsTopEntry() {
        // R12: P1 with offset 16 40 -> 41: label 100 is now the bottom, and the "payload" is the
        // old second entry 00 0c 81 40, first nibble 0: the heuristic calls it a control word and
        // says that it guessed
        byte[] bytes = MplsVectors.bytes(P1);
        bytes[16] = 0x41;
        ByteBuffer b = ByteBuffer.wrap(bytes).position(P1_STACK);
        Decoded<MplsHeader> d = MplsDecoder.decode(b);
        assertThat(d.header()).isEqualTo(MplsHeader.of(entry(100, 0, 64)));
        assertThat(d.payloadIndex()).isEqualTo(18);
        assertThat(d.payloadLength()).isEqualTo(40);
        MplsPayload p = MplsBindings.NONE.identify(d.header(), b, d.payloadIndex(), b.limit());
        assertThat(p.type()).isEqualTo(MplsPayloadType.PW_ETHERNET_CONTROL_WORD);
        assertThat(p.rule()).isEqualTo(MplsPayloadRule.FIRST_NIBBLE);
        // a binding of label 100 settles it
        MplsBindings ipv4 = MplsBindings.builder().bind(100, MplsPayloadType.IPV4).build();
        assertThat(ipv4.identify(d.header(), b, d.payloadIndex(), b.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.IPV4, MplsPayloadRule.BINDING));
    }

    @Test
    void shouldRejectP1TruncatedAtOffset20AsATruncatedLabelR1() {
        // R1: the second entry starts at 18 and only 2 of its 4 octets are there
        ByteBuffer b = ByteBuffer.wrap(Arrays.copyOf(MplsVectors.bytes(P1), 20)).position(P1_STACK);
        MalformedPacketException e = malformed(() -> MplsDecoder.decode(b));
        assertThat(e.protocol()).isEqualTo("mpls");
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.field()).isEqualTo("Label");
        assertThat(e.offset()).isEqualTo(4); // from the top entry
        assertThat(e.required()).isEqualTo(4);
        assertThat(e.available()).isEqualTo(2);
        assertThat(e.boundedBy()).isNull();
        assertThat(e.getMessage()).isEqualTo("mpls Label truncated at offset 4: 2 bytes available (expected: 4)");
        // the peeks and the view say the same
        assertThat(malformed(() -> MplsDecoder.depth(b, P1_STACK))).hasMessage(e.getMessage());
        assertThat(malformed(() -> MplsDecoder.bottomOfStack(b, P1_STACK))).hasMessage(e.getMessage());
        assertThat(malformed(() -> new MplsView().wrap(b))).hasMessage(e.getMessage());
        assertThat(MplsDecoder.topLabel(b, P1_STACK)).isEqualTo(100); // the top entry is whole
    }

    @Test
    void shouldRejectGalWithSClearInP4UnderStrictAndAcceptItUnderLenientR7() {
        // R7: P4 with offset 20 d1 -> d0: the GAL no longer ends the stack, which now runs into the
        // ACH (10 00 00 07, S 0) and the BFD header (20 c0 03 18, S 1)
        byte[] bytes = MplsVectors.bytes(P4);
        bytes[20] = (byte) 0xd0;
        Decoded<MplsHeader> d = MplsDecoder.decode(ByteBuffer.wrap(bytes).position(P4_STACK));
        MplsHeader h = d.header();
        assertThat(h.entries()).containsExactly(entry(500, 0, 255), entry(13, 0, 1), entry(0x10000, 0, 7),
                entry(0x20c00, 1, 0x18));
        MalformedPacketException e = malformed(() -> MplsPolicy.STRICT.check(h));
        assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(e.field()).isEqualTo("Label");
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e.value()).isEqualTo(13);
        assertThat(e.detail()).contains("GAL").contains("RFC 5586 §4");
        assertThat(MplsPolicy.STRICT.firstViolation(h)).isEqualTo(1);
        assertThat(MplsPolicy.LENIENT.accepts(h)).isTrue();
        MplsPolicy.LENIENT.check(h);
    }

    @Test
    void shouldRejectAFortyEntryStackWithoutSAtTheDefaultBoundR2() {
        // R2: 40 entries, none with S: the decoder stops after 32 instead of reading on
        ByteBuffer b = ByteBuffer.wrap(MplsArbitraries.run(40, false));
        MalformedPacketException e = malformed(() -> MplsDecoder.decode(b));
        assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(e.field()).isEqualTo("S");
        assertThat(e.offset()).isEqualTo(31 * 4); // the 32nd entry, still without S
        assertThat(e.value()).isEqualTo(MplsDecoder.DEFAULT_MAX_DEPTH);
        assertThat(e.detail()).contains("32").contains("RFC 3032 §2.1");
        assertThat(MplsDecoder.DEFAULT_MAX_DEPTH).isEqualTo(32);
        assertThat(malformed(() -> MplsDecoder.depth(b, 0))).hasMessage(e.getMessage());
        assertThat(malformed(() -> new MplsView().wrap(b))).hasMessage(e.getMessage());
    }

    @Test
    void shouldRejectAStackOfThirtyThreeEntriesAtTheDefaultBoundEvenWithSOnTheLastR2() {
        ByteBuffer b = ByteBuffer.wrap(MplsArbitraries.run(32, true));
        assertThat(malformed(() -> MplsDecoder.decode(b)).reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(MplsDecoder.decode(b, 0, b.limit(), 33).header().depth()).isEqualTo(33);
    }

    @Test
    void shouldDecodeTheThirtyLabelsLinuxPushesAndThirtyTwoR2() {
        // R2: the default bound lets a Linux-built stack (MAX_NEW_LABELS 30) through
        for (int depth : new int[] {1, 2, 30, 31, 32}) {
            ByteBuffer b = ByteBuffer.wrap(MplsArbitraries.run(depth - 1, true));
            Decoded<MplsHeader> d = MplsDecoder.decode(b);
            assertThat(d.header().depth()).isEqualTo(depth);
            assertThat(d.headerLength()).isEqualTo(4 * depth);
            assertThat(d.header().bottomLabel()).isEqualTo(99);
            assertThat(d.header().label(0)).isEqualTo(depth == 1 ? 99 : 1000);
        }
    }

    @Test
    void shouldDecodeUpToACustomMaxDepthAndNoFurtherR2() {
        ByteBuffer b = ByteBuffer.wrap(MplsArbitraries.run(39, true)); // 40 entries
        assertThat(MplsDecoder.decode(b, 0, b.limit(), 40).header().depth()).isEqualTo(40);
        assertThat(MplsDecoder.scan(b, 0, b.limit(), 40)).isEqualTo(40);
        MalformedPacketException e = malformed(() -> MplsDecoder.decode(b, 0, b.limit(), 39));
        assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(e.value()).isEqualTo(39);
        assertThat(e.offset()).isEqualTo(38 * 4);
        // a bound of 1 accepts a single entry only
        assertThat(MplsDecoder.decode(wire("00064140"), 0, 4, 1).header().depth()).isEqualTo(1);
        assertThat(malformed(() -> MplsDecoder.decode(wire("00064040 000c8140"), 0, 8, 1)).reason())
                .isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    @Test
    void shouldDecodeTheDeepestStackTheLargestBoundAllows() {
        ByteBuffer b = ByteBuffer.wrap(MplsArbitraries.run(MplsDecoder.MAX_DEPTH_BOUND - 1, true));
        Decoded<MplsHeader> d = MplsDecoder.decode(b, 0, b.limit(), MplsDecoder.MAX_DEPTH_BOUND);
        assertThat(d.header().depth()).isEqualTo(4096);
        assertThat(d.payloadLength()).isZero();
        ByteBuffer deeper = ByteBuffer.wrap(MplsArbitraries.run(MplsDecoder.MAX_DEPTH_BOUND, true));
        assertThat(malformed(() -> MplsDecoder.decode(deeper, 0, deeper.limit(), MplsDecoder.MAX_DEPTH_BOUND)).reason())
                .isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 4097, Integer.MAX_VALUE})
    void shouldRefuseADepthBoundOutOfRangeAsACallerMistake(int maxDepth) {
        ByteBuffer b = at(P1, P1_STACK);
        assertThatThrownBy(() -> MplsDecoder.decode(b, P1_STACK, b.limit(), maxDepth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDepth: " + maxDepth + " (expected: 1..4096)");
        assertThatThrownBy(() -> MplsDecoder.scan(b, P1_STACK, b.limit(), maxDepth))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- R1: truncation

    @Test
    void shouldRejectEveryCutInsideEveryEntryAsTruncatedAtThatEntryR1() {
        byte[] stack = MplsArbitraries.hex("003e8a3f 00007a00 5a5a5100"); // P2's stack
        for (int len = 0; len < stack.length; len++) {
            ByteBuffer b = ByteBuffer.wrap(Arrays.copyOf(stack, len));
            MalformedPacketException e = malformed(() -> MplsDecoder.decode(b));
            int entry = len / 4;
            assertThat(e.reason()).as("cut at %d", len).isEqualTo(Reason.TRUNCATED);
            assertThat(e.field()).isEqualTo("Label");
            assertThat(e.offset()).as("cut at %d", len).isEqualTo(entry * 4);
            assertThat(e.available()).isEqualTo(len - entry * 4);
            assertThat(e.required()).isEqualTo(4);
        }
    }

    @Test
    void shouldRejectAnEmptyBufferAsATruncatedTopEntryR1() {
        MalformedPacketException e = malformed(() -> MplsDecoder.decode(ByteBuffer.allocate(0)));
        assertThat(e.getMessage()).isEqualTo("mpls Label truncated at offset 0: 0 bytes available (expected: 4)");
        assertThat(malformed(() -> MplsDecoder.topLabel(ByteBuffer.allocate(3), 0))).hasMessage(
                "mpls Label truncated at offset 0: 3 bytes available (expected: 4)");
    }

    @Test
    void shouldStopAtTheLimitGivenNotAtTheBufferLimitR1() {
        // the whole of P1 is in the buffer, but the caller's range ends inside the second entry
        ByteBuffer b = ByteBuffer.wrap(MplsVectors.bytes(P1));
        MalformedPacketException e = malformed(() -> MplsDecoder.decode(b, P1_STACK, 21));
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e.available()).isEqualTo(3);
        assertThat(MplsDecoder.decode(b, P1_STACK, 22).payloadLength()).isZero();
    }

    // ---------------------------------------------------------------- R3-R9: kept by the decoder, judged by the policy

    @Test
    void shouldKeepImplicitNullOnTheWireForThePolicyToRejectR3() {
        // R3: label 3 in the middle; tshark shows "Implicit-Null" without a warning, the decoder keeps it
        MplsHeader h = MplsDecoder.decode(wire("00064040 00003040 000c8140")).header();
        assertThat(h.label(1)).isEqualTo(3);
        assertThat(h.entries().get(1).labelCode()).isEqualTo(MplsLabel.IMPLICIT_NULL);
        assertThat(malformed(() -> MplsPolicy.STRICT.check(h)).offset()).isEqualTo(4);
        assertThat(MplsPolicy.LENIENT.accepts(h)).isTrue();
    }

    @Test
    void shouldKeepRouterAlertAtTheBottomForThePolicyToRejectR4() {
        MplsHeader h = MplsDecoder.decode(wire("00064040 00001140")).header();
        assertThat(h.bottomLabel()).isEqualTo(1);
        assertThat(malformed(() -> MplsPolicy.STRICT.check(h)).value()).isEqualTo(1);
        // above the bottom it is where it belongs
        assertThat(MplsPolicy.STRICT.accepts(MplsDecoder.decode(wire("00001040 000c8140")).header())).isTrue();
    }

    @Test
    void shouldKeepAnEliAtTheBottomForThePolicyToRejectR5() {
        MplsHeader h = MplsDecoder.decode(wire("00064040 00007100")).header();
        assertThat(h.bottomLabel()).isEqualTo(7);
        assertThat(h.entropyLabelIndex()).isEqualTo(-1); // no entry follows it
        assertThat(malformed(() -> MplsPolicy.STRICT.check(h)).offset()).isEqualTo(4);
    }

    @Test
    void shouldKeepASpecialPurposeEntropyLabelForThePolicyToRejectR6() {
        MplsHeader h = MplsDecoder.decode(wire("00064040 00007000 0000f100")).header(); // ELI, then "EL" 15
        assertThat(h.entropyLabelIndex()).isEqualTo(2);
        assertThat(h.label(2)).isEqualTo(15);
        MalformedPacketException e = malformed(() -> MplsPolicy.STRICT.check(h));
        assertThat(e.offset()).isEqualTo(8);
        assertThat(e.detail()).contains("RFC 6790 §4");
    }

    @Test
    void shouldKeepASecondGalForThePolicyToRejectR7() {
        MplsHeader h = MplsDecoder.decode(wire("0000d001 0000d101")).header();
        assertThat(h.entries()).containsExactly(entry(13, 0, 1), entry(13, 0, 1));
        assertThat(MplsPolicy.STRICT.firstViolation(h)).isZero();
    }

    @Test
    void shouldKeepAnXlAtTheBottomForThePolicyToRejectR8() {
        MplsHeader h = MplsDecoder.decode(wire("00064040 0000f140")).header();
        assertThat(h.bottom().labelCode()).isEqualTo(MplsLabel.EXTENSION);
        MalformedPacketException e = malformed(() -> MplsPolicy.STRICT.check(h));
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e.detail()).contains("RFC 7274 §3");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 8, 9, 10, 11, 12})
    void shouldExposeAnUnassignedSpecialLabelAndGuessNothingBeyondItR9(int label) {
        // R9: decoded and accepted, shown as unassigned, and the IPv4 packet after it is not claimed
        ByteBuffer b = ByteBuffer.wrap(MplsArbitraries.hex(String.format("%05x040", label) + "000c8140"
                + "450000141234400040010b930a0000010a090909"));
        Decoded<MplsHeader> d = MplsDecoder.decode(b);
        MplsHeader h = d.header();
        assertThat(h.label(0)).isEqualTo(label);
        assertThat(h.entries().get(0).labelCode().isKnown()).isFalse();
        assertThat(h.entries().get(0).labelCode().isSpecialPurpose()).isTrue();
        assertThat(MplsLabel.specialName(label)).isEqualTo("unassigned special");
        assertThat(MplsPolicy.STRICT.accepts(h)).isTrue();
        assertThat(MplsBindings.NONE.identify(h, b, d.payloadIndex(), b.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.RAW, MplsPayloadRule.NONE));
    }

    // ---------------------------------------------------------------- R10-R12

    @Test
    void shouldAcceptTtlZeroAndOneEverywhereR10() {
        // R10: a decoder never rejects TTL 0 or 1 (entropy labels carry 0, GAL entries 1)
        MplsHeader h = MplsDecoder.decode(wire("00064000 00064101")).header();
        assertThat(h.entries()).containsExactly(entry(100, 0, 0), entry(100, 0, 1));
        assertThat(MplsPolicy.STRICT.accepts(h)).isTrue();
        MplsHeader one = MplsDecoder.decode(wire("00064f01")).header();
        assertThat(one.top()).isEqualTo(entry(100, 7, 1));
        assertThat(MplsPolicy.STRICT.accepts(one)).isTrue();
    }

    @Test
    void shouldDecodeEveryTrafficClassAndTtlOfAnEntry() {
        for (int tc = 0; tc < 8; tc++) {
            for (int ttl = 0; ttl < 256; ttl++) {
                int word = 0xFFFFF << 12 | tc << 9 | 0x100 | ttl;
                MplsHeader h = MplsDecoder.decode(ByteBuffer.allocate(4).putInt(0, word)).header();
                assertThat(h.top()).isEqualTo(entry(0xFFFFF, tc, ttl));
                assertThat(h.trafficClass(0)).isEqualTo(tc);
                assertThat(h.ttl(0)).isEqualTo(ttl);
            }
        }
    }

    @Test
    void shouldDecodeAStackWithNothingAfterItR11() {
        // R11: no octets after the bottom entry is legal
        ByteBuffer b = wire("00064040 000c8140");
        Decoded<MplsHeader> d = MplsDecoder.decode(b);
        assertThat(d.header().depth()).isEqualTo(2);
        assertThat(d.payloadIndex()).isEqualTo(8);
        assertThat(d.payloadLength()).isZero();
        assertThat(d.payload().remaining()).isZero();
        assertThat(MplsBindings.NONE.identify(d.header(), b, d.payloadIndex(), b.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.NONE, MplsPayloadRule.NONE));
        MplsView v = new MplsView().wrap(b);
        assertThat(v.payloadLength()).isZero();
        assertThat(v.payload(MplsBindings.NONE).type()).isEqualTo(MplsPayloadType.NONE);
    }

    @Test
    void shouldReportWhichRuleIdentifiedThePayloadAndCheckIpLengthsFirstR12() {
        // R12: same stack, IPv4 first nibble; a Total Length larger than what is left is not IPv4
        ByteBuffer good = wire("000c8140 450000141234400040010b930a0000010a090909");
        ByteBuffer lying = wire("000c8140 450005dc1234400040010b930a0000010a090909");
        assertThat(MplsBindings.NONE.identify(MplsDecoder.decode(good).header(), good, 4, good.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
        assertThat(MplsBindings.NONE.identify(MplsDecoder.decode(lying).header(), lying, 4, lying.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.RAW, MplsPayloadRule.NONE));
        // an explicit null at the bottom decides without looking (RFC 3032 §2.1)
        ByteBuffer explicit = wire("00000140 450005dc1234400040010b930a0000010a090909");
        assertThat(MplsBindings.NONE.identify(MplsDecoder.decode(explicit).header(), explicit, 4, explicit.limit()))
                .isEqualTo(MplsPayload.of(MplsPayloadType.IPV4, MplsPayloadRule.EXPLICIT_NULL));
    }

    // ---------------------------------------------------------------- buffer handling

    @Test
    void shouldLeaveTheBufferAloneAndIgnoreItsByteOrder() {
        ByteBuffer b = at(P2, P2_STACK).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.mark();
        int limit = b.limit();
        Decoded<MplsHeader> d = MplsDecoder.decode(b);
        assertThat(d.header()).isEqualTo(MplsDecoder.decode(at(P2, P2_STACK)).header());
        assertThat(b.position()).isEqualTo(P2_STACK);
        assertThat(b.limit()).isEqualTo(limit);
        assertThat(b.order()).isEqualTo(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.reset();
        assertThat(MplsDecoder.topWord(b, P2_STACK)).isEqualTo(0x003e_8a3f);
        assertThat(MplsDecoder.decode(b.asReadOnlyBuffer()).header()).isEqualTo(d.header());
    }

    @Test
    void shouldTreatAnIndexOutsideTheBufferAsACallerMistake() {
        ByteBuffer b = ByteBuffer.wrap(MplsVectors.bytes(P1));
        assertThatThrownBy(() -> MplsDecoder.decode(b, -1, b.limit())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsDecoder.decode(b, 20, 19)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsDecoder.decode(b, 0, b.limit() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsDecoder.topLabel(b, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsDecoder.topWord(b, b.limit() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsDecoder.depth(b, -4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsDecoder.bottomOfStack(b, b.limit() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
        // at the limit itself nothing is left: that is a truncated packet, not a caller mistake
        assertThat(malformed(() -> MplsDecoder.topLabel(b, b.limit())).available()).isZero();
        assertThat(malformed(() -> MplsDecoder.depth(b, b.limit())).reason()).isEqualTo(Reason.TRUNCATED);
    }

    @Test
    void shouldDecodeEveryDepthUpToSixUnderEveryBoundInEveryKindOfBufferAsTheScanDoes() {
        // the stacks of up to four entries are read in one pass and held in fields, deeper ones
        // in an array: both paths must agree with the scan's checks and with the words on the wire
        for (int depth = 1; depth <= 6; depth++) {
            byte[] stack = new byte[depth * 4 + 3]; // three octets of payload after the stack
            for (int i = 0; i < depth; i++) {
                int word = (1000 + i) << 12 | (i & 7) << 9 | (i == depth - 1 ? 0x100 : 0) | (64 - i);
                ByteBuffer.wrap(stack).putInt(i * 4, word);
            }
            for (int maxDepth = 1; maxDepth <= 6; maxDepth++) {
                for (ByteBuffer b : kinds(stack)) {
                    int index = b.position();
                    String as = "depth " + depth + ", bound " + maxDepth + ", " + b;
                    if (depth > maxDepth) {
                        int bound = maxDepth;
                        assertThat(malformed(() -> MplsDecoder.decode(b, index, b.limit(), bound)).reason()).as(as)
                                .isEqualTo(Reason.LIMIT_EXCEEDED);
                        continue;
                    }
                    Decoded<MplsHeader> d = MplsDecoder.decode(b, index, b.limit(), maxDepth);
                    assertThat(d.header().depth()).as(as).isEqualTo(MplsDecoder.scan(b, index, b.limit(), maxDepth))
                            .isEqualTo(depth);
                    assertThat(d.payloadIndex()).as(as).isEqualTo(index + depth * 4);
                    assertThat(d.payloadLength()).as(as).isEqualTo(3);
                    for (int i = 0; i < depth; i++) {
                        assertThat(d.header().word(i)).as(as + ", entry " + i).isEqualTo(b.getInt(index + i * 4));
                        assertThat(d.header().entries().get(i)).as(as + ", entry " + i)
                                .isEqualTo(entry(1000 + i, i & 7, 64 - i));
                    }
                    int n = depth;
                    assertThatThrownBy(() -> d.header().word(n)).isInstanceOf(IndexOutOfBoundsException.class);
                    assertThatThrownBy(() -> d.header().word(-1)).isInstanceOf(IndexOutOfBoundsException.class);
                    assertThat(d.header()).as(as).isEqualTo(new MplsHeader(d.header().entries().stream().toList()));
                    // every cut of this stack is refused at the entry it cuts
                    for (int len = 0; len < depth * 4; len++) {
                        int limit = index + len;
                        MalformedPacketException e = malformed(() -> MplsDecoder.decode(b, index, limit, 6));
                        assertThat(e.reason()).as(as + ", cut at " + len).isEqualTo(Reason.TRUNCATED);
                        assertThat(e.offset()).as(as + ", cut at " + len).isEqualTo(len / 4 * 4);
                    }
                }
            }
        }
    }

    /** The stack in a heap buffer, a heap buffer sliced at an offset, a read-only one and a direct one. */
    private static ByteBuffer[] kinds(byte[] stack) {
        byte[] shifted = new byte[stack.length + 5];
        System.arraycopy(stack, 0, shifted, 5, stack.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(stack.length + 2).position(2);
        direct.put(stack).position(2);
        return new ByteBuffer[] {
            ByteBuffer.wrap(stack),
            ByteBuffer.wrap(shifted).position(3).slice().position(2),
            ByteBuffer.wrap(stack).asReadOnlyBuffer(),
            direct,
        };
    }
}
