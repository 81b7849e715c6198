package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * A reusable view of one GRE header in a buffer, for a per-packet data path that must not
 * allocate: {@link #wrap} checks exactly what {@link GreDecoder#decode} checks and throws the
 * same {@link MalformedPacketException}, then the accessors read the fields without building a
 * {@link GreHeader}.
 *
 * <p>Mutable and not thread-safe: keep one per thread and wrap each packet in turn. The view
 * holds the fixed fields it read at {@code wrap}; the SRE list of RFC 1701 is checked but not
 * kept (use {@link #toHeader()} for it). After a failed {@code wrap} the view is empty and its
 * accessors throw {@link IllegalStateException} until the next successful one.
 *
 * <p>Why it exists: a decode returns a {@link GreHeader} inside a {@link Decoded}, two objects
 * that escape analysis removes only when the JIT happens to inline the whole decode into the
 * caller. A router that reads the Key and Sequence Number of every packet gets the same checks
 * here at a fixed cost of nothing allocated. The checks are the decoder's own: {@code decode}
 * wraps a view and builds the record from it.
 */
public final class GreView {
    private ByteBuffer source;
    private int index;
    private int limit;
    private int word;
    private int protocolType;
    private int checksumAndOffset;
    private long key;
    private long sequenceNumber;
    private long acknowledgmentNumber;
    private int headerLength;
    private int payloadLength;

    /** An empty view: wrap a packet before reading it. */
    public GreView() {
    }

    /**
     * Wraps the header at {@code src.position()}, reading up to {@code src.limit()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return this view
     * @throws MalformedPacketException as {@link GreDecoder#decode(ByteBuffer)} would
     */
    public GreView wrap(ByteBuffer src) {
        return wrap(src, src.position(), src.limit());
    }

    /**
     * Wraps the header at absolute {@code index}, reading no byte at or past {@code limit}. The
     * buffer is not changed; its position, limit and byte order do not matter.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @return this view
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link GreDecoder#decode(ByteBuffer, int, int)} would
     */
    public GreView wrap(ByteBuffer src, int index, int limit) {
        source = null;
        // The same checks, from the same helpers, as GreDecoder.checked (the dissector's walk);
        // composed here with the field reads so that wrap stays one inlinable method.
        int first = GreDecoder.fixedPart(src, index, limit); // flags and version, Protocol Type
        int w = first >>> 16;
        int version = w & GreLayout.VERSION_MASK;
        int at = index + GreDecoder.fixedLength(w);
        int field = index + GreLayout.MIN_LENGTH;
        int cs = 0;
        if ((w & (GreLayout.C | GreLayout.R)) != 0) {
            cs = Wire.i32(src, field);
            field += 4;
        }
        long k = GreHeader.ABSENT;
        if ((w & GreLayout.K) != 0) {
            k = Wire.u32(src, field);
            field += 4;
        }
        long s = GreHeader.ABSENT;
        if ((w & GreLayout.S) != 0) {
            s = Wire.u32(src, field);
            field += 4;
        }
        long a = GreHeader.ABSENT;
        if (version == 1 && (w & GreLayout.A) != 0) {
            a = Wire.u32(src, field);
        }
        if ((w & GreLayout.R) != 0) {
            at = GreDecoder.routingEnd(src, index, at, limit);
        }
        int payload = limit - at;
        if (version == 1 && k != GreHeader.ABSENT) {
            payload = GreDecoder.pptpPayloadLength(k, at - index, payload);
        }
        this.index = index;
        this.limit = limit;
        this.word = w;
        this.protocolType = first & 0xFFFF;
        this.checksumAndOffset = cs;
        this.key = k;
        this.sequenceNumber = s;
        this.acknowledgmentNumber = a;
        this.headerLength = at - index;
        this.payloadLength = payload;
        this.source = src;
        return this;
    }

    private int word() {
        if (source == null) {
            throw new IllegalStateException("no header wrapped (a wrap failed, or none was made)");
        }
        return word;
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
        word();
        return source;
    }

    /**
     * Returns the first 16-bit word: flags and version, every bit as on the wire.
     *
     * @return the first 16-bit word: flags and version, every bit as on the wire
     */
    public int flagsAndVersion() {
        return word();
    }

    /**
     * Returns the Ver field, 0 or 1.
     *
     * @return the Ver field, 0 or 1
     */
    public int version() {
        return word() & GreLayout.VERSION_MASK;
    }

    /**
     * Returns whether C is set.
     *
     * @return whether C is set
     */
    public boolean checksumPresent() {
        return (word() & GreLayout.C) != 0;
    }

    /**
     * Returns whether R is set (RFC 1701).
     *
     * @return whether R is set (RFC 1701)
     */
    public boolean routingPresent() {
        return (word() & GreLayout.R) != 0;
    }

    /**
     * Returns the Protocol Type, an EtherType value.
     *
     * @return the Protocol Type, an EtherType value
     */
    public int protocolType() {
        word();
        return protocolType;
    }

    /**
     * Returns the Checksum field as on the wire, 0 when neither C nor R is set.
     *
     * @return the Checksum field as on the wire, 0 when neither C nor R is set
     */
    public int checksum() {
        word();
        return checksumAndOffset >>> 16;
    }

    /**
     * Returns the Reserved1 (RFC 2784) or Offset (RFC 1701) field, 0 when neither C nor R is set.
     *
     * @return the Reserved1 (RFC 2784) or Offset (RFC 1701) field, 0 when neither C nor R is set
     */
    public int offset() {
        word();
        return checksumAndOffset & 0xFFFF;
    }

    /**
     * Returns the Key, unsigned, or {@link GreHeader#ABSENT} when K is clear.
     *
     * @return the Key, unsigned, or {@link GreHeader#ABSENT} when K is clear
     */
    public long key() {
        word();
        return key;
    }

    /**
     * Returns the Sequence Number, unsigned, or {@link GreHeader#ABSENT} when S is clear.
     *
     * @return the Sequence Number, unsigned, or {@link GreHeader#ABSENT} when S is clear
     */
    public long sequenceNumber() {
        word();
        return sequenceNumber;
    }

    /**
     * Returns the Acknowledgment Number (version 1), unsigned, or {@link GreHeader#ABSENT} when A is
     * clear.
     *
     * @return the Acknowledgment Number (version 1), unsigned, or {@link GreHeader#ABSENT} when A is clear
     */
    public long acknowledgmentNumber() {
        word();
        return acknowledgmentNumber;
    }

    /**
     * Returns the absolute index of the header in {@link #source()}.
     *
     * @return the absolute index of the header in {@link #source()}
     */
    public int index() {
        word();
        return index;
    }

    /**
     * Returns the header length on the wire, the SRE list included.
     *
     * @return the header length on the wire, the SRE list included
     */
    public int headerLength() {
        word();
        return headerLength;
    }

    /**
     * Returns the absolute index of the payload in {@link #source()}.
     *
     * @return the absolute index of the payload in {@link #source()}
     */
    public int payloadIndex() {
        word();
        return index + headerLength;
    }

    /**
     * Returns the payload length: the rest of the wrapped range, or in version 1 with a Key the
     * Payload Length (RFC 2637 §4.1).
     *
     * @return the payload length: the rest of the wrapped range, or in version 1 with a Key the
     *         Payload Length (RFC 2637 §4.1)
     */
    public int payloadLength() {
        word();
        return payloadLength;
    }

    /**
     * Decodes the wrapped header into a record, SRE list included. This allocates, and it reads
     * the buffer again: a buffer changed since {@code wrap} may throw {@link MalformedPacketException}.
     *
     * @return the header, as {@link GreDecoder#decode(ByteBuffer, int, int)} gives it
     */
    public GreHeader toHeader() {
        word();
        return GreDecoder.decode(source, index, limit).header();
    }

    @Override
    public String toString() {
        return source == null ? "GreView[empty]" : "GreView[" + toHeader() + ", payload " + payloadLength() + " octets]";
    }
}
