package org.tunnelcodec.gre.wccp.control;

import java.util.List;
import org.tunnelcodec.core.MalformedPacketException;

/**
 * Offsets and sizes of the WCCP control messages, shared by the decoders and encoders. The
 * header and component diagrams are on {@link WccpMessage} and {@link WccpComponent}.
 */
final class WccpControlLayout {
    /** The message Length as a {@code boundedBy} of {@link MalformedPacketException#truncated}. */
    static final String MESSAGE_LENGTH = WccpMessage.PROTOCOL + " Length";
    /** A component Length as a {@code boundedBy} of {@link MalformedPacketException#truncated}. */
    static final String COMPONENT_LENGTH = WccpMessage.PROTOCOL + " Component Length";

    /** Offset of the v2 Version field. */
    static final int VERSION_OFFSET = 4;
    /** Offset of the v2 Length field. */
    static final int LENGTH_OFFSET = 6;
    /** The octets of a component header. */
    static final int COMPONENT_HEADER = 4;
    /** Offset of the digest in a Security Info component. */
    static final int DIGEST_OFFSET = 8;
    /** The Security Info Length with MD5. */
    static final int MD5_SECURITY_LENGTH = 20;

    private WccpControlLayout() {
    }

    /**
     * The error for a component whose body runs past the message Length.
     *
     * @param type      the component Type
     * @param offset    where the body starts, from the message
     * @param length    the component Length
     * @param available the octets the message Length leaves for the body
     * @return a {@code TRUNCATED} error bounded by the message Length
     */
    static MalformedPacketException componentPastMessage(int type, int offset, int length, int available) {
        return MalformedPacketException.truncated(WccpMessage.PROTOCOL, WccpComponentType.nameOf(type), offset, length,
                available, MESSAGE_LENGTH);
    }

    /**
     * Returns the encoded length of a Mask/Value Set List: its count and its elements.
     *
     * @return the encoded length of a Mask/Value Set List: its count and its elements
     */
    static int maskValueSetListLength(List<WccpMaskValueSet> sets) {
        long n = 4;
        for (WccpMaskValueSet s : sets) {
            n += s.encodedLength();
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    /**
     * @throws IllegalArgumentException if a component body of {@code length} octets would not
     *     fit the 16-bit component Length
     */
    static void checkComponentLength(String name, long length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException(name + ": a component body of " + length
                    + " octets (expected: at most 65535)");
        }
    }
}
