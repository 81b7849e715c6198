package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.encap.EcnMode;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.IpScan;

/**
 * The tunnel between a home agent's IPv4 address and a mobile node's IPv4 care-of address
 * (Dual-Stack Mobile IPv6, RFC 5555 §4.1, §4.2), immutable and allocation-free: an IPv6 packet
 * (to or from the IPv6 home address) or an IPv4 packet (the IPv4 home address's) behind an outer
 * IPv4 header, directly (no NAT on the path) or behind IPv4 and UDP (a NAT detected, or UDP
 * forced by the Binding Update's F flag).
 *
 * <pre>
 * IPv4 (src = local, dst = remote) [UDP (local port, remote port)] | inner IPv6 or IPv4 packet
 * </pre>
 *
 * <p>What RFC 5555 fixes and what this class chooses:
 * <ul>
 *   <li>the UDP format puts the inner packet right after the UDP header; the receiver tells
 *       IPv4 from IPv6 by its version field (§4.1). The home agent's port is 4191 ({@link #PORT},
 *       §2.3.2.2); toward the mobile node the destination port is the source port of its Binding
 *       Update, which may be a NAT's (§4.2). The UDP checksum is 0 (RFC 5555 sets no rule; RFC
 *       768 allows 0 over IPv4; the inner packet carries its own);</li>
 *   <li>without UDP the outer Protocol is 41 for an inner IPv6 packet and 4 for an inner IPv4
 *       packet (the IANA numbers; RFC 5555 §4.2 only says the packets are "tunneled in an IPv4
 *       header");</li>
 *   <li>the DSCP and ECN are copied from the inner header ("it is RECOMMENDED that the ECN and
 *       Differentiated Services Code Point (DSCP) information be copied", §4.1.1), unless the
 *       builder sets a TOS or another {@link EcnMode}; the TTL is the tunnel's (64 unless set);</li>
 *   <li>the outer header is an atomic datagram: DF set, Identification 0 (RFC 6864 §4.1), so a
 *       packet too large for the path is the caller's to fragment or refuse before it is pushed
 *       (RFC 5555 §4.1.1 points to Path MTU Discovery, RFC 4459).</li>
 * </ul>
 */
public final class Ipv4CareOfTunnel {
    /** The home agent's UDP port for DSMIPv6 (RFC 5555 §2.3.2.2, §8). */
    public static final int PORT = 4191;
    /** The outer IPv4 header's length. */
    public static final int IPV4_LENGTH = 20;
    /** The UDP header's length. */
    public static final int UDP_LENGTH = 8;
    /** {@link Builder#tos}: copy the DSCP from the inner header (the default). */
    public static final int COPY = Mip6Tunnel.COPY;

    private static final int UDP = 17;
    private static final int IPV6_IN_IP = 41;
    private static final int IPV4_IN_IP = 4;
    private static final int MAX_TOTAL = 0xFFFF;

    private final Ipv4Address local;
    private final Ipv4Address remote;
    private final int localBits;
    private final int remoteBits;
    private final boolean udp;
    private final int localPort;
    private final int remotePort;
    private final int ttl;
    private final int tos;
    private final boolean copyEcn;
    private final int headerLength;

    private Ipv4CareOfTunnel(Builder b) {
        this.local = b.local;
        this.remote = b.remote;
        this.localBits = local.bits();
        this.remoteBits = remote.bits();
        this.udp = b.udp;
        this.localPort = b.localPort;
        this.remotePort = b.remotePort;
        this.ttl = b.ttl;
        this.tos = b.tos;
        this.copyEcn = b.ecnMode == EcnMode.NORMAL;
        this.headerLength = udp ? IPV4_LENGTH + UDP_LENGTH : IPV4_LENGTH;
    }

    /**
     * Starts a tunnel without UDP.
     *
     * @param local this end's IPv4 address: the home agent's on its side, the care-of address on
     *              the mobile node's
     * @param remote the other end's: the care-of address (or the NAT's address the Binding Update
     *               came from) on the home agent's side, the home agent's on the mobile node's
     * @return a builder: no UDP, TTL 64, DSCP copied, ECN by {@link EcnMode#NORMAL}
     * @throws NullPointerException if an address is null
     */
    public static Builder builder(Ipv4Address local, Ipv4Address remote) {
        return new Builder(Objects.requireNonNull(local, "local"), Objects.requireNonNull(remote, "remote"));
    }

    /**
     * Returns this end's address.
     *
     * @return the outer source of a push
     */
    public Ipv4Address local() {
        return local;
    }

    /**
     * Returns the other end's address.
     *
     * @return the outer destination of a push
     */
    public Ipv4Address remote() {
        return remote;
    }

    /**
     * Returns whether the tunnel runs over UDP.
     *
     * @return whether a UDP header follows the outer IPv4 header
     */
    public boolean udp() {
        return udp;
    }

    /**
     * Returns this end's UDP port.
     *
     * @return the port, or -1 without UDP
     */
    public int localPort() {
        return udp ? localPort : -1;
    }

    /**
     * Returns the other end's UDP port.
     *
     * @return the port, or -1 without UDP
     */
    public int remotePort() {
        return udp ? remotePort : -1;
    }

    /**
     * Returns the octets a push writes in front of the inner packet.
     *
     * @return 20, or 28 with UDP
     */
    public int headerLength() {
        return headerLength;
    }

    /**
     * Writes the outer headers in front of the IPv4 or IPv6 packet at {@code [innerIndex,
     * innerEnd)}, into the buffer's headroom. Allocates nothing; the buffer's position and limit
     * are not changed.
     *
     * @param buf the buffer, writable
     * @param innerIndex the absolute index of the inner packet, at least {@link #headerLength()}
     * @param innerEnd the end of the inner packet
     * @return the absolute index of the outer IPv4 header
     * @throws IndexOutOfBoundsException if the range is outside {@code buf.limit()} or the headroom
     *     is too small
     * @throws IllegalArgumentException if the inner octets are not an IPv4 or IPv6 packet with its
     *     fixed header, or too long for the outer Total Length
     * @throws ReadOnlyBufferException if the buffer is read-only
     */
    public int push(ByteBuffer buf, int innerIndex, int innerEnd) {
        int version = Mip6Tunnel.innerVersion(buf, innerIndex, innerEnd);
        int length = innerEnd - innerIndex;
        int total = length + headerLength;
        if (total > MAX_TOTAL) {
            throw new IllegalArgumentException("inner packet: " + length + " octets (expected: at most "
                    + (MAX_TOTAL - headerLength) + " for the Total Length)");
        }
        int start = innerIndex - headerLength;
        Objects.checkFromToIndex(start, innerIndex, buf.limit());
        if (buf.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        int t = Mip6Tunnel.outerTrafficClass(buf, innerIndex, version, tos, copyEcn);
        int protocol = udp ? UDP : version == 6 ? IPV6_IN_IP : IPV4_IN_IP;
        int word0 = 0x4500_0000 | t << 16 | total;
        int word2 = ttl << 24 | protocol << 16;
        // the header checksum of the five words (RFC 791 §3.1, RFC 1071), the Identification and
        // flags word being 0x0000_4000 (DF)
        long sum = (word0 >>> 16) + (word0 & 0xFFFF) + 0x4000 + (word2 >>> 16)
                + (localBits >>> 16) + (localBits & 0xFFFF) + (remoteBits >>> 16) + (remoteBits & 0xFFFF);
        int checksum = ~InternetChecksum.fold(sum) & 0xFFFF;
        Wire.put64(buf, start, (long) word0 << 32 | 0x4000L);
        Wire.put64(buf, start + 8, (long) (word2 | checksum) << 32 | localBits & 0xFFFF_FFFFL);
        Wire.put32(buf, start + 16, remoteBits);
        if (udp) {
            Wire.put64(buf, start + IPV4_LENGTH, (long) localPort << 48 | (long) remotePort << 32
                    | (long) (length + UDP_LENGTH) << 16);
        }
        return start;
    }

    /**
     * Checks a packet that arrives from the tunnel and returns where its inner packet starts: a
     * whole outer IPv4 packet (not a fragment) from {@link #remote()} to {@link #local()},
     * carrying IPv6 after Protocol 41 or IPv4 after Protocol 4 (the payload's version field
     * agreeing), or, over UDP, a datagram from the remote port to the local one whose payload
     * starts with version 4 or 6 (RFC 5555 §4.1). Never throws for malformed octets; allocates
     * nothing. The inner packet lies within the outer packet's payload (or the UDP datagram); its
     * own headers are the caller's to check, as the outer header checksum is (IPv4 routers verify
     * it; this check does not).
     *
     * @param buf the buffer
     * @param index the absolute index of the outer IPv4 header
     * @param end the end of the readable range
     * @return the absolute index of the inner packet, or -1
     * @throws IndexOutOfBoundsException if the range is outside {@code buf.limit()}
     */
    public int decapsulate(ByteBuffer buf, int index, int end) {
        long range = range(buf, index, end);
        return range < 0 ? -1 : (int) (range >>> 32);
    }

    /**
     * {@link #decapsulate}, with where the inner packet's room ends: the inner index in the high
     * 32 bits, the end of the outer packet's payload (or of the UDP datagram) in the low 32, or
     * -1. The room holds at least one octet, whose version is 6 after Protocol 41, 4 after
     * Protocol 4, and either after UDP.
     */
    long range(ByteBuffer buf, int index, int end) {
        long scan = IpScan.ipv4(buf, index, end);
        if (!IpScan.isValid(scan) || IpScan.isFragment(scan)
                || Wire.i32(buf, index + 12) != remoteBits || Wire.i32(buf, index + 16) != localBits) {
            return -1;
        }
        int protocol = IpScan.protocol(scan);
        int at = index + IpScan.headerLength(scan);
        int payloadEnd = at + IpScan.payloadLength(scan);
        int inner;
        int innerEnd;
        if (udp) {
            if (protocol != UDP || payloadEnd - at < UDP_LENGTH + 1) {
                return -1;
            }
            int udpLength = Wire.u16(buf, at + 4);
            if (udpLength < UDP_LENGTH + 1 || udpLength > payloadEnd - at || Wire.u16(buf, at) != remotePort
                    || Wire.u16(buf, at + 2) != localPort) {
                return -1;
            }
            inner = at + UDP_LENGTH;
            innerEnd = at + udpLength;
        } else {
            if (protocol != IPV6_IN_IP && protocol != IPV4_IN_IP || payloadEnd - at < 1) {
                return -1;
            }
            inner = at;
            innerEnd = payloadEnd;
        }
        int version = Wire.u8(buf, inner) >>> 4;
        boolean ok = udp ? version == 4 || version == 6 : version == (protocol == IPV6_IN_IP ? 6 : 4);
        return ok ? (long) inner << 32 | innerEnd : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4CareOfTunnel t && localBits == t.localBits && remoteBits == t.remoteBits && udp == t.udp
                && localPort == t.localPort && remotePort == t.remotePort && ttl == t.ttl && tos == t.tos
                && copyEcn == t.copyEcn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(localBits, remoteBits, udp, localPort, remotePort, ttl, tos, copyEcn);
    }

    @Override
    public String toString() {
        return "Ipv4CareOfTunnel[" + local + (udp ? ":" + localPort : "") + " -> " + remote
                + (udp ? ":" + remotePort + ", UDP" : "") + ", TTL " + ttl + ", TOS "
                + (tos == COPY ? "copied" : Integer.toString(tos)) + (copyEcn ? ", ECN copied" : "") + "]";
    }

    /** Collects a tunnel's settings. Not thread-safe. */
    public static final class Builder {
        private final Ipv4Address local;
        private final Ipv4Address remote;
        private boolean udp;
        private int localPort;
        private int remotePort;
        private int ttl = 64;
        private int tos = COPY;
        private EcnMode ecnMode = EcnMode.NORMAL;

        private Builder(Ipv4Address local, Ipv4Address remote) {
            this.local = local;
            this.remote = remote;
        }

        /**
         * Runs the tunnel over UDP (RFC 5555 §4.1): on the home agent's side from {@link #PORT} to
         * the port the Binding Update came from, on the mobile node's side the other way round.
         *
         * @param localPort this end's port, 0..65535
         * @param remotePort the other end's port, 0..65535
         * @return this builder
         * @throws IllegalArgumentException if a port is out of range
         */
        public Builder udp(int localPort, int remotePort) {
            this.localPort = Check.inRange("localPort", localPort, 0, 0xFFFF);
            this.remotePort = Check.inRange("remotePort", remotePort, 0, 0xFFFF);
            this.udp = true;
            return this;
        }

        /**
         * Sets the outer TTL.
         *
         * @param value 1..255 (64 unless set)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder ttl(int value) {
            this.ttl = Check.inRange("ttl", value, 1, 255);
            return this;
        }

        /**
         * Sets the outer DSCP (the TOS octet's upper six bits) instead of copying the inner one.
         *
         * @param value 0..255, of which the ECN bits are ignored, or {@link #COPY} (the default)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder tos(int value) {
            this.tos = value == COPY ? COPY : Check.inRange("tos", value, 0, 255);
            return this;
        }

        /**
         * Sets how the ECN field is encapsulated (RFC 6040): {@link EcnMode#NORMAL} copies the
         * inner field (the default), {@link EcnMode#COMPATIBILITY} writes Not-ECT.
         *
         * @param mode the mode
         * @return this builder
         * @throws NullPointerException if {@code mode} is null
         */
        public Builder ecnMode(EcnMode mode) {
            this.ecnMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Builds the tunnel.
         *
         * @return the tunnel
         */
        public Ipv4CareOfTunnel build() {
            return new Ipv4CareOfTunnel(this);
        }
    }
}
