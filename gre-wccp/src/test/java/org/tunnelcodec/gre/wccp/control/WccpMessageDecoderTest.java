package org.tunnelcodec.gre.wccp.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.ByteString;
import org.tunnelcodec.core.Decoded;
import org.tunnelcodec.core.IpProtocol;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * Receiver rules and corner cases of {@link WccpMessageDecoder}; expected values come from the
 * drafts' layouts ([W01] 5, [R1] 4-6) and the receiver rules of the package description, the
 * hex written out by hand. Hostile inputs must give {@link MalformedPacketException}, nothing else.
 */
class WccpMessageDecoderTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String SECURITY_NONE = "0000000400000000";
    private static final String SERVICE_STANDARD = "00010018" + "00".repeat(24);

    /** A v2 message of the given type around hex components, Length computed. */
    static byte[] message(int type, int version, String components) {
        byte[] body = HEX.parseHex(components);
        ByteBuffer b = ByteBuffer.allocate(8 + body.length);
        b.putInt(type).putShort((short) version).putShort((short) body.length).put(body);
        return b.array();
    }

    static byte[] message(String components) {
        return message(11, 0x0200, components);
    }

    static String component(int type, String body) {
        return String.format("%04x%04x", type, body.length() / 2) + body;
    }

    private static MalformedPacketException malformed(byte[] bytes) {
        try {
            WccpMessageDecoder.decode(ByteBuffer.wrap(bytes));
        } catch (MalformedPacketException e) {
            return e;
        } catch (Throwable t) {
            fail("expected MalformedPacketException, got " + t, t);
        }
        return fail("expected MalformedPacketException for " + HEX.formatHex(bytes));
    }

    private static WccpMessage roundTrip(byte[] bytes) {
        Decoded<WccpMessage> d = WccpMessageDecoder.decode(ByteBuffer.wrap(bytes));
        byte[] out = new byte[WccpMessageEncoder.encodedLength(d.header())];
        WccpMessageEncoder.encode(d.header(), ByteBuffer.wrap(out));
        assertThat(HEX.formatHex(out)).isEqualTo(HEX.formatHex(bytes, 0, d.headerLength()));
        return d.header();
    }

    // ---------------------------------------------------------------- header and framing

    @Test
    void shouldRejectEveryHeaderShorterThanEightOctetsAsTruncated() {
        byte[] m = message(SECURITY_NONE);
        for (int n = 0; n < 8; n++) {
            MalformedPacketException e = malformed(java.util.Arrays.copyOf(m, n));
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(e.required()).isEqualTo(8);
        }
    }

    @Test
    void shouldRejectALengthOf65535InATwentyOctetDatagramAsTruncated() {
        byte[] m = HEX.parseHex("0000000b0200ffff" + SECURITY_NONE + "00000000");
        MalformedPacketException e = malformed(m);
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.field()).isEqualTo("Length");
        assertThat(e.required()).isEqualTo(8 + 65535);
        assertThat(e.available()).isEqualTo(20);
    }

    @Test
    void shouldIgnoreTheOctetsAfterTheMessageLength() {
        byte[] m = message(SECURITY_NONE);
        byte[] withTrailer = java.util.Arrays.copyOf(m, m.length + 5);
        Decoded<WccpMessage> d = WccpMessageDecoder.decode(ByteBuffer.wrap(withTrailer));
        assertThat(d.headerLength()).isEqualTo(16);
        assertThat(d.payloadLength()).isZero();
        assertThat(d.payloadIndex()).isEqualTo(16);
    }

    @Test
    void shouldRefuseWccpV1TypesAndOtherMajorVersionsAsUnsupportedVersion() {
        for (int type = 7; type <= 9; type++) {
            MalformedPacketException e = malformed(message(type, 0x0200, SECURITY_NONE));
            assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
            assertThat(e.field()).isEqualTo("Type");
        }
        for (int version : new int[] {0x0000, 0x0100, 0x0300, 0x0004, 0xFF00}) {
            MalformedPacketException e = malformed(message(10, version, SECURITY_NONE));
            assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_VERSION);
            assertThat(e.field()).isEqualTo("Version");
            assertThat(e.offset()).isEqualTo(4);
        }
    }

    @Test
    void shouldDecodeAnyMinorVersionAndAnyOtherTypeUnchanged() {
        WccpMessage m = roundTrip(message(0xFFFF_FFFF, 0x02FF, SECURITY_NONE));
        assertThat(m.type().value()).isEqualTo(-1);
        assertThat(m.type()).hasToString("4294967295");
        assertThat(m.minorVersion()).isEqualTo(0xFF);
        assertThat(roundTrip(message(0, 0x0201, "")).components()).isEmpty();
    }

    @Test
    void shouldRejectAComponentHeaderOrLengthRunningPastTheMessageLength() {
        MalformedPacketException header = malformed(message(SECURITY_NONE + "0001"));
        assertThat(header.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(header.field()).isEqualTo("Type");
        assertThat(header.offset()).isEqualTo(16);
        assertThat(header.required()).isEqualTo(4);
        assertThat(header.available()).isEqualTo(2);
        assertThat(header.boundedBy()).isEqualTo("wccp-control Length");

        MalformedPacketException body = malformed(message(SECURITY_NONE + "0063000800000000"));
        assertThat(body.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(body.field()).isEqualTo("component type 99");
        assertThat(body.offset()).isEqualTo(20);
        assertThat(body.required()).isEqualTo(8);
        assertThat(body.available()).isEqualTo(4);
        assertThat(body.boundedBy()).isEqualTo("wccp-control Length");
        assertThat(body.getMessage()).isEqualTo(
                "wccp-control component type 99 truncated at offset 20: 4 bytes left by wccp-control Length (expected: 8)");
    }

    @Test
    void shouldKeepUnknownRepeatedAndReorderedComponentsInWireOrder() {
        String unknown = component(99, "0102");
        String odd = component(16, "abcdef");
        WccpMessage m = roundTrip(message(unknown + SERVICE_STANDARD + SECURITY_NONE + odd + SECURITY_NONE
                + component(0, "00000001" + "11".repeat(16))));
        assertThat(m.components()).extracting(WccpComponent::type).containsExactly(99, 1, 0, 16, 0, 0);
        assertThat(m.components().get(0)).isEqualTo(new WccpComponent.UnknownComponent(99, ByteString.fromHex("0102")));
        // [R1] 4.1: a receiver uses the first of a repeated component
        assertThat(m.securityInfo()).contains(WccpComponent.SecurityInfo.none());
        // an odd Length (3) is accepted and kept: the decoder does not require multiples of 4
        assertThat(m.components().get(3).length()).isEqualTo(3);
    }

    @Test
    void shouldRefuseMoreThan64Components() {
        assertThat(WccpMessageDecoder.decode(ByteBuffer.wrap(message("00630000".repeat(64)))).header().components())
                .hasSize(64);
        MalformedPacketException e = malformed(message("00630000".repeat(65)));
        assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(e.offset()).isEqualTo(8 + 64 * 4);
    }

    // ---------------------------------------------------------------- fixed-size components

    @Test
    void shouldRequireSecurityInfoLengthFourWithOptionNoneAndTwentyWithMd5() {
        assertThat(malformed(message(component(0, "00000000" + "00".repeat(16)))).reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(malformed(message(component(0, "00000001"))).reason()).isEqualTo(Reason.BAD_LENGTH);
        MalformedPacketException option = malformed(message(component(0, "000000")));
        assertThat(option.field()).isEqualTo("Security Option");
        assertThat(option.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(option.boundedBy()).isEqualTo("wccp-control Component Length");
        assertThat(option.available()).isEqualTo(3);
        // an option no draft defines keeps whatever follows it
        WccpMessage m = roundTrip(message(component(0, "00000007" + "aabbcc")));
        assertThat(m.securityInfo().orElseThrow()).isEqualTo(
                new WccpComponent.SecurityInfo(7, ByteString.fromHex("aabbcc")));
    }

    @Test
    void shouldRequireServiceInfoLength24AndRouterQueryInfoLength16() {
        MalformedPacketException service = malformed(message(component(1, "00".repeat(28))));
        assertThat(service.reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(service.offset()).isEqualTo(10);
        assertThat(service.value()).as("the Length, carried as a number").isEqualTo(28);
        assertThat(service.getMessage()).isEqualTo(
                "wccp-control Length BAD_LENGTH at offset 10: 28 (expected: 24 for Service Info)");
        assertThat(malformed(message(component(7, "00".repeat(12)))).reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(malformed(message(component(7, "00".repeat(20)))).reason()).isEqualTo(Reason.BAD_LENGTH);
    }

    @Test
    void shouldKeepEveryServiceInfoFieldIncludingReservedFlagsAndPortsAfterTheFirstZero() {
        WccpMessage m = roundTrip(message(component(1, "07ff0102" + "ffffffff" + "0050000000090000ffff000000000001")));
        WccpComponent.ServiceInfo s = m.serviceInfo().orElseThrow();
        assertThat(s.serviceType()).isEqualTo(7);
        assertThat(s.serviceId()).isEqualTo(255);
        assertThat(s.priority()).isEqualTo(1);
        assertThat(s.protocol()).isEqualTo(IpProtocol.IGMP);
        assertThat(s.flags().reservedBits()).isEqualTo(0xFFFF_F080);
        assertThat(s.ports()).containsExactly(80, 0, 9, 0, 65535, 0, 0, 1);
        assertThat(s.definedPorts()).containsExactly(80);
    }

    // ---------------------------------------------------------------- lists and counts

    @Test
    void shouldRejectACountOf2To31InsteadOfAllocatingForIt() {
        // Router Identity Info: Number Received From = 0x80000000
        String routerIdentity = component(2, "c00002fe0000000a" + "c00002fe" + "80000000");
        MalformedPacketException e = malformed(message(routerIdentity));
        assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(e.field()).isEqualTo("Number Received From");
        assertThat(e.offset()).isEqualTo(8 + 4 + 12);
        assertThat(e.value()).isEqualTo(0x8000_0000L);
        // Router View Info: Number of Web-Caches = 0x80000000
        String routerView = component(4, "00000001" + "c000020a00000001" + "00000000" + "80000000");
        assertThat(malformed(message(routerView)).field()).isEqualTo("Number of Web-Caches");
        // Web-Cache View Info: Number of Routers = 0xFFFFFFFF
        assertThat(malformed(message(component(5, "00000001" + "ffffffff"))).field()).isEqualTo("Number of Routers");
        // Assignment Map: Number of Elements = 0x7FFFFFFF, and a lying Number of Value Elements
        assertThat(malformed(message(component(14, "7fffffff"))).field()).isEqualTo("Number of Elements");
        assertThat(malformed(message(component(14, "00000001" + "00".repeat(12) + "80000000"))).field())
                .isEqualTo("Number of Value Elements");
        // Assignment Info: Number of Routers = 0x80000000
        assertThat(malformed(message(component(6, "c000020a00000001" + "80000000"))).reason()).isEqualTo(Reason.BAD_LENGTH);
    }

    @Test
    void shouldRejectCountsAboveTheirCapsAsLimitExceeded() {
        // 33 routers fit the Length of a Router View Info, but a service group has at most 32
        String routers = "00000021" + "c00002fe".repeat(33);
        MalformedPacketException e = malformed(message(component(4, "00000001" + "c000020a00000001" + routers + "00000000")));
        assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(e.field()).isEqualTo("Number of Routers");
        // 65 Mask/Value Set Elements
        String sets = "00000041" + ("00".repeat(12) + "00000000").repeat(65);
        assertThat(malformed(message(component(14, sets))).reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        // 257 Value Elements in one set
        String values = "00000001" + "00".repeat(12) + "00000101" + "00".repeat(16 * 257);
        assertThat(malformed(message(component(14, values))).reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        // 65 capability elements, 65 command elements
        assertThat(malformed(message(component(8, "00090000".repeat(65)))).reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        assertThat(malformed(message(component(15, "00090000".repeat(65)))).reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
        // and exactly at the caps everything decodes
        assertThat(roundTrip(message(component(8, "00090000".repeat(64)))).components()).hasSize(1);
        String atCap = "00000020" + "c00002fe".repeat(32);
        assertThat(roundTrip(message(component(4, "00000001" + "c000020a00000001" + atCap + "00000000")))
                .component(WccpComponent.RouterViewInfo.class).orElseThrow().routers()).hasSize(32);
    }

    @Test
    void shouldRejectFieldsThatDoNotUseUpTheComponentLengthExactly() {
        // Router Identity Info with 4 octets after its one Received From address
        MalformedPacketException e = malformed(message(component(2, "c00002fe0000000a" + "c00002fe" + "00000001"
                + "c000020a" + "00000000")));
        assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(e.detail()).contains("Router Identity Info");
        // a Web-Cache Identity Element with hash data cut short
        assertThat(malformed(message(component(3, "c000020a00000000" + "00".repeat(30)))).field())
                .isEqualTo("Hash Assignment Data");
        // Extended Assignment Data whose Length runs past the component
        assertThat(malformed(message(component(3, "c000020a00000006" + "0003" + "0008" + "00000000"))).field())
                .isEqualTo("Extended Assignment Data");
    }

    // ---------------------------------------------------------------- elements

    @Test
    void shouldDecodeTheFourAssignmentTypesOfAWebCacheIdentityElementByItsFlagBits() {
        String hash = "c000020a" + "0000" + "0009" + "01" + "00".repeat(30) + "80" + "0064" + "0001";
        String mask = "c000020b" + "0000" + "0002" + "00000001" + "0000000000001741" + "00000000" + "00000000" + "0007" + "0008";
        String none = "c000020c" + "0000" + "0004";
        String extended = "c000020d" + "0000" + "fff6" + "0003" + "0004" + "012c0002";
        WccpMessage m = roundTrip(message(component(4, "00000001" + "c000020a00000001" + "00000000" + "00000004"
                + hash + mask + none + extended)));
        List<WccpWebCacheIdentity> caches = m.component(WccpComponent.RouterViewInfo.class).orElseThrow().webCaches();
        WccpWebCacheIdentity h = caches.get(0);
        assertThat(h.flags().historical()).isTrue();
        assertThat(h.flags().versionFlag()).isTrue();
        WccpAssignmentData.Hash hd = (WccpAssignmentData.Hash) h.assignmentData();
        assertThat(hd.isAssigned(0)).isTrue();
        assertThat(hd.isAssigned(255)).isTrue();
        assertThat(hd.isAssigned(1)).isFalse();
        assertThat(hd.weight()).isEqualTo(100);
        // Squid's WCCP2_MASK_ASSIGNMENT_DATA is 0x0002: assignment type 1
        WccpAssignmentData.Mask md = (WccpAssignmentData.Mask) caches.get(1).assignmentData();
        assertThat(md.sets()).hasSize(1);
        assertThat(md.sets().get(0).mask().destinationAddressMask()).isEqualTo(0x1741);
        assertThat(md.weight()).isEqualTo(7);
        assertThat(md.status()).isEqualTo(8);
        assertThat(caches.get(2).assignmentData()).isEqualTo(WccpAssignmentData.None.INSTANCE);
        WccpWebCacheIdentity x = caches.get(3);
        assertThat(x.flags().reservedBits()).isEqualTo(0xFFF0);
        assertThat(x.assignmentData()).isEqualTo(new WccpAssignmentData.Extended(3, ByteString.fromHex("012c0002")));
    }

    @Test
    void shouldRequireFourOctetValuesForDefinedCapabilitiesAndShutdownCommands() {
        MalformedPacketException cap = malformed(message(component(8, "0001000800000001" + "00000000")));
        assertThat(cap.reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(cap.field()).isEqualTo("Capability Length");
        MalformedPacketException cmd = malformed(message(component(15, "00020000")));
        assertThat(cmd.field()).isEqualTo("Command Length");
        assertThat(malformed(message(component(8, "0009000500000000"))).field()).isEqualTo("Capability Value");
        // unknown ones of any length are kept, an odd one too
        WccpMessage m = roundTrip(message(component(8, "000900010a" + "0004000400010002")
                + component(15, "0063000001000003aabbcc")));
        WccpComponent.CapabilitiesInfo caps = m.component(WccpComponent.CapabilitiesInfo.class).orElseThrow();
        assertThat(caps.length()).isEqualTo(13);
        assertThat(caps.capabilities()).containsExactly(new WccpCapability.Unknown(9, ByteString.fromHex("0a")),
                new WccpCapability.TransmitT(1, 2));
        assertThat(m.component(WccpComponent.CommandExtension.class).orElseThrow().commands()).containsExactly(
                new WccpCommand.Unknown(99, ByteString.EMPTY), new WccpCommand.Unknown(256, ByteString.fromHex("aabbcc")));
    }

    @Test
    void shouldRequireTheAssignmentLengthToBeTheComponentLengthMinusFour() {
        String body = "c000020a00000001" + "00000000" + "00000000";
        assertThat(roundTrip(message(component(13, "0001" + "0010" + body))).components()).hasSize(1);
        MalformedPacketException e = malformed(message(component(13, "0001" + "0014" + body)));
        assertThat(e.field()).isEqualTo("Assignment Length");
        assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
        // an alternate-mask (2.01) body is kept raw
        WccpMessage m = roundTrip(message(component(13, "0002" + "0012" + "c000020a00000001" + "00000000" + "abcdef01ff00")));
        assertThat(m.component(WccpComponent.AlternateAssignment.class).orElseThrow().assignment())
                .isEqualTo(new WccpAssignment.Unknown(2, ByteString.fromHex("abcdef01ff00")));
    }

    @Test
    void shouldExposeHashBucketOctetsAsIndexAlternateAndUnassigned() {
        String buckets = "ff" + "80" + "81" + "02" + "00".repeat(252);
        WccpMessage m = roundTrip(message(component(6, "c000020a00000001" + "00000000" + "00000002"
                + "c000020a" + "c000020b" + buckets)));
        WccpAssignment.HashBuckets h = m.component(WccpComponent.AssignmentInfo.class).orElseThrow().assignment();
        assertThat(h.isUnassigned(0)).isTrue();
        assertThat(h.cacheIndex(0)).isEqualTo(-1);
        assertThat(h.webCache(0)).isEmpty();
        // 0x80 = index 0 with the alternate flag (Wireshark: "0 (Alt)")
        assertThat(h.cacheIndex(1)).isZero();
        assertThat(h.isAlternate(1)).isTrue();
        assertThat(h.webCache(2)).contains(Ipv4Address.parse("192.0.2.11"));
        assertThat(h.isAlternate(3)).isFalse();
        // index 2 is past the two caches
        assertThat(h.webCache(3)).isEmpty();
    }

    // ---------------------------------------------------------------- the decoder contract

    @Test
    void shouldReadAtThePositionWithinTheLimitWithoutTouchingTheBuffer() {
        byte[] m = message(SECURITY_NONE + SERVICE_STANDARD);
        ByteBuffer buf = ByteBuffer.allocate(m.length + 10).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(3, m).position(3).limit(3 + m.length);
        Decoded<WccpMessage> d = WccpMessageDecoder.decode(buf);
        assertThat(d.header().components()).hasSize(2);
        assertThat(d.payloadIndex()).isEqualTo(3 + m.length);
        assertThat(buf.position()).isEqualTo(3);
        assertThat(buf.limit()).isEqualTo(3 + m.length);
        assertThat(buf.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(WccpMessageDecoder.checkedLength(buf, 3)).isEqualTo(m.length);
        assertThat(WccpMessageDecoder.length(buf, 3)).isEqualTo(m.length - 8);
        ByteBuffer shortHeader = ByteBuffer.wrap(java.util.Arrays.copyOf(m, 7));
        MalformedPacketException peek = org.assertj.core.api.Assertions.catchThrowableOfType(
                MalformedPacketException.class, () -> WccpMessageDecoder.length(shortHeader, 0));
        assertThat(peek.getMessage()).as("the peek fails as decode does")
                .isEqualTo(malformed(java.util.Arrays.copyOf(m, 7)).getMessage());
        // the index/limit overload reports offsets from the index
        MalformedPacketException e = catchMalformed(() -> WccpMessageDecoder.decode(buf, 3, 3 + m.length - 1));
        assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
        assertThat(e.offset()).isZero();
    }

    private static MalformedPacketException catchMalformed(Runnable r) {
        try {
            r.run();
        } catch (MalformedPacketException e) {
            return e;
        }
        return fail("expected MalformedPacketException");
    }

    /**
     * Every single-octet change (0x00, 0xFF, 0x80, +1, -1) at every offset of the 16 v2 frames of
     * wccp-control.pcap either decodes and re-encodes to the changed bytes, or is a
     * MalformedPacketException: no other exception, nothing lost.
     */
    @Test
    void shouldDecodeLosslesslyOrThrowMalformedPacketExceptionForEveryOctetChangeOfTheCaptureFrames() {
        int decoded = 0;
        int rejected = 0;
        for (ByteBuffer payload : WccpCaptureFrames.udpPayloads()) {
            byte[] message = new byte[payload.remaining()];
            payload.duplicate().get(message);
            if (WccpControl.version(ByteBuffer.wrap(message), 0) != 2) {
                continue;
            }
            for (int i = 0; i < message.length; i++) {
                for (int v : new int[] {0x00, 0xFF, 0x80, message[i] + 1, message[i] - 1}) {
                    byte[] mutated = message.clone();
                    mutated[i] = (byte) v;
                    try {
                        roundTrip(mutated);
                        decoded++;
                    } catch (MalformedPacketException expected) {
                        rejected++;
                    }
                }
            }
        }
        assertThat(decoded).isGreaterThan(10_000);
        assertThat(rejected).isGreaterThan(1_000);
    }
}
