package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Header;

/**
 * The per-packet label operations of a label switching router, in place and without
 * allocating: {@link #swap} and {@link #pop}. Pushing, of one entry or many, onto a labelled
 * packet or not, is {@link MplsPush}'s ({@link MplsPush#pushOntoStack}).
 *
 * <h2>The result</h2>
 * Each operation returns a shared {@link Result} constant: {@link Result#TTL_EXPIRED} when the
 * packet must not be forwarded (nothing was then written), {@link Result#LABELLED} when the
 * packet still starts with a label stack entry, or, after popping the bottom of the stack, the
 * type of the payload now first ({@link Result#IPV4}, {@link Result#IPV6}...;
 * {@link Result#payloadType()} gives the {@link MplsPayloadType}). The packet's new start is
 * unchanged by a swap and 4 octets further after a pop: a pop moves no octet, it leaves the
 * popped entry in front of the packet, as headroom.
 * <pre>{@code
 * switch (MplsLabelOps.pop(buf, at, end, MplsTtlModel.uniform(), bindings)) {
 *     case TTL_EXPIRED -> drop(buf);                   // RFC 3032 §2.4.2
 *     case LABELLED -> forwardOnLabel(buf, at + 4, end);
 *     case IPV4 -> forwardIpv4(buf, at + 4, end);      // TTL copied, checksum updated
 *     case IPV6 -> forwardIpv6(buf, at + 4, end);
 *     default -> deliverToService(buf, at + 4, end);
 * }
 * }</pre>
 *
 * <h2>TTL</h2>
 * The incoming TTL is the top entry's; the outgoing TTL is one less (RFC 3032 §2.4.1). A
 * packet whose incoming TTL is 0 or 1 would leave with TTL 0, so it must not be forwarded,
 * labelled or not (RFC 3032 §2.4.2); Linux's {@code mpls_forward} drops it (TTL &le; 1) without
 * sending ICMP. Both operations report that as {@link Result#TTL_EXPIRED} before writing
 * anything; generating ICMP Time Exceeded (RFC 3032 §2.3) is the caller's choice.
 *
 * <h2>Errors</h2>
 * Every operation first checks that {@code [index, end)} lies within the buffer's limit
 * ({@link IndexOutOfBoundsException} otherwise) and that the buffer is writable, then that
 * the octets it needs are inside the range ({@link MalformedPacketException}, {@code TRUNCATED},
 * otherwise); it writes nothing outside {@code [index, end)} and nothing at all when it throws.
 */
public final class MplsLabelOps {
    /**
     * What a label operation did and what the packet now starts with. Shared constants: a
     * result allocates nothing.
     */
    public enum Result {
        /**
         * Not done: the incoming TTL was 0 or 1, so the packet must not be forwarded, labelled
         * or not (RFC 3032 §2.4.2). Nothing was written.
         */
        TTL_EXPIRED(null),
        /** Done; the packet still starts with a label stack entry. */
        LABELLED(null),
        /** Done: the bottom entry was popped and an IPv4 packet is first. */
        IPV4(MplsPayloadType.IPV4),
        /** Done: the bottom entry was popped and an IPv6 packet is first. */
        IPV6(MplsPayloadType.IPV6),
        /** Done: the bottom entry was popped and an Ethernet frame (a pseudowire without control word) is first. */
        PW_ETHERNET(MplsPayloadType.PW_ETHERNET),
        /** Done: the bottom entry was popped and an Ethernet pseudowire's control word is first. */
        PW_ETHERNET_CONTROL_WORD(MplsPayloadType.PW_ETHERNET_CONTROL_WORD),
        /** Done: the bottom entry was popped and another pseudowire type's control word is first. */
        CONTROL_WORD(MplsPayloadType.CONTROL_WORD),
        /** Done: the bottom entry was popped and an Associated Channel Header is first. */
        ACH(MplsPayloadType.ACH),
        /** Done: the bottom entry was popped and octets no rule identifies are first. */
        RAW(MplsPayloadType.RAW),
        /** Done: the bottom entry was popped and nothing follows it. */
        NONE(MplsPayloadType.NONE);

        private static final Result[] BY_TYPE = new Result[MplsPayloadType.values().length];

        static {
            for (Result r : values()) {
                if (r.payloadType != null) {
                    BY_TYPE[r.payloadType.ordinal()] = r;
                }
            }
        }

        private final MplsPayloadType payloadType;

        Result(MplsPayloadType payloadType) {
            this.payloadType = payloadType;
        }

        /**
         * Returns the type of the payload the pop exposed.
         *
         * @return the payload type, or {@code null} for {@link #TTL_EXPIRED} and {@link #LABELLED}
         */
        public MplsPayloadType payloadType() {
            return payloadType;
        }

        /**
         * Returns whether the operation was done (the packet may be forwarded).
         *
         * @return whether this is not {@link #TTL_EXPIRED}
         */
        public boolean done() {
            return this != TTL_EXPIRED;
        }

        /**
         * Returns the result of popping the bottom entry in front of a payload of this type.
         *
         * @param payloadType the payload's type
         * @return the result naming it
         */
        public static Result of(MplsPayloadType payloadType) {
            return BY_TYPE[payloadType.ordinal()];
        }
    }

    /** IPv4 Time to Live offset (RFC 791 §3.1); it shares a 16-bit word with Protocol. */
    private static final int IPV4_TTL = 8;
    /** IPv4 Header Checksum offset (RFC 791 §3.1). */
    private static final int IPV4_CHECKSUM = 10;
    /** IPv6 Hop Limit offset (RFC 8200 §3). */
    private static final int IPV6_HOP_LIMIT = 7;

    /** Identification after a bottom pop goes through a view: one per thread, reused. */
    private static final ThreadLocal<MplsView> VIEW = ThreadLocal.withInitial(MplsView::new);

    private MplsLabelOps() {
    }

    /**
     * Swaps the top entry's label in place: the new label, the TTL decremented (RFC 3032
     * §2.4.2), the TC and S bits kept.
     *
     * @param buf      the buffer; its position, limit, mark and byte order are not changed
     * @param index    the absolute index of the top entry
     * @param end      the end of the packet: nothing at or past it is read or written
     * @param newLabel the outgoing label, 0..1048575, not 3 (never on the wire), 7 or 15 (they
     *                 announce the entry after them, RFC 6790 §4, RFC 7274 §3)
     * @return {@link Result#LABELLED}, or {@link Result#TTL_EXPIRED} (nothing written)
     * @throws IllegalArgumentException if {@code newLabel} is out of range or refused
     * @throws IndexOutOfBoundsException if {@code [index, end)} is not within {@code buf.limit()}
     * @throws MalformedPacketException if fewer than 4 octets are in the range
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public static Result swap(ByteBuffer buf, int index, int end, int newLabel) {
        MplsPush.checkPushable("newLabel", newLabel);
        int word = topWord(buf, index, end);
        int ttl = MplsLayout.ttl(word);
        if (ttl <= 1) {
            return Result.TTL_EXPIRED;
        }
        int kept = word & (MplsLayout.S | 7 << MplsLayout.TC_SHIFT); // RFC 3032 §2.1: TC and S unchanged
        Wire.put32(buf, index, newLabel << MplsLayout.LABEL_SHIFT | kept | ttl - 1);
        return Result.LABELLED;
    }

    /**
     * Pops the top entry in place: the packet then starts 4 octets further on, and the result
     * says with what. The TTL model decides what the pop writes:
     * <ul>
     *   <li>uniform (RFC 3443 §3.1, RFC 3032 §2.4.3): the outgoing TTL goes into the next entry,
     *       or, when the bottom was popped, into the IPv4 TTL (the Header Checksum updated
     *       incrementally, RFC 1624 eqn. 3) or the IPv6 Hop Limit; other payloads have no TTL;</li>
     *   <li>pipe (RFC 3443 §3.2, §3.3): nothing; the egress decrements the inner TTL when it
     *       forwards the exposed packet (Linux's {@code mpls_egress} does that itself).</li>
     * </ul>
     * After popping the bottom, the payload is identified by {@link MplsBindings#identify}, the
     * popped label being the whole stack (bindings, Explicit NULL, GAL, first nibble); identify
     * the stack with {@link MplsView#payload} before popping to learn the rule that decided.
     *
     * @param buf      the buffer; its position, limit, mark and byte order are not changed
     * @param index    the absolute index of the top entry
     * @param end      the end of the packet: nothing at or past it is read or written
     * @param ttlModel the model that decides whether the TTL is copied
     * @param bindings the caller's label bindings ({@link MplsBindings#NONE} for none)
     * @return {@link Result#TTL_EXPIRED} (nothing written), {@link Result#LABELLED}, or the
     *     payload now first
     * @throws IndexOutOfBoundsException if {@code [index, end)} is not within {@code buf.limit()}
     * @throws MalformedPacketException if the range holds no whole top entry, the top entry is
     *     not the bottom and no whole entry follows it, or a uniform pop exposes an IP packet too
     *     short to hold the TTL (and checksum) it must write
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public static Result pop(ByteBuffer buf, int index, int end, MplsTtlModel ttlModel, MplsBindings bindings) {
        Objects.requireNonNull(ttlModel, "ttlModel");
        Objects.requireNonNull(bindings, "bindings");
        int word = topWord(buf, index, end);
        int next = index + MplsLayout.ENTRY_LENGTH;
        if (!MplsLayout.bottom(word)) {
            if (end - next < MplsLayout.ENTRY_LENGTH) { // RFC 3032 §2.1: S=0, so an entry follows
                throw MalformedPacketException.truncated(MplsHeader.PROTOCOL, "Label", MplsLayout.ENTRY_LENGTH,
                        MplsLayout.ENTRY_LENGTH, end - next);
            }
            if (MplsLayout.ttl(word) <= 1) {
                return Result.TTL_EXPIRED;
            }
            if (ttlModel.propagates()) {
                Wire.put8(buf, next + 3, MplsLayout.ttl(word) - 1);
            }
            return Result.LABELLED;
        }
        MplsView view = VIEW.get().wrap(buf, index, end, 1);
        MplsPayloadType type = bindings.identify(view, buf, next, end).type();
        int outgoing = MplsLayout.ttl(word) - 1;
        if (ttlModel.propagates()) {
            if (type == MplsPayloadType.IPV4) {
                Wire.require(Ipv4Header.PROTOCOL, "Header Checksum", next, next + IPV4_CHECKSUM, 2, end);
            } else if (type == MplsPayloadType.IPV6) {
                Wire.require(Ipv6Header.PROTOCOL, "Hop Limit", next, next + IPV6_HOP_LIMIT, 1, end);
            }
        }
        if (outgoing <= 0) {
            return Result.TTL_EXPIRED;
        }
        if (ttlModel.propagates()) {
            if (type == MplsPayloadType.IPV4) {
                setIpv4Ttl(buf, next, outgoing);
            } else if (type == MplsPayloadType.IPV6) {
                Wire.put8(buf, next + IPV6_HOP_LIMIT, outgoing); // RFC 3032 §2.4.3: the IP TTL field is the Hop Limit
            }
        }
        return Result.of(type);
    }

    private static int topWord(ByteBuffer buf, int index, int end) {
        Objects.checkFromToIndex(index, end, buf.limit());
        if (buf.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (end - index < MplsLayout.ENTRY_LENGTH) {
            throw MalformedPacketException.truncated(MplsHeader.PROTOCOL, "Label", 0, MplsLayout.ENTRY_LENGTH,
                    end - index);
        }
        return Wire.i32(buf, index);
    }

    /** RFC 3032 §2.4.3: "In IPv4 this also requires modification of the IP header checksum." */
    private static void setIpv4Ttl(ByteBuffer buf, int ip, int ttl) {
        int oldWord = Wire.u16(buf, ip + IPV4_TTL);
        int newWord = ttl << 8 | oldWord & 0xFF;
        int checksum = Wire.u16(buf, ip + IPV4_CHECKSUM);
        Wire.put16(buf, ip + IPV4_TTL, newWord);
        Wire.put16(buf, ip + IPV4_CHECKSUM, InternetChecksum.update(checksum, oldWord, newWord));
    }
}
