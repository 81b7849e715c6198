package org.tunnelcodec.lisp;

import java.util.List;
import org.tunnelcodec.core.internal.Check;

/**
 * A Map-Referral (type 6, RFC 8111 §6.4.1, experimental): the answer of a DDT node.
 *
 * <pre>
 * |Type=6 |                Reserved               | Record Count  |
 * |                         Nonce . . .                           |
 * |                         . . . Nonce                           |
 * |             referral records (Record Count times)             |
 * </pre>
 *
 * @param reserved the 20 reserved bits
 * @param nonce    the nonce of the DDT Map-Request answered
 * @param records  the referral records, 0..255
 */
public record MapReferral(int reserved, long nonce, List<MapReferralRecord> records) implements LispMessage {
    /**
     * Checks the components.
     *
     * @param reserved the 20 reserved bits
     * @param nonce    the nonce of the DDT Map-Request answered
     * @param records  the referral records, 0..255
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public MapReferral {
        Check.inRange("reserved", reserved, 0, 0xF_FFFF);
        records = List.copyOf(records);
        Check.inRange("records.size()", records.size(), 0, 0xFF);
    }

    @Override
    public int type() {
        return LispControlLayout.TYPE_MAP_REFERRAL;
    }

    @Override
    public int encodedLength() {
        int n = 12;
        for (MapReferralRecord r : records) {
            n += r.encodedLength();
        }
        return n;
    }
}
