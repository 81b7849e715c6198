package org.tunnelcodec.vxlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * {@link VxlanView} and {@link GeneveView} agree with the decoders on every range of valid,
 * mutated and random packets: a wrap succeeds exactly when decode does, with the same fields,
 * options and payload, and fails with the same exception; a failed wrap empties the view.
 */
class VxlanViewPropertyTest {
    private final VxlanView vxlan = new VxlanView();
    private final GeneveView geneve = new GeneveView();

    @Provide
    Arbitrary<byte[]> vxlanPackets() {
        return Arbitraries.oneOf(VxlanArbitraries.vxlanPackets(), VxlanArbitraries.mutated(VxlanArbitraries.vxlanPackets()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(24));
    }

    @Provide
    Arbitrary<byte[]> genevePackets() {
        return Arbitraries.oneOf(VxlanArbitraries.genevePackets(), VxlanArbitraries.mutated(VxlanArbitraries.genevePackets()),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    private static ByteBuffer placed(byte[] bytes, int at, boolean littleEndian) {
        ByteBuffer b = ByteBuffer.allocate(at + bytes.length + 8);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) 0xA5);
        }
        b.put(at, bytes);
        return b.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    @Property(tries = 500)
    void shouldWrapVxlanExactlyWhenDecodeSucceedsAndAgreeWithIt(@ForAll("vxlanPackets") byte[] bytes,
                                                                 @ForAll @IntRange(max = 5) int at,
                                                                 @ForAll boolean littleEndian) {
        ByteBuffer src = placed(bytes, at, littleEndian);
        for (int limit = at; limit <= at + bytes.length; limit++) {
            Decoded<VxlanHeader> d = null;
            String error = null;
            try {
                d = VxlanDecoder.decode(src, at, limit);
            } catch (MalformedPacketException e) {
                error = e.getMessage();
            }
            try {
                vxlan.wrap(src, at, limit);
                assertThat(d).as("the view wrapped what decode refused: %s", error).isNotNull();
                VxlanHeader h = d.header();
                assertThat(vxlan.toHeader()).isEqualTo(h);
                assertThat(vxlan.flags()).isEqualTo(h.flags());
                assertThat(vxlan.groupPolicyId()).isEqualTo(h.groupPolicyId());
                assertThat(vxlan.vni()).isEqualTo(h.vni());
                assertThat(vxlan.reservedOctet()).isEqualTo(h.reservedOctet());
                assertThat(vxlan.vniValid()).isEqualTo(h.vniValid());
                assertThat(vxlan.groupPolicy()).isEqualTo(h.groupPolicy());
                assertThat(vxlan.dontLearn()).isEqualTo(h.dontLearn());
                assertThat(vxlan.policyApplied()).isEqualTo(h.policyApplied());
                assertThat(vxlan.reservedFlags()).isEqualTo(h.reservedFlags());
                assertThat(vxlan.index()).isEqualTo(at);
                assertThat(vxlan.headerLength()).isEqualTo(d.headerLength());
                assertThat(vxlan.payloadIndex()).isEqualTo(d.payloadIndex());
                assertThat(vxlan.payloadLength()).isEqualTo(d.payloadLength());
                assertThat(vxlan.source()).isSameAs(src);
                for (VxlanPolicy p : VxlanPolicy.values()) {
                    assertThat(p.accepts(vxlan)).isEqualTo(p.accepts(h));
                }
            } catch (MalformedPacketException e) {
                assertThat(d).as("the view refused what decode accepted").isNull();
                assertThat(e.getMessage()).isEqualTo(error);
                assertThat(vxlan.isWrapped()).isFalse();
                assertThatThrownBy(vxlan::vni).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Property(tries = 500)
    void shouldWrapGeneveExactlyWhenDecodeSucceedsAndAgreeWithIt(@ForAll("genevePackets") byte[] bytes,
                                                                  @ForAll @IntRange(max = 5) int at,
                                                                  @ForAll boolean littleEndian) {
        ByteBuffer src = placed(bytes, at, littleEndian);
        for (int limit = at; limit <= at + bytes.length; limit++) {
            Decoded<GeneveHeader> d = null;
            String error = null;
            try {
                d = GeneveDecoder.decode(src, at, limit);
            } catch (MalformedPacketException e) {
                error = e.getMessage();
            }
            try {
                geneve.wrap(src, at, limit);
                assertThat(d).as("the view wrapped what decode refused: %s", error).isNotNull();
                agree(geneve, d, src);
            } catch (MalformedPacketException e) {
                assertThat(d).as("the view refused what decode accepted").isNull();
                assertThat(e.getMessage()).isEqualTo(error);
                assertThat(geneve.isWrapped()).isFalse();
                assertThatThrownBy(geneve::optionCount).isInstanceOf(IllegalStateException.class);
            } catch (RuntimeException e) {
                fail("the view threw " + e, e);
            }
        }
    }

    private static void agree(GeneveView v, Decoded<GeneveHeader> d, ByteBuffer src) {
        GeneveHeader h = d.header();
        assertThat(v.toHeader()).isEqualTo(h);
        assertThat(v.controlPacket()).isEqualTo(h.controlPacket());
        assertThat(v.criticalOptionsPresent()).isEqualTo(h.criticalOptionsPresent());
        assertThat(v.reservedFlags()).isEqualTo(h.reservedFlags());
        assertThat(v.protocolType()).isEqualTo(h.protocolType().value());
        assertThat(v.vni()).isEqualTo(h.vni());
        assertThat(v.reservedOctet()).isEqualTo(h.reservedOctet());
        assertThat(v.optionsLength()).isEqualTo(h.optionsLength());
        assertThat(v.headerLength()).isEqualTo(d.headerLength());
        assertThat(v.payloadIndex()).isEqualTo(d.payloadIndex());
        assertThat(v.payloadLength()).isEqualTo(d.payloadLength());
        assertThat(v.hasCriticalOption()).isEqualTo(h.hasCriticalOption());
        List<GeneveOption> options = h.options();
        assertThat(v.optionCount()).isEqualTo(options.size());
        for (int i = 0; i < options.size(); i++) {
            GeneveOption o = options.get(i);
            assertThat(v.optionClass(i)).isEqualTo(o.optionClass());
            assertThat(v.optionType(i)).isEqualTo(o.type());
            assertThat(v.optionCritical(i)).isEqualTo(o.critical());
            assertThat(v.optionReserved(i)).isEqualTo(o.reserved());
            assertThat(v.optionDataLength(i)).isEqualTo(o.data().length());
            byte[] data = new byte[v.optionDataLength(i)];
            src.get(v.optionDataIndex(i), data);
            assertThat(data).isEqualTo(o.data().toByteArray());
            int found = v.findOption(o.optionClass(), o.type());
            assertThat(found).isBetween(0, i);
            assertThat(options.get(found).optionClass()).isEqualTo(o.optionClass());
            assertThat(options.get(found).type()).isEqualTo(o.type());
        }
        int count = options.size();
        assertThatThrownBy(() -> v.optionClass(count)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> v.optionDataIndex(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Property(tries = 200)
    void shouldFindNoOptionThatIsNotThere(@ForAll("genevePackets") byte[] bytes, @ForAll @IntRange(max = 0xFFFF) int optionClass,
                                          @ForAll @IntRange(max = 0xFF) int type) {
        ByteBuffer src = ByteBuffer.wrap(bytes);
        try {
            GeneveHeader h = GeneveDecoder.decode(src).header();
            geneve.wrap(src);
            boolean present = h.options().stream().anyMatch(o -> o.optionClass() == optionClass && o.type() == type);
            assertThat(geneve.findOption(optionClass, type) >= 0).isEqualTo(present);
        } catch (MalformedPacketException e) {
            assertThatThrownBy(() -> geneve.wrap(src)).hasMessage(e.getMessage());
        }
    }
}
