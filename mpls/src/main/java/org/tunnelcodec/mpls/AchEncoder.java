package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes Associated Channel Headers (see {@link AchHeader}). Follows the encoder contract of
 * {@code org.tunnelcodec.core}: the first nibble is always 0001 (RFC 4385 §5, RFC 5586 §2), the
 * other fields are written as the record holds them ({@link AchHeader#of} gives Version 0 and
 * Reserved 0, as senders must use).
 */
public final class AchEncoder {
    private AchEncoder() {
    }

    /**
     * Returns the exact encoded length, always {@value AchHeader#LENGTH}.
     *
     * @param header the header
     * @return the exact encoded length, always {@value AchHeader#LENGTH}
     * @throws NullPointerException if {@code header} is null
     */
    public static int encodedLength(AchHeader header) {
        Objects.requireNonNull(header, "header");
        return AchHeader.LENGTH;
    }

    /**
     * Writes the header at {@code dst.position()}.
     *
     * @param header the header
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written, {@value AchHeader#LENGTH}
     * @throws IllegalArgumentException if {@code dst} has fewer than 4 bytes remaining
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(AchHeader header, ByteBuffer dst) {
        int word = AchLayout.NIBBLE << AchLayout.NIBBLE_SHIFT
                | header.version() << AchLayout.VERSION_SHIFT
                | header.reserved() << AchLayout.RESERVED_SHIFT
                | header.channelType().value();
        Wire.requireRoom(dst, AchHeader.LENGTH);
        Wire.put32(dst, dst.position(), word);
        return AchHeader.LENGTH;
    }
}
