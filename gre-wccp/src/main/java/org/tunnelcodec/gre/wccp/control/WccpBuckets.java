package org.tunnelcodec.gre.wccp.control;

import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Check;

/**
 * The two bucket encodings of WCCP, as {@link ByteString}s, and their helpers.
 *
 * <p><b>Bucket vector</b> (256 bits = 32 octets; [V1] Hash Information, [W01] 5.7.2 Bucket
 * Blocks, [R1] 6.6): a set bit means the bucket is assigned to the cache. Bucket {@code i}
 * is octet {@code i / 8}, mask {@code 1 << (i % 8)} — least-significant bit first, as
 * Wireshark decodes it (see the package documentation, "bit numbering").
 *
 * <p><b>Bucket octets</b> (256 octets; [V1] ASSIGN_BUCKET, [W01] 5.7.5 / [R1] 6.5 Hash
 * Buckets Assignment Element): one octet per bucket; 0xFF = unassigned, otherwise the
 * index of the cache in the message's cache list in the low 7 bits ({@link #INDEX_MASK}) and
 * the "use the alternate hash" flag in 0x80 ({@link #ALTERNATE}).
 */
public final class WccpBuckets {
    /** The number of buckets. */
    public static final int COUNT = 256;
    /** The octets of a bucket vector. */
    public static final int VECTOR_LENGTH = 32;
    /** The octet of an unassigned bucket. */
    public static final int UNASSIGNED = 0xFF;
    /** The A flag of a bucket octet: look the packet up again with the alternate hash. */
    public static final int ALTERNATE = 0x80;
    /** The cache-index bits of a bucket octet. */
    public static final int INDEX_MASK = 0x7F;

    private static final ByteString EMPTY_VECTOR = ByteString.of(new byte[VECTOR_LENGTH]);
    private static final ByteString ALL_UNASSIGNED;

    static {
        byte[] b = new byte[COUNT];
        java.util.Arrays.fill(b, (byte) UNASSIGNED);
        ALL_UNASSIGNED = ByteString.of(b);
    }

    private WccpBuckets() {
    }

    /**
     * Returns a bucket vector with no bucket assigned (32 zero octets).
     *
     * @return a bucket vector with no bucket assigned (32 zero octets)
     */
    public static ByteString emptyVector() {
        return EMPTY_VECTOR;
    }

    /**
     * Returns the bucket vector with exactly these buckets set.
     *
     * @param buckets the assigned buckets, each 0..255
     * @return the bucket vector with exactly these buckets set
     */
    public static ByteString vector(int... buckets) {
        byte[] v = new byte[VECTOR_LENGTH];
        for (int b : buckets) {
            Check.inRange("bucket", b, 0, COUNT - 1);
            v[b >>> 3] |= (byte) (1 << (b & 7));
        }
        return ByteString.of(v);
    }

    /**
     * Returns the bucket vector.
     *
     * @param assigned which buckets are assigned
     * @return the bucket vector
     */
    public static ByteString vector(IntPredicate assigned) {
        byte[] v = new byte[VECTOR_LENGTH];
        for (int b = 0; b < COUNT; b++) {
            if (assigned.test(b)) {
                v[b >>> 3] |= (byte) (1 << (b & 7));
            }
        }
        return ByteString.of(v);
    }

    /**
     * Returns whether the bucket's bit is set.
     *
     * @param vector a 32-octet bucket vector
     * @param bucket 0..255
     * @return whether the bucket's bit is set
     */
    public static boolean isAssigned(ByteString vector, int bucket) {
        checkVector(vector);
        Check.inRange("bucket", bucket, 0, COUNT - 1);
        return (vector.byteAt(bucket >>> 3) & 1 << (bucket & 7)) != 0;
    }

    /**
     * Returns how many buckets are set.
     *
     * @param vector a 32-octet bucket vector
     * @return how many buckets are set
     */
    public static int assignedCount(ByteString vector) {
        checkVector(vector);
        int n = 0;
        for (int i = 0; i < VECTOR_LENGTH; i++) {
            n += Integer.bitCount(vector.byteAt(i));
        }
        return n;
    }

    /**
     * Returns 256 octets of {@link #UNASSIGNED}.
     *
     * @return 256 octets of {@link #UNASSIGNED}
     */
    public static ByteString allUnassigned() {
        return ALL_UNASSIGNED;
    }

    /**
     * Returns the 256 bucket octets.
     *
     * @param octetOfBucket the octet for each bucket 0..255, each 0..255
     * @return the 256 bucket octets
     */
    public static ByteString octets(IntUnaryOperator octetOfBucket) {
        byte[] b = new byte[COUNT];
        for (int i = 0; i < COUNT; i++) {
            b[i] = (byte) Check.inRange("octet", octetOfBucket.applyAsInt(i), 0, 0xFF);
        }
        return ByteString.of(b);
    }

    /**
     * Returns the cache index in its low 7 bits (meaningless when the octet is 0xFF).
     *
     * @param octet a bucket octet, 0..255
     * @return the cache index in its low 7 bits (meaningless when the octet is 0xFF)
     */
    public static int index(int octet) {
        return octet & INDEX_MASK;
    }

    /**
     * Returns whether its A (alternate hash) flag is set; 0xFF is unassigned, not alternate.
     *
     * @param octet a bucket octet
     * @return whether its A (alternate hash) flag is set; 0xFF is unassigned, not alternate
     */
    public static boolean isAlternate(int octet) {
        return octet != UNASSIGNED && (octet & ALTERNATE) != 0;
    }

    /**
     * Returns whether the bucket is unassigned (0xFF).
     *
     * @param octet a bucket octet
     * @return whether the bucket is unassigned (0xFF)
     */
    public static boolean isUnassigned(int octet) {
        return octet == UNASSIGNED;
    }

    static void checkVector(ByteString vector) {
        Objects.requireNonNull(vector, "vector");
        Check.argument(vector.length() == VECTOR_LENGTH, "vector.length()", vector.length(), "32");
    }

    static void checkOctets(ByteString octets) {
        Objects.requireNonNull(octets, "buckets");
        Check.argument(octets.length() == COUNT, "buckets.length()", octets.length(), "256");
    }
}
