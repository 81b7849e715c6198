package org.tunnelcodec.vxlan;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * A reusable view of one VXLAN header in a buffer, for a per-packet data path that must not
 * allocate: {@link #wrap} makes exactly the checks {@link VxlanDecoder#decode} makes (both are
 * built on {@link VxlanDecoder#checked}) and throws the same {@link MalformedPacketException};
 * the accessors then return the fields without building a {@link VxlanHeader}.
 *
 * <p>Mutable and not thread-safe: keep one per thread and wrap each packet in turn. The view
 * holds the two 32-bit words it read at {@code wrap}. After a failed {@code wrap} the view is
 * empty and its accessors throw {@link IllegalStateException} until the next successful one.
 */
public final class VxlanView {
    private ByteBuffer source;
    private int index;
    private int limit;
    private int first;
    private int second;

    /** An empty view: wrap a packet before reading it. */
    public VxlanView() {
    }

    /**
     * Wraps the header at {@code src.position()}, reading up to {@code src.limit()}.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @return this view
     * @throws MalformedPacketException as {@link VxlanDecoder#decode(ByteBuffer)} would
     */
    public VxlanView wrap(ByteBuffer src) {
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
     * @throws MalformedPacketException as {@link VxlanDecoder#decode(ByteBuffer, int, int)} would
     */
    public VxlanView wrap(ByteBuffer src, int index, int limit) {
        source = null;
        VxlanDecoder.checked(src, index, limit);
        this.first = Wire.i32(src, index);
        this.second = Wire.i32(src, index + 4);
        this.index = index;
        this.limit = limit;
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
     * Returns the first 16 bits, every flag as on the wire.
     *
     * @return the flags, as {@link VxlanHeader#flags()} holds them
     */
    public int flags() {
        requireWrapped();
        return first >>> 16;
    }

    /**
     * Returns the Group Policy ID (reserved bits when G is clear).
     *
     * @return the second 16 bits, 0..65535
     */
    public int groupPolicyId() {
        requireWrapped();
        return first & 0xFFFF;
    }

    /**
     * Returns the VXLAN Network Identifier.
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
     * @return the last octet, 0..255
     */
    public int reservedOctet() {
        requireWrapped();
        return second & 0xFF;
    }

    /**
     * Returns whether I is set: the VNI is valid (RFC 7348 §5).
     *
     * @return whether I is set
     */
    public boolean vniValid() {
        return (flags() & VxlanLayout.I) != 0;
    }

    /**
     * Returns whether G is set: the header carries a Group Policy ID.
     *
     * @return whether G is set
     */
    public boolean groupPolicy() {
        return (flags() & VxlanLayout.G) != 0;
    }

    /**
     * Returns whether D (Don't Learn) is set.
     *
     * @return whether D is set
     */
    public boolean dontLearn() {
        return (flags() & VxlanLayout.D) != 0;
    }

    /**
     * Returns whether A (Group Policy Applied) is set.
     *
     * @return whether A is set
     */
    public boolean policyApplied() {
        return (flags() & VxlanLayout.A) != 0;
    }

    /**
     * Returns the flag bits no specification this library follows defines, in place.
     *
     * @return the reserved flag bits, as {@link VxlanHeader#reservedFlags()} gives them
     */
    public int reservedFlags() {
        return flags() & ~VxlanLayout.KNOWN_FLAGS;
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
        return VxlanLayout.LENGTH;
    }

    /**
     * Returns the absolute index of the inner frame in {@link #source()}.
     *
     * @return the absolute index of the payload
     */
    public int payloadIndex() {
        requireWrapped();
        return index + VxlanLayout.LENGTH;
    }

    /**
     * Returns the payload length: the rest of the wrapped range.
     *
     * @return the octets from {@link #payloadIndex()} to the limit
     */
    public int payloadLength() {
        requireWrapped();
        return limit - index - VxlanLayout.LENGTH;
    }

    /**
     * Builds the record of the wrapped header from the words read at {@code wrap}.
     *
     * @return the header, as {@link VxlanDecoder#decode(ByteBuffer, int, int)} gives it
     */
    public VxlanHeader toHeader() {
        requireWrapped();
        return new VxlanHeader(first >>> 16, first & 0xFFFF, second >>> 8, second & 0xFF);
    }

    @Override
    public String toString() {
        return source == null ? "VxlanView[empty]" : "VxlanView[" + toHeader() + ", payload " + payloadLength() + " octets]";
    }
}
