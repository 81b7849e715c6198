package org.tunnelcodec.core.transport;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.internal.Wire;

/** The checksum arithmetic UDP and TCP share: over pseudo-header sum, header and payload. */
final class TransportChecksum {
    private TransportChecksum() {
    }

    static boolean verifies(ByteBuffer buf, int index, int length, int pseudoHeaderSum) {
        Objects.checkFromIndexSize(index, length, buf.limit());
        return InternetChecksum.verifies(buf, index, length, pseudoHeaderSum);
    }

    /** Computes the checksum with the field taken as zero, writes it, and returns it. */
    static int fill(ByteBuffer buf, int index, int length, int checksumOffset, int pseudoHeaderSum, boolean udp) {
        Objects.checkFromIndexSize(index, length, buf.limit());
        Objects.checkFromIndexSize(checksumOffset, 2, length);
        Wire.put16(buf, index + checksumOffset, 0);
        int c = InternetChecksum.checksum(buf, index, length, pseudoHeaderSum);
        if (udp && c == 0) {
            c = 0xFFFF; // RFC 768: a computed zero is sent as all ones
        }
        Wire.put16(buf, index + checksumOffset, c);
        return c;
    }
}
