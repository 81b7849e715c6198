package org.tunnelcodec.gre.wccp.control;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;

/**
 * A WCCP version 1 control message ([V1] "Format of Protocol Packets"). Every field is 32
 * bits in network order; there is no Length field, the datagram bounds the message.
 *
 * <pre>
 * HERE_I_AM (7), 52 octets          I_SEE_YOU (8), 20 + 44n octets    ASSIGN_BUCKET (9), 12 + 4n + 256
 *  | Type = 7              |         | Type = 8               |         | Type = 9                |
 *  | Protocol Version = 4  |         | Protocol Version = 4   |         | Received ID             |
 *  | Hash Revision = 0     |         | Change Number          |         | Number of Web Caches n  |
 *  | Hash Information      |         | Received ID            |         | n x Web Cache IP Address|
 *  |   (8 x 32: 256 bits)  |         | Number of WCs n (&lt;= 32)|         | Bucket 0..255 (1 octet  |
 *  | U | Reserved (32)     |         | n x Web-Cache List     |         |   each: 0xFF unassigned,|
 *  | Received ID           |         |   Entry (44 octets)    |         |   else cache index)     |
 *
 * Web-Cache List Entry: | Web-Cache IP Address | Hash Revision | Hash Information (256 bits) | U | Reserved |
 * </pre>
 *
 * <p>The 32-bit word holding the U ("hash information is historical") flag is kept raw: [V1]
 * draws U as its first bit ({@link #U_AS_DRAWN}, 0x80000000) while Wireshark tests
 * {@link #U_AS_WIRESHARK} (0x00010000), and no implementation evidence settles it. Protocol
 * Version must be 4 ({@link #VERSION}); ASSIGN_BUCKET has none.
 */
public sealed interface WccpV1Message {
    /** The Protocol Version of WCCP v1. */
    int VERSION = 4;
    /** U as [V1] draws it: the top bit of its word. */
    int U_AS_DRAWN = 0x8000_0000;
    /** U where Wireshark 4.0 looks for it ({@code wccp.hash_flag.u}). */
    int U_AS_WIRESHARK = 0x0001_0000;
    /** The cap on web-caches: [V1] allows up to 32. */
    int MAX_WEB_CACHES = 32;

    /**
     * Returns the message Type: 7, 8 or 9.
     *
     * @return the message Type: 7, 8 or 9
     */
    WccpMessageType type();

    /**
     * Returns the encoded length in octets.
     *
     * @return the encoded length in octets
     */
    int encodedLength();

    /**
     * HERE_I_AM, type 7: a web-cache announces itself and the buckets it holds.
     *
     * @param hashRevision the Hash Revision, 0..2^32-1 (0 in [V1])
     * @param buckets      the Hash Information: a 32-octet bucket vector ({@link WccpBuckets})
     * @param flags        the U + Reserved word, raw
     * @param receivedId   the Received ID of the last I_SEE_YOU (0 initially), 0..2^32-1
     */
    record HereIAm(long hashRevision, ByteString buckets, int flags, long receivedId) implements WccpV1Message {
        /** The encoded length. */
        public static final int LENGTH = 52;

        /**
         * Checks the components.
         *
         * @param hashRevision the Hash Revision, 0..2^32-1 (0 in [V1])
         * @param buckets the Hash Information: a 32-octet bucket vector ({@link WccpBuckets})
         * @param flags the U + Reserved word, raw
         * @param receivedId the Received ID of the last I_SEE_YOU (0 initially), 0..2^32-1
         */
        public HereIAm {
            Check.inRange("hashRevision", hashRevision, 0, 0xFFFF_FFFFL);
            WccpBuckets.checkVector(buckets);
            Check.inRange("receivedId", receivedId, 0, 0xFFFF_FFFFL);
        }

        /**
         * Returns whether the bucket is set in the Hash Information.
         *
         * @param bucket 0..255
         * @return whether the bucket is set in the Hash Information
         */
        public boolean isAssigned(int bucket) {
            return WccpBuckets.isAssigned(buckets, bucket);
        }

        @Override
        public WccpMessageType type() {
            return WccpMessageType.V1_HERE_I_AM;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }
    }

    /**
     * A Web-Cache List Entry of an I_SEE_YOU.
     *
     * @param address      the Web-Cache IP Address
     * @param hashRevision the Hash Revision, 0..2^32-1
     * @param buckets      the Hash Information: a 32-octet bucket vector
     * @param flags        the U + Reserved word, raw
     */
    record WebCacheEntry(Ipv4Address address, long hashRevision, ByteString buckets, int flags) {
        /** The encoded length. */
        public static final int LENGTH = 44;

        /**
         * Checks the components.
         *
         * @param address the Web-Cache IP Address
         * @param hashRevision the Hash Revision, 0..2^32-1
         * @param buckets the Hash Information: a 32-octet bucket vector
         * @param flags the U + Reserved word, raw
         */
        public WebCacheEntry {
            Objects.requireNonNull(address, "address");
            Check.inRange("hashRevision", hashRevision, 0, 0xFFFF_FFFFL);
            WccpBuckets.checkVector(buckets);
        }

        /**
         * Returns whether the bucket is set in the Hash Information.
         *
         * @param bucket 0..255
         * @return whether the bucket is set in the Hash Information
         */
        public boolean isAssigned(int bucket) {
            return WccpBuckets.isAssigned(buckets, bucket);
        }
    }

    /**
     * I_SEE_YOU, type 8: the router's view of the web-caches.
     *
     * @param changeNumber the Change Number, 0..2^32-1
     * @param receivedId   the Received ID (never 0 per [V1]; not enforced), 0..2^32-1
     * @param webCaches    the Web-Cache List Entries, at most {@value #MAX_WEB_CACHES}
     */
    record ISeeYou(long changeNumber, long receivedId, List<WebCacheEntry> webCaches) implements WccpV1Message {
        /**
         * Checks the components and copies the list.
         *
         * @param changeNumber the Change Number, 0..2^32-1
         * @param receivedId the Received ID (never 0 per [V1]; not enforced), 0..2^32-1
         * @param webCaches the Web-Cache List Entries, at most {@value #MAX_WEB_CACHES}
         */
        public ISeeYou {
            Check.inRange("changeNumber", changeNumber, 0, 0xFFFF_FFFFL);
            Check.inRange("receivedId", receivedId, 0, 0xFFFF_FFFFL);
            webCaches = List.copyOf(webCaches);
            Check.inRange("webCaches.size()", webCaches.size(), 0, MAX_WEB_CACHES);
        }

        @Override
        public WccpMessageType type() {
            return WccpMessageType.V1_I_SEE_YOU;
        }

        @Override
        public int encodedLength() {
            return 20 + WebCacheEntry.LENGTH * webCaches.size();
        }
    }

    /**
     * ASSIGN_BUCKET, type 9: the designated web-cache's bucket assignment.
     *
     * @param receivedId the Received ID, 0..2^32-1
     * @param webCaches  the Web Cache IP Addresses, at most {@value #MAX_WEB_CACHES}
     * @param buckets    the 256 bucket octets: 0xFF unassigned, else the cache's index in {@code webCaches}
     */
    record AssignBucket(long receivedId, List<Ipv4Address> webCaches, ByteString buckets) implements WccpV1Message {
        /**
         * Checks the components and copies the list.
         *
         * @param receivedId the Received ID, 0..2^32-1
         * @param webCaches the Web Cache IP Addresses, at most {@value #MAX_WEB_CACHES}
         * @param buckets the 256 bucket octets: 0xFF unassigned, else the cache's index in {@code webCaches}
         */
        public AssignBucket {
            Check.inRange("receivedId", receivedId, 0, 0xFFFF_FFFFL);
            webCaches = List.copyOf(webCaches);
            Check.inRange("webCaches.size()", webCaches.size(), 0, MAX_WEB_CACHES);
            WccpBuckets.checkOctets(buckets);
        }

        /**
         * Returns the bucket's octet.
         *
         * @param bucket 0..255
         * @return the bucket's octet
         */
        public int bucketOctet(int bucket) {
            return buckets.byteAt(Check.inRange("bucket", bucket, 0, WccpBuckets.COUNT - 1));
        }

        @Override
        public WccpMessageType type() {
            return WccpMessageType.V1_ASSIGN_BUCKET;
        }

        @Override
        public int encodedLength() {
            return 12 + 4 * webCaches.size() + WccpBuckets.COUNT;
        }
    }
}
