package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.IpScan;

/**
 * One end of the IPv6 tunnel between a mobile node (or mobile router) and its home agent: RFC
 * 2473 generic packet tunnelling in IPv6, as RFC 6275 §10.4.1 and §11.3.1 (and RFC 3963 §6 for
 * NEMO's mobile-router tunnel) use it. Push writes the outer IPv6 header, and the Destination
 * Options header with the Tunnel Encapsulation Limit option when there is one, into the headroom
 * in front of an inner IPv6 or IPv4 packet; decapsulation checks the outer header against the
 * tunnel's two ends and gives back where the inner packet is. Neither allocates.
 *
 * <pre>{@code
 * Mip6Tunnel reverse = Mip6Tunnel.builder(careOfAddress, homeAgent).build();  // per binding
 * int start = reverse.push(buf, ipIndex, ipEnd);                              // per packet
 * // [start, ipEnd) is IPv6 (CoA -> HA) [| Destination Options (limit 4)] | the inner packet
 * }</pre>
 *
 * <h2>What push writes (RFC 2473)</h2>
 * <ul>
 *   <li>Outer IPv6: Source the local end, Destination the remote end (§3.1, §5); Hop Limit the
 *       tunnel's own, 64 by default (§6.3; the inner packet's Hop Limit is the forwarding path's to
 *       decrement before push, §3.1); Traffic Class a constant or copied from the inner header
 *       (§6.5), ECN by RFC 6040 §4.1; Flow Label a constant or from the inner flow hash (§6.4,
 *       RFC 6438); Payload Length; Next Header 41 (IPv6) or 4 (IPv4), or 60 before a
 *       Destination Options header.</li>
 *   <li>Tunnel Encapsulation Limit (§4.1.1, §5.1): when the inner packet is IPv6 and carries the
 *       option itself (in a Destination Options header directly after its IPv6 header, or after
 *       its Hop-by-Hop Options header), a limit of 0 refuses the packet: push writes nothing and
 *       returns {@link #LIMIT_EXCEEDED}, and the caller sends the ICMPv6 Parameter Problem (code
 *       0) the RFC asks for, pointing at {@link #innerEncapsulationLimitIndex}; a limit
 *       {@code n > 0} puts {@code n - 1} in the outer header. Otherwise the tunnel's configured
 *       limit, if any ({@link Builder#encapsulationLimit}; Linux's ip6tnl default is 4), goes
 *       in. The option travels in an 8-octet Destination Options header: Next Header, length 0,
 *       the option (type 4, length 1, the limit), PadN of one octet (RFC 2473 §5.1, vector
 *       {@code 29 00 04 01 LL 01 01 00}).</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Every check is made before the first octet is written: a range outside {@code buf.limit()} or
 * less headroom than the octets this packet needs ({@link #headerLength}) is
 * {@link IndexOutOfBoundsException}; an inner packet that is not IPv4 or IPv6, shorter than its
 * fixed header or too long for the Payload Length, {@link IllegalArgumentException}; a read-only
 * buffer, {@link ReadOnlyBufferException}. Nothing outside {@code [start, innerIndex)} is
 * written.
 *
 * <p>Immutable and thread-safe.
 */
public final class Mip6Tunnel {
    /** The outer IPv6 header's length. */
    public static final int IPV6_LENGTH = 40;
    /** The Destination Options header that carries the Tunnel Encapsulation Limit: 8 octets. */
    public static final int LIMIT_HEADER_LENGTH = 8;
    /** The Tunnel Encapsulation Limit option type (RFC 2473 §5.1). */
    public static final int LIMIT_OPTION = 4;
    /** {@link Builder#encapsulationLimit}: no Tunnel Encapsulation Limit of the tunnel's own. */
    public static final int NO_LIMIT = -1;
    /** {@link Builder#trafficClass}: copy the inner Traffic Class or TOS. */
    public static final int COPY = -1;
    /** What push returns for an inner packet whose own encapsulation limit is 0 (RFC 2473 §4.1.1). */
    public static final int LIMIT_EXCEEDED = -1;

    private static final int NEXT_IPV6 = 41;
    private static final int NEXT_IPV4 = 4;
    private static final int NEXT_DESTINATION_OPTIONS = 60;
    private static final int NEXT_HOP_BY_HOP = 0;
    private static final int MAX_PAYLOAD = 0xFFFF;

    private final Ipv6Address local;
    private final Ipv6Address remote;
    private final long localHigh;
    private final long localLow;
    private final long remoteHigh;
    private final long remoteLow;
    private final int hopLimit;
    private final int trafficClass;
    private final boolean copyEcn;
    private final int flowLabel;
    private final boolean flowLabelFromHash;
    private final int limit;

    private Mip6Tunnel(Builder b) {
        this.local = b.local;
        this.remote = b.remote;
        this.localHigh = local.high();
        this.localLow = local.low();
        this.remoteHigh = remote.high();
        this.remoteLow = remote.low();
        this.hopLimit = b.hopLimit;
        this.trafficClass = b.trafficClass;
        this.copyEcn = b.ecnMode == EcnMode.NORMAL;
        this.flowLabel = b.flowLabel;
        this.flowLabelFromHash = b.flowLabelFromHash;
        this.limit = b.limit;
    }

    /**
     * Starts a tunnel from {@code local} to {@code remote}: the care-of address and the home agent
     * on the mobile node, the other way round on the home agent.
     *
     * @param local the outer Source Address of what this end sends
     * @param remote the outer Destination Address of what this end sends
     * @return a builder: Hop Limit 64, Traffic Class 0 with ECN copied (RFC 6040 normal mode),
     *     Flow Label 0, no encapsulation limit of the tunnel's own
     */
    public static Builder builder(Ipv6Address local, Ipv6Address remote) {
        return new Builder(Objects.requireNonNull(local, "local"), Objects.requireNonNull(remote, "remote"));
    }

    /**
     * Returns the local end: the outer source of what push writes, the outer destination
     * decapsulation expects.
     *
     * @return the local address
     */
    public Ipv6Address local() {
        return local;
    }

    /**
     * Returns the remote end: the outer destination of what push writes, the outer source
     * decapsulation expects.
     *
     * @return the remote address
     */
    public Ipv6Address remote() {
        return remote;
    }

    /**
     * Returns the tunnel's own encapsulation limit.
     *
     * @return 0..255, or {@link #NO_LIMIT}
     */
    public int encapsulationLimit() {
        return limit;
    }

    /**
     * Returns the number of octets push writes in front of this packet: 40, or 48 with a Tunnel
     * Encapsulation Limit; {@link #LIMIT_EXCEEDED} if push would refuse it.
     *
     * @param buf the buffer
     * @param innerIndex the absolute index of the inner packet's first octet
     * @param innerEnd the end of the inner packet
     * @return 40, 48 or {@link #LIMIT_EXCEEDED}
     * @throws IndexOutOfBoundsException if the range is outside {@code buf.limit()}
     */
    public int headerLength(ByteBuffer buf, int innerIndex, int innerEnd) {
        Objects.checkFromToIndex(innerIndex, innerEnd, buf.limit());
        int outerLimit = outerLimit(buf, innerIndex, innerEnd);
        return outerLimit == -2 ? LIMIT_EXCEEDED : outerLimit < 0 ? IPV6_LENGTH : IPV6_LENGTH + LIMIT_HEADER_LENGTH;
    }

    /** The limit the outer header carries: -1 none, -2 refused (the inner limit is 0). */
    private int outerLimit(ByteBuffer buf, int innerIndex, int innerEnd) {
        int at = innerEncapsulationLimitIndex(buf, innerIndex, innerEnd);
        if (at < 0) {
            return limit;
        }
        int inner = Wire.u8(buf, at);
        return inner == 0 ? -2 : inner - 1;
    }

    /**
     * Encapsulates the inner packet; see the class description.
     *
     * @param buf the buffer holding the inner packet, with headroom in front of it
     * @param innerIndex the absolute index of the inner packet's first octet
     * @param innerEnd the end of the inner packet
     * @return the index of the outer header's first octet, or {@link #LIMIT_EXCEEDED} (nothing
     *     written) when the inner packet's own encapsulation limit is 0
     * @throws IndexOutOfBoundsException if the range is outside the buffer's limit or the
     *     headroom is shorter than {@link #headerLength}
     * @throws IllegalArgumentException if the inner packet is not IPv4 or IPv6, is shorter than
     *     its fixed header, or is too long for the Payload Length
     */
    public int push(ByteBuffer buf, int innerIndex, int innerEnd) {
        int version = innerVersion(buf, innerIndex, innerEnd);
        int length = innerEnd - innerIndex;
        int innerNext = version == 6 ? Wire.u8(buf, innerIndex + 6) : -1;
        int outerLimit = innerNext == NEXT_DESTINATION_OPTIONS || innerNext == NEXT_HOP_BY_HOP
                ? outerLimit(buf, innerIndex, innerEnd) : limit; // the option sits in one of those two (§4.1.1)
        if (outerLimit == -2) {
            return LIMIT_EXCEEDED;
        }
        int extra = outerLimit < 0 ? 0 : LIMIT_HEADER_LENGTH;
        int start = innerIndex - IPV6_LENGTH - extra;
        if (length + extra > MAX_PAYLOAD) {
            throw new IllegalArgumentException("inner packet: " + length + " octets (expected: at most "
                    + (MAX_PAYLOAD - extra) + " for the Payload Length)");
        }
        Objects.checkFromToIndex(start, innerIndex, buf.limit());
        if (buf.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        int tc = outerTrafficClass(buf, innerIndex, version, trafficClass, copyEcn);
        int label = flowLabelFromHash ? flowLabel(FlowHash.ofIpPacket(buf, innerIndex, length)) : flowLabel;
        int next = version == 6 ? NEXT_IPV6 : NEXT_IPV4;
        Wire.put64(buf, start, (6L << 60 | (long) tc << 52 | (long) label << 32) | (long) (length + extra) << 16
                | (long) (extra == 0 ? next : NEXT_DESTINATION_OPTIONS) << 8 | hopLimit);
        Wire.put64(buf, start + 8, localHigh);
        Wire.put64(buf, start + 16, localLow);
        Wire.put64(buf, start + 24, remoteHigh);
        Wire.put64(buf, start + 32, remoteLow);
        if (extra != 0) { // Next Header, Hdr Ext Len 0, option 4 length 1, the limit, PadN with one octet of data
            Wire.put64(buf, start + IPV6_LENGTH, (long) next << 56 | 0x04_01L << 32 | (long) outerLimit << 24 | 0x01_01_00L);
        }
        return start;
    }

    /**
     * Checks the range of an inner packet to push and returns its IP version: 4 or 6, with the
     * fixed header present (the two tunnels' shared check).
     */
    static int innerVersion(ByteBuffer buf, int innerIndex, int innerEnd) {
        Objects.checkFromToIndex(innerIndex, innerEnd, buf.limit());
        int length = innerEnd - innerIndex;
        int version = length == 0 ? 0 : Wire.u8(buf, innerIndex) >>> 4;
        if (version != 4 && version != 6 || length < (version == 4 ? 20 : 40)) {
            throw new IllegalArgumentException("inner packet: version " + version + ", " + length
                    + " octets (expected: an IPv4 or IPv6 packet with its fixed header)");
        }
        return version;
    }

    /**
     * The outer Traffic Class or TOS octet: the DSCP set ({@code configured}) or copied
     * ({@link #COPY}) from the inner header, the ECN field copied (RFC 6040 normal mode) or 0.
     */
    static int outerTrafficClass(ByteBuffer buf, int innerIndex, int version, int configured, boolean copyEcn) {
        int inner = version == 4 ? Wire.u8(buf, innerIndex + 1) : Wire.u16(buf, innerIndex) >>> 4 & 0xFF;
        return (configured == COPY ? inner & 0xFC : configured & 0xFC) | (copyEcn ? inner & 3 : 0);
    }

    /** A Flow Label from a flow hash (RFC 6438 §3): 20 bits of it folded, never 0 (no label). */
    static int flowLabel(int flowHash) {
        int label = (flowHash ^ flowHash >>> 20) & 0xF_FFFF;
        return label == 0 ? 1 : label;
    }

    /**
     * Finds the Tunnel Encapsulation Limit option of an IPv6 packet (RFC 2473 §4.1.1): in a
     * Destination Options header directly after the IPv6 header or after its Hop-by-Hop Options
     * header. Reads nothing at or past {@code end}, never throws for malformed octets (a
     * malformed header has no limit), allocates nothing.
     *
     * @param buf the buffer
     * @param index the absolute index of the IPv6 header
     * @param end the end of the packet
     * @return the absolute index of the option's one-octet value (the octet an ICMPv6 Parameter
     *     Problem points at), or -1 if the packet has none
     * @throws IndexOutOfBoundsException if the range is outside {@code buf.limit()}
     */
    public static int innerEncapsulationLimitIndex(ByteBuffer buf, int index, int end) {
        Objects.checkFromToIndex(index, end, buf.limit());
        if (end - index < IPV6_LENGTH || Wire.u8(buf, index) >>> 4 != 6) {
            return -1;
        }
        int next = Wire.u8(buf, index + 6);
        int at = index + IPV6_LENGTH;
        if (next == NEXT_HOP_BY_HOP) {
            if (end - at < 8) {
                return -1;
            }
            next = Wire.u8(buf, at);
            at += (Wire.u8(buf, at + 1) + 1) * 8;
        }
        if (next != NEXT_DESTINATION_OPTIONS || end - at < 8) {
            return -1;
        }
        int headerEnd = at + (Wire.u8(buf, at + 1) + 1) * 8;
        if (headerEnd > end) {
            return -1;
        }
        for (int o = at + 2; o < headerEnd; ) {
            int type = Wire.u8(buf, o);
            if (type == 0) { // Pad1
                o++;
                continue;
            }
            if (headerEnd - o < 2) {
                return -1;
            }
            int dataLength = Wire.u8(buf, o + 1);
            if (type == LIMIT_OPTION && dataLength == 1) {
                return o + 2 < headerEnd ? o + 2 : -1;
            }
            o += 2 + dataLength;
        }
        return -1;
    }

    /**
     * Checks a packet that arrives from the tunnel and returns where its inner packet starts:
     * the outer header is a whole IPv6 packet as core's {@code IpScan} checks it (extension
     * headers walked, not a fragment), from the remote end to the local end (RFC 2473 §3.3; RFC
     * 3963 §6 has the home agent check it), carrying IPv6 (41) or IPv4 (4). Reads nothing at or
     * past {@code end}; never throws for malformed octets; allocates nothing.
     *
     * @param buf the buffer
     * @param index the absolute index of the outer IPv6 header
     * @param end the end of the readable range
     * @return the absolute index of the inner packet, which ends where the outer payload ends;
     *     or -1 if the packet is malformed, a fragment, from or to another address, or carries
     *     something else
     * @throws IndexOutOfBoundsException if the range is outside {@code buf.limit()}
     */
    public int decapsulate(ByteBuffer buf, int index, int end) {
        long scan = IpScan.ipv6(buf, index, end);
        if (!IpScan.isValid(scan) || IpScan.isFragment(scan)) {
            return -1;
        }
        int protocol = IpScan.protocol(scan);
        if (protocol != NEXT_IPV6 && protocol != NEXT_IPV4) {
            return -1;
        }
        if (Wire.i64(buf, index + 8) != remoteHigh || Wire.i64(buf, index + 16) != remoteLow
                || Wire.i64(buf, index + 24) != localHigh || Wire.i64(buf, index + 32) != localLow) {
            return -1;
        }
        return index + IpScan.headerLength(scan);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mip6Tunnel t && local.equals(t.local) && remote.equals(t.remote) && hopLimit == t.hopLimit
                && trafficClass == t.trafficClass && copyEcn == t.copyEcn && flowLabel == t.flowLabel
                && flowLabelFromHash == t.flowLabelFromHash && limit == t.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(local, remote, hopLimit, trafficClass, copyEcn, flowLabel, flowLabelFromHash, limit);
    }

    @Override
    public String toString() {
        return "Mip6Tunnel[" + local + " -> " + remote + ", hop limit " + hopLimit + ", traffic class "
                + (trafficClass == COPY ? "copy" : String.valueOf(trafficClass)) + ", ecn "
                + (copyEcn ? "normal" : "compatibility") + ", flow label "
                + (flowLabelFromHash ? "from hash" : String.valueOf(flowLabel)) + ", encapsulation limit "
                + (limit == NO_LIMIT ? "none" : String.valueOf(limit)) + "]";
    }

    /** Collects a tunnel's settings. Not thread-safe. */
    public static final class Builder {
        private final Ipv6Address local;
        private final Ipv6Address remote;
        private int hopLimit = 64;
        private int trafficClass = 0;
        private EcnMode ecnMode = EcnMode.NORMAL;
        private int flowLabel;
        private boolean flowLabelFromHash;
        private int limit = NO_LIMIT;

        private Builder(Ipv6Address local, Ipv6Address remote) {
            this.local = local;
            this.remote = remote;
        }

        /**
         * Sets the outer Hop Limit (RFC 2473 §6.3).
         *
         * @param value 1..255
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder hopLimit(int value) {
            this.hopLimit = Check.inRange("hopLimit", value, 1, 255);
            return this;
        }

        /**
         * Sets the outer Traffic Class's DSCP part (RFC 2473 §6.5): a constant, or copied.
         *
         * @param value 0..255 (its two ECN bits are set by the ECN mode), or {@link #COPY}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder trafficClass(int value) {
            this.trafficClass = value == COPY ? COPY : Check.inRange("trafficClass", value, 0, 255);
            return this;
        }

        /**
         * Sets how the outer ECN field is set (RFC 6040 §4.1).
         *
         * @param mode the mode ({@link EcnMode#NORMAL} by default)
         * @return this builder
         */
        public Builder ecnMode(EcnMode mode) {
            this.ecnMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets a constant Flow Label (RFC 2473 §6.4).
         *
         * @param label 0..1048575
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder flowLabel(int label) {
            this.flowLabel = Check.inRange("label", label, 0, 0xF_FFFF);
            this.flowLabelFromHash = false;
            return this;
        }

        /**
         * Sets the Flow Label per push from the inner packet's flow hash (RFC 6438 §3), never 0.
         *
         * @return this builder
         */
        public Builder flowLabelFromFlowHash() {
            this.flowLabelFromHash = true;
            return this;
        }

        /**
         * Sets the tunnel's own Tunnel Encapsulation Limit (RFC 2473 §6.6), used when the inner
         * packet has none.
         *
         * @param value 0..255, or {@link #NO_LIMIT} (the default)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder encapsulationLimit(int value) {
            this.limit = value == NO_LIMIT ? NO_LIMIT : Check.inRange("encapsulationLimit", value, 0, 255);
            return this;
        }

        /**
         * Builds the tunnel.
         *
         * @return the tunnel
         */
        public Mip6Tunnel build() {
            return new Mip6Tunnel(this);
        }
    }
}
