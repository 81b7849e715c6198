package org.tunnelcodec.gre.wccp.control;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.tunnelcodec.core.internal.Wire;

/**
 * Tells WCCP v1 from v2 control messages on UDP/2048 by their Type ([V1], [W01] 5.5; [R1] 3.4):
 * 7-9 are version 1 ({@link WccpV1MessageDecoder}), 10-13 version 2
 * ({@link WccpMessageDecoder}); a receiver ignores anything else.
 */
public final class WccpControl {
    /** The UDP port of WCCP control messages (source and destination, [R1] 4.1; not an IANA assignment). */
    public static final int UDP_PORT = 2048;

    private WccpControl() {
    }

    /**
     * Peeks at the Type of the message at absolute {@code index}; allocates nothing, throws
     * nothing for short or unknown input.
     *
     * @param src   the datagram; its position, limit and order are not changed
     * @param index where the message starts
     * @return 1 for Type 7-9, 2 for Type 10-13, 0 for any other Type or fewer than 4 octets
     *     before the limit
     * @throws IndexOutOfBoundsException if {@code index} is negative or past {@code src.limit()}
     */
    public static int version(ByteBuffer src, int index) {
        Objects.checkFromToIndex(index, src.limit(), src.limit());
        if (src.limit() - index < 4) {
            return 0;
        }
        int type = Wire.i32(src, index);
        if (type >= 7 && type <= 9) {
            return 1;
        }
        return type >= 10 && type <= 13 ? 2 : 0;
    }
}
