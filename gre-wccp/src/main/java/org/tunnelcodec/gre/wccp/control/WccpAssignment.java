package org.tunnelcodec.gre.wccp.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.internal.Check;

/**
 * The assignment a designated web-cache distributes: the body of an Assignment Info
 * component (always {@link HashBuckets}) and of an Alternate Assignment component, whose
 * Assignment Type selects the variant ([W01] 5.6.10, [R1] 5.4.2).
 *
 * <pre>
 * Assignment Type 0  Hash Buckets Assignment Element ([W01] 5.7.5, [R1] 6.5):
 *   +-----------------------------------------+
 *   | Number of Web-Caches m (32)             |
 *   +-----------------------------------------+
 *   | Web-Cache address element 0..m-1 (32)   |
 *   +-----------------------------------------+
 *   | Bucket 0..255 (one octet each)          |  0xFF unassigned, else index | 0x80 alternate
 *   +-----------------------------------------+
 * Assignment Type 1  Mask/Value Set List ([R1] 6.13)
 * Assignment Type 2  Alternate Mask/Value Set List ([R1] 6.17; 2.01) - kept raw ({@link Unknown})
 * </pre>
 */
public sealed interface WccpAssignment {
    /** Assignment Type 0, hash. */
    int TYPE_HASH = 0;
    /** Assignment Type 1, mask. */
    int TYPE_MASK = 1;
    /** Assignment Type 2, alternate mask (WCCP 2.01). */
    int TYPE_ALTERNATE_MASK = 2;

    /**
     * Returns the Assignment Type, 0..65535.
     *
     * @return the Assignment Type, 0..65535
     */
    int type();

    /**
     * Returns the encoded length of the body in octets.
     *
     * @return the encoded length of the body in octets
     */
    int encodedLength();

    /**
     * A Hash Buckets Assignment Element: the caches and, for each of the 256 buckets, the
     * index of its cache in that list.
     *
     * @param webCaches the caches' address elements, at most {@value WccpMessageDecoder#MAX_WEB_CACHES}
     * @param buckets   the 256 bucket octets ({@link WccpBuckets})
     */
    record HashBuckets(List<Ipv4Address> webCaches, ByteString buckets) implements WccpAssignment {
        /**
         * Checks the components and copies the list.
         *
         * @param webCaches the caches' address elements, at most {@value WccpMessageDecoder#MAX_WEB_CACHES}
         * @param buckets the 256 bucket octets ({@link WccpBuckets})
         */
        public HashBuckets {
            webCaches = List.copyOf(webCaches);
            Check.inRange("webCaches.size()", webCaches.size(), 0, WccpMessageDecoder.MAX_WEB_CACHES);
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

        /**
         * Returns whether the bucket is unassigned (0xFF).
         *
         * @param bucket 0..255
         * @return whether the bucket is unassigned (0xFF)
         */
        public boolean isUnassigned(int bucket) {
            return WccpBuckets.isUnassigned(bucketOctet(bucket));
        }

        /**
         * Returns whether the bucket's A flag (use the alternate hash) is set.
         *
         * @param bucket 0..255
         * @return whether the bucket's A flag (use the alternate hash) is set
         */
        public boolean isAlternate(int bucket) {
            return WccpBuckets.isAlternate(bucketOctet(bucket));
        }

        /**
         * Returns the cache index of the bucket (the octet's low 7 bits), or -1 if unassigned.
         *
         * @param bucket 0..255
         * @return the cache index of the bucket (the octet's low 7 bits), or -1 if unassigned
         */
        public int cacheIndex(int bucket) {
            int octet = bucketOctet(bucket);
            return WccpBuckets.isUnassigned(octet) ? -1 : WccpBuckets.index(octet);
        }

        /**
         * Returns the cache the bucket is assigned to; empty if unassigned or the index is past the
         * list (which a receiver should treat as not redirected).
         *
         * @param bucket 0..255
         * @return the cache the bucket is assigned to; empty if unassigned or the index is past
         *     the list (which a receiver should treat as not redirected)
         */
        public Optional<Ipv4Address> webCache(int bucket) {
            int index = cacheIndex(bucket);
            return index < 0 || index >= webCaches.size() ? Optional.empty() : Optional.of(webCaches.get(index));
        }

        @Override
        public int type() {
            return TYPE_HASH;
        }

        @Override
        public int encodedLength() {
            return 4 + 4 * webCaches.size() + WccpBuckets.COUNT;
        }
    }

    /**
     * A Mask/Value Set List.
     *
     * @param sets the Mask/Value Set Elements, at most {@value WccpMessageDecoder#MAX_MASK_VALUE_SETS}
     */
    record MaskValueSets(List<WccpMaskValueSet> sets) implements WccpAssignment {
        /**
         * Checks the components and copies the list.
         *
         * @param sets the Mask/Value Set Elements, at most {@value WccpMessageDecoder#MAX_MASK_VALUE_SETS}
         */
        public MaskValueSets {
            sets = List.copyOf(sets);
            Check.inRange("sets.size()", sets.size(), 0, WccpMessageDecoder.MAX_MASK_VALUE_SETS);
        }

        @Override
        public int type() {
            return TYPE_MASK;
        }

        @Override
        public int encodedLength() {
            return WccpControlLayout.maskValueSetListLength(sets);
        }
    }

    /**
     * Any other Assignment Type, the body kept raw: the alternate mask list of WCCP 2.01
     * (type 2) and types no draft defines.
     *
     * @param type the Assignment Type, 2..65535
     * @param body the octets after the routers
     */
    record Unknown(int type, ByteString body) implements WccpAssignment {
        /**
         * Checks the components.
         *
         * @param type the Assignment Type, 2..65535
         * @param body the octets after the routers
         */
        public Unknown {
            Check.inRange("type", type, TYPE_ALTERNATE_MASK, 0xFFFF);
            Objects.requireNonNull(body, "body");
            Check.inRange("body.length()", body.length(), 0, 0xFFFF);
        }

        @Override
        public int encodedLength() {
            return body.length();
        }
    }
}
