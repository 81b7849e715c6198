package org.tunnelcodec.core.ip;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes IPv6 headers (RFC 8200) and walks their extension headers. Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>.
 *
 * <h2>The walk</h2>
 * Starting from the fixed header's Next Header, the decoder walks Hop-by-Hop Options (0),
 * Routing (43, any Routing Type), Fragment (44) and Destination Options (60), at most 8 of
 * them ({@code LIMIT_EXCEEDED} beyond). It stops at the first other value, which is the
 * upper-layer protocol; that includes extension types it does not walk (ESP, AH, Mobility
 * Header, HIP, Shim6, the experimental 253 and 254): they are reported as the upper-layer
 * protocol, never guessed at ({@link IpProtocol#isIpv6ExtensionHeader()} tells them apart).
 * It also stops after a Fragment header whose offset is not 0, because the bytes after it
 * are the middle of a packet. Hop-by-Hop in a place other than first is kept as it is.
 *
 * <h2>Mobile IPv6 (RFC 6275)</h2>
 * A Routing header of Routing Type 2 is decoded as a
 * {@link Ipv6ExtensionHeader.Type2RoutingHeader} (its Reserved field and Home Address); a
 * Home Address option in a Destination Options header stays among the header's options,
 * where {@link Ipv6ExtensionHeader.DestinationOptions#homeAddressOption()} and
 * {@link Ipv6Header#homeAddressOption()} read it. Their receiver rules are malformed packets:
 * a Home Address option's Option Length not 16 ({@code BAD_LENGTH}), its address multicast or
 * unspecified ({@code BAD_VALUE}), a second one in the packet ({@code BAD_VALUE}), all RFC 6275
 * §6.3; a Type 2 Routing Header's Hdr Ext Len not 2 ({@code BAD_LENGTH}) or Segments Left not
 * 1 ({@code BAD_VALUE}), RFC 6275 §6.4. {@link #homeAddressIndex} and
 * {@link #type2HomeAddressIndex} find both addresses without allocating.
 *
 * <h2>Receiver checks</h2>
 * The checks are {@link IpScan#ipv6}'s, so the data path and the decoder agree byte for byte.
 * Version must be 6 ({@code UNSUPPORTED_VERSION}). Payload Length bytes must be present
 * ({@code TRUNCATED}); every walked extension header must end within Payload Length
 * ({@code TRUNCATED}, {@linkplain MalformedPacketException#boundedBy() bounded by}
 * "ipv6 Payload Length", or "ipv6 Jumbo Payload Length" in a jumbogram); every option of a
 * Hop-by-Hop or Destination Options header must end within its header (RFC 8200 §4.2,
 * {@code TRUNCATED}, field "Option Data", or "Opt Data Len" when only the Option Type fits,
 * bounded by the header's Hdr Ext Len, for example "ipv6 Destination Options Hdr Ext Len").
 * The payload is bounded by Payload Length.
 *
 * <h2>Jumbograms (RFC 2675)</h2>
 * Payload Length 0 with a Jumbo Payload option in a Hop-by-Hop Options header right after the
 * fixed header: the packet ends at 40 + Jumbo Payload Length, which must be within the bytes
 * ({@code TRUNCATED}). The errors of RFC 2675 §3 are {@code MalformedPacketException}s: Payload
 * Length not 0 with a Jumbo option, Jumbo Payload Length 65535 or less, a Fragment header with
 * a Jumbo option, and Payload Length 0 without a Jumbo option (except an empty packet whose
 * Next Header is No Next Header, 59). Linux BIG TCP captures, whose outer Payload Length is 0
 * with no Jumbo option, are malformed, as tshark reports them.
 */
public final class Ipv6Decoder {
    private Ipv6Decoder() {
    }

    /**
     * Decodes the header and its extension headers at {@code src.position()}.
     *
     * @param src the buffer
     * @return the header, its length including extension headers, and the payload
     * @throws MalformedPacketException if the bytes are not a valid IPv6 header
     */
    public static Decoded<Ipv6Header> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the header, its length including extension headers, and the payload
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid IPv6 header
     */
    public static Decoded<Ipv6Header> decode(ByteBuffer src, int index, int limit) {
        long scan = IpScan.ipv6(src, index, limit);
        if (scan < 0) {
            throw IpScan.exception(scan, src, index, limit);
        }
        // The scan checked every length: build the record from bytes known to be good.
        int p = index;
        int headerEnd = p + IpScan.headerLength(scan);
        long w0 = Wire.i64(src, p); // Version .. Hop Limit in one read
        int first = (int) (w0 >>> 32);
        int nextHeader = (int) (w0 >>> 8) & 0xFF;
        int at = p + Ipv6Layout.LENGTH;
        // Most packets have at most two extension headers: keep them in locals, so that the
        // list is built once, immutable, and the record need not copy it.
        Ipv6ExtensionHeader e0 = null;
        Ipv6ExtensionHeader e1 = null;
        List<Ipv6ExtensionHeader> more = null;
        int count = 0;
        int current = nextHeader;
        while (at < headerEnd) {
            Ipv6ExtensionHeader e = extension(src, at, current);
            if (count == 0) {
                e0 = e;
            } else if (count == 1) {
                e1 = e;
            } else {
                if (more == null) {
                    more = new ArrayList<>(Ipv6Layout.MAX_EXTENSION_HEADERS);
                    more.add(e0);
                    more.add(e1);
                }
                more.add(e);
            }
            count++;
            at += e.length();
            current = e.nextHeader().value();
        }
        List<Ipv6ExtensionHeader> extensions = switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(e0);
            case 2 -> List.of(e0, e1);
            default -> List.copyOf(more);
        };
        int payloadLength = IpScan.payloadLength(scan);
        Ipv6Header h = new Ipv6Header((first >>> 20) & 0xFF, first & 0xFFFFF, payloadLength,
                IpProtocol.of(nextHeader), (int) w0 & 0xFF,
                Ipv6Address.read(src, p + Ipv6Layout.SOURCE_OFFSET),
                Ipv6Address.read(src, p + Ipv6Layout.DESTINATION_OFFSET), extensions);
        return Decoded.of(h, headerEnd - p, src, headerEnd, payloadLength);
    }

    /** Builds a walked extension header that {@link IpScan} has checked. */
    private static Ipv6ExtensionHeader extension(ByteBuffer src, int index, int type) {
        long w = Wire.i64(src, index);
        IpProtocol next = IpProtocol.of((int) (w >>> 56));
        if (type == 44) {
            int offsetWord = (int) (w >>> 32) & 0xFFFF;
            return new Ipv6ExtensionHeader.FragmentHeader(next, (int) (w >>> 48) & 0xFF, offsetWord >>> 3,
                    (offsetWord >>> 1) & 3, (offsetWord & 1) != 0, w & 0xFFFF_FFFFL);
        }
        int length = ((int) (w >>> 48 & 0xFF) + 1) * 8;
        if (type == 43 && ((int) (w >>> 40) & 0xFF) == Ipv6Layout.TYPE_2_ROUTING) {
            return new Ipv6ExtensionHeader.Type2RoutingHeader(next, w & 0xFFFF_FFFFL,
                    Ipv6Address.read(src, index + Ipv6Layout.TYPE_2_ADDRESS_OFFSET));
        }
        return switch (type) {
            case 0 -> new Ipv6ExtensionHeader.HopByHopOptions(next, ByteString.copyOf(src, index + 2, length - 2));
            case 60 -> new Ipv6ExtensionHeader.DestinationOptions(next, ByteString.copyOf(src, index + 2, length - 2));
            default -> new Ipv6ExtensionHeader.RoutingHeader(next, (int) (w >>> 40) & 0xFF, (int) (w >>> 32) & 0xFF,
                    ByteString.copyOf(src, index + 4, length - 4));
        };
    }

    /**
     * Peeks at the Version nibble.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the Version nibble
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int version(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u8(src, index) >>> 4;
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(Ipv6Header.PROTOCOL, "Version", src, index, 1, e);
        }
    }

    /**
     * Peeks at the Payload Length field.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the Payload Length field (0 in a jumbogram)
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int payloadLength(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u16(src, index + Ipv6Layout.PAYLOAD_LENGTH_OFFSET);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(Ipv6Header.PROTOCOL, "Payload Length", src, index, 6, e);
        }
    }

    /**
     * Peeks at the fixed header's Next Header field.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the fixed header's Next Header field
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int nextHeader(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u8(src, index + Ipv6Layout.NEXT_HEADER_OFFSET);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(Ipv6Header.PROTOCOL, "Next Header", src, index, 7, e);
        }
    }

    /**
     * Peeks at the Flow Label.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the Flow Label, 20 bits
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int flowLabel(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.i32(src, index) & 0xFFFFF;
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(Ipv6Header.PROTOCOL, "Flow Label", src, index, 4, e);
        }
    }

    /**
     * Returns the absolute index of the Home Address of the packet's Home Address option (RFC
     * 6275 §6.3), or -1 if it has none, without allocating: the address that replaces the IPv6
     * Source Address in the pseudo-header of a Mobility Header or transport checksum. The
     * header is checked as {@link #decode} checks it.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the absolute index of the option's 16-byte address, or -1
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static int homeAddressIndex(ByteBuffer src, int index, int limit) {
        long scan = IpScan.ipv6(src, index, limit);
        if (scan < 0) {
            throw IpScan.exception(scan, src, index, limit);
        }
        return IpScan.homeAddressIndex(src, index, scan);
    }

    /**
     * Returns the absolute index of the Home Address of the packet's Type 2 Routing Header (RFC
     * 6275 §6.4), or -1 if it has none, without allocating: the final destination, which
     * replaces the IPv6 Destination Address in the pseudo-header of a Mobility Header or
     * transport checksum (RFC 8200 §8.1). The header is checked as {@link #decode} checks it.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the absolute index of the routing header's 16-byte Home Address, or -1
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static int type2HomeAddressIndex(ByteBuffer src, int index, int limit) {
        long scan = IpScan.ipv6(src, index, limit);
        if (scan < 0) {
            throw IpScan.exception(scan, src, index, limit);
        }
        return IpScan.type2HomeAddressIndex(src, index, scan);
    }

    /**
     * Walks the extension headers without allocating and returns the upper-layer protocol
     * and its offset, packed as {@code offset << 8 | protocol}.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the packed offset (from {@code index}) and protocol
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long upperLayer(ByteBuffer src, int index) {
        return upperLayer(src, index, src.limit());
    }

    /**
     * As {@link #upperLayer(ByteBuffer, int)}, reading nothing at or past {@code limit}.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the packed offset (from {@code index}) and protocol
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long upperLayer(ByteBuffer src, int index, int limit) {
        long scan = IpScan.ipv6(src, index, limit);
        if (scan < 0) {
            throw IpScan.exception(scan, src, index, limit);
        }
        return (long) IpScan.headerLength(scan) << 8 | IpScan.protocol(scan);
    }
}
