package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * The VXLAN receive policies: RFC 7348 §5 (I required, reserved bits ignored), Linux without
 * extensions (exactly I) and Linux with the Group Policy extension (G, D, A and the Group Policy
 * ID consumed), each with the error it names.
 */
class VxlanPolicyTest {
    private static final VxlanHeader PLAIN = VxlanHeader.of(100);
    private static final VxlanHeader GBP = VxlanHeader.withGroupPolicy(100, 7, true, true);
    private static final VxlanHeader I_CLEAR = new VxlanHeader(0, 0, 100, 0);
    private static final VxlanHeader RESERVED_FLAG = new VxlanHeader(0x0800 | 0x0100, 0, 100, 0);
    private static final VxlanHeader RESERVED_WORD = new VxlanHeader(0x0800, 1, 100, 0);
    private static final VxlanHeader RESERVED_OCTET = new VxlanHeader(0x0800, 0, 100, 1);
    /** The first header of Suricata's non-zero reserved fields capture (see VxlanDecoderTest). */
    private static final VxlanHeader SURICATA = new VxlanHeader(0xff01, 53746, 11, 0);

    @Test
    void shouldAcceptUnderRfc7348EveryHeaderWithIAndIgnoreTheReservedBits() {
        for (VxlanHeader h : new VxlanHeader[] {PLAIN, GBP, RESERVED_FLAG, RESERVED_WORD, RESERVED_OCTET, SURICATA}) {
            assertThat(VxlanPolicy.RFC_7348.accepts(h)).as("%s", h).isTrue();
        }
        assertThat(VxlanPolicy.RFC_7348.accepts(I_CLEAR)).isFalse();
    }

    @Test
    void shouldRefuseAClearIUnderEveryPolicyAsABadValue() {
        for (VxlanPolicy p : VxlanPolicy.values()) {
            assertThatThrownBy(() -> p.check(I_CLEAR)).isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
                assertThat(e.field()).isEqualTo("I");
                assertThat(e.getMessage()).isEqualTo(
                        "vxlan I BAD_VALUE at offset 0: 0 (expected: 1 for a valid VXLAN Network ID, RFC 7348 §5)");
            });
        }
    }

    @Test
    void shouldAcceptUnderLinuxOnlyExactlyI() {
        assertThat(VxlanPolicy.LINUX.accepts(PLAIN)).isTrue();
        assertThat(VxlanPolicy.LINUX.accepts(GBP)).isFalse();
        assertThatThrownBy(() -> VxlanPolicy.LINUX.check(RESERVED_FLAG)).isInstanceOfSatisfying(MalformedPacketException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.RESERVED_NONZERO);
                    assertThat(e.field()).isEqualTo("Flags");
                    assertThat(e.value()).isEqualTo(0x0900);
                });
        assertThatThrownBy(() -> VxlanPolicy.LINUX.check(RESERVED_WORD)).isInstanceOfSatisfying(MalformedPacketException.class,
                e -> assertThat(e.offset()).isEqualTo(2));
        assertThatThrownBy(() -> VxlanPolicy.LINUX.check(RESERVED_OCTET)).isInstanceOfSatisfying(MalformedPacketException.class,
                e -> assertThat(e.offset()).isEqualTo(7));
        assertThat(VxlanPolicy.LINUX.accepts(SURICATA)).isFalse();
    }

    @Test
    void shouldAcceptUnderLinuxWithGbpTheGroupPolicyBitsButNoOtherReservedBit() {
        assertThat(VxlanPolicy.LINUX_GBP.accepts(PLAIN)).isTrue();
        assertThat(VxlanPolicy.LINUX_GBP.accepts(GBP)).isTrue();
        assertThat(VxlanPolicy.LINUX_GBP.accepts(RESERVED_WORD)).isTrue(); // the Group Policy ID, consumed with G clear too
        assertThat(VxlanPolicy.LINUX_GBP.accepts(new VxlanHeader(0x0800 | 0x00ff, 0, 1, 0))).isTrue(); // bits 8-15, D and A among them
        assertThat(VxlanPolicy.LINUX_GBP.accepts(RESERVED_FLAG)).isFalse(); // bit 7, in the flags octet: not consumed
        assertThat(VxlanPolicy.LINUX_GBP.accepts(new VxlanHeader(0x0800 | 0x4000, 0, 1, 0))).isFalse(); // bit 1
        assertThat(VxlanPolicy.LINUX_GBP.accepts(new VxlanHeader(0x0800 | 0x0400, 3, 1, 0))).isFalse(); // Zeek's triple
        assertThat(VxlanPolicy.LINUX_GBP.accepts(RESERVED_OCTET)).isFalse();
        assertThat(VxlanPolicy.LINUX_GBP.accepts(SURICATA)).isFalse();
    }
}
