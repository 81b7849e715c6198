package org.tunnelcodec.lisp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.internal.Wire;

/**
 * The Authentication Data of Map-Register, Map-Notify and Map-Notify-Ack (RFC 9301 §5.6), and
 * of Info-Request and Info-Reply (draft-ermagan-lisp-nat-traversal, which lays out their first
 * 16 octets as a Map-Register's): an HMAC over exactly the message's octets, from the type octet
 * to the last octet (the xTR-ID/Site-ID trailer included, as deployed implementations compute
 * it), with the Authentication Data field set to zero.
 *
 * <p>Algorithm ID 1 is HMAC-SHA-1-96 and 2 HMAC-SHA-256-128. Their names say 12 and 16 octets;
 * deployed implementations send the untruncated 20 and 32. {@link #compute} fills the field at
 * the length the message already has (20 or 12 for SHA-1, 32 or 16 for SHA-256);
 * {@link #verify} compares the HMAC truncated to the field's length, in constant time, and
 * refuses any other length. Algorithm 3 (HKDF) is not implemented. Keys are octets; a text
 * key is its UTF-8 encoding, never the platform charset.
 */
public final class LispAuthentication {
    /** Algorithm ID 1, HMAC-SHA-1-96. */
    public static final int HMAC_SHA_1_96 = 1;
    /** Algorithm ID 2, HMAC-SHA-256-128. */
    public static final int HMAC_SHA_256_128 = 2;

    private LispAuthentication() {
    }

    /**
     * Returns the key of a text password: its UTF-8 octets.
     *
     * @param password the password
     * @return the key
     */
    public static byte[] key(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the untruncated HMAC length of an algorithm, what deployed implementations send.
     *
     * @param algorithmId 1 or 2
     * @return 20 or 32
     * @throws IllegalArgumentException for another algorithm
     */
    public static int macLength(int algorithmId) {
        switch (algorithmId) {
            case HMAC_SHA_1_96:
                return 20;
            case HMAC_SHA_256_128:
                return 32;
            default:
                throw new IllegalArgumentException("algorithmId: " + algorithmId + " (expected: 1 or 2)");
        }
    }

    /**
     * Computes the MAC of the message whose octets are {@code [index, limit)} of {@code src}
     * (Authentication Data as zero) and returns it at the length of the message's field.
     *
     * @param src   the buffer; nothing in it is changed, nothing outside the range is read
     * @param index the absolute index of the message's first octet
     * @param limit the end of the message
     * @param key   the shared secret
     * @return the Authentication Data to write
     * @throws MalformedPacketException if the range does not decode, or its Authentication Data
     *     Length does not fit its Algorithm ID
     * @throws IllegalArgumentException if the range is not a Map-Register, Map-Notify,
     *     Map-Notify-Ack, Info-Request or Info-Reply, or the Algorithm ID is not 1 or 2
     */
    public static byte[] compute(ByteBuffer src, int index, int limit, byte[] key) {
        Objects.checkFromToIndex(index, limit, src.limit());
        int type = LispMessageDecoder.type(src, index);
        if ((type < LispControlLayout.TYPE_MAP_REGISTER || type > LispControlLayout.TYPE_MAP_NOTIFY_ACK)
                && type != LispControlLayout.TYPE_INFO) {
            throw new IllegalArgumentException("type: " + type + " (expected: 3, 4, 5 or 7)");
        }
        LispMessageDecoder.checked(src, index, limit);
        int algorithm = Wire.u8(src, index + 13);
        int length = Wire.u16(src, index + 14);
        int full = macLength(algorithm);
        int truncated = algorithm == HMAC_SHA_1_96 ? 12 : 16;
        if (length != full && length != truncated) {
            throw MalformedPacketException.invalid(LispControlLayout.PROTOCOL, "Authentication Data Length", 14,
                    MalformedPacketException.Reason.BAD_LENGTH, length,
                    algorithm == HMAC_SHA_1_96 ? "20 or 12 for HMAC-SHA-1-96 (RFC 9301 §5.6)"
                            : "32 or 16 for HMAC-SHA-256-128 (RFC 9301 §5.6)");
        }
        byte[] copy = new byte[limit - index];
        src.get(index, copy);
        Arrays.fill(copy, LispControlLayout.AUTH_HEADER, LispControlLayout.AUTH_HEADER + length, (byte) 0);
        return Arrays.copyOf(hmac(algorithm, key, copy), length);
    }

    /**
     * Computes the MAC and writes it into the message's Authentication Data field in place.
     *
     * @param buf   the buffer holding the message
     * @param index the absolute index of the message's first octet
     * @param limit the end of the message
     * @param key   the shared secret
     * @throws MalformedPacketException as {@link #compute} does
     * @throws IllegalArgumentException as {@link #compute} does
     * @throws java.nio.ReadOnlyBufferException if {@code buf} is read-only
     */
    public static void fill(ByteBuffer buf, int index, int limit, byte[] key) {
        byte[] mac = compute(buf, index, limit, key);
        buf.put(index + LispControlLayout.AUTH_HEADER, mac);
    }

    /**
     * Encodes a Map-Register with its Authentication Data computed: the record's field gives the
     * length (its content is ignored).
     *
     * @param message the message, whose Authentication Data has the length to send
     * @param key     the shared secret
     * @return the message with the MAC in place
     * @throws IllegalArgumentException if the Algorithm ID or the length does not fit
     */
    public static MapRegister sign(MapRegister message, byte[] key) {
        ByteBuffer b = ByteBuffer.allocate(message.encodedLength());
        LispMessageEncoder.encode(message, b);
        return message.withAuthenticationData(ByteString.of(compute(b, 0, b.limit(), key)));
    }

    /**
     * Encodes a Map-Notify with its Authentication Data computed.
     *
     * @param message the message, whose Authentication Data has the length to send
     * @param key     the shared secret
     * @return the message with the MAC in place
     * @throws IllegalArgumentException if the Algorithm ID or the length does not fit
     */
    public static MapNotify sign(MapNotify message, byte[] key) {
        ByteBuffer b = ByteBuffer.allocate(message.encodedLength());
        LispMessageEncoder.encode(message, b);
        return message.withAuthenticationData(ByteString.of(compute(b, 0, b.limit(), key)));
    }

    /**
     * Encodes a Map-Notify-Ack with its Authentication Data computed.
     *
     * @param message the message, whose Authentication Data has the length to send
     * @param key     the shared secret
     * @return the message with the MAC in place
     * @throws IllegalArgumentException if the Algorithm ID or the length does not fit
     */
    public static MapNotifyAck sign(MapNotifyAck message, byte[] key) {
        ByteBuffer b = ByteBuffer.allocate(message.encodedLength());
        LispMessageEncoder.encode(message, b);
        return message.withAuthenticationData(ByteString.of(compute(b, 0, b.limit(), key)));
    }

    /**
     * Encodes an Info-Request or Info-Reply with its Authentication Data computed.
     *
     * @param message the message, whose Authentication Data has the length to send
     * @param key     the shared secret
     * @return the message with the MAC in place
     * @throws IllegalArgumentException if the Algorithm ID or the length does not fit
     */
    public static InfoMessage sign(InfoMessage message, byte[] key) {
        ByteBuffer b = ByteBuffer.allocate(message.encodedLength());
        LispMessageEncoder.encode(message, b);
        return message.withAuthenticationData(ByteString.of(compute(b, 0, b.limit(), key)));
    }

    /**
     * Verifies the Authentication Data of the message {@code [index, limit)} in constant time
     * ({@link MessageDigest#isEqual}). A message that does not decode, an Algorithm ID other
     * than 1 or 2, or a length that does not fit the algorithm fails.
     *
     * @param src   the buffer; nothing in it is changed, nothing outside the range is read
     * @param index the absolute index of the message's first octet
     * @param limit the end of the message
     * @param key   the shared secret
     * @return whether the MAC verifies
     */
    public static boolean verify(ByteBuffer src, int index, int limit, byte[] key) {
        byte[] expected;
        try {
            expected = compute(src, index, limit, key);
        } catch (MalformedPacketException | IllegalArgumentException e) {
            return false;
        }
        byte[] actual = new byte[expected.length];
        src.get(index + LispControlLayout.AUTH_HEADER, actual);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Returns the full HMAC of {@code data}.
     *
     * @param algorithmId 1 (HMAC-SHA-1) or 2 (HMAC-SHA-256)
     * @param key         the key
     * @param data        the octets
     * @return 20 or 32 octets
     * @throws IllegalArgumentException for another algorithm
     */
    public static byte[] hmac(int algorithmId, byte[] key, byte[] data) {
        String name = macLength(algorithmId) == 20 ? "HmacSHA1" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, name));
            if (key.length == 0) {
                mac = Mac.getInstance(name);
                mac.init(new EmptyKey(name));
            }
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is missing from the JDK", e);
        }
    }

    /** An empty HMAC key, which SecretKeySpec refuses but HMAC (RFC 2104) allows. */
    private static final class EmptyKey implements javax.crypto.SecretKey {
        private static final long serialVersionUID = 1L;
        private final String algorithm;

        EmptyKey(String algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }
}
