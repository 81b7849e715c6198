package org.tunnelcodec.core.dissect;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * The dissector's allocation-free walk, for a packet-processing thread: wrap a frame, then
 * call {@link #next()} until it returns {@code false}; after each {@code true} the accessors
 * describe one layer (its {@link #layerId() id}, offset, header length, payload length and
 * the keys of its payload), and {@link #header()} decodes its record on demand.
 *
 * <pre>{@code
 * FrameWalk walk = dissector.newWalk();          // once per thread
 * walk.wrap(LinkType.ETHERNET, frame);             // per frame
 * while (walk.next()) {
 *     if (walk.layerId() == greId) { ... walk.payloadIndex() ... }
 * }
 * if (walk.stopReason() == Dissection.StopReason.MALFORMED) { drop(walk.error()); }
 * }</pre>
 *
 * <p>Each layer is checked by its {@link ProtocolLayer#walk}, which makes exactly the checks
 * its decoder makes, so a frame the walk accepts is one {@link Dissector#dissect} accepts,
 * layer for layer. Bad bytes never throw: the walk stops with
 * {@link Dissection.StopReason#MALFORMED} and keeps the decoder's exception. Walking a good
 * frame allocates nothing; a malformed one allocates its exception.
 *
 * <p>Mutable and not thread-safe: one per thread. The frame must be whole: a frame cut by the
 * capture's snap length is for {@link Dissector#dissect(LinkType, ByteBuffer, int, long)}.
 * Offsets are absolute indexes into the buffer the current layer lies in ({@link #source()}),
 * which is the wrapped frame unless a layer continued the walk in another buffer (STT
 * reassembly does).
 */
public final class FrameWalk {
    private final Dissector dissector;
    private final LayerStep step;
    // Per layer, by depth: STRIDE ints each.
    private static final int STRIDE = 8;
    private static final int ID = 0;
    private static final int OFFSET = 1;
    private static final int HEADER = 2;
    private static final int PAYLOAD = 3;
    private static final int LIMIT = 4;
    private static final int BUFFER = 5;
    private static final int FIELD = 6;
    private final int maxDepth;
    private int[] data;
    // The wrapped frame is sources[0]; the array is made when a layer continues the walk.
    private ByteBuffer frame;
    private ByteBuffer[] sources;

    private ByteBuffer source;
    private int bufferNumber;
    // The current layer, also in the arrays above; kept in fields for the accessors.
    private int curId;
    private int curOffset;
    private int curHeaderLength;
    private int curPayloadLength;
    private int depth;
    private int nextIndex;
    private int nextEnd;
    // The keys of the last layer walked are read from the step itself: the step is reset only
    // after they have been looked up.
    private final long[] keys;
    // The length field names the layers have named, stored once each; ids count from 1.
    private String[] fieldNames;
    private int fieldCount;
    private long timestampNanos;
    int capturedEnd = Integer.MAX_VALUE;

    private ByteBuffer pendingSource;
    private int pendingIndex;
    private int pendingEnd;

    private Dissection.StopReason stopReason;
    private int stopOffset;
    private int stopEnd;
    private MalformedPacketException rawError;
    private int failedLayerId;

    FrameWalk(Dissector dissector) {
        this.dissector = Objects.requireNonNull(dissector, "dissector");
        step = new LayerStep(this, dissector.spacesById());
        keys = step.keys;
        maxDepth = dissector.maxDepth();
        data = new int[Math.min(maxDepth, 8) * STRIDE];
    }

    /**
     * Returns the dissector whose bindings this walk uses.
     *
     * @return the dissector whose bindings this walk uses
     */
    public Dissector dissector() {
        return dissector;
    }

    /**
     * Starts a walk over the frame's bytes from its position to its limit.
     *
     * @param linkType the frame's link type
     * @param frame the frame, from its position to its limit
     * @return this walk
     */
    public FrameWalk wrap(LinkType linkType, ByteBuffer frame) {
        return wrap(linkType, frame, frame.position(), frame.limit(), 0);
    }

    /**
     * Starts a walk over {@code [index, limit)} of {@code frame}, a frame of the given link
     * type; LINKTYPE_RAW starts with IPv4 or IPv6 by the version nibble, LINKTYPE_IPV4 and LINKTYPE_IPV6 with the layer they name.
     *
     * @param timestampNanos the capture time, for layers that keep state over time (STT
     *                       reassembly), or 0
     * @param linkType the frame's link type
     * @param frame the buffer that holds the frame
     * @param index the absolute index of the frame's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return this walk
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code frame.limit()}
     */
    public FrameWalk wrap(LinkType linkType, ByteBuffer frame, int index, int limit, long timestampNanos) {
        Objects.checkFromToIndex(index, limit, frame.limit());
        return wrap(Dissector.firstKey(linkType, frame, index, limit), frame, index, limit, timestampNanos);
    }

    /**
     * Starts a walk whose first layer is the one bound to {@code firstKey}.
     *
     * @param firstKey a key, packed as {@link LayerKey#pack}
     * @param frame the buffer that holds the frame
     * @param index the absolute index of the frame's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @param timestampNanos the capture time, for layers that keep state over time, or 0
     * @return this walk
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code frame.limit()}
     */
    public FrameWalk wrap(long firstKey, ByteBuffer frame, int index, int limit, long timestampNanos) {
        Objects.checkFromToIndex(index, limit, frame.limit());
        source = frame;
        this.frame = frame;
        bufferNumber = 0;
        depth = 0;
        nextIndex = index;
        nextEnd = limit;
        step.reset();
        keys[0] = firstKey; // its space is reported as the dissector knows it
        step.keyCount = 1;
        this.timestampNanos = timestampNanos;
        capturedEnd = Integer.MAX_VALUE;
        pendingSource = null;
        stopReason = null;
        rawError = null;
        failedLayerId = -1;
        fieldCount = 0; // the names of this frame's length fields only: a reused walk keeps no others
        return this;
    }

    /**
     * Walks to the next layer.
     *
     * @return {@code true} when there is one (the accessors now describe it), {@code false}
     *     when the walk has stopped (see {@link #stopReason()})
     */
    public boolean next() {
        // Kept small enough for the JIT to inline into the caller's loop: the rare paths are
        // methods of their own.
        if (stopReason != null) {
            return false;
        }
        int at = nextIndex;
        int end = nextEnd;
        LayerStep s = step;
        int keyCount = s.keyCount;
        if (at >= end || keyCount == 0) {
            return complete(at, end);
        }
        int id = dissector.lookup(keys[0]);
        for (int k = 1; k < keyCount && id < 0; k++) {
            id = dissector.lookup(keys[k]);
        }
        if (id < 0 || depth == maxDepth) {
            return stop(id < 0 ? Dissection.StopReason.NO_DECODER : Dissection.StopReason.DEPTH_LIMIT, at, end);
        }
        s.reset();
        try {
            dissector.layer(id).walk(source, at, end, s);
        } catch (MalformedPacketException e) {
            return refused(e, id, at, end);
        }
        int headerLength = s.headerLength;
        int payloadLength = s.payloadLength;
        if (headerLength < 0 || (long) at + headerLength + payloadLength > end || at + headerLength > capturedEnd()) {
            return badLengths(id, at, end, headerLength, payloadLength);
        }
        record(id, at, end, headerLength, payloadLength, s.lengthFieldId);
        return true;
    }

    /** Set while {@link Dissector#dissect} uses this walk. */
    boolean inUse;

    /** Forgets the frame and every buffer and error of the last walk, for reuse. */
    void release() {
        inUse = false;
        frame = null;
        source = null;
        pendingSource = null;
        rawError = null;
        if (sources != null) {
            java.util.Arrays.fill(sources, null);
        }
    }

    private void record(int id, int at, int end, int headerLength, int payloadLength, int lengthFieldId) {
        int i = depth++ * STRIDE;
        int[] a = data;
        if (i == a.length) {
            a = grow();
        }
        a[i + ID] = id;
        a[i + OFFSET] = at;
        a[i + HEADER] = headerLength;
        a[i + PAYLOAD] = payloadLength;
        a[i + LIMIT] = end;
        a[i + BUFFER] = bufferNumber;
        a[i + FIELD] = lengthFieldId;
        curId = id;
        curOffset = at;
        curHeaderLength = headerLength;
        curPayloadLength = payloadLength;
        if (pendingSource != null) {
            switchBuffer();
        } else {
            nextIndex = at + headerLength;
            nextEnd = nextIndex + payloadLength;
        }
    }

    private boolean complete(int at, int end) {
        if (source == null) {
            throw new IllegalStateException("no frame wrapped");
        }
        return stop(Dissection.StopReason.COMPLETE, at, end);
    }

    private int[] grow() {
        return data = java.util.Arrays.copyOf(data, Math.min(maxDepth * STRIDE, data.length * 2));
    }

    private boolean refused(MalformedPacketException e, int id, int at, int end) {
        pendingSource = null;
        failedLayerId = id;
        if (bufferNumber == 0 && at + e.offset() >= capturedEnd) {
            return stop(Dissection.StopReason.CAPTURE_CUT, at, end);
        }
        rawError = e;
        return stop(Dissection.StopReason.MALFORMED, at, end);
    }

    /** A header past the captured bytes ends the walk; lengths past the range are a layer's bug. */
    private boolean badLengths(int id, int at, int end, int headerLength, int payloadLength) {
        if (headerLength < 0 || (long) at + headerLength + payloadLength > end) {
            throw new IllegalStateException("layer " + dissector.layer(id).name() + " reported lengths " + headerLength
                    + " and " + payloadLength + " at " + at + " (expected: lengths within the range up to " + end + ")");
        }
        pendingSource = null;
        failedLayerId = id;
        return stop(Dissection.StopReason.CAPTURE_CUT, at, end);
    }

    private void switchBuffer() {
        if (sources == null) {
            sources = new ByteBuffer[4];
        }
        if (++bufferNumber == sources.length) {
            sources = java.util.Arrays.copyOf(sources, sources.length * 2);
        }
        sources[bufferNumber] = pendingSource;
        source = pendingSource;
        nextIndex = pendingIndex;
        nextEnd = pendingEnd;
        pendingSource = null;
    }

    private boolean stop(Dissection.StopReason reason, int at, int end) {
        stopReason = reason;
        stopOffset = at;
        stopEnd = end;
        return false;
    }

    void continueIn(ByteBuffer buffer, int index, int length) {
        Objects.checkFromIndexSize(index, length, buffer.limit());
        pendingSource = buffer;
        pendingIndex = index;
        pendingEnd = index + length;
    }

    int outerIndex(int layersBack) {
        int d = depth - layersBack;
        return d >= 0 && at(d, BUFFER) == bufferNumber ? at(d, OFFSET) : -1;
    }

    int outerEnd(int layersBack) {
        int d = depth - layersBack;
        return d >= 0 && at(d, BUFFER) == bufferNumber ? at(d, OFFSET) + at(d, HEADER) + at(d, PAYLOAD) : -1;
    }

    int outerLayerId(int layersBack) {
        int d = depth - layersBack;
        return d >= 0 && at(d, BUFFER) == bufferNumber ? at(d, ID) : -1;
    }

    int capturedEnd() {
        return bufferNumber == 0 ? capturedEnd : Integer.MAX_VALUE;
    }

    long timestampNanos() {
        return timestampNanos;
    }

    private int current() {
        if (depth == 0) {
            throw new IllegalStateException("no layer: call next() first");
        }
        return depth - 1;
    }

    /**
     * Returns the number of layers walked so far.
     *
     * @return the number of layers walked so far
     */
    public int depth() {
        return depth;
    }

    /**
     * Returns the current layer's id in its dissector ({@link Dissector#layerId}).
     *
     * @return the current layer's id in its dissector ({@link Dissector#layerId})
     */
    public int layerId() {
        current();
        return curId;
    }

    /**
     * Returns the current layer.
     *
     * @return the current layer
     */
    public ProtocolLayer<?> layer() {
        current();
        return dissector.layer(curId);
    }

    /**
     * Returns the buffer the current layer lies in.
     *
     * @return the buffer the current layer lies in
     */
    public ByteBuffer source() {
        return buffer(at(current(), BUFFER));
    }

    /**
     * Returns 0 when the current layer lies in the wrapped frame, n after n continuations.
     *
     * @return 0 when the current layer lies in the wrapped frame, n after n continuations
     */
    public int bufferNumber() {
        return at(current(), BUFFER);
    }

    /**
     * Returns the absolute index of the current layer's first byte in {@link #source()}.
     *
     * @return the absolute index of the current layer's first byte in {@link #source()}
     */
    public int offset() {
        current();
        return curOffset;
    }

    /**
     * Returns the current layer's header length.
     *
     * @return the current layer's header length
     */
    public int headerLength() {
        current();
        return curHeaderLength;
    }

    /**
     * Returns the absolute index of the current layer's payload.
     *
     * @return the absolute index of the current layer's payload
     */
    public int payloadIndex() {
        current();
        return curOffset + curHeaderLength;
    }

    /**
     * Returns the current layer's payload length, as its length fields bound it.
     *
     * @return the current layer's payload length, as its length fields bound it
     */
    public int payloadLength() {
        current();
        return curPayloadLength;
    }

    /**
     * Returns the end of the range the current layer was decoded in (its enclosing payload's end).
     *
     * @return the end of the range the current layer was decoded in (its enclosing payload's end)
     */
    public int limit() {
        return at(current(), LIMIT);
    }

    /**
     * Returns the name of the length field that bounds the current layer's payload, or {@code null}.
     *
     * @return the name of the length field that bounds the current layer's payload, or {@code null}
     */
    public String lengthField() {
        return fieldName(at(current(), FIELD));
    }

    /**
     * Returns the first key the current layer named for its payload, packed, or {@link LayerKey#NONE}.
     *
     * @return the first key the current layer named for its payload, packed, or {@link LayerKey#NONE}
     */
    public long nextKey() {
        current();
        return step.keyCount == 0 ? LayerKey.NONE : keys[0];
    }

    /**
     * The keys the current layer named for its payload, in the order they are tried (a
     * space's fallback right after the key it backs).
     *
     * @return how many there are (0 to 4)
     */
    public int nextKeyCount() {
        current();
        return step.keyCount;
    }

    /**
     * Returns the {@code i}-th key the current layer named, packed.
     *
     * @param i the key's index, from 0
     * @return the {@code i}-th key the current layer named, packed
     */
    public long nextKey(int i) {
        current();
        return keys[Objects.checkIndex(i, step.keyCount)];
    }

    /**
     * Returns the layer id at {@code depth} (0 is the first layer).
     *
     * @param depth the layer's depth, 0 for the first layer
     * @return the layer id at {@code depth} (0 is the first layer)
     */
    public int layerId(int depth) {
        return at(Objects.checkIndex(depth, this.depth), ID);
    }

    /**
     * Returns the offset of the layer at {@code depth} in its buffer.
     *
     * @param depth the layer's depth, 0 for the first layer
     * @return the offset of the layer at {@code depth} in its buffer
     */
    public int offset(int depth) {
        return at(Objects.checkIndex(depth, this.depth), OFFSET);
    }

    /**
     * Decodes the current layer's record. This allocates: it is the walk's way to records on
     * demand.
     *
     * @return the header record
     */
    public Object header() {
        int c = current();
        return dissector.layer(at(c, ID)).decode(buffer(at(c, BUFFER)), at(c, OFFSET), at(c, LIMIT)).header();
    }

    /**
     * Returns why the walk stopped, or {@code null} while it goes on.
     *
     * @return why the walk stopped, or {@code null} while it goes on
     */
    public Dissection.StopReason stopReason() {
        return stopReason;
    }

    /**
     * Returns the absolute index in the current buffer where the walk stopped.
     *
     * @return the absolute index in the current buffer where the walk stopped
     */
    public int stopOffset() {
        requireStopped();
        return stopOffset;
    }

    /**
     * Returns the number of bytes from {@link #stopOffset()} that no layer decoded.
     *
     * @return the number of bytes from {@link #stopOffset()} that no layer decoded
     */
    public int remaining() {
        requireStopped();
        return stopEnd - stopOffset;
    }

    /**
     * Returns how many keys were named for the undecoded payload (0 unless a layer named some).
     *
     * @return how many keys were named for the undecoded payload (0 unless a layer named some)
     */
    public int stopKeyCount() {
        requireStopped();
        return step.keyCount;
    }

    /**
     * Returns the {@code i}-th key named for the undecoded payload.
     *
     * @param i the key's index, from 0
     * @return the {@code i}-th key named for the undecoded payload
     */
    public LayerKey stopLayerKey(int i) {
        requireStopped();
        Objects.checkIndex(i, step.keyCount);
        int id = LayerKey.spaceId(keys[i]);
        KeySpace space = step.space(i);
        return new LayerKey(space != null ? space : new KeySpace(id, "space" + id, null), LayerKey.value(keys[i]));
    }

    /**
     * Returns the {@code i}-th key named for the undecoded payload, packed.
     *
     * @param i the key's index, from 0
     * @return the {@code i}-th key named for the undecoded payload, packed
     */
    public long stopKey(int i) {
        requireStopped();
        return keys[Objects.checkIndex(i, step.keyCount)];
    }

    /**
     * Returns the id of the layer that refused the bytes or ran past the capture, or -1.
     *
     * @return the id of the layer that refused the bytes or ran past the capture, or -1
     */
    public int failedLayerId() {
        requireStopped();
        return failedLayerId;
    }

    /**
     * The decoder's exception when the walk stopped {@link Dissection.StopReason#MALFORMED},
     * with its offset counted in the buffer ({@link #stopOffset()} plus the layer's own).
     * This allocates the re-based copy.
     *
     * @return the exception, or {@code null}
     */
    public MalformedPacketException error() {
        requireStopped();
        return rawError == null ? null : rawError.withOffset(stopOffset);
    }

    MalformedPacketException rawError() {
        return rawError;
    }

    /**
     * The innermost layer whose own length field ended the range the walk stopped in before
     * the buffer ended, or -1 (the range ran to the buffer's end, or no layer bounded it).
     */
    int limitingDepth() {
        if (stopEnd >= buffer(bufferNumber).limit()) {
            return -1;
        }
        for (int d = depth - 1; d >= 0 && at(d, BUFFER) == bufferNumber; d--) {
            if (at(d, OFFSET) + at(d, HEADER) + at(d, PAYLOAD) != stopEnd) {
                return -1;
            }
            if (at(d, FIELD) != 0) {
                return d;
            }
        }
        return -1;
    }

    String lengthField(int depth) {
        return fieldName(at(depth, FIELD));
    }

    private String fieldName(int id) {
        return id == 0 ? null : fieldNames[id - 1];
    }

    /** The id of a length field name, 1 and up; a name is stored the first time it is seen. */
    int fieldId(String name) {
        for (int i = 0; i < fieldCount; i++) {
            if (fieldNames[i] == name) {
                return i + 1;
            }
        }
        if (fieldNames == null) {
            fieldNames = new String[4];
        } else if (fieldCount == fieldNames.length) {
            fieldNames = java.util.Arrays.copyOf(fieldNames, fieldCount * 2);
        }
        fieldNames[fieldCount++] = name;
        return fieldCount;
    }

    private ByteBuffer buffer(int number) {
        return number == 0 ? frame : sources[number];
    }

    private int at(int depth, int field) {
        return data[depth * STRIDE + field];
    }

    int stopBuffer() {
        return bufferNumber;
    }

    private void requireStopped() {
        if (stopReason == null) {
            throw new IllegalStateException("the walk has not stopped");
        }
    }
}
