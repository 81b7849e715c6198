package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * The control word record and the sequencing rules of RFC 4385 §4.1 (sender) and §4.2
 * (receiver), with the Length rule of §4.
 */
class ControlWordTest {
    @Test
    void shouldStartTheSequenceAtOneAndWrapFrom65535ToOne() {
        // E7; RFC 4385 §4.1: the first packet carries 1, 65535 is followed by 1, 0 is never sent.
        assertThat(ControlWord.nextSequenceNumber(0)).isEqualTo(1);
        assertThat(ControlWord.nextSequenceNumber(1)).isEqualTo(2);
        assertThat(ControlWord.nextSequenceNumber(65534)).isEqualTo(65535);
        assertThat(ControlWord.nextSequenceNumber(65535)).isEqualTo(1);
    }

    @Test
    void shouldVisitEveryNonZeroSequenceNumberOnceARoundAndNeverZero() {
        // E7: a whole round from the first packet is 65535 numbers, 1..65535, then 1 again.
        BitSet seen = new BitSet(65536);
        int s = 0;
        for (int i = 0; i < 65535; i++) {
            s = ControlWord.nextSequenceNumber(s);
            assertThat(seen.get(s)).as("%d twice", s).isFalse();
            seen.set(s);
        }
        assertThat(seen.get(0)).isFalse();
        assertThat(seen.cardinality()).isEqualTo(65535);
        assertThat(ControlWord.nextSequenceNumber(s)).isEqualTo(1);
    }

    @Test
    void shouldRefuseASequenceNumberOutsideSixteenBits() {
        assertThatThrownBy(() -> ControlWord.nextSequenceNumber(65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("previous: 65536 (expected: 0..65535)");
        assertThatThrownBy(() -> ControlWord.nextSequenceNumber(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlWord.sequenceNumberInOrder(1, 65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("received: 65536 (expected: 0..65535)");
        // The receiver's expected number starts at 1 and skips 0 as the sender's does.
        assertThatThrownBy(() -> ControlWord.sequenceNumberInOrder(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected: 0 (expected: 1..65535)");
    }

    @Test
    void shouldTakeAPacketWithSequenceNumberZeroAsInOrder() {
        // RFC 4385 §4.2: with 0 the sequence integrity cannot be determined; the packet is in order.
        for (int expected : new int[] {1, 2, 32768, 65535}) {
            assertThat(ControlWord.sequenceNumberInOrder(expected, 0)).isTrue();
        }
    }

    @Test
    void shouldTakeTheExpectedNumberAndTheHalfSpaceAfterItAsInOrder() {
        // RFC 4385 §4.2: received >= expected and received - expected < 32768.
        assertThat(ControlWord.sequenceNumberInOrder(100, 100)).isTrue();
        assertThat(ControlWord.sequenceNumberInOrder(100, 101)).as("one lost").isTrue();
        assertThat(ControlWord.sequenceNumberInOrder(100, 100 + 32767)).isTrue();
        assertThat(ControlWord.sequenceNumberInOrder(100, 100 + 32768)).isFalse();
        assertThat(ControlWord.sequenceNumberInOrder(1, 32768)).isTrue();
        assertThat(ControlWord.sequenceNumberInOrder(1, 32769)).isFalse();
    }

    @Test
    void shouldTakeLateAndDuplicatePacketsAsOutOfOrder() {
        // RFC 4385 §4.2: received < expected and expected - received < 32768.
        assertThat(ControlWord.sequenceNumberInOrder(100, 99)).as("duplicate of the last").isFalse();
        assertThat(ControlWord.sequenceNumberInOrder(100, 1)).isFalse();
        assertThat(ControlWord.sequenceNumberInOrder(32768, 1)).isFalse();
    }

    @Test
    void shouldTakeNumbersPastTheWrapAsInOrder() {
        // RFC 4385 §4.2: received < expected and expected - received >= 32768: the sender wrapped.
        assertThat(ControlWord.sequenceNumberInOrder(65535, 1)).as("65535 lost, the sender wrapped to 1").isTrue();
        assertThat(ControlWord.sequenceNumberInOrder(65535, 65535)).isTrue();
        assertThat(ControlWord.sequenceNumberInOrder(65000, 10)).isTrue();
        assertThat(ControlWord.sequenceNumberInOrder(32769, 1)).isTrue();
        // and a packet from before the wrap, arriving after it, is late
        assertThat(ControlWord.sequenceNumberInOrder(1, 65535)).isFalse();
        assertThat(ControlWord.sequenceNumberInOrder(2, 65000)).isFalse();
    }

    @Test
    void shouldKeepAReceiverInStepWithASenderAcrossTwoWraps() {
        // RFC 4385 §4.1 and §4.2 together: in-order delivery is always in order, through 65535 -> 1.
        int sent = 0;
        int expected = 1;
        for (int i = 0; i < 2 * 65535 + 10; i++) {
            sent = ControlWord.nextSequenceNumber(sent);
            assertThat(ControlWord.sequenceNumberInOrder(expected, sent)).isTrue();
            expected = ControlWord.nextSequenceNumber(sent);
        }
        assertThat(sent).isEqualTo(10);
    }

    @Test
    void shouldFindTheLaterOfTwoSwappedPacketsOutOfOrderAtTheWrap() {
        // 65535 and 1 swapped: 1 arrives first (in order: 65535 was lost or late), 65535 is then late.
        int expected = 65535;
        assertThat(ControlWord.sequenceNumberInOrder(expected, 1)).isTrue();
        expected = ControlWord.nextSequenceNumber(1);
        assertThat(ControlWord.sequenceNumberInOrder(expected, 65535)).isFalse();
    }

    @Test
    void shouldSetLengthOnlyWhenTheControlWordAndPayloadAreShorterThan64Octets() {
        // E7; RFC 4385 §4.
        assertThat(ControlWord.lengthFor(0)).isEqualTo(4);
        assertThat(ControlWord.lengthFor(14)).isEqualTo(18);
        assertThat(ControlWord.lengthFor(59)).isEqualTo(63);
        assertThat(ControlWord.lengthFor(60)).isZero();
        assertThat(ControlWord.lengthFor(1500)).isZero();
        assertThat(ControlWord.lengthFor(Integer.MAX_VALUE)).isZero();
        assertThatThrownBy(() -> ControlWord.lengthFor(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildTheEthernetControlWordWithBitsFourToFifteenZero() {
        // E7; RFC 4448 §4.6.
        assertThat(ControlWord.ethernet(42)).isEqualTo(new ControlWord(0, 0, 0, 42));
        assertThat(ControlWord.ethernet(0).sequenceNumber()).as("sequencing not used").isZero();
        assertThatThrownBy(() -> ControlWord.ethernet(65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseComponentsOutsideTheirFields() {
        assertThatThrownBy(() -> new ControlWord(16, 0, 0, 0)).hasMessage("flags: 16 (expected: 0..15)");
        assertThatThrownBy(() -> new ControlWord(0, 4, 0, 0)).hasMessage("fragmentation: 4 (expected: 0..3)");
        assertThatThrownBy(() -> new ControlWord(0, 0, 64, 0)).hasMessage("length: 64 (expected: 0..63)");
        assertThatThrownBy(() -> new ControlWord(0, 0, 0, -1)).hasMessage("sequenceNumber: -1 (expected: 0..65535)");
    }

    @Test
    void shouldRefuseALengthShorterThanTheControlWord() {
        // What the decoder refuses (BAD_LENGTH) no record holds: Length 1..3 (RFC 4385 §4).
        for (int length = 1; length <= 3; length++) {
            int l = length;
            assertThatThrownBy(() -> new ControlWord(0, 0, l, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("length: " + l + " (expected: 0 or 4..63");
        }
        assertThat(new ControlWord(0, 0, 4, 0).payloadLength()).isZero();
        assertThat(new ControlWord(0, 0, 63, 0).payloadLength()).isEqualTo(59);
        assertThat(new ControlWord(0, 0, 0, 0).payloadLength()).isEqualTo(-1);
    }
}
