package org.tunnelcodec.core.encap;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;

/**
 * The builder of a template's fixup program: what push fixes in the template's octets for each
 * packet, in a closed vocabulary that core interprets. {@link EncapTemplate#of} hands it to each
 * header's {@link TemplateHeader#fixups}; a header calls the methods below, each naming octets
 * of that header only, and never sees the program itself. Not thread-safe; it lives while one
 * template is built.
 *
 * <h2>The instruction vocabulary</h2>
 * <table>
 *   <caption>Instructions, what emits them, what push does</caption>
 *   <tr><th>instruction (operands)</th><th>emitted by</th><th>at push</th></tr>
 *   <tr><td>NEXT_PROTOCOL (word, mask, value per {@link InnerType}, checksum)</td>
 *       <td>{@link #nextIpProtocol}, {@link #nextEtherType}, {@link #nextUdpPort},
 *       {@link #nextProtocol}, {@link #ipHeader}: on the innermost header only</td>
 *       <td>writes the packet's code into the next-protocol bits; an IPv4 Protocol updates the
 *       Header Checksum (RFC 1624 eqn. 3)</td></tr>
 *   <tr><td>IPV4_LENGTH_CHECKSUM (header)</td><td>{@link #ipHeader} (IPv4)</td>
 *       <td>adds the packet's length to Total Length and updates the precomputed Header
 *       Checksum incrementally (RFC 1624 eqn. 3)</td></tr>
 *   <tr><td>IPV6_PAYLOAD_LENGTH (header)</td><td>{@link #ipHeader} (IPv6)</td>
 *       <td>adds the packet's length to Payload Length</td></tr>
 *   <tr><td>UDP_LENGTH (header)</td><td>{@link #udpLength}</td><td>adds it to Length</td></tr>
 *   <tr><td>IP_TTL (header, version, inner)</td><td>{@link #ipTimeToLive}</td>
 *       <td>copies the TTL or Hop Limit of the nearest IP header or label stack inside (the
 *       packet's when there is none in the template)</td></tr>
 *   <tr><td>IP_DSCP_ECN (header, version, what, inner)</td><td>{@link #ipDscpEcn}</td>
 *       <td>copies the DSCP (RFC 2983 uniform model) and/or the ECN field (RFC 6040 §4.1 normal
 *       mode) of the nearest IP header inside</td></tr>
 *   <tr><td>FLOW_HASH_FIELD (word, shift, bits, min, max)</td>
 *       <td>{@link #flowHashField}, {@link #udpSourcePort}</td>
 *       <td>writes the packet's flow hash mapped onto {@code [min, max]}
 *       ({@link org.tunnelcodec.core.FlowHash#scale}) into the bits: a UDP entropy source port
 *       (RFC 7348 §5, RFC 8086 §3.2.1, RFC 7510 §3), an MPLS entropy label (RFC 6790 §4.2), an
 *       IPv6 flow label (RFC 6438 §3)</td></tr>
 *   <tr><td>UDP_CHECKSUM (header, IP header, version)</td><td>{@link #udpChecksum}</td>
 *       <td>computes the checksum over the enclosing IP header's pseudo-header, the rest of the
 *       template and the packet (a computed 0 is sent as 0xFFFF, RFC 768)</td></tr>
 *   <tr><td>CHECKSUM (field, from)</td><td>{@link #checksum}</td>
 *       <td>the Internet checksum of everything from {@code from} to the packet's end (RFC 2784
 *       §2.5 for GRE)</td></tr>
 *   <tr><td>MPLS_TTL (first entry, entries, skipped entry, inner)</td><td>{@link #mplsTtl}</td>
 *       <td>gives the entries the TTL of what they are pushed onto (the uniform model, RFC
 *       3443 §3.1), 255 over a packet without one</td></tr>
 * </table>
 * Push runs the innermost header's instructions first and, within a header, next-protocol
 * fields, then per-packet fields, then lengths, then checksums, whatever order the header
 * declared them in; so a header that copies or checksums a header inside it sees it final.
 *
 * <p>What is fixed once for all packets is not an instruction: next-protocol fields of headers
 * followed by another header of the chain, Total Length, Payload Length and Length as they are
 * for an empty packet, and the IPv4 Header Checksum over those (so push only adds the packet's
 * length and updates the checksum, as Open vSwitch's {@code netdev_tnl_push_ip_header} does).
 */
public final class Fixups {
    private static final InnerType[] INNER_TYPES = InnerType.values();
    private static final int ALL = (1 << INNER_TYPES.length) - 1;
    private static final int PHASE_NEXT = 0;
    private static final int PHASE_FIELD = 1;
    private static final int PHASE_LENGTH = 2;
    private static final int PHASE_CHECKSUM = 3;

    private enum Key { IP_PROTOCOL, ETHER_TYPE, UDP_PORT, CUSTOM }

    private final TemplateHeader[] chain;
    private final int[] offsets;
    private final int length;
    private final ByteBuffer bytes;
    /** Per instruction: the header's index, the phase, the opcode and its operands. */
    private final Ints instructions = new Ints(48);
    /** Static writes to the template: word offset, mask, value. */
    private final Ints patches = new Ints(6);
    /** Pairs: IPv4 (4), IPv6 (6) or UDP (17), and the offset of a header whose length field is set for an empty packet. */
    private final Ints lengthFields = new Ints(4);
    private final Ints ipv4Headers = new Ints(0);
    private final Ints ipv4Fields = new Ints(0);
    private final int[] minInner = new int[INNER_TYPES.length];
    private final String[] minInnerProtocol = new String[INNER_TYPES.length];
    private final String[] minInnerField = new String[INNER_TYPES.length];
    private int acceptMask = ALL;
    private int current = -1;
    private int base;
    private int end;

    Fixups(TemplateHeader[] chain, int[] offsets, int length, ByteBuffer bytes) {
        this.chain = chain;
        this.offsets = offsets;
        this.length = length;
        this.bytes = bytes;
    }

    void begin(int index) {
        current = index;
        base = offsets[index];
        end = index + 1 < chain.length ? offsets[index + 1] : length;
    }

    void finish() {
        for (int i = 0; i < ipv4Fields.size; i++) {
            int field = ipv4Fields.values[i];
            if (!ipv4Headers.contains(field)) {
                throw new IllegalArgumentException(where() + ": an IPv4 TTL or DSCP/ECN fixup at offset " + field
                        + " (expected: ipHeader(" + field + ") declared too, which keeps its checksum)");
            }
        }
        ipv4Fields.size = 0;
    }

    // ---------------------------------------------------------------- the chain

    /**
     * Returns the IP version of the header just outside this one: 4 or 6 when it says it is
     * an IPv4 or IPv6 header ({@link TemplateHeader#etherType()} 0x0800 or 0x86DD), else 0.
     *
     * @return 4, 6 or 0
     */
    public int enclosingIpVersion() {
        if (current == 0) {
            return 0;
        }
        int type = chain[current - 1].etherType();
        return type == 0x0800 ? 4 : type == 0x86DD ? 6 : 0;
    }

    /**
     * Returns whether the packet follows this header directly (it is the innermost header).
     *
     * @return whether this header is the last of the chain
     */
    public boolean innermost() {
        return current == chain.length - 1;
    }

    // ---------------------------------------------------------------- next protocol

    /**
     * Declares the 8-bit field at {@code offset} as naming the IP protocol of what follows
     * (an IPv6 Next Header, for instance): the next header's {@link TemplateHeader#ipProtocol()},
     * or the packet's {@link InnerType#ipProtocol()}.
     *
     * @param offset the field's offset in the template
     * @return this builder
     * @throws IllegalArgumentException if the field is outside this header, or the next header
     *     cannot be carried by IP
     */
    public Fixups nextIpProtocol(int offset) {
        requireWithin("nextIpProtocol offset", offset, 1);
        if (offset + 1 < end) {
            return next(offset, 0xFF00, -1, Key.IP_PROTOCOL, null);
        }
        requireWithin("nextIpProtocol offset", offset - 1, 2);
        return next(offset - 1, 0x00FF, -1, Key.IP_PROTOCOL, null);
    }

    /**
     * Declares the 16-bit field at {@code offset} as naming the EtherType of what follows (a
     * GRE Protocol Type, an Ethernet EtherType).
     *
     * @param offset the field's offset in the template
     * @return this builder
     * @throws IllegalArgumentException if the field is outside this header, or the next header
     *     has no EtherType
     */
    public Fixups nextEtherType(int offset) {
        requireWithin("nextEtherType offset", offset, 2);
        return next(offset, 0xFFFF, -1, Key.ETHER_TYPE, null);
    }

    /**
     * Declares the 16-bit field at {@code offset} as the UDP destination port that announces
     * what follows: the next header's {@link TemplateHeader#udpPort()}, or the packet's
     * {@link InnerType#udpPort()}.
     *
     * @param offset the field's offset in the template
     * @return this builder
     * @throws IllegalArgumentException if the field is outside this header, or no port is
     *     assigned to the next header
     */
    public Fixups nextUdpPort(int offset) {
        requireWithin("nextUdpPort offset", offset, 2);
        return next(offset, 0xFFFF, -1, Key.UDP_PORT, null);
    }

    /**
     * Declares the bits {@code mask} of the 16-bit word at {@code wordOffset} as naming what
     * follows in this header's own code space (VXLAN-GPE's Next Protocol, an MPLS Bottom of
     * Stack bit): {@code code} maps the EtherType of what follows (the next header's
     * {@link TemplateHeader#etherType()}, -1 if it has none, or the packet's
     * {@link InnerType#etherType()}) to the field's value, or to -1 if this header cannot carry
     * it. It is called while the template is built, never at push.
     *
     * @param wordOffset the offset of the 16-bit word in the template
     * @param mask the field's bits in the word, not 0
     * @param code the mapping from EtherType to field value
     * @return this builder
     * @throws IllegalArgumentException if the word is outside this header, or {@code code}
     *     refuses the next header or gives a value wider than the mask
     */
    public Fixups nextProtocol(int wordOffset, int mask, IntUnaryOperator code) {
        Objects.requireNonNull(code, "code");
        requireWithin("nextProtocol wordOffset", wordOffset, 2);
        Check.inRange("mask", mask, 1, 0xFFFF);
        return next(wordOffset, mask, -1, Key.CUSTOM, code);
    }

    /**
     * Declares that this header carries only what has one of these EtherTypes (VXLAN carries
     * Ethernet, 0x6558): a next header with another EtherType is refused, and a template whose
     * innermost header this is accepts only those packets.
     *
     * @param etherTypes the EtherTypes this header carries
     * @return this builder
     * @throws IllegalArgumentException if the next header has none of them, or no
     *     {@link InnerType} has one
     */
    public Fixups carriesOnly(int... etherTypes) {
        Objects.requireNonNull(etherTypes, "etherTypes");
        if (!innermost()) {
            int type = chain[current + 1].etherType();
            if (!contains(etherTypes, type)) {
                throw new IllegalArgumentException(cannotCarry("EtherType " + hex(type)));
            }
            return this;
        }
        for (InnerType t : INNER_TYPES) {
            if (!contains(etherTypes, t.etherType())) {
                acceptMask &= ~(1 << t.ordinal());
            }
        }
        requireSomeAccepted();
        return this;
    }

    private static boolean contains(int[] etherTypes, int type) {
        for (int e : etherTypes) {
            if (e == type && type >= 0) {
                return true;
            }
        }
        return false;
    }

    private Fixups next(int wordOffset, int mask, int checksumOffset, Key key, IntUnaryOperator code) {
        int shift = Integer.numberOfTrailingZeros(mask);
        if (!innermost()) {
            TemplateHeader follower = chain[current + 1];
            int value = switch (key) {
                case IP_PROTOCOL -> follower.ipProtocol();
                case ETHER_TYPE -> follower.etherType();
                case UDP_PORT -> follower.udpPort();
                case CUSTOM -> code.applyAsInt(follower.etherType());
            };
            if (value < 0) {
                throw new IllegalArgumentException(cannotCarry(switch (key) {
                    case IP_PROTOCOL -> "no IP protocol number (ipProtocol() is -1)";
                    case ETHER_TYPE -> "no EtherType (etherType() is -1)";
                    case UDP_PORT -> "no UDP port (udpPort() is -1)";
                    case CUSTOM -> "a code this header has none for (EtherType " + hex(follower.etherType()) + ")";
                }));
            }
            patches.add(wordOffset, mask, fit(value, shift, mask));
            return this;
        }
        int[] values = new int[INNER_TYPES.length];
        for (InnerType t : INNER_TYPES) {
            int value = switch (key) {
                case IP_PROTOCOL -> t.ipProtocol();
                case ETHER_TYPE -> t.etherType();
                case UDP_PORT -> t.udpPort();
                case CUSTOM -> code.applyAsInt(t.etherType());
            };
            if (value < 0) {
                acceptMask &= ~(1 << t.ordinal());
            } else {
                values[t.ordinal()] = fit(value, shift, mask);
            }
        }
        requireSomeAccepted();
        patches.add(wordOffset, mask, 0);
        emit(PHASE_NEXT, Program.NEXT_PROTOCOL, wordOffset, mask, values[0], values[1], values[2], values[3],
                checksumOffset);
        return this;
    }

    private static int fit(int value, int shift, int mask) {
        long shifted = (long) value << shift;
        if ((shifted & ~mask) != 0) {
            throw new IllegalArgumentException("next protocol value: " + value + " (expected: fits mask 0x"
                    + Integer.toHexString(mask) + ")");
        }
        return (int) shifted;
    }

    private void requireSomeAccepted() {
        if (acceptMask == 0) {
            throw new IllegalArgumentException(where() + ": the innermost header carries no packet type"
                    + " (expected: at least one of IPV4, IPV6, ETHERNET, MPLS)");
        }
    }

    // ---------------------------------------------------------------- IP

    /**
     * Declares an IP header at {@code offset}, told by the version nibble this header wrote
     * there. IPv4 (RFC 791 §3.1; any options the header wrote count): Protocol from the chain,
     * Total Length and Header Checksum precomputed for an empty packet, and at push the
     * packet's length added with an incremental checksum update (RFC 1624 eqn. 3). IPv6 (RFC
     * 8200 §3, without extension headers): Next Header from the chain, Payload Length likewise.
     *
     * @param offset the IP header's offset in the template
     * @return this builder
     * @throws IllegalArgumentException if the octets there are not a whole IPv4 or IPv6 header
     *     within this header
     */
    public Fixups ipHeader(int offset) {
        int version = version(offset);
        if (version == 4) {
            int headerLength = (Wire.u8(bytes, offset) & 0xF) * 4;
            Check.argument(headerLength >= 20, "IHL", headerLength / 4, "5..15 (RFC 791 §3.1)");
            requireWithin("IPv4 header", offset, headerLength);
            ipv4Headers.add(offset);
            lengthFields.add(4, offset);
            next(offset + 8, 0x00FF, offset + 10, Key.IP_PROTOCOL, null);
            return emit(PHASE_LENGTH, Program.IPV4_LENGTH_CHECKSUM, offset);
        }
        requireWithin("IPv6 header", offset, 40);
        lengthFields.add(6, offset);
        next(offset + 6, 0xFF00, -1, Key.IP_PROTOCOL, null);
        return emit(PHASE_LENGTH, Program.IPV6_PAYLOAD_LENGTH, offset);
    }

    /**
     * Makes the IP header at {@code offset} inherit its TTL (IPv4) or Hop Limit (IPv6) from
     * the nearest IPv4, IPv6 or MPLS header inside it in the chain, or from the packet (the IP
     * packet an Ethernet packet carries, as Linux's {@code ttl inherit}); where there is none,
     * the value the header wrote stays.
     *
     * @param offset the IP header's offset in the template
     * @return this builder
     * @throws IllegalArgumentException if there is no IP header there, or (IPv4) it is not
     *     declared with {@link #ipHeader}
     */
    public Fixups ipTimeToLive(int offset) {
        int version = version(offset);
        if (version == 4) {
            ipv4Fields.add(offset);
        }
        long inner = inner(true);
        if (kind(inner) == Program.KIND_PACKET) {
            needInner(InnerType.IPV4, 9, "ipv4", "Time to Live");
            needInner(InnerType.IPV6, 8, "ipv6", "Hop Limit");
            needInner(InnerType.MPLS, 4, "mpls", "TTL");
        }
        return emit(PHASE_FIELD, Program.IP_TTL, offset, version, kind(inner), (int) inner);
    }

    /**
     * Makes the IP header at {@code offset} copy the DSCP (the uniform model of RFC 2983 §3.1)
     * and the ECN field (by {@code ecn}, RFC 6040 §4.1) of the nearest IPv4 or IPv6 header inside
     * it in the chain, or of the packet (the IP packet an Ethernet packet carries, RFC 9601 §3);
     * a packet without one, or a label stack before it (in the chain or the packet: a labelled
     * packet, as {@link EcnMode} says), leaves the DSCP the header wrote and Not-ECT.
     *
     * @param offset the IP header's offset in the template
     * @param copyDscp whether the DSCP is copied (else the header's own stays: the pipe model)
     * @param ecn the RFC 6040 mode: {@link EcnMode#NORMAL} copies the ECN field,
     *            {@link EcnMode#COMPATIBILITY} leaves the Not-ECT the header must have written
     * @return this builder
     * @throws IllegalArgumentException if there is no IP header there, or (IPv4) it is not
     *     declared with {@link #ipHeader}
     */
    public Fixups ipDscpEcn(int offset, boolean copyDscp, EcnMode ecn) {
        Objects.requireNonNull(ecn, "ecn");
        int version = version(offset);
        int what = (copyDscp ? Program.COPY_DSCP : 0) | (ecn == EcnMode.NORMAL ? Program.COPY_ECN : 0);
        if (what == 0) {
            return this;
        }
        if (version == 4) {
            ipv4Fields.add(offset);
        }
        long inner = inner(false);
        if (inner == LABELLED) {
            return this; // a labelled packet has no DSCP or ECN field to copy: the header's own, Not-ECT
        }
        if (kind(inner) == Program.KIND_PACKET) {
            needInner(InnerType.IPV4, 2, "ipv4", "DSCP");
            needInner(InnerType.IPV6, 2, "ipv6", "Traffic Class");
        }
        return emit(PHASE_FIELD, Program.IP_DSCP_ECN, offset, version, what, kind(inner), (int) inner);
    }

    // ---------------------------------------------------------------- UDP

    /**
     * Declares the UDP header at {@code offset}: its Length (RFC 768) precomputed for an empty
     * packet, and at push the packet's length added.
     *
     * @param offset the UDP header's offset in the template
     * @return this builder
     * @throws IllegalArgumentException if 8 octets there are not within this header
     */
    public Fixups udpLength(int offset) {
        requireWithin("UDP header", offset, 8);
        lengthFields.add(17, offset);
        return emit(PHASE_LENGTH, Program.UDP_LENGTH, offset);
    }

    /**
     * Gives the UDP header at {@code offset} an entropy Source Port: the packet's flow hash
     * mapped onto {@code [min, max]} (RFC 7348 §5, RFC 8086 §3.2.1 and RFC 7510 §3 recommend
     * 49152..65535).
     *
     * @param offset the UDP header's offset in the template
     * @param min the lowest port
     * @param max the highest port
     * @return this builder
     * @throws IllegalArgumentException if the range is not within 0..65535 or the header not
     *     within this one
     */
    public Fixups udpSourcePort(int offset, int min, int max) {
        Check.inRange("min", min, 0, 0xFFFF);
        Check.inRange("max", max, min, 0xFFFF);
        return flowHashField(offset, 16, 16, min, max);
    }

    /**
     * Makes push compute the Checksum of the UDP header at {@code offset} (RFC 768) over the
     * pseudo-header of the IPv4 or IPv6 header just outside it (RFC 768, RFC 8200 §8.1), the
     * rest of the template and the packet.
     *
     * @param offset the UDP header's offset in the template
     * @return this builder
     * @throws IllegalArgumentException if the header just outside this one is not IPv4 or IPv6
     */
    public Fixups udpChecksum(int offset) {
        requireWithin("UDP header", offset, 8);
        int version = enclosingIpVersion();
        if (version == 0 || nibble(offsets[current - 1]) != version) {
            throw new IllegalArgumentException(where() + ": a UDP checksum (expected: an IPv4 or IPv6 header just"
                    + " outside, for the pseudo-header)");
        }
        return emit(PHASE_CHECKSUM, Program.UDP_CHECKSUM, offset, offsets[current - 1], version);
    }

    // ---------------------------------------------------------------- generic

    /**
     * Writes the packet's flow hash, mapped onto {@code [min, max]} by
     * {@link org.tunnelcodec.core.FlowHash#scale}, into {@code bits} bits at {@code shift} of the
     * big-endian 32-bit word at {@code offset}. The flow hash is computed once per push, only if
     * an instruction needs it, or given by the caller.
     *
     * @param offset the word's offset in the template
     * @param shift the field's lowest bit in the word, 0..31
     * @param bits the field's width, 1..32 - shift
     * @param min the lowest value
     * @param max the highest value, below {@code 2^bits}
     * @return this builder
     * @throws IllegalArgumentException if an operand is out of range or the word is not within
     *     this header
     */
    public Fixups flowHashField(int offset, int shift, int bits, int min, int max) {
        requireWithin("flowHashField offset", offset, 4);
        Check.inRange("shift", shift, 0, 31);
        Check.inRange("bits", bits, 1, 32 - shift);
        Check.inRange("min", min, 0, Integer.MAX_VALUE);
        Check.inRange("max", max, min, bits >= 31 ? Integer.MAX_VALUE : (1 << bits) - 1);
        return emit(PHASE_FIELD, Program.FLOW_HASH_FIELD, offset, shift, bits, min, max);
    }

    /**
     * Makes push write, at {@code fieldOffset}, the Internet checksum (RFC 1071) of everything
     * from {@code fromOffset} to the end of the packet, the field counted as zero: GRE's
     * Checksum (RFC 2784 §2.5).
     *
     * @param fieldOffset the 16-bit field's offset in the template
     * @param fromOffset where the covered octets begin, in this header, not after the field
     * @return this builder
     * @throws IllegalArgumentException if the field or the start is not within this header
     */
    public Fixups checksum(int fieldOffset, int fromOffset) {
        requireWithin("checksum fieldOffset", fieldOffset, 2);
        requireWithin("checksum fromOffset", fromOffset, 1);
        Check.inRange("fromOffset", fromOffset, base, fieldOffset);
        return emit(PHASE_CHECKSUM, Program.CHECKSUM, fieldOffset, fromOffset);
    }

    // ---------------------------------------------------------------- MPLS

    /**
     * Gives {@code entries} label stack entries from {@code offset} the TTL of what they are
     * pushed onto (the uniform model, RFC 3443 §3.1; RFC 3032 §2.4.2, §2.4.3): the nearest IPv4,
     * IPv6 or label stack header inside them in the chain, or the packet's IPv4 TTL, IPv6 Hop
     * Limit or top entry TTL; 255 for a packet without one (an Ethernet pseudowire).
     *
     * @param offset the first entry's offset in the template
     * @param entries the number of entries, at least 1
     * @param skipEntry an entry that keeps its own TTL (an entropy label's 0, RFC 6790 §4.2), or -1
     * @return this builder
     * @throws IllegalArgumentException if the entries are not within this header or
     *     {@code skipEntry} is not one of them
     */
    public Fixups mplsTtl(int offset, int entries, int skipEntry) {
        Check.inRange("entries", entries, 1, (end - base) / 4);
        requireWithin("mplsTtl entries", offset, 4 * entries);
        Check.inRange("skipEntry", skipEntry, -1, entries - 1);
        long inner = inner(true);
        if (kind(inner) == Program.KIND_PACKET) {
            needInner(InnerType.IPV4, 9, "ipv4", "Time to Live");
            needInner(InnerType.IPV6, 8, "ipv6", "Hop Limit");
            needInner(InnerType.MPLS, 4, "mpls", "TTL");
        }
        return emit(PHASE_FIELD, Program.MPLS_TTL, offset, entries, skipEntry, kind(inner), (int) inner);
    }

    // ---------------------------------------------------------------- building

    /** Applies the static fields to the template octets and returns the program. */
    Program build() {
        for (int i = 0; i < patches.size; i += 3) {
            int at = patches.values[i];
            Wire.put16(bytes, at, Wire.u16(bytes, at) & ~patches.values[i + 1] | patches.values[i + 2]);
        }
        int maxInner = Integer.MAX_VALUE;
        for (int i = 0; i < lengthFields.size; i += 2) {
            int kind = lengthFields.values[i];
            int at = lengthFields.values[i + 1];
            int stored = switch (kind) {
                case 4 -> length - at; // Total Length: header and data
                case 6 -> length - at - 40; // Payload Length: what follows the fixed header
                default -> length - at; // UDP Length: header and data
            };
            Wire.put16(bytes, at + (kind == 4 ? 2 : 4), stored);
            maxInner = Math.min(maxInner, 0xFFFF - stored);
        }
        for (int i = 0; i < ipv4Headers.size; i++) {
            int at = ipv4Headers.values[i];
            int headerLength = (Wire.u8(bytes, at) & 0xF) * 4;
            Wire.put16(bytes, at + 10, 0);
            Wire.put16(bytes, at + 10, InternetChecksum.checksum(bytes, at, headerLength, 0)); // RFC 791 §3.1
        }
        int[] all = instructions.values;
        int size = 0;
        for (int i = 0; i < instructions.size; i += 3 + Program.OPERANDS[all[i + 2]]) {
            size += 1 + Program.OPERANDS[all[i + 2]];
        }
        int[] code = new int[size];
        int pc = 0;
        for (int h = chain.length - 1; h >= 0; h--) {
            for (int phase = PHASE_NEXT; phase <= PHASE_CHECKSUM; phase++) {
                for (int i = 0; i < instructions.size; i += 3 + Program.OPERANDS[all[i + 2]]) {
                    if (all[i] == h && all[i + 1] == phase) {
                        int n = 1 + Program.OPERANDS[all[i + 2]];
                        System.arraycopy(all, i + 2, code, pc, n);
                        pc += n;
                    }
                }
            }
        }
        for (int t = 0; t < minInner.length; t++) {
            if (minInner[t] == 0) {
                minInnerProtocol[t] = "";
                minInnerField[t] = "";
            }
        }
        return new Program(length, acceptMask, code, maxInner, minInner, minInnerProtocol, minInnerField);
    }

    /** Adds an instruction of the current header; only as many operands as the opcode takes are kept. */
    private Fixups emit(int phase, int op, int a) {
        return emit(phase, op, a, 0, 0, 0, 0, 0, 0);
    }

    private Fixups emit(int phase, int op, int a, int b) {
        return emit(phase, op, a, b, 0, 0, 0, 0, 0);
    }

    private Fixups emit(int phase, int op, int a, int b, int c) {
        return emit(phase, op, a, b, c, 0, 0, 0, 0);
    }

    private Fixups emit(int phase, int op, int a, int b, int c, int d) {
        return emit(phase, op, a, b, c, d, 0, 0, 0);
    }

    private Fixups emit(int phase, int op, int a, int b, int c, int d, int e) {
        return emit(phase, op, a, b, c, d, e, 0, 0);
    }

    private Fixups emit(int phase, int op, int a, int b, int c, int d, int e, int f, int g) {
        instructions.add(current, phase, op);
        int n = Program.OPERANDS[op];
        instructions.add(a, n > 1 ? b : Integer.MIN_VALUE, n > 2 ? c : Integer.MIN_VALUE);
        instructions.add(n > 3 ? d : Integer.MIN_VALUE, n > 4 ? e : Integer.MIN_VALUE, n > 5 ? f : Integer.MIN_VALUE);
        instructions.add(n > 6 ? g : Integer.MIN_VALUE);
        instructions.size -= 7 - n; // keep the opcode's operands only
        return this;
    }

    /** What {@link #inner} returns for a DS field when a label stack comes first. */
    private static final long LABELLED = -1;

    /**
     * The header an IP_TTL, IP_DSCP_ECN or MPLS_TTL copies from: the first header after this
     * one that is an IPv4 or IPv6 header or a label stack, or the packet. A TTL is copied from a
     * label stack; a DS field is not ({@link #LABELLED}): the packet inside the stack is a
     * labelled packet, whose DSCP and ECN an IP header outside it does not see, the same
     * whether the labels come from the template or from the packet.
     */
    private long inner(boolean ttl) {
        for (int j = current + 1; j < chain.length; j++) {
            int type = chain[j].etherType();
            if (type == 0x0800 && nibble(offsets[j]) == 4) {
                return (long) Program.KIND_IPV4 << 32 | offsets[j];
            }
            if (type == 0x86DD && nibble(offsets[j]) == 6) {
                return (long) Program.KIND_IPV6 << 32 | offsets[j];
            }
            if (type == 0x8847) {
                return ttl ? (long) Program.KIND_MPLS << 32 | offsets[j] : LABELLED;
            }
        }
        return (long) Program.KIND_PACKET << 32;
    }

    private static int kind(long inner) {
        return (int) (inner >>> 32);
    }

    private void needInner(InnerType type, int octets, String protocol, String field) {
        if (octets > minInner[type.ordinal()]) {
            minInner[type.ordinal()] = octets;
            minInnerProtocol[type.ordinal()] = protocol;
            minInnerField[type.ordinal()] = field;
        }
    }

    private int nibble(int offset) {
        return Wire.u8(bytes, offset) >>> 4;
    }

    private int version(int offset) {
        requireWithin("IP header", offset, 1);
        int version = Wire.u8(bytes, offset) >>> 4;
        if (version == 4 || version == 6 && offset + 40 <= end) {
            return version;
        }
        throw new IllegalArgumentException(where() + ": version nibble at offset " + offset + ": " + version
                + " (expected: an IPv4 or IPv6 header written there)");
    }

    private void requireWithin(String what, int offset, int octets) {
        if (offset < base || (long) offset + octets > end) {
            throw new IllegalArgumentException(what + ": " + offset + ".." + ((long) offset + octets - 1)
                    + " (expected: within " + base + ".." + (end - 1) + ", " + where() + ")");
        }
    }

    private String where() {
        return "chain[" + current + "] " + chain[current].getClass().getSimpleName();
    }

    private String cannotCarry(String why) {
        return where() + " cannot carry chain[" + (current + 1) + "] " + chain[current + 1].getClass().getSimpleName()
                + ": it has " + why;
    }

    private static String hex(int value) {
        return value < 0 ? "-1" : String.format("0x%04X", value);
    }

    /** A growable int array. */
    private static final class Ints {
        private static final int[] NONE = {};

        int[] values;
        int size;

        Ints(int capacity) {
            values = capacity == 0 ? NONE : new int[capacity];
        }

        void add(int a) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, Math.max(8, size * 2));
            }
            values[size++] = a;
        }

        void add(int a, int b) {
            add(a);
            add(b);
        }

        void add(int a, int b, int c) {
            add(a);
            add(b);
            add(c);
        }

        boolean contains(int v) {
            for (int i = 0; i < size; i++) {
                if (values[i] == v) {
                    return true;
                }
            }
            return false;
        }
    }
}
