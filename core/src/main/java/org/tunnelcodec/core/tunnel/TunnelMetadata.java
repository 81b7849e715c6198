package org.tunnelcodec.core.tunnel;

import java.util.Objects;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.dissect.KeySpace;
import org.tunnelcodec.core.dissect.LayerKey;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * What a receive-side route or rule matches on in a tunnel packet, and where the inner packet
 * is: the library's equivalent of Linux's {@code struct ip_tunnel_info} / {@code ip_tunnel_key}
 * (tunnel id, outer addresses, TOS, TTL, flow label, UDP ports, tunnel flags) and of Open
 * vSwitch's {@code struct flow_tnl} ({@code tun_id}, {@code ip_src}/{@code ipv6_src},
 * {@code ip_tos}, {@code ip_ttl}, {@code tp_src}/{@code tp_dst}), plus the inner packet's range,
 * which is the decapsulation.
 *
 * <p>A mutable holder the caller owns and reuses: keep one per receive thread and pass it to
 * every {@link TunnelClassifier#classify} call, which resets it first. The accessors allocate
 * nothing except those that return address records ({@link #ipv4Source()} and the like).
 *
 * <h2>What is filled, by verdict</h2>
 * <ul>
 *   <li>{@link TunnelClassifier.Verdict#TUNNEL}: everything below.</li>
 *   <li>{@link TunnelClassifier.Verdict#FRAGMENT}: the outer fields; for an STT segment also the
 *       type, and what the segment carries (see {@link TunnelType#STT}), with
 *       {@link #isPartial()} set.</li>
 *   <li>{@link TunnelClassifier.Verdict#NOT_A_TUNNEL}: the outer fields the classifier read
 *       (IP header, and ports when it read the UDP or TCP header); {@link #type()} is
 *       {@link TunnelType#NONE}.</li>
 *   <li>{@link TunnelClassifier.Verdict#MALFORMED}: unspecified; do not use.</li>
 * </ul>
 *
 * <h2>The fields</h2>
 * <ul>
 *   <li>Outer IP ({@link #ipVersion()} 4 or 6; 0 for a tunnel straight over Ethernet, MPLS):
 *       source and destination as primitives ({@link #ipv4SourceBits()},
 *       {@link #ipv6SourceHigh()}, ...), TOS / Traffic Class, TTL / Hop Limit, the IPv6 Flow
 *       Label, IPv4 DF.</li>
 *   <li>Outer transport: the UDP (or STT's TCP-like) ports, -1 when the tunnel is not carried
 *       by one.</li>
 *   <li>The tunnel: {@link #type()}, {@link #tunnelId()} when {@link #hasTunnelId()}, and
 *       {@link #flags()}, whose meaning each {@link TunnelType} constant gives; {@link #headerIndex()}
 *       is where its header starts. When one tunnel header carried another (MPLS over GRE, WCCP
 *       inside GRE), the metadata describes the inner one and {@link #carrier()} with
 *       {@link #carrierId()} names the outer one.</li>
 *   <li>The inner packet: {@link #innerIndex()}, {@link #innerLength()} and
 *       {@link #innerProtocol()}, the EtherType of what it is (0x0800 IPv4, 0x86DD IPv6, 0x6558
 *       an Ethernet frame, as GRE and Geneve name it; 0x8847 MPLS; any other EtherType a
 *       tunnel header names) or {@link #NO_PROTOCOL}.</li>
 * </ul>
 *
 * <h2>For extractors</h2>
 * A {@link TunnelExtractor} describes its header with {@link #tunnel}, {@link #id},
 * {@link #inner} and, when a further header may follow, {@link #next}; a piece of a larger
 * packet is marked {@link #partial()}. It reads the outer fields (an extractor may need the IP
 * version or the transport header) but does not set them: the classifier does.
 */
public final class TunnelMetadata {
    /** The {@link #innerProtocol()} of an inner packet no header names and no rule identifies. */
    public static final int NO_PROTOCOL = -1;

    // The types are kept as their values, and the records stored only when they change: a
    // reference store costs the garbage collector's write barrier on every packet.
    //
    // A classification stores as little as it can: reset() clears four fields (type, carrier,
    // ipVersion, transportIndex), and each of them guards the fields of its group in the
    // accessors (the tunnel's flags, id and inner range are read only when type is set, the
    // address fields only for their IP version, the ports only with a transport header), so a
    // group's other fields are written once, when it is filled, and never cleared.
    private int type;
    private TunnelType typeRecord = TunnelType.NONE;
    private int flags;
    private boolean hasTunnelId;
    private long tunnelId;
    private int carrier;
    private TunnelType carrierRecord = TunnelType.NONE;
    private boolean hasCarrierId;
    private long carrierId;

    private int ipVersion;
    private int ipIndex = -1;
    private int ipv4Source;
    private int ipv4Destination;
    private long ipv6SourceHigh;
    private long ipv6SourceLow;
    private long ipv6DestinationHigh;
    private long ipv6DestinationLow;
    private int tos;
    private int ttl;
    private int flowLabel;
    private boolean dontFragment;

    private int transportIndex = -1;
    private int sourcePort = -1;
    private int destinationPort = -1;

    private int headerIndex = -1;
    private int innerIndex = -1;
    private int innerLength = -1;
    private int innerProtocol = NO_PROTOCOL;
    private boolean partial;
    /** The key an extractor named for its inner packet, packed, or {@link LayerKey#NONE}. */
    long nextKey = LayerKey.NONE;
    /** The same value in the space's fallback space, packed, or {@link LayerKey#NONE}. */
    long nextFallback = LayerKey.NONE;

    /** An empty holder: {@link TunnelType#NONE}, no outer header. */
    public TunnelMetadata() {
    }

    // ---- the classifier's side (package-private) ----

    /**
     * Clears what every verdict relies on: the four fields whose accessors guard the others
     * (see the field comment), so the reset is four stores on the data path.
     */
    void reset() {
        type = 0;
        carrier = 0;
        ipVersion = 0;
        transportIndex = -1;
    }

    void ipv4(int index, int source, int destination, int tos, int ttl, boolean dontFragment) {
        ipVersion = 4;
        ipIndex = index;
        ipv4Source = source;
        ipv4Destination = destination;
        this.tos = tos;
        this.ttl = ttl;
        this.dontFragment = dontFragment;
    }

    void ipv6(int index, long sourceHigh, long sourceLow, long destinationHigh, long destinationLow, int trafficClass,
              int flowLabel, int hopLimit) {
        ipVersion = 6;
        ipIndex = index;
        ipv6SourceHigh = sourceHigh;
        ipv6SourceLow = sourceLow;
        ipv6DestinationHigh = destinationHigh;
        ipv6DestinationLow = destinationLow;
        tos = trafficClass;
        this.flowLabel = flowLabel;
        ttl = hopLimit;
    }

    void transport(int index, int sourcePort, int destinationPort) {
        transportIndex = index;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
    }

    /**
     * Before the first extractor runs at {@code index}, just after {@link #reset()}: what the
     * extractor may leave as it is (the inner index is the mark that it described the inner
     * packet; the type, that it described its header).
     */
    void firstHeader(int index) {
        headerIndex = index;
        innerIndex = -1;
        partial = false;
        nextKey = LayerKey.NONE;
    }

    /** Before a further extractor runs at {@code index}. */
    void beginHeader(int index) {
        type = 0;
        firstHeader(index);
    }

    int typeValue() {
        return type;
    }

    /** The inner index as the extractor left it, whatever the type. */
    int innerIndexValue() {
        return innerIndex;
    }

    /** The inner length as the extractor left it, whatever the type. */
    int innerLengthValue() {
        return innerLength;
    }

    /** Whether the extractor marked its inner range partial, whatever the type. */
    boolean partialValue() {
        return partial;
    }

    /** The header described so far becomes the carrier of the next one. */
    void carry() {
        carrier = type;
        if (carrierRecord != typeRecord) {
            carrierRecord = typeRecord;
        }
        hasCarrierId = hasTunnelId;
        carrierId = tunnelId;
    }

    // ---- the extractors' side ----

    /**
     * Describes the tunnel header: its type and flags (see the {@link TunnelType} constants); the
     * first call an extractor makes. Clears any tunnel id.
     *
     * @param type the tunnel's type, not {@link TunnelType#NONE}
     * @param flags the type's flags, as its constant documents them
     * @return this holder
     * @throws IllegalArgumentException if {@code type} is {@link TunnelType#NONE}
     */
    public TunnelMetadata tunnel(TunnelType type, int flags) {
        Objects.requireNonNull(type, "type");
        if (type.value() == 0) {
            throw new IllegalArgumentException("type: " + type + " (expected: a tunnel type)");
        }
        this.type = type.value();
        if (typeRecord != type) {
            typeRecord = type;
        }
        this.flags = flags;
        hasTunnelId = false;
        return this;
    }

    /**
     * Sets the tunnel id: the GRE key, VNI, top label, Context ID, Service ID, Instance ID, as
     * the type's constant says.
     *
     * @param id the id, unsigned in as many bits as the type's field has
     * @return this holder
     */
    public TunnelMetadata id(long id) {
        hasTunnelId = true;
        tunnelId = id;
        return this;
    }

    /**
     * Sets the inner packet: where it starts, how long it is and what it is.
     *
     * @param index the absolute index of its first octet
     * @param length its length in octets
     * @param protocol its EtherType (0x6558 for an Ethernet frame), or {@link #NO_PROTOCOL}
     * @return this holder
     * @throws IllegalArgumentException if {@code index} or {@code length} is negative or
     *     {@code protocol} is neither an EtherType value nor {@link #NO_PROTOCOL}
     */
    public TunnelMetadata inner(int index, int length, int protocol) {
        if ((index | length) < 0 || protocol < NO_PROTOCOL || protocol > 0xFFFF) {
            throw badInner(index, length, protocol);
        }
        innerIndex = index;
        innerLength = length;
        innerProtocol = protocol;
        return this;
    }

    private static IllegalArgumentException badInner(int index, int length, int protocol) {
        if ((index | length) < 0) {
            return new IllegalArgumentException("inner: index " + index + ", length " + length + " (expected: >= 0)");
        }
        return new IllegalArgumentException("protocol: " + protocol + " (expected: -1..65535)");
    }

    /**
     * Names the key of a further tunnel header in the inner packet, as a dissector layer names
     * its payload ({@link org.tunnelcodec.core.dissect.LayerStep#next}): GRE names its
     * Protocol Type in {@link KeySpace#GRE_PROTOCOL}, so that MPLS (bound to EtherType 0x8847)
     * or WCCP (GRE Protocol Type 0x883E) continues the classification; a space's fallback
     * ({@link KeySpace#fallback()}) is tried when the key itself is not bound. When no
     * extractor is bound to the key, the inner packet set with {@link #inner} is the result.
     *
     * @param space the key's space
     * @param value the key's value, 0..65535
     * @return this holder
     * @throws IllegalArgumentException if {@code value} is out of range
     */
    public TunnelMetadata next(KeySpace space, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("value: " + value + " (expected: 0..65535)");
        }
        nextKey = LayerKey.pack(space, value);
        nextFallback = space.fallback() == null ? LayerKey.NONE : LayerKey.pack(space.fallback(), value);
        return this;
    }

    /**
     * Marks the inner range as a piece of a larger packet (an STT segment): the classifier's
     * verdict is then {@link TunnelClassifier.Verdict#FRAGMENT}.
     *
     * @return this holder
     */
    public TunnelMetadata partial() {
        partial = true;
        return this;
    }

    // ---- accessors ----

    /**
     * Returns the tunnel's type, {@link TunnelType#NONE} when the packet is not a tunnel.
     *
     * @return the tunnel's type, {@link TunnelType#NONE} when the packet is not a tunnel
     */
    public TunnelType type() {
        return type == 0 ? TunnelType.NONE : typeRecord;
    }

    /**
     * Returns the type's flags, as its {@link TunnelType} constant documents them.
     *
     * @return the type's flags, as its {@link TunnelType} constant documents them
     */
    public int flags() {
        return type == 0 ? 0 : flags;
    }

    /**
     * Returns whether the tunnel header carries an id (a GRE header without K does not).
     *
     * @return whether the tunnel header carries an id (a GRE header without K does not)
     */
    public boolean hasTunnelId() {
        return type != 0 && hasTunnelId;
    }

    /**
     * Returns the tunnel id (GRE Key, VNI, top label, STT Context ID, WCCP Service ID, LISP
     * Instance ID), unsigned; 0 when {@link #hasTunnelId()} is false.
     *
     * @return the tunnel id, unsigned; 0 when there is none
     */
    public long tunnelId() {
        return type != 0 && hasTunnelId ? tunnelId : 0;
    }

    /**
     * Returns the type of the tunnel header that carried this one (GRE under MPLS or WCCP), or
     * {@link TunnelType#NONE} when this one came straight over IP, UDP, TCP or Ethernet.
     *
     * @return the carrier's type, or {@link TunnelType#NONE}
     */
    public TunnelType carrier() {
        return carrier == 0 ? TunnelType.NONE : carrierRecord;
    }

    /**
     * Returns whether the carrier had an id (a GRE Key).
     *
     * @return whether the carrier had an id (a GRE Key)
     */
    public boolean hasCarrierId() {
        return carrier != 0 && hasCarrierId;
    }

    /**
     * Returns the carrier's id, unsigned; 0 when {@link #hasCarrierId()} is false.
     *
     * @return the carrier's id, unsigned; 0 when there is none
     */
    public long carrierId() {
        return carrier != 0 && hasCarrierId ? carrierId : 0;
    }

    /**
     * Returns 4 or 6 for the outer IP header, 0 when the tunnel came straight over Ethernet.
     *
     * @return 4 or 6 for the outer IP header, 0 when there is none
     */
    public int ipVersion() {
        return ipVersion;
    }

    /**
     * Returns the absolute index of the outer IP header, or -1.
     *
     * @return the absolute index of the outer IP header, or -1
     */
    public int ipIndex() {
        return ipVersion == 0 ? -1 : ipIndex;
    }

    /**
     * Returns the outer IPv4 Source Address as 32 bits, 0 unless {@link #ipVersion()} is 4.
     *
     * @return the outer IPv4 Source Address as 32 bits, 0 unless the outer header is IPv4
     */
    public int ipv4SourceBits() {
        return ipVersion == 4 ? ipv4Source : 0;
    }

    /**
     * Returns the outer IPv4 Destination Address as 32 bits, 0 unless {@link #ipVersion()} is 4.
     *
     * @return the outer IPv4 Destination Address as 32 bits, 0 unless the outer header is IPv4
     */
    public int ipv4DestinationBits() {
        return ipVersion == 4 ? ipv4Destination : 0;
    }

    /**
     * Returns the upper 64 bits of the outer IPv6 Source Address, 0 unless {@link #ipVersion()} is 6.
     *
     * @return the upper 64 bits of the outer IPv6 Source Address, 0 unless the outer header is IPv6
     */
    public long ipv6SourceHigh() {
        return ipVersion == 6 ? ipv6SourceHigh : 0;
    }

    /**
     * Returns the lower 64 bits of the outer IPv6 Source Address, 0 unless {@link #ipVersion()} is 6.
     *
     * @return the lower 64 bits of the outer IPv6 Source Address, 0 unless the outer header is IPv6
     */
    public long ipv6SourceLow() {
        return ipVersion == 6 ? ipv6SourceLow : 0;
    }

    /**
     * Returns the upper 64 bits of the outer IPv6 Destination Address, 0 unless {@link #ipVersion()} is 6.
     *
     * @return the upper 64 bits of the outer IPv6 Destination Address, 0 unless the outer header is IPv6
     */
    public long ipv6DestinationHigh() {
        return ipVersion == 6 ? ipv6DestinationHigh : 0;
    }

    /**
     * Returns the lower 64 bits of the outer IPv6 Destination Address, 0 unless {@link #ipVersion()} is 6.
     *
     * @return the lower 64 bits of the outer IPv6 Destination Address, 0 unless the outer header is IPv6
     */
    public long ipv6DestinationLow() {
        return ipVersion == 6 ? ipv6DestinationLow : 0;
    }

    /**
     * Returns the outer IPv4 Source Address as a record (allocates).
     *
     * @return the outer IPv4 Source Address
     * @throws IllegalStateException if the outer header is not IPv4
     */
    public Ipv4Address ipv4Source() {
        requireVersion(4);
        return Ipv4Address.of(ipv4Source);
    }

    /**
     * Returns the outer IPv4 Destination Address as a record (allocates).
     *
     * @return the outer IPv4 Destination Address
     * @throws IllegalStateException if the outer header is not IPv4
     */
    public Ipv4Address ipv4Destination() {
        requireVersion(4);
        return Ipv4Address.of(ipv4Destination);
    }

    /**
     * Returns the outer IPv6 Source Address as a record (allocates).
     *
     * @return the outer IPv6 Source Address
     * @throws IllegalStateException if the outer header is not IPv6
     */
    public Ipv6Address ipv6Source() {
        requireVersion(6);
        return Ipv6Address.of(ipv6SourceHigh, ipv6SourceLow);
    }

    /**
     * Returns the outer IPv6 Destination Address as a record (allocates).
     *
     * @return the outer IPv6 Destination Address
     * @throws IllegalStateException if the outer header is not IPv6
     */
    public Ipv6Address ipv6Destination() {
        requireVersion(6);
        return Ipv6Address.of(ipv6DestinationHigh, ipv6DestinationLow);
    }

    private void requireVersion(int version) {
        if (ipVersion != version) {
            throw new IllegalStateException("ipVersion: " + ipVersion + " (expected: " + version + ")");
        }
    }

    /**
     * Returns the outer IPv4 Type of Service octet or IPv6 Traffic Class: DSCP in the upper six
     * bits, ECN in the lower two (RFC 2474, RFC 3168); 0 without an outer IP header.
     *
     * @return the outer TOS / Traffic Class octet
     */
    public int tos() {
        return ipVersion != 0 ? tos : 0;
    }

    /**
     * Returns the outer IPv4 Time to Live or IPv6 Hop Limit; 0 without an outer IP header.
     *
     * @return the outer TTL / Hop Limit
     */
    public int ttl() {
        return ipVersion != 0 ? ttl : 0;
    }

    /**
     * Returns the outer IPv6 Flow Label, 20 bits; 0 for IPv4.
     *
     * @return the outer IPv6 Flow Label, 20 bits; 0 for IPv4
     */
    public int flowLabel() {
        return ipVersion == 6 ? flowLabel : 0;
    }

    /**
     * Returns whether the outer IPv4 header has DF set (false for IPv6).
     *
     * @return whether the outer IPv4 header has DF set (false for IPv6)
     */
    public boolean dontFragment() {
        return ipVersion == 4 && dontFragment;
    }

    /**
     * Returns the absolute index of the outer UDP header (or STT's TCP-like header), or -1.
     *
     * @return the absolute index of the outer UDP or TCP header, or -1
     */
    public int transportIndex() {
        return transportIndex;
    }

    /**
     * Returns the outer UDP (or STT's TCP-like) Source Port, the flow entropy; -1 without one.
     *
     * @return the outer Source Port, or -1
     */
    public int sourcePort() {
        return transportIndex < 0 ? -1 : sourcePort;
    }

    /**
     * Returns the outer UDP (or STT's TCP-like) Destination Port; -1 without one.
     *
     * @return the outer Destination Port, or -1
     */
    public int destinationPort() {
        return transportIndex < 0 ? -1 : destinationPort;
    }

    /**
     * Returns the absolute index of the header the metadata describes (where its extractor
     * started), or -1.
     *
     * @return the absolute index of the tunnel header, or -1
     */
    public int headerIndex() {
        return type == 0 ? -1 : headerIndex;
    }

    /**
     * Returns the absolute index of the inner packet's first octet, or -1.
     *
     * @return the absolute index of the inner packet's first octet, or -1
     */
    public int innerIndex() {
        return type == 0 ? -1 : innerIndex;
    }

    /**
     * Returns the inner packet's length: up to the end of the enclosing length field's range
     * (IP Total Length or Payload Length, UDP Length, or PPTP's Payload Length), as the
     * dissector's layers bound it; -1 when there is none.
     *
     * @return the inner packet's length, or -1
     */
    public int innerLength() {
        return type == 0 ? -1 : innerLength;
    }

    /**
     * Returns the inner packet's EtherType (0x0800, 0x86DD, 0x6558 for Ethernet, ...), or
     * {@link #NO_PROTOCOL}.
     *
     * @return the inner packet's EtherType, or {@link #NO_PROTOCOL}
     */
    public int innerProtocol() {
        return type == 0 ? NO_PROTOCOL : innerProtocol;
    }

    /**
     * Returns the inner packet's EtherType as a code point (allocates for an unnamed value), or
     * {@code null} for {@link #NO_PROTOCOL}.
     *
     * @return the inner packet's EtherType, or {@code null}
     */
    public EtherType innerEtherType() {
        int protocol = innerProtocol();
        return protocol == NO_PROTOCOL ? null : EtherType.of(protocol);
    }

    /**
     * Returns the link type to classify the inner packet with, for a tunnel inside the tunnel:
     * {@link LinkType#IPV4}, {@link LinkType#IPV6} or {@link LinkType#ETHERNET} (for 0x6558), or
     * {@code null} when the inner packet is none of these.
     *
     * @return the link type of the inner packet, or {@code null}
     */
    public LinkType innerLinkType() {
        return switch (innerProtocol()) {
            case 0x0800 -> LinkType.IPV4;
            case 0x86DD -> LinkType.IPV6;
            case 0x6558 -> LinkType.ETHERNET;
            default -> null;
        };
    }

    /**
     * Returns whether the inner range is only a piece of the inner packet (an STT segment of a
     * frame that spans several).
     *
     * @return whether the inner range is only a piece of the inner packet
     */
    public boolean isPartial() {
        return type != 0 && partial;
    }

    /**
     * Returns a one-line description, for logs and tests (allocates).
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TunnelMetadata[").append(type());
        if (carrier != 0) {
            sb.append(" in ").append(carrier());
            if (hasCarrierId()) {
                sb.append(" id ").append(Long.toUnsignedString(carrierId));
            }
        }
        if (hasTunnelId()) {
            sb.append(" id ").append(Long.toUnsignedString(tunnelId));
        }
        sb.append(String.format(" flags 0x%x", flags()));
        if (ipVersion == 4) {
            sb.append(' ').append(Ipv4Address.of(ipv4Source)).append(" > ").append(Ipv4Address.of(ipv4Destination));
        } else if (ipVersion == 6) {
            sb.append(' ').append(Ipv6Address.of(ipv6SourceHigh, ipv6SourceLow)).append(" > ")
                    .append(Ipv6Address.of(ipv6DestinationHigh, ipv6DestinationLow));
        }
        if (ipVersion != 0) {
            sb.append(String.format(" tos 0x%02x ttl %d", tos, ttl));
        }
        if (transportIndex >= 0) {
            sb.append(" ports ").append(sourcePort).append(" > ").append(destinationPort);
        }
        if (innerIndex() >= 0) {
            sb.append(" inner ").append(innerIndex).append('+').append(innerLength);
            if (innerProtocol != NO_PROTOCOL) {
                sb.append(String.format(" 0x%04x", innerProtocol));
            }
        }
        return sb.append(isPartial() ? " partial]" : "]").toString();
    }
}
