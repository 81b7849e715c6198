package org.tunnelcodec.mip6;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.internal.Check;
import org.tunnelcodec.core.internal.Wire;

/**
 * The IPv6 binary traffic selector (RFC 6088 §3.2, TS Format 2): flags A to P say which of
 * the fields after them are present, in this order.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Sub-opt Type   |  Sub-Opt Len  |   TS Format   |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |A|B|C|D|E|F|G|H|I|J|K|L|M|N|O|P|          Reserved             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 (A) Start Source Address (128 bits)           |
 * |                 (B) End Source Address (128 bits)             |
 * |                 (C) Start Destination Address (128 bits)      |
 * |                 (D) End Destination Address (128 bits)        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 (E) Start IPsec SPI                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 (F) End IPsec SPI                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      (G) Start Flow Label                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       (H) End Flow Label                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   (I) Start Source Port       |   (J) End Source Port         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   (K) Start Destination Port  |   (L) End Destination Port    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | (M) Start TC  |  (N) End TC   | (O) Start NH  |  (P) End NH   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * This is Figure 2 of RFC 6088 §3.2 (addresses drawn on one line each). The first word belongs
 * to the sub-option ({@link FlowSubOption.TrafficSelector}); the selector starts with the
 * second, a 32-bit word of 16 flags and 16 Reserved bits. The diagram shows every field; only
 * those whose flag is set are on the wire, one after another without gaps, so the selector is 4
 * to 96 octets. The Reserved bits are kept as received ({@link #reserved()}; "MUST be set to
 * zero by the sender and ignored by the receiver", §3.2). The sub-option's alignment
 * requirement (§3.2: 8n if A..D is set, 4n if E..H, 2n if I..L, n if M..P) is the sender's to
 * meet with padding sub-options.
 *
 * <p>Ranges are inclusive and a field without its end is a single value (an End field "MUST NOT
 * be included unless the Start ... field is included", so one is refused); addresses compare as
 * unsigned 128-bit numbers. Each flow label field is 32 bits: "the sender of this option MUST
 * prefix the flow label value with 8 bits of "0"" and "the receiver SHOULD ignore the first 8
 * bits of this field" (§3.2, which calls the label 24 bits long; it is 20, RFC 8200 §6), so the
 * 32 bits are kept as received and the low 24 compared. The Traffic Class fields are 8 bits,
 * "the 6 most significant bits indicate the DS field to be matched and the 2 least significant
 * bits' values MUST be ignored in any comparison" (§3.2; the ECN bits, RFC 3168). Fields absent from the selector read as 0 ({@link Ipv6Address#ANY}).
 *
 * <p>Instances are immutable values; {@code matches} compares a packet with bounds made when
 * the selector is built (each address as two {@code long}s) and allocates nothing.
 */
public final class Ipv6TrafficSelector implements BinaryTrafficSelector {
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
    /** Flag G: the Start Flow Label is present. */
    public static final int START_FLOW_LABEL = 0x0200;
    /** Flag H: the End Flow Label is present. */
    public static final int END_FLOW_LABEL = 0x0100;
    /** Flag I: the Start Source Port is present. */
    public static final int START_SOURCE_PORT = 0x0080;
    /** Flag J: the End Source Port is present. */
    public static final int END_SOURCE_PORT = 0x0040;
    /** Flag K: the Start Destination Port is present. */
    public static final int START_DESTINATION_PORT = 0x0020;
    /** Flag L: the End Destination Port is present. */
    public static final int END_DESTINATION_PORT = 0x0010;
    /** Flag M: the Start Traffic Class is present. */
    public static final int START_TRAFFIC_CLASS = 0x0008;
    /** Flag N: the End Traffic Class is present. */
    public static final int END_TRAFFIC_CLASS = 0x0004;
    /** Flag O: the Start Next Header is present. */
    public static final int START_NEXT_HEADER = 0x0002;
    /** Flag P: the End Next Header is present. */
    public static final int END_NEXT_HEADER = 0x0001;

    /** The 16 Reserved bits after flag P, as {@link #reserved()} gives them. */
    public static final int RESERVED_BITS = 0xFFFF;

    /** The bits of a flow label field compared: the receiver ignores the first 8. */
    private static final int FLOW_LABEL_BITS = 0x00FF_FFFF;

    private final int flags;
    /** The last 16 bits of the 32-bit flags word, all Reserved. */
    private final int reserved;
    private final long startSourceHigh;
    private final long startSourceLow;
    private final long endSourceHigh;
    private final long endSourceLow;
    private final long startDestinationHigh;
    private final long startDestinationLow;
    private final long endDestinationHigh;
    private final long endDestinationLow;
    private final long startSpi;
    private final long endSpi;
    private final long startFlowLabel;
    private final long endFlowLabel;
    private final int startSourcePort;
    private final int endSourcePort;
    private final int startDestinationPort;
    private final int endDestinationPort;
    private final int startTrafficClass;
    private final int endTrafficClass;
    private final int startNextHeader;
    private final int endNextHeader;

    // The inclusive bounds matches() compares with: the whole range for a field the selector
    // does not name, so that it needs no flag test; each address as two longs with their sign
    // bits flipped, so that signed comparisons order them as unsigned 128-bit numbers.
    private final long sourceLowHigh;
    private final long sourceLowLow;
    private final long sourceHighHigh;
    private final long sourceHighLow;
    private final long destinationLowHigh;
    private final long destinationLowLow;
    private final long destinationHighHigh;
    private final long destinationHighLow;
    private final long spiLow;
    private final long spiHigh;
    private final int flowLabelLow;
    private final int flowLabelHigh;
    private final int sourcePortLow;
    private final int sourcePortHigh;
    private final int destinationPortLow;
    private final int destinationPortHigh;
    private final int trafficClassLow;
    private final int trafficClassHigh;
    private final int nextHeaderLow;
    private final int nextHeaderHigh;

    private Ipv6TrafficSelector(int flags, int reserved, long[] addresses, long startSpi, long endSpi, long startFlowLabel,
                                long endFlowLabel, int startSourcePort, int endSourcePort, int startDestinationPort,
                                int endDestinationPort, int startTrafficClass, int endTrafficClass,
                                int startNextHeader, int endNextHeader) {
        Check.inRange("flags", flags, 0, 0xFFFF);
        if (Mip6Layout.tsEndWithoutStart(Mip6Layout.TS_IPV6, flags)) {
            throw new IllegalArgumentException(String.format(
                    "flags: 0x%04X (expected: each End flag with its Start flag, RFC 6088 §3.2)", flags));
        }
        this.flags = flags;
        this.reserved = Check.inRange("reserved", reserved, 0, RESERVED_BITS);
        startSourceHigh = addresses[0];
        startSourceLow = addresses[1];
        endSourceHigh = addresses[2];
        endSourceLow = addresses[3];
        startDestinationHigh = addresses[4];
        startDestinationLow = addresses[5];
        endDestinationHigh = addresses[6];
        endDestinationLow = addresses[7];
        this.startSpi = Check.inRange("startSpi", startSpi, 0, 0xFFFF_FFFFL);
        this.endSpi = Check.inRange("endSpi", endSpi, 0, 0xFFFF_FFFFL);
        this.startFlowLabel = Check.inRange("startFlowLabel", startFlowLabel, 0, 0xFFFF_FFFFL);
        this.endFlowLabel = Check.inRange("endFlowLabel", endFlowLabel, 0, 0xFFFF_FFFFL);
        this.startSourcePort = Check.inRange("startSourcePort", startSourcePort, 0, 0xFFFF);
        this.endSourcePort = Check.inRange("endSourcePort", endSourcePort, 0, 0xFFFF);
        this.startDestinationPort = Check.inRange("startDestinationPort", startDestinationPort, 0, 0xFFFF);
        this.endDestinationPort = Check.inRange("endDestinationPort", endDestinationPort, 0, 0xFFFF);
        this.startTrafficClass = Check.inRange("startTrafficClass", startTrafficClass, 0, 0xFF);
        this.endTrafficClass = Check.inRange("endTrafficClass", endTrafficClass, 0, 0xFF);
        this.startNextHeader = Check.inRange("startNextHeader", startNextHeader, 0, 0xFF);
        this.endNextHeader = Check.inRange("endNextHeader", endNextHeader, 0, 0xFF);

        int source = range(START_SOURCE_ADDRESS, startSourceHigh | startSourceLow, endSourceHigh | endSourceLow);
        sourceLowHigh = source == 0 ? Long.MIN_VALUE : startSourceHigh ^ Long.MIN_VALUE;
        sourceLowLow = source == 0 ? Long.MIN_VALUE : startSourceLow ^ Long.MIN_VALUE;
        sourceHighHigh = source == 0 ? Long.MAX_VALUE : (source == 1 ? startSourceHigh : endSourceHigh) ^ Long.MIN_VALUE;
        sourceHighLow = source == 0 ? Long.MAX_VALUE : (source == 1 ? startSourceLow : endSourceLow) ^ Long.MIN_VALUE;
        int destination = range(START_DESTINATION_ADDRESS, startDestinationHigh | startDestinationLow,
                endDestinationHigh | endDestinationLow);
        destinationLowHigh = destination == 0 ? Long.MIN_VALUE : startDestinationHigh ^ Long.MIN_VALUE;
        destinationLowLow = destination == 0 ? Long.MIN_VALUE : startDestinationLow ^ Long.MIN_VALUE;
        destinationHighHigh = destination == 0 ? Long.MAX_VALUE
                : (destination == 1 ? startDestinationHigh : endDestinationHigh) ^ Long.MIN_VALUE;
        destinationHighLow = destination == 0 ? Long.MAX_VALUE
                : (destination == 1 ? startDestinationLow : endDestinationLow) ^ Long.MIN_VALUE;
        int spi = range(START_SPI, startSpi, endSpi);
        spiLow = spi == 0 ? Long.MIN_VALUE : startSpi;
        spiHigh = spi == 0 ? Long.MAX_VALUE : spi == 1 ? startSpi : endSpi;
        int flowLabel = range(START_FLOW_LABEL, startFlowLabel, endFlowLabel);
        flowLabelLow = low(flowLabel, (int) startFlowLabel & FLOW_LABEL_BITS);
        flowLabelHigh = high(flowLabel, (int) startFlowLabel & FLOW_LABEL_BITS, (int) endFlowLabel & FLOW_LABEL_BITS);
        int sourcePort = range(START_SOURCE_PORT, startSourcePort, endSourcePort);
        sourcePortLow = low(sourcePort, startSourcePort);
        sourcePortHigh = high(sourcePort, startSourcePort, endSourcePort);
        int destinationPort = range(START_DESTINATION_PORT, startDestinationPort, endDestinationPort);
        destinationPortLow = low(destinationPort, startDestinationPort);
        destinationPortHigh = high(destinationPort, startDestinationPort, endDestinationPort);
        int trafficClass = range(START_TRAFFIC_CLASS, startTrafficClass, endTrafficClass);
        trafficClassLow = low(trafficClass, startTrafficClass & 0xFC);
        trafficClassHigh = high(trafficClass, startTrafficClass | 0x03, endTrafficClass | 0x03);
        int nextHeader = range(START_NEXT_HEADER, startNextHeader, endNextHeader);
        nextHeaderLow = low(nextHeader, startNextHeader);
        nextHeaderHigh = high(nextHeader, startNextHeader, endNextHeader);
    }

    /**
     * Which of a start/end pair {@code flags} sets: 0 neither, 1 the start, 2 both; checks that
     * an absent field is 0 (for an address, the OR of its two halves).
     */
    private int range(int startFlag, long start, long end) {
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
    static Ipv6TrafficSelector read(ByteBuffer src, int index) {
        int f = Wire.u16(src, index);
        int reserved = Wire.u16(src, index + 2);
        int at = index + Mip6Layout.TS_FLAGS_LENGTH;
        long[] addresses = new long[8];
        for (int i = 0; i < 4; i++) {
            if ((f & START_SOURCE_ADDRESS >>> i) != 0) {
                addresses[2 * i] = Wire.i64(src, at);
                addresses[2 * i + 1] = Wire.i64(src, at + 8);
                at += 16;
            }
        }
        long startSpi = (f & START_SPI) != 0 ? Wire.u32(src, at) : 0;
        at += (f & START_SPI) != 0 ? 4 : 0;
        long endSpi = (f & END_SPI) != 0 ? Wire.u32(src, at) : 0;
        at += (f & END_SPI) != 0 ? 4 : 0;
        long startFlowLabel = (f & START_FLOW_LABEL) != 0 ? Wire.u32(src, at) : 0;
        at += (f & START_FLOW_LABEL) != 0 ? 4 : 0;
        long endFlowLabel = (f & END_FLOW_LABEL) != 0 ? Wire.u32(src, at) : 0;
        at += (f & END_FLOW_LABEL) != 0 ? 4 : 0;
        int startSourcePort = (f & START_SOURCE_PORT) != 0 ? Wire.u16(src, at) : 0;
        at += (f & START_SOURCE_PORT) != 0 ? 2 : 0;
        int endSourcePort = (f & END_SOURCE_PORT) != 0 ? Wire.u16(src, at) : 0;
        at += (f & END_SOURCE_PORT) != 0 ? 2 : 0;
        int startDestinationPort = (f & START_DESTINATION_PORT) != 0 ? Wire.u16(src, at) : 0;
        at += (f & START_DESTINATION_PORT) != 0 ? 2 : 0;
        int endDestinationPort = (f & END_DESTINATION_PORT) != 0 ? Wire.u16(src, at) : 0;
        at += (f & END_DESTINATION_PORT) != 0 ? 2 : 0;
        int startTrafficClass = (f & START_TRAFFIC_CLASS) != 0 ? Wire.u8(src, at) : 0;
        at += (f & START_TRAFFIC_CLASS) != 0 ? 1 : 0;
        int endTrafficClass = (f & END_TRAFFIC_CLASS) != 0 ? Wire.u8(src, at) : 0;
        at += (f & END_TRAFFIC_CLASS) != 0 ? 1 : 0;
        int startNextHeader = (f & START_NEXT_HEADER) != 0 ? Wire.u8(src, at) : 0;
        at += (f & START_NEXT_HEADER) != 0 ? 1 : 0;
        int endNextHeader = (f & END_NEXT_HEADER) != 0 ? Wire.u8(src, at) : 0;
        return new Ipv6TrafficSelector(f, reserved, addresses, startSpi, endSpi, startFlowLabel, endFlowLabel, startSourcePort,
                endSourcePort, startDestinationPort, endDestinationPort, startTrafficClass, endTrafficClass,
                startNextHeader, endNextHeader);
    }

    /** Writes the selector at {@code index}, in {@link #length()} octets; the caller has checked there is room. */
    void write(ByteBuffer dst, int index) {
        Wire.put16(dst, index, flags);
        Wire.put16(dst, index + 2, reserved);
        int at = index + Mip6Layout.TS_FLAGS_LENGTH;
        at = putAddress(dst, at, START_SOURCE_ADDRESS, startSourceHigh, startSourceLow);
        at = putAddress(dst, at, END_SOURCE_ADDRESS, endSourceHigh, endSourceLow);
        at = putAddress(dst, at, START_DESTINATION_ADDRESS, startDestinationHigh, startDestinationLow);
        at = putAddress(dst, at, END_DESTINATION_ADDRESS, endDestinationHigh, endDestinationLow);
        at = put(dst, at, START_SPI, 4, startSpi);
        at = put(dst, at, END_SPI, 4, endSpi);
        at = put(dst, at, START_FLOW_LABEL, 4, startFlowLabel);
        at = put(dst, at, END_FLOW_LABEL, 4, endFlowLabel);
        at = put(dst, at, START_SOURCE_PORT, 2, startSourcePort);
        at = put(dst, at, END_SOURCE_PORT, 2, endSourcePort);
        at = put(dst, at, START_DESTINATION_PORT, 2, startDestinationPort);
        at = put(dst, at, END_DESTINATION_PORT, 2, endDestinationPort);
        at = put(dst, at, START_TRAFFIC_CLASS, 1, startTrafficClass);
        at = put(dst, at, END_TRAFFIC_CLASS, 1, endTrafficClass);
        at = put(dst, at, START_NEXT_HEADER, 1, startNextHeader);
        put(dst, at, END_NEXT_HEADER, 1, endNextHeader);
    }

    private int putAddress(ByteBuffer dst, int at, int flag, long high, long low) {
        if ((flags & flag) == 0) {
            return at;
        }
        Wire.put64(dst, at, high);
        Wire.put64(dst, at + 8, low);
        return at + 16;
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
        return Mip6Layout.TS_IPV6;
    }

    @Override
    public int flags() {
        return flags;
    }

    @Override
    public int length() {
        return Mip6Layout.tsLength(Mip6Layout.TS_IPV6, flags);
    }

    /**
     * Returns the 16 Reserved bits after flag P (RFC 6088 §3.2), as received.
     *
     * @return the Reserved bits, 0..65535 (0 when sent)
     */
    @Override
    public int reserved() {
        return reserved;
    }

    /**
     * Returns the (A) Start Source Address.
     *
     * @return the address, {@link Ipv6Address#ANY} when flag A is clear
     */
    public Ipv6Address startSourceAddress() {
        return Ipv6Address.of(startSourceHigh, startSourceLow);
    }

    /**
     * Returns the (B) End Source Address.
     *
     * @return the address, {@link Ipv6Address#ANY} when flag B is clear
     */
    public Ipv6Address endSourceAddress() {
        return Ipv6Address.of(endSourceHigh, endSourceLow);
    }

    /**
     * Returns the (C) Start Destination Address.
     *
     * @return the address, {@link Ipv6Address#ANY} when flag C is clear
     */
    public Ipv6Address startDestinationAddress() {
        return Ipv6Address.of(startDestinationHigh, startDestinationLow);
    }

    /**
     * Returns the (D) End Destination Address.
     *
     * @return the address, {@link Ipv6Address#ANY} when flag D is clear
     */
    public Ipv6Address endDestinationAddress() {
        return Ipv6Address.of(endDestinationHigh, endDestinationLow);
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
     * Returns the (G) Start Flow Label field, its 32 bits as received.
     *
     * @return the field, 0..2^32-1, the label in its low bits; 0 when flag G is clear
     */
    public long startFlowLabel() {
        return startFlowLabel;
    }

    /**
     * Returns the (H) End Flow Label field, its 32 bits as received.
     *
     * @return the field, 0..2^32-1, the label in its low bits; 0 when flag H is clear
     */
    public long endFlowLabel() {
        return endFlowLabel;
    }

    /**
     * Returns the (I) Start Source Port.
     *
     * @return the port, 0..65535, 0 when flag I is clear
     */
    public int startSourcePort() {
        return startSourcePort;
    }

    /**
     * Returns the (J) End Source Port.
     *
     * @return the port, 0..65535, 0 when flag J is clear
     */
    public int endSourcePort() {
        return endSourcePort;
    }

    /**
     * Returns the (K) Start Destination Port.
     *
     * @return the port, 0..65535, 0 when flag K is clear
     */
    public int startDestinationPort() {
        return startDestinationPort;
    }

    /**
     * Returns the (L) End Destination Port.
     *
     * @return the port, 0..65535, 0 when flag L is clear
     */
    public int endDestinationPort() {
        return endDestinationPort;
    }

    /**
     * Returns the (M) Start Traffic Class octet: the DS field in its six high bits.
     *
     * @return the octet, 0..255, 0 when flag M is clear
     */
    public int startTrafficClass() {
        return startTrafficClass;
    }

    /**
     * Returns the (N) End Traffic Class octet: the DS field in its six high bits.
     *
     * @return the octet, 0..255, 0 when flag N is clear
     */
    public int endTrafficClass() {
        return endTrafficClass;
    }

    /**
     * Returns the (O) Start Next Header.
     *
     * @return the Next Header value, 0..255, 0 when flag O is clear
     */
    public int startNextHeader() {
        return startNextHeader;
    }

    /**
     * Returns the (P) End Next Header.
     *
     * @return the Next Header value, 0..255, 0 when flag P is clear
     */
    public int endNextHeader() {
        return endNextHeader;
    }

    /**
     * Returns whether a packet with these fields matches the selector: each field the selector
     * names lies in its range (RFC 6088 §3.2). Allocates nothing.
     *
     * @param sourceHigh      the first 64 bits of the packet's source address
     * @param sourceLow       the last 64 bits of the packet's source address
     * @param destinationHigh the first 64 bits of the packet's destination address
     * @param destinationLow  the last 64 bits of the packet's destination address
     * @param spi             the packet's IPsec SPI, 0..2^32-1, or {@link #NO_SPI}
     * @param flowLabel       the packet's flow label, 0..2^20-1
     * @param sourcePort      the packet's source port, 0..65535, or {@link #NO_PORT}
     * @param destinationPort the packet's destination port, 0..65535, or {@link #NO_PORT}
     * @param trafficClass    the packet's Traffic Class octet, 0..255; its two ECN bits are ignored
     * @param nextHeader      the packet's upper-layer protocol (the last Next Header), 0..255
     * @return whether the selector matches
     */
    public boolean matches(long sourceHigh, long sourceLow, long destinationHigh, long destinationLow, long spi,
                           int flowLabel, int sourcePort, int destinationPort, int trafficClass, int nextHeader) {
        long sh = sourceHigh ^ Long.MIN_VALUE;
        long sl = sourceLow ^ Long.MIN_VALUE;
        long dh = destinationHigh ^ Long.MIN_VALUE;
        long dl = destinationLow ^ Long.MIN_VALUE;
        return (sh > sourceLowHigh || sh == sourceLowHigh && sl >= sourceLowLow)
                && (sh < sourceHighHigh || sh == sourceHighHigh && sl <= sourceHighLow)
                && (dh > destinationLowHigh || dh == destinationLowHigh && dl >= destinationLowLow)
                && (dh < destinationHighHigh || dh == destinationHighHigh && dl <= destinationHighLow)
                && spi >= spiLow && spi <= spiHigh
                && flowLabel >= flowLabelLow && flowLabel <= flowLabelHigh
                && sourcePort >= sourcePortLow && sourcePort <= sourcePortHigh
                && destinationPort >= destinationPortLow && destinationPort <= destinationPortHigh
                && trafficClass >= trafficClassLow && trafficClass <= trafficClassHigh
                && nextHeader >= nextHeaderLow && nextHeader <= nextHeaderHigh;
    }

    /**
     * Returns whether a packet with these fields matches the selector, as
     * {@link #matches(long, long, long, long, long, int, int, int, int, int)} does. Allocates
     * nothing.
     *
     * @param source          the packet's source address
     * @param destination     the packet's destination address
     * @param spi             the packet's IPsec SPI, or {@link #NO_SPI}
     * @param flowLabel       the packet's flow label
     * @param sourcePort      the packet's source port, or {@link #NO_PORT}
     * @param destinationPort the packet's destination port, or {@link #NO_PORT}
     * @param trafficClass    the packet's Traffic Class octet, 0..255
     * @param nextHeader      the packet's upper-layer protocol, 0..255
     * @return whether the selector matches
     */
    public boolean matches(Ipv6Address source, Ipv6Address destination, long spi, int flowLabel, int sourcePort,
                           int destinationPort, int trafficClass, int nextHeader) {
        return matches(source.high(), source.low(), destination.high(), destination.low(), spi, flowLabel,
                sourcePort, destinationPort, trafficClass, nextHeader);
    }

    /**
     * Returns whether a packet matches the selector, its addresses read from a buffer (an IPv6
     * header, for example: source at 8, destination at 24), as
     * {@link #matches(long, long, long, long, long, int, int, int, int, int)} does. Allocates
     * nothing.
     *
     * @param src              the buffer; read big-endian whatever its byte order, not moved
     * @param sourceIndex      the absolute index of the source address's first octet
     * @param destinationIndex the absolute index of the destination address's first octet
     * @param spi              the packet's IPsec SPI, or {@link #NO_SPI}
     * @param flowLabel        the packet's flow label
     * @param sourcePort       the packet's source port, or {@link #NO_PORT}
     * @param destinationPort  the packet's destination port, or {@link #NO_PORT}
     * @param trafficClass     the packet's Traffic Class octet, 0..255
     * @param nextHeader       the packet's upper-layer protocol, 0..255
     * @return whether the selector matches
     * @throws IndexOutOfBoundsException if an address is not within the buffer's limit
     */
    public boolean matches(ByteBuffer src, int sourceIndex, int destinationIndex, long spi, int flowLabel,
                           int sourcePort, int destinationPort, int trafficClass, int nextHeader) {
        return matches(Wire.i64(src, sourceIndex), Wire.i64(src, sourceIndex + 8), Wire.i64(src, destinationIndex),
                Wire.i64(src, destinationIndex + 8), spi, flowLabel, sourcePort, destinationPort, trafficClass,
                nextHeader);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv6TrafficSelector t && flags == t.flags && reserved == t.reserved
                && startSourceHigh == t.startSourceHigh
                && startSourceLow == t.startSourceLow && endSourceHigh == t.endSourceHigh
                && endSourceLow == t.endSourceLow && startDestinationHigh == t.startDestinationHigh
                && startDestinationLow == t.startDestinationLow && endDestinationHigh == t.endDestinationHigh
                && endDestinationLow == t.endDestinationLow && startSpi == t.startSpi && endSpi == t.endSpi
                && startFlowLabel == t.startFlowLabel && endFlowLabel == t.endFlowLabel
                && startSourcePort == t.startSourcePort && endSourcePort == t.endSourcePort
                && startDestinationPort == t.startDestinationPort && endDestinationPort == t.endDestinationPort
                && startTrafficClass == t.startTrafficClass && endTrafficClass == t.endTrafficClass
                && startNextHeader == t.startNextHeader && endNextHeader == t.endNextHeader;
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, reserved, startSourceHigh, startSourceLow, endSourceHigh, endSourceLow, startDestinationHigh,
                startDestinationLow, endDestinationHigh, endDestinationLow, startSpi, endSpi, startFlowLabel,
                endFlowLabel, startSourcePort, endSourcePort, startDestinationPort, endDestinationPort,
                startTrafficClass, endTrafficClass, startNextHeader, endNextHeader);
    }

    /**
     * Returns the fields present, for example
     * {@code "Ipv6TrafficSelector[destination=2001:db8::1, nextHeader=6]"}.
     *
     * @return the fields present
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Ipv6TrafficSelector[");
        TrafficSelectorText.range(sb, flags, START_SOURCE_ADDRESS, "source", startSourceAddress(),
                endSourceAddress());
        TrafficSelectorText.range(sb, flags, START_DESTINATION_ADDRESS, "destination", startDestinationAddress(),
                endDestinationAddress());
        TrafficSelectorText.range(sb, flags, START_SPI, "spi", startSpi, endSpi);
        TrafficSelectorText.range(sb, flags, START_FLOW_LABEL, "flowLabel", startFlowLabel, endFlowLabel);
        TrafficSelectorText.range(sb, flags, START_SOURCE_PORT, "sourcePort", startSourcePort, endSourcePort);
        TrafficSelectorText.range(sb, flags, START_DESTINATION_PORT, "destinationPort", startDestinationPort,
                endDestinationPort);
        TrafficSelectorText.range(sb, flags, START_TRAFFIC_CLASS, "trafficClass", startTrafficClass, endTrafficClass);
        TrafficSelectorText.range(sb, flags, START_NEXT_HEADER, "nextHeader", startNextHeader, endNextHeader);
        if (reserved != 0) {
            TrafficSelectorText.field(sb, "reserved", reserved);
        }
        return sb.append(']').toString();
    }

    /**
     * Builds an {@link Ipv6TrafficSelector}: each call names a field as a single value or an
     * inclusive range and sets its flags; a field never named is absent and matches any value.
     */
    public static final class Builder {
        private int flags;
        private int reserved;
        private final long[] addresses = new long[8];
        /** SPI, flow label, source port, destination port, traffic class, next header: start and end of each. */
        private final long[] values = new long[12];

        private Builder() {
        }

        private Builder pair(int startFlag, boolean range) {
            flags = flags & ~(startFlag | startFlag >>> 1) | startFlag | (range ? startFlag >>> 1 : 0);
            return this;
        }

        private Builder address(int startFlag, int index, Ipv6Address start, Ipv6Address end) {
            addresses[index] = start.high();
            addresses[index + 1] = start.low();
            addresses[index + 2] = end == null ? 0 : end.high();
            addresses[index + 3] = end == null ? 0 : end.low();
            return pair(startFlag, end != null);
        }

        private Builder value(int startFlag, int index, long start, long end, boolean range) {
            values[index] = start;
            values[index + 1] = range ? end : 0;
            return pair(startFlag, range);
        }

        /**
         * Names a single source address (flag A).
         *
         * @param address the address
         * @return this builder
         */
        public Builder sourceAddress(Ipv6Address address) {
            return address(START_SOURCE_ADDRESS, 0, address, null);
        }

        /**
         * Names a range of source addresses (flags A and B).
         *
         * @param start the first address
         * @param end the last address
         * @return this builder
         */
        public Builder sourceAddressRange(Ipv6Address start, Ipv6Address end) {
            return address(START_SOURCE_ADDRESS, 0, start, Objects.requireNonNull(end, "end"));
        }

        /**
         * Names a single destination address (flag C).
         *
         * @param address the address
         * @return this builder
         */
        public Builder destinationAddress(Ipv6Address address) {
            return address(START_DESTINATION_ADDRESS, 4, address, null);
        }

        /**
         * Names a range of destination addresses (flags C and D).
         *
         * @param start the first address
         * @param end the last address
         * @return this builder
         */
        public Builder destinationAddressRange(Ipv6Address start, Ipv6Address end) {
            return address(START_DESTINATION_ADDRESS, 4, start, Objects.requireNonNull(end, "end"));
        }

        /**
         * Names a single IPsec SPI (flag E).
         *
         * @param spi the SPI, 0..2^32-1
         * @return this builder
         */
        public Builder spi(long spi) {
            return value(START_SPI, 0, spi, 0, false);
        }

        /**
         * Names a range of IPsec SPIs (flags E and F).
         *
         * @param start the first SPI, 0..2^32-1
         * @param end the last SPI, 0..2^32-1
         * @return this builder
         */
        public Builder spiRange(long start, long end) {
            return value(START_SPI, 0, start, end, true);
        }

        /**
         * Names a single flow label (flag G).
         *
         * @param label the flow label, 0..2^20-1
         * @return this builder
         */
        public Builder flowLabel(int label) {
            Check.inRange("label", label, 0, 0xF_FFFF);
            return value(START_FLOW_LABEL, 2, label, 0, false);
        }

        /**
         * Names a range of flow labels (flags G and H).
         *
         * @param start the first flow label, 0..2^20-1
         * @param end the last flow label, 0..2^20-1
         * @return this builder
         */
        public Builder flowLabelRange(int start, int end) {
            Check.inRange("start", start, 0, 0xF_FFFF);
            Check.inRange("end", end, 0, 0xF_FFFF);
            return value(START_FLOW_LABEL, 2, start, end, true);
        }

        /**
         * Names a single source port (flag I).
         *
         * @param port the port, 0..65535
         * @return this builder
         */
        public Builder sourcePort(int port) {
            return value(START_SOURCE_PORT, 4, port, 0, false);
        }

        /**
         * Names a range of source ports (flags I and J).
         *
         * @param start the first port, 0..65535
         * @param end the last port, 0..65535
         * @return this builder
         */
        public Builder sourcePortRange(int start, int end) {
            return value(START_SOURCE_PORT, 4, start, end, true);
        }

        /**
         * Names a single destination port (flag K).
         *
         * @param port the port, 0..65535
         * @return this builder
         */
        public Builder destinationPort(int port) {
            return value(START_DESTINATION_PORT, 6, port, 0, false);
        }

        /**
         * Names a range of destination ports (flags K and L).
         *
         * @param start the first port, 0..65535
         * @param end the last port, 0..65535
         * @return this builder
         */
        public Builder destinationPortRange(int start, int end) {
            return value(START_DESTINATION_PORT, 6, start, end, true);
        }

        /**
         * Names a single traffic class (flag M), as the octet whose six high bits are the DS field.
         *
         * @param octet the octet, 0..255 (a DSCP d is {@code d << 2})
         * @return this builder
         */
        public Builder trafficClass(int octet) {
            return value(START_TRAFFIC_CLASS, 8, octet, 0, false);
        }

        /**
         * Names a range of traffic classes (flags M and N), as octets whose six high bits are the
         * DS field.
         *
         * @param start the first octet, 0..255
         * @param end the last octet, 0..255
         * @return this builder
         */
        public Builder trafficClassRange(int start, int end) {
            return value(START_TRAFFIC_CLASS, 8, start, end, true);
        }

        /**
         * Names a single next header (flag O).
         *
         * @param nextHeader the Next Header value, 0..255
         * @return this builder
         */
        public Builder nextHeader(int nextHeader) {
            return value(START_NEXT_HEADER, 10, nextHeader, 0, false);
        }

        /**
         * Names a range of next headers (flags O and P).
         *
         * @param start the first Next Header value, 0..255
         * @param end the last Next Header value, 0..255
         * @return this builder
         */
        public Builder nextHeaderRange(int start, int end) {
            return value(START_NEXT_HEADER, 10, start, end, true);
        }

        /**
         * Sets the 16 Reserved bits after flag P (0 unless reproducing a received selector).
         *
         * @param bits the bits, 0..65535
         * @return this builder
         */
        public Builder reserved(int bits) {
            reserved = Check.inRange("reserved", bits, 0, RESERVED_BITS);
            return this;
        }

        /**
         * Returns the selector.
         *
         * @return the selector with the fields named so far
         * @throws IllegalArgumentException if a value is out of range
         */
        public Ipv6TrafficSelector build() {
            return new Ipv6TrafficSelector(flags, reserved, addresses.clone(), values[0], values[1], values[2], values[3],
                    (int) values[4], (int) values[5], (int) values[6], (int) values[7], (int) values[8],
                    (int) values[9], (int) values[10], (int) values[11]);
        }
    }
}
