package org.tunnelcodec.core.encap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.tunnelcodec.core.FlowHash;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.transport.UdpEncoder;

/**
 * A compiled fixup program and the facts push checks before it writes, with the interpreter.
 * Immutable; equal programs are interchangeable, which is what lets a {@link TemplateStore}
 * keep one copy of each. Offsets in the code count from the template's first octet.
 *
 * <p>The code is a sequence of instructions, an opcode followed by a fixed number of operands
 * (see {@link Fixups} for the vocabulary). The instructions of the innermost header come first,
 * so that a header that copies a field from the header inside it, or checksums it, sees it
 * final.
 */
final class Program {
    static final int NEXT_PROTOCOL = 1;
    static final int IPV4_LENGTH_CHECKSUM = 2;
    static final int IPV6_PAYLOAD_LENGTH = 3;
    static final int UDP_LENGTH = 4;
    static final int IP_TTL = 5;
    static final int IP_DSCP_ECN = 6;
    static final int FLOW_HASH_FIELD = 7;
    static final int UDP_CHECKSUM = 8;
    static final int CHECKSUM = 9;
    static final int MPLS_TTL = 10;

    /** Operands after the opcode, by opcode. */
    static final int[] OPERANDS = {0, 7, 1, 1, 1, 4, 5, 5, 3, 2, 5};
    static final String[] NAMES = {"", "NEXT_PROTOCOL", "IPV4_LENGTH_CHECKSUM", "IPV6_PAYLOAD_LENGTH", "UDP_LENGTH",
        "IP_TTL", "IP_DSCP_ECN", "FLOW_HASH_FIELD", "UDP_CHECKSUM", "CHECKSUM", "MPLS_TTL"};

    /** Where an instruction reads the TTL or DSCP/ECN it copies: a header of the template, or the packet. */
    static final int KIND_IPV4 = 0;
    static final int KIND_IPV6 = 1;
    static final int KIND_MPLS = 2;
    static final int KIND_PACKET = 3;

    /** IP_DSCP_ECN flags. */
    static final int COPY_DSCP = 1;
    static final int COPY_ECN = 2;

    /** precheck results. */
    static final int OK = 0;
    static final int NOT_ACCEPTED = 1;
    static final int NO_HEADROOM = 2;
    static final int TOO_LONG = 3;
    static final int TOO_SHORT = 4;

    /** The TTL a label stack entry takes over a payload without one (MplsTtlModel.MAX_TTL). */
    private static final int MPLS_NO_TTL = 255;
    /** The deepest label stack the flow hash walks to find the packet below an MPLS inner packet. */
    private static final int MPLS_HASH_DEPTH = 32;

    final int length;
    final int acceptMask;
    final int[] code;
    final boolean needsHash;
    /** The longest packet the template's length fields can describe. */
    final int maxInner;
    /** By InnerType ordinal: the octets of the packet the program reads, 0 if none. */
    final int[] minInner;
    final String[] minInnerProtocol;
    final String[] minInnerField;
    private final int hash;
    /**
     * Whether the program has the fused form ({@link #fusedForm}), run by {@link #runFused}.
     */
    private final boolean fused;
    /** In the fused form, the offset of the one IPv4 header, or -1 if there is none. */
    private final int fusedIp;
    /** In the fused form, the position in the code of each instruction it has, or -1. */
    private final int fusedDs;
    private final int fusedTtl;
    private final int fusedUdp;
    private final int fusedHash;
    private final int fusedNext;
    private final int fusedMplsTtl;

    Program(int length, int acceptMask, int[] code, int maxInner, int[] minInner, String[] minInnerProtocol,
            String[] minInnerField) {
        this.length = length;
        this.acceptMask = acceptMask;
        this.code = code;
        this.maxInner = maxInner;
        this.minInner = minInner;
        this.minInnerProtocol = minInnerProtocol;
        this.minInnerField = minInnerField;
        boolean hashes = false;
        for (int pc = 0; pc < code.length; pc += 1 + OPERANDS[code[pc]]) {
            hashes |= code[pc] == FLOW_HASH_FIELD;
        }
        this.needsHash = hashes;
        this.hash = 31 * (31 * length + acceptMask) + Arrays.hashCode(code);
        int[] f = fusedForm(code);
        this.fused = f != null;
        f = f == null ? new int[] {-1, -1, -1, -1, -1, -1, -1} : f;
        this.fusedIp = f[0] < 0 ? -1 : code[f[0] + 1];
        this.fusedDs = f[1];
        this.fusedTtl = f[2];
        this.fusedUdp = f[3];
        this.fusedHash = f[4];
        this.fusedNext = f[5];
        this.fusedMplsTtl = f[6];
    }

    /**
     * Whether the program has the fused form, and where its instructions are. The fused form
     * has at most one instruction of each of these kinds: a next-protocol word without a
     * checksum, a label stack's TTLs and a flow-hash field, both taken from the packet, a UDP
     * length, and one IPv4 header (its lengths and checksum, with its DSCP/ECN and TTL taken
     * from the packet if at all); no field written twice except the bottom entry's next-protocol
     * word and its TTL, written in that order as the interpreter writes them; nothing else
     * inside the IPv4 header. VXLAN, VXLAN-GPE, Geneve, GRE-in-UDP, MPLS-in-UDP, GRE over IPv4
     * and label-stack templates have it. Those instructions read only the packet and their own
     * fields, so they can run in a fixed order, and the changes to the IPv4 header can be
     * checksummed in one RFC 1624 update.
     *
     * @return the code positions of IPV4_LENGTH_CHECKSUM, IP_DSCP_ECN, IP_TTL, UDP_LENGTH,
     *     FLOW_HASH_FIELD, NEXT_PROTOCOL and MPLS_TTL, -1 for an absent one; {@code null} if the
     *     program has another form
     */
    private static int[] fusedForm(int[] code) {
        int[] f = {-1, -1, -1, -1, -1, -1, -1};
        for (int pc = 0; pc < code.length; pc += 1 + OPERANDS[code[pc]]) {
            int slot = switch (code[pc]) {
                case IPV4_LENGTH_CHECKSUM -> 0;
                case IP_DSCP_ECN -> code[pc + 2] == 4 && code[pc + 4] == KIND_PACKET ? 1 : -1;
                case IP_TTL -> code[pc + 2] == 4 && code[pc + 3] == KIND_PACKET ? 2 : -1;
                case UDP_LENGTH -> 3;
                case FLOW_HASH_FIELD -> 4;
                case NEXT_PROTOCOL -> code[pc + 7] < 0 ? 5 : -1;
                case MPLS_TTL -> code[pc + 4] == KIND_PACKET ? 6 : -1;
                default -> -1;
            };
            if (slot < 0 || f[slot] >= 0) {
                return null;
            }
            f[slot] = pc;
        }
        int ip = f[0] < 0 ? -1 : code[f[0] + 1];
        if (ip < 0 ? f[1] >= 0 || f[2] >= 0
                : f[1] >= 0 && code[f[1] + 1] != ip || f[2] >= 0 && code[f[2] + 1] != ip
                        || f[3] >= 0 && overlaps(code[f[3] + 1] + 4, 2, ip, 20)
                        || f[4] >= 0 && overlaps(code[f[4] + 1], 4, ip, 20)
                        || f[5] >= 0 && overlaps(code[f[5] + 1], 2, ip, 20)
                        || f[6] >= 0 && overlaps(code[f[6] + 1], 4 * code[f[6] + 2], ip, 20)) {
            return null;
        }
        int hash = f[4] < 0 ? -1 : code[f[4] + 1];
        if (hash >= 0 && (f[5] >= 0 && overlaps(code[f[5] + 1], 2, hash, 4)
                || f[3] >= 0 && overlaps(code[f[3] + 1] + 4, 2, hash, 4))) {
            return null;
        }
        if (f[6] >= 0) {
            int stack = code[f[6] + 1];
            int skip = code[f[6] + 3];
            for (int i = 0, n = code[f[6] + 2]; i < n; i++) {
                int ttlAt = stack + 4 * i + 3;
                if (i != skip && (hash >= 0 && overlaps(ttlAt, 1, hash, 4)
                        || f[3] >= 0 && overlaps(ttlAt, 1, code[f[3] + 1] + 4, 2))) {
                    return null;
                }
            }
        }
        return f;
    }

    /** Whether {@code [at, at + size)} and {@code [from, from + length)} share an octet. */
    private static boolean overlaps(int at, int size, int from, int length) {
        return at < from + length && at + size > from;
    }

    boolean accepts(InnerType inner) {
        return (acceptMask & 1 << inner.ordinal()) != 0;
    }

    /**
     * Checks, before anything is written, what the template needs of the packet and the buffer;
     * the range is already within the buffer.
     */
    int precheck(int innerIndex, int innerEnd, InnerType inner) {
        if ((acceptMask & 1 << inner.ordinal()) == 0) {
            return NOT_ACCEPTED;
        }
        if (innerIndex < length) {
            return NO_HEADROOM;
        }
        int innerLength = innerEnd - innerIndex;
        if (innerLength > maxInner) {
            return TOO_LONG;
        }
        if (innerLength < minInner[inner.ordinal()]) {
            return TOO_SHORT;
        }
        return OK;
    }

    RuntimeException failure(int check, int innerIndex, int innerEnd, InnerType inner) {
        return switch (check) {
            case NOT_ACCEPTED -> new IllegalArgumentException("inner: " + inner + " (expected: one of "
                    + acceptedNames() + ", what the template's innermost header carries)");
            case NO_HEADROOM -> new IndexOutOfBoundsException("headroom: " + innerIndex + " (expected: >= " + length
                    + ", the template's length)");
            case TOO_LONG -> new IllegalArgumentException("inner length: " + (innerEnd - innerIndex)
                    + " (expected: 0.." + maxInner + ", the longest packet the template's length fields describe)");
            default -> MalformedPacketException.truncated(minInnerProtocol[inner.ordinal()],
                    minInnerField[inner.ordinal()], 0, minInner[inner.ordinal()], innerEnd - innerIndex);
        };
    }

    String acceptedNames() {
        StringBuilder sb = new StringBuilder("[");
        for (InnerType t : InnerType.values()) {
            if (accepts(t)) {
                sb.append(sb.length() == 1 ? "" : ", ").append(t);
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Runs the program over a template already copied to {@code [start, innerIndex)}: every
     * read and write lies in {@code [start, innerEnd)}, which {@link #precheck} allowed.
     *
     * @return {@code start}
     */
    int run(ByteBuffer buf, int start, int innerIndex, int innerEnd, InnerType inner, int flowHash,
            boolean haveHash) {
        return fused ? runFused(buf, start, innerIndex, innerEnd, inner, flowHash, haveHash)
                : runInterpreted(buf, start, innerIndex, innerEnd, inner, flowHash, haveHash);
    }

    /** Whether {@link #run} takes the fused form. */
    boolean isFused() {
        return fused;
    }

    /**
     * The fused form ({@link #fusedForm}): the same octets as {@link #runInterpreted}, written
     * by straight-line code, with one checksum update for every change to the IPv4 header (RFC
     * 1624 eqn. 3 summed over the changed words, which is the same as applying it word by word).
     */
    private int runFused(ByteBuffer buf, int start, int innerIndex, int innerEnd, InnerType inner, int flowHash,
                         boolean haveHash) {
        int[] c = code;
        int innerLength = innerEnd - innerIndex;
        int pc = fusedNext;
        if (pc >= 0) {
            int at = start + c[pc + 1];
            Wire.put16(buf, at, Wire.u16(buf, at) & ~c[pc + 2] | c[pc + 3 + inner.ordinal()]);
        }
        if (fusedMplsTtl >= 0) {
            fusedMplsTtl(buf, start, innerIndex, innerEnd, inner);
        }
        pc = fusedHash;
        if (pc >= 0) {
            int h = haveHash ? flowHash : EncapTemplate.flowHash(buf, innerIndex, innerEnd, inner);
            int at = start + c[pc + 1];
            int shift = c[pc + 2];
            long mask = ((1L << c[pc + 3]) - 1) << shift;
            long value = (long) FlowHash.scale(h, c[pc + 4], c[pc + 5]) << shift;
            Wire.put32(buf, at, Wire.i32(buf, at) & ~mask | value);
        }
        pc = fusedUdp;
        if (pc >= 0) {
            int at = start + c[pc + 1] + 4; // RFC 768 Length
            Wire.put16(buf, at, Wire.u16(buf, at) + innerLength);
        }
        if (fusedIp >= 0) {
            fusedIpv4(buf, start, innerIndex, innerEnd, inner);
        }
        return start;
    }

    /** The label stack's TTLs in the fused form, as MPLS_TTL writes them. */
    private void fusedMplsTtl(ByteBuffer buf, int start, int innerIndex, int innerEnd, InnerType inner) {
        int[] c = code;
        int pc = fusedMplsTtl;
        int ttl = ttl(buf, start, c[pc + 4], c[pc + 5], innerIndex, innerEnd, inner, false);
        if (ttl < 0) {
            ttl = MPLS_NO_TTL;
        }
        int at = start + c[pc + 1] + 3; // RFC 3032 §2.1: TTL, the last octet of each entry
        int n = c[pc + 2];
        int skip = c[pc + 3];
        if (buf.hasArray()) {
            // A heap buffer is written through its array: one array bounds check per store
            // instead of the buffer's index and state checks (precheck bounded the range).
            byte[] a = buf.array();
            int o = buf.arrayOffset() + at;
            for (int i = 0; i < n; i++) {
                if (i != skip) {
                    a[o + 4 * i] = (byte) ttl;
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            if (i != skip) {
                Wire.put8(buf, at + 4 * i, ttl);
            }
        }
    }

    /** The IPv4 header in the fused form: lengths, DSCP/ECN, TTL, one checksum update. */
    private void fusedIpv4(ByteBuffer buf, int start, int innerIndex, int innerEnd, InnerType inner) {
        int[] c = code;
        int innerLength = innerEnd - innerIndex;
        int ip = start + fusedIp;
        int word = Wire.i32(buf, ip); // RFC 791 §3.1: Version, IHL, Type of Service; Total Length
        int oldFirst = word >>> 16;
        int oldTotal = word & 0xFFFF;
        int first = oldFirst;
        int pc = fusedDs;
        if (pc >= 0) {
            int tos = tos(buf, start, c[pc + 4], c[pc + 5], innerIndex, innerEnd, inner);
            if (tos >= 0) {
                int keep = ((c[pc + 3] & COPY_DSCP) != 0 ? 0 : 0xFC) | ((c[pc + 3] & COPY_ECN) != 0 ? 0 : 0x03);
                first = oldFirst & (0xFF00 | keep) | tos & ~keep & 0xFF;
            }
        }
        int total = oldTotal + innerLength;
        Wire.put32(buf, ip, (long) first << 16 | total);
        // The words that changed, as RFC 1624 eqn. 3 adds them (~m + m'), and the checksum's
        // complement: one fold of the sum is the new checksum's complement.
        int third = Wire.i32(buf, ip + 8); // Time to Live, Protocol; Header Checksum
        int oldTtlWord = third >>> 16;
        int ttlWord = oldTtlWord;
        pc = fusedTtl;
        if (pc >= 0) {
            int ttl = ttl(buf, start, c[pc + 3], c[pc + 4], innerIndex, innerEnd, inner, true);
            if (ttl >= 0) {
                ttlWord = ttl << 8 | oldTtlWord & 0xFF;
            }
        }
        long sum = (~third & 0xFFFF) + (first != oldFirst ? (~oldFirst & 0xFFFF) + first : 0)
                + (total != oldTotal ? (~oldTotal & 0xFFFF) + total : 0)
                + (ttlWord != oldTtlWord ? (~oldTtlWord & 0xFFFF) + ttlWord : 0);
        int checksum = first == oldFirst && total == oldTotal && ttlWord == oldTtlWord ? third & 0xFFFF
                : ~InternetChecksum.fold(sum) & 0xFFFF;
        Wire.put32(buf, ip + 8, (long) ttlWord << 16 | checksum);
    }

    /** Runs the program instruction by instruction; see {@link #run}. */
    int runInterpreted(ByteBuffer buf, int start, int innerIndex, int innerEnd, InnerType inner, int flowHash,
                       boolean haveHash) {
        int[] c = code;
        int innerLength = innerEnd - innerIndex;
        int h = flowHash;
        boolean hashed = haveHash;
        int pc = 0;
        while (pc < c.length) {
            int op = c[pc];
            switch (op) {
                case NEXT_PROTOCOL -> {
                    int at = start + c[pc + 1];
                    int old = Wire.u16(buf, at);
                    int word = old & ~c[pc + 2] | c[pc + 3 + inner.ordinal()];
                    Wire.put16(buf, at, word);
                    if (c[pc + 7] >= 0) {
                        updateChecksum(buf, start + c[pc + 7], old, word);
                    }
                }
                case IPV4_LENGTH_CHECKSUM -> {
                    int at = start + c[pc + 1];
                    int old = Wire.u16(buf, at + 2);
                    int word = old + innerLength; // RFC 791 §3.1: Total Length, header and data
                    Wire.put16(buf, at + 2, word);
                    updateChecksum(buf, at + 10, old, word); // RFC 1624 eqn. 3
                }
                case IPV6_PAYLOAD_LENGTH, UDP_LENGTH -> {
                    int at = start + c[pc + 1] + 4; // RFC 8200 §3 Payload Length; RFC 768 Length
                    Wire.put16(buf, at, Wire.u16(buf, at) + innerLength);
                }
                case IP_TTL -> {
                    int ttl = ttl(buf, start, c[pc + 3], c[pc + 4], innerIndex, innerEnd, inner, true);
                    if (ttl >= 0) {
                        int at = start + c[pc + 1];
                        if (c[pc + 2] == 4) {
                            int old = Wire.u16(buf, at + 8);
                            int word = ttl << 8 | old & 0xFF;
                            Wire.put16(buf, at + 8, word);
                            updateChecksum(buf, at + 10, old, word);
                        } else {
                            Wire.put8(buf, at + 7, ttl);
                        }
                    }
                }
                case IP_DSCP_ECN -> {
                    int tos = tos(buf, start, c[pc + 4], c[pc + 5], innerIndex, innerEnd, inner);
                    if (tos >= 0) {
                        int at = start + c[pc + 1];
                        int keep = ((c[pc + 3] & COPY_DSCP) != 0 ? 0 : 0xFC) | ((c[pc + 3] & COPY_ECN) != 0 ? 0 : 0x03);
                        if (c[pc + 2] == 4) {
                            int old = Wire.u16(buf, at);
                            int word = old & (0xFF00 | keep) | tos & ~keep & 0xFF;
                            Wire.put16(buf, at, word);
                            updateChecksum(buf, at + 10, old, word);
                        } else {
                            int word = Wire.i32(buf, at);
                            int keepBits = ~(0xFF << 20) | keep << 20;
                            Wire.put32(buf, at, word & keepBits | tos << 20 & ~keepBits);
                        }
                    }
                }
                case FLOW_HASH_FIELD -> {
                    if (!hashed) {
                        h = EncapTemplate.flowHash(buf, innerIndex, innerEnd, inner);
                        hashed = true;
                    }
                    int at = start + c[pc + 1];
                    int shift = c[pc + 2];
                    long mask = ((1L << c[pc + 3]) - 1) << shift;
                    long value = (long) FlowHash.scale(h, c[pc + 4], c[pc + 5]) << shift;
                    Wire.put32(buf, at, Wire.i32(buf, at) & ~mask | value);
                }
                case UDP_CHECKSUM -> {
                    int at = start + c[pc + 1];
                    int ip = start + c[pc + 2];
                    int udpLength = innerEnd - at;
                    int pseudo = c[pc + 3] == 4
                            ? InternetChecksum.sum(buf, ip + 12, 8) // RFC 768: source, destination
                            : InternetChecksum.sum(buf, ip + 8, 32); // RFC 8200 §8.1
                    pseudo = InternetChecksum.add(pseudo, 17 + udpLength); // zero, protocol 17, UDP length
                    UdpEncoder.fillChecksum(buf, at, udpLength, pseudo);
                }
                case CHECKSUM -> {
                    int field = start + c[pc + 1];
                    int from = start + c[pc + 2];
                    Wire.put16(buf, field, 0);
                    Wire.put16(buf, field, InternetChecksum.checksum(buf, from, innerEnd - from, 0));
                }
                case MPLS_TTL -> {
                    int ttl = ttl(buf, start, c[pc + 4], c[pc + 5], innerIndex, innerEnd, inner, false);
                    if (ttl < 0) {
                        ttl = MPLS_NO_TTL;
                    }
                    int at = start + c[pc + 1];
                    int skip = c[pc + 3];
                    for (int i = 0, n = c[pc + 2]; i < n; i++) {
                        if (i != skip) {
                            Wire.put8(buf, at + 4 * i + 3, ttl);
                        }
                    }
                }
                default -> throw new IllegalStateException("opcode: " + op);
            }
            pc += 1 + OPERANDS[op];
        }
        return start;
    }

    /** RFC 1624 eqn. 3 on the checksum at {@code at}, for one 16-bit word that changed. */
    private static void updateChecksum(ByteBuffer buf, int at, int oldWord, int newWord) {
        if (oldWord != newWord) {
            Wire.put16(buf, at, InternetChecksum.update(Wire.u16(buf, at), oldWord, newWord));
        }
    }

    /**
     * The TTL (IPv4), Hop Limit (IPv6) or TTL (label stack entry) of the header an instruction
     * copies from, or -1 if it has none. {@code throughEthernet}: an Ethernet packet gives the
     * TTL of the IP packet it carries (IP headers, as Linux's {@code ip_tunnel_get_ttl} does);
     * otherwise none (label stacks, as {@code MplsPush} does for a pseudowire).
     */
    private static int ttl(ByteBuffer buf, int start, int kind, int offset, int innerIndex, int innerEnd,
                           InnerType inner, boolean throughEthernet) {
        int at = start + offset;
        if (kind == KIND_PACKET) {
            at = innerIndex;
            switch (inner) {
                case IPV4 -> kind = KIND_IPV4;
                case IPV6 -> kind = KIND_IPV6;
                case MPLS -> kind = KIND_MPLS;
                default -> {
                    if (!throughEthernet) {
                        return -1;
                    }
                    long ip = ethernetIp(buf, innerIndex, innerEnd, 9);
                    if (ip < 0) {
                        return -1;
                    }
                    kind = (int) (ip >>> 32);
                    at = (int) ip;
                }
            }
        }
        return switch (kind) {
            case KIND_IPV4 -> Wire.u8(buf, at + 8); // RFC 791 §3.1 Time to Live
            case KIND_IPV6 -> Wire.u8(buf, at + 7); // RFC 8200 §3 Hop Limit
            default -> Wire.u8(buf, at + 3); // RFC 3032 §2.1 TTL
        };
    }

    /** The 8-bit DS field with ECN (IPv4 TOS, IPv6 Traffic Class) an instruction copies, or -1. */
    private static int tos(ByteBuffer buf, int start, int kind, int offset, int innerIndex, int innerEnd,
                           InnerType inner) {
        int at = start + offset;
        if (kind == KIND_PACKET) {
            at = innerIndex;
            switch (inner) {
                case IPV4 -> kind = KIND_IPV4;
                case IPV6 -> kind = KIND_IPV6;
                case ETHERNET -> {
                    long ip = ethernetIp(buf, innerIndex, innerEnd, 2);
                    if (ip < 0) {
                        return -1;
                    }
                    kind = (int) (ip >>> 32);
                    at = (int) ip;
                }
                default -> {
                    return -1;
                }
            }
        }
        return kind == KIND_IPV4 ? Wire.u8(buf, at + 1) : Wire.u16(buf, at) >>> 4 & 0xFF;
    }

    /**
     * The IP packet an Ethernet frame carries behind up to two VLAN tags (as
     * {@link FlowHash#ofEthernetFrame} finds it): its kind in the upper 32 bits and its index in
     * the lower, or -1 if the frame carries none or fewer than {@code need} octets of it.
     */
    private static long ethernetIp(ByteBuffer buf, int index, int end, int need) {
        int length = end - index;
        if (length < 14) {
            return -1;
        }
        int typeOffset = 12;
        int type = Wire.u16(buf, index + typeOffset);
        for (int tags = 0; tags < 2 && (type == 0x8100 || type == 0x88A8 || type == 0x9100)
                && typeOffset + 6 <= length; tags++) {
            typeOffset += 4;
            type = Wire.u16(buf, index + typeOffset);
        }
        int ip = typeOffset + 2;
        if (length - ip < need) {
            return -1;
        }
        if (type == 0x0800 && Wire.u8(buf, index + ip) >>> 4 == 4) {
            return (long) KIND_IPV4 << 32 | index + ip;
        }
        if (type == 0x86DD && Wire.u8(buf, index + ip) >>> 4 == 6) {
            return (long) KIND_IPV6 << 32 | index + ip;
        }
        return -1;
    }

    /** The flow hash of a labelled packet: of what follows its bottom of stack, as MplsPush.pushOntoStack takes it. */
    static int mplsFlowHash(ByteBuffer buf, int index, int end) {
        for (int i = index, depth = 0; depth < MPLS_HASH_DEPTH && i + 4 <= end; i += 4, depth++) {
            if ((Wire.u8(buf, i + 2) & 1) != 0) { // RFC 3032 §2.1: S, the bottom of the stack
                return FlowHash.ofIpPacket(buf, i + 4, end - (i + 4));
            }
        }
        return FlowHash.ofIpPacket(buf, index, end - index);
    }

    /** One line per instruction, for {@link EncapTemplate#toString()}. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        for (int pc = 0; pc < code.length; pc += 1 + OPERANDS[code[pc]]) {
            sb.append(sb.length() == 0 ? "" : " ").append(NAMES[code[pc]]).append('(');
            for (int i = 1; i <= OPERANDS[code[pc]]; i++) {
                sb.append(i == 1 ? "" : ",").append(code[pc + i]);
            }
            sb.append(')');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Program p && p.hash == hash && p.length == length && p.acceptMask == acceptMask
                && Arrays.equals(p.code, code);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
