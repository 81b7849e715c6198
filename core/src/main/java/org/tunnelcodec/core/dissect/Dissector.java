package org.tunnelcodec.core.dissect;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Check;

/**
 * Walks a frame from its link type through every layer it has a binding for, and returns
 * each layer with its offset, length and decoded record.
 *
 * <p>The dissector holds no global registry: the caller composes it from the bindings each
 * module exports, for example
 * <pre>{@code
 * Dissector d = Dissector.builder().add(CoreLayers.bindings()).build();
 * Dissection r = d.dissect(LinkType.ETHERNET, frame);
 * }</pre>
 *
 * <h2>Resource limits and hostile input</h2>
 * The walk stops after {@code maxDepth} layers (16 unless set), so a packet of nested
 * tunnels cannot make it run long. It never throws for bad bytes: a decoder's
 * {@link MalformedPacketException} ends the walk and is recorded, re-based to the frame's
 * offsets, with the layers decoded before it. It never modifies the frame or its position.
 * An instance is immutable and thread-safe.
 */
public final class Dissector {
    /** The depth cap used unless {@link Builder#maxDepth(int)} sets another. */
    public static final int DEFAULT_MAX_DEPTH = 16;

    private final Map<LayerKey, ProtocolLayer<?>> bindings;
    private final int maxDepth;

    private Dissector(Map<LayerKey, ProtocolLayer<?>> bindings, int maxDepth) {
        this.bindings = Map.copyOf(bindings);
        this.maxDepth = maxDepth;
    }

    /** @return a builder with no bindings */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the layer bound to {@code key}, or {@code null} */
    public ProtocolLayer<?> layerFor(LayerKey key) {
        return bindings.get(key);
    }

    /**
     * Dissects a captured frame of the given link type. For raw-IP link types the first layer
     * is chosen by the version nibble (IPv4 or IPv6 EtherType keys).
     *
     * @param linkType the capture's link type
     * @param frame    the frame, from its position to its limit; not modified
     * @return the layers and the stop reason
     */
    public Dissection dissect(LinkType linkType, ByteBuffer frame) {
        Objects.requireNonNull(linkType, "linkType");
        Objects.requireNonNull(frame, "frame");
        LayerKey first;
        if (linkType.isRawIp()) {
            int version = frame.hasRemaining() ? (frame.get(frame.position()) & 0xFF) >>> 4 : -1;
            first = version == 6 ? LayerKey.etherType(0x86DD) : LayerKey.etherType(0x0800);
        } else {
            first = LayerKey.linkType(linkType.value());
        }
        return dissect(first, frame);
    }

    /**
     * Dissects a frame whose first layer is the one bound to {@code first}.
     *
     * @param first the key of the first layer
     * @param frame the frame, from its position to its limit; not modified
     * @return the layers and the stop reason
     */
    public Dissection dissect(LayerKey first, ByteBuffer frame) {
        Objects.requireNonNull(first, "first");
        ByteBuffer view = frame.slice();
        List<DissectedLayer> layers = new ArrayList<>(8);
        List<LayerKey> keys = List.of(first);
        int offset = 0;
        int end = view.limit();
        while (true) {
            if (offset >= end) {
                return new Dissection(layers, Dissection.StopReason.COMPLETE, offset, 0, List.of(), null, null);
            }
            if (keys.isEmpty()) {
                return new Dissection(layers, Dissection.StopReason.COMPLETE, offset, end - offset, List.of(),
                        null, null);
            }
            ProtocolLayer<?> layer = null;
            for (LayerKey k : keys) {
                layer = bindings.get(k);
                if (layer != null) {
                    break;
                }
            }
            if (layer == null) {
                return new Dissection(layers, Dissection.StopReason.NO_DECODER, offset, end - offset, keys, null,
                        null);
            }
            if (layers.size() == maxDepth) {
                return new Dissection(layers, Dissection.StopReason.DEPTH_LIMIT, offset, end - offset, List.of(),
                        null, null);
            }
            view.limit(end).position(offset);
            Step step;
            try {
                step = decodeOne(layer, view.slice(), offset);
            } catch (MalformedPacketException e) {
                return new Dissection(layers, Dissection.StopReason.MALFORMED, offset, end - offset, List.of(),
                        layer.name(), e.withOffset(offset));
            }
            layers.add(step.layer);
            keys = step.next;
            offset = step.layer.offset() + step.layer.length();
            end = offset + step.layer.payloadLength();
        }
    }

    private record Step(DissectedLayer layer, List<LayerKey> next) {
    }

    private static <H> Step decodeOne(ProtocolLayer<H> layer, ByteBuffer src, int offset) {
        Decoded<H> d = layer.decode(src);
        ByteBuffer payload = d.payload();
        // The payload is a slice of src: its bytes follow the header directly.
        DissectedLayer dl = new DissectedLayer(layer.name(), offset, d.headerLength(), payload.remaining(),
                d.header(), layer.summary(d.header()));
        return new Step(dl, layer.next(d.header(), payload));
    }

    /** Composes a {@link Dissector} from layer bindings. */
    public static final class Builder {
        private final Map<LayerKey, ProtocolLayer<?>> bindings = new HashMap<>();
        private int maxDepth = DEFAULT_MAX_DEPTH;

        private Builder() {
        }

        /**
         * Adds a binding.
         *
         * @throws IllegalArgumentException if the key is bound already; use {@link #replace}
         */
        public Builder add(LayerBinding binding) {
            ProtocolLayer<?> old = bindings.putIfAbsent(binding.key(), binding.layer());
            if (old != null) {
                throw new IllegalArgumentException("key: " + binding.key() + " (already bound to " + old.name() + ")");
            }
            return this;
        }

        /** Adds every binding; see {@link #add(LayerBinding)}. */
        public Builder add(Collection<LayerBinding> all) {
            for (LayerBinding b : all) {
                add(b);
            }
            return this;
        }

        /** Binds the key to this layer, replacing any binding it had. */
        public Builder replace(LayerBinding binding) {
            bindings.put(binding.key(), binding.layer());
            return this;
        }

        /** Sets the most layers one frame may have, 1..256. */
        public Builder maxDepth(int depth) {
            this.maxDepth = Check.inRange("maxDepth", depth, 1, 256);
            return this;
        }

        /** @return the dissector */
        public Dissector build() {
            return new Dissector(bindings, maxDepth);
        }
    }
}
