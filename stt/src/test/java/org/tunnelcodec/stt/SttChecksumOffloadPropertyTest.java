package org.tunnelcodec.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.tunnelcodec.core.MalformedPacketException;

/** A partial checksum is completed from what the frame says about itself: lying frames are refused, never misread. */
class SttChecksumOffloadPropertyTest {
    @Property(tries = 3000)
    void shouldCompleteOrRefuseAnyFrameAndWriteOnlyInside(@ForAll @Size(min = 18, max = 200) byte[] frame,
                                                           @ForAll @IntRange(max = 255) int l4Offset,
                                                           @ForAll @IntRange(max = 15) int flagBits) {
        int flags = (flagBits & 0x0D) | SttFlags.CHECKSUM_PARTIAL; // P set, C clear
        SttFrameHeader h = new SttFrameHeader(0, SttFlags.of(flags), l4Offset, 0, 0, 0, false, 0, 1, 0);
        ByteBuffer b = ByteBuffer.allocate(frame.length + 8);
        b.put(0, frame);
        byte[] before = b.array().clone();
        try {
            int c = SttChecksumOffload.completePartialChecksum(b, 0, frame.length, h);
            assertThat(c).isBetween(0, 0xFFFF);
        } catch (MalformedPacketException expected) {
            assertThat(b.array()).isEqualTo(before);
        } catch (RuntimeException e) {
            fail("threw " + e, e);
        }
        for (int i = frame.length; i < b.capacity(); i++) {
            assertThat(b.get(i)).as("nothing written past the frame").isZero();
        }
    }
}
