package org.tunnelcodec.lisp;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * A referral record of a Map-Referral (RFC 8111 §6.4.1): the EID-record layout with the
 * Referral Count in place of the Locator Count, an I (incomplete) bit after A and a SigCnt in
 * the Rsvd bits. Signatures are not decoded: the decoder refuses a SigCnt other than 0.
 *
 * @param ttl           Record TTL in minutes, 0..4294967295
 * @param maskLength    EID mask-len
 * @param action        ACT, 0..7 (0 NODE-REFERRAL, 1 MS-REFERRAL, 2 MS-ACK, 3 MS-NOT-REGISTERED,
 *                      4 DELEGATION-HOLE, 5 NOT-AUTHORITATIVE)
 * @param authoritative A
 * @param incomplete    I: the referral set may be partial
 * @param reserved      the 11 reserved bits
 * @param mapVersion    the Map-Version Number, 0..4095
 * @param eid           the EID-Prefix
 * @param referrals     the referral locators, at most 255
 */
public record MapReferralRecord(long ttl, int maskLength, int action, boolean authoritative, boolean incomplete,
                                int reserved, int mapVersion, LispAddress eid, List<LocatorRecord> referrals) {
    /**
     * Checks the components.
     *
     * @param ttl           Record TTL in minutes, 0..4294967295
     * @param maskLength    EID mask-len
     * @param action        ACT, 0..7 (0 NODE-REFERRAL, 1 MS-REFERRAL, 2 MS-ACK, 3 MS-NOT-REGISTERED, 4 DELEGATION-HOLE, 5 NOT-AUTHORITATIVE)
     * @param authoritative A
     * @param incomplete    I: the referral set may be partial
     * @param reserved      the 11 reserved bits
     * @param mapVersion    the Map-Version Number, 0..4095
     * @param eid           the EID-Prefix
     * @param referrals     the referral locators, at most 255
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public MapReferralRecord {
        Check.inRange("ttl", ttl, 0, 0xFFFF_FFFFL);
        Objects.requireNonNull(eid, "eid");
        Check.inRange("maskLength", maskLength, 0, LispControlLayout.maxMaskLength(eid.afi()));
        Check.inRange("action", action, 0, 7);
        Check.inRange("reserved", reserved, 0, 0x7FF);
        Check.inRange("mapVersion", mapVersion, 0, 0xFFF);
        referrals = List.copyOf(referrals);
        Check.inRange("referrals.size()", referrals.size(), 0, 0xFF);
    }

    /**
     * Returns the length on the wire.
     *
     * @return 10 plus the EID and the referral locators
     */
    public int encodedLength() {
        int n = LispControlLayout.EID_RECORD_FIXED + eid.encodedLength();
        for (LocatorRecord l : referrals) {
            n += l.encodedLength();
        }
        return n;
    }
}
