package org.tunnelcodec.gre.wccp;

import java.nio.ByteBuffer;

/**
 * Where {@link WccpDecapsulator} puts what it found in an accepted packet. It is a reusable,
 * mutable holder, so that the success path allocates nothing: keep one per receive thread
 * and pass it to every call. Its values are valid until the next call that uses it.
 *
 * <p>The allocation-free way to the original IP packet is {@link #source()} with
 * {@link #innerIndex()} and {@link #innerLength()}. {@link #packet()} is a view of the
 * decapsulated buffer positioned on it (position at its first byte, limit after its last):
 * zero-copy, sharing the bytes; it is made when asked for, reused while the packets come from the
 * same buffer, and made anew (one small object) the first time it is asked for after a packet
 * from another buffer, as when packets arrive in a ring of buffers.
 */
public final class WccpDecapsulation {
    private ByteBuffer source;
    private ByteBuffer view;
    /** The buffer {@link #view} duplicates. */
    private ByteBuffer viewSource;
    private WccpRouter router;
    private boolean redirectHeaderPresent;
    private int flags;
    private int serviceId;
    private int alternateBucket;
    private int primaryBucket;
    private int innerIndex;
    private int innerLength;
    private boolean outerCongestionExperienced;

    /** Creates an empty holder. */
    public WccpDecapsulation() {
    }

    void set(ByteBuffer src, WccpRouter from, boolean hasHeader, int redirectWord, int index, int length, boolean ce) {
        source = src;
        router = from;
        redirectHeaderPresent = hasHeader;
        flags = hasHeader ? redirectWord >>> 24 : 0;
        serviceId = hasHeader ? redirectWord >>> 16 & 0xFF : 0;
        alternateBucket = hasHeader ? redirectWord >>> 8 & 0xFF : 0;
        primaryBucket = hasHeader ? redirectWord & 0xFF : 0;
        innerIndex = index;
        innerLength = length;
        outerCongestionExperienced = ce;
    }

    /**
     * Returns the view of the original IP packet: position at its first byte, limit after its last.
     *
     * @return the view of the original IP packet: position at its first byte, limit after its last
     */
    public ByteBuffer packet() {
        if (viewSource != source || view == null) {
            viewSource = source;
            view = source.duplicate();
        }
        return view.limit(innerIndex + innerLength).position(innerIndex); // limit first: the position is then legal
    }

    /**
     * Returns the decapsulated buffer, in which the original packet lies at {@link #innerIndex()}
     * for {@link #innerLength()} octets.
     *
     * @return the buffer the last accepted packet was decapsulated in
     */
    public ByteBuffer source() {
        return source;
    }

    /**
     * Returns the absolute index of the original packet in the decapsulated buffer.
     *
     * @return the absolute index of the original packet in the decapsulated buffer
     */
    public int innerIndex() {
        return innerIndex;
    }

    /**
     * Returns the original packet's length.
     *
     * @return the original packet's length
     */
    public int innerLength() {
        return innerLength;
    }

    /**
     * Returns the configured router that sent the packet.
     *
     * @return the configured router that sent the packet
     */
    public WccpRouter router() {
        return router;
    }

    /**
     * Returns whether a WCCPv2 redirect header was present.
     *
     * @return whether a WCCPv2 redirect header was present
     */
    public boolean redirectHeaderPresent() {
        return redirectHeaderPresent;
    }

    /**
     * Returns the redirect header's flags octet, or 0 without one.
     *
     * @return the redirect header's flags octet, or 0 without one
     */
    public int flags() {
        return flags;
    }

    /**
     * Returns the Service ID, or 0 without a redirect header.
     *
     * @return the Service ID, or 0 without a redirect header
     */
    public int serviceId() {
        return serviceId;
    }

    /**
     * Returns the Alt Bucket, or 0 without a redirect header.
     *
     * @return the Alt Bucket, or 0 without a redirect header
     */
    public int alternateBucket() {
        return alternateBucket;
    }

    /**
     * Returns the Pri Bucket, or 0 without a redirect header.
     *
     * @return the Pri Bucket, or 0 without a redirect header
     */
    public int primaryBucket() {
        return primaryBucket;
    }

    /**
     * Returns whether the service is dynamic (D/T), false without a redirect header.
     *
     * @return whether the service is dynamic (D/T), false without a redirect header
     */
    public boolean dynamicService() {
        return (flags & WccpRedirectHeader.DYNAMIC_SERVICE) != 0;
    }

    /**
     * Returns whether the redirect header says its contents are unavailable (U).
     *
     * @return whether the redirect header says its contents are unavailable (U)
     */
    public boolean contentsUnavailable() {
        return (flags & WccpRedirectHeader.CONTENTS_UNAVAILABLE) != 0;
    }

    /**
     * Returns whether the outer header was marked ECN Congestion Experienced; a decapsulator
     * propagates it to the inner header (RFC 6040), the caller decides.
     *
     * @return whether the outer header was marked ECN Congestion Experienced; a
     *     decapsulator propagates it to the inner header (RFC 6040), the caller decides
     */
    public boolean outerCongestionExperienced() {
        return outerCongestionExperienced;
    }

    /**
     * Returns the redirect header as a record (allocates), or {@code null} without one.
     *
     * @return the redirect header as a record (allocates), or {@code null} without one
     */
    public WccpRedirectHeader redirectHeader() {
        return redirectHeaderPresent ? new WccpRedirectHeader(flags, serviceId, alternateBucket, primaryBucket) : null;
    }
}
