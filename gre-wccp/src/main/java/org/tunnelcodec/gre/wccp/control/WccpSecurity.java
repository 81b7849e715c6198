package org.tunnelcodec.gre.wccp.control;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;
import org.tunnelcodec.core.internal.Wire;

/**
 * The MD5 security option of WCCP v2 ([W01] 5.6.1, [R1] 3.7 and 5.1.1) over encoded messages.
 *
 * <pre>
 * key    = the service group's password, 8 octets ({@link WccpPassword})
 * m      = the whole message, 8 + Length octets, with the 16-octet digest field set to zero
 * digest = MD5(key || m), stored in the Security Implementation field of Security Info
 * </pre>
 *
 * <p>Both methods work on the bytes, not on a decoded {@link WccpMessage}, because the digest
 * covers the bytes exactly as sent; they use the first Security Info component ([R1] 4.1:
 * the first of a repeated component counts). [R1] 3.7: a receiver checks the digest right after
 * validating the header and discards the message on a mismatch, or when the option differs
 * from the one configured for the service group.
 */
public final class WccpSecurity {
    private static final String PROTOCOL = WccpMessage.PROTOCOL;
    private static final int DIGEST_LENGTH = WccpComponent.SecurityInfo.DIGEST_LENGTH;
    private static final byte[] ZEROS = new byte[DIGEST_LENGTH];

    private WccpSecurity() {
    }

    /**
     * Computes the MD5 digest of the encoded message at absolute {@code index} and writes it
     * into its Security Info, in place. The digest field counts as zero during the
     * computation whatever it held; no other byte is changed, the buffer's position, limit and
     * order are not.
     *
     * @param message  the buffer holding the message, {@code 8 + Length} octets from {@code index}
     * @param index    where the message starts
     * @param password the key
     * @return the digest written
     * @throws IllegalArgumentException if the bytes are not a framed WCCP v2 message (the
     *     message is the caller's own) or its first Security Info is not option MD5 with
     *     Length 20
     * @throws ReadOnlyBufferException if {@code message} is read-only
     */
    public static ByteString sign(ByteBuffer message, int index, WccpPassword password) {
        Objects.requireNonNull(password, "password");
        if (message.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        int security;
        int end;
        try {
            end = messageEnd(message, index);
            security = securityInfo(message, index, end);
        } catch (MalformedPacketException e) {
            throw new IllegalArgumentException("message: " + e.getMessage() + " (expected: an encoded WCCP v2 message)", e);
        }
        if (security < 0 || Wire.u32(message, security + 4) != WccpComponent.SecurityInfo.MD5) {
            throw new IllegalArgumentException("message: no Security Info with option MD5 (expected: one, see SecurityInfo.md5())");
        }
        byte[] digest = digest(message, index, end, security, password);
        message.put(security + WccpControlLayout.DIGEST_OFFSET, digest);
        return ByteString.of(digest);
    }

    /**
     * Checks the MD5 digest of the message at absolute {@code index}. Reads the bytes only: the
     * caller's buffer is not changed in any way. The digests are compared in constant time.
     *
     * @param message  the buffer holding the message
     * @param index    where the message starts
     * @param password the key configured for the service group
     * @return true if the first Security Info has option MD5 and its digest matches; false if
     *     it does not match, if the option is not MD5 (for example none), or if the message
     *     has no Security Info at all
     * @throws MalformedPacketException if the bytes are not a framed WCCP v2 message: fewer
     *     than 8 octets, a v1 Type, a major version other than 2, a Length past the limit, a
     *     component header or Length running past the message, a Security Info shorter than
     *     4 octets or an MD5 Security Info whose Length is not 20 (the errors
     *     {@link WccpMessageDecoder} gives for them)
     */
    public static boolean verify(ByteBuffer message, int index, WccpPassword password) {
        Objects.requireNonNull(password, "password");
        int end = messageEnd(message, index);
        int security = securityInfo(message, index, end);
        if (security < 0 || Wire.u32(message, security + 4) != WccpComponent.SecurityInfo.MD5) {
            return false;
        }
        byte[] received = new byte[DIGEST_LENGTH];
        message.get(security + WccpControlLayout.DIGEST_OFFSET, received);
        return MessageDigest.isEqual(digest(message, index, end, security, password), received);
    }

    /**
     * Encodes the message at {@code dst.position()} and signs it.
     *
     * @param message  a message whose first Security Info has option MD5 (its digest is ignored)
     * @param password the key
     * @param dst      the destination; its position is not moved
     * @return the number of bytes written
     * @throws IllegalArgumentException if the message has no MD5 Security Info, or {@code dst} is too small
     */
    public static int encodeSigned(WccpMessage message, WccpPassword password, ByteBuffer dst) {
        Objects.requireNonNull(password, "password");
        if (!message.securityInfo().map(WccpComponent.SecurityInfo::isMd5).orElse(false)) {
            throw new IllegalArgumentException("message: no Security Info with option MD5 (expected: one)");
        }
        int n = WccpMessageEncoder.encode(message, dst);
        sign(dst, dst.position(), password);
        return n;
    }

    /**
     * Returns the end of the message: index + 8 + Length, after the decoder's header checks.
     *
     * @return the end of the message: index + 8 + Length, after the decoder's header checks
     */
    private static int messageEnd(ByteBuffer message, int index) {
        Objects.checkFromToIndex(index, message.limit(), message.limit());
        return index + WccpMessageDecoder.checkedLength(message, index);
    }

    /**
     * Returns the absolute index of the first Security Info component, or -1.
     *
     * @return the absolute index of the first Security Info component, or -1
     */
    private static int securityInfo(ByteBuffer b, int index, int end) {
        int pos = index + WccpMessage.HEADER_LENGTH;
        while (pos < end) {
            if (end - pos < WccpControlLayout.COMPONENT_HEADER) {
                throw MalformedPacketException.truncated(PROTOCOL, "Type", pos - index,
                        WccpControlLayout.COMPONENT_HEADER, end - pos, WccpControlLayout.MESSAGE_LENGTH);
            }
            int type = Wire.u16(b, pos);
            int length = Wire.u16(b, pos + 2);
            if (length > end - pos - WccpControlLayout.COMPONENT_HEADER) {
                throw WccpControlLayout.componentPastMessage(type, pos + WccpControlLayout.COMPONENT_HEADER - index,
                        length, end - pos - WccpControlLayout.COMPONENT_HEADER);
            }
            if (type == WccpComponentType.SECURITY_INFO.code()) {
                if (length < 4 || Wire.u32(b, pos + 4) == WccpComponent.SecurityInfo.MD5
                        && length != WccpControlLayout.MD5_SECURITY_LENGTH) {
                    throw MalformedPacketException.invalid(PROTOCOL, "Length", pos + 2 - index, Reason.BAD_LENGTH,
                            length, "4 with Security Option none, 20 with MD5");
                }
                return pos;
            }
            pos += WccpControlLayout.COMPONENT_HEADER + length;
        }
        return -1;
    }

    private static byte[] digest(ByteBuffer b, int index, int end, int security, WccpPassword password) {
        MessageDigest md5 = md5();
        password.updateDigest(md5);
        int field = security + WccpControlLayout.DIGEST_OFFSET;
        md5.update(b.slice(index, field - index));
        md5.update(ZEROS);
        md5.update(b.slice(field + DIGEST_LENGTH, end - field - DIGEST_LENGTH));
        return md5.digest();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required algorithm of every Java platform", e);
        }
    }
}
