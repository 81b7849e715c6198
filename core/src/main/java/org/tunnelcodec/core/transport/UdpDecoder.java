package org.tunnelcodec.core.transport;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes UDP headers (RFC 768). Follows the
 * <a href="../package-summary.html#decoder-contract">decoder contract</a>.
 *
 * <p>Receiver checks: Length at least 8 ({@code BAD_LENGTH}) and all its bytes present
 * ({@code TRUNCATED}); the payload ends at Length. UDP jumbograms (Length 0, RFC 2675) are
 * not supported. The checksum is checked on request with {@link #checksumStatus}.
 */
public final class UdpDecoder {
    private UdpDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @param src the buffer
     * @return the header and the payload, bounded by Length
     * @throws MalformedPacketException if the bytes are not a valid UDP header
     */
    public static Decoded<UdpHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit};
     * otherwise as {@link #decode(ByteBuffer)}. Offsets in errors count from {@code index}.
     *
     * @param src the buffer
     * @param index the absolute index of the datagram's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the header and the payload, bounded by Length
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if the bytes are not a valid UDP header
     */
    public static Decoded<UdpHeader> decode(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int length = checkedLength(src, index, limit);
        long w = Wire.i64(src, index);
        UdpHeader h = new UdpHeader((int) (w >>> 48), (int) (w >>> 32) & 0xFFFF, length - UdpHeader.LENGTH,
                (int) w & 0xFFFF);
        return Decoded.of(h, UdpHeader.LENGTH, src, index + UdpHeader.LENGTH, length - UdpHeader.LENGTH);
    }

    /**
     * Checks the datagram at {@code index} without allocating.
     *
     * @param src the buffer
     * @param index the absolute index of the datagram's first byte
     * @return the Length field
     * @throws MalformedPacketException as {@link #decode} does
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int checkedLength(ByteBuffer src, int index) {
        return checkedLength(src, index, src.limit());
    }

    /**
     * As {@link #checkedLength(ByteBuffer, int)}, reading nothing at or past {@code limit}.
     *
     * @param src the buffer
     * @param index the absolute index of the datagram's first byte
     * @param limit the end (exclusive) of the bytes that may be read
     * @return the Length field
     * @throws MalformedPacketException as {@link #decode} does
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     */
    public static int checkedLength(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(UdpHeader.PROTOCOL, "Source Port", index, index, UdpHeader.LENGTH, limit);
        int length = Wire.u16(src, index + 4);
        if (length < UdpHeader.LENGTH) {
            throw badLength(length);
        }
        if (index + (long) length > limit) {
            throw MalformedPacketException.truncated(UdpHeader.PROTOCOL, "Length", 0, length, limit - index);
        }
        return length;
    }

    private static MalformedPacketException badLength(int length) {
        return MalformedPacketException.invalid(UdpHeader.PROTOCOL, "Length", 4, Reason.BAD_LENGTH, length,
                "at least 8");
    }

    /**
     * Peeks at the Source Port.
     *
     * @param src the buffer
     * @param index the absolute index of the datagram's first byte
     * @return the Source Port
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int sourcePort(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u16(src, index);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(UdpHeader.PROTOCOL, "Source Port", src, index, 2, e);
        }
    }

    /**
     * Peeks at the Destination Port.
     *
     * @param src the buffer
     * @param index the absolute index of the datagram's first byte
     * @return the Destination Port
     * @throws MalformedPacketException ({@code TRUNCATED}) if the field runs past {@code src.limit()}
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, src.limit()]}
     */
    public static int destinationPort(ByteBuffer src, int index) {
        try {
            Objects.checkIndex(index, src.limit());
            return Wire.u16(src, index + 2);
        } catch (IndexOutOfBoundsException e) {
            throw Wire.peekFailure(UdpHeader.PROTOCOL, "Destination Port", src, index, 4, e);
        }
    }

    /**
     * Checks the Checksum of the {@code length}-byte datagram at {@code index}.
     *
     * @param src the buffer
     * @param index the absolute index of the datagram's first byte
     * @param length the datagram's length in bytes, header and payload
     * @param pseudoHeaderSum the IPv4 or IPv6 pseudo-header sum, from
     *                        {@link org.tunnelcodec.core.InternetChecksum}, with the UDP Length
     * @return {@link ChecksumStatus#ZERO} for a zero field, else whether it verifies.
     *     Reads nothing outside {@code [index, index + length)}.
     * @throws IndexOutOfBoundsException if the datagram is not within the buffer's limit or
     *     {@code length} is negative
     * @throws MalformedPacketException ({@code TRUNCATED}) if {@code length} is less than the
     *     8-byte header
     */
    public static ChecksumStatus checksumStatus(ByteBuffer src, int index, int length, int pseudoHeaderSum) {
        Objects.checkFromIndexSize(index, length, src.limit());
        if (length < UdpHeader.LENGTH) {
            throw MalformedPacketException.truncated(UdpHeader.PROTOCOL, "Checksum", 0, UdpHeader.LENGTH, length);
        }
        if (Wire.u16(src, index + 6) == 0) {
            return ChecksumStatus.ZERO;
        }
        return TransportChecksum.verifies(src, index, length, pseudoHeaderSum)
                ? ChecksumStatus.VALID : ChecksumStatus.INVALID;
    }

    /**
     * The zero-checksum rules: a zero checksum is acceptable over IPv4 (RFC 768), and over
     * IPv6 only where the tunnel allows it (RFC 8200 §8.1, RFC 6935 §5, RFC 6936).
     *
     * @param status            the checksum status
     * @param ipv6              whether the datagram came over IPv6
     * @param zeroAllowedOnIpv6 whether this tunnel accepts zero checksums over IPv6
     * @return whether the datagram may be accepted
     */
    public static boolean isAcceptable(ChecksumStatus status, boolean ipv6, boolean zeroAllowedOnIpv6) {
        return switch (status) {
            case VALID -> true;
            case INVALID -> false;
            case ZERO -> !ipv6 || zeroAllowedOnIpv6;
        };
    }
}
