package org.tunnelcodec.gre.wccp.control;

import java.nio.ByteBuffer;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes WCCP version 1 control messages ([V1] "Format of Protocol Packets"), writing the
 * Type, Protocol Version 4 (HERE_I_AM, I_SEE_YOU) and the web-cache counts. Follows the
 * encoder contract of {@link org.tunnelcodec.core}.
 */
public final class WccpV1MessageEncoder {
    private WccpV1MessageEncoder() {
    }

    /**
     * Returns the exact encoded length.
     *
     * @param message the message
     * @return the exact encoded length
     */
    public static int encodedLength(WccpV1Message message) {
        return message.encodedLength();
    }

    /**
     * Writes the message at {@code dst.position()}.
     *
     * @param message the message
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written
     * @throws IllegalArgumentException if {@code dst} is too small
     */
    public static int encode(WccpV1Message message, ByteBuffer dst) {
        int length = message.encodedLength();
        Wire.requireRoom(dst, length);
        int p = dst.position();
        Wire.put32(dst, p, message.type().value());
        if (message instanceof WccpV1Message.HereIAm h) {
            Wire.put32(dst, p + 4, WccpV1Message.VERSION);
            Wire.put32(dst, p + 8, h.hashRevision());
            h.buckets().writeTo(dst, p + 12);
            Wire.put32(dst, p + 44, h.flags());
            Wire.put32(dst, p + 48, h.receivedId());
        } else if (message instanceof WccpV1Message.ISeeYou s) {
            Wire.put32(dst, p + 4, WccpV1Message.VERSION);
            Wire.put32(dst, p + 8, s.changeNumber());
            Wire.put32(dst, p + 12, s.receivedId());
            Wire.put32(dst, p + 16, s.webCaches().size());
            int at = p + 20;
            for (WccpV1Message.WebCacheEntry e : s.webCaches()) {
                e.address().write(dst, at);
                Wire.put32(dst, at + 4, e.hashRevision());
                e.buckets().writeTo(dst, at + 8);
                Wire.put32(dst, at + 40, e.flags());
                at += WccpV1Message.WebCacheEntry.LENGTH;
            }
        } else {
            WccpV1Message.AssignBucket a = (WccpV1Message.AssignBucket) message;
            Wire.put32(dst, p + 4, a.receivedId());
            Wire.put32(dst, p + 8, a.webCaches().size());
            int at = p + 12;
            for (var cache : a.webCaches()) {
                cache.write(dst, at);
                at += 4;
            }
            a.buckets().writeTo(dst, at);
        }
        return length;
    }
}
