package org.tunnelcodec.lisp;

import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * One EID looked up by a Map-Request (RFC 9301 §5.2): a reserved octet, the EID mask-len and
 * the EID-Prefix.
 *
 * @param reserved   the Reserved octet, kept as on the wire
 * @param maskLength EID mask-len, within the EID family's width (32, 128, 48)
 * @param eid        the EID-Prefix
 */
public record MapRequestRecord(int reserved, int maskLength, LispAddress eid) {
    /**
     * Checks the components.
     *
     * @param reserved   the Reserved octet, kept as on the wire
     * @param maskLength EID mask-len, within the EID family's width (32, 128, 48)
     * @param eid        the EID-Prefix
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public MapRequestRecord {
        Check.inRange("reserved", reserved, 0, 0xFF);
        Objects.requireNonNull(eid, "eid");
        Check.inRange("maskLength", maskLength, 0, LispControlLayout.maxMaskLength(eid.afi()));
    }

    /**
     * A record with the reserved octet 0.
     *
     * @param eid        the EID-Prefix
     * @param maskLength its mask-len
     * @return the record
     */
    public static MapRequestRecord of(LispAddress eid, int maskLength) {
        return new MapRequestRecord(0, maskLength, eid);
    }

    /**
     * Returns the length on the wire.
     *
     * @return 2 plus the EID's encoded length
     */
    public int encodedLength() {
        return 2 + eid.encodedLength();
    }
}
