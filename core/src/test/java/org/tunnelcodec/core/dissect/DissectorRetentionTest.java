package org.tunnelcodec.core.dissect;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * A dissector that a thread has used and dropped can be collected once the thread dissects
 * with another one: the walk that {@link Dissector#dissect} keeps per thread for reuse keeps
 * no more than the last dissector alive (a slot per dissector would keep every dissector a
 * long-lived thread ever used, through its walk).
 */
class DissectorRetentionTest {
    private static final ByteBuffer FRAME = ByteBuffer.wrap(new byte[] {
        2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 0x08, 0x06, 0, 1, 8, 0, 6, 4, 0, 1});

    @Test
    void shouldLetADroppedDissectorGoOnceTheThreadUsesAnother() throws InterruptedException {
        WeakReference<Dissector> dropped = dissectOnceAndDrop();
        Dissector other = Dissector.builder().add(CoreLayers.bindings()).build();
        assertThat(other.dissect(LinkType.ETHERNET, FRAME.duplicate()).layers()).hasSize(1);
        for (int i = 0; i < 50 && dropped.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(dropped.get()).as("the first dissector, dropped by its user").isNull();
    }

    private static WeakReference<Dissector> dissectOnceAndDrop() {
        Dissector d = Dissector.builder().add(CoreLayers.bindings()).build();
        assertThat(d.dissect(LinkType.ETHERNET, FRAME.duplicate()).layers()).hasSize(1);
        return new WeakReference<>(d);
    }
}
