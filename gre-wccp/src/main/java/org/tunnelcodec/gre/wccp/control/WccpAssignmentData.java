package org.tunnelcodec.gre.wccp.control;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Check;

/**
 * The assignment data of a Web-Cache Identity Element, whose variant the element's
 * assignment-type flag bits select ([R1] 6.4; [W01] 5.7.2 knows only {@link Hash}).
 *
 * <pre>
 * type 0  Hash Assignment Data ([R1] 6.6), 36 octets:
 *   +-----------------------------------------+
 *   | Bucket Block 0..7 (8 x 32 bits)         |  bucket vector, bucket i = octet i/8, 1 &lt;&lt; i%8
 *   +--------------------+--------------------+
 *   | Assignment Weight  | Status             |
 *   +--------------------+--------------------+
 * type 1  Mask Assignment Data ([R1] 6.7):
 *   | Mask/Value Set List ... | Assignment Weight (16) | Status (16) |
 * type 2  no assignment data ([R1] 6.4; WCCP 2.01)
 * type 3  Extended Assignment Data ([R1] 6.10; WCCP 2.01):
 *   | Type (16) | Length (16) | Length octets of data |
 * </pre>
 *
 * <p>Extended Assignment Data is kept as its Type and raw data; its Length is derived.
 */
public sealed interface WccpAssignmentData {
    /**
     * Returns the assignment type this variant is flagged with, 0..3.
     *
     * @return the assignment type this variant is flagged with, 0..3
     */
    int type();

    /**
     * Returns the encoded length in octets.
     *
     * @return the encoded length in octets
     */
    int encodedLength();

    /**
     * Hash Assignment Data ([R1] 6.6; [W01] 5.7.2).
     *
     * @param buckets the 256-bit bucket vector, 32 octets ({@link WccpBuckets})
     * @param weight  the Assignment Weight, 0..65535
     * @param status  the Status, 0..65535 (produced by the cache, relayed by routers)
     */
    record Hash(ByteString buckets, int weight, int status) implements WccpAssignmentData {
        /** The encoded length in octets. */
        public static final int LENGTH = WccpBuckets.VECTOR_LENGTH + 4;

        /**
         * Checks the components.
         *
         * @param buckets the 256-bit bucket vector, 32 octets ({@link WccpBuckets})
         * @param weight the Assignment Weight, 0..65535
         * @param status the Status, 0..65535 (produced by the cache, relayed by routers)
         */
        public Hash {
            WccpBuckets.checkVector(buckets);
            Check.inRange("weight", weight, 0, 0xFFFF);
            Check.inRange("status", status, 0, 0xFFFF);
        }

        /**
         * Returns whether the bucket's bit is set in the vector.
         *
         * @param bucket 0..255
         * @return whether the bucket's bit is set in the vector
         */
        public boolean isAssigned(int bucket) {
            return WccpBuckets.isAssigned(buckets, bucket);
        }

        @Override
        public int type() {
            return WccpWebCacheFlags.TYPE_HASH;
        }

        @Override
        public int encodedLength() {
            return LENGTH;
        }
    }

    /**
     * Mask Assignment Data ([R1] 6.7): a Mask/Value Set List, Assignment Weight and Status.
     *
     * @param sets   the Mask/Value Set Elements, at most {@value WccpMessageDecoder#MAX_MASK_VALUE_SETS}
     * @param weight the Assignment Weight, 0..65535
     * @param status the Status, 0..65535
     */
    record Mask(List<WccpMaskValueSet> sets, int weight, int status) implements WccpAssignmentData {
        /**
         * Checks the components and copies the list.
         *
         * @param sets the Mask/Value Set Elements, at most {@value WccpMessageDecoder#MAX_MASK_VALUE_SETS}
         * @param weight the Assignment Weight, 0..65535
         * @param status the Status, 0..65535
         */
        public Mask {
            sets = List.copyOf(sets);
            Check.inRange("sets.size()", sets.size(), 0, WccpMessageDecoder.MAX_MASK_VALUE_SETS);
            Check.inRange("weight", weight, 0, 0xFFFF);
            Check.inRange("status", status, 0, 0xFFFF);
        }

        @Override
        public int type() {
            return WccpWebCacheFlags.TYPE_MASK_ASSIGNMENT;
        }

        @Override
        public int encodedLength() {
            return WccpControlLayout.maskValueSetListLength(sets) + 4;
        }
    }

    /** No assignment data (assignment type 2, [R1] 6.4). */
    record None() implements WccpAssignmentData {
        /** The one value. */
        public static final None INSTANCE = new None();

        @Override
        public int type() {
            return WccpWebCacheFlags.TYPE_NONE;
        }

        @Override
        public int encodedLength() {
            return 0;
        }
    }

    /**
     * Extended Assignment Data ([R1] 6.10), kept raw: its Type (0 hash, 1 mask, 2 alternate
     * mask, 3 weight and status only) and the data its Length covers.
     *
     * @param extendedType the Extended Assignment Data's own Type field, 0..65535
     * @param data         the data, at most 65535 octets
     */
    record Extended(int extendedType, ByteString data) implements WccpAssignmentData {
        /**
         * Checks the components.
         *
         * @param extendedType the Extended Assignment Data's own Type field, 0..65535
         * @param data the data, at most 65535 octets
         */
        public Extended {
            Check.inRange("extendedType", extendedType, 0, 0xFFFF);
            Objects.requireNonNull(data, "data");
            Check.inRange("data.length()", data.length(), 0, 0xFFFF);
        }

        @Override
        public int type() {
            return WccpWebCacheFlags.TYPE_EXTENDED;
        }

        @Override
        public int encodedLength() {
            return 4 + data.length();
        }
    }
}
