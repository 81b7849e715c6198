package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * A reusable view of one LISP data header in a buffer, for a per-packet data path that must not
 * allocate: {@link #wrap} makes exactly the checks {@link LispDecoder#decode} makes (both are
 * built on {@link LispDecoder#checked}) and throws the same {@link MalformedPacketException};
 * the accessors then return the fields without building a {@link LispHeader}.
 *
 * <p>The view reads a LISP-GPE header too (bit 5, P, set: {@link #nextProtocolPresent()}):
 * {@link #gpeNextProtocol()} is then its Next Protocol and {@link #toGpeHeader()} its record.
 *
 * <p>Mutable and not thread-safe: keep one per thread and wrap each packet in turn. The view
 * holds the two 32-bit words it read at {@code wrap}. After a failed {@code wrap} the view is
 * empty and its accessors throw {@link IllegalStateException} until the next successful one.
 */
public final class LispView {
    private ByteBuffer source;
    private int index;
    private int limit;
    private int first;
    private int second;

    /** An empty view: wrap a packet before reading it. */
    public LispView() {
    }

    /**
     * Wraps the header at {@code src.position()}, reading up to {@code src.limit()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return this view
     * @throws MalformedPacketException as {@link LispDecoder#decode(ByteBuffer)} would
     */
    public LispView wrap(ByteBuffer src) {
        return wrap(src, src.position(), src.limit());
    }

    /**
     * Wraps the header at absolute {@code index}, reading no byte at or past {@code limit}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return this view
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link LispDecoder#decode(ByteBuffer, int, int)} would
     */
    public LispView wrap(ByteBuffer src, int index, int limit) {
        if ((index | limit - index - LispLayout.LENGTH | src.limit() - limit) < 0) {
            source = null; // a failed wrap leaves the view empty; the decoder's check throws its exception
            LispDecoder.checked(src, index, limit);
        }
        long words = Wire.i64(src, index);
        this.first = (int) (words >>> 32);
        this.second = (int) words;
        this.index = index;
        this.limit = limit;
        if (source != src) { // a data path wraps the same buffer again and again: no reference store then
            source = src;
        }
        return this;
    }

    private void requireWrapped() {
        if (source == null) {
            throw new IllegalStateException("no header wrapped (a wrap failed, or none was made)");
        }
    }

    /**
     * Returns whether a header is wrapped: the last {@code wrap} succeeded.
     *
     * @return whether a header is wrapped: the last {@code wrap} succeeded
     */
    public boolean isWrapped() {
        return source != null;
    }

    /**
     * Returns the buffer the wrapped header is in.
     *
     * @return the buffer the wrapped header is in
     */
    public ByteBuffer source() {
        requireWrapped();
        return source;
    }

    /**
     * Returns the first octet, every flag as on the wire.
     *
     * @return the flags, as {@link LispHeader#flags()} holds them
     */
    public int flags() {
        requireWrapped();
        return first >>> 24;
    }

    /**
     * Returns whether N is set: bits 8-31 are a Nonce.
     *
     * @return whether N is set
     */
    public boolean noncePresent() {
        return (flags() & LispLayout.N) != 0;
    }

    /**
     * Returns bits 8-31: the Nonce when N is set.
     *
     * @return bits 8-31, 0..16777215
     */
    public int nonce() {
        requireWrapped();
        return first & LispLayout.MAX_NONCE;
    }

    /**
     * Returns whether E and N are set: the sender asks for its Nonce to be echoed.
     *
     * @return whether E and N are set
     */
    public boolean echoNonceRequested() {
        return (flags() & (LispLayout.N | LispLayout.E)) == (LispLayout.N | LispLayout.E);
    }

    /**
     * Returns whether V is set and N clear: bits 8-31 are the Map-Versions.
     *
     * @return whether V is set and N clear
     */
    public boolean mapVersionPresent() {
        return (flags() & (LispLayout.N | LispLayout.V)) == LispLayout.V;
    }

    /**
     * Returns the Source Map-Version: bits 8-19.
     *
     * @return bits 8-19, 0..4095
     */
    public int sourceMapVersion() {
        return nonce() >>> 12;
    }

    /**
     * Returns the Destination Map-Version: bits 20-31.
     *
     * @return bits 20-31, 0..4095
     */
    public int destinationMapVersion() {
        return nonce() & LispLayout.MAX_MAP_VERSION;
    }

    /**
     * Returns whether I is set: the second word holds an Instance ID.
     *
     * @return whether I is set
     */
    public boolean instanceIdPresent() {
        return (flags() & LispLayout.I) != 0;
    }

    /**
     * Returns the Instance ID, or -1 when I is clear.
     *
     * @return the Instance ID, 0..16777215, or -1
     */
    public int instanceId() {
        return instanceIdPresent() ? second >>> 8 : -1;
    }

    /**
     * Returns whether L is set: the Locator-Status-Bits are in use.
     *
     * @return whether L is set
     */
    public boolean locatorStatusBitsEnabled() {
        return (flags() & LispLayout.L) != 0;
    }

    /**
     * Returns the Locator-Status-Bits as the flags lay them out, whether L is set or not.
     *
     * @return the last octet with I set, the second word with I clear
     */
    public long locatorStatusBits() {
        return instanceIdPresent() ? second & 0xFF : second & LispLayout.MAX_LSB;
    }

    /**
     * Returns the KK bits: 0 for a plain payload (RFC 8061 §3).
     *
     * @return the key id, 0..3
     */
    public int keyId() {
        return flags() & LispLayout.KK;
    }

    /**
     * Returns whether bit 5 (P) is set: a LISP-GPE header (RFC 9305 §3).
     *
     * @return whether P is set
     */
    public boolean nextProtocolPresent() {
        return (flags() & LispLayout.P) != 0;
    }

    /**
     * Returns the LISP-GPE Next Protocol, the last 8 bits of the first word, or -1 when P is
     * clear.
     *
     * @return the Next Protocol, 0..255, or -1
     */
    public int gpeNextProtocol() {
        return nextProtocolPresent() ? first & 0xFF : -1;
    }

    /**
     * Returns the flag bits RFC 9300 does not name, in place.
     *
     * @return the reserved flag bits, as {@link LispHeader#reservedFlags()} gives them
     */
    public int reservedFlags() {
        return flags() & ~LispLayout.KNOWN_FLAGS;
    }

    /**
     * Returns the absolute index of the header in {@link #source()}.
     *
     * @return the absolute index of the header
     */
    public int index() {
        requireWrapped();
        return index;
    }

    /**
     * Returns the header length on the wire.
     *
     * @return 8
     */
    public int headerLength() {
        requireWrapped();
        return LispLayout.LENGTH;
    }

    /**
     * Returns the absolute index of the inner packet in {@link #source()}.
     *
     * @return the absolute index of the payload
     */
    public int payloadIndex() {
        requireWrapped();
        return index + LispLayout.LENGTH;
    }

    /**
     * Returns the payload length: the rest of the wrapped range.
     *
     * @return the octets from {@link #payloadIndex()} to the limit
     */
    public int payloadLength() {
        requireWrapped();
        return limit - index - LispLayout.LENGTH;
    }

    /**
     * Builds the record of the wrapped header from the words read at {@code wrap}.
     *
     * @return the header, as {@link LispDecoder#decode(ByteBuffer, int, int)} gives it
     */
    public LispHeader toHeader() {
        requireWrapped();
        return LispDecoder.header(first, second);
    }

    /**
     * Builds the LISP-GPE record of the wrapped header.
     *
     * @return the header, as {@link LispGpeDecoder#decode(ByteBuffer, int, int)} gives it
     * @throws IllegalStateException if P is clear: the header is not a LISP-GPE header
     */
    public LispGpeHeader toGpeHeader() {
        if (!nextProtocolPresent()) {
            throw new IllegalStateException("P is clear: not a LISP-GPE header (RFC 9305 §3)");
        }
        return LispGpeDecoder.header(first, second);
    }

    @Override
    public String toString() {
        if (source == null) {
            return "LispView[empty]";
        }
        return "LispView[" + (nextProtocolPresent() ? toGpeHeader() : toHeader()) + ", payload " + payloadLength()
                + " octets]";
    }
}
