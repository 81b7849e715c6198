package org.tunnelcodec.gre.wccp.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WccpComponentTypeTest {
    @Test
    void shouldLookUpEveryConstantByItsCodeAndNothingElse() {
        Set<Integer> codes = new HashSet<>();
        for (WccpComponentType t : WccpComponentType.values()) {
            assertThat(codes.add(t.code())).as("code %d declared once", t.code()).isTrue();
            assertThat(WccpComponentType.of(t.code())).isSameAs(t);
            assertThat(WccpComponentType.nameOf(t.code())).isEqualTo(t.fieldName());
        }
        for (int code : new int[] {-1, 9, 10, 11, 12, 18, 0xFFFF}) {
            assertThat(WccpComponentType.of(code)).isNull();
            assertThat(WccpComponentType.isDecoded(code)).isFalse();
            assertThat(WccpComponentType.nameOf(code)).isEqualTo("component type " + code);
        }
    }

    @Test
    void shouldDecodeATypeIntoItsOwnRecordExactlyWhenTheTableSaysItHasOne() {
        for (WccpComponentType t : WccpComponentType.values()) {
            // An empty body: a type with a record refuses it (its fields do not fit) or, for the
            // lists, decodes it into its record; a type without a record keeps it raw.
            ByteBuffer b = ByteBuffer.allocate(12).putInt(10).putShort((short) 0x0200).putShort((short) 4)
                    .putShort((short) t.code()).putShort((short) 0).flip();
            WccpComponent c;
            try {
                c = WccpMessageDecoder.decode(b).header().components().get(0);
            } catch (org.tunnelcodec.core.MalformedPacketException e) {
                assertThat(t.hasRecord()).as("%s refused an empty body, so it has a record", t).isTrue();
                continue;
            }
            assertThat(c.type()).isEqualTo(t.code());
            assertThat(c instanceof WccpComponent.UnknownComponent).as("%s kept raw", t).isEqualTo(!t.hasRecord());
        }
    }
}
