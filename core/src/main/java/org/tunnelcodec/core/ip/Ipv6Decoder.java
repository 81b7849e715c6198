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
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid IPv6 header
     */
    public static Decoded<Ipv6Header> decode(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int p = index;
        Wire.require(PROTOCOL, "Version", p, p, Ipv6Layout.LENGTH, limit);
        long w0 = Wire.i64(src, p); // Version .. Hop Limit in one read
        int first = (int) (w0 >>> 32);
        if (first >>> 28 != 6) {
            throw badVersion(first >>> 28);
        }
        int wirePayloadLength = (int) (w0 >>> 16) & 0xFFFF;
        if (p + Ipv6Layout.LENGTH + (long) wirePayloadLength > limit) {
            throw MalformedPacketException.truncated(PROTOCOL, "Payload Length", 0,
                    Ipv6Layout.LENGTH + wirePayloadLength, limit - p);
        }
        int end = p + Ipv6Layout.LENGTH + wirePayloadLength;
        int nextHeader = (int) (w0 >>> 8) & 0xFF;
        int at = p + Ipv6Layout.LENGTH;
        // Most packets have at most two extension headers: keep them in locals, so that the
        // list is built once, immutable, and the record need not copy it.
        Ipv6ExtensionHeader e0 = null;
        Ipv6ExtensionHeader e1 = null;
        List<Ipv6ExtensionHeader> more = null;
        int count = 0;
        int current = nextHeader;
        while (Ipv6Layout.isWalked(current)) {
            if (count == Ipv6Layout.MAX_EXTENSION_HEADERS) {
                throw tooManyExtensionHeaders(at - p);
            }
            Ipv6ExtensionHeader e = extension(src, p, at, end, current);
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
            if (e instanceof Ipv6ExtensionHeader.FragmentHeader f && f.fragmentOffset() != 0) {
                break;
            }
        }
        List<Ipv6ExtensionHeader> extensions = switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(e0);
            case 2 -> List.of(e0, e1);
            default -> List.copyOf(more);
        };
        Ipv6Header h = new Ipv6Header((first >>> 20) & 0xFF, first & 0xFFFFF, end - at,
                IpProtocol.of(nextHeader), (int) w0 & 0xFF,
                Ipv6Address.read(src, p + Ipv6Layout.SOURCE_OFFSET),
                Ipv6Address.read(src, p + Ipv6Layout.DESTINATION_OFFSET), extensions);
        return Decoded.of(h, at - p, src, at, end - at);
    }

    private static MalformedPacketException tooManyExtensionHeaders(int offset) {
        return MalformedPacketException.invalid(PROTOCOL, "Next Header", offset, Reason.LIMIT_EXCEEDED,
                "more than " + Ipv6Layout.MAX_EXTENSION_HEADERS + " extension headers");
    }

    private static MalformedPacketException badVersion(int version) {
        return MalformedPacketException.invalid(PROTOCOL, "Version", 0, Reason.UNSUPPORTED_VERSION,
                "version " + version + " (expected: 6)");
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
        long w = Wire.i64(src, index);
        IpProtocol next = IpProtocol.of((int) (w >>> 56));
        if (type == 44) {
            int offsetWord = (int) (w >>> 32) & 0xFFFF;
            return new Ipv6ExtensionHeader.FragmentHeader(next, (int) (w >>> 48) & 0xFF, offsetWord >>> 3,
                    (offsetWord >>> 1) & 3, (offsetWord & 1) != 0, w & 0xFFFF_FFFFL);
        }
        int length = ((int) (w >>> 48 & 0xFF) + 1) * 8;
        if (index + length > end) {
            throw MalformedPacketException.invalid(PROTOCOL, name + " Hdr Ext Len", index + 1 - base,
                    Reason.BAD_LENGTH, "extension header of " + length + " bytes extends past Payload Length by "
                            + (index + length - end));
        }
        return switch (type) {
            case 0 -> new Ipv6ExtensionHeader.HopByHopOptions(next, ByteString.copyOf(src, index + 2, length - 2));
            case 60 -> new Ipv6ExtensionHeader.DestinationOptions(next, ByteString.copyOf(src, index + 2, length - 2));
            default -> new Ipv6ExtensionHeader.RoutingHeader(next, (int) (w >>> 40) & 0xFF, (int) (w >>> 32) & 0xFF,
                    ByteString.copyOf(src, index + 4, length - 4));
        };
    }

    /** Peeks at the Version nibble. */
    public static int version(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u8(src, index) >>> 4;
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(PROTOCOL, "Version", src, index, 1, e);
        }
    }

    /** Peeks at the Payload Length field. */
    public static int payloadLength(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u16(src, index + Ipv6Layout.PAYLOAD_LENGTH_OFFSET);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(PROTOCOL, "Payload Length", src, index, 6, e);
        }
    }

    /** Peeks at the fixed header's Next Header field. */
    public static int nextHeader(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u8(src, index + Ipv6Layout.NEXT_HEADER_OFFSET);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(PROTOCOL, "Next Header", src, index, 7, e);
        }
    }

    /** Peeks at the Flow Label. */
    public static int flowLabel(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.i32(src, index) & 0xFFFFF;
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(PROTOCOL, "Flow Label", src, index, 4, e);
        }
    }

    /**
     * Walks the extension headers without allocating and returns the upper-layer protocol
     * and its offset, packed as {@code offset << 8 | protocol}.
     *
     * @return the packed offset (from {@code index}) and protocol
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long upperLayer(ByteBuffer src, int index) {
        return upperLayer(src, index, src.limit());
    }

    /**
     * As {@link #upperLayer(ByteBuffer, int)}, reading nothing at or past {@code limit}.
     *
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException as {@link #decode} does
     */
    public static long upperLayer(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
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
