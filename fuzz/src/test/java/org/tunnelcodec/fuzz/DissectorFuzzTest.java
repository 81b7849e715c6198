package org.tunnelcodec.fuzz;

import static org.tunnelcodec.fuzz.Contract.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.DissectedLayer;
import org.tunnelcodec.core.dissect.Dissection;
import org.tunnelcodec.core.dissect.Dissector;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.dissect.ProtocolLayer;
import org.tunnelcodec.gre.GreLayers;
import org.tunnelcodec.lisp.LispControlLayers;
import org.tunnelcodec.lisp.LispLayers;
import org.tunnelcodec.mip6.Mip6Layers;
import org.tunnelcodec.mpls.MplsLayers;
import org.tunnelcodec.stt.SttLayers;
import org.tunnelcodec.vxlan.VxlanLayers;

/**
 * Fuzz test of the dissector and its allocation-free walk, composed of the core, GRE/WCCP,
 * MPLS, VXLAN/Geneve, LISP (data and control plane), Mobile IPv6 and STT layers as tunneldump composes them
 * (the LISP control layer added here; the MPLS layers without label
 * bindings; the stateless STT bindings, so that a frame's dissection depends on that frame
 * alone). The input's first octet picks the link type; the rest is the frame.
 */
class DissectorFuzzTest {
    static final Dissector DISSECTOR = Dissector.builder().add(CoreLayers.bindings())
            .add(GreLayers.bindings()).add(MplsLayers.bindings()).add(VxlanLayers.bindings())
            .add(LispLayers.bindings()).add(LispControlLayers.bindings()).add(Mip6Layers.bindings())
            .add(SttLayers.bindings()).build();
    private static final FrameWalk WALK = DISSECTOR.newWalk();
    static final List<LinkType> LINK_TYPES = List.of(LinkType.ETHERNET, LinkType.RAW, LinkType.IPV4,
            LinkType.IPV6, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.NULL, LinkType.LOOP, LinkType.PPP,
            LinkType.C_HDLC);

    /** One layer, as both dissect and the walk report it. */
    record Layer(String name, int offset, int length, int payloadLength, int buffer, Object header) {
    }

    /** A dissection in comparable form, offsets from the frame's start. */
    record Outcome(List<Layer> layers, Dissection.StopReason stopReason, int stopOffset, int remaining,
                   String failedLayer, String error) {
    }

    /**
     * {@link Dissector#dissect} never throws and leaves the frame alone; the walk reports the same
     * layers and stop; every layer the walk accepts, its decoder accepts with the same lengths and
     * record; and the decoder of the layer that refused the bytes refuses them with the same error.
     */
    @FuzzTest
    void dissect(byte[] data) {
        if (data.length == 0) {
            return;
        }
        LinkType linkType = LINK_TYPES.get((data[0] & 0xFF) % LINK_TYPES.size());
        byte[] frame = Arrays.copyOfRange(data, 1, data.length);
        Object dissected = Contract.outcome(frame, src -> outcome(DISSECTOR.dissect(linkType, src)));
        Object walked = Contract.outcome(frame, src -> walk(frame, linkType, src));
        check(walked.equals(dissected), "the walk disagrees with dissect", data, walked + " vs " + dissected);
    }

    private static Outcome outcome(Dissection d) {
        List<Layer> layers = new ArrayList<>();
        for (DissectedLayer l : d.layers()) {
            layers.add(new Layer(l.name(), l.offset(), l.length(), l.payloadLength(), l.buffer(), l.header()));
        }
        return new Outcome(layers, d.stopReason(), d.stopOffset(), d.remaining(), d.failedLayer(),
                d.error() == null ? null : d.error().getMessage());
    }

    private static Outcome walk(byte[] data, LinkType linkType, ByteBuffer src) {
        int start = src.position();
        FrameWalk w = WALK.wrap(linkType, src, start, src.limit(), 0);
        List<Layer> layers = new ArrayList<>();
        // The last layer's buffer, where the stop lies (the layer accessors need a current layer).
        int buffer = 0;
        ByteBuffer source = src;
        while (w.next()) {
            buffer = w.bufferNumber();
            source = w.source();
            int base = buffer == 0 ? start : 0;
            check(w.offset() + w.headerLength() + w.payloadLength() <= w.limit(), "a layer runs past its limit", data,
                    w.layer().name());
            @SuppressWarnings("unchecked")
            ProtocolLayer<Object> layer = (ProtocolLayer<Object>) w.layer();
            Decoded<Object> decoded = layer.decode(w.source(), w.offset(), w.limit());
            Object header = w.header();
            check(decoded.headerLength() == w.headerLength() && decoded.payloadLength() == w.payloadLength()
                    && decoded.header().equals(header), "the decoder disagrees with the walk", data, layer.name());
            layers.add(new Layer(layer.name(), w.offset() - base, w.headerLength(), w.payloadLength(),
                    w.bufferNumber(), header));
        }
        int base = buffer == 0 ? start : 0;
        String failed = w.failedLayerId() < 0 ? null : DISSECTOR.layer(w.failedLayerId()).name();
        String error = null;
        if (w.stopReason() == Dissection.StopReason.MALFORMED) {
            MalformedPacketException e = w.error();
            error = e.withOffset(-base).getMessage();
            ProtocolLayer<?> refused = DISSECTOR.layer(w.failedLayerId());
            int at = w.stopOffset();
            try {
                refused.decode(source, at, at + w.remaining());
                throw new AssertionError("the decoder of " + refused.name() + " accepts what its walk refused; input "
                        + Contract.hex(data));
            } catch (MalformedPacketException d) {
                check(d.withOffset(at - base).getMessage().equals(error), "the decoder refuses otherwise than the walk",
                        data, d.getMessage() + " vs " + error);
            }
        }
        return new Outcome(layers, w.stopReason(), w.stopOffset() - base, w.remaining(), failed, error);
    }
}
