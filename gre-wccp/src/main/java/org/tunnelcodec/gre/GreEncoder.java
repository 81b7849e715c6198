package org.tunnelcodec.gre;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes GRE headers (see {@link GreHeader}), deriving the flags from the optional fields.
 * Follows the encoder contract of {@code org.tunnelcodec.core}. The Checksum field is written
 * from the record; {@link #fillChecksum} computes it once the payload is in place.
 */
public final class GreEncoder {
    private GreEncoder() {
    }

    /**
     * Returns the exact encoded length.
     *
     * @param header the header
     * @return the exact encoded length
     */
    public static int encodedLength(GreHeader header) {
        return header.headerLength();
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param h the header
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     */
    public static int encode(GreHeader h, ByteBuffer dst) {
        int length = h.headerLength();
        Wire.requireRoom(dst, length);
        int p = dst.position();
        Wire.put16(dst, p, h.flagsAndVersion());
        Wire.put16(dst, p + 2, h.protocolType().value());
        int at = p + GreLayout.MIN_LENGTH;
        if (h.checksumPresent() || h.routingPresent()) {
            Wire.put16(dst, at, h.checksum());
            Wire.put16(dst, at + 2, h.offset());
            at += 4;
        }
        if (h.hasKey()) {
            Wire.put32(dst, at, h.key());
            at += 4;
        }
        if (h.hasSequenceNumber()) {
            Wire.put32(dst, at, h.sequenceNumber());
            at += 4;
        }
        if (h.hasAcknowledgmentNumber()) {
            Wire.put32(dst, at, h.acknowledgmentNumber());
            at += 4;
        }
        if (h.routingPresent()) {
            for (SourceRouteEntry e : h.routing()) {
                Wire.put16(dst, at, e.addressFamily());
                Wire.put8(dst, at + 2, e.sreOffset());
                Wire.put8(dst, at + 3, e.sreLength());
                e.routingInformation().writeTo(dst, at + 4);
                at += e.length();
            }
            Wire.put32(dst, at, 0); // NULL SRE
        }
        return length;
    }

    /**
     * Computes the GRE checksum (RFC 2784 §2.5) over the {@code length} octets at
     * {@code index} (header and payload) and writes it in the Checksum field.
     *
     * @param buf the buffer
     * @param index the absolute index of the first octet
     * @param length the number of octets
     * @return the checksum written
     * @throws IllegalArgumentException if the header at {@code index} has no Checksum field
     * @throws IndexOutOfBoundsException if the range is outside the buffer's limit
     */
    public static int fillChecksum(ByteBuffer buf, int index, int length) {
        Objects.checkFromIndexSize(index, length, buf.limit());
        if (length < 8 || (Wire.u16(buf, index) & GreLayout.C) == 0) {
            throw new IllegalArgumentException("the GRE header at " + index + " has no checksum (C is clear)");
        }
        Wire.put16(buf, index + 4, 0);
        int c = InternetChecksum.checksum(buf, index, length, 0);
        Wire.put16(buf, index + 4, c);
        return c;
    }
}
