package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.Ipv4Header;
import org.tunnelcodec.core.ip.Ipv6Header;

/**
 * The per-packet label operations of a label switching router, in place and without
 * allocating: {@link #swap}, {@link #pop}, and {@link #popEntropyLabel} for an entropy label
 * with its indicator. Pushing, of one entry or many, onto a labelled
 * packet or not, is {@link MplsPush}'s ({@link MplsPush#pushOntoStack}).
 *
 * <h2>The result</h2>
 * Each operation returns a shared {@link Result} constant: {@link Result#TTL_EXPIRED} when the
 * packet must not be forwarded (nothing was then written), {@link Result#LABELLED} when the
 * packet still starts with a label stack entry, or, after popping the bottom of the stack, the
 * type of the payload now first ({@link Result#IPV4}, {@link Result#IPV6}...;
 * {@link Result#payloadType()} gives the {@link MplsPayloadType}). The packet's new start is
 * unchanged by a swap, 4 octets further after a pop, 8 after {@link #popEntropyLabel}: a pop
 * moves no octet, it leaves the popped entries in front of the packet, as headroom.
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
 * sending ICMP. The operations report that as {@link Result#TTL_EXPIRED} before writing
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
         * Not done: the outgoing TTL would be 0 (an incoming TTL of 0 or 1), so the packet
         * must not be forwarded, labelled or not (RFC 3032 §2.4.2). Nothing was written.
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
        int outgoing = MplsLayout.ttl(word) - 1; // RFC 3032 §2.4.1
        return remove(buf, index, end, ttlModel, bindings, outgoing, outgoing <= 0, MplsLayout.bottom(word), 1);
    }

    /**
     * Pops an Entropy Label Indicator and the Entropy Label after it in one operation, as the
     * LSR that terminates their LSP does (RFC 6790 §4.1): the packet then starts 8 octets
     * further on. The pair is not a forwarding label: the TTL check and decrement belong to the
     * pop of the LSP's label above it (a uniform pop of that label has copied the outgoing TTL
     * into the ELI), so this pop decrements nothing. A uniform model moves the ELI's TTL onto
     * what follows the EL (the next entry, or the IPv4 TTL or IPv6 Hop Limit), and reports
     * {@link Result#TTL_EXPIRED} if that TTL is 0; a pipe model writes nothing and checks
     * nothing. The EL's own TTL, 0 by design (RFC 6790 §4.2), plays no part. The payload after
     * a bottom EL is identified as by {@link #pop}.
     *
     * <p>{@link #pop} would take the pair as two entries, each with its TTL: the EL's 0 would
     * report expiry.
     *
     * @param buf      the buffer; its position, limit, mark and byte order are not changed
     * @param index    the absolute index of the ELI
     * @param end      the end of the packet: nothing at or past it is read or written
     * @param ttlModel the model that decides whether the TTL is moved
     * @param bindings the caller's label bindings ({@link MplsBindings#NONE} for none)
     * @return {@link Result#TTL_EXPIRED} (nothing written), {@link Result#LABELLED}, or the
     *     payload now first
     * @throws IllegalArgumentException if the top entry is not an ELI (label 7)
     * @throws IndexOutOfBoundsException if {@code [index, end)} is not within {@code buf.limit()}
     * @throws MalformedPacketException if the ELI is the bottom of the stack (R5, RFC 6790 §4),
     *     the range holds no whole ELI and EL, or as {@link #pop} does for what follows
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public static Result popEntropyLabel(ByteBuffer buf, int index, int end, MplsTtlModel ttlModel,
                                         MplsBindings bindings) {
        Objects.requireNonNull(ttlModel, "ttlModel");
        Objects.requireNonNull(bindings, "bindings");
        int eli = topWord(buf, index, end);
        int label = MplsLayout.label(eli);
        if (label != MplsLabel.ENTROPY_LABEL_INDICATOR.value()) {
            throw new IllegalArgumentException("top label: " + label + " (expected: 7, an Entropy Label Indicator)");
        }
        if (MplsLayout.bottom(eli)) {
            throw MalformedPacketException.invalid(MplsHeader.PROTOCOL, "S", 0, Reason.BAD_VALUE, 1,
                    "an entropy label after the ELI (ELI not at the bottom), RFC 6790 §4");
        }
        int elIndex = index + MplsLayout.ENTRY_LENGTH;
        Wire.require(MplsHeader.PROTOCOL, "Label", index, elIndex, MplsLayout.ENTRY_LENGTH, end);
        int el = Wire.i32(buf, elIndex);
        int carried = MplsLayout.ttl(eli);
        boolean expired = ttlModel.propagates() && carried == 0; // RFC 3032 §2.4.2: never forward with TTL 0
        return remove(buf, index, end, ttlModel, bindings, carried, expired, MplsLayout.bottom(el), 2);
    }

    /**
     * Removes {@code entries} entries at {@code index}: {@code outgoing} is the TTL a uniform
     * model writes, {@code expired} whether the packet must not be forwarded, {@code bottom}
     * whether the payload follows. Checks everything before writing.
     */
    private static Result remove(ByteBuffer buf, int index, int end, MplsTtlModel ttlModel, MplsBindings bindings,
                                 int outgoing, boolean expired, boolean bottom, int entries) {
        int next = index + entries * MplsLayout.ENTRY_LENGTH;
        if (!bottom) {
            // RFC 3032 §2.1: S=0, so an entry follows
            Wire.require(MplsHeader.PROTOCOL, "Label", index, next, MplsLayout.ENTRY_LENGTH, end);
            if (expired) {
                return Result.TTL_EXPIRED;
            }
            if (ttlModel.propagates()) {
                Wire.put8(buf, next + 3, outgoing);
            }
            return Result.LABELLED;
        }
        MplsPayloadType type = bindings.identify(buf, index, entries, end).type();
        if (ttlModel.propagates()) {
            if (type == MplsPayloadType.IPV4) {
                Wire.require(Ipv4Header.PROTOCOL, "Header Checksum", next, next + IPV4_CHECKSUM, 2, end);
            } else if (type == MplsPayloadType.IPV6) {
                Wire.require(Ipv6Header.PROTOCOL, "Hop Limit", next, next + IPV6_HOP_LIMIT, 1, end);
            }
        }
        if (expired) {
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
