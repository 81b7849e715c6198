package org.tunnelcodec.core.encap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL4;
import static org.tunnelcodec.core.encap.EncapPackets.LOCAL6;
import static org.tunnelcodec.core.encap.EncapPackets.REMOTE6;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.Ipv4Address;

class TemplateStoreTest {
    /** A VXLAN-like template to {@code remote} with {@code vni}. */
    static EncapTemplate vxlan(int remote, int vni) {
        return EncapTemplate.of(Ipv4TemplateHeader.of(LOCAL4, Ipv4Address.of(remote)),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), OpaqueHeader.vxlan(vni));
    }

    private static final byte[] FRAME = EncapPackets.ethernet(0x0800, 0, EncapPackets.ipv4(0x12, 33, 64));

    /** What {@code template} pushes onto {@link #FRAME}, from its start to the frame's end. */
    private static byte[] pushed(EncapTemplate template) {
        ByteBuffer b = EncapPackets.buffer(200, FRAME, 0);
        int start = template.push(b, 200, b.limit(), InnerType.ETHERNET);
        byte[] out = new byte[b.limit() - start];
        b.get(start, out);
        return out;
    }

    private static byte[] pushed(TemplateStore store, int handle) {
        ByteBuffer b = EncapPackets.buffer(200, FRAME, 0);
        int start = store.push(handle, b, 200, b.limit(), InnerType.ETHERNET);
        byte[] out = new byte[b.limit() - start];
        b.get(start, out);
        return out;
    }

    @Test
    void shouldPushWhatEachTemplatePushes() {
        TemplateStore store = new TemplateStore();
        List<EncapTemplate> templates = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            EncapTemplate t = i % 3 == 0 ? vxlan(0x0A000000 + i, i)
                    : EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6).withFlowLabel(i),
                    UdpTemplateHeader.flowHash(4789, UdpChecksumMode.COMPUTE), OpaqueHeader.ofLength(8 + i % 5 * 4, i));
            templates.add(t);
            assertThat(store.add(t)).isEqualTo(i);
        }
        for (int i = 0; i < templates.size(); i++) {
            assertThat(pushed(store, i)).as("handle %d", i).isEqualTo(pushed(templates.get(i)));
            assertThat(store.template(i)).isEqualTo(templates.get(i));
            assertThat(store.contains(i)).isTrue();
        }
        assertThat(store.size()).isEqualTo(3000);
        assertThat(store.templateCount()).isEqualTo(3000);
        assertThat(store.programCount()).as("programs are shared by templates of one shape").isEqualTo(6);
    }

    @Test
    void shouldStoreIdenticalTemplatesOnceAndCopyOnReplace() {
        TemplateStore store = new TemplateStore(1);
        int a = store.add(vxlan(1, 1));
        int b = store.add(vxlan(1, 1));
        int c = store.add(List.of(Ipv4TemplateHeader.of(LOCAL4, Ipv4Address.of(1)),
                UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO), OpaqueHeader.vxlan(1)));
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.templateCount()).isEqualTo(1);
        store.replace(b, vxlan(2, 2));
        assertThat(store.templateCount()).isEqualTo(2);
        assertThat(pushed(store, a)).isEqualTo(pushed(vxlan(1, 1)));
        assertThat(pushed(store, b)).isEqualTo(pushed(vxlan(2, 2)));
        assertThat(pushed(store, c)).isEqualTo(pushed(vxlan(1, 1)));
        store.replace(a, vxlan(1, 1)); // the same template again: nothing changes
        assertThat(store.templateCount()).isEqualTo(2);
        store.remove(a);
        store.remove(c);
        assertThat(store.templateCount()).isEqualTo(1);
        assertThat(pushed(store, b)).isEqualTo(pushed(vxlan(2, 2)));
        store.remove(b);
        assertThat(store.size()).isZero();
        assertThat(store.templateCount()).isZero();
        assertThat(store.programCount()).isZero();
    }

    @Test
    void shouldReuseRemovedHandlesAndRefuseDeadOnes() {
        TemplateStore store = new TemplateStore();
        for (int i = 0; i < 10; i++) {
            store.add(vxlan(i, i));
        }
        store.remove(7);
        assertThat(store.contains(7)).isFalse();
        ByteBuffer b = EncapPackets.buffer(64, FRAME, 0);
        byte[] before = b.array().clone();
        for (int dead : new int[] {7, -1, 10, 1 << 20, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> store.push(dead, b, 64, b.limit(), InnerType.ETHERNET))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("handle: " + dead + " (expected: a live handle)");
            assertThatThrownBy(() -> store.replace(dead, vxlan(1, 1))).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.remove(dead)).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.template(dead)).isExactlyInstanceOf(IllegalArgumentException.class);
        }
        assertThat(b.array()).isEqualTo(before);
        assertThat(store.add(vxlan(70, 70))).isEqualTo(7);
        assertThat(store.add(vxlan(11, 11))).isEqualTo(10);
        assertThat(pushed(store, 7)).isEqualTo(pushed(vxlan(70, 70)));
    }

    @Test
    void shouldReuseFreedSpaceInsteadOfGrowing() {
        TemplateStore store = new TemplateStore();
        int small = store.add(vxlan(1, 1));
        int large = store.add(List.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6), UdpTemplateHeader.flowHash(4789,
                UdpChecksumMode.COMPUTE), OpaqueHeader.vxlan(1)));
        long pages = store.pageBytes();
        for (int i = 0; i < 200_000; i++) {
            store.replace(small, vxlan(2 + i % 1000, i));
            store.replace(large, i % 2 == 0 ? vxlan(5, i) : EncapTemplate.of(Ipv6TemplateHeader.of(LOCAL6, REMOTE6)
                    .withFlowLabel(i % 1000), UdpTemplateHeader.flowHash(4789, UdpChecksumMode.COMPUTE), OpaqueHeader.vxlan(1)));
        }
        assertThat(store.pageBytes()).isEqualTo(pages);
        assertThat(store.templateCount()).isEqualTo(2);
        assertThat(store.programCount()).isEqualTo(2);
    }

    @Test
    void shouldPushWithTheCallersFlowHash() {
        TemplateStore store = new TemplateStore();
        EncapTemplate t = vxlan(3, 3);
        int h = store.add(t);
        ByteBuffer a = EncapPackets.buffer(64, FRAME, 0);
        ByteBuffer b = EncapPackets.buffer(64, FRAME, 0);
        assertThat(store.push(h, a, 64, a.limit(), InnerType.ETHERNET, 42)).isEqualTo(t.push(b, 64, b.limit(),
                InnerType.ETHERNET, 42));
        assertThat(a.array()).isEqualTo(b.array());
    }

    @Test
    void shouldRefuseAStripeCountThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new TemplateStore(3)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("stripes: 3 (expected: a power of two)");
        assertThatThrownBy(() -> new TemplateStore(8192)).hasMessage("stripes: 8192 (expected: 1..4096)");
        assertThat(new TemplateStore(1).size()).isZero();
    }
}
