package org.tunnelcodec.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.tunnelcodec.core.MalformedPacketException;
import org.tunnelcodec.core.MalformedPacketException.Reason;

/**
 * Every reject of {@link IpScan}, written by hand from RFC 791, RFC 8200 and RFC 2675, each
 * checked against the exception the decoder throws for the same bytes.
 */
class IpScanTest {
    private static final String ADDRESSES = "20010db8000000000000000000000001" + "20010db8000000000000000000000002";
    // IPv4 192.0.2.1 > 198.51.100.2, UDP, Total Length 28, then 8 bytes of UDP.
    private static final String IPV4 = "4500001c00004000401100000c0000201c633640" + "9c4012b500080000";

    private static String ipv6(int payloadLength, int nextHeader) {
        return String.format("60000000%04x%02x40", payloadLength, nextHeader) + ADDRESSES;
    }

    private static ByteBuffer hex(String s) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(s));
    }

    /** Asserts the scan is invalid and equals the decoders' exception (field, offset, reason). */
    private static MalformedPacketException rejected(ByteBuffer b) {
        long r = IpScan.ip(b, 0, b.limit());
        assertThat(IpScan.isValid(r)).isFalse();
        assertThat(r).isNegative();
        MalformedPacketException ours = IpScan.exception(r, b, 0, b.limit());
        int version = b.limit() == 0 ? 0 : (b.get(0) & 0xFF) >>> 4;
        if (version == 4 || version == 6) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
                if (version == 4) {
                    Ipv4Decoder.decode(b);
                } else {
                    Ipv6Decoder.decode(b);
                }
            });
            assertThat(thrown).isInstanceOf(MalformedPacketException.class);
            assertThat(thrown.getMessage()).isEqualTo(ours.getMessage());
        }
        return ours;
    }

    private static void assertFails(MalformedPacketException e, String field, long offset, Reason reason) {
        assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    }

    /** As {@link #assertFails}, for a truncation that a length field of the packet caused. */
    private static void assertCutShort(MalformedPacketException e, String field, long offset, long required,
                                       long available, String boundedBy) {
        assertFails(e, field, offset, Reason.TRUNCATED);
        assertThat(e.required()).as(e.getMessage()).isEqualTo(required);
        assertThat(e.available()).as(e.getMessage()).isEqualTo(available);
        assertThat(e.boundedBy()).as(e.getMessage()).isEqualTo(boundedBy);
    }

    @Test
    void shouldScanAValidIpv4PacketAsTheDecoderDoes() {
        ByteBuffer b = hex(IPV4 + "00000000"); // 4 bytes of Ethernet padding after Total Length
        long r = IpScan.ip(b, 0, b.limit());
        assertThat(IpScan.isValid(r)).isTrue();
        assertThat(IpScan.version(r)).isEqualTo(4);
        assertThat(IpScan.headerLength(r)).isEqualTo(20);
        assertThat(IpScan.payloadLength(r)).isEqualTo(8);
        assertThat(IpScan.protocol(r)).isEqualTo(17);
        assertThat(IpScan.isFragment(r)).isFalse();
    }

    @Test
    void shouldReportIpv4MoreFragmentsAndOffsetAsFragment() {
        assertThat(IpScan.isFragment(IpScan.ipv4(hex(IPV4.replace("00004000", "00002000")), 0, 28))).isTrue();
        assertThat(IpScan.isFragment(IpScan.ipv4(hex(IPV4.replace("00004000", "00000001")), 0, 28))).isTrue();
    }

    @Test
    void shouldRejectAVersionThatIsNeither4Nor6() {
        assertFails(rejected(hex("5" + IPV4.substring(1))), "Version", 0, Reason.UNSUPPORTED_VERSION);
        MalformedPacketException e = IpScan.exception(IpScan.ipv4(hex(ipv6(0, 59)), 0, 40), hex(ipv6(0, 59)), 0, 40);
        assertFails(e, "Version", 0, Reason.UNSUPPORTED_VERSION);
        assertThat(e.protocol()).isEqualTo(Ipv4Header.PROTOCOL);
        assertThat(e.value()).isEqualTo(6);
    }

    @Test
    void shouldRejectAnEmptyRangeAsTruncated() {
        assertFails(rejected(ByteBuffer.allocate(0)), "Version", 0, Reason.TRUNCATED);
    }

    @Test
    void shouldRejectIhlBelow5() {
        assertFails(rejected(hex("44" + IPV4.substring(2))), "IHL", 0, Reason.BAD_LENGTH);
    }

    @Test
    void shouldRejectIpv4OptionsPastTheLimit() {
        assertFails(rejected(hex("4f" + IPV4.substring(2))), "Options", 20, Reason.TRUNCATED);
    }

    @Test
    void shouldRejectTotalLengthBelowTheHeaderLength() {
        assertFails(rejected(hex(IPV4.replace("4500001c", "45000013"))), "Total Length", 2, Reason.BAD_LENGTH);
    }

    @Test
    void shouldRejectTotalLengthPastTheLimit() {
        assertFails(rejected(hex(IPV4.replace("4500001c", "4500001d"))), "Total Length", 0, Reason.TRUNCATED);
    }

    @Test
    void shouldRejectAShortIpv6Header() {
        assertFails(rejected(hex(ipv6(0, 59).substring(0, 78))), "Version", 0, Reason.TRUNCATED);
    }

    @Test
    void shouldRejectIpv6PayloadLengthPastTheLimit() {
        assertFails(rejected(hex(ipv6(9, 17) + "0000000000000000")), "Payload Length", 0, Reason.TRUNCATED);
    }

    @Test
    void shouldRejectMoreThanEightExtensionHeaders() {
        StringBuilder s = new StringBuilder(ipv6(9 * 8, 60));
        for (int i = 0; i < 9; i++) {
            s.append(i < 8 ? "3c" : "3b").append("00010400000000"); // Hdr Ext Len 0, then PadN of 4
        }
        assertFails(rejected(hex(s.toString())), "Next Header", 40 + 64, Reason.LIMIT_EXCEEDED);
    }

    @Test
    void shouldRejectAnExtensionHeaderPastPayloadLength() {
        // A Routing header of 16 bytes in a Payload Length of 8.
        assertCutShort(rejected(hex(ipv6(8, 43) + "3b01000000000000" + "0000000000000000")),
                "Routing Hdr Ext Len", 40, 16, 8, "ipv6 Payload Length");
        // Fewer than 8 bytes left for a Fragment header.
        assertCutShort(rejected(hex(ipv6(4, 44) + "3b000000")), "Fragment Next Header", 40, 8, 4,
                "ipv6 Payload Length");
    }

    @Test
    void shouldRejectAnOptionThatOverrunsItsHeader() {
        // RFC 8200 §4.2: a 24-byte Destination Options header whose option claims 144 bytes of data.
        assertCutShort(rejected(hex(ipv6(24, 60) + "3b02" + "0190" + "00".repeat(20))), "Option Data", 44, 144, 20,
                "ipv6 Destination Options Hdr Ext Len");
        // A Home Address option (RFC 6275 §6.3, type 0xC9) of length 1 whose data byte is past the end.
        assertCutShort(rejected(hex(ipv6(8, 60) + "3b00" + "01020000" + "c901")), "Option Data", 48, 1, 0,
                "ipv6 Destination Options Hdr Ext Len");
        // The same in a Hop-by-Hop Options header.
        assertCutShort(rejected(hex(ipv6(8, 0) + "3b00" + "0105000000000000".substring(0, 12))), "Option Data",
                44, 5, 4, "ipv6 Hop-by-Hop Options Hdr Ext Len");
        // An option whose Opt Data Len is the byte after the header: only its Option Type fits.
        assertCutShort(rejected(hex(ipv6(8, 60) + "3b00" + "01020000" + "00" + "c9")), "Opt Data Len", 48, 1, 0,
                "ipv6 Destination Options Hdr Ext Len");
    }

    @Test
    void shouldAcceptPad1AndPadNThatFillTheHeaderExactly() {
        ByteBuffer b = hex(ipv6(16, 60) + "3b01" + "00" + "010b" + "00".repeat(11));
        long r = IpScan.ip(b, 0, b.limit());
        assertThat(IpScan.isValid(r)).isTrue();
        assertThat(IpScan.headerLength(r)).isEqualTo(56);
        assertThat(IpScan.protocol(r)).isEqualTo(59);
    }

    @Test
    void shouldRejectPayloadLength0WithoutAJumboOption() {
        // RFC 2675 §3; the shape of Linux BIG TCP captures (UDP after a Payload Length of 0).
        assertFails(rejected(hex(ipv6(0, 17) + "0000000000000000")), "Payload Length", 4, Reason.BAD_LENGTH);
        // With a Hop-by-Hop header that has no Jumbo option.
        assertFails(rejected(hex(ipv6(0, 0) + "3b00010400000000")), "Payload Length", 4, Reason.BAD_LENGTH);
    }

    @Test
    void shouldAcceptAnEmptyPacketWithNoNextHeader() {
        ByteBuffer b = hex(ipv6(0, 59) + "ffff"); // RFC 8200 §4.7: the trailing bytes are ignored
        long r = IpScan.ip(b, 0, b.limit());
        assertThat(IpScan.isValid(r)).isTrue();
        assertThat(IpScan.payloadLength(r)).isZero();
        assertThat(Ipv6Decoder.decode(b).payloadLength()).isZero();
    }

    /** RFC 2675 §2: Payload Length 0, Hop-by-Hop header with option 0xC2, Opt Data Len 4. */
    private static String jumbo(long jumboPayloadLength, int next) {
        return ipv6(0, 0) + String.format("%02x00c204%08x", next, jumboPayloadLength);
    }

    @Test
    void shouldScanAJumbogramAsRfc2675Describes() {
        int payload = 70_000;
        ByteBuffer b = ByteBuffer.allocate(40 + 8 + payload + 3);
        b.put(HexFormat.of().parseHex(jumbo(8 + payload, 59))).clear();
        long r = IpScan.ip(b, 0, b.limit());
        assertThat(IpScan.isValid(r)).isTrue();
        assertThat(IpScan.headerLength(r)).isEqualTo(48);
        assertThat(IpScan.payloadLength(r)).isEqualTo(payload);
        assertThat(IpScan.protocol(r)).isEqualTo(59);
    }

    @Test
    void shouldRejectJumboPayloadLengthOf65535OrLess() {
        assertFails(rejected(hex(jumbo(0xFFFF, 59))), "Jumbo Payload Length", 44, Reason.BAD_LENGTH);
    }

    @Test
    void shouldRejectAJumboOptionWithNonZeroPayloadLength() {
        String s = jumbo(0x10000, 59);
        assertFails(rejected(hex(s.substring(0, 8) + "0008" + s.substring(12))), "Payload Length", 4,
                Reason.BAD_LENGTH);
    }

    @Test
    void shouldRejectAJumboOptionWithAFragmentHeader() {
        int payload = 70_000;
        ByteBuffer b = ByteBuffer.allocate(40 + 16 + payload);
        b.put(HexFormat.of().parseHex(jumbo(16 + payload, 44) + "3b00000000000001")).clear();
        assertFails(rejected(b), "Fragment Next Header", 48, Reason.BAD_VALUE);
    }

    @Test
    void shouldRejectAJumboOptionWhoseDataLengthIsNot4() {
        assertFails(rejected(hex(ipv6(0, 0) + "3b00c2030000000000000000".substring(0, 16))), "Opt Data Len", 43,
                Reason.BAD_LENGTH);
    }

    @Test
    void shouldRejectAJumbogramPastTheLimit() {
        assertFails(rejected(hex(jumbo(0x10000, 59) + "00")), "Jumbo Payload Length", 0, Reason.TRUNCATED);
        assertFails(rejected(hex(jumbo(0xFFFF_FFFFL, 59))), "Jumbo Payload Length", 0, Reason.TRUNCATED);
    }

    @Test
    void shouldReportAnIpv6FragmentOnlyForMOrAnOffset() {
        String atomic = ipv6(16, 44) + "1100000000000001" + "0000000000000000";
        long r = IpScan.ip(hex(atomic), 0, 56);
        assertThat(IpScan.isFragment(r)).isFalse(); // RFC 6946 atomic fragment
        assertThat(IpScan.protocol(r)).isEqualTo(17);
        assertThat(IpScan.isFragment(IpScan.ip(hex(atomic.replace("1100000000000001", "1100000100000001")), 0, 56)))
                .isTrue();
        long later = IpScan.ip(hex(atomic.replace("1100000000000001", "1100000800000001")), 0, 56);
        assertThat(IpScan.isFragment(later)).isTrue();
        assertThat(IpScan.headerLength(later)).isEqualTo(48);
    }

    @Test
    void shouldReadNothingPastTheLimitNorThrowForAnyPrefix() {
        String s = jumbo(0x10000, 59);
        byte[] bytes = HexFormat.of().parseHex(ipv6(24, 60) + "3b02" + "0190" + "00".repeat(20) + s);
        for (int limit = 0; limit <= bytes.length; limit++) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long r = IpScan.ip(b, 0, limit);
            if (r < 0) {
                assertThat(IpScan.exception(r, b, 0, limit)).isNotNull();
            }
        }
    }

    @Test
    void shouldThrowIndexOutOfBoundsOnlyForARangeOutsideTheBuffer() {
        ByteBuffer b = hex(IPV4);
        assertThatThrownBy(() -> IpScan.ip(b, 0, 29)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> IpScan.ipv6(b, -1, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldRefuseToMakeAnExceptionFromAValidResult() {
        ByteBuffer b = hex(IPV4);
        assertThatThrownBy(() -> IpScan.exception(IpScan.ip(b, 0, 28), b, 0, 28))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
