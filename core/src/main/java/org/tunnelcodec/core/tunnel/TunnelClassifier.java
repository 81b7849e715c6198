package org.tunnelcodec.core.tunnel;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.dissect.CoreLayers;
import org.tunnelcodec.core.dissect.FrameWalk;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;
import org.tunnelcodec.core.dissect.ProtocolLayer;
import org.tunnelcodec.core.internal.Wire;
import org.tunnelcodec.core.ip.IpScan;
import org.tunnelcodec.core.link.EthernetDecoder;
import org.tunnelcodec.core.transport.TcpDecoder;
import org.tunnelcodec.core.transport.UdpDecoder;

/**
 * Classifies a received packet as a tunnel packet and extracts its {@link TunnelMetadata} in one
 * allocation-free pass: tunnel type, outer addresses, TOS, TTL, ports, tunnel id, flags, and the
 * inner packet's range, which is the decapsulation.
 *
 * <p>Composed, like the {@link org.tunnelcodec.core.dissect.Dissector}, from the bindings each
 * module contributes, with no global registry:
 * <pre>{@code
 * TunnelClassifier classifier = TunnelClassifier.builder()
 *         .add(CoreTunnels.bindings()).add(GreTunnels.bindings())
 *         .add(SttTunnels.bindings()).add(MplsTunnels.bindings(labels)).build();
 * TunnelMetadata m = new TunnelMetadata();                       // one per thread
 * if (classifier.classify(LinkType.ETHERNET, frame, m) == Verdict.TUNNEL) {
 *     route(m.type(), m.tunnelId(), m.ipv4SourceBits(), ...);     // match
 *     deliver(frame, m.innerIndex(), m.innerLength());             // decapsulate
 * }
 * }</pre>
 *
 * <h2>The walk</h2>
 * <ol>
 *   <li>The link layer: Ethernet with up to 8 VLAN tags ({@code EthernetDecoder.scan}), whose
 *       EtherType leads to the outer IP header or, for a tunnel straight over Ethernet (MPLS),
 *       to an extractor bound to that EtherType; or raw IP.</li>
 *   <li>The outer IPv4 or IPv6 header with {@link IpScan}, the one allocation-free IP walk
 *       (IPv6 extension headers and their options, jumbograms); a fragment is
 *       {@link Verdict#FRAGMENT} (the tunnel header is in the first fragment only, and its
 *       lengths describe the reassembled packet: reassemble, then classify).</li>
 *   <li>When the classifier has UDP (TCP) port bindings and the packet is UDP (TCP): the
 *       transport header with {@code UdpDecoder.checkedLength} ({@code TcpDecoder.headerLength}),
 *       then the extractor bound to the <em>destination</em> port. The source port of a tunnel
 *       packet is flow entropy (RFC 7348 §5, RFC 8086 §3.2, RFC 7510 §3), so unlike the
 *       dissector the classifier never picks an extractor by it. Any other IP protocol: the
 *       extractor bound to it.</li>
 *   <li>The extractor checks its header with its module's decoder checks and describes it. If
 *       it names a further key ({@link TunnelMetadata#next}) that has an extractor, that one
 *       continues in the inner range and the first becomes its {@link TunnelMetadata#carrier()}:
 *       MPLS over GRE is {@link TunnelType#MPLS} carried by {@link TunnelType#GRE}. At most
 *       {@link #MAX_HEADERS} tunnel headers are read; after the last the inner range stands.</li>
 * </ol>
 * A tunnel inside the inner packet is not looked into: classify the inner range again
 * ({@link TunnelMetadata#innerLinkType()}) to peel one more.
 *
 * <h2>The dissector's equivalent</h2>
 * The classifier is the {@link FrameWalk} reduced to what tunnel matching needs, and gives the
 * same answers for the same bytes: its bindings are {@link LayerKey}s in the dissector's key
 * spaces, with the values of the modules' dissector bindings; each header is checked by the
 * same allocation-free check the dissector layer's walk calls (the extractor contract); a
 * packet it calls {@link Verdict#MALFORMED} is one whose walk through the same modules' layers
 * stops malformed at one of those headers, or ends where one of them should start because no
 * octet is left (the walk ends quietly at an empty payload; the classifier, to which the key
 * promised a header, calls it truncated as the header's decoder does); and the inner range is
 * the payload range the
 * dissector gives the innermost tunnel layer (the next layer's offset and range). A data path
 * that already walks frames with a {@link FrameWalk} classifies from the walk's current layer
 * with {@link #classify(FrameWalk, TunnelMetadata)}, at no further cost than the headers from
 * there on; one that only needs the metadata calls the classifier directly and skips the layers
 * it has no use for (it never builds a next key for TCP or UDP it has no binding for, never
 * decodes the inner packet).
 *
 * <h2>Resource limits and hostile input</h2>
 * Never throws for bad bytes: a header that fails its decoder's checks is
 * {@link Verdict#MALFORMED} (the decoder's exception is made and dropped: a malformed packet
 * costs that allocation, as with the dissector's walk; a valid one allocates nothing). Reads
 * nothing outside {@code [index, limit)} and never modifies the buffer, its position or its
 * limit. The walk is bounded: at most 8 VLAN tags, the IPv6 walk's bounds, and
 * {@link #MAX_HEADERS} tunnel headers, with no recursion. Immutable and thread-safe: one
 * classifier serves every receive thread; the {@link TunnelMetadata} is per thread. It keeps no
 * counters (they would be shared mutable state); count the verdicts per thread.
 */
public final class TunnelClassifier {
    /** The outcome of one classification. */
    public enum Verdict {
        /** A tunnel packet: the metadata is filled, the inner range is whole. */
        TUNNEL,
        /**
         * Well-formed as far as read, but no extractor is bound to what the outer header leads
         * to: not a tunnel this classifier knows.
         */
        NOT_A_TUNNEL,
        /**
         * A piece of a larger packet: an outer IP fragment (nothing after the IP header is read;
         * reassemble first), or an STT segment of a frame that spans several (the metadata holds
         * what the segment carries, {@link TunnelMetadata#isPartial()}).
         */
        FRAGMENT,
        /** A header on the way failed its decoder's checks: the outer IP, UDP or TCP, or a tunnel header. */
        MALFORMED
    }

    /** The most tunnel headers one classification reads, a carrier and what it carries included. */
    public static final int MAX_HEADERS = 4;

    private static final int IPV4 = 0x0800;
    private static final int IPV6 = 0x86DD;
    private static final int UDP = 17;
    private static final int TCP = 6;
    private static final int MAX_802_3_LENGTH = 1500;
    private static final int ETHERNET_LENGTH = 14;

    private final Map<LayerKey, TunnelExtractor> bindings;
    /**
     * By space id: extractor number + 1 by key value, with the bindings of the space's fallback
     * chain merged in (its own win), so that one lookup answers a key and its fallbacks;
     * {@code null} for a space the classifier does not know or with nothing bound in its chain.
     */
    private final short[][] direct;
    /** The tables of the spaces the walk looks up itself (empty when nothing is bound there). */
    private final short[] ipProtocols;
    private final short[] udpPorts;
    private final short[] tcpPorts;
    private final TunnelExtractor[] extractors;
    private final LayerKey[] keys;
    private final boolean udpBound;
    private final boolean tcpBound;

    private TunnelClassifier(Map<LayerKey, TunnelExtractor> bindings) {
        this.bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
        if (bindings.size() > Short.MAX_VALUE - 1) {
            throw new IllegalArgumentException("bindings: " + bindings.size() + " (expected: at most "
                    + (Short.MAX_VALUE - 1) + ")");
        }
        KeySpace[] spaces = new KeySpace[KeySpace.MAX_ID + 1];
        List<KeySpace> known = new ArrayList<>(List.of(KeySpace.LINK_TYPE, KeySpace.ETHER_TYPE,
                KeySpace.IP_PROTOCOL, KeySpace.UDP_PORT, KeySpace.TCP_PORT, KeySpace.GRE_PROTOCOL));
        for (LayerKey k : bindings.keySet()) {
            known.add(k.space());
        }
        for (KeySpace first : known) {
            for (KeySpace s = first; s != null; s = s.fallback()) {
                KeySpace old = spaces[s.id()];
                if (old != null && !old.equals(s)) {
                    throw new IllegalArgumentException("key: a key in " + s.name() + " (space id " + s.id()
                            + " is already the space " + old.name() + ")");
                }
                spaces[s.id()] = s;
            }
        }
        extractors = new TunnelExtractor[bindings.size()];
        keys = new LayerKey[bindings.size()];
        short[] numbers = new short[bindings.size()];
        int n = 0;
        for (Map.Entry<LayerKey, TunnelExtractor> e : bindings.entrySet()) {
            extractors[n] = e.getValue();
            keys[n] = e.getKey();
            numbers[n] = (short) ++n;
        }
        direct = new short[KeySpace.MAX_ID + 1][];
        for (KeySpace space : spaces) {
            if (space == null) {
                continue;
            }
            // The fallback chain's bindings first, then the space's own, so that they win.
            List<KeySpace> chain = new ArrayList<>();
            for (KeySpace s = space; s != null; s = s.fallback()) {
                chain.add(0, s);
            }
            short[] table = null;
            for (KeySpace s : chain) {
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i].space().equals(s)) {
                        if (table == null) {
                            table = new short[0x1_0000];
                        }
                        table[keys[i].value()] = numbers[i];
                    }
                }
            }
            if (table != null) {
                int length = 0x1_0000;
                while (length > 1 && table[length - 1] == 0) {
                    length--;
                }
                direct[space.id()] = Arrays.copyOf(table, length);
            }
        }
        udpBound = direct[KeySpace.UDP_PORT.id()] != null;
        tcpBound = direct[KeySpace.TCP_PORT.id()] != null;
        ipProtocols = table(KeySpace.IP_PROTOCOL);
        udpPorts = table(KeySpace.UDP_PORT);
        tcpPorts = table(KeySpace.TCP_PORT);
    }

    /**
     * Returns a builder with no bindings.
     *
     * @return a builder with no bindings
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the bindings, in the order they were added.
     *
     * @return the bindings, in the order they were added
     */
    public Map<LayerKey, TunnelExtractor> bindings() {
        return bindings;
    }

    /**
     * Classifies the frame from its position to its limit; the buffer is not modified.
     *
     * @param linkType the frame's link type: {@link LinkType#ETHERNET}, or raw IP
     *                 ({@link LinkType#RAW}, {@link LinkType#IPV4}, {@link LinkType#IPV6})
     * @param frame the frame
     * @param out the caller's holder, reset and filled as its class documents per verdict
     * @return the verdict
     * @throws IllegalArgumentException if the link type is not one of those
     */
    public Verdict classify(LinkType linkType, ByteBuffer frame, TunnelMetadata out) {
        return classify(linkType, frame, frame.position(), frame.limit(), out);
    }

    /**
     * Classifies the frame at absolute {@code index}, reading nothing at or past {@code limit};
     * the buffer is not modified. Never throws for bad bytes.
     *
     * @param linkType the frame's link type: {@link LinkType#ETHERNET}, or raw IP
     *                 ({@link LinkType#RAW} by the version nibble, {@link LinkType#IPV4},
     *                 {@link LinkType#IPV6})
     * @param frame the buffer; read in network byte order whatever its order
     * @param index the absolute index of the frame's first octet
     * @param limit the end (exclusive) of the frame
     * @param out the caller's holder, reset and filled as its class documents per verdict
     * @return the verdict
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code frame.limit()}
     * @throws IllegalArgumentException if the link type is not one of those (a frame of another
     *     link type is classified from a {@link FrameWalk}'s IP layer, see
     *     {@link #classify(FrameWalk, TunnelMetadata)})
     * @throws IllegalStateException if an extractor broke its contract (a bug, not bad bytes)
     */
    public Verdict classify(LinkType linkType, ByteBuffer frame, int index, int limit, TunnelMetadata out) {
        Objects.requireNonNull(linkType, "linkType");
        Objects.checkFromToIndex(index, limit, frame.limit());
        Objects.requireNonNull(out, "out");
        out.reset();
        try {
            switch (linkType.value()) {
                case 1:
                    return ethernet(frame, index, limit, out);
                case 101:
                    return ip(IpScan.ip(frame, index, limit), frame, index, out);
                case 228:
                    return ip(IpScan.ipv4(frame, index, limit), frame, index, out);
                case 229:
                    return ip(IpScan.ipv6(frame, index, limit), frame, index, out);
                default:
                    throw new IllegalArgumentException("linkType: " + linkType
                            + " (expected: ETHERNET(1), RAW(101), IPV4(228) or IPV6(229))");
            }
        } catch (MalformedPacketException e) {
            return Verdict.MALFORMED;
        }
    }

    /**
     * Classifies from a walk's current layer, which must be Ethernet, IPv4 or IPv6 (the core
     * layers): the frame from that layer's offset to the end of the range it was walked in, as
     * {@link #classify(LinkType, ByteBuffer, int, int, TunnelMetadata)}. Reads the walk's
     * position only; the walk goes on as before. Classifying at each IP layer of a walk gives
     * the metadata of each tunnel of a nested packet, outermost first.
     *
     * @param walk a walk whose current layer is {@link CoreLayers#ETHERNET},
     *             {@link CoreLayers#IPV4} or {@link CoreLayers#IPV6}
     * @param out the caller's holder
     * @return the verdict
     * @throws IllegalStateException if the walk has no current layer
     * @throws IllegalArgumentException if the current layer is another one
     */
    public Verdict classify(FrameWalk walk, TunnelMetadata out) {
        ProtocolLayer<?> layer = walk.layer();
        LinkType linkType;
        if (layer == CoreLayers.IPV4) {
            linkType = LinkType.IPV4;
        } else if (layer == CoreLayers.IPV6) {
            linkType = LinkType.IPV6;
        } else if (layer == CoreLayers.ETHERNET) {
            linkType = LinkType.ETHERNET;
        } else {
            throw new IllegalArgumentException("walk: at layer " + layer.name() + " (expected: ethernet, ipv4 or ipv6)");
        }
        return classify(linkType, walk.source(), walk.offset(), walk.limit(), out);
    }

    private Verdict ethernet(ByteBuffer src, int index, int limit, TunnelMetadata out) {
        if (limit - index >= ETHERNET_LENGTH) {
            // An untagged frame of IP, the common case, decided by one read: what
            // EthernetDecoder.scan concludes for it (neither a length nor a tag protocol).
            int type = Wire.u16(src, index + ETHERNET_LENGTH - 2);
            int at = index + ETHERNET_LENGTH;
            if (type == IPV4) {
                return ip(IpScan.ipv4(src, at, limit), src, at, out);
            }
            if (type == IPV6) {
                return ip(IpScan.ipv6(src, at, limit), src, at, out);
            }
        }
        long scan = EthernetDecoder.scan(src, index, limit);
        int at = index + (int) (scan >>> 48);
        int type = (int) (scan >>> 32) & 0xFFFF;
        int end = at + (int) scan;
        if (type == IPV4) {
            return ip(IpScan.ipv4(src, at, end), src, at, out);
        }
        if (type == IPV6) {
            return ip(IpScan.ipv6(src, at, end), src, at, out);
        }
        int x = type <= MAX_802_3_LENGTH ? -1 : lookup(LayerKey.pack(KeySpace.ETHER_TYPE, type));
        return x < 0 ? Verdict.NOT_A_TUNNEL : chain(x, src, at, end, out);
    }

    // ip() stays under HotSpot's FreqInlineSize (325 bytecodes) so that it inlines into
    // classify and ethernet: the field reads and the transport headers are methods of their own.
    private Verdict ip(long scan, ByteBuffer src, int index, TunnelMetadata out) {
        if (!IpScan.isValid(scan)) {
            return Verdict.MALFORMED;
        }
        if (IpScan.version(scan) == 4) {
            ipv4Fields(src, index, out);
        } else {
            ipv6Fields(src, index, out);
        }
        if (IpScan.isFragment(scan)) {
            return Verdict.FRAGMENT;
        }
        int at = index + IpScan.headerLength(scan);
        int end = at + IpScan.payloadLength(scan);
        int protocol = IpScan.protocol(scan);
        if (protocol == UDP && udpBound) {
            return udp(src, at, end, out);
        }
        if (protocol == TCP && tcpBound) {
            return tcp(src, at, end, out);
        }
        int x = lookup(ipProtocols, protocol);
        return x < 0 ? Verdict.NOT_A_TUNNEL : chain(x, src, at, end, out);
    }

    private static void ipv4Fields(ByteBuffer src, int index, TunnelMetadata out) {
        long w0 = Wire.i64(src, index); // Version/IHL, TOS, Total Length, Identification, Flags/Fragment Offset
        int w2 = Wire.i32(src, index + 8); // TTL, Protocol, Header Checksum
        long addresses = Wire.i64(src, index + 12);
        out.ipv4(index, (int) (addresses >>> 32), (int) addresses, (int) (w0 >>> 48) & 0xFF, w2 >>> 24,
                (w0 & 0x4000) != 0);
    }

    private static void ipv6Fields(ByteBuffer src, int index, TunnelMetadata out) {
        int w0 = Wire.i32(src, index); // Version, Traffic Class, Flow Label
        out.ipv6(index, Wire.i64(src, index + 8), Wire.i64(src, index + 16), Wire.i64(src, index + 24),
                Wire.i64(src, index + 32), w0 >>> 20 & 0xFF, w0 & 0xF_FFFF, Wire.u8(src, index + 7));
    }

    /** UDP with {@code UdpDecoder}'s check, then the extractor of the destination port in the datagram's payload. */
    private Verdict udp(ByteBuffer src, int at, int end, TunnelMetadata out) {
        int length = UdpDecoder.checkedLength(src, at, end);
        int ports = Wire.i32(src, at);
        out.transport(at, ports >>> 16, ports & 0xFFFF);
        int x = lookup(udpPorts, ports & 0xFFFF);
        return x < 0 ? Verdict.NOT_A_TUNNEL : chain(x, src, at + 8, at + length, out);
    }

    /** TCP with {@code TcpDecoder}'s check, then the extractor of the destination port in the segment's payload. */
    private Verdict tcp(ByteBuffer src, int at, int end, TunnelMetadata out) {
        int headerLength = TcpDecoder.headerLength(src, at, end);
        int ports = Wire.i32(src, at);
        out.transport(at, ports >>> 16, ports & 0xFFFF);
        int x = lookup(tcpPorts, ports & 0xFFFF);
        return x < 0 ? Verdict.NOT_A_TUNNEL : chain(x, src, at + headerLength, end, out);
    }

    /** Runs extractor {@code x} at {@code [at, end)}, then those its keys lead to. */
    private Verdict chain(int x, ByteBuffer src, int at, int end, TunnelMetadata out) {
        out.firstHeader(at);
        for (int n = 1; ; n++) {
            extractors[x].extract(src, at, end, out);
            int inner = out.innerIndexValue();
            int innerLength = out.innerLengthValue();
            if (out.typeValue() == 0 || inner < at || (long) inner + innerLength > end) {
                throw broken(x, at, end, out);
            }
            if (out.partialValue()) {
                return Verdict.FRAGMENT;
            }
            long key = out.nextKey;
            if (n == MAX_HEADERS || key == LayerKey.NONE) {
                break;
            }
            int y = lookup(key);
            if (y < 0 && !knows(LayerKey.spaceId(key))) {
                y = lookup(out.nextFallback); // a space the classifier does not know: its fallback
            }
            if (y < 0) {
                break;
            }
            out.carry();
            at = inner;
            end = inner + innerLength;
            out.beginHeader(at);
            x = y;
        }
        return Verdict.TUNNEL;
    }

    private IllegalStateException broken(int x, int at, int end, TunnelMetadata out) {
        return new IllegalStateException("extractor bound to " + keys[x] + " at " + at + " described type "
                + out.type() + ", inner " + out.innerIndexValue() + "+" + out.innerLengthValue()
                + " (expected: a tunnel type and an inner range within [" + at + ", " + end + "])");
    }

    private short[] table(KeySpace space) {
        short[] table = direct[space.id()];
        return table == null ? new short[0] : table;
    }

    /** The extractor bound to a value of 0..65535 in a table, or -1. */
    private static int lookup(short[] table, int value) {
        return value < table.length ? table[value] - 1 : -1;
    }

    private boolean knows(int space) {
        return space >= 0 && space < direct.length && direct[space] != null;
    }

    /** The extractor bound to a packed key or, in a space the classifier knows, to its fallbacks; or -1. */
    private int lookup(long packed) {
        int space = LayerKey.spaceId(packed);
        int value = LayerKey.value(packed);
        short[] table = space >= 0 && space < direct.length ? direct[space] : null;
        return table == null || value < 0 || value >= table.length ? -1 : table[value] - 1;
    }

    /** Composes a {@link TunnelClassifier} from tunnel bindings; not thread-safe. */
    public static final class Builder {
        private final Map<LayerKey, TunnelExtractor> bindings = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a binding.
         *
         * @param binding the binding
         * @return this builder
         * @throws IllegalArgumentException if the key is bound already (use {@link #replace}),
         *     or is one the classifier walks itself: IP protocols 6 and 17 (bind TCP or UDP
         *     ports), EtherType or GRE Protocol Type 0x0800 and 0x86DD (an IP packet is the
         *     inner packet; IP in IP is bound by IP protocol), link types
         */
        public Builder add(TunnelBinding binding) {
            check(binding);
            TunnelExtractor old = bindings.putIfAbsent(binding.key(), binding.extractor());
            if (old != null) {
                throw new IllegalArgumentException("key: " + binding.key() + " (already bound)");
            }
            return this;
        }

        /**
         * Adds every binding; see {@link #add(TunnelBinding)}.
         *
         * @param all the bindings
         * @return this builder
         */
        public Builder add(Collection<TunnelBinding> all) {
            for (TunnelBinding b : all) {
                add(b);
            }
            return this;
        }

        /**
         * Binds the key to this extractor, replacing any binding it had.
         *
         * @param binding the binding
         * @return this builder
         * @throws IllegalArgumentException for a key {@link #add(TunnelBinding)} refuses
         */
        public Builder replace(TunnelBinding binding) {
            check(binding);
            bindings.put(binding.key(), binding.extractor());
            return this;
        }

        private static void check(TunnelBinding binding) {
            LayerKey k = binding.key();
            KeySpace s = k.space();
            boolean walked = s.equals(KeySpace.LINK_TYPE)
                    || s.equals(KeySpace.IP_PROTOCOL) && (k.value() == TCP || k.value() == UDP)
                    || (s.equals(KeySpace.ETHER_TYPE) || s.equals(KeySpace.GRE_PROTOCOL))
                            && (k.value() == IPV4 || k.value() == IPV6);
            if (walked) {
                throw new IllegalArgumentException("key: " + k + " (expected: a key the classifier does not walk itself)");
            }
        }

        /**
         * Returns the classifier.
         *
         * @return the classifier
         * @throws IllegalArgumentException if two different key spaces share an id
         */
        public TunnelClassifier build() {
            return new TunnelClassifier(bindings);
        }
    }
}
