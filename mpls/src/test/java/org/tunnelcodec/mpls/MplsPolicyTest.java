package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.mpls.MplsArbitraries.Position;

/**
 * What a receiver accepts: {@link MplsPolicy#STRICT} rejects the placements R3-R8 forbid, with an
 * error naming the entry (field "Label", its offset from the top, its value, the rule and its
 * RFC section), and accepts R9 and R10; {@link MplsPolicy#LENIENT} accepts every stack. Both
 * answer the same for an {@link MplsHeader} and for a wrapped {@link MplsView}.
 */
class MplsPolicyTest {
    private static MplsHeader stack(int... labels) {
        LabelStackEntry[] entries = new LabelStackEntry[labels.length];
        for (int i = 0; i < labels.length; i++) {
            entries[i] = new LabelStackEntry(labels[i], 0, 64);
        }
        return MplsHeader.of(entries);
    }

    private static MalformedPacketException rejection(LabelStack s) {
        try {
            MplsPolicy.STRICT.check(s);
        } catch (MalformedPacketException e) {
            return e;
        }
        throw new AssertionError("STRICT accepted " + s);
    }

    private static void assertRejected(MplsHeader h, int entry, String expected) {
        MalformedPacketException e = rejection(h);
        assertThat(e.protocol()).isEqualTo("mpls");
        assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(e.field()).isEqualTo("Label");
        assertThat(e.offset()).isEqualTo(4L * entry);
        assertThat(e.value()).isEqualTo(h.label(entry));
        assertThat(e.detail()).isEqualTo(expected);
        assertThat(e.getMessage()).isEqualTo("mpls Label BAD_VALUE at offset " + 4 * entry + ": " + h.label(entry)
                + " (expected: " + expected + ")");
        assertThat(MplsPolicy.STRICT.firstViolation(h)).isEqualTo(entry);
        assertThat(MplsPolicy.STRICT.accepts(h)).isFalse();
        assertThat(MplsPolicy.LENIENT.accepts(h)).isTrue();
        assertThat(MplsPolicy.LENIENT.firstViolation(h)).isEqualTo(-1);
        MplsPolicy.LENIENT.check(h);
    }

    private static void assertAccepted(MplsHeader h) {
        assertThat(MplsPolicy.STRICT.firstViolation(h)).as("%s", h).isEqualTo(-1);
        assertThat(MplsPolicy.STRICT.accepts(h)).isTrue();
        MplsPolicy.STRICT.check(h);
    }

    // ---------------------------------------------------------------- the STRICT rules

    @Test
    void shouldRejectImplicitNullAnywhereR3() {
        String expected = "no Implicit NULL on the wire, RFC 3032 §2.1";
        assertRejected(stack(3), 0, expected);
        assertRejected(stack(3, 100), 0, expected);
        assertRejected(stack(100, 3, 200), 1, expected);
        assertRejected(stack(100, 3), 1, expected);
    }

    @Test
    void shouldRejectRouterAlertAtTheBottomOnlyR4() {
        assertRejected(stack(100, 1), 1, "Router Alert above the bottom of stack, RFC 3032 §2.1");
        assertRejected(stack(1), 0, "Router Alert above the bottom of stack, RFC 3032 §2.1");
        assertAccepted(stack(1, 100));
        assertAccepted(stack(100, 1, 1, 200));
    }

    @Test
    void shouldRejectAnEliAtTheBottomR5() {
        String expected = "an entropy label after the ELI (ELI not at the bottom), RFC 6790 §4";
        assertRejected(stack(100, 7), 1, expected);
        assertRejected(stack(7), 0, expected);
        assertAccepted(stack(7, 16));
        assertAccepted(stack(100, 7, 0xFFFFF, 200));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
    void shouldRejectASpecialPurposeEntropyLabelR6(int label) {
        String expected = "an entropy label of 16 or more after an ELI, RFC 6790 §4";
        assertRejected(stack(100, 7, label, 200), 2, expected);
        assertRejected(stack(7, label), 1, expected);
    }

    @Test
    void shouldAcceptAnyEntropyLabelOfSixteenOrMoreWhateverItsTtlR6R10() {
        for (int el : new int[] {16, 17, 1000, 370085, 0xFFFFF}) {
            assertAccepted(MplsHeader.of(new LabelStackEntry(7, 5, 0), new LabelStackEntry(el, 0, 0)));
            assertAccepted(MplsHeader.of(new LabelStackEntry(7, 7, 255), new LabelStackEntry(el, 7, 255),
                    new LabelStackEntry(100, 0, 1)));
        }
    }

    @Test
    void shouldRejectAGalAboveTheBottomAndASecondGalR7() {
        String expected = "GAL only at the bottom of stack, RFC 5586 §4";
        assertRejected(stack(13, 100), 0, expected);
        assertRejected(stack(500, 13, 100), 1, expected);
        assertRejected(stack(13, 13), 0, expected); // the second GAL at the bottom: the first one is above it
        assertRejected(stack(100, 13, 200, 13), 1, expected);
        assertAccepted(stack(500, 13));
        assertAccepted(stack(13));
    }

    @Test
    void shouldRejectAnXlAtTheBottomR8() {
        String expected = "an extended special-purpose label after the XL (XL not at the bottom), RFC 7274 §3";
        assertRejected(stack(100, 15), 1, expected);
        assertRejected(stack(15), 0, expected);
        assertAccepted(stack(15, 100));
    }

    @Test
    void shouldNotJudgeTheExtendedSpecialPurposeLabelAfterAnXl() {
        // RFC 7274 §3: the pair is one label; its second entry is not 3, 13 or 7 read as such
        for (int espl = 0; espl < 16; espl++) {
            assertAccepted(stack(100, 15, espl, 200));
            assertAccepted(stack(15, espl));
        }
        // an XL taken as the extended label of another XL is its value, not a new XL
        assertAccepted(stack(15, 15, 100));
        assertRejected(stack(15, 15, 15), 2, "an extended special-purpose label after the XL (XL not at the bottom), RFC 7274 §3");
    }

    @Test
    void shouldReportTheFirstViolationOfSeveral() {
        assertRejected(stack(3, 13, 100, 1), 0, "no Implicit NULL on the wire, RFC 3032 §2.1");
        assertRejected(stack(100, 13, 3, 1), 1, "GAL only at the bottom of stack, RFC 5586 §4");
        assertRejected(stack(100, 7, 3, 3), 2, "an entropy label of 16 or more after an ELI, RFC 6790 §4");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 8, 9, 10, 11, 12, 14})
    void shouldAcceptUnassignedSpecialLabelsAndOamAlertAnywhereR9(int label) {
        // R9: exposed, not rejected (a forwarder drops them, a decoder shows them)
        assertAccepted(stack(label));
        assertAccepted(stack(label, 100));
        assertAccepted(stack(100, label, 200));
        assertAccepted(stack(100, label));
    }

    @Test
    void shouldNeverJudgeTtlOrTrafficClassR10() {
        for (int ttl : new int[] {0, 1, 255}) {
            for (int tc = 0; tc < 8; tc++) {
                assertAccepted(MplsHeader.of(new LabelStackEntry(100, tc, ttl), new LabelStackEntry(7, tc, ttl),
                        new LabelStackEntry(1000, tc, ttl), new LabelStackEntry(13, tc, ttl)));
            }
        }
    }

    @Test
    void shouldJudgeEverySpecialLabelInEveryPosition() {
        // the verdict for label 0..15 in each position of MplsArbitraries.placed: the entry STRICT
        // rejects, or -1
        Map<Position, Set<Integer>> rejected = new EnumMap<>(Position.class);
        rejected.put(Position.ALONE, Set.of(1, 3, 7, 15));     // R4, R3, R5, R8
        rejected.put(Position.TOP, Set.of(3, 13));             // R3, R7
        rejected.put(Position.MIDDLE, Set.of(3, 13));          // R3, R7
        rejected.put(Position.BOTTOM, Set.of(1, 3, 7, 15));    // R4, R3, R5, R8
        rejected.put(Position.AFTER_XL, Set.of());             // an extended label
        rejected.put(Position.AFTER_XL_AT_BOTTOM, Set.of());   // an extended label
        Map<Position, Integer> entry = Map.of(Position.ALONE, 0, Position.TOP, 0, Position.MIDDLE, 1, Position.BOTTOM, 1,
                Position.AFTER_ELI, 2, Position.AFTER_XL, 2, Position.AFTER_XL_AT_BOTTOM, 2);
        for (Position p : Position.values()) {
            for (int label = 0; label < 16; label++) {
                MplsHeader h = MplsArbitraries.placed(label, p, 7, 0);
                boolean reject = p == Position.AFTER_ELI || rejected.get(p).contains(label); // R6: every special EL
                assertThat(MplsPolicy.STRICT.firstViolation(h)).as("label %d %s", label, p)
                        .isEqualTo(reject ? entry.get(p) : -1);
                assertThat(MplsPolicy.LENIENT.accepts(h)).isTrue();
                // the view over the same bytes answers the same
                MplsView v = new MplsView().wrap(ByteBuffer.wrap(MplsArbitraries.packet(h, new byte[0])));
                assertThat(MplsPolicy.STRICT.firstViolation(v)).isEqualTo(MplsPolicy.STRICT.firstViolation(h));
            }
        }
    }

    @Test
    void shouldRequireAStackToCheck() {
        assertThatThrownBy(() -> MplsPolicy.STRICT.check(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MplsPolicy.LENIENT.check(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldNameTheRuleOfAViolationAfterAnExtendedLabelSeven() {
        // 100, XL, extended label 7, then an Implicit NULL: R3 fires, not R6
        MalformedPacketException e = rejection(stack(100, 15, 7, 3, 200));
        assertThat(e.offset()).isEqualTo(12);
        assertThat(e.detail()).isEqualTo("no Implicit NULL on the wire, RFC 3032 §2.1");
        assertThat(rejection(stack(15, 7, 1)).detail()).isEqualTo("Router Alert above the bottom of stack, RFC 3032 §2.1");
    }

    // ---------------------------------------------------------------- against a model, header and view alike

    @Provide
    Arbitrary<MplsHeader> stacks() {
        Arbitrary<MplsHeader> specialHeavy = MplsArbitraries.entries(Arbitraries.frequencyOf(
                        Tuple.of(3, MplsArbitraries.specialLabels()),
                        Tuple.of(1, MplsArbitraries.ordinaryLabels())))
                .list().ofMinSize(1).ofMaxSize(8).map(MplsHeader::new);
        return Arbitraries.oneOf(MplsArbitraries.headers(), specialHeavy);
    }

    /**
     * R3-R8 written out once more, as a walk that skips the entry an ELI or XL carries: the
     * position of the first entry STRICT must reject, or -1.
     */
    private static int model(LabelStack s) {
        int n = s.depth();
        for (int i = 0; i < n; i++) {
            int label = s.label(i);
            boolean bottom = i == n - 1;
            if (label == 7 || label == 15) {
                if (bottom) {
                    return i; // R5, R8
                }
                if (label == 7 && s.label(i + 1) < 16) {
                    return i + 1; // R6
                }
                i++; // the entropy label or extended special-purpose label is opaque
            } else if (label == 3 || label == 1 && bottom || label == 13 && !bottom) {
                return i; // R3, R4, R7
            }
        }
        return -1;
    }

    @Property(tries = 3000)
    void shouldAnswerTheSameForAHeaderAndAViewAndAsTheRulesSay(@ForAll("stacks") MplsHeader h, @ForAll boolean littleEndian) {
        ByteBuffer b = ByteBuffer.wrap(MplsArbitraries.packet(h, new byte[] {0x45}))
                .order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        MplsView v = new MplsView().wrap(b);
        int expected = model(h);
        for (MplsPolicy p : MplsPolicy.values()) {
            int first = p == MplsPolicy.STRICT ? expected : -1;
            assertThat(p.firstViolation(h)).as("%s %s", p, h).isEqualTo(first);
            assertThat(p.firstViolation(v)).as("%s view", p).isEqualTo(first);
            assertThat(p.accepts(h)).isEqualTo(first < 0);
            assertThat(p.accepts(v)).isEqualTo(first < 0);
            if (first < 0) {
                p.check(h);
                p.check(v);
            } else {
                MalformedPacketException byHeader = rejection(h);
                MalformedPacketException byView = rejection(v);
                assertThat(byView.getMessage()).isEqualTo(byHeader.getMessage());
                assertThat(byHeader.reason()).isEqualTo(Reason.BAD_VALUE);
                assertThat(byHeader.field()).isEqualTo("Label");
                assertThat(byHeader.offset()).isEqualTo(4L * first);
                assertThat(byHeader.value()).isEqualTo(h.label(first));
                assertThat(byHeader.detail()).contains("RFC");
            }
        }
    }
}
