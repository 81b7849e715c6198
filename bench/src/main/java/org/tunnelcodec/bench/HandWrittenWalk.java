package org.tunnelcodec.bench;

import java.nio.ByteBuffer;

/**
 * The hand-written layer walk the dissector is measured against: absolute reads on a
 * big-endian buffer, from Ethernet through every header it knows, reading each header's length
 * and next-protocol field and nothing else. It allocates nothing: each layer goes into a
 * caller's {@code int[]} as four ints ({@link #ID}, {@link #OFFSET}, {@link #HEADER_LENGTH},
 * {@link #PAYLOAD_LENGTH}), and the walk returns the number of layers.
 *
 * <p>What it follows: Ethernet and 802.1Q/802.1ad tags; IPv4 (stops after a fragment); IPv6
 * and its Hop-by-Hop, Routing, Fragment (stops after a fragment) and Destination Options
 * headers; UDP to 4341 (LISP data header, RFC 9300 §5.3, then IP by version nibble) and to 4754
 * (GRE-in-UDP, RFC 8086); TCP to 7471 in a first segment (STT frame header, 18 octets, then
 * Ethernet); GRE (RFC 2784/2890/1701 C, R with its SRE list, K, S; version 1 with A, RFC 2637)
 * to IPv4, IPv6, Ethernet (0x6558), MPLS (0x8847) and WCCP (0x883E: the 4-octet WCCPv2 redirect
 * header, then IP by version nibble); MPLS label stack entries to the bottom of stack, then IP by
 * version nibble; the IPv6 Mobility Header; ICMP and ICMPv6 (the walk ends there).
 *
 * <p>A layer's payload length is the rest of the enclosing length (an IP or UDP length field,
 * else the frame), cut at the end of the buffer: an IPv4 or IPv6 length field that runs past the
 * buffer (an STT first segment carries the start of a longer inner packet) is clamped, not
 * rejected. A header that does not fit, a bad version or a length field too small for its
 * header ends the walk before that layer. It reads {@code [0, limit)} and never moves the buffer.
 */
final class HandWrittenWalk {
    /** Ints per layer in the output array. */
    static final int STRIDE = 4;
    /** Index, within a layer's ints, of the layer id. */
    static final int ID = 0;
    /** Index of the layer's offset in the frame. */
    static final int OFFSET = 1;
    /** Index of the layer's header length. */
    static final int HEADER_LENGTH = 2;
    /** Index of the layer's payload length. */
    static final int PAYLOAD_LENGTH = 3;
    /** The most layers one walk records. */
    static final int MAX_LAYERS = 32;
    /** Most GRE source route entries walked (RFC 1701 routing). */
    static final int MAX_SRE = 16;

    static final int NONE = 0;
    static final int ETHERNET = 1;
    static final int VLAN = 2;
    static final int IPV4 = 3;
    static final int IPV6 = 4;
    static final int IPV6_HOP_BY_HOP = 5;
    static final int IPV6_ROUTING = 6;
    static final int IPV6_FRAGMENT = 7;
    static final int IPV6_DESTINATION_OPTIONS = 8;
    static final int UDP = 9;
    static final int TCP = 10;
    static final int GRE = 11;
    static final int WCCP = 12;
    static final int MPLS = 13;
    static final int LISP = 14;
    static final int STT = 15;
    static final int MOBILITY = 16;
    static final int ICMP = 17;
    static final int ICMPV6 = 18;

    private static final String[] NAMES = {"None", "Ethernet", "802.1Q", "IPv4", "IPv6", "Hop-by-Hop",
        "Routing", "Fragment", "Destination Options", "UDP", "TCP", "GRE", "WCCPv2", "MPLS", "LISP", "STT",
        "Mobility Header", "ICMP", "ICMPv6"};

    private static final int LISP_DATA_PORT = 4341; // RFC 9300 §5.3
    private static final int GRE_IN_UDP_PORT = 4754; // RFC 8086 §3
    private static final int STT_PORT = 7471; // draft-davie-stt §4

    private HandWrittenWalk() {
    }

    /** @return the name of layer id {@code id} */
    static String name(int id) {
        return id >= 0 && id < NAMES.length ? NAMES[id] : "layer " + id;
    }

    /** @return a new array that holds the most layers a walk records */
    static int[] newLayers() {
        return new int[MAX_LAYERS * STRIDE];
    }

    /**
     * Walks the Ethernet frame in {@code [0, b.limit())}.
     *
     * @param b      the frame, big-endian
     * @param layers where the layers go, {@link #STRIDE} ints each; at least {@link #newLayers()} long
     * @return the number of layers recorded
     */
    static int walk(ByteBuffer b, int[] layers) {
        int end = b.limit();
        int off = 0;
        int next = ETHERNET;
        int n = 0;
        while (next != NONE && n < MAX_LAYERS) {
            int avail = end - off;
            switch (next) {
                case ETHERNET: {
                    if (avail < 14) {
                        return n;
                    }
                    n = put(layers, n, ETHERNET, off, 14, avail - 14);
                    next = byEtherType(b.getShort(off + 12) & 0xFFFF);
                    off += 14;
                    break;
                }
                case VLAN: {
                    if (avail < 4) {
                        return n;
                    }
                    n = put(layers, n, VLAN, off, 4, avail - 4);
                    next = byEtherType(b.getShort(off + 2) & 0xFFFF);
                    off += 4;
                    break;
                }
                case IPV4: {
                    if (avail < 20) {
                        return n;
                    }
                    int first = b.get(off);
                    int ihl = (first & 0x0F) << 2;
                    int total = b.getShort(off + 2) & 0xFFFF;
                    if ((first & 0xF0) != 0x40 || ihl < 20 || total < ihl || ihl > avail) {
                        return n;
                    }
                    end = Math.min(end, off + total);
                    n = put(layers, n, IPV4, off, ihl, end - off - ihl);
                    if ((b.getShort(off + 6) & 0x3FFF) != 0) { // MF or Fragment Offset: RFC 791
                        return n;
                    }
                    next = byIpProtocol(b.get(off + 9) & 0xFF);
                    off += ihl;
                    break;
                }
                case IPV6: {
                    if (avail < 40 || (b.get(off) & 0xF0) != 0x60) {
                        return n;
                    }
                    end = Math.min(end, off + 40 + (b.getShort(off + 4) & 0xFFFF));
                    n = put(layers, n, IPV6, off, 40, end - off - 40);
                    next = byIpProtocol(b.get(off + 6) & 0xFF);
                    off += 40;
                    break;
                }
                case IPV6_HOP_BY_HOP:
                case IPV6_ROUTING:
                case IPV6_DESTINATION_OPTIONS: {
                    if (avail < 8) {
                        return n;
                    }
                    int length = ((b.get(off + 1) & 0xFF) + 1) << 3; // RFC 8200 §4.3: 8-octet units after the first 8
                    if (length > avail) {
                        return n;
                    }
                    n = put(layers, n, next, off, length, avail - length);
                    next = byIpProtocol(b.get(off) & 0xFF);
                    off += length;
                    break;
                }
                case IPV6_FRAGMENT: {
                    if (avail < 8) {
                        return n;
                    }
                    n = put(layers, n, IPV6_FRAGMENT, off, 8, avail - 8);
                    if ((b.getShort(off + 2) & 0xFFF9) != 0) { // Fragment Offset or M: RFC 8200 §4.5
                        return n;
                    }
                    next = byIpProtocol(b.get(off) & 0xFF);
                    off += 8;
                    break;
                }
                case UDP: {
                    if (avail < 8) {
                        return n;
                    }
                    int length = b.getShort(off + 4) & 0xFFFF;
                    if (length < 8) {
                        return n;
                    }
                    end = Math.min(end, off + length);
                    n = put(layers, n, UDP, off, 8, end - off - 8);
                    int port = b.getShort(off + 2) & 0xFFFF;
                    next = port == LISP_DATA_PORT ? LISP : port == GRE_IN_UDP_PORT ? GRE : NONE;
                    off += 8;
                    break;
                }
                case TCP: {
                    if (avail < 20) {
                        return n;
                    }
                    int length = (b.get(off + 12) & 0xF0) >>> 2; // Data Offset, 32-bit words
                    if (length < 20 || length > avail) {
                        return n;
                    }
                    n = put(layers, n, TCP, off, length, avail - length);
                    // STT: the low 16 bits of the Sequence Number are the fragment offset; the
                    // frame header is only in the segment at offset 0 (draft-davie-stt §3.3).
                    next = (b.getShort(off + 2) & 0xFFFF) == STT_PORT && b.getShort(off + 6) == 0 ? STT : NONE;
                    off += length;
                    break;
                }
                case STT: {
                    if (avail < 18) {
                        return n;
                    }
                    n = put(layers, n, STT, off, 18, avail - 18);
                    next = ETHERNET;
                    off += 18;
                    break;
                }
                case GRE: {
                    if (avail < 4) {
                        return n;
                    }
                    int flags = b.getShort(off) & 0xFFFF;
                    int version = flags & 0x7;
                    int length = 4;
                    if ((flags & 0xC000) != 0) { // C or R: Checksum and Offset, RFC 1701
                        length += 4;
                    }
                    if ((flags & 0x2000) != 0) { // K
                        length += 4;
                    }
                    if ((flags & 0x1000) != 0) { // S
                        length += 4;
                    }
                    if (version == 1 && (flags & 0x0080) != 0) { // A, RFC 2637 §4.1
                        length += 4;
                    } else if (version > 1) {
                        return n;
                    }
                    if ((flags & 0x4000) != 0) { // R: SREs up to the NULL SRE, RFC 1701 §2.1
                        int sre = 0;
                        while (true) {
                            if (length + 4 > avail || ++sre > MAX_SRE) {
                                return n;
                            }
                            int sreLength = b.get(off + length + 3) & 0xFF;
                            boolean nullSre = b.getShort(off + length) == 0 && sreLength == 0;
                            length += 4 + sreLength;
                            if (nullSre) {
                                break;
                            }
                        }
                    }
                    if (length > avail) {
                        return n;
                    }
                    n = put(layers, n, GRE, off, length, avail - length);
                    int protocolType = b.getShort(off + 2) & 0xFFFF;
                    next = version == 1 ? NONE : protocolType == 0x883E ? WCCP : byEtherType(protocolType);
                    off += length;
                    break;
                }
                case WCCP: {
                    if (avail < 4) {
                        return n;
                    }
                    n = put(layers, n, WCCP, off, 4, avail - 4);
                    off += 4;
                    next = avail > 4 ? byVersionNibble(b.get(off)) : NONE;
                    break;
                }
                case LISP: {
                    if (avail < 8) {
                        return n;
                    }
                    n = put(layers, n, LISP, off, 8, avail - 8);
                    off += 8;
                    next = avail > 8 ? byVersionNibble(b.get(off)) : NONE;
                    break;
                }
                case MPLS: {
                    if (avail < 4) {
                        return n;
                    }
                    n = put(layers, n, MPLS, off, 4, avail - 4);
                    boolean bottom = (b.get(off + 2) & 0x01) != 0; // S bit, RFC 3032 §2.1
                    off += 4;
                    next = !bottom ? MPLS : avail > 4 ? byVersionNibble(b.get(off)) : NONE;
                    break;
                }
                case MOBILITY: {
                    if (avail < 8) {
                        return n;
                    }
                    int length = ((b.get(off + 1) & 0xFF) + 1) << 3; // Header Len, RFC 6275 §6.1.1
                    if (length > avail) {
                        return n;
                    }
                    n = put(layers, n, MOBILITY, off, length, avail - length);
                    next = NONE;
                    break;
                }
                case ICMP:
                case ICMPV6: {
                    if (avail < 8) {
                        return n;
                    }
                    n = put(layers, n, next, off, 8, avail - 8);
                    next = NONE;
                    break;
                }
                default:
                    return n;
            }
        }
        return n;
    }

    private static int put(int[] layers, int n, int id, int offset, int headerLength, int payloadLength) {
        int i = n * STRIDE;
        layers[i + ID] = id;
        layers[i + OFFSET] = offset;
        layers[i + HEADER_LENGTH] = headerLength;
        layers[i + PAYLOAD_LENGTH] = payloadLength;
        return n + 1;
    }

    private static int byEtherType(int etherType) {
        switch (etherType) {
            case 0x0800:
                return IPV4;
            case 0x86DD:
                return IPV6;
            case 0x8100:
            case 0x88A8:
                return VLAN;
            case 0x8847:
            case 0x8848:
                return MPLS;
            case 0x6558:
                return ETHERNET;
            default:
                return NONE;
        }
    }

    private static int byIpProtocol(int protocol) {
        switch (protocol) {
            case 0:
                return IPV6_HOP_BY_HOP;
            case 1:
                return ICMP;
            case 4:
                return IPV4;
            case 6:
                return TCP;
            case 17:
                return UDP;
            case 41:
                return IPV6;
            case 43:
                return IPV6_ROUTING;
            case 44:
                return IPV6_FRAGMENT;
            case 47:
                return GRE;
            case 58:
                return ICMPV6;
            case 60:
                return IPV6_DESTINATION_OPTIONS;
            case 135:
                return MOBILITY;
            case 137:
                return MPLS;
            default:
                return NONE;
        }
    }

    private static int byVersionNibble(byte first) {
        switch ((first & 0xF0) >>> 4) {
            case 4:
                return IPV4;
            case 6:
                return IPV6;
            default:
                return NONE;
        }
    }
}
