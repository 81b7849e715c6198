package org.tunnelcodec.core.encap;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * An encapsulation compiled once from a chain of headers, outermost first, and pushed onto
 * packets without allocating: its octets are copied into the headroom in front of a packet
 * already in the buffer and the fields that depend on the packet are fixed in place (lengths,
 * IPv4 Header Checksum by incremental update, UDP source port and MPLS entropy label from the
 * flow hash, UDP checksum, TTL and DSCP/ECN copied from inside, next-protocol fields of the
 * innermost header). The packet itself is neither copied nor moved.
 *
 * <pre>{@code
 * EncapTemplate vxlan = EncapTemplate.of(                         // per route
 *         Ipv4TemplateHeader.of(local, remote),
 *         UdpTemplateHeader.flowHash(UdpTemplateHeader.FROM_CHAIN, UdpChecksumMode.ZERO),
 *         vxlanHeader,                                            // a module's TemplateHeader
 *         EthernetTemplateHeader.of(routerMac, hostMac));
 * int start = vxlan.push(buf, ipIndex, ipEnd, InnerType.IPV4);    // per packet
 * // [start, ipEnd) is now IPv4 | UDP | VXLAN | Ethernet | the unchanged IP packet
 * }</pre>
 *
 * <h2>Errors</h2>
 * Every check is made before the first octet is written, so a failed push leaves the buffer as
 * it was: a range outside the buffer or fewer octets of headroom than {@link #length()} is
 * {@link IndexOutOfBoundsException}; a packet type the innermost header does not carry, or a
 * packet longer than the template's length fields can describe, {@link IllegalArgumentException};
 * a packet too short to hold what push copies from it (the TTL of an IPv4 packet whose outer
 * header inherits it), {@link MalformedPacketException}. Nothing at or past the packet's end is
 * read, and nothing outside {@code [innerIndex - length(), innerEnd)} is written.
 *
 * <p>Immutable and thread-safe. Two templates are equal when their octets and programs are.
 */
public final class EncapTemplate {
    /** The longest template: 4095 octets (a {@link TemplateStore} keeps the length in 12 bits). */
    public static final int MAX_LENGTH = 4095;

    final byte[] bytes;
    final Program program;

    EncapTemplate(byte[] bytes, Program program) {
        this.bytes = bytes;
        this.program = program;
    }

    /**
     * Compiles a chain of headers, outermost first: writes their octets, fills every
     * next-protocol field the chain decides, precomputes lengths and IPv4 checksums for an empty
     * packet, and collects the fixups for push.
     *
     * @param chain the headers, outermost first, at least one
     * @return the template
     * @throws IllegalArgumentException if the chain is empty or longer than {@link #MAX_LENGTH}
     *     octets, a header cannot carry the next (an IPv4 header before a header without an IP
     *     protocol number, a UDP checksum without an IP header outside it...), or the innermost
     *     header carries no {@link InnerType}
     */
    public static EncapTemplate of(List<? extends TemplateHeader> chain) {
        Objects.requireNonNull(chain, "chain");
        TemplateHeader[] headers = chain.toArray(new TemplateHeader[0]);
        if (headers.length == 0) {
            throw new IllegalArgumentException("chain: empty (expected: at least one header)");
        }
        int[] offsets = new int[headers.length];
        int[] lengths = new int[headers.length];
        long total = 0;
        for (int i = 0; i < headers.length; i++) {
            Objects.requireNonNull(headers[i], "chain[" + i + "]");
            offsets[i] = (int) Math.min(total, Integer.MAX_VALUE);
            lengths[i] = headers[i].length();
            if (lengths[i] < 1) {
                throw new IllegalArgumentException("chain[" + i + "].length(): " + lengths[i] + " (expected: >= 1)");
            }
            total += lengths[i];
            if (total > MAX_LENGTH) {
                throw new IllegalArgumentException("template length: " + total + " (expected: <= " + MAX_LENGTH + ")");
            }
        }
        byte[] bytes = new byte[(int) total];
        ByteBuffer template = ByteBuffer.wrap(bytes);
        for (int i = 0; i < headers.length; i++) {
            headers[i].write(ByteBuffer.wrap(bytes, offsets[i], lengths[i]).slice(), 0);
        }
        Fixups fixups = new Fixups(headers, offsets, bytes.length, template);
        for (int i = 0; i < headers.length; i++) {
            fixups.begin(i);
            headers[i].fixups(fixups, offsets[i]);
            fixups.finish();
        }
        return new EncapTemplate(bytes, fixups.build());
    }

    /**
     * Compiles a chain of headers, outermost first; see {@link #of(List)}.
     *
     * @param chain the headers, outermost first, at least one
     * @return the template
     * @throws IllegalArgumentException as {@link #of(List)}
     */
    public static EncapTemplate of(TemplateHeader... chain) {
        return of(Arrays.asList(chain));
    }

    /**
     * Returns the number of octets push writes in front of the packet: the headroom it needs.
     *
     * @return the template's length
     */
    public int length() {
        return bytes.length;
    }

    /**
     * Returns the template's octets as stored: every field a push fixes holds its value for an
     * empty packet (lengths, IPv4 checksums) or what the header wrote (the fallback TTL, a zero
     * UDP checksum, the innermost next-protocol field as the header wrote it, which each push sets).
     *
     * @return a copy of the octets
     */
    public ByteString bytes() {
        return ByteString.of(bytes.clone());
    }

    /**
     * Returns whether push accepts packets of this type: whether the innermost header can carry it.
     *
     * @param inner the packet type
     * @return whether push accepts it
     */
    public boolean accepts(InnerType inner) {
        return program.accepts(Objects.requireNonNull(inner, "inner"));
    }

    /**
     * Returns the packet types push accepts.
     *
     * @return the types the innermost header can carry
     */
    public Set<InnerType> acceptedInnerTypes() {
        Set<InnerType> s = EnumSet.noneOf(InnerType.class);
        for (InnerType t : InnerType.values()) {
            if (program.accepts(t)) {
                s.add(t);
            }
        }
        return s;
    }

    /**
     * Returns whether push computes the packet's flow hash (for an entropy source port, label or
     * flow label) unless the caller gives it.
     *
     * @return whether a fixup uses the flow hash
     */
    public boolean usesFlowHash() {
        return program.needsHash;
    }

    /**
     * Pushes the template in front of the packet at {@code [innerIndex, innerEnd)}, into the
     * headroom before it, computing the flow hash of the packet if a fixup needs it.
     *
     * @param buf the buffer; its position, limit, mark and byte order are not changed
     * @param innerIndex the absolute index of the packet's first octet
     * @param innerEnd the end of the packet: nothing at or past it is read
     * @param inner what the packet is
     * @return the absolute index of the new first octet, {@code innerIndex - length()}
     * @throws IndexOutOfBoundsException if {@code [innerIndex, innerEnd)} is not within
     *     {@code buf.limit()}, or fewer than {@link #length()} octets precede {@code innerIndex}
     * @throws IllegalArgumentException if the template does not carry {@code inner}, or the
     *     packet is longer than its length fields can describe
     * @throws MalformedPacketException if the packet is too short to hold what push copies from it
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public int push(ByteBuffer buf, int innerIndex, int innerEnd, InnerType inner) {
        return push(buf, innerIndex, innerEnd, inner, 0, false);
    }

    /**
     * Pushes the template with the caller's flow hash (a NIC's RSS hash, one computed on
     * receive) for the fixups that take one; otherwise as
     * {@link #push(ByteBuffer, int, int, InnerType)}.
     *
     * @param buf the buffer; its position, limit, mark and byte order are not changed
     * @param innerIndex the absolute index of the packet's first octet
     * @param innerEnd the end of the packet: nothing at or past it is read
     * @param inner what the packet is
     * @param flowHash the flow's 32-bit hash
     * @return the absolute index of the new first octet, {@code innerIndex - length()}
     * @throws IndexOutOfBoundsException if the range or the headroom is outside the buffer
     * @throws IllegalArgumentException if the template does not carry {@code inner}, or the
     *     packet is too long
     * @throws MalformedPacketException if the packet is too short to hold what push copies from it
     * @throws ReadOnlyBufferException if {@code buf} is read-only
     */
    public int push(ByteBuffer buf, int innerIndex, int innerEnd, InnerType inner, int flowHash) {
        return push(buf, innerIndex, innerEnd, inner, flowHash, true);
    }

    private int push(ByteBuffer buf, int innerIndex, int innerEnd, InnerType inner, int flowHash, boolean given) {
        checkBuffer(buf, innerIndex, innerEnd, inner);
        Program p = program;
        int check = p.precheck(innerIndex, innerEnd, inner);
        if (check != Program.OK) {
            throw p.failure(check, innerIndex, innerEnd, inner);
        }
        int start = innerIndex - bytes.length;
        buf.put(start, bytes, 0, bytes.length);
        return p.run(buf, start, innerIndex, innerEnd, inner, flowHash, given);
    }

    static void checkBuffer(ByteBuffer buf, int innerIndex, int innerEnd, InnerType inner) {
        Objects.requireNonNull(buf, "buf");
        Objects.requireNonNull(inner, "inner");
        Objects.checkFromToIndex(innerIndex, innerEnd, buf.limit());
        if (buf.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
    }

    /**
     * Returns the flow hash push computes for a packet: {@link FlowHash#ofIpPacket} for IPv4 and
     * IPv6, {@link FlowHash#ofEthernetFrame} for Ethernet, and for a labelled packet the IP
     * packet after its bottom of stack (within 32 entries; the octets themselves if there is
     * none), as {@code MplsPush.pushOntoStack} hashes it.
     *
     * @param buf the buffer
     * @param innerIndex the absolute index of the packet's first octet
     * @param innerEnd the end of the packet
     * @param inner what the packet is
     * @return the 32-bit flow hash
     * @throws IndexOutOfBoundsException if the range is not within {@code buf.limit()}
     */
    public static int flowHash(ByteBuffer buf, int innerIndex, int innerEnd, InnerType inner) {
        Objects.checkFromToIndex(innerIndex, innerEnd, buf.limit());
        return switch (inner) {
            case IPV4, IPV6 -> FlowHash.ofIpPacket(buf, innerIndex, innerEnd - innerIndex);
            case ETHERNET -> FlowHash.ofEthernetFrame(buf, innerIndex, innerEnd - innerIndex);
            case MPLS -> Program.mplsFlowHash(buf, innerIndex, innerEnd);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncapTemplate t && t.program.equals(program) && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * program.hashCode() + Arrays.hashCode(bytes);
    }

    /**
     * Returns the octets in hex, the packet types accepted and the instructions, for debugging.
     *
     * @return a description of the template
     */
    @Override
    public String toString() {
        return "EncapTemplate[" + bytes.length + " octets " + ByteString.of(bytes).toHex() + "; inner "
                + program.acceptedNames() + "; " + program.describe() + "]";
    }
}
