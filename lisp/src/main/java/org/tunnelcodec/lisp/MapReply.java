package org.tunnelcodec.lisp;

import java.util.List;
import org.tunnelcodec.core.internal.Check;

/**
 * A Map-Reply (type 2, RFC 9301 §5.4).
 *
 * <pre>
 * |Type=2 |P|E|S|          Reserved               | Record Count  |
 * |                         Nonce . . .                           |
 * |                         . . . Nonce                           |
 * |                 EID-records (Record Count times)              |
 * </pre>
 *
 * With S set, LISP-SEC authentication data (RFC 9303) follows the records; the decoder leaves it
 * in the payload.
 *
 * @param probe     P: answers an RLOC-probe
 * @param echoNonce E: the site supports echo-nonce
 * @param security  S: LISP-SEC data follows the records
 * @param reserved  the 17 reserved bits (lispers.net puts a hop count in the low eight)
 * @param nonce     the nonce of the Map-Request answered
 * @param records   the EID-records, 0..255
 */
public record MapReply(boolean probe, boolean echoNonce, boolean security, int reserved, long nonce,
                       List<EidRecord> records) implements LispMessage {
    /**
     * Checks the components.
     *
     * @param probe     P: answers an RLOC-probe
     * @param echoNonce E: the site supports echo-nonce
     * @param security  S: LISP-SEC data follows the records
     * @param reserved  the 17 reserved bits (lispers.net puts a hop count in the low eight)
     * @param nonce     the nonce of the Map-Request answered
     * @param records   the EID-records, 0..255
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public MapReply {
        Check.inRange("reserved", reserved, 0, 0x1FFFF);
        records = List.copyOf(records);
        Check.inRange("records.size()", records.size(), 0, 0xFF);
    }

    @Override
    public int type() {
        return LispControlLayout.TYPE_MAP_REPLY;
    }

    @Override
    public int encodedLength() {
        return 12 + LispMessageDecoder.recordsLength(records);
    }
}
