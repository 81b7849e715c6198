package org.tunnelcodec.testdata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tunnelcodec.core.dissect.LinkType;

/**
 * A small pure-Java reader of pcap and pcapng files, used by {@link Captures} only for files
 * the native libpcap refuses: libpcap 1.10 rejects a pcapng file whose interfaces have
 * different snapshot lengths, which tshark and this reader accept.
 *
 * <p>pcap: the four magic numbers (microsecond and nanosecond, either byte order). pcapng:
 * Section Header, Interface Description (link type and {@code if_tsresol}), Enhanced Packet,
 * Simple Packet and the obsolete Packet block; other blocks are skipped. Every length is
 * checked against the file, so a damaged file gives an {@link IOException}, not a wrong frame.
 */
final class PlainCaptureReader {
    private static final int PCAPNG_SECTION = 0x0A0D0D0A;
    private static final int PCAPNG_BYTE_ORDER_MAGIC = 0x1A2B3C4D;

    private PlainCaptureReader() {
    }

    static CaptureFile read(Path file, String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        if (b.remaining() < 4) {
            throw new IOException(name + ": too short for a capture file");
        }
        int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
        return magic == PCAPNG_SECTION ? pcapng(b, name) : pcap(b, name, magic);
    }

    private static CaptureFile pcap(ByteBuffer b, String name, int magic) throws IOException {
        long unitsPerSecond;
        switch (magic) {
            case 0xA1B2C3D4 -> {
                b.order(ByteOrder.BIG_ENDIAN);
                unitsPerSecond = 1_000_000;
            }
            case 0xD4C3B2A1 -> {
                b.order(ByteOrder.LITTLE_ENDIAN);
                unitsPerSecond = 1_000_000;
            }
            case 0xA1B23C4D -> {
                b.order(ByteOrder.BIG_ENDIAN);
                unitsPerSecond = 1_000_000_000;
            }
            case 0x4D3CB2A1 -> {
                b.order(ByteOrder.LITTLE_ENDIAN);
                unitsPerSecond = 1_000_000_000;
            }
            default -> throw new IOException(name + ": not a pcap or pcapng file");
        }
        require(b, 0, 24, name);
        LinkType linkType = LinkType.of(b.getInt(20) & 0xFFFF);
        List<CapturedFrame> frames = new ArrayList<>();
        int at = 24;
        while (at < b.limit()) {
            require(b, at, 16, name);
            long seconds = b.getInt(at) & 0xFFFF_FFFFL;
            long fraction = b.getInt(at + 4) & 0xFFFF_FFFFL;
            int captured = b.getInt(at + 8);
            int original = b.getInt(at + 12);
            require(b, at + 16, captured, name);
            frames.add(frame(frames.size() + 1, seconds, fraction * (1_000_000_000 / unitsPerSecond), original,
                    b, at + 16, captured));
            at += 16 + captured;
        }
        return new CaptureFile(name, linkType, frames);
    }

    private static CaptureFile pcapng(ByteBuffer b, String name) throws IOException {
        List<CapturedFrame> frames = new ArrayList<>();
        List<int[]> interfaces = new ArrayList<>(); // {linkType, log10 of units per second}
        LinkType first = null;
        int at = 0;
        while (at < b.limit()) {
            require(b, at, 12, name);
            int type = b.getInt(at); // the Section Header's type is a palindrome: either order reads it
            if (type == PCAPNG_SECTION) {
                b.order(ByteOrder.BIG_ENDIAN);
                if (b.getInt(at + 8) != PCAPNG_BYTE_ORDER_MAGIC) {
                    b.order(ByteOrder.LITTLE_ENDIAN);
                }
                interfaces.clear();
            }
            int length = b.getInt(at + 4);
            if (length < 12 || length % 4 != 0) {
                throw new IOException(name + ": bad pcapng block length " + length + " at " + at);
            }
            require(b, at, length, name);
            switch (type) {
                case 1 -> { // Interface Description Block
                    int linkType = b.getShort(at + 8) & 0xFFFF;
                    interfaces.add(new int[] {linkType, tsResolution(b, at + 16, at + length - 4)});
                    if (first == null) {
                        first = LinkType.of(linkType);
                    }
                }
                case 6 -> { // Enhanced Packet Block
                    int iface = b.getInt(at + 8);
                    long ts = (b.getInt(at + 12) & 0xFFFF_FFFFL) << 32 | (b.getInt(at + 16) & 0xFFFF_FFFFL);
                    int captured = b.getInt(at + 20);
                    int original = b.getInt(at + 24);
                    if (captured < 0 || 28 + (long) captured > length - 4 || iface < 0 || iface >= interfaces.size()) {
                        throw new IOException(name + ": bad enhanced packet block at " + at);
                    }
                    long units = pow10(interfaces.get(iface)[1]);
                    frames.add(frame(frames.size() + 1, ts / units, (ts % units) * (1_000_000_000 / units), original,
                            b, at + 28, captured));
                }
                case 3 -> { // Simple Packet Block: no timestamp; captured length is what the block holds
                    int original = b.getInt(at + 8);
                    int captured = Math.min(original, length - 16);
                    frames.add(frame(frames.size() + 1, 0, 0, original, b, at + 12, captured));
                }
                case 2 -> { // obsolete Packet Block
                    int iface = b.getShort(at + 8) & 0xFFFF;
                    long ts = (b.getInt(at + 12) & 0xFFFF_FFFFL) << 32 | (b.getInt(at + 16) & 0xFFFF_FFFFL);
                    int captured = b.getInt(at + 20);
                    int original = b.getInt(at + 24);
                    if (captured < 0 || 28 + (long) captured > length - 4 || iface >= interfaces.size()) {
                        throw new IOException(name + ": bad packet block at " + at);
                    }
                    long units = pow10(interfaces.get(iface)[1]);
                    frames.add(frame(frames.size() + 1, ts / units, (ts % units) * (1_000_000_000 / units), original,
                            b, at + 28, captured));
                }
                default -> {
                    // other blocks carry no frames
                }
            }
            at += length;
        }
        if (first == null) {
            throw new IOException(name + ": pcapng file without an interface");
        }
        return new CaptureFile(name, first, frames);
    }

    /** The {@code if_tsresol} option as a power of ten (6, microseconds, by default); base-2 values are not supported. */
    private static int tsResolution(ByteBuffer b, int at, int end) throws IOException {
        while (at + 4 <= end) {
            int code = b.getShort(at) & 0xFFFF;
            int length = b.getShort(at + 2) & 0xFFFF;
            if (code == 0) {
                break;
            }
            if (code == 9 && length >= 1) {
                int v = b.get(at + 4) & 0xFF;
                if ((v & 0x80) != 0 || v > 9) {
                    throw new IOException("unsupported if_tsresol " + v);
                }
                return v;
            }
            at += 4 + (length + 3) / 4 * 4;
        }
        return 6;
    }

    private static long pow10(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 10;
        }
        return v;
    }

    private static CapturedFrame frame(int number, long seconds, long nanos, int original, ByteBuffer b, int at,
                                       int captured) {
        byte[] data = new byte[captured];
        b.get(at, data);
        return new CapturedFrame(number, Instant.ofEpochSecond(seconds, nanos), original,
                ByteBuffer.wrap(data).asReadOnlyBuffer());
    }

    private static void require(ByteBuffer b, int at, long length, String name) throws IOException {
        if (length < 0 || at + length > b.limit()) {
            throw new IOException(name + ": truncated at offset " + at);
        }
    }
}
