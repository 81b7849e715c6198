package org.tunnelcodec.mpls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The named channel types against the IANA registry "MPLS Generalized Associated Channel (G-ACh)
 * Types" (as updated 2025-06-02): value and the RFC each constant cites.
 */
class AchChannelTypeTest {
    private static Map<AchChannelType, Integer> iana() {
        Map<AchChannelType, Integer> m = new LinkedHashMap<>();
        m.put(AchChannelType.MCC, 0x0001); // RFC 5718
        m.put(AchChannelType.SCC, 0x0002); // RFC 5718
        m.put(AchChannelType.BFD_CONTROL, 0x0007); // RFC 5885
        m.put(AchChannelType.S_BFD_CONTROL, 0x0008); // RFC 7885
        m.put(AchChannelType.DUAL_HOMING_COORDINATION, 0x0009); // RFC 8185
        m.put(AchChannelType.DIRECT_LOSS_MEASUREMENT, 0x000A); // RFC 6374
        m.put(AchChannelType.INFERRED_LOSS_MEASUREMENT, 0x000B); // RFC 6374
        m.put(AchChannelType.DELAY_MEASUREMENT, 0x000C); // RFC 6374
        m.put(AchChannelType.DIRECT_LOSS_AND_DELAY_MEASUREMENT, 0x000D); // RFC 6374
        m.put(AchChannelType.INFERRED_LOSS_AND_DELAY_MEASUREMENT, 0x000E); // RFC 6374
        m.put(AchChannelType.RESIDENCE_TIME_MEASUREMENT, 0x000F); // RFC 8169
        m.put(AchChannelType.TIME_BUCKET_JITTER_MEASUREMENT, 0x0010); // RFC 9571
        m.put(AchChannelType.MULTI_PACKET_DELAY_MEASUREMENT, 0x0011); // RFC 9571
        m.put(AchChannelType.AVERAGE_DELAY_MEASUREMENT, 0x0012); // RFC 9571
        m.put(AchChannelType.MULTIPOINT_BFD_SESSION, 0x0013); // RFC 9780
        m.put(AchChannelType.IPV4, 0x0021); // RFC 4385
        m.put(AchChannelType.MPLS_TP_CC, 0x0022); // RFC 6428
        m.put(AchChannelType.MPLS_TP_CV, 0x0023); // RFC 6428
        m.put(AchChannelType.PSC, 0x0024); // RFC 6378
        m.put(AchChannelType.ON_DEMAND_CV, 0x0025); // RFC 6426
        m.put(AchChannelType.LI, 0x0026); // RFC 6435
        m.put(AchChannelType.PW_OAM, 0x0027); // RFC 6478
        m.put(AchChannelType.MAC_WITHDRAW_OAM, 0x0028); // RFC 7769
        m.put(AchChannelType.PW_STATUS_REFRESH_REDUCTION, 0x0029); // RFC 8237
        m.put(AchChannelType.RING_PROTECTION_SWITCHING, 0x002A); // RFC 8227
        m.put(AchChannelType.IPV6, 0x0057); // RFC 4385
        m.put(AchChannelType.FAULT_OAM, 0x0058); // RFC 6427
        m.put(AchChannelType.GACH_ADVERTISEMENT, 0x0059); // RFC 7212
        m.put(AchChannelType.G_8113_1_OAM, 0x8902); // RFC 6671
        return m;
    }

    @Test
    void shouldCarryTheIanaValues() {
        iana().forEach((type, value) -> {
            assertThat(type.value()).as(type.knownName()).isEqualTo(value);
            assertThat(type.isKnown()).isTrue();
            assertThat(AchChannelType.of(value)).as("the shared constant").isSameAs(type);
            assertThat(type.isExperimental()).isFalse();
        });
    }

    @Test
    void shouldNameEveryConstantAfterItsField() throws ReflectiveOperationException {
        int constants = 0;
        for (java.lang.reflect.Field f : AchChannelType.class.getFields()) {
            if (f.getType() == AchChannelType.class) {
                AchChannelType t = (AchChannelType) f.get(null);
                assertThat(t.knownName()).isEqualTo(f.getName());
                assertThat(iana()).containsKey(t);
                constants++;
            }
        }
        assertThat(constants).isEqualTo(iana().size());
    }

    @Test
    void shouldPrintNameAndValue() {
        assertThat(AchChannelType.BFD_CONTROL).hasToString("BFD_CONTROL(0x0007)");
        assertThat(AchChannelType.G_8113_1_OAM).hasToString("G_8113_1_OAM(0x8902)");
        assertThat(AchChannelType.of(0x1234)).hasToString("0x1234");
        assertThat(AchChannelType.of(0x1234).knownName()).isNull();
    }

    @Test
    void shouldMarkTheExperimentalRange() {
        // RFC 5586: 0x7FF8-0x7FFF are reserved for experimental use.
        for (int v = 0x7FF8; v <= 0x7FFF; v++) {
            AchChannelType t = AchChannelType.of(v);
            assertThat(t.isExperimental()).isTrue();
            assertThat(t.isKnown()).isFalse();
        }
        assertThat(AchChannelType.of(0x7FF7).isExperimental()).isFalse();
        assertThat(AchChannelType.of(0x8000).isExperimental()).isFalse();
    }

    @Test
    void shouldTreatUnassignedAndReservedValuesAsPlainValues() {
        assertThat(AchChannelType.of(0x0000).isKnown()).as("0x0000 is Reserved, unnamed").isFalse();
        assertThat(AchChannelType.of(0x0003).isKnown()).isFalse();
        assertThat(AchChannelType.of(0xABCD)).isEqualTo(new AchChannelType(0xABCD));
    }

    @Test
    void shouldRefuseAValueOutsideSixteenBits() {
        assertThatThrownBy(() -> AchChannelType.of(0x10000)).hasMessage("value: 65536 (expected: 0..65535)");
        assertThatThrownBy(() -> new AchChannelType(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
