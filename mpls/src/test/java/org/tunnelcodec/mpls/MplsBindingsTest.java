package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Payload identification after the bottom of stack (R12; RFC 3032 §2.2, RFC 4385, RFC 4928,
 * RFC 5586): each rule, their order (binding, then explicit null, then GAL, then the first
 * nibble with its plausibility checks), which labels are looked up, and the bindings themselves.
 */
class MplsBindingsTest {
    /** An IPv4 header whose Total Length (20) is exactly what follows. */
    private static final String IPV4 = "45000014 12344000 40010b93 0a000001 0a090909";
    /** An IPv6 header with Payload Length 0, 40 octets. */
    private static final String IPV6 = "60000000 00003a40" + "20010db8000000000000000000000001" + "20010db8000000000000000000000002";
    /** A pseudowire control word, sequence number 1 (RFC 4385 §3). */
    private static final String CW = "00000001";
    /** An ACH, version 0, channel type 7 (RFC 5586 §2). */
    private static final String ACH = "10000007";

    private static MplsHeader stack(int... labels) {
        LabelStackEntry[] entries = new LabelStackEntry[labels.length];
        for (int i = 0; i < labels.length; i++) {
            entries[i] = new LabelStackEntry(labels[i], 0, 64);
        }
        return MplsHeader.of(entries);
    }

    /** Identifies what follows {@code h} when the payload is {@code payloadHex}. */
    private static MplsPayload identify(MplsBindings bindings, MplsHeader h, String payloadHex) {
        byte[] payload = MplsArbitraries.hex(payloadHex);
        ByteBuffer b = ByteBuffer.wrap(MplsArbitraries.packet(h, payload));
        MplsPayload byHeader = bindings.identify(h, b, h.length(), b.limit());
        assertThat(new MplsView().wrap(b).payload(bindings)).as("the view agrees").isSameAs(byHeader);
        return byHeader;
    }

    private static MplsPayload payload(MplsPayloadType type, MplsPayloadRule rule) {
        return MplsPayload.of(type, rule);
    }

    private static MplsBindings bind(int label, MplsPayloadType type) {
        return MplsBindings.builder().bind(label, type).build();
    }

    // ---------------------------------------------------------------- the order of the rules

    @Test
    void shouldLetABindingDecideBeforeExplicitNullGalAndFirstNibble() {
        MplsBindings pw = bind(2000, MplsPayloadType.PW_ETHERNET);
        assertThat(identify(pw, stack(2000, 0), IPV6)).isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
        assertThat(identify(pw, stack(2000, 2), IPV4)).isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
        assertThat(identify(pw, stack(2000, 13), ACH)).isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
        assertThat(identify(pw, stack(2000), IPV4)).isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
        // the same stacks without the binding
        assertThat(identify(MplsBindings.NONE, stack(2000), IPV4)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
        // a binding of another label changes nothing
        assertThat(identify(bind(3000, MplsPayloadType.RAW), stack(2000), IPV4))
                .isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
    }

    @Test
    void shouldLetAnExplicitNullAtTheBottomDecideBeforeTheGalAndTheFirstNibble() {
        // RFC 3032 §2.1, RFC 4182: at the bottom, 0 means IPv4 and 2 means IPv6, whatever follows
        assertThat(identify(MplsBindings.NONE, stack(100, 0), IPV6)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.EXPLICIT_NULL));
        assertThat(identify(MplsBindings.NONE, stack(100, 2), IPV4)).isEqualTo(payload(MplsPayloadType.IPV6, MplsPayloadRule.EXPLICIT_NULL));
        assertThat(identify(MplsBindings.NONE, stack(0), "ff")).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.EXPLICIT_NULL));
        // a GAL above the explicit null is not the bottom (and STRICT rejects it): the explicit null decides
        assertThat(identify(MplsBindings.NONE, stack(13, 0), ACH)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.EXPLICIT_NULL));
        // an explicit null above the bottom decides nothing (RFC 4182 allows it anywhere)
        assertThat(identify(MplsBindings.NONE, stack(0, 100), CW))
                .isEqualTo(payload(MplsPayloadType.PW_ETHERNET_CONTROL_WORD, MplsPayloadRule.FIRST_NIBBLE));
        assertThat(identify(MplsBindings.NONE, stack(0, 13), IPV4)).isEqualTo(payload(MplsPayloadType.ACH, MplsPayloadRule.GAL));
    }

    @Test
    void shouldLetTheGalAtTheBottomDecideBeforeTheFirstNibble() {
        // RFC 5586 §4: an ACH follows the GAL, whatever its first octets look like
        assertThat(identify(MplsBindings.NONE, stack(500, 13), IPV4)).isEqualTo(payload(MplsPayloadType.ACH, MplsPayloadRule.GAL));
        assertThat(identify(MplsBindings.NONE, stack(13), ACH)).isEqualTo(payload(MplsPayloadType.ACH, MplsPayloadRule.GAL));
        // a GAL above the bottom is not the GAL rule
        assertThat(identify(MplsBindings.NONE, stack(13, 500), IPV4)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
    }

    @Test
    void shouldLetTheLowestBoundLabelWin() {
        MplsBindings both = MplsBindings.builder().bind(1000, MplsPayloadType.IPV4).bind(2000, MplsPayloadType.PW_ETHERNET).build();
        assertThat(identify(both, stack(1000, 2000), CW)).isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
        assertThat(identify(both, stack(2000, 1000), CW)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.BINDING));
        // a pseudowire label above an unbound flow label (RFC 6391) still decides
        assertThat(identify(both, stack(1000, 3000), CW)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.BINDING));
        assertThat(identify(both, stack(2000, 3000, 4000), IPV4)).isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
        assertThat(identify(both, stack(3000, 1000, 4000, 2000, 5000), IPV4))
                .isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
    }

    // ---------------------------------------------------------------- ELI and XL

    @Test
    void shouldNeverLookUpTheLabelAfterAnEli() {
        // RFC 6790 §4: the entropy label is a load-balancing key, not a label with a binding
        MplsBindings el = bind(2000, MplsPayloadType.PW_ETHERNET);
        assertThat(identify(el, stack(1000, 7, 2000), IPV4)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
        assertThat(identify(el, stack(7, 2000, 3000), IPV4)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
        // the entries around it are looked up as usual
        assertThat(identify(el, stack(7, 3000, 2000), IPV4)).isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
        assertThat(identify(el, stack(2000, 7, 3000), IPV4)).isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
    }

    @Test
    void shouldNeverLookUpTheLabelAfterAnXlAndGuessNothingAfterIt() {
        // RFC 7274 §3: the entry after an XL holds an extended special-purpose label, whose
        // meaning is unknown here, so nothing is guessed after it
        MplsBindings espl = bind(2000, MplsPayloadType.PW_ETHERNET);
        assertThat(identify(espl, stack(1000, 15, 2000), IPV4)).isEqualTo(payload(MplsPayloadType.RAW, MplsPayloadRule.NONE));
        // a bound label below the pair still decides
        assertThat(identify(espl, stack(15, 3000, 2000), IPV4)).isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
        // an XL carries the next entry even when that is 7: the entry after it is no entropy label
        assertThat(identify(espl, stack(15, 7, 2000), IPV4)).isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
    }

    @Test
    void shouldNotTakeAnExplicitNullOrGalAfterAnEliOrXlForOne() {
        // an "entropy label" 0 (which STRICT rejects) is not an IPv4 Explicit NULL
        assertThat(identify(MplsBindings.NONE, stack(100, 7, 0), CW))
                .isEqualTo(payload(MplsPayloadType.PW_ETHERNET_CONTROL_WORD, MplsPayloadRule.FIRST_NIBBLE));
        assertThat(identify(MplsBindings.NONE, stack(100, 7, 13), IPV4)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
        // extended special-purpose labels 2 and 13 are neither
        assertThat(identify(MplsBindings.NONE, stack(100, 15, 2), IPV6)).isEqualTo(payload(MplsPayloadType.RAW, MplsPayloadRule.NONE));
        assertThat(identify(MplsBindings.NONE, stack(100, 15, 13), ACH)).isEqualTo(payload(MplsPayloadType.RAW, MplsPayloadRule.NONE));
    }

    // ---------------------------------------------------------------- unassigned special-purpose labels

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 8, 9, 10, 11, 12})
    void shouldGuessNothingAfterAnUnassignedSpecialLabelAnywhereInTheStack(int label) {
        // R9, RFC 7274 §2: a receiver cannot know what an unassigned special-purpose label means
        MplsPayload raw = payload(MplsPayloadType.RAW, MplsPayloadRule.NONE);
        assertThat(identify(MplsBindings.NONE, stack(label, 100), IPV4)).isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, stack(100, label, 200), IPV6)).isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, stack(100, label), CW)).isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, stack(label), ACH)).isEqualTo(raw);
        // nothing follows: nothing to guess
        assertThat(identify(MplsBindings.NONE, stack(label, 100), "")).isEqualTo(payload(MplsPayloadType.NONE, MplsPayloadRule.NONE));
        // the rules before the guess still apply
        assertThat(identify(bind(2000, MplsPayloadType.IPV6), stack(label, 2000), IPV4))
                .isEqualTo(payload(MplsPayloadType.IPV6, MplsPayloadRule.BINDING));
        assertThat(identify(MplsBindings.NONE, stack(label, 0), IPV6)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.EXPLICIT_NULL));
        assertThat(identify(MplsBindings.NONE, stack(label, 13), IPV4)).isEqualTo(payload(MplsPayloadType.ACH, MplsPayloadRule.GAL));
        // as an entropy label it is only a (rejected) key, not an unknown special label
        assertThat(identify(MplsBindings.NONE, stack(7, label), IPV4)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 13, 14})
    void shouldKeepGuessingAfterAnAssignedSpecialLabelAboveTheBottom(int label) {
        assertThat(identify(MplsBindings.NONE, stack(label, 100), IPV4)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
    }

    // ---------------------------------------------------------------- the first nibble

    @Test
    void shouldTakeNibbleFourForIpv4OnlyWhenTheHeaderLengthsFit() {
        MplsHeader h = stack(100);
        MplsPayload ipv4 = payload(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE);
        MplsPayload raw = payload(MplsPayloadType.RAW, MplsPayloadRule.NONE);
        String rest = "12344000 40010b93 0a000001 0a090909";
        assertThat(identify(MplsBindings.NONE, h, "45000014" + rest)).isEqualTo(ipv4); // Total Length = what is left
        assertThat(identify(MplsBindings.NONE, h, "45000014" + rest + "000000000000")).as("link padding").isEqualTo(ipv4);
        assertThat(identify(MplsBindings.NONE, h, "45000015" + rest)).as("Total Length too big").isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, h, "4500ffff" + rest)).as("Total Length too big").isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, h, "44000014" + rest)).as("IHL 4").isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, h, "40000014" + rest)).as("IHL 0").isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, h, "46000014" + rest + "00000000")).as("Total Length < IHL").isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, h, "46000018" + rest + "00000000")).as("IHL 6 with options").isEqualTo(ipv4);
        assertThat(identify(MplsBindings.NONE, h, "4f00003c" + rest + "00".repeat(40))).as("IHL 15").isEqualTo(ipv4);
        assertThat(identify(MplsBindings.NONE, h, "45000013" + "12344000 40010b93 0a000001 0a0909")).as("19 octets").isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, h, "45")).as("1 octet").isEqualTo(raw);
    }

    @Test
    void shouldTakeNibbleSixForIpv6OnlyWhenThePayloadLengthFits() {
        MplsHeader h = stack(100);
        MplsPayload ipv6 = payload(MplsPayloadType.IPV6, MplsPayloadRule.FIRST_NIBBLE);
        MplsPayload raw = payload(MplsPayloadType.RAW, MplsPayloadRule.NONE);
        String addresses = "20010db8000000000000000000000001" + "20010db8000000000000000000000002";
        assertThat(identify(MplsBindings.NONE, h, IPV6)).isEqualTo(ipv6);
        assertThat(identify(MplsBindings.NONE, h, "60000000 000c3a3f" + addresses + "00".repeat(12))).isEqualTo(ipv6);
        assertThat(identify(MplsBindings.NONE, h, "60000000 000c3a3f" + addresses + "00".repeat(20))).as("padding").isEqualTo(ipv6);
        assertThat(identify(MplsBindings.NONE, h, "60000000 000c3a3f" + addresses + "00".repeat(11))).as("1 short").isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, h, "60000000 ffff3a3f" + addresses)).isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, h, "6fffffff 00003a3f" + addresses)).as("any flow label").isEqualTo(ipv6);
        assertThat(identify(MplsBindings.NONE, h, IPV6.replace(" ", "").substring(0, 78))).as("39 octets").isEqualTo(raw);
        assertThat(identify(MplsBindings.NONE, h, "60")).isEqualTo(raw);
    }

    @Test
    void shouldTakeNibbleZeroForAnEthernetPseudowireControlWord() {
        // RFC 4385 §3, RFC 4928 §3: first nibble 0; taken for an Ethernet PW's as Wireshark does
        MplsPayload cw = payload(MplsPayloadType.PW_ETHERNET_CONTROL_WORD, MplsPayloadRule.FIRST_NIBBLE);
        assertThat(identify(MplsBindings.NONE, stack(2000), CW)).isEqualTo(cw);
        assertThat(identify(MplsBindings.NONE, stack(2000), "0fffffff 66778899aabb")).isEqualTo(cw);
        assertThat(identify(MplsBindings.NONE, stack(2000), "000000")).as("3 octets")
                .isEqualTo(payload(MplsPayloadType.RAW, MplsPayloadRule.NONE));
    }

    @Test
    void shouldTakeNibbleOneForAnAchOnlyWithVersionZero() {
        // RFC 4385 §5, RFC 5586 §2: 0001, version 0
        assertThat(identify(MplsBindings.NONE, stack(2000), ACH)).isEqualTo(payload(MplsPayloadType.ACH, MplsPayloadRule.FIRST_NIBBLE));
        assertThat(identify(MplsBindings.NONE, stack(2000), "10ff0007 20c00318")).as("reserved octet set")
                .isEqualTo(payload(MplsPayloadType.ACH, MplsPayloadRule.FIRST_NIBBLE));
        for (int version = 1; version < 16; version++) {
            assertThat(identify(MplsBindings.NONE, stack(2000), String.format("1%x000007", version))).as("version %d", version)
                    .isEqualTo(payload(MplsPayloadType.RAW, MplsPayloadRule.NONE));
        }
        assertThat(identify(MplsBindings.NONE, stack(2000), "100000")).as("3 octets").isEqualTo(payload(MplsPayloadType.RAW, MplsPayloadRule.NONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "3", "5", "7", "8", "9", "a", "b", "c", "d", "e", "f"})
    void shouldClaimNothingForAnyOtherFirstNibble(String nibble) {
        String payload = nibble + "5000014" + "00".repeat(60);
        assertThat(identify(MplsBindings.NONE, stack(2000), payload)).isEqualTo(payload(MplsPayloadType.RAW, MplsPayloadRule.NONE));
    }

    @Test
    void shouldIdentifyNothingAfterAStackThatEndsThePacket() {
        // R11: an empty payload, no rule before the guess applying
        MplsPayload none = payload(MplsPayloadType.NONE, MplsPayloadRule.NONE);
        assertThat(identify(MplsBindings.NONE, stack(100), "")).isEqualTo(none);
        assertThat(identify(MplsBindings.NONE, stack(100, 1000), "")).isEqualTo(none);
        assertThat(identify(bind(2000, MplsPayloadType.IPV4), stack(100, 1000), "")).isEqualTo(none);
    }

    @Test
    void shouldLetABindingExplicitNullOrGalNameAnEmptyPayloadAsTheyNameAnyOther() {
        // the rules that decide from the stack come before the look at the payload, so they name
        // what should follow even when nothing does (a dissector then reports that layer truncated)
        assertThat(identify(bind(2000, MplsPayloadType.PW_ETHERNET), stack(2000), ""))
                .isEqualTo(payload(MplsPayloadType.PW_ETHERNET, MplsPayloadRule.BINDING));
        assertThat(identify(MplsBindings.NONE, stack(100, 0), "")).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.EXPLICIT_NULL));
        assertThat(identify(MplsBindings.NONE, stack(100, 2), "")).isEqualTo(payload(MplsPayloadType.IPV6, MplsPayloadRule.EXPLICIT_NULL));
        assertThat(identify(MplsBindings.NONE, stack(500, 13), "")).isEqualTo(payload(MplsPayloadType.ACH, MplsPayloadRule.GAL));
    }

    @Test
    void shouldReadOnlyTheRangeItIsGiven() {
        // the IPv4 header's Total Length (20) fits the buffer but not the range given: not IPv4
        MplsHeader h = stack(100);
        ByteBuffer b = ByteBuffer.wrap(MplsArbitraries.packet(h, MplsArbitraries.hex(IPV4)));
        assertThat(MplsBindings.NONE.identify(h, b, 4, b.limit()).type()).isEqualTo(MplsPayloadType.IPV4);
        assertThat(MplsBindings.NONE.identify(h, b, 4, b.limit() - 1).type()).isEqualTo(MplsPayloadType.RAW);
        assertThat(MplsBindings.NONE.identify(h, b, 4, 4).type()).isEqualTo(MplsPayloadType.NONE);
        assertThat(b.position()).isZero();
    }

    @Test
    void shouldTreatARangeOutsideTheBufferAsACallerMistake() {
        MplsHeader h = stack(100);
        ByteBuffer b = ByteBuffer.allocate(8);
        assertThatThrownBy(() -> MplsBindings.NONE.identify(h, b, -1, 8)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsBindings.NONE.identify(h, b, 5, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MplsBindings.NONE.identify(h, b, 4, 9)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    // ---------------------------------------------------------------- the bindings

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 3, 13, 15, 1048576, Integer.MAX_VALUE})
    void shouldRefuseToBindASpecialPurposeOrOutOfRangeLabel(int label) {
        assertThatThrownBy(() -> MplsBindings.builder().bind(label, MplsPayloadType.IPV4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label: " + label + " (expected: 16..1048575)");
        assertThatThrownBy(() -> MplsBindings.of(Map.of(label, MplsPayloadType.IPV4))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseToBindNoneOrNull() {
        assertThatThrownBy(() -> MplsBindings.builder().bind(16, MplsPayloadType.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("type: NONE (expected: a payload type)");
        assertThatThrownBy(() -> MplsBindings.builder().bind(16, null)).isInstanceOf(NullPointerException.class);
        Map<Integer, MplsPayloadType> withNull = new LinkedHashMap<>();
        withNull.put(16, null);
        assertThatThrownBy(() -> MplsBindings.of(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldBindTheEdgesOfTheLabelRangeAndEveryType() {
        MplsBindings.Builder b = MplsBindings.builder();
        MplsPayloadType[] types = MplsPayloadType.values();
        for (int i = 0; i < types.length; i++) {
            if (types[i] != MplsPayloadType.NONE) {
                b.bind(16 + i, types[i]);
            }
        }
        MplsBindings bindings = b.bind(MplsLabel.MAX_VALUE, MplsPayloadType.IPV6).build();
        assertThat(bindings.size()).isEqualTo(types.length);
        for (int i = 0; i < types.length; i++) {
            assertThat(bindings.lookup(16 + i)).isEqualTo(types[i] == MplsPayloadType.NONE ? null : types[i]);
        }
        assertThat(bindings.lookup(MplsLabel.MAX_VALUE)).isEqualTo(MplsPayloadType.IPV6);
        assertThat(bindings.lookup(15)).isNull();
        assertThat(bindings.lookup(0)).isNull();
        assertThat(bindings.lookup(1 << 20)).isNull();
    }

    @Test
    void shouldFindNothingBoundToANegativeLabel() {
        MplsBindings bindings = MplsBindings.builder().bind(2000, MplsPayloadType.ACH).build();
        assertThat(bindings.lookup(-1)).isNull();
        assertThat(bindings.lookup(Integer.MIN_VALUE)).isNull();
    }

    @Test
    void shouldReplaceAnEarlierBindingOfTheSameLabel() {
        MplsBindings b = MplsBindings.builder().bind(2000, MplsPayloadType.IPV4).bind(2000, MplsPayloadType.ACH).build();
        assertThat(b.size()).isEqualTo(1);
        assertThat(b.lookup(2000)).isEqualTo(MplsPayloadType.ACH);
        assertThat(b).hasToString("MplsBindings{2000=ACH}");
    }

    @Test
    void shouldBuildNoBindingsAsNone() {
        assertThat(MplsBindings.builder().build()).isSameAs(MplsBindings.NONE);
        assertThat(MplsBindings.of(Map.of())).isSameAs(MplsBindings.NONE);
        assertThat(MplsBindings.NONE.size()).isZero();
        assertThat(MplsBindings.NONE.lookup(2000)).isNull();
        assertThat(MplsBindings.NONE).hasToString("MplsBindings{}");
    }

    @Test
    void shouldNotChangeWhenTheBuilderOrMapChangesLater() {
        Map<Integer, MplsPayloadType> map = new LinkedHashMap<>(Map.of(2000, MplsPayloadType.IPV4));
        MplsBindings fromMap = MplsBindings.of(map);
        map.put(3000, MplsPayloadType.IPV6);
        MplsBindings.Builder builder = MplsBindings.builder().bind(2000, MplsPayloadType.IPV4);
        MplsBindings built = builder.build();
        builder.bind(2000, MplsPayloadType.RAW).bind(3000, MplsPayloadType.IPV6);
        for (MplsBindings b : new MplsBindings[] {fromMap, built}) {
            assertThat(b.size()).isEqualTo(1);
            assertThat(b.lookup(2000)).isEqualTo(MplsPayloadType.IPV4);
            assertThat(b.lookup(3000)).isNull();
        }
    }

    @Test
    void shouldLookUpEveryLabelOfATableOfAHundredThousand() {
        int n = 100_000;
        MplsPayloadType[] types = {MplsPayloadType.IPV4, MplsPayloadType.IPV6, MplsPayloadType.PW_ETHERNET,
            MplsPayloadType.PW_ETHERNET_CONTROL_WORD, MplsPayloadType.CONTROL_WORD, MplsPayloadType.ACH, MplsPayloadType.RAW};
        MplsBindings.Builder builder = MplsBindings.builder();
        for (int i = 0; i < n; i++) {
            builder.bind(16 + i * 10, types[i % types.length]); // spread over 16..1000006
        }
        MplsBindings b = builder.build();
        assertThat(b.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(b.lookup(16 + i * 10)).isEqualTo(types[i % types.length]);
        }
        for (int i = 0; i < n; i += 97) {
            assertThat(b.lookup(16 + i * 10 + 5)).isNull();
        }
        assertThat(b.lookup(MplsLabel.MAX_VALUE)).isNull();
        // through identification: the lower of two bound labels decides
        assertThat(identify(b, stack(16 + 10, 16 + 20), IPV4)).isEqualTo(payload(types[2], MplsPayloadRule.BINDING));
        assertThat(identify(b, stack(16 + 20, 16 + 10), IPV4)).isEqualTo(payload(types[1], MplsPayloadRule.BINDING));
        assertThat(identify(b, stack(21, 17), IPV4)).isEqualTo(payload(MplsPayloadType.IPV4, MplsPayloadRule.FIRST_NIBBLE));
    }

    @Test
    void shouldLookUpALargeTableWithoutScanningIt() {
        // 100 000 contiguous labels (a label table the way platforms hand labels out); a lookup
        // of an open-addressing table at load 0.38 probes a few slots, so 200 000 lookups take
        // about a millisecond; the bound leaves three orders of magnitude for slow machines
        MplsBindings.Builder builder = MplsBindings.builder();
        for (int i = 0; i < 100_000; i++) {
            builder.bind(16 + i, MplsPayloadType.IPV4);
        }
        MplsBindings b = builder.build();
        for (int i = 0; i < 1000; i++) { // warm up
            b.lookup(16 + i);
        }
        long start = System.nanoTime();
        int found = 0;
        for (int i = 0; i < 100_000; i++) {
            found += b.lookup(16 + i) != null ? 1 : 0;
            found += b.lookup(500_000 + i) != null ? 1 : 0;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(found).isEqualTo(100_000);
        assertThat(millis).as("200 000 lookups in a table of 100 000 bindings, in ms").isLessThan(1000);
    }
}
