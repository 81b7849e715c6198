package org.tunnelcodec.lisp;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * An EID-record (RFC 9301 §5.4), as Map-Reply, Map-Register, Map-Notify and Map-Notify-Ack
 * carry them.
 *
 * <pre>
 * |                          Record TTL                           |
 * | Locator Count | EID mask-len  | ACT |A|      Reserved         |
 * | Rsvd  |  Map-Version Number   |       EID-Prefix-AFI          |
 * |                          EID-Prefix                           |
 * |                  Locator Count locator records                |
 * </pre>
 *
 * The Locator Count is the size of {@code locators}. The mask-len must fit the EID's family
 * when it is IPv4 (32), IPv6 (128) or MAC (48); for an LCAF EID it is kept as it is (RFC 8060
 * applies it to the Instance-ID's inner prefix; other types carry their own mask-lens).
 *
 * @param ttl            Record TTL in minutes, 0..4294967295 (0xFFFFFFFF: the receiver decides)
 * @param maskLength     EID mask-len
 * @param action         ACT, 0..7 (0 No-Action, 1 Natively-Forward, 2 Send-Map-Request, 3 Drop/No-Reason,
 *                       4 Drop/Policy-Denied, 5 Drop/Auth-Failure)
 * @param authoritative  A
 * @param reserved       the 12 reserved bits after A
 * @param reservedBits   the 4 Rsvd bits before the Map-Version Number
 * @param mapVersion     the Map-Version Number, 0..4095 (RFC 9302; 0: unversioned)
 * @param eid            the EID-Prefix
 * @param locators       the locator records, at most 255
 */
public record EidRecord(long ttl, int maskLength, int action, boolean authoritative, int reserved, int reservedBits,
                        int mapVersion, LispAddress eid, List<LocatorRecord> locators) {
    /**
     * Checks the components.
     *
     * @param ttl            Record TTL in minutes, 0..4294967295 (0xFFFFFFFF: the receiver decides)
     * @param maskLength     EID mask-len
     * @param action         ACT, 0..7 (0 No-Action, 1 Natively-Forward, 2 Send-Map-Request, 3 Drop/No-Reason, 4 Drop/Policy-Denied, 5 Drop/Auth-Failure)
     * @param authoritative  A
     * @param reserved       the 12 reserved bits after A
     * @param reservedBits   the 4 Rsvd bits before the Map-Version Number
     * @param mapVersion     the Map-Version Number, 0..4095 (RFC 9302; 0: unversioned)
     * @param eid            the EID-Prefix
     * @param locators       the locator records, at most 255
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public EidRecord {
        Check.inRange("ttl", ttl, 0, 0xFFFF_FFFFL);
        Objects.requireNonNull(eid, "eid");
        Check.inRange("maskLength", maskLength, 0, LispControlLayout.maxMaskLength(eid.afi()));
        Check.inRange("action", action, 0, 7);
        Check.inRange("reserved", reserved, 0, 0xFFF);
        Check.inRange("reservedBits", reservedBits, 0, 0xF);
        Check.inRange("mapVersion", mapVersion, 0, 0xFFF);
        locators = List.copyOf(locators);
        Check.inRange("locators.size()", locators.size(), 0, 0xFF);
    }

    /**
     * A positive record: no action, reserved bits 0, unversioned.
     *
     * @param ttl           Record TTL in minutes
     * @param eid           the EID-Prefix
     * @param maskLength    its mask-len
     * @param authoritative A
     * @param locators      the locators
     * @return the record
     */
    public static EidRecord of(long ttl, LispAddress eid, int maskLength, boolean authoritative,
                               List<LocatorRecord> locators) {
        return new EidRecord(ttl, maskLength, 0, authoritative, 0, 0, 0, eid, locators);
    }

    /**
     * Returns the length on the wire.
     *
     * @return 10 plus the EID and the locator records
     */
    public int encodedLength() {
        int n = LispControlLayout.EID_RECORD_FIXED + eid.encodedLength();
        for (LocatorRecord l : locators) {
            n += l.encodedLength();
        }
        return n;
    }
}
