package org.tunnelcodec.gre.wccp.control;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;

/**
 * A Web-Cache Identity Element ([W01] 5.7.2, [W03], [R1] 6.4).
 *
 * <pre>
 *  +-----------------------------------------+
 *  | Web-Cache IP Address (address element)  |
 *  +--------------------+--------------------+
 *  | Hash Revision (16) | Flags (16)         |
 *  +--------------------+--------------------+
 *  | Assignment Data (per the flags' type)   |
 *  +-----------------------------------------+
 * </pre>
 *
 * <p>The Flags' assignment-type bits must agree with the variant of {@code assignmentData};
 * the factories set them. Hash Revision is 0 in [W01]; [R1] renames it Reserved.
 *
 * @param address        the web-cache's address element
 * @param hashRevision   the Hash Revision / Reserved field, 0..65535 (0 on the wire today)
 * @param flags          the Flags, all 16 bits kept
 * @param assignmentData the assignment data
 */
public record WccpWebCacheIdentity(Ipv4Address address, int hashRevision, WccpWebCacheFlags flags,
                                   WccpAssignmentData assignmentData) {
    /** The octets before the assignment data. */
    public static final int FIXED_LENGTH = 8;

    /**
     * Checks the components.
     *
     * @param address the web-cache's address element
     * @param hashRevision the Hash Revision / Reserved field, 0..65535 (0 on the wire today)
     * @param flags the Flags, all 16 bits kept
     * @param assignmentData the assignment data
     */
    public WccpWebCacheIdentity {
        Objects.requireNonNull(address, "address");
        Check.inRange("hashRevision", hashRevision, 0, 0xFFFF);
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(assignmentData, "assignmentData");
        Check.argument(flags.assignmentType() == assignmentData.type(), "flags.assignmentType()",
                flags.assignmentType(), "the type of the assignment data, " + assignmentData.type());
    }

    /**
     * A cache with hash assignment data, U and V clear.
     *
     * @param address the cache
     * @param buckets the 32-octet bucket vector
     * @param weight  the Assignment Weight
     * @param status  the Status
     * @return the element
     */
    public static WccpWebCacheIdentity hash(Ipv4Address address, ByteString buckets, int weight, int status) {
        return new WccpWebCacheIdentity(address, 0, WccpWebCacheFlags.of(WccpWebCacheFlags.TYPE_HASH, false, false),
                new WccpAssignmentData.Hash(buckets, weight, status));
    }

    /**
     * A cache with mask assignment data, U and V clear.
     *
     * @param address the cache
     * @param sets    the Mask/Value Set List
     * @param weight  the Assignment Weight
     * @param status  the Status
     * @return the element
     */
    public static WccpWebCacheIdentity mask(Ipv4Address address, List<WccpMaskValueSet> sets, int weight,
                                            int status) {
        return new WccpWebCacheIdentity(address, 0,
                WccpWebCacheFlags.of(WccpWebCacheFlags.TYPE_MASK_ASSIGNMENT, false, false),
                new WccpAssignmentData.Mask(sets, weight, status));
    }

    /**
     * A cache with no assignment data (type 2, WCCP 2.01), U and V clear.
     *
     * @param address the cache
     * @return the element
     */
    public static WccpWebCacheIdentity none(Ipv4Address address) {
        return new WccpWebCacheIdentity(address, 0, WccpWebCacheFlags.of(WccpWebCacheFlags.TYPE_NONE, false, false),
                WccpAssignmentData.None.INSTANCE);
    }

    /**
     * Returns the encoded length in octets.
     *
     * @return the encoded length in octets
     */
    public int encodedLength() {
        return FIXED_LENGTH + assignmentData.encodedLength();
    }
}
