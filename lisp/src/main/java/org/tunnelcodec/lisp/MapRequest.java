package org.tunnelcodec.lisp;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.internal.Check;

/**
 * A Map-Request (type 1, RFC 9301 §5.2).
 *
 * <pre>
 * |Type=1 |A|M|P|S|p|s|R|R|  Rsvd   |L|D|   IRC   | Record Count  |
 * |                         Nonce . . .                           |
 * |                         . . . Nonce                           |
 * |         Source-EID-AFI        |   Source EID Address  ...     |
 * |         ITR-RLOC-AFI 1        |    ITR-RLOC Address 1  ...    |   (IRC + 1 times)
 * |   Reserved    | EID mask-len  |        EID-Prefix-AFI         |   (Record Count times)
 * |                       EID-Prefix  ...                         |
 * |                   Map-Reply Record  ...                       |   (when M is set)
 * </pre>
 *
 * IRC is the number of ITR-RLOCs minus one, read as the low five bits of the third octet
 * only (L and D share the octet); Record Count is the number of records; M is set exactly
 * when {@code mapReply} is present. The seven bits between s and L (R R and Rsvd; deployed
 * code uses some of them) are kept as {@code reserved}.
 *
 * @param authoritative A
 * @param probe         P: RLOC-probe
 * @param smr           S: Solicit-Map-Request
 * @param pitr          p: sent by a proxy ITR
 * @param smrInvoked    s: answers an SMR
 * @param reserved      the seven bits 10-16
 * @param localXtr      L: the sender is an xTR of the site
 * @param dontMapReply  D: do not answer with a Map-Reply
 * @param nonce         the 64-bit nonce, opaque
 * @param sourceEid     the Source EID, {@link LispAddress#NONE} when unknown
 * @param itrRlocs      the ITR-RLOCs, 1..32
 * @param records       the EIDs looked up, 1..255
 * @param mapReply      the Map-Reply record (M set), or null
 */
public record MapRequest(boolean authoritative, boolean probe, boolean smr, boolean pitr, boolean smrInvoked,
                         int reserved, boolean localXtr, boolean dontMapReply, long nonce, LispAddress sourceEid,
                         List<LispAddress> itrRlocs, List<MapRequestRecord> records, EidRecord mapReply)
        implements LispMessage {
    /** The most ITR-RLOCs: IRC is five bits. */
    public static final int MAX_ITR_RLOCS = 32;

    /**
     * Checks the components.
     *
     * @param authoritative A
     * @param probe         P: RLOC-probe
     * @param smr           S: Solicit-Map-Request
     * @param pitr          p: sent by a proxy ITR
     * @param smrInvoked    s: answers an SMR
     * @param reserved      the seven bits 10-16
     * @param localXtr      L: the sender is an xTR of the site
     * @param dontMapReply  D: do not answer with a Map-Reply
     * @param nonce         the 64-bit nonce, opaque
     * @param sourceEid     the Source EID, {@link LispAddress#NONE} when unknown
     * @param itrRlocs      the ITR-RLOCs, 1..32
     * @param records       the EIDs looked up, 1..255
     * @param mapReply      the Map-Reply record (M set), or null
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public MapRequest {
        Check.inRange("reserved", reserved, 0, 0x7F);
        Objects.requireNonNull(sourceEid, "sourceEid");
        itrRlocs = List.copyOf(itrRlocs);
        Check.inRange("itrRlocs.size()", itrRlocs.size(), 1, MAX_ITR_RLOCS);
        records = List.copyOf(records);
        Check.inRange("records.size()", records.size(), 1, 0xFF);
    }

    /**
     * A request for one EID as an ITR sends it: no flags but {@code probe}, no Map-Reply record.
     *
     * @param probe     P
     * @param nonce     the nonce
     * @param sourceEid the Source EID or {@link LispAddress#NONE}
     * @param itrRlocs  the ITR-RLOCs, 1..32
     * @param eid       the EID looked up
     * @param maskLength its mask-len
     * @return the request
     */
    public static MapRequest of(boolean probe, long nonce, LispAddress sourceEid, List<LispAddress> itrRlocs,
                                LispAddress eid, int maskLength) {
        return new MapRequest(false, probe, false, false, false, 0, false, false, nonce, sourceEid, itrRlocs,
                List.of(MapRequestRecord.of(eid, maskLength)), null);
    }

    /**
     * Returns M: a Map-Reply record follows the records.
     *
     * @return whether {@link #mapReply()} is present
     */
    public boolean mapDataPresent() {
        return mapReply != null;
    }

    /**
     * Returns the IRC field: the number of ITR-RLOCs minus one.
     *
     * @return IRC, 0..31
     */
    public int itrRlocCount() {
        return itrRlocs.size() - 1;
    }

    @Override
    public int type() {
        return LispControlLayout.TYPE_MAP_REQUEST;
    }

    @Override
    public int encodedLength() {
        int n = 12 + sourceEid.encodedLength();
        for (LispAddress a : itrRlocs) {
            n += a.encodedLength();
        }
        for (MapRequestRecord r : records) {
            n += r.encodedLength();
        }
        return n + (mapReply == null ? 0 : mapReply.encodedLength());
    }
}
