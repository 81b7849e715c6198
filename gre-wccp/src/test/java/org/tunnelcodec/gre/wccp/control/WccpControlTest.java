package org.tunnelcodec.gre.wccp.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** {@link WccpControl#version}: Type 7-9 is v1, 10-13 v2 ([V1], [W01] 5.5, [R1] 3.4). */
class WccpControlTest {
    private static ByteBuffer type(int type) {
        return ByteBuffer.allocate(8).putInt(0, type).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void shouldTellVersionOneFromVersionTwoByTheType() {
        for (int t = 7; t <= 9; t++) {
            assertThat(WccpControl.version(type(t), 0)).isEqualTo(1);
        }
        for (int t = 10; t <= 13; t++) {
            assertThat(WccpControl.version(type(t), 0)).isEqualTo(2);
        }
        for (int t : new int[] {0, 6, 14, 0x0A000000, -1}) {
            assertThat(WccpControl.version(type(t), 0)).isZero();
        }
    }

    @Test
    void shouldAnswerZeroForFewerThanFourOctetsAndRefuseAnIndexPastTheLimit() {
        ByteBuffer b = type(10).limit(3);
        assertThat(WccpControl.version(b, 0)).isZero();
        assertThat(WccpControl.version(b, 3)).isZero();
        assertThatThrownBy(() -> WccpControl.version(b, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> WccpControl.version(b, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(b.position()).isZero();
    }
}
