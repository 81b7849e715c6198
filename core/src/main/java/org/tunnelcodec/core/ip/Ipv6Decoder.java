package org.tunnelcodec.core.ip;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes IPv6 headers (RFC 8200) and walks their extension headers. Follows the decoder
 * contract of {@link org.tunnelcodec.core}.
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
 * <h2>Receiver checks</h2>
 * Version must be 6 ({@code UNSUPPORTED_VERSION}). Payload Length bytes must be present
 * ({@code TRUNCATED}); every walked extension header must end within Payload Length
 * ({@code BAD_LENGTH}). The payload is bounded by Payload Length. Jumbograms (RFC 2675,
 * Payload Length 0 with a Jumbo Payload option) are not supported: their extension headers
 * do not fit in a Payload Length of 0 and decode as {@code BAD_LENGTH}.
 */
public final class Ipv6Decoder {
    static final String PROTOCOL = "IPv6";

    private Ipv6Decoder() {
    }

    /**
     * Decodes the header and its extension headers at {@code src.position()}.
     *
     * @return the header, its length including extension headers, and the payload
     * @throws MalformedPacketException if the bytes are not a valid IPv6 header
     */
    public static Decoded<Ipv6Header> decode(ByteBuffer src) {
        int p = src.position();
        int limit = src.limit();
        Wire.require(PROTOCOL, "Version", p, p, Ipv6Layout.LENGTH, limit);
        int first = Wire.i32(src, p);
        if (first >>> 28 != 6) {
            throw MalformedPacketException.invalid(PROTOCOL, "Version", 0, Reason.UNSUPPORTED_VERSION,
                    "version " + (first >>> 28) + " (expected: 6)");
        }
        int wirePayloadLength = Wire.u16(src, p + Ipv6Layout.PAYLOAD_LENGTH_OFFSET);
        if (p + Ipv6Layout.LENGTH + (long) wirePayloadLength > limit) {
            throw MalformedPacketException.truncated(PROTOCOL, "Payload Length", 0,
                    Ipv6Layout.LENGTH + wirePayloadLength, limit - p);
        }
        int end = p + Ipv6Layout.LENGTH + wirePayloadLength;
        int nextHeader = Wire.u8(src, p + Ipv6Layout.NEXT_HEADER_OFFSET);
        int index = p + Ipv6Layout.LENGTH;
        List<Ipv6ExtensionHeader> extensions = List.of();
        int current = nextHeader;
        while (Ipv6Layout.isWalked(current)) {
            if (extensions.size() == Ipv6Layout.MAX_EXTENSION_HEADERS) {
                throw MalformedPacketException.invalid(PROTOCOL, "Next Header", index - p, Reason.LIMIT_EXCEEDED,
                        "more than " + Ipv6Layout.MAX_EXTENSION_HEADERS + " extension headers");
            }
            Ipv6ExtensionHeader e = extension(src, p, index, end, current);
            if (extensions.isEmpty()) {
                extensions = new ArrayList<>(4);
            }
            extensions.add(e);
            index += e.length();
            current = e.nextHeader().value();
            if (e instanceof Ipv6ExtensionHeader.FragmentHeader f && f.fragmentOffset() != 0) {
                break;
            }
        }
        Ipv6Header h = new Ipv6Header((first >>> 20) & 0xFF, first & 0xFFFFF, end - index,
                IpProtocol.of(nextHeader), Wire.u8(src, p + Ipv6Layout.HOP_LIMIT_OFFSET),
                Ipv6Address.read(src, p + Ipv6Layout.SOURCE_OFFSET),
                Ipv6Address.read(src, p + Ipv6Layout.DESTINATION_OFFSET), extensions);
        return Decoded.of(h, index - p, src, index, end - index);
    }

    private static Ipv6ExtensionHeader extension(ByteBuffer src, int base, int index, int end, int type) {
        String name = switch (type) {
            case 0 -> "Hop-by-Hop Options";
            case 43 -> "Routing";
            case 44 -> "Fragment";
            default -> "Destination Options";
        };
        if (index + 8 > end) {
            throw MalformedPacketException.invalid(PROTOCOL, name + " Next Header", index - base, Reason.BAD_LENGTH,
                    "extension header of 8 bytes extends past Payload Length by " + (index + 8 - end));
        }
        IpProtocol next = IpProtocol.of(Wire.u8(src, index));
        if (type == 44) {
            int offsetWord = Wire.u16(src, index + 2);
            return new Ipv6ExtensionHeader.FragmentHeader(next, Wire.u8(src, index + 1), offsetWord >>> 3,
                    (offsetWord >>> 1) & 3, (offsetWord & 1) != 0, Wire.u32(src, index + 4));
        }
        int length = (Wire.u8(src, index + 1) + 1) * 8;
        if (index + length > end) {
            throw MalformedPacketException.invalid(PROTOCOL, name + " Hdr Ext Len", index + 1 - base,
                    Reason.BAD_LENGTH, "extension header of " + length + " bytes extends past Payload Length by "
                            + (index + length - end));
        }
        return switch (type) {
            case 0 -> new Ipv6ExtensionHeader.HopByHopOptions(next, ByteString.copyOf(src, index + 2, length - 2));
            case 60 -> new Ipv6ExtensionHeader.DestinationOptions(next, ByteString.copyOf(src, index + 2, length - 2));
            default -> new Ipv6ExtensionHeader.RoutingHeader(next, Wire.u8(src, index + 2), Wire.u8(src, index + 3),
                    ByteString.copyOf(src, index + 4, length - 4));
        };
    }

    /** Peeks at the Version nibble. */
    public static int version(ByteBuffer src, int index) {
        Wire.require(PROTOCOL, "Version", index, index, 1, src.limit());
        return Wire.u8(src, index) >>> 4;
    }

    /** Peeks at the Payload Length field. */
    public static int payloadLength(ByteBuffer src, int index) {
        Wire.require(PROTOCOL, "Payload Length", index, index, 6, src.limit());
        return Wire.u16(src, index + Ipv6Layout.PAYLOAD_LENGTH_OFFSET);
    }

    /** Peeks at the fixed header's Next Header field. */
    public static int nextHeader(ByteBuffer src, int index) {
        Wire.require(PROTOCOL, "Next Header", index, index, 7, src.limit());
        return Wire.u8(src, index + Ipv6Layout.NEXT_HEADER_OFFSET);
    }

    /** Peeks at the Flow Label. */
    public static int flowLabel(ByteBuffer src, int index) {
        Wire.require(PROTOCOL, "Flow Label", index, index, 4, src.limit());
        return Wire.i32(src, index) & 0xFFFFF;
    }

    /**
     * Walks the extension headers without allocating and returns the upper-layer protocol
     * and its offset, packed as {@code offset << 8 | protocol}.
     *
     * @return the packed offset (from {@code index}) and protocol
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long upperLayer(ByteBuffer src, int index) {
        int limit = src.limit();
        Wire.require(PROTOCOL, "Version", index, index, Ipv6Layout.LENGTH, limit);
        int wirePayloadLength = Wire.u16(src, index + Ipv6Layout.PAYLOAD_LENGTH_OFFSET);
        if (index + Ipv6Layout.LENGTH + (long) wirePayloadLength > limit) {
            throw MalformedPacketException.truncated(PROTOCOL, "Payload Length", 0,
                    Ipv6Layout.LENGTH + wirePayloadLength, limit - index);
        }
        int end = index + Ipv6Layout.LENGTH + wirePayloadLength;
        int current = Wire.u8(src, index + Ipv6Layout.NEXT_HEADER_OFFSET);
        int i = index + Ipv6Layout.LENGTH;
        for (int n = 0; Ipv6Layout.isWalked(current); n++) {
            if (n == Ipv6Layout.MAX_EXTENSION_HEADERS) {
                throw MalformedPacketException.invalid(PROTOCOL, "Next Header", i - index, Reason.LIMIT_EXCEEDED,
                        "more than " + Ipv6Layout.MAX_EXTENSION_HEADERS + " extension headers");
            }
            if (i + 8 > end) {
                throw MalformedPacketException.invalid(PROTOCOL, "Next Header", i - index, Reason.BAD_LENGTH,
                        "extension header extends past Payload Length");
            }
            int length = current == 44 ? 8 : (Wire.u8(src, i + 1) + 1) * 8;
            if (i + length > end) {
                throw MalformedPacketException.invalid(PROTOCOL, "Hdr Ext Len", i + 1 - index, Reason.BAD_LENGTH,
                        "extension header extends past Payload Length");
            }
            boolean nonFirstFragment = current == 44 && (Wire.u16(src, i + 2) >>> 3) != 0;
            current = Wire.u8(src, i);
            i += length;
            if (nonFirstFragment) {
                break;
            }
        }
        return (long) (i - index) << 8 | current;
    }
}
