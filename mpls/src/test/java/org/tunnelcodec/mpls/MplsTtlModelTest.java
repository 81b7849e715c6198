package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TTL models of RFC 3443 §3 and the rule of Linux's {@code mpls_xmit}
 * ({@code net/mpls/mpls_iptunnel.c}): a route's {@code ttl} attribute 1..255 is a constant, 0
 * propagates; without the attribute, {@code net.mpls.ip_ttl_propagate} (default 1) propagates,
 * else {@code net.mpls.default_ttl} (1..255, default 255) is the constant.
 */
class MplsTtlModelTest {
    @Test
    void shouldCopyTheInnerTtlUnderTheUniformModel() {
        // RFC 3032 §2.4.3, RFC 3443 §3.1: the pushed entry takes the (already decremented) IP TTL
        MplsTtlModel m = MplsTtlModel.uniform();
        assertThat(m.propagates()).isTrue();
        assertThat(m.pushedTtl(64)).isEqualTo(64);
        assertThat(m.pushedTtl(0)).isZero();
        assertThat(m.constantTtl()).isEqualTo(-1);
    }

    @Test
    void shouldPushTheConstantUnderThePipeModel() {
        // RFC 3443 §3.2: the LSP's TTL is independent of the inner packet's
        MplsTtlModel m = MplsTtlModel.pipe(255);
        assertThat(m.propagates()).isFalse();
        assertThat(m.pushedTtl(64)).isEqualTo(255);
        assertThat(m.pushedTtl(1)).isEqualTo(255);
        assertThat(m.constantTtl()).isEqualTo(255);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 256, Integer.MIN_VALUE})
    void shouldRejectPipeTtlOutsideOneTo255(int ttl) {
        assertThatThrownBy(() -> MplsTtlModel.pipe(ttl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ttl: " + ttl + " (expected: 1..255)");
    }

    @Test
    void shouldTreatLinuxRouteTtlZeroAsPropagation() {
        // mpls_build_state: "TTL 0 implies propagate from IP header"
        assertThat(MplsTtlModel.linux(0)).isEqualTo(MplsTtlModel.uniform());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32, 255})
    void shouldTreatLinuxRouteTtlOneTo255AsConstant(int routeTtl) {
        assertThat(MplsTtlModel.linux(routeTtl)).isEqualTo(MplsTtlModel.pipe(routeTtl));
        assertThat(MplsTtlModel.linux(routeTtl).pushedTtl(64)).isEqualTo(routeTtl);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 256})
    void shouldRejectLinuxRouteTtlOutsideAnOctet(int routeTtl) {
        assertThatThrownBy(() -> MplsTtlModel.linux(routeTtl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routeTtl: " + routeTtl + " (expected: 0..255)");
    }

    @Test
    void shouldPropagateWithoutRouteTtlWhenIpTtlPropagateIsOn() {
        assertThat(MplsTtlModel.linuxDefault(true, 200)).isEqualTo(MplsTtlModel.uniform());
        assertThat(MplsTtlModel.linuxDefault()).isEqualTo(MplsTtlModel.uniform());
    }

    @Test
    void shouldUseDefaultTtlWithoutRouteTtlWhenIpTtlPropagateIsOff() {
        assertThat(MplsTtlModel.linuxDefault(false, 200)).isEqualTo(MplsTtlModel.pipe(200));
        assertThat(MplsTtlModel.linuxDefault(false, MplsTtlModel.LINUX_DEFAULT_TTL).pushedTtl(64)).isEqualTo(255);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 256})
    void shouldRejectDefaultTtlOutsideTheSysctlRange(int defaultTtl) {
        // net.mpls.default_ttl accepts 1..255 whatever ip_ttl_propagate says
        assertThatThrownBy(() -> MplsTtlModel.linuxDefault(true, defaultTtl))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("defaultTtl: " + defaultTtl + " (expected: 1..255)");
    }

    @Test
    void shouldShareOneInstancePerBehaviour() {
        // the factories allocate nothing, so a data path may call them per packet
        assertThat(MplsTtlModel.pipe(255)).isSameAs(MplsTtlModel.pipe(255)).isSameAs(MplsTtlModel.linux(255))
                .isSameAs(MplsTtlModel.linuxDefault(false, 255));
        assertThat(MplsTtlModel.linux(0)).isSameAs(MplsTtlModel.uniform()).isSameAs(MplsTtlModel.linuxDefault());
    }

    @Test
    void shouldCompareByBehaviour() {
        assertThat(MplsTtlModel.pipe(64)).isEqualTo(MplsTtlModel.linux(64)).hasSameHashCodeAs(MplsTtlModel.linux(64));
        assertThat(MplsTtlModel.pipe(64)).isNotEqualTo(MplsTtlModel.pipe(65)).isNotEqualTo(MplsTtlModel.uniform());
        assertThat(MplsTtlModel.uniform()).hasToString("uniform");
        assertThat(MplsTtlModel.pipe(255)).hasToString("pipe(255)");
    }
}
