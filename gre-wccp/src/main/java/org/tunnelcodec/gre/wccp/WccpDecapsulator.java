package org.tunnelcodec.gre.wccp;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.IpScan;

/**
 * The cache side of WCCP GRE redirection: takes an IPv4 or IPv6 packet carrying GRE, checks
 * that a configured router sent it, strips GRE and the redirect header, and gives back the
 * original IP packet with the router, service ID and buckets.
 *
 * <p>Stateful only in its counters; not thread-safe: use one per receive thread (the routers
 * may be the same). It is the library's model of a data-path engine (see the package
 * description): {@link #decapsulate} never throws for bad packets but returns a
 * {@link Verdict}, one per outcome, and counts it ({@link #count}, {@link #stats()}); on
 * {@link Verdict#ACCEPTED} it fills the caller's reusable {@link WccpDecapsulation}, so the
 * accept path allocates nothing.
 *
 * <h2>What it checks, in order</h2>
 * <ol>
 *   <li>The outer header is a whole IPv4 or IPv6 packet as core's {@code IpScan} (and so its
 *       decoders) checks it, IPv6 extension headers and their options walked, jumbograms
 *       included; and not a fragment (reassemble first; an IPv6 atomic fragment, offset 0 and
 *       M clear, is not one): else {@link Verdict#MALFORMED_OUTER} or {@link Verdict#OUTER_FRAGMENT}.</li>
 *   <li>It carries GRE (IPv4 Protocol, or IPv6 upper-layer protocol after extension
 *       headers, 47): else {@link Verdict#NOT_GRE}.</li>
 *   <li>Its source is a configured router: else {@link Verdict#UNKNOWN_ROUTER}.</li>
 *   <li>The GRE header is the one WCCP uses: first word 0x0000, no C, R, K, S, no reserved
 *       flags, version 0: the 4-octet GRE header of the WCCP drafts (draft-wilson-wrec-wccp-v2-01
 *       §4.12): else {@link Verdict#GRE_NOT_USED_BY_WCCP}.</li>
 *   <li>Protocol Type 0x883E: else {@link Verdict#NOT_WCCP}.</li>
 *   <li>The router's version says whether a 4-octet redirect header follows ({@link WccpVersion});
 *       it must be present: else {@link Verdict#MALFORMED_REDIRECT_HEADER}.</li>
 *   <li>The rest is an IPv4 or IPv6 packet (version nibble, and its own length within the GRE
 *       payload): else {@link Verdict#INNER_NOT_IP}. The packet ends at its own length.</li>
 * </ol>
 *
 * <h2>Two routers, one cache</h2>
 * Every packet is attributed to the router whose address is its outer source, and each
 * router's framing follows its own configured version, so v1 and v2 routers (or two v2
 * routers in different service groups) redirect to the same cache without ambiguity. A
 * packet forged with an unconfigured source is refused before its GRE header is read.
 */
public final class WccpDecapsulator {
    /** The outcome of one packet. */
    public enum Verdict {
        /** Decapsulated; the holder has the original packet. */
        ACCEPTED,
        /** The outer IP header is malformed or truncated. */
        MALFORMED_OUTER,
        /** The outer IP packet is a fragment. */
        OUTER_FRAGMENT,
        /** The outer packet does not carry GRE. */
        NOT_GRE,
        /** The sender is not a configured router. */
        UNKNOWN_ROUTER,
        /** The GRE header has options, flags or a version WCCP never uses. */
        GRE_NOT_USED_BY_WCCP,
        /** The GRE Protocol Type is not 0x883E. */
        NOT_WCCP,
        /** The redirect header is missing or cut. */
        MALFORMED_REDIRECT_HEADER,
        /** What follows is not a whole IPv4 or IPv6 packet. */
        INNER_NOT_IP
    }

    private static final Verdict[] VERDICTS = Verdict.values();
    private static final int GRE_PROTOCOL = 47;
    private static final int WCCP_GRE_WORD = 0x0000_883E;

    private final List<WccpRouter> routers;
    private final int[] ipv4Routers;
    private final WccpRouter[] ipv4RouterObjects;
    private final long[] ipv6Routers;
    private final WccpRouter[] ipv6RouterObjects;
    private final long[] counters = new long[VERDICTS.length];

    /**
     * A decapsulator that accepts redirected packets from these routers only.
     *
     * @param routers the routers to accept, at least one; addresses must be distinct
     * @throws IllegalArgumentException if the list is empty or names an address twice
     */
    public WccpDecapsulator(List<WccpRouter> routers) {
        this.routers = List.copyOf(routers);
        if (this.routers.isEmpty()) {
            throw new IllegalArgumentException("routers: [] (expected: at least one)");
        }
        int v4 = 0;
        for (WccpRouter r : this.routers) {
            if (r.address() instanceof Inet4Address) {
                v4++;
            }
        }
        ipv4Routers = new int[v4];
        ipv4RouterObjects = new WccpRouter[v4];
        ipv6Routers = new long[2 * (this.routers.size() - v4)];
        ipv6RouterObjects = new WccpRouter[this.routers.size() - v4];
        int i4 = 0;
        int i6 = 0;
        for (WccpRouter r : this.routers) {
            if (this.routers.stream().filter(o -> o.address().equals(r.address())).count() > 1) {
                throw new IllegalArgumentException("routers: " + r.address() + " twice (expected: distinct addresses)");
            }
            if (r.address() instanceof Inet4Address a) {
                ipv4Routers[i4] = Ipv4Address.of(a).bits();
                ipv4RouterObjects[i4++] = r;
            } else {
                Ipv6Address a = Ipv6Address.of(r.address().getAddress());
                ipv6Routers[2 * i6] = a.high();
                ipv6Routers[2 * i6 + 1] = a.low();
                ipv6RouterObjects[i6++] = r;
            }
        }
    }

    /**
     * Returns the configured routers.
     *
     * @return the configured routers
     */
    public List<WccpRouter> routers() {
        return routers;
    }

    /**
     * Decapsulates the packet from {@code src.position()} to {@code src.limit()}; {@code src}
     * is not modified.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param out the reusable holder that receives the result
     * @return the verdict, counted
     */
    public Verdict decapsulate(ByteBuffer src, WccpDecapsulation out) {
        return decapsulate(src, src.position(), src.limit(), out);
    }

    /**
     * Decapsulates the packet at absolute {@code index}, reading nothing at or past
     * {@code limit}; {@code src} is not modified. On {@link Verdict#ACCEPTED} {@code out} holds
     * the result; otherwise it is unchanged.
     *
     * @param src the buffer; its position, limit, mark and byte order are not changed
     * @param index the absolute index of the first octet
     * @param limit the end of the readable range: nothing at or past it is read
     * @param out the reusable holder that receives the result
     * @return the verdict, counted
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     */
    public Verdict decapsulate(ByteBuffer src, int index, int limit, WccpDecapsulation out) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Objects.requireNonNull(out, "out");
        Verdict v = strip(src, index, limit, out);
        counters[v.ordinal()]++;
        return v;
    }

    private Verdict strip(ByteBuffer src, int index, int limit, WccpDecapsulation out) {
        // The outer header is checked as core's decoders check it, extension headers and
        // their options included (IpScan allocates nothing, valid or not).
        long scan = IpScan.ip(src, index, limit);
        if (!IpScan.isValid(scan)) {
            return Verdict.MALFORMED_OUTER;
        }
        if (IpScan.isFragment(scan)) {
            return Verdict.OUTER_FRAGMENT;
        }
        if (IpScan.protocol(scan) != GRE_PROTOCOL) {
            return Verdict.NOT_GRE;
        }
        int greIndex = index + IpScan.headerLength(scan);
        int end = greIndex + IpScan.payloadLength(scan);
        WccpRouter router;
        boolean ipv6 = IpScan.version(scan) == 6;
        boolean ce;
        if (!ipv6) {
            router = ipv4Router(Wire.i32(src, index + 12));
            if (router == null) {
                return Verdict.UNKNOWN_ROUTER;
            }
            ce = (Wire.u8(src, index + 1) & 3) == 3;
        } else {
            router = ipv6Router(Wire.i64(src, index + 8), Wire.i64(src, index + 16));
            if (router == null) {
                return Verdict.UNKNOWN_ROUTER;
            }
            ce = (Wire.i32(src, index) >>> 20 & 3) == 3;
        }
        if (end - greIndex < 4) {
            return Verdict.GRE_NOT_USED_BY_WCCP;
        }
        int gre = Wire.i32(src, greIndex);
        if (gre >>> 16 != 0) {
            return Verdict.GRE_NOT_USED_BY_WCCP;
        }
        if (gre != WCCP_GRE_WORD) {
            return Verdict.NOT_WCCP;
        }
        int at = greIndex + 4;
        // The one v1/v2 decision, shared with the dissector's GRE layer.
        boolean header = WccpRedirectDecoder.hasRedirectHeader(router.version(), ipv6, src, at, end);
        int redirectWord = 0;
        if (header) {
            if (end - at < 4) {
                return Verdict.MALFORMED_REDIRECT_HEADER;
            }
            redirectWord = Wire.i32(src, at);
            at += 4;
        }
        int innerLength = innerLength(src, at, end);
        if (innerLength < 0) {
            return Verdict.INNER_NOT_IP;
        }
        out.set(src, router, header, redirectWord, at, innerLength, ce);
        return Verdict.ACCEPTED;
    }

    /**
     * The inner packet's own length, or -1 if it is not an IPv4 or IPv6 packet whose own length
     * fits the GRE payload. Only the framing is checked: the inner packet is the cache's to
     * parse, and a full check of it here would double the cost of the data path.
     */
    private static int innerLength(ByteBuffer src, int at, int end) {
        int available = end - at;
        if (available < 1) {
            return -1;
        }
        int version = Wire.u8(src, at) >>> 4;
        if (version == 4 && available >= 20) {
            int ihl = (Wire.u8(src, at) & 0xF) * 4;
            int total = Wire.u16(src, at + 2);
            return ihl >= 20 && total >= ihl && total <= available ? total : -1;
        }
        if (version == 6 && available >= 40) {
            int total = 40 + Wire.u16(src, at + 4);
            return total <= available ? total : -1;
        }
        return -1;
    }

    private WccpRouter ipv4Router(int address) {
        int[] a = ipv4Routers;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == address) {
                return ipv4RouterObjects[i];
            }
        }
        return null;
    }

    private WccpRouter ipv6Router(long high, long low) {
        long[] a = ipv6Routers;
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] == high && a[i + 1] == low) {
                return ipv6RouterObjects[i / 2];
            }
        }
        return null;
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
     * The decapsulator has no events besides its verdicts; an engine that has some (timeouts,
     * evictions) adds them as further components.
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
