package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;

/**
 * The IPv4 binary traffic selector (RFC 6088 §3.1, TS Format 1): flags A to N say which of
 * the fields after them are present, in this order.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Sub-opt Type   |  Sub-Opt Len  |   TS Format   |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |A|B|C|D|E|F|G|H|I|J|K|L|M|N|          Reserved                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 (A) Start Source Address                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 (B) End Source Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 (C) Start Destination Address                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 (D) End Destination Address                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 (E) Start IPsec SPI                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 (F) End IPsec SPI                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   (G) Start Source Port       |   (H) End Source Port         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   (I) Start Destination Port  |   (J) End Destination Port    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | (K) Start DS  |  (L) End DS   | (M) Start Prot| (N) End Prot  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * This is Figure 1 of RFC 6088 §3.1. The first word belongs to the sub-option
 * ({@link FlowSubOption.TrafficSelector}); the selector starts with the second, a 32-bit word
 * of 14 flags and 18 Reserved bits. The diagram shows every field; only those whose flag is
 * set are on the wire, one after another without gaps, so the selector is 4 to 40 octets. The
 * Reserved bits are kept as received ({@link #reserved()}; "MUST be set to zero by the sender
 * and ignored by the receiver", §3.1). The sub-option's alignment requirement (§3.1: 4n if A..F
 * is set, 2n if G..J, n if K..N) is the sender's to meet with padding sub-options.
 *
 * <p>Ranges are inclusive ("the receiver will match all of the addresses between fields (A)
 * and (B), inclusive of (A) and (B)") and a field without its end is a single value (an End
 * field "MUST NOT be included unless the Start ... field is included", so one is refused);
 * addresses compare as unsigned numbers. The DS fields are 8 bits, "the 6 most significant bits
 * indicate the DS field to be matched and the 2 least significant bits' values MUST be ignored
 * in any comparison" (§3.1; the ECN bits, RFC 3168).
 * Fields absent from the selector read as 0 ({@link Ipv4Address#ANY}).
 *
 * <p>Instances are immutable values; {@link #matches(int, int, long, int, int, int, int)}
 * compares a packet with bounds made when the selector is built and allocates nothing.
 */
public final class Ipv4TrafficSelector implements BinaryTrafficSelector {
    /** Flag A: the Start Source Address is present. */
    public static final int START_SOURCE_ADDRESS = 0x8000;
    /** Flag B: the End Source Address is present. */
    public static final int END_SOURCE_ADDRESS = 0x4000;
    /** Flag C: the Start Destination Address is present. */
    public static final int START_DESTINATION_ADDRESS = 0x2000;
    /** Flag D: the End Destination Address is present. */
    public static final int END_DESTINATION_ADDRESS = 0x1000;
    /** Flag E: the Start IPsec SPI is present. */
    public static final int START_SPI = 0x0800;
    /** Flag F: the End IPsec SPI is present. */
    public static final int END_SPI = 0x0400;
    /** Flag G: the Start Source Port is present. */
    public static final int START_SOURCE_PORT = 0x0200;
    /** Flag H: the End Source Port is present. */
    public static final int END_SOURCE_PORT = 0x0100;
    /** Flag I: the Start Destination Port is present. */
    public static final int START_DESTINATION_PORT = 0x0080;
    /** Flag J: the End Destination Port is present. */
    public static final int END_DESTINATION_PORT = 0x0040;
    /** Flag K: the Start DS is present. */
    public static final int START_DS = 0x0020;
    /** Flag L: the End DS is present. */
    public static final int END_DS = 0x0010;
    /** Flag M: the Start Protocol is present. */
    public static final int START_PROTOCOL = 0x0008;
    /** Flag N: the End Protocol is present. */
    public static final int END_PROTOCOL = 0x0004;
    /** The two Reserved bits after flag N in {@link #flags()}; 16 more Reserved bits end the word. */
    public static final int RESERVED = Mip6Layout.TS_V4_RESERVED;
    /** All 18 Reserved bits of the flags word, as {@link #reserved()} gives them. */
    public static final int RESERVED_BITS = 0x3_FFFF;

    private final int flags;
    /** The last 16 bits of the 32-bit flags word, all Reserved. */
    private final int reservedLow;
    private final int startSource;
    private final int endSource;
    private final int startDestination;
    private final int endDestination;
    private final long startSpi;
    private final long endSpi;
    private final int startSourcePort;
    private final int endSourcePort;
    private final int startDestinationPort;
    private final int endDestinationPort;
    private final int startDs;
    private final int endDs;
    private final int startProtocol;
    private final int endProtocol;

    // The inclusive bounds matches() compares with: the whole int or long range for a field
    // the selector does not name, so that it needs no flag test; addresses with the sign bit
    // flipped, so that signed comparisons order them as unsigned numbers.
    private final int sourceLow;
    private final int sourceHigh;
    private final int destinationLow;
    private final int destinationHigh;
    private final long spiLow;
    private final long spiHigh;
    private final int sourcePortLow;
    private final int sourcePortHigh;
    private final int destinationPortLow;
    private final int destinationPortHigh;
    private final int dsLow;
    private final int dsHigh;
    private final int protocolLow;
    private final int protocolHigh;

    private Ipv4TrafficSelector(int flags, int reservedLow, int startSource, int endSource, int startDestination,
                                int endDestination,
                                long startSpi, long endSpi, int startSourcePort, int endSourcePort,
                                int startDestinationPort, int endDestinationPort, int startDs, int endDs,
                                int startProtocol, int endProtocol) {
        Check.inRange("flags", flags, 0, 0xFFFF);
        if (Mip6Layout.tsEndWithoutStart(Mip6Layout.TS_IPV4, flags)) {
            throw new IllegalArgumentException(String.format(
                    "flags: 0x%04X (expected: each End flag with its Start flag, RFC 6088 §3.1)", flags));
        }
        this.flags = flags;
        this.reservedLow = Check.inRange("reservedLow", reservedLow, 0, 0xFFFF);
        this.startSource = startSource;
        this.endSource = endSource;
        this.startDestination = startDestination;
        this.endDestination = endDestination;
        this.startSpi = Check.inRange("startSpi", startSpi, 0, 0xFFFF_FFFFL);
        this.endSpi = Check.inRange("endSpi", endSpi, 0, 0xFFFF_FFFFL);
        this.startSourcePort = Check.inRange("startSourcePort", startSourcePort, 0, 0xFFFF);
        this.endSourcePort = Check.inRange("endSourcePort", endSourcePort, 0, 0xFFFF);
        this.startDestinationPort = Check.inRange("startDestinationPort", startDestinationPort, 0, 0xFFFF);
        this.endDestinationPort = Check.inRange("endDestinationPort", endDestinationPort, 0, 0xFFFF);
        this.startDs = Check.inRange("startDs", startDs, 0, 0xFF);
        this.endDs = Check.inRange("endDs", endDs, 0, 0xFF);
        this.startProtocol = Check.inRange("startProtocol", startProtocol, 0, 0xFF);
        this.endProtocol = Check.inRange("endProtocol", endProtocol, 0, 0xFF);

        int source = range(START_SOURCE_ADDRESS, startSource, endSource);
        sourceLow = low(source, startSource ^ Integer.MIN_VALUE);
        sourceHigh = high(source, startSource ^ Integer.MIN_VALUE, endSource ^ Integer.MIN_VALUE);
        int destination = range(START_DESTINATION_ADDRESS, startDestination, endDestination);
        destinationLow = low(destination, startDestination ^ Integer.MIN_VALUE);
        destinationHigh = high(destination, startDestination ^ Integer.MIN_VALUE, endDestination ^ Integer.MIN_VALUE);
        int spi = range(START_SPI, (int) startSpi, (int) endSpi);
        spiLow = spi == 0 ? Long.MIN_VALUE : startSpi;
        spiHigh = spi == 0 ? Long.MAX_VALUE : spi == 1 ? startSpi : endSpi;
        int sourcePort = range(START_SOURCE_PORT, startSourcePort, endSourcePort);
        sourcePortLow = low(sourcePort, startSourcePort);
        sourcePortHigh = high(sourcePort, startSourcePort, endSourcePort);
        int destinationPort = range(START_DESTINATION_PORT, startDestinationPort, endDestinationPort);
        destinationPortLow = low(destinationPort, startDestinationPort);
        destinationPortHigh = high(destinationPort, startDestinationPort, endDestinationPort);
        int ds = range(START_DS, startDs, endDs);
        dsLow = low(ds, startDs & 0xFC);
        dsHigh = high(ds, startDs | 0x03, endDs | 0x03);
        int protocol = range(START_PROTOCOL, startProtocol, endProtocol);
        protocolLow = low(protocol, startProtocol);
        protocolHigh = high(protocol, startProtocol, endProtocol);
    }

    /**
     * Which of a start/end pair {@code flags} sets: 0 neither, 1 the start, 2 both; checks that
     * an absent field is 0.
     */
    private int range(int startFlag, int start, int end) {
        int endFlag = startFlag >>> 1;
        if ((flags & startFlag) == 0 && start != 0 || (flags & endFlag) == 0 && end != 0) {
            throw new IllegalArgumentException(String.format(
                    "a field whose flag is clear is not 0 (flags: 0x%04X, start flag: 0x%04X)", flags, startFlag));
        }
        return (flags & startFlag) == 0 ? 0 : (flags & endFlag) == 0 ? 1 : 2;
    }

    private static int low(int range, int start) {
        return range == 0 ? Integer.MIN_VALUE : start;
    }

    private static int high(int range, int start, int end) {
        return range == 0 ? Integer.MAX_VALUE : range == 1 ? start : end;
    }

    /**
     * Returns a builder of a selector with no field: one that matches every packet.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads the selector at {@code index}, whose length its flags give and the caller has checked. */
    static Ipv4TrafficSelector read(ByteBuffer src, int index) {
        int f = Wire.u16(src, index);
        int reservedLow = Wire.u16(src, index + 2);
        int at = index + Mip6Layout.TS_FLAGS_LENGTH;
        int startSource = (f & START_SOURCE_ADDRESS) != 0 ? Wire.i32(src, at) : 0;
        at += (f & START_SOURCE_ADDRESS) != 0 ? 4 : 0;
        int endSource = (f & END_SOURCE_ADDRESS) != 0 ? Wire.i32(src, at) : 0;
        at += (f & END_SOURCE_ADDRESS) != 0 ? 4 : 0;
        int startDestination = (f & START_DESTINATION_ADDRESS) != 0 ? Wire.i32(src, at) : 0;
        at += (f & START_DESTINATION_ADDRESS) != 0 ? 4 : 0;
        int endDestination = (f & END_DESTINATION_ADDRESS) != 0 ? Wire.i32(src, at) : 0;
        at += (f & END_DESTINATION_ADDRESS) != 0 ? 4 : 0;
        long startSpi = (f & START_SPI) != 0 ? Wire.u32(src, at) : 0;
        at += (f & START_SPI) != 0 ? 4 : 0;
        long endSpi = (f & END_SPI) != 0 ? Wire.u32(src, at) : 0;
        at += (f & END_SPI) != 0 ? 4 : 0;
        int startSourcePort = (f & START_SOURCE_PORT) != 0 ? Wire.u16(src, at) : 0;
        at += (f & START_SOURCE_PORT) != 0 ? 2 : 0;
        int endSourcePort = (f & END_SOURCE_PORT) != 0 ? Wire.u16(src, at) : 0;
        at += (f & END_SOURCE_PORT) != 0 ? 2 : 0;
        int startDestinationPort = (f & START_DESTINATION_PORT) != 0 ? Wire.u16(src, at) : 0;
        at += (f & START_DESTINATION_PORT) != 0 ? 2 : 0;
        int endDestinationPort = (f & END_DESTINATION_PORT) != 0 ? Wire.u16(src, at) : 0;
        at += (f & END_DESTINATION_PORT) != 0 ? 2 : 0;
        int startDs = (f & START_DS) != 0 ? Wire.u8(src, at) : 0;
        at += (f & START_DS) != 0 ? 1 : 0;
        int endDs = (f & END_DS) != 0 ? Wire.u8(src, at) : 0;
        at += (f & END_DS) != 0 ? 1 : 0;
        int startProtocol = (f & START_PROTOCOL) != 0 ? Wire.u8(src, at) : 0;
        at += (f & START_PROTOCOL) != 0 ? 1 : 0;
        int endProtocol = (f & END_PROTOCOL) != 0 ? Wire.u8(src, at) : 0;
        return new Ipv4TrafficSelector(f, reservedLow, startSource, endSource, startDestination, endDestination,
                startSpi, endSpi,
                startSourcePort, endSourcePort, startDestinationPort, endDestinationPort, startDs, endDs,
                startProtocol, endProtocol);
    }

    /** Writes the selector at {@code index}, in {@link #length()} octets; the caller has checked there is room. */
    void write(ByteBuffer dst, int index) {
        Wire.put16(dst, index, flags);
        Wire.put16(dst, index + 2, reservedLow);
        int at = index + Mip6Layout.TS_FLAGS_LENGTH;
        at = put(dst, at, START_SOURCE_ADDRESS, 4, startSource & 0xFFFF_FFFFL);
        at = put(dst, at, END_SOURCE_ADDRESS, 4, endSource & 0xFFFF_FFFFL);
        at = put(dst, at, START_DESTINATION_ADDRESS, 4, startDestination & 0xFFFF_FFFFL);
        at = put(dst, at, END_DESTINATION_ADDRESS, 4, endDestination & 0xFFFF_FFFFL);
        at = put(dst, at, START_SPI, 4, startSpi);
        at = put(dst, at, END_SPI, 4, endSpi);
        at = put(dst, at, START_SOURCE_PORT, 2, startSourcePort);
        at = put(dst, at, END_SOURCE_PORT, 2, endSourcePort);
        at = put(dst, at, START_DESTINATION_PORT, 2, startDestinationPort);
        at = put(dst, at, END_DESTINATION_PORT, 2, endDestinationPort);
        at = put(dst, at, START_DS, 1, startDs);
        at = put(dst, at, END_DS, 1, endDs);
        at = put(dst, at, START_PROTOCOL, 1, startProtocol);
        put(dst, at, END_PROTOCOL, 1, endProtocol);
    }

    /** Writes a field of {@code size} octets if {@code flag} is set; returns where the next one goes. */
    private int put(ByteBuffer dst, int at, int flag, int size, long value) {
        if ((flags & flag) == 0) {
            return at;
        }
        if (size == 4) {
            Wire.put32(dst, at, value);
        } else if (size == 2) {
            Wire.put16(dst, at, (int) value);
        } else {
            Wire.put8(dst, at, (int) value);
        }
        return at + size;
    }

    @Override
    public int format() {
        return Mip6Layout.TS_IPV4;
    }

    @Override
    public int flags() {
        return flags;
    }

    @Override
    public int length() {
        return Mip6Layout.tsLength(Mip6Layout.TS_IPV4, flags);
    }

    /**
     * Returns the 18 Reserved bits after flag N (RFC 6088 §3.1), as received.
     *
     * @return the Reserved bits, 0..2^18-1 (0 when sent)
     */
    @Override
    public int reserved() {
        return (flags & RESERVED) << 16 | reservedLow;
    }

    /**
     * Returns the (A) Start Source Address.
     *
     * @return the address, {@link Ipv4Address#ANY} when flag A is clear
     */
    public Ipv4Address startSourceAddress() {
        return Ipv4Address.of(startSource);
    }

    /**
     * Returns the (B) End Source Address.
     *
     * @return the address, {@link Ipv4Address#ANY} when flag B is clear
     */
    public Ipv4Address endSourceAddress() {
        return Ipv4Address.of(endSource);
    }

    /**
     * Returns the (C) Start Destination Address.
     *
     * @return the address, {@link Ipv4Address#ANY} when flag C is clear
     */
    public Ipv4Address startDestinationAddress() {
        return Ipv4Address.of(startDestination);
    }

    /**
     * Returns the (D) End Destination Address.
     *
     * @return the address, {@link Ipv4Address#ANY} when flag D is clear
     */
    public Ipv4Address endDestinationAddress() {
        return Ipv4Address.of(endDestination);
    }

    /**
     * Returns the (E) Start IPsec SPI.
     *
     * @return the SPI, 0..2^32-1, 0 when flag E is clear
     */
    public long startSpi() {
        return startSpi;
    }

    /**
     * Returns the (F) End IPsec SPI.
     *
     * @return the SPI, 0..2^32-1, 0 when flag F is clear
     */
    public long endSpi() {
        return endSpi;
    }

    /**
     * Returns the (G) Start Source Port.
     *
     * @return the port, 0..65535, 0 when flag G is clear
     */
    public int startSourcePort() {
        return startSourcePort;
    }

    /**
     * Returns the (H) End Source Port.
     *
     * @return the port, 0..65535, 0 when flag H is clear
     */
    public int endSourcePort() {
        return endSourcePort;
    }

    /**
     * Returns the (I) Start Destination Port.
     *
     * @return the port, 0..65535, 0 when flag I is clear
     */
    public int startDestinationPort() {
        return startDestinationPort;
    }

    /**
     * Returns the (J) End Destination Port.
     *
     * @return the port, 0..65535, 0 when flag J is clear
     */
    public int endDestinationPort() {
        return endDestinationPort;
    }

    /**
     * Returns the (K) Start DS octet: the DS field in its six high bits.
     *
     * @return the octet, 0..255, 0 when flag K is clear
     */
    public int startDs() {
        return startDs;
    }

    /**
     * Returns the (L) End DS octet: the DS field in its six high bits.
     *
     * @return the octet, 0..255, 0 when flag L is clear
     */
    public int endDs() {
        return endDs;
    }

    /**
     * Returns the (M) Start Protocol.
     *
     * @return the protocol number, 0..255, 0 when flag M is clear
     */
    public int startProtocol() {
        return startProtocol;
    }

    /**
     * Returns the (N) End Protocol.
     *
     * @return the protocol number, 0..255, 0 when flag N is clear
     */
    public int endProtocol() {
        return endProtocol;
    }

    /**
     * Returns whether a packet with these fields matches the selector: each field the selector
     * names lies in its range (RFC 6088 §3.1). Allocates nothing.
     *
     * @param source          the packet's source address, its 32 bits
     * @param destination     the packet's destination address, its 32 bits
     * @param spi             the packet's IPsec SPI, 0..2^32-1, or {@link #NO_SPI}
     * @param sourcePort      the packet's source port, 0..65535, or {@link #NO_PORT}
     * @param destinationPort the packet's destination port, 0..65535, or {@link #NO_PORT}
     * @param ds              the packet's DS octet (the IPv4 Type of Service octet), 0..255;
     *                        its two ECN bits are ignored
     * @param protocol        the packet's protocol (the upper-layer protocol number), 0..255
     * @return whether the selector matches
     */
    public boolean matches(int source, int destination, long spi, int sourcePort, int destinationPort, int ds,
                           int protocol) {
        int s = source ^ Integer.MIN_VALUE;
        int d = destination ^ Integer.MIN_VALUE;
        return s >= sourceLow && s <= sourceHigh && d >= destinationLow && d <= destinationHigh
                && spi >= spiLow && spi <= spiHigh
                && sourcePort >= sourcePortLow && sourcePort <= sourcePortHigh
                && destinationPort >= destinationPortLow && destinationPort <= destinationPortHigh
                && ds >= dsLow && ds <= dsHigh
                && protocol >= protocolLow && protocol <= protocolHigh;
    }

    /**
     * Returns whether a packet with these fields matches the selector, as
     * {@link #matches(int, int, long, int, int, int, int)} does. Allocates nothing.
     *
     * @param source          the packet's source address
     * @param destination     the packet's destination address
     * @param spi             the packet's IPsec SPI, or {@link #NO_SPI}
     * @param sourcePort      the packet's source port, or {@link #NO_PORT}
     * @param destinationPort the packet's destination port, or {@link #NO_PORT}
     * @param ds              the packet's DS octet, 0..255
     * @param protocol        the packet's protocol, 0..255
     * @return whether the selector matches
     */
    public boolean matches(Ipv4Address source, Ipv4Address destination, long spi, int sourcePort,
                           int destinationPort, int ds, int protocol) {
        return matches(source.bits(), destination.bits(), spi, sourcePort, destinationPort, ds, protocol);
    }

    /**
     * Returns whether a packet matches the selector, its addresses read from a buffer (an IPv4
     * header, for example: source at 12, destination at 16), as
     * {@link #matches(int, int, long, int, int, int, int)} does. Allocates nothing.
     *
     * @param src               the buffer; read big-endian whatever its byte order, not moved
     * @param sourceIndex       the absolute index of the source address's first octet
     * @param destinationIndex  the absolute index of the destination address's first octet
     * @param spi               the packet's IPsec SPI, or {@link #NO_SPI}
     * @param sourcePort        the packet's source port, or {@link #NO_PORT}
     * @param destinationPort   the packet's destination port, or {@link #NO_PORT}
     * @param ds                the packet's DS octet, 0..255
     * @param protocol          the packet's protocol, 0..255
     * @return whether the selector matches
     * @throws IndexOutOfBoundsException if an address is not within the buffer's limit
     */
    public boolean matches(ByteBuffer src, int sourceIndex, int destinationIndex, long spi, int sourcePort,
                           int destinationPort, int ds, int protocol) {
        return matches(Wire.i32(src, sourceIndex), Wire.i32(src, destinationIndex), spi, sourcePort,
                destinationPort, ds, protocol);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4TrafficSelector t && flags == t.flags && reservedLow == t.reservedLow
                && startSource == t.startSource
                && endSource == t.endSource && startDestination == t.startDestination
                && endDestination == t.endDestination && startSpi == t.startSpi && endSpi == t.endSpi
                && startSourcePort == t.startSourcePort && endSourcePort == t.endSourcePort
                && startDestinationPort == t.startDestinationPort && endDestinationPort == t.endDestinationPort
                && startDs == t.startDs && endDs == t.endDs && startProtocol == t.startProtocol
                && endProtocol == t.endProtocol;
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, reservedLow, startSource, endSource, startDestination, endDestination, startSpi,
                endSpi,
                startSourcePort, endSourcePort, startDestinationPort, endDestinationPort, startDs, endDs,
                startProtocol, endProtocol);
    }

    /**
     * Returns the fields present, for example
     * {@code "Ipv4TrafficSelector[destinationPort=5060..5061, protocol=17]"}.
     *
     * @return the fields present
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Ipv4TrafficSelector[");
        TrafficSelectorText.range(sb, flags, START_SOURCE_ADDRESS, "source", startSourceAddress(),
                endSourceAddress());
        TrafficSelectorText.range(sb, flags, START_DESTINATION_ADDRESS, "destination", startDestinationAddress(),
                endDestinationAddress());
        TrafficSelectorText.range(sb, flags, START_SPI, "spi", startSpi, endSpi);
        TrafficSelectorText.range(sb, flags, START_SOURCE_PORT, "sourcePort", startSourcePort, endSourcePort);
        TrafficSelectorText.range(sb, flags, START_DESTINATION_PORT, "destinationPort", startDestinationPort,
                endDestinationPort);
        TrafficSelectorText.range(sb, flags, START_DS, "ds", startDs, endDs);
        TrafficSelectorText.range(sb, flags, START_PROTOCOL, "protocol", startProtocol, endProtocol);
        if (reserved() != 0) {
            TrafficSelectorText.field(sb, "reserved", reserved());
        }
        return sb.append(']').toString();
    }

    /**
     * Builds an {@link Ipv4TrafficSelector}: each call names a field as a single value or an
     * inclusive range and sets its flags; a field never named is absent and matches any value.
     */
    public static final class Builder {
        private int flags;
        private int reservedLow;
        private final int[] v = new int[14];
        private final long[] spi = new long[2];

        private Builder() {
        }

        private Builder set(int startFlag, int index, long start, long end, boolean range) {
            flags = flags & ~(startFlag | startFlag >>> 1) | startFlag | (range ? startFlag >>> 1 : 0);
            if (index == 4) {
                spi[0] = start;
                spi[1] = range ? end : 0;
            } else {
                v[index] = (int) start;
                v[index + 1] = range ? (int) end : 0;
            }
            return this;
        }

        /**
         * Names a single source address (flag A).
         *
         * @param address the address
         * @return this builder
         */
        public Builder sourceAddress(Ipv4Address address) {
            return set(START_SOURCE_ADDRESS, 0, address.bits(), 0, false);
        }

        /**
         * Names a range of source addresses (flags A and B).
         *
         * @param start the first address
         * @param end the last address
         * @return this builder
         */
        public Builder sourceAddressRange(Ipv4Address start, Ipv4Address end) {
            return set(START_SOURCE_ADDRESS, 0, start.bits(), end.bits(), true);
        }

        /**
         * Names a single destination address (flag C).
         *
         * @param address the address
         * @return this builder
         */
        public Builder destinationAddress(Ipv4Address address) {
            return set(START_DESTINATION_ADDRESS, 2, address.bits(), 0, false);
        }

        /**
         * Names a range of destination addresses (flags C and D).
         *
         * @param start the first address
         * @param end the last address
         * @return this builder
         */
        public Builder destinationAddressRange(Ipv4Address start, Ipv4Address end) {
            return set(START_DESTINATION_ADDRESS, 2, start.bits(), end.bits(), true);
        }

        /**
         * Names a single IPsec SPI (flag E).
         *
         * @param spi the SPI, 0..2^32-1
         * @return this builder
         */
        public Builder spi(long spi) {
            return set(START_SPI, 4, spi, 0, false);
        }

        /**
         * Names a range of IPsec SPIs (flags E and F).
         *
         * @param start the first SPI, 0..2^32-1
         * @param end the last SPI, 0..2^32-1
         * @return this builder
         */
        public Builder spiRange(long start, long end) {
            return set(START_SPI, 4, start, end, true);
        }

        /**
         * Names a single source port (flag G).
         *
         * @param port the port, 0..65535
         * @return this builder
         */
        public Builder sourcePort(int port) {
            return set(START_SOURCE_PORT, 6, port, 0, false);
        }

        /**
         * Names a range of source ports (flags G and H).
         *
         * @param start the first port, 0..65535
         * @param end the last port, 0..65535
         * @return this builder
         */
        public Builder sourcePortRange(int start, int end) {
            return set(START_SOURCE_PORT, 6, start, end, true);
        }

        /**
         * Names a single destination port (flag I).
         *
         * @param port the port, 0..65535
         * @return this builder
         */
        public Builder destinationPort(int port) {
            return set(START_DESTINATION_PORT, 8, port, 0, false);
        }

        /**
         * Names a range of destination ports (flags I and J).
         *
         * @param start the first port, 0..65535
         * @param end the last port, 0..65535
         * @return this builder
         */
        public Builder destinationPortRange(int start, int end) {
            return set(START_DESTINATION_PORT, 8, start, end, true);
        }

        /**
         * Names a single DS value (flag K), as the octet whose six high bits are the DS field.
         *
         * @param octet the octet, 0..255 (a DSCP d is {@code d << 2})
         * @return this builder
         */
        public Builder ds(int octet) {
            return set(START_DS, 10, octet, 0, false);
        }

        /**
         * Names a range of DS values (flags K and L), as octets whose six high bits are the DS
         * field.
         *
         * @param start the first octet, 0..255
         * @param end the last octet, 0..255
         * @return this builder
         */
        public Builder dsRange(int start, int end) {
            return set(START_DS, 10, start, end, true);
        }

        /**
         * Names a single protocol (flag M).
         *
         * @param protocol the protocol number, 0..255
         * @return this builder
         */
        public Builder protocol(int protocol) {
            return set(START_PROTOCOL, 12, protocol, 0, false);
        }

        /**
         * Names a range of protocols (flags M and N).
         *
         * @param start the first protocol number, 0..255
         * @param end the last protocol number, 0..255
         * @return this builder
         */
        public Builder protocolRange(int start, int end) {
            return set(START_PROTOCOL, 12, start, end, true);
        }

        /**
         * Sets the 18 Reserved bits after flag N (0 unless reproducing a received selector).
         *
         * @param bits the bits, 0..2^18-1, as {@link Ipv4TrafficSelector#reserved()} gives them
         * @return this builder
         */
        public Builder reserved(int bits) {
            Check.inRange("reserved", bits, 0, RESERVED_BITS);
            flags = flags & ~RESERVED | bits >>> 16;
            reservedLow = bits & 0xFFFF;
            return this;
        }

        /**
         * Returns the selector.
         *
         * @return the selector with the fields named so far
         * @throws IllegalArgumentException if a value is out of range
         */
        public Ipv4TrafficSelector build() {
            return new Ipv4TrafficSelector(flags, reservedLow, v[0], v[1], v[2], v[3], spi[0], spi[1], v[6], v[7],
                    v[8], v[9],
                    v[10], v[11], v[12], v[13]);
        }
    }
}
