package org.tunnelcodec.gre.wccp;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * Decodes the WCCPv2 redirect header. Follows the decoder contract of
 * {@code org.tunnelcodec.core}: every flag and reserved bit is kept; the payload is the rest
 * of the buffer (the original IP packet).
 */
public final class WccpRedirectDecoder {
    static final String PROTOCOL = "WCCP";

    private WccpRedirectDecoder() {
    }

    /**
     * Decodes the header at {@code src.position()}.
     *
     * @throws MalformedPacketException if fewer than 4 bytes remain
     */
    public static Decoded<WccpRedirectHeader> decode(ByteBuffer src) {
        return decode(src, src.position(), src.limit());
    }

    /**
     * Decodes the header at absolute {@code index}, reading no byte at or past {@code limit}.
     *
     * @throws IndexOutOfBoundsException if {@code [index, limit)} is not within {@code src.limit()}
     * @throws MalformedPacketException if fewer than 4 bytes remain
     */
    public static Decoded<WccpRedirectHeader> decode(ByteBuffer src, int index, int limit) {
        Objects.checkFromToIndex(index, limit, src.limit());
        Wire.require(PROTOCOL, "Redirect Header", index, index, WccpRedirectHeader.LENGTH, limit);
        int w = Wire.i32(src, index);
        WccpRedirectHeader h = new WccpRedirectHeader(w >>> 24, w >>> 16 & 0xFF, w >>> 8 & 0xFF, w & 0xFF);
        return Decoded.of(h, WccpRedirectHeader.LENGTH, src, index + WccpRedirectHeader.LENGTH,
                limit - index - WccpRedirectHeader.LENGTH);
    }
}
