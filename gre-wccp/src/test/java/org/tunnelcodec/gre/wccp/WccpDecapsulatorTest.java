package org.tunnelcodec.gre.wccp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.InternetChecksum;
import org.tunnelcodec.core.Ipv4Address;
import org.tunnelcodec.core.Ipv6Address;
import org.tunnelcodec.gre.wccp.WccpDecapsulator.Verdict;

/**
 * The cache side. W1 (WCCPv2, dynamic service 90, alternate bucket) and W2 (WCCPv1) are
 * hand-built vectors, decoded field for field by tshark 4.0.17: router 192.0.2.254 →
 * cache 192.0.2.10, inner 10.10.10.5:49200 → 93.184.216.34:80 TCP SYN (40 octets).
 */
class WccpDecapsulatorTest {
    static final String INNER = "4500002804d240003f06ed140a0a0a055db8d822c030005011223344000000005002faf066210000";
    static final String W1 = "4500004407070000ff2f2f7bc00002fec000020a" + "0000883e" + "035a7f3c" + INNER;
    static final String W2 = "4500004007080000ff2f2f7ec00002fec000020a" + "0000883e" + INNER;

    private static ByteBuffer hex(String s) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(s));
    }

    /** W1 or W2 from another source address, with the outer header checksum recomputed. */
    private static ByteBuffer from(String vector, String source) {
        ByteBuffer b = hex(vector);
        Ipv4Address.parse(source).write(b, 12);
        b.put(10, (byte) 0).put(11, (byte) 0);
        int c = InternetChecksum.checksum(b, 0, 20, 0);
        b.put(10, (byte) (c >>> 8)).put(11, (byte) c);
        return b;
    }

    private final WccpRouter v2Router = WccpRouter.of("192.0.2.254", WccpVersion.V2);
    private final WccpRouter v1Router = WccpRouter.of("192.0.2.253", WccpVersion.V1);
    private final WccpDecapsulator cache = new WccpDecapsulator(List.of(v2Router, v1Router));
    private final WccpDecapsulation out = new WccpDecapsulation();

    @Test
    void shouldTurnVectorW1BackIntoTheOriginalPacketWithItsRouterAndBuckets() {
        ByteBuffer b = hex(W1);
        assertThat(cache.decapsulate(b, out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.router()).isEqualTo(v2Router);
        assertThat(out.redirectHeaderPresent()).isTrue();
        assertThat(out.dynamicService()).isTrue();
        assertThat(out.serviceId()).isEqualTo(90);
        assertThat(out.alternateBucket()).isEqualTo(127);
        assertThat(out.primaryBucket()).isEqualTo(60);
        assertThat(out.redirectHeader()).isEqualTo(new WccpRedirectHeader(0x03, 90, 127, 60));
        assertThat(out.innerIndex()).isEqualTo(28);
        assertThat(out.innerLength()).isEqualTo(40);
        byte[] inner = new byte[out.packet().remaining()];
        out.packet().duplicate().get(inner);
        assertThat(HexFormat.of().formatHex(inner)).isEqualTo(INNER);
        assertThat(b.position()).isZero();
        assertThat(b.limit()).isEqualTo(68);
    }

    @Test
    void shouldKeepOneStoryWhenTwoRoutersRedirectToTheSameCache() {
        ByteBuffer fromV2 = hex(W1);
        ByteBuffer fromV1 = from(W2, "192.0.2.253");
        assertThat(cache.decapsulate(fromV2, out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.router()).isEqualTo(v2Router);
        assertThat(out.serviceId()).isEqualTo(90);
        assertThat(cache.decapsulate(fromV1, out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.router()).isEqualTo(v1Router);
        assertThat(out.redirectHeaderPresent()).isFalse();
        assertThat(out.serviceId()).isZero();
        assertThat(out.innerIndex()).isEqualTo(24);
        assertThat(out.innerLength()).isEqualTo(40);
        // The v2 router's packet read with the v1 router's framing would be wrong: each router's own version is used.
        assertThat(cache.decapsulate(fromV2, out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.innerIndex()).isEqualTo(28);
        assertThat(cache.count(Verdict.ACCEPTED)).isEqualTo(3);
    }

    @Test
    void shouldRefuseAForgedSender() {
        ByteBuffer forged = from(W1, "203.0.113.66");
        assertThat(cache.decapsulate(forged, out)).isEqualTo(Verdict.UNKNOWN_ROUTER);
        assertThat(cache.count(Verdict.UNKNOWN_ROUTER)).isEqualTo(1);
        assertThat(out.router()).isNull(); // untouched
    }

    @Test
    void shouldCountEveryRejectReason() {
        ByteBuffer notGre = hex(W1);
        notGre.put(9, (byte) 17);
        assertThat(cache.decapsulate(notGre, out)).isEqualTo(Verdict.NOT_GRE);

        ByteBuffer keyed = hex(W1);
        keyed.put(20, (byte) 0x20); // K set: WCCP never uses GRE options
        assertThat(cache.decapsulate(keyed, out)).isEqualTo(Verdict.GRE_NOT_USED_BY_WCCP);

        ByteBuffer otherType = hex(W1);
        otherType.put(22, (byte) 0x08).put(23, (byte) 0x00);
        assertThat(cache.decapsulate(otherType, out)).isEqualTo(Verdict.NOT_WCCP);

        ByteBuffer notIp = hex(W1);
        notIp.put(28, (byte) 0x15);
        assertThat(cache.decapsulate(notIp, out)).isEqualTo(Verdict.INNER_NOT_IP);

        ByteBuffer innerTooLong = hex(W1);
        innerTooLong.put(31, (byte) 0x29); // inner total length 41 > 40 octets left
        assertThat(cache.decapsulate(innerTooLong, out)).isEqualTo(Verdict.INNER_NOT_IP);

        ByteBuffer fragment = hex(W1);
        fragment.put(6, (byte) 0x20); // MF
        assertThat(cache.decapsulate(fragment, out)).isEqualTo(Verdict.OUTER_FRAGMENT);

        ByteBuffer cut = hex(W1).limit(30);
        assertThat(cache.decapsulate(cut, out)).isEqualTo(Verdict.MALFORMED_OUTER);

        ByteBuffer noHeader = hex(W1.substring(0, 48) + "035a").limit(26);
        noHeader.put(2, (byte) 0).put(3, (byte) 26);
        assertThat(cache.decapsulate(noHeader, out)).isEqualTo(Verdict.MALFORMED_REDIRECT_HEADER);

        for (Verdict v : List.of(Verdict.NOT_GRE, Verdict.GRE_NOT_USED_BY_WCCP, Verdict.NOT_WCCP, Verdict.OUTER_FRAGMENT,
                Verdict.MALFORMED_OUTER, Verdict.MALFORMED_REDIRECT_HEADER)) {
            assertThat(cache.count(v)).as(v.name()).isEqualTo(1);
        }
        assertThat(cache.count(Verdict.INNER_NOT_IP)).isEqualTo(2);
        assertThat(cache.rejected()).isEqualTo(8);
        assertThat(cache.count(Verdict.ACCEPTED)).isZero();

        WccpDecapsulator.Stats stats = cache.stats();
        for (Verdict v : Verdict.values()) {
            assertThat(stats.count(v)).as(v.name()).isEqualTo(cache.count(v));
        }
        assertThat(stats.packets()).isEqualTo(8);
        assertThat(stats.rejected()).isEqualTo(8);
        assertThat(stats.accepted()).isZero();
        assertThat(cache.decapsulate(hex(W1), out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(stats.accepted()).as("a snapshot does not move").isZero();
        assertThat(cache.stats().accepted()).isEqualTo(1);
    }

    @Test
    void shouldRefuseStatsThatLeaveAVerdictUncounted() {
        java.util.Map<Verdict, Long> counts = new java.util.EnumMap<>(Verdict.class);
        counts.put(Verdict.ACCEPTED, 1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WccpDecapsulator.Stats(counts))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MALFORMED_OUTER");
    }

    @Test
    void shouldGuessTheVersionInAutoModeAsLinuxDoes() {
        WccpDecapsulator auto = new WccpDecapsulator(List.of(WccpRouter.of("192.0.2.254", WccpVersion.AUTO)));
        assertThat(auto.decapsulate(hex(W1), out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.redirectHeaderPresent()).isTrue();
        assertThat(auto.decapsulate(hex(W2), out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.redirectHeaderPresent()).isFalse();
        assertThat(out.innerIndex()).isEqualTo(24);
    }

    @Test
    void shouldDecapsulateOverIpv6Delivery() {
        Ipv6Address router = Ipv6Address.parse("2001:db8::fe");
        ByteBuffer b = ByteBuffer.allocate(40 + 8 + 40);
        HexFormat h = HexFormat.of();
        b.put(0, h.parseHex("6000000000302f40"));
        router.write(b, 8);
        Ipv6Address.parse("2001:db8::a").write(b, 24);
        b.put(40, h.parseHex("0000883e017b0506"));
        b.put(48, h.parseHex(INNER));
        WccpDecapsulator v6 = new WccpDecapsulator(List.of(WccpRouter.of("2001:db8::fe", WccpVersion.AUTO)));
        assertThat(v6.decapsulate(b, out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.serviceId()).isEqualTo(123);
        assertThat(out.dynamicService()).isTrue();
        assertThat(out.innerIndex()).isEqualTo(48);
        ByteBuffer fragmented = ByteBuffer.allocate(b.capacity() + 8);
        fragmented.put(0, h.parseHex("6000000000382c40"));
        router.write(fragmented, 8);
        fragmented.put(40, h.parseHex("2f00000100000001"));
        assertThat(v6.decapsulate(fragmented, out)).isEqualTo(Verdict.OUTER_FRAGMENT);
    }

    /** IPv6 delivery with a Destination Options header before GRE, holding {@code options}. */
    private static ByteBuffer ipv6WithDestinationOptions(String options) {
        HexFormat h = HexFormat.of();
        ByteBuffer b = ByteBuffer.allocate(40 + 8 + 8 + 40);
        b.put(0, h.parseHex("6000000000383c40"));
        Ipv6Address.parse("2001:db8::fe").write(b, 8);
        Ipv6Address.parse("2001:db8::a").write(b, 24);
        b.put(40, h.parseHex("2f00" + options));
        b.put(48, h.parseHex("0000883e017b0506"));
        b.put(56, h.parseHex(INNER));
        return b;
    }

    @Test
    void shouldRefuseAnOuterIpv6OptionThatOverrunsItsHeaderAsMalformedOuter() {
        WccpDecapsulator v6 = new WccpDecapsulator(List.of(WccpRouter.of("2001:db8::fe", WccpVersion.V2)));
        // RFC 8200 §4.2: PadN with 4 octets of data fills the 8-byte header; with 144 it overruns.
        assertThat(v6.decapsulate(ipv6WithDestinationOptions("010400000000"), out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.innerIndex()).isEqualTo(56);
        assertThat(v6.decapsulate(ipv6WithDestinationOptions("019000000000"), out)).isEqualTo(Verdict.MALFORMED_OUTER);
        assertThat(v6.count(Verdict.MALFORMED_OUTER)).isEqualTo(1);
    }

    @Test
    void shouldBuildTheGreReturnInTheHeadroomAndBeReadBackByTheDecapsulator() {
        ByteBuffer buf = ByteBuffer.allocate(28 + 40);
        buf.put(28, HexFormat.of().parseHex(INNER));
        WccpRedirectHeader header = new WccpRedirectHeader(0x03, 90, 127, 60);
        int start = WccpReturn.writeIpv4GreReturn(buf, 28, 40, Ipv4Address.parse("192.0.2.10"),
                Ipv4Address.parse("192.0.2.254"), header, 64);
        assertThat(start).isZero();
        assertThat(HexFormat.of().formatHex(buf.array(), 20, 28)).isEqualTo("0000883e035a7f3c");
        // The router reads it the same way a cache would: swap roles.
        WccpDecapsulator router = new WccpDecapsulator(List.of(WccpRouter.of("192.0.2.10", WccpVersion.V2)));
        assertThat(router.decapsulate(buf, out)).isEqualTo(Verdict.ACCEPTED);
        assertThat(out.redirectHeader()).isEqualTo(header);
        assertThat(InternetChecksum.verifies(buf, 0, 20, 0)).isTrue();
        assertThat(WccpReturn.writeGreReturn(buf, 28, WccpRedirectHeader.UNAVAILABLE)).isEqualTo(20);
        assertThat(HexFormat.of().formatHex(buf.array(), 24, 28)).isEqualTo("04000000");
    }

    @Test
    void shouldWriteNothingWhenTheReturnHeadroomIsShortOrAnArgumentIsOutOfRange() {
        WccpRedirectHeader header = new WccpRedirectHeader(0x03, 90, 127, 60);
        Ipv4Address cache = Ipv4Address.parse("192.0.2.10");
        Ipv4Address router = Ipv4Address.parse("192.0.2.254");
        // 27 and 47 octets of headroom: room for GRE and the redirect header, not for the outer IP header.
        ByteBuffer v4 = ByteBuffer.allocate(27 + 40);
        byte[] before = v4.array().clone();
        assertThatThrownBy(() -> WccpReturn.writeIpv4GreReturn(v4, 27, 40, cache, router, header, 64))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(v4.array()).as("nothing written").isEqualTo(before);
        assertThatThrownBy(() -> WccpReturn.writeIpv4GreReturn(v4, 27, 40, cache, router, header, 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(v4.array()).as("nothing written").isEqualTo(before);
        ByteBuffer v6 = ByteBuffer.allocate(47 + 40);
        assertThatThrownBy(() -> WccpReturn.writeIpv6GreReturn(v6, 47, 40, org.tunnelcodec.core.Ipv6Address.parse("2001:db8::1"),
                org.tunnelcodec.core.Ipv6Address.parse("2001:db8::2"), header, 64)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(v6.array()).as("nothing written").isEqualTo(new byte[47 + 40]);
    }

    @Test
    void shouldAllocateNothingWhenPacketsComeFromAlternatingBuffers() {
        // A receive ring: each packet in a buffer of its own. The result names the buffer and the
        // range without making a view; the view is made only when packet() is asked for.
        ByteBuffer[] ring = {hex(W1), hex(W1), hex(W1), hex(W1)};
        int[] next = {0};
        long bytes = org.tunnelcodec.testdata.AllocationMeter.fewestBytesPerRound(() -> {
            ByteBuffer b = ring[next[0]++ & 3];
            int v = cache.decapsulate(b, out).ordinal();
            return v + out.innerIndex() + out.innerLength() + out.serviceId() + (out.source() == b ? 1 : 0);
        });
        assertThat(bytes).as("bytes allocated by %d decapsulations", org.tunnelcodec.testdata.AllocationMeter.CALLS).isZero();
        ByteBuffer view = out.packet();
        assertThat(view.position()).isEqualTo(28);
        assertThat(view.remaining()).isEqualTo(40);
        assertThat(out.packet()).as("the view is reused for the same buffer").isSameAs(view);
    }
}
