package org.tunnelcodec.lisp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.IpScan;

/**
 * The ETR side of the LISP data plane: takes an Ethernet frame ({@link #decapsulateFrame}) or
 * an IPv4 or IPv6 packet ({@link #decapsulate}) carrying UDP to a LISP data port, applies the
 * receiver rules of RFC 9300 §5.3 (and RFC 9305 §3 for LISP-GPE), and gives back where the
 * inner IP packet is, with the header's fields, the outer addresses and the ECN the inner
 * header must get (RFC 6040).
 *
 * <p>Stateful only in its counters; not thread-safe: use one per receive thread. It follows the
 * library's data-path engine pattern ({@code WccpDecapsulator} is the model):
 * {@link #decapsulate} never throws for bad packets but returns a {@link Verdict}, one per
 * outcome, and counts it ({@link #count}, {@link #stats()}); on {@link Verdict#ACCEPTED} it fills
 * the caller's reusable {@link LispDecapsulation}, so the accept path allocates nothing. The
 * buffer is never written: the ECN is reported ({@link LispDecapsulation#innerEcn()}), and
 * {@link LispDecapsulation#applyEcn()} writes it when the caller asks.
 *
 * <h2>What it checks, in order</h2>
 * <ol>
 *   <li>For a frame: an Ethernet header (at most 8 VLAN tags, 0x8100, 0x88A8, 0x9100) whose
 *       EtherType is IPv4 or IPv6: else {@link Verdict#MALFORMED_LINK} or {@link Verdict#NOT_IP}.
 *       Octets after the outer IP packet (Ethernet padding) are ignored.</li>
 *   <li>The outer header is a whole IPv4 or IPv6 packet as core's {@code IpScan} checks it, IPv6
 *       extension headers walked; and not a fragment (reassemble first): else
 *       {@link Verdict#MALFORMED_OUTER} or {@link Verdict#OUTER_FRAGMENT}. The IPv4 header
 *       checksum is not verified (as core's decoders, it is the receiving stack's).</li>
 *   <li>It carries UDP: else {@link Verdict#NOT_UDP}; the UDP header and its Length fit the IP
 *       payload, as {@code UdpDecoder.checkedLength} checks them: else
 *       {@link Verdict#MALFORMED_UDP}. The UDP checksum is not checked: an ETR accepts a zero
 *       checksum (RFC 9300 §5.3) and the inner packet carries its own.</li>
 *   <li>The destination port is a configured LISP data port (4341 by default): else
 *       {@link Verdict#NOT_LISP_PORT}.</li>
 *   <li>With allowed sources configured, the outer source is one of them (an RLOC of a known
 *       ITR): else {@link Verdict#UNKNOWN_SOURCE}.</li>
 *   <li>8 octets of LISP header follow ({@code LispDecoder.checked}): else
 *       {@link Verdict#MALFORMED_LISP}.</li>
 *   <li>KK is 0: else {@link Verdict#ENCRYPTED} (RFC 8061 §3; not decrypted here).</li>
 *   <li>With P set (LISP-GPE, RFC 9305 §3), Next Protocol is IPv4 (1) or IPv6 (2): else
 *       {@link Verdict#UNSUPPORTED_NEXT_PROTOCOL}.</li>
 *   <li>With allowed Instance IDs configured, I is set and the Instance ID is one of them: else
 *       {@link Verdict#UNKNOWN_INSTANCE}.</li>
 *   <li>The inner packet's version nibble is 4 or 6 (and, with P, the one Next Protocol names):
 *       else {@link Verdict#INNER_NOT_IP}; its fixed header fits and is sane (IPv4 IHL at least
 *       5, Total Length at least IHL * 4): else {@link Verdict#MALFORMED_INNER}; its own length
 *       (IPv4 Total Length, IPv6 40 + Payload Length) is exactly the rest of the UDP payload:
 *       else {@link Verdict#INNER_LENGTH_MISMATCH}. Only the framing is checked: the inner
 *       packet is the caller's to parse. An inner jumbogram is refused (its Payload Length 0
 *       does not match).</li>
 *   <li>ECN (RFC 6040 §4.2, as RFC 9300 §5.3 requires): an outer CE over an inner Not-ECT is
 *       {@link Verdict#ECN_DROP}; otherwise the inner ECN is computed by the table.</li>
 * </ol>
 *
 * <h2>Receiver reading of the header</h2>
 * As {@link LispView} reads it: N and V together read as a Nonce, E without N is ignored,
 * bit 5 without GPE meaning is P, and with P set N, E, V and bits 8-23 carry nothing (RFC 9305
 * §3): {@link LispDecapsulation#nonce()} is then -1. Nonce echoing and map-version comparison
 * are the caller's: the holder reports the fields.
 */
public final class LispDecapsulator {
    /** The outcome of one packet. */
    public enum Verdict {
        /** Decapsulated; the holder has the inner packet. */
        ACCEPTED,
        /** The Ethernet header is cut or has more than 8 VLAN tags. */
        MALFORMED_LINK,
        /** The frame's EtherType is neither IPv4 nor IPv6. */
        NOT_IP,
        /** The outer IP header is malformed or truncated. */
        MALFORMED_OUTER,
        /** The outer IP packet is a fragment. */
        OUTER_FRAGMENT,
        /** The outer packet does not carry UDP. */
        NOT_UDP,
        /** The UDP header is cut, or its Length is under 8 or past the IP payload. */
        MALFORMED_UDP,
        /** The UDP destination port is not a configured LISP data port. */
        NOT_LISP_PORT,
        /** The outer source is not an allowed RLOC. */
        UNKNOWN_SOURCE,
        /** Fewer than 8 octets of LISP header. */
        MALFORMED_LISP,
        /** KK is not 0: the payload is encrypted (RFC 8061). */
        ENCRYPTED,
        /** LISP-GPE with a Next Protocol other than IPv4 or IPv6. */
        UNSUPPORTED_NEXT_PROTOCOL,
        /** The Instance ID is absent or not an allowed one. */
        UNKNOWN_INSTANCE,
        /** The inner version nibble is not 4 or 6, or not the one the GPE Next Protocol names. */
        INNER_NOT_IP,
        /** The inner fixed IP header is cut or its lengths are impossible. */
        MALFORMED_INNER,
        /** The inner packet's own length is not the rest of the UDP payload. */
        INNER_LENGTH_MISMATCH,
        /** Outer CE over an inner Not-ECT: the packet must be dropped (RFC 6040 §4.2). */
        ECN_DROP
    }

    /** The LISP data port (RFC 9300 §5.3). */
    public static final int DATA_PORT = LispLayout.UDP_PORT;

    private static final Verdict[] VERDICTS = Verdict.values();
    private static final int UDP_PROTOCOL = 17;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int MAX_VLAN_TAGS = 8;
    private static final int ECN_CE = 3;
    private static final int IPV4_MIN = 20;
    private static final int IPV6_MIN = 40;

    private final int[] ports;
    private final int[] instanceIds;
    private final boolean anySource;
    private final int[] ipv4Sources;
    private final long[] ipv6Sources;
    private final Set<Integer> portSet;
    private final Set<Integer> instanceIdSet;
    private final Set<InetAddress> sourceSet;
    private final long[] counters = new long[VERDICTS.length];

    /** A decapsulator for port 4341 that accepts any Instance ID from any source. */
    public LispDecapsulator() {
        this(Set.of(DATA_PORT), null, null);
    }

    /**
     * A decapsulator with its limits.
     *
     * @param ports the UDP destination ports to accept, at least one, each 1..65535
     * @param instanceIds the Instance IDs to accept (each 0..16777215), or {@code null} for any
     *     (and for none: a header without I is then accepted); an empty set accepts none
     * @param sources the outer source addresses (RLOCs) to accept, IPv4 or IPv6, or
     *     {@code null} for any; an empty set accepts none
     * @throws IllegalArgumentException if {@code ports} is empty or a port or Instance ID is
     *     out of range
     * @throws NullPointerException if {@code ports} is null or a set holds null
     */
    public LispDecapsulator(Collection<Integer> ports, Collection<Integer> instanceIds, Collection<InetAddress> sources) {
        this.portSet = Collections.unmodifiableSet(new TreeSet<>(ports));
        if (portSet.isEmpty()) {
            throw new IllegalArgumentException("ports: [] (expected: at least one)");
        }
        this.ports = portSet.stream().mapToInt(p -> {
            if (p < 1 || p > 0xFFFF) {
                throw new IllegalArgumentException("ports: " + p + " (expected: 1..65535)");
            }
            return p;
        }).toArray();
        if (instanceIds == null) {
            this.instanceIdSet = null;
            this.instanceIds = null;
        } else {
            this.instanceIdSet = Collections.unmodifiableSet(new TreeSet<>(instanceIds));
            this.instanceIds = instanceIdSet.stream().mapToInt(i -> {
                if (i < 0 || i > LispLayout.MAX_INSTANCE_ID) {
                    throw new IllegalArgumentException("instanceIds: " + i + " (expected: 0..16777215)");
                }
                return i;
            }).toArray(); // sorted: TreeSet order
        }
        this.anySource = sources == null;
        if (anySource) {
            this.sourceSet = null;
            this.ipv4Sources = new int[0];
            this.ipv6Sources = new long[0];
        } else {
            this.sourceSet = Set.copyOf(sources);
            this.ipv4Sources = sourceSet.stream().filter(a -> a instanceof Inet4Address)
                    .mapToInt(a -> Ipv4Address.of((Inet4Address) a).bits()).sorted().toArray();
            this.ipv6Sources = sourceSet.stream().filter(a -> !(a instanceof Inet4Address)).flatMapToLong(a -> {
                Ipv6Address v6 = Ipv6Address.of(a.getAddress());
                return java.util.stream.LongStream.of(v6.high(), v6.low());
            }).toArray();
        }
    }

    /**
     * Returns the accepted UDP destination ports.
     *
     * @return the accepted UDP destination ports, ascending
     */
    public Set<Integer> ports() {
        return portSet;
    }

    /**
     * Returns the accepted Instance IDs, or {@code null} when any is accepted.
     *
     * @return the accepted Instance IDs, or {@code null} when any is accepted
     */
    public Set<Integer> instanceIds() {
        return instanceIdSet;
    }

    /**
     * Returns the accepted outer sources, or {@code null} when any is accepted.
     *
     * @return the accepted outer sources, or {@code null} when any is accepted
     */
    public Set<InetAddress> sources() {
        return sourceSet;
    }

    /**
     * Decapsulates the IP packet from {@code src.position()} to {@code src.limit()}; {@code src}
     * is not modified.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param out the reusable holder that receives the result
     * @return the verdict, counted
     */
    public Verdict decapsulate(ByteBuffer src, LispDecapsulation out) {
        return decapsulate(src, src.position(), src.limit(), out);
    }

    /**
     * Decapsulates the IPv4 or IPv6 packet at absolute {@code index}, reading nothing at or past
     * {@code limit}; {@code src} is not modified. On {@link Verdict#ACCEPTED} {@code out} holds
     * the result; otherwise it is unchanged.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet of the outer IP header
     * @param limit the end of the readable range: nothing at or past it is read
     * @param out the reusable holder that receives the result
     * @return the verdict, counted
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     */
    public Verdict decapsulate(ByteBuffer src, int index, int limit, LispDecapsulation out) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Objects.requireNonNull(out, "out");
        byte[] a = Wire.array(src);
        return counted(strip(src, a, Wire.shift(src, a), index, limit, out, IpScan.ip(src, index, limit)));
    }

    /**
     * Decapsulates the Ethernet frame from {@code src.position()} to {@code src.limit()};
     * {@code src} is not modified.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param out the reusable holder that receives the result
     * @return the verdict, counted
     */
    public Verdict decapsulateFrame(ByteBuffer src, LispDecapsulation out) {
        return decapsulateFrame(src, src.position(), src.limit(), out);
    }

    /**
     * Decapsulates the Ethernet frame at absolute {@code index} (Ethernet II, VLAN tags walked),
     * reading nothing at or past {@code limit}; {@code src} is not modified. On
     * {@link Verdict#ACCEPTED} {@code out} holds the result; otherwise it is unchanged.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the frame's first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @param out the reusable holder that receives the result
     * @return the verdict, counted
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     */
    public Verdict decapsulateFrame(ByteBuffer src, int index, int limit, LispDecapsulation out) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Objects.requireNonNull(out, "out");
        byte[] a = Wire.array(src); // every read below goes through the heap array when there is one
        int shift = Wire.shift(src, a);
        int typeIndex = index + 12;
        for (int tags = 0;; tags++) {
            if (limit - typeIndex < 2) {
                return counted(Verdict.MALFORMED_LINK);
            }
            int type = Wire.u16(src, a, shift, typeIndex);
            if (type == 0x8100 || type == 0x88A8 || type == 0x9100) {
                if (tags == MAX_VLAN_TAGS) {
                    return counted(Verdict.MALFORMED_LINK);
                }
                typeIndex += 4;
                continue;
            }
            if (type != ETHERTYPE_IPV4 && type != ETHERTYPE_IPV6) {
                return counted(Verdict.NOT_IP);
            }
            int ip = typeIndex + 2;
            return counted(strip(src, a, shift, ip, limit, out, type == ETHERTYPE_IPV4 ? IpScan.ipv4(src, ip, limit)
                    : IpScan.ipv6(src, ip, limit)));
        }
    }

    private Verdict counted(Verdict v) {
        counters[v.ordinal()]++;
        return v;
    }

    /** The checks after the outer IP header's, which {@code scan} holds (the EtherType chose the version). */
    private Verdict strip(ByteBuffer src, byte[] a, int shift, int index, int limit, LispDecapsulation out,
                          long scan) {
        if (!IpScan.isValid(scan)) {
            return Verdict.MALFORMED_OUTER;
        }
        if (IpScan.isFragment(scan)) {
            return Verdict.OUTER_FRAGMENT;
        }
        if (IpScan.protocol(scan) != UDP_PROTOCOL) {
            return Verdict.NOT_UDP;
        }
        int udpIndex = index + IpScan.headerLength(scan);
        int ipEnd = udpIndex + IpScan.payloadLength(scan);
        // UdpDecoder.checkedLength's checks, as verdicts instead of exceptions.
        if (ipEnd - udpIndex < 8) {
            return Verdict.MALFORMED_UDP;
        }
        long udp = Wire.i64(src, a, shift, udpIndex); // the whole UDP header in one read: ports, Length, Checksum
        int wireLength = (int) (udp >>> 16) & 0xFFFF;
        if (wireLength < 8 || wireLength > ipEnd - udpIndex) {
            return Verdict.MALFORMED_UDP;
        }
        int udpEnd = udpIndex + wireLength;
        int destinationPort = (int) (udp >>> 32) & 0xFFFF;
        if (!isPort(destinationPort)) {
            return Verdict.NOT_LISP_PORT;
        }
        boolean ipv6 = IpScan.version(scan) == 6;
        if (!anySource && !(ipv6
                ? isIpv6Source(Wire.i64(src, a, shift, index + 8), Wire.i64(src, a, shift, index + 16))
                : Arrays.binarySearch(ipv4Sources, Wire.i32(src, a, shift, index + 12)) >= 0)) {
            return Verdict.UNKNOWN_SOURCE;
        }
        int lispIndex = udpIndex + 8;
        if (udpEnd - lispIndex < LispLayout.LENGTH) {
            return Verdict.MALFORMED_LISP;
        }
        // The 8 octets are there (LispDecoder.checked's one check); the two words are read as LispView reads them.
        long words = Wire.i64(src, a, shift, lispIndex);
        int first = (int) (words >>> 32);
        int second = (int) words;
        int flags = first >>> 24;
        int payloadLength = udpEnd - lispIndex - LispLayout.LENGTH;
        if ((flags & LispLayout.KK) != 0) {
            return Verdict.ENCRYPTED;
        }
        int nextProtocol = (flags & LispLayout.P) != 0 ? first & 0xFF : -1;
        if (nextProtocol != -1 && nextProtocol != 1 && nextProtocol != 2) {
            return Verdict.UNSUPPORTED_NEXT_PROTOCOL;
        }
        int instanceId = (flags & LispLayout.I) != 0 ? second >>> 8 : -1;
        if (instanceIds != null && (instanceId < 0 || Arrays.binarySearch(instanceIds, instanceId) < 0)) {
            return Verdict.UNKNOWN_INSTANCE;
        }
        int inner = lispIndex + LispLayout.LENGTH;
        if (payloadLength < IPV4_MIN) {
            return shortInner(src, inner, payloadLength, nextProtocol);
        }
        int innerWord = Wire.i32(src, a, shift, inner); // version and traffic class; IPv4's IHL and Total Length too
        int innerVersion = innerWord >>> 28;
        if (!isCarried(innerVersion, nextProtocol)) {
            return Verdict.INNER_NOT_IP;
        }
        int innerTos;
        if (innerVersion == 4) {
            int ihl = (innerWord >>> 24 & 0xF) * 4;
            int total = innerWord & 0xFFFF;
            if (ihl < IPV4_MIN || total < ihl) {
                return Verdict.MALFORMED_INNER;
            }
            if (total != payloadLength) {
                return Verdict.INNER_LENGTH_MISMATCH;
            }
            innerTos = innerWord >>> 16 & 0xFF;
        } else {
            if (payloadLength < IPV6_MIN) {
                return Verdict.MALFORMED_INNER;
            }
            if (IPV6_MIN + Wire.u16(src, a, shift, inner + 4) != payloadLength) {
                return Verdict.INNER_LENGTH_MISMATCH;
            }
            innerTos = innerWord >>> 20 & 0xFF;
        }
        int outerTos = ipv6 ? Wire.u16(src, a, shift, index) >>> 4 & 0xFF : Wire.u8(src, a, shift, index + 1);
        int outerEcn = outerTos & 3;
        int ecn = outerEcn == 0 || outerEcn == (innerTos & 3) ? innerTos & 3 : decapsulatedEcn(outerEcn, innerTos & 3);
        if (ecn < 0) {
            return Verdict.ECN_DROP;
        }
        int sourcePort = (int) (udp >>> 48);
        if (ipv6) {
            out.set(src, a, shift, index, true, outerTos, Wire.u8(src, a, shift, index + 7), 0, sourcePort,
                    destinationPort, first, second, inner, payloadLength, innerVersion, innerTos & 3, ecn);
        } else {
            long w1 = Wire.i64(src, a, shift, index + 8); // TTL, Protocol, Header Checksum, Source Address
            out.set(src, a, shift, index, false, outerTos, (int) (w1 >>> 56), (int) w1, sourcePort, destinationPort,
                    first, second, inner, payloadLength, innerVersion, innerTos & 3, ecn);
        }
        return Verdict.ACCEPTED;
    }

    /** The inner packet's verdicts when it is shorter than an IPv4 header. */
    private static Verdict shortInner(ByteBuffer src, int inner, int payloadLength, int nextProtocol) {
        if (payloadLength < 1) {
            return Verdict.INNER_NOT_IP;
        }
        return isCarried(Wire.u8(src, inner) >>> 4, nextProtocol)
                ? Verdict.MALFORMED_INNER // shorter than the fixed header of its version
                : Verdict.INNER_NOT_IP;
    }

    /** Whether an inner IP version is one LISP carries and the one a LISP-GPE Next Protocol (or -1) names. */
    private static boolean isCarried(int version, int nextProtocol) {
        return (version == 4 || version == 6) && (nextProtocol == -1 || version == (nextProtocol == 1 ? 4 : 6));
    }

    /**
     * The ECN field of the inner header after decapsulation, by the table of RFC 6040 §4.2.
     * ECN codepoints: 0 Not-ECT, 1 ECT(1), 2 ECT(0), 3 CE.
     *
     * @param outer the outer header's ECN field, 0..3
     * @param inner the arriving inner header's ECN field, 0..3
     * @return the inner header's new ECN field, 0..3, or -1 when the packet must be dropped
     *     (outer CE, inner Not-ECT)
     * @throws IllegalArgumentException if a codepoint is not 0..3
     */
    public static int decapsulatedEcn(int outer, int inner) {
        if ((outer | inner) >>> 2 != 0) {
            throw new IllegalArgumentException("ECN: " + outer + ", " + inner + " (expected: 0..3 each)");
        }
        if (inner == 0) {
            return outer == ECN_CE ? -1 : 0;
        }
        if (outer == ECN_CE || inner == ECN_CE) {
            return ECN_CE;
        }
        return outer == 1 ? 1 : inner; // outer ECT(1) over inner ECT(0) gives ECT(1)
    }

    private boolean isPort(int port) {
        for (int p : ports) {
            if (p == port) {
                return true;
            }
        }
        return false;
    }

    private boolean isIpv6Source(long high, long low) {
        long[] a = ipv6Sources;
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] == high && a[i + 1] == low) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many packets got a verdict since construction.
     *
     * @param verdict the verdict
     * @return its count
     */
    public long count(Verdict verdict) {
        return counters[verdict.ordinal()];
    }

    /**
     * Returns the packets refused, all reasons together.
     *
     * @return the packets refused, all reasons together
     */
    public long rejected() {
        return stats().rejected();
    }

    /**
     * A snapshot of the counters. This allocates; call it from monitoring, not per packet.
     *
     * @return the count of every verdict, as of now
     */
    public Stats stats() {
        EnumMap<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : VERDICTS) {
            counts.put(v, counters[v.ordinal()]);
        }
        return new Stats(counts);
    }

    /**
     * An immutable snapshot of a decapsulator's counters: how many packets got each verdict.
     *
     * @param verdicts the count of every verdict, each verdict present
     */
    public record Stats(Map<Verdict, Long> verdicts) {
        /**
         * Checks that every verdict is counted, and copies the map.
         *
         * @param verdicts the count of every verdict, each verdict present
         * @throws IllegalArgumentException if a verdict is missing or a count is negative
         */
        public Stats {
            EnumMap<Verdict, Long> copy = new EnumMap<>(Verdict.class);
            copy.putAll(verdicts);
            for (Verdict v : VERDICTS) {
                Long n = copy.get(v);
                if (n == null || n < 0) {
                    throw new IllegalArgumentException("verdicts[" + v + "]: " + n + " (expected: a count, 0 or more)");
                }
            }
            verdicts = Collections.unmodifiableMap(copy);
        }

        /**
         * The count of one verdict.
         *
         * @param verdict the verdict
         * @return how many packets got it
         */
        public long count(Verdict verdict) {
            return verdicts.get(verdict);
        }

        /**
         * Returns the packets decapsulated.
         *
         * @return the packets decapsulated
         */
        public long accepted() {
            return count(Verdict.ACCEPTED);
        }

        /**
         * Returns the packets refused, all reasons together.
         *
         * @return the packets refused, all reasons together
         */
        public long rejected() {
            return packets() - accepted();
        }

        /**
         * Returns the packets offered, every verdict together.
         *
         * @return the packets offered, every verdict together
         */
        public long packets() {
            long n = 0;
            for (long c : verdicts.values()) {
                n += c;
            }
            return n;
        }
    }
}
