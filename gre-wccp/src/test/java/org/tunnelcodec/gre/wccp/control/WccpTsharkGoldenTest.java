package org.tunnelcodec.gre.wccp.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tunnelcodec.core.Decoded;

/**
 * Golden values from tshark. {@code wccp-control.pcap} holds 19 WCCP control messages (UDP
 * 2048) that {@code testdata/scripts/make-wccp-control.py} assembles octet by octet with Python's struct
 * (every v2 message type and component, each v2 message also MD5-signed with Python's hashlib;
 * three v1 messages). {@code wccp-control.tsv} is what tshark 4.0.17 decoded from that file,
 * written by {@code testdata/scripts/tshark-wccp-control.py} ({@code tshark -T fields}, every occurrence of 83
 * WCCP fields per frame). These tests decode the same frames with our decoders and compare
 * every field tshark printed, in tshark's order ({@link TsharkFields} maps our records to
 * tshark's field names).
 *
 * <p>Three places where tshark 4.0.17 is wrong and we are right are excluded from the
 * field-by-field comparison and asserted separately, see
 * {@link #shouldDisagreeWithTsharkWhereItReadsCapabilityValuesFromTheElementHeader}; and one
 * tshark display quirk (byte-swapped cache addresses in an Alternate Assignment's hash body)
 * is mirrored in {@link TsharkFields}.
 */
class WccpTsharkGoldenTest {

    /** tshark fields that packet-wccp.c 4.0.17 fills from the Capability Type/Length octets. */
    private static final Set<String> TSHARK_BUGS = Set.of(
            "wccp.capability.transmit_t", "wccp.capability.transmit_t.upper_limit",
            "wccp.capability.transmit_t.lower_limit", "wccp.capability.timer_scale.timeout_scale",
            "wccp.capability.timer_scale.ra_timer_scale", "wccp.capability.value");

    private static final List<ByteBuffer> PAYLOADS = WccpCaptureFrames.udpPayloads();
    private static final List<Map<String, List<String>>> GOLDEN = golden();

    static IntStream frames() {
        return IntStream.rangeClosed(1, PAYLOADS.size());
    }

    @Test
    void shouldHaveAGoldenRowForEveryFrame() {
        assertThat(PAYLOADS).hasSize(19);
        assertThat(GOLDEN).hasSize(19);
        for (int i = 0; i < GOLDEN.size(); i++) {
            assertThat(GOLDEN.get(i).get("frame.number")).containsExactly(String.valueOf(i + 1));
        }
    }

    @ParameterizedTest(name = "frame {0}")
    @MethodSource("frames")
    void shouldDecodeEveryFieldAsTsharkDecodesIt(int frame) {
        Map<String, List<String>> tshark = GOLDEN.get(frame - 1);
        Map<String, List<String>> ours = decode(payload(frame)).fields();
        for (Map.Entry<String, List<String>> column : tshark.entrySet()) {
            String field = column.getKey();
            if (field.equals("frame.number") || TSHARK_BUGS.contains(field)) {
                continue;
            }
            assertThat(ours.getOrDefault(field, List.of())).as("frame %d %s", frame, field)
                    .containsExactlyElementsOf(column.getValue());
        }
        // and nothing we decode is missing from the fixture's columns
        assertThat(tshark.keySet()).containsAll(ours.keySet());
    }

    @ParameterizedTest(name = "frame {0}")
    @MethodSource("frames")
    void shouldReEncodeEveryFrameToTheSameBytes(int frame) {
        ByteBuffer payload = payload(frame);
        byte[] expected = new byte[payload.remaining()];
        payload.duplicate().get(expected);
        byte[] actual;
        if (WccpControl.version(payload, payload.position()) == 1) {
            Decoded<WccpV1Message> d = WccpV1MessageDecoder.decode(payload);
            assertThat(d.payloadLength()).isZero();
            actual = new byte[WccpV1MessageEncoder.encodedLength(d.header())];
            WccpV1MessageEncoder.encode(d.header(), ByteBuffer.wrap(actual));
        } else {
            Decoded<WccpMessage> d = WccpMessageDecoder.decode(payload);
            actual = new byte[WccpMessageEncoder.encodedLength(d.header())];
            WccpMessageEncoder.encode(d.header(), ByteBuffer.wrap(actual));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void shouldVerifyTheDigestsPythonHashlibComputedWithThePasswordsOfTheGenerator() {
        // passwords from testdata/scripts/make-wccp-control.py; the digests were computed there with hashlib
        Map<Integer, String> passwords = Map.of(2, "cisco123", 4, "secret", 6, "secret", 8, "wccp", 10, "wccp",
                12, "wccp", 14, "secret", 16, "secret");
        for (Map.Entry<Integer, String> e : passwords.entrySet()) {
            ByteBuffer p = payload(e.getKey());
            assertThat(WccpSecurity.verify(p, p.position(), WccpPassword.of(e.getValue()))).as("frame %d", e.getKey())
                    .isTrue();
            assertThat(WccpSecurity.verify(p, p.position(), WccpPassword.of("x" + e.getValue())))
                    .as("frame %d, wrong password", e.getKey()).isFalse();
            // the drafts' key is the first 8 octets: what follows them does not count
            assertThat(WccpSecurity.verify(p, p.position(), WccpPassword.of(e.getValue() + "\0\0\0\0\0\0\0\0x")))
                    .as("frame %d, same first 8 octets", e.getKey()).isTrue();
        }
        // "cisco123" has 8 characters: the Squid rule (7 characters + NUL) gives another key
        ByteBuffer frame2 = payload(2);
        assertThat(WccpSecurity.verify(frame2, frame2.position(), WccpPassword.squid("cisco123"))).isFalse();
        // unsigned frames carry Security Option none: nothing to verify
        for (int frame : List.of(1, 3, 5, 7, 9, 11, 13, 15)) {
            ByteBuffer p = payload(frame);
            assertThat(WccpSecurity.verify(p, p.position(), WccpPassword.of("secret"))).as("frame %d", frame).isFalse();
        }
    }

    @Test
    void shouldDisagreeWithTsharkWhereItReadsCapabilityValuesFromTheElementHeader() {
        // packet-wccp.c 4.0.17 dissect_transmit_t_capability(), dissect_timer_scale_capability() and the
        // default case of dissect_wccp2_capability_element() read at the element's first octet, not 4
        // octets later where [R1] 6.11 puts the Capability Value.
        // Frame 3 carries TRANSMIT_T (20000, 5000) and TIMER_SCALE 4,2,3,1.
        Map<String, List<String>> tshark3 = GOLDEN.get(2);
        assertThat(tshark3.get("wccp.capability.transmit_t.upper_limit")).containsExactly("4"); // = Capability Type 4
        assertThat(tshark3.get("wccp.capability.transmit_t.lower_limit")).containsExactly("4"); // = Capability Length 4
        assertThat(tshark3.get("wccp.capability.timer_scale.timeout_scale")).containsExactly("5"); // low octet of Type 5
        assertThat(tshark3.get("wccp.capability.timer_scale.ra_timer_scale")).containsExactly("4"); // low octet of Length
        WccpComponent.CapabilitiesInfo caps3 = v2(3).component(WccpComponent.CapabilitiesInfo.class).orElseThrow();
        assertThat(caps3.capability(WccpCapability.TRANSMIT_T)).isEqualTo(new WccpCapability.TransmitT(20000, 5000));
        assertThat(caps3.capability(WccpCapability.TIMER_SCALE)).isEqualTo(new WccpCapability.TimerScale(4, 2, 3, 1));
        // Frame 5 carries an unknown capability type 9 with value 0a0b0c0d; tshark shows its Type and Length octets.
        assertThat(GOLDEN.get(4).get("wccp.capability.value")).containsExactly("00090004");
        WccpComponent.CapabilitiesInfo caps5 = v2(5).component(WccpComponent.CapabilitiesInfo.class).orElseThrow();
        assertThat(caps5.capability(9)).isEqualTo(new WccpCapability.Unknown(9,
                org.tunnelcodec.core.ByteString.fromHex("0a0b0c0d")));
    }

    // ---------------------------------------------------------------- helpers

    private static WccpMessage v2(int frame) {
        return WccpMessageDecoder.decode(payload(frame)).header();
    }

    private static TsharkFields decode(ByteBuffer payload) {
        return switch (WccpControl.version(payload, payload.position())) {
            case 1 -> TsharkFields.of(WccpV1MessageDecoder.decode(payload).header());
            case 2 -> TsharkFields.of(WccpMessageDecoder.decode(payload).header());
            default -> throw new AssertionError("not a WCCP message");
        };
    }

    private static ByteBuffer payload(int frame) {
        return PAYLOADS.get(frame - 1).duplicate();
    }

    /** Reads the TSV: '#' comment lines, tshark's header row, one row per frame, occurrences joined by ','. */
    private static List<Map<String, List<String>>> golden() {
        List<String> lines = new String(WccpCaptureFrames.resource(WccpCaptureFrames.TSV), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("#")).toList();
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, List<String>>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            Map<String, List<String>> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                String cell = i < cells.length ? cells[i] : "";
                row.put(header[i], cell.isEmpty() ? List.of() : List.of(cell.split(",", -1)));
            }
            rows.add(row);
        }
        return List.copyOf(rows);
    }
}
