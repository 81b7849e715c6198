package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Where {@link SttReassembler} puts a frame it completed: a reusable, mutable holder, so that
 * the reassembly path allocates nothing. Keep one per receive thread and pass it to every
 * {@link SttReassembler#offer(ByteBuffer, int, int, long, SttReassembly) offer}; it is filled
 * only when the verdict is {@link SttReassembler.Verdict#COMPLETE} and keeps that frame until
 * the next one.
 *
 * <p>It holds the frame header, the whole STT frame and the inner Ethernet frame as views
 * (position at the first octet, limit after the last), the Frame Identifier, the number of
 * segments and whether any carried ECN Congestion Experienced.
 *
 * <p><b>Buffers.</b> A frame reassembled from several segments lives in a buffer of the
 * reassembler's pool ({@link #pooled()}). {@link #release()} (or
 * {@link SttReassembler#release(SttReassembly)}) gives it back; filling the holder with the next
 * complete frame gives back the previous one first; releasing twice does nothing. After that the
 * views' bytes may be reused for another frame: copy what you keep. A frame that came in one
 * segment is a view of the caller's packet and is not pooled.
 *
 * <p>The header record is made on the first {@link #header()} call for a frame and reused while
 * the next frames carry the same 18 header octets, as the frames of one flow do.
 */
public final class SttReassembly {
    private SttReassembler owner;
    private SttBufferPool.Block block;
    private ByteBuffer source;
    private ByteBuffer sourceFrame;
    private ByteBuffer sourceInner;
    private ByteBuffer frame;
    private ByteBuffer innerFrame;
    private long word0;
    private long contextId;
    private int padding;
    private SttFrameHeader header;
    private long headerWord0;
    private long headerContextId;
    private int headerPadding;
    private long frameIdentifier;
    private int segments;
    private boolean congestionExperienced;

    /** Creates an empty holder; its accessors return {@code null} or 0 until a frame completes. */
    public SttReassembly() {
    }

    /** Holds a frame reassembled in a pool block, frame octets {@code [0, length)}. */
    void fillPooled(SttReassembler from, SttBufferPool.Block b, int length, long id, int count, boolean ce) {
        release();
        owner = from;
        block = b;
        frame = b.frame.limit(length).position(0);
        innerFrame = b.innerFrame.limit(length).position(SttLayout.FRAME_HEADER_LENGTH);
        fill(id, count, ce);
    }

    /** Holds a frame that came whole in one segment: {@code [index, index + length)} of {@code packet}. */
    void fillSingle(ByteBuffer packet, int index, int length, long id, boolean ce) {
        release();
        if (packet != source || sourceFrame == null) {
            source = packet;
            sourceFrame = packet.duplicate();
            sourceInner = packet.duplicate();
        }
        // Limit first: the new position is then always legal.
        frame = sourceFrame.limit(index + length).position(index);
        innerFrame = sourceInner.limit(index + length).position(index + SttLayout.FRAME_HEADER_LENGTH);
        fill(id, 1, ce);
    }

    private void fill(long id, int count, boolean ce) {
        int at = frame.position();
        word0 = Wire.i64(frame, at);
        contextId = Wire.i64(frame, at + 8);
        padding = Wire.u16(frame, at + 16);
        frameIdentifier = id;
        segments = count;
        congestionExperienced = ce;
    }

    /**
     * The frame header, decoded when first asked for and reused while the header octets repeat.
     *
     * @return the frame header, or {@code null} before the first frame
     */
    public SttFrameHeader header() {
        if (frame == null) {
            return null;
        }
        if (header == null || headerWord0 != word0 || headerContextId != contextId || headerPadding != padding) {
            header = SttFrameDecoder.header(word0, contextId, padding);
            headerWord0 = word0;
            headerContextId = contextId;
            headerPadding = padding;
        }
        return header;
    }

    /**
     * Returns the Context ID, without making the header record.
     *
     * @return the Context ID, without making the header record
     */
    public long contextId() {
        return contextId;
    }

    /**
     * Returns the whole STT frame, header first: position at its first octet, limit after its last.
     *
     * @return the whole STT frame, header first: position at its first octet, limit after its last
     */
    public ByteBuffer frame() {
        return frame;
    }

    /**
     * Returns the frame's length, header included.
     *
     * @return the frame's length, header included
     */
    public int frameLength() {
        return frame == null ? 0 : frame.limit() - frame.position();
    }

    /**
     * Returns the inner Ethernet frame, a view of the same bytes: position at its first octet, limit
     * after its last.
     *
     * @return the inner Ethernet frame, a view of the same bytes: position at its first octet, limit after its last
     */
    public ByteBuffer innerFrame() {
        return innerFrame;
    }

    /**
     * Returns the Frame Identifier.
     *
     * @return the Frame Identifier
     */
    public long frameIdentifier() {
        return frameIdentifier;
    }

    /**
     * Returns how many segments the frame came in.
     *
     * @return how many segments the frame came in
     */
    public int segments() {
        return segments;
    }

    /**
     * Returns whether any segment's outer header carried ECN Congestion Experienced
     * (draft-davie-stt-08 §3.3.1).
     *
     * @return whether any segment's outer header carried ECN Congestion Experienced (draft-davie-stt-08 §3.3.1)
     */
    public boolean congestionExperienced() {
        return congestionExperienced;
    }

    /**
     * Returns whether the frame is in a pool buffer not given back yet.
     *
     * @return whether the frame is in a pool buffer not given back yet
     */
    public boolean pooled() {
        return block != null;
    }

    /**
     * Gives the frame's pool buffer back to the reassembler that filled the holder. Does nothing
     * if the frame is not pooled or was given back already.
     */
    public void release() {
        SttBufferPool.Block b = block;
        if (b != null) {
            block = null;
            owner.giveBack(b);
        }
    }

    SttReassembler owner() {
        return owner;
    }
}
