package org.tunnelcodec.gre.wccp.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;

/**
 * Golden vectors W3, W4 and W5: hex written by hand from the drafts' layouts ([W01] 5, [R1] 4-6),
 * and the field values tshark 4.0.17 decodes from the same bytes (W3's MD5 digest recomputed
 * independently with the password "secret"). Nothing here is computed by this project.
 */
class WccpSpecVectorGoldenTest {
    /** W3: v2 HERE_I_AM with MD5 security, password "secret" (132 octets). */
    static final String W3 = "0000000a0200007c"
            + "0000001400000001" + "80a745c686bfa862c763352ae560b873"
            + "00010018" + "00000000" + "00000000" + "00000000000000000000000000000000"
            + "0003002c" + "c000020a" + "0000" + "0000"
            + "0000000000000000000000000000000000000000000000000000000000000000" + "0000" + "0000"
            + "00050014" + "00000001" + "00000001" + "c00002fe" + "00000007" + "00000000";
    /** W4: v2 REMOVAL_QUERY, no security (64 octets). */
    static final String W4 = "0000000d02000038"
            + "0000000400000000"
            + "00010018" + "015ac806" + "00000012" + "00501f90000000000000000000000000"
            + "00070010" + "c00002fe" + "0000002a" + "c00002fe" + "c000020a";
    /** W5: v1 HERE_I_AM (52 octets). */
    static final String W5 = "00000007" + "00000004" + "00000000"
            + "0000000000000000000000000000000000000000000000000000000000000000" + "80000000" + "00000000";

    private static final HexFormat HEX = HexFormat.of();

    private static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex));
    }

    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    @Test
    void shouldDecodeEveryFieldOfVectorW3AsItsTableGivesThem() {
        Decoded<WccpMessage> d = WccpMessageDecoder.decode(bytes(W3));
        WccpMessage m = d.header();
        // header: type 10 HERE_I_AM, version 0x0200, length 124
        assertThat(m.type()).isEqualTo(WccpMessageType.HERE_I_AM);
        assertThat(m.type()).hasToString("HERE_I_AM(10)");
        assertThat(m.version()).isEqualTo(0x0200);
        assertThat(m.length()).isEqualTo(124);
        assertThat(d.headerLength()).isEqualTo(132);
        assertThat(d.payloadLength()).isZero();
        assertThat(m.components()).extracting(WccpComponent::type).containsExactly(0, 1, 3, 5);
        assertThat(m.components()).extracting(WccpComponent::length).containsExactly(20, 24, 44, 20);

        // Security Info: option 1 (MD5), the digest
        WccpComponent.SecurityInfo security = m.securityInfo().orElseThrow();
        assertThat(security.option()).isEqualTo(WccpComponent.SecurityInfo.MD5);
        assertThat(security.implementation()).isEqualTo(ByteString.fromHex("80a745c686bfa862c763352ae560b873"));

        // Service Info: standard service, ID 0 (HTTP), rest 0
        WccpComponent.ServiceInfo service = m.serviceInfo().orElseThrow();
        assertThat(service.isStandard()).isTrue();
        assertThat(service.serviceId()).isZero();
        assertThat(service.priority()).isZero();
        assertThat(service.protocol()).isEqualTo(IpProtocol.of(0));
        assertThat(service.flags().bits()).isZero();
        assertThat(service.ports()).containsOnly(0);
        assertThat(service.definedPorts()).isEmpty();

        // Web-Cache Identity Info: 192.0.2.10, Hash Rev 0, Flags 0 (current, hash), no buckets, weight 0, status 0
        WccpWebCacheIdentity cache = m.component(WccpComponent.WebCacheIdentityInfo.class).orElseThrow().webCache();
        assertThat(cache.address()).isEqualTo(ip("192.0.2.10"));
        assertThat(cache.hashRevision()).isZero();
        assertThat(cache.flags().bits()).isZero();
        assertThat(cache.flags().historical()).isFalse();
        assertThat(cache.flags().assignmentType()).isEqualTo(WccpWebCacheFlags.TYPE_HASH);
        WccpAssignmentData.Hash hash = (WccpAssignmentData.Hash) cache.assignmentData();
        assertThat(WccpBuckets.assignedCount(hash.buckets())).isZero();
        assertThat(hash.weight()).isZero();
        assertThat(hash.status()).isZero();

        // Web-Cache View Info: change 1, 1 router (192.0.2.254, Receive ID 7), 0 caches
        WccpComponent.WebCacheViewInfo view = m.component(WccpComponent.WebCacheViewInfo.class).orElseThrow();
        assertThat(view.changeNumber()).isEqualTo(1);
        assertThat(view.routers()).containsExactly(new WccpRouterIdentity(ip("192.0.2.254"), 7));
        assertThat(view.webCaches()).isEmpty();
    }

    @Test
    void shouldDecodeEveryFieldOfVectorW4AsItsTableGivesThem() {
        WccpMessage m = WccpMessageDecoder.decode(bytes(W4)).header();
        // header: type 13, version 0x0200, length 56
        assertThat(m.type()).isEqualTo(WccpMessageType.REMOVAL_QUERY);
        assertThat(m.version()).isEqualTo(0x0200);
        assertThat(m.length()).isEqualTo(56);
        // Security Info: length 4, option 0
        assertThat(m.components().get(0)).isEqualTo(WccpComponent.SecurityInfo.none());
        assertThat(m.components().get(0).length()).isEqualTo(4);
        // Service Info: dynamic, ID 90, priority 200, TCP, flags 0x12 (dst-IP hash + Ports Defined), ports 80, 8080
        WccpComponent.ServiceInfo service = m.serviceInfo().orElseThrow();
        assertThat(service.serviceType()).isEqualTo(WccpComponent.ServiceInfo.DYNAMIC);
        assertThat(service.serviceId()).isEqualTo(90);
        assertThat(service.priority()).isEqualTo(200);
        assertThat(service.protocol()).isEqualTo(IpProtocol.TCP);
        assertThat(service.flags().bits()).isEqualTo(0x12);
        assertThat(service.flags().destinationIpHash()).isTrue();
        assertThat(service.flags().portsDefined()).isTrue();
        assertThat(service.flags().sourceIpHash()).isFalse();
        assertThat(service.flags()).hasToString("DESTINATION_IP_HASH|PORTS_DEFINED");
        assertThat(service.definedPorts()).containsExactly(80, 8080);
        assertThat(service.ports()).containsExactly(80, 8080, 0, 0, 0, 0, 0, 0);
        // Router Query Info: length 16, router 192.0.2.254, Receive ID 42, sent-to 192.0.2.254, target 192.0.2.10
        WccpComponent.RouterQueryInfo query = m.component(WccpComponent.RouterQueryInfo.class).orElseThrow();
        assertThat(query.length()).isEqualTo(16);
        assertThat(query.router()).isEqualTo(new WccpRouterIdentity(ip("192.0.2.254"), 42));
        assertThat(query.sentTo()).isEqualTo(ip("192.0.2.254"));
        assertThat(query.target()).isEqualTo(ip("192.0.2.10"));
    }

    @Test
    void shouldDecodeEveryFieldOfVectorW5AsItsTableGivesThem() {
        Decoded<WccpV1Message> d = WccpV1MessageDecoder.decode(bytes(W5));
        assertThat(d.headerLength()).isEqualTo(52);
        WccpV1Message.HereIAm m = (WccpV1Message.HereIAm) d.header();
        // type 7, version 4 (checked by the decoder), hash revision 0, empty vector, U word 0x80000000, Received ID 0
        assertThat(m.type()).isEqualTo(WccpMessageType.V1_HERE_I_AM);
        assertThat(m.hashRevision()).isZero();
        assertThat(m.buckets()).isEqualTo(WccpBuckets.emptyVector());
        assertThat(m.flags()).isEqualTo(0x8000_0000);
        assertThat(m.flags() & WccpV1Message.U_AS_DRAWN).isNotZero();
        // tshark 4.0 (packet-wccp.c) tests 0x00010000 instead, which is clear here
        assertThat(m.flags() & WccpV1Message.U_AS_WIRESHARK).isZero();
        assertThat(m.receivedId()).isZero();
    }

    @Test
    void shouldReEncodeVectorsW3W4AndW5ToTheSameBytes() {
        for (String hex : List.of(W3, W4)) {
            WccpMessage m = WccpMessageDecoder.decode(bytes(hex)).header();
            byte[] out = new byte[WccpMessageEncoder.encodedLength(m)];
            WccpMessageEncoder.encode(m, ByteBuffer.wrap(out));
            assertThat(HEX.formatHex(out)).isEqualTo(hex);
        }
        WccpV1Message v1 = WccpV1MessageDecoder.decode(bytes(W5)).header();
        byte[] out = new byte[WccpV1MessageEncoder.encodedLength(v1)];
        WccpV1MessageEncoder.encode(v1, ByteBuffer.wrap(out));
        assertThat(HEX.formatHex(out)).isEqualTo(W5);
    }

    @Test
    void shouldVerifyTheMd5DigestOfVectorW3WithPasswordSecret() {
        ByteBuffer w3 = bytes(W3).asReadOnlyBuffer();
        assertThat(WccpSecurity.verify(w3, 0, WccpPassword.of("secret"))).isTrue();
        // "secret" has 6 characters: Squid's 7-character rule gives the same key
        assertThat(WccpSecurity.verify(w3, 0, WccpPassword.squid("secret"))).isTrue();
    }

    @Test
    void shouldRejectTheMd5DigestOfVectorW3WithAnotherPassword() {
        ByteBuffer w3 = bytes(W3);
        for (String other : List.of("Secret", "secret1", "secre", "", "secretsecret")) {
            assertThat(WccpSecurity.verify(w3, 0, WccpPassword.of(other))).as(other).isFalse();
        }
    }

    @Test
    void shouldReproduceTheDigestOfVectorW3WhenSigningItWithTheDigestZeroed() {
        byte[] zeroed = HEX.parseHex(W3);
        java.util.Arrays.fill(zeroed, 16, 32, (byte) 0);
        ByteBuffer buf = ByteBuffer.wrap(zeroed);
        ByteString digest = WccpSecurity.sign(buf, 0, WccpPassword.of("secret"));
        assertThat(digest).isEqualTo(ByteString.fromHex("80a745c686bfa862c763352ae560b873"));
        assertThat(HEX.formatHex(zeroed)).isEqualTo(W3);
    }

    @Test
    void shouldPeekTheVersionOfVectorsW3W4AndW5() {
        assertThat(WccpControl.version(bytes(W3), 0)).isEqualTo(2);
        assertThat(WccpControl.version(bytes(W4), 0)).isEqualTo(2);
        assertThat(WccpControl.version(bytes(W5), 0)).isEqualTo(1);
    }
}
