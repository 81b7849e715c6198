package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The encoder rules of the label stack: E1 (each entry built with the RFC 3032 §2.1 masks, its
 * ranges checked) and E2 (S on the last entry only, at least one entry), and the encoder
 * contract (write at the position without moving it, check the room before writing a byte).
 */
class MplsEncoderTest {
    private static LabelStackEntry entry(int label, int tc, int ttl) {
        return new LabelStackEntry(label, tc, ttl);
    }

    private static byte[] encode(MplsHeader h) {
        byte[] out = new byte[MplsEncoder.encodedLength(h)];
        assertThat(MplsEncoder.encode(h, ByteBuffer.wrap(out))).isEqualTo(out.length);
        return out;
    }

    // ---------------------------------------------------------------- E1

    @ParameterizedTest
    @CsvSource({
        "1048576, 0, 0, 'label: 1048576 (expected: 0..1048575)'",
        "-1, 0, 0, 'label: -1 (expected: 0..1048575)'",
        "2147483647, 0, 0, 'label: 2147483647 (expected: 0..1048575)'",
        "16, 8, 0, 'trafficClass: 8 (expected: 0..7)'",
        "16, -1, 0, 'trafficClass: -1 (expected: 0..7)'",
        "16, 0, 256, 'ttl: 256 (expected: 0..255)'",
        "16, 0, -1, 'ttl: -1 (expected: 0..255)'"
    })
    void shouldRefuseAnEntryOutOfRangeNamingTheValueAndTheRangeE1(int label, int tc, int ttl, String message) {
        assertThatThrownBy(() -> new LabelStackEntry(label, tc, ttl))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void shouldAcceptTheEdgesOfEveryRangeE1() {
        assertThat(encode(MplsHeader.of(entry(0, 0, 0)))).isEqualTo(MplsArbitraries.hex("00000100"));
        assertThat(encode(MplsHeader.of(entry(0xFFFFF, 7, 255)))).isEqualTo(MplsArbitraries.hex("ffffffff"));
        assertThat(encode(MplsHeader.of(entry(0xFFFFF, 7, 255), entry(0, 0, 0))))
                .isEqualTo(MplsArbitraries.hex("fffffeff 00000100"));
    }

    @Test
    void shouldPlaceEachFieldUnderItsMaskE1() {
        // RFC 3032 §2.1: Label 0xFFFFF000, TC 0x00000E00, S 0x00000100, TTL 0x000000FF
        assertThat(entry(0x12345, 0, 0).word(false)).isEqualTo(0x12345000);
        assertThat(entry(0, 5, 0).word(false)).isEqualTo(0x00000A00);
        assertThat(entry(0, 0, 0).word(true)).isEqualTo(0x00000100);
        assertThat(entry(0, 0, 0xAB).word(false)).isEqualTo(0x000000AB);
        assertThat(entry(0x12345, 5, 0x80).word(true)).isEqualTo(0x12345B80);
        assertThat(LabelStackEntry.of(0x12345B80)).isEqualTo(entry(0x12345, 5, 0x80));
    }

    @Test
    void shouldRefuseALabelCodeOutOfRangeE1() {
        assertThatThrownBy(() -> MplsLabel.of(1048576)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value: 1048576 (expected: 0..1048575)");
        assertThatThrownBy(() -> MplsLabel.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MplsLabel.of(13)).isSameAs(MplsLabel.GAL);
        assertThat(MplsLabel.of(3)).hasToString("IMPLICIT_NULL(3)");
        assertThat(MplsLabel.of(5)).hasToString("5");
    }

    @Test
    void shouldWriteTheStackLinuxPushesForEncapMpls100Slash200AsInVectorP1() {
        // P1 offsets 14-21: what Linux LWT writes for "encap mpls 100/200" and an IP TTL of 64
        byte[] p1 = MplsVectors.bytes(MplsVectors.P1);
        byte[] expected = Arrays.copyOfRange(p1, MplsVectors.P1_STACK, MplsVectors.P1_STACK + 8);
        assertThat(encode(MplsHeader.of(entry(100, 0, 64), entry(200, 0, 64)))).isEqualTo(expected);
    }

    @Test
    void shouldWriteTheEntropyLabelStackOfVectorP2() {
        byte[] p2 = MplsVectors.bytes(MplsVectors.P2);
        byte[] expected = Arrays.copyOfRange(p2, MplsVectors.P2_STACK, MplsVectors.P2_STACK + 12);
        assertThat(encode(MplsHeader.of(entry(1000, 5, 63), entry(7, 5, 0), entry(370085, 0, 0)))).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- E2

    @Test
    void shouldSetSOnTheLastEntryOnlyE2() {
        List<LabelStackEntry> entries = new ArrayList<>();
        for (int depth = 1; depth <= 40; depth++) {
            entries.add(entry(16 + depth, depth & 7, depth));
            byte[] out = encode(new MplsHeader(entries));
            assertThat(out).hasSize(4 * depth);
            for (int i = 0; i < depth; i++) {
                assertThat(out[4 * i + 2] & 1).as("S of entry %d of %d", i, depth).isEqualTo(i == depth - 1 ? 1 : 0);
            }
        }
    }

    @Test
    void shouldRequireAtLeastOneEntryE2() {
        assertThatThrownBy(MplsHeader::of).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entries").hasMessageContaining("at least one");
        assertThatThrownBy(() -> new MplsHeader(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MplsHeader(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MplsHeader(Arrays.asList(entry(16, 0, 0), null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldCopyTheEntriesAndKeepThemImmutable() {
        List<LabelStackEntry> entries = new ArrayList<>(List.of(entry(100, 0, 64), entry(200, 0, 64)));
        MplsHeader h = new MplsHeader(entries);
        entries.set(0, entry(300, 0, 64));
        entries.add(entry(400, 0, 64));
        assertThat(h.entries()).containsExactly(entry(100, 0, 64), entry(200, 0, 64));
        assertThatThrownBy(() -> h.entries().set(0, entry(1, 0, 0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.entries().add(entry(1, 0, 0))).isInstanceOf(UnsupportedOperationException.class);
        // equal to a stack of the same entries however they were listed
        assertThat(h).isEqualTo(MplsHeader.of(entry(100, 0, 64), entry(200, 0, 64)))
                .hasSameHashCodeAs(new MplsHeader(Collections.unmodifiableList(List.of(entry(100, 0, 64), entry(200, 0, 64)))));
        assertThat(h).isNotEqualTo(MplsHeader.of(entry(200, 0, 64), entry(100, 0, 64)));
    }

    @Test
    void shouldGiveFourOctetsPerEntry() {
        assertThat(MplsEncoder.encodedLength(MplsHeader.of(entry(16, 0, 0)))).isEqualTo(4);
        MplsHeader deep = MplsArbitraries.seeded(4096, 1);
        assertThat(MplsEncoder.encodedLength(deep)).isEqualTo(4 * 4096).isEqualTo(deep.length());
        assertThat(MplsDecoder.decode(ByteBuffer.wrap(encode(deep)), 0, 4 * 4096, 4096).header()).isEqualTo(deep);
    }

    // ---------------------------------------------------------------- the encoder contract

    @Test
    void shouldWriteAtThePositionWithoutMovingItAndIgnoreTheByteOrder() {
        MplsHeader h = MplsHeader.of(entry(100, 0, 64), entry(200, 0, 64));
        ByteBuffer dst = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        dst.position(5);
        assertThat(MplsEncoder.encode(h, dst)).isEqualTo(8);
        assertThat(dst.position()).isEqualTo(5);
        assertThat(dst.limit()).isEqualTo(20);
        byte[] all = dst.array();
        assertThat(Arrays.copyOfRange(all, 5, 13)).isEqualTo(MplsArbitraries.hex("00064040 000c8140"));
        assertThat(Arrays.copyOfRange(all, 0, 5)).containsOnly(0);
        assertThat(Arrays.copyOfRange(all, 13, 20)).containsOnly(0);
        ByteBuffer direct = ByteBuffer.allocateDirect(8);
        assertThat(MplsEncoder.encode(h, direct)).isEqualTo(8);
        assertThat(direct.getInt(0)).isEqualTo(0x00064040);
    }

    @Test
    void shouldRefuseADestinationTooSmallBeforeWritingAnything() {
        MplsHeader h = MplsHeader.of(entry(100, 0, 64), entry(200, 0, 64), entry(300, 0, 64));
        for (int room = 0; room < 12; room++) {
            byte[] backing = new byte[3 + room + 5];
            Arrays.fill(backing, (byte) 0x5A);
            ByteBuffer dst = ByteBuffer.wrap(backing).position(3).limit(3 + room); // room for part of the stack
            assertThatThrownBy(() -> MplsEncoder.encode(h, dst)).as("room %d", room)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12");
            assertThat(backing).as("nothing written with room %d", room).containsOnly(0x5A);
            assertThat(dst.position()).isEqualTo(3);
        }
    }

    @Test
    void shouldRefuseAReadOnlyDestination() {
        ByteBuffer ro = ByteBuffer.allocate(8).asReadOnlyBuffer();
        assertThatThrownBy(() -> MplsEncoder.encode(MplsHeader.of(entry(16, 0, 0)), ro))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> MplsEncoder.encode(null, ByteBuffer.allocate(8))).isInstanceOf(NullPointerException.class);
    }
}
