package org.tunnelcodec.core.ip;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes IPv4 headers (RFC 791). Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>.
 *
 * <p>Receiver checks: Version must be 4 ({@code UNSUPPORTED_VERSION}); IHL at least 5 and
 * Total Length at least the header length ({@code BAD_LENGTH}); the header and Total Length
 * bytes present ({@code TRUNCATED}). The Header Checksum is not checked by {@link #decode};
 * call {@link #verifyChecksum} where the policy calls for it (RFC 1812 §5.2.2 for routers).
 * The payload ends at Total Length, so Ethernet padding is not payload. Jumbo IPv4 packets
 * whose Total Length is 0 (Linux BIG TCP) are {@code BAD_LENGTH}.
 */
public final class Ipv4Decoder {
    private Ipv4Decoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer
     * @return the header, its length and the payload, bounded by Total Length
     * @throws MalformedPacketException if the bytes are not a valid IPv4 header
     */
    public static Decoded<Ipv4Header> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the header, its length and the payload, bounded by Total Length
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid IPv4 header
     */
    public static Decoded<Ipv4Header> decode(ByteBuffer src, int index, int limit) {
        long scan = IpScan.ipv4(src, index, limit);
        if (scan < 0) {
            throw IpScan.exception(scan, src, index, limit);
        }
        int headerLength = IpScan.headerLength(scan);
        int payloadLength = IpScan.payloadLength(scan);
        // Three reads cover the fixed header: bytes 0-7, 8-15 and 16-19.
        long w0 = Wire.i64(src, index);
        long w1 = Wire.i64(src, index + Ipv4Layout.TTL_OFFSET);
        int tos = (int) (w0 >>> 48) & 0xFF;
        int flagsOffset = (int) w0 & 0xFFFF;
        ByteString options = headerLength == Ipv4Layout.MIN_LENGTH ? ByteString.EMPTY
                : ByteString.copyOf(src, index + Ipv4Layout.MIN_LENGTH, headerLength - Ipv4Layout.MIN_LENGTH);
        Ipv4Header h = new Ipv4Header(tos >>> 2, tos & 3, payloadLength,
                (int) (w0 >>> 16) & 0xFFFF,
                (flagsOffset & Ipv4Layout.RESERVED_FLAG) != 0,
                (flagsOffset & Ipv4Layout.DONT_FRAGMENT) != 0,
                (flagsOffset & Ipv4Layout.MORE_FRAGMENTS) != 0,
                flagsOffset & Ipv4Layout.FRAGMENT_OFFSET_MASK,
                (int) (w1 >>> 56),
                IpProtocol.of((int) (w1 >>> 48) & 0xFF),
                Ipv4Address.of((int) w1),
                Ipv4Address.of(Wire.i32(src, index + Ipv4Layout.DESTINATION_OFFSET)),
                options);
        return Decoded.of(h, headerLength, src, index + headerLength, payloadLength);
    }

    /**
     * Checks version, IHL and Total Length of the packet at {@code index} against the
     * buffer's limit, without allocating.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the header length in bytes
     * @throws MalformedPacketException as {@link #decode} does
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int checkedHeaderLength(ByteBuffer src, int index) {
        int limit = src.limit();
        long scan = IpScan.ipv4(src, index, limit);
        if (scan < 0) {
            throw IpScan.exception(scan, src, index, limit);
        }
        return IpScan.headerLength(scan);
    }

    /**
     * Whether the Header Checksum of the header at {@code index} verifies (RFC 1071).
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return whether the one's complement sum of the header, Header Checksum included, is 0xFFFF
     * @throws MalformedPacketException if the header is not all there
     */
    public static boolean verifyChecksum(ByteBuffer src, int index) {
        int headerLength = peekHeaderLength(src, index);
        Wire.require(Ipv4Header.PROTOCOL, "Options", index, index, headerLength, src.limit());
        return InternetChecksum.verifies(src, index, headerLength, 0);
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
            throw Wire.peekFailure(Ipv4Header.PROTOCOL, "Version", src, index, 1, e);
        }
    }

    /**
     * Peeks at IHL times 4; no further check.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return IHL times 4, unchecked: 0 to 60
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int peekHeaderLength(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return (Wire.u8(src, index) & 0xF) * 4;
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(Ipv4Header.PROTOCOL, "IHL", src, index, 1, e);
        }
    }

    /**
     * Peeks at the Total Length field.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the Total Length field
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int totalLength(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u16(src, index + Ipv4Layout.TOTAL_LENGTH_OFFSET);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(Ipv4Header.PROTOCOL, "Total Length", src, index, 4, e);
        }
    }

    /**
     * Peeks at the Protocol field.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the Protocol field
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int protocol(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u8(src, index + Ipv4Layout.PROTOCOL_OFFSET);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(Ipv4Header.PROTOCOL, "Protocol", src, index, Ipv4Layout.PROTOCOL_OFFSET + 1, e);
        }
    }

    /**
     * Peeks at the Header Checksum field.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the Header Checksum field
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int headerChecksum(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u16(src, index + Ipv4Layout.CHECKSUM_OFFSET);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(Ipv4Header.PROTOCOL, "Header Checksum", src, index, Ipv4Layout.CHECKSUM_OFFSET + 2, e);
        }
    }

    /**
     * Peeks at the Source Address as 32 bits.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the Source Address, as the 32-bit big-endian value
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int sourceAddress(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.i32(src, index + Ipv4Layout.SOURCE_OFFSET);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(Ipv4Header.PROTOCOL, "Source Address", src, index, Ipv4Layout.SOURCE_OFFSET + 4, e);
        }
    }

    /**
     * Peeks at the Destination Address as 32 bits.
     *
     * @param src the buffer
     * @param index the absolute index of the header's first byte
     * @return the Destination Address, as the 32-bit big-endian value
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int destinationAddress(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.i32(src, index + Ipv4Layout.DESTINATION_OFFSET);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(Ipv4Header.PROTOCOL, "Destination Address", src, index, Ipv4Layout.MIN_LENGTH, e);
        }
    }
}
