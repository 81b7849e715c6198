package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * A reusable view of one Geneve header and its options in a buffer, for a per-packet data path
 * that must not allocate: {@link #wrap} makes exactly the checks {@link GeneveDecoder#decode}
 * makes (both are built on the same option walk) and throws the same
 * {@link MalformedPacketException}; the accessors then read the fields and the options by
 * position without building a {@link GeneveHeader}.
 *
 * <p>The options are read by index, {@code 0 <= i < optionCount()}: {@link #optionClass(int)},
 * {@link #optionType(int)}, {@link #optionDataIndex(int)} and {@link #optionDataLength(int)}
 * locate each one, and {@link #findOption(int, int)} finds one by class and type. The view keeps
 * where each option starts (at most 63) in an array it allocates once, at construction.
 *
 * <p>Mutable and not thread-safe: keep one per thread and wrap each packet in turn. The fixed
 * part is held as read at {@code wrap}; option fields are read from the buffer when asked, at the
 * positions found at {@code wrap}. After a failed {@code wrap} the view is empty and its accessors
 * throw {@link IllegalStateException} until the next successful one.
 */
public final class GeneveView {
    private final int[] optionOffsets = new int[GeneveLayout.MAX_OPTIONS];
    private ByteBuffer source;
    private int index;
    private int limit;
    private int first;
    private int second;
    private int headerLength;
    private int optionCount;

    /** An empty view: wrap a packet before reading it. */
    public GeneveView() {
    }

    /**
     * Wraps the header at {@code src.position()}, reading up to {@code src.limit()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return this view
     * @throws MalformedPacketException as {@link GeneveDecoder#decode(ByteBuffer)} would
     */
    public GeneveView wrap(ByteBuffer src) {
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
     * @throws MalformedPacketException as {@link GeneveDecoder#decode(ByteBuffer, int, int)} would
     */
    public GeneveView wrap(ByteBuffer src, int index, int limit) {
        source = null;
        // The checks of GeneveDecoder.checked, with the option walk recording where options start.
        int length = GeneveDecoder.fixedPart(src, index, limit);
        int count = GeneveDecoder.walkOptions(src, index, index + length, optionOffsets);
        this.first = Wire.i32(src, index);
        this.second = Wire.i32(src, index + 4);
        this.index = index;
        this.limit = limit;
        this.headerLength = length;
        this.optionCount = count;
        this.source = src;
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
     * Returns the options' length in octets: Opt Len times 4.
     *
     * @return the option octets, 0..252
     */
    public int optionsLength() {
        requireWrapped();
        return headerLength - GeneveLayout.MIN_LENGTH;
    }

    /**
     * Returns O: the packet carries a control message.
     *
     * @return whether O is set
     */
    public boolean controlPacket() {
        requireWrapped();
        return (first >>> 16 & GeneveLayout.O) != 0;
    }

    /**
     * Returns C: one or more options are critical, as the sender says.
     *
     * @return whether C is set
     */
    public boolean criticalOptionsPresent() {
        requireWrapped();
        return (first >>> 16 & GeneveLayout.C) != 0;
    }

    /**
     * Returns Rsvd., the six reserved bits after C.
     *
     * @return the reserved flags, 0..63
     */
    public int reservedFlags() {
        requireWrapped();
        return first >>> 16 & GeneveLayout.RESERVED_FLAGS_MASK;
    }

    /**
     * Returns the Protocol Type of the payload.
     *
     * @return the Protocol Type, an EtherType value
     */
    public int protocolType() {
        requireWrapped();
        return first & 0xFFFF;
    }

    /**
     * Returns the Virtual Network Identifier.
     *
     * @return the VNI, 0..16777215
     */
    public int vni() {
        requireWrapped();
        return second >>> 8;
    }

    /**
     * Returns the Reserved octet after the VNI.
     *
     * @return the last octet of the fixed part, 0..255
     */
    public int reservedOctet() {
        requireWrapped();
        return second & 0xFF;
    }

    /**
     * Returns the number of options.
     *
     * @return the options, 0..63
     */
    public int optionCount() {
        requireWrapped();
        return optionCount;
    }

    private int optionWord(int i) {
        requireWrapped();
        Objects.checkIndex(i, optionCount);
        return Wire.i32(source, optionOffsets[i]);
    }

    /**
     * Returns option {@code i}'s Option Class.
     *
     * @param i the option's position, from 0
     * @return the Option Class, 0..65535
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #optionCount()}
     */
    public int optionClass(int i) {
        return optionWord(i) >>> 16;
    }

    /**
     * Returns option {@code i}'s Type, the critical bit included.
     *
     * @param i the option's position, from 0
     * @return the Type, 0..255
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #optionCount()}
     */
    public int optionType(int i) {
        return optionWord(i) >>> 8 & 0xFF;
    }

    /**
     * Returns whether option {@code i} is critical: the high bit of its Type.
     *
     * @param i the option's position, from 0
     * @return whether the option is critical
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #optionCount()}
     */
    public boolean optionCritical(int i) {
        return (optionType(i) & GeneveLayout.OPTION_CRITICAL) != 0;
    }

    /**
     * Returns option {@code i}'s three R bits.
     *
     * @param i the option's position, from 0
     * @return the R bits, 0..7
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #optionCount()}
     */
    public int optionReserved(int i) {
        return (optionWord(i) & 0xFF) >>> GeneveLayout.OPTION_RESERVED_SHIFT;
    }

    /**
     * Returns the absolute index of option {@code i}'s data in {@link #source()}.
     *
     * @param i the option's position, from 0
     * @return the index of the option's first data octet
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #optionCount()}
     */
    public int optionDataIndex(int i) {
        optionWord(i);
        return optionOffsets[i] + GeneveLayout.OPTION_HEADER_LENGTH;
    }

    /**
     * Returns option {@code i}'s data length in octets: its Length field times 4.
     *
     * @param i the option's position, from 0
     * @return the data octets, 0..124
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #optionCount()}
     */
    public int optionDataLength(int i) {
        return (optionWord(i) & GeneveLayout.OPTION_LENGTH_MASK) * 4;
    }

    /**
     * Finds the first option with this class and type, without allocating.
     *
     * @param optionClass the Option Class
     * @param type        the Type, the critical bit included
     * @return the option's position, or -1 if there is none
     */
    public int findOption(int optionClass, int type) {
        requireWrapped();
        int wanted = optionClass << 8 | type;
        for (int i = 0; i < optionCount; i++) {
            if (Wire.i32(source, optionOffsets[i]) >>> 8 == wanted) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns whether one of the options has its critical bit set.
     *
     * @return whether an option is critical
     */
    public boolean hasCriticalOption() {
        requireWrapped();
        for (int i = 0; i < optionCount; i++) {
            if ((Wire.u8(source, optionOffsets[i] + 2) & GeneveLayout.OPTION_CRITICAL) != 0) {
                return true;
            }
        }
        return false;
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
     * Returns the header length on the wire, the options included.
     *
     * @return 8 plus the options' length
     */
    public int headerLength() {
        requireWrapped();
        return headerLength;
    }

    /**
     * Returns the absolute index of the payload in {@link #source()}.
     *
     * @return the absolute index of the payload
     */
    public int payloadIndex() {
        requireWrapped();
        return index + headerLength;
    }

    /**
     * Returns the payload length: the rest of the wrapped range.
     *
     * @return the octets from {@link #payloadIndex()} to the limit
     */
    public int payloadLength() {
        requireWrapped();
        return limit - index - headerLength;
    }

    /**
     * Decodes the wrapped header into a record, options included. This allocates, and it reads
     * the buffer again: a buffer changed since {@code wrap} may throw {@link MalformedPacketException}.
     *
     * @return the header, as {@link GeneveDecoder#decode(ByteBuffer, int, int)} gives it
     */
    public GeneveHeader toHeader() {
        requireWrapped();
        return GeneveDecoder.decode(source, index, limit).header();
    }

    @Override
    public String toString() {
        return source == null ? "GeneveView[empty]" : "GeneveView[" + toHeader() + ", payload " + payloadLength() + " octets]";
    }
}
