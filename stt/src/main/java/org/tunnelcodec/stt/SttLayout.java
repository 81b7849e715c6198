package org.tunnelcodec.stt;

/**
 * Offsets and sizes of STT (draft-davie-stt-08 §3). The bit diagrams are on the public
 * records, {@link SttFrameHeader} and {@link SttSegmentHeader}, where the published javadoc
 * shows them.
 */
final class SttLayout {
    static final int FRAME_HEADER_LENGTH = 18;
    static final int SEGMENT_HEADER_LENGTH = 20;
    static final int PORT = 7471;
    static final int MAX_FRAME_LENGTH = 0xFFFF;

    private SttLayout() {
    }
}
