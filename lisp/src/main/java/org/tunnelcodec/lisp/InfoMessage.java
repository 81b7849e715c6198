package org.tunnelcodec.lisp;

import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Check;

/**
 * An Info-Request (R clear) or Info-Reply (R set), type 7 of the NAT-traversal draft
 * (draft-ermagan-lisp-nat-traversal, now draft-ietf-lisp-nat-traversal): an xTR behind a NAT
 * asks its Map-Server which global address and port its Info-Request came from, and the
 * Map-Server answers with them and the RTRs to use.
 *
 * <pre>
 * |Type=7 |R|               Reserved                              |
 * |                         Nonce . . .                           |
 * |                         . . . Nonce                           |
 * |    Key ID     | Algorithm ID  |  Authentication Data Length   |
 * ~                     Authentication Data                       ~
 * |                              TTL                              |
 * |   Reserved    | EID mask-len  |        EID-prefix-AFI         |
 * |                          EID-prefix                           |
 * |   AFI = 0 (request) or 16387, the NAT-Traversal LCAF (reply)  |
 * </pre>
 *
 * The draft's Key ID is one 16-bit field (RFC 6833); it is read here as RFC 9301's Key ID and
 * Algorithm ID, 8 bits each, as in a Map-Register, and {@link #legacyKeyId()} gives the 16-bit
 * view. The MAC covers the whole message, as a Map-Register's does ({@link LispAuthentication}).
 *
 * <p>{@code natInfo} is the address after the EID-prefix, kept as it is: in a request the draft
 * puts AFI 0 there ({@link LispAddress#NONE}), and lispers.net puts AFI 17, its hostname (a
 * {@link LispAddress.DistinguishedName}); in a reply the draft puts the NAT-Traversal LCAF
 * (RFC 8060 §4.5), which {@link #natTraversal()} gives.
 *
 * @param reply              R: an Info-Reply
 * @param reserved           the 27 reserved bits 5-31
 * @param nonce              the nonce (a reply echoes the request's)
 * @param keyId              Key ID, 0..255
 * @param algorithmId        Algorithm ID, 0..255 (1 HMAC-SHA-1-96, 2 HMAC-SHA-256-128)
 * @param authenticationData the Authentication Data, at most 65535 octets
 * @param ttl                TTL in minutes, 0..4294967295 (how long the reply's RTR list is valid)
 * @param reserved2          the Reserved octet before the EID mask-len
 * @param maskLength         EID mask-len, at most the EID's family width (32, 128, 48)
 * @param eid                the EID-prefix
 * @param natInfo            the address after the EID-prefix
 */
public record InfoMessage(boolean reply, int reserved, long nonce, int keyId, int algorithmId,
                          ByteString authenticationData, long ttl, int reserved2, int maskLength, LispAddress eid,
                          LispAddress natInfo) implements LispMessage {
    /**
     * Checks the components.
     *
     * @param reply              R: an Info-Reply
     * @param reserved           the 27 reserved bits 5-31
     * @param nonce              the nonce (a reply echoes the request's)
     * @param keyId              Key ID, 0..255
     * @param algorithmId        Algorithm ID, 0..255 (1 HMAC-SHA-1-96, 2 HMAC-SHA-256-128)
     * @param authenticationData the Authentication Data, at most 65535 octets
     * @param ttl                TTL in minutes, 0..4294967295
     * @param reserved2          the Reserved octet before the EID mask-len, 0..255
     * @param maskLength         EID mask-len, at most the EID's family width (32, 128, 48)
     * @param eid                the EID-prefix
     * @param natInfo            the address after the EID-prefix
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public InfoMessage {
        Check.inRange("reserved", reserved, 0, 0x7FF_FFFF);
        Check.inRange("keyId", keyId, 0, 0xFF);
        Check.inRange("algorithmId", algorithmId, 0, 0xFF);
        Check.inRange("authenticationData.length()", authenticationData.length(), 0, 0xFFFF);
        Check.inRange("ttl", ttl, 0, 0xFFFF_FFFFL);
        Check.inRange("reserved2", reserved2, 0, 0xFF);
        Objects.requireNonNull(eid, "eid");
        Check.inRange("maskLength", maskLength, 0, LispControlLayout.maxMaskLength(eid.afi()));
        Objects.requireNonNull(natInfo, "natInfo");
    }

    /**
     * Returns an Info-Request as the draft builds it: reserved bits 0, TTL 0, AFI 0 after the
     * EID-prefix. Its Authentication Data is zero, at the length the algorithm's full HMAC has
     * (20 or 32 octets; none for algorithm 0): {@link LispAuthentication#sign(InfoMessage, byte[])}
     * fills it.
     *
     * @param nonce       the nonce
     * @param keyId       Key ID, 0..255
     * @param algorithmId Algorithm ID: 0 (none), 1 or 2
     * @param eid         the EID-prefix
     * @param maskLength  its mask-len
     * @return the request
     * @throws IllegalArgumentException if the algorithm is not 0, 1 or 2, or a value is out of range
     */
    public static InfoMessage request(long nonce, int keyId, int algorithmId, LispAddress eid, int maskLength) {
        return new InfoMessage(false, 0, nonce, keyId, algorithmId, zeroMac(algorithmId), 0, 0, maskLength, eid,
                LispAddress.NONE);
    }

    /**
     * Returns the Info-Reply to a request: its nonce, Key ID, Algorithm ID, EID-prefix and
     * mask-len, the TTL given and the NAT-Traversal LCAF after the EID-prefix. Its
     * Authentication Data is zero, at the length of the request's: sign it.
     *
     * @param request      the Info-Request answered
     * @param ttl          TTL in minutes
     * @param natTraversal the NAT-Traversal LCAF body
     * @return the reply
     * @throws IllegalArgumentException if the TTL is out of range
     */
    public static InfoMessage reply(InfoMessage request, long ttl, LcafBody.NatTraversal natTraversal) {
        return new InfoMessage(true, 0, request.nonce(), request.keyId(), request.algorithmId(),
                ByteString.of(new byte[request.authenticationData().length()]), ttl, 0, request.maskLength(),
                request.eid(), LispAddress.Lcaf.of(natTraversal));
    }

    private static ByteString zeroMac(int algorithmId) {
        return ByteString.of(new byte[algorithmId == 0 ? 0 : LispAuthentication.macLength(algorithmId)]);
    }

    /**
     * Returns the NAT-Traversal LCAF body after the EID-prefix, if that is what is there (as in a
     * reply).
     *
     * @return the body, or null
     */
    public LcafBody.NatTraversal natTraversal() {
        return natInfo instanceof LispAddress.Lcaf l && l.body() instanceof LcafBody.NatTraversal n ? n : null;
    }

    /**
     * Returns octets 12-13 as the draft and RFC 6833 read them: one 16-bit Key ID. Equal to the
     * Algorithm ID when the RFC 9301 Key ID is 0.
     *
     * @return {@code keyId << 8 | algorithmId}
     */
    public int legacyKeyId() {
        return keyId << 8 | algorithmId;
    }

    /**
     * Returns this message with other Authentication Data (used by {@link LispAuthentication}).
     *
     * @param data the new Authentication Data
     * @return the message
     */
    public InfoMessage withAuthenticationData(ByteString data) {
        return new InfoMessage(reply, reserved, nonce, keyId, algorithmId, Objects.requireNonNull(data, "data"), ttl,
                reserved2, maskLength, eid, natInfo);
    }

    @Override
    public int type() {
        return LispControlLayout.TYPE_INFO;
    }

    @Override
    public int encodedLength() {
        return LispControlLayout.AUTH_HEADER + authenticationData.length() + LispControlLayout.INFO_FIXED
                + eid.encodedLength() + natInfo.encodedLength();
    }
}
