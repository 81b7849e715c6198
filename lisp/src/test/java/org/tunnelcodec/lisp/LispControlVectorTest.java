package org.tunnelcodec.lisp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * The control-plane vectors decode to the fields the RFC 9301 / RFC 8060 figures give (and
 * tshark 4.0.17 shows), consume exactly their octets, encode back byte for byte, and their MACs
 * verify with the shared secret "password"; each implementation pitfall of the reference code
 * is pinned.
 */
class LispControlVectorTest {
    private static final byte[] PASSWORD = LispAuthentication.key("password");

    private static LispMessage decodeAll(byte[] bytes) {
        Decoded<LispMessage> d = LispMessageDecoder.decode(ByteBuffer.wrap(bytes));
        assertThat(d.headerLength()).isEqualTo(bytes.length);
        assertThat(d.payloadLength()).isZero();
        byte[] out = new byte[LispMessageEncoder.encodedLength(d.header())];
        LispMessageEncoder.encode(d.header(), ByteBuffer.wrap(out));
        assertThat(HexFormat.of().formatHex(out)).isEqualTo(HexFormat.of().formatHex(bytes));
        return d.header();
    }

    @Test
    void mapRequestProbeWithTwoItrRlocs() {
        MapRequest m = (MapRequest) decodeAll(LispControlVectors.MREQ1);
        assertThat(m.probe()).isTrue();
        assertThat(m.smr()).isFalse();
        assertThat(m.nonce()).isEqualTo(0x0102030405060708L);
        assertThat(m.sourceEid()).isEqualTo(new LispAddress.Ipv4(Ipv4Address.parse("10.1.0.1")));
        assertThat(m.itrRlocs()).containsExactly(new LispAddress.Ipv4(Ipv4Address.parse("192.0.2.1")),
                new LispAddress.Ipv6(Ipv6Address.parse("2001:db8::1")));
        assertThat(m.itrRlocCount()).isEqualTo(1);
        assertThat(m.records()).containsExactly(MapRequestRecord.of(new LispAddress.Ipv4(Ipv4Address.parse("10.2.0.0")), 24));
        assertThat(m.mapReply()).isNull();
    }

    @Test
    void smrWithInstanceIdEid() {
        MapRequest m = (MapRequest) decodeAll(LispControlVectors.MREQ2);
        assertThat(m.smr()).isTrue();
        assertThat(m.sourceEid()).isEqualTo(LispAddress.NONE);
        LispAddress.Lcaf eid = (LispAddress.Lcaf) m.records().get(0).eid();
        assertThat(eid.body()).isEqualTo(LcafBody.InstanceId.of(1000, new LispAddress.Ipv4(Ipv4Address.parse("10.2.0.0"))));
        assertThat(m.records().get(0).maskLength()).isEqualTo(16);
    }

    @Test
    void probeReplyAndNegativeReply() {
        MapReply r = (MapReply) decodeAll(LispControlVectors.MREP1);
        assertThat(r.probe()).isTrue();
        assertThat(r.echoNonce()).isTrue();
        EidRecord rec = r.records().get(0);
        assertThat(rec.ttl()).isEqualTo(1440);
        assertThat(rec.authoritative()).isTrue();
        assertThat(rec.locators()).hasSize(2);
        LocatorRecord l = rec.locators().get(0);
        assertThat(List.of(l.priority(), l.weight(), l.multicastPriority(), l.multicastWeight())).containsExactly(1, 50, 255, 0);
        assertThat(l.local() && l.probed() && l.reachable()).isTrue();
        assertThat(rec.locators().get(1).local()).isFalse();

        MapReply n = (MapReply) decodeAll(LispControlVectors.MREP2);
        EidRecord neg = n.records().get(0);
        assertThat(neg.locators()).isEmpty();
        assertThat(neg.action()).isEqualTo(1);
        assertThat(neg.authoritative()).isFalse();
        assertThat(neg.mapVersion()).isEqualTo(5);
        assertThat(neg.maskLength()).isEqualTo(8);
    }

    @Test
    void mapRegisterWithXtrIdAndSha1() {
        MapRegister m = (MapRegister) decodeAll(LispControlVectors.MREG1);
        assertThat(m.proxyReply()).isTrue();
        assertThat(m.xtrIdPresent()).isTrue();
        assertThat(m.useTtl()).isTrue();
        assertThat(m.wantMapNotify()).isTrue();
        assertThat(m.eidNotify() || m.merge() || m.security() || m.reservedR()).isFalse();
        assertThat(m.keyId()).isZero();
        assertThat(m.algorithmId()).isEqualTo(1);
        assertThat(m.authenticationData().length()).isEqualTo(20);
        assertThat(m.xtrId()).isEqualTo(ByteString.fromHex("00112233445566778899aabbccddeeff"));
        assertThat(m.siteId()).isEqualTo(7);
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(LispControlVectors.MREG1), 0, 88, PASSWORD)).isTrue();
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(LispControlVectors.MREG1), 0, 88, LispAuthentication.key("Password"))).isFalse();
        assertThat(LispAuthentication.sign(m.withAuthenticationData(ByteString.of(new byte[20])), PASSWORD)).isEqualTo(m);
    }

    @Test
    void mapRegisterKeyIdAndAlgorithmAre8Plus8() {
        MapRegister m = (MapRegister) decodeAll(LispControlVectors.MREG2);
        assertThat(m.keyId()).isEqualTo(1);
        assertThat(m.algorithmId()).isEqualTo(2);
        assertThat(m.legacyKeyId()).isEqualTo(0x0102); // tshark 4.0: "Key ID: 0x0102"
        assertThat(m.authenticationData().length()).isEqualTo(32);
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(LispControlVectors.MREG2), 0, 88, PASSWORD)).isTrue();
    }

    @Test
    void mapNotifyAndAckVerify() {
        MapNotify n = (MapNotify) decodeAll(LispControlVectors.MNOT1);
        assertThat(n.nonce()).isEqualTo(0x0A0B0C0D0E0F1011L);
        assertThat(n.xtrIdPresent()).isFalse();
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(LispControlVectors.MNOT1), 0, 64, PASSWORD)).isTrue();
        MapNotifyAck a = (MapNotifyAck) decodeAll(LispControlVectors.MNACK);
        assertThat(a.nonce()).isEqualTo(0x2222333344445555L);
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(LispControlVectors.MNACK), 0, 64, PASSWORD)).isTrue();
        assertThat(LispAuthentication.sign(a, PASSWORD)).isEqualTo(a);
    }

    @Test
    void ecmOverIpv4AndIpv6() {
        EncapsulatedControlMessage e = (EncapsulatedControlMessage) decodeAll(LispControlVectors.ECM1);
        assertThat(e.ddt()).isFalse();
        assertThat(e.ipv4().destination()).isEqualTo(Ipv4Address.parse("10.2.0.1"));
        assertThat(e.udp().sourcePort()).isEqualTo(61001);
        assertThat(e.udp().destinationPort()).isEqualTo(4342);
        assertThat(((MapRequest) e.message()).nonce()).isEqualTo(0x5555666677778888L);
        EncapsulatedControlMessage e6 = (EncapsulatedControlMessage) decodeAll(LispControlVectors.ECM2);
        assertThat(e6.ddt()).isTrue();
        assertThat(e6.ipv6().destination()).isEqualTo(Ipv6Address.parse("2001:db8:b::1"));
        assertThat(((MapRequest) e6.message()).records().get(0).maskLength()).isEqualTo(128);
    }

    @Test
    void ecmRefusesSecurityAndNesting() {
        byte[] s = LispControlVectors.ECM1.clone();
        s[0] = (byte) 0x88;
        assertThatThrownBy(() -> LispMessageDecoder.decode(ByteBuffer.wrap(s)))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.field()).isEqualTo("S"));
    }

    @Test
    void mapReferral() {
        MapReferral m = (MapReferral) decodeAll(LispControlVectors.MREF1);
        MapReferralRecord r = m.records().get(0);
        assertThat(r.action()).isEqualTo(1);
        assertThat(r.authoritative()).isTrue();
        assertThat(r.incomplete()).isFalse();
        assertThat(r.referrals().get(0).locator()).isEqualTo(new LispAddress.Ipv4(Ipv4Address.parse("192.0.2.50")));
    }

    @Test
    void everyLcafOfTheWholeMessageVector() {
        MapReply m = (MapReply) decodeAll(LispControlVectors.MREP3);
        EidRecord r = m.records().get(0);
        assertThat(((LispAddress.Lcaf) r.eid()).body()).isEqualTo(LcafBody.SourceDestKey.of(
                new LispAddress.Ipv4(Ipv4Address.parse("10.1.0.0")), 16, new LispAddress.Ipv4(Ipv4Address.parse("10.2.0.0")), 24));
        List<Class<?>> types = new ArrayList<>();
        for (LocatorRecord l : r.locators()) {
            types.add(((LispAddress.Lcaf) l.locator()).body().getClass());
        }
        assertThat(types).containsExactly(LcafBody.AfiList.class, LcafBody.AsNumber.class, LcafBody.ApplicationData.class,
                LcafBody.GeoCoordinates.class, LcafBody.ExplicitLocatorPath.class, LcafBody.ReplicationList.class,
                LcafBody.KeyValue.class);
        LcafBody.ApplicationData app = (LcafBody.ApplicationData) ((LispAddress.Lcaf) r.locators().get(2).locator()).body();
        assertThat(List.of(app.tosOrFlowLabel(), app.protocol(), app.localPortLow(), app.localPortHigh(), app.remotePortLow(),
                app.remotePortHigh())).containsExactly(0xB8, 17, 1000, 2000, 4341, 4341);
        LcafBody.GeoCoordinates geo = (LcafBody.GeoCoordinates) ((LispAddress.Lcaf) r.locators().get(3).locator()).body();
        assertThat(geo.north()).isTrue();
        assertThat(geo.east()).isFalse();
        assertThat(List.of(geo.latitudeDegrees(), geo.latitudeMinutes(), geo.latitudeSeconds(), geo.longitudeDegrees(),
                geo.longitudeMinutes(), geo.longitudeSeconds(), geo.altitude())).containsExactly(37, 25, 10, 122, 5, 30, 30);
        LcafBody.ExplicitLocatorPath elp = (LcafBody.ExplicitLocatorPath) ((LispAddress.Lcaf) r.locators().get(4).locator()).body();
        assertThat(elp.hops().get(0).lookup() && elp.hops().get(0).strict() && !elp.hops().get(0).rlocProbe()).isTrue();
        assertThat(elp.hops().get(1).rlocProbe()).isTrue();
        LcafBody.ReplicationList rle = (LcafBody.ReplicationList) ((LispAddress.Lcaf) r.locators().get(5).locator()).body();
        assertThat(rle.entries().get(1).level()).isEqualTo(1);
    }

    @Test
    void lcafLengthPastTheMessageIsRefused() {
        assertThatThrownBy(() -> LispMessageDecoder.decode(ByteBuffer.wrap(LispControlVectors.BAD1)))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.field()).isEqualTo("LCAF body");
                    assertThat(e.required()).isEqualTo(255);
                });
    }

    @Test
    void realEidNotifyRegisterParses() {
        MapRegister m = (MapRegister) decodeAll(LispControlVectors.EID_REGISTER);
        assertThat(m.eidNotify()).isTrue();
        assertThat(m.wantMapNotify()).isTrue();
        assertThat(m.records()).hasSize(2);
        assertThat(m.xtrId()).isEqualTo(ByteString.fromHex("9787ad753caf58a713fa6920e6d27a8f"));
        assertThat(m.records().get(1).locators().get(0).multicastPriority()).isEqualTo(1);
    }

    @Test
    void infoRequestWithSha1Verifies() {
        InfoMessage m = (InfoMessage) decodeAll(LispControlVectors.INFO1);
        assertThat(m.reply()).isFalse();
        assertThat(m.reserved()).isZero();
        assertThat(m.nonce()).isEqualTo(0x7777888899990000L);
        assertThat(List.of(m.keyId(), m.algorithmId(), m.legacyKeyId())).containsExactly(0, 1, 1);
        assertThat(m.authenticationData().length()).isEqualTo(20);
        assertThat(m.ttl()).isZero();
        assertThat(m.maskLength()).isEqualTo(24);
        assertThat(m.eid()).isEqualTo(new LispAddress.Ipv4(Ipv4Address.parse("10.1.0.0")));
        assertThat(m.natInfo()).isEqualTo(LispAddress.NONE);
        assertThat(m.natTraversal()).isNull();
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(LispControlVectors.INFO1), 0, 50, PASSWORD)).isTrue();
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(LispControlVectors.INFO1), 0, 50, LispAuthentication.key("Password")))
                .isFalse();
        InfoMessage built = InfoMessage.request(0x7777888899990000L, 0, 1, new LispAddress.Ipv4(Ipv4Address.parse("10.1.0.0")), 24);
        assertThat(LispAuthentication.sign(built, PASSWORD)).isEqualTo(m);
    }

    @Test
    void infoReplyWithNatTraversalLcafVerifies() {
        InfoMessage m = (InfoMessage) decodeAll(LispControlVectors.INFO2);
        assertThat(m.reply()).isTrue();
        assertThat(m.nonce()).isEqualTo(0x7777888899990000L);
        assertThat(m.ttl()).isEqualTo(1440);
        assertThat(m.maskLength()).isEqualTo(24);
        LcafBody.NatTraversal n = m.natTraversal();
        assertThat(List.of(n.msPort(), n.etrPort())).containsExactly(4342, 61000);
        assertThat(n.globalEtrRloc()).isEqualTo(new LispAddress.Ipv4(Ipv4Address.parse("203.0.113.5")));
        assertThat(n.msRloc()).isEqualTo(new LispAddress.Ipv4(Ipv4Address.parse("198.51.100.9")));
        assertThat(n.privateEtrRloc()).isEqualTo(new LispAddress.Ipv4(Ipv4Address.parse("192.168.1.10")));
        assertThat(n.rtrRlocs()).containsExactly(new LispAddress.Ipv4(Ipv4Address.parse("203.0.113.200")));
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(LispControlVectors.INFO2), 0, 84, PASSWORD)).isTrue();
        InfoMessage request = (InfoMessage) LispMessageDecoder.decode(ByteBuffer.wrap(LispControlVectors.INFO1)).header();
        assertThat(LispAuthentication.sign(InfoMessage.reply(request, 1440, n), PASSWORD)).isEqualTo(m);
    }

    @Test
    void infoRequestWithAHostnameInsteadOfAfi0IsKept() {
        // lispers.net: AFI 17 and its hostname where the draft has AFI 0; unauthenticated
        byte[] bytes = hostnameRequest();
        InfoMessage m = (InfoMessage) decodeAll(bytes);
        assertThat(m.natInfo()).isEqualTo(LispAddress.DistinguishedName.of("xtr-1"));
        assertThat(m.authenticationData().length()).isZero();
        assertThat(m.algorithmId()).isZero();
    }

    private static byte[] hostnameRequest() {
        return LispControlVectors.hex("7000000001020304050607080000 0000" + "00000000" + "0018" + "00010a010000"
                + "0011" + "7874722d3100");
    }

    @Test
    void infoBytesAfterAfi0AreThePayload() {
        byte[] bytes = java.util.Arrays.copyOf(LispControlVectors.INFO1, 54);
        Decoded<LispMessage> d = LispMessageDecoder.decode(ByteBuffer.wrap(bytes));
        assertThat(d.headerLength()).isEqualTo(50);
        assertThat(d.payloadLength()).isEqualTo(4);
    }

    @Test
    void infoWithoutTheAddressAfterTheEidIsTruncated() {
        byte[] bytes = java.util.Arrays.copyOf(LispControlVectors.INFO1, 48);
        assertThatThrownBy(() -> LispMessageDecoder.decode(ByteBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.field()).isEqualTo("AFI after the EID-prefix");
                    assertThat(e.offset()).isEqualTo(48);
                });
        byte[] reply = java.util.Arrays.copyOf(LispControlVectors.INFO2, 83);
        assertThatThrownBy(() -> LispMessageDecoder.decode(ByteBuffer.wrap(reply)))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void infoAuthenticationLengthIsUnsignedAndBounded() {
        byte[] bytes = LispControlVectors.INFO1.clone();
        bytes[14] = (byte) 0xFF;
        bytes[15] = (byte) 0xFF;
        assertThatThrownBy(() -> LispMessageDecoder.decode(ByteBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.field()).isEqualTo("Authentication Data");
                    assertThat(e.required()).isEqualTo(0xFFFF);
                });
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(bytes), 0, bytes.length, PASSWORD)).isFalse();
    }

    @Test
    void infoMaskLengthWiderThanTheEidIsRefused() {
        byte[] bytes = LispControlVectors.INFO1.clone();
        bytes[41] = 33;
        assertThatThrownBy(() -> LispMessageDecoder.decode(ByteBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE);
                    assertThat(e.field()).isEqualTo("EID mask-len");
                    assertThat(e.offset()).isEqualTo(41);
                });
    }

    @Test
    void infoReservedBitsAndKeyIdAreKept() {
        byte[] bytes = LispControlVectors.INFO1.clone();
        bytes[0] = (byte) 0x77; // R clear, three reserved bits set
        bytes[3] = 0x01;
        bytes[12] = 0x05; // RFC 9301 Key ID 5
        bytes[40] = (byte) 0xA5; // the Reserved octet
        InfoMessage m = (InfoMessage) decodeAll(bytes);
        assertThat(m.reply()).isFalse();
        assertThat(m.reserved()).isEqualTo(0x7000001);
        assertThat(m.keyId()).isEqualTo(5);
        assertThat(m.legacyKeyId()).isEqualTo(0x0501);
        assertThat(m.reserved2()).isEqualTo(0xA5);
    }

    // Pitfalls of the reference implementations.

    @Test
    void twoHundredRecordsAreTwoHundredRecords() {
        List<EidRecord> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(EidRecord.of(1440, new LispAddress.Ipv4(Ipv4Address.of(10, 0, i, 0)), 24, true,
                    List.of(LocatorRecord.of(1, 100, true, new LispAddress.Ipv4(Ipv4Address.parse("192.0.2.1"))))));
        }
        MapRegister m = LispAuthentication.sign(new MapRegister(false, false, 0, false, false, false, false, true, 1, 0, 1,
                ByteString.of(new byte[20]), records, null, 0), PASSWORD);
        byte[] bytes = new byte[m.encodedLength()];
        LispMessageEncoder.encode(m, ByteBuffer.wrap(bytes));
        assertThat(bytes[3] & 0xFF).isEqualTo(200);
        assertThat(((MapRegister) decodeAll(bytes)).records()).hasSize(200).isEqualTo(records);
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(bytes), 0, bytes.length, PASSWORD)).isTrue();
    }

    @Test
    void lcafOver255OctetsKeepsItsSixteenBitLength() {
        List<LispAddress> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new LispAddress.Ipv6(Ipv6Address.of(0x20010db800000000L, i)));
        }
        LispAddress.Lcaf list = LispAddress.Lcaf.of(new LcafBody.AfiList(0, many));
        assertThat(list.body().bodyLength()).isEqualTo(360);
        byte[] bytes = new byte[list.encodedLength()];
        LispAddressEncoder.encode(list, ByteBuffer.wrap(bytes));
        assertThat((bytes[6] & 0xFF) << 8 | bytes[7] & 0xFF).isEqualTo(360);
        assertThat(LispAddressDecoder.decode(ByteBuffer.wrap(bytes)).header()).isEqualTo(list);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x40, 0x20, 0x60})
    void ircIsTheLowFiveBitsWhateverLAndDHold(int ld) {
        byte[] bytes = LispControlVectors.MREQ1.clone();
        bytes[2] = (byte) (bytes[2] | ld);
        MapRequest m = (MapRequest) decodeAll(bytes);
        assertThat(m.itrRlocs()).hasSize(2);
        assertThat(m.localXtr()).isEqualTo((ld & 0x40) != 0);
        assertThat(m.dontMapReply()).isEqualTo((ld & 0x20) != 0);
    }

    @Test
    void authenticationLength0x8000IsUnsignedAndTruncated() {
        byte[] bytes = LispControlVectors.MREG1.clone();
        bytes[14] = (byte) 0x80;
        bytes[15] = 0;
        assertThatThrownBy(() -> LispMessageDecoder.decode(ByteBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.field()).isEqualTo("Authentication Data");
                    assertThat(e.required()).isEqualTo(0x8000);
                });
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(bytes), 0, bytes.length, PASSWORD)).isFalse();
    }

    @Test
    void aSliceOfALargerArrayIsSignedAndVerifiedOverItsOwnOctets() {
        byte[] big = new byte[300];
        java.util.Arrays.fill(big, (byte) 0x5A);
        System.arraycopy(LispControlVectors.MREG1, 0, big, 100, 88);
        java.util.Arrays.fill(big, 116, 136, (byte) 0);
        ByteBuffer slice = ByteBuffer.wrap(big, 100, 88).slice();
        LispAuthentication.fill(slice, 0, 88, PASSWORD);
        assertThat(java.util.Arrays.copyOfRange(big, 100, 188)).isEqualTo(LispControlVectors.MREG1);
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(big), 100, 188, PASSWORD)).isTrue();
        assertThat(big[99]).isEqualTo((byte) 0x5A);
        assertThat(big[188]).isEqualTo((byte) 0x5A);
    }

    @Test
    void hmacMatchesRfc2202AndRfc4231() {
        byte[] data = "what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(HexFormat.of().formatHex(LispAuthentication.hmac(1, LispAuthentication.key("Jefe"), data)))
                .isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        assertThat(HexFormat.of().formatHex(LispAuthentication.hmac(2, LispAuthentication.key("Jefe"), data)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void truncatedMacLengthsVerify() {
        MapRegister m = (MapRegister) LispMessageDecoder.decode(ByteBuffer.wrap(LispControlVectors.MREG1)).header();
        MapRegister short12 = LispAuthentication.sign(m.withAuthenticationData(ByteString.of(new byte[12])), PASSWORD);
        byte[] bytes = new byte[short12.encodedLength()];
        LispMessageEncoder.encode(short12, ByteBuffer.wrap(bytes));
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(bytes), 0, bytes.length, PASSWORD)).isTrue();
        bytes[20] ^= 1;
        assertThat(LispAuthentication.verify(ByteBuffer.wrap(bytes), 0, bytes.length, PASSWORD)).isFalse();
    }

    @Test
    void macAddressUnderBothAfisAndNamesInOctets() {
        for (int afi : new int[] {6, 16389}) {
            byte[] b = ByteBuffer.allocate(8).putShort((short) afi).put(new byte[] {2, 0, 0, 0, 0, 1}).array();
            LispAddress a = LispAddressDecoder.decode(ByteBuffer.wrap(b)).header();
            assertThat(a.afi()).isEqualTo(afi);
            byte[] out = new byte[8];
            LispAddressEncoder.encode(a, ByteBuffer.wrap(out));
            assertThat(out).isEqualTo(b);
        }
        LispAddress.DistinguishedName dn = LispAddress.DistinguishedName.of("grüße");
        assertThat(dn.encodedLength()).isEqualTo(2 + 7 + 1);
    }

    @Test
    void nestingIsCapped() {
        LispAddress a = new LispAddress.Ipv4(Ipv4Address.parse("10.0.0.1"));
        for (int i = 0; i < 8; i++) {
            a = LispAddress.Lcaf.of(LcafBody.InstanceId.of(i, a));
        }
        byte[] eight = new byte[a.encodedLength()];
        LispAddressEncoder.encode(a, ByteBuffer.wrap(eight));
        assertThat(LispAddressDecoder.decode(ByteBuffer.wrap(eight)).header()).as("8 LCAFs deep: the cap").isEqualTo(a);
        a = LispAddress.Lcaf.of(LcafBody.InstanceId.of(8, a));
        byte[] bytes = new byte[a.encodedLength()];
        LispAddressEncoder.encode(a, ByteBuffer.wrap(bytes));
        assertThatThrownBy(() -> LispAddressDecoder.decode(ByteBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }
}
