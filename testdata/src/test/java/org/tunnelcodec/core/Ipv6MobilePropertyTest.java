package org.tunnelcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.tunnelcodec.core.ip.HomeAddressOption;
import org.tunnelcodec.core.ip.Ipv6Decoder;
import org.tunnelcodec.core.ip.Ipv6Encoder;
import org.tunnelcodec.core.ip.Ipv6ExtensionHeader;
import org.tunnelcodec.core.ip.Ipv6Header;
import org.tunnelcodec.testdata.CoreArbitraries;

/**
 * Round trip of the Mobile IPv6 pieces of the IPv6 walk over any header that carries one: a
 * Home Address option placed after other options at its 8n+6 alignment (RFC 6275 §6.3) or Type 2
 * Routing Headers (§6.4) among other extension headers. Encoded then decoded, the header comes
 * back equal, the option sits at 8n+6 from the start of its header, and the allocation-free
 * peeks point at the addresses the records hold. Any Option Length but 16, Hdr Ext Len but 2 or
 * Segments Left but 1 written into the encoded bytes makes the packet malformed.
 */
class Ipv6MobilePropertyTest {
    @Provide
    Arbitrary<Ipv6Header> mobileHeaders() {
        return CoreArbitraries.ipv6Headers()
                .filter(h -> h.homeAddressOption().isPresent() || h.type2RoutingHeader().isPresent());
    }

    private static ByteBuffer encoded(Ipv6Header h) {
        ByteBuffer b = ByteBuffer.allocate(h.headerLength() + h.payloadLength());
        Ipv6Encoder.encode(h, b);
        return b;
    }

    /** The index of the first Type 2 Routing Header in the encoded bytes, or -1. */
    private static int type2At(Ipv6Header h) {
        int at = 40;
        for (Ipv6ExtensionHeader e : h.extensionHeaders()) {
            if (e instanceof Ipv6ExtensionHeader.Type2RoutingHeader) {
                return at;
            }
            at += e.length();
        }
        return -1;
    }

    @Property(tries = 500)
    void shouldComeBackEqualWithThePeeksOnTheRecordsAddresses(@ForAll("mobileHeaders") Ipv6Header h) {
        ByteBuffer b = encoded(h);
        assertThat(Ipv6Decoder.decode(b).header()).isEqualTo(h);
        int hao = Ipv6Decoder.homeAddressIndex(b, 0, b.limit());
        assertThat(hao < 0 ? null : new HomeAddressOption(Ipv6Address.read(b, hao)))
                .isEqualTo(h.homeAddressOption().orElse(null));
        if (hao >= 0) {
            // RFC 6275 §6.3: the option (two bytes before its address) at 8n+6 from its header's start.
            int header = 40;
            for (Ipv6ExtensionHeader e : h.extensionHeaders()) {
                if (hao < header + e.length()) {
                    break;
                }
                header += e.length();
            }
            assertThat((hao - 2 - header) % 8).isEqualTo(HomeAddressOption.ALIGNMENT_OFFSET);
        }
        int rh2 = Ipv6Decoder.type2HomeAddressIndex(b, 0, b.limit());
        assertThat(rh2 < 0 ? null : Ipv6Address.read(b, rh2))
                .isEqualTo(h.type2RoutingHeader().map(Ipv6ExtensionHeader.Type2RoutingHeader::homeAddress).orElse(null));
        assertThat(rh2 < 0 ? -1 : rh2 - 8).isEqualTo(type2At(h));
    }

    @Property(tries = 300)
    void shouldRefuseAnyOtherOptionLength(@ForAll("mobileHeaders") Ipv6Header h,
                                          @ForAll @IntRange(min = 0, max = 255) int length) {
        ByteBuffer b = encoded(h);
        int hao = Ipv6Decoder.homeAddressIndex(b, 0, b.limit());
        if (hao < 0 || length == 16) {
            return;
        }
        b.put(hao - 1, (byte) length);
        MalformedPacketException e = catchThrowableOfType(MalformedPacketException.class, () -> Ipv6Decoder.decode(b));
        assertThat(e).as("Option Length %d decoded", length).isNotNull();
        assertThat(e.protocol()).isEqualTo("ipv6");
    }

    @Property(tries = 300)
    void shouldRefuseAnyOtherHdrExtLenOrSegmentsLeft(@ForAll("mobileHeaders") Ipv6Header h,
                                                     @ForAll @IntRange(min = 0, max = 255) int value,
                                                     @ForAll boolean segmentsLeft) {
        int at = type2At(h);
        if (at < 0 || value == (segmentsLeft ? 1 : 2)) {
            return;
        }
        ByteBuffer b = encoded(h);
        b.put(at + (segmentsLeft ? 3 : 1), (byte) value);
        MalformedPacketException e = catchThrowableOfType(MalformedPacketException.class, () -> Ipv6Decoder.decode(b));
        assertThat(e).as("%s %d decoded", segmentsLeft ? "Segments Left" : "Hdr Ext Len", value).isNotNull();
        if (segmentsLeft) {
            assertThat(e.field()).isEqualTo("Type 2 Routing Header Segments Left");
            assertThat(e.offset()).isEqualTo(at + 3);
            assertThat(e.value()).isEqualTo(value);
        }
    }
}
