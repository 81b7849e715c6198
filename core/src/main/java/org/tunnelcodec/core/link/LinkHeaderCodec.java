package org.tunnelcodec.core.link;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.EtherType;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decoders and encoders for the capture pseudo-headers: Linux SLL, Linux SLL2 and BSD
 * loopback. They follow the decoder and encoder contracts of {@link org.tunnelcodec.core};
 * the payload is the rest of the buffer.
 */
public final class LinkHeaderCodec {
    private LinkHeaderCodec() {
    }

    /** Decodes a {@link LinuxSllHeader} at {@code src.position()}. */
    public static Decoded<LinuxSllHeader> decodeSll(ByteBuffer src) {
        int p = src.position();
        Wire.require("Linux SLL", "Packet Type", p, p, LinuxSllHeader.LENGTH, src.limit());
        LinuxSllHeader h = new LinuxSllHeader(Wire.u16(src, p), Wire.u16(src, p + 2), Wire.u16(src, p + 4),
                ByteString.copyOf(src, p + 6, 8), EtherType.of(Wire.u16(src, p + 14)));
        return Decoded.of(h, LinuxSllHeader.LENGTH, src, p + 16, src.limit() - p - 16);
    }

    /** Writes a {@link LinuxSllHeader} at {@code dst.position()}; returns 16. */
    public static int encode(LinuxSllHeader h, ByteBuffer dst) {
        Wire.requireRoom(dst, LinuxSllHeader.LENGTH);
        int p = dst.position();
        Wire.put16(dst, p, h.packetType());
        Wire.put16(dst, p + 2, h.arphrdType());
        Wire.put16(dst, p + 4, h.addressLength());
        h.address().writeTo(dst, p + 6);
        Wire.put16(dst, p + 14, h.protocol().value());
        return LinuxSllHeader.LENGTH;
    }

    /** Decodes a {@link LinuxSll2Header} at {@code src.position()}. */
    public static Decoded<LinuxSll2Header> decodeSll2(ByteBuffer src) {
        int p = src.position();
        Wire.require("Linux SLL2", "Protocol Type", p, p, LinuxSll2Header.LENGTH, src.limit());
        LinuxSll2Header h = new LinuxSll2Header(EtherType.of(Wire.u16(src, p)), Wire.u16(src, p + 2),
                Wire.u32(src, p + 4), Wire.u16(src, p + 8), Wire.u8(src, p + 10), Wire.u8(src, p + 11),
                ByteString.copyOf(src, p + 12, 8));
        return Decoded.of(h, LinuxSll2Header.LENGTH, src, p + 20, src.limit() - p - 20);
    }

    /** Writes a {@link LinuxSll2Header} at {@code dst.position()}; returns 20. */
    public static int encode(LinuxSll2Header h, ByteBuffer dst) {
        Wire.requireRoom(dst, LinuxSll2Header.LENGTH);
        int p = dst.position();
        Wire.put16(dst, p, h.protocol().value());
        Wire.put16(dst, p + 2, h.reserved());
        Wire.put32(dst, p + 4, h.interfaceIndex());
        Wire.put16(dst, p + 8, h.arphrdType());
        Wire.put8(dst, p + 10, h.packetType());
        Wire.put8(dst, p + 11, h.addressLength());
        h.address().writeTo(dst, p + 12);
        return LinuxSll2Header.LENGTH;
    }

    /** Decodes a {@link LoopbackHeader} at {@code src.position()}. */
    public static Decoded<LoopbackHeader> decodeLoopback(ByteBuffer src) {
        int p = src.position();
        Wire.require("Loopback", "Family", p, p, LoopbackHeader.LENGTH, src.limit());
        return Decoded.of(LoopbackHeader.fromWire(Wire.i32(src, p)), LoopbackHeader.LENGTH, src, p + 4,
                src.limit() - p - 4);
    }

    /** Writes a {@link LoopbackHeader} at {@code dst.position()}; returns 4. */
    public static int encode(LoopbackHeader h, ByteBuffer dst) {
        Wire.requireRoom(dst, LoopbackHeader.LENGTH);
        Wire.put32(dst, dst.position(), h.wireValue());
        return LoopbackHeader.LENGTH;
    }

}
