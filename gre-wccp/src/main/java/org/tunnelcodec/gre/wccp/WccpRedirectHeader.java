package org.tunnelcodec.gre.wccp;

import org.tunnelcodec.core.internal.Check;

/**
 * The 4-octet WCCPv2 redirect header that follows the GRE header of a redirected packet
 * (draft-wilson-wrec-wccp-v2-01 §4.12.1, draft-mclaggan-wccp-v2rev1-00 §3.12.1).
 *
 * <pre>
 * +--------+----------+------------+------------+
 * | flags  |Service ID| Alt Bucket | Pri Bucket |
 * +--------+----------+------------+------------+
 * flags: 0x01 D/T dynamic service, 0x02 A alternate bucket used,
 *        0x04 U contents unavailable (v2rev1), 0xF8 reserved
 * </pre>
 *
 * <h2>Flag bit values: the evidence</h2>
 * The drafts draw {@code D A U Reserved} left to right, which an IETF reading would make D =
 * 0x80. Every implementation uses the opposite order, and so does this class: Wireshark tests
 * D = 0x01, A = 0x02, U = 0x04; Cisco routers send {@code 01 7b 00 00} for dynamic service
 * 123 (0x01 = D; read as 0x80 it would be a reserved bit on a well-known service 123, which
 * does not exist); the Linux {@code ip_wccp} module and the kernels' v1/v2 test rely on the
 * top nibble of this octet being zero, which D = 0x80 would break. tcpdump (print-gre.c)
 * reads the flags from the high bits and so disagrees: for the header {@code 05 59 00 48} of
 * tcpdump's own {@code wccp_redirect_gre.pcap} it reports no dynamic service, where this class
 * and Wireshark report a dynamic service 89 with bit 0x04 set (U in v2rev1, reserved in v2.0).
 *
 * @param flags           the flags octet as on the wire, 0..255 (reserved bits kept)
 * @param serviceId       the Service ID, 0..255
 * @param alternateBucket the Alt Bucket, 0..255
 * @param primaryBucket   the Pri Bucket, 0..255
 */
public record WccpRedirectHeader(int flags, int serviceId, int alternateBucket, int primaryBucket) {
    /** The header's length. */
    public static final int LENGTH = 4;
    /** The protocol's name: the dissector's layer name and {@link org.tunnelcodec.core.MalformedPacketException#protocol()}. */
    public static final String PROTOCOL = "wccp";
    /** D/T: the service is dynamic, not well-known. */
    public static final int DYNAMIC_SERVICE = 0x01;
    /** A: the alternate bucket chose the cache. */
    public static final int ALTERNATE_BUCKET_USED = 0x02;
    /** U (v2rev1): the header's other contents are unavailable and must be ignored. */
    public static final int CONTENTS_UNAVAILABLE = 0x04;
    /** The reserved bits. */
    public static final int RESERVED = 0xF8;

    /** The header a cache returns a packet with when it received none (draft-mclaggan-wccp-v2rev1-00 §3.13.1: U set). */
    public static final WccpRedirectHeader UNAVAILABLE = new WccpRedirectHeader(CONTENTS_UNAVAILABLE, 0, 0, 0);
    /** The "null" header of WCCP 2.0 (draft-wilson-wrec-wccp-v2-01 §4.13): all zero. */
    public static final WccpRedirectHeader NULL = new WccpRedirectHeader(0, 0, 0, 0);

    /**
     * Checks the components.
     *
     * @param flags the flags octet as on the wire, 0..255 (reserved bits kept)
     * @param serviceId the Service ID, 0..255
     * @param alternateBucket the Alt Bucket, 0..255
     * @param primaryBucket the Pri Bucket, 0..255
     */
    public WccpRedirectHeader {
        Check.inRange("flags", flags, 0, 255);
        Check.inRange("serviceId", serviceId, 0, 255);
        Check.inRange("alternateBucket", alternateBucket, 0, 255);
        Check.inRange("primaryBucket", primaryBucket, 0, 255);
    }

    /**
     * Returns whether D/T is set: a dynamic service.
     *
     * @return whether D/T is set: a dynamic service
     */
    public boolean dynamicService() {
        return (flags & DYNAMIC_SERVICE) != 0;
    }

    /**
     * Returns whether A is set: the alternate bucket chose the cache.
     *
     * @return whether A is set: the alternate bucket chose the cache
     */
    public boolean alternateBucketUsed() {
        return (flags & ALTERNATE_BUCKET_USED) != 0;
    }

    /**
     * Returns whether U is set: the other fields must be ignored.
     *
     * @return whether U is set: the other fields must be ignored
     */
    public boolean contentsUnavailable() {
        return (flags & CONTENTS_UNAVAILABLE) != 0;
    }

    /**
     * Returns the reserved bits as on the wire.
     *
     * @return the reserved bits as on the wire
     */
    public int reservedFlags() {
        return flags & RESERVED;
    }
}
