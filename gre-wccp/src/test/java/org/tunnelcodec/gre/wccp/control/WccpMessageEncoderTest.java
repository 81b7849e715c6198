package org.tunnelcodec.gre.wccp.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;

/**
 * {@link WccpMessageEncoder}, the factories and the records' checks. Expected octets are
 * written out by hand from the drafts' layouts ([W01] 5, [R1] 4-6) and the bit numbering
 * table of the package description (the implementations' reading, checked against Wireshark).
 */
class WccpMessageEncoderTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Ipv4Address CACHE = Ipv4Address.parse("192.0.2.10");
    private static final Ipv4Address ROUTER = Ipv4Address.parse("192.0.2.254");

    private static String encode(WccpMessage m) {
        byte[] out = new byte[WccpMessageEncoder.encodedLength(m)];
        assertThat(WccpMessageEncoder.encode(m, ByteBuffer.wrap(out))).isEqualTo(out.length);
        return HEX.formatHex(out);
    }

    @Test
    void shouldEncodeVectorW4FromFactories() {
        WccpMessage m = WccpMessage.removalQuery(WccpComponent.SecurityInfo.none(),
                WccpComponent.ServiceInfo.dynamic(90, 200, IpProtocol.TCP,
                        WccpServiceFlags.of(WccpServiceFlags.DESTINATION_IP_HASH | WccpServiceFlags.PORTS_DEFINED), 80, 8080),
                new WccpComponent.RouterQueryInfo(new WccpRouterIdentity(ROUTER, 42), ROUTER, CACHE));
        assertThat(encode(m)).isEqualTo(WccpSpecVectorGoldenTest.W4);
    }

    @Test
    void shouldBuildTheComponentsOfEachMessageTypeInTheDraftsOrder() {
        WccpComponent.SecurityInfo sec = WccpComponent.SecurityInfo.none();
        WccpComponent.ServiceInfo svc = WccpComponent.ServiceInfo.standard(0);
        WccpComponent.CapabilitiesInfo caps = WccpComponent.CapabilitiesInfo.of(new WccpCapability.ForwardingMethod(1));
        WccpMessage here = WccpMessage.hereIAm(sec, svc,
                new WccpComponent.WebCacheIdentityInfo(WccpWebCacheIdentity.hash(CACHE, WccpBuckets.vector(1, 2), 0, 0)),
                new WccpComponent.WebCacheViewInfo(1, List.of(new WccpRouterIdentity(ROUTER, 1)), List.of(CACHE)), caps);
        assertThat(here.type()).isEqualTo(WccpMessageType.HERE_I_AM);
        assertThat(here.components()).extracting(WccpComponent::type).containsExactly(0, 1, 3, 5, 8);
        WccpMessage see = WccpMessage.iSeeYou(sec, svc,
                new WccpComponent.RouterIdentityInfo(new WccpRouterIdentity(ROUTER, 1), ROUTER, List.of(CACHE)),
                new WccpComponent.RouterViewInfo(1, new WccpAssignmentKey(CACHE, 1), List.of(ROUTER),
                        List.of(WccpWebCacheIdentity.none(CACHE))),
                new WccpComponent.AssignmentMap(List.of()));
        assertThat(see.components()).extracting(WccpComponent::type).containsExactly(0, 1, 2, 4, 14);
        WccpMessage assign = WccpMessage.redirectAssign(sec, svc, new WccpComponent.AssignmentInfo(
                new WccpAssignmentKey(CACHE, 1), List.of(), new WccpAssignment.HashBuckets(List.of(CACHE),
                        WccpBuckets.octets(b -> 0))));
        assertThat(assign.components()).extracting(WccpComponent::type).containsExactly(0, 1, 6);
        assertThat(assign.length()).isEqualTo(8 + 28 + 4 + 12 + 4 + 4 + 256);
        assertThatThrownBy(() -> WccpMessage.redirectAssign(sec, svc, caps)).isInstanceOf(IllegalArgumentException.class);
        // every factory result survives the codec
        for (WccpMessage m : List.of(here, see, assign)) {
            assertThat(WccpMessageDecoder.decode(ByteBuffer.wrap(HEX.parseHex(encode(m)))).header()).isEqualTo(m);
        }
    }

    @Test
    void shouldComputeAssignmentLengthAndAssignmentTypeOfAnAlternateAssignment() {
        WccpComponent.AlternateAssignment alt = new WccpComponent.AlternateAssignment(new WccpAssignmentKey(CACHE, 5),
                List.of(new WccpRouterAssignment(ROUTER, 43, 12)), new WccpAssignment.MaskValueSets(List.of()));
        WccpMessage m = new WccpMessage(WccpMessageType.REDIRECT_ASSIGN, 0x0200, List.of(alt));
        // component: 4 (Assignment Type, Length) + 8 (key) + 4 + 12 (one router) + 4 (empty list) = 32
        assertThat(encode(m)).isEqualTo("0000000c02000024" + "000d0020" + "0001" + "001c" + "c000020a00000005"
                + "00000001" + "c00002fe0000002b0000000c" + "00000000");
        assertThat(alt.assignmentLength()).isEqualTo(28);
    }

    @Test
    void shouldSetBucketBitsLeastSignificantFirstAsWiresharkReadsThem() {
        // as Wireshark reads it: octet0 = 0x01 is bucket 0, octet1 = 0x80 is bucket 15
        ByteString v = WccpBuckets.vector(0, 15);
        assertThat(v.byteAt(0)).isEqualTo(0x01);
        assertThat(v.byteAt(1)).isEqualTo(0x80);
        assertThat(WccpBuckets.isAssigned(v, 15)).isTrue();
        assertThat(WccpBuckets.isAssigned(v, 8)).isFalse();
        assertThat(WccpBuckets.assignedCount(WccpBuckets.vector(b -> b % 2 == 0))).isEqualTo(128);
        assertThat(WccpBuckets.index(0x80)).isZero();
        assertThat(WccpBuckets.isAlternate(0x80)).isTrue();
        assertThat(WccpBuckets.isAlternate(0xFF)).isFalse();
        assertThat(WccpBuckets.isUnassigned(0xFF)).isTrue();
        assertThatThrownBy(() -> WccpBuckets.vector(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPlaceWebCacheFlagBitsAsSquidAndWiresharkDo() {
        // [R1] 6.4 as Squid and Wireshark read it: U = 0x0001, type = (flags >> 1) & 3, V = 0x0008
        assertThat(WccpWebCacheFlags.of(1, false, false).bits()).isEqualTo(0x0002); // Squid's mask assignment
        assertThat(WccpWebCacheFlags.of(3, true, true).bits()).isEqualTo(0x000F);
        WccpWebCacheFlags f = WccpWebCacheFlags.of(0xFFF9);
        assertThat(f.historical()).isTrue();
        assertThat(f.assignmentType()).isZero();
        assertThat(f.versionFlag()).isTrue();
        assertThat(f.reservedBits()).isEqualTo(0xFFF0);
        assertThat(f.withAssignmentType(2).bits()).isEqualTo(0xFFFD);
        assertThat(f).hasToString("0xfff9(type=0, U, V)");
    }

    @Test
    void shouldNameServiceFlagsAndKeepReservedBits() {
        WccpServiceFlags f = WccpServiceFlags.of(0x0913 | 0x8000_0080);
        assertThat(f.sourceIpHash()).isTrue();
        assertThat(f.destinationPortAlternateHash()).isTrue();
        assertThat(f.redirectOnlyProtocol0()).isFalse();
        assertThat(f.reservedBits()).isEqualTo(0x8000_0080);
        assertThat(f).hasToString("SOURCE_IP_HASH|DESTINATION_IP_HASH|PORTS_DEFINED|SOURCE_IP_ALTERNATE_HASH"
                + "|DESTINATION_PORT_ALTERNATE_HASH|0x80000080");
        assertThat(WccpServiceFlags.NONE).hasToString("none");
    }

    @Test
    void shouldNameMessageTypes() {
        assertThat(WccpMessageType.HERE_I_AM).hasToString("HERE_I_AM(10)");
        assertThat(WccpMessageType.of(9)).hasToString("V1_ASSIGN_BUCKET(9)");
        assertThat(WccpMessageType.of(14).isKnown()).isFalse();
        assertThat(WccpMessageType.of(13).knownName()).isEqualTo("REMOVAL_QUERY");
        assertThat(WccpMessageType.of(-2).unsignedValue()).isEqualTo(0xFFFF_FFFEL);
    }

    @Test
    void shouldRefuseRecordsTheWireCannotCarryOrThatWouldDecodeDifferently() {
        assertThatThrownBy(() -> new WccpMessage(WccpMessageType.V1_HERE_I_AM, 0x0200, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WccpMessage(WccpMessageType.HERE_I_AM, 0x0300, List.of()))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> new WccpMessage(WccpMessageType.HERE_I_AM, 0x0200,
                Collections.nCopies(65, WccpComponent.SecurityInfo.none()))).hasMessageContaining("components.size()");
        WccpComponent big = new WccpComponent.UnknownComponent(99, ByteString.of(new byte[40_000]));
        assertThatThrownBy(() -> new WccpMessage(WccpMessageType.HERE_I_AM, 0x0200, List.of(big, big)))
                .hasMessageContaining("length");
        // a known type must use its record, a defined capability or command its own
        assertThatThrownBy(() -> new WccpComponent.UnknownComponent(1, ByteString.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WccpCapability.Unknown(3, ByteString.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WccpCommand.Unknown(2, ByteString.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WccpAssignment.Unknown(1, ByteString.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        // flags must agree with the assignment data
        assertThatThrownBy(() -> new WccpWebCacheIdentity(CACHE, 0, WccpWebCacheFlags.of(0x0002),
                WccpAssignmentData.None.INSTANCE)).hasMessageContaining("assignmentType");
        assertThatThrownBy(() -> new WccpComponent.SecurityInfo(0, ByteString.of(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WccpComponent.SecurityInfo.md5(ByteString.of(new byte[15])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WccpComponent.ServiceInfo(0, 0, 0, IpProtocol.TCP, WccpServiceFlags.NONE,
                List.of(0, 0, 0, 0, 0, 0, 0))).hasMessageContaining("ports.size()");
        assertThatThrownBy(() -> WccpComponent.ServiceInfo.dynamic(1, 1, IpProtocol.TCP, WccpServiceFlags.NONE, 0))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> new WccpRouterIdentity(ROUTER, 1L << 32)).hasMessageContaining("receiveId");
        assertThatThrownBy(() -> new WccpComponent.WebCacheViewInfo(0, List.of(), Collections.nCopies(33, CACHE)))
                .hasMessageContaining("webCaches.size()");
        // a Router View Info whose caches would not fit the 16-bit component Length
        WccpMaskValueSet full = new WccpMaskValueSet(new WccpMaskElement(0, 0, 0, 0), Collections.nCopies(256,
                new WccpValueElement(CACHE, CACHE, 0, 0, CACHE)));
        WccpWebCacheIdentity heavy = WccpWebCacheIdentity.mask(CACHE, Collections.nCopies(16, full), 0, 0);
        assertThatThrownBy(() -> new WccpComponent.WebCacheIdentityInfo(heavy)).hasMessageContaining("65535");
    }

    @Test
    void shouldWriteAtThePositionWithoutMovingItAndRefuseASmallOrReadOnlyDestination() {
        WccpMessage m = new WccpMessage(WccpMessageType.HERE_I_AM, 0x0201, List.of(WccpComponent.SecurityInfo.none()));
        ByteBuffer dst = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        dst.position(2);
        assertThat(WccpMessageEncoder.encode(m, dst)).isEqualTo(16);
        assertThat(dst.position()).isEqualTo(2);
        assertThat(HEX.formatHex(dst.array(), 2, 18)).isEqualTo("0000000a02010008" + "0000000400000000");
        ByteBuffer small = ByteBuffer.allocate(15);
        assertThatThrownBy(() -> WccpMessageEncoder.encode(m, small)).isInstanceOf(IllegalArgumentException.class);
        assertThat(small.array()).containsOnly(0);
        assertThatThrownBy(() -> WccpMessageEncoder.encode(m, ByteBuffer.allocate(16).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
    }
}
