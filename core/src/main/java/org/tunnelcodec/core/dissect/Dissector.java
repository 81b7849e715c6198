package org.tunnelcodec.core.dissect;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Check;

/**
 * Walks a frame from its link type through every layer it has a binding for, and returns
 * each layer with its offset, lengths and decoded record.
 *
 * <p>The dissector holds no global registry: the caller composes it from the bindings each
 * module exports, for example
 * <pre>{@code
 * Dissector d = Dissector.builder().add(CoreLayers.bindings()).add(GreLayers.bindings()).build();
 * Dissection r = d.dissect(LinkType.ETHERNET, frame);
 * }</pre>
 * Two ways to use it: {@link #dissect} returns an immutable {@link Dissection} with every
 * layer's record, safe to keep; {@link #newWalk()} gives the allocation-free walk for a data
 * path, which reports the same layers and decodes a record only when asked.
 *
 * <p>Keys are looked up in an open-addressing table of packed {@code long} keys built once:
 * a lookup allocates nothing. A key whose space has a fallback ({@link KeySpace#fallback()})
 * is looked up there when its own space has no binding for the value.
 *
 * <h2>Resource limits and hostile input</h2>
 * The walk stops after {@code maxDepth} layers (16 unless set), so a packet of nested
 * tunnels cannot make it run long. It never throws for bad bytes: a decoder's
 * {@link MalformedPacketException} ends the walk and is recorded, re-based to the frame's
 * offsets, with the layers decoded before it. It never modifies the frame or its position.
 * An instance is immutable and thread-safe. {@link #dissect} reuses one walk per thread, which
 * holds no frame between calls; the thread keeps the last dissector it used reachable through
 * that walk until it dissects with another one or ends.
 */
public final class Dissector {
    /** The depth cap used unless {@link Builder#maxDepth(int)} sets another. */
    public static final int DEFAULT_MAX_DEPTH = 16;
    /**
     * The most bytes past the captured ones that a frame cut by the capture's snap length is
     * dissected as if it had: lengths beyond this are reported as cut, never allocated.
     */
    static final int MAX_UNCAPTURED = 1 << 18;

    private final int maxDepth;
    private final ProtocolLayer<?>[] layers;
    /**
     * Each thread's spare walk for {@link #dissect}, of the dissector that last dissected on the
     * thread. Static, so that a thread keeps one walk and at most one dissector alive, not one
     * per dissector it ever used (a per-dissector slot would keep its dissector alive through
     * the walk for as long as the thread lives).
     */
    private static final ThreadLocal<FrameWalk> SPARE_WALK = new ThreadLocal<>();
    private final Map<ProtocolLayer<?>, Integer> ids;
    private final KeySpace[] spaces;
    /**
     * Per space id, for spaces whose bound values all fit in 16 bits: layer id + 1 by value,
     * with the space's fallback bindings merged in (0: nothing bound), as long as the largest
     * bound value needs. Two loads per lookup, where the hash table takes a multiply and a probe.
     */
    private final short[][] direct;
    private final long[] tableKeys;
    private final int[] tableLayers;
    private final int mask;
    private final Map<LayerKey, ProtocolLayer<?>> bindings;

    private Dissector(Map<LayerKey, ProtocolLayer<?>> bindings, int maxDepth) {
        this.bindings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
        this.maxDepth = maxDepth;
        Map<ProtocolLayer<?>, Integer> byLayer = new IdentityHashMap<>();
        List<ProtocolLayer<?>> list = new ArrayList<>();
        KeySpace[] byId = new KeySpace[KeySpace.MAX_ID + 1];
        for (Map.Entry<LayerKey, ProtocolLayer<?>> e : bindings.entrySet()) {
            if (!byLayer.containsKey(e.getValue())) {
                byLayer.put(e.getValue(), list.size());
                list.add(e.getValue());
            }
            for (KeySpace s = e.getKey().space(); s != null; s = s.fallback()) {
                KeySpace old = byId[s.id()];
                if (old != null && !old.equals(s)) {
                    throw new IllegalArgumentException("key space: " + s.name() + " has id " + s.id()
                            + " (expected: an id not taken by " + old.name() + ")");
                }
                byId[s.id()] = s;
            }
        }
        for (KeySpace s : List.of(KeySpace.LINK_TYPE, KeySpace.ETHER_TYPE, KeySpace.IP_PROTOCOL, KeySpace.UDP_PORT,
                KeySpace.TCP_PORT, KeySpace.GRE_PROTOCOL)) {
            if (byId[s.id()] == null) {
                byId[s.id()] = s;
            }
        }
        this.layers = list.toArray(new ProtocolLayer<?>[0]);
        this.ids = byLayer;
        this.spaces = byId;
        int size = Integer.highestOneBit(Math.max(4, bindings.size() * 4) - 1) << 1;
        tableKeys = new long[size];
        tableLayers = new int[size];
        Arrays.fill(tableKeys, LayerKey.NONE);
        mask = size - 1;
        for (Map.Entry<LayerKey, ProtocolLayer<?>> e : bindings.entrySet()) {
            long key = e.getKey().packed();
            int slot = slot(key);
            while (tableKeys[slot] != LayerKey.NONE) {
                slot = (slot + 1) & mask;
            }
            tableKeys[slot] = key;
            tableLayers[slot] = byLayer.get(e.getValue());
        }
        this.direct = directTables(bindings, byLayer, byId);
    }

    /**
     * Returns a builder with no bindings.
     *
     * @return a builder with no bindings
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The direct tables of the spaces whose bound values all fit in 16 bits; a value bound only
     * in a fallback space is entered in the spaces that fall back to it.
     */
    private static short[][] directTables(Map<LayerKey, ProtocolLayer<?>> bindings,
                                          Map<ProtocolLayer<?>, Integer> byLayer, KeySpace[] byId) {
        short[][] tables = new short[byId.length][];
        boolean[] wide = new boolean[byId.length];
        for (LayerKey k : bindings.keySet()) {
            if ((k.value() & ~0xFFFF) != 0) {
                wide[k.space().id()] = true;
            }
        }
        if (byLayer.size() >= Short.MAX_VALUE) {
            return tables;
        }
        for (int id = 1; id < byId.length; id++) {
            KeySpace space = byId[id];
            if (space == null) {
                continue;
            }
            boolean usable = true;
            boolean any = false;
            for (KeySpace s = space; s != null; s = s.fallback()) {
                usable &= !wide[s.id()];
            }
            if (!usable) {
                continue;
            }
            // The fallback chain first, the space's own bindings last, so they win.
            List<KeySpace> chain = new ArrayList<>();
            for (KeySpace s = space; s != null; s = s.fallback()) {
                chain.add(0, s);
            }
            int max = 0;
            for (LayerKey k : bindings.keySet()) {
                if (chain.contains(k.space())) {
                    max = Math.max(max, k.value());
                }
            }
            short[] table = new short[Integer.highestOneBit(Math.max(1, max)) << 1];
            for (KeySpace s : chain) {
                for (Map.Entry<LayerKey, ProtocolLayer<?>> e : bindings.entrySet()) {
                    if (e.getKey().space().equals(s)) {
                        table[e.getKey().value()] = (short) (byLayer.get(e.getValue()) + 1);
                        any = true;
                    }
                }
            }
            if (any) {
                tables[id] = table;
            }
        }
        return tables;
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & mask;
    }

    /**
     * The layer bound to a packed key: in its own space, or in its fallback space when the
     * value is not bound in its own and both spaces hold only 16-bit values (the walk also
     * tries fallbacks as separate keys).
     *
     * @param key a packed key ({@link LayerKey#pack})
     * @return the layer id, or -1 when nothing is bound
     */
    public int lookup(long key) {
        int space = (int) (key >>> 32);
        short[] table = space < direct.length ? direct[space] : null;
        if (table != null) {
            int value = (int) key;
            return value >= 0 && value < table.length ? table[value] - 1 : -1;
        }
        int slot = slot(key);
        long k;
        while ((k = tableKeys[slot]) != LayerKey.NONE) {
            if (k == key) {
                return tableLayers[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * Returns the layer bound to {@code key} (with fallbacks), or {@code null}.
     *
     * @param key the key
     * @return the layer bound to {@code key} (with fallbacks), or {@code null}
     */
    public ProtocolLayer<?> layerFor(LayerKey key) {
        for (KeySpace s = key.space(); s != null; s = s.fallback()) {
            int id = lookup(LayerKey.pack(s, key.value()));
            if (id >= 0) {
                return layers[id];
            }
        }
        return null;
    }

    /**
     * Returns the bindings, in the order they were added.
     *
     * @return the bindings, in the order they were added
     */
    public Map<LayerKey, ProtocolLayer<?>> bindings() {
        return bindings;
    }

    /**
     * The small int a walk reports for a layer: ids count from 0 in the order the layers were
     * first bound.
     *
     * @param layer the layer
     * @return the layer's id, or -1 if it is not bound in this dissector
     */
    public int layerId(ProtocolLayer<?> layer) {
        Integer id = ids.get(layer);
        return id == null ? -1 : id;
    }

    /**
     * Returns the layer with this id.
     *
     * @param id the layer id
     * @return the layer with this id
     */
    public ProtocolLayer<?> layer(int id) {
        return layers[id];
    }

    /**
     * Returns the number of distinct layers bound.
     *
     * @return the number of distinct layers bound
     */
    public int layerCount() {
        return layers.length;
    }

    /**
     * Returns the depth cap.
     *
     * @return the depth cap
     */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Returns the key space with this id, or {@code null} if no binding uses it.
     *
     * @param id the key space id
     * @return the key space with this id, or {@code null} if no binding uses it
     */
    public KeySpace space(int id) {
        return id > 0 && id < spaces.length ? spaces[id] : null;
    }

    /** The spaces by id, {@link KeySpace#MAX_ID} + 1 long; never modified. */
    KeySpace[] spacesById() {
        return spaces;
    }

    /**
     * Returns a new allocation-free walk over this dissector's bindings, for one thread.
     *
     * @return a new allocation-free walk over this dissector's bindings, for one thread
     */
    public FrameWalk newWalk() {
        return new FrameWalk(this);
    }

    static long firstKey(LinkType linkType, ByteBuffer frame, int index, int limit) {
        Objects.requireNonNull(linkType, "linkType");
        if (linkType.isRawIp()) {
            // LINKTYPE_RAW by the version field; LINKTYPE_IPV4 and LINKTYPE_IPV6 as they promise,
            // so a packet of the other version is malformed, as the tunnel classifier says
            int version = linkType.value() == 228 ? 4 : linkType.value() == 229 ? 6
                    : index < limit ? (frame.get(index) & 0xFF) >>> 4 : -1;
            return LayerKey.pack(KeySpace.ETHER_TYPE, version == 6 ? 0x86DD : 0x0800);
        }
        return LayerKey.pack(KeySpace.LINK_TYPE, linkType.value());
    }

    /**
     * Dissects a whole captured frame of the given link type. For {@link LinkType#RAW} the first
     * layer is chosen by the version nibble (IPv4 or IPv6 EtherType keys); {@link LinkType#IPV4}
     * and {@link LinkType#IPV6} start with the layer they name.
     *
     * @param linkType the capture's link type
     * @param frame    the frame, from its position to its limit; not modified
     * @return the layers and the stop reason
     */
    public Dissection dissect(LinkType linkType, ByteBuffer frame) {
        return dissect(linkType, frame, frame.remaining(), 0);
    }

    /**
     * Dissects a captured frame that may have been cut by the capture's snap length, as tshark
     * does: every header that lies wholly within the captured bytes is decoded, lengths are
     * checked against the length on the wire, and a header that runs past the captured bytes
     * ends the walk with {@link Dissection.StopReason#CAPTURE_CUT}, not as malformed.
     * {@link Dissection.StopReason#MALFORMED} is kept for bytes that contradict themselves
     * within what was captured.
     *
     * @param linkType       the capture's link type
     * @param frame          the captured bytes, from its position to its limit; not modified
     * @param wireLength     the frame's length on the wire (the capture's original length)
     * @param timestampNanos the capture time, for layers that keep state (STT reassembly), or 0
     * @return the layers and the stop reason
     */
    public Dissection dissect(LinkType linkType, ByteBuffer frame, int wireLength, long timestampNanos) {
        Objects.requireNonNull(frame, "frame");
        int base = frame.position();
        long first = firstKey(linkType, frame, base, frame.limit());
        return dissect(first, frame, wireLength, timestampNanos);
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
        return dissect(first.packed(), frame, frame.remaining(), 0);
    }

    private Dissection dissect(long first, ByteBuffer frame, int wireLength, long timestampNanos) {
        int base = frame.position();
        int captured = frame.remaining();
        ByteBuffer src = frame;
        int limit = frame.limit();
        // One walk per thread, reused; a dissection started from inside a layer's walk (which
        // holds the thread's walk) gets a walk of its own.
        FrameWalk w = SPARE_WALK.get();
        if (w == null || w.dissector() != this) {
            w = new FrameWalk(this);
            SPARE_WALK.set(w);
        } else if (w.inUse) {
            w = new FrameWalk(this);
        }
        w.inUse = true;
        try {
            return dissect(w, first, frame, src, base, captured, limit, wireLength, timestampNanos);
        } finally {
            w.release();
        }
    }

    private Dissection dissect(FrameWalk w, long first, ByteBuffer frame, ByteBuffer src, int base, int captured,
                               int limit, int wireLength, long timestampNanos) {
        if (wireLength > captured) {
            // Lengths are checked against the length on the wire, as if the uncaptured bytes
            // were there; a header that reaches into them ends the walk as cut by the capture.
            int padded = (int) Math.min(wireLength, (long) captured + MAX_UNCAPTURED);
            src = ByteBuffer.allocate(padded);
            src.put(0, frame, base, captured);
            base = 0;
            limit = padded;
        }
        w.wrap(first, src, base, limit, timestampNanos);
        if (wireLength > captured) {
            w.capturedEnd = captured;
        }
        // The layers keep a private copy of the bytes, to decode their records from on demand.
        ByteBuffer copy = src == frame ? null : src;
        ByteBuffer[] others = null;
        DissectedLayer[] found = new DissectedLayer[8];
        int count = 0;
        while (w.next()) {
            int number = w.bufferNumber();
            ByteBuffer bytes;
            int b;
            if (number == 0) {
                if (copy == null) {
                    copy = ByteBuffer.allocate(captured).put(0, frame, base, captured);
                }
                bytes = copy;
                b = src == frame ? base : 0;
            } else {
                if (others == null) {
                    others = new ByteBuffer[4];
                }
                if (number >= others.length) {
                    others = Arrays.copyOf(others, number * 2);
                }
                if (others[number] == null) {
                    ByteBuffer from = w.source();
                    others[number] = ByteBuffer.allocate(from.limit()).put(0, from, 0, from.limit());
                }
                bytes = others[number];
                b = 0;
            }
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = new DissectedLayer(w.layer(), w.offset() - b, w.headerLength(), w.payloadLength(), number,
                    bytes, w.limit() - b);
        }
        List<DissectedLayer> layers = new LayerList(found, count);
        int b = w.stopBuffer() == 0 ? base : 0;
        Dissection.StopReason reason = w.stopReason();
        List<LayerKey> keys = List.of();
        if (reason == Dissection.StopReason.NO_DECODER) {
            int n = w.stopKeyCount();
            if (n == 1) {
                keys = List.of(w.stopLayerKey(0));
            } else if (n == 2) {
                keys = List.of(w.stopLayerKey(0), w.stopLayerKey(1));
            } else {
                LayerKey[] named = new LayerKey[n];
                for (int i = 0; i < n; i++) {
                    named[i] = w.stopLayerKey(i);
                }
                keys = List.of(named);
            }
        }
        String failed = w.failedLayerId() < 0 ? null : layers(w.failedLayerId());
        MalformedPacketException error = null;
        String limitedBy = null;
        if (reason == Dissection.StopReason.MALFORMED) {
            error = w.rawError().withOffset(w.stopOffset() - b);
            limitedBy = limitedBy(w, layers, error);
        }
        return new Dissection(layers, reason, w.stopOffset() - b, w.remaining(), keys, failed, error, limitedBy,
                captured, wireLength);
    }

    private String layers(int id) {
        return layers[id].name();
    }

    /**
     * Which length field cut a truncated header short: the failing layer's own (the
     * exception's {@link MalformedPacketException#boundedBy()}), or else the field of an
     * enclosing layer that ended the failing layer's range before the buffer did.
     */
    private static String limitedBy(FrameWalk w, List<DissectedLayer> layers, MalformedPacketException e) {
        if (e.reason() != MalformedPacketException.Reason.TRUNCATED || e.boundedBy() != null) {
            return e.boundedBy();
        }
        int d = w.limitingDepth();
        return d < 0 ? null : layers.get(d).name() + " " + w.lengthField(d);
    }

    /** Composes a {@link Dissector} from layer bindings. */
    public static final class Builder {
        private final Map<LayerKey, ProtocolLayer<?>> bindings = new LinkedHashMap<>();
        private int maxDepth = DEFAULT_MAX_DEPTH;

        private Builder() {
        }

        /**
         * Adds a binding.
         *
         * @param binding the binding
         * @return this builder
         * @throws IllegalArgumentException if the key is bound already; use {@link #replace}
         */
        public Builder add(LayerBinding binding) {
            ProtocolLayer<?> old = bindings.putIfAbsent(binding.key(), binding.layer());
            if (old != null) {
                throw new IllegalArgumentException("key: " + binding.key() + " (already bound to " + old.name() + ")");
            }
            return this;
        }

        /**
         * Adds every binding; see {@link #add(LayerBinding)}.
         *
         * @param all the bindings
         * @return this builder
         */
        public Builder add(Collection<LayerBinding> all) {
            for (LayerBinding b : all) {
                add(b);
            }
            return this;
        }

        /**
         * Binds the key to this layer, replacing any binding it had.
         *
         * @param binding the binding
         * @return this builder
         */
        public Builder replace(LayerBinding binding) {
            bindings.put(binding.key(), binding.layer());
            return this;
        }

        /**
         * Sets the most layers one frame may have, 1..256.
         *
         * @param depth the most layers, 1..256
         * @return this builder
         */
        public Builder maxDepth(int depth) {
            this.maxDepth = Check.inRange("maxDepth", depth, 1, 256);
            return this;
        }

        /**
         * Returns the dissector.
         *
         * @return the dissector
         */
        public Dissector build() {
            return new Dissector(bindings, maxDepth);
        }
    }
}
