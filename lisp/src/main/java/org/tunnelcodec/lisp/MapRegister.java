package org.tunnelcodec.lisp;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Check;

/**
 * A Map-Register (type 3, RFC 9301 §5.6).
 *
 * <pre>
 * |Type=3 |P|S|I|        Reserved       |E|T|a|R|M| Record Count  |
 * |                         Nonce . . .                           |
 * |                         . . . Nonce                           |
 * |    Key ID     | Algorithm ID  |  Authentication Data Length   |
 * ~                     Authentication Data                       ~
 * |                 EID-records (Record Count times)              |
 * |                 xTR-ID (128 bits, when I is set)              |
 * |                 Site-ID (64 bits, when I is set)              |
 * </pre>
 *
 * Key ID and Algorithm ID are two octets (RFC 9301); RFC 6833 read them as one 16-bit Key ID,
 * which {@link #legacyKeyId()} gives. I is set exactly when {@code xtrId} is present.
 * Authentication Data Length is the length of {@code authenticationData}; see
 * {@link LispAuthentication} for the MAC.
 *
 * @param proxyReply         P: the Map-Server answers Map-Requests for these EIDs
 * @param security           S: the sender supports LISP-SEC
 * @param reserved           the 12 reserved bits 7-18
 * @param eidNotify          E: sent by a first-hop router for a discovered dynamic EID
 * @param useTtl             T: the Record TTL is the registration timeout
 * @param merge              a: merge the RLOC sets of several xTRs
 * @param reservedR          R: reserved (lispers.net: mobile node)
 * @param wantMapNotify      M: acknowledge with a Map-Notify
 * @param nonce              the nonce
 * @param keyId              Key ID, 0..255
 * @param algorithmId        Algorithm ID, 0..255 (1 HMAC-SHA-1-96, 2 HMAC-SHA-256-128)
 * @param authenticationData the Authentication Data, at most 65535 octets
 * @param records            the EID-records, 0..255
 * @param xtrId              the 16-octet xTR-ID (I set), or null
 * @param siteId             the Site-ID; 0 when {@code xtrId} is null
 */
public record MapRegister(boolean proxyReply, boolean security, int reserved, boolean eidNotify, boolean useTtl,
                          boolean merge, boolean reservedR, boolean wantMapNotify, long nonce, int keyId,
                          int algorithmId, ByteString authenticationData, List<EidRecord> records, ByteString xtrId,
                          long siteId) implements LispMessage {
    /**
     * Checks the components.
     *
     * @param proxyReply         P: the Map-Server answers Map-Requests for these EIDs
     * @param security           S: the sender supports LISP-SEC
     * @param reserved           the 12 reserved bits 7-18
     * @param eidNotify          E: sent by a first-hop router for a discovered dynamic EID
     * @param useTtl             T: the Record TTL is the registration timeout
     * @param merge              a: merge the RLOC sets of several xTRs
     * @param reservedR          R: reserved (lispers.net: mobile node)
     * @param wantMapNotify      M: acknowledge with a Map-Notify
     * @param nonce              the nonce
     * @param keyId              Key ID, 0..255
     * @param algorithmId        Algorithm ID, 0..255 (1 HMAC-SHA-1-96, 2 HMAC-SHA-256-128)
     * @param authenticationData the Authentication Data, at most 65535 octets
     * @param records            the EID-records, 0..255
     * @param xtrId              the 16-octet xTR-ID (I set), or null
     * @param siteId             the Site-ID; 0 when {@code xtrId} is null
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public MapRegister {
        Check.inRange("reserved", reserved, 0, 0xFFF);
        Check.inRange("keyId", keyId, 0, 0xFF);
        Check.inRange("algorithmId", algorithmId, 0, 0xFF);
        Check.inRange("authenticationData.length()", authenticationData.length(), 0, 0xFFFF);
        records = List.copyOf(records);
        Check.inRange("records.size()", records.size(), 0, 0xFF);
        LispMessageDecoder.checkTrailer(xtrId, siteId);
    }

    /**
     * Returns I: the xTR-ID and Site-ID follow the records.
     *
     * @return whether {@link #xtrId()} is present
     */
    public boolean xtrIdPresent() {
        return xtrId != null;
    }

    /**
     * Returns octets 12-13 as RFC 6833 read them: one 16-bit Key ID. Equal to the Algorithm ID
     * when the RFC 9301 Key ID is 0.
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
    public MapRegister withAuthenticationData(ByteString data) {
        return new MapRegister(proxyReply, security, reserved, eidNotify, useTtl, merge, reservedR, wantMapNotify,
                nonce, keyId, algorithmId, Objects.requireNonNull(data, "data"), records, xtrId, siteId);
    }

    @Override
    public int type() {
        return LispControlLayout.TYPE_MAP_REGISTER;
    }

    @Override
    public int encodedLength() {
        return LispControlLayout.AUTH_HEADER + authenticationData.length() + LispMessageDecoder.recordsLength(records)
                + (xtrId == null ? 0 : LispControlLayout.XTR_TRAILER);
    }
}
