package org.tunnelcodec.lisp;

import java.util.List;
import java.util.Objects;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.internal.Check;

/**
 * A Map-Notify-Ack (type 5, RFC 9301 §5.7): the layout of a Map-Register after the first word.
 *
 * <pre>
 * |Type=5 |I|R|             Reserved              | Record Count  |
 * |                         Nonce . . .                           |
 * |                         . . . Nonce                           |
 * |    Key ID     | Algorithm ID  |  Authentication Data Length   |
 * ~                     Authentication Data                       ~
 * |                 EID-records (Record Count times)              |
 * |        xTR-ID and Site-ID (24 octets, when I is set)          |
 * </pre>
 *
 * RFC 9301 gives the first word no flags; the NAT-traversal draft (and Wireshark, tcpdump,
 * OpenDaylight) use bit 4 as I (an xTR-ID and Site-ID follow the records, as in a
 * Map-Register) and bit 5 as R (MS-RTR authentication data follows; the decoder leaves it in
 * the payload). I is set exactly when {@code xtrId} is present.
 *
 * @param rtrAuthentication  R: MS-RTR authentication data follows
 * @param reserved           the 18 reserved bits 6-23
 * @param nonce              the nonce
 * @param keyId              Key ID, 0..255
 * @param algorithmId        Algorithm ID, 0..255
 * @param authenticationData the Authentication Data, at most 65535 octets
 * @param records            the EID-records, 0..255
 * @param xtrId              the 16-octet xTR-ID (I set), or null
 * @param siteId             the Site-ID; 0 when {@code xtrId} is null
 */
public record MapNotifyAck(boolean rtrAuthentication, int reserved, long nonce, int keyId, int algorithmId,
                        ByteString authenticationData, List<EidRecord> records, ByteString xtrId, long siteId)
        implements LispMessage {
    /**
     * Checks the components.
     *
     * @param rtrAuthentication  R: MS-RTR authentication data follows
     * @param reserved           the 18 reserved bits 6-23
     * @param nonce              the nonce
     * @param keyId              Key ID, 0..255
     * @param algorithmId        Algorithm ID, 0..255
     * @param authenticationData the Authentication Data, at most 65535 octets
     * @param records            the EID-records, 0..255
     * @param xtrId              the 16-octet xTR-ID (I set), or null
     * @param siteId             the Site-ID; 0 when {@code xtrId} is null
     * @throws IllegalArgumentException if a component is out of range or inconsistent
     * @throws NullPointerException if a reference component is null (where one is required)
     */
    public MapNotifyAck {
        Check.inRange("reserved", reserved, 0, 0x3FFFF);
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
     * Returns octets 12-13 as one 16-bit Key ID (RFC 6833).
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
    public MapNotifyAck withAuthenticationData(ByteString data) {
        return new MapNotifyAck(rtrAuthentication, reserved, nonce, keyId, algorithmId, Objects.requireNonNull(data, "data"),
                records, xtrId, siteId);
    }

    @Override
    public int type() {
        return LispControlLayout.TYPE_MAP_NOTIFY_ACK;
    }

    @Override
    public int encodedLength() {
        return LispControlLayout.AUTH_HEADER + authenticationData.length() + LispMessageDecoder.recordsLength(records)
                + (xtrId == null ? 0 : LispControlLayout.XTR_TRAILER);
    }
}
