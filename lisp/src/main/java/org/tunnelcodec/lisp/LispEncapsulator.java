package org.tunnelcodec.lisp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.core.encap.UdpChecksumMode;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;
import java.nio.ReadOnlyBufferException;

/**
 * The ITR side of the LISP data plane: one precomputed encapsulation per destination locator,
 * which writes outer IPv4 or IPv6 + UDP + LISP header (RFC 9300 §5.1) into the headroom in
 * front of an inner IP packet already in the buffer. The per-packet work is one copy of the 36
 * (IPv4) or 56 (IPv6) octets and a few stores: the lengths, the IPv4 Header Checksum, TTL and
 * DS field from the inner header, the UDP source port from the inner flow hash, the nonce.
 *
 * <pre>{@code
 * LispEncapsulator toEtr = LispEncapsulator.ipv4(localRloc, remoteRloc)   // per map-cache entry
 *         .header(LispHeader.builder().nonce(0).instanceId(100).build())
 *         .build();
 * int start = toEtr.push(buf, ipIndex, ipEnd, random);                  // per packet
 * // [start, ipEnd) is IPv4 | UDP 4341 | LISP (N, I; a fresh nonce) | the unchanged inner packet
 * }</pre>
 *
 * <h2>What push writes (RFC 9300 §5.3, RFC 6040, RFC 6935)</h2>
 * <ul>
 *   <li><b>Outer IPv4</b> (no options, DF set by default, Identification 0: an atomic datagram,
 *       RFC 6864 §4.1): Total Length; Time to Live copied from the inner TTL or Hop Limit (RFC
 *       9300 §5.3 "SHOULD be copied"), or a constant ({@link Builder#timeToLive}); DSCP copied
 *       from the inner header (RFC 9300 §5.3) or a constant ({@link Builder#dscp}); ECN by RFC
 *       6040 §4.1 ({@link EcnMode#NORMAL} copies it, {@link EcnMode#COMPATIBILITY} clears it);
 *       the Header Checksum summed from a precomputed partial sum and the three words that
 *       change.</li>
 *   <li><b>Outer IPv6</b>: the same TTL/DSCP/ECN rules on Hop Limit and Traffic Class; Payload
 *       Length; the Flow Label a constant, or from the inner flow hash ({@link
 *       Builder#flowLabelFromFlowHash}, RFC 6438 §3).</li>
 *   <li><b>UDP</b>: destination port 4341 (or another, {@link Builder#destinationPort}); source
 *       port from the inner packet's flow hash (RFC 9300 §5.3: "SHOULD be a hash of the inner
 *       header", core {@link FlowHash}) in 49152..65535 or the range the builder gives; Length;
 *       Checksum 0 ({@link UdpChecksumMode#ZERO}, RFC 9300 §5.3 over IPv4, RFC 6935/6936 over
 *       IPv6) or computed over the whole datagram ({@link UdpChecksumMode#COMPUTE}).</li>
 *   <li><b>LISP</b>: the template header's eight octets. With N set, the push methods that take a
 *       nonce write it in bits 8-31 and set or clear E (echo-nonce request) per packet; the library
 *       keeps no random state: the caller supplies the nonce or a {@link RandomGenerator} to draw
 *       it from (RFC 9300 §10.1: a nonce is random for each packet it requests an echo for).</li>
 * </ul>
 * The inner packet is neither copied nor changed: it must be IPv4 or IPv6 (by its version
 * nibble) with at least its fixed header (20 or 40 octets), as push reads TTL and DS field from
 * it and hashes its addresses and ports.
 *
 * <h2>Errors</h2>
 * Every check is made before the first octet is written, so a failed push leaves the buffer as
 * it was: a range outside {@code buf.limit()} or fewer than {@link #length()} octets of headroom
 * is {@link IndexOutOfBoundsException}; a packet too long for the outer length fields or a nonce
 * out of range, {@link IllegalArgumentException}; a nonce given to a template without N,
 * {@link IllegalStateException}; an inner packet that is not IPv4 or IPv6 or is shorter than its
 * fixed header, {@link MalformedPacketException}; a read-only buffer,
 * {@link java.nio.ReadOnlyBufferException}. Nothing outside {@code [innerIndex - length(),
 * innerIndex)} is written.
 *
 * <p>Immutable and thread-safe: one instance serves every thread that sends to its locator.
 * Push allocates nothing.
 */
public final class LispEncapsulator {
    /** The octets an IPv4-outer encapsulation writes: IPv4 20 + UDP 8 + LISP 8. */
    public static final int IPV4_LENGTH = 36;
    /** The octets an IPv6-outer encapsulation writes: IPv6 40 + UDP 8 + LISP 8. */
    public static final int IPV6_LENGTH = 56;
    /** {@link Builder#timeToLive}: copy the inner TTL or Hop Limit (the default). */
    public static final int INHERIT = -1;
    /** {@link Builder#dscp}: copy the inner DSCP (the default). */
    public static final int COPY = -1;

    private static final int UDP = 17;
    private static final int IPV4_MIN = 20;
    private static final int IPV6_MIN = 40;
    private static final int MAX_IP_LENGTH = 0xFFFF;

    private final byte[] bytes;
    private final boolean ipv6;
    private final int udp;          // offset of the UDP header
    private final int lisp;         // offset of the LISP header
    private final int fixedTtl;     // or INHERIT
    private final int fixedDscp;    // or COPY (DSCP in bits 7-2 of the DS octet)
    private final boolean copyEcn;
    private final boolean computeChecksum;
    private final int portMin;
    private final int portMax;
    private final boolean flowLabelFromHash;
    private final int partialSum;   // IPv4: the sum of the header words push never changes
    private final int pseudoSum;    // the UDP pseudo-header without its length
    private final int maxInner;     // the longest inner packet the outer length fields describe
    private final int fixedFlowLabel;
    private final int lispWord0;    // flags and bits 8-31 as the template holds them
    private final boolean nonceAllowed;
    private final LispHeader header;
    private final String description;
    /** The template as big-endian words with the per-packet fields 0; IPv4: words 0-3 and the last 4 octets in 4. */
    private final long[] words;
    /** Big-endian stores into a heap buffer's array. */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private final boolean copyDscp;
    private final int fixedDs;      // the constant DSCP in its place in the DS octet
    private final int ecnMask;      // 3 to copy the inner ECN field, 0 to clear it

    private LispEncapsulator(Builder b) {
        this.ipv6 = b.ipv6Source != null;
        int ipLength = ipv6 ? IPV6_MIN : IPV4_MIN;
        this.udp = ipLength;
        this.lisp = ipLength + 8;
        this.bytes = new byte[lisp + LispHeader.LENGTH];
        this.header = b.header;
        this.fixedTtl = b.timeToLive;
        this.fixedDscp = b.dscp;
        this.copyEcn = b.ecnMode == EcnMode.NORMAL;
        this.computeChecksum = b.checksum == UdpChecksumMode.COMPUTE;
        this.portMin = b.portMin;
        this.portMax = b.portMax;
        this.flowLabelFromHash = b.flowLabelFromHash;
        this.fixedFlowLabel = b.flowLabel;
        this.maxInner = MAX_IP_LENGTH - (ipv6 ? bytes.length - IPV6_MIN : bytes.length);
        ByteBuffer t = ByteBuffer.wrap(bytes);
        int ttl = fixedTtl == INHERIT ? 64 : fixedTtl;
        int ds = fixedDscp == COPY ? 0 : fixedDscp << 2;
        if (ipv6) {
            t.putInt(0, 6 << 28 | ds << 20 | b.flowLabel);
            t.putShort(4, (short) (8 + LispHeader.LENGTH));
            t.put(6, (byte) UDP);
            t.put(7, (byte) ttl);
            t.putLong(8, b.ipv6Source.high()).putLong(16, b.ipv6Source.low());
            t.putLong(24, b.ipv6Destination.high()).putLong(32, b.ipv6Destination.low());
            this.partialSum = 0;
            this.pseudoSum = InternetChecksum.ipv6PseudoHeaderSum(b.ipv6Source, b.ipv6Destination, UDP, 0);
        } else {
            t.putShort(0, (short) (0x4500 | ds));
            t.putShort(2, (short) IPV4_LENGTH);
            t.putShort(4, (short) b.identification);
            t.putShort(6, (short) (b.dontFragment ? 0x4000 : 0));
            t.put(8, (byte) ttl);
            t.put(9, (byte) UDP);
            t.putInt(12, b.ipv4Source.bits());
            t.putInt(16, b.ipv4Destination.bits());
            int words = 0;
            for (int i = 4; i < IPV4_MIN; i += 2) {
                if (i != 8 && i != 10) { // TTL/Protocol and the checksum are added per push
                    words += t.getShort(i) & 0xFFFF;
                }
            }
            this.partialSum = InternetChecksum.fold(words);
            this.pseudoSum = InternetChecksum.ipv4PseudoHeaderSum(b.ipv4Source, b.ipv4Destination, UDP, 0);
            t.putShort(10, (short) ipv4Checksum(ds, IPV4_LENGTH, ttl));
        }
        t.putShort(udp, (short) portMin);
        t.putShort(udp + 2, (short) b.destinationPort);
        t.putShort(udp + 4, (short) (8 + LispHeader.LENGTH));
        LispEncoder.encode(header, t.position(lisp));
        this.lispWord0 = t.getInt(lisp);
        this.copyDscp = fixedDscp == COPY;
        this.fixedDs = copyDscp ? 0 : fixedDscp << 2;
        this.ecnMask = copyEcn ? 3 : 0;
        this.words = new long[7];
        ByteBuffer z = ByteBuffer.wrap(bytes.clone()); // the per-packet fields zeroed
        if (ipv6) {
            z.putInt(0, 0).putShort(4, (short) 0).put(7, (byte) 0);
        } else {
            z.put(1, (byte) 0).putShort(2, (short) 0).put(8, (byte) 0).putShort(10, (short) 0);
        }
        z.putShort(udp, (short) 0).putShort(udp + 4, (short) 0);
        for (int i = 0; i + 8 <= bytes.length; i += 8) {
            words[i / 8] = z.getLong(i);
        }
        if (!ipv6) {
            words[4] = z.getInt(32) & 0xFFFF_FFFFL;
        } else {
            words[6] = z.getInt(52) & 0xFFFF_FFFFL;
        }
        this.nonceAllowed = header.noncePresent();
        this.description = (ipv6 ? "IPv6 " + b.ipv6Source + " -> " + b.ipv6Destination
                : "IPv4 " + b.ipv4Source + " -> " + b.ipv4Destination)
                + " | UDP " + b.destinationPort + " | " + header;
    }

    /**
     * Starts an encapsulation with an outer IPv4 header.
     *
     * @param source the outer Source Address: this ITR's locator
     * @param destination the outer Destination Address: the ETR's locator
     * @return a builder with the defaults: a LISP header with N (nonce per push), TTL and DSCP
     *     copied, ECN normal mode, DF set, UDP checksum 0, source ports 49152..65535
     */
    public static Builder ipv4(Ipv4Address source, Ipv4Address destination) {
        Builder b = new Builder();
        b.ipv4Source = Objects.requireNonNull(source, "source");
        b.ipv4Destination = Objects.requireNonNull(destination, "destination");
        return b;
    }

    /**
     * Starts an encapsulation with an outer IPv6 header.
     *
     * @param source the outer Source Address: this ITR's locator
     * @param destination the outer Destination Address: the ETR's locator
     * @return a builder with the defaults: a LISP header with N (nonce per push), Hop Limit and
     *     DSCP copied, ECN normal mode, Flow Label 0, UDP checksum 0 (RFC 6935), source ports
     *     49152..65535
     */
    public static Builder ipv6(Ipv6Address source, Ipv6Address destination) {
        Builder b = new Builder();
        b.ipv6Source = Objects.requireNonNull(source, "source");
        b.ipv6Destination = Objects.requireNonNull(destination, "destination");
        return b;
    }

    /**
     * Returns the number of octets push writes in front of the packet: {@link #IPV4_LENGTH} or
     * {@link #IPV6_LENGTH}, the headroom it needs.
     *
     * @return the encapsulation's length
     */
    public int length() {
        return bytes.length;
    }

    /**
     * Returns whether the outer header is IPv6.
     *
     * @return whether the outer header is IPv6
     */
    public boolean ipv6() {
        return ipv6;
    }

    /**
     * Returns the LISP header the template holds; push writes it, with the nonce and E bit of
     * the call when it takes them.
     *
     * @return the header
     */
    public LispHeader header() {
        return header;
    }

    /**
     * Encapsulates with the template's LISP header as it is (its nonce, map-version or neither)
     * and the source port from the inner packet's flow hash.
     *
     * @param buf the buffer holding the inner packet, with headroom in front of it
     * @param innerIndex the absolute index of the inner packet's first octet
     * @param innerEnd the end of the inner packet
     * @return the index of the outer header's first octet: {@code innerIndex - length()}
     * @throws IndexOutOfBoundsException if the range is outside the buffer's limit or the
     *     headroom is shorter than {@link #length()}
     * @throws IllegalArgumentException if the outer length fields cannot describe the packet
     * @throws MalformedPacketException if the inner packet is not IPv4 or IPv6 or is shorter
     *     than its fixed header
     */
    public int push(ByteBuffer buf, int innerIndex, int innerEnd) {
        int version = check(buf, innerIndex, innerEnd);
        return write(buf, innerIndex, innerEnd, version, FlowHash.ofIpPacket(buf, innerIndex, innerEnd - innerIndex),
                lispWord0);
    }

    /**
     * Encapsulates with the template's LISP header as it is and the caller's flow hash (one the
     * caller's forwarding path computed already, for instance).
     *
     * @param buf the buffer holding the inner packet, with headroom in front of it
     * @param innerIndex the absolute index of the inner packet's first octet
     * @param innerEnd the end of the inner packet
     * @param flowHash the inner flow's 32-bit hash, mapped onto the source-port range
     * @return the index of the outer header's first octet: {@code innerIndex - length()}
     * @throws IndexOutOfBoundsException if the range is outside the buffer's limit or the
     *     headroom is shorter than {@link #length()}
     * @throws IllegalArgumentException if the outer length fields cannot describe the packet
     * @throws MalformedPacketException if the inner packet is not IPv4 or IPv6 or is shorter
     *     than its fixed header
     */
    public int push(ByteBuffer buf, int innerIndex, int innerEnd, int flowHash) {
        int version = check(buf, innerIndex, innerEnd);
        return write(buf, innerIndex, innerEnd, version, flowHash, lispWord0);
    }

    /**
     * Encapsulates with a fresh nonce drawn from the caller's generator (24 bits, RFC 9300
     * §10.1) and the source port from the inner packet's flow hash; E as the template holds it.
     *
     * @param buf the buffer holding the inner packet, with headroom in front of it
     * @param innerIndex the absolute index of the inner packet's first octet
     * @param innerEnd the end of the inner packet
     * @param random where the nonce comes from; one draw of {@code nextInt()} per push
     * @return the index of the outer header's first octet: {@code innerIndex - length()}
     * @throws IllegalStateException if the template's header has no N flag
     * @throws IndexOutOfBoundsException if the range is outside the buffer's limit or the
     *     headroom is shorter than {@link #length()}
     * @throws IllegalArgumentException if the outer length fields cannot describe the packet
     * @throws MalformedPacketException if the inner packet is not IPv4 or IPv6 or is shorter
     *     than its fixed header
     */
    public int push(ByteBuffer buf, int innerIndex, int innerEnd, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        requireNonce();
        int version = check(buf, innerIndex, innerEnd);
        int word0 = lispWord0 & 0xFF00_0000 | random.nextInt() & LispLayout.MAX_NONCE;
        return write(buf, innerIndex, innerEnd, version, FlowHash.ofIpPacket(buf, innerIndex, innerEnd - innerIndex),
                word0);
    }

    /**
     * Encapsulates with the caller's flow hash, nonce and echo-nonce request: the whole
     * per-packet form.
     *
     * @param buf the buffer holding the inner packet, with headroom in front of it
     * @param innerIndex the absolute index of the inner packet's first octet
     * @param innerEnd the end of the inner packet
     * @param flowHash the inner flow's 32-bit hash, mapped onto the source-port range
     * @param nonce the nonce, 0..16777215
     * @param echoNonceRequest whether to set E, asking the ETR to echo the nonce (RFC 9300 §10.1)
     * @return the index of the outer header's first octet: {@code innerIndex - length()}
     * @throws IllegalStateException if the template's header has no N flag
     * @throws IndexOutOfBoundsException if the range is outside the buffer's limit or the
     *     headroom is shorter than {@link #length()}
     * @throws IllegalArgumentException if the nonce is out of range or the outer length fields
     *     cannot describe the packet
     * @throws MalformedPacketException if the inner packet is not IPv4 or IPv6 or is shorter
     *     than its fixed header
     */
    public int push(ByteBuffer buf, int innerIndex, int innerEnd, int flowHash, int nonce, boolean echoNonceRequest) {
        requireNonce();
        if ((nonce & ~LispLayout.MAX_NONCE) != 0) {
            throw new IllegalArgumentException("nonce: " + nonce + " (expected: 0.." + LispLayout.MAX_NONCE + ")");
        }
        int version = check(buf, innerIndex, innerEnd);
        int flags = echoNonceRequest ? lispWord0 | LispLayout.E << 24 : lispWord0 & ~(LispLayout.E << 24);
        return write(buf, innerIndex, innerEnd, version, flowHash, flags & 0xFF00_0000 | nonce);
    }

    private void requireNonce() {
        if (!nonceAllowed) {
            throw new IllegalStateException("the template's LISP header has no N flag: " + header);
        }
    }

    /** Makes every check push makes and returns the inner IP version. */
    private int check(ByteBuffer buf, int innerIndex, int innerEnd) {
        int start = innerIndex - bytes.length;
        int length = innerEnd - innerIndex;
        if (start < 0 || length < 0 || innerEnd > buf.limit()) { // one test on the fast path; the exact error after it
            Objects.checkFromToIndex(innerIndex, innerEnd, buf.limit());
            Objects.checkFromToIndex(start, innerIndex, buf.limit());
        }
        if (length > maxInner) {
            throw new IllegalArgumentException("inner packet: " + length + " octets (expected: at most "
                    + maxInner + " for the outer length fields)");
        }
        if (length == 0) {
            throw MalformedPacketException.truncated(LispHeader.PROTOCOL, "inner IP header", 0, IPV4_MIN, 0);
        }
        int version = Wire.u8(buf, innerIndex) >>> 4;
        if (version == 4 ? length < IPV4_MIN : version != 6 || length < IPV6_MIN) {
            if (version != 4 && version != 6) {
                throw MalformedPacketException.invalid(LispHeader.PROTOCOL, "inner IP version", 0,
                        MalformedPacketException.Reason.UNSUPPORTED_VERSION, version,
                        "4 or 6 (RFC 9300 §5.1: LISP carries IPv4 and IPv6 packets)");
            }
            throw MalformedPacketException.truncated(LispHeader.PROTOCOL, "inner IP header", 0,
                    version == 4 ? IPV4_MIN : IPV6_MIN, length);
        }
        if (buf.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        return version;
    }

    /**
     * Writes the encapsulation as whole words, each the template's word with the per-packet
     * fields or-ed in (they are 0 in the template words); every check has been made.
     */
    private int write(ByteBuffer buf, int innerIndex, int innerEnd, int version, int flowHash, int lispWord) {
        int start = innerIndex - bytes.length;
        int length = innerEnd - innerIndex;
        // A heap buffer is read and written through its array (one range check the JIT can
        // share), any other through the buffer: a is null then, and the shift unused.
        byte[] a = Wire.array(buf);
        int shift = Wire.shift(buf, a);
        int innerDs;
        int innerTtl;
        if (version == 4) {
            long w = Wire.i64(buf, a, shift, innerIndex); // Version, IHL, DS; ...
            innerDs = (int) (w >>> 48) & 0xFF;
            innerTtl = Wire.u8(buf, a, shift, innerIndex + 8);
        } else {
            long w = Wire.i64(buf, a, shift, innerIndex); // Version, Traffic Class, Flow Label; ...; Hop Limit
            innerDs = (int) (w >>> 52) & 0xFF;
            innerTtl = (int) w & 0xFF;
        }
        int ds = (copyDscp ? innerDs & 0xFC : fixedDs) | innerDs & ecnMask;
        int ttl = fixedTtl == INHERIT ? innerTtl : fixedTtl;
        int udpLength = 8 + LispHeader.LENGTH + length;
        long port = FlowHash.sourcePort(flowHash, portMin, portMax);
        long[] t = words;
        if (ipv6) {
            int label = flowLabelFromHash ? flowLabel(flowHash) : fixedFlowLabel;
            put64(buf, a, shift, start, 6L << 60 | (long) ds << 52 | (long) label << 32 | (long) udpLength << 16
                    | UDP << 8 | ttl);
            put64(buf, a, shift, start + 8, t[1]);
            put64(buf, a, shift, start + 16, t[2]);
            put64(buf, a, shift, start + 24, t[3]);
            put64(buf, a, shift, start + 32, t[4]);
            put64(buf, a, shift, start + 40, t[5] | port << 48 | (long) udpLength << 16);
            put64(buf, a, shift, start + 48, (long) lispWord << 32 | t[6]);
        } else {
            int total = IPV4_LENGTH + length;
            put64(buf, a, shift, start, t[0] | (long) ds << 48 | (long) total << 32);
            put64(buf, a, shift, start + 8, t[1] | (long) ttl << 56 | (long) ipv4Checksum(ds, total, ttl) << 32);
            put64(buf, a, shift, start + 16, t[2] | port << 16);
            put64(buf, a, shift, start + 24, (long) udpLength << 48 | lispWord & 0xFFFF_FFFFL);
            if (a != null) {
                INT.set(a, shift + start + 32, (int) t[4]);
            } else {
                Wire.put32(buf, start + 32, t[4]);
            }
        }
        if (computeChecksum) {
            int u = start + udp;
            int sum = InternetChecksum.checksum(buf, u, udpLength, InternetChecksum.add(pseudoSum, udpLength));
            Wire.put16(buf, u + 6, sum == 0 ? 0xFFFF : sum); // RFC 768: a computed 0 is sent as all ones
        }
        return start;
    }

    /**
     * Writes a big-endian long at the buffer's {@code index}: through {@code a} at
     * {@code shift + index} when the buffer has an array, else through the buffer.
     */
    private static void put64(ByteBuffer buf, byte[] a, int shift, int index, long value) {
        if (a != null) {
            LONG.set(a, shift + index, value);
        } else {
            Wire.put64(buf, index, value);
        }
    }

    private int ipv4Checksum(int ds, int total, int ttl) {
        int sum = partialSum + (0x4500 | ds) + total + (ttl << 8 | UDP);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return ~sum & 0xFFFF;
    }

    /** A Flow Label from a flow hash (RFC 6438 §3): 20 bits of it folded, never 0 (no label). */
    static int flowLabel(int flowHash) {
        int label = (flowHash ^ flowHash >>> 20) & 0xF_FFFF;
        return label == 0 ? 1 : label;
    }

    /**
     * Returns the template's octets as stored: lengths, checksum and source port for an empty
     * packet, TTL 64 when inherited, the DSCP 0 when copied.
     *
     * @return a copy of the octets
     */
    public byte[] templateBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LispEncapsulator e && Arrays.equals(bytes, e.bytes) && fixedTtl == e.fixedTtl
                && fixedDscp == e.fixedDscp && copyEcn == e.copyEcn && computeChecksum == e.computeChecksum
                && portMin == e.portMin && portMax == e.portMax && flowLabelFromHash == e.flowLabelFromHash;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + Objects.hash(fixedTtl, fixedDscp, copyEcn, computeChecksum, portMin,
                portMax, flowLabelFromHash);
    }

    @Override
    public String toString() {
        return "LispEncapsulator[" + description + ", ttl " + (fixedTtl == INHERIT ? "inherit" : fixedTtl)
                + ", dscp " + (fixedDscp == COPY ? "copy" : fixedDscp) + ", ecn " + (copyEcn ? "normal" : "compatibility")
                + ", udp checksum " + (computeChecksum ? "computed" : "zero") + ", ports " + portMin + ".." + portMax
                + (flowLabelFromHash ? ", flow label from hash" : "") + ", octets "
                + HexFormat.of().formatHex(bytes) + "]";
    }

    /** Collects an encapsulation's settings; {@link #build()} precomputes it. Not thread-safe. */
    public static final class Builder {
        private Ipv4Address ipv4Source;
        private Ipv4Address ipv4Destination;
        private Ipv6Address ipv6Source;
        private Ipv6Address ipv6Destination;
        private LispHeader header = LispHeader.builder().nonce(0).build();
        private int timeToLive = INHERIT;
        private int dscp = COPY;
        private EcnMode ecnMode = EcnMode.NORMAL;
        private UdpChecksumMode checksum = UdpChecksumMode.ZERO;
        private int destinationPort = LispLayout.UDP_PORT;
        private int portMin = FlowHash.EPHEMERAL_MIN;
        private int portMax = FlowHash.EPHEMERAL_MAX;
        private boolean dontFragment = true;
        private int identification;
        private int flowLabel;
        private boolean flowLabelFromHash;

        private Builder() {
        }

        /**
         * Sets the LISP header: its flags, Instance ID, locator-status bits, and the nonce or
         * map-version written when a push gives none.
         *
         * @param lispHeader the header
         * @return this builder
         * @throws IllegalArgumentException if the header breaks a sender rule of RFC 9300 §5.3
         *     ({@link LispEncoder#senderRuleBroken})
         */
        public Builder header(LispHeader lispHeader) {
            Objects.requireNonNull(lispHeader, "lispHeader");
            String broken = LispEncoder.senderRuleBroken(lispHeader);
            if (broken != null) {
                throw new IllegalArgumentException("lispHeader: " + broken + ": " + lispHeader);
            }
            this.header = lispHeader;
            return this;
        }

        /**
         * Sets the outer Time to Live or Hop Limit.
         *
         * @param ttl 1..255, or {@link #INHERIT} to copy the inner one (the default)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder timeToLive(int ttl) {
            this.timeToLive = ttl == INHERIT ? INHERIT : Check.inRange("ttl", ttl, 1, 255);
            return this;
        }

        /**
         * Sets the outer DSCP.
         *
         * @param value 0..63, or {@link #COPY} to copy the inner one (the default)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder dscp(int value) {
            this.dscp = value == COPY ? COPY : Check.inRange("dscp", value, 0, 63);
            return this;
        }

        /**
         * Sets how the outer ECN field is set (RFC 6040 §4.1).
         *
         * @param mode {@link EcnMode#NORMAL} (the default) or {@link EcnMode#COMPATIBILITY}
         * @return this builder
         */
        public Builder ecnMode(EcnMode mode) {
            this.ecnMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets whether the UDP checksum is 0 (the default) or computed. {@link UdpChecksumMode#ZERO}
         * and {@link UdpChecksumMode#ZERO_CHECKSUM_MODE} are the same here, over IPv6 too: RFC 9300
         * §5.3 has the ITR send 0 "for either IPv4 or IPv6 encapsulation" and every ETR accept it,
         * which makes LISP a zero-checksum-mode tunnel of RFC 6935 §5 by its own specification.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder udpChecksum(UdpChecksumMode mode) {
            this.checksum = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the UDP destination port (4341 by default).
         *
         * @param port 1..65535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder destinationPort(int port) {
            this.destinationPort = Check.inRange("port", port, 1, 0xFFFF);
            return this;
        }

        /**
         * Sets the range the source port is drawn from by the flow hash (49152..65535 by
         * default, RFC 6335 §6).
         *
         * @param min the first port, 1..65535
         * @param max the last port, min..65535
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder sourcePorts(int min, int max) {
            Check.inRange("min", min, 1, 0xFFFF);
            Check.inRange("max", max, min, 0xFFFF);
            this.portMin = min;
            this.portMax = max;
            return this;
        }

        /**
         * Sets the IPv4 DF flag (set by default: the datagram is atomic, RFC 6864 §4.1).
         *
         * @param df whether DF is set
         * @return this builder
         * @throws IllegalStateException if the outer header is IPv6
         */
        public Builder dontFragment(boolean df) {
            if (ipv6Source != null) {
                throw new IllegalStateException("dontFragment: the outer header is IPv6");
            }
            this.dontFragment = df;
            return this;
        }

        /**
         * Sets the IPv4 Identification, the same on every packet (0 by default): keep DF set
         * unless the caller fragments or rewrites it (RFC 6864 §4.2).
         *
         * @param id 0..65535
         * @return this builder
         * @throws IllegalStateException if the outer header is IPv6
         * @throws IllegalArgumentException if out of range
         */
        public Builder identification(int id) {
            if (ipv6Source != null) {
                throw new IllegalStateException("identification: the outer header is IPv6");
            }
            this.identification = Check.inRange("id", id, 0, 0xFFFF);
            return this;
        }

        /**
         * Sets a constant IPv6 Flow Label (0 by default).
         *
         * @param label 0..1048575
         * @return this builder
         * @throws IllegalStateException if the outer header is IPv4
         * @throws IllegalArgumentException if out of range
         */
        public Builder flowLabel(int label) {
            requireIpv6("flowLabel");
            this.flowLabel = Check.inRange("label", label, 0, 0xF_FFFF);
            this.flowLabelFromHash = false;
            return this;
        }

        /**
         * Sets the IPv6 Flow Label per push from the inner flow hash (RFC 6438 §3), never 0.
         *
         * @return this builder
         * @throws IllegalStateException if the outer header is IPv4
         */
        public Builder flowLabelFromFlowHash() {
            requireIpv6("flowLabelFromFlowHash");
            this.flowLabelFromHash = true;
            return this;
        }

        private void requireIpv6(String what) {
            if (ipv6Source == null) {
                throw new IllegalStateException(what + ": the outer header is IPv4");
            }
        }

        /**
         * Precomputes the encapsulation.
         *
         * @return the encapsulation
         */
        public LispEncapsulator build() {
            return new LispEncapsulator(this);
        }
    }
}
