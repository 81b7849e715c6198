package org.tunnelcodec.stt;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** What several STT test classes need: buffers for segments, hex vectors, small reassembler limits. */
final class SttTestSupport {
    /** Small limits, so that hostile traffic reaches them: 512 KiB, 32 frames of 16 segments, 5 µs. */
    static final SttReassembler.Limits SMALL_LIMITS = new SttReassembler.Limits(512 * 1024, 32, 16, 5_000, true, 7471);

    private SttTestSupport() {
    }

    /** @return {@code n} heap buffers of {@code size} octets */
    static ByteBuffer[] buffers(int n, int size) {
        ByteBuffer[] out = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            out[i] = ByteBuffer.allocate(size);
        }
        return out;
    }

    /** @return the octets of a hex string, in a buffer */
    static ByteBuffer hex(String s) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(s));
    }
}
