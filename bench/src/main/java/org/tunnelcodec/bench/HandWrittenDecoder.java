package org.tunnelcodec.bench;

import java.nio.ByteBuffer;

/**
 * The hand-written baseline: absolute big-endian reads on the buffer, the same length checks
 * the library makes, and one small immutable result object per frame. Like the library it
 * reads {@code [position, limit)} and never moves the buffer.
 *
 * <p>Differences from the library that are inherent to a baseline: it assumes the buffer is
 * big-endian (the library checks {@code order()} on every read), keeps fields as primitives
 * instead of value records, validates no record components, returns payload offsets instead
 * of slices, and records extension headers as packed types and lengths instead of copying
 * their option bytes.
 */
final class HandWrittenDecoder {
    private HandWrittenDecoder() {
    }

    /** The fields of an Ethernet + IPv4 + UDP frame. */
    static final class Ipv4UdpFrame {
        final long destinationMac;
        final long sourceMac;
        final int etherType;
        final int tos;
        final int ipHeaderLength;
        final int totalLength;
        final int identification;
        final int flagsAndFragmentOffset;
        final int timeToLive;
        final int protocol;
        final int sourceAddress;
        final int destinationAddress;
        final int sourcePort;
        final int destinationPort;
        final int udpLength;
        final int udpChecksum;
        final int payloadOffset;

        Ipv4UdpFrame(long destinationMac, long sourceMac, int etherType, int tos, int ipHeaderLength,
                     int totalLength, int identification, int flagsAndFragmentOffset, int timeToLive,
                     int protocol, int sourceAddress, int destinationAddress, int sourcePort,
                     int destinationPort, int udpLength, int udpChecksum, int payloadOffset) {
            this.destinationMac = destinationMac;
            this.sourceMac = sourceMac;
            this.etherType = etherType;
            this.tos = tos;
            this.ipHeaderLength = ipHeaderLength;
            this.totalLength = totalLength;
            this.identification = identification;
            this.flagsAndFragmentOffset = flagsAndFragmentOffset;
            this.timeToLive = timeToLive;
            this.protocol = protocol;
            this.sourceAddress = sourceAddress;
            this.destinationAddress = destinationAddress;
            this.sourcePort = sourcePort;
            this.destinationPort = destinationPort;
            this.udpLength = udpLength;
            this.udpChecksum = udpChecksum;
            this.payloadOffset = payloadOffset;
        }
    }

    /** The fields of an Ethernet + IPv6 (+ walked extension headers) + UDP frame. */
    static final class Ipv6UdpFrame {
        final long destinationMac;
        final long sourceMac;
        final int etherType;
        final int trafficClass;
        final int flowLabel;
        final int wirePayloadLength;
        final int nextHeader;
        final int hopLimit;
        final long sourceHigh;
        final long sourceLow;
        final long destinationHigh;
        final long destinationLow;
        final int extensionCount;
        /** Walked extension types, first in the low byte. */
        final long extensionTypes;
        /** Walked extension lengths in 8-byte units, first in the low byte. */
        final long extensionUnits;
        final int extensionLength;
        final int upperLayerProtocol;
        final int sourcePort;
        final int destinationPort;
        final int udpLength;
        final int udpChecksum;
        final int payloadOffset;

        Ipv6UdpFrame(long destinationMac, long sourceMac, int etherType, int trafficClass, int flowLabel,
                     int wirePayloadLength, int nextHeader, int hopLimit, long sourceHigh, long sourceLow,
                     long destinationHigh, long destinationLow, int extensionCount, long extensionTypes,
                     long extensionUnits, int extensionLength, int upperLayerProtocol, int sourcePort,
                     int destinationPort, int udpLength, int udpChecksum, int payloadOffset) {
            this.destinationMac = destinationMac;
            this.sourceMac = sourceMac;
            this.etherType = etherType;
            this.trafficClass = trafficClass;
            this.flowLabel = flowLabel;
            this.wirePayloadLength = wirePayloadLength;
            this.nextHeader = nextHeader;
            this.hopLimit = hopLimit;
            this.sourceHigh = sourceHigh;
            this.sourceLow = sourceLow;
            this.destinationHigh = destinationHigh;
            this.destinationLow = destinationLow;
            this.extensionCount = extensionCount;
            this.extensionTypes = extensionTypes;
            this.extensionUnits = extensionUnits;
            this.extensionLength = extensionLength;
            this.upperLayerProtocol = upperLayerProtocol;
            this.sourcePort = sourcePort;
            this.destinationPort = destinationPort;
            this.udpLength = udpLength;
            this.udpChecksum = udpChecksum;
            this.payloadOffset = payloadOffset;
        }
    }

    private static IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException(what);
    }

    private static long mac(ByteBuffer b, int index) {
        return (long) (b.getShort(index) & 0xFFFF) << 32 | (b.getInt(index + 2) & 0xFFFF_FFFFL);
    }

    static Ipv4UdpFrame ipv4Udp(ByteBuffer b) {
        int p = b.position();
        int limit = b.limit();
        if (p + 14 > limit) {
            throw malformed("Ethernet truncated");
        }
        long dstMac = mac(b, p);
        long srcMac = mac(b, p + 6);
        int etherType = b.getShort(p + 12) & 0xFFFF;
        if (etherType != 0x0800) {
            throw malformed("not IPv4");
        }
        int ip = p + 14;
        if (ip + 20 > limit) {
            throw malformed("IPv4 truncated");
        }
        int versionIhl = b.get(ip) & 0xFF;
        if (versionIhl >>> 4 != 4) {
            throw malformed("IPv4 version");
        }
        int ihl = (versionIhl & 0xF) << 2;
        if (ihl < 20 || ip + ihl > limit) {
            throw malformed("IPv4 IHL");
        }
        int totalLength = b.getShort(ip + 2) & 0xFFFF;
        if (totalLength < ihl || ip + totalLength > limit) {
            throw malformed("IPv4 Total Length");
        }
        int tos = b.get(ip + 1) & 0xFF;
        int id = b.getShort(ip + 4) & 0xFFFF;
        int flagsFrag = b.getShort(ip + 6) & 0xFFFF;
        int ttl = b.get(ip + 8) & 0xFF;
        int protocol = b.get(ip + 9) & 0xFF;
        int srcAddr = b.getInt(ip + 12);
        int dstAddr = b.getInt(ip + 16);
        if (protocol != 17) {
            throw malformed("not UDP");
        }
        int udp = ip + ihl;
        int ipEnd = ip + totalLength;
        if (udp + 8 > ipEnd) {
            throw malformed("UDP truncated");
        }
        int udpLength = b.getShort(udp + 4) & 0xFFFF;
        if (udpLength < 8 || udp + udpLength > ipEnd) {
            throw malformed("UDP Length");
        }
        return new Ipv4UdpFrame(dstMac, srcMac, etherType, tos, ihl, totalLength, id, flagsFrag, ttl, protocol,
                srcAddr, dstAddr, b.getShort(udp) & 0xFFFF, b.getShort(udp + 2) & 0xFFFF, udpLength,
                b.getShort(udp + 6) & 0xFFFF, udp + 8);
    }

    private static boolean isWalked(int nextHeader) {
        return nextHeader == 0 || nextHeader == 43 || nextHeader == 44 || nextHeader == 60;
    }

    static Ipv6UdpFrame ipv6Udp(ByteBuffer b) {
        int p = b.position();
        int limit = b.limit();
        if (p + 14 > limit) {
            throw malformed("Ethernet truncated");
        }
        long dstMac = mac(b, p);
        long srcMac = mac(b, p + 6);
        int etherType = b.getShort(p + 12) & 0xFFFF;
        if (etherType != 0x86DD) {
            throw malformed("not IPv6");
        }
        int ip = p + 14;
        if (ip + 40 > limit) {
            throw malformed("IPv6 truncated");
        }
        int first = b.getInt(ip);
        if (first >>> 28 != 6) {
            throw malformed("IPv6 version");
        }
        int wirePayloadLength = b.getShort(ip + 4) & 0xFFFF;
        int end = ip + 40 + wirePayloadLength;
        if (end > limit) {
            throw malformed("IPv6 Payload Length");
        }
        int nextHeader = b.get(ip + 6) & 0xFF;
        int hopLimit = b.get(ip + 7) & 0xFF;
        long srcHigh = b.getLong(ip + 8);
        long srcLow = b.getLong(ip + 16);
        long dstHigh = b.getLong(ip + 24);
        long dstLow = b.getLong(ip + 32);
        // The extension header walk: Hop-by-Hop, Routing, Fragment, Destination Options, at most 8.
        int i = ip + 40;
        int current = nextHeader;
        int count = 0;
        long types = 0;
        long units = 0;
        while (isWalked(current)) {
            if (count == 8) {
                throw malformed("too many extension headers");
            }
            if (i + 8 > end) {
                throw malformed("extension header past Payload Length");
            }
            int hdrExtLen = current == 44 ? 0 : b.get(i + 1) & 0xFF;
            int length = (hdrExtLen + 1) << 3;
            if (i + length > end) {
                throw malformed("extension header past Payload Length");
            }
            boolean nonFirstFragment = current == 44 && (b.getShort(i + 2) & 0xFFF8) != 0;
            types |= (long) current << (count << 3);
            units |= (long) hdrExtLen << (count << 3);
            count++;
            current = b.get(i) & 0xFF;
            i += length;
            if (nonFirstFragment) {
                break;
            }
        }
        if (current != 17) {
            throw malformed("not UDP");
        }
        int udp = i;
        if (udp + 8 > end) {
            throw malformed("UDP truncated");
        }
        int udpLength = b.getShort(udp + 4) & 0xFFFF;
        if (udpLength < 8 || udp + udpLength > end) {
            throw malformed("UDP Length");
        }
        return new Ipv6UdpFrame(dstMac, srcMac, etherType, (first >>> 20) & 0xFF, first & 0xFFFFF,
                wirePayloadLength, nextHeader, hopLimit, srcHigh, srcLow, dstHigh, dstLow, count, types, units,
                i - (ip + 40), current, b.getShort(udp) & 0xFFFF, b.getShort(udp + 2) & 0xFFFF, udpLength,
                b.getShort(udp + 6) & 0xFFFF, udp + 8);
    }

    /**
     * The upper-layer peek: the same walk and checks as the decoder, without a result object.
     *
     * @return {@code offset << 8 | protocol}, offset counted from {@code index}
     */
    static long ipv6UpperLayer(ByteBuffer b, int index) {
        int limit = b.limit();
        if (index + 40 > limit) {
            throw malformed("IPv6 truncated");
        }
        int end = index + 40 + (b.getShort(index + 4) & 0xFFFF);
        if (end > limit) {
            throw malformed("IPv6 Payload Length");
        }
        int current = b.get(index + 6) & 0xFF;
        int i = index + 40;
        for (int n = 0; isWalked(current); n++) {
            if (n == 8) {
                throw malformed("too many extension headers");
            }
            if (i + 8 > end) {
                throw malformed("extension header past Payload Length");
            }
            int length = current == 44 ? 8 : ((b.get(i + 1) & 0xFF) + 1) << 3;
            if (i + length > end) {
                throw malformed("extension header past Payload Length");
            }
            boolean nonFirstFragment = current == 44 && (b.getShort(i + 2) & 0xFFF8) != 0;
            current = b.get(i) & 0xFF;
            i += length;
            if (nonFirstFragment) {
                break;
            }
        }
        return (long) (i - index) << 8 | current;
    }
}
