package org.tunnelcodec.gre.wccp.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The 8-octet MD5 key of a WCCP service group ([W01] 5.6.1, [R1] 3.7 and 5.1.1): the
 * password, at most 8 octets, right-padded with zeros.
 *
 * <h2>Interoperability</h2>
 * The drafts let all 8 octets of the password count ({@link #of(String)}). Squid's
 * {@code wccp2.cc} copies the password into its 8-octet buffer with {@code xstrncpy}, which
 * always writes a terminating NUL, so only the first 7 characters count
 * ({@link #squid(String)}). Both rules give the same key for passwords of at most 7
 * characters; for longer ones a Squid peer and a draft-following peer (Cisco IOS allows 8)
 * disagree. Squid also hashes the whole received datagram instead of {@code 8 + Length}
 * octets, which matters only when octets follow the message; {@link WccpSecurity} hashes
 * {@code 8 + Length} octets, as the drafts say.
 *
 * <p>Holds a copy of the key; {@link #toString()} does not reveal it.
 */
public final class WccpPassword {
    /** The octets of a key. */
    public static final int KEY_LENGTH = 8;

    private final byte[] key;

    private WccpPassword(byte[] key) {
        this.key = key;
    }

    /**
     * The drafts' rule: the first 8 octets of the password's UTF-8 encoding (ASCII for any
     * password a router accepts), zero-padded.
     *
     * @param password the configured password
     * @return the key
     */
    public static WccpPassword of(String password) {
        return ofBytes(password.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The drafts' rule over raw octets: the first 8, zero-padded.
     *
     * @param password the password octets, copied
     * @return the key
     */
    public static WccpPassword ofBytes(byte[] password) {
        Objects.requireNonNull(password, "password");
        return new WccpPassword(Arrays.copyOf(password, KEY_LENGTH));
    }

    /**
     * Squid's rule ({@code wccp2_update_md5_security}: {@code memset} then {@code xstrncpy}
     * into 8 octets): at most the first 7 octets of the password, then zeros. The password
     * also ends at its first NUL, as a C string does.
     *
     * @param password the configured password
     * @return the key Squid would use
     */
    public static WccpPassword squid(String password) {
        byte[] b = password.getBytes(StandardCharsets.UTF_8);
        int n = 0;
        while (n < b.length && n < KEY_LENGTH - 1 && b[n] != 0) {
            n++;
        }
        return new WccpPassword(Arrays.copyOf(Arrays.copyOf(b, n), KEY_LENGTH));
    }

    /**
     * Returns a copy of the 8-octet key.
     *
     * @return a copy of the 8-octet key
     */
    public byte[] key() {
        return key.clone();
    }

    void updateDigest(MessageDigest md5) {
        md5.update(key);
    }

    /** Equal keys compare equal (in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof WccpPassword p && MessageDigest.isEqual(key, p.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /**
     * Returns {@code "WccpPassword[redacted]"}.
     *
     * @return {@code "WccpPassword[redacted]"}
     */
    @Override
    public String toString() {
        return "WccpPassword[redacted]";
    }
}
