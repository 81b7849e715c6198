package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes MPLS label stacks, S=1 on the last entry only (RFC 3032 §2.1). Follows the encoder
 * contract of {@code org.tunnelcodec.core}. The stack is written as the record holds it: which
 * special-purpose labels may stand where is {@link MplsPolicy}'s to check, and the label
 * operations ({@link MplsPush}, {@link MplsLabelOps}) never write an Implicit NULL.
 */
public final class MplsEncoder {
    private MplsEncoder() {
    }

    /**
     * Returns the stack's length on the wire.
     *
     * @param header the stack
     * @return 4 octets per entry
     */
    public static int encodedLength(MplsHeader header) {
        return header.length();
    }

    /**
     * Writes the stack at {@code dst.position()} without moving it.
     *
     * @param header the stack
     * @param dst    the buffer
     * @return the number of octets written
     * @throws IllegalArgumentException if {@code dst} has too little room; nothing is then written
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(MplsHeader header, ByteBuffer dst) {
        Objects.requireNonNull(header, "header");
        int length = header.length();
        Wire.requireRoom(dst, length);
        int at = dst.position();
        for (int i = 0; i < header.depth(); i++) {
            Wire.put32(dst, at + i * MplsLayout.ENTRY_LENGTH, header.word(i) & 0xFFFFFFFFL);
        }
        return length;
    }
}
