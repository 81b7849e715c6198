package org.tunnelcodec.core.link;

/**
 * Offsets and sizes of the Ethernet II header and its 802.1Q tags.
 *
 * <p>The bit diagram is on {@link EthernetHeader}.
 */
final class EthernetLayout {
    static final int DESTINATION_OFFSET = 0;
    static final int SOURCE_OFFSET = 6;
    static final int TYPE_OFFSET = 12;
    static final int MIN_LENGTH = 14;
    static final int TAG_LENGTH = 4;
    /** The most tags the decoder walks before it reports {@code LIMIT_EXCEEDED}. */
    static final int MAX_TAGS = 8;
    /** EtherType values up to this are IEEE 802.3 length fields (IEEE 802.3 §3.2.6). */
    static final int MAX_LENGTH_FIELD = 1500;

    private EthernetLayout() {
    }

    static boolean isTagProtocol(int etherType) {
        return etherType == 0x8100 || etherType == 0x88A8 || etherType == 0x9100;
    }
}
