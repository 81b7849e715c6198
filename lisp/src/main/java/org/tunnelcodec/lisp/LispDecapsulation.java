package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Wire;

/**
 * Where {@link LispDecapsulator} puts what it found in an accepted packet. It is a reusable,
 * mutable holder, so that the success path allocates nothing: keep one per receive thread and
 * pass it to every call. Its values are valid until the next call that uses it.
 *
 * <p>The inner packet is at {@link #innerIndex()} for {@link #innerLength()} octets of the
 * decapsulated buffer ({@link #source()}): that is the allocation-free way to reach it.
 * {@link #packet()} is a view of the same bytes (position at the first, limit after the last):
 * zero-copy, sharing the bytes; it is made when asked for, reused while the same source buffer
 * is decapsulated again, and created once per new source buffer, so a receive loop over a ring
 * of buffers that calls it allocates one small object per packet.
 *
 * <h2>ECN</h2>
 * The decapsulator does not write the buffer. {@link #innerEcn()} is the ECN field the inner
 * header must carry when forwarded (RFC 6040 §4.2, as RFC 9300 §5.3 requires); when it differs
 * from {@link #arrivingInnerEcn()} the caller writes it, or calls {@link #applyEcn()}, which
 * rewrites the inner IPv4 TOS (and the IPv4 header checksum, incrementally, RFC 1624) or the
 * IPv6 Traffic Class in place.
 *
 * <h2>Outer addresses</h2>
 * As primitives: an IPv4 address in {@link #outerSourceIpv4()} (its 32 bits), an IPv6 address in
 * {@link #outerSourceHigh()} and {@link #outerSourceLow()}; {@link #outerIpv4Source()} and
 * {@link #outerIpv6Source()} (and the destinations) allocate the address record, for logging.
 */
public final class LispDecapsulation {
    private ByteBuffer source;
    private ByteBuffer view;
    private ByteBuffer viewSource;
    private boolean outerIpv6;
    private long outerSourceHigh;
    private long outerSourceLow;
    private long outerDestinationHigh;
    private long outerDestinationLow;
    private int outerTos;
    private int outerTtl;
    private int udpSourcePort;
    private int udpDestinationPort;
    private int first;   // the LISP header's first word: every field below comes from these two
    private int second;
    private int innerIndex;
    private int innerLength;
    private int innerVersion;
    private int arrivingInnerEcn;
    private int innerEcn;

    /** Creates an empty holder. */
    public LispDecapsulation() {
    }

    void set(ByteBuffer src, byte[] a, int shift, int outer, boolean ipv6, int tos, int ttl, int ipv4Source,
            int sourcePort, int destinationPort, int lispFirst, int lispSecond, int index, int length, int version,
            int arrivingEcn, int ecn) {
        if (source != src) { // an ETR decapsulates into the same buffer again and again: no reference store then
            source = src;
        }
        outerIpv6 = ipv6;
        if (ipv6) {
            outerSourceHigh = Wire.i64(src, a, shift, outer + 8);
            outerSourceLow = Wire.i64(src, a, shift, outer + 16);
            outerDestinationHigh = Wire.i64(src, a, shift, outer + 24);
            outerDestinationLow = Wire.i64(src, a, shift, outer + 32);
        } else {
            outerSourceHigh = 0;
            outerSourceLow = ipv4Source & 0xFFFF_FFFFL;
            outerDestinationHigh = 0;
            outerDestinationLow = Wire.i32(src, a, shift, outer + 16) & 0xFFFF_FFFFL;
        }
        outerTos = tos;
        outerTtl = ttl;
        udpSourcePort = sourcePort;
        udpDestinationPort = destinationPort;
        first = lispFirst;
        second = lispSecond;
        innerIndex = index;
        innerLength = length;
        innerVersion = version;
        arrivingInnerEcn = arrivingEcn;
        innerEcn = ecn;
    }

    /**
     * Returns the view of the inner IP packet: position at its first byte, limit after its last.
     *
     * @return the view of the inner IP packet, or {@code null} before the first accepted packet
     */
    public ByteBuffer packet() {
        if (source == null) {
            return null;
        }
        if (viewSource != source) {
            view = source.duplicate();
            viewSource = source;
        }
        return view.limit(innerIndex + innerLength).position(innerIndex); // limit first: the position is then legal
    }

    /**
     * Returns the decapsulated buffer, the one {@link #innerIndex()} indexes.
     *
     * @return the decapsulated buffer, or {@code null} before the first accepted packet
     */
    public ByteBuffer source() {
        return source;
    }

    /**
     * Returns the absolute index of the inner packet in the decapsulated buffer.
     *
     * @return the absolute index of the inner packet in the decapsulated buffer
     */
    public int innerIndex() {
        return innerIndex;
    }

    /**
     * Returns the inner packet's length: its own IP length, the rest of the UDP payload.
     *
     * @return the inner packet's length
     */
    public int innerLength() {
        return innerLength;
    }

    /**
     * Returns the inner IP version, by its version nibble.
     *
     * @return 4 or 6
     */
    public int innerVersion() {
        return innerVersion;
    }

    /**
     * Returns the LISP-GPE Next Protocol (RFC 9305 §3), or -1 for a LISP header (P clear).
     *
     * @return 1 (IPv4) or 2 (IPv6), or -1
     */
    public int gpeNextProtocol() {
        return gpe() ? first & 0xFF : -1;
    }

    private boolean gpe() {
        return (first & LispLayout.P << 24) != 0;
    }

    /**
     * Returns the header's first octet, every flag as on the wire.
     *
     * @return the flags, as {@link LispHeader#flags()} holds them
     */
    public int flags() {
        return first >>> 24;
    }

    /**
     * Returns the Instance ID, or -1 when I is clear.
     *
     * @return the Instance ID, 0..16777215, or -1
     */
    public int instanceId() {
        return (first & LispLayout.I << 24) != 0 ? second >>> 8 : -1;
    }

    /**
     * Returns the Nonce, or -1 when N is clear or the header is LISP-GPE.
     *
     * @return the Nonce, 0..16777215, or -1
     */
    public int nonce() {
        return !gpe() && (first & LispLayout.N << 24) != 0 ? first & LispLayout.MAX_NONCE : -1;
    }

    /**
     * Returns the Locator-Status-Bits when L is set (the last octet with I set, the second word
     * with I clear), or -1 when L is clear.
     *
     * @return the Locator-Status-Bits, or -1
     */
    public long locatorStatusBits() {
        if ((first & LispLayout.L << 24) == 0) {
            return -1;
        }
        return (first & LispLayout.I << 24) != 0 ? second & 0xFF : second & LispLayout.MAX_LSB;
    }

    /**
     * Returns the Source Map-Version when V is set and N clear (not GPE), else -1.
     *
     * @return the Source Map-Version, 0..4095, or -1
     */
    public int sourceMapVersion() {
        return mapVersion() ? (first & LispLayout.MAX_NONCE) >>> 12 : -1;
    }

    private boolean mapVersion() {
        return !gpe() && (first >>> 24 & (LispLayout.N | LispLayout.V)) == LispLayout.V;
    }

    /**
     * Returns the Destination Map-Version when V is set and N clear (not GPE), else -1.
     *
     * @return the Destination Map-Version, 0..4095, or -1
     */
    public int destinationMapVersion() {
        return mapVersion() ? first & LispLayout.MAX_MAP_VERSION : -1;
    }

    /**
     * Returns whether the sender requests its Nonce echoed: E and N set, not GPE (RFC 9300 §10.1).
     *
     * @return whether the echo-nonce request bit is in effect
     */
    public boolean echoNonceRequested() {
        return !gpe() && (first >>> 24 & (LispLayout.N | LispLayout.E)) == (LispLayout.N | LispLayout.E);
    }

    /**
     * Returns whether the outer header was IPv6.
     *
     * @return whether the outer header was IPv6
     */
    public boolean outerIpv6() {
        return outerIpv6;
    }

    /**
     * Returns the outer IPv4 source address as its 32 bits; meaningless when the outer header is IPv6.
     *
     * @return the outer IPv4 source address as its 32 bits
     */
    public int outerSourceIpv4() {
        return (int) outerSourceLow;
    }

    /**
     * Returns the outer IPv4 destination address as its 32 bits; meaningless when the outer header is IPv6.
     *
     * @return the outer IPv4 destination address as its 32 bits
     */
    public int outerDestinationIpv4() {
        return (int) outerDestinationLow;
    }

    /**
     * Returns the first 64 bits of the outer IPv6 source address (0 for IPv4).
     *
     * @return the first 64 bits of the outer IPv6 source address
     */
    public long outerSourceHigh() {
        return outerSourceHigh;
    }

    /**
     * Returns the last 64 bits of the outer IPv6 source address (for IPv4 the address, unsigned).
     *
     * @return the last 64 bits of the outer IPv6 source address
     */
    public long outerSourceLow() {
        return outerSourceLow;
    }

    /**
     * Returns the first 64 bits of the outer IPv6 destination address (0 for IPv4).
     *
     * @return the first 64 bits of the outer IPv6 destination address
     */
    public long outerDestinationHigh() {
        return outerDestinationHigh;
    }

    /**
     * Returns the last 64 bits of the outer IPv6 destination address (for IPv4 the address, unsigned).
     *
     * @return the last 64 bits of the outer IPv6 destination address
     */
    public long outerDestinationLow() {
        return outerDestinationLow;
    }

    /**
     * Returns the outer IPv4 source address (allocates a record).
     *
     * @return the address
     * @throws IllegalStateException if the outer header was IPv6
     */
    public Ipv4Address outerIpv4Source() {
        requireVersion(false);
        return Ipv4Address.of((int) outerSourceLow);
    }

    /**
     * Returns the outer IPv4 destination address (allocates a record).
     *
     * @return the address
     * @throws IllegalStateException if the outer header was IPv6
     */
    public Ipv4Address outerIpv4Destination() {
        requireVersion(false);
        return Ipv4Address.of((int) outerDestinationLow);
    }

    /**
     * Returns the outer IPv6 source address (allocates a record).
     *
     * @return the address
     * @throws IllegalStateException if the outer header was IPv4
     */
    public Ipv6Address outerIpv6Source() {
        requireVersion(true);
        return Ipv6Address.of(outerSourceHigh, outerSourceLow);
    }

    /**
     * Returns the outer IPv6 destination address (allocates a record).
     *
     * @return the address
     * @throws IllegalStateException if the outer header was IPv4
     */
    public Ipv6Address outerIpv6Destination() {
        requireVersion(true);
        return Ipv6Address.of(outerDestinationHigh, outerDestinationLow);
    }

    private void requireVersion(boolean ipv6) {
        if (outerIpv6 != ipv6) {
            throw new IllegalStateException("the outer header was " + (outerIpv6 ? "IPv6" : "IPv4"));
        }
    }

    /**
     * Returns the outer IPv4 TOS or IPv6 Traffic Class octet (DSCP and ECN).
     *
     * @return the outer TOS, 0..255
     */
    public int outerTos() {
        return outerTos;
    }

    /**
     * Returns the outer IPv4 TTL or IPv6 Hop Limit.
     *
     * @return the outer TTL, 0..255
     */
    public int outerTtl() {
        return outerTtl;
    }

    /**
     * Returns the UDP source port.
     *
     * @return the UDP source port
     */
    public int udpSourcePort() {
        return udpSourcePort;
    }

    /**
     * Returns the UDP destination port (one of the decapsulator's ports).
     *
     * @return the UDP destination port
     */
    public int udpDestinationPort() {
        return udpDestinationPort;
    }

    /**
     * Returns the inner header's ECN field as it arrived.
     *
     * @return 0 Not-ECT, 1 ECT(1), 2 ECT(0) or 3 CE
     */
    public int arrivingInnerEcn() {
        return arrivingInnerEcn;
    }

    /**
     * Returns the ECN field the inner header must carry after decapsulation (RFC 6040 §4.2).
     *
     * @return 0 Not-ECT, 1 ECT(1), 2 ECT(0) or 3 CE
     */
    public int innerEcn() {
        return innerEcn;
    }

    /**
     * Writes {@link #innerEcn()} into the inner header in the decapsulated buffer, if it differs
     * from the arriving one: the IPv4 TOS with the header checksum updated incrementally
     * (RFC 1624 eqn. 3), or the IPv6 Traffic Class. Allocates nothing.
     *
     * @return whether the buffer was written
     * @throws IllegalStateException if no packet was accepted into this holder
     * @throws java.nio.ReadOnlyBufferException if the buffer is read-only and must be written
     */
    public boolean applyEcn() {
        if (source == null) {
            throw new IllegalStateException("no packet decapsulated into this holder");
        }
        if (innerEcn == arrivingInnerEcn) {
            return false;
        }
        ByteBuffer b = source;
        if (innerVersion == 4) {
            int oldWord = Wire.u16(b, innerIndex);
            int newWord = oldWord & ~3 | innerEcn;
            int checksum = Wire.u16(b, innerIndex + 10);
            int sum = (~checksum & 0xFFFF) + (~oldWord & 0xFFFF) + newWord;
            sum = (sum & 0xFFFF) + (sum >>> 16);
            sum = (sum & 0xFFFF) + (sum >>> 16);
            b.put(innerIndex + 1, (byte) newWord);
            b.put(innerIndex + 10, (byte) (~sum >>> 8));
            b.put(innerIndex + 11, (byte) ~sum);
        } else {
            int octet = Wire.u8(b, innerIndex + 1);
            b.put(innerIndex + 1, (byte) (octet & ~0x30 | innerEcn << 4));
        }
        arrivingInnerEcn = innerEcn;
        return true;
    }
}
