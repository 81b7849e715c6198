package org.tunnelcodec.mpls;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * Encodes pseudowire control words (see {@link ControlWord}). Follows the encoder contract of
 * {@code org.tunnelcodec.core}: the first nibble is always 0000 (RFC 4385 §3), the other fields
 * are written as the record holds them. The Length field is the caller's, since the encoder
 * does not see the payload: {@link ControlWord#lengthFor} computes it.
 */
public final class ControlWordEncoder {
    private ControlWordEncoder() {
    }

    /**
     * Returns the exact encoded length, always {@value ControlWord#LENGTH}.
     *
     * @param header the control word
     * @return the exact encoded length, always {@value ControlWord#LENGTH}
     * @throws NullPointerException if {@code header} is null
     */
    public static int encodedLength(ControlWord header) {
        Objects.requireNonNull(header, "header");
        return ControlWord.LENGTH;
    }

    /**
     * Writes the control word at {@code dst.position()}.
     *
     * @param header the control word
     * @param dst the destination; written from its position, which does not move
     * @return the number of bytes written, {@value ControlWord#LENGTH}
     * @throws IllegalArgumentException if {@code dst} has fewer than 4 bytes remaining
     * @throws java.nio.ReadOnlyBufferException if {@code dst} is read-only
     */
    public static int encode(ControlWord header, ByteBuffer dst) {
        int word = header.flags() << ControlWordLayout.FLAGS_SHIFT
                | header.fragmentation() << ControlWordLayout.FRG_SHIFT
                | header.length() << ControlWordLayout.LENGTH_SHIFT
                | header.sequenceNumber();
        Wire.requireRoom(dst, ControlWord.LENGTH);
        Wire.put32(dst, dst.position(), word);
        return ControlWord.LENGTH;
    }
}
