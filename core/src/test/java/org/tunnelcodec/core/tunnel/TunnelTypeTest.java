package org.tunnelcodec.core.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The tunnel type is an open code point like the project's others. */
class TunnelTypeTest {
    @Test
    void shouldGiveTheSharedConstantForEveryKnownValue() {
        for (int v = 0; v <= 14; v++) {
            TunnelType t = TunnelType.of(v);
            assertThat(t.isKnown()).isTrue();
            assertThat(TunnelType.of(v)).isSameAs(t);
            assertThat(t.toString()).isEqualTo(t.knownName() + "(" + v + ")");
        }
        assertThat(TunnelType.of(8)).isSameAs(TunnelType.WCCP);
        assertThat(TunnelType.MPLS.toString()).isEqualTo("MPLS(10)");
    }

    @Test
    void shouldKeepAnUnknownValueAsAValue() {
        TunnelType mine = TunnelType.of(TunnelType.FIRST_PRIVATE + 5);
        assertThat(mine.isKnown()).isFalse();
        assertThat(mine.knownName()).isNull();
        assertThat(mine).hasToString("32773").isEqualTo(new TunnelType(32773));
    }

    @Test
    void shouldRefuseAValueOutsideSixteenBits() {
        assertThatThrownBy(() -> TunnelType.of(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value: -1 (expected: 0..65535)");
        assertThatThrownBy(() -> TunnelType.of(0x10000)).isInstanceOf(IllegalArgumentException.class);
    }
}
